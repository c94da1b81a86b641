import Foundation

/// Precision, recall and their harmonic mean.
public struct PRF: Sendable, Hashable, Codable, CustomStringConvertible {
    public var precision: Double
    public var recall: Double
    public var f1: Double

    public init(precision: Double, recall: Double) {
        self.precision = precision
        self.recall = recall
        f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
    }

    public var description: String {
        String(format: "P=%.3f R=%.3f F1=%.3f", precision, recall, f1)
    }
}

/// Scores a clustering against the truth. Both maps go from item to cluster label; only items
/// present in both are scored.
public enum ClusteringMetrics {
    /// B-cubed (Bagga & Baldwin 1998): per item, the share of its predicted cluster that truly
    /// belongs with it (precision) and the share of its true cluster it was put with (recall), averaged.
    public static func bcubed(predicted: [String: String], truth: [String: String]) -> PRF {
        let items = predicted.keys.filter { truth[$0] != nil }.sorted()
        guard !items.isEmpty else { return PRF(precision: 0, recall: 0) }
        var predSize: [String: Int] = [:], trueSize: [String: Int] = [:], both: [[String]: Int] = [:]
        for item in items {
            let p = predicted[item]!, t = truth[item]!
            predSize[p, default: 0] += 1
            trueSize[t, default: 0] += 1
            both[[p, t], default: 0] += 1
        }
        var precision = 0.0, recall = 0.0
        for item in items {
            let p = predicted[item]!, t = truth[item]!
            let common = Double(both[[p, t]]!)
            precision += common / Double(predSize[p]!)
            recall += common / Double(trueSize[t]!)
        }
        let n = Double(items.count)
        return PRF(precision: precision / n, recall: recall / n)
    }

    /// Pairwise: over all unordered pairs of items, precision and recall of "in the same cluster".
    public static func pairwise(predicted: [String: String], truth: [String: String]) -> PRF {
        let items = predicted.keys.filter { truth[$0] != nil }
        func pairs(_ sizes: [Int]) -> Double { sizes.reduce(0.0) { $0 + Double($1 * ($1 - 1) / 2) } }
        var predSize: [String: Int] = [:], trueSize: [String: Int] = [:], both: [[String]: Int] = [:]
        for item in items {
            predSize[predicted[item]!, default: 0] += 1
            trueSize[truth[item]!, default: 0] += 1
            both[[predicted[item]!, truth[item]!], default: 0] += 1
        }
        let correct = pairs(Array(both.values)), predictedPairs = pairs(Array(predSize.values))
        let truePairs = pairs(Array(trueSize.values))
        // No pairs to find or make counts as perfect, so all-singleton truths score sensibly.
        return PRF(precision: predictedPairs > 0 ? correct / predictedPairs : 1,
                   recall: truePairs > 0 ? correct / truePairs : 1)
    }
}
