import BriefingCore
import Foundation
import Testing
@testable import Ingest
import TestSupport

/// The shortcuts ingest takes for speed must give exactly what the plain way gives.
@Suite struct IngestShortcutTests {
    static let lines = [
        "The ferry left at dawn, officials said.", "  Two  spaces\tand a tab ", "“Curly quotes” and an em dash — here",
        "No\u{00A0}break\u{2009}spaces", "# Heading", "Closing hashes ##", "> quoted", "- item", "+ item", "* item",
        "12. numbered", "1) numbered", "1234. not a list", "2026 was a year.", "3.5 billion dollars", "-5 degrees",
        "A [link](https://x.example) here", "![img](a.png) caption", "<https://x.example>", "an <b>html</b> tag",
        "**strong** and __strong__", "*em* and _em_", "snake_case_name", "`code`", "back\\*slash", "\u{00A0}- item",
        "", "   ", "Ends with a list marker -", "x - y + z", "10 ) spaced",
    ]

    @Test(arguments: lines)
    func plainLineShortcutStripsLikeTheRegexes(line: String) {
        #expect(MarkdownStripper.strip(line) == MarkdownStripper.stripWithRegexes(line))
    }

    @Test(arguments: [
        ("US ‘worried’ about ferry fares", "US 'worried' about ferry fares"),
        ("Ferry fares: the U.S. is worried!", "ferry fares the u s is worried"),
        ("Ferry fares", "ferry fares rise"), ("Ferry fares rise", "ferry fares"), ("", ""), ("...", ""),
        ("ÉCOLE Fermée", "école fermée"), ("Ferry  fares", "ferryfares"),
    ])
    func headlineKeyComparisonMatchesBuildingTheKey(line: String, headline: String) {
        let key = BoilerplateCleaner.headlineKey(headline)
        #expect(BoilerplateCleaner.hasHeadlineKey(line, key) == (BoilerplateCleaner.headlineKey(line) == key))
    }

    /// Rules of every kind interleaved, two regexes able to match the same line: the first rule wins.
    @Test func rulesApplyInOrder() {
        let rules = [
            BoilerplateRule(label: "prefix", match: .prefix, pattern: "Advert"),
            BoilerplateRule(label: "digits", match: .regex, pattern: "[A-Z][a-z]+ \\d+"),
            BoilerplateRule(label: "line", match: .line, pattern: "Gull 7"),
            BoilerplateRule(label: "any word", match: .regex, pattern: "(?i)[a-z]+( \\d+)?"),
            BoilerplateRule(label: "backreference", match: .regex, pattern: "(\\w+) and \\1"),
            BoilerplateRule(label: "trailer", match: .trailer, pattern: "Read more"),
        ]
        let cleaner = BoilerplateCleaner(rules: rules)
        #expect(cleaner.label(for: "Advert 5") == "prefix")
        #expect(cleaner.label(for: "Gull 7") == "digits")
        #expect(cleaner.label(for: "gull") == "any word")
        #expect(cleaner.label(for: "this and this") == "backreference")
        #expect(cleaner.label(for: "this and that") == nil)
        #expect(cleaner.label(for: "Read more") == "trailer")
    }

    /// The cleaner, prefilters and all, labels lines as plain rule-by-rule matching does.
    @Test func prefilteredDefaultsMatchRuleByRule() throws {
        let cleaner = BoilerplateCleaner()
        let regexes = try BoilerplateCleaner.defaultRules.map { rule in
            rule.match == .regex ? try NSRegularExpression(pattern: "^(?:\(rule.pattern))$") : nil
        }
        let samples = Self.lines + [
            "Sign up for our newsletter", "Share", "Source link", "Click here to read more", "Video Embed",
            "Jane Roe/AP", "Getty Images", "APTOPIX Storm Coast", "© 2026 Gull Media", "All rights reserved.",
            "POLITICS", "MAYOR FACES FERRY STRIKE TODAY", ".", "(Reporting by Jane Roe)", "Gull Newsbot | Nov. 21, 2026",
            "A ferry leaves the harbor. (Jane Roe/Pool Photo via AP)", "Photo: Jane Roe", "Related Content",
        ]
        for line in samples {
            let plain = MarkdownStripper.strip(line)
            let folded = BoilerplateCleaner.folded(plain)
            var expected: String?
            for (rule, regex) in zip(BoilerplateCleaner.defaultRules, regexes) where !plain.isEmpty {
                let pattern = BoilerplateCleaner.folded(rule.pattern)
                let hit: Bool = switch rule.match {
                case .regex: regex!.firstMatch(in: plain, options: .anchored, range: NSRange(plain.startIndex..., in: plain)) != nil
                case .line: folded == pattern
                case .prefix: folded.hasPrefix(pattern)
                case .contains: folded.contains(pattern)
                case .trailer: String(folded.reversed().drop(while: { ":….".contains($0) }).reversed()) == pattern
                }
                if hit { expected = rule.label; break }
            }
            #expect(cleaner.label(for: line) == expected, "\(line)")
        }
    }
}

