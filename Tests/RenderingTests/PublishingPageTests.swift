import BriefingCore
import Testing
@testable import Rendering

@Suite struct PublishingPageTests {
    static let stories = [Fixtures.story.id: Fixtures.story, Fixtures.single.id: Fixtures.single]
    static let briefings = [
        Briefing(day: Fixtures.day1, entries: [.init(storyID: Fixtures.story.id, isUpdate: false, articleIDs: ["wire-1", "lantern-1"]),
                                              .init(storyID: Fixtures.single.id, isUpdate: false, articleIDs: ["lantern-2"])]),
        Briefing(day: Fixtures.day2, entries: [.init(storyID: Fixtures.story.id, isUpdate: true, articleIDs: ["hostile-1"])]),
    ]

    @Test func archiveIsNewestFirstWithCountsAndTopHeadlines() throws {
        let html = try Fixtures.renderer().archivePage(ArchivePageInput(
            briefings: Self.briefings, stories: Self.stories, headlinesPerDay: 1))
        let day2 = try #require(Fixtures.position("href=\"../2031-03-05/index.html\"", in: html))
        let day1 = try #require(Fixtures.position("href=\"../2031-03-04/index.html\"", in: html))
        #expect(day2 < day1)
        #expect(html.contains("2 stories"))
        #expect(html.contains("and 1 more story"))
        #expect(html.contains("Harbour bridge closes for &lt;repairs&gt; &amp; &quot;review&quot;"))
        #expect(!html.contains("<repairs>"))
        #expect(html.contains("<link rel=\"canonical\" href=\"https://news.example/archive/\">"))
        #expect(html.contains("<title>All briefings · Morning &amp; &lt;Brief&gt;</title>"))
    }

    @Test func outletCoverageGroupsBySlugUnderTheMostUsedName() {
        func article(_ id: String, _ name: String, _ day: Day) -> Article {
            Fixtures.article(id, Outlet(name: name), day: day, title: "Headline \(id)", body: "Body.")
        }
        let older = Story(id: "older", title: "Older", articles: [article("o1", "The Hill", Fixtures.day1)])
        let newer = Story(id: "newer", title: "Newer", articles: [
            article("n1", "the hill!", Fixtures.day2), article("n2", "The Hill", Fixtures.day2), article("n3", "Zeta", Fixtures.day2),
        ])
        let groups = OutletCoverage.group([older, newer])
        #expect(groups.map(\.outlet.slug) == ["the-hill", "zeta"])
        #expect(groups[0].outlet.name == "The Hill")
        #expect(groups[0].stories.map(\.id) == ["newer", "older"])
        #expect(groups[0].articleCount == 3)
        #expect(groups[0].articles(in: newer).map(\.id) == ["n1", "n2"])
        #expect(groups[0].lastDay(in: older) == Fixtures.day1)
        #expect(groups[0].lastDay(in: newer) == Fixtures.day2)
        // What grouping found in one pass is what a coverage made from its stories finds.
        for group in groups { #expect(group == OutletCoverage(outlet: group.outlet, stories: group.stories)) }
    }

    @Test func outletPageEscapesAndLinksToTheStory() throws {
        let coverage = try #require(OutletCoverage.group([Fixtures.story]).first { $0.outlet.slug == Fixtures.hostile.slug })
        let html = try Fixtures.renderer().outletPage(OutletPageInput(coverage: coverage))
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<b>Bridge"))
        #expect(html.contains("&lt;b&gt;Bridge&lt;/b&gt; saga continues"))
        #expect(html.contains("href=\"../../stories/harbour-bridge-closes/index.html#article-hostile-1\""))
        #expect(html.contains("<link rel=\"canonical\" href=\"https://news.example/outlets/\(Fixtures.hostile.slug)/\">"))
    }

    @Test func outletsIndexSortsByName() throws {
        let html = try Fixtures.renderer().outletsIndexPage(OutletsIndexInput(outlets: OutletCoverage.group([Fixtures.story, Fixtures.single])))
        let lantern = try #require(Fixtures.position(">Daily Lantern</a>", in: html))
        let wire = try #require(Fixtures.position(">Northwind Wire</a>", in: html))
        #expect(lantern < wire)
        #expect(html.contains("href=\"../outlets/daily-lantern/index.html\""))
        #expect(html.contains("2 stories"))
    }

    @Test func notFoundPageLinksFromTheSiteRoot() throws {
        let html = try Fixtures.renderer().notFoundPage(NotFoundPageInput(latestDay: Fixtures.day2, sitePath: "/brief/"))
        #expect(html.contains("href=\"/brief/index.html\""))
        #expect(html.contains("href=\"/brief/archive/index.html\""))
        #expect(html.contains("href=\"/brief/style.css\""))
        #expect(html.contains("5 March 2031"))
        #expect(!html.contains("rel=\"canonical\""))
    }

    @Test func everyLayoutLinksFeedsArchiveAndOutlets() throws {
        let html = try Fixtures.renderer().storyPage(StoryPageInput(story: Fixtures.story, comparison: Fixtures.comparison))
        #expect(html.contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Morning &amp; &lt;Brief&gt; (Atom)\" href=\"../../feed.xml\">"))
        #expect(html.contains("<link rel=\"alternate\" type=\"application/feed+json\" title=\"Morning &amp; &lt;Brief&gt; (JSON Feed)\" href=\"../../feed.json\">"))
        #expect(html.contains("<a href=\"../../archive/index.html\">Archive</a>"))
        #expect(html.contains("<a href=\"../../outlets/index.html\">Outlets</a>"))
        #expect(html.contains("href=\"../../outlets/northwind-wire/index.html\""))
    }

    @Test func missingOptionalTemplatesAreReported() throws {
        let renderer = try Fixtures.renderer()
        for page in PageRenderer.OptionalPage.allCases { #expect(renderer.hasTemplate(page)) }
    }
}
