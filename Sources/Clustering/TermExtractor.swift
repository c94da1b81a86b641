/// Turns text into weighted terms: lowercased, stop words removed, suffix-stemmed; capitalised
/// names and numbers flagged as entities, and adjacent capitalised words joined into phrases.
struct TermExtractor: Sendable {
    struct Token: Sendable, Hashable {
        var term: String
        var isEntity: Bool
    }

    /// What one word (as written) contributes; memoised, since news prose repeats its words.
    enum Analysis: Sendable {
        case skip
        case number(String)
        case word(String)
    }

    private var cache: [String: Analysis] = [:]

    /// Tokens of one text. `detectEntities` is off for Title Case headlines, where every word is capitalised.
    mutating func tokens(_ text: String, detectEntities: Bool = true) -> [Token] {
        var out: [Token] = []
        var previousCapitalised: String?
        for word in Self.words(text) {
            switch analyse(word.text) {
            case .skip:
                previousCapitalised = nil
            case .number(let term):
                out.append(Token(term: term, isEntity: true))
                previousCapitalised = nil
            case .word(let stem):
                let capitalised = word.capitalised && detectEntities
                out.append(Token(term: stem, isEntity: capitalised && !word.sentenceStart))
                if capitalised {
                    if let prev = previousCapitalised { out.append(Token(term: prev + "_" + stem, isEntity: true)) }
                    previousCapitalised = stem
                } else {
                    previousCapitalised = nil
                }
            }
        }
        return out
    }

    private mutating func analyse(_ text: String) -> Analysis {
        if let known = cache[text] { return known }
        let lower = text.lowercased()
        let isNumber = text.unicodeScalars.first.map { ("0"..."9").contains($0) } ?? false
        let result: Analysis
        if Self.stopWords.contains(lower) || (!isNumber && lower.unicodeScalars.count < 2) {
            result = .skip
        } else if isNumber {
            // Single digits are mostly list markers and counts, not identifying numbers.
            result = lower.count >= 2 ? .number("#" + lower) : .skip
        } else {
            result = .word(Self.stem(lower))
        }
        cache[text] = result
        return result
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
    /// The word being read is kept as UTF-8 bytes: most words then become small strings without
    /// allocating, where building each from Unicode scalars dominated tokenising.
    static func words(_ text: String) -> [Word] {
        var out: [Word] = []
        var current: [UInt8] = []
        current.reserveCapacity(32)
        var first: Unicode.Scalar?
        var last: Unicode.Scalar?
        var sentenceStart = true
        var startsSentence = true
        var hasApostrophe = false
        func append(_ s: Unicode.Scalar) {
            if s.isASCII { current.append(UInt8(truncatingIfNeeded: s.value)) } else { UTF8.encode(s) { current.append($0) } }
            if first == nil { first = s }
            last = s
        }
        func flush() {
            guard let initial = first else { return }
            var text = String(decoding: current, as: UTF8.self)
            if hasApostrophe {
                if text.hasSuffix("'s") || text.hasSuffix("’s") { text.removeLast(2) }
                text = text.filter { $0 != "'" && $0 != "’" }
            }
            if !text.isEmpty {
                let upper = initial.isASCII ? ("A"..."Z").contains(initial) : initial.properties.isUppercase
                out.append(Word(text: text, capitalised: upper, sentenceStart: startsSentence))
            }
            current.removeAll(keepingCapacity: true)
            first = nil
            last = nil
            hasApostrophe = false
        }
        var scalars = text.unicodeScalars.makeIterator()
        var upcoming = scalars.next()
        while let s = upcoming {
            upcoming = scalars.next()
            if Self.isAlphanumeric(s) {
                if first == nil { startsSentence = sentenceStart }
                append(s)
                sentenceStart = false
                continue
            }
            let next = upcoming ?? " "
            let prevIsDigit = last.map { ("0"..."9").contains($0) } ?? false
            if (s == "," || s == ".") && prevIsDigit && ("0"..."9").contains(next) { continue }
            if (s == "'" || s == "’") && first != nil && Self.isLetter(next) {
                append(s)
                hasApostrophe = true
                continue
            }
            flush()
            if s == "." || s == "!" || s == "?" || s == "\n" || s == ":" || s == "“" || s == "\"" { sentenceStart = true }
        }
        flush()
        return out
    }

    /// ASCII is classified by range: Unicode property lookups dominate tokenising otherwise.
    static func isAlphanumeric(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII { return ("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s) }
        return s.properties.isAlphabetic || s.properties.numericType != nil
    }

    static func isLetter(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII { return ("a"..."z").contains(s) || ("A"..."Z").contains(s) }
        return s.properties.isAlphabetic
    }
}
