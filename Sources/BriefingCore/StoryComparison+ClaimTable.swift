/// The claims of one comparison held together (`StoryComparison.compacted()`): texts as word ids of
/// a build's `ClaimWords` (or as their sentences, ranges of article bodies the build holds anyway),
/// outlet lists and sources as small integers into the story's outlets and articles.
/// A build holds every story's comparison from comparing to rendering, and claims held one by one
/// (their own text, outlet and source arrays) were most of that: about 0.5 KB per claim.
final class ClaimTable: Sendable {
    let words: ClaimWords?
    /// With `words`: the claims' texts' word ids (`ClaimWords.encode`); claim `c`'s end at
    /// `textEnds[c]` and start where claim `c - 1`'s ended.
    let codes: [UInt8]
    let textEnds: [UInt32]
    /// Without `words`: the claims' sentences.
    let sentences: [Sentence]
    /// Per claim: which of `outletLists` it has, and where its sources end in `sources` (each
    /// starts where the one before ended).
    let outletListIndices: [UInt32]
    let sourceEnds: [UInt32]
    /// The distinct outlet lists, shared by the claims that have them.
    let outletLists: [[Outlet]]
    /// Per source: its index in `articles` (high half) and sentence (low half).
    let sources: [UInt64]
    let articles: [(id: String, outlet: Outlet)]

    /// Arrays at their exact size: grown by appending, they were up to twice as large.
    fileprivate init(_ builder: ClaimTableBuilder) {
        words = builder.words
        codes = builder.codes.trimmed()
        textEnds = builder.textEnds.trimmed()
        sentences = builder.sentences.trimmed()
        outletListIndices = builder.outletListIndices.trimmed()
        sourceEnds = builder.sourceEnds.trimmed()
        outletLists = builder.outletLists.trimmed()
        sources = builder.sources.trimmed()
        articles = builder.articles.trimmed()
    }

    func text(of claim: Int) -> String {
        guard let words else { return sentences[claim].text }
        return words.decode(codes[(claim == 0 ? 0 : Int(textEnds[claim - 1]))..<Int(textEnds[claim])])
    }

    func outlets(of claim: Int) -> [Outlet] { outletLists[Int(outletListIndices[claim])] }

    func sources(of claim: Int) -> [ClaimSource] {
        let start = claim == 0 ? 0 : Int(sourceEnds[claim - 1])
        return sources[start..<Int(sourceEnds[claim])].map { packed in
            let article = articles[Int(packed >> 32)]
            return ClaimSource(articleID: article.id, outlet: article.outlet, sentence: Int(packed & 0xFFFF_FFFF))
        }
    }
}

/// Gathers claims into a `ClaimTable`; nil from `add` when a claim does not fit its integers.
struct ClaimTableBuilder {
    fileprivate let words: ClaimWords?
    fileprivate var codes: [UInt8] = []
    fileprivate var textEnds: [UInt32] = []
    fileprivate var sentences: [Sentence] = []
    fileprivate var outletListIndices: [UInt32] = []
    fileprivate var sourceEnds: [UInt32] = []
    fileprivate var outletLists: [[Outlet]] = []
    fileprivate var sources: [UInt64] = []
    fileprivate var articles: [(id: String, outlet: Outlet)] = []
    /// Outlet lists by their outlets' indices in `outlets`.
    private var listIndex: [[Int32]: UInt32] = [:]
    private var outlets: [Outlet] = []
    /// Articles by id (the first entry with that id; another outlet under the same id is searched for).
    private var articleIndex: [String: Int] = [:]

    init(words: ClaimWords?) { self.words = words }

    /// The index of the claim in the table.
    mutating func add(_ claim: Claim) -> Int? {
        if let words {
            guard words.encode(claim.text, into: &codes), codes.count <= UInt32.max else { return nil }
            textEnds.append(UInt32(codes.count))
        } else {
            sentences.append(claim.sentence)
        }

        let key = claim.outlets.map { outletIndex($0) }
        if let known = listIndex[key] {
            outletListIndices.append(known)
        } else {
            listIndex[key] = UInt32(outletLists.count)
            outletListIndices.append(UInt32(outletLists.count))
            outletLists.append(claim.outlets)
        }

        for source in claim.sources {
            guard source.sentence >= 0, source.sentence <= UInt32.max else { return nil }
            sources.append(UInt64(articleIndex(source)) << 32 | UInt64(source.sentence))
        }
        guard sources.count <= UInt32.max else { return nil }
        sourceEnds.append(UInt32(sources.count))
        return sourceEnds.count - 1
    }

