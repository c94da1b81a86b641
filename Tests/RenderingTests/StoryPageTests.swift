import BriefingCore
import Testing
@testable import Rendering

@Suite struct StoryPageTests {
    func render(_ story: Story = Fixtures.story, _ comparison: StoryComparison = Fixtures.comparison, baseURL: String = "https://news.example/") throws -> String {
        try Fixtures.renderer(baseURL: baseURL).storyPage(StoryPageInput(story: story, comparison: comparison, rootPath: "../../"))
    }

    @Test func sectionsAppearInOrder() throws {
        let html = try render()
        let markers = ["<h1>", "class=\"coverage\"", "class=\"summary\"", "Reported by most", "Key quotes",
                       "Only in ", "Where the numbers differ", "id=\"headlines\"", "<details"]
        let positions = markers.map { Fixtures.position($0, in: html) }
        #expect(positions.allSatisfy { $0 != nil }, "missing: \(zip(markers, positions).filter { $0.1 == nil }.map(\.0))")
        let found = positions.compactMap { $0 }
        #expect(found == found.sorted())
    }

    @Test func coverageLineAndAttribution() throws {
        let html = try render()
        #expect(html.contains("<span class=\"count\">3 outlets</span> · first report <time datetime=\"2031-03-04T07:15:00Z\">4 March 2031, 07:15 UTC</time>"))
        #expect(html.contains("latest <time datetime=\"2031-03-05\">5 March 2031</time>"))
        // The shared claim carries exactly its two outlets.
        let claim = try #require(html.range(of: "<li class=\"claim\"><p>The bridge closed on Monday.</p>"))
        let badges = html[claim.upperBound...].prefix(while: { $0 != "\n" })
        #expect(badges.contains("Daily Lantern") && badges.contains("Northwind Wire"))
        #expect(!badges.contains("alert"))
        #expect(html.contains("<h3>Only in &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot;</h3>"))
        #expect(html.contains("<dt>cracks found</dt>"))
        #expect(html.contains("<strong class=\"value\">12</strong>"))
    }

    /// Header badges link to outlet pages (`isLinked`); the claims' badges are plain names.
    @Test func onlyLinkedBadgesAreLinks() throws {
        let html = try render()
        let slug = Fixtures.wire.slug
        #expect(html.contains("<li class=\"badge\" data-outlet=\"\(slug)\"><a href=\"../../outlets/\(slug)/index.html\">Northwind Wire</a></li>"))
        #expect(html.contains("<li class=\"badge\" data-outlet=\"\(slug)\">Northwind Wire</li>"))
        #expect(OutletBadge(Fixtures.wire).isLinked == false)
        #expect(OutletBadge(Fixtures.wire, links: Links(root: "", baseURL: "/")).isLinked == true)
    }

    @Test func quoteVariantsShowWordDiffs() throws {
        let html = try render()
        #expect(html.contains("<figcaption class=\"speaker\">Mayor Ines Varga</figcaption>"))
        #expect(html.contains("<blockquote>We will reopen it soon</blockquote>"))
        #expect(html.contains("<blockquote>We will reopen it <ins>very &lt;soon&gt;</ins> <del>soon</del></blockquote>"))
    }

    @Test func articlesAreCollapsedWithCmarkBodies() throws {
        let html = try render()
        #expect(html.components(separatedBy: "<details class=\"article\"").count == 4)
        #expect(html.contains("<p>The harbour bridge closed on <em>Monday</em>.</p>"))
        #expect(html.contains("<strong>three weeks</strong>"))
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<details open"))
        #expect(html.contains("· By Ada Quill"))
    }

    @Test func hostileTitlesAndOutletsAreEscaped() throws {
        let html = try render()
        #expect(html.contains("<title>Harbour bridge closes for &lt;repairs&gt; &amp; &quot;review&quot; · Morning &amp; &lt;Brief&gt;</title>"))
        #expect(html.contains("<h1>Harbour bridge closes for &lt;repairs&gt; &amp; &quot;review&quot;</h1>"))
        #expect(html.contains("&lt;b&gt;Bridge&lt;/b&gt; saga continues"))
        #expect(!html.contains("<b>Bridge"))
        #expect(!html.contains("<script>alert"))
    }

    @Test func linksAreRelativeAndSafe() throws {
        let html = try render()
        #expect(html.contains("<link rel=\"stylesheet\" href=\"../../style.css\">"))
        #expect(html.contains("<a class=\"site-title\" href=\"../../index.html\">"))
        #expect(html.contains("<a href=\"../../2031-03-04/index.html\">4 March 2031</a>"))
        #expect(html.contains("<link rel=\"canonical\" href=\"https://news.example/stories/harbour-bridge-closes/\">"))
        #expect(html.contains("<a href=\"https://wire.example/bridge\" rel=\"noopener nofollow\">Harbour bridge shut after cracks found</a>"))
        #expect(!html.contains("javascript:"))
        #expect(html.contains("<a class=\"jump\" href=\"#article-lantern-1\""))
        #expect(html.contains("id=\"article-lantern-1\""))
    }

    @Test func relativeBaseURLGivesNoCanonical() throws {
        #expect(!(try render(baseURL: "/")).contains("rel=\"canonical\""))
    }

    @Test func singletonIsAPlainArticle() throws {
        let html = try render(Fixtures.single, Fixtures.singleComparison)
        for heading in ["Reported by most", "Key quotes", "Only in", "numbers differ", "Headlines", "<details", "<h2"] {
            #expect(!html.contains(heading), "\(heading) on a singleton page")
        }
        #expect(html.contains("<h1>Library opens late</h1>"))
        #expect(html.contains("<strong>Daily Lantern</strong> · <time datetime=\"2031-03-04\">4 March 2031</time> · By Ada Quill</p>"))
        #expect(html.components(separatedBy: "class=\"article-meta\"").count == 2)
        #expect(html.contains("<p class=\"summary\">The library now opens until ten.</p>"))
        #expect(html.contains("<p>The library now opens until <em>ten</em>.</p>"))
        #expect(html.contains("href=\"https://lantern.example/library\" rel=\"noopener nofollow\""))
    }

    @Test func emptySectionsAreOmitted() throws {
        var comparison = Fixtures.comparison
        comparison.quotes = []
        comparison.disagreements = []
        let html = try render(Fixtures.story, comparison)
        #expect(html.contains("Reported by most"))
        #expect(!html.contains("Key quotes"))
        #expect(!html.contains("numbers differ"))
    }

    @Test func outputIsDeterministic() throws {
        #expect(try render() == (try render()))
    }

    @Test func storyWithoutArticlesIsADiagnostic() throws {
        let empty = Story(id: "empty", title: "Nothing", articles: [])
        #expect(throws: Diagnostic.self) { try render(empty, StoryComparison(storyID: "empty")) }
    }
}
