import BriefingCore

/// A pair of sentences from different outlets that share content words.
struct ScoredPair: Sendable {
    var i: Int
    var j: Int
    /// Shared IDF mass (sum of squared weights of common terms).
    var shared: Double
    var similarity: Double
    var aligns: Bool
}

extension StoryComparator {
    /// Every cross-outlet pair sharing a content word, with its cosine and whether it may align.
    static func scoredPairs(_ table: SentenceTable) -> [ScoredPair] {
        table.overlappingPairs().map { i, j, shared in
            let sim = table.cosine(i, j, shared: shared)
            let aligns = (sim >= alignThreshold || table.sharePhrase(i, j)) && table.isSubstantial(i) && table.isSubstantial(j)
                && sharedTermCount(table, i, j) >= minimumSharedTerms && !table.numbersConflict(i, j)
            return ScoredPair(i: i, j: j, shared: shared, similarity: sim, aligns: aligns)
        }
    }

    static func sharedTermCount(_ table: SentenceTable, _ i: Int, _ j: Int) -> Int { table.overlap(i, j).count }

    /// Groups of aligned sentences (each sorted by index), built greedily from the strongest edge
    /// down; two groups merge only when their average cross-outlet similarity stays high, which
    /// stops chains A~B~C where A and C say different things.
    static func alignedGroups(_ table: SentenceTable, pairs: [ScoredPair]) -> [[Int]] {
        let n = table.count
        var sims: [Int: Double] = [:]
        // A shared phrase counts as an aligned pair in the group averages too.
        for p in pairs { sims[p.i * n + p.j] = table.sharePhrase(p.i, p.j) ? max(p.similarity, alignThreshold) : p.similarity }
        func sim(_ a: Int, _ b: Int) -> Double { sims[min(a, b) * n + max(a, b)] ?? 0 }

        let edges = pairs.filter(\.aligns).sorted {
            ($0.similarity, -$0.i, -$0.j) > ($1.similarity, -$1.i, -$1.j)
        }
        var groupOf = Array(0..<n)
        var members = (0..<n).map { [$0] }
        for e in edges {
            let ga = groupOf[e.i], gb = groupOf[e.j]
            guard ga != gb else { continue }
            let merged = members[ga] + members[gb]
            var perOutlet: [String: Int] = [:]
            for m in merged { perOutlet[table.entries[m].outlet.slug, default: 0] += 1 }
            guard perOutlet.values.allSatisfy({ $0 <= maxPerOutlet }) else { continue }
            var total = 0.0, count = 0
            for a in members[ga] {
                for b in members[gb] where table.outletIDs[a] != table.outletIDs[b] {
                    total += sim(a, b); count += 1
                }
            }
            guard count > 0, total / Double(count) >= alignThreshold * 0.8 else { continue }
            let (keep, drop) = ga < gb ? (ga, gb) : (gb, ga)
            members[keep] = merged.sorted()
            members[drop] = []
            for m in members[keep] { groupOf[m] = keep }
        }
        return members.filter { group in
            Set(group.map { table.entries[$0].outlet.slug }).count >= 2
        }
    }

    /// One claim per group carried by two or more outlets, most widely reported first.
    static func sharedClaims(_ table: SentenceTable, groups: [[Int]]) -> [Claim] {
        let claims: [(Claim, Int, Int)] = groups.map { group in
            let rep = representative(table, group)
            let outlets = Array(Set(group.map { table.entries[$0].outlet })).sorted()
            let claim = Claim(text: table.entries[rep].text, outlets: outlets,
                              sources: group.map { table.entries[$0].source })
            return (claim, outlets.count, group[0])
        }
        return claims.sorted { ($1.1, $0.2) < ($0.1, $1.2) }.map(\.0)
    }

    /// The member most similar to the rest; ties by index.
    static func representative(_ table: SentenceTable, _ group: [Int]) -> Int {
        var best = group[0], bestScore = -1.0
        for a in group {
            let score = group.reduce(0.0) { $1 == a ? $0 : $0 + table.similarity(a, $1) }
            if score > bestScore + 1e-12 { best = a; bestScore = score }
        }
        return best
    }
}
