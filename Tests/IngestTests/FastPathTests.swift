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

    @Test func blankLinesAreToldAsByCharacters() {
        let edges = ["", " ", "\t", " \u{301}", "\u{301}", "a", " a", "\u{A0}", "\u{1F}", "\u{1C}", "\r\n", "\u{85}", "\u{3000}x", "x "]
        for text in Self.randomTexts(count: 3000, seed: 7) + edges {
            #expect(BodyLine.isBlank(text) == text.allSatisfy(\.isWhitespace), "\(text.debugDescription)")
        }
        for value in UInt8(0)..<0x80 {
            let text = String(UnicodeScalar(value)) + "x"
            #expect(BodyLine.isBlank(text) == text.allSatisfy(\.isWhitespace), "\(value)")
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
