import BriefingCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The site a publish replaced, kept (in the build cache) instead of deleted, so the next publish
/// can turn it into its staging folder by changing only what differs. A fresh staging folder
/// costs a `mkdir` per story and a link per file — on ext4 most of a one-article rebuild — and
/// removing the replaced one as much again.
struct SpareSite: Sendable, Hashable {
    /// Its files and, by stat, its folders, as recorded when it was the live site.
    var files: [String]
    var directories: [String: FileStat]
    /// Its `stories.json` by stat, and how many of its first bytes the live one shares.
    var storiesJSON: SharedStart?

    /// A file of the spare that begins as the live one does, for `count` bytes.
    struct SharedStart: Sendable, Hashable {
        var stat: FileStat
        var count: Int
    }

    init(files: [String], directories: [String: FileStat], storiesJSON: SharedStart? = nil) {
        self.files = files
        self.directories = directories
        self.storiesJSON = storiesJSON
    }
}

extension SitePublisher {
    /// Where the replaced site is kept, and what was recorded of it, when a cache follows the site.
    struct Spare: Sendable {
        var path: String
        /// Nil when nothing usable is kept there (a folder found there is thrown away).
        var record: SpareSite?
        /// The live site's files by stat, as the cache recorded them: a spare file that is the same
        /// inode is already right.
        var live: [String: FileStat]
        /// The live site's record, when the cache vouches for it; without one, the live site is
        /// recorded as found when it is replaced (`SpareSite(walking:)`).
        var replaced: SpareSite?
    }

    /// Turns the spare into `staging`; `SiteStaging` then replaces each file the site has unless it
    /// is already the live file, and `clearLeftovers` removes the rest. False (and nothing at
    /// `staging`) when the spare is not exactly as recorded.
    func recycle(_ spare: Spare, into staging: String) -> Bool {
        guard let record = spare.record else { return false }
        // A folder's mtime changes with any entry added or removed: as recorded, no stray files.
        let intact = Parallel.map(Array(record.directories)) { dir, stat in
            FileStat(path: spare.path + "/" + dir)?.sameOutput(as: stat) == true
        }.allSatisfy { $0 }
        return intact && rename(spare.path, staging) == 0
    }

    /// Removes the recycled spare's files and folders that the new site does not have.
    func clearLeftovers(of record: SpareSite, in staging: String, files: Set<String>, directories: Set<String>) throws(PublishError) {
        for file in record.files where !files.contains(file) {
            // Gone already when the new site put a folder there.
            if unlink(staging + "/" + file) != 0 && errno != ENOENT && errno != ENOTDIR && errno != EISDIR {
                throw PublishError(path: staging + "/" + file, reason: "cannot remove a file the new site lacks: \(String(cString: strerror(errno)))")
            }
        }
        // Deepest first, so each folder is empty when its turn comes.
        for dir in record.directories.keys.filter({ !directories.contains($0) }).sorted(by: >) {
            if rmdir(staging + "/" + dir) != 0 && errno != ENOENT && errno != ENOTDIR {
                throw PublishError(path: staging + "/" + dir, reason: "cannot remove a folder the new site lacks: \(String(cString: strerror(errno)))")
            }
        }
    }

    /// `target`'s stat when it (in a recycled staging folder) is already the live file at `path`.
    static func liveFileStat(_ target: String, path: String, live: [String: FileStat]) -> FileStat? {
        guard let recorded = live[path], let now = FileStat(path: target),
              now.device == recorded.device && now.inode == recorded.inode else { return nil }
        return now
    }

    /// Keeps the replaced site as the spare and returns its record, or throws it away (nil) when
    /// it cannot be kept. A site the cache knew nothing of is walked to record it: far cheaper
    /// than removing it, and the next build recycles it.
    func keep(_ replaced: URL, as spare: Spare?, trash: URL) -> SpareSite? {
        guard let spare else {
            discard(replaced, trash: trash)
            return nil
        }
        if FileManager.default.fileExists(atPath: spare.path) {
            discard(URL(fileURLWithPath: spare.path), trash: trash.appendingPathExtension("spare"))
        }
        guard FileManager.default.fileExists(atPath: replaced.path) else { return nil }
        guard let record = spare.replaced ?? SpareSite(walking: replaced.path), rename(replaced.path, spare.path) == 0 else {
            discard(replaced, trash: trash)
            return nil
        }
        return record
    }
}

extension SpareSite {
    /// The tree at `root` as found: every entry that is not a folder (links are not followed)
    /// and every folder by stat. Nil when a folder cannot be read.
    init?(walking root: String) {
        var files: [String] = [], directories: [String: FileStat] = [:]
        var pending = [""]
        while let relative = pending.popLast() {
            guard let entries = folderEntries(relative.isEmpty ? root : root + "/" + relative) else { return nil }
            for (name, type) in entries {
                let path = relative.isEmpty ? name : relative + "/" + name
                var isFolder = type == UInt8(DT_DIR)
                if type == UInt8(DT_UNKNOWN) {
                    var info = stat()
                    guard lstat(root + "/" + path, &info) == 0 else { return nil }
                    isFolder = (info.st_mode & S_IFMT) == S_IFDIR
                }
                guard isFolder else {
                    files.append(path)
                    continue
                }
                guard let stat = FileStat(path: root + "/" + path) else { return nil }
                directories[path] = stat
                pending.append(path)
            }
        }
        self.init(files: files, directories: directories)
    }
}

extension BinaryWriter {
    mutating func spare(_ spare: SpareSite?) {
        bool(spare != nil)
        guard let spare else { return }
        array(spare.files.sorted()) { $0.string($1) }
        array(spare.directories.sorted { $0.key < $1.key }) { w, entry in
            w.string(entry.key)
            w.stat(entry.value)
        }
        bool(spare.storiesJSON != nil)
        if let shared = spare.storiesJSON {
            self.stat(shared.stat)
            self.int(shared.count)
        }
    }
}

extension BinaryReader {
    mutating func spare() throws(CacheCorrupt) -> SpareSite? {
        guard try bool() else { return nil }
        let files = try array { (r: inout BinaryReader) throws(CacheCorrupt) in try r.string() }
        let directories = try array { (r: inout BinaryReader) throws(CacheCorrupt) in (try r.string(), try r.stat()) }
        var storiesJSON: SpareSite.SharedStart?
        if try bool() {
            let fileStat = try self.stat()
            let count = try int()
            guard count >= 0 else { throw CacheCorrupt() }
            storiesJSON = .init(stat: fileStat, count: count)
        }
        return SpareSite(files: files, directories: Dictionary(directories, uniquingKeysWith: { a, _ in a }), storiesJSON: storiesJSON)
    }
}
