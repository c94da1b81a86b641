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

    @Test func indicesOfAligningPairsOrderAsTheirCopiesDid() {
        var pairs: [ScoredPair] = []
        let sims = [0.5, 0.42, 0.9, 0.5, 0.0, 1.0, 0.42, 0.5, 0.1 + 0.2, 0.3]
        for (k, s) in sims.enumerated() {
            pairs.append(ScoredPair(i: k / 3, j: k + 10, shared: 1, similarity: s, phrase: nil, aligns: k % 3 != 1))
        }
        let indices = StoryComparator.strongestFirstIndices(pairs, onlyAligning: true)
        let copies = StoryComparator.strongestFirst(pairs.filter(\.aligns))
        #expect(indices.map { [pairs[$0].i, pairs[$0].j] } == copies.map { [$0.i, $0.j] })
        #expect(StoryComparator.strongestFirstIndices([], onlyAligning: true).isEmpty)
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

    /// Around the 64 words one bit vector holds, both ways give the reference's answer.
    @Test func bitsAndRowsMatchReferenceAtEveryLength() {
        var generator = SystemRandomNumberGenerator()
        for length in [1, 2, 31, 63, 64, 65, 90] {
            for _ in 0..<40 {
                let a = (0..<length).map { _ in Int.random(in: 0...7, using: &generator) }
                let b = (0..<Int.random(in: 1...120, using: &generator)).map { _ in Int.random(in: 0...7, using: &generator) }
                let expected = Self.reference(a, b)
                #expect(StoryComparator.orderedOverlap(a, b) == expected && StoryComparator.orderedOverlap(b, a) == expected)
                #expect(StoryComparator.orderedOverlapByRows(a, b) == expected)
                if length <= 64 { #expect(StoryComparator.orderedOverlapByBits(a, b) == expected) }
            }
        }
        let same = Array(0..<64)
        #expect(StoryComparator.orderedOverlapByBits(same, same) == 64)
        #expect(StoryComparator.orderedOverlapByBits(same, same.reversed()) == 1)
    }
}

@Suite struct AlignedGroupsTests {
    /// The grouping as it was with a list per row, which the one with lists only for merged groups replaced.
    static func reference(_ table: SentenceTable, pairs: [ScoredPair]) -> [[Int]] {
        let edges = StoryComparator.strongestFirst(pairs.filter(\.aligns))
        var row = [Int](repeating: -1, count: table.count)
        var sentenceOfRow: [Int] = []
        for e in edges {
            if row[e.i] < 0 { row[e.i] = sentenceOfRow.count; sentenceOfRow.append(e.i) }
            if row[e.j] < 0 { row[e.j] = sentenceOfRow.count; sentenceOfRow.append(e.j) }
        }
        func sim(_ a: Int, _ b: Int) -> Double {
            guard let p = StoryComparator.pairIndex(pairs, min(a, b), max(a, b)) else { return 0 }
            let pair = pairs[p]
            return (pair.phrase ?? table.sharePhrase(pair.i, pair.j)) ? max(pair.similarity, StoryComparator.alignThreshold) : pair.similarity
        }
        var groupOf = Array(sentenceOfRow.indices)
        var members = sentenceOfRow.map { [$0] }
        for e in edges {
            let ga = groupOf[row[e.i]], gb = groupOf[row[e.j]]
            guard ga != gb else { continue }
            let joined = members[ga] + members[gb]
            var perOutlet: [Int: Int] = [:]
            for m in joined { perOutlet[table.outletIDs[m], default: 0] += 1 }
            guard perOutlet.values.allSatisfy({ $0 <= StoryComparator.maxPerOutlet }) else { continue }
            var total = 0.0, count = 0
            for a in members[ga] {
                for b in members[gb] where table.outletIDs[a] != table.outletIDs[b] { total += sim(a, b); count += 1 }
            }
            guard count > 0, total / Double(count) >= StoryComparator.alignThreshold * 0.8 else { continue }
            let (keep, drop) = ga < gb ? (ga, gb) : (gb, ga)
            members[keep] = joined.sorted()
            members[drop] = []
            for m in members[keep] { groupOf[row[m]] = keep }
        }
        return members.filter { group in group.contains { table.outletIDs[$0] != table.outletIDs[group[0]] } }
            .sorted { $0[0] < $1[0] }
    }

    @Test func groupsAsTheListPerRowDid() {
        let table = SentenceTable(articles: DamStory.story.articles)
        let pairs = StoryComparator.scoredPairs(table)
        let groups = StoryComparator.alignedGroups(table, pairs: pairs)
        #expect(!groups.isEmpty)
        #expect(groups == Self.reference(table, pairs: pairs))
        // Every pair aligning, on any table: groups of all sizes, merges that fail and succeed.
        let all = pairs.map { var p = $0; p.aligns = true; return p }
        #expect(StoryComparator.alignedGroups(table, pairs: all) == Self.reference(table, pairs: all))
    }
}
