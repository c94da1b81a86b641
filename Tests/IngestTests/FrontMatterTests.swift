import BriefingCore
import Foundation
import Testing
@testable import Ingest
import TestSupport

@Suite struct FrontMatterTests {
    @Test func readsKnownKeysAndBody() throws {
        let text = Fixtures.markdown(
            "title: \"Harbor bridge reopens\"\noutlet: The Daily Gull\nurl: https://gull.example/bridge\npublished: 2023-06-19\nauthor: Ada Byrne",
            "The harbor bridge reopened on Monday.\n\nTraffic was light."
        )
        let article = try Fixtures.parse(text).article
        #expect(article.title == "Harbor bridge reopens")
        #expect(!article.titleIsDerived)
        #expect(article.outlet.name == "The Daily Gull")
        #expect(article.outlet.slug == "the-daily-gull")
        #expect(article.url == "https://gull.example/bridge")
        #expect(article.day.description == "2023-06-19")
        #expect(article.publishedTime == nil)
        #expect(article.author == "Ada Byrne")
        #expect(article.id == "2023-06-19-x")
        #expect(article.source == "2023-06-19/x.md")
        #expect(article.sentences.map(\.text) == ["The harbor bridge reopened on Monday.", "Traffic was light."])
        #expect(article.sentences.map(\.line) == [8, 10])
        #expect(article.sentences.map(\.paragraph) == [0, 1])
    }

    @Test(arguments: [
        ("2023-06-19T08:30:00Z", "2023-06-19", "2023-06-19T08:30:00Z"),
        ("2023-06-19 08:30", "2023-06-19", "2023-06-19T08:30:00"),
        ("2023-06-19T23:05:09.120+0200", "2023-06-19", "2023-06-19T23:05:09+02:00"),
        ("\"2023-06-20T01:00:00-05:00\"", "2023-06-20", "2023-06-20T01:00:00-05:00"),
    ])
    func dateTimes(published: String, day: String, time: String) throws {
        let text = Fixtures.markdown("outlet: Gull\npublished: \(published)", "Body text here.")
        let article = try Fixtures.parse(text, at: "misc/a.md").article
        #expect(article.day.description == day)
        #expect(article.publishedTime == time)
        #expect(article.published == time)
    }

    @Test func dayFromFolderWhenPublishedIsMissing() throws {
        let article = try Fixtures.parse(Fixtures.markdown("outlet: Gull", "Body text here."), at: "2023-06-21/gull/a.md").article
        #expect(article.day.description == "2023-06-21")
        #expect(article.id == "2023-06-21-gull-a")
    }

    @Test func unknownKeysGoToExtra() throws {
        let text = Fixtures.markdown(
            "outlet: Gull\npublished: 2023-06-19\nsection: Harbor\nrank: 3\ntags: [bridge, traffic]\nnested: {a: 1}",
            "Body text here."
        )
        let output = try Fixtures.parse(text)
        #expect(output.article.extra == ["section": "Harbor", "rank": "3", "tags": "bridge, traffic"])
        #expect(output.warnings.map(\.description) == [
            "content/2023-06-19/x.md:7:1: warning: 'nested' holds a mapping of non-text values and was skipped",
        ])
    }

    @Test func nonWebURLIsDroppedWithWarning() throws {
        let text = Fixtures.markdown("outlet: Gull\nurl: javascript:alert(1)\npublished: 2023-06-19", "Body text here.")
        let output = try Fixtures.parse(text)
        #expect(output.article.url == nil)
        #expect(output.warnings.map(\.description) == [
            "content/2023-06-19/x.md:3:1: warning: 'url' is not an http(s) address and was dropped: javascript:alert(1)",
        ])
        #expect(FrontMatterParser.isWebURL("HTTP://example.org/a"))
        #expect(!FrontMatterParser.isWebURL("data:text/html,hi"))
        #expect(!FrontMatterParser.isWebURL("ftp://example.org/a"))
    }

    @Test func missingTitleIsDerivedFromFirstSentence() throws {
        let text = Fixtures.markdown(
            "outlet: Gull\npublished: 2023-06-19",
            "Ferry crews voted on Tuesday to accept a new three-year contract after a week of talks with the harbor authority and the city. Service resumes Friday."
        )
        let article = try Fixtures.parse(text).article
        #expect(article.titleIsDerived)
        #expect(article.title == "Ferry crews voted on Tuesday to accept a new three-year contract after a week of talks with the…")
        let short = try Fixtures.parse(Fixtures.markdown("outlet: Gull\npublished: 2023-06-19", "Ferries run again. More soon.")).article
        #expect(short.title == "Ferries run again")
    }

    @Test func bodyKeepsMarkdownButSentencesDoNot() throws {
        let text = Fixtures.markdown(
            "title: T\noutlet: Gull\npublished: 2023-06-19",
            "## What changed\n\nThe **new** schedule is [online](https://gull.example/s).\n\n- Ferries leave at _noon_.\n- Buses wait."
        )
        let article = try Fixtures.parse(text).article
        #expect(article.body == "## What changed\n\nThe **new** schedule is [online](https://gull.example/s).\n\n- Ferries leave at _noon_.\n- Buses wait.")
        #expect(article.sentences.map(\.text) == [
            "What changed", "The new schedule is online.", "Ferries leave at noon.", "Buses wait.",
        ])
    }
}

