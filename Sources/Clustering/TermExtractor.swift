/// Turns text into weighted terms: lowercased, stop words removed, suffix-stemmed; capitalised
/// names and numbers flagged as entities, and adjacent capitalised words joined into phrases.
struct TermExtractor: Sendable {
    struct Token: Sendable, Hashable {
        var term: String
        var isEntity: Bool
    }

    /// Tokens of one text. `detectEntities` is off for Title Case headlines, where every word is capitalised.
    func tokens(_ text: String, detectEntities: Bool = true) -> [Token] {
        var out: [Token] = []
        var previousCapitalised: String?
        for word in Self.words(text) {
            let lower = word.text.lowercased()
            let isNumber = word.text.unicodeScalars.first.map { ("0"..."9").contains($0) } ?? false
            if Self.stopWords.contains(lower) || (!isNumber && lower.unicodeScalars.count < 2) {
                previousCapitalised = nil
                continue
            }
            if isNumber {
                // Single digits are mostly list markers and counts, not identifying numbers.
                if lower.count >= 2 { out.append(Token(term: "#" + lower, isEntity: true)) }
                previousCapitalised = nil
                continue
            }
            let stem = Self.stem(lower)
            let capitalised = word.capitalised && detectEntities
            out.append(Token(term: stem, isEntity: capitalised && !word.sentenceStart))
            if capitalised {
                if let prev = previousCapitalised { out.append(Token(term: prev + "_" + stem, isEntity: true)) }
                previousCapitalised = stem
            } else {
                previousCapitalised = nil
            }
        }
        return out
    }

    /// True when most words of a headline start with a capital letter (Title Case).
    static func isTitleCase(_ text: String) -> Bool {
        let words = Self.words(text).filter { !stopWords.contains($0.text.lowercased()) }
        guard words.count >= 3 else { return false }
        return Double(words.filter(\.capitalised).count) >= 0.7 * Double(words.count)
    }

    struct Word {
        var text: String
        var capitalised: Bool
        var sentenceStart: Bool
    }

    /// Splits on anything but letters and digits; keeps "750,000" and "3.5" whole and drops possessive "'s".
    static func words(_ text: String) -> [Word] {
        var out: [Word] = []
        let scalars = Array(text.unicodeScalars)
        var current = String.UnicodeScalarView()
        var sentenceStart = true
        var startsSentence = true
        func flush() {
            guard let first = current.first else { return }
            var text = String(current)
            if text.hasSuffix("'s") || text.hasSuffix("’s") { text.removeLast(2) }
            text = text.filter { $0 != "'" && $0 != "’" }
            if !text.isEmpty {
                out.append(Word(text: text, capitalised: first.properties.isUppercase, sentenceStart: startsSentence))
            }
            current = String.UnicodeScalarView()
        }
        for (i, s) in scalars.enumerated() {
            let isAlnum = s.properties.isAlphabetic || s.properties.numericType != nil
            if isAlnum {
                if current.isEmpty { startsSentence = sentenceStart }
                current.append(s)
                sentenceStart = false
                continue
            }
            let next = i + 1 < scalars.count ? scalars[i + 1] : " "
            let prevIsDigit = current.last.map { ("0"..."9").contains($0) } ?? false
            if (s == "," || s == ".") && prevIsDigit && ("0"..."9").contains(next) { continue }
            if (s == "'" || s == "’") && !current.isEmpty && next.properties.isAlphabetic {
                current.append(s)
                continue
            }
            flush()
            if s == "." || s == "!" || s == "?" || s == "\n" || s == ":" || s == "“" || s == "\"" { sentenceStart = true }
        }
        flush()
        return out
    }
}
