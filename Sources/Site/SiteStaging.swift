import BriefingCore
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A staging folder filled while the site is rendered: each file is written, or linked from the
/// live site, as soon as it is made, so pages are never all held in memory (2.3 GB at 100k
/// articles). Safe to fill from several threads. Made by `SitePublisher.begin`, switched in by
/// `SitePublisher.finish`, or removed by `SitePublisher.abandon`.
final class SiteStaging: Sendable {
    let path: String
    /// The live site's folder: unchanged files are linked from there.
    let livePath: String
    /// Digests of the live site's files, when the cache vouches for them: a file with the same
    /// digest is linked without reading the old one back.
    let live: [String: ContentDigest]?
    /// Set when `path` is a recycled spare: its record (what `finish` clears that the site
    /// lacks). A file there that is already the live inode (`liveStats`) stays.
    let recycled: SpareSite?
    /// Where the replaced site goes once this one is switched in.
    let spare: SitePublisher.Spare?
    /// The live site's files as published, when the cache vouches for the live site: a file
    /// whose stat differs was changed by hand and is not linked.
    let liveStats: [String: FileStat]?
    /// Whether there is a live site to compare files with (not in a first build).
    private let hasLiveFolder: Bool
    private let published = Mutex(SitePublisher.Published())

    init(path: String, livePath: String, live: [String: ContentDigest]?,
         recycled: SpareSite?, spare: SitePublisher.Spare?) {
        self.path = path
        self.livePath = livePath
        self.live = live
        self.recycled = recycled
        self.spare = spare
        liveStats = live == nil ? nil : spare?.live
        hasLiveFolder = access(livePath, F_OK) == 0
    }

    /// What has been staged so far.
    var staged: SitePublisher.Published { published.withLock { $0 } }

    /// Writes `file`, or links the live file when its bytes are the same, so an unchanged file
    /// keeps its modification time (rsync and browsers' caches rely on it).
    func write(_ file: OutputFile) throws(SitePublisher.PublishError) {
        let target = path + "/" + file.path
        let digest = ContentDigest(file.bytes)
        let linked: LinkOutcome? = if let live {
            live[file.path] == digest ? linkLive(file.path, target) : nil
        } else if hasLiveFolder, SitePublisher.hasBytes(file.bytes, at: livePath + "/" + file.path),
                  withParents(file.path, { link(livePath + "/" + file.path, target) == 0 }) {
            .linked(nil)
        } else {
            nil
        }
        if case .linked(let stat)? = linked {
            try record(file.path, digest: digest, wrote: false, stat: stat)
            return
        }
        let fd = try create(file.path)
        defer { close(fd) }
        if let failure = SitePublisher.write(file.bytes, to: fd, path: target) { throw failure }
        try record(file.path, digest: digest, wrote: true)
    }

    /// A piece of a streamed file: bytes, or a range of the `source` file copied in the kernel.
    enum Piece {
        case bytes([UInt8])
        case copy(Range<Int>)
    }

