import BriefingCore
import Foundation
import Ingest

/// Ingest through the cache. First every content file is stat'ed; a file whose stat equals the
/// manifest's keeps its recorded digest, any other is read and hashed, and parsed at once when
/// its digest is not the manifest's (holding every file's bytes until `load` was a third of a
/// full build's peak). Then (unless nothing changed at all) each file's parse outcome is taken
/// from the article store when its digest matches, else from the scan, else parsed. Ids are
/// de-duplicated by `ContentLoader.assemble` as always.
struct IncrementalIngest {
    /// The parser is built only when a file must be parsed (its rules take time to compile).
    let makeLoader: @Sendable () -> ContentLoader

    struct Scan {
        var listing: ContentLoader.Listing
        var stats: [FileStat?]
        /// Per file: its digest, or nil when it could not be read (its outcome is an error).
        var digests: [ContentDigest?]
        /// Outcomes of the files parsed while scanning; nil for files known by stat or digest.
        var outcomes: [ContentLoader.FileOutcome?]
        /// Files that were read and hashed because their stat did not match.
        var hashedCount: Int
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

        /// Frees the outcomes parsed while scanning once `load` has taken them.
        mutating func dropOutcomes() {
            outcomes = Array(repeating: nil, count: outcomes.count)
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
        let loader = SharedLoader(make: makeLoader)
        let results = Parallel.map(listing.files) { Self.examine($0, known: known, loader: loader) }
        return Scan(listing: listing, stats: results.map(\.0), digests: results.map(\.1), outcomes: results.map(\.2),
                    hashedCount: results.count { $0.hashed }, readErrors: results.map(\.3), startedAt: startedAt)
    }

    /// `scan` for a caller that knows which files changed since the build `manifest` describes
    /// (`briefing serve`'s file watcher): the last build's `listing` again, and only `changed`
    /// files (and those whose stat was too fresh to record) looked at; the others are as the
    /// manifest recorded them. Nil, for a full scan, when a change is not an edit of a listed
    /// file (one added, removed or renamed, a folder, a lost watcher event).
    func rescan(_ listing: ContentLoader.Listing, contentDirectory: URL, changed: [String], manifest: BuildManifest) -> Scan? {
        let startedAt = FileStat.nowNanoseconds()
        let root = contentDirectory.standardizedFileURL.path + "/"
        var edited = Set<String>()
        for path in changed {
            let standardized = URL(fileURLWithPath: path).standardizedFileURL.path
            guard standardized.hasPrefix(root) else { continue }  // templates, configuration
            edited.insert(String(standardized.dropFirst(root.count)))
        }
        let known = manifest.inputs
        let listed = Set(listing.files.map(\.relativePath))
        guard edited.isSubset(of: listed), listing.files.count == known.count else { return nil }
        let loader = SharedLoader(make: makeLoader)
        var results: [(FileStat?, ContentDigest?, ContentLoader.FileOutcome?, Diagnostic?, hashed: Bool)] = []
        results.reserveCapacity(listing.files.count)
        for file in listing.files {
            if !edited.contains(file.relativePath), let input = known[file.relativePath], input.stat != .untrusted {
                results.append((input.stat, input.digest, nil, nil, false))
                continue
            }
            let result = Self.examine(file, known: known, loader: loader)
            // Gone or no longer a file: the listing is out of date.
            guard let stat = result.0, !stat.isDirectory else { return nil }
            results.append(result)
        }
        return Scan(listing: listing, stats: results.map(\.0), digests: results.map(\.1), outcomes: results.map(\.2),
                    hashedCount: results.count { $0.hashed }, readErrors: results.map(\.3), startedAt: startedAt)
    }

    /// One file's stat, digest and, when its content is new, parse outcome.
    private static func examine(
        _ file: ContentLoader.ContentFile, known: [String: BuildManifest.Input], loader: SharedLoader
    ) -> (FileStat?, ContentDigest?, ContentLoader.FileOutcome?, Diagnostic?, hashed: Bool) {
        let stat = FileStat(path: file.path, follow: true)
        if let stat, let input = known[file.relativePath], input.stat == stat { return (stat, input.digest, nil, nil, false) }
        if let stat, stat.size > Int64(ContentLoader.sizeLimit) {
            // Never read a huge file; its stat stands in for its content.
            let digest = ContentDigest("too large \(stat.size) \(stat.mtimeNanoseconds)")
            return (stat, digest, nil, ContentLoader.tooLarge(file, byteCount: Int(stat.size)), false)
        }
        do throws(Diagnostic) {
            let data = try ContentLoader.read(file)
            let digest = data.withUnsafeBytes { ContentDigest($0) }
            // Same content under a new stat (a touched file) is not parsed: the store has it.
            if known[file.relativePath]?.digest == digest { return (stat, digest, nil, nil, true) }
            return (stat, digest, loader.loader.parse(file, data: data), nil, true)
        } catch {
            return (stat, nil, nil, error, false)
        }
    }

    /// Parse outcomes for every scanned file, from `stored` (as listings; `SiteBuilder.Listings`
    /// reads the rest for the stories that need it) where the digest matches. Returns the
    /// assembled result, the store for the next build, how many files were parsed, and the
    /// sources whose articles are listings.
    func load(_ scan: Scan, stored: [String: BuildCache.StoredArticle], removedLines: Bool = true)
        -> (result: IngestResult, store: [String: BuildCache.StoredArticle], parsed: Int, listed: Set<String>) {
        let loader = SharedLoader(make: makeLoader)
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
            if let parsed = scan.outcomes[i] {
                outcome = parsed
            } else {
                do throws(Diagnostic) { outcome = loader.loader.parse(file, data: try ContentLoader.read(file)) } catch {
                    return (.failed(error), nil, false)
                }
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
        guard let data = try? ContentLoader.read(file), case .article(let parsed) = makeLoader().parse(file, data: data) else { return nil }
        return parsed.article
    }
}

/// One parser for all workers, built when a file first needs it (its rules take time to compile).
private final class SharedLoader: @unchecked Sendable {
    private let make: @Sendable () -> ContentLoader
    private let lock = NSLock()
    private var made: ContentLoader?

    init(make: @escaping @Sendable () -> ContentLoader) {
        self.make = make
    }

    var loader: ContentLoader {
        lock.lock()
        defer { lock.unlock() }
        if let made { return made }
        let loader = make()
        made = loader
        return loader
    }
}
