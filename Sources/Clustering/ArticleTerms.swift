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
    private(set) var counts: [Double]
    private(set) var boosts: [Double]

    public init(entries: [Entry]) {
        vocabulary = entries.map(\.term)
        ids = []
        counts = entries.map(\.count)
        boosts = entries.map(\.boost)
    }

    init(_ counts: [String: TermVectors.TermCount]) {
        // In dictionary order: readers count and sort by term id, so order never shows.
        self.init(entries: counts.map { Entry(term: $0.key, count: $0.value.count, boost: $0.value.boost) })
    }

    /// Entries in their original order, wherever the terms are stored.
    public var entries: [Entry] {
        get { (0..<count).map { Entry(term: term($0), count: counts[$0], boost: boosts[$0]) } }
        set { self = ArticleTerms(entries: newValue) }
    }

    var count: Int { counts.count }

    func term(_ k: Int) -> String { ids.isEmpty ? vocabulary[k] : vocabulary[Int(ids[k])] }

    /// The same terms as ids into `vocabulary`, which must hold every one of them (`ids` maps back).
    func keyed(to vocabulary: [String], ids: [String: Int32]) -> ArticleTerms {
        var keyed = self
        keyed.ids = (0..<count).map { ids[term($0)]! }
        keyed.vocabulary = vocabulary
        return keyed
    }

    public static func == (a: ArticleTerms, b: ArticleTerms) -> Bool {
        a.count == b.count && a.counts == b.counts && a.boosts == b.boosts && (0..<a.count).allSatisfy { a.term($0) == b.term($0) }
    }
}
