import BriefingCore
import Ingest

/// The article store saved one shard at a time, as ingest makes each shard's entries: a full
/// build then never holds every parsed body at once (parsing all before saving was the peak of a
/// 100k build), and its articles become listings as soon as their shard is written.
extension BuildCache {
    struct ArticleShardSaver: Sendable {
        let cache: BuildCache
        let fingerprint: ContentDigest
        /// The previous store's digests, by shard: a shard whose entries all match is not written.
        private let previous: [Int: [String: ContentDigest]]
        /// Bodies of the entries saved here, read back from the new files when wanted.
        private let bodies: DetailStore

        init(cache: BuildCache, previous: [String: StoredArticle], fingerprint: ContentDigest) {
            self.cache = cache
            self.fingerprint = fingerprint
            var byShard: [Int: [String: ContentDigest]] = [:]
            for (source, entry) in previous { byShard[BuildCache.shard(of: source), default: [:]][source] = entry.digest }
            self.previous = byShard
            bodies = cache.details("articles", fingerprint: fingerprint)
            cache.prepare()
        }

        /// Writes shard `shard` (`entries`: all of its entries) unless it holds what the previous
        /// store held. Its entries as stored (listings in the new section 0, bodies read back from
        /// section 1); nil when the shard was not written.
        func save(_ shard: Int, _ entries: [String: StoredArticle]) -> [String: StoredArticle]? {
            let old = previous[shard] ?? [:]
            guard old.count != entries.count || entries.contains(where: { old[$0.key] != $0.value.digest }) else { return nil }
            guard let section = cache.writeShard(
                "articles", shard, Array(entries), fingerprint: fingerprint, order: <, detail: { $1.writeBody(to: &$0) }, BuildCache.writeArticleEntry)
            else { return nil }
            // Held to the end of the build: without the spare capacity the writer grew it by.
            var reader = BinaryReader(section.withUnsafeBufferPointer { Array($0) })
            var saved: [String: StoredArticle] = [:]
            do throws(BinaryReader.CacheCorrupt) {
                for index in 0..<(try reader.count()) {
                    let (source, entry) = try BuildCache.articleEntry(&reader, bodies: bodies, shard: shard, index: index)
                    saved[source] = entry
                }
            } catch {
                return nil
            }
            return reader.isAtEnd ? saved : nil
        }
    }

    static func writeArticleEntry(_ w: inout BinaryWriter, _ source: String, _ entry: StoredArticle) {
        w.string(source)
        w.digest(entry.digest)
        entry.writeListing(to: &w)
    }

    static func articleEntry(
        _ r: inout BinaryReader, bodies: DetailStore, shard: Int, index: Int
    ) throws(BinaryReader.CacheCorrupt) -> (String, StoredArticle) {
        let source = try r.string()
        let digest = try r.digest()
        let listing = Encoded(buffer: r.buffer, range: try r.blobRange())
        return (source, StoredArticle(digest: digest, listing: listing, body: .stored(bodies, shard: shard, index: index)))
    }
}

extension BuildCache {
    /// The article as its stored listing reads back (`BinaryWriter.article`): no body, the first
    /// two sentences, each holding its own text.
    static func listing(of article: Article) -> Article {
        var listing = article
        listing.body = ""
        listing.sentences = article.sentences.prefix(2).map { Sentence(text: $0.text, paragraph: $0.paragraph, line: $0.line) }
        return listing
    }
}
