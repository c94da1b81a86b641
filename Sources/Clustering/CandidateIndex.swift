import BriefingCore

/// Finds the pairs worth comparing without comparing all pairs: an inverted index over the rarer
/// terms (very frequent terms cannot tell stories apart and would make the pairs quadratic),
/// restricted to articles at most `windowDays` apart.
struct CandidateIndex: Sendable {
    /// Pairs `(i, j)` with `i < j`, ascending.
    var pairs: [(Int, Int)]

    /// `dayOrdinals` must be ascending (articles in canonical order).
    init(vectors: TermVectors, dayOrdinals: [Int], settings: ClusteringSettings) {
        let n = dayOrdinals.count
        let maxDF = max(settings.minCandidateDocumentCount,
                        Int(settings.maxCandidateDocumentFraction * Double(n)))
        var postings = [[Int]](repeating: [], count: vectors.vocabulary.count)
        for (doc, v) in vectors.vectors.enumerated() {
            for id in v.ids where vectors.documentFrequency[id] >= 2 && vectors.documentFrequency[id] <= maxDF {
                postings[id].append(doc)
            }
        }
        var seen = Set<Int>()
        for list in postings where list.count >= 2 {
            for a in 0..<list.count {
                let i = list[a]
                for b in (a + 1)..<list.count {
                    let j = list[b]
                    // Postings are in day order, so the rest of the list is out of the window too.
                    if dayOrdinals[j] - dayOrdinals[i] > settings.windowDays { break }
                    seen.insert(i * n + j)
                }
            }
        }
        pairs = seen.sorted().map { ($0 / n, $0 % n) }
    }
}
