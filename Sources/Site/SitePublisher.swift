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
    }

    /// What was published, for the cache: each file's digest and stat, each folder's stat.
    struct Published {
        var written = 0
        var outputs: [String: (digest: ContentDigest?, stat: FileStat)] = [:]
        var directories: [String: FileStat] = [:]
        var outputDirectory: FileStat?
        /// True when the replaced site was kept as the spare.
        var keptSpare = false
    }

    /// Writes `plan` into staging, then switches it in. Returns how many files were written
    /// anew; unchanged files are carried over untouched.
    @discardableResult
    public func publish(_ plan: OutputPlan) throws(PublishError) -> Int {
        try publish(plan, live: nil).written
    }

    /// `live`: digests of the live site's files, when the cache vouches for them; a planned file
    /// with the same digest is then linked without reading the old one back.
    /// `spare`: where the replaced site is kept for the next publish to recycle (`SpareSite`).
    func publish(_ plan: OutputPlan, live: [String: ContentDigest]?, spare: Spare? = nil) throws(PublishError) -> Published {
        let parent = outputDirectory.deletingLastPathComponent()
        let name = outputDirectory.lastPathComponent
        let pid = getpid()
        let staging = parent.appendingPathComponent(".\(name).staging-\(pid)")
        let retired = parent.appendingPathComponent(".\(name).old-\(pid)")

        try createDirectory(parent)
        removeTree(staging)
        var published: Published
        let directories = Self.directories(of: plan.allPaths)
        let recycled = live != nil && spare.map { recycle($0, into: staging.path, plan: plan, directories: directories) } == true
        do {
            if !recycled {
                try createDirectory(staging)
                // Sorted, so each parent comes before its children: one mkdir each, no stat walk.
                for dir in directories { try makeDirectory(staging.path + "/" + dir) }
            }
            published = try write(plan, into: staging.path, live: live, recycledFrom: recycled ? spare?.live : nil)
        } catch {
            removeTree(staging)
            throw error
        }
        try switchIn(staging: staging, retired: retired)
        published.keptSpare = keep(retired, as: spare, trash: parent.appendingPathComponent(".\(name).trash-\(pid)"))
        let output = outputDirectory.path
        published.outputDirectory = FileStat(path: output)
        for dir in directories { published.directories[dir] = FileStat(path: output + "/" + dir) }
        return published
    }

    private static func directories(of paths: [String]) -> [String] {
        var directories = Set<String>()
        for path in paths {
            var dir = (path as NSString).deletingLastPathComponent
            while !dir.isEmpty, directories.insert(dir).inserted {
                dir = (dir as NSString).deletingLastPathComponent
            }
        }
        return directories.sorted()
    }

    private enum Source: Sendable {
        case bytes(OutputFile)
        case carried(String)
    }

    /// `recycledFrom`: the live files' stats when `rootPath` is a recycled spare, whose files
    /// are replaced unless already the live file.
    private func write(
        _ plan: OutputPlan, into rootPath: String, live: [String: ContentDigest]?, recycledFrom liveFiles: [String: FileStat]?
    ) throws(PublishError) -> Published {
        let previousPath = outputDirectory.path
        let sources = plan.sortedFiles.map(Source.bytes) + plan.carried.sorted().map(Source.carried)
        /// Links the live file in (false when it cannot); in a recycled folder, keeps it if it is already there.
        @Sendable func linkLive(_ path: String, _ target: String) -> Bool {
            if let liveFiles {
                if Self.isLiveFile(target, path: path, live: liveFiles) { return true }
                unlink(target)
            }
            return link(previousPath + "/" + path, target) == 0
        }
        let outcomes = Parallel.map(sources) { source -> Result<(String, ContentDigest?, FileStat, Bool), PublishError> in
            switch source {
            case .carried(let path):
                let target = rootPath + "/" + path
                guard linkLive(path, target), let stat = FileStat(path: target) else {
                    return .failure(PublishError(path: target, reason: "cannot carry the unchanged file over: \(String(cString: strerror(errno)))"))
                }
                return .success((path, nil, stat, false))
            case .bytes(let file):
                let target = rootPath + "/" + file.path
                let previous = previousPath + "/" + file.path
                let digest = ContentDigest(file.bytes)
                var wrote = false
                if let live {
                    if live[file.path] != digest || !linkLive(file.path, target) { wrote = true }
                } else if !Self.linkIfUnchanged(bytes: file.bytes, previous: previous, target: target) {
                    wrote = true
                }
                // A recycled folder's file may be another site's hard link: never written through.
                if wrote, liveFiles != nil { unlink(target) }
                if wrote, let failure = Self.writeFile(bytes: file.bytes, to: target) { return .failure(failure) }
                guard let stat = FileStat(path: target) else {
                    return .failure(PublishError(path: target, reason: "file vanished from the staging folder"))
                }
                return .success((file.path, digest, stat, wrote))
            }
        }
        var published = Published()
        for outcome in outcomes {
            switch outcome {
            case .success(let (path, digest, stat, wrote)):
                published.outputs[path] = (digest, stat)
                published.written += wrote ? 1 : 0
            case .failure(let failure): throw failure
            }
        }
        return published
    }

    /// An output file whose bytes did not change is hard-linked from the live site instead of
    /// rewritten, so it keeps its modification time (rsync and browsers' caches rely on it).
    static func linkIfUnchanged(bytes: [UInt8], previous: String, target: String) -> Bool {
        var info = stat()
        guard lstat(previous, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == bytes.count,
              let existing = FileManager.default.contents(atPath: previous), existing.elementsEqual(bytes)
        else { return false }
        return link(previous, target) == 0
    }

    /// POSIX open/write/close: Foundation's writers fsync every file on Linux, which is far slower.
    static func writeFile(bytes: [UInt8], to path: String) -> PublishError? {
        writeFile(parts: [bytes], to: path)
    }

    /// The parts one after another, as one file.
    static func writeFile(parts: [[UInt8]], to path: String) -> PublishError? {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return PublishError(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        for bytes in parts {
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
        }
        return nil
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
