import Testing
import TestSupport
@testable import Clustering

/// The heap-based linkage on hand-made graphs.
@Suite struct AverageLinkageTests {
    let linkage = AverageLinkage(threshold: 0.3, windowDays: 4, cohesionRatio: 0.7)

    func edge(_ i: Int, _ j: Int, _ s: Double) -> SimilarityEdge {
        SimilarityEdge(i: i, j: j, similarity: s, cohesion: s)
    }

    @Test func oneBridgingArticleDoesNotChainTwoStories() {
        // {0,1} and {3,4} are tight; 2 belongs with {0,1} but also resembles 3, which would
        // chain all five under single linkage.
        let edges = [edge(0, 1, 0.9), edge(3, 4, 0.9), edge(1, 2, 0.8), edge(0, 2, 0.5), edge(2, 3, 0.7)]
        let clusters = linkage.clusters(count: 5, edges: edges, dayOrdinals: [0, 0, 0, 0, 0])
        #expect(clusters == [[0, 1, 2], [3, 4]])
    }

    @Test func looselyRelatedCoherentGroupsStayApart() {
        // Mean cross 0.4 reaches the threshold but not 0.7 × the groups' 0.9 cohesion.
        let edges = [edge(0, 1, 0.9), edge(2, 3, 0.9), edge(0, 2, 0.4), edge(0, 3, 0.4), edge(1, 2, 0.4), edge(1, 3, 0.4)]
        #expect(linkage.clusters(count: 4, edges: edges, dayOrdinals: [0, 0, 0, 0]) == [[0, 1], [2, 3]])
        let merged = AverageLinkage(threshold: 0.3, windowDays: 4).clusters(count: 4, edges: edges, dayOrdinals: [0, 0, 0, 0])
        #expect(merged == [[0, 1, 2, 3]])
    }

    @Test func storiesNeverSpanMoreThanTheWindow() {
        let edges = [edge(0, 1, 0.9), edge(1, 2, 0.9), edge(0, 2, 0.9)]
        #expect(linkage.clusters(count: 3, edges: edges, dayOrdinals: [0, 3, 6]) == [[0, 1], [2]])
    }

    @Test func resultDoesNotDependOnEdgeOrder() {
        var edges: [SimilarityEdge] = []
        for i in 0..<12 { for j in (i + 1)..<12 where (i * 7 + j * 3) % 5 != 0 {
            edges.append(edge(i, j, Double((i * 13 + j * 29) % 17) / 17))
        } }
        let expected = linkage.clusters(count: 12, edges: edges, dayOrdinals: Array(repeating: 0, count: 12))
        #expect(linkage.clusters(count: 12, edges: Array(edges.reversed()), dayOrdinals: Array(repeating: 0, count: 12)) == expected)
        #expect(Set(expected.flatMap { $0 }) == Set(0..<12))
    }

    @Test(arguments: 1...20 as ClosedRange<UInt64>)
    func componentsClusterLikeOneRun(seed: UInt64) {
        // Sparse random graphs with many weak edges (which join everything into one component)
        // and a few strong ones, over a few days.
        var rng = SeededGenerator(seed: seed)
        let n = 60
        var edges: [SimilarityEdge] = []
        for i in 0..<n { for j in (i + 1)..<n where Int.random(in: 0..<8, using: &rng) == 0 {
            let strong = Int.random(in: 0..<4, using: &rng) == 0
            let s = strong ? Double.random(in: 0.3...1, using: &rng) : Double.random(in: 0.01..<0.3, using: &rng)
            edges.append(SimilarityEdge(i: i, j: j, similarity: s, cohesion: s * Double.random(in: 0.8...1, using: &rng)))
        } }
        let days = (0..<n).map { _ in Int.random(in: 0..<6, using: &rng) }
        let whole = linkage.clustersInOneRun(count: n, edges: edges, dayOrdinals: days)
        #expect(linkage.clusters(count: n, edges: edges, dayOrdinals: days) == whole)
        #expect(whole.contains { $0.count > 1 })
    }

    @Test func componentsFollowOnlyStrongEdges() {
        let edges = [edge(0, 1, 0.9), edge(1, 2, 0.1), edge(2, 3, 0.5), edge(0, 3, 0.05)]
        let parts = AverageLinkage.components(count: 5, edges: edges, linkingAt: 0.3)
        #expect(parts.linked.map(\.nodes) == [[0, 1], [2, 3]])
        #expect(parts.linked.map { $0.edges.count } == [1, 1])
        #expect(parts.singletons == [4])
    }

    @Test func queuePopsHighestThenLowestPair() {
        var queue = MergeQueue()
        for (s, a, b) in [(0.5, 2, 3), (0.9, 4, 5), (0.5, 1, 7), (0.1, 0, 1)] {
            queue.push(MergeCandidate(similarity: s, a: a, b: b, versionA: 0, versionB: 0))
        }
        var order: [Int] = []
        while let c = queue.pop() { order.append(c.a) }
        #expect(order == [4, 1, 2, 0])
    }
}

/// The chunked edge list reads like the arrays it is made of, joined.
@Suite struct EdgeListTests {
    @Test func indexesAndIteratesLikeTheJoinedChunksDecayed() {
        let decay = EdgeDecay(dayOrdinals: [0, 0, 1, 3, 3, 9, 9], windowDays: 4, timeDecay: 0.3, cohesionDecay: 0)
        let pair = { (k: Int) in CandidatePair(i: k, j: k + 1, cosine: Double(k + 1) / 10) }
        let chunks: [[CandidatePair]] = [[], [pair(0), pair(1)], [], [], [pair(2)], [pair(3), pair(4), pair(5)], []]
        let list = EdgeList(chunks, decay: decay)
        let joined = chunks.joined().map { p in
            let gap = abs(decay.dayOrdinals[p.i] - decay.dayOrdinals[p.j])
            return SimilarityEdge(i: p.i, j: p.j, similarity: gap > 4 ? 0 : p.cosine / (1 + 0.3 * Double(gap)), cohesion: gap > 4 ? 0 : p.cosine)
        }
        #expect(list.count == joined.count)
        #expect(list.indices.map { list[$0] } == joined)
        #expect(Array(list) == joined)
        #expect(list[4].similarity == 0)  // days 3 and 9: outside the window
        #expect(EdgeList().isEmpty && EdgeList([[], []]).isEmpty)
        #expect(chunks[5].trimmed() == chunks[5])
    }

    @Test func clustersTheSameAsFromOneArray() {
        let linkage = AverageLinkage(threshold: 0.3, windowDays: 4, cohesionRatio: 0.7)
        let pairs = [(0, 1, 0.9), (3, 4, 0.9), (1, 2, 0.8), (0, 2, 0.5), (2, 3, 0.7), (4, 5, 0.0)]
            .map { CandidatePair(i: $0.0, j: $0.1, cosine: $0.2) }
        let edges = pairs.map { SimilarityEdge(i: $0.i, j: $0.j, similarity: $0.cosine, cohesion: $0.cosine) }
        let days = [Int](repeating: 0, count: 6)
        let list = EdgeList([Array(pairs[..<2]), [], Array(pairs[2...])],
                            decay: EdgeDecay(dayOrdinals: days, windowDays: 4, timeDecay: 0.5, cohesionDecay: 0))
        #expect(linkage.clusters(count: 6, edges: list, dayOrdinals: days) == linkage.clusters(count: 6, edges: edges, dayOrdinals: days))
        #expect(linkage.clusters(count: 6, edges: list, dayOrdinals: days) == [[0, 1, 2], [3, 4], [5]])
    }
}
