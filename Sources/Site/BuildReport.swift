import BriefingCore
import Foundation
import Ingest

/// What a build did, for the CLI to print. Counts are of what was published.
public struct BuildReport: Sendable {
    public var briefings = 0
    public var stories = 0
    public var articles = 0
    public var outlets = 0
    public var filesWritten = 0
    /// Content files parsed by this build (the others came from the cache).
    public var filesParsed = 0
    /// Stories compared by this build (the others came from the cache).
    public var storiesCompared = 0
    /// True when every article read the same to the clusterer as in the last build, so its
    /// stories were taken over without clustering.
    public var reusedStories = false
    /// True when a long-lived process patched its last build with the edits (`SiteBuilder.patch`)
    /// instead of ingesting, clustering and comparing every article again.
    public var patchedLastBuild = false
    /// True when the cache showed nothing changed, so nothing was read, rendered or written.
    public var wasUnchanged = false
    /// Errors for skipped files and warnings, in path order.
    public var diagnostics: [Diagnostic] = []
    /// Lines the boilerplate cleaner removed, for `--verbose`.
    public var removed: [RemovedLine] = []
    /// What each stage took, in execution order.
    public var stageTimes: [StageTime] = []
    public var totalMilliseconds: Double = 0

    public init() {}

    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }

    /// `Built 2 briefings, 7 stories from 19 articles (6 outlets) in 85 ms`
    public var summaryLine: String {
        "Built \(plural(briefings, "briefing")), \(plural(stories, "story", "stories")) from "
            + "\(plural(articles, "article")) (\(plural(outlets, "outlet"))) in \(Int(totalMilliseconds.rounded())) ms"
    }

    /// `Stages: scan 3.1 ms, ingest 9.0 ms, …`, the peak memory after each and what each left
    /// held, for `--verbose`.
    public var stageLines: [String] {
        [
            "Stages: " + stageTimes.map { "\($0.stage) \(String(format: "%.1f", $0.milliseconds)) ms" }.joined(separator: ", "),
            "Peak memory after each stage: " + stageTimes.map { "\($0.stage) \($0.peakMegabytes) MB" }.joined(separator: ", "),
            "Memory held after each stage: " + stageTimes.map { "\($0.stage) \($0.heldMegabytes) MB" }.joined(separator: ", "),
            "CPU time in each stage (cores busy): " + stageTimes.map {
                "\($0.stage) \(Int($0.cpuMilliseconds.rounded())) ms (\(String(format: "%.2f", $0.coresBusy)))"
            }.joined(separator: ", "),
        ]
    }

    private func plural(_ n: Int, _ one: String, _ many: String? = nil) -> String {
        "\(n) \(n == 1 ? one : (many ?? one + "s"))"
    }
}

/// One stage of a build: its wall-clock and CPU time, and memory after it.
public struct StageTime: Sendable {
    public var stage: String
    public var milliseconds: Double
    /// User and system CPU time of every thread of the process during the stage: against
    /// `milliseconds`, how many cores it kept busy.
    public var cpuMilliseconds: Double
    public var peakMegabytes: Int
    public var heldMegabytes: Int

    public var coresBusy: Double { milliseconds > 0 ? cpuMilliseconds / milliseconds : 0 }
}

/// A build that published nothing; the previous site is left as it was.
public struct BuildFailure: Error, Sendable {
    /// True when another build holds the site's lock; nothing was read or written.
    public var isLocked: Bool
    /// True when the build stopped only because `--strict` made its warnings errors.
    public var isStrict = false
    public var diagnostics: [Diagnostic]
    public var report: BuildReport

    public init(diagnostics: [Diagnostic], report: BuildReport, isLocked: Bool = false) {
        self.diagnostics = diagnostics
        self.report = report
        self.isLocked = isLocked
    }
}
