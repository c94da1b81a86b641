import BriefingCore

/// Average-linkage agglomerative clustering over a sparse similarity graph (missing pairs count
/// as 0). Unlike single linkage, one article that resembles two stories cannot chain them: a merge
/// needs the *mean* similarity of all cross pairs to reach the threshold.
///
/// Each cluster keeps a sparse map of neighbour → summed cross similarities; a merge unions the
/// smaller map into the larger and pushes the merged cluster's new candidates on a heap with lazy
/// deletion. Work is O(E log E) plus the map unions, never a dense matrix or a full rescan.
struct AverageLinkage: Sendable {
    var threshold: Double
    /// Largest allowed span (last day − first day) of a cluster.
    var windowDays: Int
    /// Two groups of two or more articles merge only when their mean cross cohesion similarity
    /// reaches this share of the less cohesive group's mean inner one (0 turns the rule off).
    var cohesionRatio: Double = 0

    private struct Sums: Sendable {
        var similarity = 0.0
        var cohesion = 0.0
        static func + (l: Sums, r: Sums) -> Sums { Sums(similarity: l.similarity + r.similarity, cohesion: l.cohesion + r.cohesion) }
    }

    /// Clusters of item indices, each ascending, ordered by their first item.
    ///
    /// A merge needs a mean cross similarity of at least `threshold`, so at least one cross edge
    /// that strong: clusters only ever grow inside a connected component of the strong edges.
    /// Each component is clustered on its own (in parallel) with all its edges, weak ones too,
    /// giving the same merges in the same order as one global run: candidates of different
    /// components never compare, and local indices keep the global order that breaks ties.
    func clusters<Edges: RandomAccessCollection<SimilarityEdge> & Sendable>(count n: Int, edges: Edges, dayOrdinals: [Int]) -> [[Int]]
    where Edges.Index == Int {
        // Edges are only read here, never copied whole: they are the largest clustering transient.
        let components = Self.components(count: n, edges: edges, linkingAt: threshold) { $0.similarity > 0 }
        let clustered = Parallel.map(components.linked) { component in
            var local = [Int: Int](minimumCapacity: component.nodes.count)
            for (k, node) in component.nodes.enumerated() { local[node] = k }
            let localEdges = component.edges.map { index in
                let e = edges[Int(index)]
                return SimilarityEdge(i: local[e.i]!, j: local[e.j]!, similarity: e.similarity, cohesion: e.cohesion)
            }
            return clustersInOneRun(count: component.nodes.count, edges: localEdges, dayOrdinals: component.nodes.map { dayOrdinals[$0] })
                .map { $0.map { component.nodes[$0] } }
        }
        return (components.singletons.map { [$0] } + clustered.joined()).sorted { $0[0] < $1[0] }
    }

