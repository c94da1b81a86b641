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

/// The windowed document-frequency cap that keeps candidate work linear in the articles per day.
@Suite struct CandidateWindowTests {
    @Test func termCommonAroundOneDayProposesNoPairsThereButDoesElsewhere() {
        let names = ["alder", "birch", "cedar", "dogwood", "elm", "fir", "ginkgo", "hazel"]
        var articles = names.enumerated().map { k, name in
            Fixtures.article("Outlet \(k)", "2024-06-01", "Harbour \(name)", "Harbour \(name) \(k == 1 ? "gannet" : "quiet")")
        }
        articles[0].body = "Harbour alder gannet"
        articles[0].sentences = [Sentence(text: "Harbour alder gannet", paragraph: 0, line: 1)]
        // Two more harbour articles weeks later, alone in their window.
        articles.append(Fixtures.article("Late A", "2024-07-01", "Harbour juniper", "Harbour juniper"))
        articles.append(Fixtures.article("Late B", "2024-07-02", "Harbour larch", "Harbour larch"))
        let settings = ClusteringSettings(maxCandidateDocumentFraction: 1, minCandidateDocumentCount: 5)
        let model = SimilarityModel(articles, settings: settings)
        let pairs = CandidateIndex(vectors: model.vectors, dayOrdinals: model.dayOrdinals, settings: settings).pairs
        let named = Set(pairs.map { "\(model.articles[$0.0].title) ~ \(model.articles[$0.1].title)" })
        // "harbour" (8 articles on June 1) is skipped there; "gannet" and "quiet" are rare enough.
        #expect(named.contains("Harbour alder ~ Harbour birch"))
        #expect(named.contains("Harbour juniper ~ Harbour larch"))
        #expect(!named.contains { $0.hasPrefix("Harbour alder ~") && !$0.hasSuffix("birch") })
    }

    /// One scratch reused for every article, in any order, lists what sorting and de-duplicating
    /// every shared posting lists.
    @Test func reusedScratchListsEachPartnerOnce() {
        let articles = Fixtures.quakes + Fixtures.bridge
        let settings = ClusteringSettings(maxCandidateDocumentFraction: 1, minCandidateDocumentCount: 50)
        let model = SimilarityModel(articles, settings: settings)
        let index = CandidateIndex(vectors: model.vectors, dayOrdinals: model.dayOrdinals, settings: settings)
        var scratch = CandidateIndex.PartnerScratch()
        for i in Array(articles.indices) + articles.indices.reversed() {
            index.partners(of: i, scratch: &scratch)
            #expect(scratch.found == index.partners(of: i))
            #expect(scratch.found == Array(Set(scratch.found)).sorted() && scratch.found.allSatisfy { $0 > i })
        }
        #expect(!index.pairs.isEmpty)
    }
}

/// Partners found through the document window (and read off their marks when many) are those
/// of the definition: later articles within the window sharing a term not too common there.
@Suite struct CandidatePartnersReferenceTests {
    @Test func partnersMatchTheDefinition() {
        var generator = SystemRandomNumberGenerator()
        let pool = ["amber", "basalt", "cobalt", "dune", "ember", "fjord", "garnet", "heron", "iris", "jasper", "kelp", "lagoon"]
        let articles = (0..<120).map { k in
            let words = (0..<4).map { _ in pool.randomElement(using: &generator)! }.joined(separator: " ")
            return Fixtures.article("Outlet \(k % 7)", "2024-05-\(10 + k % 12)", "Report \(k) \(words)", "Body \(words) \(k % 5)")
        }
        for cap in [3, 20, 200] {
            let settings = ClusteringSettings(maxCandidateDocumentFraction: 1, minCandidateDocumentCount: cap)
            let model = SimilarityModel(articles, settings: settings)
            let index = CandidateIndex(vectors: model.vectors, dayOrdinals: model.dayOrdinals, settings: settings)
            let n = model.articles.count
            let frequency = model.vectors.documentFrequency
            for i in 0..<n {
                let day = model.dayOrdinals[i], window = settings.windowDays
                let near = (0..<n).filter { $0 != i && abs(model.dayOrdinals[$0] - day) <= window }
                var expected = Set<Int>()
                for id in model.vectors.vectors[i].ids where frequency[Int(id)] >= 2 && frequency[Int(id)] <= max(cap, n) {
                    let users = near.filter { model.vectors.vectors[$0].ids.contains(id) }
                    guard users.count <= cap else { continue }
                    expected.formUnion(users.filter { $0 > i })
                }
                #expect(index.partners(of: i) == expected.sorted(), "cap \(cap), article \(i)")
            }
        }
    }
}
