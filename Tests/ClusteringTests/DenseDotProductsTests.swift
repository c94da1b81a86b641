import BriefingCore
import Foundation
import Testing
@testable import Clustering

/// Dot products four at a time, and vectors without the terms of one article, give every
/// cosine bit for bit as the plain one-at-a-time pass over whole vectors did.
@Suite struct DenseDotProductsTests {
    /// `Σ dense[ids[k]] * weights[k]` in `k` order, one addition after another.
    static func plainSum(_ dense: [Double], _ vector: SparseVector) -> Double {
        var sum = 0.0
        for (id, weight) in zip(vector.ids, vector.weights) { sum += dense[Int(id)] * weight }
        return sum
    }

    @Test func fourAtATimeMatchesOneAtATime() {
        var generator = SystemRandomNumberGenerator()
        let dense = (0..<300).map { _ in Double.random(in: 0..<1, using: &generator) < 0.3 ? Double.random(in: 0..<1, using: &generator) : 0 }
        func vector(_ count: Int) -> SparseVector {
            let ids = Array(Set((0..<count * 3).map { _ in Int32.random(in: 0..<300, using: &generator) }).prefix(count)).sorted()
            return SparseVector(ids: ids, weights: ids.map { _ in Double.random(in: 0.001..<1, using: &generator) })
        }
        for counts in [[0, 0, 0, 0], [1, 0, 5, 2], [7, 7, 7, 7], [50, 3, 120, 0], [9, 40, 2, 77], [100, 99, 98, 1]] {
            let lanes = counts.map(vector)
            let sums = dense.withUnsafeBufferPointer { dense in
                lanes[0].withLane { a in lanes[1].withLane { b in lanes[2].withLane { c in lanes[3].withLane { d in
                    DenseDotProducts.sums(dense, (a, b, c, d))
                } } } }
            }
            let expected = lanes.map { Self.plainSum(dense, $0) }
            #expect([sums.0, sums.1, sums.2, sums.3].map(\.bitPattern) == expected.map(\.bitPattern), "\(counts)")
        }
        let empty = dense.withUnsafeBufferPointer { DenseDotProducts.sums($0, (.empty, .empty, .empty, .empty)) }
        #expect([empty.0, empty.1, empty.2, empty.3] == [0, 0, 0, 0])
    }

    @Test func vectorsWithoutSingleArticleTermsGiveTheSameCosines() {
        let articles = Fixtures.quakes + Fixtures.bridge + Fixtures.bridgeFollowUps + Fixtures.otherBridge + [Fixtures.unrelated]
        let settings = ClusteringSettings.default
        let model = SimilarityModel(articles, settings: settings)
        let terms = model.vectors.terms
        // Whole vectors over the whole vocabulary, as they were made before.
        var frequency: [Int32: Int] = [:]
        for t in terms { for id in t.ids { frequency[id, default: 0] += 1 } }
        let n = Double(articles.count)
        let whole = terms.map { t -> SparseVector in
            let order = t.ids.indices.sorted { t.ids[$0] < t.ids[$1] }
            let idf = { (id: Int32) in pow(log((1 + n) / (1 + Double(frequency[id]!))) + 1, settings.idfPower) }
            return SparseVector(ids: order.map { t.ids[$0] },
                                weights: order.map { (1 + log(t.counts[$0])) * t.boosts[$0] * idf(t.ids[$0]) }).normalised()
        }
        #expect(model.vectors.vectors.map(\.ids.count).reduce(0, +) < whole.map(\.ids.count).reduce(0, +))
        #expect(model.vectors.documentFrequency.allSatisfy { $0 >= 2 })
        for i in articles.indices {
            #expect(model.vectors.vectors[i].ids.map { model.vectors.vocabulary[Int($0)] }
                    == whole[i].ids.filter { frequency[$0]! >= 2 }.map { terms[i].term(terms[i].ids.firstIndex(of: $0)!) })
            for j in articles.indices where j != i {
                #expect(model.cosine(i, j).bitPattern == whole[i].dot(whole[j]).bitPattern, "\(i) \(j)")
            }
        }
        // The edge pass, four partners at a time, gives the same cosines.
        #expect(!model.edges.isEmpty)
        for edge in model.edges {
            #expect(model.decayed(whole[edge.i].dot(whole[edge.j]), edge.i, edge.j, settings.timeDecay).bitPattern == edge.similarity.bitPattern)
        }
    }
}
