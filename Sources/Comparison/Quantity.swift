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
    /// Content terms of the words around the number, the unit's own term left out ("carri", "day"
    /// for "carries 18,000 vehicles a day"): what tells two counts of one noun apart.
    var context: Set<String> = []
}

/// Reads the quantities of a token list.
enum QuantityReader {
    static func quantities(_ tokens: [Token]) -> [Quantity] {
        let lexicon = Lexicon()
        return quantities(tokens, words: lexicon.ids(tokens), lexicon: lexicon)
    }

    /// `words`: each token's id in `lexicon`, whose facts stand in for the word-table lookups.
    static func quantities(_ tokens: [Token], words: [Int], lexicon: Lexicon) -> [Quantity] {
        Reader(t: tokens, w: words, lexicon: lexicon).quantities()
    }

    /// Words before the number and after it within its clause (up to `contextWords` each side).
    static let contextWords = 4

    private struct Reader {
        let t: [Token]
        let w: [Int]
        let lexicon: Lexicon

        func quantities() -> [Quantity] {
            var out: [Quantity] = []
            var i = 0
            while i < t.count {
                guard let (value, end, isWord) = number(at: i) else { i += 1; continue }
                let printed = t[i..<end].map(\.text).joined(separator: " ")
                // "June 19" is a date; a bare four-digit 1900–2100 is a year.
                if !isWord, i > 0, lexicon.facts[w[i - 1]].isMonth, value >= 1, value <= 31,
                   value == value.rounded() {
                    out.append(Quantity(value: value, kind: .date, printed: "\(t[i - 1].text) \(printed)",
                                        unit: "date", about: "date", isWord: false))
                    i = end; continue
                }
                if !isWord, t[i].text.count == 4, !t[i].text.contains(","), !t[i].text.contains("."),
                   (1900...2100).contains(value) {
                    out.append(Quantity(value: value, kind: .year, printed: printed, unit: nil, about: nil, isWord: false))
                    i = end; continue
                }
                var unit: String?
                var about: String?
                if i > 0, t[i - 1].text == "$" {
                    unit = "dollar"; about = "dollars"
                } else if end < t.count, t[end].text == "%" {
                    unit = "percent"; about = "percent"
                } else {
                    (unit, about) = unitPhrase(from: end)
                }
                out.append(Quantity(value: value, kind: .count, printed: printed, unit: unit, about: about, isWord: isWord,
                                    context: context(number: i..<end, unit: unit)))
                i = end
            }
            return out
        }

        private func context(number: Range<Int>, unit: String?) -> Set<String> {
            var out: Set<String> = []
            var j = number.lowerBound - 1, taken = 0
            while j >= 0, taken < contextWords, t[j].kind != .boundary {
                if t[j].kind == .word, let term = lexicon.facts[w[j]].contentTerm { out.insert(term) }
                j -= 1; taken += 1
            }
            j = number.upperBound; taken = 0
            while j < t.count, taken < contextWords + 1, t[j].kind != .boundary {
                if t[j].kind == .word, let term = lexicon.facts[w[j]].contentTerm { out.insert(term) }
                j += 1; taken += 1
            }
            if let unit { out.remove(unit); out.remove(TextTokens.synonyms[unit] ?? unit) }
            if number.upperBound < t.count, let first = lexicon.facts[w[number.upperBound]].contentTerm { out.remove(first) }
            return out
        }

        /// The number starting at `i`: digits or number words, with "a"/"an" before a scale and scales after.
        private func number(at i: Int) -> (Double, Int, Bool)? {
            var j = i
            var value: Double
            var isWord = false
            if t[i].kind == .number, let v = NumberWords.digits(t[i].text) {
                value = v; j += 1
            } else if t[i].kind == .word, let v = lexicon.facts[w[i]].numberValue {
                value = v; j += 1; isWord = true
                if v >= 20, j < t.count, let u = lexicon.facts[w[j]].numberValue, u < 10 { value += u; j += 1 }
            } else if t[i].kind == .word, t[i].lower == "a" || t[i].lower == "an",
                      i + 1 < t.count, let s = lexicon.facts[w[i + 1]].scale {
                value = s; j += 2; isWord = true
            } else if t[i].kind == .word, let s = lexicon.facts[w[i]].scale {
                value = s; j += 1; isWord = true
            } else {
                return nil
            }
            while j < t.count, let s = lexicon.facts[w[j]].scale { value *= s; j += 1 }
            return (value, j, isWord)
        }

        /// Words after the number up to punctuation or a stop word ("of" allowed inside), at most 5.
        private func unitPhrase(from start: Int) -> (String?, String?) {
            var words: [String] = []
            var j = start
            while j < t.count, words.count < 5, t[j].kind == .word {
                if t[j].lower == "of", !words.isEmpty, j + 1 < t.count, t[j + 1].kind == .word,
                   !lexicon.facts[w[j + 1]].isStopWord {
                    words.append(t[j].text); j += 1; continue
                }
                if lexicon.facts[w[j]].isStopWord || lexicon.facts[w[j]].isMonth { break }
                words.append(t[j].text); j += 1
            }
            guard let first = words.first else { return (nil, nil) }
            let unit = TextTokens.stem(first.lowercased().replacingOccurrences(of: "'s", with: ""))
            return (unit, words.joined(separator: " "))
        }
    }
}
