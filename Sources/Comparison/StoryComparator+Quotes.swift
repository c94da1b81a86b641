import Foundation
import BriefingCore

extension StoryComparator {
    /// Share of the shorter quote's words, in order, found in the other (one may be a sub-span).
    static let quoteOverlap = 0.75
    static let quoteMinimumSharedWords = 4

    /// The same quotation across outlets, with its distinct wordings and a word diff of each
    /// against the most printed one. Kept when printed by two outlets or worded differently.
    /// `table`: the story's, so the quotations' words are ids of the tokens it holds.
    static func quoteGroups(_ articles: [Article], table: SentenceTable) -> [QuoteGroup] {
        var quotes: [ExtractedQuote] = []
        // The table's sentences are the articles' in order: their texts are made already.
        let texts = table.entries.map(\.text)
        var first = 0
        for article in articles {
            let end = first + article.sentences.count
            for var quote in QuoteExtractor.quotes(in: article, outlet: article.outlet, orderBase: quotes.count, texts: texts[first..<end],
                                                   quoted: table.quoted[first..<end]) {
                quote.sentences = (first + quote.sentences.lowerBound)..<(first + quote.sentences.upperBound)  // the table's indices
                quotes.append(quote)
            }
            first = end
        }
        let fullNames = fullSpeakerNames(quotes.compactMap(\.speaker))
        for q in quotes.indices { if let s = quotes[q].speaker, let full = fullNames[s] { quotes[q].speaker = full } }
        let ids = quotes.map { table.quoteWordIDs(sentences: $0.sentences, bytes: $0.bytes) }
        let idSets = ids.map(SentenceTable.sortedUnique)
        // Shorter quotes first, so a long quote that spans two short ones joins the one it shares most with.
        let byLength = quotes.indices.sorted { (ids[$0].count, $0) < (ids[$1].count, $1) }
        var groups: [[Int]] = []
        for q in byLength {
            var best: (group: Int, shared: Int)?
            for (g, group) in groups.enumerated() {
                for m in group {
                    guard let ordered = sameQuotation(ids[q], idSets[q], ids[m], idSets[m]) else { continue }
                    if best == nil || ordered > best!.shared { best = (g, ordered) }
                }
            }
            if let best { groups[best.group].append(q) } else { groups.append([q]) }
        }
        groups = groups.map { $0.sorted() }
        let built: [(QuoteGroup, Int, Int)] = groups.compactMap { group in
            // One quotation is one outlet and one wording: never kept, so not worded out.
            guard group.count >= 2 else { return nil }
            let outletCount = Set(group.map { quotes[$0].outlet.slug }).count
            let variants = variantsOf(group.map { quotes[$0] }, keys: group.map { ids[$0] })
            guard outletCount >= 2 || variants.count >= 2 else { return nil }
            return (QuoteGroup(speaker: speakerOf(group.map { quotes[$0] }), variants: variants), outletCount, group[0])
        }
        return built.sorted { ($1.1, $0.2) < ($0.1, $1.2) }.map(\.0)
    }

    /// The words two quotations share in order when they are one quotation (one may be a sub-span), else nil.
    /// `a`, `b`: word ids; `aSet`, `bSet`: the same ids sorted without repeats.
    static func sameQuotation(_ a: [Int], _ aSet: [Int], _ b: [Int], _ bSet: [Int]) -> Int? {
        guard sharesAtLeast(aSet, bSet, quoteMinimumSharedWords) else { return nil }
        let ordered = orderedOverlap(a, b)
        guard ordered >= quoteMinimumSharedWords, Double(ordered) >= quoteOverlap * Double(min(a.count, b.count))
        else { return nil }
        return ordered
    }

