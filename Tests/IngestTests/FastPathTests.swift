import BriefingCore
import Foundation
import Testing
@testable import Ingest
import TestSupport

/// The byte- and scalar-level fast paths give exactly what the Character-level code they
/// replaced gave. The `Reference` functions are that code, kept here as the oracle.
@Suite struct FastPathTests {
    /// Pieces that exercise every rule: abbreviations, initials, quotes of every kind, numbers,
    /// Unicode spaces, combining marks (which force the Character path) and case-folding oddities.
    static let pieces = [
        "The", " ", " ", "ferry", "U.S.", "Mr.", "J.", "3.", "0", "a.m.", "Inc.", ".", ". ", "!", "?", "…", "...",
        "“", "”", "\"", "'", "‘", "’", "(", ")", "[", "]", "«", "»", "—", "–", "-", "é", "É", "\u{301}", "\u{A0}",
        "\u{200B}", "\u{2009}", "ſ", "x", "Then", "In", "the", "2026", "  ", "\t", "Dodd", "no.", "St.", "p.", "m.",
        "ß", "İ", "ǅ", "\u{FEFF}", "🇺🇸", "👍🏽", "한", "\u{200D}", "\r", "\u{0085}", "\u{3000}", "#", "*", "_",
    ]

    static func randomTexts(count: Int, seed: UInt64) -> [String] {
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { _ in
            (0..<Int.random(in: 0...40, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
        }
    }

    @Test func whitespaceBytesAreTheWhiteSpaceProperty() {
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            var text = String(scalar)
            let length = text.withUTF8 { MarkdownStripper.whitespaceLength($0, at: 0) }
            #expect((length > 0) == scalar.properties.isWhitespace, "U+\(String(value, radix: 16))")
            if length > 0 { #expect(length == text.utf8.count) }
        }
    }

    @Test func normalizeSpacesMatchesScalarLoop() {
        for text in Self.randomTexts(count: 3000, seed: 1) + ["", " ", "a", " a", "a ", "a  b", "a\u{A0}b", "\u{3000}"] {
            #expect(MarkdownStripper.normalizeSpaces(text) == Reference.normalizeSpaces(text), "\(text.debugDescription)")
        }
    }

    @Test func splitLinesMatchesCharacterSplit() {
        let breaks = ["\n", "\r", "\r\n", "\n\r", "\u{301}", "a", "\r\n\u{301}", "é", "\n\n"]
        var generator = SeededGenerator(seed: 2)
        for _ in 0..<2000 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in breaks.randomElement(using: &generator)! }.joined()
            let expected = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
                .map(String.init)
            #expect(SourceText.splitLines(text) == expected, "\(text.debugDescription)")
        }
    }

