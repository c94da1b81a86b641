import BriefingCore
import Foundation

/// Splits cleaned paragraphs into sentences, the unit the Comparison stage aligns across outlets.
///
/// Rule-based, tuned for news prose: abbreviations and initials do not end a sentence, closing
/// quotes stay with the sentence they close, and a sentence only starts with a capital, a digit
/// or an opening quote.
public struct SentenceSegmenter: Sendable {
    public init() {}

    /// Segments `paragraphs` (runs of source lines); Markdown is stripped from the sentence text.
    public func segment(paragraphs: [[BodyLine]]) -> [Sentence] {
        segment(paragraphs: paragraphs, plain: { MarkdownStripper.strip($0.text) })
    }

    /// `plain` gives `MarkdownStripper.strip` of a line's text (a caller may have it already).
    func segment<Paragraphs: Sequence>(paragraphs: Paragraphs, plain: (BodyLine) -> String) -> [Sentence]
    where Paragraphs.Element: Sequence<BodyLine> {
        var sentences: [Sentence] = []
        for (index, paragraph) in paragraphs.enumerated() {
            var parts: [String] = []
            var lineNumbers: [Int] = []
            for line in paragraph {
                let plain = plain(line)
                guard !plain.isEmpty else { continue }
                parts.append(plain)
                lineNumbers.append(line.number)
            }
            guard !parts.isEmpty else { continue }
            if let text = ASCIIText(parts) {
                append(text, lineNumbers: lineNumbers, paragraph: index, to: &sentences)
            } else if let text = ScalarText(parts) {
                append(text, lineNumbers: lineNumbers, paragraph: index, to: &sentences)
            } else {
                append(CharacterText(parts), lineNumbers: lineNumbers, paragraph: index, to: &sentences)
            }
        }
        return sentences
    }

    private func append<Text: SegmentText>(_ text: Text, lineNumbers: [Int], paragraph: Int, to sentences: inout [Sentence]) {
        text.withUnits { units in
            forEachSentence(text, units: units) { range in
                guard let sentence = text.sentence(range, units: units) else { return }
                // Lines are joined in order, so the last one starting at or before the sentence holds it.
                let part = text.partStarts.lastIndex(where: { $0 <= range.lowerBound }) ?? 0
                sentences.append(Sentence(text: sentence, paragraph: paragraph, line: lineNumbers[part]))
            }
        }
    }

