import Foundation

/// A number read from a sentence with the noun it counts ("12 tons of body armor").
struct Quantity: Sendable, Hashable {
    enum Kind: Sendable, Hashable { case count, year, date }
    var value: Double
    var kind: Kind
    /// The number as printed ("12", "a dozen", "June 19").
    var printed: String
    /// Stem of the first noun after the number ("ton"), "percent", "dollar", "date", or nil.
    var unit: String?
    /// The unit phrase as printed ("tons of body armor"), for `Disagreement.about`.
    var about: String?
    /// True when the number was a word ("twelve", "a dozen"): without a unit these are too vague to compare.
    var isWord: Bool
    /// The number's tokens, counted from the sentence's first: `QuantityReader.context` reads the
    /// words around them on demand, as few quantities are ever compared by context.
    var tokens: Range<Int> = 0..<0
}

/// Reads the quantities of a token list.
enum QuantityReader {
    /// The quantities of `text`, with a lexicon of its own.
    static func quantities(in text: String) -> [Quantity] {
        let lexicon = Lexicon()
        let tokens = lexicon.tokens(text)
        return quantities(tokens, tokens.indices, lexicon: lexicon)
    }

    /// The quantities of `tokens[range]` (one sentence), whose ids are in `lexicon`.
    static func quantities(_ tokens: [LexToken], _ range: Range<Int>, lexicon: Lexicon) -> [Quantity] {
        Reader(t: tokens, lo: range.lowerBound, hi: range.upperBound, lexicon: lexicon).quantities()
    }

    /// Words before the number and after it within its clause (up to `contextWords` each side).
    static let contextWords = 4

    /// Content terms of the words around `quantity`, one of those of `tokens[range]`, the unit's own
    /// term left out ("carri", "day" for "carries 18,000 vehicles a day"): what tells two counts of one noun apart.
    static func context(of quantity: Quantity, _ tokens: [LexToken], _ range: Range<Int>, lexicon: Lexicon) -> Set<String> {
        let number = (range.lowerBound + quantity.tokens.lowerBound)..<(range.lowerBound + quantity.tokens.upperBound)
        return Reader(t: tokens, lo: range.lowerBound, hi: range.upperBound, lexicon: lexicon).context(number: number, unit: quantity.unit)
    }

    /// Token `k` of the sentence is `t[k]` for `lo <= k < hi`.
    private struct Reader {
        let t: [LexToken]
        let lo: Int, hi: Int
        let lexicon: Lexicon
        let infos: [WordInfo]

        init(t: [LexToken], lo: Int, hi: Int, lexicon: Lexicon) {
            self.t = t
            self.lo = lo
            self.hi = hi
            self.lexicon = lexicon
            infos = lexicon.infos
        }

        func facts(_ k: Int) -> WordInfo { infos[Int(t[k].id)] }
        /// Four bytes, none of them "," or ".".
        func isPlainFourDigits(_ k: Int) -> Bool {
            let bytes = lexicon.bytes(Int(t[k].id))
            return bytes.count == 4 && !bytes.contains(0x2C) && !bytes.contains(0x2E)
        }
        func text(_ k: Int) -> String { lexicon.text(Int(t[k].id)) }
        /// Rare (the words around a compared number): worked out again rather than held per word.
        func contentTerm(_ k: Int) -> String? { facts(k).term < 0 ? nil : TextTokens.contentTerm(lexicon.lower(Int(t[k].id))) }

