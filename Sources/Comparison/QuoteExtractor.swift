import BriefingCore
import Foundation

/// A quotation found in one article, with its speaker when the text names one.
struct ExtractedQuote: Sendable, Hashable {
    var text: String
    var speaker: String?
    var outlet: Outlet
    /// Position in the story (canonical article order, then text order), for tie-breaking.
    var order: Int
    /// Where it was found: the article's sentences joined into its paragraph, and its UTF-8
    /// offsets there (inside the quote marks). Its words are those sentences' tokens in that span.
    var sentences: Range<Int> = 0..<0
    var bytes: Range<Int> = 0..<0
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

    /// `texts`: the article's sentence texts, when the caller has them made already; `quoted`: their `mayQuote`, likewise.
    static func quotes(in article: Article, outlet: Outlet, orderBase: Int, texts: ArraySlice<String>? = nil,
                       quoted: ArraySlice<Bool>? = nil) -> [ExtractedQuote] {
        var out: [ExtractedQuote] = []
        var lastNamed: String?
        for (paragraph, sentences) in quotedParagraphs(article, texts: texts ?? article.sentences.map(\.text)[...], quoted: quoted) {
            for span in spans(paragraph) {
                let text = String(paragraph[span.inner]).trimmingSpaces()
                guard hasWords(text, atLeast: minimumWords) else { continue }
                var speaker: String?
                var viaPronoun = false
                if let s = speakerAfter(paragraph[span.outer.upperBound...]) ?? speakerBefore(paragraph[..<span.outer.lowerBound]) {
                    if pronouns.contains(s.lowercased()) { speaker = lastNamed; viaPronoun = true } else { speaker = s }
                }
                if let s = speaker, !viaPronoun { lastNamed = s }
                out.append(ExtractedQuote(text: clean(text), speaker: speaker, outlet: outlet,
                                          order: orderBase + out.count, sentences: sentences, bytes: span.innerBytes))
            }
        }
        return out
    }

    /// Sentences joined back into their paragraphs, so a quote may run over several sentences.
    /// Paragraphs without a quote mark in any sentence are left out rather than joined for nothing.
    /// `texts`: the text of each sentence; `quoted`: whether each holds a quote mark, when known.
    /// Each with the indices of its sentences in the article.
    static func quotedParagraphs(_ article: Article, texts: ArraySlice<String>, quoted: ArraySlice<Bool>? = nil)
        -> [(text: String, sentences: Range<Int>)] {
        var out: [(text: String, sentences: Range<Int>)] = []
        let sentences = article.sentences
        var start = 0
        while start < sentences.count {
            var end = start + 1
            while end < sentences.count, sentences[end].paragraph == sentences[start].paragraph { end += 1 }
            let paragraph = texts[(texts.startIndex + start)..<(texts.startIndex + end)]
            let hasQuote = quoted.map { $0[($0.startIndex + start)..<($0.startIndex + end)].contains(true) }
                ?? paragraph.contains(where: mayQuote)
            if hasQuote { out.append((paragraph.joined(separator: " "), start..<end)) }
            start = end
        }
        return out
    }

    /// `innerBytes`: `inner` as UTF-8 offsets.
    struct Span { var outer: Range<String.Index>; var inner: Range<String.Index>; var innerBytes: Range<Int> }

