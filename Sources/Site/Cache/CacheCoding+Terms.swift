import Clustering
import Synchronization

extension BuildCache {
    /// The terms store as read (`loadTerms`): each content digest's terms as encoded, decoded one
    /// at a time as the clusterer takes them in (`KnownTerms`), and let go once it has
    /// (`release`). Decoded all at once they took 900 MB at 100k articles; held to the end of
    /// clustering, their 134 MB of encoded bytes sat under its peak.
    final class StoredTerms: Sendable {
        private let entries: Mutex<[ContentDigest: Encoded]>
        /// Every digest the store held, kept after `release` (saving compares them).
        let digests: Set<ContentDigest>

        init(_ entries: [ContentDigest: Encoded]) {
            digests = Set(entries.keys)
            self.entries = Mutex(entries)
        }

        func contains(_ digest: ContentDigest) -> Bool {
            entries.withLock { $0[digest] != nil }
        }

        /// Nil when not stored, released, or not readable.
        func terms(_ digest: ContentDigest) -> ArticleTerms? {
            guard var reader = entries.withLock({ $0[digest] })?.reader,
                  let terms = try? reader.articleTerms(), reader.isAtEnd else { return nil }
            return terms
        }

        func release() {
            entries.withLock { $0 = [:] }
        }
    }
}

/// Binary coding of an article's terms for the terms store. Counts are whole numbers and an
/// article's boosts take a few values: a count is a varint, a boost its number in the entry's
/// table of boosts (a third of the bytes of two 8-byte floats per term). Any other count is
/// written in full, so every value reads back bit for bit.
extension BinaryWriter {
    mutating func articleTerms(_ terms: ArticleTerms) {
        // Read in place, not as `entries`: a full build writes millions of them.
        var boosts = FirstUseNumbers<UInt64>()
        let boostNumbers = terms.boosts.map { boosts.number($0.bitPattern) }
        array(boosts.values) { $0.fixed($1) }
        unsigned(UInt64(terms.count))
        for k in 0..<terms.count {
            string(terms.term(k))
            if let whole = Self.wholeCount(terms.counts[k]) {
                unsigned(whole << 1)
            } else {
                unsigned(1)
                fixed(terms.counts[k].bitPattern)
            }
            unsigned(boostNumbers[k])
        }
    }

    /// `count` as an unsigned integer when it is one exactly (not -0), else nil.
    static func wholeCount(_ count: Double) -> UInt64? {
        guard count.sign == .plus, count == count.rounded(), count < 0x1p52 else { return nil }
        return UInt64(count)
    }
}

extension BinaryReader {
    mutating func articleTerms() throws(CacheCorrupt) -> ArticleTerms {
        let boosts = try array { (r: inout BinaryReader) throws(CacheCorrupt) in Double(bitPattern: try r.fixed()) }
        let entries = try array { (r: inout BinaryReader) throws(CacheCorrupt) -> ArticleTerms.Entry in
            let term = try r.string()
            let tagged = try r.unsigned()
            guard tagged & 1 == 0 || tagged == 1 else { throw CacheCorrupt() }
            let count = tagged == 1 ? Double(bitPattern: try r.fixed()) : Double(tagged >> 1)
            let boost = try r.unsigned()
            guard boost < UInt64(boosts.count) else { throw CacheCorrupt() }
            return ArticleTerms.Entry(term: term, count: count, boost: boosts[Int(boost)])
        }
        return ArticleTerms(entries: entries)
    }

    /// Moves past `articleTerms` without making them, checking all that reading them checks but
    /// their strings' bytes.
    mutating func skipArticleTerms() throws(CacheCorrupt) {
        let boosts = try count()
        for _ in 0..<boosts { _ = try fixed() }
        for _ in 0..<(try count()) {
            try skipString()
            let tagged = try unsigned()
            guard tagged & 1 == 0 || tagged == 1 else { throw CacheCorrupt() }
            if tagged == 1 { _ = try fixed() }
            guard try unsigned() < UInt64(boosts) else { throw CacheCorrupt() }
        }
    }
}
