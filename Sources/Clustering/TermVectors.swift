import BriefingCore
import Foundation

/// A sparse, L2-normalised TF-IDF vector: term ids ascending, so dot products merge in a fixed order.
struct SparseVector: Sendable, Hashable {
    var ids: [Int] = []
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
    /// others are counted here. `terms` holds every article's, for the cache.
    init(_ articles: [Article], settings: ClusteringSettings, known: [ArticleTerms?] = []) {
        var terms: [ArticleTerms] = Parallel.map(Parallel.chunks(articles.count, minimum: 16)) { range in
            var extractor = TermExtractor()
            return range.map { i in
                if i < known.count, let terms = known[i] { return terms }
                return ArticleTerms(Self.weightedCounts(articles[i], extractor: &extractor, settings: settings))
            }
        }.flatMap { $0 }
        var df: [String: Int] = [:]
        for t in terms { for k in 0..<t.count { df[t.term(k), default: 0] += 1 } }
        let vocabulary = df.keys.sorted()
        var idOf: [String: Int32] = [:]
        for (i, t) in vocabulary.enumerated() { idOf[t] = Int32(i) }
        documentFrequency = vocabulary.map { df[$0]! }
        df = [:]
        let n = Double(articles.count)
        let idf = documentFrequency.map { pow(log((1 + n) / (1 + Double($0))) + 1, settings.idfPower) }
        // Each article's terms are re-keyed onto the shared vocabulary in place, so its own term
        // strings are freed as soon as its vector is made (workers write disjoint slots).
        vectors = terms.withUnsafeMutableBufferPointer { buffer in
            let slots = TermSlots(base: buffer.baseAddress)
            return Parallel.map(Parallel.chunks(buffer.count, minimum: 16)) { [idOf] range in
                range.map { i in
                    let keyed = slots.base![i].keyed(to: vocabulary, ids: idOf)
                    slots.base![i] = keyed
                    let order = keyed.ids.indices.sorted { keyed.ids[$0] < keyed.ids[$1] }
                    var v = SparseVector()
                    v.ids = order.map { Int(keyed.ids[$0]) }
                    v.weights = order.map { (1 + log(keyed.counts[$0])) * keyed.boosts[$0] * idf[Int(keyed.ids[$0])] }
                    return v.normalised()
                }
            }.flatMap { $0 }
        }
        self.vocabulary = vocabulary
        self.terms = terms
    }

    /// Occurrences of a term in one article, and the largest boost any occurrence earned.
    struct TermCount: Sendable {
        var count: Double = 0
        var boost: Double = 1

        mutating func add(boost: Double) {
            count += 1
            self.boost = max(self.boost, boost)
        }
    }

    /// Term counts of one article; a term in the headline or used as an entity is boosted as a
    /// whole (a multiplier after the log damping, so the boost is not damped away).
    static func weightedCounts(
        _ article: Article, extractor: inout TermExtractor, settings: ClusteringSettings
    ) -> [String: TermCount] {
        var counts: [String: TermCount] = [:]
        let titleWeight = article.titleIsDerived ? 1 : settings.titleWeight
        let titleCase = TermExtractor.isTitleCase(article.title)
        func add(_ token: TermExtractor.Token, _ weight: Double) {
            let boost = weight * (token.isEntity ? settings.entityWeight : 1)
            counts[token.term, default: TermCount()].add(boost: boost)
        }
        for token in extractor.tokens(article.title, detectEntities: !titleCase) { add(token, titleWeight) }
        let limit = settings.maxSentences > 0 ? settings.maxSentences : Int.max
        if article.sentences.isEmpty {
            // No sentences: about as much of the body as `limit` sentences would be.
            let text = limit == Int.max ? article.body : String(article.body.prefix(limit * 150))
            for token in extractor.tokens(text) { add(token, 1) }
        }
        for (index, sentence) in article.sentences.prefix(limit).enumerated() {
            let weight = index < settings.leadSentences ? settings.leadWeight : 1
            for token in extractor.tokens(sentence.text) { add(token, weight) }
        }
        return counts
    }
}

/// The terms array's storage, written by parallel workers at disjoint indices only.
private struct TermSlots: @unchecked Sendable {
    let base: UnsafeMutablePointer<ArticleTerms>?
}
