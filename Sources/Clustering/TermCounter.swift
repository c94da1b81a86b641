import BriefingCore
import Synchronization

/// Counts one article's tokens by term id. Reused from article to article: a slot per term id
/// says where that term's count is, so counting needs no dictionary.
struct TermCounter: Sendable {
    /// Per extractor term id: the index of its entry in the article being counted, or -1.
    private var slots: [Int32] = []
    /// The article being counted; reused, and copied out at their exact size (a build holds
    /// every article's terms, and arrays grown by appending are up to twice as large).
    private var ids: [Int32] = [], counts: [Double] = [], boosts: [Double] = []

    mutating func count(_ article: Article, extractor: inout TermExtractor, settings: ClusteringSettings) -> ArticleTerms {
        ids.removeAll(keepingCapacity: true)
        counts.removeAll(keepingCapacity: true)
        boosts.removeAll(keepingCapacity: true)
        let titleWeight = article.titleIsDerived ? 1 : settings.titleWeight
        let titleCase = TermExtractor.isTitleCase(article.title)
        func add(_ token: TermExtractor.Token, _ weight: Double) {
            let boost = weight * (token.isEntity ? settings.entityWeight : 1)
            let term = Int(token.term)
            if term >= slots.count { slots += repeatElement(-1, count: max(term + 1 - slots.count, slots.count)) }
            let slot = Int(slots[term])
            if slot < 0 {
                slots[term] = Int32(ids.count)
                ids.append(token.term)
                counts.append(1)
                boosts.append(max(1, boost))
            } else {
                counts[slot] += 1
                boosts[slot] = max(boosts[slot], boost)
            }
        }
        extractor.forEachToken(article.title, detectEntities: !titleCase) { add($0, titleWeight) }
        let limit = settings.maxSentences > 0 ? settings.maxSentences : Int.max
        if article.sentences.isEmpty {
            // No sentences: about as much of the body as `limit` sentences would be.
            let text = limit == Int.max ? article.body : String(article.body.prefix(limit * 150))
            extractor.forEachToken(text) { add($0, 1) }
        }
        for (index, sentence) in article.sentences.prefix(limit).enumerated() {
            let weight = index < settings.leadSentences ? settings.leadWeight : 1
            extractor.forEachToken(sentence.text) { add($0, weight) }
        }
        for id in ids { slots[Int(id)] = -1 }
        return ArticleTerms(ids: ids.trimmed(), counts: counts.trimmed(), boosts: boosts.trimmed())
    }
}

/// What counting an article's terms needs, reused from range to range: an extractor keeps its
/// memo of analysed words, so each new range would otherwise analyse its words all over again.
struct TermReader: Sendable {
    var extractor = TermExtractor()
    var counter = TermCounter()
}

/// Readers lent to parallel ranges, one at a time each; at most as many exist as ranges run at
/// once. Which reader counts which range varies from run to run, but only through term ids,
/// which `TermVectors` renumbers by the sorted vocabulary.
final class TermReaderPool: Sendable {
    private let state = Mutex<(idle: [Int], readers: [TermReader?])>(([], []))

    /// `body`'s result with the index of the reader it was given (see `vocabularies`).
    func borrow<R>(_ body: (inout TermReader) -> R) -> (reader: Int, terms: R) {
        let (index, taken) = state.withLock { state -> (Int, TermReader) in
            if let index = state.idle.popLast() {
                defer { state.readers[index] = nil }
                return (index, state.readers[index]!)
            }
            state.readers.append(nil)
            return (state.readers.count - 1, TermReader())
        }
        var reader = taken
        let result = body(&reader)
        state.withLock { state in
            state.readers[index] = reader
            state.idle.append(index)
        }
        return (index, result)
    }

    /// Each reader's vocabulary, by reader index, once every range is counted; the readers
    /// (and their memos) are let go.
    func takeVocabularies() -> [[String]] {
        state.withLock { state in
            defer { state = ([], []) }
            return state.readers.map { $0?.extractor.vocabulary ?? [] }
        }
    }
}
