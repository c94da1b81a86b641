import BriefingCore
import Testing
@testable import Comparison

/// Long sentences that carry the same claim inside different framing (a quote, an attribution)
/// align through a shared run of content words, and the summary prefers a reported statement.
@Suite struct PhraseAlignmentTests {
    static let articles = [
        Fixtures.article("Alpha", """
        “With regard to the harbour dredging, the ministry and the port authority have received written guarantees from the contractor that it will not dump dredged silt inside the marine reserve off Kessel Point,” the minister told reporters on Tuesday.
        """),
        Fixtures.article("Beta", """
        The minister said there was no sign that the contractor had broken its promise not to dump dredged silt inside the marine reserve off Kessel Point.
        """),
        Fixtures.article("Gamma", """
        Divers counted eleven new seal pups on the northern sandbank during the weekend survey.
        """),
    ]

    @Test func sharedRunOfContentWordsAligns() throws {
        let comparison = StoryComparator().compare(Fixtures.story(Self.articles))
        let claim = try #require(comparison.shared.first)
        #expect(claim.outlets.map(\.slug) == ["alpha", "beta"])
        #expect(comparison.only.map(\.outlet.slug) == ["gamma"])
    }

    @Test func summaryTellsTheClaimWithoutTheQuote() {
        let comparison = StoryComparator().compare(Fixtures.story(Self.articles))
        #expect(comparison.summary.first?.hasPrefix("The minister said there was no sign") == true)
    }

    @Test func commonTopicWordsAloneDoNotAlign() {
        let a = Fixtures.article("Alpha", "The port authority said dredging of the harbour channel would finish in March next year.")
        let b = Fixtures.article("Beta", "Fishermen protested outside the port authority offices about the noise of harbour dredging at night.")
        #expect(StoryComparator().compare(Fixtures.story([a, b])).shared.isEmpty)
    }
}
