import BriefingCore
import Testing
@testable import Comparison

/// Pair rows hold each sentence's pairs, and searching a row finds what searching every pair found.
@Suite struct PairRowsTests {
    static var tables: [SentenceTable] { [
        SentenceTable(articles: DamStory.story.articles),
        SentenceTable(articles: [DisagreementTests.north, DisagreementTests.south, DisagreementTests.west]),
        SentenceTable(articles: []),
    ] }

    @Test func rowsHoldEachSentencesPairs() {
        for table in Self.tables {
            let pairs = StoryComparator.scoredPairs(table)
            let rows = PairRows(pairs, sentenceCount: table.count)
            #expect(rows.starts.count == table.count + 1 && rows.starts.last == pairs.count)
            for i in 0..<table.count { #expect(pairs[rows.row(i)].allSatisfy { $0.i == i }) }
        }
    }

    @Test func searchingARowFindsWhatSearchingAllPairsFound() {
        for table in Self.tables {
            let pairs = StoryComparator.scoredPairs(table)
            let rows = PairRows(pairs, sentenceCount: table.count)
            for i in 0..<table.count {
                for j in (i + 1)..<max(i + 1, table.count) {
                    #expect(rows.index(pairs, i, j) == StoryComparator.pairIndex(pairs, i, j), "\(i) \(j)")
                }
            }
        }
    }

    @Test func givenRowsChangeNoAnswer() {
        for table in Self.tables {
            let pairs = StoryComparator.scoredPairs(table)
            let rows = PairRows(pairs, sentenceCount: table.count)
            let groups = StoryComparator.alignedGroups(table, pairs: pairs)
            #expect(StoryComparator.alignedGroups(table, pairs: pairs, rows: rows) == groups)
            #expect(StoryComparator.disagreements(table, pairs: pairs, groups: groups, rows: rows)
                    == StoryComparator.disagreements(table, pairs: pairs, groups: groups))
        }
    }

    @Test func rowsOfMadeUpPairsAsCounted() {
        // Empty rows, long rows, and rows at both ends.
        let lists: [[(Int, Int)]] = [[], [(0, 1)], [(3, 4)], [(0, 1), (0, 2), (2, 5), (4, 5)],
                                     (0..<40).map { (1, 2 + $0) } + [(7, 8)] + (0..<3).map { (9, 10 + $0) }]
        for list in lists {
            let pairs = list.map { ScoredPair(i: $0.0, j: $0.1, shared: 1, similarity: 0.5, phrase: nil, aligns: false) }
            let n = 60
            var counted = [Int](repeating: 0, count: n + 1)
            for p in pairs { counted[p.i + 1] += 1 }
            for i in 1...n { counted[i] += counted[i - 1] }
            #expect(PairRows(pairs, sentenceCount: n).starts == counted, "\(list)")
        }
    }
}
