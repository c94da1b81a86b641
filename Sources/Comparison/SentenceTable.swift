import BriefingCore
import Foundation

/// Every sentence of one story, tokenised once, as IDF-weighted sparse vectors with an inverted index.
struct SentenceTable {
    /// Its outlet and article id are the article's (`outlet(_:)`, `source(_:)`): copies per sentence
    /// were retained and released with every sentence of every story.
    struct Entry: Sendable {
        var article: Int
        var sentence: Int
        /// Index of the outlet among the story's outlets sorted by slug; cheap to compare.
        var outletID: Int
        /// Made once from the article's sentence, and shared by the claims made of it.
        var text: String
        var quantities: [Quantity]
    }

    /// Sentences with fewer content words never anchor a match nor make an only-claim.
    static let minimumContentWords = 5

    /// In canonical article order, then sentence order: the index is the tie-breaker everywhere.
    private(set) var entries: [Entry] = []
    /// Per article (`Entry.article`).
    private(set) var articleOutlets: [Outlet] = []
    private var articleIDs: [String] = []
    // Hot data in flat columns: reading an `Entry` copies its strings, which inner loops can't afford;
    // and one buffer for all sentences is one allocation, not one per sentence.
    /// Sentence `i`'s sorted term ids, one per distinct content word, are `termList[termStarts[i]..<termStarts[i + 1]]`;
    /// their IDF weights are at the same places in `weightList`.
    private(set) var termList: [Int] = []
    private(set) var weightList: [Double] = []
    private(set) var termStarts: [Int] = [0]
    private(set) var norms: [Double] = []
    private(set) var outletIDs: [Int] = []
    /// Per sentence, whether it holds a quote mark (`QuoteExtractor.mayQuote`): asked once, as most hold none.
    private(set) var quoted: [Bool] = []
    /// The story's outlets: every outlet id is below it.
    let outletCount: Int
    /// Hashes of the runs of `phraseLength` consecutive content terms, sorted; sentence `i`'s are
    /// `phraseList[phraseStarts[i]..<phraseStarts[i + 1]]`.
    private(set) var phraseList: [UInt64] = []
    private(set) var phraseStarts: [Int] = [0]
    /// Quantities that can conflict (digits, or number words with a unit), per sentence.
    private(set) var comparableQuantities: [[Quantity]] = []
    /// Units of the sentence's counts and dates (years left out), per sentence.
    private(set) var units: [Set<String>] = []
    /// The inverted index, flat: the sentences holding term `t`, in order, are
    /// `postings[postingStarts[t]..<postingStarts[t + 1]]`.
    private(set) var postings: [Int32] = []
    private(set) var postingStarts: [Int] = []
    /// The story's tokens; those of sentence `i` are `tokens[tokenRanges[i]]`, their ids in `lexicon`.
    let lexicon: Lexicon
    private(set) var tokens: [LexToken] = []
    private(set) var tokenRanges: [Range<Int>] = []
    /// Term id per lexicon id: -1 not a content word, -2 not met as a word yet, -3 a number or scale word.
    private var wordTerm: [Int] = []

    /// Two sentences sharing this many content words in a row state the same thing even when the
    /// rest of each (a long quote, an attribution) dilutes their cosine.
    static let phraseLength = 6

    init(articles: [Article], spellings: SpellingMemo = SpellingMemo()) {
        let lexicon = Lexicon(spellings: spellings)
        self.lexicon = lexicon
        let slugs = Array(Set(articles.map(\.outlet.slug))).sorted()
        outletCount = slugs.count
        let outletIndex = Dictionary(uniqueKeysWithValues: slugs.enumerated().map { ($1, $0) })
        // Every sentence's tokens first, then their words' infos in one trip to the shared memo.
        articleOutlets = articles.map(\.outlet)
        articleIDs = articles.map(\.id)
        let sentenceCount = articles.reduce(0) { $0 + $1.sentences.count }
        entries.reserveCapacity(sentenceCount)
        tokenRanges.reserveCapacity(sentenceCount)
        quoted.reserveCapacity(sentenceCount)
        tokens.reserveCapacity(sentenceCount * 32)  // sentences average under 30 tokens: no regrowing copies
        for (a, article) in articles.enumerated() {
            let outletID = outletIndex[article.outlet.slug]!
            for (s, sentence) in article.sentences.enumerated() {
                let text = sentence.text  // made on demand: once
                let first = tokens.count
                lexicon.append(text, to: &tokens)
                tokenRanges.append(first..<tokens.count)
                quoted.append(QuoteExtractor.mayQuote(text))
                entries.append(Entry(article: a, sentence: s, outletID: outletID, text: text, quantities: []))
            }
        }
        lexicon.resolve()
        outletIDs = entries.map(\.outletID)
        let df = readTerms()
        weigh(df: df)
    }

    /// Fills the term and phrase lists and the quantities; returns each term's document frequency.
    private mutating func readTerms() -> [Int] {
        let (allIDs, idStarts, termCount, mayCount) = contentTermIDs()
        var df = [Int](repeating: 0, count: termCount)
        termList.reserveCapacity(tokens.count)
        comparableQuantities.reserveCapacity(entries.count)
        units.reserveCapacity(entries.count)
        for index in entries.indices {
            let ids = allIDs[idStarts[index]..<idStarts[index + 1]]
            Self.appendPhraseHashes(ids, to: &phraseList)
            phraseStarts.append(phraseList.count)
            let first = termList.count
            termList.append(contentsOf: ids)
            Self.sortUnique(&termList, from: first)
            termStarts.append(termList.count)
            termList.withUnsafeBufferPointer { terms in for k in first..<terms.count { df[terms[k]] += 1 } }
            // Most sentences hold no number: the reader would read all their tokens to find none.
            guard mayCount[index] else {
                comparableQuantities.append([])
                units.append([])
                continue
            }
            let quantities = QuantityReader.quantities(tokens, tokenRanges[index], lexicon: lexicon)
            comparableQuantities.append(quantities.filter { !$0.isWord || $0.unit != nil })
            units.append(quantities.isEmpty ? [] : Set(quantities.compactMap { $0.kind == .year ? nil : $0.unit }))
            if !quantities.isEmpty { entries[index].quantities = quantities }
        }
        return df
    }

