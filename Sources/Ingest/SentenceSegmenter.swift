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
        var sentences: [Sentence] = []
        for (index, paragraph) in paragraphs.enumerated() {
            // Join the lines, remembering where each one starts to give sentences a line number.
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

    /// Character ranges of the sentences in `chars`.
    func split(_ chars: [Character]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        var i = 0
        let quoted = Self.insideClosedQuotes(chars)
        while i < chars.count {
            guard Self.terminators.contains(chars[i]) else { i += 1; continue }
            var end = i + 1
            while end < chars.count, Self.terminators.contains(chars[end]) { end += 1 }
            while end < chars.count, Self.closers.contains(chars[end]) { end += 1 }
            guard end < chars.count else { break }
            guard chars[end].isWhitespace else { i = end; continue }  // 3.5, U.S.-led, "x.y"
            // A quotation of several sentences is one sentence with its attribution, not fragments.
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

    /// Marks the characters inside a quotation that closes within `chars`: `“…”`, or a straight
    /// `"` opening after a space to the next `"`. An unclosed quotation marks nothing.
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

    private func isBoundary(_ chars: [Character], terminator: Int, afterCloser: Int, next: Int) -> Bool {
        // The next sentence must open with a capital, a digit or an opening quote before one.
        var k = next
        while k < chars.count, Self.openers.contains(chars[k]) { k += 1 }
        guard k < chars.count, chars[k].isUppercase || chars[k].isNumber else { return false }
        // Only a lone period after a word can be an abbreviation; "?", "!", "..." and "." + quote end.
        let closedQuote = afterCloser > terminator + 1
        guard chars[terminator] == ".", !closedQuote, terminator > 0 else { return true }
        var w = terminator
        while w > 0, !chars[w - 1].isWhitespace { w -= 1 }
        let token = String(chars[w..<terminator]).trimmingCharacters(in: CharacterSet(charactersIn: "\"“‘'(["))
        guard !token.isEmpty else { return true }
        if token.count == 1, token.first?.isLetter == true { return false }  // initial "J. Dodd", "p. m."
        // "a 3. 0 quake": a number broken by tokenised text, not a sentence ending in a number.
        if token.last?.isNumber == true, chars[k].isNumber { return false }
        let lower = token.lowercased()
        if Self.neverFinal.contains(lower) { return false }
        if Self.maybeFinal.contains(lower) || token.dropLast().contains(".") {
            // "in the U.S. The talks..." ends; "U.S. Secretary" and "10 a.m. Monday" do not.
            var end = k
            while end < chars.count, chars[end].isLetter { end += 1 }
            return Self.sentenceStarters.contains(String(chars[k..<end]))
        }
        return true
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
    static let sentenceStarters: Set<String> = [
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "But", "And", "In", "On", "At", "As",
        "After", "Before", "This", "That", "These", "Those", "Its", "His", "Her", "Their", "Our", "There",
        "When", "While", "If", "For", "So", "Yet", "Still", "However", "Meanwhile", "What", "Why", "How",
        "Who", "Asked", "According", "Earlier", "Later", "Last", "Now", "Then", "Since", "Some", "Many",
    ]
}
