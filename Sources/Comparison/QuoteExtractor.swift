import BriefingCore
import Foundation

/// A quotation found in one article, with its speaker when the text names one.
struct ExtractedQuote: Sendable, Hashable {
    var text: String
    var speaker: String?
    var outlet: Outlet
    /// Position in the story (canonical article order, then text order), for tie-breaking.
    var order: Int
}

/// Finds quoted speech (`"…"` and `“…”`, possibly over several sentences of one paragraph)
/// and its speaker from the words around it: `“…,” Blinken said`, `“…,” he told reporters`,
/// `Blinken said: “…”`, `“…,” said Liu Pengyu`, `spokesperson Liu Pengyu said`.
enum QuoteExtractor {
    /// Shorter quotations are scare quotes ("vigilant in policing"), not speech.
    static let minimumWords = 4

    static let speechVerbs: Set<String> = [
        "said", "says", "told", "added", "stated", "noted", "argued", "explained", "wrote", "continued",
        "declared", "insisted", "warned", "asked", "replied", "according", "say", "tells", "adds",
    ]
    static let pronouns: Set<String> = ["he", "she"]
    /// Capitalised words that are titles, not names ("Secretary of State Antony Blinken").
    static let titles: Set<String> = [
        "secretary", "state", "president", "minister", "foreign", "gen", "brig", "general", "spokesperson",
        "spokesman", "spokeswoman", "press", "senator", "sen", "rep", "dr", "mr", "ms", "mrs", "chief",
        "director", "prime", "vice", "lt", "col", "maj", "capt", "sgt", "adm", "ambassador", "governor", "gov", "mayor", "coordinator", "official",
        "the", "u.s", "us", "national", "security", "council", "pentagon", "defense", "white", "house",
    ]

    static func quotes(in article: Article, outlet: Outlet, orderBase: Int) -> [ExtractedQuote] {
        var out: [ExtractedQuote] = []
        var lastNamed: String?
        for paragraph in quotedParagraphs(article) {
            for span in spans(paragraph) {
                let text = String(paragraph[span.inner]).trimmingSpaces()
                guard hasWords(text, atLeast: minimumWords) else { continue }
                let after = String(paragraph[span.outer.upperBound...])
                var speaker: String?
                var viaPronoun = false
                if let s = speakerAfter(after) ?? speakerBefore(String(paragraph[..<span.outer.lowerBound])) {
                    if pronouns.contains(s.lowercased()) { speaker = lastNamed; viaPronoun = true } else { speaker = s }
                }
                if let s = speaker, !viaPronoun { lastNamed = s }
                out.append(ExtractedQuote(text: clean(text), speaker: speaker, outlet: outlet,
                                          order: orderBase + out.count))
            }
        }
        return out
    }

    /// Sentences joined back into their paragraphs, so a quote may run over several sentences.
    /// Paragraphs without a quote mark in any sentence are left out rather than joined for nothing.
    static func quotedParagraphs(_ article: Article) -> [String] {
        var out: [String] = []
        let sentences = article.sentences
        var start = 0
        while start < sentences.count {
            var end = start + 1
            while end < sentences.count, sentences[end].paragraph == sentences[start].paragraph { end += 1 }
            let paragraph = sentences[start..<end]
            if paragraph.contains(where: { mayQuote($0.text) }) { out.append(paragraph.map(\.text).joined(separator: " ")) }
            start = end
        }
        return out
    }

    struct Span { var outer: Range<String.Index>; var inner: Range<String.Index> }

