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

@Suite struct StrongestFirstTests {
    @Test func ordersAsTheTupleSortDid() {
        var pairs: [ScoredPair] = []
        let sims = [0.5, 0.42, 0.9, 0.5, 0.0, 1.0, 0.42, 0.5, 0.1 + 0.2, 0.3]
        for (k, s) in sims.enumerated() {
            pairs.append(ScoredPair(i: k / 3, j: k + 10, shared: 1, similarity: s, phrase: nil, aligns: true))
        }
        let reference = pairs.sorted { ($0.similarity, -$0.i, -$0.j) > ($1.similarity, -$1.i, -$1.j) }
        let fast = StoryComparator.strongestFirst(pairs)
        #expect(fast.map { [$0.i, $0.j] } == reference.map { [$0.i, $0.j] })
        #expect(StoryComparator.strongestFirst([]).isEmpty)
    }
}

@Suite struct OrderedOverlapTests {
    /// The plain two-array LCS the buffered one replaced.
    static func reference(_ a: [Int], _ b: [Int]) -> Int {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        var prev = [Int](repeating: 0, count: b.count + 1)
        var cur = prev
        for x in a {
            for (j, y) in b.enumerated() { cur[j + 1] = x == y ? prev[j] + 1 : max(prev[j + 1], cur[j]) }
            swap(&prev, &cur)
        }
        return prev[b.count]
    }

    @Test func matchesReference() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let a = (0..<Int.random(in: 0...12, using: &generator)).map { _ in Int.random(in: 0...5, using: &generator) }
            let b = (0..<Int.random(in: 0...300, using: &generator)).map { _ in Int.random(in: 0...5, using: &generator) }
            #expect(StoryComparator.orderedOverlap(a, b) == Self.reference(a, b))
            #expect(StoryComparator.orderedOverlap(b, a) == Self.reference(b, a))
        }
    }
}
