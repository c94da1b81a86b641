import BriefingCore
import Foundation

/// What the last published build read and wrote: every content file's stat and digest, the
/// report it printed, and every output file's digest and stat. Input digests hold whatever the
/// fingerprint; the rest is used only when `siteFingerprint` matches the running build.
struct BuildManifest: Sendable {
    struct Input: Sendable, Hashable {
        var stat: FileStat
        var digest: ContentDigest
    }

    struct Output: Sendable, Hashable {
        var digest: ContentDigest
        var stat: FileStat
        /// For a story page, the key of everything it was rendered from; zero for other files.
        var pageKey: ContentDigest
    }

    struct Summary: Sendable, Hashable {
        var briefings = 0, stories = 0, articles = 0, outlets = 0
        var diagnostics: [Diagnostic] = []
    }

    var siteFingerprint: ContentDigest = .zero
    var inputs: [String: Input] = [:]
    var summary = Summary()
    var outputDirectory: FileStat?
    var outputs: [String: Output] = [:]
    var directories: [String: FileStat] = [:]
    /// The site this build replaced, kept for the next publish to recycle.
    var spare: SpareSite?
    /// Where each story's entry sits in the live `stories.json`, by story key.
    var storyEntries: [ContentDigest: Range<Int>] = [:]

    /// True when the output folder's folders are, by stat, what this manifest recorded: same
    /// folder (not replaced), every sub-folder with the recorded inode and mtime (a file added,
    /// removed or replaced by hand changes its folder's mtime). A file edited in place is caught
    /// where a build uses it (`SiteStaging` links only files matching their record), or, when
    /// nothing is built, by `filesMatch`.
    func describesOutputFolders(at output: String) -> Bool {
        guard let recorded = outputDirectory, let now = FileStat(path: output), now.sameOutput(as: recorded) else {
            return false
        }
        return Self.allMatch(directories.map { ($0.key, $0.value) }, under: output)
    }

    /// True when every output file has its recorded inode, size and mtime.
    func filesMatch(at output: String) -> Bool {
        Self.allMatch(outputs.map { ($0.key, $0.value.stat) }, under: output)
    }

    /// True when each path under `output` has its recorded stat; checked on all cores (10k
    /// story folders and 14k files at 10k articles).
    private static func allMatch(_ records: [(path: String, stat: FileStat)], under output: String) -> Bool {
        Parallel.map(Array(stride(from: 0, to: records.count, by: 512))) { start in
            records[start..<min(records.count, start + 512)].allSatisfy { path, record in
                FileStat(path: output + "/" + path).map { $0.sameOutput(as: record) } ?? false
            }
        }.allSatisfy { $0 }
    }

    func encode(into w: inout BinaryWriter) {
        w.digest(siteFingerprint)
        w.array(inputs.sorted { $0.key < $1.key }) { w, entry in
            w.string(entry.key)
            w.stat(entry.value.stat)
            w.digest(entry.value.digest)
        }
        for count in [summary.briefings, summary.stories, summary.articles, summary.outlets] { w.int(count) }
        w.array(summary.diagnostics) { $0.diagnostic($1) }
        w.bool(outputDirectory != nil)
        if let outputDirectory { w.stat(outputDirectory) }
        w.array(outputs.sorted { $0.key < $1.key }) { w, entry in
            w.string(entry.key)
            w.digest(entry.value.digest)
            w.stat(entry.value.stat)
            w.digest(entry.value.pageKey)
        }
        w.array(directories.sorted { $0.key < $1.key }) { w, entry in
            w.string(entry.key)
            w.stat(entry.value)
        }
        w.spare(spare)
        w.array(storyEntries.sorted { ($0.key.high, $0.key.low) < ($1.key.high, $1.key.low) }) { w, entry in
            w.digest(entry.key)
            w.int(entry.value.lowerBound)
            w.int(entry.value.count)
        }
    }

    init() {}

    init(from r: inout BinaryReader) throws(BinaryReader.CacheCorrupt) {
        siteFingerprint = try r.digest()
        let inputList = try r.array { (r: inout BinaryReader) throws(BinaryReader.CacheCorrupt) in
            let path = try r.string()
            let stat = try r.stat()
            return (path, Input(stat: stat, digest: try r.digest()))
        }
        inputs = Dictionary(inputList, uniquingKeysWith: { a, _ in a })
        summary.briefings = try r.int()
        summary.stories = try r.int()
        summary.articles = try r.int()
        summary.outlets = try r.int()
        summary.diagnostics = try r.array { (r: inout BinaryReader) throws(BinaryReader.CacheCorrupt) in try r.diagnostic() }
        outputDirectory = try r.bool() ? try r.stat() : nil
        let outputList = try r.array { (r: inout BinaryReader) throws(BinaryReader.CacheCorrupt) in
            let path = try r.string()
            let digest = try r.digest()
            let stat = try r.stat()
            return (path, Output(digest: digest, stat: stat, pageKey: try r.digest()))
        }
        outputs = Dictionary(outputList, uniquingKeysWith: { a, _ in a })
        let directoryList = try r.array { (r: inout BinaryReader) throws(BinaryReader.CacheCorrupt) in
            (try r.string(), try r.stat())
        }
        directories = Dictionary(directoryList, uniquingKeysWith: { a, _ in a })
        spare = try r.spare()
        let entryList = try r.array { (r: inout BinaryReader) throws(BinaryReader.CacheCorrupt) in
            let key = try r.digest()
            let start = try r.int()
            let count = try r.int()
            guard start >= 0, count >= 0 else { throw BinaryReader.CacheCorrupt() }
            return (key, start..<start + count)
        }
        storyEntries = Dictionary(entryList, uniquingKeysWith: { a, _ in a })
        guard r.isAtEnd else { throw BinaryReader.CacheCorrupt() }
    }
}
