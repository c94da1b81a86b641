import BriefingCore
import Foundation

/// Every sentence of one story, tokenised once, as IDF-weighted sparse vectors with an inverted index.
struct SentenceTable {
    struct Entry: Sendable {
        var article: Int
        var sentence: Int
        var outlet: Outlet
        /// Index of the outlet among the story's outlets sorted by slug; cheap to compare.
        var outletID: Int
        var articleID: String
        var text: String
        /// The sentence as its article holds it, for claims (`text` is a copy).
        var original: Sentence
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
    /// Hashes of the runs of `phraseLength` consecutive content terms, sorted, per sentence.
    private(set) var phrases: [[UInt64]] = []
    /// Quantities that can conflict (digits, or number words with a unit), per sentence.
    private(set) var comparableQuantities: [[Quantity]] = []
    /// Units of the sentence's counts and dates (years left out), per sentence.
    private(set) var units: [Set<String>] = []
    /// The inverted index, flat: the sentences holding term `t`, in order, are
    /// `postings[postingStarts[t]..<postingStarts[t + 1]]`.
    private var postings: [Int32] = []
    private var postingStarts: [Int] = []
    /// The story's tokens; those of sentence `i` are `tokens[tokenRanges[i]]`, their ids in `lexicon`.
    let lexicon: Lexicon
    private(set) var tokens: [LexToken] = []
    private(set) var tokenRanges: [Range<Int>] = []
    /// Term id per lexicon id: -1 not a content word, -2 not met as a word yet.
    private var wordTerm: [Int] = []

    /// Two sentences sharing this many content words in a row state the same thing even when the
    /// rest of each (a long quote, an attribution) dilutes their cosine.
    static let phraseLength = 6

    init(articles: [Article], spellings: SpellingMemo = SpellingMemo()) {
        var termIDs: [Int32: Int] = [:]  // the memo's term id → this table's
        let lexicon = Lexicon(spellings: spellings)
        self.lexicon = lexicon
        var df: [Int] = []
        let slugs = Array(Set(articles.map(\.outlet.slug))).sorted()
        let outletIndex = Dictionary(uniqueKeysWithValues: slugs.enumerated().map { ($1, $0) })
        for (a, article) in articles.enumerated() {
            for (s, sentence) in article.sentences.enumerated() {
                let first = tokens.count
                lexicon.tokenise(sentence.text, into: &tokens)
                let range = first..<tokens.count
                tokenRanges.append(range)
                if wordTerm.count < lexicon.count { wordTerm += repeatElement(-2, count: lexicon.count - wordTerm.count) }
                var ids: [Int] = []
                for token in tokens[range] where token.kind == .word {
                    let word = Int(token.id)
                    var id = wordTerm[word]
                    if id == -2 {
                        // Ids in order of first use as a word, as the weights' summing order depends on it.
                        let term = lexicon.infos[word].term
                        if term >= 0 {
                            if let existing = termIDs[term] { id = existing } else {
                                id = df.count; termIDs[term] = id; df.append(0)
                            }
                        } else { id = -1 }
                        wordTerm[word] = id
                    }
                    if id >= 0 { ids.append(id) }
                }
                phrases.append(Self.phraseHashes(ids))
                ids = Self.sortedUnique(ids)
                for id in ids { df[id] += 1 }
                let quantities = QuantityReader.quantities(tokens, range, lexicon: lexicon)
                comparableQuantities.append(quantities.filter { !$0.isWord || $0.unit != nil })
                units.append(quantities.isEmpty ? [] : Set(quantities.compactMap { $0.kind == .year ? nil : $0.unit }))
                entries.append(Entry(article: a, sentence: s, outlet: article.outlet,
                                     outletID: outletIndex[article.outlet.slug]!, articleID: article.id,
                                     text: sentence.text, original: sentence, terms: ids, weights: [], norm: 0,
                                     quantities: quantities))
            }
        }
        let n = Double(max(entries.count, 1))
        postingStarts = [0]
        postingStarts.reserveCapacity(df.count + 1)
        for count in df { postingStarts.append(postingStarts[postingStarts.count - 1] + count) }
        postings = [Int32](repeating: 0, count: postingStarts[df.count])
        var filled = Array(postingStarts.dropLast())
        for index in entries.indices {
            let weights = entries[index].terms.map { log(1 + n / Double(df[$0])) }
            entries[index].weights = weights
            entries[index].norm = sqrt(weights.reduce(0) { $0 + $1 * $1 })
            for id in entries[index].terms { postings[filled[id]] = Int32(index); filled[id] += 1 }
        }
        terms = entries.map(\.terms)
        weights = entries.map(\.weights)
        norms = entries.map(\.norm)
        outletIDs = entries.map(\.outletID)
    }

