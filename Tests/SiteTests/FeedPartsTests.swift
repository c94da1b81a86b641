import BriefingCore
import Foundation
import Rendering
import Testing
import TestSupport
@testable import Site

@Suite struct TimestampTests {
    @Test func readsPublishedTimesIntoUTC() throws {
        #expect(Timestamp(published: "2026-03-04T10:00:00+02:00")?.rfc3339 == "2026-03-04T08:00:00Z")
        #expect(Timestamp(published: "2026-03-04T23:30:00-05:00")?.rfc3339 == "2026-03-05T04:30:00Z")
        #expect(Timestamp(published: "2026-01-01T00:15:00+01:00")?.rfc3339 == "2025-12-31T23:15:00Z")
        #expect(Timestamp(published: "2024-02-29T12:00:00Z")?.rfc3339 == "2024-02-29T12:00:00Z")
        #expect(Timestamp(published: "2026-03-04T07:05:09")?.rfc3339 == "2026-03-04T07:05:09Z")
        #expect(Timestamp(published: "2026-03-04") == nil)
        #expect(Timestamp(published: "2026-03-04T25:00:00Z") == nil)
        #expect(Timestamp(published: "2026-03-04T10:00:00+0200") == nil)
        #expect(Timestamp(day: Day("1970-01-02")!).seconds == 86_400)
        #expect(Timestamp(day: Day("2026-03-04")!).rfc3339 == "2026-03-04T00:00:00Z")
        #expect(Timestamp(seconds: 1_700_000_000).rfc3339 == "2023-11-14T22:13:20Z")
    }

    @Test func articleWithoutTimeIsItsDayAtMidnight() {
        let article = Article(id: "a", source: "a.md", outlet: Outlet(name: "A"), title: "A", day: Day("2026-03-04")!,
                              body: "x", sentences: [])
        #expect(Timestamp(article).rfc3339 == "2026-03-04T00:00:00Z")
    }

    @Test func sourceDateEpochIsReadStrictly() {
        #expect(SourceDateEpoch.read([:]).0 == nil)
        #expect(SourceDateEpoch.read(["SOURCE_DATE_EPOCH": ""]).0 == nil)
        #expect(SourceDateEpoch.read(["SOURCE_DATE_EPOCH": "1700000000"]).0 == Timestamp(seconds: 1_700_000_000))
        let bad = SourceDateEpoch.read(["SOURCE_DATE_EPOCH": "yesterday"])
        #expect(bad.0 == nil)
        #expect(bad.warning != nil)
        #expect(SourceDateEpoch.read(["SOURCE_DATE_EPOCH": "999999999999999"]).warning != nil)
    }
}

@Suite struct XMLTextTests {
    @Test func escapesMarkupAndDropsForbiddenCharacters() {
        #expect(XMLText.escape("a & b < c > d \" e ' f") == "a &amp; b &lt; c &gt; d &quot; e &apos; f")
        #expect(XMLText.escape("bell\u{7}null\u{0}esc\u{1B}") == "bellnullesc")
        #expect(XMLText.escape("tab\tline\nkeep") == "tab\tline\nkeep")
        #expect(XMLText.escape("cr\r") == "cr&#13;")
        #expect(XMLText.escape("\u{FFFE}\u{FFFF}ok \u{1F4F0}") == "ok \u{1F4F0}")
        let escaped = XMLText.escape("<x a=\"1\">&amp;\u{1}</x>")
        #expect((try? XMLTree.parse("<r>\(escaped)</r>"))?.text == "<x a=\"1\">&amp;</x>")
    }

    @Test func plainTextComesBackAsIs() {
        for text in ["https://news.example/stories/a-b_c/", "caf\u{E9} \u{2014} \u{1F4F0}\ttab\nline", "\u{7F}", ""] {
            #expect(XMLText.escape(text) == text)
        }
        // 0xEF starts U+FFFE but also ordinary characters such as U+FF01.
        #expect(XMLText.escape("\u{FF01}x\u{FFFE}") == "\u{FF01}x")
    }
}

@Suite struct SiteURLTests {
    @Test func absoluteBases() {
        let url = SiteURL(baseURL: "https://news.example/briefing")
        #expect(url.isAbsolute)
        #expect(url.url("stories/x/") == "https://news.example/briefing/stories/x/")
        #expect(url.id("") == "https://news.example/briefing/")
        #expect(url.sitePath == "/briefing/")
        #expect(SiteURL(baseURL: "http://news.example").sitePath == "/")
        #expect(SiteURL(baseURL: "HTTPS://news.example/").url("") == "HTTPS://news.example/")
    }

    @Test func relativeAndHostileBases() {
        #expect(SiteURL(baseURL: "/").isAbsolute == false)
        #expect(SiteURL(baseURL: "/").url("feed.xml") == "/feed.xml")
        #expect(SiteURL(baseURL: "/").id("stories/x/") == "urn:briefing:stories/x/")
        #expect(SiteURL(baseURL: "briefing").sitePath == "/briefing/")
        #expect(SiteURL(baseURL: "/a/../b/./c/").sitePath == "/a/b/c/")
        #expect(SiteURL(baseURL: "javascript:alert(1)").sitePath == "/")
        #expect(SiteURL(baseURL: "javascript:alert(1)").isAbsolute == false)
        #expect(SiteURL(baseURL: "https://x.example/\"><script>").isAbsolute == false)
        #expect(SiteURL(baseURL: "/<script>/").sitePath == "/")
        #expect(SiteURL.storyPath("a/../b c") == "stories/a%2F..%2Fb%20c/")
    }
}

