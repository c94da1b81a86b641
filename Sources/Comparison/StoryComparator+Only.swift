import BriefingCore

extension StoryComparator {
    /// Two sentences of one other outlet together covering this much also make a sentence not "only".
    static let onlyUnionCoverage = 0.55
    /// A sentence whose words are mostly a quotation another outlet printed is that outlet's claim too.
    static let quotedShare = 0.5

    /// Per outlet, substantial sentences that no other outlet carries: not aligned, no single sentence
    /// of another outlet covers `onlyCoverage` of their weighted content words, and no two sentences
    /// of one other outlet cover `onlyUnionCoverage` (a long sentence reported in two halves).
    static func onlyClaims(_ table: SentenceTable, groups: [[Int]], pairs: [ScoredPair]) -> [OutletOnly] {
        // Aligned and short sentences are never "only": their partners need no list.
        var candidate = (0..<table.count).map(table.isSubstantial)
        for group in groups { for m in group { candidate[m] = false } }
        // A partner below 0.1 can't matter: with the best one under `onlyCoverage`, two sentences
        // reach `onlyUnionCoverage` only if the second covers more than the difference.
        let floor = onlyUnionCoverage - onlyCoverage
        // Sentence i's partners, in pair order, are `partners[starts[i]..<starts[i + 1]]`: one list
        // counted then filled, not a growing list per sentence. Each coverage is worked out once, for
        // candidates only: a division per pair and side.
        var starts = [Int](repeating: 0, count: table.count + 1)
        // Found into a raw buffer of room for both sides of every pair: appending to an array
        // checked its uniqueness and grew it many times per story.
        let found = UnsafeMutableBufferPointer<(owner: Int, j: Int, coverage: Double)>.allocate(capacity: 2 * pairs.count)
        defer { found.deallocate() }
        var foundCount = 0
        for p in pairs {
            if candidate[p.i] {
                let ci = table.coverage(of: p.i, shared: p.shared)
                if ci >= floor { found[foundCount] = (p.i, p.j, ci); foundCount += 1; starts[p.i + 1] += 1 }
            }
            if candidate[p.j] {
                let cj = table.coverage(of: p.j, shared: p.shared)
                if cj >= floor { found[foundCount] = (p.j, p.i, cj); foundCount += 1; starts[p.j + 1] += 1 }
            }
        }
        for i in 0..<table.count { starts[i + 1] += starts[i] }
        var partners = [(j: Int, coverage: Double)](repeating: (0, 0), count: starts[table.count])
        var filled = starts
        for f in found[..<foundCount] { partners[filled[f.owner]] = (f.j, f.coverage); filled[f.owner] += 1 }
        let quotations = SharedQuotations(table)
        // Claims per distinct outlet, each article's slot found once: hashing an Outlet's strings per claim showed in profiles.
        var byOutlet: [(outlet: Outlet, claims: [Claim])] = []
        var slotOfArticle = [Int](repeating: -1, count: table.articleOutlets.count)
        // An outlet's follow-up article often repeats a sentence verbatim. By outlet id and a hash of
        // the text's bytes, texts compared only when both meet: hashing whole Strings showed in profiles.
        var seen: [UInt64: [Int]] = [:]
        for i in 0..<table.count
        where candidate[i] && quotations.share[i] < quotedShare
                && !isCovered(table, i, partners[starts[i]..<starts[i + 1]], quoted: quotations.terms[i]) {
            let e = table.entries[i]
            var text = e.text
            let key = text.withUTF8 { ByteHash.hash($0) } ^ UInt64(table.outletIDs[i])
            let repeated = seen[key]?.contains { table.outletIDs[$0] == table.outletIDs[i] && table.entries[$0].text == e.text } ?? false
            guard !repeated else { continue }
            seen[key, default: []].append(i)
            if slotOfArticle[e.article] < 0 {
                let outlet = table.articleOutlets[e.article]
                slotOfArticle[e.article] = byOutlet.firstIndex { $0.outlet == outlet } ?? byOutlet.count
                if slotOfArticle[e.article] == byOutlet.count { byOutlet.append((outlet, [])) }
            }
            let slot = slotOfArticle[e.article]
            byOutlet[slot].claims.append(Claim(text: e.text, outlets: [byOutlet[slot].outlet], sources: [table.source(i)]))
        }
        // Distinct outlets: sorting them gives the order sorting the dictionary's keys gave.
        return byOutlet.sorted { $0.outlet < $1.outlet }.map { OutletOnly(outlet: $0.outlet, claims: $0.claims) }
    }

    /// `quoted`: the sentence's terms inside quotations another outlet printed; they count as covered.
    static func isCovered(_ table: SentenceTable, _ i: Int, _ partners: ArraySlice<(j: Int, coverage: Double)>, quoted: [Int]) -> Bool {
        if partners.contains(where: { $0.coverage >= onlyCoverage }) { return true }
        let own = table.terms(i), weights = table.weights(i)
        let total = table.norms[i] * table.norms[i]
        guard total > 0 else { return false }
        if !quoted.isEmpty {
            var mass = 0.0
            for k in own.indices where binaryContains(quoted[...], own[k]) { mass += weights[k] * weights[k] }
            if mass / total >= onlyCoverage { return true }
        }
        // Best two partners per other outlet (by coverage, ties by lower index), then their union's coverage.
        typealias Pick = (j: Int, coverage: Double)
        let none: Pick = (-1, -1)
        var best = [(first: Pick, second: Pick)](repeating: (none, none), count: max(table.outletCount, 1))
        func better(_ a: Pick, _ b: Pick) -> Bool { a.coverage > b.coverage || (a.coverage == b.coverage && a.j < b.j) }
        for p in partners {
            let o = table.outletIDs[p.j]
            if better(p, best[o].first) { best[o] = (p, best[o].first) } else if better(p, best[o].second) { best[o].second = p }
        }
        for (first, second) in best where first.j >= 0 {
            var mass = 0.0
            let a = table.terms(first.j), b = second.j >= 0 ? table.terms(second.j) : []
            for k in own.indices
            where binaryContains(a, own[k]) || binaryContains(b, own[k]) || binaryContains(quoted[...], own[k]) {
                mass += weights[k] * weights[k]
            }
            if mass / total >= onlyUnionCoverage { return true }
        }
        return false
    }

    static func binaryContains(_ sorted: ArraySlice<Int>, _ x: Int) -> Bool {
        var lo = sorted.startIndex, hi = sorted.endIndex
        while lo < hi {
            let mid = (lo + hi) / 2
            if sorted[mid] == x { return true }
            if sorted[mid] < x { lo = mid + 1 } else { hi = mid }
        }
        return false
    }
}
