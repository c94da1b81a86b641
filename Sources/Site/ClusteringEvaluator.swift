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
        public var milliseconds: Double
        /// Ingest errors and labels naming no article.
        public var diagnostics: [Diagnostic]
    }

    public let options: BuildOptions

    public init(options: BuildOptions) {
        self.options = options
    }

    public func evaluate(labelsFile: String) throws(Diagnostic) -> Result {
        let config = try SiteConfigReader.load(options)
        let ingest = ContentLoader(config: config).load(contentDirectory: URL(fileURLWithPath: options.contentDirectory))
        let (truth, labelDiagnostics) = try Self.readLabels(labelsFile)
        let clock = ContinuousClock()
        let start = clock.now
        let stories = StoryClusterer(settings: config.clustering).cluster(ingest.articles)
        let elapsed = (clock.now - start).milliseconds

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
            milliseconds: elapsed, diagnostics: diagnostics)
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
