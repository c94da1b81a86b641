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
    private var shortWords = ShortWordTable()
    /// Every term met so far, by id.
    private(set) var vocabulary: [String] = []
    private var ids: [String: Int32] = [:]
    /// Phrase ids by the ids of their two words.
    private var phrases = PhraseTable()

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
        Self.forEachWord(text) { word, capitalised, sentenceStart in
            switch analyse(word) {
            case .skip:
                previousCapitalised = nil
            case .number(let term):
                body(Token(term: term, isEntity: true))
                previousCapitalised = nil
            case .word(let stem):
                let capitalised = capitalised && detectEntities
                body(Token(term: stem, isEntity: capitalised && !sentenceStart))
                if capitalised {
                    if let prev = previousCapitalised { body(Token(term: phrase(prev, stem), isEntity: true)) }
                    previousCapitalised = stem
                } else {
                    previousCapitalised = nil
                }
            }
        }
    }

    /// The id of `term`, added to the vocabulary when new.
    mutating func id(of term: String) -> Int32 {
        if let known = ids[term] { return known }
        let id = Int32(vocabulary.count)
        vocabulary.append(term)
        ids[term] = id
        return id
    }

    /// The id of `first_second`.
    private mutating func phrase(_ first: Int32, _ second: Int32) -> Int32 {
        let key = UInt64(UInt32(bitPattern: first)) << 32 | UInt64(UInt32(bitPattern: second))
        if let known = phrases.find(key) { return known }
        let made = id(of: vocabulary[Int(first)] + "_" + vocabulary[Int(second)])
        phrases.insert(key, made)
        return made
    }

    /// The analysis of a word's UTF-8. Short words are memoised by their bytes; a miss goes on to
    /// `cache`, keyed by String (canonical equivalence), unless the word is ASCII: equal ASCII
    /// Strings are equal bytes, so the String memo could not know it either.
    private mutating func analyse(_ bytes: UnsafeBufferPointer<UInt8>) -> Analysis {
        guard let key = ShortWordTable.key(bytes) else {
            return Self.isASCII(bytes) ? analysis(ofASCII: bytes) : analyse(String(decoding: bytes, as: UTF8.self))
        }
        if let known = shortWords.find(key) { return known }
        let result = Self.isASCII(bytes) ? analysis(ofASCII: bytes) : analyse(String(decoding: bytes, as: UTF8.self))
        shortWords.insert(key, result)
        return result
    }

    private mutating func analyse(_ text: String) -> Analysis {
        if let known = cache[text] { return known }
        let result = analysis(of: text)
        cache[text] = result
        return result
    }

    mutating func analysis(of text: String) -> Analysis {
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
        return result
    }

    /// `analysis(of:)` for ASCII, by bytes: there lowercasing maps byte to byte and every byte
    /// is a scalar and a Character, so counts and suffixes can be read off the bytes.
    mutating func analysis(ofASCII bytes: UnsafeBufferPointer<UInt8>) -> Analysis {
        let isNumber = bytes[0] &- 0x30 < 10
        if Self.isStopWord(ascii: bytes) || bytes.count < 2 { return .skip }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count + 1) { lower in
            if isNumber {
                lower[0] = UInt8(ascii: "#")
                for k in bytes.indices { lower[k + 1] = Self.lowercased(bytes[k]) }
                return .number(id(of: String(decoding: UnsafeBufferPointer(rebasing: lower[...bytes.count]), as: UTF8.self)))
            }
            for k in bytes.indices { lower[k] = Self.lowercased(bytes[k]) }
            let count = Self.stem(UnsafeMutableBufferPointer(rebasing: lower[..<bytes.count]))
            return .word(id(of: String(decoding: UnsafeBufferPointer(rebasing: lower[..<count]), as: UTF8.self)))
        }
    }

    /// True when most words of a headline start with a capital letter (Title Case).
    static func isTitleCase(_ text: String) -> Bool {
        var words = 0, capitalisedWords = 0
        forEachWord(text) { word, capitalised, _ in
            guard !isStopWord(word) else { return }
            words += 1
            if capitalised { capitalisedWords += 1 }
        }
        guard words >= 3 else { return false }
        return Double(capitalisedWords) >= 0.7 * Double(words)
    }
}