    /// Writes `relative` in pieces as `produce` hands them over, so the file is never whole in
    /// memory; when its bytes turn out to be the live file's, the live file replaces it. Its
    /// digest is recorded as zero: never computed, so never matched. `.copy` pieces come from
    /// `source` (`copy_file_range`: the bytes never pass through this process). `spareStart`: what
    /// a recycled folder's old version of the file shares with the live one, whose bytes a copy
    /// to the same place then leaves as they are. Returns how many first bytes of the file are
    /// `source`'s (for `SpareSite.storiesJSON`).
    @discardableResult
    func stream(
        _ relative: String, source: Int32? = nil, spareStart: SpareSite.SharedStart? = nil,
        _ produce: (_ write: (Piece) -> Void) -> Void
    ) throws(SitePublisher.PublishError) -> Int {
        let target = path + "/" + relative
        let overwritten = reopen(relative)
        let fd = if let overwritten { overwritten.fd } else { try create(relative) }
        // The old version's first bytes that already are the live file's, checked by stat.
        let kept = if let overwritten, let spareStart, overwritten.stat.sameOutput(as: spareStart.stat) { spareStart.count } else { 0 }
        var failure: SitePublisher.PublishError?
        // Copies that land where they came from: no need to compare them with the live file.
        var size = 0, alike: [Range<Int>] = []
        // Where the next write goes, and how far the file so far is `source`'s.
        var position = 0, shared = 0, sharing = source != nil
        func seek(_ offset: Int) {
            guard position != offset else { return }
            if lseek(fd, off_t(offset), SEEK_SET) < 0 {
                failure = SitePublisher.PublishError(path: target, reason: String(cString: strerror(errno)))
            }
            position = offset
        }
        produce { piece in
            guard failure == nil else { return }
            switch piece {
            case .bytes(let bytes):
                if sharing, let source, Self.holds(source, bytes, at: size) { shared = size + bytes.count } else { sharing = false }
                seek(size)
                guard failure == nil else { return }
                failure = SitePublisher.write(bytes, to: fd, path: target)
                size += bytes.count
                position = size
            case .copy(let range):
                let start = size
                size += range.count
                let inPlace = range.lowerBound == start
                if inPlace { alike.append(range) }
                if sharing, inPlace { shared = size } else { sharing = false }
                // Below `kept`, a copy to the same place would write what is there already.
                let rest = inPlace ? max(range.lowerBound, min(kept, range.upperBound))..<range.upperBound : range
                guard !rest.isEmpty else { return }
                seek(start + rest.lowerBound - range.lowerBound)
                guard failure == nil else { return }
                position += rest.count
                if let source, Self.copy(rest, from: source, to: fd) { return }
                failure = SitePublisher.PublishError(
                    path: target, reason: "its previous version changed during the build, so unchanged parts could not be copied; build again")
            }
        }
        if failure == nil, overwritten != nil, ftruncate(fd, off_t(size)) != 0 {
            failure = SitePublisher.PublishError(path: target, reason: String(cString: strerror(errno)))
        }
        close(fd)
        if let failure { throw failure }
        let previous = livePath + "/" + relative
        // The copies came from `source`: only if that is still the live file are they alike.
        var sourceInfo = stat()
        if source.map({ fstat($0, &sourceInfo) }) != 0 || FileStat(path: previous)?.sameOutput(as: FileStat(sourceInfo)) != true {
            alike = []
            shared = 0
        }
        // Linked beside it, then renamed over it: the written file stays if linking fails.
        let beside = target + ".same"
        var unchanged = SitePublisher.sameContents(target, previous, alike: alike) && link(previous, beside) == 0
        if unchanged, rename(beside, target) != 0 {
            unlink(beside)
            unchanged = false
        }
        try record(relative, digest: .zero, wrote: !unchanged)
        return shared
    }

    /// True when `source` holds `bytes` at `offset`; only small pieces (a header, the separators
    /// between copied entries) are read to tell.
    private static func holds(_ source: Int32, _ bytes: [UInt8], at offset: Int) -> Bool {
        guard bytes.count <= 1 << 16, let existing = CacheFile.readBytes(source, at: offset, count: bytes.count) else { return false }
        return existing == bytes
    }

    /// Appends `range` of `source` to `fd`; false when `source` is shorter than that or unreadable.
    private static func copy(_ range: Range<Int>, from source: Int32, to fd: Int32) -> Bool {
        var offset = Int64(range.lowerBound)
        var left = range.count
        while left > 0, let copyFileRange = GlibcFunction.copyFileRange {
            let n = copyFileRange(source, &offset, fd, nil, left, 0)
            if n > 0 {
                left -= n
            } else if n < 0, errno == EINTR {
                continue
            } else if n < 0, [EXDEV, ENOSYS, EINVAL, EOPNOTSUPP].contains(errno) {
                break  // no kernel copy between these files (another file system, an old kernel)
            } else {
                return false  // the source ends before the range does
            }
        }
        guard left > 0 else { return true }
        // By hand: what the kernel would not copy.
        guard let bytes = CacheFile.readBytes(source, at: Int(offset), count: left) else { return false }
        return SitePublisher.write(bytes, to: fd, path: "") == nil
    }

