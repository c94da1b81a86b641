import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import UnixSignals

/// `briefing serve` at run time: the HTTP server, the rebuild loop and the live-reload
/// streams as one `ServiceGroup`, which shuts them down in order on SIGINT or SIGTERM.
public struct PreviewServer: Sendable {
    public var host: String
    /// 0 picks a free port; `onStarted` is told which.
    public var port: Int
    public var session: PreviewSession
    public var quietPeriod: Duration

    public init(host: String = "127.0.0.1", port: Int = 8080, session: PreviewSession, quietPeriod: Duration = .milliseconds(50)) {
        self.host = host
        self.port = port
        self.session = session
        self.quietPeriod = quietPeriod
    }

    /// Serves until SIGINT or SIGTERM arrives (when `handleSignals`) (or the task is cancelled), then stops
    /// the watcher, closes every event stream and lets the server finish open requests.
    /// - Parameters:
    ///   - watcher: from `session.startWatching()`; nil serves without rebuilding.
    ///   - onStarted: called with the bound port once the server accepts connections.
    ///   - onResult: called once per rebuild, as soon as its site is switched in (or the build ends without one).
    public func run(
        watcher: FileWatcher?,
        handleSignals: Bool = true,
        onStarted: @escaping @Sendable (Int) async -> Void = { _ in },
        onResult: @escaping @Sendable (RebuildResult) -> Void = { _ in }
    ) async throws {
        var logger = Logger(label: "briefing.serve")
        logger.logLevel = .critical  // the CLI prints its own lines; failures to start are thrown
        let app = Application(
            responder: PreviewResponder(siteDirectory: session.options.outputDirectory, hub: session.hub),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in await onStarted(channel.localAddress?.port ?? 0) },
            logger: logger
        )
        var services: [any Service] = [app]
        if let watcher {
            services.append(RebuildService(session: session, watcher: watcher, quietPeriod: quietPeriod, onResult: onResult))
        }
        // Last in the list, so first to be told to shut down: open event streams never end by
        // themselves and would keep the server waiting.
        services.append(LiveReloadService(hub: session.hub))
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: services, gracefulShutdownSignals: handleSignals ? [.sigint, .sigterm] : [], logger: logger))
        try await group.run()
    }
}

/// Runs the session's rebuild loop until shutdown, then stops the watcher.
struct RebuildService: Service {
    let session: PreviewSession
    let watcher: FileWatcher
    let quietPeriod: Duration
    let onResult: @Sendable (RebuildResult) -> Void

    func run() async throws {
        let watcher = watcher
        await withGracefulShutdownHandler {
            await session.rebuildLoop(watcher: watcher, quietPeriod: quietPeriod, onResult: onResult)
        } onGracefulShutdown: {
            watcher.stop()
        }
    }
}

/// Pings open pages now and then (so closed connections are noticed) and closes every event
/// stream at shutdown.
struct LiveReloadService: Service {
    let hub: LiveReloadHub

    func run() async throws {
        do {
            try await cancelWhenGracefulShutdown {
                while true {
                    try await Task.sleep(for: .seconds(15))
                    hub.ping()
                }
            }
        } catch {}
        hub.finishAll()
    }
}
