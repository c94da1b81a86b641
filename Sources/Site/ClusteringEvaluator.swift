import BriefingCore
import Clustering
import Foundation
import Ingest

/// `briefing eval`: clusters a content folder with the current settings and scores the stories
/// against hand-made labels (`path relative to the content folder <TAB> story label`).
public struct ClusteringEvaluator: Sendable {
    public struct Result: Sendable {
        public var articles: Int
        public var labelled: Int
        public var stories: Int
        public var trueStories: Int
        public var bcubed: PRF
        public var pairwise: PRF
        /// Clustering time alone (median of the runs), without reading the files.
        public var milliseconds: Double
        /// Articles clustered in each run: the content, or `scaleTo` when replicating.
        public var clustered: Int
        /// Ingest errors and labels naming no article.
        public var diagnostics: [Diagnostic]
    }

    public let options: BuildOptions

    public init(options: BuildOptions) {
        self.options = options
    }

    /// `scaleTo`: cluster that many articles made of shifted copies of the content (see
    /// `replicated`) instead of the content itself; `runs`: time that many runs, report the median.
    public func evaluate(labelsFile: String, scaleTo: Int? = nil, runs: Int = 1) throws(Diagnostic) -> Result {
        let config = try SiteConfigReader.load(options)
        let ingest = ContentLoader(config: config).load(contentDirectory: URL(fileURLWithPath: options.contentDirectory))
        var (truth, labelDiagnostics) = try Self.readLabels(labelsFile)
        var articles = ingest.articles
        if let scaleTo {
            (articles, truth) = Self.replicated(articles, truth: truth, count: scaleTo,
                                                gapDays: config.clustering.windowDays + 1)
        }
        let clock = ContinuousClock()
        var times: [Double] = []
        var stories: [Story] = []
        for _ in 0..<max(1, runs) {
            let start = clock.now
            stories = StoryClusterer(settings: config.clustering).cluster(articles)
            times.append((clock.now - start).milliseconds)
        }
        let elapsed = times.sorted()[times.count / 2]

        // Score only what is both labelled and loaded, so a partial labelling still works.
        var predicted: [String: String] = [:]
        for story in stories { for article in story.articles where truth[article.source] != nil {
            predicted[article.source] = story.id
        } }
        let scoredTruth = truth.filter { predicted[$0.key] != nil }
        var diagnostics = ingest.diagnostics + labelDiagnostics
        for (path, _) in truth.sorted(by: { $0.key < $1.key }) where predicted[path] == nil {
            diagnostics.append(.warning(SourceLocation(path: labelsFile), "label names '\(path)', which is not a loaded article"))
        }
        return Result(
            articles: ingest.articles.count, labelled: scoredTruth.count,
            stories: Set(predicted.values).count, trueStories: Set(scoredTruth.values).count,
            bcubed: ClusteringMetrics.bcubed(predicted: predicted, truth: scoredTruth),
            pairwise: ClusteringMetrics.pairwise(predicted: predicted, truth: scoredTruth),
            milliseconds: elapsed, clustered: articles.count, diagnostics: diagnostics)
    }

    /// Replicate-and-shift, for timing at scale: copies of the articles, each moved later by the
    /// content's span plus `gapDays`, so copies never share a time window and the articles per
    /// day stay those of real coverage; the last copy is cut to reach exactly `count`.
    static func replicated(_ articles: [Article], truth: [String: String], count: Int, gapDays: Int) -> ([Article], [String: String]) {
        let base = articles.sorted(by: Article.canonicalOrder)
        guard let first = base.first?.day.ordinal, let last = base.last?.day.ordinal else { return ([], [:]) }
        var out: [Article] = []
        var outTruth: [String: String] = [:]
        out.reserveCapacity(count)
        var copy = 0
        while out.count < count {
            for article in base.prefix(count - out.count) {
                var a = article
                a.day = Self.day(ordinal: article.day.ordinal + copy * (last - first + gapDays))
                a.id = "\(copy)-\(article.id)"
                a.source = "\(copy)/\(article.source)"
                if let label = truth[article.source] { outTruth[a.source] = "\(copy)/\(label)" }
                out.append(a)
            }
            copy += 1
        }
        return (out, outTruth)
    }

    /// The day `ordinal` days after 1970-01-01.
    static func day(ordinal: Int) -> Day {
        let (y, m, d) = Timestamp.civil(ordinal)
        return Day(year: y, month: m, day: d)!
    }

    /// `labels.tsv`: one `path<TAB>label` a line; blank lines and `#` comments are skipped.
    static func readLabels(_ path: String) throws(Diagnostic) -> ([String: String], [Diagnostic]) {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw .error(SourceLocation(path: path), "cannot read labels file")
        }
        var truth: [String: String] = [:]
        var diagnostics: [Diagnostic] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 2, !fields[0].isEmpty, !fields[1].isEmpty else {
                throw .error(SourceLocation(path: path, line: index + 1), "expected 'path<TAB>label'")
            }
            let source = String(fields[0])
            if truth[source] != nil {
                diagnostics.append(.warning(SourceLocation(path: path, line: index + 1), "'\(source)' is labelled twice; the last label counts"))
            }
            truth[source] = String(fields[1]).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return (truth, diagnostics)
    }
}
