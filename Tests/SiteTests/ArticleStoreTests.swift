import BriefingCore
import Clustering
import Ingest
import Testing
@testable import Site

/// The article store's entries decode in full or as listings; a listing is the article less
/// its body and all but its first two sentences, and nothing else changes.
@Suite struct ArticleStoreTests {
    static let article = Article(
        id: "a", source: "2026-04-01/a.md", outlet: Outlet(name: "Bay Daily"), title: "Ferry halted",
        url: "https://bay.example/a", day: Day(year: 2026, month: 4, day: 1)!, publishedTime: "2026-04-01T06:00:00Z",
        author: "Ada Marr", byline: "By Ada Marr", dateline: "OLD QUAY", body: "One. Two. Three. Four.",
        sentences: (1...4).map { Sentence(text: "Sentence \($0).", paragraph: $0 / 2, line: 4 + $0) },
        extra: ["section": "Harbour"])
    static let parsed = ContentLoader.ParsedFile(
        article: article,
        removed: [RemovedLine(location: SourceLocation(path: "2026-04-01/a.md", line: 9), label: "sign-up prompt", text: "Sign up")],
        warnings: [.warning(SourceLocation(path: "2026-04-01/a.md", line: 2), "unknown key")])

    /// A parsed entry as the store writes and reads it back.
    static func stored(_ outcome: ContentLoader.FileOutcome) -> BuildCache.StoredArticle {
        let parsed = BuildCache.StoredArticle(digest: .zero, outcome: outcome)
        let listing = Array(parsed.listingBytes), body = Array(parsed.bodyBytes ?? [])
        return BuildCache.StoredArticle(
            digest: .zero, listing: .init(buffer: listing, range: 0..<listing.count),
            body: .encoded(.init(buffer: body, range: 0..<body.count)))
    }

    @Test func fullDecodeGivesBackWhatWasStored() {
        let entry = Self.stored(.article(Self.parsed))
        #expect(entry.outcome(.full) == .article(Self.parsed))
    }

    @Test func listingLeavesOutTheBodyAndLaterSentencesOnly() throws {
        let entry = Self.stored(.article(Self.parsed))
        guard case .article(let listed)? = entry.outcome(.listing, removedLines: false) else {
            Issue.record("listing did not decode")
            return
        }
        var expected = Self.article
        expected.body = ""
        expected.sentences = Array(expected.sentences.prefix(2))
        #expect(listed.article == expected)
        #expect(listed.removed.isEmpty)
        #expect(listed.warnings == Self.parsed.warnings)
    }

    @Test func failuresAndDamageDecodeAsSuch() {
        let failure = ContentLoader.FileOutcome.failed(.error(SourceLocation(path: "b.md", line: 1), "bad front matter"))
        #expect(Self.stored(failure).outcome(.listing) == failure)
        let listing = Array(BuildCache.StoredArticle(digest: .zero, outcome: .article(Self.parsed)).listingBytes)
        let truncated = BuildCache.StoredArticle(
            digest: .zero, listing: .init(buffer: listing, range: 0..<listing.count - 3), body: .encoded(.init { _ in }))
        #expect(truncated.outcome(.listing) == nil)
        // A body section that cannot be read leaves the listing readable, the full article not.
        let bodiless = BuildCache.StoredArticle(
            digest: .zero, listing: .init(buffer: listing, range: 0..<listing.count),
            body: .stored(DetailStore { _ in nil }, shard: 0, index: 0))
        #expect(bodiless.outcome(.listing) != nil)
        #expect(bodiless.outcome(.full) == nil)
    }