@Suite struct SiteFeedsTests {
    static func story(_ id: String, _ title: String, _ outlet: String, _ day: String, time: String? = nil) -> Story {
        Story(id: id, title: title, articles: [
            Article(id: id + "-1", source: "\(id).md", outlet: Outlet(name: outlet), title: title, day: Day(day)!,
                    publishedTime: time, body: "x", sentences: [Sentence(text: "First.", paragraph: 0, line: 1)]),
        ])
    }

    static let stories = [
        story("b", "B", "Wire", "2026-03-02"), story("a", "A", "Wire", "2026-03-02", time: "2026-03-02T23:00:00Z"),
        story("c", "C\u{1} <&>", "Daily", "2026-03-01"),
    ]

    @Test func newestFirstByLastDayThenIdAndCutToFeedSize() {
        let feeds = SiteFeeds(stories: Self.stories, comparisons: [:],
                              config: SiteConfig(baseURL: "https://x.example/", feedSize: 2), sourceDateEpoch: nil)
        #expect(feeds.entries.map(\.storyID) == ["a", "b"])
        #expect(feeds.updated.rfc3339 == "2026-03-02T23:00:00Z")
    }

    @Test func storiesTiedOnTheLastDayTheFeedReachesAreCutById() {
        let stories = Self.stories + [Self.story("e", "E", "Daily", "2026-03-02"), Self.story("d", "D", "Wire", "2026-03-03")]
        let entries = { (size: Int) in
            SiteFeeds(stories: stories, comparisons: [:], config: SiteConfig(baseURL: "https://x.example/", feedSize: size),
                      sourceDateEpoch: nil).entries.map(\.storyID)
        }
        #expect(entries(3) == ["d", "a", "b"])
        #expect(entries(1) == ["d"])
        #expect(entries(9) == ["d", "a", "b", "e", "c"])
    }

    @Test func sourceDateEpochSetsTheFeedUpdatedTime() throws {
        let config = SiteConfig(baseURL: "https://x.example/")
        let epoch = Timestamp(seconds: 1_700_000_000)
        let feeds = SiteFeeds(stories: Self.stories, comparisons: [:], config: config, sourceDateEpoch: epoch)
        let feed = try XMLTree.parse(feeds.atom())
        #expect(feed.first("updated")?.text == "2023-11-14T22:13:20Z")
        // Entries keep their own times.
        #expect(feed.all("entry").first?.first("updated")?.text == "2026-03-02T23:00:00Z")
        #expect(feed.all("entry").last?.first("title")?.text == "C <&>")
    }

    @Test func plannerReadsSourceDateEpochFromItsEnvironment() throws {
        let config = SiteConfig(baseURL: "https://x.example/")
        let renderer = PageRenderer(templates: try TemplateSet(directory: TestPaths.templates), config: config)
        var planner = SitePlanner(config: config, renderer: renderer, staticDirectory: TestPaths.templates.appendingPathComponent("static"))
        planner.environment = ["SOURCE_DATE_EPOCH": "1700000000"]
        var warnings: [Diagnostic] = []
        let plan = try planner.plan(stories: Self.stories, comparisons: [:],
                                    briefings: BriefingAssembler.briefings(for: Self.stories), warnings: &warnings)
        #expect(warnings.isEmpty)
        let atom = String(decoding: try #require(plan.files["feed.xml"]).bytes, as: UTF8.self)
        #expect(try XMLTree.parse(atom).first("updated")?.text == "2023-11-14T22:13:20Z")
        let json = try JSONSerialization.jsonObject(with: Data(try #require(plan.files["feed.json"]).bytes)) as! [String: Any]
        #expect((json["items"] as! [[String: Any]]).count == 3)

        planner.environment = ["SOURCE_DATE_EPOCH": "soon"]
        warnings = []
        _ = try planner.plan(stories: Self.stories, comparisons: [:],
                             briefings: BriefingAssembler.briefings(for: Self.stories), warnings: &warnings)
        #expect(warnings.count == 1)
    }
}

@Suite struct SitemapTests {
    static let pages = (1...5).map { Sitemap.Page(path: "stories/s\($0)/", lastModified: Timestamp(seconds: $0 * 86_400)) }

    @Test func oneFileUpToTheLimit() throws {
        let files = Sitemap(urls: SiteURL(baseURL: "https://x.example/"), pages: Self.pages).files()
        #expect(files.map(\.path) == ["sitemap.xml"])
        let urlset = try XMLTree.parse(files[0].text)
        #expect(urlset.all("url").count == 5)
    }

    @Test func anIndexBeyondTheLimit() throws {
        var sitemap = Sitemap(urls: SiteURL(baseURL: "https://x.example/a&b/"), pages: Self.pages)
        sitemap.maxURLsPerFile = 2
        let files = sitemap.files()
        #expect(files.map(\.path) == ["sitemap.xml", "sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml"])
        let index = try XMLTree.parse(files[0].text)
        #expect(index.name == "sitemapindex")
        #expect(index.namespace == "http://www.sitemaps.org/schemas/sitemap/0.9")
        #expect(index.all("sitemap").map { $0.first("loc")?.text } == (1...3).map { "https://x.example/a&b/sitemap-\($0).xml" })
        #expect(index.all("sitemap").last?.first("lastmod")?.text == "1970-01-06T00:00:00Z")
        let counts = try files.dropFirst().map { try XMLTree.parse($0.text).all("url").count }
        #expect(counts == [2, 2, 1])
    }

    @Test func noSitemapWithoutAnAbsoluteBase() {
        let sitemap = Sitemap(urls: SiteURL(baseURL: "/news/"), pages: Self.pages)
        #expect(sitemap.files().isEmpty)
        #expect(sitemap.robots() == "User-agent: *\nAllow: /\n")
    }
}
