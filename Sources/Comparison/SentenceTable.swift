import BriefingCore
import Foundation

/// Every sentence of one story, tokenised once, as IDF-weighted sparse vectors with an inverted index.
struct SentenceTable: Sendable {
    struct Entry: Sendable {
        var article: Int
        var sentence: Int
        var outlet: Outlet
        /// Index of the outlet among the story's outlets sorted by slug; cheap to compare.
        var outletID: Int
        var articleID: String
        var text: String
        /// Sorted term ids, one per distinct content word.
        var terms: [Int]
        /// IDF weight of each term, parallel to `terms`.
        var weights: [Double]
        var norm: Double
        var quantities: [Quantity]
        var source: ClaimSource { ClaimSource(articleID: articleID, outlet: outlet, sentence: sentence) }
    }

    /// Sentences with fewer content words never anchor a match nor make an only-claim.
    static let minimumContentWords = 5

    /// In canonical article order, then sentence order: the index is the tie-breaker everywhere.
    private(set) var entries: [Entry] = []
    // Hot data in flat columns: reading an `Entry` copies its strings, which inner loops can't afford.
    private(set) var terms: [[Int]] = []
    private(set) var weights: [[Double]] = []
    private(set) var norms: [Double] = []
    private(set) var outletIDs: [Int] = []
    /// Runs of `phraseLength` consecutive content terms, per sentence.
    private(set) var phrases: [Set<[Int]>] = []
    private var postings: [[Int]] = []

    /// Two sentences sharing this many content words in a row state the same thing even when the
    /// rest of each (a long quote, an attribution) dilutes their cosine.
    static let phraseLength = 6

    init(articles: [Article]) {
        var termIDs: [String: Int] = [:]
        var termLists: [[Int]] = []
        var df: [Int] = []
        let slugs = Array(Set(articles.map(\.outlet.slug))).sorted()
        let outletIndex = Dictionary(uniqueKeysWithValues: slugs.enumerated().map { ($1, $0) })
        for (a, article) in articles.enumerated() {
            for (s, sentence) in article.sentences.enumerated() {
                let tokens = TextTokens.tokens(sentence.text)
                var ids: [Int] = []
                for term in TextTokens.contentTerms(tokens) {
                    if let id = termIDs[term] { ids.append(id) } else {
                        termIDs[term] = df.count; ids.append(df.count); df.append(0)
                    }
                }
                let k = Self.phraseLength
                phrases.append(ids.count < k ? [] : Set((0...(ids.count - k)).map { Array(ids[$0..<($0 + k)]) }))
                ids = Array(Set(ids)).sorted()
                for id in ids { df[id] += 1 }
                termLists.append(ids)
                entries.append(Entry(article: a, sentence: s, outlet: article.outlet,
                                     outletID: outletIndex[article.outlet.slug]!, articleID: article.id,
                                     text: sentence.text, terms: ids, weights: [], norm: 0,
                                     quantities: QuantityReader.quantities(tokens)))
            }
        }
        let n = Double(max(entries.count, 1))
        postings = Array(repeating: [], count: df.count)
        for index in entries.indices {
            let weights = entries[index].terms.map { log(1 + n / Double(df[$0])) }
            entries[index].weights = weights
            entries[index].norm = sqrt(weights.reduce(0) { $0 + $1 * $1 })
            for id in entries[index].terms { postings[id].append(index) }
        }
        terms = entries.map(\.terms)
        weights = entries.map(\.weights)
        norms = entries.map(\.norm)
        outletIDs = entries.map(\.outletID)
    }

    var count: Int { entries.count }

    func isSubstantial(_ i: Int) -> Bool { terms[i].count >= Self.minimumContentWords }

    func sharePhrase(_ i: Int, _ j: Int) -> Bool { !phrases[i].isDisjoint(with: phrases[j]) }

    /// Shared IDF mass between every pair of sentences from different outlets that share a term,
    /// as (i, j, dot of weights) with i < j, in index order. Built from the inverted index.
    func overlappingPairs() -> [(Int, Int, Double)] {
        var out: [(Int, Int, Double)] = []
        var acc = [Double](repeating: 0, count: entries.count)
        let outlets = outletIDs
        for i in entries.indices {
            var touched: [Int] = []
            let own = terms[i], w = weights[i], outlet = outlets[i]
            for k in own.indices {
                let w2 = w[k] * w[k]
                for j in postings[own[k]] where j > i && outlets[j] != outlet {
                    if acc[j] == 0 { touched.append(j) }
                    acc[j] += w2
                }
            }
            touched.sort()
            for j in touched { out.append((i, j, acc[j])); acc[j] = 0 }
        }
        return out
    }

    /// Cosine of two sentences' weighted term sets, given their shared mass.
    func cosine(_ i: Int, _ j: Int, shared: Double) -> Double {
        let d = norms[i] * norms[j]
        return d > 0 ? shared / d : 0
    }

    /// Shared weighted mass of two sentences (merge of sorted term lists).
    func sharedMass(_ i: Int, _ j: Int) -> Double { overlap(i, j).mass }

    /// Shared weighted mass and number of shared terms (merge of sorted term lists).
    func overlap(_ i: Int, _ j: Int) -> (mass: Double, count: Int) {
        let a = terms[i], wa = weights[i], b = terms[j]
        var x = 0, y = 0, sum = 0.0, count = 0
        while x < a.count, y < b.count {
            if a[x] == b[y] { sum += wa[x] * wa[x]; count += 1; x += 1; y += 1 }
            else if a[x] < b[y] { x += 1 } else { y += 1 }
        }
        return (sum, count)
    }

    func similarity(_ i: Int, _ j: Int) -> Double { cosine(i, j, shared: sharedMass(i, j)) }

    /// How much of sentence `i`'s weighted content `shared` covers (0...1).
    func coverage(of i: Int, shared: Double) -> Double {
        let total = norms[i] * norms[i]
        return total > 0 ? shared / total : 0
    }

    /// Numbers must agree or be absent: conflict when each side has a number the other lacks,
    /// or the same unit carries different values.
    func numbersConflict(_ i: Int, _ j: Int) -> Bool {
        let a = entries[i].quantities.filter { !$0.isWord || $0.unit != nil }
        let b = entries[j].quantities.filter { !$0.isWord || $0.unit != nil }
        guard !a.isEmpty, !b.isEmpty else { return false }
        let va = Set(a.map(\.value)), vb = Set(b.map(\.value))
        if !va.isSubset(of: vb), !vb.isSubset(of: va) { return true }
        for qa in a { if let u = qa.unit, b.contains(where: { $0.unit == u }), !b.contains(where: { $0.unit == u && $0.value == qa.value }) { return true } }
        return false
    }
}
