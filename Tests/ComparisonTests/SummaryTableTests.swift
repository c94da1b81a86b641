import BriefingCore
import Testing
@testable import Comparison

/// The summary reads its wordings from the story's sentence table as it read them from the articles.
@Suite struct SummaryTableTests {
    @Test func wordingsFromTheTableGiveTheSameSummary() {
        for story in [DamStory.story, Fixtures.story([DisagreementTests.north, DisagreementTests.south, DisagreementTests.west])] {
            let articles = story.articles.sorted(by: Article.canonicalOrder)
            let table = SentenceTable(articles: articles)
            let pairs = StoryComparator.scoredPairs(table)
            let shared = StoryComparator.sharedClaims(table, groups: StoryComparator.alignedGroups(table, pairs: pairs))
            #expect(!shared.isEmpty)
            #expect(StoryComparator.summary(shared, articles: articles, table: table) == StoryComparator.summary(shared, articles: articles))
            // A source outside its article, or of an unknown article, is skipped either way.
            let odd = shared.map { claim in
                Claim(text: claim.text, outlets: claim.outlets, sources: claim.sources + [
                    ClaimSource(articleID: articles[0].id, outlet: articles[0].outlet, sentence: 10_000),
                    ClaimSource(articleID: "unknown", outlet: articles[0].outlet, sentence: 0),
                ])
            }
            #expect(StoryComparator.summary(odd, articles: articles, table: table) == StoryComparator.summary(odd, articles: articles))
        }
    }
}
