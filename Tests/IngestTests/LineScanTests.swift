import Foundation
import Testing
@testable import Ingest
import TestSupport

/// The single pass over a line gives what reading it scalar by scalar gives, and the prefilter's
/// opening-literal condition never turns away a line its regex matches.
@Suite struct LineScanTests {
    static let texts = FastPathTests.randomTexts(count: 3000, seed: 21) + [
        "", " ", "  ", "a  b", "a b", " a", "a ", "a\tb", "a\u{A0}b", "a\u{2003}b", "a\u{1680}b", "a\u{3000}b", "“a”", "#x", "x*",
        "- x", "+x", "1. x", "9", "é", "x\u{301}", "\u{FEFF}x", "©", "a\r", "Sign up", "ſign", "K", "İ", "ß", "a_b", "a`b",
    ]

    @Test func onePassAgreesWithScalars() {
        for text in Self.texts {
            let line = RegexPrefilter.Line(text)
            #expect(line.scalarCount == text.unicodeScalars.count, "\(text.debugDescription)")
            #expect(line.isASCII == text.utf8.allSatisfy { $0 < 0x80 }, "\(text.debugDescription)")
            // On bytes: a mark after the second space would make `String.contains` miss it.
            let bytes = Array(text.utf8)
            #expect(line.hasDoubleSpace == zip(bytes, bytes.dropFirst()).contains { $0 == (0x20, 0x20) }, "\(text.debugDescription)")
            for byte in UInt8(0)..<0x80 {
                #expect(line.bytes.contains(byte) == text.utf8.contains(byte), "\(text.debugDescription) \(byte)")
                let lowered = text.utf8.contains { RegexPrefilter.asciiLowercased($0) == byte }
                #expect(line.lowercasedBytes.contains(byte) == lowered, "\(text.debugDescription) \(byte)")
            }
        }
    }

    /// The eight-byte steps of the scan: a double space or a multi-byte scalar at every offset,
    /// across word boundaries, and every byte value once.
    @Test func wordStepsAgreeAtEveryOffset() {
        var texts = (0..<256).map { String(decoding: [UInt8(ascii: "a"), UInt8($0)], as: UTF8.self) }
        for length in 0..<26 {
            for k in 0..<length {
                var plain = Array(repeating: "x", count: length)
                plain[k] = " "
                texts.append(plain.joined())
                if k + 1 < length { plain[k + 1] = " "; texts.append(plain.joined()) }
                plain = Array(repeating: "x", count: length)
                plain[k] = ["é", "—", "\u{A0}", "😀", "\u{3000}"][k % 5]
                texts.append(plain.joined())
            }
        }
        for text in texts {
            let line = RegexPrefilter.Line(text)
            let bytes = Array(text.utf8)
            #expect(line.scalarCount == text.unicodeScalars.count, "\(text.debugDescription)")
            #expect(line.isASCII == bytes.allSatisfy { $0 < 0x80 }, "\(text.debugDescription)")
            #expect(line.hasDoubleSpace == zip(bytes, bytes.dropFirst()).contains { $0 == (0x20, 0x20) }, "\(text.debugDescription)")
            #expect(line.mayHoldUnicodeSpace == bytes.contains { $0 == 0xC2 || (0xE1...0xE3).contains($0) }, "\(text.debugDescription)")
            #expect(line.bytes == ASCIISet(bytes), "\(text.debugDescription)")
        }
    }

    @Test func aLineStrippingToItselfIsToldRight() {
        for text in Self.texts + LineFastPathTests.markdownTexts where MarkdownStripper.stripsToItself(RegexPrefilter.Line(text)) {
            #expect(MarkdownStripper.strip(text) == text, "\(text.debugDescription)")
        }
        #expect(MarkdownStripper.stripsToItself(RegexPrefilter.Line("A plain line, as most are.")))
    }

    @Test(arguments: [
        ("(?i)(sign ?up|log in)( now)?", ["sign", "log in"]), ("(?i)(©|\\(c\\)|copyright ©?)\\s*\\d", ["©", "(c)", "copyright "]),
        ("(?=x)\\b(ab|cd)e", ["ab", "cd"]), ("^abc", ["abc"]), ("(?:ab)?c", nil), ("a|(b|c)d", ["a", "b", "c"]), (".a", nil),
        ("((x|y)z|w)", ["x", "y", "w"]), ("(ab)*c", nil), ("(?i)x(?-i)Y", ["x"]),
    ] as [(String, [String]?)])
    func openingLiterals(pattern: String, expected: [String]?) {
        #expect(RegexPrefilter(pattern: pattern).prefixes?.map(\.text) == expected)
    }

