import BriefingCore
import Foundation
import Ingest

/// Ingest through the cache. First every content file is stat'ed; a file whose stat equals the
/// manifest's keeps its recorded digest, any other is read and hashed (its bytes are not kept:
/// holding every file's was a third of a full build's peak). Then (unless nothing changed at
/// all) each file's parse outcome is taken from the article store when its digest matches, else
/// the file is read again and parsed, shard by shard (`load`). Without a manifest nothing can be
/// known unchanged, so the scan only stats and `load` hashes each file as it reads it, once.
/// Ids are de-duplicated by `ContentLoader.assemble` as always.
struct IncrementalIngest {
    /// The parser is built only when a file must be parsed (its rules take time to compile).
    let makeLoader: @Sendable () -> ContentLoader

    struct Scan {
        var listing: ContentLoader.Listing
        var stats: [FileStat?]
        /// Per file: its digest, or nil when it could not be read (its outcome is an error).
        var digests: [ContentDigest?]
        /// Files that were read and hashed because their stat did not match.
        var hashedCount: Int
        var readErrors: [Diagnostic?]
        /// When the scan began: a file modified after `startedAt - 1 s` has a stat too fresh to trust.
        var startedAt: Int64
        /// True when files were not read: `load` hashes them and fills in `digests`.
        var hashesWhenLoaded = false

        /// True when the content files are exactly the manifest's: same paths, same digests
        /// (known by stat, or hashed again when the stat changed).
        func matches(_ manifest: BuildManifest) -> Bool {
            guard listing.files.count == manifest.inputs.count else { return false }
            for (file, digest) in zip(listing.files, digests) {
                guard let digest, manifest.inputs[file.relativePath]?.digest == digest else { return false }
            }
            return true
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
        let reads = manifest != nil
        let results = Parallel.map(listing.files) { Self.examine($0, known: known, reads: reads) }
        return Scan(listing: listing, stats: results.map(\.0), digests: results.map(\.1),
                    hashedCount: results.count { $0.hashed }, readErrors: results.map(\.2), startedAt: startedAt,
                    hashesWhenLoaded: !reads)
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
        var results: [(FileStat?, ContentDigest?, Diagnostic?, hashed: Bool)] = []
        results.reserveCapacity(listing.files.count)
        for file in listing.files {
            if !edited.contains(file.relativePath), let input = known[file.relativePath], input.stat != .untrusted {
                results.append((input.stat, input.digest, nil, false))
                continue
            }
            let result = Self.examine(file, known: known)
            // Gone or no longer a file: the listing is out of date.
            guard let stat = result.0, !stat.isDirectory else { return nil }
            results.append(result)
        }
        return Scan(listing: listing, stats: results.map(\.0), digests: results.map(\.1),
                    hashedCount: results.count { $0.hashed }, readErrors: results.map(\.2), startedAt: startedAt)
    }

    /// One file's stat and digest.
    private static func examine(
        _ file: ContentLoader.ContentFile, known: [String: BuildManifest.Input], reads: Bool = true
    ) -> (FileStat?, ContentDigest?, Diagnostic?, hashed: Bool) {
        let stat = FileStat(path: file.path, follow: true)
        if let stat, let input = known[file.relativePath], input.stat == stat { return (stat, input.digest, nil, false) }
        if let stat, stat.size > Int64(ContentLoader.sizeLimit) {
            // Never read a huge file; its stat stands in for its content.
            let digest = ContentDigest("too large \(stat.size) \(stat.mtimeNanoseconds)")
            return (stat, digest, ContentLoader.tooLarge(file, byteCount: Int(stat.size)), false)
        }
        guard reads else { return (stat, nil, nil, false) }
        do throws(Diagnostic) {
            let data = try ContentLoader.read(file)
            return (stat, data.withUnsafeBytes { ContentDigest($0) }, nil, true)
        } catch {
            return (stat, nil, error, false)
        }
    }

    /// Parse outcomes for every scanned file, from `stored` (as listings; `SiteBuilder.Listings`
    /// reads the rest for the stories that need it) where the digest matches, else parsed. Files
    /// go shard by shard; with `saver`, each shard is saved once its entries are made, and the
    /// articles it parsed become listings too, unless all the content files together are at most
    /// `heldContentBytes` (`BuildOptions.heldContentBytes`): a larger full build holds two shards'
    /// bodies at a time, not all of them. Returns the assembled result, the store for the next
    /// build, how many files were parsed, and the sources whose articles are listings.
    func load(
        _ scan: inout Scan, stored: [String: BuildCache.StoredArticle], removedLines: Bool = true,
        saver: BuildCache.ArticleShardSaver? = nil, heldContentBytes: Int64 = 0
    ) -> (result: IngestResult, store: [String: BuildCache.StoredArticle], parsed: Int, listed: Set<String>) {
        let loader = SharedLoader(make: makeLoader)
        var shards = Array(repeating: [Int](), count: BuildCache.shardCount)
        for (i, file) in scan.listing.files.enumerated() { shards[BuildCache.shard(of: file.relativePath)].append(i) }
        let scanned = scan, byShard = shards  // read by the workers; `scan`'s digests are filled in after them
        // Largest first, one at a time (`Parallel.map` hands out single items here): the last
        // shards running are small, so neither core idles long at the end of ingest.
        let order = Self.largestFirst(shards, sizes: scan.stats)
        let holdsParsed = scan.stats.reduce(Int64(0)) { $0 + ($1?.size ?? 0) } <= heldContentBytes
        let inOrder = Parallel.map(order) { shard in
            loadShard(shard, byShard[shard], scan: scanned, stored: stored, removedLines: removedLines, loader: loader,
                      saver: saver, holdsParsed: holdsParsed)
        }
        let loaded = zip(order, inOrder).sorted { $0.0 < $1.0 }.map(\.1)
        var outcomes = [ContentLoader.FileOutcome?](repeating: nil, count: scan.listing.files.count)
        var parsed = 0
        for (i, file) in loaded.joined() {
            if scan.hashesWhenLoaded { scan.digests[i] = file.digest }
            outcomes[i] = file.outcome
            if file.fresh { parsed += 1 }
        }
        // Side by side: each took one core for a while with the other idle (0.5 s at 100k articles).
        let listing = scan.listing, made = outcomes.map { $0! }
        let (result, (store, listed)) = Parallel.both({ ContentLoader.assemble(listing: listing, outcomes: made) }, {
            var store: [String: BuildCache.StoredArticle] = [:]
            var listed = Set<String>()
            store.reserveCapacity(listing.files.count)
            listed.reserveCapacity(listing.files.count)
            for (i, file) in loaded.joined() {
                let source = listing.files[i].relativePath
                if file.listed { listed.insert(source) }
                if let entry = file.entry { store[source] = entry }
            }
            return (store, listed)
        })
        return (result, store, parsed, listed)
    }

