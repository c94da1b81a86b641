import BriefingCore
import Foundation
import Ingest

/// Ingest through the cache. First every content file is stat'ed; a file whose stat equals the
/// manifest's keeps its recorded digest, any other is read and hashed. Then (unless nothing
/// changed at all) each file's parse outcome is taken from the article store when its digest
/// matches, and parsed otherwise. Ids are de-duplicated by `ContentLoader.assemble` as always.
struct IncrementalIngest {
    /// The parser is built only when a file must be parsed (its rules take time to compile).
    let makeLoader: @Sendable () -> ContentLoader

    struct Scan {
        var listing: ContentLoader.Listing
        var stats: [FileStat?]
        /// Per file: its digest, or nil when it could not be read (its outcome is an error).
        var digests: [ContentDigest?]
        /// Bytes read while hashing, kept for parsing; nil for files known by stat.
        var data: [Data?]
        var readErrors: [Diagnostic?]
        /// When the scan began: a file modified after `startedAt - 1 s` has a stat too fresh to trust.
        var startedAt: Int64

        /// True when the content files are exactly the manifest's: same paths, same digests
        /// (known by stat, or hashed again when the stat changed).
        func matches(_ manifest: BuildManifest) -> Bool {
            guard listing.files.count == manifest.inputs.count else { return false }
            for (file, digest) in zip(listing.files, digests) {
                guard let digest, manifest.inputs[file.relativePath]?.digest == digest else { return false }
            }
            return true
        }

        /// Files that were read and hashed because their stat did not match.
        var hashedCount: Int { data.count { $0 != nil } }

        /// Frees the bytes read while hashing once they are parsed: on a full build they are
        /// the whole content folder, held for nothing through the later stages.
        mutating func dropFileData() {
            data = Array(repeating: nil, count: data.count)
        }

        /// The manifest's input records for the next build.
        func inputs() -> [String: BuildManifest.Input] {
            var inputs: [String: BuildManifest.Input] = [:]
            for (i, file) in listing.files.enumerated() {
                guard let stat = stats[i], let digest = digests[i] else { continue }
                let fresh = stat.mtimeNanoseconds >= startedAt - 1_000_000_000 || stat.ctimeNanoseconds >= startedAt - 1_000_000_000
                inputs[file.relativePath] = .init(stat: fresh ? .untrusted : stat, digest: digest)
            }
            return inputs
        }
    }

    func scan(contentDirectory: URL, manifest: BuildManifest?) -> Scan {
        let startedAt = FileStat.nowNanoseconds()
        let listing = ContentLoader.list(contentDirectory: contentDirectory)
        let known = manifest?.inputs ?? [:]
        let results = Parallel.map(listing.files) { file -> (FileStat?, ContentDigest?, Data?, Diagnostic?) in
            let stat = FileStat(path: file.path, follow: true)
            if let stat, let input = known[file.relativePath], input.stat == stat { return (stat, input.digest, nil, nil) }
            if let stat, stat.size > Int64(ContentLoader.sizeLimit) {
                // Never read a huge file; its stat stands in for its content.
                let digest = ContentDigest("too large \(stat.size) \(stat.mtimeNanoseconds)")
                return (stat, digest, nil, ContentLoader.tooLarge(file, byteCount: Int(stat.size)))
            }
            do throws(Diagnostic) {
                let data = try ContentLoader.read(file)
                return (stat, data.withUnsafeBytes { ContentDigest($0) }, data, nil)
            } catch {
                return (stat, nil, nil, error)
            }
        }
        return Scan(listing: listing, stats: results.map(\.0), digests: results.map(\.1), data: results.map(\.2),
                    readErrors: results.map(\.3), startedAt: startedAt)
    }

    /// Parse outcomes for every scanned file, from `stored` (as listings; `SiteBuilder.Listings`
    /// reads the rest for the stories that need it) where the digest matches. Returns the
    /// assembled result, the store for the next build, how many files were parsed, and the
    /// sources whose articles are listings.
    func load(_ scan: Scan, stored: [String: BuildCache.StoredArticle], removedLines: Bool = true)
        -> (result: IngestResult, store: [String: BuildCache.StoredArticle], parsed: Int, listed: Set<String>) {
        let loader = makeLoader()
        let indices = Array(scan.listing.files.indices)
        let outcomes = Parallel.map(indices) { i -> (ContentLoader.FileOutcome, entry: BuildCache.StoredArticle?, fresh: Bool) in
            let file = scan.listing.files[i]
            if let error = scan.readErrors[i] { return (.failed(error), nil, false) }
            let digest = scan.digests[i]
            if let digest, let entry = stored[file.relativePath], entry.digest == digest,
               let outcome = entry.outcome(.listing, removedLines: removedLines) {
                return (outcome, entry, false)
            }
            let outcome: ContentLoader.FileOutcome
            do throws(Diagnostic) {
                outcome = try Self.parse(file, data: scan.data[i], with: loader)
            } catch {
                return (.failed(error), nil, false)
            }
            return (outcome, digest.map { BuildCache.StoredArticle(digest: $0, outcome: outcome) }, true)
        }
        var store: [String: BuildCache.StoredArticle] = [:]
        var listed = Set<String>()
        for (file, outcome) in zip(scan.listing.files, outcomes) {
            guard let entry = outcome.entry else { continue }
            store[file.relativePath] = entry
            if !outcome.fresh { listed.insert(file.relativePath) }
        }
        let result = ContentLoader.assemble(listing: scan.listing, outcomes: outcomes.map(\.0))
        return (result, store, outcomes.filter(\.fresh).count, listed)
    }

    /// The article in `file`, parsed again: for a listing whose body the store cannot give back.
    func article(in file: ContentLoader.ContentFile) -> Article? {
        guard case .article(let parsed)? = try? Self.parse(file, data: nil, with: makeLoader()) else { return nil }
        return parsed.article
    }

    /// One file parsed, from the bytes read while hashing when there are some.
    private static func parse(
        _ file: ContentLoader.ContentFile, data: Data?, with loader: ContentLoader
    ) throws(Diagnostic) -> ContentLoader.FileOutcome {
        if let data { return loader.parse(file, data: data) }
        return loader.parse(file, data: try ContentLoader.read(file))
    }
}
