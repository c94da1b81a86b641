import BriefingCore
import Foundation

extension StoryComparator {
    /// Sentences this similar (numbers ignored) are about the same fact, so differing values conflict.
    static let disagreementThreshold = 0.5
    /// Dates only conflict in near-identical sentences; otherwise they usually name different events.
    static let dateDisagreementThreshold = 0.65

    /// Quantities with the same unit that differ between aligned or strongly similar sentences of
    /// different outlets. Years never count; "a dozen" and "12" agree.
    static func disagreements(_ table: SentenceTable, pairs: [ScoredPair], groups: [[Int]]) -> [Disagreement] {
        var inGroup = [Int](repeating: -1, count: table.count)
        for (g, group) in groups.enumerated() { for m in group { inGroup[m] = g } }
        // Per unit: the sentences reporting it and the pairs linking them.
        var roots: [String: Set<Int>] = [:]  // unit -> sentence indices involved
        var links: [(String, Int, Int)] = []
        for p in pairs {
            let aligned = inGroup[p.i] >= 0 && inGroup[p.i] == inGroup[p.j]
            guard aligned || p.similarity >= disagreementThreshold,
                  table.isSubstantial(p.i), table.isSubstantial(p.j) else { continue }
            let ua = units(table.entries[p.i].quantities), ub = units(table.entries[p.j].quantities)
            for u in ua.intersection(ub).sorted() where u != "date" || p.similarity >= dateDisagreementThreshold {
                links.append((u, p.i, p.j))
                roots[u, default: []].formUnion([p.i, p.j])
            }
        }
        var out: [(Disagreement, Int)] = []
        for unit in roots.keys.sorted() {
            for component in components(Array(roots[unit]!).sorted(), links: links.filter { $0.0 == unit }) {
                if let d = disagreement(table, unit: unit, sentences: component) { out.append((d, component[0])) }
            }
        }
        return out.sorted { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0.about < $1.0.about) }.map(\.0)
    }

    static func units(_ qs: [Quantity]) -> Set<String> {
        Set(qs.compactMap { $0.kind == .year ? nil : $0.unit })
    }

    /// Connected components of sentences linked by pairs, each sorted, in order of first member.
    static func components(_ nodes: [Int], links: [(String, Int, Int)]) -> [[Int]] {
        var parent = Dictionary(uniqueKeysWithValues: nodes.map { ($0, $0) })
        func find(_ x: Int) -> Int { var x = x; while parent[x]! != x { x = parent[x]! }; return x }
        for (_, a, b) in links {
            let ra = find(a), rb = find(b)
            if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
        }
        var byRoot: [Int: [Int]] = [:]
        for n in nodes { byRoot[find(n), default: []].append(n) }
        return byRoot.keys.sorted().map { byRoot[$0]!.sorted() }
    }

    /// A disagreement when the sentences carry two or more values for `unit` across two outlets.
    static func disagreement(_ table: SentenceTable, unit: String, sentences: [Int]) -> Disagreement? {
        var valueOrder: [Double] = []
        var printed: [Double: (String, String)] = [:]
        var outlets: [Double: Set<Outlet>] = [:]
        var about: String?
        for i in sentences {
            let e = table.entries[i]
            for q in e.quantities where q.unit == unit && q.kind != .year {
                if printed[q.value] == nil { valueOrder.append(q.value); printed[q.value] = (q.printed, e.text) }
                outlets[q.value, default: []].insert(e.outlet)
                if about == nil || (q.about ?? "").count < about!.count { about = q.about }
            }
        }
        // Values every outlet prints alike ("12 tons of armor and 3 tons of rifles" twice) are no conflict.
        let sets = valueOrder.map { outlets[$0]!.map(\.slug).sorted() }
        guard valueOrder.count >= 2, Set(sets.joined()).count >= 2, Set(sets).count >= 2 else { return nil }
        let values = valueOrder.sorted { (outlets[$1]!.count, $0) < (outlets[$0]!.count, $1) }.map { v in
            Disagreement.Value(value: printed[v]!.0, outlets: outlets[v]!.sorted(), sentence: printed[v]!.1)
        }
        return Disagreement(about: about ?? unit, values: values)
    }
}
