import ArgumentParser
import BriefingCore
import Foundation
import Site

/// `briefing eval`: scores the clustering of a content folder against a labels file.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score story clustering against hand-made labels; builds nothing.",
        discussion: """
            The labels file has one line per article: its path relative to the content folder, a TAB, \
            and any story label (articles with equal labels belong to one story). Prints B-cubed and \
            pairwise precision, recall and F1 for the settings under 'clustering:' in the configuration.
            """
    )

    @Option(name: .long, help: ArgumentHelp("Folder of articles.", valueName: "dir"))
    var content: String = "content"

    @Option(name: .long, help: ArgumentHelp("Labels file: path<TAB>story label per line.", valueName: "file"))
    var labels: String

    @Option(name: .long, help: ArgumentHelp("Site configuration (default: briefing.yml if present).", valueName: "file"))
    var config: String?

    @Option(name: .long, help: ArgumentHelp("Exit with status 1 when B-cubed F1 is below this.", valueName: "f1"))
    var minF1: Double?

    @Option(name: .long, help: ArgumentHelp("Time clustering of this many articles: shifted copies of the content (replicate-and-shift).", valueName: "n"))
    var scaleTo: Int?

    @Option(name: .long, help: ArgumentHelp("Cluster this many times and report the median time.", valueName: "n"))
    var runs: Int = 1

    func validate() throws {
        if let scaleTo, scaleTo < 1 { throw ValidationError("--scale-to must be at least 1") }
        if runs < 1 { throw ValidationError("--runs must be at least 1") }
    }

    func run() throws {
        let options = BuildOptions(contentDirectory: content, configFile: config ?? "briefing.yml", configIsOptional: config == nil)
        let result: ClusteringEvaluator.Result
        do { result = try ClusteringEvaluator(options: options).evaluate(labelsFile: labels, scaleTo: scaleTo, runs: runs) } catch {
            Console.printDiagnostics([error])
            throw ExitCode(ExitStatus.buildFailed.rawValue)
        }
        Console.printDiagnostics(result.diagnostics)
        let timing = runs > 1 ? "median of \(runs) runs" : "one run"
        Console.out("\(content): \(result.labelled) labelled articles, \(result.stories) stories (true: \(result.trueStories)), clustered in \(Int(result.milliseconds.rounded())) ms")
        if scaleTo != nil || runs > 1 {
            Console.out("clustering: \(result.clustered) articles in \(Int(result.milliseconds.rounded())) ms (\(timing))")
        }
        Console.out("B-cubed   \(result.bcubed)")
        Console.out("pairwise  \(result.pairwise)")
        if let minF1, result.bcubed.f1 < minF1 {
            Console.error(String(format: "B-cubed F1 %.3f is below %.3f", result.bcubed.f1, minF1))
            throw ExitCode(ExitStatus.inputErrors.rawValue)
        }
    }
}
