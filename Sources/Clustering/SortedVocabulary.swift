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
            level = Parallel.map(pairs) { first, second in second.map { first.merged(with: $0) } ?? first }
        }
        return level.first ?? SortedVocabulary(terms: [], documentFrequency: [], positions: [])
    }

    /// `self` and `later` as one list: a linear merge of two sorted lists.
    func merged(with later: SortedVocabulary) -> SortedVocabulary {
        var terms: [String] = [], frequency: [Int] = []
        terms.reserveCapacity(max(self.terms.count, later.terms.count))
        frequency.reserveCapacity(terms.capacity)
        var fromSelf = [Int32](repeating: 0, count: self.terms.count)
        var fromLater = [Int32](repeating: 0, count: later.terms.count)
        var i = 0, j = 0
        while i < self.terms.count || j < later.terms.count {
            let position = Int32(terms.count)
            if j == later.terms.count || (i < self.terms.count && self.terms[i] < later.terms[j]) {
                terms.append(self.terms[i])
                frequency.append(documentFrequency[i])
                fromSelf[i] = position
                i += 1
            } else if i == self.terms.count || later.terms[j] < self.terms[i] {
                terms.append(later.terms[j])
                frequency.append(later.documentFrequency[j])
                fromLater[j] = position
                j += 1
            } else {
                terms.append(self.terms[i])
                frequency.append(documentFrequency[i] + later.documentFrequency[j])
                fromSelf[i] = position
                fromLater[j] = position
                i += 1
                j += 1
            }
        }
        let positions = self.positions.map { $0.map { fromSelf[Int($0)] } } + later.positions.map { $0.map { fromLater[Int($0)] } }
        return SortedVocabulary(terms: terms, documentFrequency: frequency, positions: positions)
    }
}
