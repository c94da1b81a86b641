import BriefingCore
import Foundation

/// Groups articles that report the same event into stories.
///
/// Method (one default configuration for every site):
/// 1. Each article becomes a TF-IDF vector over its headline and sentences: lowercased,
///    stop words removed, suffix-stemmed; headline words count `titleWeight`×, capitalised
///    names, numbers and two-word capitalised phrases count `entityWeight`× (names and numbers
///    are what tell two earthquakes apart). Weights are `(1 + ln tf) · idf`, L2-normalised.
/// 2. Candidate pairs come from an inverted index over the rarer terms, only between articles at
///    most `windowDays` apart, so the work is sub-quadratic.
/// 3. Similarity is the cosine, multiplied by `1 / (1 + timeDecay · days apart)`.
/// 4. Average-linkage agglomerative clustering stops at `threshold`; a merge may not make a story
///    span more than `windowDays`. Average linkage keeps one bridging article from chaining
///    two stories together.
///
/// Figures reached (B-cubed F1 / pairwise F1, default settings): see `ClusteringTests`.
///
/// Story ids: see `storyID(for:)`. The output is the same whatever the input order.
public struct StoryClusterer: Sendable {
    public var settings: ClusteringSettings

    public init(settings: ClusteringSettings = .default) {
        self.settings = settings
    }

    /// Deterministic whatever the input order. Stories sorted by (firstDay, id).
    public func cluster(_ articles: [Article]) -> [Story] {
        let model = SimilarityModel(articles, settings: settings)
        let groups = AverageLinkage(threshold: settings.threshold, windowDays: settings.windowDays,
                                    cohesionRatio: settings.cohesionRatio)
            .clusters(count: model.articles.count, edges: model.edges, dayOrdinals: model.dayOrdinals)
        return makeStories(groups, model: model)
    }
}

/// Articles in canonical order with their vectors and the decayed similarities of candidate pairs.
struct SimilarityModel: Sendable {
    var articles: [Article]
    var dayOrdinals: [Int]
    var vectors: TermVectors
    var edges: [(i: Int, j: Int, sim: Double)]
    var settings: ClusteringSettings

    init(_ input: [Article], settings: ClusteringSettings) {
        self.settings = settings
        articles = input.sorted(by: Article.canonicalOrder)
        dayOrdinals = articles.map(\.day.ordinal)
        vectors = TermVectors(articles, settings: settings)
        let candidates = CandidateIndex(vectors: vectors, dayOrdinals: dayOrdinals, settings: settings)
        edges = []
        edges = candidates.pairs.compactMap { i, j in
            let s = similarity(i, j)
            return s > 0 ? (i, j, s) : nil
        }
    }

    /// Cosine of two articles, decayed by the days between them; 0 outside the window.
    func similarity(_ i: Int, _ j: Int) -> Double {
        let gap = abs(dayOrdinals[i] - dayOrdinals[j])
        if gap > settings.windowDays { return 0 }
        return textSimilarity(i, j) / (1 + settings.timeDecay * Double(gap))
    }

    /// Cosine of the full vectors blended with the cosine of the entity-only vectors.
    func textSimilarity(_ i: Int, _ j: Int) -> Double {
        let cosine = vectors.vectors[i].dot(vectors.vectors[j])
        guard settings.entityBlend > 0 else { return cosine }
        let entities = vectors.entityVectors[i].dot(vectors.entityVectors[j])
        return (1 - settings.entityBlend) * cosine + settings.entityBlend * entities
    }
}
