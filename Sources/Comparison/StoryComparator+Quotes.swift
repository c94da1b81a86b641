import BriefingCore

extension StoryComparator {
    /// Two quotes are the same when this share of the shorter one's words is in the longer one.
    static let quoteOverlap = 0.7
    static let quoteMinimumSharedWords = 4

    /// The same quotation across outlets, with its distinct wordings and a word diff of each
    /// against the most printed one. Kept when printed by two outlets or worded differently.
    static func quoteGroups(_ articles: [Article]) -> [QuoteGroup] {
        var quotes: [ExtractedQuote] = []
        for article in articles {
            quotes += QuoteExtractor.quotes(in: article, outlet: article.outlet, orderBase: quotes.count)
        }
        let words = quotes.map { quoteWords($0.text) }
        let wordSets = words.map(Set.init)
        var groups: [[Int]] = []
        for q in quotes.indices {
            let home = groups.firstIndex { group in
                group.contains { m in
                    let shared = wordSets[q].intersection(wordSets[m]).count
                    let shorter = min(wordSets[q].count, wordSets[m].count)
                    return shared >= quoteMinimumSharedWords && Double(shared) >= quoteOverlap * Double(shorter)
                }
            }
            if let home { groups[home].append(q) } else { groups.append([q]) }
        }
        let built: [(QuoteGroup, Int, Int)] = groups.compactMap { group in
            let outletCount = Set(group.map { quotes[$0].outlet.slug }).count
            let variants = variantsOf(group.map { quotes[$0] }, keys: group.map { words[$0].joined(separator: " ") })
            guard outletCount >= 2 || variants.count >= 2 else { return nil }
            return (QuoteGroup(speaker: speakerOf(group.map { quotes[$0] }), variants: variants), outletCount, group[0])
        }
        return built.sorted { ($1.1, $0.2) < ($0.1, $1.2) }.map(\.0)
    }

    /// Lowercased words without punctuation: what "the same wording" means.
    static func quoteWords(_ text: String) -> [String] {
        TextTokens.tokens(text).filter { $0.kind == .word || $0.kind == .number }.map(\.lower)
    }

    /// Distinct wordings, most printed first (ties by first outlet slug, then first appearance).
    static func variantsOf(_ members: [ExtractedQuote], keys: [String]) -> [QuoteGroup.Variant] {
        var order: [String] = []
        var text: [String: String] = [:]
        var outlets: [String: Set<Outlet>] = [:]
        for (q, key) in zip(members, keys) {
            if text[key] == nil { order.append(key); text[key] = q.text }
            outlets[key, default: []].insert(q.outlet)
        }
        let ranked = order.enumerated().sorted { a, b in
            let oa = outlets[a.element]!.sorted(), ob = outlets[b.element]!.sorted()
            return (ob.count, oa[0].slug, a.offset) < (oa.count, ob[0].slug, b.offset)
        }.map(\.element)
        guard let first = ranked.first.flatMap({ text[$0] }) else { return [] }
        return ranked.enumerated().map { index, key in
            QuoteGroup.Variant(text: text[key]!, outlets: outlets[key]!.sorted(),
                               diff: index == 0 ? [] : WordDiff.diff(first, text[key]!))
        }
    }

    /// The most often named speaker; ties alphabetical.
    static func speakerOf(_ members: [ExtractedQuote]) -> String? {
        var counts: [String: Int] = [:]
        for m in members { if let s = m.speaker { counts[s, default: 0] += 1 } }
        return counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.first?.key
    }
}