    /// Caseless non-ASCII literals compare exactly under (?i); letters still fold, non-ASCII ones
    /// included ("ſ" is "s", "K" (Kelvin) is "k").
    @Test func openingLiteralsKeepRegexSemantics() throws {
        let patterns = ["(?i)(sign ?up|log in)( now)?", "(?i)(©|\\(c\\)|copyright ©?)\\s*(\\d{4}|©).{0,20}", "(?i)kelvin", "(?i)strasse",
                        "(?i)(?=\\w)\\b(ab|cd)e", "Abc(?i)d", "(?i)é(x|y)", "(?i)ß"]
        let lines = ["sign up", "SIGN UP now", "ſign up", "Sign Up", "x sign up", "© 2026", "(C) 2026", "COPYRIGHT 2026", "Copyright © 2026",
                     "\u{212A}elvin", "KELVIN", "kelvin", "STRASSE", "straße", "Straße", "ABE", "cde", "abe", "Abcd", "AbcD", "abcd",
                     "éx", "ÉY", "ex", "ß", "SS", "ss", "ẞ", "i̇", "İ", ""]
        for pattern in patterns {
            let regex = try NSRegularExpression(pattern: "^(?:\(pattern))$")
            let prefilter = RegexPrefilter(pattern: pattern)
            for line in lines where !prefilter.admits(line) {
                #expect(regex.firstMatch(in: line, options: .anchored, range: NSRange(line.startIndex..., in: line)) == nil,
                        "\(pattern): \(line)")
            }
        }
        #expect(!RegexPrefilter(pattern: "(?i)(©|\\(c\\))\\s*\\d").admits("2026 ©"))
    }
}

/// Shortcuts in article parsing answer as the general code they replaced.
@Suite struct ParserShortcutTests {
    @Test(arguments: ["a/b.md", "b.MD", "x/y/z.txt", "a/b/", "a/.md", "", "/", "a//b.c//", "dir.d/file", "é/ü.Markdown", "a.b/c"])
    func fileExtensionReadsTheLastComponent(path: String) {
        let expected = path.split(separator: "/").last.map { ArticleParser.fileExtension(ofName: $0) } ?? ""
        #expect(ArticleParser.fileExtension(path) == expected)
    }

    @Test func unitBitTestsAgreeWithSetAlgebra() {
        let all = (0..<13).map { SentenceSegmenter.Unit(rawValue: 1 << $0) }
        for raw in [0, 1, 0x41, 0x1FFF, 0x0A0A, 0x1234] as [UInt16] {
            let unit = SentenceSegmenter.Unit(rawValue: raw)
            for flag in all {
                #expect(unit.contains(flag) == (unit.intersection(flag) == flag))
                #expect(unit.isDisjoint(with: flag.union(.letter)) == unit.intersection(flag.union(.letter)).isEmpty)
            }
        }
    }
}

/// Files read straight into lines give what the checking path gives.
@Suite struct PlainLinesTests {
    @Test func plainFilesSplitAsCheckedOnes() throws {
        var generator = SeededGenerator(seed: 31)
        let pieces: [[UInt8]] = [[0x0A], [0x0D], [0x0D, 0x0A], [0x09], [0x20], Array("word".utf8), Array("é“”".utf8), [0xEF, 0xBB, 0xBF],
                                 [0xC2, 0xA0], [0x00], [0x7F], [0x01], [0xFF], [0xE2, 0x80], Array("\u{301}".utf8), Array("x".utf8),
                                 [0xC2, 0x85], [0xC2, 0xA9], [0xC2], [0xC2, 0xBF], [0xC2, 0xC0], [0xC2, 0x9F]]
        var samples: [[UInt8]] = [[], [0x0A], Array("a\r\n\r\nb\n".utf8), [0xEF, 0xBB, 0xBF, 0x61]]
        for _ in 0..<3000 {
            samples.append((0..<Int.random(in: 0...12, using: &generator)).flatMap { _ in pieces.randomElement(using: &generator)! })
        }
        var fast = 0
        for bytes in samples {
            guard let lines = bytes.withUnsafeBufferPointer(SourceText.plainLines) else { continue }
            fast += 1
            #expect(try lines == SourceText.checkedLines(bytes, path: "x"), "\(bytes)")
            #expect(try lines == SourceText.lines(from: Data(bytes), path: "x"))
        }
        #expect(fast > 300)
    }