    /// FNV-1a over each run of term ids: comparing sorted hashes is far cheaper than sets of arrays.
    static func phraseHashes(_ ids: [Int]) -> [UInt64] {
        let k = phraseLength
        guard ids.count >= k else { return [] }
        var out: [UInt64] = []
        out.reserveCapacity(ids.count - k + 1)
        for start in 0...(ids.count - k) {
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for id in ids[start..<(start + k)] { h = (h ^ UInt64(truncatingIfNeeded: id)) &* 0x100_0000_01b3 }
            out.append(h)
        }
        return sortedUnique(out)
    }

    /// Sorting then dropping repeats: cheaper than hashing into a Set for a few dozen values.
    static func sortedUnique<T: Comparable>(_ values: [T]) -> [T] {
        var out = values.sorted()
        var kept = 0
        for k in out.indices where k == 0 || out[k] != out[kept - 1] { out[kept] = out[k]; kept += 1 }
        out.removeLast(out.count - kept)
        return out
    }

    var count: Int { entries.count }

    /// Sorted ids of the content terms of sentence `i` whose bytes lie in `bytes` (a quotation in it).
    func termIDs(_ i: Int, bytes: Range<Int>) -> [Int] {
        var out: [Int] = []
        for token in tokens[tokenRanges[i]] where token.kind == .word && bytes.contains(Int(token.start)) {
            let term = wordTerm[Int(token.id)]
            if term >= 0 { out.append(term) }
        }
        return Self.sortedUnique(out)
    }

    /// The quotation words (`StoryComparator.quoteWords`) of sentence `i` whose bytes lie in `bytes`, as ids.
    func quoteWordIDs(_ i: Int, bytes: Range<Int>) -> [Int] { lexicon.quoteWordIDs(tokens[tokenRanges[i]], bytes: bytes) }

    func isSubstantial(_ i: Int) -> Bool { terms[i].count >= Self.minimumContentWords }

    func sharePhrase(_ i: Int, _ j: Int) -> Bool {
        let a = phrases[i], b = phrases[j]
        var x = 0, y = 0
        while x < a.count, y < b.count {
            if a[x] == b[y] { return true }
            if a[x] < b[y] { x += 1 } else { y += 1 }
        }
        return false
    }

    /// Shared IDF mass between every pair of sentences from different outlets that share a term,
    /// as (i, j, dot of weights, number of shared terms) with i < j, in index order. Built from the inverted index.
    func overlappingPairs() -> [(Int, Int, Double, Int)] {
        var out: [(Int, Int, Double, Int)] = []
        var acc = [Double](repeating: 0, count: entries.count)
        var shared = [Int](repeating: 0, count: entries.count)
        // Postings are in sentence order: per term, where the sentences after the current one start.
        var after = Array(postingStarts.dropLast())
        var touched: [Int] = []
        postings.withUnsafeBufferPointer { postings in
            outletIDs.withUnsafeBufferPointer { outlets in
                for i in entries.indices {
                    touched.removeAll(keepingCapacity: true)
                    let own = terms[i], w = weights[i], outlet = outlets[i]
                    for k in own.indices {
                        let w2 = w[k] * w[k], term = own[k]
                        let end = postingStarts[term + 1]
                        var start = after[term]
                        while start < end, Int(postings[start]) <= i { start += 1 }
                        after[term] = start
                        for p in start..<end {
                            let j = Int(postings[p])
                            guard outlets[j] != outlet else { continue }
                            if acc[j] == 0 { touched.append(j) }
                            acc[j] += w2
                            shared[j] += 1
                        }
                    }
                    touched.sort()
                    for j in touched { out.append((i, j, acc[j], shared[j])); acc[j] = 0; shared[j] = 0 }
                }
            }
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
        let a = comparableQuantities[i], b = comparableQuantities[j]
        guard !a.isEmpty, !b.isEmpty else { return false }
        let aInB = a.allSatisfy { qa in b.contains { $0.value == qa.value } }
        let bInA = b.allSatisfy { qb in a.contains { $0.value == qb.value } }
        if !aInB, !bInA { return true }
        for qa in a { if let u = qa.unit, b.contains(where: { $0.unit == u }), !b.contains(where: { $0.unit == u && $0.value == qa.value }) { return true } }
        return false
    }
}
