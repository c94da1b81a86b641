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
        for i in 0..<table.count where table.quoted[i] {
            // The sentence's own tokens: a quotation's words are those inside its span.
            for span in QuoteExtractor.byteSpans(table.entries[i].text) {
                let ids = table.quoteWordIDs(i, bytes: span.inner)
                guard ids.count >= QuoteExtractor.minimumWords else { continue }
                found.append(Found(sentence: i, words: ids, set: SentenceTable.sortedUnique(ids),
                                   terms: table.termIDs(i, bytes: span.inner)))
            }
        }
        var wordCounts: [Int: Int] = [:]  // a sentence often holds several quotations
        share = [Double](repeating: 0, count: table.count)
        // `sameQuotation` is symmetric: each pair is asked once, and not at all once both sides are known.
        var printedElsewhere = [Bool](repeating: false, count: found.count)
        for a in found.indices {
            let outlet = table.outletIDs[found[a].sentence]
            for b in (a + 1)..<max(a + 1, found.count) where !(printedElsewhere[a] && printedElsewhere[b]) {
                guard table.outletIDs[found[b].sentence] != outlet,
                      StoryComparator.sameQuotation(found[a].words, found[a].set, found[b].words, found[b].set) != nil
                else { continue }
                printedElsewhere[a] = true
                printedElsewhere[b] = true
            }
        }
        // Most sentences hold no shared quotation: their empty lists share one empty array, where a
        // Set per sentence, sorted into a list, was an allocation each.
        var shared: [Int: [Int]] = [:]
        for a in found.indices where printedElsewhere[a] {
            let mine = found[a]
            shared[mine.sentence, default: []] += mine.terms
            let all = wordCounts[mine.sentence] ?? table.quoteWordIDs(mine.sentence, bytes: 0..<Int.max).count
            wordCounts[mine.sentence] = all
            share[mine.sentence] = min(1, share[mine.sentence] + Double(mine.words.count) / Double(max(all, 1)))
        }
        terms = [[Int]](repeating: [], count: table.count)
        for (sentence, ids) in shared { terms[sentence] = SentenceTable.sortedUnique(ids) }
    }
}