    /// Quoted spans: `“` to `”`, or a straight `"` to the next `"`; an unclosed quote runs to the end.
    static func spans(_ text: String) -> [Span] {
        let utf8 = text.utf8
        func index(_ k: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: k) }
        return byteSpans(text).map { span in
            Span(outer: index(span.outer.lowerBound)..<index(span.outer.upperBound),
                 inner: index(span.inner.lowerBound)..<index(span.inner.upperBound), innerBytes: span.inner)
        }
    }

    /// Whitespace-separated words without the punctuation at their edges; the first `limit` of them.
    /// Split and trimmed by bytes (the edge marks are ASCII or E2 80 xx): a Substring per word and
    /// trimming by scalar views showed in profiles.
    static func words(_ s: String, limit: Int = .max) -> [String] {
        let ranges = TextTokens.whitespaceSplitRanges(s)
        var copy = s
        return copy.withUTF8 { bytes in
            var out: [String] = []
            out.reserveCapacity(min(ranges.count, limit))
            for range in ranges {
                guard out.count < limit else { break }
                var lo = range.lowerBound, hi = range.upperBound
                while lo < hi, let n = edgeLength(bytes, startingAt: lo, before: hi) { lo += n }
                while lo < hi, let n = edgeLength(bytes, endingAt: hi, after: lo) { hi -= n }
                guard lo < hi else { continue }
                out.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[lo..<hi]), as: UTF8.self))
            }
            return out
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
    static func speakerAfter(_ after: Substring) -> String? {
        let w = words(String(after[..<attributionEnd(after)]), limit: 10)
        guard let v = w.firstIndex(where: { speechVerbs.contains($0.lowercased()) }), v <= 7 else { return nil }
        if v == 0 {
            let rest = w.dropFirst().drop { $0.lowercased() == "to" }
            return name(Array(rest))
        }
        return subject(Array(w[..<v]))
    }

    /// The next quote or the end of the sentence, passing over "Brig. Gen." and the like.
    /// By bytes while each scalar is a Character of its own, as walking Characters is slow.
    static func attributionEnd(_ text: Substring) -> String.Index {
        let utf8 = text.utf8
        let fast: Int? = utf8.withContiguousStorageIfAvailable { bytes in
            var i = 0
            // At a stop, the scalar after it must stand alone too, or the stop is not a Character of its own.
            func stop(_ k: Int) -> Int? { k + 1 >= bytes.count || TextTokens.standsAlone(UTF8Scalar.at(k + 1, in: bytes).scalar) ? k : nil }
            while i < bytes.count {
                let b = bytes[i]
                if b >= 0x80 {
                    let (c, length) = UTF8Scalar.at(i, in: bytes)
                    guard TextTokens.standsAlone(c) else { return nil }
                    if c == "\u{201C}" { return i + length >= bytes.count || TextTokens.standsAlone(UTF8Scalar.at(i + length, in: bytes).scalar) ? i : nil }
                    i += length
                    continue
                }
                if b == 0x22 { return stop(i) }
                if b == 0x2E {
                    // The last space-separated word before the full stop.
                    var end = i
                    while end > 0, bytes[end - 1] == 0x20 { end -= 1 }
                    var start = end
                    while start > 0, bytes[start - 1] != 0x20 { start -= 1 }
                    let word = UnsafeBufferPointer(rebasing: bytes[start..<end])
                    let isAbbreviation = word.allSatisfy { $0 < 0x80 }
                        ? abbreviations.contains(String(decoding: word.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self))
                        : abbreviations.contains(String(decoding: word, as: UTF8.self).lowercased())
                    if !isAbbreviation { return stop(i) }
                }
                i += 1
            }
            return i
        } ?? nil
        if let fast { return utf8.index(utf8.startIndex, offsetBy: fast) }
        // The Characters of a copy, as they were before this took a Substring.
        let copy = String(text)
        let end = attributionEndByCharacter(copy)
        return utf8.index(utf8.startIndex, offsetBy: copy.utf8.distance(from: copy.startIndex, to: end))
    }

    /// `attributionEnd` by Characters, for text where some Characters are several scalars.
    static func attributionEndByCharacter(_ text: String) -> String.Index {
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
    static func speakerBefore(_ before: Substring) -> String? {
        guard !endsWithoutColonOrComma(before) else { return nil }
        // ':' or ',' is last but for spaces and tabs: those trimmed by bytes, not by Foundation over
        // the whole paragraph before the quote. Spaces at the start split away with the words.
        let scalars = before.unicodeScalars
        guard let end = scalars.lastIndex(where: { $0 != " " && $0 != "\t" }) else { return nil }
        let trimmed = Substring(scalars[...end])
        guard trimmed.hasSuffix(":") || trimmed.hasSuffix(",") else { return nil }
        let lastSentence = trimmed.components(separatedBy: ". ").last ?? String(trimmed)
        let w = words(lastSentence)
        guard let v = w.lastIndex(where: { speechVerbs.contains($0.lowercased()) }), v >= w.count - 3, v > 0
        else { return nil }
        return subject(Array(w[..<v]))
    }

    /// True when `text` trimmed of spaces surely does not end in ":" or ",": most text before a quote,
    /// told without trimming a copy of it. An ASCII byte last but for spaces and tabs ends the last Character.
    static func endsWithoutColonOrComma(_ text: Substring) -> Bool {
        guard let last = text.utf8.last(where: { $0 != 0x20 && $0 != 0x09 }) else { return false }
        return last < 0x80 && last != 0x3A && last != 0x2C
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
        // Each word asked once whether it is a title: lowercasing and hashing it showed in profiles.
        var runEnd = 0, afterTitle = 0
        while runEnd < words.count {
            let isTitle = titles.contains(plain(words[runEnd]))
            guard isTitle || isCapitalised(words[runEnd]) else { break }
            runEnd += 1
            if isTitle { afterTitle = runEnd }
        }
        let kept = words[afterTitle..<runEnd].map(withoutPossessive)
        return kept.isEmpty ? nil : kept.joined(separator: " ")
    }

    /// `w` without a trailing `'s` or `’s`. An ASCII word's bytes are its Characters (it holds no
    /// CR LF): told by bytes, where `hasSuffix` compared Characters.
    static func withoutPossessive(_ w: String) -> String {
        let utf8 = w.utf8
        if utf8.allSatisfy({ $0 < 0x80 }) {
            return utf8.count >= 2 && utf8.last == 0x73 && utf8[utf8.index(utf8.endIndex, offsetBy: -2)] == 0x27
                ? String(w.dropLast(2)) : w
        }
        return w.hasSuffix("'s") || w.hasSuffix("’s") ? String(w.dropLast(2)) : w
    }

    static func plain(_ w: String) -> String {
        let lower = w.lowercased()
        // Most words hold no full stop: skip Foundation's search for them.
        return lower.utf8.contains(0x2E) ? lower.replacingOccurrences(of: ".", with: "") : lower
    }

    static func isCapitalised(_ w: String) -> Bool {
        // An ASCII byte followed by another (or by none) is a Character of its own: no grapheme breaking.
        let utf8 = w.utf8
        if let first = utf8.first, first < 0x80, utf8.count == 1 || utf8[utf8.index(after: utf8.startIndex)] < 0x80 {
            return first >= 0x41 && first <= 0x5A
        }
        return w.first?.isUppercase ?? false
    }

    /// Collapsed whitespace, without the trailing comma that attribution leaves ("…Ukraine,").
    static func clean(_ text: String) -> String {
        var t = TextTokens.isSingleSpaced(text) ? text : TextTokens.whitespaceSplit(text).joined(separator: " ")
        // By bytes while an ASCII byte comes before the mark (then the mark is a Character of its
        // own): removing Characters one by one showed in profiles.
        let utf8 = t.utf8
        var end = utf8.endIndex
        while end > utf8.startIndex {
            let before = utf8.index(before: end)
            guard utf8[before] == 0x2C || utf8[before] == 0x20 else { break }
            guard before == utf8.startIndex || utf8[utf8.index(before: before)] < 0x80 else { break }
            end = before
        }
        if end < utf8.endIndex { t = String(t[..<end]) }
        while let last = t.last, last == "," || last == " " { t.removeLast() }
        return t
    }
}
