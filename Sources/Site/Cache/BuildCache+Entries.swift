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

        /// An article store's body part (`BinaryWriter.articleText`); nil when it cannot be read.
        func articleText() -> (body: String, sentences: [Sentence])? {
            guard var reader = encoded?.reader, let text = try? reader.articleText(), reader.isAtEnd else { return nil }
            return text
        }
    }

    /// One file's parse outcome: as stored (a listing of its article — no body, first two
    /// sentences; `ArticleDetail` — with the body and every sentence apart), or as parsed by this
    /// build, encoded only when its shard is saved (encoding at once held a second copy of every
    /// article through a full build).
    struct StoredArticle: Sendable {
        enum Form: Sendable {
            case stored(listing: Encoded, body: Detail)
            case parsed(ContentLoader.FileOutcome)
        }

        var digest: ContentDigest
        var form: Form

        init(digest: ContentDigest, listing: Encoded, body: Detail) {
            self.digest = digest
            form = .stored(listing: listing, body: body)
        }

        init(digest: ContentDigest, outcome: ContentLoader.FileOutcome) {
            self.digest = digest
            form = .parsed(outcome)
        }

        /// Nil when the entry does not decode (a store damaged under a valid checksum) or, in
        /// full, when its body cannot be read. A parsed entry is always whole.
        func outcome(_ detail: ArticleDetail, removedLines: Bool = true) -> ContentLoader.FileOutcome? {
            let listing: Encoded, body: Detail
            switch form {
            case .parsed(let outcome): return outcome
            case .stored(let storedListing, let storedBody): (listing, body) = (storedListing, storedBody)
            }
            var reader = listing.reader
            guard let outcome = try? reader.outcome(removedLines: removedLines), reader.isAtEnd else { return nil }
            guard detail == .full, case .article(var parsed) = outcome else { return outcome }
            guard let text = body.articleText() else { return nil }
            parsed.article.body = text.body
            parsed.article.sentences = text.sentences
            return .article(parsed)
        }

        /// The stored body part alone, for a build that holds the article's listing already.
        var storedBody: Detail? {
            if case .stored(_, let body) = form { return body }
            return nil
        }

        /// Appends the listing as a blob (`BinaryWriter.blob`), encoding a parsed one in place.
        func writeListing(to w: inout BinaryWriter) {
            switch form {
            case .stored(let listing, _): w.blob(listing.bytes)
            case .parsed(let outcome): w.blob { $0.outcome(outcome); return true }
            }
        }

        /// Appends the body as a blob; false, with nothing appended, when a stored body cannot be read.
        func writeBody(to w: inout BinaryWriter) -> Bool {
            switch form {
            case .stored(_, let body):
                guard let bytes = body.encoded?.bytes else { return false }
                w.blob(bytes)
                return true
            case .parsed(.article(let parsed)):
                return w.blob { $0.articleText(parsed.article); return true }
            case .parsed(.failed):
                w.blob([UInt8]())
                return true
            }
        }

        var listingBytes: ArraySlice<UInt8> {
            switch form {
            case .stored(let listing, _): listing.bytes
            case .parsed(let outcome): Encoded { $0.outcome(outcome) }.bytes
            }
        }

        /// Nil when a stored body cannot be read.
        var bodyBytes: ArraySlice<UInt8>? {
            switch form {
            case .stored(_, let body): body.encoded?.bytes
            case .parsed(.article(let parsed)): Encoded { $0.articleText(parsed.article) }.bytes
            case .parsed(.failed): []
            }
        }
    }

    /// One story's comparison: as stored (id, summary and headlines — all that day pages and
    /// feeds show — with the rest apart), or as computed by this build, encoded when saved.
    struct StoredComparison: Sendable {
        enum Form: Sendable {
            case stored(brief: Encoded, details: Detail)
            case computed(StoryComparison)
        }

        var form: Form

        init(brief: Encoded, details: Detail) {
            form = .stored(brief: brief, details: details)
        }

        init(_ comparison: StoryComparison) {
            form = .computed(comparison)
        }

        /// Nil when the entry does not decode or, in full, when its details cannot be read.
        func comparison(_ detail: ComparisonDetail) -> StoryComparison? {
            switch form {
            case .computed(let comparison): return comparison
            case .stored(let encodedBrief, let details):
                var reader = encodedBrief.reader
                guard let brief = try? reader.comparisonBrief(), reader.isAtEnd else { return nil }
                guard detail == .full else { return brief }
                guard var rest = details.encoded?.reader, let full = try? rest.comparisonDetails(brief), rest.isAtEnd else { return nil }
                return full
            }
        }

        /// Appends the brief part as a blob, encoding a computed one in place.
        func writeBrief(to w: inout BinaryWriter) {
            switch form {
            case .stored(let brief, _): w.blob(brief.bytes)
            case .computed(let comparison): w.blob { $0.comparisonBrief(comparison); return true }
            }
        }

        /// Appends the details as a blob; false, with nothing appended, when stored ones cannot be read.
        func writeDetails(to w: inout BinaryWriter) -> Bool {
            switch form {
            case .stored(_, let details):
                guard let bytes = details.encoded?.bytes else { return false }
                w.blob(bytes)
                return true
            case .computed(let comparison):
                return w.blob { $0.comparisonDetails(comparison); return true }
            }
        }

        var briefBytes: ArraySlice<UInt8> {
            switch form {
            case .stored(let brief, _): brief.bytes
            case .computed(let comparison): Encoded { $0.comparisonBrief(comparison) }.bytes
            }
        }

        var detailBytes: ArraySlice<UInt8>? {
            switch form {
            case .stored(_, let details): details.encoded?.bytes
            case .computed(let comparison): Encoded { $0.comparisonDetails(comparison) }.bytes
            }
        }
    }
}

/// Section 1 of a store's shards, each checked the first time one of its entries is wanted;
/// most rebuilds want a few entries, so most shards' bulk is never read. A checked shard keeps
/// its file open and where its entries lie, not its bytes: a full build reads every entry, and
/// holding them all was as large as every article body.
final class DetailStore: @unchecked Sendable {
    typealias Shard = (section: CacheFile.OpenSection, ranges: [Range<Int>])
    private let load: @Sendable (Int) -> Shard?
    private let lock = NSLock()
    /// By shard; nil for a shard whose section 1 could not be read.
    private var shards: [Int: Shard?] = [:]

    init(load: @escaping @Sendable (Int) -> Shard?) {
        self.load = load
    }

    func detail(shard: Int, index: Int) -> BuildCache.Encoded? {
        lock.lock()
        if shards[shard] == nil { shards[shard] = .some(load(shard)) }
        let loaded = shards[shard] ?? nil
        lock.unlock()
        guard let loaded, loaded.ranges.indices.contains(index), let bytes = loaded.section.bytes(loaded.ranges[index]) else { return nil }
        return BuildCache.Encoded(buffer: bytes, range: 0..<bytes.count)
    }
}