    @Test func controlCharactersBecomeSpacesAsScalarByScalar() {
        let pieces = ["a", "\u{0}", "\u{1}", "\t", "\n", "\r", "\u{1F}", "\u{7F}", "\u{80}", "\u{85}", "\u{9F}", "\u{A0}", "©", "é", "—"]
        var generator = SeededGenerator(seed: 4)
        for _ in 0..<2000 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let expected = String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
                let v = scalar.value
                return (v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D) || (0x7F...0x9F).contains(v) ? " " : scalar
            }))
            #expect(SourceText.spacingControlCharacters(text) == expected, "\(text.debugDescription)")
        }
    }

    @Test func trimmingSpacesMatchesFoundation() {
        for text in Self.randomTexts(count: 3000, seed: 6) + ["", " ", "\n", "x", " x", "x\n"] {
            #expect(text.trimmingSpaces() == text.trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
            #expect(text.trimmingSpaces(includingNewlines: true) == text.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }

    @Test func tokenQuoteTrimmingMatchesFoundation() {
        let quotes = CharacterSet(charactersIn: "\"“‘'([")
        for text in Self.randomTexts(count: 3000, seed: 7) + ["", "(", "((x))", "\"“x‘'(["] {
            #expect(SentenceSegmenter.trimmingTokenQuotes(text) == text.trimmingCharacters(in: quotes), "\(text.debugDescription)")
        }
    }

    /// Every pair of "simple" scalars is two Characters, so scalars are Characters in such text.
    @Test func simpleScalarsNeverJoin() {
        let scalars = ScalarText.simpleRanges.flatMap { $0.compactMap(Unicode.Scalar.init) }
            .filter { $0 != "\r" }  // CR LF is one Character; lines never hold either
        var joined = 0
        for left in scalars {
            for right in scalars {
                var pair = String.UnicodeScalarView()
                pair.append(left)
                pair.append(right)
                if String(pair).count != 2 { joined += 1 }
            }
        }
        #expect(joined == 0)
    }

    @Test func segmenterMatchesCharacterReference() {
        let segmenter = SentenceSegmenter()
        for text in Self.randomTexts(count: 3000, seed: 3) {
            let lines = text.split(separator: "\t", omittingEmptySubsequences: false)
                .enumerated().map { BodyLine(number: $0.offset + 1, text: String($0.element)) }
            #expect(segmenter.segment(paragraphs: [lines]) == Reference.segment(paragraphs: [lines]), "\(text.debugDescription)")
        }
    }

    /// Lines that exercise the byte-level Markdown checks: fences, list markers, combining marks.
    static let markdownTexts = randomTexts(count: 3000, seed: 8) + [
        "", "```", "  ```swift", "~~~", "``~", "`\u{301}``", "```\u{301}", "   ~~~\u{301}x", " \u{301}```", "\u{A0}```",
        "- item", "+ item", "-\u{301} item", "12. x", "1234. x", "7) x", "  3.x", "\u{2003}- x", "٣. x", "\t- x", "a - b",
        "x # y", "a*b", "[a](b)", "<b>", "\\", "_a_", "`code`", "9", "-", "—", "| a |", "> q", "# h", "* x", "+ y",
        "1. z", "1.z", "12) z", "    code", "\ta", "\u{0600}1. x", "\"Quote", "a\u{301}", "\u{0600}a",
    ]

    @Test func markdownByteChecksMatchCharacterReference() {
        for text in Self.markdownTexts {
            #expect(MarkdownStripper.isFence(text) == Reference.isFence(text), "\(text.debugDescription)")
            #expect(MarkdownStripper.mayHoldMarkdown(text) == Reference.mayHoldMarkdown(text), "\(text.debugDescription)")
            #expect(MarkdownStripper.isStructural(text) == Reference.isStructural(text), "\(text.debugDescription)")
        }
    }

    /// The trailer key's length is exact for ASCII lines and never overestimated for the others.
    @Test func trailerKeyLengthBoundsTheKey() {
        for text in Self.randomTexts(count: 3000, seed: 11) + ["Read more:", "İİ…", "RELATED …:.", "a.\u{301}", "ǅ."] {
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
        let texts = Self.randomTexts(count: 1500, seed: 12) + ["The", "THE FERRY sails", "ſ x", "\u{212A}", "Ok\u{301}", ";"]
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
        for text in Self.randomTexts(count: 3000, seed: 9) + ["", ".", "a.", ".a", "U.S", "e.\u{301}g", "a.b.", "é.x"] {
            #expect(SentenceSegmenter.holdsPeriodBeforeLast(text) == text.dropLast().contains("."), "\(text.debugDescription)")
        }
    }

    /// Case-insensitive literals are found in the line's ASCII-lowercased bytes exactly where a
    /// byte-by-byte comparison folding ASCII letters finds them.
    @Test func lowercasedSearchMatchesFoldingComparison() {
        let literals = ["sign", "getty images", "log in", "k", "ss", "by ", "©"].filter { $0.allSatisfy(\.isASCII) }
        for text in Self.randomTexts(count: 3000, seed: 10) + ["SIGN", "GeTTy ImageS", "ſign", "Kelvin K", "BY x"] {
            var line = RegexPrefilter.Line(text)
            for literal in literals {
                #expect(RegexPrefilter.contains(line.lowercasedASCII, literal) == Reference.containsIgnoringASCIICase(text, literal),
                        "\(text.debugDescription) \(literal)")
            }
        }
    }

    @Test(.enabled(if: Corpus.exists, "the shared corpus is not on this machine"), arguments: ["basil", "allsides", "ecbplus"])
    func segmenterMatchesReferenceOnCorpus(name: String) throws {
        let folder = Corpus.root.appendingPathComponent("\(name)/articles")
        let files = try FileManager.default.subpathsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") }
        let segmenter = SentenceSegmenter()
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            let paragraphs = text.components(separatedBy: "\n\n").enumerated().map { index, paragraph in
                paragraph.split(separator: "\n").map { BodyLine(number: index, text: String($0)) }
            }
            #expect(segmenter.segment(paragraphs: paragraphs) == Reference.segment(paragraphs: paragraphs), "\(file)")
        }
    }
}

/// The Character-level code the fast paths replaced.
enum Reference {
    static func isFence(_ line: String) -> Bool {
        let trimmed = line.drop(while: { $0 == " " })
        return trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~")
    }

