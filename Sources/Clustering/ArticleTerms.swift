/// One article's weighted term counts: all clustering reads of its text. A site build caches them
/// by content, so an unchanged article is not tokenised again.
///
/// Held compactly because a build holds every article's at once (they were a fifth of a 10k
/// build's peak memory as dictionaries, and still 43 MB as arrays of `Entry`): terms are ids into
/// a vocabulary array, which after counting is the build's sorted vocabulary, shared by all.
public struct ArticleTerms: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var term: String
        public var count: Double
        public var boost: Double

        public init(term: String, count: Double, boost: Double) {
            self.term = term
            self.count = count
            self.boost = boost
        }
    }

    /// The strings `ids` point into; when `ids` is empty, the terms themselves in order.
    private var vocabulary: [String]
    private(set) var ids: [Int32]
    public private(set) var counts: [Double]
    public private(set) var boosts: [Double]
    /// True when `ids` point into a sorted vocabulary: id order is then term order.
    private(set) var idsFollowTermOrder = false

    public init(entries: [Entry]) {
        vocabulary = entries.map(\.term)
        ids = []
        counts = entries.map(\.count)
        boosts = entries.map(\.boost)
    }

    /// Terms as `ids` into a vocabulary given later (`vocabulary(_:)`); entries in any order,
    /// since readers count and sort by term id.
    init(ids: [Int32], counts: [Double], boosts: [Double]) {
        vocabulary = []
        self.ids = ids
        self.counts = counts
        self.boosts = boosts
    }

    /// The same ids, pointing into `vocabulary` from now on.
    func vocabulary(_ vocabulary: [String], isSorted: Bool) -> ArticleTerms {
        var keyed = self
        keyed.setVocabulary(vocabulary, isSorted: isSorted)
        return keyed
    }

    mutating func setVocabulary(_ vocabulary: [String], isSorted: Bool) {
        self.vocabulary = vocabulary
        idsFollowTermOrder = isSorted
    }

    /// Every id replaced in place, for a vocabulary given later.
    mutating func mapIDs(_ transform: (Int32) -> Int32) {
        vocabulary = []
        idsFollowTermOrder = false
        for k in ids.indices { ids[k] = transform(ids[k]) }
    }

    /// Entries in their original order, wherever the terms are stored.
    public var entries: [Entry] {
        get { (0..<count).map { Entry(term: term($0), count: counts[$0], boost: boosts[$0]) } }
        set { self = ArticleTerms(entries: newValue) }
    }

    public var count: Int { counts.count }

    /// The term of entry `k` (of `counts` and `boosts`).
    public func term(_ k: Int) -> String { ids.isEmpty ? vocabulary[k] : vocabulary[Int(ids[k])] }

    /// The same terms as ids into `vocabulary`, which must hold every one of them (`ids` maps back).
    func keyed(to vocabulary: [String], ids: [String: Int32]) -> ArticleTerms {
        var keyed = self
        keyed.ids = (0..<count).map { ids[term($0)]! }
        keyed.vocabulary = vocabulary
        keyed.idsFollowTermOrder = false
        return keyed
    }

    /// Entry indices in ascending id order. Ids are distinct, so sorting (id, index) packed into
    /// one integer gives it; by radix, a byte of the id at a time, as every article's terms are
    /// sorted (twice: for its vector and its signature) and comparison sorts cost 4% of clustering.
    func idOrder() -> [Int] {
        var keys = ids.indices.map { UInt64(UInt32(bitPattern: ids[$0])) << 32 | UInt64($0) }
        let largest = ids.lazy.map { UInt32(bitPattern: $0) }.max() ?? 0
        var other = keys
        var shift = 32
        while shift < 64, largest >> (shift - 32) > 0 {
            Self.scatter(keys, into: &other, byteAt: shift)
            swap(&keys, &other)
            shift += 8
        }
        return keys.map { Int($0 & 0xFFFF_FFFF) }
    }

    /// `keys` stably sorted by their byte at bit `shift`, written to `out` (of the same count).
    private static func scatter(_ keys: [UInt64], into out: inout [UInt64], byteAt shift: Int) {
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 256) { next in
            next.initialize(repeating: 0)
            for key in keys { next[Int(truncatingIfNeeded: key >> shift) & 0xFF] += 1 }
            var position = 0
            for b in 0..<256 { (next[b], position) = (position, position + next[b]) }
            out.withUnsafeMutableBufferPointer { out in
                for key in keys {
                    let b = Int(truncatingIfNeeded: key >> shift) & 0xFF
                    out[next[b]] = key
                    next[b] += 1
                }
            }
        }
    }

    /// Entry indices in term order.
    func termOrder() -> [Int] {
        if idsFollowTermOrder { return idOrder() }
        let terms = (0..<count).map(term)
        return terms.indices.sorted { terms[$0] < terms[$1] }
    }

    public static func == (a: ArticleTerms, b: ArticleTerms) -> Bool {
        a.count == b.count && a.counts == b.counts && a.boosts == b.boosts && (0..<a.count).allSatisfy { a.term($0) == b.term($0) }
    }
}