    /// Quoted spans: `“` to `”`, or a straight `"` to the next `"`; an unclosed quote runs to the end.
    static func spans(_ text: String) -> [Span] {
        let utf8 = text.utf8
        func index(_ k: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: k) }
        return byteSpans(text).map { span in
            Span(outer: index(span.outer.lowerBound)..<index(span.outer.upperBound),
                 inner: index(span.inner.lowerBound)..<index(span.inner.upperBound))
        }
    }

    /// `spans` as UTF-8 byte offsets. Walks bytes: the quote marks are ASCII `"` or E2 80 9C/9D,
    /// and this runs on every sentence and paragraph.
    static func byteSpans(_ text: String) -> [(outer: Range<Int>, inner: Range<Int>)] {
        guard mayQuote(text) else { return [] }
        var text = text
        return text.withUTF8 { bytes in
            /// The length of the quote mark at `k` (an opening one when `opening`), else 0.
            func mark(_ k: Int, opening: Bool) -> Int {
                if bytes[k] == 0x22 { return 1 }
                if bytes[k] == 0xE2, k + 2 < bytes.count, bytes[k + 1] == 0x80,
                   bytes[k + 2] == (opening ? 0x9C : 0x9D) { return 3 }
                return 0
            }
            var out: [(outer: Range<Int>, inner: Range<Int>)] = []
            var i = 0
            while i < bytes.count {
                let open = mark(i, opening: true)
                guard open > 0 else { i += 1; continue }
                let start = i + open
                var j = start
                while j < bytes.count, mark(j, opening: false) == 0 { j += 1 }
                if j < bytes.count {
                    let close = mark(j, opening: false)
                    out.append((i..<(j + close), start..<j))
                    i = j + close
                } else {
                    out.append((i..<j, start..<j))
                    i = j
                }
            }
            return out
        }
    }

    /// True when `text` holds a `"`, `“` or `”` (a byte scan, far cheaper than walking characters).
    static func mayQuote(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            let n = bytes.count
            /// `"` at `k`, or `“`/`”` (E2 80 9C/9D) starting there.
            func quoteMark(_ k: Int) -> Bool {
                bytes[k] == 0x22 || (bytes[k] == 0xE2 && k + 2 < n && bytes[k + 1] == 0x80
                    && (bytes[k + 2] == 0x9C || bytes[k + 2] == 0x9D))
            }
            var i = 0
            // Eight bytes at a time: most runs hold neither `"` nor E2, the lead byte of curly quotes.
            if let base = UnsafeRawPointer(bytes.baseAddress) {
                while i + 8 <= n {
                    let chunk = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    if hasByte(chunk, 0x22) || hasByte(chunk, 0xE2) {
                        for k in i..<(i + 8) where quoteMark(k) { return true }
                    }
                    i += 8
                }
            }
            while i < n { if quoteMark(i) { return true }; i += 1 }
            return false
        }
    }

    /// Whether one of the eight bytes of `chunk` is `byte` (the classic zero-byte test on `chunk ^ byte…`).
    @inline(__always)
    static func hasByte(_ chunk: UInt64, _ byte: UInt8) -> Bool {
        let x = chunk ^ (0x0101_0101_0101_0101 &* UInt64(byte))
        return (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080 != 0
    }

    /// True when `text` has `n` or more whitespace-separated words; stops counting at `n`.
    static func hasWords(_ text: String, atLeast n: Int) -> Bool {
        var count = 0, inWord = false
        for c in text {
            if c.isWhitespace { inWord = false; continue }
            if !inWord { inWord = true; count += 1; if count >= n { return true } }
        }
        return count >= n
    }

    /// Whitespace-separated words without the punctuation at their edges.
    static func words(_ s: String) -> [String] {
        TextTokens.whitespaceSplit(s).compactMap { word in
            // Trimmed by scalar, as Foundation's `trimmingCharacters` does, without bridging each word.
            let scalars = word.unicodeScalars
            guard let first = scalars.firstIndex(where: { !isWordEdge($0) }),
                  let last = scalars.lastIndex(where: { !isWordEdge($0) }) else { return nil }
            return String(scalars[first...last])
        }
    }

    /// `,.;:!?()[]—–"“”'‘’`: a switch, as hashing each scalar into a Set showed in profiles.
    static func isWordEdge(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case ",", ".", ";", ":", "!", "?", "(", ")", "[", "]", "\"", "'",
             "\u{2014}", "\u{2013}", "\u{201C}", "\u{201D}", "\u{2018}", "\u{2019}": return true
        default: return false
        }
    }

    /// `, Blinken said` / `, he told reporters` / `, said Liu Pengyu` — up to the next quote or sentence end.
    static func speakerAfter(_ after: String) -> String? {
        let w = Array(words(String(after[..<attributionEnd(after)])).prefix(10))
        guard let v = w.firstIndex(where: { speechVerbs.contains($0.lowercased()) }), v <= 7 else { return nil }
        if v == 0 {
            let rest = w.dropFirst().drop { $0.lowercased() == "to" }
            return name(Array(rest))
        }
        return subject(Array(w[..<v]))
    }

    /// The next quote or the end of the sentence, passing over "Brig. Gen." and the like.
    static func attributionEnd(_ text: String) -> String.Index {
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            if c == "“" || c == "\"" { return i }
            if c == "." {
                let word = text[..<i].split(whereSeparator: { $0 == " " }).last.map(String.init) ?? ""
                if !abbreviations.contains(word.lowercased()) { return i }
            }
            i = text.index(after: i)
        }
        return i
    }

    static let abbreviations: Set<String> = [
        "brig", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "sen", "rep", "gov", "dr", "mr", "ms", "mrs",
        "st", "jr", "u.s", "u.k", "u.n",
    ]

    /// `Blinken said: “…”` / `Blinken told reporters, “…”`.
    static func speakerBefore(_ before: String) -> String? {
        let trimmed = before.trimmingSpaces()
        guard trimmed.hasSuffix(":") || trimmed.hasSuffix(",") else { return nil }
        let lastSentence = trimmed.components(separatedBy: ". ").last ?? trimmed
        let w = words(lastSentence)
        guard let v = w.lastIndex(where: { speechVerbs.contains($0.lowercased()) }), v >= w.count - 3, v > 0
        else { return nil }
        return subject(Array(w[..<v]))
    }

    /// A pronoun as is (resolved by the caller), else the trailing run of capitalised name words.
    static func subject(_ w: [String]) -> String? {
        if w.count == 1, pronouns.contains(w[0].lowercased()) { return w[0].lowercased() }
        var run: [String] = []
        for word in w.reversed() {
            guard isCapitalised(word) else { break }
            run.insert(word, at: 0)
        }
        return name(run)
    }

    /// The capitalised words after the last title word ("Transport Minister Ada Okafor" → "Ada Okafor").
    static func name(_ words: [String]) -> String? {
        let run = Array(words.prefix { isCapitalised($0) || titles.contains(plain($0)) })
        let afterTitle = run.lastIndex { titles.contains(plain($0)) }.map { run.index(after: $0) } ?? 0
        let kept = run[afterTitle...].map { $0.hasSuffix("'s") || $0.hasSuffix("’s") ? String($0.dropLast(2)) : $0 }
        return kept.isEmpty ? nil : kept.joined(separator: " ")
    }

    static func plain(_ w: String) -> String {
        let lower = w.lowercased()
        // Most words hold no full stop: skip Foundation's search for them.
        return lower.utf8.contains(0x2E) ? lower.replacingOccurrences(of: ".", with: "") : lower
    }

    static func isCapitalised(_ w: String) -> Bool { w.first?.isUppercase ?? false }

    /// Collapsed whitespace, without the trailing comma that attribution leaves ("…Ukraine,").
    static func clean(_ text: String) -> String {
        var t = TextTokens.whitespaceSplit(text).joined(separator: " ")
        while let last = t.last, last == "," || last == " " { t.removeLast() }
        return t
    }
}
