import BriefingCore

/// A pair of sentences from different outlets that share content words.
struct ScoredPair: Sendable {
    /// 32-bit indices: a story's pairs are read in several passes, and 32 bytes a pair is less to read than 40.
    private let first: Int32, second: Int32
    var i: Int { Int(first) }
    var j: Int { Int(second) }
    /// Shared IDF mass (sum of squared weights of common terms).
    var shared: Double
    var similarity: Double
    /// The two sentences share a run of `SentenceTable.phraseLength` content words, or one contains the other.
    /// Only worked out where it can matter: false at or above `StoryComparator.alignThreshold` (the phrase
    /// would change nothing there), nil for a pair that cannot align anyway (see `alignedGroups`).
    var phrase: Bool?
    var aligns: Bool

    init(i: Int, j: Int, shared: Double, similarity: Double, phrase: Bool?, aligns: Bool) {
        first = Int32(i)
        second = Int32(j)
        self.shared = shared
        self.similarity = similarity
        self.phrase = phrase
        self.aligns = aligns
    }
}

extension StoryComparator {
    /// Every cross-outlet pair sharing a content word, with its cosine and whether it may align; in (i, j) order.
    static func scoredPairs(_ table: SentenceTable) -> [ScoredPair] {
        var out: [ScoredPair] = []
        // Stories average about 16 pairs per sentence, 70 at most in the benchmark: room for 64
        // (never more than all pairs) saves growing the array a dozen times over, copying it each time.
        let n = table.count
        out.reserveCapacity(min(n * (n - 1) / 2, n * 64))
        // A sentence's pairs gathered in a scratch row, then appended at once: appending each pair
        // asked whether the array was uniquely referenced every time. Its pairs are fewer than `n`.
        let row = UnsafeMutableBufferPointer<ScoredPair>.allocate(capacity: max(n, 1))
        defer { row.deallocate() }
        var rowCount = 0, rowSentence = -1
        func flush() {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: row[..<rowCount]))
            rowCount = 0
        }
        table.forEachOverlappingPair { i, j, shared, sharedTerms in
            if i != rowSentence { flush(); rowSentence = i }
            let sim = table.cosine(i, j, shared: shared)
            // A sentence whose content another one contains (a short report of a long quotation) is the
            // same claim however much more the long one says: it counts like a shared phrase.
            // The count first: most pairs share too few terms, and skip the two divisions.
            let contained = sharedTerms >= minimumContainedTerms
                && max(table.coverage(of: i, shared: shared), table.coverage(of: j, shared: shared)) >= containment
            let mayAlign = table.isSubstantial(i) && table.isSubstantial(j) && sharedTerms >= minimumSharedTerms
            // A shared phrase only lifts a pair to the threshold: merging phrase lists is skipped above it.
            let phrase: Bool? = contained || sim >= alignThreshold ? contained
                : mayAlign ? table.sharePhrase(i, j) : nil
            let aligns = (sim >= alignThreshold || phrase == true) && mayAlign && !table.numbersConflict(i, j)
            (row.baseAddress! + rowCount).initialize(to: ScoredPair(i: i, j: j, shared: shared, similarity: sim, phrase: phrase, aligns: aligns))
            rowCount += 1
        }
        flush()
        return out
    }

    /// Share of a sentence's weighted content found in another for it to count as contained there.
    static let containment = 0.6
    static let minimumContainedTerms = 5


    /// Groups of aligned sentences (each sorted by index), built greedily from the strongest edge
    /// down; two groups merge only when their average cross-outlet similarity stays high, which
    /// stops chains A~B~C where A and C say different things.
    /// `rows`: the pairs' rows (`PairRows`), worked out here when not given.
    static func alignedGroups(_ table: SentenceTable, pairs: [ScoredPair], rows: PairRows? = nil) -> [[Int]] {
        let rows = rows ?? PairRows(pairs, sentenceCount: table.count)
        // Only pairs that align can merge groups, so only sentences in some aligned pair need a row.
        // Indices into `pairs`: copying the pairs that align, then sorting the copy, showed in profiles.
        let edges = strongestFirstIndices(pairs, onlyAligning: true)
        var row = [Int](repeating: -1, count: table.count)
        var sentenceOfRow: [Int] = []
        // Two statements, not a loop over `[e.i, e.j]`: that literal allocated an array per edge.
        for edge in edges {
            let e = pairs[edge]
            if row[e.i] < 0 { row[e.i] = sentenceOfRow.count; sentenceOfRow.append(e.i) }
            if row[e.j] < 0 { row[e.j] = sentenceOfRow.count; sentenceOfRow.append(e.j) }
        }
        // A shared phrase counts as an aligned pair in the group averages too. Looked up by binary search
        // in the row of the first sentence, and the phrase merged only now: few pairs are ever asked for.
        // (Searching all the story's pairs missed the cache at every step in large stories.)
        func sim(_ a: Int, _ b: Int) -> Double {
            guard let p = rows.index(pairs, min(a, b), max(a, b)) else { return 0 }
            let pair = pairs[p]
            return (pair.phrase ?? table.sharePhrase(pair.i, pair.j)) ? max(pair.similarity, alignThreshold) : pair.similarity
        }

        // Groups by row: a sentence in no aligned pair stays alone, and a group of one is dropped.
        // A group of one keeps an empty list (its member is its row's sentence): a list per row
        // was an allocation per aligned sentence, most of which never merge.
        var groupOf = Array(sentenceOfRow.indices)
        var members = [[Int]](repeating: [], count: sentenceOfRow.count)
        func forEachMember(_ g: Int, _ body: (Int) -> Void) {
            if members[g].isEmpty { body(sentenceOfRow[g]) } else { for m in members[g] { body(m) } }
        }
        func allMembers(_ g: Int, _ test: (Int) -> Bool) -> Bool {
            if members[g].isEmpty { return test(sentenceOfRow[g]) }
            for m in members[g] where !test(m) { return false }
            return true
        }
        // Raw counts and one copy of the outlet ids: counting into an array checked its uniqueness
        // at every step, and reading the table's array retained it.
        let perOutlet = UnsafeMutableBufferPointer<Int>.allocate(capacity: max(table.outletCount, 1))
        perOutlet.initialize(repeating: 0)
        defer { perOutlet.deallocate() }
        let outletOf = table.outletIDs
        for edge in edges {
            let e = pairs[edge]
            let ga = groupOf[row[e.i]], gb = groupOf[row[e.j]]
            guard ga != gb else { continue }
            // Counted over both groups in place: most merges fail, and joining them first allocated every time.
            forEachMember(ga) { perOutlet[outletOf[$0]] += 1 }
            forEachMember(gb) { perOutlet[outletOf[$0]] += 1 }
            let fits = allMembers(ga) { perOutlet[outletOf[$0]] <= maxPerOutlet }
                && allMembers(gb) { perOutlet[outletOf[$0]] <= maxPerOutlet }
            forEachMember(ga) { perOutlet[outletOf[$0]] = 0 }
            forEachMember(gb) { perOutlet[outletOf[$0]] = 0 }
            guard fits else { continue }
            var total = 0.0, count = 0
            forEachMember(ga) { a in
                forEachMember(gb) { b in
                    if outletOf[a] != outletOf[b] { total += sim(a, b); count += 1 }
                }
            }
            guard count > 0, total / Double(count) >= alignThreshold * 0.8 else { continue }
            let (keep, drop) = ga < gb ? (ga, gb) : (gb, ga)
            var merged: [Int] = []
            merged.reserveCapacity(max(members[ga].count, 1) + max(members[gb].count, 1))
            forEachMember(ga) { merged.append($0) }
            forEachMember(gb) { merged.append($0) }
            merged.sort()
            members[keep] = merged
            members[drop] = []
            for m in merged { groupOf[row[m]] = keep }
        }
        // Lists left empty are groups of one, or merged into another.
        return members.filter { group in
            group.contains { table.outletIDs[$0] != table.outletIDs[group[0]] }
        }.sorted { $0[0] < $1[0] }
    }

    /// `pairs` (in (i, j) order) by similarity, highest first, ties in (i, j) order. Sorts indices
    /// by one comparison of integers: similarities are not negative, so their bit patterns order as
    /// they do, and moving whole pairs through a tuple comparison showed in profiles.
    static func strongestFirst(_ pairs: [ScoredPair]) -> [ScoredPair] {
        strongestFirstIndices(pairs, onlyAligning: false).map { pairs[$0] }
    }

    /// The indices of `pairs` (those that align, when `onlyAligning`) in `strongestFirst` order.
    static func strongestFirstIndices(_ pairs: [ScoredPair], onlyAligning: Bool) -> [Int] {
        var order: [(key: UInt64, index: Int)] = []
        for (index, pair) in pairs.enumerated() where !onlyAligning || pair.aligns {
            order.append((~pair.similarity.bitPattern, index))
        }
        order.sort { $0.key < $1.key || ($0.key == $1.key && $0.index < $1.index) }
        return order.map(\.index)
    }

    /// The index of pair (i, j) in `pairs`, sorted by (i, j), if there.
    static func pairIndex(_ pairs: [ScoredPair], _ i: Int, _ j: Int) -> Int? {
        var lo = 0, hi = pairs.count
        while lo < hi {
            let mid = (lo + hi) / 2
            let p = pairs[mid]
            if p.i == i, p.j == j { return mid }
            if (p.i, p.j) < (i, j) { lo = mid + 1 } else { hi = mid }
        }
        return nil
    }

    /// One claim per group carried by two or more outlets, most widely reported first.
    static func sharedClaims(_ table: SentenceTable, groups: [[Int]]) -> [Claim] {
        guard !groups.isEmpty else { return [] }
        // The story's distinct outlets in order, and each article's index there: a group's outlets are
        // its members' indices sorted without repeats, where a Set of Outlets hashed their names.
        let distinct = Array(Set(table.articleOutlets)).sorted()
        let rank = table.articleOutlets.map { outlet in distinct.firstIndex(of: outlet)! }
        let claims: [(Claim, Int, Int)] = groups.map { group in
            let rep = representative(table, group)
            let outlets = SentenceTable.sortedUnique(group.map { rank[table.entries[$0].article] }).map { distinct[$0] }
            let claim = Claim(text: table.entries[rep].text, outlets: outlets,
                              sources: group.map { table.source($0) })
            return (claim, outlets.count, group[0])
        }
        return claims.sorted { ($1.1, $0.2) < ($0.1, $1.2) }.map(\.0)
    }

    /// The member most similar to the rest; ties by index.
    static func representative(_ table: SentenceTable, _ group: [Int]) -> Int {
        // Similarity is symmetric (to the bit: the same terms' weights, summed in term order): each pair once.
        let n = group.count
        var similarity = [Double](repeating: 0, count: n * n)
        for x in 0..<n {
            for y in (x + 1)..<max(x + 1, n) {
                let s = table.similarity(group[x], group[y])
                similarity[x * n + y] = s
                similarity[y * n + x] = s
            }
        }
        var best = group[0], bestScore = -1.0
        for (x, a) in group.enumerated() {
            var score = 0.0
            for y in 0..<n where group[y] != a { score += similarity[x * n + y] }
            if score > bestScore + 1e-12 { best = a; bestScore = score }
        }
        return best
    }
}
