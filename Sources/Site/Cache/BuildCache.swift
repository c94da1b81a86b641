import BriefingCore
import Clustering
import Foundation
import Ingest

/// The incremental-build cache: a folder `.<output>.briefing-cache` beside the output folder (not
/// inside it, so it is never served, and not under `.build`, so it follows the site). Files, each
/// checked on its own (`CacheFile`): `manifest` (stats and digests of inputs and outputs),
/// `articles-<n>` (each file's parse outcome by path and digest; bodies in section 1), `terms-<n>` (each file's
/// clustering terms by digest), `clusters` (the last stories and what the clusterer read) and `comparisons-<n>` (by story key; all but the summary and headlines in section 1). Entries are keyed by content, so any mix of old and new files is still correct.
struct BuildCache: Sendable {
    let directory: String
    /// Stores kept from this process's earlier builds, read instead of the files when current.
    let memory: BuildMemory?

    init(outputDirectory: URL, memory: BuildMemory? = nil) {
        let output = outputDirectory.standardizedFileURL
        directory = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).briefing-cache").path
        self.memory = memory
    }

    private var manifestPath: String { directory + "/manifest" }

    /// The site the last publish replaced (`SpareSite`).
    var spareDirectory: String { directory + "/site" }

    func loadManifest() -> BuildManifest? {
        if let known = memory?.manifest(at: manifestPath) { return known }
        var manifest: BuildManifest?
        if var reader = CacheFile.read(manifestPath, kind: "manifest", fingerprint: .zero) {
            manifest = try? BuildManifest(from: &reader)
        }
        memory?.remember(manifest, at: manifestPath)
        return manifest
    }

    /// Stores are split in shards by key, read in parallel, and only shards with a changed
    /// entry are written again: one edited article rewrites one shard, not the whole store. A
    /// shard is encoded in one buffer (grown by doubling) while others are: at 16 shards those
    /// buffers were a quarter of a full build's peak at 100k articles. A story's articles read
    /// back cost one shard's check each: at 10k a shard of 64 holds about 1 MB of bodies.
    static let shardCount = 64

    static func shard(of path: String) -> Int { Int(ContentDigest(path).low % UInt64(shardCount)) }
    static func shard(of key: ContentDigest) -> Int { Int(key.low % UInt64(shardCount)) }

    func shardPath(_ kind: String, _ shard: Int) -> String { directory + "/\(kind)-\(shard)" }

    /// Every entry of every shard's section 0; `entry` gets each entry's shard and index, by
    /// which its section-1 part is found (`DetailStore`).
    private func loadShards<Key: Hashable & Sendable, Value: Sendable>(
        _ kind: String, fingerprint: ContentDigest,
        _ entry: @escaping @Sendable (inout BinaryReader, _ shard: Int, _ index: Int) throws(BinaryReader.CacheCorrupt) -> (Key, Value)
    ) -> [Key: Value] {
        let shards = Parallel.map(Array(0..<Self.shardCount)) { shard -> [(Key, Value)] in
            guard var r = CacheFile.read(shardPath(kind, shard), kind: kind, fingerprint: fingerprint) else { return [] }
            var list: [(Key, Value)] = []
            do throws(BinaryReader.CacheCorrupt) {
                for index in 0..<(try r.count()) { list.append(try entry(&r, shard, index)) }
            } catch {
                return []
            }
            return r.isAtEnd ? list : []
        }
        return Dictionary(shards.joined().map { $0 }, uniquingKeysWith: { a, _ in a })
    }

    /// Rewrites the dirty shards (`writeShard`), in parallel: a full build writes all of them.
    private func saveShards<Key: Hashable & Sendable, Value: Sendable>(
        _ kind: String, _ entries: [Key: Value], dirty: Set<Int>, fingerprint: ContentDigest,
        shard: (Key) -> Int, order: @escaping @Sendable (Key, Key) -> Bool,
        detail: (@Sendable (inout BinaryWriter, Value) -> Bool)? = nil,
        _ write: @escaping @Sendable (inout BinaryWriter, Key, Value) -> Void
    ) {
        prepare()
        var byShard: [Int: [(Key, Value)]] = [:]
        for (key, value) in entries where dirty.contains(shard(key)) { byShard[shard(key), default: []].append((key, value)) }
        _ = Parallel.map(dirty.sorted().map { ($0, byShard[$0] ?? []) }) { index, entries -> Void in
            // Not returned: every shard's bytes would be held until the last is written.
            writeShard(kind, index, entries, fingerprint: fingerprint, order: order, detail: detail, write)
        }
    }

    /// Writes one shard's file: section 0 from `write`; with `detail`, section 1 holds each
    /// entry's detail in the same order (an entry whose detail cannot be read is left out: it is
    /// made again when next wanted). Section 0's bytes, or nil when the file was not written.
    @discardableResult
    func writeShard<Key, Value>(
        _ kind: String, _ index: Int, _ entries: [(Key, Value)], fingerprint: ContentDigest, order: (Key, Key) -> Bool,
        detail: ((inout BinaryWriter, Value) -> Bool)?, _ write: (inout BinaryWriter, Key, Value) -> Void
    ) -> [UInt8]? {
        var kept = entries.sorted { order($0.0, $1.0) }
        var payloads: [[UInt8]] = []
        if let detail {
            // Details go straight into section 1 (made first, to learn which exist), each encoded
            // in place: a shard's details are most of its bytes.
            var details = BinaryWriter(capacity: 1 << 16)
            var withDetail: [(Key, Value)] = []
            for pair in kept where detail(&details, pair.1) { withDetail.append(pair) }
            kept = withDetail
            payloads = [details.bytes]
        }
        var listing = BinaryWriter(capacity: 1 << 16)
        listing.array(kept) { w, pair in write(&w, pair.0, pair.1) }
        payloads.insert(listing.bytes, at: 0)
        return CacheFile.write(shardPath(kind, index), kind: kind, fingerprint: fingerprint, payloads: payloads) ? payloads[0] : nil
    }

    func details(_ kind: String, fingerprint: ContentDigest) -> DetailStore {
        DetailStore { shard in
            // Section 1 is the details one after another, in section 0's order, up to its end.
            guard let opened = CacheFile.open(shardPath(kind, shard), kind: kind, fingerprint: fingerprint, section: 1) else { return nil }
            var r = opened.reader
            var ranges: [Range<Int>] = []
            while !r.isAtEnd {
                guard let range = try? r.blobRange() else { return nil }
                ranges.append(range)
            }
            return (opened.section, ranges)
        }
    }

    /// Shards whose entries differ between two versions of a store.
    static func dirtyShards<Key: Hashable>(_ old: [Key: ContentDigest], _ new: [Key: ContentDigest], shard: (Key) -> Int) -> Set<Int> {
        var dirty = Set<Int>()
        for (key, digest) in new where old[key] != digest { dirty.insert(shard(key)) }
        for key in old.keys where new[key] == nil { dirty.insert(shard(key)) }
        return dirty
    }

    func loadArticles(fingerprint: ContentDigest) -> [String: StoredArticle] {
        if let known = memory?.articles(fingerprint) { return known }
        let articles = readArticles(fingerprint: fingerprint)
        memory?.remember(articles: articles, fingerprint)
        return articles
    }

    private func readArticles(fingerprint: ContentDigest) -> [String: StoredArticle] {
        let bodies = details("articles", fingerprint: fingerprint)
        return loadShards("articles", fingerprint: fingerprint) { (r: inout BinaryReader, shard, index) throws(BinaryReader.CacheCorrupt) in
            try Self.articleEntry(&r, bodies: bodies, shard: shard, index: index)
        }
    }

    func loadComparisons(fingerprint: ContentDigest) -> [ContentDigest: StoredComparison] {
        if let known = memory?.comparisons(fingerprint) { return known }
        let comparisons = readComparisons(fingerprint: fingerprint)
        memory?.remember(comparisons: comparisons, fingerprint)
        return comparisons
    }

    private func readComparisons(fingerprint: ContentDigest) -> [ContentDigest: StoredComparison] {
        let details = details("comparisons", fingerprint: fingerprint)
        return loadShards("comparisons", fingerprint: fingerprint) { (r: inout BinaryReader, shard, index) throws(BinaryReader.CacheCorrupt) in
            let key = try r.digest()
            let brief = Encoded(buffer: r.buffer, range: try r.blobRange())
            return (key, StoredComparison(brief: brief, details: .stored(details, shard: shard, index: index)))
        }
    }

    func loadTerms(fingerprint: ContentDigest) -> StoredTerms {
        StoredTerms(loadShards("terms", fingerprint: fingerprint) { (r: inout BinaryReader, _, _) throws(BinaryReader.CacheCorrupt) in
            let key = try r.digest()
            let start = r.offset
            try r.skipArticleTerms()
            return (key, Encoded(buffer: r.buffer, range: start..<r.offset))
        })
    }

    /// Terms are a function of their file's content, so only added or removed keys dirty a shard.
    func saveTerms(_ terms: [ContentDigest: ArticleTerms], previous: StoredTerms, fingerprint: ContentDigest) {
        let dirty = Self.dirtyShards(Self.identity(previous.digests), Self.identity(terms.keys), shard: Self.shard(of:))
        saveShards("terms", terms, dirty: dirty, fingerprint: fingerprint, shard: Self.shard(of:),
                   order: { ($0.high, $0.low) < ($1.high, $1.low) }) { w, key, terms in
            w.digest(key)
            w.articleTerms(terms)
        }
    }

    /// Keys standing for their entries, for `dirtyShards` of a store whose keys digest its values.
    private static func identity(_ keys: some Sequence<ContentDigest>) -> [ContentDigest: ContentDigest] {
        Dictionary(keys.map { ($0, $0) }, uniquingKeysWith: { first, _ in first })
    }

    func saveArticles(_ articles: [String: StoredArticle], previous: [String: StoredArticle], fingerprint: ContentDigest) {
        let dirty = Self.dirtyShards(previous.mapValues(\.digest), articles.mapValues(\.digest), shard: Self.shard(of:))
        saveShards("articles", articles, dirty: dirty, fingerprint: fingerprint, shard: Self.shard(of:), order: <,
                   detail: { $1.writeBody(to: &$0) }, Self.writeArticleEntry)
        memory?.remember(articles: articles, fingerprint)
    }

    /// Rewrites the comparison shards that changed, but those in `written` (`saveComparisonShard`).
    func saveComparisons(
        _ comparisons: [ContentDigest: StoredComparison], previous: [ContentDigest: StoredComparison], fingerprint: ContentDigest,
        written: Set<Int> = []
    ) {
        let dirty = Self.dirtyShards(Self.identity(previous.keys), Self.identity(comparisons.keys), shard: Self.shard(of:))
        saveShards("comparisons", comparisons, dirty: dirty.subtracting(written), fingerprint: fingerprint, shard: Self.shard(of:),
                   order: Self.comparisonOrder, detail: Self.comparisonDetail, Self.comparisonEntry)
        memory?.remember(comparisons: comparisons, fingerprint)
    }

    /// Writes comparison shard `index` holding `entries`, all it holds, now: the compare stage
    /// writes each shard on the core that compared its stories (`prepare()` first).
    func saveComparisonShard(_ index: Int, _ entries: [(ContentDigest, StoredComparison)], fingerprint: ContentDigest) {
        writeShard("comparisons", index, entries, fingerprint: fingerprint, order: Self.comparisonOrder,
                   detail: Self.comparisonDetail, Self.comparisonEntry)
    }

    private static let comparisonOrder = { @Sendable (a: ContentDigest, b: ContentDigest) in (a.high, a.low) < (b.high, b.low) }
    private static let comparisonDetail = { @Sendable (w: inout BinaryWriter, c: StoredComparison) in c.writeDetails(to: &w) }
    private static let comparisonEntry = { @Sendable (w: inout BinaryWriter, key: ContentDigest, c: StoredComparison) in
        w.digest(key)
        c.writeBrief(to: &w)
    }

    private var clustersPath: String { directory + "/clusters" }

    func loadClusters(fingerprint: ContentDigest) -> StoredClusters? {
        if let known = memory?.clusters(fingerprint) { return known }
        let clusters = readClusters(fingerprint: fingerprint)
        if let clusters { memory?.remember(clusters: clusters, fingerprint) }
        return clusters
    }

    private func readClusters(fingerprint: ContentDigest) -> StoredClusters? {
        guard var reader = CacheFile.read(clustersPath, kind: "clusters", fingerprint: fingerprint),
              let clusters = try? StoredClusters(from: &reader), reader.isAtEnd
        else { return nil }
        return clusters
    }

    func saveClusters(_ clusters: StoredClusters, fingerprint: ContentDigest) {
        prepare()
        CacheFile.write(clustersPath, kind: "clusters", fingerprint: fingerprint) { clusters.encode(into: &$0) }
        memory?.remember(clusters: clusters, fingerprint)
    }

    /// Written last, after the site is switched in: a build killed before this leaves a manifest
    /// describing the previous output, which no longer matches the folder's stat.
    func saveManifest(_ manifest: BuildManifest) {
        prepare()
        CacheFile.write(manifestPath, kind: "manifest", fingerprint: .zero) { manifest.encode(into: &$0) }
        memory?.remember(manifest, at: manifestPath)
    }

    /// Before publishing: a manifest must never outlive the output it describes.
    func invalidateManifest() {
        unlink(manifestPath)
        memory?.forgetManifest()
    }

    func prepare() {
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }
}
