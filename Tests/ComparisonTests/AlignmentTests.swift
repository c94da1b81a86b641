import BriefingCore
import Testing
@testable import Comparison

/// An invented story: a dam failure covered by four outlets.
enum DamStory {
    static let courier = Fixtures.article("Courier", """
    Engineers evacuated three villages below the Varna dam after cracks appeared in its northern wall on Tuesday.

    The regional governor Mara Ilic ordered schools in the valley closed until further notice. \
    Rescue crews moved 4,200 residents to shelters in the nearby town of Oster.

    “We will not let anyone return until the wall has been inspected by independent engineers,” Ilic told reporters. \
    Local farmers complained that cattle had been left behind in the rush.
    """, time: "2026-03-02T09:00:00Z")

    static let ledger = Fixtures.article("Ledger", """
    Three villages beneath the Varna dam were evacuated by engineers on Tuesday after cracks were found in the northern wall.

    Rescue crews moved 4,200 residents to shelters in the nearby town of Oster. \
    The dam, completed in 1978, holds back a reservoir of 12 million cubic meters of water.

    “We will not let anyone return until the wall has been inspected by engineers,” said Mara Ilic. \
    An insurance company has already sent assessors to the valley to estimate flood damage claims.
    """, time: "2026-03-02T08:00:00Z")

    static let herald = Fixtures.article("Herald", """
    Cracks in the northern wall of the Varna dam forced engineers to evacuate three villages on Tuesday.

    Emergency teams moved 3,900 residents to shelters in the nearby town of Oster. \
    The dam holds back a reservoir of 12 million cubic meters of water, officials said.

    Governor Mara Ilic said: “Nobody goes home before independent engineers have inspected the wall.” \
    A police helicopter circled above the flooded orchards during the afternoon.
    """, time: "2026-03-02T10:30:00Z")

    static let dispatch = Fixtures.article("Dispatch", """
    The national weather service forecast heavy rain across the valley for the rest of the week. \
    Meteorologists expect twenty millimeters of rainfall by Thursday evening in the mountains.
    """, time: "2026-03-02T11:00:00Z")

    static var story: Story { Fixtures.story([courier, ledger, herald, dispatch], id: "varna-dam") }
}

@Suite struct AlignmentTests {
    let comparison = StoryComparator().compare(DamStory.story)

    func claim(containing text: String) -> Claim? {
        comparison.shared.first { $0.sources.contains { src in
            DamStory.story.articles.first { $0.id == src.articleID }!.sentences[src.sentence].text.contains(text)
        } }
    }

    @Test func paraphrasesAlign() throws {
        let lead = try #require(claim(containing: "Three villages beneath"))
        #expect(lead.outlets.map(\.slug) == ["courier", "herald", "ledger"])
        #expect(lead.sources.count == 3)
        #expect(comparison.shared.first == lead, "the most widely shared claim comes first")
    }

    @Test func differentNumbersDoNotAlign() throws {
        // Same words, but 4,200 vs 3,900 residents: Courier and Ledger agree, Herald stays out.
        let crews = try #require(claim(containing: "moved 4,200 residents"))
        #expect(crews.outlets.map(\.slug) == ["courier", "ledger"])
        #expect(!crews.sources.contains { $0.outlet.slug == "herald" })
    }

    @Test func sharedClaimSourcesPointAtSentences() throws {
        let reservoir = try #require(claim(containing: "reservoir of 12 million"))
        #expect(reservoir.outlets.map(\.slug) == ["herald", "ledger"])
        for src in reservoir.sources {
            let article = DamStory.story.articles.first { $0.id == src.articleID }!
            #expect(article.outlet == src.outlet)
            #expect(article.sentences[src.sentence].text.contains("reservoir"))
        }
    }

    @Test func unrelatedSentencesStayApart() {
        // The weather outlet shares topic words ("valley") but no claim.
        #expect(!comparison.shared.contains { $0.outlets.contains { $0.slug == "dispatch" } })
    }

    @Test func similarityIsSymmetricAndBounded() {
        let table = SentenceTable(articles: DamStory.story.articles)
        table.forEachOverlappingPair { i, j, shared, sharedTerms in
            let s = table.cosine(i, j, shared: shared)
            #expect(sharedTerms == table.overlap(i, j).count)
            #expect(s > 0 && s <= 1.000001)
            #expect(abs(table.similarity(j, i) - s) < 1e-9)
        }
    }

