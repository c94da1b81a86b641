import Foundation

/// The site's current build state and every open page's event stream.
///
/// A page is served with the build number it came from; on connecting it gets the current
/// state at once, so a page that loaded just before a rebuild (or during a broken build)
/// catches up without waiting for the next change.
public final class LiveReloadHub: @unchecked Sendable {
    /// What open pages are told after each build.
    public struct Update: Sendable, Hashable, Codable {
        /// Counts published builds; a page whose number differs shows an old site.
        public var build: Int
        /// Only stylesheets changed since `build - 1`: pages swap them instead of reloading.
        public var cssOnly: Bool
        /// The build's errors, as printed in the terminal; nil clears the overlay.
        public var error: String?

        public init(build: Int, cssOnly: Bool = false, error: String? = nil) {
            self.build = build
            self.cssOnly = cssOnly
            self.error = error
        }
    }

    // A lock, not an actor: request handlers read `current` synchronously on every page.
    private let lock = NSLock()
    private var current: Update
    private var subscribers: [Int: AsyncStream<String>.Continuation] = [:]
    private var nextID = 0

    public init(initial: Update = Update(build: 0)) {
        current = initial
    }

    /// The state pages are served with now.
    public var state: Update {
        lock.withLock { current }
    }

    /// How many pages are listening (for tests and diagnostics).
    public var subscriberCount: Int {
        lock.withLock { subscribers.count }
    }

    /// Makes `update` current and sends it to every listening page.
    public func publish(_ update: Update) {
        let targets = lock.withLock {
            current = update
            return Array(subscribers.values)
        }
        let text = Self.eventText(update)
        for continuation in targets { continuation.yield(text) }
    }

    /// Sends an SSE comment to every page: a write to a closed connection fails, which ends
    /// its handler, so pages that went away are noticed even when nothing is rebuilt.
    public func ping() {
        let targets = lock.withLock { Array(subscribers.values) }
        for continuation in targets { continuation.yield(": ping\n\n") }
    }

    /// A stream of ready-to-send SSE chunks that starts with the current state. Call
    /// `unsubscribe` with the id when the page goes away.
    public func subscribe() -> (id: Int, updates: AsyncStream<String>) {
        // Only the newest few matter: a page behind by several builds reloads anyway.
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(8))
        let id = lock.withLock {
            nextID += 1
            subscribers[nextID] = continuation
            continuation.yield(Self.eventText(current))
            return nextID
        }
        return (id, stream)
    }

    public func unsubscribe(_ id: Int) {
        let continuation = lock.withLock { subscribers.removeValue(forKey: id) }
        continuation?.finish()
    }

    /// Ends every stream, so open connections close and the server can shut down.
    public func finishAll() {
        let all = lock.withLock {
            defer { subscribers.removeAll() }
            return Array(subscribers.values)
        }
        for continuation in all { continuation.finish() }
    }

    /// One Server-Sent Event: `event: update` with the update as JSON (one line, so one
    /// `data:` field whatever the error text holds).
    public static func eventText(_ update: Update) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = (try? encoder.encode(update)).flatMap { String(data: $0, encoding: .utf8) } ?? "{}"
        return "event: update\ndata: \(json)\n\n"
    }
}
