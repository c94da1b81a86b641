import BriefingCore
import Clustering
import Foundation
import Ingest

/// Read-only questions about a content folder that build nothing (`briefing explain`).
public struct StoryInspector: Sendable {
    public let options: BuildOptions

    public init(options: BuildOptions) {
        self.options = options
    }

    /// Why each article is in the story, and the nearest article left out; nil for an unknown id.
    public func explain(storyID: String) throws(Diagnostic) -> (StoryExplanation?, [Diagnostic], knownIDs: [String]) {
        let config = try SiteConfigReader.load(options)
        let ingest = ContentLoader(config: config).load(contentDirectory: URL(fileURLWithPath: options.contentDirectory))
        let clusterer = StoryClusterer(settings: config.clustering)
        let explanation = clusterer.explain(story: storyID, in: ingest.articles)
        let known = explanation == nil ? clusterer.cluster(ingest.articles).map(\.id) : []
        return (explanation, ingest.diagnostics, known)
    }
}