    /// The outcomes of one shard's files (`indices` into the listing), saved with `saver`.
    private func loadShard(
        _ shard: Int, _ indices: [Int], scan: Scan, stored: [String: BuildCache.StoredArticle], removedLines: Bool,
        loader: SharedLoader, saver: BuildCache.ArticleShardSaver?, holdsParsed: Bool
    ) -> [(index: Int, Loaded)] {
        var loaded = indices.map { i in (index: i, load(i, scan: scan, stored: stored, removedLines: removedLines, loader: loader)) }
        var entries: [String: BuildCache.StoredArticle] = [:]
        for (i, file) in loaded { if let entry = file.entry { entries[scan.listing.files[i].relativePath] = entry } }
        guard let saver, let saved = saver.save(shard, entries) else { return loaded }
        for k in loaded.indices {
            let source = scan.listing.files[loaded[k].index].relativePath
            guard let entry = saved[source], entry.digest == loaded[k].1.entry?.digest else { continue }
            loaded[k].1.entry = entry
            if !holdsParsed, loaded[k].1.fresh, case .article(var parsed) = loaded[k].1.outcome {
                parsed.article = BuildCache.listing(of: parsed.article)
                loaded[k].1.outcome = .article(parsed)
                loaded[k].1.listed = true
            }
        }
        return loaded
    }

    /// Shard numbers, those with the most bytes to read first (ties in shard order).
    static func largestFirst(_ shards: [[Int]], sizes: [FileStat?]) -> [Int] {
        let bytes = shards.map { $0.reduce(Int64(0)) { $0 + (sizes[$1]?.size ?? 0) } }
        return shards.indices.sorted { (bytes[$0], $1) > (bytes[$1], $0) }
    }

    /// One file's outcome and store entry; `fresh` when parsed now, `listed` when its article is
    /// a listing; `digest`, of the bytes read (nil when none were).
    private struct Loaded {
        var outcome: ContentLoader.FileOutcome
        var entry: BuildCache.StoredArticle? = nil
        var fresh: Bool
        var listed: Bool
        var digest: ContentDigest? = nil
    }

    private func load(
        _ i: Int, scan: Scan, stored: [String: BuildCache.StoredArticle], removedLines: Bool, loader: SharedLoader
    ) -> Loaded {
        let file = scan.listing.files[i]
        if let error = scan.readErrors[i] { return Loaded(outcome: .failed(error), fresh: false, listed: false) }
        if let digest = scan.digests[i], let entry = stored[file.relativePath], entry.digest == digest,
           let outcome = entry.outcome(.listing, removedLines: removedLines) {
            return Loaded(outcome: outcome, entry: entry, fresh: false, listed: true)
        }
        let data: Data
        do throws(Diagnostic) { data = try ContentLoader.read(file) } catch {
            return Loaded(outcome: .failed(error), fresh: false, listed: false)
        }
        let digest = data.withUnsafeBytes { ContentDigest($0) }
        if scan.hashesWhenLoaded, let entry = stored[file.relativePath], entry.digest == digest,
           let outcome = entry.outcome(.listing, removedLines: removedLines) {
            return Loaded(outcome: outcome, entry: entry, fresh: false, listed: true, digest: digest)
        }
        var outcome = loader.loader.parse(file, data: data)
        // Stored under the digest of the bytes parsed: the file may have changed since the scan.
        // The store keeps the removed lines (a later `--verbose` build lists them); the build
        // holds them only when it lists them, as for a stored article.
        let entry = BuildCache.StoredArticle(digest: digest, outcome: outcome)
        if !removedLines, case .article(var parsed) = outcome {
            parsed.removed = []
            outcome = .article(parsed)
        }
        return Loaded(outcome: outcome, entry: entry, fresh: true, listed: false, digest: digest)
    }

    /// `file` read and parsed now, with the digest of the bytes parsed; nil when it cannot be read.
    func parse(_ file: ContentLoader.ContentFile) -> (ContentDigest, ContentLoader.FileOutcome)? {
        guard let data = try? ContentLoader.read(file) else { return nil }
        return (data.withUnsafeBytes { ContentDigest($0) }, makeLoader().parse(file, data: data))
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
