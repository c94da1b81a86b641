import BriefingCore

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
