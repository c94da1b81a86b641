import BriefingCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a planned site so that readers never see a half-written one: every file goes into a
/// staging folder beside the output folder, and only a complete staging folder replaces it.
/// A build that fails or is killed before the switch leaves the previous site as it was.
public struct SitePublisher: Sendable {
    public let outputDirectory: URL

    /// Remove the replaced site with a detached `rm -rf` instead of waiting: removing thousands
    /// of folders costs seconds on a busy disk. Off by default; the CLI turns it on.
    public var removesOldSiteInBackground = false

    public init(outputDirectory: URL, removesOldSiteInBackground: Bool = false) {
        self.outputDirectory = outputDirectory.standardizedFileURL
        self.removesOldSiteInBackground = removesOldSiteInBackground
    }

    public struct PublishError: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "\(path): error: \(reason)" }
        var diagnostic: Diagnostic { .error(SourceLocation(path: path), reason) }
    }

    /// What was published, for the cache: each file's digest and stat, each folder's stat.
    struct Published {
        var written = 0
        var outputs: [String: (digest: ContentDigest?, stat: FileStat)] = [:]
        var directories: [String: FileStat] = [:]
        var outputDirectory: FileStat?
        /// The replaced site's record, when it was kept as the spare.
        var spare: SpareSite?
    }

    /// Writes `plan` into staging, then switches it in. Returns how many files were written
    /// anew; unchanged files are carried over untouched.
    @discardableResult
    public func publish(_ plan: OutputPlan) throws(PublishError) -> Int {
        try publish(plan, live: nil).written
    }

    /// `publish` for a plan whose files are all in memory: `begin`, every file staged, `finish`.
    func publish(_ plan: OutputPlan, live: [String: ContentDigest]?, spare: Spare? = nil) throws(PublishError) -> Published {
        let staging = try begin(live: live, spare: spare)
        let items = plan.sortedFiles.map(Staged.file) + plan.carried.sorted().map(Staged.carried)
        let failures = Parallel.map(items) { item -> PublishError? in
            do throws(PublishError) {
                switch item {
                case .file(let file): try staging.write(file)
                case .carried(let path):
                    // A plan held in memory cannot render the page again: a stale live file stops it.
                    guard try staging.carry(path) else {
                        throw PublishError(path: outputDirectory.path + "/" + path, reason: "changed since it was published; build again")
                    }
                }
                return nil
            } catch { return error }
        }
        if let failure = failures.lazy.compactMap({ $0 }).first {
            abandon(staging)
            throw failure
        }
        return try finish(staging, paths: plan.allPaths)
    }

    private enum Staged: Sendable {
        case file(OutputFile)
        case carried(String)
    }

    /// A staging folder to fill (`SiteStaging`) before `finish` switches it in.
    /// `live`: digests of the live site's files, when the cache vouches for them.
    /// `spare`: where the replaced site is kept for the next publish to recycle (`SpareSite`).
    func begin(live: [String: ContentDigest]?, spare: Spare?) throws(PublishError) -> SiteStaging {
        let staging = sibling("staging")
        try createDirectory(staging.deletingLastPathComponent())
        removeTree(staging)
        let recycled = live != nil && spare.map { recycle($0, into: staging.path) } == true
        if !recycled { try createDirectory(staging) }
        return SiteStaging(
            path: staging.path, livePath: outputDirectory.path, live: live,
            recycled: recycled ? spare?.record : nil, spare: spare)
    }

    /// Switches a filled staging folder in; `paths` are every file the site has. What a recycled
    /// spare held that the site lacks is removed first.
    func finish(_ staging: SiteStaging, paths: [String]) throws(PublishError) -> Published {
        let directories = Self.directories(of: paths)
        if let record = staging.recycled {
            do throws(PublishError) {
                try clearLeftovers(of: record, in: staging.path, files: Set(paths), directories: Set(directories))
            } catch {
                abandon(staging)
                throw error
            }
        }
        let retired = sibling("old")
        try switchIn(staging: URL(fileURLWithPath: staging.path), retired: retired)
        var published = staging.staged
        published.spare = keep(retired, as: staging.spare, trash: sibling("trash"))
        let output = outputDirectory.path
        published.outputDirectory = FileStat(path: output)
        let stats = Parallel.map(directories) { FileStat(path: output + "/" + $0) }
        for (dir, stat) in zip(directories, stats) { published.directories[dir] = stat }
        return published
    }

    /// Drops a staging folder that will not be published; the live site stays as it is.
    func abandon(_ staging: SiteStaging) {
        removeTree(URL(fileURLWithPath: staging.path))
    }

    /// `.public.staging-<pid>` and the like, beside the output folder.
    private func sibling(_ kind: String) -> URL {
        outputDirectory.deletingLastPathComponent().appendingPathComponent(".\(outputDirectory.lastPathComponent).\(kind)-\(getpid())")
    }

    /// Every folder the files at `paths` sit in, parents included. (Not `NSString`'s
    /// `deletingLastPathComponent`: it crashes on a one-letter name.)
    private static func directories(of paths: [String]) -> [String] {
        var directories = Set<Substring>()
        for path in paths {
            var rest = Substring(path)
            while let slash = rest.utf8.lastIndex(of: UInt8(ascii: "/")) {
                rest = rest[..<slash]
                guard directories.insert(rest).inserted else { break }
            }
        }
        return directories.map(String.init).sorted()
    }

    /// True when the file at `path` holds exactly `bytes`.
    /// (A symbolic link never does: O_NOFOLLOW.) Compared with `memcmp`: `Data`'s byte iterator
    /// was a twentieth of a full build over an existing site.
    static func hasBytes(_ bytes: [UInt8], at path: String) -> Bool {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == bytes.count,
              let existing = CacheFile.readBytes(fd, at: 0, count: bytes.count) else { return false }
        return existing.withUnsafeBytes { old in
            bytes.withUnsafeBytes { new in old.count == 0 || memcmp(old.baseAddress!, new.baseAddress!, old.count) == 0 }
        }
    }

    /// The parts one after another, as one file; POSIX open/write/close, as Foundation's writers
    /// fsync every file on Linux, which is far slower.
    static func writeFile(parts: [[UInt8]], to path: String) -> PublishError? {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return PublishError(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        for bytes in parts {
            if let failure = write(bytes, to: fd, path: path) { return failure }
        }
        return nil
    }

    /// All of `bytes` to the open file `fd` (named `path` in the error).
    static func write(_ bytes: [UInt8], to fd: Int32, path: String) -> PublishError? {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { buffer in
                Glibc.write(fd, buffer.baseAddress! + offset, bytes.count - offset)
            }
            if n < 0 {
                if errno == EINTR { continue }
                return PublishError(path: path, reason: String(cString: strerror(errno)))
            }
            offset += n
        }
        return nil
    }

    /// True when the files at `a` and `b` hold the same bytes, read a piece at a time; `alike`
    /// (ascending) are ranges known to be the same in both (copied from `b` to the same place in
    /// `a`), which are not read.
    static func sameContents(_ a: String, _ b: String, alike: [Range<Int>] = []) -> Bool {
        guard let statA = FileStat(path: a), let statB = FileStat(path: b), statA.size == statB.size else { return false }
        let fdA = open(a, O_RDONLY | O_CLOEXEC), fdB = open(b, O_RDONLY | O_CLOEXEC)
        defer { if fdA >= 0 { close(fdA) }; if fdB >= 0 { close(fdB) } }
        guard fdA >= 0, fdB >= 0 else { return false }
        let size = Int(statA.size)
        var offset = 0
        for known in alike + [size..<size] {
            while offset < known.lowerBound {
                let count = min(1 << 20, known.lowerBound - offset)
                guard let bytesA = CacheFile.readBytes(fdA, at: offset, count: count),
                      let bytesB = CacheFile.readBytes(fdB, at: offset, count: count), bytesA == bytesB else { return false }
                offset += count
            }
            offset = max(offset, known.upperBound)
        }
        return true
    }

    /// One atomic `renameat2(RENAME_EXCHANGE)`: readers see the old site or the new one, and the
    /// output path never disappears. Where the file system cannot exchange, two renames, with
    /// `recoverInterrupted` putting the old site back if a build dies between them.
    private func switchIn(staging: URL, retired: URL) throws(PublishError) {
        let output = outputDirectory.path
        removeTree(retired)
        if FileManager.default.fileExists(atPath: output) {
            if AtomicExchange.exchange(staging.path, output) {
                guard rename(staging.path, retired.path) == 0 else { removeTree(staging); return }
                return
            }
            guard rename(output, retired.path) == 0 else {
                removeTree(staging)
                throw PublishError(path: output, reason: "cannot move the old site aside: \(String(cString: strerror(errno)))")
            }
            guard rename(staging.path, output) == 0 else {
                let reason = String(cString: strerror(errno))
                _ = rename(retired.path, output)
                removeTree(staging)
                throw PublishError(path: output, reason: "cannot switch the new site in: \(reason)")
            }
            return
        }
        guard rename(staging.path, output) == 0 else {
            let reason = String(cString: strerror(errno))
            removeTree(staging)
            throw PublishError(path: output, reason: "cannot switch the new site in: \(reason)")
        }
    }

    /// Under the build lock, before reading the output: a build killed between its two renames
    /// left the output missing and the old site aside, so it goes back; staging and retired
    /// folders of killed builds are removed.
    func recoverInterrupted() {
        let parent = outputDirectory.deletingLastPathComponent()
        let name = outputDirectory.lastPathComponent
        guard let siblings = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
        let retired = siblings.filter { $0.hasPrefix(".\(name).old-") }.sorted()
        if !FileManager.default.fileExists(atPath: outputDirectory.path), let last = retired.last {
            _ = rename(parent.appendingPathComponent(last).path, outputDirectory.path)
        }
        // A `.trash-` folder is still being removed in the background unless it is old.
        let now = FileStat.nowNanoseconds()
        let abandoned = { (sibling: String) in
            sibling.hasPrefix(".\(name).trash-")
                && (FileStat(path: parent.appendingPathComponent(sibling).path)?.ctimeNanoseconds ?? 0) < now - 600_000_000_000
        }
        for sibling in siblings where sibling.hasPrefix(".\(name).staging-") || sibling.hasPrefix(".\(name).old-") || abandoned(sibling) {
            removeTree(parent.appendingPathComponent(sibling))
        }
    }

    /// The replaced site is renamed to `.trash-<pid>` (never restored, unlike `.old-<pid>`) and
    /// removed by a detached process whose output goes nowhere, so cron does not wait for it.
    func discard(_ retired: URL, trash: URL) {
        guard FileManager.default.fileExists(atPath: retired.path) else { return }
        guard removesOldSiteInBackground, rename(retired.path, trash.path) == 0 else { return removeTree(retired) }
        let remover = Process()
        remover.executableURL = URL(fileURLWithPath: "/bin/rm")
        remover.arguments = ["-rf", "--", trash.path]
        remover.standardInput = FileHandle.nullDevice
        remover.standardOutput = FileHandle.nullDevice
        remover.standardError = FileHandle.nullDevice
        do { try remover.run() } catch { removeTree(trash) }
    }

    private func createDirectory(_ url: URL) throws(PublishError) {
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw PublishError(path: url.path, reason: "cannot create folder: \(error.localizedDescription)")
        }
    }

    /// One folder whose parent exists; FileManager's intermediate-folder walk cost 8% of a
    /// one-article rebuild at 10k articles.
    private func makeDirectory(_ path: String) throws(PublishError) {
        guard mkdir(path, 0o777) == 0 || errno == EEXIST else {
            throw PublishError(path: path, reason: "cannot create folder: \(String(cString: strerror(errno)))")
        }
    }

    private func removeTree(_ url: URL) {
        try? FileManager.default.removeItem(at: url)
    }
}
