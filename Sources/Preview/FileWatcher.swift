import Foundation

/// Reports changed paths under the site's inputs: folders are watched recursively, files
/// (`briefing.yml`) through their parent folder so that editors that save by writing a new
/// file and renaming it over the old one are still seen.
///
/// Uses inotify where the kernel offers it and falls back to polling (a `stat` walk every
/// 300 ms) otherwise, or when `BRIEFING_WATCH=poll` is set.
public final class FileWatcher: Sendable {
    public enum Backend: String, Sendable {
        case inotify
        case polling
    }

    /// The mechanism in use, for the startup message.
    public let backend: Backend
    /// Changed paths, as the roots were given joined with the relative path
    /// (`content/2026-11-19/x.md`), in batches as the kernel or a poll delivers them.
    public let changes: AsyncStream<[String]>

    private let stopper: @Sendable () -> Void

    /// Starts watching `roots` (folders or files; missing ones are watched for creation).
    public init(roots: [String], backend preferred: Backend? = nil, pollInterval: Duration = .milliseconds(300)) {
        let (stream, continuation) = AsyncStream<[String]>.makeStream()
        changes = stream
        let wanted = preferred ?? (ProcessInfo.processInfo.environment["BRIEFING_WATCH"] == "poll" ? .polling : .inotify)
        let emit: @Sendable ([String]) -> Void = { paths in
            let kept = paths.filter { !FileWatcher.isIgnored($0) }
            if !kept.isEmpty { continuation.yield(kept) }
        }
        if wanted == .inotify, let watcher = InotifyWatcher(roots: roots, emit: emit) {
            backend = .inotify
            watcher.start()
            stopper = { watcher.stop(); continuation.finish() }
        } else {
            let watcher = PollingWatcher(roots: roots, interval: pollInterval, emit: emit)
            backend = .polling
            watcher.start()
            stopper = { watcher.stop(); continuation.finish() }
        }
    }

    /// Stops watching and ends `changes`.
    public func stop() {
        stopper()
    }

    /// Editor droppings and hidden files, which the build ignores too: Vim's swap files and
    /// its `4913` write test, backups ending in `~`, Emacs lock files.
    static func isIgnored(_ path: String) -> Bool {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return name.hasPrefix(".") || name.hasSuffix("~") || name.hasPrefix("#") || name == "4913"
            || name.hasSuffix(".swp") || name.hasSuffix(".swx")
    }

    /// Splits roots into folders (watched recursively) and single files (watched by name in
    /// their parent). A root that does not exist yet is treated as a file in its parent.
    static func classify(_ roots: [String]) -> (directories: [String], files: [(directory: String, name: String)]) {
        var directories: [String] = []
        var files: [(String, String)] = []
        for root in roots {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue {
                directories.append(trimmed(root))
            } else {
                let url = URL(fileURLWithPath: root)
                let parent = (root as NSString).deletingLastPathComponent
                files.append((parent.isEmpty ? "." : parent, url.lastPathComponent))
            }
        }
        return (directories, files)
    }

    static func trimmed(_ path: String) -> String {
        var path = path
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        return path
    }
}
