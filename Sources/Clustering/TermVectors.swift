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

/// TF-IDF vectors of a set of articles (in the order given), with the vocabulary and document
/// frequencies they were computed from. Term ids follow the sorted vocabulary, never hash order.
struct TermVectors: Sendable {
    var vocabulary: [String]
    var documentFrequency: [Int]
    var vectors: [SparseVector]
    var terms: [ArticleTerms]

    /// `known[i]`, when given, stands for `articles[i]`'s terms (from the build cache); the
    /// others are counted here, from `reading(articles[i])`. `terms` holds every article's, for
    /// the cache; with `counted`, they are handed to it instead, and `terms` is left empty.
    init(
        _ articles: [Article], settings: ClusteringSettings, known: [ArticleTerms?] = [],
        reading: @escaping @Sendable (Article) -> Article = { $0 }, counted: (([ArticleTerms]) -> Void)? = nil
    ) {
        // Each range counts against its own vocabulary; the ranges' vocabularies are merged after.
        // (An extractor shared by ranges would make which spelling of canonically equal words
        // stands for them depend on which worker read what first.)
        var parts = Parallel.map(Parallel.chunks(articles.count, minimum: 16)) { range in
            var extractor = TermExtractor()
            var counter = TermCounter()
            let terms = range.map { i in
                if i < known.count, let terms = known[i] { return terms }
                return counter.count(reading(articles[i]), extractor: &extractor, settings: settings)
            }
            return (vocabulary: extractor.vocabulary, range: range, terms: terms)
        }
        // Every article's ids re-numbered in place: first in order of first appearance over all
        // ranges, then by rank in the sorted vocabulary.
        // At least the largest range's vocabulary: growing the table from empty re-hashed every term several times.
        var merged = TermMerge(capacity: parts.map(\.vocabulary.count).max() ?? 0)
        for p in parts.indices {
            let local = parts[p].vocabulary.map { merged.id(of: $0) }
            parts[p].vocabulary = []
            for (k, i) in parts[p].range.enumerated() {
                if i < known.count, known[i] != nil {
                    let terms = parts[p].terms[k]
                    parts[p].terms[k] = ArticleTerms(ids: (0..<terms.count).map { merged.id(of: terms.term($0)) },
                                                     counts: terms.counts, boosts: terms.boosts)
                } else {
                    parts[p].terms[k].mapIDs { local[Int($0)] }
                }
                for id in parts[p].terms[k].ids { merged.documentFrequency[Int(id)] += 1 }
            }
        }
        var terms = parts.flatMap(\.terms)
        parts = []
        let (allTerms, frequency) = merged.finish()
        let order = allTerms.indices.sorted { allTerms[$0] < allTerms[$1] }
        var rank = [Int32](repeating: 0, count: order.count)
        for (position, id) in order.enumerated() { rank[id] = Int32(position) }
        let vocabulary = order.map { allTerms[$0] }
        documentFrequency = order.map { frequency[$0] }
        let n = Double(articles.count)
        let idf = documentFrequency.map { pow(log((1 + n) / (1 + Double($0))) + 1, settings.idfPower) }
        // Workers write disjoint slots of `terms`.
        terms.withUnsafeMutableBufferPointer { buffer in
            let slots = TermSlots(base: buffer.baseAddress)
            _ = Parallel.map(Parallel.chunks(buffer.count, minimum: 16)) { [rank] range -> Void in
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
                    let order = keyed.idOrder()
                    var v = SparseVector()
                    v.ids = order.map { keyed.ids[$0] }
                    v.weights = order.map { (1 + log(keyed.counts[$0])) * keyed.boosts[$0] * idf[Int(keyed.ids[$0])] }
                    return v.normalised()
                }
            }.flatMap { $0 }
        }
        self.vocabulary = vocabulary
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

/// All ranges' terms under one numbering, with how many articles use each.
private struct TermMerge {
    var terms: [String] = []
    var documentFrequency: [Int] = []
    private var ids: [String: Int32]

    init(capacity: Int) {
        ids = Dictionary(minimumCapacity: capacity)
        terms.reserveCapacity(capacity)
        documentFrequency.reserveCapacity(capacity)
    }

    mutating func id(of term: String) -> Int32 {
        if let known = ids[term] { return known }
        let id = Int32(terms.count)
        ids[term] = id
        terms.append(term)
        documentFrequency.append(0)
        return id
    }

    /// The terms and their frequencies, the lookup table freed.
    consuming func finish() -> (terms: [String], documentFrequency: [Int]) {
        (terms, documentFrequency)
    }
}

/// The terms array's storage, written by parallel workers at disjoint indices only.
private struct TermSlots: @unchecked Sendable {
    let base: UnsafeMutablePointer<ArticleTerms>?
}
