/// Where each sentence's pairs start in a story's scored pairs (in (i, j) order, so the pairs whose
/// first sentence is `i` lie together): passes that ask about few sentences read their rows only,
/// where they scanned, or searched, every pair of the story.
struct PairRows: Sendable {
    /// The pairs whose first sentence is `i` are `pairs[starts[i]..<starts[i + 1]]`.
    let starts: [Int]

    /// The rows of `pairs` (in (i, j) order) of a story of `sentenceCount` sentences. Each row's start
    /// found by galloping from the one before, then a binary search: a few steps per sentence, where
    /// counting read every pair (rows average 16 pairs), and counting while scoring slowed the scoring.
    init(_ pairs: [ScoredPair], sentenceCount: Int) {
        var starts = [Int](repeating: pairs.count, count: sentenceCount + 1)
        pairs.withUnsafeBufferPointer { pairs in
            var start = 0
            for i in 0..<sentenceCount {
                // Every pair before `lo` is of an earlier sentence; `hi` is at the end or past the row's start.
                var lo = start, hi = start, step = 1
                while hi < pairs.count, pairs[hi].i < i {
                    lo = hi + 1
                    hi = min(hi + step, pairs.count)
                    step *= 2
                }
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if pairs[mid].i < i { lo = mid + 1 } else { hi = mid }
                }
                starts[i] = lo
                start = lo
            }
        }
        self.starts = starts
    }

    /// The indices of the pairs whose first sentence is `i`.
    func row(_ i: Int) -> Range<Int> { starts[i]..<starts[i + 1] }

    /// The index of pair (i, j), i < j, in `pairs`, if there: a search of row `i` by `j`.
    func index(_ pairs: [ScoredPair], _ i: Int, _ j: Int) -> Int? {
        var lo = starts[i], hi = starts[i + 1]
        while lo < hi {
            let mid = (lo + hi) / 2, other = pairs[mid].j
            if other == j { return mid }
            if other < j { lo = mid + 1 } else { hi = mid }
        }
        return nil
    }
}
