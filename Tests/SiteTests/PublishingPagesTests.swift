import BriefingCore
import Foundation
import Testing
import TestSupport
@testable import Site

/// Archive, outlet pages, 404, canonical links and the relative-base fallback of a real build.
@Suite struct PublishingPagesTests {
    typealias Fixture = PublishingTests

    func read(_ dir: TemporaryDirectory, _ path: String) throws -> String {
        try #require(dir.read("public/" + path), "missing \(path)")
    }

    /// Every `href` of a page except in-page anchors (`#main`).
    func hrefs(_ html: String) -> [String] {
        html.components(separatedBy: "href=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }.filter { !$0.hasPrefix("#") }
    }

    @Test func archiveListsEveryDayNewestFirstWithCountsAndHeadlines() throws {
        let (dir, _) = try Fixture.build()
        let html = try read(dir, "archive/index.html")
        let days = ["2026-03-04", "2026-03-03", "2026-03-02"].map { "href=\"../\($0)/index.html\"" }
        let positions = days.map { html.range(of: $0)?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil }, "every day is linked")
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted(), "newest first")
        #expect(html.contains("2 stories"))
        #expect(html.contains("href=\"../stories/\(Fixture.ferry)/index.html\""))
        #expect(html.contains("Tram &lt;b&gt;fares&lt;/b&gt; &amp; &quot;zones&quot;"))
        #expect(html.contains("<link rel=\"canonical\" href=\"https://test.example/news/archive/\">"))
        // Day pages link to the archive.
        #expect(try read(dir, "2026-03-03/index.html").contains("href=\"../archive/index.html\""))
        #expect(try read(dir, "index.html").contains("href=\"archive/index.html\""))
    }

    @Test func rootIndexHasPreviousDayNavigation() throws {
        let (dir, _) = try Fixture.build()
        let index = try read(dir, "index.html")
        #expect(index.contains("rel=\"prev\" href=\"2026-03-03/index.html\""))
        let middle = try read(dir, "2026-03-03/index.html")
        #expect(middle.contains("rel=\"prev\" href=\"../2026-03-02/index.html\""))
        #expect(middle.contains("rel=\"next\" href=\"../2026-03-04/index.html\""))
    }

    @Test func outletPagesGroupBySlugAndEscapeNames() throws {
        let (dir, _) = try Fixture.build()
        let index = try read(dir, "outlets/index.html")
        // "North Wire" (two articles) and "NORTH wire!" (one) are one outlet, shown under the name used most.
        #expect(index.contains("<a href=\"../outlets/north-wire/index.html\">North Wire</a>"))
        #expect(!index.contains("NORTH wire!"))
        #expect(index.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot; ../../etc"))
        #expect(!index.contains("<script>"))
        // Sorted by name: "<script…" < "Bay Daily" < "North Wire" (case-insensitive).
        let order = ["script-alert-1-script-co-etc", "bay-daily", "north-wire"].map { index.range(of: "data-outlet=\"\($0)\"")!.lowerBound }
        #expect(order == order.sorted())

        let north = try read(dir, "outlets/north-wire/index.html")
        #expect(north.contains("3 stories"))
        // Newest first, with the headline each spelling of the outlet used.
        let stories = [Fixture.cycle, Fixture.library, Fixture.ferry].map { north.range(of: "stories/\($0)/index.html\"")!.lowerBound }
        #expect(stories == stories.sorted())
        #expect(north.contains("Ferry service halted after engine fire near Kessel Point"))
        #expect(north.contains("<link rel=\"canonical\" href=\"https://test.example/news/outlets/north-wire/\">"))

        let hostile = try read(dir, "outlets/script-alert-1-script-co-etc/index.html")
        #expect(!hostile.contains("<script>"))
        #expect(!hostile.contains("<b>"))
        #expect(hostile.contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot; ../../etc</h1>"))
        #expect(hostile.contains("href=\"https://hostile.example/tram?a=1&amp;b=2\""))
        // Story pages link their outlet badges to the outlet pages.
        #expect(try read(dir, "stories/\(Fixture.ferry)/index.html").contains("href=\"../../outlets/bay-daily/index.html\""))
    }

    @Test func notFoundPageUsesRootAbsoluteLinksFromTheBasePath() throws {
        let (dir, _) = try Fixture.build()
        let html = try read(dir, "404.html")
        #expect(html.contains("Page not found"))
        let links = hrefs(html)
        #expect(links.contains("/news/index.html"))
        #expect(links.contains("/news/archive/index.html"))
        #expect(links.contains("/news/style.css"))
        #expect(links.allSatisfy { $0.hasPrefix("/news/") }, "\(links)")
        #expect(!html.contains("rel=\"canonical\""))
    }

    @Test func everyPageHasACanonicalLinkAndFeedAlternates() throws {
        let (dir, _) = try Fixture.build()
        let pages = [
            ("index.html", ""), ("2026-03-02/index.html", "2026-03-02/"), ("archive/index.html", "archive/"),
            ("outlets/index.html", "outlets/"), ("outlets/bay-daily/index.html", "outlets/bay-daily/"),
            ("stories/\(Fixture.tram)/index.html", "stories/\(Fixture.tram)/"),
        ]
        for (path, address) in pages {
            let html = try read(dir, path)
            #expect(html.contains("<link rel=\"canonical\" href=\"https://test.example/news/\(address)\">"), "\(path)")
            #expect(html.contains("rel=\"alternate\" type=\"application/atom+xml\""), "\(path)")
            #expect(html.contains("rel=\"alternate\" type=\"application/feed+json\""), "\(path)")
        }
    }

    @Test func sameInputGivesByteIdenticalPublishingFiles() throws {
        let (first, _) = try Fixture.build()
        let (second, _) = try Fixture.build()
        for path in ["feed.xml", "feed.json", "sitemap.xml", "robots.txt", "archive/index.html", "outlets/index.html",
                     "outlets/north-wire/index.html", "404.html"] {
            let a = try read(first, path)
            #expect(a == (try read(second, path)), "\(path)")
        }
    }

    @Test func relativeBaseURLWarnsOnceAndWritesNoSitemap() throws {
        let (dir, report) = try Fixture.build(replacing: ("baseURL: \"https://test.example/news\"", "baseURL: \"/briefing/\""))
        #expect(report.errorCount == 0)
        let warnings = report.diagnostics.filter { $0.severity == .warning }
        #expect(warnings.count == 1)
        #expect(warnings.first?.message.contains("not an absolute http(s) URL") == true)
        #expect(!dir.exists("public/sitemap.xml"))
        #expect(try read(dir, "robots.txt") == "User-agent: *\nAllow: /\n")

        let feed = try XMLTree.parse(try read(dir, "feed.xml"))
        let entry = try #require(feed.all("entry").first)
        #expect(entry.first("id")?.text == "urn:briefing:stories/\(Fixture.cycle)/")
        #expect(entry.first("link")?.attributes["href"] == "/briefing/stories/\(Fixture.cycle)/")
        #expect(feed.all("link").contains { $0.attributes["rel"] == "self" && $0.attributes["href"] == "/briefing/feed.xml" })
        #expect(hrefs(try read(dir, "404.html")).allSatisfy { $0.hasPrefix("/briefing/") })
        #expect(!(try read(dir, "index.html")).contains("rel=\"canonical\""))
    }

    @Test func missingOptionalTemplatesSkipTheirPagesWithAWarning() throws {
        let (dir, report) = try buildFixtureSite(Fixture.site, templatesFolder: "templates") { dir in
            let templates = dir.appending("templates")
            try FileManager.default.copyItem(at: TestPaths.templates, to: templates)
            try FileManager.default.removeItem(at: templates.appendingPathComponent("archive.mustache"))
            try FileManager.default.removeItem(at: templates.appendingPathComponent("outlet.mustache"))
        }
        #expect(report.warningCount == 1)
        #expect(report.diagnostics.first?.message.contains("archive.mustache, outlet.mustache") == true)
        #expect(!dir.exists("public/archive/index.html"))
        #expect(!dir.exists("public/outlets/north-wire/index.html"))
        #expect(dir.exists("public/outlets/index.html"))
        let sitemap = try read(dir, "sitemap.xml")
        #expect(!sitemap.contains("/archive/"))
    }

    @Test func badFeedSizeIsAConfigurationError() throws {
        for bad in ["feed_size: 0", "feed_size: many", "feedSize: [1]"] {
            do {
                _ = try Fixture.build(replacing: ("feed_size: 2", bad))
                Issue.record("\(bad) was accepted")
            } catch {
                #expect((error as? BuildFailure)?.diagnostics.contains { $0.message.contains("must be a whole number of stories") } == true, "\(bad)")
            }
        }
        let (dir, _) = try Fixture.build(replacing: ("feed_size: 2", "feedSize: 3"))
        #expect(try XMLTree.parse(try read(dir, "feed.xml")).all("entry").count == 3)
    }
}
