import BriefingCore
import Testing
@testable import Clustering

/// The inverted index must never hide from the linkage a true pair inside the window that it
/// could have used: a true pair it skips shares no rarer term, and its similarity must be below the threshold.
@Suite struct CandidateIndexTests {
    @Test(.enabled(if: CorpusReader.exists("basil"), "shared corpora absent"),
          arguments: ["basil", "ecbplus", "allsides", "seed-story"])
    func noTruePairWithinWindowIsLost(name: String) throws {
        guard CorpusReader.exists(name) else { print("skip: corpus \(name) absent"); return }
        let corpus = try CorpusReader.load(name)
        let settings = ClusteringSettings.default
        let model = SimilarityModel(corpus.articles, settings: settings)
        let candidates = Set(CandidateIndex(vectors: model.vectors, dayOrdinals: model.dayOrdinals, settings: settings)
            .pairs.map { "\($0.0) \($0.1)" })
        var lost: [String] = []
        let n = model.articles.count
        for i in 0..<n {
            for j in (i + 1)..<n where corpus.truth[model.articles[i].source] == corpus.truth[model.articles[j].source]
                && model.dayOrdinals[j] - model.dayOrdinals[i] <= settings.windowDays
                && !candidates.contains("\(i) \(j)") {
                let sim = model.similarity(i, j)
                print(String(format: "[candidates] %@: skipped true pair, similarity %.3f", name, sim))
                if sim >= settings.threshold { lost.append("\(model.articles[i].source) ~ \(model.articles[j].source)") }
            }
        }
        print("[candidates] \(name): \(candidates.count) pairs of \(n * (n - 1) / 2); lost \(lost.count)")
        #expect(lost.isEmpty, "\(lost.prefix(5))")
    }
}
