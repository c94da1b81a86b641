import BriefingCore
import Foundation
import Testing
import TestSupport
@testable import Site

/// Feeds, sitemap, robots.txt, archive, outlet pages and 404 of a real build (real templates).
@Suite struct PublishingTests {
    /// Four stories over three days; one outlet name and headline is hostile; "North Wire" and
    /// "NORTH wire!" share the slug `north-wire`; the feed holds the newest two stories.
    static let site = """
        -- briefing.yml --
        title: "Test & <Briefing>"
        baseURL: "https://test.example/news"
        feed_size: 2
        -- content/2026-03-02/north-wire-1.md --
        ---
        title: "Ferry service halted after engine fire near Kessel Point"
        outlet: "North Wire"
        url: "https://north.example/ferry"
        published: 2026-03-02T07:00:00Z
        ---
        KESSEL (North Wire) - The Kessel Point ferry service was halted on Monday after an engine fire broke out on the vessel Marigold with 84 passengers aboard.

        All 84 passengers were brought ashore by lifeboat crews and nobody was injured, the harbour authority said.
        -- content/2026-03-02/bay-daily-1.md --
        ---
        title: "Engine fire stops Kessel Point ferry; 84 passengers rescued"
        outlet: "Bay Daily"
        published: 2026-03-02T09:30:00Z
        ---
        An engine fire aboard the ferry Marigold halted the Kessel Point ferry service on Monday, with 84 passengers aboard.

        Lifeboat crews brought all 84 passengers ashore and nobody was injured, according to the harbour authority.
        -- content/2026-03-03/north-wire-2.md --
        ---
        title: "Library opens rare map collection to the public"
        outlet: "North Wire"
        published: 2026-03-03
        ---
        The city library opened its rare map collection to the public on Tuesday, showing 40 hand-drawn charts of the coast.
        -- content/2026-03-04/hostile-1.md --
        ---
        title: "Tram <b>fares</b> & \\"zones\\" to rise ../ \\u0001 next April"
        outlet: "<script>alert(1)</script> & \\"Co\\" ../../etc"
        url: "https://hostile.example/tram?a=1&b=2"
        published: 2026-03-04T10:00:00+02:00
        ---
        Tram fares in Kessel will rise by 12 percent next April, the transit board said on Wednesday.
        -- content/2026-03-04/north-wire-3.md --
        ---
        title: "Council approves cycle lanes on Dock Road"
        outlet: "NORTH wire!"
        published: 2026-03-04T06:30:00Z
        ---
        The council approved two protected cycle lanes on Dock Road after a vote on Wednesday evening.
        """

    static let ferry = "2026-03-02-engine-fire-stops-kessel-point-ferry-84"
    static let library = "2026-03-03-library-opens-rare-map-collection-to-the-public"
    static let cycle = "2026-03-04-council-approves-cycle-lanes-on-dock-road"
    static let tram = "2026-03-04-tram-b-fares-b-zones-to-rise-next"

    static func build(_ text: String = site, replacing: (String, String)? = nil) throws -> (TemporaryDirectory, BuildReport) {
        var text = text
        if let (old, new) = replacing { text = text.replacingOccurrences(of: old, with: new) }
        return try buildFixtureSite(text)
    }

    func read(_ dir: TemporaryDirectory, _ path: String) throws -> String {
        try #require(dir.read("public/" + path), "missing \(path)")
    }

    // MARK: Atom