/// The byte test for ASCII prefix rules answers as comparing the folded line's Characters does, or defers.
@Suite struct FoldedPrefixTests {
    @Test func bytesAgreeWithCharacters() {
        let lines = [
            "Get the Morning Ledger", "GET THE MORNING LEDGER daily", "Get the Mo\u{301}rning Ledger", "Get the",
            "“Get the Morning Ledger”", "Got the “Morning” Ledger", "Get the Morning Ledge\u{301}r", "Get the Morning Ledger\u{301}",
            "Get the Morning Ledgeré", "Gét the Morning Ledger", "\u{212A}now this", "Get the Morning Ledger—now", "", "İget", "ſget", "Straße", "“know”",
        ]
        for pattern in ["get the morning ledger", "know", "g"] {
            for text in lines {
                let plain = MarkdownStripper.strip(text)
                var line = RegexPrefilter.Line(plain)
                let expected = BoilerplateCleaner.folded(plain).hasPrefix(pattern)
                if let decided = BoilerplateCleaner.foldedHasPrefix(&line, pattern) {
                    #expect(decided == expected, "\(text) / \(pattern)")
                }
            }
        }
        var differing = RegexPrefilter.Line("Got the “Morning” Ledger")
        #expect(BoilerplateCleaner.foldedHasPrefix(&differing, "get the morning ledger") == false)
        var quoted = RegexPrefilter.Line("“Get the Morning Ledger”")
        #expect(BoilerplateCleaner.foldedHasPrefix(&quoted, "get the morning ledger") == false)
    }
}

/// The byte test for a repeated headline answers as building the line's key does.
@Suite struct HeadlineKeyTests {
    @Test func bytesAgreeWithTheKey() {
        let headlines = ["Dam Talks Stall", "Dam talks stall, again", "Café reopens", "1 dam, 2 talks", "Dam"]
        let lines = [
            "Dam Talks Stall", "dam talks stall", "  Dam -- talks: STALL!  ", "Dam talks stall, again", "Dam talks stal",
            "Dam talks stall1\u{20E3}", "Dam talks stal\u{301}l", "Dam talks stall\u{301}", "“Dam talks stall”", "Café reopens",
            "Cafe\u{301} reopens", "Cafe reopens", "1 dam, 2 talks", "1\u{20E3} dam, 2 talks", "Dam\r\ntalks stall", "", "Dam",
        ]
        for headline in headlines {
            let key = BoilerplateCleaner.headlineKey(headline)
            for line in lines {
                let expected = BoilerplateCleaner.headlineKey(line) == key
                #expect(BoilerplateCleaner.hasHeadlineKey(line, key) == expected, "\(line) / \(headline)")
                if let decided = BoilerplateCleaner.asciiHasHeadlineKey(line, key) { #expect(decided == expected, "\(line) / \(headline)") }
            }
        }
    }
}

/// An ASCII text's key made on bytes is the key made on Characters.
@Suite struct ASCIIHeadlineKeyTests {
    @Test(arguments: ["Dam Talks Stall", "  Dam -- talks: STALL!  ", "1 dam, 2 talks", "Dam\r\ntalks\tstall", "", "...", "A-1 B_2 c3D",
                      "Up 5% (or 4.9%) at 09:30", "\u{1}x\u{7F}y"])
    func bytesAgreeWithCharacters(text: String) {
        let key = BoilerplateCleaner.asciiHeadlineKey(text)
        #expect(key == text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).joined(separator: " "))
    }

