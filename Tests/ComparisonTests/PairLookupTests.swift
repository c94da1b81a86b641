import Testing
@testable import Comparison

/// The alignment's shortcuts: pairs found by binary search, shared phrases worked out only where they matter.
@Suite struct PairLookupTests {
    @Test func pairsAreInIndexOrderAndFoundByBinarySearch() {
        let table = SentenceTable(articles: DamStory.story.articles)
        let pairs = StoryComparator.scoredPairs(table)
        #expect(!pairs.isEmpty)
        #expect(zip(pairs, pairs.dropFirst()).allSatisfy { ($0.i, $0.j) < ($1.i, $1.j) })
        for (k, p) in pairs.enumerated() { #expect(StoryComparator.pairIndex(pairs, p.i, p.j) == k) }
        let known = Set(pairs.map { [$0.i, $0.j] })
        for i in 0..<table.count {
            for j in 0..<table.count where !known.contains([i, j]) { #expect(StoryComparator.pairIndex(pairs, i, j) == nil) }
        }
    }

    @Test func phraseIsLeftOutOnlyWhereItChangesNothing() {
        let table = SentenceTable(articles: DamStory.story.articles)
        for p in StoryComparator.scoredPairs(table) {
            let phrase = table.sharePhrase(p.i, p.j)
            if let known = p.phrase, p.similarity < StoryComparator.alignThreshold {
                #expect(known == phrase || (known && !phrase))  // true also when one sentence contains the other
            }
            if p.phrase == nil { #expect(!p.aligns) }
        }
    }
}
