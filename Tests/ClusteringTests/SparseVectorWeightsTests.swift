import Foundation
import Testing
@testable import Clustering

/// `SparseVector.init(_:idf:shared:)` against the arrays it replaced: weights mapped in id order,
/// normalised over every term, then the shared terms filtered out, bit for bit.
@Suite struct SparseVectorWeightsTests {
    static func reference(_ terms: ArticleTerms, idf: [Double], shared: [Int32]) -> SparseVector {
        let order = terms.idOrder()
        let weights = SparseVector(weights: order.map { (1 + log(terms.counts[$0])) * terms.boosts[$0] * idf[Int(terms.ids[$0])] })
            .normalised().weights
        let kept = order.indices.filter { shared[Int(terms.ids[order[$0]])] >= 0 }
        return SparseVector(ids: kept.map { shared[Int(terms.ids[order[$0]])] }, weights: kept.map { weights[$0] })
    }

    @Test func sameVectorsAsMappingFilteringAndNormalisingApart() {
        var generator = SystemRandomNumberGenerator()
        for size in [0, 1, 2, 7, 40, 300] {
            let vocabulary = 600
            let idf = (0..<vocabulary).map { _ in Double.random(in: 0.5...9, using: &generator) }
            let shared = (0..<vocabulary).map { id in id % 3 == 0 ? Int32(-1) : Int32(id / 2) }
            let ids = Array((0..<Int32(vocabulary)).shuffled(using: &generator).prefix(size))
            let terms = ArticleTerms(ids: ids, counts: ids.map { _ in Double(Int.random(in: 1...9, using: &generator)) },
                                     boosts: ids.map { _ in [1, 1.5, 2, 3.75].randomElement(using: &generator)! })
            let made = SparseVector(terms, idf: idf, shared: shared)
            #expect(made == Self.reference(terms, idf: idf, shared: shared), "size \(size)")
        }
    }

    @Test func noSharedTermAndZeroNorm() {
        let terms = ArticleTerms(ids: [2, 0, 1], counts: [1, 2, 1], boosts: [1, 1, 1])
        let idf = [1.5, 2.0, 0.25]
        #expect(SparseVector(terms, idf: idf, shared: [-1, -1, -1]) == SparseVector())
        // Zero boosts make every weight 0: the norm is 0 and the weights stay as they are.
        let zero = ArticleTerms(ids: [1, 0], counts: [3, 1], boosts: [0, 0])
        #expect(SparseVector(zero, idf: idf, shared: [0, 1, -1]) == Self.reference(zero, idf: idf, shared: [0, 1, -1]))
    }
}
