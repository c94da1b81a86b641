import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The fallback when inotify is unavailable: walk the roots with `lstat` every interval and
/// report entries that appeared, disappeared or changed size, time, inode or mode.
final class PollingWatcher: @unchecked Sendable {
    struct Stamp: Equatable {
        var modified: timespec
        var changed: timespec
        var size: Int
        var inode: UInt
        var mode: UInt32

        var isDirectory: Bool { mode & S_IFMT == S_IFDIR }

        static func == (a: Stamp, b: Stamp) -> Bool {
            a.modified.tv_sec == b.modified.tv_sec && a.modified.tv_nsec == b.modified.tv_nsec
                && a.changed.tv_sec == b.changed.tv_sec && a.changed.tv_nsec == b.changed.tv_nsec
                && a.size == b.size && a.inode == b.inode && a.mode == b.mode
        }
    }

    private let roots: [String]
    private let interval: Duration
    private let emit: @Sendable ([String]) -> Void
    private let lock = NSLock()
    private var stopped = false

    init(roots: [String], interval: Duration, emit: @escaping @Sendable ([String]) -> Void) {
        self.roots = roots
        self.interval = interval
        self.emit = emit
    }

    func start() {
        // The first snapshot is taken here, so changes made right after `start()` are seen.
        let first = Self.snapshot(roots)
        let thread = Thread { [self] in run(previous: first) }
        thread.name = "briefing.poll"
        thread.start()
    }

    func stop() {
        lock.withLock { stopped = true }
    }

    private func run(previous first: [String: Stamp]) {
        var previous = first
        let micros = UInt32(max(1, interval.components.seconds * 1_000_000 + interval.components.attoseconds / 1_000_000_000_000))
        while !lock.withLock({ stopped }) {
            usleep(micros)
            let current = Self.snapshot(roots)
            let changed = Self.difference(previous, current)
            previous = current
            if !changed.isEmpty { emit(changed) }
        }
    }

    /// Paths whose stamps differ between two snapshots, sorted.
    static func difference(_ old: [String: Stamp], _ new: [String: Stamp]) -> [String] {
        var changed: [String] = []
        // A folder's own times change with every entry added or removed; report the entries.
        for (path, stamp) in new where old[path] != stamp && !(stamp.isDirectory && old[path]?.isDirectory == true) {
            changed.append(path)
        }
        for path in old.keys where new[path] == nil { changed.append(path) }
        return changed.sorted()
    }

    /// Every file and folder under the folder roots, plus the file roots themselves.
    static func snapshot(_ roots: [String]) -> [String: Stamp] {
        var result: [String: Stamp] = [:]
        for root in roots {
            walk(FileWatcher.trimmed(root), into: &result)
        }
        return result
    }

    private static func walk(_ path: String, into result: inout [String: Stamp]) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        result[path] = Stamp(modified: info.st_mtim, changed: info.st_ctim, size: Int(info.st_size),
                             inode: UInt(info.st_ino), mode: info.st_mode)
        guard info.st_mode & S_IFMT == S_IFDIR, let entries = try? FileManager.default.contentsOfDirectory(atPath: path)
        else { return }
        for entry in entries where !entry.hasPrefix(".") {
            walk(path + "/" + entry, into: &result)
        }
    }
}