/// Front matter of simple `key: value` lines is read without Yams, exactly as Yams reads it.
@Suite struct SimpleFrontMatterTests {
    static let keys = ["title", "outlet", "url", "published", "Author_2", "null", "~", "1x", "a b", "tags", "title", "-x", "\"q\""]
    static let separators = [": ", ":", " : ", ":   ", ":\t"]
    static let values = [
        "Harbor bridge reopens", "\"Quoted, with: colon\"", "'single'", "'it''s'", "\"esc \\\" q\"", "a # comment", "a: b",
        "ends:", "2026-01-07T15:46:00Z", "https://x.example/a?b=c#frag", "~", "null", "Null", "", "[a, b]", "{a: 1}", "&x a", "*x",
        "“curly” quotes", "é accent", "a\u{2028}b", "\u{FEFF}x", "trailing   ", "\"\"", "''", "- item", "!tag x", "|", ">",
        "%x", "@x", "`x", "\"open", "a\tb", "x  y", "Tom & Jerry", "3.5", "yes", "a, b", "a [b] {c}", "\"a\" b", "'a' b",
    ]

    @Test func simpleEntriesAreWhatYamsReads() throws {
        var generator = SeededGenerator(seed: 5)
        var simple = 0
        for _ in 0..<20000 {
            let lines = (0..<Int.random(in: 1...3, using: &generator)).map { _ in
                Self.keys.randomElement(using: &generator)! + Self.separators.randomElement(using: &generator)!
                    + Self.values.randomElement(using: &generator)!
            }
            guard let entries = FrontMatterParser.simpleEntries(ArraySlice(lines), path: "p") else { continue }
            simple += 1
            let composed = try FrontMatterParser.composedEntries(lines.joined(separator: "\n"), path: "p")
            #expect(entries == composed, "\(lines)")
        }
        #expect(simple > 300)
    }

    @Test func otherFrontMatterGoesToYams() {
        for yaml in [["title: a", "title: b"], ["# comment"], ["title: a", ""], ["tags:", "  - a"], ["title: a", "  b"], []] {
            #expect(FrontMatterParser.simpleEntries(ArraySlice(yaml), path: "p") == nil, "\(yaml)")
        }
    }
}

/// The shortcut for plain `http(s)://host/path` addresses answers as URLComponents does.
@Suite struct PlainWebURLTests {
    @Test func shortcutAgreesWithURLComponents() {
        var generator = SeededGenerator(seed: 77)
        let pieces = ["http://", "https://", "HTTP://", "a", "z", "Q", "0", "9", "-", ".", "..", "xn--", "/", "%20", "?", "#", ":", "~", "_",
                      " ", "é", "example", "com", "www.", "-x", "x-", "1.2.3.4", "@", "[", "]"]
        var texts = ["https://cedar-review.example/world/2026/01/01/a-b-1a7389ff", "http://a.example", "http://a.example/", "https://1.2.3.4/x",
                     "https://a..b/x", "https://-a.b/x", "https://a-.b/x", "https://xn--bcher-kva.example/", "https://a.b/%41", "https:///x"]
        let labels = ["a", "ab", "x-y", "example", "news", "1a", "-b", "c-", "xn--d", "Ab", ""]
        let pathPieces = ["a", "B", "-", "_", "~", "/", "1", ".", " ", "%20", "é", "?q", "#f", ":"]
        for _ in 0..<5000 {
            let head = ["http://", "https://"].randomElement(using: &generator)!
            texts.append(head + (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
            let host = (0..<Int.random(in: 1...3, using: &generator)).map { _ in labels.randomElement(using: &generator)! }.joined(separator: ".")
            let path = (0..<Int.random(in: 0...6, using: &generator)).map { _ in pathPieces.randomElement(using: &generator)! }.joined()
            texts.append(head + host + (path.isEmpty ? "" : "/" + path))
        }
        var decided = 0
        for text in texts {
            guard let plain = FrontMatterParser.isPlainWebURL(text) else { continue }
            decided += 1
            let components = URLComponents(string: text)
            let expected = components.map { ["http", "https"].contains($0.scheme?.lowercased() ?? "") && !($0.host ?? "").isEmpty } ?? false
            #expect(plain == expected, "\(text)")
        }
        #expect(decided > 400)
    }
}