    /// Every sentence's content term ids in token order (sentence `i`'s are `ids[starts[i]..<starts[i + 1]]`),
    /// the number of terms, and whether each sentence may hold a quantity (a number token, a number
    /// or scale word); fills `wordTerm`. Ids in order of first use as a word, as the weights'
    /// summing order depends on it. One pass over raw buffers: it reads every token of the story.
    private mutating func contentTermIDs() -> (ids: [Int], starts: [Int], termCount: Int, mayCount: [Bool]) {
        var termIDs = DenseIDMap(capacity: lexicon.count)  // the memo's term id → this table's
        var wordTerm = [Int](repeating: -2, count: lexicon.count)
        var ids: [Int] = [], starts = [0], mayCount: [Bool] = []
        ids.reserveCapacity(tokens.count)
        starts.reserveCapacity(entries.count + 1)
        mayCount.reserveCapacity(entries.count)
        let ranges = tokenRanges
        tokens.withUnsafeBufferPointer { tokens in
            lexicon.infos.withUnsafeBufferPointer { infos in
                wordTerm.withUnsafeMutableBufferPointer { wordTerm in
                    for range in ranges {
                        var counts = false
                        for k in range {
                            guard tokens[k].kind == .word else {
                                if tokens[k].kind == .number { counts = true }
                                continue
                            }
                            let word = Int(tokens[k].id)
                            var id = wordTerm[word]
                            if id == -2 {
                                let info = infos[word], term = info.term
                                // A number or scale word is never a content term.
                                id = term >= 0 ? termIDs.id(of: term) : info.isNumberWord ? Self.numberWord : -1
                                wordTerm[word] = id
                            }
                            if id >= 0 { ids.append(id) } else if id == Self.numberWord { counts = true }
                        }
                        starts.append(ids.count)
                        mayCount.append(counts)
                    }
                }
            }
        }
        self.wordTerm = wordTerm
        return (ids, starts, termIDs.count, mayCount)
    }

    /// `wordTerm` of a number or scale word (no content term).
    private static let numberWord = -3

    /// Fills the weights, norms and the inverted index.
    private mutating func weigh(df: [Int]) {
        let n = Double(max(entries.count, 1))
        let termWeight = df.map { log(1 + n / Double($0)) }
        postingStarts = [0]
        postingStarts.reserveCapacity(df.count + 1)
        for count in df { postingStarts.append(postingStarts[postingStarts.count - 1] + count) }
        var postings = [Int32](repeating: 0, count: postingStarts[df.count])
        var filled = Array(postingStarts.dropLast())
        var weights = [Double](repeating: 0, count: termList.count), norms = [Double](repeating: 0, count: entries.count)
        // Over raw buffers: the loop runs once per term of every sentence, where appending and
        // bounds checks showed.
        let starts = termStarts
        termList.withUnsafeBufferPointer { terms in
            termWeight.withUnsafeBufferPointer { termWeight in
                weights.withUnsafeMutableBufferPointer { weights in
                    postings.withUnsafeMutableBufferPointer { postings in
                        filled.withUnsafeMutableBufferPointer { filled in
                            for index in norms.indices {
                                var squares = 0.0
                                for k in starts[index]..<starts[index + 1] {
                                    let id = terms[k], w = termWeight[id]
                                    weights[k] = w
                                    squares += w * w
                                    postings[filled[id]] = Int32(truncatingIfNeeded: index)
                                    filled[id] += 1
                                }
                                norms[index] = sqrt(squares)
                            }
                        }
                    }
                }
            }
        }
        self.postings = postings
        weightList = weights
        self.norms = norms
    }

    /// Sentence `i`'s sorted term ids.
    func terms(_ i: Int) -> ArraySlice<Int> { termList[termStarts[i]..<termStarts[i + 1]] }

    /// The IDF weights of `terms(i)`, at the same indices.
    func weights(_ i: Int) -> ArraySlice<Double> { weightList[termStarts[i]..<termStarts[i + 1]] }

    var count: Int { entries.count }

    /// The outlet of sentence `i`.
    func outlet(_ i: Int) -> Outlet { articleOutlets[entries[i].article] }

    /// Where sentence `i` came from, for claims.
    func source(_ i: Int) -> ClaimSource {
        let entry = entries[i]
        return ClaimSource(articleID: articleIDs[entry.article], outlet: articleOutlets[entry.article], sentence: entry.sentence)
    }

    /// Sorted ids of the content terms of sentence `i` whose bytes lie in `bytes` (a quotation in it).
    func termIDs(_ i: Int, bytes: Range<Int>) -> [Int] {
        var out: [Int] = []
        for token in tokens[tokenRanges[i]] where token.kind == .word && bytes.contains(Int(token.start)) {
            let term = wordTerm[Int(token.id)]
            if term >= 0 { out.append(term) }
        }
        return Self.sortedUnique(out)
    }

    func isSubstantial(_ i: Int) -> Bool { termStarts[i + 1] - termStarts[i] >= Self.minimumContentWords }
}