    @Test func shortSentencesNeverAnchor() {
        let a = Fixtures.article("Alpha", "Officials said the dam held. Officials said the dam held.")
        let b = Fixtures.article("Beta", "Officials said the dam held.")
        let c = StoryComparator().compare(Fixtures.story([a, b]))
        #expect(c.shared.isEmpty)
        #expect(c.only.isEmpty)
    }
}

@Suite struct OnlyTests {
    let comparison = StoryComparator().compare(DamStory.story)

    func only(_ slug: String) -> [String] {
        comparison.only.first { $0.outlet.slug == slug }?.claims.map(\.text) ?? []
    }

    @Test func outletOnlyClaimsAreAbsentElsewhere() {
        #expect(only("courier").contains { $0.hasPrefix("Local farmers complained") })
        #expect(only("courier").contains { $0.hasPrefix("The regional governor Mara Ilic ordered schools") })
        #expect(only("ledger").contains { $0.hasPrefix("An insurance company") })
        #expect(only("herald").contains { $0.hasPrefix("A police helicopter circled") })
    }

    @Test func sharedOrCoveredSentencesAreNotOnly() {
        let all = comparison.only.flatMap(\.claims).map(\.text)
        #expect(!all.contains { $0.contains("villages") })
        #expect(!all.contains { $0.contains("4,200") })
        // Herald's 3,900 sentence is covered by the others' wording: a disagreement, not an exclusive.
        #expect(!all.contains { $0.contains("3,900") })
    }

    @Test func onlyIsSortedBySlugAndCarriesSources() {
        let slugs = comparison.only.map(\.outlet.slug)
        #expect(slugs == slugs.sorted())
        for group in comparison.only {
            for claim in group.claims {
                #expect(claim.outlets == [group.outlet])
                #expect(claim.sources.count == 1)
            }
        }
    }
}

@Suite struct SameOutletTests {
    @Test func repeatedSentenceOfOneOutletIsListedOnce() {
        let first = Fixtures.article("Courier", DamStory.courier.body, id: "courier-1")
        let update = Fixtures.article("Courier", "Local farmers complained that cattle had been left behind in the rush.",
                                      id: "courier-2", day: "2026-03-03")
        let c = StoryComparator().compare(Fixtures.story([first, update, DamStory.ledger]))
        let courier = c.only.first { $0.outlet.slug == "courier" }?.claims.map(\.text) ?? []
        #expect(courier.filter { $0.hasPrefix("Local farmers") }.count == 1)
    }
}

@Suite struct ChainingTests {
    @Test func aBridgeSentenceDoesNotChainTwoDifferentClaims() {
        let a = Fixtures.article("Alpha", "The mayor opened the new tram line between the harbour and the university campus on Friday morning.")
        let b = Fixtures.article("Beta", """
        The mayor opened the new tram line between the harbour and the university campus, \
        and the council approved a budget for cycle lanes along the river promenade.
        """)
        let c = Fixtures.article("Gamma", "The council approved a budget for cycle lanes along the river promenade and the old harbour.")
        let comparison = StoryComparator().compare(Fixtures.story([a, b, c]))
        #expect(!comparison.shared.isEmpty)
        #expect(comparison.shared.allSatisfy { $0.outlets.count == 2 })
    }
}

@Suite struct QuotedOnlyClaimTests {
    /// North prints `quotation` with its own attribution; South always prints the "nonsense" one.
    func northOnly(_ quotation: String) -> [String] {
        let north = Fixtures.article("North", "Okafor was quick to answer the harbor critics: \"\(quotation)\"")
        let south = Fixtures.article("South", """
        After the council debate on the winter timetable closed, Okafor replied: "That is a pile of nonsense about our ferries."
        """)
        let c = StoryComparator().compare(Fixtures.story([north, south]))
        return c.only.first { $0.outlet.slug == "north" }?.claims.map(\.text) ?? []
    }

    @Test func sentenceMostlyASharedQuotationIsNotOnly() {
        #expect(northOnly("With respect, that is simply a pile of nonsense about our ferries.").isEmpty,
                "the quotation is the claim, and South printed it too")
    }

    @Test func quotationPrintedByOneOutletStaysOnly() {
        #expect(northOnly("Our ferries will run through every winter storm this year.").count == 1)
    }
}