    @Test func atomFeedFollowsRFC4287() throws {
        let (dir, report) = try Self.build()
        #expect(report.errorCount == 0, "\(report.diagnostics)")
        #expect(report.warningCount == 0, "\(report.diagnostics)")
        let text = try read(dir, "feed.xml")
        #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"))
        let feed = try XMLTree.parse(text)
        #expect(feed.name == "feed")
        #expect(feed.namespace == "http://www.w3.org/2005/Atom")

        // Feed: exactly one id, title, updated; an author; a self link to the feed's own address.
        for name in ["id", "title", "updated"] { #expect(feed.all(name).count == 1, "feed/\(name)") }
        #expect(feed.first("id")?.text == "https://test.example/news/")
        #expect(feed.first("title")?.text == "Test & <Briefing>")
        #expect(feed.first("author")?.first("name")?.text == "Test & <Briefing>")
        let links = feed.all("link")
        #expect(links.contains { $0.attributes["rel"] == "self" && $0.attributes["href"] == "https://test.example/news/feed.xml" })
        #expect(links.contains { $0.attributes["rel"] == "alternate" && $0.attributes["href"] == "https://test.example/news/" })

        // Entries: required elements, absolute links, RFC 3339 times, unique ids, newest first.
        let entries = feed.all("entry")
        #expect(entries.count == 2, "feed_size: 2")
        var ids = Set<String>()
        for entry in entries {
            for name in ["id", "title", "updated"] { #expect(entry.all(name).count == 1, "entry/\(name)") }
            let id = try #require(entry.first("id")?.text)
            #expect(ids.insert(id).inserted, "duplicate id \(id)")
            #expect(isAbsoluteHTTP(id))
            let link = try #require(entry.all("link").first { $0.attributes["rel"] == "alternate" })
            #expect(link.attributes["href"] == id)
            #expect(isRFC3339(entry.first("updated")!.text))
            #expect(isRFC3339(entry.first("published")!.text))
            #expect(!entry.all("category").isEmpty)
        }
        #expect(entries.map { $0.first("id")!.text } == [Self.cycle, Self.tram].map { "https://test.example/news/stories/\($0)/" })
        // Updated is the newest article's time: 10:00+02:00 is 08:00Z; the feed's is the newest entry's.
        let tram = entries[1]
        #expect(tram.first("updated")?.text == "2026-03-04T08:00:00Z")
        #expect(entries[0].first("updated")?.text == "2026-03-04T06:30:00Z")
        #expect(feed.first("updated")?.text == "2026-03-04T08:00:00Z")
        #expect(isRFC3339(feed.first("updated")!.text))
    }

    @Test func hostileTextIsEscapedInTheFeedAndControlCharactersAreDropped() throws {
        let (dir, _) = try Self.build()
        let text = try read(dir, "feed.xml")
        #expect(!text.contains("<script>"))
        #expect(!text.contains("<b>"))
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        let feed = try XMLTree.parse(text)
        let tram = try #require(feed.all("entry").last)
        // Round trip: the parser gives back the exact characters; ingest made U+0001 a space.
        #expect(tram.first("title")?.text == "Tram <b>fares</b> & \"zones\" to rise ../ next April")
        let hostile = "<script>alert(1)</script> & \"Co\" ../../etc"
        #expect(tram.all("category").contains { $0.attributes["label"] == hostile && $0.attributes["term"] == "script-alert-1-script-co-etc" })
        #expect(tram.all("author").contains { $0.first("name")?.text == hostile })
    }

    // MARK: JSON Feed

    @Test func jsonFeedFollowsVersion11() throws {
        let (dir, _) = try Self.build()
        let data = Data(try read(dir, "feed.json").utf8)
        let feed = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(feed["version"] as? String == "https://jsonfeed.org/version/1.1")
        #expect(feed["title"] as? String == "Test & <Briefing>")
        #expect(feed["home_page_url"] as? String == "https://test.example/news/")
        #expect(feed["feed_url"] as? String == "https://test.example/news/feed.json")
        let items = try #require(feed["items"] as? [[String: Any]])
        #expect(items.count == 2)
        var ids = Set<String>()
        for item in items {
            let id = try #require(item["id"] as? String)
            #expect(ids.insert(id).inserted)
            let url = try #require(item["url"] as? String)
            #expect(isAbsoluteHTTP(url))
            #expect(item["content_text"] is String || item["content_html"] is String)
            #expect(isRFC3339(try #require(item["date_published"] as? String)))
            #expect(isRFC3339(try #require(item["date_modified"] as? String)))
        }
        #expect(items.map { $0["id"] as! String } == [Self.cycle, Self.tram].map { "https://test.example/news/stories/\($0)/" })
        let tags = try #require(items[1]["tags"] as? [String])
        #expect(tags.contains("<script>alert(1)</script> & \"Co\" ../../etc"))
        #expect((items[1]["title"] as? String)?.unicodeScalars.contains { $0.value < 0x20 } == false)
    }

    // MARK: Sitemap and robots

    @Test func sitemapListsEveryPageWithAbsoluteUniqueLocations() throws {
        let (dir, _) = try Self.build()
        let urlset = try XMLTree.parse(try read(dir, "sitemap.xml"))
        #expect(urlset.name == "urlset")
        #expect(urlset.namespace == "http://www.sitemaps.org/schemas/sitemap/0.9")
        let urls = urlset.all("url")
        let locs = urls.compactMap { $0.first("loc")?.text }
        #expect(locs.count == urls.count)
        #expect(Set(locs).count == locs.count, "duplicate <loc>")
        for loc in locs { #expect(isAbsoluteHTTP(loc) && loc.hasPrefix("https://test.example/news/"), "\(loc)") }
        for url in urls { #expect(isRFC3339(url.first("lastmod")?.text ?? ""), "lastmod of \(url.first("loc")?.text ?? "")") }
        let base = "https://test.example/news/"
        var expected = [base, base + "archive/", base + "outlets/", base + "2026-03-02/", base + "2026-03-03/", base + "2026-03-04/",
                        base + "outlets/bay-daily/", base + "outlets/north-wire/", base + "outlets/script-alert-1-script-co-etc/"]
        expected += [Self.ferry, Self.library, Self.cycle, Self.tram].map { base + "stories/\($0)/" }
        #expect(Set(locs) == Set(expected))
        // Every story of stories.json is in the sitemap.
        let json = try JSONSerialization.jsonObject(with: Data(try read(dir, "stories.json").utf8)) as! [String: Any]
        for story in json["stories"] as! [[String: Any]] { #expect(locs.contains(base + (story["url"] as! String))) }
        // A day page's lastmod is its newest story update; the ferry day's is the Bay Daily report.
        let ferryDay = try #require(urls.first { $0.first("loc")?.text == base + "2026-03-02/" })
        #expect(ferryDay.first("lastmod")?.text == "2026-03-02T09:30:00Z")
    }

    @Test func robotsAllowsAllAndNamesTheSitemap() throws {
        let (dir, _) = try Self.build()
        #expect(try read(dir, "robots.txt") == "User-agent: *\nAllow: /\n\nSitemap: https://test.example/news/sitemap.xml\n")
    }
}
