import Foundation

/// Content terms of lowercased words, shared by all the stories one comparator compares: a corpus
/// repeats its vocabulary, and stemming a word costs more than looking it up. Locked, because
/// stories are compared in parallel.
final class SpellingMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var terms: [String: String?] = [:]

    func contentTerm(_ lower: String) -> String? {
        if let known = lock.withLock({ terms[lower] }) { return known }
        let term = TextTokens.contentTerm(lower)
        lock.withLock { terms[lower] = .some(term) }  // `.some`: storing nil would remove the entry
        return term
    }
}

/// The distinct lowercased tokens of one story as integer ids, with what the comparison asks of
/// each worked out once: a story repeats its words in many sentences, and one hash per token
/// replaces a lookup in every word table. One per story, so it needs no lock.
final class Lexicon {
    private var ids: [String: Int] = [:]
    private let spellings: SpellingMemo
    /// Per id: the stemmed content term (`TextTokens.contentTerm`), or nil.
    private(set) var contentTerm: [String?] = []
    /// Per id: the value of a number word ("twelve"), or nil.
    private(set) var numberValue: [Double?] = []
    /// Per id: the factor of a scale word ("million"), or nil.
    private(set) var scale: [Double?] = []
    private(set) var isStopWord: [Bool] = []
    private(set) var isMonth: [Bool] = []

    init(spellings: SpellingMemo = SpellingMemo()) { self.spellings = spellings }

    var count: Int { contentTerm.count }

    /// The id of `lower`, a token's lowercased text.
    func id(_ lower: String) -> Int {
        if let known = ids[lower] { return known }
        let id = contentTerm.count
        ids[lower] = id
        contentTerm.append(spellings.contentTerm(lower))
        numberValue.append(NumberWords.value(of: lower))
        scale.append(NumberWords.scales[lower])
        isStopWord.append(TextTokens.stopWords.contains(lower))
        isMonth.append(NumberWords.months.contains(lower))
        return id
    }

    /// The id of each token.
    func ids(_ tokens: [Token]) -> [Int] { tokens.map { id($0.lower) } }
}
