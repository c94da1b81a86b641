import BriefingCore
import Testing
import TestSupport
@testable import Comparison

@Suite struct StoryComparatorTests {
    @Test func headlinesFollowPublication() {
        let c = StoryComparator().compare(DamStory.story)
        #expect(c.storyID == "varna-dam")
        #expect(c.headlines.map(\.outlet.slug) == ["ledger", "courier", "herald", "dispatch"])
        #expect(c.headlines.first?.published == "2026-03-02T08:00:00Z")
        #expect(c.headlines.first?.title == "Ledger headline")
    }

    @Test func summaryComesFromMostSharedClaims() {
        let c = StoryComparator().compare(DamStory.story)
        #expect((1...3).contains(c.summary.count))
        #expect(c.summary.first == c.shared.first?.text)
    }

    @Test func singletonHasHeadlinesAndSummaryOnly() {
        let a = Fixtures.article("Courier", """
        Engineers evacuated three villages below the Varna dam after cracks appeared. \
        The governor ordered schools closed. Farmers complained about cattle.
        """)
        let b = Fixtures.article("Courier", "“We will not let anyone return until the wall has been inspected,” Ilic said.",
                                 id: "courier-2", day: "2026-03-03")
        let c = StoryComparator().compare(Fixtures.story([b, a]))
        #expect(c.headlines.map(\.articleID) == ["courier-1", "courier-2"])
        #expect(c.summary == [
            "Engineers evacuated three villages below the Varna dam after cracks appeared.",
            "The governor ordered schools closed.",
        ])
        #expect(c.shared.isEmpty && c.only.isEmpty && c.quotes.isEmpty && c.disagreements.isEmpty)
    }

    @Test func shuffledInputGivesIdenticalOutput() {
        let articles = DamStory.story.articles + QuoteGroupingTests.alphaBetaGamma + [DisagreementTests.north, DisagreementTests.south]
        var story = Fixtures.story(articles)
        let expected = StoryComparator().compare(story)
        #expect(!expected.shared.isEmpty && !expected.quotes.isEmpty && !expected.disagreements.isEmpty)
        var rng = SeededGenerator(seed: 7)
        for _ in 0..<5 {
            story.articles.shuffle(using: &rng)  // bypasses Story.init's sort on purpose
            #expect(StoryComparator().compare(story) == expected)
        }
    }

    /// Timing lives in the benchmark; here a dense random story must neither align noise nor vary.
    @Test func randomSentencesDoNotAlign() {
        var rng = SeededGenerator(seed: 42)
        let vocabulary = (0..<400).map { "word\($0)" }
        let articles = (0..<6).map { o in
            let text = (0..<40).map { _ in
                (0..<14).map { _ in vocabulary[Int(rng.next() % 400)] }.joined(separator: " ") + "."
            }.joined(separator: " ")
            return Fixtures.article("Outlet \(o)", text)
        }
        let story = Fixtures.story(articles)
        let comparison = StoryComparator().compare(story)
        #expect(comparison.shared.isEmpty)
        #expect(comparison == StoryComparator().compare(story))
    }
}

