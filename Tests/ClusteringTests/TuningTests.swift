import BriefingCore
import Foundation
import Testing
@testable import Clustering

/// Developer aid, off by default: `BRIEFING_TUNE="titleWeight=3 entityWeight=2 timeDecay=0.1"`
/// sweeps the threshold for those settings on every corpus and prints B-cubed F1.
@Suite struct TuningTests {
    static let spec = ProcessInfo.processInfo.environment["BRIEFING_TUNE"]

    @Test(.enabled(if: spec != nil && CorpusReader.exists("basil")))
    func sweep() throws {
        var s = ClusteringSettings.default
        for pair in (Self.spec ?? "").split(separator: " ") {
            let kv = pair.split(separator: "=")
            guard kv.count == 2, let v = Double(kv[1]) else { continue }
            switch kv[0] {
            case "titleWeight": s.titleWeight = v
            case "entityWeight": s.entityWeight = v
            case "timeDecay": s.timeDecay = v
            case "windowDays": s.windowDays = Int(v)
            case "idfPower": s.idfPower = v
            case "cohesionRatio": s.cohesionRatio = v
            default: break
            }
        }
        let thresholds = stride(from: 0.02, through: 0.20, by: 0.02).map { $0 }
        var lines: [String] = []
        for name in ["basil", "ecbplus", "allsides", "seed-story"] {
            let corpus = try CorpusReader.load(name)
            let model = SimilarityModel(corpus.articles, settings: s)
            var row = name.padding(toLength: 11, withPad: " ", startingAt: 0)
            for t in thresholds {
                let groups = AverageLinkage(threshold: t, windowDays: s.windowDays, cohesionRatio: s.cohesionRatio)
                    .clusters(count: model.articles.count, edges: model.edges, dayOrdinals: model.dayOrdinals)
                var predicted: [String: String] = [:]
                for (g, members) in groups.enumerated() { for m in members { predicted[model.articles[m].source] = "\(g)" } }
                row += String(format: " %.3f", ClusteringMetrics.bcubed(predicted: predicted, truth: corpus.truth).f1)
            }
            lines.append(row)
        }
        print("[tune] \(Self.spec ?? "")\n[tune] thresholds " + thresholds.map { String(format: "%.3f", $0) }.joined(separator: " "))
        for l in lines { print("[tune] " + l) }
    }
}
