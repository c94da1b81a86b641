/// Average-linkage agglomerative clustering over a sparse similarity graph (missing pairs count
/// as 0). Unlike single linkage, one article that resembles two stories cannot chain them: a merge
/// needs the *mean* similarity of all cross pairs to reach the threshold.
struct AverageLinkage: Sendable {
    var threshold: Double
    /// Largest allowed span (last day − first day) of a cluster.
    var windowDays: Int
    /// Two groups of two or more articles merge only when their mean cross similarity reaches
    /// this share of the less cohesive group's mean inner similarity (0 turns the rule off).
    var cohesionRatio: Double = 0

    /// Clusters of item indices, each ascending, ordered by their first item.
    func clusters(count n: Int, edges: [(i: Int, j: Int, sim: Double)], dayOrdinals: [Int]) -> [[Int]] {
        // A merge needs at least one cross pair ≥ threshold, so clusters never cross components
        // of the ≥ threshold graph: cluster each component on its own, densely.
        var parent = Array(0..<n)
        func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }
            return x
        }
        for e in edges where e.sim >= threshold {
            let a = find(e.i), b = find(e.j)
            if a != b { parent[max(a, b)] = min(a, b) }
        }
        var members: [Int: [Int]] = [:]
        for i in 0..<n { members[find(i), default: []].append(i) }
        var edgesOf: [Int: [(i: Int, j: Int, sim: Double)]] = [:]
        for e in edges where find(e.i) == find(e.j) { edgesOf[find(e.i), default: []].append(e) }

        var result: [[Int]] = []
        for root in members.keys.sorted() {
            let items = members[root]!
            if items.count == 1 { result.append(items); continue }
            result += clusterComponent(items, edges: edgesOf[root] ?? [], dayOrdinals: dayOrdinals)
        }
        return result.sorted { $0[0] < $1[0] }
    }

    private func clusterComponent(_ items: [Int], edges: [(i: Int, j: Int, sim: Double)], dayOrdinals: [Int]) -> [[Int]] {
        let k = items.count
        var local: [Int: Int] = [:]
        for (a, item) in items.enumerated() { local[item] = a }
        var sim = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
        for e in edges {
            let a = local[e.i]!, b = local[e.j]!
            sim[a][b] = e.sim
            sim[b][a] = e.sim
        }
        var groups: [[Int]?] = items.map { [$0] }
        var firstDay = items.map { dayOrdinals[$0] }
        var lastDay = firstDay
        var inner = [Double](repeating: 0, count: k)  // sum of similarities of pairs inside each group
        func cohesion(_ a: Int) -> Double {
            let n = Double(groups[a]!.count)
            return inner[a] / (n * (n - 1) / 2)
        }
        while true {
            // Highest average similarity; ties go to the lowest indices, so the result is deterministic.
            var best = (a: -1, b: -1, sim: threshold)
            for a in 0..<k where groups[a] != nil {
                for b in (a + 1)..<k where groups[b] != nil && sim[a][b] >= best.sim {
                    if sim[a][b] == best.sim && best.a >= 0 { continue }
                    if max(lastDay[a], lastDay[b]) - min(firstDay[a], firstDay[b]) > windowDays { continue }
                    // Two coherent groups that only loosely resemble each other are usually two
                    // events of one kind (two earthquakes), not one event.
                    if cohesionRatio > 0, groups[a]!.count > 1, groups[b]!.count > 1,
                       sim[a][b] < cohesionRatio * min(cohesion(a), cohesion(b)) { continue }
                    best = (a, b, sim[a][b])
                }
            }
            guard best.a >= 0 else { break }
            let (a, b) = (best.a, best.b)
            let na = Double(groups[a]!.count), nb = Double(groups[b]!.count)
            inner[a] += inner[b] + best.sim * na * nb
            for c in 0..<k where c != a && c != b && groups[c] != nil {
                let merged = (na * sim[a][c] + nb * sim[b][c]) / (na + nb)
                sim[a][c] = merged
                sim[c][a] = merged
            }
            groups[a]! += groups[b]!
            groups[b] = nil
            firstDay[a] = min(firstDay[a], firstDay[b])
            lastDay[a] = max(lastDay[a], lastDay[b])
        }
        return groups.compactMap { $0?.sorted() }
    }
}
