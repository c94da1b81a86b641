import Synchronization
import Testing
@testable import BriefingCore

/// `briefing serve` hands freed memory back after a build's background releases: the work it
/// queues must run only once every value released before it is freed.
@Suite struct BackgroundReleaseTests {
    final class Log: Sendable {
        let entries = Mutex<[String]>([])
        func add(_ entry: String) { entries.withLock { $0.append(entry) } }
    }

    final class Tracked: Sendable {
        let name: String, log: Log
        init(_ name: String, log: Log) { (self.name, self.log) = (name, log) }
        deinit { log.add("freed \(name)") }
    }

    @Test func workAfterPendingReleasesRunsOnceTheyAreFreed() async {
        let log = Log()
        for k in 0..<3 { BackgroundRelease.release([Tracked("\(k)", log: log)]) }
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            BackgroundRelease.afterPendingReleases {
                log.add("after")
                done.resume()
            }
        }
        #expect(log.entries.withLock { $0 } == ["freed 0", "freed 1", "freed 2", "after"])
    }
}
