import BriefingCore

extension StoryComparator {
    /// Per outlet, substantial sentences that no other outlet carries: not aligned, and no single
    /// sentence of another outlet covers `onlyCoverage` of their weighted content words.
    static func onlyClaims(_ table: SentenceTable, groups: [[Int]], pairs: [ScoredPair]) -> [OutletOnly] {
        var excluded = [Bool](repeating: false, count: table.count)
        for group in groups { for m in group { excluded[m] = true } }
        var bestCoverage = [Double](repeating: 0, count: table.count)
        for p in pairs {
            let shared = p.shared
            bestCoverage[p.i] = max(bestCoverage[p.i], table.coverage(of: p.i, shared: shared))
            bestCoverage[p.j] = max(bestCoverage[p.j], table.coverage(of: p.j, shared: shared))
        }
        var byOutlet: [Outlet: [Claim]] = [:]
        for i in 0..<table.count where !excluded[i] && table.isSubstantial(i) && bestCoverage[i] < onlyCoverage {
            let e = table.entries[i]
            byOutlet[e.outlet, default: []].append(Claim(text: e.text, outlets: [e.outlet], sources: [e.source]))
        }
        return byOutlet.keys.sorted().map { OutletOnly(outlet: $0, claims: byOutlet[$0]!) }
    }
}
