import Foundation
import Testing
import TestSupport
@testable import Preview

/// The real server on an ephemeral loopback port, spoken to over a raw socket.
@Suite struct PreviewServerTests {
    final class Port: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func set(_ port: Int) { lock.withLock { value = port } }
        var get: Int { lock.withLock { value } }
    }

    func withServer(_ body: (Int, PreviewSession) async throws -> Void) async throws {
        let dir = TemporaryDirectory(prefix: "briefing-server")
        try SampleSite.copy(into: dir)
        let session = PreviewSession(options: SampleSite.options(dir))
        _ = await session.build(changed: [])
        let port = Port()
        let server = PreviewServer(host: "127.0.0.1", port: 0, session: session)
        let running = Task { try await server.run(watcher: nil, handleSignals: false, onStarted: { port.set($0) }) }
        #expect(await eventually(seconds: 10) { port.get != 0 })
        try await body(port.get, session)
        running.cancel()
        _ = try? await running.value
    }

    @Test func servesPagesWithTheScriptAndTheEventStream() async throws {
        try await withServer { port, session in
            let home = await RawHTTP.get(port: port, "/")
            #expect(home.status == 200)
            #expect(home.header("Content-Type") == "text/html; charset=utf-8")
            #expect(home.header("Cache-Control") == "no-store")
            #expect(home.body.contains("<script data-briefing-live-reload>") && home.body.contains("var build = 1"))
            #expect(home.body.hasSuffix("</script>\n</body>\n</html>\n"))

            let css = await RawHTTP.get(port: port, "/style.css")
            #expect(css.status == 200 && css.header("Content-Type") == "text/css; charset=utf-8")
            #expect(!css.body.contains("<script"))
            #expect(await RawHTTP.get(port: port, "/stories.json").header("Content-Type") == "application/json")

            let head = await RawHTTP.get(port: port, "/", method: "HEAD")
            #expect(head.status == 200 && head.body.isEmpty)
            #expect(head.header("Content-Length") == home.header("Content-Length"))

            let folder = await RawHTTP.get(port: port, "/stories")
            #expect(folder.status == 302 && folder.header("Location") == "/stories/")
            #expect(await RawHTTP.get(port: port, "/stories/").status == 404)  // no listing

            for attack in ["/../../../../etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/a/..%2f..%2f..%2fetc/passwd",
                           "/..%5c..%5cetc%5cpasswd", "/index.html%00"] {
                let reply = await RawHTTP.get(port: port, attack)
                #expect(reply.status == 404 || reply.status == 400, "\(attack)")
                #expect(!reply.body.contains("root:"), "\(attack)")
            }
            let missing = await RawHTTP.get(port: port, "/no/such/page.html")
            #expect(missing.status == 404 && missing.body.contains("data-briefing-live-reload"))
            #expect(await RawHTTP.get(port: port, "/", method: "POST").status == 405)

            let events = await RawHTTP.send(
                port: port, "GET \(LiveReloadScript.eventsPath) HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n",
                until: { $0.contains("event: update") && $0.contains("}\n\n") })
            #expect(events.status == 200)
            #expect(events.header("Content-Type") == "text/event-stream")
            #expect(events.header("Cache-Control") == "no-store")
            #expect(events.header("Content-Length") == nil)
            #expect(events.body.contains("data: {\"build\":1,\"cssOnly\":false}"))
            #expect(session.hub.state.build == 1)
        }
    }

    @Test func eventStreamDeliversRebuilds() async throws {
        try await withServer { port, session in
            let reader = Task {
                await RawHTTP.send(port: port, "GET \(LiveReloadScript.eventsPath) HTTP/1.1\r\nHost: x\r\n\r\n",
                             until: { $0.contains("\"build\":2") })
            }
            #expect(await eventually { session.hub.subscriberCount == 1 })
            _ = await session.build(changed: [session.options.templatesDirectory + "/static/style.css"])
            let reply = await reader.value
            #expect(reply.body.contains("data: {\"build\":2,\"cssOnly\":true}"))
        }
    }
}
