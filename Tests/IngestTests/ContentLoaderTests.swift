import BriefingCore
import Foundation
import Testing
@testable import Ingest

@Suite struct ContentLoaderTests {
    static let good = "---\ntitle: Ferries run again\noutlet: Gull Gazette\npublished: 2023-06-19\n---\nFerries run again after the storm.\n"

    @Test func loadsSortsAndSkipsWhatItShould() throws {
        let root = try Fixtures.site([
            "2023-06-19/gull-b.md": Self.good.replacingOccurrences(of: "Gull Gazette", with: "Zeta News"),
            "2023-06-19/gull-a.markdown": Self.good,
            "2023-06-18/harbor-herald/scrape.txt": "Bridge closes for repairs\n\nThe bridge closed on Sunday.\n",
            "2023-06-19/notes.json": "{}",
            "2023-06-19/.draft.md": Self.good,
            ".hidden/2023-06-19/a.md": Self.good,
            "2023-06-19/broken.md": "---\noutlet: Gull\n",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = ContentLoader(config: SiteConfig()).load(contentDirectory: root)
        #expect(result.articles.map(\.id) == ["2023-06-18-harbor-herald-scrape", "2023-06-19-gull-a", "2023-06-19-gull-b"])
        #expect(result.articles.map(\.outlet.name) == ["Harbor Herald", "Gull Gazette", "Zeta News"])
        #expect(result.diagnostics.map(\.description) == [
            "\(root.path)/2023-06-19/broken.md:1:1: error: front matter is not closed: add a '---' line after it",
        ])
    }

    @Test func duplicateIdsAreDisambiguatedDeterministically() throws {
        let root = try Fixtures.site(["2023-06-19/a b.md": Self.good, "2023-06-19/a-b.md": Self.good, "2023-06-19/a_b.md": Self.good])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = ContentLoader(config: SiteConfig()).load(contentDirectory: root)
        #expect(result.articles.map(\.id) == ["2023-06-19-a-b", "2023-06-19-a-b-2", "2023-06-19-a-b-3"])
        #expect(result.articles.map(\.source) == ["2023-06-19/a b.md", "2023-06-19/a-b.md", "2023-06-19/a_b.md"])
        #expect(result.diagnostics.map(\.message) == [
            "article id '2023-06-19-a-b' is already used by 2023-06-19/a b.md; using '2023-06-19-a-b-2'",
            "article id '2023-06-19-a-b' is already used by 2023-06-19/a b.md; using '2023-06-19-a-b-3'",
        ])
    }

    @Test func symlinkLoopIsAWarningNotAHang() throws {
        let root = try Fixtures.site(["2023-06-19/a.md": Self.good])
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createSymbolicLink(
            at: root.appendingPathComponent("2023-06-19/loop"), withDestinationURL: root.appendingPathComponent("2023-06-19"))
        let result = ContentLoader(config: SiteConfig()).load(contentDirectory: root)
        #expect(result.articles.count == 1)
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics.first?.severity == .warning)
        #expect(result.diagnostics.first?.location.path == root.path + "/2023-06-19/loop")
    }

    @Test func configRulesAreAddedToTheDefaults() throws {
        let root = try Fixtures.site(["2023-06-19/a.md": Self.good + "\nGull Extra: win a ferry ride\n\nSign up\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        let config = SiteConfig(boilerplate: [BoilerplateRule(label: "gull promo", match: .prefix, pattern: "Gull Extra:")])
        let result = ContentLoader(config: config).load(contentDirectory: root)
        #expect(result.articles.first?.body == "Ferries run again after the storm.")
        #expect(result.removed.map(\.label) == ["gull promo", "sign-up prompt"])
        #expect(result.removed.map(\.location.line) == [8, 10])
    }

    @Test func missingFolderIsAnError() {
        let result = ContentLoader().load(contentDirectory: URL(fileURLWithPath: "/no/such/content"))
        #expect(result.diagnostics.map(\.description) == ["/no/such/content:1:1: error: content folder not found"])
    }
}

@Suite struct CanonicalOrderTests {
    @Test func indexSortGivesTheCanonicalOrder() {
        var generator = SystemRandomNumberGenerator()
        let outlets = ["Wire", "Bay Daily", "wire", "Ábc"].map { Outlet(name: $0) }
        let articles = (0..<200).map { n in
            Article(id: "a\(Int.random(in: 0..<1000, using: &generator))-\(n)", source: "\(n).md",
                    outlet: outlets[n % outlets.count], title: "t", day: Day("2026-04-0\(1 + n % 3)")!, body: "x", sentences: [])
        }.shuffled()
        #expect(ContentLoader.canonicallyOrdered(articles).map(\.id) == articles.sorted(by: Article.canonicalOrder).map(\.id))
        #expect(ContentLoader.canonicallyOrdered([]).isEmpty)
    }
}