    /// The eight-byte step sees a byte needing a look at every offset of a word.
    @Test func everyOffsetOfTheWordStepIsSeen() throws {
        let special: [[UInt8]] = [[0x0A], [0x0D, 0x0A], [0x0D], [0x09], [0x7F], [0x01], [0x1F], [0xC2, 0xA0], [0x00], [0xC2, 0x85], [0xC2, 0xA9]]
        for piece in special {
            for k in 0..<24 {
                var bytes = Array("abcdefghijklmnopqrstuvwx".utf8)
                bytes.insert(contentsOf: piece, at: k)
                let lines = bytes.withUnsafeBufferPointer(SourceText.plainLines)
                // A C1 control (C2 80–9F) needs the checking path; C2 A0–BF (no-break space, "©") does not.
                let needsCheck = [0x7F, 0x01, 0x1F, 0x00].contains(piece[0]) || piece == [0xC2, 0x85]
                #expect((lines == nil) == needsCheck, "\(piece) at \(k)")
                if let lines { #expect(try lines == SourceText.checkedLines(bytes, path: "x"), "\(piece) at \(k)") }
            }
        }
        func word(_ bytes: [UInt8]) -> UInt64 { bytes.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)) } }
        for value in UInt8(0)...0xFF {
            for k in 0..<8 {
                var bytes = Array("abcdefgh".utf8)
                bytes[k] = value
                #expect(SourceText.holdsControlDELOrC2(word(bytes)) == (value < 0x20 || value == 0x7F || value == 0xC2), "\(value) at \(k)")
                bytes[(k + 3) % 8] = 0x01
                #expect(SourceText.holdsControlDELOrC2(word(bytes)))
            }
        }
    }
}

/// ASCII text keeps no offsets; text turning non-ASCII midway gives the same strings as Characters.
@Suite struct ScalarTextOffsetTests {
    @Test(arguments: [["abc"], ["abc", "dé f"], ["é", "ab"], ["ab", "cd", "“x”"], ["x. Y", "z"]])
    func stringsMatchCharacterText(parts: [String]) throws {
        let scalars = try #require(ScalarText(parts))
        let characters = CharacterText(parts)
        // `.trimmable` is ScalarText's own mark.
        #expect(scalars.units.map { $0.subtracting(.trimmable) } == characters.units && scalars.partStarts == characters.partStarts)
        for lower in 0...scalars.units.count {
            for upper in lower...scalars.units.count {
                #expect(scalars.string(lower..<upper) == characters.string(lower..<upper), "\(parts) \(lower)..<\(upper)")
            }
        }
    }
}

/// A Markdown replacement skipped for lacking its bytes would have changed nothing.
@Suite struct ReplacementNeedsTests {
    @Test func skippedReplacementsChangeNothing() {
        let texts = LineFastPathTests.markdownTexts + FastPathTests.randomTexts(count: 2000, seed: 51) + [
            "# Title #", "> quote", "- [x] done", "![alt](src)", "[a](b) and [c][d]", "<https://x.y>", "<b>bold</b>", "**s** __t__",
            "*e* _f_", "`code`", "\\*x\\*", "1) one", "a.) b", "text ##", "[a]\u{301}(b)", "*\u{301}x*",
        ]
        for text in texts {
            var reference = text
            for replacement in MarkdownStripper.replacements {
                let range = NSRange(reference.startIndex..., in: reference)
                reference = replacement.regex.stringByReplacingMatches(in: reference, range: range, withTemplate: replacement.template)
            }
            #expect(MarkdownStripper.stripWithRegexes(text) == MarkdownStripper.normalizeSpaces(reference), "\(text.debugDescription)")
        }
    }
}

/// The byte checks before the byline and dateline regexes turn away only lines they do not match.
@Suite struct LeadShortcutTests {
    @Test func shortcutsNeverHideAMatch() {
        let texts = FastPathTests.randomTexts(count: 3000, seed: 61) + [
            "By Jane Roe", "BY JANE ROE", "by Jane", "By", "B", "", "BEIJING (Reuters) - Talks", "U.S. - x", "O'HARE - x", "É.", "ÉCOLE - x",
            "A - b", "AB - c", "X-RAY - d", "N’DJAMENA - e", "Ab - c", "1A - b", "LONDON, June 19 (Reuters) -Talks", "**By Jane**",
            "“BEIJING - x", "—PARIS - y", "‘ROME - z", "\u{2071}AB - c", "\u{207F}AB - c",
        ]
        let dateline = LeadExtractor.datelineRegex
        for text in texts where !LeadExtractor.mayOpenDateline(text) {
            #expect(dateline?.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) == nil, "\(text.debugDescription)")
        }
        // No scalar the first-two-byte rule turns away (U+2000–U+207F) is a capital.
        let capital = try? NSRegularExpression(pattern: #"^\p{Lu}"#)
        for value in UInt32(0x2000)...0x207F {
            let text = String(Unicode.Scalar(value)!)
            #expect(capital?.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) == nil, "U+\(String(value, radix: 16))")
        }
        #expect(LeadExtractor.dateline(in: "AB. CD - x")?.dateline == "AB. CD")
        #expect(LeadExtractor.dateline(in: "A. - x") == nil)  // one capital
        #expect(LeadExtractor.byline(in: "By Jane Roe") == "By Jane Roe" && LeadExtractor.byline(in: "by Jane Roe") == nil)
        #expect(LeadExtractor.dateline(in: "BEIJING (Reuters) - Talks")?.dateline == "BEIJING (Reuters)")
    }
}
