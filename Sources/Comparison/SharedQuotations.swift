import BriefingCore

/// The quotations inside a story's sentences that another outlet printed too. A sentence that is
/// mostly such a quotation is not "only", however differently its attribution is worded.
struct SharedQuotations: Sendable {
    /// Per sentence, the sorted content-term ids inside its quotations that another outlet also printed.
    private(set) var terms: [[Int]]
    /// Per sentence, the share of its words inside quotations another outlet also printed (0...1).
    private(set) var share: [Double]

    init(_ table: SentenceTable) {
        struct Found { var sentence: Int; var words: [Int]; var set: [Int]; var terms: [Int] }
        var found: [Found] = []
        for i in 0..<table.count {
            // The sentence's own tokens: a quotation's words are those inside its span.
            for span in QuoteExtractor.byteSpans(table.entries[i].text) {
                let ids = table.quoteWordIDs(i, bytes: span.inner)
                guard ids.count >= QuoteExtractor.minimumWords else { continue }
                found.append(Found(sentence: i, words: ids, set: SentenceTable.sortedUnique(ids),
                                   terms: table.termIDs(i, bytes: span.inner)))
            }
        }
        var shared = [Set<Int>](repeating: [], count: table.count)
        var wordCounts: [Int: Int] = [:]  // a sentence often holds several quotations
        share = [Double](repeating: 0, count: table.count)
        for a in found.indices {
            let mine = found[a], outlet = table.outletIDs[mine.sentence]
            let printedElsewhere = found.contains { other in
                table.outletIDs[other.sentence] != outlet
                    && StoryComparator.sameQuotation(mine.words, mine.set, other.words, other.set) != nil
            }
            guard printedElsewhere else { continue }
            shared[mine.sentence].formUnion(mine.terms)
            let all = wordCounts[mine.sentence] ?? table.quoteWordIDs(mine.sentence, bytes: 0..<Int.max).count
            wordCounts[mine.sentence] = all
            share[mine.sentence] = min(1, share[mine.sentence] + Double(mine.words.count) / Double(max(all, 1)))
        }
        terms = shared.map { $0.sorted() }
    }
}
