import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Linux inotify: one watch per folder, added recursively, and for folders that appear later.
/// Runs on its own thread because `read` blocks; `poll` with a timeout lets `stop()` end it.
final class InotifyWatcher: @unchecked Sendable {
    private static let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_ATTRIB)
        | UInt32(IN_DELETE_SELF | IN_MOVE_SELF)

    private struct Watch {
        var directory: String
        /// nil: every entry, and subfolders get watches too; otherwise only these names.
        var names: Set<String>?
    }

    private let fd: Int32
    private let emit: @Sendable ([String]) -> Void
    private let lock = NSLock()
    private var stopped = false
    private var watches: [Int32: Watch] = [:]  // touched only by the watcher thread after init

    /// Nil when inotify is unavailable (old kernel, no more instances): use polling then.
    init?(roots: [String], emit: @escaping @Sendable ([String]) -> Void) {
        fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { return nil }
        self.emit = emit
        let (directories, files) = FileWatcher.classify(roots)
        for directory in directories { _ = addRecursively(directory) }
        for file in files {
            let wd = inotify_add_watch(fd, file.directory, Self.mask)
            guard wd >= 0 else { continue }
            if var watch = watches[wd] {
                watch.names?.insert(file.name)
                watches[wd] = watch
            } else {
                watches[wd] = Watch(directory: file.directory, names: [file.name])
            }
        }
        // No watch at all usually means the per-user limit is reached: polling still works.
        if watches.isEmpty, !roots.isEmpty {
            close(fd)
            return nil
        }
    }

    func start() {
        let thread = Thread { [self] in run() }
        thread.name = "briefing.inotify"
        thread.start()
    }

    func stop() {
        lock.withLock { stopped = true }
    }

    private var isStopped: Bool { lock.withLock { stopped } }

    private func run() {
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while !isStopped {
            var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&pfd, 1, 200)
            if ready <= 0 { continue }
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count <= 0 { continue }
            let changed = handleEvents(buffer, count: count)
            if !changed.isEmpty { emit(changed) }
        }
    }

    /// Parses `struct inotify_event` records: wd, mask, cookie, len, then `len` name bytes.
    private func handleEvents(_ buffer: [UInt8], count: Int) -> [String] {
        var changed: [String] = []
        var offset = 0
        let header = MemoryLayout<inotify_event>.size
        buffer.withUnsafeBytes { raw in
            while offset + header <= count {
                let wd = raw.loadUnaligned(fromByteOffset: offset, as: Int32.self)
                let mask = raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
                let length = Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                let nameBytes = raw[(offset + header)..<min(count, offset + header + length)]
                let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
                offset += header + length
                changed += handle(wd: wd, mask: mask, name: name)
            }
        }
        return changed
    }

    private func handle(wd: Int32, mask: UInt32, name: String) -> [String] {
        if mask & UInt32(IN_Q_OVERFLOW) != 0 {
            // Events were lost: say every watched folder changed, which rebuilds everything.
            return watches.values.map(\.directory)
        }
        if mask & UInt32(IN_IGNORED) != 0 {
            watches[wd] = nil  // the folder is gone; the kernel dropped its watch
            return []
        }
        guard let watch = watches[wd] else { return [] }
        if mask & UInt32(IN_DELETE_SELF | IN_MOVE_SELF) != 0 { return watch.names == nil ? [watch.directory] : [] }
        guard !name.isEmpty else { return [] }
        if let names = watch.names, !names.contains(name) { return [] }
        let path = watch.directory == "." && watch.names != nil ? name : watch.directory + "/" + name
        let isDirectory = mask & UInt32(IN_ISDIR) != 0
        if watch.names == nil, isDirectory, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
            // Files written into the new folder before its watch existed are reported here.
            return [path] + addRecursively(path)
        }
        return [path]
    }

    /// Adds watches for `directory` and every folder below it; returns the files found, so a
    /// folder moved in whole counts as changed content.
    @discardableResult
    private func addRecursively(_ directory: String) -> [String] {
        let wd = inotify_add_watch(fd, directory, Self.mask | UInt32(IN_ONLYDIR))
        guard wd >= 0 else { return [] }
        watches[wd] = Watch(directory: directory, names: nil)
        var files: [String] = []
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        for entry in entries.sorted() where !entry.hasPrefix(".") {
            let path = directory + "/" + entry
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            if info.st_mode & S_IFMT == S_IFDIR {
                files += addRecursively(path)
            } else {
                files.append(path)
            }
        }
        return files
    }
}
