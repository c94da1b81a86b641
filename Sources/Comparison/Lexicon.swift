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
        contentTerm = TextTokens.contentTerm(lower)
        numberValue = NumberWords.value(of: lower)
        scale = NumberWords.scales[lower]
        isStopWord = TextTokens.stopWords.contains(lower)
        isMonth = NumberWords.months.contains(lower)
        isIndefiniteArticle = lower == "a" || lower == "an"
        isOf = lower == "of"
    }
}

/// One token as printed (curly apostrophes folded), with all the comparison asks of it.
final class WordInfo: Sendable {
    let text: String
    let lower: String
    let facts: WordFacts
    /// Id of `facts.contentTerm` among all content terms met, or -1: terms compare as integers.
    let term: Int32
    /// A number word, a scale word or "a"/"an": a word that may open a quantity.
    let opensNumber: Bool
    /// Ids of its quotation words ("won't" → "will", "not"; `StoryComparator.quoteWords`).
    let quoteWordIDs: [Int32]
    /// The one id of `quoteWordIDs`, or -1 for a word of several ("won't"): read for every token of
    /// every quotation, where walking the array showed in profiles.
    let quoteWord: Int32

    init(text: String, lower: String, facts: WordFacts, term: Int32, quoteWordIDs: [Int32]) {
        self.text = text
        self.lower = lower
        self.facts = facts
        self.term = term
        self.quoteWordIDs = quoteWordIDs
        quoteWord = quoteWordIDs.count == 1 ? quoteWordIDs[0] : -1
        opensNumber = facts.numberValue != nil || facts.scale != nil || facts.isIndefiniteArticle
    }
}

/// Every token a comparator has met, by its bytes as printed, shared by all the stories it compares:
/// a corpus repeats its vocabulary, and lowercasing and stemming a word cost more than looking it
/// up. Locked, because stories are compared in parallel.
final class SpellingMemo: @unchecked Sendable {
    private let lock = NSLock()
    private let table = ByteKeyTable()
    private var infos: [WordInfo] = []
    private var terms: [String: Int32] = [:]
    private var quoteWords: [String: Int32] = [:]

    /// The token printed as `bytes`, whose `ByteKeyTable.hash` is `hash`.
    func info(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> WordInfo {
        lock.withLock {
            let (id, isNew) = table.insert(bytes, hash: hash)
            if isNew { infos.append(makeInfo(Spelling(String(decoding: bytes, as: UTF8.self)))) }
            return infos[Int(id)]
        }
    }

    func info(_ text: String) -> WordInfo {
        var text = text
        return text.withUTF8 { info($0, hash: ByteKeyTable.hash($0)) }
    }

    func contentTerm(_ lower: String) -> String? { info(lower).facts.contentTerm }

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
            for id in first..<keys.count {
                if let known = table.find(keys.key(id), hash: keys.hash(of: id)) { ids[id - first] = known } else { missing.append(id) }
            }
            if missing.isEmpty { for id in ids { infos.append(self.infos[Int(id)]) } }
        }
        guard !missing.isEmpty else { return }
        let spellings = missing.map { Spelling(String(decoding: keys.key($0), as: UTF8.self)) }
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

    /// What a word's info needs that takes no lock: its lowercase, facts and quotation words.
    private struct Spelling {
        let text: String
        let lower: String
        let facts: WordFacts
        let quoteWords: [String]

        init(_ text: String) {
            self.text = text
            lower = text.utf8.allSatisfy({ $0 < 0x80 })
                ? String(decoding: text.utf8.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self)
                : text.lowercased()
            facts = WordFacts(lower)
            quoteWords = StoryComparator.expandContraction(lower)
        }
    }

    /// Called with the lock held: gives the word its term and quotation word ids.
    private func makeInfo(_ spelling: Spelling) -> WordInfo {
        let term = spelling.facts.contentTerm.map { Self.id($0, in: &terms) } ?? -1
        let quoteWordIDs = spelling.quoteWords.map { Self.id($0, in: &quoteWords) }
        return WordInfo(text: spelling.text, lower: spelling.lower, facts: spelling.facts, term: term, quoteWordIDs: quoteWordIDs)
    }

