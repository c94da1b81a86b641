import BriefingCore
import Foundation
import Testing
@testable import Ingest

@Suite struct ConfigLoaderTests {
    func parse(_ yaml: String) throws(Diagnostic) -> SiteConfig {
        try ConfigLoader.parse(data: Data(yaml.utf8), path: "briefing.yml")
    }

    func error(_ yaml: String) -> String? {
        do { _ = try parse(yaml); return nil } catch { return error.description }
    }

    @Test func readsEveryKey() throws {
        let config = try parse("""
        title: Gull Briefing
        base_url: https://gull.example/
        description: Harbor news, compared
        language: en-GB
        owner: Gull Media
        year: 2023
        boilerplate:
          - {label: gull promo, match: line, pattern: Gull Extra}
          - label: ref code
            match: regex
            pattern: 'Ref\\d+'
        clustering:
          threshold: 0.45
          window_days: 3
        """)
        #expect(config.title == "Gull Briefing")
        #expect(config.baseURL == "https://gull.example/")
        #expect(config.description == "Harbor news, compared")
        #expect(config.language == "en-GB")
        #expect(config.params == ["owner": "Gull Media", "year": "2023"])
        #expect(config.boilerplate == [
            BoilerplateRule(label: "gull promo", match: .line, pattern: "Gull Extra"),
            BoilerplateRule(label: "ref code", match: .regex, pattern: "Ref\\d+"),
        ])
        #expect(config.clustering == ClusteringSettings(threshold: 0.45, windowDays: 3))
        #expect(try parse("baseURL: /b/\nclustering: {windowDays: 7}").baseURL == "/b/")
        #expect(try parse("clustering: {windowDays: 7}").clustering.windowDays == 7)
    }

    @Test func missingOrEmptyFileMeansDefaults() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-\(UUID().uuidString).yml")
        #expect(try ConfigLoader.load(from: missing) == SiteConfig())
        #expect(try parse("") == SiteConfig())
        #expect(try parse("# only a comment\n") == SiteConfig())
    }

    @Test func loadsFromDisk() throws {
        let root = try Fixtures.site(["briefing.yml": "title: On Disk\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try ConfigLoader.load(from: root.appendingPathComponent("briefing.yml")).title == "On Disk")
    }

    @Test func errorsNameTheLine() {
        #expect(error("title: Gull\nboilerplate:\n  - {label: bad, match: regex, pattern: '(unclosed'}\n")
            == "briefing.yml:3:41: error: invalid regular expression in boilerplate rule: (unclosed")
        #expect(error("boilerplate:\n  - {label: x, match: fuzzy, pattern: y}\n")
            == "briefing.yml:2:23: error: unknown boilerplate match 'fuzzy' (expected line, prefix, contains, regex, trailer)")
        #expect(error("title: [a, b]\n") == "briefing.yml:1:1: error: 'title' must be text, not a list")
        #expect(error("theme:\n  dark: true\n") == "briefing.yml:1:1: error: 'theme' must be text, not a mapping")
        #expect(error("clustering:\n  threshold: high\n")
            == "briefing.yml:2:3: error: 'clustering.threshold' must be a number from 0 to 1")
        #expect(error("clustering:\n  window_days: 2.5\n")
            == "briefing.yml:2:3: error: 'clustering.window_days' must be a whole number of days")
        #expect(error("- a\n") == "briefing.yml:1:1: error: briefing.yml must be a mapping of keys to values, not a list")
        #expect(error("title: &t Gull\n") == "briefing.yml:1:8: error: YAML anchors and aliases (&name, *name) are not allowed")
    }
}
