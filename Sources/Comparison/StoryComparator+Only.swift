import BriefingCore

extension StoryComparator {
    /// Two sentences of one other outlet together covering this much also make a sentence not "only".
    static let onlyUnionCoverage = 0.55

    /// Per outlet, substantial sentences that no other outlet carries: not aligned, no single sentence
    /// of another outlet covers `onlyCoverage` of their weighted content words, and no two sentences
    /// of one other outlet cover `onlyUnionCoverage` (a long sentence reported in two halves).
    static func onlyClaims(_ table: SentenceTable, groups: [[Int]], pairs: [ScoredPair]) -> [OutletOnly] {
        var excluded = [Bool](repeating: false, count: table.count)
        for group in groups { for m in group { excluded[m] = true } }
        var partners = [[(j: Int, coverage: Double)]](repeating: [], count: table.count)
        for p in pairs {
            partners[p.i].append((p.j, table.coverage(of: p.i, shared: p.shared)))
            partners[p.j].append((p.i, table.coverage(of: p.j, shared: p.shared)))
        }
        var byOutlet: [Outlet: [Claim]] = [:]
        for i in 0..<table.count where !excluded[i] && table.isSubstantial(i) && !isCovered(table, i, partners[i]) {
            let e = table.entries[i]
            byOutlet[e.outlet, default: []].append(Claim(text: e.text, outlets: [e.outlet], sources: [e.source]))
        }
        return byOutlet.keys.sorted().map { OutletOnly(outlet: $0, claims: byOutlet[$0]!) }
    }

    static func isCovered(_ table: SentenceTable, _ i: Int, _ partners: [(j: Int, coverage: Double)]) -> Bool {
        if partners.contains(where: { $0.coverage >= onlyCoverage }) { return true }
        var byOutlet: [String: [(j: Int, coverage: Double)]] = [:]
        for p in partners { byOutlet[table.entries[p.j].outlet.slug, default: []].append(p) }
        let own = table.entries[i]
        let total = own.norm * own.norm
        guard total > 0 else { return false }
        for slug in byOutlet.keys.sorted() {
            let best = byOutlet[slug]!.sorted { ($1.coverage, $0.j) < ($0.coverage, $1.j) }.prefix(2)
            let covered = Set(best.flatMap { table.entries[$0.j].terms })
            var mass = 0.0
            for (k, term) in own.terms.enumerated() where covered.contains(term) { mass += own.weights[k] * own.weights[k] }
            if mass / total >= onlyUnionCoverage { return true }
        }
        return false
    }
}
