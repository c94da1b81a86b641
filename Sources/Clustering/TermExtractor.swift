/// Turns text into weighted terms: lowercased, stop words removed, suffix-stemmed; capitalised
/// names and numbers flagged as entities, and adjacent capitalised words joined into phrases.
///
/// Terms are ids into `vocabulary`, which grows as new terms are met: an article's tokens are then
/// counted by integer, and a phrase is made as a string only the first time it is met.
struct TermExtractor: Sendable {
    struct Token: Sendable, Hashable {
        /// Index in `vocabulary`.
        var term: Int32
        var isEntity: Bool
    }

    /// What one word (as written) contributes; memoised, since news prose repeats its words.
    enum Analysis: Sendable {
        case skip
        case number(Int32)
        case word(Int32)
    }

    private var cache: [String: Analysis] = [:]
    /// Every term met so far, by id.
    private(set) var vocabulary: [String] = []
    private var ids: [String: Int32] = [:]
    /// Phrase ids by the ids of their two words.
    private var phrases: [UInt64: Int32] = [:]

    /// Tokens of one text. `detectEntities` is off for Title Case headlines, where every word is capitalised.
    mutating func tokens(_ text: String, detectEntities: Bool = true) -> [Token] {
        var out: [Token] = []
        forEachToken(text, detectEntities: detectEntities) { out.append($0) }
        return out
    }

    /// The terms of `tokens(text)`, as strings.
    mutating func terms(_ text: String) -> [String] {
        tokens(text).map { vocabulary[Int($0.term)] }
    }

    /// `tokens(text)` handed to `body` one by one, without collecting them.
    mutating func forEachToken(_ text: String, detectEntities: Bool = true, _ body: (Token) -> Void) {
        var previousCapitalised: Int32?
        for word in Self.words(text) {
            switch analyse(word.text) {
            case .skip:
                previousCapitalised = nil
            case .number(let term):
                body(Token(term: term, isEntity: true))
                previousCapitalised = nil
            case .word(let stem):
                let capitalised = word.capitalised && detectEntities
                body(Token(term: stem, isEntity: capitalised && !word.sentenceStart))
                if capitalised {
                    if let prev = previousCapitalised { body(Token(term: phrase(prev, stem), isEntity: true)) }
                    previousCapitalised = stem
                } else {
                    previousCapitalised = nil
                }
            }
        }
    }

    private mutating func id(of term: String) -> Int32 {
        if let known = ids[term] { return known }
        let id = Int32(vocabulary.count)
        vocabulary.append(term)
        ids[term] = id
        return id
    }

    /// The id of `first_second`.
    private mutating func phrase(_ first: Int32, _ second: Int32) -> Int32 {
        let key = UInt64(UInt32(bitPattern: first)) << 32 | UInt64(UInt32(bitPattern: second))
        if let known = phrases[key] { return known }
        let made = id(of: vocabulary[Int(first)] + "_" + vocabulary[Int(second)])
        phrases[key] = made
        return made
    }

    private mutating func analyse(_ text: String) -> Analysis {
        if let known = cache[text] { return known }
        let lower = text.lowercased()
        let isNumber = text.unicodeScalars.first.map(Self.isDigit) ?? false
        let result: Analysis
        if Self.stopWords.contains(lower) || (!isNumber && lower.unicodeScalars.count < 2) {
            result = .skip
        } else if isNumber {
            // Single digits are mostly list markers and counts, not identifying numbers.
            result = lower.count >= 2 ? .number(id(of: "#" + lower)) : .skip
        } else {
            result = .word(id(of: Self.stem(lower)))
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
                let upper = initial.isASCII ? initial.value &- 0x41 < 26 : initial.properties.isUppercase
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
            let prevIsDigit = last.map(isDigit) ?? false
            if (s == "," || s == ".") && prevIsDigit && isDigit(next) { continue }
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

    /// ASCII is classified by arithmetic on the scalar value: Unicode property lookups (and
    /// `ClosedRange<Unicode.Scalar>.contains`) dominated tokenising otherwise.
    @inline(__always)
    static func isAlphanumeric(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII { return isASCIILetter(s.value) || isDigit(s) }
        return s.properties.isAlphabetic || s.properties.numericType != nil
    }

    @inline(__always)
    static func isLetter(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII { return isASCIILetter(s.value) }
        return s.properties.isAlphabetic
    }

    /// "0"..."9".
    @inline(__always)
    static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value &- 0x30 < 10 }

    /// "a"..."z" or "A"..."Z", for a value below 0x80.
    @inline(__always)
    private static func isASCIILetter(_ value: UInt32) -> Bool { (value | 0x20) &- 0x61 < 26 }
}