    @Test func anyOtherTextIsLeftToCharacters() {
        #expect(BoilerplateCleaner.asciiHeadlineKey("Café reopens") == nil)
        #expect(BoilerplateCleaner.headlineKey("Café Reopens") == "café reopens")
    }
}

@Suite struct RegexPrefilterTests {
    @Test(arguments: [
        ("abc", 3, ["abc"]), ("a?bc", 3, ["bc"]), ("ab|cd", 2, []), ("(?i)abc", 9, []), ("a(?i)b", 4, ["a"]),
        ("x{2,5}y", 6, ["y"]), ("\\(x\\)", 3, ["(x)"]), ("(?i)a:b", 9, [":"]), ("[a-z]+", nil, []), ("a\\bb", 2, ["ab"]),
        ("(?=.{0,10}$)[A-Z ]*", 10, []), ("(?:ab){0,3}c", 7, ["c"]), ("\\p{L}{2}\\s\\d", 4, []),
        ("(?i:ab)c", 7, ["c"]), ("(ab|c)(?i)d", 5, []), ("a.b", 3, ["a", "b"]),
    ] as [(String, Int?, [String])])
    func shapes(pattern: String, maxLength: Int?, literals: [String]) {
        let prefilter = RegexPrefilter(pattern: pattern)
        #expect(prefilter.maxLength == maxLength)
        #expect(prefilter.requiredLiterals == literals)
    }

    @Test func firstScalarsAndAlternatives() {
        let signUp = RegexPrefilter(pattern: "(?i)(sign ?up|log in)( now)?")
        #expect(["sign up", "Sign up", "log in", "LOG IN", "ſign up"].allSatisfy(signUp.admits))
        #expect(!signUp.admits("Click to sign up") && !signUp.admits("(sign up)"))
        #expect(signUp.requiredAlternatives == [[.init(text: "sign", caseInsensitive: true), .init(text: "log in", caseInsensitive: true)]])
        #expect(signUp.admits("SIGN UP") && !signUp.admits("Sigma"))
        let credit = RegexPrefilter(pattern: "(?i).{0,20}\\b(getty|istock)\\b")
        #expect(credit.first == nil)
        #expect(credit.admits("via GETTY") && !credit.admits("via Gety") && credit.admits("via ßetty"))
        let optional = RegexPrefilter(pattern: "a?(?=x)\\bb|©")
        #expect(optional.admits("ab") && optional.admits("b") && optional.admits("©") && !optional.admits("c"))
        // Each branch names a literal it holds, not only one it opens with.
        #expect(optional.requiredAlternatives == [[.init(text: "b", caseInsensitive: false), .init(text: "©", caseInsensitive: false)]])
        let photo = RegexPrefilter(pattern: "[^()]*\\((\\p{L} ?/ ?\\p{L}|\\b(Photo|AP)\\b)[^()]*\\)")
        #expect(photo.requiredAlternatives == [["/", "Photo", "AP"].map { .init(text: $0, caseInsensitive: false) }])
        #expect(photo.admits("(Jane Roe/X)") && photo.admits("(AP)") && !photo.admits("(in 2016)") && !photo.admits("(photo)"))
        let longest = RegexPrefilter(pattern: "(?i)(\\d+ ?(am|pm) ?x|news ?(on|at) ?day)")
        #expect(longest.requiredAlternatives == [["am", "pm", "news"].map { .init(text: $0, caseInsensitive: true) }])
        let promo = RegexPrefilter(pattern: "(?=.{0,20}$)[^\\p{Ll}|]*\\p{Lu}[^\\p{Ll}|]*(?<![.!?])")
        #expect(promo.admits("FERRY STRIKE!") && !promo.admits("Ferry strike") && !promo.admits("A | B"))
        let letters = RegexPrefilter(pattern: "(?i)[a-c\\-]+\\.")
        #expect(letters.admits("AbC-.") && !letters.admits("abd.") && !letters.admits("ab,."))
        let negated = RegexPrefilter(pattern: "(?i)[^a]+")
        #expect(negated.admits("bA") && negated.admits("xyz"))
        #expect(RegexPrefilter(pattern: "[[:alpha:]]+").alphabet == nil && RegexPrefilter(pattern: "(?i)[é]").alphabet == nil)
        let flags = RegexPrefilter(pattern: "x(?i)y")
        #expect(flags.requiredAlternatives == [[.init(text: "x", caseInsensitive: false)]])
        #expect(flags.admits("xY") && !flags.admits("Xy"))
    }