        func quantities() -> [Quantity] {
            var out: [Quantity] = []
            var i = lo
            while i < hi {
                // Most tokens are words that open no number: skip them without reading their facts.
                guard t[i].kind == .number || infos[Int(t[i].id)].opensNumber,
                      let (value, end, isWord) = number(at: i) else { i += 1; continue }
                let printed = (i..<end).map(text).joined(separator: " ")
                // "June 19" is a date; a bare four-digit 1900–2100 is a year.
                if !isWord, i > lo, facts(i - 1).isMonth, value >= 1, value <= 31,
                   value == value.rounded() {
                    out.append(Quantity(value: value, kind: .date, printed: "\(text(i - 1)) \(printed)",
                                        unit: "date", about: "date", isWord: false))
                    i = end; continue
                }
                // A number token is ASCII digits, "," and ".": its bytes say it, without a String.
                if !isWord, (1900...2100).contains(value), isPlainFourDigits(i) {
                    out.append(Quantity(value: value, kind: .year, printed: printed, unit: nil, about: nil, isWord: false))
                    i = end; continue
                }
                var unit: String?
                var about: String?
                if i > lo, t[i - 1].kind == .symbol, text(i - 1) == "$" {
                    unit = "dollar"; about = "dollars"
                } else if end < hi, t[end].kind == .symbol, text(end) == "%" {
                    unit = "percent"; about = "percent"
                } else {
                    (unit, about) = unitPhrase(from: end)
                }
                out.append(Quantity(value: value, kind: .count, printed: printed, unit: unit, about: about, isWord: isWord,
                                    tokens: (i - lo)..<(end - lo)))
                i = end
            }
            return out
        }

        func context(number: Range<Int>, unit: String?) -> Set<String> {
            var out: Set<String> = []
            var j = number.lowerBound - 1, taken = 0
            while j >= lo, taken < contextWords, t[j].kind != .boundary {
                if t[j].kind == .word, let term = contentTerm(j) { out.insert(term) }
                j -= 1; taken += 1
            }
            j = number.upperBound; taken = 0
            while j < hi, taken < contextWords + 1, t[j].kind != .boundary {
                if t[j].kind == .word, let term = contentTerm(j) { out.insert(term) }
                j += 1; taken += 1
            }
            if let unit { out.remove(unit); out.remove(TextTokens.synonyms[unit] ?? unit) }
            if number.upperBound < hi, let first = contentTerm(number.upperBound) { out.remove(first) }
            return out
        }

        /// The number starting at `i`: digits or number words, with "a"/"an" before a scale and scales after.
        private func number(at i: Int) -> (Double, Int, Bool)? {
            var j = i
            var value: Double
            var isWord = false
            if t[i].kind == .number, let v = NumberWords.digits(lexicon.bytes(Int(t[i].id))) {
                value = v; j += 1
            } else if t[i].kind == .word, let v = facts(i).numberValue {
                value = v; j += 1; isWord = true
                if v >= 20, j < hi, let u = facts(j).numberValue, u < 10 { value += u; j += 1 }
            } else if t[i].kind == .word, facts(i).isIndefiniteArticle,
                      i + 1 < hi, let s = facts(i + 1).scale {
                value = s; j += 2; isWord = true
            } else if t[i].kind == .word, let s = facts(i).scale {
                value = s; j += 1; isWord = true
            } else {
                return nil
            }
            while j < hi, let s = facts(j).scale { value *= s; j += 1 }
            return (value, j, isWord)
        }

        /// Words after the number up to punctuation or a stop word ("of" allowed inside), at most 5.
        private func unitPhrase(from start: Int) -> (String?, String?) {
            var words: [String] = []
            var j = start
            while j < hi, words.count < 5, t[j].kind == .word {
                if facts(j).isOf, !words.isEmpty, j + 1 < hi, t[j + 1].kind == .word,
                   !facts(j + 1).isStopWord {
                    words.append(text(j)); j += 1; continue
                }
                if facts(j).isStopWord || facts(j).isMonth { break }
                words.append(text(j)); j += 1
            }
            guard !words.isEmpty else { return (nil, nil) }
            // Only a word with an apostrophe can hold "'s".
            let first = lexicon.lower(Int(t[start].id))
            let unit = TextTokens.stem(first.utf8.contains(0x27) ? first.replacingOccurrences(of: "'s", with: "") : first)
            return (unit, words.joined(separator: " "))
        }
    }
}
