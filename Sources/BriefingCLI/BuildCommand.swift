import ArgumentParser
import BriefingCore
import Foundation
import Site

/// `briefing build`: content/ → public/, printing one summary line.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site from the content folder into the output folder.",
        discussion: """
            Bad articles are reported as path:line:col: error: reason on stderr and skipped; the rest \
            is published and the exit status is 1. If nothing can be published (broken configuration \
            or templates, no articles), the previous site is left untouched and the exit status is 4. \
            With --strict, any warning or error publishes nothing and the exit status is 1.
            """
    )

    @OptionGroup var site: SiteOptions

    @Flag(name: .long, help: "Print nothing on success; warnings and errors still go to stderr.")
    var quiet = false

    @Flag(name: .long, help: "Also print each stage's time and every line the boilerplate cleaner removed.")
    var verbose = false

    @Flag(name: .long, help: "Treat warnings as errors: with any warning or error nothing is published (exit status 1).")
    var strict = false

    func validate() throws {
        if quiet && verbose { throw ValidationError("--quiet and --verbose cannot be used together.") }
    }

    func run() throws {
        let report: BuildReport
        do {
            var options = site.buildOptions
            options.strict = strict
            options.reportsRemovedLines = verbose
            options.removesOldSiteInBackground = true
            report = try SiteBuilder(options: options).build()
        } catch {
            Console.printDiagnostics(error.diagnostics)
            if error.isStrict {
                Console.error("--strict: \(error.diagnostics.count) warning(s) or error(s); nothing was published and \(site.output) is unchanged")
                throw ExitCode(ExitStatus.inputErrors.rawValue)
            }
            if error.isLocked {
                Console.error("another build is running; \(site.output) is unchanged")
                throw ExitCode(ExitStatus.locked.rawValue)
            }
            Console.error("build failed; nothing was published and \(site.output) is unchanged")
            throw ExitCode(ExitStatus.buildFailed.rawValue)
        }
        Console.printDiagnostics(report.diagnostics)
        if verbose {
            for line in report.removed {
                Console.out("\(line.location): removed (\(line.label)): \(line.text)")
            }
            report.stageLines.forEach(Console.out)
            Console.out(report.wasUnchanged
                ? "Nothing changed; wrote 0 files to \(site.output)"
                : "Parsed \(report.filesParsed) files, \(report.reusedStories ? "kept the last build's stories, " : "")"
                    + "compared \(report.storiesCompared) stories, wrote \(report.filesWritten) files to \(site.output)")
        }
        if !quiet { Console.out(report.summaryLine) }
        if report.errorCount > 0 {
            Console.error("\(report.errorCount) file(s) skipped because of errors")
            throw ExitCode(ExitStatus.inputErrors.rawValue)
        }
    }
}
