import BriefingCore
import Foundation

extension StoryComparator {
    /// Sentences this similar (numbers ignored) are about the same fact, so differing values conflict.
    static let disagreementThreshold = 0.5
    /// Dates only conflict in near-identical sentences; otherwise they usually name different events.
    static let dateDisagreementThreshold = 0.65

    /// Quantities with the same unit that differ between aligned or strongly similar sentences of
    /// different outlets. Years never count; "a dozen" and "12" agree.
    /// `rows`: the pairs' rows (`PairRows`), worked out here when not given.
    static func disagreements(_ table: SentenceTable, pairs: [ScoredPair], groups: [[Int]], rows: PairRows? = nil) -> [Disagreement] {
        let rows = rows ?? PairRows(pairs, sentenceCount: table.count)
        var inGroup = [Int](repeating: -1, count: table.count)
        for (g, group) in groups.enumerated() { for m in group { inGroup[m] = g } }
        // Per unit: the sentences reporting it and the pairs linking them.
        var roots: [String: Set<Int>] = [:]  // unit -> sentence indices involved
        var links: [(String, Int, Int)] = []
        let unitSets = table.units
        var printed: ValuesPrinted?  // built when a pair first asks: most stories never do
        // Most sentences carry no unit: one flag per sentence skips their pairs, where reading the
        // sets and term counts per pair showed in profiles.
        let mayDisagree = (0..<table.count).map { table.isSubstantial($0) && !unitSets[$0].isEmpty }
        // Their units sorted once: a pair's common units are then a merge, where intersecting Sets hashed each.
        let unitLists = (0..<table.count).map { mayDisagree[$0] ? unitSets[$0].sorted() : [] }
        // Pairs in (i, j) order as before, but only the rows of sentences that may disagree are read.
        for i in 0..<table.count where mayDisagree[i] {
            for k in rows.row(i) where mayDisagree[pairs[k].j] {
                let p = pairs[k]
                let common = sortedCommon(unitLists[p.i], unitLists[p.j])
                guard !common.isEmpty else { continue }
                let aligned = inGroup[p.i] >= 0 && inGroup[p.i] == inGroup[p.j]
                let similar = aligned || p.similarity >= disagreementThreshold
                for u in common {
                    if similar, u != "date" || p.similarity >= dateDisagreementThreshold {
                        links.append((u, p.i, p.j))
                        roots[u, default: []].formUnion([p.i, p.j])
                    } else if u != "date", countsOneThing(table, p.i, p.j, unit: u, printed: &printed) {
                        links.append((u, p.i, p.j))
                        roots[u, default: []].formUnion([p.i, p.j])
                    }
                }
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

    /// Close values (within `looseRatio`) of one counted noun in differently worded sentences are one
    /// fact told two ways when the words around them overlap, each sentence counts that noun once,
    /// and neither outlet prints the other's value. Money, percentages and dates are too common for it.
    static let looseRatio = 1.25

    /// The values in common of two sorted lists without repeats, in order.
    static func sortedCommon<T: Comparable>(_ a: [T], _ b: [T]) -> [T] {
        var out: [T] = [], x = 0, y = 0
        while x < a.count, y < b.count {
            if a[x] == b[y] { out.append(a[x]); x += 1; y += 1 } else if a[x] < b[y] { x += 1 } else { y += 1 }
        }
        return out
    }

    /// `printed`: the story's `ValuesPrinted`, made here when first needed.
    static func countsOneThing(_ table: SentenceTable, _ i: Int, _ j: Int, unit: String, printed: inout ValuesPrinted?) -> Bool {
        guard unit != "dollar", unit != "percent", unit != "date" else { return false }
        let a = table.entries[i].quantities.filter { $0.unit == unit }, b = table.entries[j].quantities.filter { $0.unit == unit }
        guard a.count == 1, b.count == 1, let qa = a.first, let qb = b.first, qa.kind == .count, qb.kind == .count,
              !qa.isWord, !qb.isWord, qa.value != qb.value else { return false }
        let low = min(qa.value, qb.value), high = max(qa.value, qb.value)
        guard low > 0, high / low <= looseRatio, !table.context(i, qa).isDisjoint(with: table.context(j, qb)) else { return false }
        if printed == nil { printed = ValuesPrinted(table) }
        return !printed!.contains(table.outletIDs[i], unit, qb.value) && !printed!.contains(table.outletIDs[j], unit, qa.value)
    }

    /// Every (outlet, unit, value) the story prints: an outlet printing both values means two facts.
    struct ValuesPrinted {
        /// A value by its bits, as each printed value is distinct: formatting a Double into a String key showed in profiles.
        private struct Printed: Hashable { var outlet: Int; var unit: String; var value: UInt64 }
        private var seen: Set<Printed> = []
        init(_ table: SentenceTable) {
            for i in 0..<table.count where !table.units[i].isEmpty {
                for q in table.entries[i].quantities where q.kind == .count {
                    if let u = q.unit { seen.insert(Printed(outlet: table.outletIDs[i], unit: u, value: q.value.bitPattern)) }
                }
            }
        }
        func contains(_ outlet: Int, _ unit: String, _ value: Double) -> Bool {
            seen.contains(Printed(outlet: outlet, unit: unit, value: value.bitPattern))
        }
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
                outlets[q.value, default: []].insert(table.outlet(i))
                if about == nil || (q.about ?? "").count < about!.count { about = q.about }
            }
        }
        // Values every outlet prints alike ("12 tons of armor and 3 tons of rifles" twice) are no conflict.
        let sets = valueOrder.map { outlets[$0]!.map(\.slug).sorted() }
        guard valueOrder.count >= 2, Set(sets.joined()).count >= 2, Set(sets).count >= 2 else { return nil }
        // Two outlets must each print a value the other does not: an outlet printing both values
        // ("$3 million now, $1.2 million later") adds a fact, it does not contradict.
        var byOutlet: [String: Set<Double>] = [:]
        for v in valueOrder { for o in outlets[v]! { byOutlet[o.slug, default: []].insert(v) } }
        let valueSets = Array(byOutlet.values)
        guard valueSets.contains(where: { x in valueSets.contains { y in !x.isSubset(of: y) && !y.isSubset(of: x) } })
        else { return nil }
        let values = valueOrder.sorted { (outlets[$1]!.count, $0) < (outlets[$0]!.count, $1) }.map { v in
            Disagreement.Value(value: printed[v]!.0, outlets: outlets[v]!.sorted(), sentence: printed[v]!.1)
        }
        return Disagreement(about: about ?? unit, values: values)
    }
}