    /// Segments plain text; blank lines separate paragraphs, `firstLine` numbers the first line.
    public func segment(_ text: String, firstLine: Int = 1) -> [Sentence] {
        var paragraphs: [[BodyLine]] = [[]]
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let bodyLine = BodyLine(number: firstLine + offset, text: String(line))
            if bodyLine.isBlank {
                if !paragraphs[paragraphs.count - 1].isEmpty { paragraphs.append([]) }
            } else {
                paragraphs[paragraphs.count - 1].append(bodyLine)
            }
        }
        return segment(paragraphs: paragraphs.filter { !$0.isEmpty })
    }

    /// Unit ranges of the sentences in `text`.
    func split<Text: SegmentText>(_ text: Text) -> [Range<Int>] {
        text.withUnits { units in
            var ranges: [Range<Int>] = []
            forEachSentence(text, units: units) { ranges.append($0) }
            return ranges
        }
    }

    /// Calls `body` with each sentence's unit range, in order (no array of them per paragraph).
    private func forEachSentence<Text: SegmentText>(_ text: Text, units: Text.Units, _ body: (Range<Int>) -> Void) {
        var start = 0
        var i = 0
        let quotations = Self.closedQuotations(units)
        var q = 0  // the first quotation not ending before `end` (which only grows)
        while i < units.count {
            // Most units are no terminator: skipped several at a time.
            i = units.firstTerminator(from: i)
            guard i < units.count else { break }
            var end = i + 1
            while end < units.count, units[end].contains(.terminator) { end += 1 }
            while end < units.count, units[end].contains(.closer) { end += 1 }
            guard end < units.count else { break }
            guard units[end].contains(.whitespace) else { i = end; continue }  // 3.5, U.S.-led, "x.y"
            // A quotation of several sentences is one sentence with its attribution, not fragments.
            while q < quotations.count, quotations[q].upperBound <= end { q += 1 }
            guard q == quotations.count || !quotations[q].contains(end) else { i = end; continue }
            var next = end
            while next < units.count, units[next].contains(.whitespace) { next += 1 }
            if next < units.count, isBoundary(text, units: units, terminator: i, afterCloser: end, next: next) {
                body(start..<end)
                start = next
            }
            i = next
        }
        if start < units.count { body(start..<units.count) }
    }

    /// The unit ranges inside a quotation that closes within `units`, in order: `“…”`, or a
    /// straight `"` opening after a space to the next `"`. An unclosed quotation gives none.
    /// Ranges, not a flag per unit: most paragraphs hold no quotation, and those that do, a few.
    static func closedQuotations(_ units: [Unit]) -> [Range<Int>] {
        units.withUnsafeBufferPointer(closedQuotations)
    }

    static func closedQuotations(_ units: some SegmentUnits) -> [Range<Int>] {
        var quotations: [Range<Int>] = []
        var i = 0
        while i < units.count {
            // Most paragraphs hold no quote mark: found several units at a time.
            i = units.firstOpeningMark(from: i)
            guard i < units.count else { break }
            let c = units[i]
            let opens = c.contains(.curlyOpen)
                || (c.contains(.straightQuote) && (i == 0 || !units[i - 1].isDisjoint(with: [.whitespace, .quoteLead])))
            guard opens else { i += 1; continue }
            var j = i + 1
            while j < units.count, units[j].isDisjoint(with: [.curlyClose, .straightQuote, .curlyOpen]) { j += 1 }
            guard j < units.count, !units[j].contains(.curlyOpen) else { i = j; continue }
            quotations.append((i + 1)..<j)
            i = j + 1
        }
        return quotations
    }

    private func isBoundary<Text: SegmentText>(
        _ text: Text, units: Text.Units, terminator: Int, afterCloser: Int, next: Int
    ) -> Bool {
        // The next sentence must open with a capital, a digit or an opening quote before one.
        var k = next
        while k < units.count, units[k].contains(.opener) { k += 1 }
        guard k < units.count, !units[k].isDisjoint(with: [.uppercase, .number]) else { return false }
        // Only a lone period after a word can be an abbreviation; "?", "!", "..." and "." + quote end.
        let closedQuote = afterCloser > terminator + 1
        guard units[terminator].contains(.period), !closedQuote, terminator > 0 else { return true }
        var w = terminator
        while w > 0, !units[w - 1].contains(.whitespace) { w -= 1 }
        // Most words before a period are letters and digits only, longer than any abbreviation:
        // told by their units, without making the word as a String (no quote to trim, no period).
        let isPlainWord = !(w..<terminator).contains(where: { units[$0].isDisjoint(with: [.letter, .number]) })
        if isPlainWord, terminator - w > Self.longestAbbreviation {
            return !(units[terminator - 1].contains(.number) && units[k].contains(.number))
        }
        // A short ASCII word of letters and digits: the tests below on its packed lowercased bytes.
        if isPlainWord, terminator > w, let key = units.asciiKey(w..<terminator) {
            if terminator - w == 1, units[w].contains(.letter) { return false }
            if units[terminator - 1].contains(.number), units[k].contains(.number) { return false }
            if Self.neverFinalKeys.contains(key) { return false }
            if Self.maybeFinalKeys.contains(key) { return startsSentence(text, units: units, at: k) }
            return true
        }
        let token = Self.trimmingTokenQuotes(text.string(w..<terminator))
        guard !token.isEmpty else { return true }
        if token.count == 1, token.first?.isLetter == true { return false }  // initial "J. Dodd", "p. m."
        // "a 3. 0 quake": a number broken by tokenised text, not a sentence ending in a number.
        if token.last?.isNumber == true, units[k].contains(.number) { return false }
        let lower = token.lowercased()
        if Self.neverFinal.contains(lower) { return false }
        if Self.maybeFinal.contains(lower) || Self.holdsPeriodBeforeLast(token) { return startsSentence(text, units: units, at: k) }
        return true
    }

    /// Whether the word at `k` typically opens a sentence: "in the U.S. The talks..." ends;
    /// "U.S. Secretary" and "10 a.m. Monday" do not.
    private func startsSentence<Text: SegmentText>(_ text: Text, units: Text.Units, at k: Int) -> Bool {
        var end = k
        while end < units.count, units[end].contains(.letter) { end += 1 }
        return Self.sentenceStarters.contains(text.string(k..<end))
    }

    /// `token.dropLast().contains(".")` (Foundation's search), on bytes for ASCII tokens: it was
    /// half of the boundary test.
    static func holdsPeriodBeforeLast(_ token: String) -> Bool {
        let utf8 = token.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return token.dropLast().contains(".") }
        return utf8.dropLast().contains(UInt8(ascii: "."))
    }

    private static let tokenQuotes: Set<Unicode.Scalar> = ["\"", "“", "‘", "'", "(", "["]

    /// `trimmingCharacters(in: CharacterSet(charactersIn: "\"“‘'(["))`, scalar by scalar as
    /// Foundation trims, without bridging to NSString.
    static func trimmingTokenQuotes(_ text: String) -> String {
        let quotes = tokenQuotes
        let scalars = text.unicodeScalars
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, quotes.contains(scalars[start]) { start = scalars.index(after: start) }
        while end > start, quotes.contains(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        return start == scalars.startIndex && end == scalars.endIndex ? text : String(scalars[start..<end])
    }

    /// What the rules ask about one Character of the text.
    struct Unit: OptionSet {
        let rawValue: UInt16
        static let terminator = Unit(rawValue: 1 << 0)
        static let closer = Unit(rawValue: 1 << 1)
        static let opener = Unit(rawValue: 1 << 2)
        static let whitespace = Unit(rawValue: 1 << 3)
        static let uppercase = Unit(rawValue: 1 << 4)
        static let number = Unit(rawValue: 1 << 5)
        static let letter = Unit(rawValue: 1 << 6)
        static let period = Unit(rawValue: 1 << 7)
        static let curlyOpen = Unit(rawValue: 1 << 8)
        static let curlyClose = Unit(rawValue: 1 << 9)
        static let straightQuote = Unit(rawValue: 1 << 10)
        /// May come just before a straight quote that opens: "(", "[", dashes.
        static let quoteLead = Unit(rawValue: 1 << 11)
        /// Set by `ScalarText` only: sentence trimming may remove it.
        static let trimmable = Unit(rawValue: 1 << 12)

        init(rawValue: UInt16) { self.rawValue = rawValue }

        // SetAlgebra's generic versions, as plain bit tests: the splitting loops ask these of
        // every unit, and the generic ones were called through protocol witnesses.
        @inline(__always) func contains(_ member: Unit) -> Bool { rawValue & member.rawValue == member.rawValue }
        @inline(__always) func isDisjoint(with other: Unit) -> Bool { rawValue & other.rawValue == 0 }
        @inline(__always) mutating func formUnion(_ other: Unit) { self = Unit(rawValue: rawValue | other.rawValue) }

        init(_ c: Character) {
            var unit: Unit = []
            if SentenceSegmenter.terminators.contains(c) { unit.insert(.terminator) }
            if SentenceSegmenter.closers.contains(c) { unit.insert(.closer) }
            if SentenceSegmenter.openers.contains(c) { unit.insert(.opener) }
            if c.isWhitespace { unit.insert(.whitespace) }
            if c.isUppercase { unit.insert(.uppercase) }
            if c.isNumber { unit.insert(.number) }
            if c.isLetter { unit.insert(.letter) }
            if c == "." { unit.insert(.period) }
            if c == "“" { unit.insert(.curlyOpen) }
            if c == "”" { unit.insert(.curlyClose) }
            if c == "\"" { unit.insert(.straightQuote) }
            if "([—–-".contains(c) { unit.insert(.quoteLead) }
            self = unit
        }
    }

    static let terminators: Set<Character> = [".", "!", "?", "…"]
    static let closers: Set<Character> = ["\"", "”", "’", "'", ")", "]", "»"]
    static let openers: Set<Character> = ["\"", "“", "‘", "'", "(", "[", "«"]

    /// Abbreviations that are (almost) never the last word of a sentence.
    static let neverFinal: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "sen", "sens", "rep", "reps", "gov", "gen", "brig", "col", "lt",
        "maj", "capt", "cmdr", "adm", "sgt", "cpl", "pvt", "rev", "hon", "pres", "supt", "atty", "st", "mt",
        "ft", "no", "nos", "vs", "v", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
        "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun", "fig", "figs",
        "vol", "approx", "dept", "est", "ca", "cf", "ave", "blvd", "rd", "calif", "conn", "fla", "mass",
        "mich", "penn", "tex", "va", "wash", "ariz", "colo", "ill", "ind", "minn", "ore", "wis", "gens",
        "msgr", "dist", "gov't", "insp", "det", "supt", "amb", "sec",
    ]
    /// Abbreviations that may end a sentence: they end one only before a typical sentence opener.
    static let maybeFinal: Set<String> = [
        "inc", "corp", "co", "ltd", "llc", "plc", "jr", "sr", "etc", "bros", "u.s", "u.k", "u.n",
        "e.u", "a.m", "p.m", "d.c", "i.e", "e.g", "ph.d", "n.y", "l.a",
    ]
    /// Characters in the longest word of `neverFinal` and `maybeFinal` (lowercasing never shortens a word).
    static let longestAbbreviation = neverFinal.union(maybeFinal).map(\.count).max() ?? 0

    /// The words of `neverFinal` and `maybeFinal` a short ASCII word of letters and digits can be,
    /// packed as `SegmentUnits.asciiKey` packs it.
    static let neverFinalKeys = Set(neverFinal.compactMap(packedKey))
    static let maybeFinalKeys = Set(maybeFinal.compactMap(packedKey))

    /// A lowercase word of at most eight ASCII letters and digits, packed (first byte lowest); nil for any other.
    static func packedKey(_ word: String) -> UInt64? {
        let utf8 = word.utf8
        guard utf8.count <= 8, utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x7A).contains($0) }) else { return nil }
        return utf8.enumerated().reduce(0) { $0 | UInt64($1.element) << UInt64(8 * $1.offset) }
    }

    static let sentenceStarters: Set<String> = [
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "But", "And", "In", "On", "At", "As",
        "After", "Before", "This", "That", "These", "Those", "Its", "His", "Her", "Their", "Our", "There",
        "When", "While", "If", "For", "So", "Yet", "Still", "However", "Meanwhile", "What", "Why", "How",
        "Who", "Asked", "According", "Earlier", "Later", "Last", "Now", "Then", "Since", "Some", "Many",
    ]
}