    /// Items grouped by connected component of the edges of at least `strength` (nodes ascending,
    /// with the indices in `edges` of every edge inside the component, however weak), and the
    /// items with no such edge. Edges failing `isIncluded` are ignored altogether.
    static func components<Edges: RandomAccessCollection<SimilarityEdge>>(
        count n: Int, edges: Edges, linkingAt strength: Double,
        isIncluded: (SimilarityEdge) -> Bool = { _ in true }
    ) -> (linked: [(nodes: [Int], edges: [Int32])], singletons: [Int]) where Edges.Index == Int {
        var parent = Array(0..<n)
        func root(_ x: Int) -> Int {
            var x = x
            while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }
            return x
        }
        var hasEdge = [Bool](repeating: false, count: n)
        for e in edges where e.similarity >= strength && isIncluded(e) {
            hasEdge[e.i] = true
            hasEdge[e.j] = true
            let (a, b) = (root(e.i), root(e.j))
            if a != b { parent[max(a, b)] = min(a, b) }
        }
        var slot = [Int](repeating: -1, count: n)
        var linked: [(nodes: [Int], edges: [Int32])] = []
        var singletons: [Int] = []
        for x in 0..<n {
            guard hasEdge[x] else { singletons.append(x); continue }
            let r = root(x)
            if slot[r] < 0 { slot[r] = linked.count; linked.append(([], [])) }
            linked[slot[r]].nodes.append(x)
        }
        for (index, e) in zip(edges.indices, edges) where hasEdge[e.i] && hasEdge[e.j] && isIncluded(e) {
            let r = root(e.i)
            if r == root(e.j) { linked[slot[r]].edges.append(Int32(index)) }
        }
        return (linked, singletons)
    }

    /// The agglomeration itself, over the whole graph at once.
    func clustersInOneRun(count n: Int, edges: [SimilarityEdge], dayOrdinals: [Int]) -> [[Int]] {
        // A cluster is named by its smallest member, so names do not depend on merge order.
        var neighbours = [[Int: Sums]](repeating: [:], count: n)
        for e in edges where e.similarity > 0 {
            neighbours[e.i][e.j] = Sums(similarity: e.similarity, cohesion: e.cohesion)
            neighbours[e.j][e.i] = Sums(similarity: e.similarity, cohesion: e.cohesion)
        }
        var members = (0..<n).map { [$0] }
        var innerCohesion = [Double](repeating: 0, count: n)
        var firstDay = dayOrdinals, lastDay = dayOrdinals
        var version = [Int](repeating: 0, count: n)
        var alive = [Bool](repeating: true, count: n)
        var queue = MergeQueue()

        func candidate(_ x: Int, _ y: Int, _ sums: Sums) -> MergeCandidate? {
            let (a, b) = (min(x, y), max(x, y))
            let pairs = Double(members[a].count * members[b].count)
            let mean = sums.similarity / pairs
            guard mean >= threshold,
                  max(lastDay[a], lastDay[b]) - min(firstDay[a], firstDay[b]) <= windowDays else { return nil }
            // Two coherent groups that only loosely resemble each other are usually two events
            // of one kind (two earthquakes), not one event.
            if cohesionRatio > 0, members[a].count > 1, members[b].count > 1 {
                let cohesion = min(innerCohesion[a] / Self.pairs(members[a].count), innerCohesion[b] / Self.pairs(members[b].count))
                if sums.cohesion / pairs < cohesionRatio * cohesion { return nil }
            }
            return MergeCandidate(similarity: mean, a: a, b: b, versionA: version[a], versionB: version[b])
        }
        for e in edges where e.similarity > 0 {
            if let c = candidate(e.i, e.j, neighbours[e.i][e.j]!) { queue.push(c) }
        }

        while let best = queue.pop() {
            let (a, b) = (best.a, best.b)
            guard alive[a], alive[b], version[a] == best.versionA, version[b] == best.versionB else { continue }
            let cross = neighbours[a][b]!
            innerCohesion[a] += innerCohesion[b] + cross.cohesion
            var merged = neighbours[a], other = neighbours[b]
            neighbours[a] = [:]
            neighbours[b] = [:]
            if merged.count < other.count { swap(&merged, &other) }
            for (c, sums) in other { merged[c, default: Sums()] = merged[c, default: Sums()] + sums }
            merged[a] = nil
            merged[b] = nil
            for c in merged.keys {
                neighbours[c][b] = nil
                neighbours[c][a] = merged[c]
            }
            neighbours[a] = merged
            members[a] += members[b]
            members[b] = []
            alive[b] = false
            version[a] += 1
            firstDay[a] = min(firstDay[a], firstDay[b])
            lastDay[a] = max(lastDay[a], lastDay[b])
            for (c, sums) in merged { if let next = candidate(a, c, sums) { queue.push(next) } }
        }
        return (0..<n).filter { alive[$0] }.map { members[$0].sorted() }
    }

    private static func pairs(_ size: Int) -> Double { Double(size * (size - 1)) / 2 }
}
