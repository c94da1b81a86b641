import ArgumentParser
import BriefingCore
import Clustering
import Foundation
import Site

/// `briefing explain STORY_ID`: why each article is in a story.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show why each article belongs to a story and the nearest article left out.",
        discussion: "STORY_ID is the last part of the story's URL (stories/<id>/), as listed in stories.json."
    )

    @Argument(help: "The story id.")
    var storyID: String

    @Option(name: .long, help: ArgumentHelp("Folder of articles.", valueName: "dir"))
    var content: String = "content"

    @Option(name: .long, help: ArgumentHelp("Site configuration (default: briefing.yml if present).", valueName: "file"))
    var config: String?

    func run() throws {
        let options = BuildOptions(contentDirectory: content, configFile: config ?? "briefing.yml", configIsOptional: config == nil)
        let answer: (StoryExplanation?, [Diagnostic], knownIDs: [String])
        do { answer = try StoryInspector(options: options).explain(storyID: storyID) } catch {
            Console.printDiagnostics([error])
            throw ExitCode(ExitStatus.buildFailed.rawValue)
        }
        Console.printDiagnostics(answer.1.filter { $0.severity == .error })
        guard let explanation = answer.0 else {
            Console.error("no story '\(storyID)'; stories are: \(answer.knownIDs.prefix(20).joined(separator: ", "))")
            throw ExitCode(ExitStatus.inputErrors.rawValue)
        }
        Console.out("\(explanation.storyID): \(explanation.title)")
        Console.out(String(format: "threshold %.3f, window %d days", explanation.settings.threshold, explanation.settings.windowDays))
        for member in explanation.members {
            Console.out(String(format: "  %.3f  %@  (%@)", member.meanSimilarity, member.source, member.outlet.name))
            Console.out("         matched on: \(member.topTerms.joined(separator: ", "))")
        }
        if let near = explanation.nearestOutside {
            Console.out(String(format: "nearest left out: %.3f  %@  (in %@)", near.similarity, near.source, near.storyID))
        } else {
            Console.out("nearest left out: none within the time window")
        }
    }
}
