import BriefingCore
import Site

/// What one build in `serve` did, for the terminal and for open pages.
public struct RebuildResult: Sendable {
    public enum Outcome: Sendable {
        /// Published without errors.
        case published(BuildReport)
        /// Published, but some articles were skipped because of errors (as `build` does).
        case publishedWithErrors(BuildReport)
        /// Nothing published (broken templates or config, no articles): the last good site stays.
        case failed(BuildFailure)
    }

    public var outcome: Outcome
    /// Inputs that changed since the previous build, sorted; empty for the first build.
    public var changed: [String]
    /// Wall-clock time from the start of the build until the new site was switched in and pages
    /// were told (the build saves its cache after that).
    public var milliseconds: Double
    /// What open pages were sent.
    public var update: LiveReloadHub.Update

    /// Every diagnostic, errors and warnings, as `path:line:col: error: message`.
    public var diagnostics: [Diagnostic] {
        switch outcome {
        case .published(let report), .publishedWithErrors(let report): report.diagnostics
        case .failed(let failure): failure.diagnostics
        }
    }

    /// The build's report, when it published.
    public var report: BuildReport? {
        switch outcome {
        case .published(let report), .publishedWithErrors(let report): report
        case .failed: nil
        }
    }

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    /// The one terminal line for a rebuild, e.g.
    /// `Rebuilt in 42 ms (content/2026-11-19/x.md changed)`.
    public var summaryLine: String {
        let time = "\(Int(milliseconds.rounded())) ms"
        let what = changed.isEmpty ? "" : " (\(Self.describe(changed)) changed)"
        switch outcome {
        case .published:
            return "Rebuilt in \(time)\(what)"
        case .publishedWithErrors(let report):
            return "Rebuilt in \(time) with \(Self.count(report.errorCount, "error"))\(what); "
                + "the skipped files' errors are shown in open pages"
        case .failed:
            return "Build failed in \(time)\(what); still serving the last good site"
        }
    }

    /// The overlay's text: the same lines the terminal shows, then what is served.
    /// `hasSite` is false while no build has published anything yet.
    func overlayText(hasSite: Bool) -> String? {
        switch outcome {
        case .published:
            return nil
        case .publishedWithErrors(let report):
            return (errors.map(\.description) + ["",
                "\(Self.count(report.errorCount, "file")) skipped because of errors; the rest of the site was rebuilt.",
            ]).joined(separator: "\n")
        case .failed:
            let served = hasSite ? "Nothing was published; this is the last good site." : "Nothing could be published yet."
            return (errors.map(\.description) + ["", served]).joined(separator: "\n")
        }
    }

    /// `a.md`, `a.md, b.md` or `a.md, b.md and 18 more`.
    static func describe(_ paths: [String]) -> String {
        if paths.count <= 2 { return paths.joined(separator: ", ") }
        return paths.prefix(2).joined(separator: ", ") + " and \(paths.count - 2) more"
    }

    static func count(_ n: Int, _ noun: String) -> String {
        "\(n) \(noun)\(n == 1 ? "" : "s")"
    }
}
