import BriefingCore
import Foundation
import Ingest

extension BuildCache {
    /// Bytes of one encoded value inside a buffer (a whole shard section, shared, not copied).
    struct Encoded: Sendable {
        var buffer: [UInt8]
        var range: Range<Int>

        init(buffer: [UInt8], range: Range<Int>) {
            self.buffer = buffer
            self.range = range
        }

        init(_ encode: (inout BinaryWriter) -> Void) {
            var writer = BinaryWriter()
            encode(&writer)
            self.init(buffer: writer.bytes, range: 0..<writer.bytes.count)
        }

        var bytes: ArraySlice<UInt8> { buffer[range] }

        var reader: BinaryReader { BinaryReader(buffer, offset: range.lowerBound, end: range.upperBound) }
    }

    /// The section-1 part of an entry: stored (read with its shard's section 1 when first
    /// wanted) or just encoded by this build.
    enum Detail: Sendable {
        case stored(DetailStore, shard: Int, index: Int)
        case encoded(Encoded)

        /// Nil when the stored section is missing or damaged.
        var encoded: Encoded? {
            switch self {
            case .stored(let store, let shard, let index): store.detail(shard: shard, index: index)
            case .encoded(let encoded): encoded
            }
        }
    }

    /// One file's parse outcome as stored: the outcome with a listing of its article (no body,
    /// first two sentences; `ArticleDetail`), and the body with every sentence apart.
    struct StoredArticle: Sendable {
        var digest: ContentDigest
        var listing: Encoded
        var body: Detail

        init(digest: ContentDigest, listing: Encoded, body: Detail) {
            self.digest = digest
            self.listing = listing
            self.body = body
        }

        init(digest: ContentDigest, outcome: ContentLoader.FileOutcome) {
            var body = Encoded { _ in }
            if case .article(let parsed) = outcome { body = Encoded { $0.articleText(parsed.article) } }
            self.init(digest: digest, listing: Encoded { $0.outcome(outcome) }, body: .encoded(body))
        }

        /// Nil when the entry does not decode (a store damaged under a valid checksum) or, in
        /// full, when its body cannot be read.
        func outcome(_ detail: ArticleDetail, removedLines: Bool = true) -> ContentLoader.FileOutcome? {
            var reader = listing.reader
            guard var outcome = try? reader.outcome(removedLines: removedLines), reader.isAtEnd else { return nil }
            guard detail == .full, case .article(var parsed) = outcome else { return outcome }
            guard var text = body.encoded?.reader, let (body, sentences) = try? text.articleText(), text.isAtEnd else { return nil }
            parsed.article.body = body
            parsed.article.sentences = sentences
            outcome = .article(parsed)
            return outcome
        }
    }

    /// One story's comparison as stored: id, summary and headlines (all that day pages and feeds
    /// show), and the rest apart.
    struct StoredComparison: Sendable {
        var brief: Encoded
        var details: Detail

        init(brief: Encoded, details: Detail) {
            self.brief = brief
            self.details = details
        }

        init(_ comparison: StoryComparison) {
            self.init(brief: Encoded { $0.comparisonBrief(comparison) },
                      details: .encoded(Encoded { $0.comparisonDetails(comparison) }))
        }

        /// Nil when the entry does not decode or, in full, when its details cannot be read.
        func comparison(_ detail: ComparisonDetail) -> StoryComparison? {
            var reader = brief.reader
            guard let brief = try? reader.comparisonBrief(), reader.isAtEnd else { return nil }
            guard detail == .full else { return brief }
            guard var rest = details.encoded?.reader, let full = try? rest.comparisonDetails(brief), rest.isAtEnd else { return nil }
            return full
        }
    }
}

/// Section 1 of a store's shards, each read (and checked) the first time one of its entries is
/// wanted; most rebuilds want a few entries, so most shards' bulk is never read.
final class DetailStore: @unchecked Sendable {
    private let load: @Sendable (Int) -> (buffer: [UInt8], ranges: [Range<Int>])?
    private let lock = NSLock()
    /// By shard; nil for a shard whose section 1 could not be read.
    private var shards: [Int: (buffer: [UInt8], ranges: [Range<Int>])?] = [:]

    init(load: @escaping @Sendable (Int) -> (buffer: [UInt8], ranges: [Range<Int>])?) {
        self.load = load
    }

    func detail(shard: Int, index: Int) -> BuildCache.Encoded? {
        lock.lock()
        defer { lock.unlock() }
        if shards[shard] == nil { shards[shard] = .some(load(shard)) }
        guard let section = shards[shard] ?? nil, section.ranges.indices.contains(index) else { return nil }
        return BuildCache.Encoded(buffer: section.buffer, range: section.ranges[index])
    }
}
