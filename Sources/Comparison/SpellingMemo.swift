import Foundation

/// What the comparison asks of one lowercased token, from the word tables.
struct WordFacts: Sendable {
    /// The stemmed content term (`TextTokens.contentTerm`), or nil.
    var contentTerm: String?
    /// The value of a number word ("twelve"), or nil.
    var numberValue: Double?
    /// The factor of a scale word ("million"), or nil.
    var scale: Double?
    var isStopWord: Bool
    var isMonth: Bool
    /// "a" or "an", which may open a number ("a dozen").
    var isIndefiniteArticle: Bool
    var isOf: Bool

    init(_ lower: String) {
        numberValue = NumberWords.value(of: lower)
        scale = NumberWords.scales[lower]
        isStopWord = TextTokens.stopWords.contains(lower)
        // Without an apostrophe a word is its own candidate term: the tables were just asked about it.
        contentTerm = lower.utf8.contains(0x27) ? TextTokens.contentTerm(lower)
            : lower.count >= 2 && !isStopWord && numberValue == nil && scale == nil ? TextTokens.stemmedTerm(lower) : nil
        isMonth = NumberWords.months.contains(lower)
        isIndefiniteArticle = lower == "a" || lower == "an"
        isOf = lower == "of"
    }
}

/// All the comparison asks of one token but its text, in 16 bytes: a build's memo holds one per
/// spelling it meets (most of them names met in one story), and an object with its own strings
/// was 0.3 KB. The text is the token's bytes in its lexicon (`Lexicon.text(_:)`).
struct WordInfo: Sendable, Hashable {
    /// Id of the stemmed content term among all content terms met, or -1: terms compare as integers.
    let term: Int32
    /// Ids of its quotation words ("won't" → "will", "not"; `StoryComparator.quoteWords`): a word
    /// spells out to one or two; `secondQuoteWord` is -1 for one.
    let quoteWord: Int32
    let secondQuoteWord: Int32
    private let flags: UInt8
    /// 1 + index in `WordInfo.numbers` of the number word's value and of the scale's factor; 0 for none.
    private let numberCode: UInt8
    private let scaleCode: UInt8

    private static let stopWord: UInt8 = 1, month: UInt8 = 2, indefiniteArticle: UInt8 = 4, of: UInt8 = 8
    /// Every number word's value and every scale's factor.
    private static let numbers: [Double] = Array(Set(NumberWords.units.values).union(NumberWords.scales.values)).sorted()

    init(facts: WordFacts, term: Int32, quoteWords: [Int32]) {
        precondition((1...2).contains(quoteWords.count), "a word spells out to one or two quotation words")
        self.term = term
        quoteWord = quoteWords[0]
        secondQuoteWord = quoteWords.count == 2 ? quoteWords[1] : -1
        flags = (facts.isStopWord ? Self.stopWord : 0) | (facts.isMonth ? Self.month : 0)
            | (facts.isIndefiniteArticle ? Self.indefiniteArticle : 0) | (facts.isOf ? Self.of : 0)
        numberCode = Self.code(facts.numberValue)
        scaleCode = Self.code(facts.scale)
    }

    private static func code(_ value: Double?) -> UInt8 {
        guard let value else { return 0 }
        return UInt8(numbers.firstIndex(of: value)! + 1)
    }

    /// The value of a number word ("twelve"), or nil.
    var numberValue: Double? { numberCode == 0 ? nil : Self.numbers[Int(numberCode) - 1] }
    /// The factor of a scale word ("million"), or nil.
    var scale: Double? { scaleCode == 0 ? nil : Self.numbers[Int(scaleCode) - 1] }
    var isStopWord: Bool { flags & Self.stopWord != 0 }
    var isMonth: Bool { flags & Self.month != 0 }
    /// "a" or "an", which may open a number ("a dozen").
    var isIndefiniteArticle: Bool { flags & Self.indefiniteArticle != 0 }
    var isOf: Bool { flags & Self.of != 0 }
    /// A number word, a scale word or "a"/"an": a word that may open a quantity.
    var opensNumber: Bool { numberCode != 0 || scaleCode != 0 || isIndefiniteArticle }
    /// A number word or a scale word: without one, or a number token, a text holds no quantity.
    var isNumberWord: Bool { numberCode != 0 || scaleCode != 0 }
}

