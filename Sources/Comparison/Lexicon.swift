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

    init(_ lower: String) {
        contentTerm = TextTokens.contentTerm(lower)
        numberValue = NumberWords.value(of: lower)
        scale = NumberWords.scales[lower]
        isStopWord = TextTokens.stopWords.contains(lower)
        isMonth = NumberWords.months.contains(lower)
    }
}

/// The facts of lowercased words, shared by all the stories one comparator compares: a corpus
/// repeats its vocabulary, and stemming a word costs more than looking it up. Locked, because
/// stories are compared in parallel.
final class SpellingMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var known: [String: WordFacts] = [:]

    func facts(_ lower: String) -> WordFacts {
        if let facts = lock.withLock({ known[lower] }) { return facts }
        let facts = WordFacts(lower)
        lock.withLock { known[lower] = facts }
        return facts
    }

    func contentTerm(_ lower: String) -> String? { facts(lower).contentTerm }
}

/// The distinct lowercased tokens of one story as integer ids, with their facts: a story repeats
/// its words in many sentences, and one hash per token replaces a lookup in every word table.
/// One per story, so it needs no lock.
final class Lexicon {
    private var ids: [String: Int] = [:]
    private let spellings: SpellingMemo
    /// Per id.
    private(set) var facts: [WordFacts] = []

    init(spellings: SpellingMemo = SpellingMemo()) { self.spellings = spellings }

    var count: Int { facts.count }

    /// The id of `lower`, a token's lowercased text.
    func id(_ lower: String) -> Int {
        if let known = ids[lower] { return known }
        let id = facts.count
        ids[lower] = id
        facts.append(spellings.facts(lower))
        return id
    }

    /// The id of each token.
    func ids(_ tokens: [Token]) -> [Int] {
        // Phrase boundaries are all "|": one lookup per story instead of one per comma.
        if boundary < 0 { boundary = id("|") }
        return tokens.map { $0.kind == .boundary && $0.lower == "|" ? boundary : id($0.lower) }
    }

    private var boundary = -1
}
