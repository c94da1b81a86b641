import Foundation
import Hummingbird
import Site
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// Collects a response body in memory.
final class BodyCollector: ResponseBodyWriter, @unchecked Sendable {
    var bytes: [UInt8] = []
    var text: String { String(decoding: bytes, as: UTF8.self) }

    func write(_ buffer: ByteBuffer) async throws {
        bytes += buffer.readableBytesView
    }

    func finish(_ trailingHeaders: HTTPFields?) async throws {}
}

/// The repository's sample site (content, templates, briefing.yml) copied into a temp folder,
/// so tests can edit it.
enum SampleSite {
    static func copy(into dir: TemporaryDirectory) throws {
        for name in ["content", "templates", "briefing.yml"] {
            try FileManager.default.copyItem(
                at: TestPaths.packageRoot.appendingPathComponent(name), to: dir.appending(name))
        }
    }

    static func options(_ dir: TemporaryDirectory) -> BuildOptions {
        BuildOptions(
            contentDirectory: dir.path + "/content", templatesDirectory: dir.path + "/templates",
            outputDirectory: dir.path + "/public", configFile: dir.path + "/briefing.yml")
    }

    /// Copies and builds with `briefing build`'s builder into `dir/public`.
    static func build(into dir: TemporaryDirectory) throws -> BuildReport {
        try copy(into: dir)
        return try SiteBuilder(options: options(dir)).build()
    }
}

/// A minimal HTTP/1.1 client over a blocking socket: sends `request` as is (so tests can send
/// paths no URL type would let through) and reads until the server closes or `until` holds.
enum RawHTTP {
    struct Reply: Sendable {
        var raw: String
        var status: Int {
            let first = raw.split(separator: "\r\n").first ?? ""
            return Int(first.split(separator: " ").dropFirst().first ?? "") ?? 0
        }
        func header(_ name: String) -> String? {
            let head = raw.components(separatedBy: "\r\n\r\n").first ?? ""
            for line in head.split(separator: "\r\n").dropFirst() {
                let parts = line.split(separator: ":", maxSplits: 1)
                if parts.count == 2, parts[0].lowercased() == name.lowercased() {
                    return parts[1].trimmingCharacters(in: .whitespaces)
                }
            }
            return nil
        }
        var body: String {
            guard let range = raw.range(of: "\r\n\r\n") else { return "" }
            return String(raw[range.upperBound...])
        }
    }

    static func get(port: Int, _ target: String, method: String = "GET") async -> Reply {
        await send(port: port, "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
    }

    /// Blocking I/O runs on a Dispatch thread: on the cooperative pool (two threads on a
    /// two-core machine) it would starve the server's own tasks.
    static func send(port: Int, _ request: String, until done: @escaping @Sendable (String) -> Bool = { _ in false }) async -> Reply {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(returning: sendBlocking(port: port, request, until: done))
            }
        }
    }

    static func sendBlocking(port: Int, _ request: String, until done: (String) -> Bool) -> Reply {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        precondition(fd >= 0)
        defer { close(fd) }
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { return Reply(raw: "") }
        let bytes = Array(request.utf8)
        _ = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, 0) }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 { break }
            received += buffer[0..<n]
            if done(String(decoding: received, as: UTF8.self)) { break }
        }
        return Reply(raw: String(decoding: received, as: UTF8.self))
    }
}

/// A clock that moves only when the test says so; sleepers wake when it passes their deadline.
final class ManualClock: Clock, @unchecked Sendable {
    struct Instant: InstantProtocol {
        var offset: Duration
        func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
        func duration(to other: Instant) -> Duration { other.offset - offset }
        static func < (a: Instant, b: Instant) -> Bool { a.offset < b.offset }
    }

    private let lock = NSLock()
    private var current = Instant(offset: .zero)
    private var sleepers: [(deadline: Instant, continuation: CheckedContinuation<Void, Never>)] = []

    var now: Instant { lock.withLock { current } }
    var minimumResolution: Duration { .zero }
    var sleeperCount: Int { lock.withLock { sleepers.count } }

    func sleep(until deadline: Instant, tolerance: Duration?) async throws {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let wakeNow = lock.withLock {
                if deadline <= current { return true }
                sleepers.append((deadline, continuation))
                return false
            }
            if wakeNow { continuation.resume() }
        }
    }

    func advance(by duration: Duration) {
        let due = lock.withLock {
            current = current.advanced(by: duration)
            let due = sleepers.filter { $0.deadline <= current }
            sleepers.removeAll { $0.deadline <= current }
            return due
        }
        for sleeper in due { sleeper.continuation.resume() }
    }

    /// Waits (by yielding, bounded) until `count` tasks are asleep on this clock.
    func waitForSleepers(_ count: Int) async {
        for _ in 0..<10_000 where sleeperCount < count {
            await Task.yield()
            if sleeperCount < count { usleep(100) }
        }
    }
}

/// Polls `condition` until it holds or `seconds` pass; for waiting on the file system and
/// background threads, never for timing assertions.
func eventually(seconds: Double = 5, _ condition: () async -> Bool) async -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if await condition() { return true }
        try? await Task.sleep(for: .milliseconds(10))
    }
    return await condition()
}