    static func isStructural(_ line: String) -> Bool {
        let trimmed = line.drop(while: { $0 == " " })
        if line.hasPrefix("    ") || line.hasPrefix("\t") { return true }
        if trimmed.hasPrefix("|") || trimmed.hasPrefix(">") || trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
            return true
        }
        if trimmed.hasPrefix("#") { return true }
        if let first = trimmed.first, "-*+".contains(first), trimmed.dropFirst().first == " " { return true }
        let digits = trimmed.prefix(while: \.isNumber)
        if !digits.isEmpty, digits.count <= 3 {
            let rest = trimmed.dropFirst(digits.count)
            if let mark = rest.first, mark == "." || mark == ")", rest.dropFirst().first == " " { return true }
        }
        return false
    }

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

    static func normalizeSpaces(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            let isSpace = scalar.isASCII ? scalar == " " || (0x09...0x0D).contains(scalar.value) : scalar.properties.isWhitespace
            if isSpace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(scalar)
            }
        }
        return String(out)
    }

    static func segment(paragraphs: [[BodyLine]]) -> [Sentence] {
        var sentences: [Sentence] = []
        for (index, paragraph) in paragraphs.enumerated() {
            var chars: [Character] = []
            var starts: [(offset: Int, line: Int)] = []
            for line in paragraph {
                let plain = MarkdownStripper.strip(line.text)
                guard !plain.isEmpty else { continue }
                if !chars.isEmpty { chars.append(" ") }
                starts.append((chars.count, line.number))
                chars += plain
            }
            for range in split(chars) {
                let text = String(chars[range]).trimmingCharacters(in: .whitespaces)
                guard text.contains(where: { $0.isLetter || $0.isNumber }) else { continue }
                let line = starts.last(where: { $0.offset <= range.lowerBound })?.line ?? paragraph[0].number
                sentences.append(Sentence(text: text, paragraph: index, line: line))
            }
        }
        return sentences
    }

    static func split(_ chars: [Character]) -> [Range<Int>] {
        typealias S = SentenceSegmenter
        var ranges: [Range<Int>] = []
        var start = 0
        var i = 0
        let quoted = insideClosedQuotes(chars)
        while i < chars.count {
            guard S.terminators.contains(chars[i]) else { i += 1; continue }
            var end = i + 1
            while end < chars.count, S.terminators.contains(chars[end]) { end += 1 }
            while end < chars.count, S.closers.contains(chars[end]) { end += 1 }
            guard end < chars.count else { break }
            guard chars[end].isWhitespace else { i = end; continue }
            guard !quoted[end] else { i = end; continue }
            var next = end
            while next < chars.count, chars[next].isWhitespace { next += 1 }
            if next < chars.count, isBoundary(chars, terminator: i, afterCloser: end, next: next) {
                ranges.append(start..<end)
                start = next
            }
            i = next
        }
        if start < chars.count { ranges.append(start..<chars.count) }
        return ranges
    }

    static func insideClosedQuotes(_ chars: [Character]) -> [Bool] {
        var inside = [Bool](repeating: false, count: chars.count + 1)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            let opens = c == "“" || (c == "\"" && (i == 0 || chars[i - 1].isWhitespace || "([—–-".contains(chars[i - 1])))
            guard opens else { i += 1; continue }
            var j = i + 1
            while j < chars.count, chars[j] != "”", chars[j] != "\"", chars[j] != "“" { j += 1 }
            guard j < chars.count, chars[j] != "“" else { i = j; continue }
            for k in (i + 1)..<j { inside[k] = true }
            i = j + 1
        }
        return inside
    }

    static func isBoundary(_ chars: [Character], terminator: Int, afterCloser: Int, next: Int) -> Bool {
        typealias S = SentenceSegmenter
        var k = next
        while k < chars.count, S.openers.contains(chars[k]) { k += 1 }
        guard k < chars.count, chars[k].isUppercase || chars[k].isNumber else { return false }
        let closedQuote = afterCloser > terminator + 1
        guard chars[terminator] == ".", !closedQuote, terminator > 0 else { return true }
        var w = terminator
        while w > 0, !chars[w - 1].isWhitespace { w -= 1 }
        let token = String(chars[w..<terminator]).trimmingCharacters(in: CharacterSet(charactersIn: "\"“‘'(["))
        guard !token.isEmpty else { return true }
        if token.count == 1, token.first?.isLetter == true { return false }
        if token.last?.isNumber == true, chars[k].isNumber { return false }
        let lower = token.lowercased()
        if S.neverFinal.contains(lower) { return false }
        if S.maybeFinal.contains(lower) || token.dropLast().contains(".") {
            var end = k
            while end < chars.count, chars[end].isLetter { end += 1 }
            return S.sentenceStarters.contains(String(chars[k..<end]))
        }
        return true
    }
}