    /// Constructs the analysis does not cover give no condition at all.
    @Test(arguments: ["(a)\\1", "\\Qa\\E", "(?x) a", "\\R", "a{", "(?<n>a)", "(a"])
    func unknownConstructsAdmitEverything(pattern: String) {
        #expect(RegexPrefilter(pattern: pattern) == RegexPrefilter(maxLength: nil, requiredLiterals: []))
    }

    /// Whatever a prefilter rejects, its regex does not match: every default rule over lines of all
    /// lengths, with and without the characters the rules look for.
    @Test func rejectsOnlyWhatTheRegexCannotMatch() throws {
        var generator = SeededGenerator(seed: 7)
        let pieces = ["Sign up", " ", "(Jane Roe/AP)", "|", "Nov. 21, 2026", "Getty Images", "©", "2026", "APTOPIX",
                      "READ", "the ferry", ".", "—", "ß", "Photo:", "bot", "\u{00A0}", "/", "Reuters", "x", "ſign", "K",
                      "gettY iMages", "ISTOCK", "Click here", "hi, i'm the ", "copyright", "(c)", "news", "İ", "ﬆ", "s"]
        var lines: [String] = []
        for _ in 0..<400 {
            let count = Int.random(in: 1...60, using: &generator)
            lines.append((0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        try expectPrefilterRejectsOnlyNonMatches(lines)
    }

    /// Every line a default rule's prefilter turns away must be one its full regex does not match.
    func expectPrefilterRejectsOnlyNonMatches<Lines: Sequence<String>>(_ lines: Lines) throws {
        for rule in BoilerplateCleaner.defaultRules where rule.match == .regex {
            let regex = try NSRegularExpression(pattern: "^(?:\(rule.pattern))$")
            let prefilter = RegexPrefilter(pattern: rule.pattern)
            for line in lines where !prefilter.admits(line) {
                #expect(regex.firstMatch(in: line, options: .anchored, range: NSRange(line.startIndex..., in: line)) == nil,
                        "\(rule.label): \(line)")
            }
        }
    }

    /// Default rules are bounded, need a literal or start with given characters, so prose skips them.
    @Test func defaultRulesHaveConditions() {
        let rules = BoilerplateCleaner.defaultRules.filter { $0.match == .regex }
        let unconditioned = rules.filter { RegexPrefilter(pattern: $0.pattern) == RegexPrefilter(maxLength: nil, requiredLiterals: []) }
        #expect(unconditioned.map(\.label) == [])
    }

    /// The same over every line of the real corpora and the benchmark set, when present.
    @Test(.enabled(if: Corpus.exists, "the shared corpus is not on this machine"))
    func rejectsOnlyWhatTheRegexCannotMatchInCorpora() throws {
        let folders = ["basil/articles", "allsides/articles", "ecbplus/articles", "seed-story/articles", "seed-story/raw"]
            .map { Corpus.root.appendingPathComponent($0) } + [URL(fileURLWithPath: "/tmp/benchdata/articles-1000-seed1")]
        var lines: Set<String> = []
        for folder in folders where FileManager.default.fileExists(atPath: folder.path) {
            for file in try FileManager.default.subpathsOfDirectory(atPath: folder.path) where file.hasSuffix(".md") || file.hasSuffix(".txt") {
                let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
                for line in text.split(whereSeparator: \.isNewline) { lines.insert(MarkdownStripper.strip(String(line))) }
            }
        }
        try expectPrefilterRejectsOnlyNonMatches(lines)
    }
}
