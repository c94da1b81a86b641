import BriefingCore

/// Finds the pairs worth comparing without comparing all pairs: an inverted index over the rarer
/// terms, restricted to articles at most `windowDays` apart. A term is too common to propose
/// partners when more than `minCandidateDocumentCount` other articles within the window use it (or,
/// with no window, more than `maxCandidateDocumentFraction` of all): counted inside the window,
/// so work per article grows with the articles per day, not with the whole input.
struct CandidateIndex: Sendable {
    /// Per term, the documents using it, ascending (= day order): term `t`'s are
    /// `postings[postingStarts[t]..<postingStarts[t + 1]]`. One flat array rather than an array
    /// per term: no allocation per term, and no pointer to follow to reach a list.
    private var postings: [Int32]
    private var postingStarts: [Int32]
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
        let indexed = vectors.documentFrequency.map { $0 >= 2 && $0 <= maxDF }
        // Counted first, so each list's place in the flat array is known before it is filled.
        var filled = [Int32](repeating: 0, count: indexed.count)
        var entryStarts = [0]
        entryStarts.reserveCapacity(n + 1)
        for v in vectors.vectors {
            var count = 0
            for id in v.ids where indexed[Int(id)] {
                filled[Int(id)] += 1
                count += 1
            }
            entryStarts.append(entryStarts[entryStarts.count - 1] + count)
        }
        var postingStarts = [Int32](repeating: 0, count: indexed.count + 1)
        for t in filled.indices { postingStarts[t + 1] = postingStarts[t] + filled[t] }
        var postings = [Int32](repeating: 0, count: Int(postingStarts[indexed.count]))
        var entries = [(term: Int32, position: Int32)](repeating: (0, 0), count: entryStarts[n])
        filled = [Int32](repeating: 0, count: indexed.count)
        var e = 0
        for (doc, v) in vectors.vectors.enumerated() {
            for id in v.ids where indexed[Int(id)] {
                let t = Int(id)
                entries[e] = (id, filled[t])
                e += 1
                postings[Int(postingStarts[t] + filled[t])] = Int32(doc)
                filled[t] += 1
            }
        }
        self.postings = postings
        self.postingStarts = postingStarts
        self.entries = entries
        self.entryStarts = entryStarts
        self.dayOrdinals = dayOrdinals
        self.windowDays = settings.windowDays
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
        for (term, position) in entries[entryStarts[i]..<entryStarts[i + 1]] {
            // By raw buffer: this runs for every indexed term of every article.
            postings.withUnsafeBufferPointer { all in
                let list = UnsafeBufferPointer(rebasing: all[Int(postingStarts[Int(term)])..<Int(postingStarts[Int(term) + 1])])
                let position = Int(position)
                let end = Self.firstIndex(from: position + 1, to: list.count) { list[$0] < windowEnd }
                // Common around this day (on either side): it cannot tell stories apart here.
                if end - position - 1 > maxPartnersPerTerm { return }
                let start = Self.firstIndex(from: 0, to: position) { list[$0] < windowStart }
                if end - start - 1 > maxPartnersPerTerm { return }
                for k in (position + 1)..<end {
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