    /// Stories have a few outlets: a scan is quicker than hashing their names.
    private mutating func outletIndex(_ outlet: Outlet) -> Int32 {
        if let found = outlets.firstIndex(of: outlet) { return Int32(found) }
        outlets.append(outlet)
        return Int32(outlets.count - 1)
    }

    /// The first entry with the source's id and outlet, else a new one. Up to `scanLimit` entries
    /// they are searched in turn: a story's ids are the same Strings each time (equal at once),
    /// where hashing each showed in profiles; past it, by id.
    private mutating func articleIndex(_ source: ClaimSource) -> Int {
        if articles.count <= Self.scanLimit {
            if let found = articles.firstIndex(where: { $0 == (source.articleID, source.outlet) }) { return found }
        } else if let first = articleIndex[source.articleID] {
            if articles[first].outlet == source.outlet { return first }
            if let other = articles.indices.first(where: { articles[$0] == (source.articleID, source.outlet) }) { return other }
        } else {
            articleIndex[source.articleID] = articles.count
        }
        articles.append((source.articleID, source.outlet))
        if articles.count == Self.scanLimit + 1 {
            for (index, article) in articles.enumerated().reversed() { articleIndex[article.id] = index }
        }
        return articles.count - 1
    }

    private static var scanLimit: Int { 16 }

    func finish() -> ClaimTable { ClaimTable(self) }
}

extension StoryComparison {
    /// The same comparison with its claims held in one `ClaimTable`, their words in `words` (one
    /// for all the comparisons of a build, where most words recur): equal, far smaller, and holding
    /// no range of any article's body. With `words` nil, the claims' texts stay as their sentences
    /// are held (ranges of article bodies): for a build that holds its articles whole anyway, where
    /// coding every text and decoding it for each page and file was about 4% of the CPU.
    /// Unchanged when a claim does not fit the table, or when compacted already.
    public func compacted(words: ClaimWords? = ClaimWords()) -> StoryComparison {
        if isCompacted { return self }
        var builder = ClaimTableBuilder(words: words)
        var sharedIndices: [Int] = []
        var onlyIndices: [[Int]] = []
        for claim in shared {
            guard let index = builder.add(claim) else { return self }
            sharedIndices.append(index)
        }
        for outlet in only {
            var indices: [Int] = []
            for claim in outlet.claims {
                guard let index = builder.add(claim) else { return self }
                indices.append(index)
            }
            onlyIndices.append(indices)
        }
        let table = builder.finish()
        var copy = self
        copy.shared = sharedIndices.map { Claim(table: table, index: $0) }
        copy.only = zip(only, onlyIndices).map { OutletOnly(outlet: $0.outlet, claims: $1.map { Claim(table: table, index: $0) }) }
        // Quote diffs are grown by appending: held at their exact size.
        copy.quotes = quotes.map { group in
            QuoteGroup(speaker: group.speaker, variants: group.variants.map { variant in
                QuoteGroup.Variant(text: variant.text, outlets: variant.outlets, diff: variant.diff.trimmed())
            })
        }
        return copy
    }
}

extension StoryComparison {
    /// Whether its claims, one at least, are all rows of one table.
    private var isCompacted: Bool {
        var table: ClaimTable?
        for claim in shared + only.flatMap(\.claims) {
            guard let row = claim.table, table == nil || row === table else { return false }
            table = row
        }
        return table != nil
    }
}

extension Array {
    /// A copy without the spare capacity that growing by appending leaves: for arrays a build
    /// holds many of at once.
    public func trimmed() -> [Element] {
        [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
            initialized = buffer.initialize(fromContentsOf: self)
        }
    }
}

