import BriefingCore

/// Articles in canonical order with their vectors and the decayed similarities of candidate pairs.
struct SimilarityModel: Sendable {
    var articles: [Article]
    var dayOrdinals: [Int]
    var vectors: TermVectors
    var edges: EdgeList
    var settings: ClusteringSettings

    /// `knownTerms`: cached terms (see `KnownTerms`); `reading`: an article as
    /// its terms are counted (see `StoryClusterer.cluster(_:knownTerms:reading:)`); `counted`,
    /// when given, gets every article's terms by id, and `vectors.terms` is then left empty.
    init(
        _ input: [Article], settings: ClusteringSettings, knownTerms: KnownTerms = .none,
        reading: @escaping @Sendable (Article) -> Article = { $0 }, counted: (([String: ArticleTerms]) -> Void)? = nil
    ) {
        self.settings = settings
        let articles = input.sorted(by: Article.canonicalOrder)
        self.articles = articles
        dayOrdinals = articles.map(\.day.ordinal)
        vectors = TermVectors(articles, settings: settings,
                              known: knownTerms, reading: reading,
                              counted: counted.map { counted in
                                  { terms in counted(Dictionary(zip(articles.map(\.id), terms), uniquingKeysWith: { first, _ in first })) }
                              })
        let candidates = CandidateIndex(vectors: vectors, dayOrdinals: dayOrdinals, settings: settings)
        edges = EdgeList()
        let model = self
        // At most 1,024 articles a range: a range's edges grow by doubling until trimmed, and ranges
        // of 6,250 articles at 100k held twice their 10 MB of edges per worker at the build's peak.
        let ranges = Parallel.chunks(articles.count, minimum: 64, maximum: 1024)
        edges = EdgeList(Parallel.map(ranges) { model.edges($0, candidates).trimmed() },
                         decay: decay)
    }

    /// Edges from the articles in `range` to their later candidates. Each article's vector is
    /// spread into a dense scratch array, so a dot product is one pass over the partner's terms,
    /// four partners at a time (`DenseDotProducts`). (Skipping the partner's terms absent from
    /// the scratch, by a bitmap, made it twice as slow: the test mispredicts.)
    private func edges(_ range: Range<Int>, _ candidates: CandidateIndex) -> [CandidatePair] {
        var scratch = [Double](repeating: 0, count: vectors.vocabulary.count)
        var partners = CandidateIndex.PartnerScratch()
        var out: [CandidatePair] = []
        for i in range {
            let v = vectors.vectors[i]
            for (id, weight) in zip(v.ids, v.weights) { scratch[Int(id)] = weight }
            candidates.partners(of: i, scratch: &partners)
            scratch.withUnsafeBufferPointer { dense in
                let found = partners.found
                for start in stride(from: 0, to: found.count, by: 4) {
                    let group = found[start..<min(start + 4, found.count)]
                    func lane<R>(_ k: Int, _ body: (DenseDotProducts.Lane) -> R) -> R {
                        k < group.count ? vectors.vectors[group[start + k]].withLane(body) : body(.empty)
                    }
                    let sums = lane(0) { a in lane(1) { b in lane(2) { c in lane(3) { d in DenseDotProducts.sums(dense, (a, b, c, d)) } } } }
                    for (k, cosine) in [sums.0, sums.1, sums.2, sums.3].prefix(group.count).enumerated() where cosine > 0 {
                        out.append(CandidatePair(i: i, j: group[start + k], cosine: cosine))
                    }
                }
            }
            for id in v.ids { scratch[Int(id)] = 0 }
        }
        return out
    }

    /// Cosine of two articles, decayed by the days between them; 0 outside the window.
    func similarity(_ i: Int, _ j: Int) -> Double {
        decayed(cosine(i, j), i, j, settings.timeDecay)
    }

    func cosine(_ i: Int, _ j: Int) -> Double {
        vectors.vectors[i].dot(vectors.vectors[j])
    }

    func decayed(_ cosine: Double, _ i: Int, _ j: Int, _ decay: Double) -> Double {
        self.decay.decayed(cosine, i, j, decay)
    }

    var decay: EdgeDecay {
        EdgeDecay(dayOrdinals: dayOrdinals, windowDays: settings.windowDays, timeDecay: settings.timeDecay,
                  cohesionDecay: settings.cohesionDecay)
    }
}

extension Parallel {
    /// `0..<count` cut into about eight ranges per worker, each at least `minimum` long and at
    /// most `maximum` (unless `minimum` is larger): for work that needs per-range state (a scratch
    /// array, a memo) in `Parallel.map`.
    static func chunks(_ count: Int, minimum: Int, maximum: Int = .max) -> [Range<Int>] {
        let size = max(minimum, min(maximum, count / (workerCount * 8)))
        return stride(from: 0, to: count, by: size).map { $0..<min(count, $0 + size) }
    }
}
