import ArgumentParser
import Site

/// Folder options shared by every subcommand that reads a site.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Folder of articles (searched recursively).", valueName: "dir"))
    var content: String = "content"

    @Option(name: .long, help: ArgumentHelp("Folder of Mustache templates and static/ files.", valueName: "dir"))
    var templates: String = "templates"

    @Option(name: .long, help: ArgumentHelp("Folder the site is written to; replaced whole on success.", valueName: "dir"))
    var output: String = "public"

    @Option(name: .long, help: ArgumentHelp("Site configuration (default: briefing.yml if present).", valueName: "file"))
    var config: String?

    var buildOptions: BuildOptions {
        BuildOptions(
            contentDirectory: content, templatesDirectory: templates, outputDirectory: output,
            configFile: config ?? "briefing.yml", configIsOptional: config == nil)
    }
}
