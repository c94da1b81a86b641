import BriefingCore
import Testing
@testable import Clustering

/// The similarity the linkage works on: weighted cosine, decayed by days apart.
@Suite struct SimilarityTests {
    func model(_ articles: [Article], _ settings: ClusteringSettings = .default) -> SimilarityModel {
        SimilarityModel(articles, settings: settings)
    }

    func index(_ m: SimilarityModel, _ article: Article) -> Int {
        m.articles.firstIndex(of: article)!
    }

    @Test func sameEventScoresAboveTwinEvent() {
        let m = model(Fixtures.quakes)
        let tarsenia = m.similarity(index(m, Fixtures.quakes[0]), index(m, Fixtures.quakes[1]))
        let twin = m.similarity(index(m, Fixtures.quakes[0]), index(m, Fixtures.quakes[2]))
        #expect(tarsenia > 2 * twin)
        #expect(tarsenia >= ClusteringSettings.default.threshold)
        // Vectors leave out terms of one article, so an article's own vector is not its whole
        // text: a copy of it elsewhere is.
        let copy = Fixtures.article("Copy", "2024-05-10", Fixtures.quakes[0].title, Fixtures.quakes[0].body)
        let withCopy = model(Fixtures.quakes + [copy])
        #expect(withCopy.similarity(index(withCopy, Fixtures.quakes[0]), index(withCopy, copy)) > 0.999)
    }

    @Test func daysApartDecayTheSimilarityAndTheWindowCutsIt() {
        var later = Fixtures.bridge[1]
        later.source = "2024-03-06/later.md"
        let sameDay = model([Fixtures.bridge[0], Fixtures.bridge[1]])
        let base = sameDay.similarity(0, 1)
        later.day = Day("2024-03-06")!
        let twoDays = model([Fixtures.bridge[0], later])
        #expect(abs(twoDays.cosine(0, 1) - base) < 1e-9)
        #expect(abs(twoDays.similarity(0, 1) - base / 3) < 1e-9)  // 1 / (1 + 1.0 × 2 days)
        later.day = Day("2024-03-20")!
        #expect(model([Fixtures.bridge[0], later]).similarity(0, 1) == 0)
    }

    @Test func headlineAndLeadWordsWeighMoreThanLaterWords() {
        let shared = "Officials met on Monday. Nothing else happened. The weather was mild. Marrowford came up late."
        let lead = Fixtures.article("A", "2024-01-01", "Council meets", "Marrowford voted on Monday. " + shared)
        let tail = Fixtures.article("B", "2024-01-01", "Council meets", shared)
        let plain = ClusteringSettings(leadWeight: 1)
        func weight(_ a: Article, _ settings: ClusteringSettings) -> Double {
            let m = model([a, tail], settings)
            let v = m.vectors.vectors[m.articles.firstIndex(of: a)!]
            let id = m.vectors.vocabulary.firstIndex(of: "marrowford")!
            return v.weights[v.ids.firstIndex(of: Int32(id))!]
        }
        // In the lead the name gains weight; in the tail it loses share to the boosted lead.
        #expect(weight(lead, .default) > weight(lead, plain))
        #expect(weight(tail, .default) < weight(tail, plain))
    }

    @Test func termsAreStemmedAndStopWordsDropped() {
        var extractor = TermExtractor()
        let terms = extractor.terms("The inspectors closed the bridges after inspecting 42,000 cracks")
        #expect(terms == ["inspector", "clos", "bridg", "inspect", "#42000", "crack"])
        #expect(TermExtractor.stem("closed") == TermExtractor.stem("closes"))
    }
}

/// Terms from a build cache stand in for reading the articles again.
@Suite struct KnownTermsTests {
    @Test func knownTermsGiveTheSameStoriesAndAreReallyUsed() {
        let articles = Fixtures.quakes + Fixtures.bridge
        let clusterer = StoryClusterer()
        let (stories, terms) = clusterer.cluster(articles, knownTerms: .none)
        #expect(stories == clusterer.cluster(articles))
        #expect(terms.count == articles.count)
        #expect(clusterer.cluster(articles, knownTerms: KnownTerms(terms)).stories == stories)
        #expect(clusterer.cluster(articles, knownTerms: KnownTerms(terms)).terms == terms)
        // Terms that say nothing leave every article on its own: proof they were read, not recounted.
        let empty = terms.mapValues { _ in ArticleTerms(entries: []) }
        #expect(clusterer.cluster(articles, knownTerms: KnownTerms(empty)).stories.count == articles.count)
    }
}
