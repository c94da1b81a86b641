import Testing
@testable import Clustering

@Suite struct ClusteringMetricsTests {
    // Truth {a,b,c} {d,e}; predicted {a,b} {c,d,e}.
    let truth = ["a": "X", "b": "X", "c": "X", "d": "Y", "e": "Y"]
    let predicted = ["a": "1", "b": "1", "c": "2", "d": "2", "e": "2"]

    @Test func bcubedByHand() {
        // Precision per item: a 1, b 1, c 1/3, d 2/3, e 2/3 → 11/15.
        // Recall per item:    a 2/3, b 2/3, c 1/3, d 1, e 1 → 11/15.
        let m = ClusteringMetrics.bcubed(predicted: predicted, truth: truth)
        #expect(abs(m.precision - 11.0 / 15) < 1e-12)
        #expect(abs(m.recall - 11.0 / 15) < 1e-12)
        #expect(abs(m.f1 - 11.0 / 15) < 1e-12)
    }

    @Test func pairwiseByHand() {
        // Predicted pairs: ab, cd, ce, de = 4; correct: ab, de = 2. True pairs: ab, ac, bc, de = 4.
        let m = ClusteringMetrics.pairwise(predicted: predicted, truth: truth)
        #expect(m.precision == 0.5)
        #expect(m.recall == 0.5)
        #expect(m.f1 == 0.5)
    }

    @Test func perfectAndAllSingletons() {
        #expect(ClusteringMetrics.bcubed(predicted: truth, truth: truth).f1 == 1)
        #expect(ClusteringMetrics.pairwise(predicted: truth, truth: truth).f1 == 1)
        let singletons = Dictionary(uniqueKeysWithValues: truth.keys.map { ($0, $0) })
        let m = ClusteringMetrics.bcubed(predicted: singletons, truth: truth)
        #expect(m.precision == 1)
        #expect(abs(m.recall - (1.0 / 3 * 3 + 0.5 * 2) / 5) < 1e-12)
    }
}
