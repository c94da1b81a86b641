import BriefingCore
import Foundation
import Testing
@testable import Ingest

/// The byte-level checks of Markdown lines and boilerplate rules give exactly what the
/// Character-level code they replaced gave (kept in `Reference` as the oracle).
@Suite struct LineFastPathTests {
    /// Lines that exercise the byte-level Markdown checks: fences, list markers, combining marks.
    static let markdownTexts = FastPathTests.randomTexts(count: 3000, seed: 8) + [
        "", "```", "  ```swift", "~~~", "``~", "`\u{301}``", "```\u{301}", "   ~~~\u{301}x", " \u{301}```", "\u{A0}```",
        "- item", "+ item", "-\u{301} item", "12. x", "1234. x", "7) x", "  3.x", "\u{2003}- x", "٣. x", "\t- x", "a - b",
        "x # y", "a*b", "[a](b)", "<b>", "\\", "_a_", "`code`", "9", "-", "—", "| a |", "> q", "# h", "* x", "+ y",
        "1. z", "1.z", "12) z", "    code", "\ta", "\u{0600}1. x", "\"Quote", "a\u{301}", "\u{0600}a",
        "392 prisoners", "2016.", "2016. x", "123) x", "12\u{301}. x", "12½. x", "1", "12", "123", "1234", "1.", "3 . x",
        "“Quote”", "‘x", "— x", "\u{2003}1. x", "\u{2070}. x", "₁. x", "⅓. x",
    ]

    @Test func markdownByteChecksMatchCharacterReference() {
        for text in Self.markdownTexts {
            #expect(MarkdownStripper.isFence(text) == Reference.isFence(text), "\(text.debugDescription)")
            #expect(MarkdownStripper.mayHoldMarkdown(text) == Reference.mayHoldMarkdown(text), "\(text.debugDescription)")
            #expect(MarkdownStripper.isStructural(text) == MarkdownStripper.isStructuralByCharacters(text), "\(text.debugDescription)")
        }
    }

    /// The trailer key's length is exact for ASCII lines and never overestimated for the others.
    @Test func trailerKeyLengthBoundsTheKey() {
        for text in FastPathTests.randomTexts(count: 3000, seed: 11) + ["Read more:", "İİ…", "RELATED …:.", "a.\u{301}", "ǅ."] {
            let plain = MarkdownStripper.strip(text)
            var line = RegexPrefilter.Line(plain)
            let key = BoilerplateCleaner.trailerKey(BoilerplateCleaner.folded(plain))
            let bound = BoilerplateCleaner.trailerKeyLength(&line)
            if bound.isExact {
                #expect(bound.length == key.utf8.count, "\(text.debugDescription)")
            } else {
                #expect(bound.length <= key.unicodeScalars.count, "\(text.debugDescription)")
            }
        }
    }

    /// Line, prefix and contains rules decide on bytes exactly as folded strings compare.
    @Test func plainRulesMatchFoldedComparison() {
        let patterns = ["The", "the ferry", "ſ", "K", "é", "Ok", "-", ". ", "x\u{301}", "\u{37E}", "ß"]
        let texts = FastPathTests.randomTexts(count: 1500, seed: 12) + ["The", "THE FERRY sails", "ſ x", "\u{212A}", "Ok\u{301}", ";"]
        for pattern in patterns {
            let folded = BoilerplateCleaner.folded(pattern.trimmingCharacters(in: .whitespaces))
            for kind in [BoilerplateRule.Match.line, .prefix, .contains] {
                let cleaner = BoilerplateCleaner(rules: [BoilerplateRule(label: "x", match: kind, pattern: pattern)])
                for text in texts {
                    let plain = BoilerplateCleaner.folded(MarkdownStripper.strip(text))
                    let expected = !MarkdownStripper.strip(text).isEmpty && (kind == .line ? plain == folded
                        : kind == .prefix ? plain.hasPrefix(folded) : plain.contains(folded))
                    #expect((cleaner.label(for: text) != nil) == expected, "\(kind) \(pattern.debugDescription) \(text.debugDescription)")
                }
            }
        }
    }

    @Test func periodBeforeLastMatchesFoundation() {
        for text in FastPathTests.randomTexts(count: 3000, seed: 9) + ["", ".", "a.", ".a", "U.S", "e.\u{301}g", "a.b.", "é.x"] {
            #expect(SentenceSegmenter.holdsPeriodBeforeLast(text) == text.dropLast().contains("."), "\(text.debugDescription)")
        }
    }

    /// Case-insensitive literals are found in the line's ASCII-lowercased bytes exactly where a
    /// byte-by-byte comparison folding ASCII letters finds them.
    @Test func lowercasedSearchMatchesFoldingComparison() {
        let literals = ["sign", "getty images", "log in", "k", "ss", "by ", "©"].filter { $0.allSatisfy(\.isASCII) }
        for text in FastPathTests.randomTexts(count: 3000, seed: 10) + ["SIGN", "GeTTy ImageS", "ſign", "Kelvin K", "BY x"] {
            var line = RegexPrefilter.Line(text)
            for literal in literals {
                #expect(RegexPrefilter.contains(line.lowercasedASCII, literal) == Reference.containsIgnoringASCIICase(text, literal),
                        "\(text.debugDescription) \(literal)")
            }
        }
    }
}

extension Reference {
    static func mayHoldMarkdown(_ line: String) -> Bool {
        if line.utf8.contains(where: { "#>[<*_`\\".utf8.contains($0) }) { return true }
        let rest = line.drop(while: \.isWhitespace)
        guard let first = rest.first else { return false }
        if first == "-" || first == "+" { return true }
        let digits = rest.prefix(while: { $0.isASCII && $0.isNumber })
        guard (1...3).contains(digits.count), let mark = rest.dropFirst(digits.count).first else { return false }
        return mark == "." || mark == ")"
    }

    static func containsIgnoringASCIICase(_ line: String, _ literal: String) -> Bool {
        let haystack = Array(line.utf8), needle = Array(literal.utf8)
        func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
        guard needle.count <= haystack.count else { return needle.isEmpty }
        return (0...(haystack.count - needle.count)).contains { start in
            needle.indices.allSatisfy { lower(haystack[start + $0]) == needle[$0] }
        }
    }
}
