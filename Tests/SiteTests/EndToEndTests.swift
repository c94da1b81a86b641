import BriefingCore
import Foundation
import Testing
import TestSupport
@testable import Site

/// Builds a real site (real cmark, real templates from the repo) into a temporary folder.
@Suite struct EndToEndTests {
    static let site = """
        -- briefing.yml --
        title: "Test Briefing"
        baseURL: "https://test.example/"
        -- content/2026-03-02/north-wire-1.md --
        ---
        title: "Ferry service halted after engine fire near Kessel Point"
        outlet: "North Wire"
        url: "https://north.example/ferry"
        published: 2026-03-02T07:00:00Z
        ---
        KESSEL (North Wire) - The Kessel Point ferry service was halted on Monday after an engine fire broke out on the vessel Marigold with 84 passengers aboard.

        All 84 passengers were brought ashore by lifeboat crews and nobody was injured, the harbour authority said.

        "We will not restart the service until every engine has been inspected," harbour master Lena Ruiz said.

        The Marigold was built in 1998 and refitted two years ago.
        -- content/2026-03-02/bay-daily-1.md --
        ---
        title: "Engine fire stops Kessel Point ferry; 84 passengers rescued"
        outlet: "Bay Daily"
        published: 2026-03-02T09:30:00Z
        ---
        An engine fire aboard the ferry Marigold halted the Kessel Point ferry service on Monday, with 84 passengers aboard.

        Lifeboat crews brought all 84 passengers ashore and nobody was injured, according to the harbour authority.

        "We won't restart the service until every single engine is inspected," harbour master Lena Ruiz said.

        Sign up

        Commuters were told to use the coastal bus route for the rest of the week.
        -- content/2026-03-02/<script>evil/harbour-post-1.txt --
        Kessel Point ferry halted by engine fire

        The Kessel Point ferry service was halted on Monday when an engine fire broke out on the Marigold, carrying 84 passengers.

        Lifeboat crews brought all 84 passengers ashore; the harbour authority said nobody was injured.

        The operator said refunds will be offered to every ticket holder.
        -- content/2026-03-03/north-wire-2.md --
        ---
        title: "Library opens rare map collection to the public"
        outlet: "North Wire"
        published: 2026-03-03
        ---
        The city library opened its rare map collection to the public on Tuesday, showing 40 hand-drawn charts of the coast.
        """

    func build() throws -> (TemporaryDirectory, BuildReport) { try buildFixtureSite(Self.site) }

    /// `--verbose` reports each stage's time, the peak so far, what the stage left held and its CPU time.
    @Test func stageLinesGiveTimesPeaksHeldMemoryAndCPU() throws {
        let (_, report) = try build()
        #expect(report.stageLines.map { $0.prefix(while: { $0 != ":" }) } == [
            "Stages", "Peak memory after each stage", "Memory held after each stage", "CPU time in each stage (cores busy)",
        ])
        #expect(report.stageTimes.map(\.stage).contains("render"))
        #expect(report.stageTimes.allSatisfy { $0.heldMegabytes > 0 && $0.heldMegabytes <= $0.peakMegabytes + 1 })
        // The process's CPU clock only moves forward, and a build does some work on it.
        #expect(report.stageTimes.allSatisfy { $0.cpuMilliseconds >= 0 })
        #expect(report.stageTimes.reduce(0) { $0 + $1.cpuMilliseconds } > 0)
    }

    @Test func buildsPagesAndStoriesJSON() throws {
        let (dir, report) = try build()
        #expect(report.errorCount == 0, "\(report.diagnostics)")
        #expect(report.articles == 4)
        #expect(report.stories == 2)
        #expect(report.briefings == 2)
        #expect(report.outlets == 3)
        #expect(report.summaryLine.hasPrefix("Built 2 briefings, 2 stories from 4 articles (3 outlets) in "))

        let index = try #require(dir.read("public/index.html"))
        #expect(index.contains("Library opens rare map collection"))
        #expect(dir.exists("public/2026-03-02/index.html"))
        #expect(dir.exists("public/2026-03-03/index.html"))
        #expect(dir.exists("public/style.css"))

        let json = try #require(dir.read("public/stories.json"))
        let document = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        let stories = document["stories"] as! [[String: Any]]
        #expect(stories.count == 2)
        let ferry = try #require(stories.first { ($0["outlets"] as! [String]).count == 3 })
        #expect(ferry["date"] as? String == "2026-03-02")
        let articles = ferry["articles"] as! [[String: Any]]
        #expect(Set(articles.map { $0["source"] as! String }) == [
            "2026-03-02/north-wire-1.md", "2026-03-02/bay-daily-1.md", "2026-03-02/<script>evil/harbour-post-1.txt",
        ])
        let id = ferry["id"] as! String
        let page = try #require(dir.read("public/stories/\(id)/index.html"))
        // The hostile outlet folder name is escaped, never live markup.
        #expect(!page.contains("<script>"))
        #expect(page.contains("&lt;script&gt;") || !page.contains("script>evil"))
        // Shared facts name their outlets; the quote's wording differs between outlets.
        #expect(page.contains("84 passengers"))
        let quoteLines = page.split(separator: "\n").filter { $0.contains("<blockquote") }
        #expect(quoteLines.contains { $0.contains("<del>") && $0.contains("<ins>") })
        // Noise never reaches the page.
        #expect(!page.contains("Sign up"))
    }

    @Test func sameInputGivesByteIdenticalOutput() throws {
        let (first, _) = try build()
        let (second, _) = try build()
        for path in ["index.html", "stories.json", "2026-03-02/index.html"] {
            #expect(first.read("public/\(path)") == second.read("public/\(path)"))
        }
    }
}