    private static func id(_ key: String, in ids: inout [String: Int32]) -> Int32 {
        if let known = ids[key] { return known }
        let id = Int32(ids.count)
        ids[key] = id
        return id
    }
}

/// One token of a sentence with its id in the story's `Lexicon`, and its byte offsets in the sentence.
struct LexToken: Sendable, Hashable {
    var kind: RawToken.Kind
    var id: Int32
    var start: Int32
    var end: Int32
}

/// The distinct tokens of one story as small integer ids (0, 1, 2…) with their `WordInfo`: a story
/// repeats its words in many sentences, and one hash of a token's bytes replaces a String and a
/// lookup in every word table. One per story, so it needs no lock.
final class Lexicon {
    private let spellings: SpellingMemo
    /// Per id.
    private(set) var infos: [WordInfo] = []
    private let table = ByteKeyTable()
    /// Phrase boundaries are all "|", whatever punctuation made them.
    private lazy var boundary: Int32 = id(of: "|")

    init(spellings: SpellingMemo = SpellingMemo()) { self.spellings = spellings }

    /// Ids met so far; those from `infos.count` on wait for `resolve()`.
    var count: Int { table.count }

    /// The id of a token printed as `text`.
    func id(_ text: String) -> Int {
        defer { resolve() }
        return Int(id(of: text))
    }

    private func id(of text: String) -> Int32 {
        var text = text
        return text.withUTF8 { bytes in table.insert(bytes).id }
    }

    /// Looks up the infos of the ids met since the last call.
    func resolve() { spellings.resolve(table, into: &infos) }

    /// Appends the tokens of `text` to `out`.
    func tokenise(_ text: String, into out: inout [LexToken]) {
        append(text, to: &out)
        resolve()
    }

    /// `tokenise` without `resolve()`: a caller with many texts resolves once, after the last.
    func append(_ text: String, to out: inout [LexToken]) {
        var text = text
        text.withUTF8 { utf8 in
            TextScanner.scan(utf8) { raw in
                let id: Int32
                switch raw.kind {
                case .boundary: id = boundary
                case .word, .number, .symbol:
                    let bytes = UnsafeBufferPointer(rebasing: utf8[raw.start..<raw.end])
                    id = raw.curly ? TextScanner.foldingApostrophes(bytes).withUnsafeBufferPointer { table.insert($0).id }
                        : table.insert(bytes).id
                }
                out.append(LexToken(kind: raw.kind, id: id, start: Int32(raw.start), end: Int32(raw.end)))
            }
        }
    }

    /// The tokens of `text`.
    func tokens(_ text: String) -> [LexToken] {
        var out: [LexToken] = []
        tokenise(text, into: &out)
        return out
    }

    /// The quotation words of `text` (`StoryComparator.quoteWords`), as ids.
    func quoteWordIDs(in text: String) -> [Int] { quoteWordIDs(tokens(text)[...]) }

    /// The quotation words of the tokens starting in `bytes`, as ids.
    func quoteWordIDs(_ tokens: ArraySlice<LexToken>, bytes: Range<Int> = 0..<Int.max) -> [Int] {
        var out: [Int] = []
        out.reserveCapacity(tokens.count)
        for token in tokens where (token.kind == .word || token.kind == .number) && bytes.contains(Int(token.start)) {
            let info = infos[Int(token.id)]
            if info.quoteWord >= 0 { out.append(Int(info.quoteWord)) } else { for id in info.quoteWordIDs { out.append(Int(id)) } }
        }
        return out
    }
}

extension TextScanner {
    /// `bytes` with each U+2019 (E2 80 99) as `'`.
    static func foldingApostrophes(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var k = 0
        while k < bytes.count {
            if bytes[k] == 0xE2, k + 2 < bytes.count, bytes[k + 1] == 0x80, bytes[k + 2] == 0x99 {
                out.append(0x27); k += 3
            } else {
                out.append(bytes[k]); k += 1
            }
        }
        return out
    }
}
