import Foundation
import Testing
import TestSupport
@testable import Preview

/// Collects what a watcher reports, from a background task.
final class ChangeLog: @unchecked Sendable {
    private let lock = NSLock()
    private var paths: Set<String> = []
    func add(_ new: [String]) { lock.withLock { paths.formUnion(new) } }
    func contains(_ path: String) -> Bool { lock.withLock { paths.contains(path) } }
    var all: Set<String> { lock.withLock { paths } }
}

@Suite(.serialized) struct FileWatcherTests {
    func watch(_ backend: FileWatcher.Backend, _ body: (TemporaryDirectory, ChangeLog) async throws -> Void) async throws {
        let dir = TemporaryDirectory(prefix: "briefing-watch")
        dir.write("content/2026-01-01/a.md", "a")
        dir.write("briefing.yml", "title: x\n")
        dir.write("other.txt", "not watched")
        let roots = [dir.path + "/content", dir.path + "/briefing.yml"]
        let watcher = FileWatcher(roots: roots, backend: backend, pollInterval: .milliseconds(50))
        #expect(watcher.backend == backend)
        let log = ChangeLog()
        let reader = Task { for await paths in watcher.changes { log.add(paths) } }
        try await body(dir, log)
        watcher.stop()
        await reader.value
    }

    @Test(arguments: [FileWatcher.Backend.inotify, .polling])
    func seesEditsNewFoldersDeletesAndTheConfigFile(backend: FileWatcher.Backend) async throws {
        try await watch(backend) { dir, log in
            dir.write("content/2026-01-01/a.md", "changed")
            #expect(await eventually { log.contains(dir.path + "/content/2026-01-01/a.md") })
            // A new folder and a file in it: the watcher must add a watch for the folder.
            dir.write("content/2026-01-02/b.md", "new")
            #expect(await eventually { log.contains(dir.path + "/content/2026-01-02/b.md") })
            dir.write("content/2026-01-02/c.md", "newer")
            #expect(await eventually { log.contains(dir.path + "/content/2026-01-02/c.md") })
            try FileManager.default.removeItem(atPath: dir.path + "/content/2026-01-01/a.md")
            // The config file, replaced by rename as editors save it.
            dir.write("briefing.yml.tmp", "title: y\n")
            _ = rename(dir.path + "/briefing.yml.tmp", dir.path + "/briefing.yml")
            #expect(await eventually { log.contains(dir.path + "/briefing.yml") })
            dir.write("other.txt", "still not watched")
            dir.write("content/2026-01-01/.hidden.swp", "editor")
            try await Task.sleep(for: .milliseconds(200))
            #expect(!log.contains(dir.path + "/other.txt"))
            #expect(!log.all.contains { $0.hasSuffix(".swp") })
        }
    }

    @Test func ignoresEditorDroppings() {
        for path in ["c/.a.md.swp", "c/a.md~", "c/4913", "c/#a.md#", "c/.hidden"] {
            #expect(FileWatcher.isIgnored(path), "\(path)")
        }
        #expect(!FileWatcher.isIgnored("content/2026-01-01/a.md"))
    }

    @Test func pollingDifferenceReportsFilesNotTheirFolders() {
        let dir = TemporaryDirectory(prefix: "briefing-poll")
        dir.write("c/a.md", "a")
        let before = PollingWatcher.snapshot([dir.path + "/c"])
        dir.write("c/b.md", "b")
        let after = PollingWatcher.snapshot([dir.path + "/c"])
        #expect(PollingWatcher.difference(before, after) == [dir.path + "/c/b.md"])
        #expect(PollingWatcher.difference(after, before) == [dir.path + "/c/b.md"])
    }
}
