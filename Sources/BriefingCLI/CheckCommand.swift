import ArgumentParser
import BriefingCore
import Foundation
import Site

/// `briefing check`: validates content, templates and internal links without writing anything.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate content, templates and internal links without writing anything.",
        discussion: """
            Builds the whole site in memory and resolves every relative href and src of every page. \
            Exit status: 0 no errors; 1 bad articles or broken links (or, with --strict, any warning); \
            4 configuration or templates broken, or no articles.
            """
    )

    @OptionGroup var site: SiteOptions

    @Flag(name: .long, help: "Print nothing when the site is fine.")
    var quiet = false

    @Flag(name: .long, help: "Treat warnings as errors (exit status 1).")
    var strict = false

    func run() throws {
        let report: BuildReport
        do {
            report = try SiteBuilder(options: site.buildOptions).check()
        } catch {
            Console.printDiagnostics(error.diagnostics)
            Console.error("check failed: the site cannot be built")
            throw ExitCode(ExitStatus.buildFailed.rawValue)
        }
        Console.printDiagnostics(report.diagnostics)
        let failing = strict ? report.diagnostics.count : report.errorCount
        if failing > 0 {
            Console.error("check found \(failing) problem(s)")
            throw ExitCode(ExitStatus.inputErrors.rawValue)
        }
        if !quiet {
            Console.out("Checked \(report.articles) articles, \(report.stories) stories: no problems")
        }
    }
}