/// Every token a comparator has met, by its bytes as printed, shared by all the stories it compares:
/// a corpus repeats its vocabulary, and lowercasing and stemming a word cost more than looking it
/// up. Locked, because stories are compared in parallel.
final class SpellingMemo: @unchecked Sendable {
    private let lock = NSLock()
    private let table = ByteKeyTable()
    private var infos: [WordInfo] = []
    /// Content terms and quotation words, one id space: a name's lowercase is most often its term too.
    private let words = ByteKeyTable()

    /// The token printed as `bytes`, whose `ByteKeyTable.hash` is `hash`.
    func info(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> WordInfo {
        lock.withLock {
            let (id, isNew) = table.insert(bytes, hash: hash)
            if isNew { infos.append(makeInfo(Spelling(bytes))) }
            return infos[Int(id)]
        }
    }

    func info(_ text: String) -> WordInfo {
        var text = text
        return text.withUTF8 { info($0, hash: ByteKeyTable.hash($0)) }
    }

    /// The content term of the token printed as `text`, or nil.
    func contentTerm(_ text: String) -> String? {
        let term = info(text).term
        guard term >= 0 else { return nil }
        return lock.withLock { String(decoding: words.key(Int(term)), as: UTF8.self) }
    }

    /// Appends to `infos` the info of each key of `keys` from `infos.count` on. One story's new
    /// words in two short holds of the lock, not one per word; the unknown ones' facts worked out between.
    func resolve(_ keys: ByteKeyTable, into infos: inout [WordInfo]) {
        let first = infos.count
        guard first < keys.count else { return }
        // Per key, its id here, or -1 until the second hold adds it.
        var ids = [Int32](repeating: -1, count: keys.count - first)
        var missing: [Int] = []
        infos.reserveCapacity(keys.count)
        lock.withLock {
            table.find(keysOf: keys, first..<keys.count) { id, known in
                if let known { ids[id - first] = known } else { missing.append(id) }
            }
            if missing.isEmpty { for id in ids { infos.append(self.infos[Int(id)]) } }
        }
        guard !missing.isEmpty else { return }
        let spellings = missing.map { Spelling(keys.key($0)) }
        lock.withLock {
            for (id, spelling) in zip(missing, spellings) {
                // Another story may have met the word since the first look.
                let (known, isNew) = table.insert(keys.key(id), hash: keys.hash(of: id))
                if isNew { self.infos.append(makeInfo(spelling)) }
                ids[id - first] = known
            }
            for id in ids { infos.append(self.infos[Int(id)]) }
        }
    }

    /// What a word's info needs that takes no lock: its facts and quotation words.
    private struct Spelling {
        let facts: WordFacts
        let quoteWords: [String]

        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            let lower = SpellingMemo.lowercase(bytes)
            facts = WordFacts(lower)
            quoteWords = StoryComparator.expandContraction(lower)
        }
    }

    /// Called with the lock held: gives the word its term and quotation word ids.
    private func makeInfo(_ spelling: Spelling) -> WordInfo {
        let term = spelling.facts.contentTerm.map(id) ?? -1
        return WordInfo(facts: spelling.facts, term: term, quoteWords: spelling.quoteWords.map(id))
    }

    private func id(_ word: String) -> Int32 {
        var word = word
        return word.withUTF8 { words.insert($0).id }
    }

    /// The lowercase of a token printed as `bytes`: by bytes when ASCII.
    static func lowercase(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return String(decoding: bytes, as: UTF8.self).lowercased() }
        // Lowered into a buffer, then decoded once: decoding a lazy map went byte by byte.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(bytes.count, 1)) { lower in
            for k in bytes.indices { lower[k] = bytes[k] >= 65 && bytes[k] <= 90 ? bytes[k] + 32 : bytes[k] }
            return String(decoding: UnsafeBufferPointer(rebasing: lower[..<bytes.count]), as: UTF8.self)
        }
    }
}
