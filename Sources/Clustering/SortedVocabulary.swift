import BriefingCore

/// Distinct terms in ascending order with how many articles use each, made by merging the
/// vocabularies of ranges of articles counted apart. Merging sorted lists pairwise, in parallel,
/// replaced one table every range's terms went through and one sort of the whole vocabulary:
/// both ran on one core while the other waited.
struct SortedVocabulary: Sendable {
    var terms: [String]
    var documentFrequency: [Int]
    /// Per merged range, in range order: the position in `terms` of each of its terms, indexed
    /// by the term's position in that range's own sorted vocabulary.
    var positions: [[Int32]]

    /// One range's vocabulary, sorted; `documentFrequency[id]` counts the range's articles using term `id`.
    /// The second value gives, for each local id, the term's position in the sorted list.
    static func sorting(_ vocabulary: [String], documentFrequency: [Int]) -> (SortedVocabulary, localPositions: [Int32]) {
        let order: [Int]
        if let keys = asciiPrefixKeys(vocabulary) {
            // Most comparisons are decided by the keys alone, not by two Strings.
            order = vocabulary.indices.sorted { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : vocabulary[$0] < vocabulary[$1] }
        } else {
            order = vocabulary.indices.sorted { vocabulary[$0] < vocabulary[$1] }
        }
        var localPositions = [Int32](repeating: 0, count: vocabulary.count)
        for (position, id) in order.enumerated() { localPositions[id] = Int32(position) }
        let sorted = SortedVocabulary(terms: order.map { vocabulary[$0] }, documentFrequency: order.map { documentFrequency[$0] },
                                      positions: [Array(0..<Int32(order.count))])
        return (sorted, localPositions)
    }

    /// Each term's first eight UTF-8 bytes as one big-endian integer, zero-padded, when every
    /// term is ASCII (else nil): String order is then byte order, so keys that differ order their
    /// terms as the Strings do. (Terms hold no NUL byte, so a shorter term's padding sorts it first.)
    static func asciiPrefixKeys(_ terms: [String]) -> [UInt64]? {
        var keys: [UInt64] = []
        keys.reserveCapacity(terms.count)
        for term in terms {
            var term = term
            let key: UInt64? = term.withUTF8 { bytes in
                var key: UInt64 = 0
                for byte in bytes { guard byte < 0x80 else { return nil } }
                for k in 0..<8 { key = key << 8 | UInt64(k < bytes.count ? bytes[k] : 0) }
                return key
            }
            guard let key else { return nil }
            keys.append(key)
        }
        return keys
    }

    /// All ranges' vocabularies as one, ranges kept in order. Of terms equal as Strings (canonically
    /// equivalent spellings), the earliest range's spelling stands, as when terms were met in order.
    static func merging(_ parts: [SortedVocabulary]) -> SortedVocabulary {
        var level = parts
        while level.count > 1 {
            let pairs = stride(from: 0, to: level.count, by: 2).map { k in (level[k], k + 1 < level.count ? level[k + 1] : nil) }
            level = []
            // The last merge, of two halves of the vocabulary, would run on one core: it is split instead.
            if pairs.count == 1, let later = pairs[0].1 { return pairs[0].0.merged(with: later, pieces: 2) }
            level = Parallel.map(pairs) { first, second in second.map { first.merged(with: $0) } ?? first }
        }
        return level.first ?? SortedVocabulary(terms: [], documentFrequency: [], positions: [])
    }

    /// `self` and `later` as one list: a linear merge of two sorted lists. With `pieces` above one, the
    /// lists are cut at terms of `self` (and where those terms fall in `later`) and the pieces
    /// merged in parallel: every term of a piece sorts before every term of the next.
    func merged(with later: SortedVocabulary, pieces: Int = 1) -> SortedVocabulary {
        var cuts = [(0, 0)]
        if pieces > 1, terms.count >= 4096 {
            for k in 1..<pieces {
                let i = terms.count * k / pieces
                // The first term of `later` not before the cut term: equal ones merge in the piece after.
                var low = cuts[cuts.count - 1].1, high = later.terms.count
                while low < high {
                    let mid = (low + high) / 2
                    if later.terms[mid] < terms[i] { low = mid + 1 } else { high = mid }
                }
                cuts.append((i, low))
            }
        }
        cuts.append((terms.count, later.terms.count))
        let merges = Parallel.map(Array(zip(cuts, cuts.dropFirst()))) { start, end in
            mergedPiece(self, start.0..<end.0, later, start.1..<end.1)
        }
        var merged: [String] = [], frequency: [Int] = []
        var fromSelf: [Int32] = [], fromLater: [Int32] = []
        if merges.count == 1 {
            (merged, frequency, fromSelf, fromLater) = merges[0]
        } else {
            for piece in merges {
                let offset = Int32(merged.count)
                merged += piece.terms
                frequency += piece.frequency
                fromSelf += piece.fromSelf.map { $0 + offset }
                fromLater += piece.fromLater.map { $0 + offset }
            }
        }
        let positions = self.positions.map { $0.map { fromSelf[Int($0)] } } + later.positions.map { $0.map { fromLater[Int($0)] } }
        return SortedVocabulary(terms: merged, documentFrequency: frequency, positions: positions)
    }
}

/// The merge of `a.terms[aRange]` and `b.terms[bRange]`, with where each of their terms went
/// (positions counted from the piece's start).
private func mergedPiece(
    _ a: SortedVocabulary, _ aRange: Range<Int>, _ b: SortedVocabulary, _ bRange: Range<Int>
) -> (terms: [String], frequency: [Int], fromSelf: [Int32], fromLater: [Int32]) {
    var terms: [String] = [], frequency: [Int] = []
    terms.reserveCapacity(max(aRange.count, bRange.count))
    frequency.reserveCapacity(terms.capacity)
    var fromSelf = [Int32](repeating: 0, count: aRange.count)
    var fromLater = [Int32](repeating: 0, count: bRange.count)
    var i = aRange.lowerBound, j = bRange.lowerBound
    let aEnd = aRange.upperBound, bEnd = bRange.upperBound
    while i < aEnd || j < bEnd {
        let position = Int32(terms.count)
        if j == bEnd || (i < aEnd && a.terms[i] < b.terms[j]) {
            terms.append(a.terms[i])
            frequency.append(a.documentFrequency[i])
            fromSelf[i - aRange.lowerBound] = position
            i += 1
        } else if i == aEnd || b.terms[j] < a.terms[i] {
            terms.append(b.terms[j])
            frequency.append(b.documentFrequency[j])
            fromLater[j - bRange.lowerBound] = position
            j += 1
        } else {
            terms.append(a.terms[i])
            frequency.append(a.documentFrequency[i] + b.documentFrequency[j])
            fromSelf[i - aRange.lowerBound] = position
            fromLater[j - bRange.lowerBound] = position
            i += 1
            j += 1
        }
    }
    return (terms, frequency, fromSelf, fromLater)
}