    /// Longest common subsequence of two word lists: word order matters, so two different
    /// sentences built from the same words do not pass for one quote.
    /// Whether two sorted lists without repeats have `n` values in common; stops at `n`.
    /// Gives up as soon as what is left of either list cannot make up the difference: most pairs of
    /// quotations share a word or two.
    static func sharesAtLeast(_ a: [Int], _ b: [Int], _ n: Int) -> Bool {
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                var x = 0, y = 0, common = 0
                while common < n {
                    guard common + min(a.count - x, b.count - y) >= n else { return false }
                    if a[x] == b[y] { common += 1; x += 1; y += 1 } else if a[x] < b[y] { x += 1 } else { y += 1 }
                }
                return true
            }
        }
    }

    static func orderedOverlap(_ a: [Int], _ b: [Int]) -> Int {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        return short.count <= 64 ? orderedOverlapByBits(short, long) : orderedOverlapByRows(a, b)
    }

    /// The LCS length with the shorter list (at most 64 words) as bits of one word (Hyyrö's bit-parallel
    /// LCS): a bit of `v` is cleared where a match extends a common subsequence; the cleared bits count it.
    /// One step per word of `long`, not one per pair of words: each word's positions in `short` are
    /// looked up in a small open-addressing table made first, where scanning `short` for every word
    /// of `long` compared every pair.
    static func orderedOverlapByBits(_ short: [Int], _ long: [Int]) -> Int {
        precondition(short.count <= 64, "one 64-bit word holds the shorter list")
        var slotCount = 8
        while slotCount < 2 * short.count { slotCount *= 2 }
        let mask = slotCount - 1
        var v = UInt64.max
        // Per slot: a word of `short` and the bits of its positions there (none when the slot is empty).
        withUnsafeTemporaryAllocation(of: (key: Int, bits: UInt64).self, capacity: slotCount) { slots in
            slots.initialize(repeating: (0, 0))
            func slot(of word: Int) -> Int {
                var k = Self.slotHash(word) & mask
                while slots[k].bits != 0, slots[k].key != word { k = (k + 1) & mask }
                return k
            }
            for (i, word) in short.enumerated() {
                let k = slot(of: word)
                slots[k].key = word
                slots[k].bits |= 1 << UInt64(i)
            }
            for y in long {
                let u = v & slots[slot(of: y)].bits
                v = (v &+ u) | (v &- u)
            }
        }
        let used: UInt64 = short.count == 64 ? .max : (1 << UInt64(short.count)) - 1
        return (~v & used).nonzeroBitCount
    }

    /// Spreads a word id over the slots: ids of one story are near each other.
    @inline(__always)
    private static func slotHash(_ word: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(bitPattern: Int64(word)) &* 0x9E37_79B9_7F4A_7C15) >> 40)
    }

    /// The LCS length by dynamic programming over rows, for lists of any length.
    static func orderedOverlapByRows(_ a: [Int], _ b: [Int]) -> Int {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        let m = b.count
        // Two rows in one temporary buffer (on the stack when small): every pair of quotations asks.
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * (m + 1)) { rows in
            rows.initialize(repeating: 0)
            var prev = UnsafeMutableBufferPointer(rebasing: rows[0...m])
            var cur = UnsafeMutableBufferPointer(rebasing: rows[(m + 1)...])
            b.withUnsafeBufferPointer { b in
                for x in a {
                    for j in 0..<m { cur[j + 1] = x == b[j] ? prev[j] + 1 : max(prev[j + 1], cur[j]) }
                    swap(&prev, &cur)
                }
            }
            return prev[m]
        }
    }

    /// Lowercased words without punctuation, contractions spelled out: what "the same wording"
    /// means, so "won't" and "will not" count as the same words when grouping.
    /// Quotations compare by `Lexicon.quoteWordIDs(in:)`, these words as integers.
    static func quoteWords(_ text: String) -> [String] {
        let lexicon = Lexicon()
        return lexicon.tokens(text).filter { $0.kind == .word || $0.kind == .number }
            .flatMap { expandContraction(lexicon.lower(Int($0.id))) }  // tokens fold curly apostrophes already
    }

    static func expandContraction(_ word: String) -> [String] {
        // Every contraction holds an apostrophe (tokens fold curly ones to '): most words skip the lookups.
        guard word.utf8.contains(0x27) else { return [word] }
        if let whole = irregularContractions[word] { return whole }
        for (suffix, expansion) in contractionSuffixes where word.hasSuffix(suffix) && word.count > suffix.count {
            return [String(word.dropLast(suffix.count)), expansion]
        }
        return [word]
    }

    private static let irregularContractions: [String: [String]] = [
        "won't": ["will", "not"], "can't": ["can", "not"], "shan't": ["shall", "not"],
        "it's": ["it", "is"], "that's": ["that", "is"], "let's": ["let", "us"],
    ]
    private static let contractionSuffixes: [(String, String)] = [
        ("n't", "not"), ("'re", "are"), ("'ve", "have"), ("'ll", "will"), ("'m", "am"), ("'d", "would"),
    ]

    /// Distinct wordings, most printed first (ties by first outlet slug, then first appearance).
    /// `keys`: each member's quotation word ids; equal keys are one wording.
    static func variantsOf(_ members: [ExtractedQuote], keys: [[Int]]) -> [QuoteGroup.Variant] {
        // Per wording, in order of first appearance: one hash of its key per member, and its outlets
        // sorted once, not in every comparison of the ranking.
        var position: [[Int]: Int] = [:]
        var texts: [String] = []
        var outletSets: [Set<Outlet>] = []
        for (q, key) in zip(members, keys) {
            if let known = position[key] {
                outletSets[known].insert(q.outlet)
            } else {
                position[key] = texts.count
                texts.append(q.text)
                outletSets.append([q.outlet])
            }
        }
        let outlets = outletSets.map { $0.sorted() }
        let ranked = texts.indices.sorted { a, b in
            (outlets[b].count, outlets[a][0].slug, a) < (outlets[a].count, outlets[b][0].slug, b)
        }
        guard let first = ranked.first.map({ texts[$0] }) else { return [] }
        // One wording has nothing to be diffed against: splitting and keying it was wasted.
        guard ranked.count >= 2 else { return [QuoteGroup.Variant(text: first, outlets: outlets[ranked[0]], diff: [])] }
        let diffs = [[]] + WordDiff.diffs(from: first, to: ranked.dropFirst().map { texts[$0] })
        return zip(ranked, diffs).map { k, diff in
            QuoteGroup.Variant(text: texts[k], outlets: outlets[k], diff: diff)
        }
    }

    /// A one-word speaker ("Blinken") mapped to the one full name of the story ending in it
    /// ("Antony Blinken"); a surname two full names share ("Joe Biden", "Jill Biden") stays as is.
    static func fullSpeakerNames(_ speakers: [String]) -> [String: String] {
        // Each name once: a story repeats its speakers, and a repeat changes no set. A map needs a
        // one-word name and a longer one: most stories have neither two names nor a one-word one.
        let unique = Set(speakers)
        guard unique.count >= 2 else { return [:] }
        var bySurname: [String: Set<String>] = [:]
        for s in unique {
            if let last = lastOfTwoOrMoreWords(s) { bySurname[String(last), default: []].insert(s) }
        }
        var out: [String: String] = [:]
        // An ASCII name's bytes say whether it holds a space, without Foundation's search.
        for s in unique where !(s.utf8.allSatisfy { $0 < 0x80 } ? s.utf8.contains(0x20) : s.contains(" ")) {
            if let names = bySurname[s], names.count == 1 { out[s] = names.first! }
        }
        return out
    }

    /// The last of the space-separated words of `s` when it has two or more, else nil. By bytes
    /// when ASCII: splitting Characters showed in profiles.
    static func lastOfTwoOrMoreWords(_ s: String) -> Substring? {
        let utf8 = s.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else {
            let words = s.split(separator: " ")
            return words.count >= 2 ? words.last : nil
        }
        guard let end = utf8.lastIndex(where: { $0 != 0x20 }), let space = utf8[..<end].lastIndex(of: 0x20),
              utf8[..<space].contains(where: { $0 != 0x20 }) else { return nil }
        return s[utf8.index(after: space)...end]
    }

    /// The most often named speaker; ties alphabetical.
    static func speakerOf(_ members: [ExtractedQuote]) -> String? {
        var counts: [String: Int] = [:]
        for m in members { if let s = m.speaker { counts[s, default: 0] += 1 } }
        return counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.first?.key
    }
}