    @Test func comparisonsDecodeInFullOrBrief() {
        let bay = Outlet(name: "Bay Daily"), wire = Outlet(name: "North Wire")
        let claim = Claim(text: "The ferry stopped.", outlets: [bay, wire],
                          sources: [ClaimSource(articleID: "a", outlet: bay, sentence: 0)])
        let comparison = StoryComparison(
            storyID: "s", summary: ["The ferry stopped."], shared: [claim],
            only: [OutletOnly(outlet: wire, claims: [claim])],
            quotes: [QuoteGroup(speaker: "Ada Marr", variants: [.init(text: "We are working", outlets: [bay], diff: [DiffSegment(.same, "We")])])],
            disagreements: [Disagreement(about: "people", values: [.init(value: "40", outlets: [bay], sentence: "About 40.")])],
            headlines: [Headline(outlet: bay, title: "Ferry halted", articleID: "a", published: "2026-04-01")])
        let computed = BuildCache.StoredComparison(comparison)
        #expect(computed.comparison(.brief) == comparison)
        let brief = Array(computed.briefBytes), details = Array(computed.detailBytes ?? [])
        let entry = BuildCache.StoredComparison(
            brief: .init(buffer: brief, range: 0..<brief.count), details: .encoded(.init(buffer: details, range: 0..<details.count)))
        #expect(entry.comparison(.full) == comparison)
        #expect(entry.comparison(.brief) == StoryComparison(storyID: "s", summary: comparison.summary, headlines: comparison.headlines))
    }

    /// Article ids and outlets are written once per comparison and then by number; a number
    /// outside the table reads as damage, not as a crash.
    @Test func recurringNamesAreStoredOnce() throws {
        let bay = Outlet(name: "Bay Daily"), wire = Outlet(name: "North Wire"), gull = Outlet(name: "Gull Gazette")
        let sources = [ClaimSource(articleID: "2026-04-01-bay-daily-ferry", outlet: bay, sentence: 2),
                       ClaimSource(articleID: "2026-04-01-north-wire-ferry", outlet: wire, sentence: 0)]
        let claims = (0..<12).map { Claim(text: "Claim \($0) about the ferry.", outlets: [bay, wire], sources: sources) }
        let comparison = StoryComparison(
            storyID: "s", summary: [], shared: claims, only: [OutletOnly(outlet: gull, claims: [claims[0]])],
            quotes: [QuoteGroup(speaker: nil, variants: [.init(text: "We are working on it", outlets: [gull, bay], diff: [
                DiffSegment(.same, "We are"), DiffSegment(.deleted, "working"), DiffSegment(.inserted, "busy"),
            ])])],
            disagreements: [Disagreement(about: "people", values: [.init(value: "40", outlets: [wire], sentence: "About 40.")])],
            headlines: [])
        var writer = BinaryWriter()
        writer.comparisonDetails(comparison)
        let bytes = writer.bytes
        let idBytes = Array("2026-04-01-bay-daily-ferry".utf8)
        #expect(bytes.indices.filter { bytes[$0...].starts(with: idBytes) }.count == 1, "each id once")
        var reader = BinaryReader(bytes)
        #expect(try reader.comparisonDetails(StoryComparison(storyID: "s", summary: [], headlines: [])) == comparison)
        #expect(reader.isAtEnd)
        // The first claim's first outlet number (0) made 100: past the table of three outlets.
        var damaged = bytes
        let firstClaim = try #require(damaged.indices.first { damaged[$0...].starts(with: Array("Claim 0".utf8)) })
        damaged[firstClaim + "Claim 0 about the ferry.".utf8.count + 1] = 100
        var damagedReader = BinaryReader(damaged)
        #expect(throws: BinaryReader.CacheCorrupt.self) { try damagedReader.comparisonDetails(StoryComparison(storyID: "s", summary: [], headlines: [])) }
    }

