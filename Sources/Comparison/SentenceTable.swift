import BriefingCore
import Foundation

/// Every sentence of one story, tokenised once, as IDF-weighted sparse vectors with an inverted index.
struct SentenceTable: Sendable {
    struct Entry: Sendable {
        var article: Int
        var sentence: Int
        var outlet: Outlet
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
    private var postings: [[Int]] = []

    init(articles: [Article]) {
        var termIDs: [String: Int] = [:]
        var termLists: [[Int]] = []
        var df: [Int] = []
        for (a, article) in articles.enumerated() {
            for (s, sentence) in article.sentences.enumerated() {
                let tokens = TextTokens.tokens(sentence.text)
                var ids: [Int] = []
                for term in TextTokens.contentTerms(tokens) {
                    if let id = termIDs[term] { ids.append(id) } else {
                        termIDs[term] = df.count; ids.append(df.count); df.append(0)
                    }
                }
                ids = Array(Set(ids)).sorted()
                for id in ids { df[id] += 1 }
                termLists.append(ids)
                entries.append(Entry(article: a, sentence: s, outlet: article.outlet, articleID: article.id,
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
    }

    var count: Int { entries.count }

    func isSubstantial(_ i: Int) -> Bool { entries[i].terms.count >= Self.minimumContentWords }

    /// Shared IDF mass between every pair of sentences from different outlets that share a term,
    /// as (i, j, dot of weights) with i < j, in index order. Built from the inverted index.
    func overlappingPairs() -> [(Int, Int, Double)] {
        var out: [(Int, Int, Double)] = []
        var acc = [Double](repeating: 0, count: entries.count)
        for i in entries.indices {
            var touched: [Int] = []
            for (k, id) in entries[i].terms.enumerated() {
                let w = entries[i].weights[k]
                for j in postings[id] where j > i && entries[j].outlet != entries[i].outlet {
                    if acc[j] == 0 { touched.append(j) }
                    acc[j] += w * w
                }
            }
            touched.sort()
            for j in touched { out.append((i, j, acc[j])); acc[j] = 0 }
        }
        return out
    }

    /// Cosine of two sentences' weighted term sets, given their shared mass.
    func cosine(_ i: Int, _ j: Int, shared: Double) -> Double {
        let d = entries[i].norm * entries[j].norm
        return d > 0 ? shared / d : 0
    }

    /// Shared weighted mass of two sentences (merge of sorted term lists).
    func sharedMass(_ i: Int, _ j: Int) -> Double {
        let a = entries[i], b = entries[j]
        var x = 0, y = 0, sum = 0.0
        while x < a.terms.count, y < b.terms.count {
            if a.terms[x] == b.terms[y] { sum += a.weights[x] * a.weights[x]; x += 1; y += 1 }
            else if a.terms[x] < b.terms[y] { x += 1 } else { y += 1 }
        }
        return sum
    }

    func similarity(_ i: Int, _ j: Int) -> Double { cosine(i, j, shared: sharedMass(i, j)) }

    /// How much of sentence `i`'s weighted content `shared` covers (0...1).
    func coverage(of i: Int, shared: Double) -> Double {
        let total = entries[i].norm * entries[i].norm
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
