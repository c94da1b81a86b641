import BriefingCore

/// Finds the pairs worth comparing without comparing all pairs: an inverted index over the rarer
/// terms, restricted to articles at most `windowDays` apart. A term is too common to propose
/// partners when more than `minCandidateDocumentCount` other articles within the window use it (or,
/// with no window, more than `maxCandidateDocumentFraction` of all): counted inside the window,
/// so work per article grows with the articles per day, not with the whole input.
struct CandidateIndex: Sendable {
    /// Per term, the documents using it, ascending (= day order): term `t`'s are
    /// `postings[postingStarts[t]..<postingStarts[t + 1]]`. Flat: a list per term was an
    /// allocation and a dozen regrowing copies per term, made on one core.
    private var postings: [Int32]
    private var postingStarts: [Int]
    /// Per document, for each indexed term: (term id, the document's position in its postings);
    /// document `d`'s are `entries[entryStarts[d]..<entryStarts[d + 1]]`.
    private var entries: [(term: Int32, position: Int32)]
    private var entryStarts: [Int]
    private var dayOrdinals: [Int]
    private var windowDays: Int
    private var maxPartnersPerTerm: Int

    /// `dayOrdinals` must be ascending (articles in canonical order).
    init(vectors: TermVectors, dayOrdinals: [Int], settings: ClusteringSettings) {
        let n = dayOrdinals.count
        let maxDF = max(settings.minCandidateDocumentCount,
                        Int(settings.maxCandidateDocumentFraction * Double(n)))
        self.maxPartnersPerTerm = settings.minCandidateDocumentCount
        let frequency = vectors.documentFrequency
        func isIndexed(_ id: Int32) -> Bool { frequency[Int(id)] >= 2 && frequency[Int(id)] <= maxDF }
        // Two passes over the vectors: count, then place each document at its term's next slot.
        var postingStarts = [Int](repeating: 0, count: frequency.count + 1)
        var entryStarts = [Int](repeating: 0, count: n + 1)
        for (doc, v) in vectors.vectors.enumerated() {
            var indexed = 0
            for id in v.ids where isIndexed(id) {
                postingStarts[Int(id) + 1] += 1
                indexed += 1
            }
            entryStarts[doc + 1] = indexed
        }
        for t in 0..<frequency.count { postingStarts[t + 1] += postingStarts[t] }
        for d in 0..<n { entryStarts[d + 1] += entryStarts[d] }
        var postings = [Int32](repeating: 0, count: postingStarts[frequency.count])
        var entries = [(term: Int32, position: Int32)](repeating: (0, 0), count: entryStarts[n])
        var filled = postingStarts
        var entry = 0
        for (doc, v) in vectors.vectors.enumerated() {
            for id in v.ids where isIndexed(id) {
                let slot = filled[Int(id)]
                filled[Int(id)] = slot + 1
                postings[slot] = Int32(doc)
                entries[entry] = (id, Int32(slot - postingStarts[Int(id)]))
                entry += 1
            }
        }
        self.postings = postings
        self.postingStarts = postingStarts
        self.entries = entries
        self.entryStarts = entryStarts
        self.dayOrdinals = dayOrdinals
        self.windowDays = settings.windowDays
    }

    /// Term `term`'s postings, read in place.
    @inline(__always)
    private func withPostings<Result>(_ term: Int32, _ body: (UnsafeBufferPointer<Int32>) -> Result) -> Result {
        postings.withUnsafeBufferPointer { all in
            body(UnsafeBufferPointer(rebasing: all[postingStarts[Int(term)]..<postingStarts[Int(term) + 1]]))
        }
    }

    /// Later documents `j > i` within the window that share an indexed term with `i`, ascending.
    func partners(of i: Int) -> [Int] {
        var scratch = PartnerScratch()
        partners(of: i, scratch: &scratch)
        return scratch.found
    }

    /// Reused across calls: `seen[j] == call` once `j` is listed in this call, so each partner is
    /// listed once, however many terms it shares, and only the distinct ones are sorted.
    struct PartnerScratch {
        var seen: [Int32] = []
        var call: Int32 = 0
        var found: [Int] = []
        /// Per indexed term of the document: the end of its partners in its postings.
        var ends: [Int32] = []
    }

    /// `partners(of: i)`, left in `scratch.found`.
    func partners(of i: Int, scratch: inout PartnerScratch) {
        if scratch.seen.count < dayOrdinals.count { scratch.seen = [Int32](repeating: 0, count: dayOrdinals.count) }
        scratch.found.removeAll(keepingCapacity: true)
        scratch.call += 1
        let mark = scratch.call
        // The window as document indices (documents are in day order), so that postings are
        // searched by their own values rather than through each document's day.
        let windowStart = Int32(Self.firstIndex(from: 0, to: i) { dayOrdinals[$0] < dayOrdinals[i] - windowDays })
        let windowEnd = Int32(Self.firstIndex(from: i + 1, to: dayOrdinals.count) { dayOrdinals[$0] <= dayOrdinals[i] + windowDays })
        // Two passes: first where each term's partners end (or that it proposes none), then the
        // partners. The first pass's iterations do not wait on each other, so the cache misses
        // of reaching each term's postings overlap, where one pass met them one at a time.
        scratch.ends.removeAll(keepingCapacity: true)
        let own = entries[entryStarts[i]..<entryStarts[i + 1]]
        for (term, position) in own {
            // By raw buffer: this runs for every indexed term of every article.
            let end = withPostings(term) { list in
                let position = Int(position)
                // Common around this day (on either side): it cannot tell stories apart here. Both
                // tests read one posting each, near this document's, not a search of the list.
                let cap = position + 1 + maxPartnersPerTerm
                if cap < list.count, list[cap] < windowEnd { return position }
                let end = Self.firstIndex(from: position + 1, to: min(cap, list.count)) { list[$0] < windowEnd }
                // More than the cap in the window: the posting the cap back from `end` is in it.
                let back = end - maxPartnersPerTerm - 2
                if back >= 0, list[back] >= windowStart { return position }
                return end
            }
            scratch.ends.append(Int32(end))
        }
        for ((term, position), end) in zip(own, scratch.ends) where end > position + 1 {
            withPostings(term) { list in
                for k in Int(position + 1)..<Int(end) {
                    let j = Int(list[k])
                    if scratch.seen[j] != mark {
                        scratch.seen[j] = mark
                        scratch.found.append(j)
                    }
                }
            }
        }
        // Ascending: when partners are many, reading their marks across the window is cheaper
        // than sorting them.
        let window = Int(windowEnd) - (i + 1)
        if scratch.found.count > 16, scratch.found.count * 8 > window {
            scratch.found.removeAll(keepingCapacity: true)
            for j in (i + 1)..<Int(windowEnd) where scratch.seen[j] == mark { scratch.found.append(j) }
        } else {
            scratch.found.sort()
        }
    }

    /// The first index in `low..<high` failing `isBefore`, which holds for a prefix of the range.
    @inline(__always)
    private static func firstIndex(from low: Int, to high: Int, _ isBefore: (Int) -> Bool) -> Int {
        var low = low, high = high
        while low < high {
            let mid = (low + high) / 2
            if isBefore(mid) { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Every candidate pair `(i, j)` with `i < j`, ascending.
    var pairs: [(Int, Int)] {
        dayOrdinals.indices.flatMap { i in partners(of: i).map { (i, $0) } }
    }
}
