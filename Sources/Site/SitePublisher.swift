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

    public init(outputDirectory: URL) {
        self.outputDirectory = outputDirectory.standardizedFileURL
    }

    public struct PublishError: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "\(path): error: \(reason)" }
    }

    /// Writes `plan` into staging, then switches it in. Returns how many files were written
    /// anew; unchanged files are carried over untouched.
    @discardableResult
    public func publish(_ plan: OutputPlan) throws(PublishError) -> Int {
        let parent = outputDirectory.deletingLastPathComponent()
        let name = outputDirectory.lastPathComponent
        let pid = getpid()
        let staging = parent.appendingPathComponent(".\(name).staging-\(pid)")
        let retired = parent.appendingPathComponent(".\(name).old-\(pid)")

        try createDirectory(parent)
        removeTree(staging)
        try createDirectory(staging)
        let written: Int
        do {
            written = try write(plan.sortedFiles, into: staging)
        } catch {
            removeTree(staging)
            throw error
        }
        try switchIn(staging: staging, retired: retired)
        removeTree(retired)
        return written
    }

    private func write(_ files: [OutputFile], into root: URL) throws(PublishError) -> Int {
        // Directories first, serially: then workers only create files.
        var directories = Set<String>()
        for file in files {
            var dir = (file.path as NSString).deletingLastPathComponent
            while !dir.isEmpty, directories.insert(dir).inserted {
                dir = (dir as NSString).deletingLastPathComponent
            }
        }
        for dir in directories.sorted() {
            try createDirectory(root.appendingPathComponent(dir))
        }
        let rootPath = root.path
        let previousPath = outputDirectory.path
        let outcomes = Parallel.map(files) { file -> Result<Bool, PublishError> in
            let target = rootPath + "/" + file.path
            if Self.linkIfUnchanged(bytes: file.bytes, previous: previousPath + "/" + file.path, target: target) {
                return .success(false)
            }
            if let failure = Self.writeFile(bytes: file.bytes, to: target) { return .failure(failure) }
            return .success(true)
        }
        var written = 0
        for outcome in outcomes {
            switch outcome {
            case .success(let wrote): written += wrote ? 1 : 0
            case .failure(let failure): throw failure
            }
        }
        return written
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
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return PublishError(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
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

    /// Two renames: the old site moves aside, the new one takes its name. Between them the
    /// output path is briefly absent but never partial.
    private func switchIn(staging: URL, retired: URL) throws(PublishError) {
        let output = outputDirectory.path
        removeTree(retired)
        var hadOld = false
        if FileManager.default.fileExists(atPath: output) {
            guard rename(output, retired.path) == 0 else {
                removeTree(staging)
                throw PublishError(path: output, reason: "cannot move the old site aside: \(String(cString: strerror(errno)))")
            }
            hadOld = true
        }
        guard rename(staging.path, output) == 0 else {
            let reason = String(cString: strerror(errno))
            if hadOld { _ = rename(retired.path, output) }
            removeTree(staging)
            throw PublishError(path: output, reason: "cannot switch the new site in: \(reason)")
        }
    }

    private func createDirectory(_ url: URL) throws(PublishError) {
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw PublishError(path: url.path, reason: "cannot create folder: \(error.localizedDescription)")
        }
    }

    private func removeTree(_ url: URL) {
        try? FileManager.default.removeItem(at: url)
    }
}