    /// Whole counts as varints and boosts by number read back bit for bit, and so does any
    /// other count (a fraction, -0, NaN, a huge one); a boost number past the table is damage.
    @Test func termsRoundTripBitForBit() throws {
        let counts: [Double] = [1, 2, 7, 300, 0.5, -0.0, .nan, 0x1p60, 0]
        let boosts: [Double] = [1, 1.3, 1, 2.5, 1.3, 1, 4, 1, 1]
        let terms = ArticleTerms(entries: zip(counts, boosts).enumerated().map { k, pair in
            ArticleTerms.Entry(term: "term \(k) café", count: pair.0, boost: pair.1)
        })
        var writer = BinaryWriter()
        writer.articleTerms(terms)
        var reader = BinaryReader(writer.bytes)
        let read = try reader.articleTerms().entries
        #expect(reader.isAtEnd)
        #expect(read.map(\.term) == terms.entries.map(\.term))
        #expect(read.map(\.count.bitPattern) == counts.map(\.bitPattern))
        #expect(read.map(\.boost.bitPattern) == boosts.map(\.bitPattern))
        #expect(BinaryWriter.wholeCount(3) == 3 && BinaryWriter.wholeCount(-0.0) == nil && BinaryWriter.wholeCount(2.5) == nil)
        var damaged = writer.bytes
        damaged[damaged.count - 1] = 9  // the last term's boost number; the table holds four
        var damagedReader = BinaryReader(damaged)
        #expect(throws: BinaryReader.CacheCorrupt.self) { try damagedReader.articleTerms() }
    }

    @Test func storedClustersRoundTripAndHoldOnlyForTheSameSignatures() throws {
        let input = StoredClusters.Input(id: "a", content: ContentDigest("text"), signature: ContentDigest("terms"))
        let clusters = StoredClusters(stories: [Story(id: "s", title: "Ferry halted", articles: [Self.article])],
                                      inputs: [Self.article.source: input])
        var writer = BinaryWriter()
        clusters.encode(into: &writer)
        var reader = BinaryReader(writer.bytes)
        #expect(try StoredClusters(from: &reader) == clusters)
        #expect(clusters.holds(for: [Self.article.source: input]))
        var edited = input
        edited.content = ContentDigest("text, edited below the lead")
        #expect(clusters.holds(for: [Self.article.source: edited]))
        edited.signature = ContentDigest("other terms")
        #expect(!clusters.holds(for: [Self.article.source: edited]))
        #expect(!clusters.holds(for: [Self.article.source: input, "other.md": input]))
        #expect(clusters.stories(from: [Self.article])?.map(\.id) == ["s"])
        #expect(clusters.stories(from: []) == nil)
    }
}

@Suite struct StoredClustersInputsTests {
    static func input(_ id: String, _ content: UInt64, _ signature: UInt64) -> StoredClusters.Input {
        .init(id: id, content: ContentDigest(high: 0, low: content), signature: ContentDigest(high: 0, low: signature))
    }

    static let stored = StoredClusters(stories: [], inputs: ["a.md": input("a", 1, 1), "b.md": input("b", 2, 2), "c.md": input("c", 3, 3)])

    /// What the records made from scratch say, for comparison.
    static func fromScratch(_ inputs: [String: StoredClusters.Input]) -> Bool {
        inputs.count == stored.inputs.count && stored.holds(for: inputs)
    }

    @Test func changedRecordsGiveWhatRecordsMadeFromScratchGive() throws {
        let cases: [(changed: [String: StoredClusters.Input], count: Int)] = [
            ([:], 3),                                // nothing changed
            (["b.md": Self.input("b", 20, 2)], 3),        // new content, same signature
            (["b.md": Self.input("b", 20, 21)], 3),       // new signature
            (["d.md": Self.input("d", 4, 4)], 4),         // a new article
        ]
        for (changed, count) in cases {
            let (inputs, holds) = try #require(Self.stored.inputs(changing: changed, articleCount: count))
            var expected = Self.stored.inputs
            expected.merge(changed) { _, new in new }
            #expect(inputs == expected)
            #expect(holds == Self.fromScratch(expected))
        }
        #expect(Self.stored.inputs(changing: [:], articleCount: 3)?.holds == true)
        #expect(Self.stored.inputs(changing: ["b.md": Self.input("b", 20, 21)], articleCount: 3)?.holds == false)
    }

    @Test func aRemovedArticleIsNoticed() {
        // c.md removed and d.md added: the same count of articles, another set of sources.
        #expect(Self.stored.inputs(changing: ["d.md": Self.input("d", 4, 4)], articleCount: 3) == nil)
        #expect(Self.stored.inputs(changing: [:], articleCount: 2) == nil)
    }
}
