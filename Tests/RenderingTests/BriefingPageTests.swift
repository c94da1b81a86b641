import BriefingCore
import Testing
@testable import Rendering

@Suite struct BriefingPageTests {
    static let briefing = Briefing(day: Fixtures.day2, entries: [
        .init(storyID: Fixtures.story.id, isUpdate: true, articleIDs: ["hostile-1"]),
        .init(storyID: Fixtures.single.id, isUpdate: false, articleIDs: ["lantern-2"]),
    ])

    func render(rootPath: String = "../", briefing: Briefing = briefing) throws -> String {
        try Fixtures.renderer().briefingPage(BriefingPageInput(
            briefing: briefing,
            stories: [Fixtures.story.id: Fixtures.story, Fixtures.single.id: Fixtures.single],
            comparisons: [Fixtures.story.id: Fixtures.comparison, Fixtures.single.id: Fixtures.singleComparison],
            rootPath: rootPath, previousDay: Fixtures.day1, nextDay: nil,
            nearbyDays: [Fixtures.day2, Fixtures.day1]))
    }

    @Test func storiesInGivenOrderWithLinks() throws {
        let html = try render()
        let first = try #require(Fixtures.position("href=\"../stories/harbour-bridge-closes/index.html\"", in: html))
        let second = try #require(Fixtures.position("href=\"../stories/library-opens/index.html\"", in: html))
        #expect(first < second)
        #expect(html.contains("<h1><time datetime=\"2031-03-05\">Wednesday 5 March 2031</time></h1>"))
        #expect(html.contains("<span class=\"count\">3 outlets</span> · Daily Lantern, Northwind Wire, &lt;script&gt;"))
        #expect(html.contains("<p class=\"summary\">The harbour bridge closed after engineers found cracks.</p>"))
        #expect(html.contains("3 headlines side by side"))
    }

    @Test func updateMarkerAndNewCoverage() throws {
        let html = try render()
        #expect(html.contains("<span class=\"tag tag-update\">Updated</span>"))
        #expect(html.contains("Story began <time datetime=\"2031-03-04\">4 March 2031</time>."))
        #expect(html.contains("<a href=\"../stories/harbour-bridge-closes/index.html#article-hostile-1\">&lt;b&gt;Bridge&lt;/b&gt; saga continues</a>"))
        #expect(html.components(separatedBy: "tag-update\"").count == 2)
    }

    @Test func singleSourceStoriesAreSeparate() throws {
        let html = try render()
        let heading = try #require(Fixtures.position("<h2 id=\"single-source\">Single source</h2>", in: html))
        let single = try #require(Fixtures.position("Library opens late", in: html))
        #expect(heading < single)
        #expect(html.contains("<span class=\"visually-hidden\">Single source: </span>Daily Lantern</p>"))
    }

    @Test func dayNavigationAndArchive() throws {
        let html = try render()
        #expect(html.contains("<a class=\"prev\" rel=\"prev\" href=\"../2031-03-04/index.html\">← 4 March 2031</a>"))
        #expect(!html.contains("rel=\"next\""))
        #expect(html.contains("<span aria-current=\"page\">5 March 2031</span>"))
        #expect(html.contains("<link rel=\"stylesheet\" href=\"../style.css\">"))
        #expect(html.contains("<link rel=\"canonical\" href=\"https://news.example/2031-03-05/\">"))
        #expect(html.contains("Latest briefing"))
    }

    @Test func nearbyDaysAreAWindowNewestFirst() throws {
        let days = (1...20).map { Day(year: 2031, month: 1, day: $0)! }
        let radius = BriefingPageInput.nearbyRadius
        #expect(BriefingPageInput.nearbyDays(days, at: 10) == Array(days[(10 - radius)...(10 + radius)].reversed()))
        #expect(BriefingPageInput.nearbyDays(days, at: 0) == Array(days[0...radius].reversed()))
        #expect(BriefingPageInput.nearbyDays(days, at: 19) == Array(days[(19 - radius)...].reversed()))
        #expect(BriefingPageInput.nearbyDays(Array(days.prefix(1)), at: 0) == [days[0]])
        #expect(BriefingPageInput.nearbyDays(days, at: 20).isEmpty)
    }

    @Test func indexPageLinksFromTheRoot() throws {
        let html = try render(rootPath: "")
        #expect(html.contains("href=\"stories/harbour-bridge-closes/index.html\""))
        #expect(html.contains("href=\"2031-03-04/index.html\""))
        #expect(html.contains("<link rel=\"stylesheet\" href=\"style.css\">"))
        #expect(html.contains("<link rel=\"canonical\" href=\"https://news.example/\">"))
    }

    @Test func noScriptsOrExternalResources() throws {
        for html in [try render(), try render(rootPath: "")] {
            #expect(!html.contains("<script"))
            #expect(!html.contains("src=\"http"))
            #expect(html.hasPrefix("<!doctype html>"))
            #expect(html.contains("<html lang=\"en\">"))
        }
    }

    @Test func emptyDay() throws {
        let html = try render(briefing: Briefing(day: Fixtures.day1, entries: []))
        #expect(html.contains("No stories were reported on this day."))
        #expect(!html.contains("Single source"))
    }

    @Test func unknownStoryIsADiagnostic() throws {
        let briefing = Briefing(day: Fixtures.day1, entries: [.init(storyID: "ghost", isUpdate: false, articleIDs: [])])
        #expect(throws: Diagnostic.self) { try render(briefing: briefing) }
    }
}
