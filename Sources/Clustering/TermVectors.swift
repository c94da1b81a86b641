import BriefingCore
import Foundation

/// A sparse, L2-normalised TF-IDF vector: term ids ascending, so dot products merge in a fixed order.
/// Ids are `Int32`, as in `ArticleTerms`: a build holds every article's vector at once.
struct SparseVector: Sendable, Hashable {
    var ids: [Int32] = []
    var weights: [Double] = []

    func normalised() -> SparseVector {
        let norm = weights.reduce(0) { $0 + $1 * $1 }.squareRoot()
        guard norm > 0 else { return self }
        return SparseVector(ids: ids, weights: weights.map { $0 / norm })
    }

    func dot(_ other: SparseVector) -> Double {
        var i = 0, j = 0, sum = 0.0
        while i < ids.count, j < other.ids.count {
            if ids[i] == other.ids[j] {
                sum += weights[i] * other.weights[j]
                i += 1
                j += 1
            } else if ids[i] < other.ids[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return sum
    }
}

extension SparseVector {
    /// An article's vector: `(1 + ln count) · boost · idf` per term in id order, L2-normalised
    /// over all its terms, then only the terms with a `shared` id (≥ 0) kept, under that id. The
    /// same sums in the same order as `normalised()` over every weight, made in two passes
    /// straight into arrays of their final size (mapping, filtering and normalising apart made six
    /// arrays per article).
    init(_ terms: ArticleTerms, idf: [Double], shared: [Int32]) {
        let order = terms.idOrder()
        let (ids, counts, boosts) = (terms.ids, terms.counts, terms.boosts)
        self = withUnsafeTemporaryAllocation(of: Double.self, capacity: order.count) { weights in
            var squares = 0.0, keptCount = 0
            for (k, entry) in order.enumerated() {
                let id = Int(ids[entry])
                let weight = (1 + log(counts[entry])) * boosts[entry] * idf[id]
                weights[k] = weight
                squares = squares + weight * weight
                if shared[id] >= 0 { keptCount += 1 }
            }
            let norm = squares.squareRoot()
            var keptIDs = [Int32](), keptWeights = [Double]()
            if keptCount > 0 {
                keptIDs = [Int32](unsafeUninitializedCapacity: keptCount) { keptIDs, idCount in
                    keptWeights = [Double](unsafeUninitializedCapacity: keptCount) { keptWeights, weightCount in
                        var kept = 0
                        for (k, entry) in order.enumerated() {
                            let sharedID = shared[Int(ids[entry])]
                            guard sharedID >= 0 else { continue }
                            keptIDs[kept] = sharedID
                            keptWeights[kept] = norm > 0 ? weights[k] / norm : weights[k]
                            kept += 1
                        }
                        weightCount = kept
                    }
                    idCount = keptCount
                }
            }
            return SparseVector(ids: keptIDs, weights: keptWeights)
        }
    }
}

/// TF-IDF vectors of a set of articles (in the order given), with the vocabulary and document
/// frequencies they were computed from. Term ids follow the sorted vocabulary, never hash order.
///
/// A vector leaves out the terms no other article uses (normalised with them first): they add
/// nothing to any dot product, yet were three in five terms of the vocabulary and a twentieth of
/// the vectors. `vocabulary` and `documentFrequency` hold the other terms only, and vector ids are
/// ranks among them, in the same order, so every dot product sums the same products in the same
/// order, and the edge pass's dense scratch (one slot per term) is a third as large.
struct TermVectors: Sendable {
    /// Terms used by two or more articles, ascending.
    var vocabulary: [String]
    var documentFrequency: [Int]
    var vectors: [SparseVector]
    var terms: [ArticleTerms]

    /// `known`'s terms stand for the articles it has (from the build cache); the others are
    /// counted here, from `reading(articles[i])`. `terms` holds every article's, for the cache;
    /// with `counted`, they are handed to it instead, and `terms` is left empty.
    init(
        _ articles: [Article], settings: ClusteringSettings, known: KnownTerms = .none,
        reading: @escaping @Sendable (Article) -> Article = { $0 }, counted: (([ArticleTerms]) -> Void)? = nil
    ) {
        // Each range counts against its own vocabulary; the ranges' vocabularies are merged after.
        // (An extractor shared by ranges would make which spelling of canonically equal words
        // stands for them depend on which worker read what first.)
        var parts = Parallel.map(Parallel.chunks(articles.count, minimum: 16)) { range in
            var extractor = TermExtractor()
            var counter = TermCounter()
            let isKnown = range.map { known.contains(articles[$0]) }
            var terms = zip(range, isKnown).map { i, isKnown in
                isKnown ? ArticleTerms(entries: []) : counter.count(reading(articles[i]), extractor: &extractor, settings: settings)
            }
            // Known terms join the range's vocabulary after the ones counted, each decoded as it
            // joins and dropped once it is ids.
            for (k, i) in range.enumerated() where isKnown[k] {
                guard let stored = known.terms(articles[i]) else {
                    terms[k] = counter.count(reading(articles[i]), extractor: &extractor, settings: settings)
                    continue
                }
                terms[k] = ArticleTerms(ids: (0..<stored.count).map { extractor.id(of: stored.term($0)) },
                                        counts: stored.counts, boosts: stored.boosts)
            }
            var frequency = [Int](repeating: 0, count: extractor.vocabulary.count)
            for articleTerms in terms { for id in articleTerms.ids { frequency[Int(id)] += 1 } }
            let (sorted, localPositions) = SortedVocabulary.sorting(extractor.vocabulary, documentFrequency: frequency)
            return (range: range, terms: terms, vocabulary: Optional(sorted), localPositions: localPositions)
        }
        let sortedParts = parts.map { $0.vocabulary! }
        for p in parts.indices { parts[p].vocabulary = nil }
        let merged = SortedVocabulary.merging(sortedParts)
        var terms = parts.flatMap(\.terms)
        let renumbering = zip(parts, merged.positions).map { part, positions in (range: part.range, local: part.localPositions, positions: positions) }
        parts = []
        let vocabulary = merged.terms
        let frequency = merged.documentFrequency
        let n = Double(articles.count)
        let idf = frequency.map { pow(log((1 + n) / (1 + Double($0))) + 1, settings.idfPower) }
        // Each term's id among the shared terms, or -1.
        let sharedIDs = frequency.indices.filter { frequency[$0] >= 2 }
        let shared = {
            var shared = [Int32](repeating: -1, count: vocabulary.count)
            for (rank, id) in sharedIDs.enumerated() { shared[id] = Int32(rank) }
            return shared
        }()
        // Every article's ids re-numbered in place, to their rank in the sorted vocabulary;
        // workers write disjoint slots of `terms`.
        terms.withUnsafeMutableBufferPointer { buffer in
            let slots = TermSlots(base: buffer.baseAddress)
            _ = Parallel.map(renumbering) { range, local, positions -> Void in
                let rank = local.map { positions[Int($0)] }
                for i in range {
                    slots.base![i].mapIDs { rank[Int($0)] }
                    slots.base![i].setVocabulary(vocabulary, isSorted: true)
                }
            }
        }
        counted?(terms)
        // Handed to `counted`, each article's terms are let go as soon as its vector is made.
        let keepsTerms = counted == nil
        vectors = terms.withUnsafeMutableBufferPointer { buffer in
            let slots = TermSlots(base: buffer.baseAddress)
            return Parallel.map(Parallel.chunks(buffer.count, minimum: 16)) { range in
                range.map { i in
                    let keyed = slots.base![i]
                    if !keepsTerms { slots.base![i] = ArticleTerms(ids: [], counts: [], boosts: []) }
                    return SparseVector(keyed, idf: idf, shared: shared)
                }
            }.flatMap { $0 }
        }
        self.vocabulary = sharedIDs.map { vocabulary[$0] }
        documentFrequency = sharedIDs.map { frequency[$0] }
        self.terms = keepsTerms ? terms : []
    }

    /// Term counts of one article; a term in the headline or used as an entity is boosted as a
    /// whole (a multiplier after the log damping, so the boost is not damped away). Ids index
    /// `extractor.vocabulary`, which is not set on the result.
    static func weightedCounts(
        _ article: Article, extractor: inout TermExtractor, settings: ClusteringSettings
    ) -> ArticleTerms {
        var counter = TermCounter()
        return counter.count(article, extractor: &extractor, settings: settings)
    }
}

/// The terms array's storage, written by parallel workers at disjoint indices only.
private struct TermSlots: @unchecked Sendable {
    let base: UnsafeMutablePointer<ArticleTerms>?
}