    /// Links the live site's file at `path` in unchanged (the cache proved it current); false,
    /// with nothing staged, when the live file was changed since it was published (by hand: the
    /// page must be rendered again).
    func carry(_ relative: String) throws(SitePublisher.PublishError) -> Bool {
        let target = path + "/" + relative
        switch linkLive(relative, target) {
        case .linked(let stat)?:
            try record(relative, digest: nil, wrote: false, stat: stat)
            return true
        case .stale?:
            return false
        case nil:
            throw SitePublisher.PublishError(
                path: target, reason: "cannot carry the unchanged file over: \(String(cString: strerror(errno)))")
        }
    }

    /// Opens `relative` for writing as a new file, making its folders when missing.
    private func create(_ relative: String) throws(SitePublisher.PublishError) -> Int32 {
        let target = path + "/" + relative
        // A recycled folder's file may be another site's hard link: never written through.
        if recycled != nil { clear(target) }
        var fd: Int32 = -1
        _ = withParents(relative) {
            fd = open(target, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            return fd >= 0
        }
        guard fd >= 0 else { throw SitePublisher.PublishError(path: target, reason: String(cString: strerror(errno))) }
        return fd
    }

    /// A recycled folder's old version of `relative`, opened to be written over from its start,
    /// when it is a plain file no other name shares: freeing its pages and taking new ones cost
    /// more than copying `stories.json` into them (48 MB at 10k articles). Nil otherwise.
    private func reopen(_ relative: String) -> (fd: Int32, stat: FileStat)? {
        guard recycled != nil else { return nil }
        let fd = open(path + "/" + relative, O_WRONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return nil }
        var info = stat()
        if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_nlink == 1 { return (fd, FileStat(info)) }
        close(fd)
        return nil
    }

    /// `stat`, when the caller has just taken it, saves taking it again (one per carried page).
    private func record(_ relative: String, digest: ContentDigest?, wrote: Bool, stat: FileStat? = nil) throws(SitePublisher.PublishError) {
        guard let stat = stat ?? FileStat(path: path + "/" + relative) else {
            throw SitePublisher.PublishError(path: path + "/" + relative, reason: "file vanished from the staging folder")
        }
        published.withLock { published in
            published.outputs[relative] = (digest, stat)
            published.written += wrote ? 1 : 0
        }
    }

    enum LinkOutcome {
        /// In place, with the file's stat when it was taken.
        case linked(FileStat?)
        /// The live file is not what was published (edited by hand): nothing was linked.
        case stale
    }

    /// Links the live file in (nil when it cannot); in a recycled folder, keeps it if it is
    /// already there. The manifest vouches for the live site's folders only: each file is
    /// checked against its recorded stat here, as it is used, which costs no extra `stat`.
    private func linkLive(_ relative: String, _ target: String) -> LinkOutcome? {
        let recorded = liveStats?[relative]
        if recycled != nil {
            if let stat = SitePublisher.liveFileStat(target, path: relative, live: liveStats ?? [:]) {
                if let recorded, !stat.sameOutput(as: recorded) {
                    clear(target)
                    return .stale
                }
                return .linked(stat)
            }
            clear(target)
        }
        guard withParents(relative, { link(livePath + "/" + relative, target) == 0 }) else { return nil }
        guard let recorded else { return .linked(nil) }
        guard let stat = FileStat(path: target), stat.sameOutput(as: recorded) else {
            unlink(target)
            return .stale
        }
        return .linked(stat)
    }

    /// Runs `operation` again after making the folders of `relative` when it failed for want of
    /// them: folders are made as files need them, not planned ahead.
    private func withParents(_ relative: String, _ operation: () -> Bool) -> Bool {
        if operation() { return true }
        guard errno == ENOENT || errno == ENOTDIR else { return false }
        var folder = path
        for component in relative.split(separator: "/").dropLast() {
            folder += "/" + component
            if mkdir(folder, 0o777) == 0 { continue }
            guard errno == EEXIST else { return false }
            // A recycled spare may hold a file where this site has a folder.
            var info = stat()
            if recycled != nil, lstat(folder, &info) == 0, (info.st_mode & S_IFMT) != S_IFDIR {
                guard unlink(folder) == 0, mkdir(folder, 0o777) == 0 else { return false }
            }
        }
        return operation()
    }

    /// Removes what a recycled spare has at `target`: a file, or a folder where this site has a file.
    private func clear(_ target: String) {
        if unlink(target) != 0 && errno == EISDIR { try? FileManager.default.removeItem(atPath: target) }
    }
}
