import Foundation
import Hummingbird
import Testing
import TestSupport
@testable import Preview

@Suite struct LiveReloadScriptTests {
    func inject(_ html: String, build: Int = 7) -> String {
        String(decoding: LiveReloadScript.inject(into: Array(html.utf8), build: build), as: UTF8.self)
    }

    @Test func insertsBeforeTheLastClosingBody() {
        let page = inject("<html><body><p>x</p></body></html>")
        let tag = LiveReloadScript.tag(build: 7)
        #expect(page == "<html><body><p>x</p>" + tag + "</body></html>")
        #expect(tag.contains("var build = 7"))
        #expect(tag.contains(LiveReloadScript.eventsPath))
    }

    @Test func closingBodyInAnyCaseAndOnlyTheLast() {
        let page = inject("<p>&lt;/body&gt; </body> in text</p></BODY>\n</html>")
        #expect(page.hasSuffix(LiveReloadScript.tag(build: 7) + "</BODY>\n</html>"))
        #expect(page.hasPrefix("<p>&lt;/body&gt; </body> in text</p><script"))
    }

    @Test func appendsWhenThereIsNoBody() {
        #expect(inject("<p>fragment") == "<p>fragment" + LiveReloadScript.tag(build: 7))
        #expect(inject("") == LiveReloadScript.tag(build: 7))
    }

    @Test func respondsWithTheScriptOnlyInHTML() async throws {
        let fixture = MapperFixture()
        fixture.dir.write("site/data.json", "{\"a\":\"</body>\"}")
        let responder = PreviewResponder(siteDirectory: fixture.site, hub: LiveReloadHub(initial: .init(build: 3)))
        func body(_ path: String) async throws -> (Int, String, String) {
            let response = responder.fileResponse(for: path)
            let collector = BodyCollector()
            try await response.body.write(collector)
            return (response.status.code, response.headers[.contentType] ?? "", collector.text)
        }
        let home = try await body("/")
        #expect(home.0 == 200 && home.1 == "text/html; charset=utf-8")
        #expect(home.2.contains("data-briefing-live-reload") && home.2.contains("var build = 3"))
        let css = try await body("/style.css")
        #expect(css.0 == 200 && css.1 == "text/css; charset=utf-8" && css.2 == "body{}")
        let json = try await body("/data.json")
        #expect(json.1 == "application/json" && !json.2.contains("<script"))
        let missing = try await body("/nope/")
        #expect(missing.0 == 404 && missing.2.contains("404 Not Found") && missing.2.contains("data-briefing-live-reload"))
        fixture.dir.write("site/404.html", "<html><body>custom gone</body></html>")
        let custom = try await body("/nope/")
        #expect(custom.0 == 404 && custom.2.contains("custom gone") && custom.2.contains("data-briefing-live-reload"))
        let traversal = try await body("/%2e%2e/secret.txt")
        #expect(traversal.0 == 404 && !traversal.2.contains("outside the site"))
    }

    @Test func buildOutputHasNoScript() throws {
        // `briefing build` never injects: the sample site built normally has no live-reload script.
        let dir = TemporaryDirectory(prefix: "briefing-noscript")
        let result = try SampleSite.build(into: dir)
        #expect(result.errorCount == 0)
        let enumerator = FileManager.default.enumerator(atPath: dir.path + "/public")!
        var pages = 0
        for case let path as String in enumerator where path.hasSuffix(".html") {
            pages += 1
            let text = try String(contentsOfFile: dir.path + "/public/" + path, encoding: .utf8)
            #expect(!text.contains("data-briefing-live-reload") && !text.contains(LiveReloadScript.eventsPath), "\(path)")
        }
        #expect(pages > 3)
    }
}

@Suite struct LiveReloadHubTests {
    @Test func newSubscribersGetTheCurrentStateFirst() async {
        let hub = LiveReloadHub(initial: .init(build: 2, error: "a.md:1:1: error: bad"))
        let (id, updates) = hub.subscribe()
        var iterator = updates.makeAsyncIterator()
        let first = await iterator.next()
        #expect(first == LiveReloadHub.eventText(.init(build: 2, error: "a.md:1:1: error: bad")))
        hub.publish(.init(build: 3, cssOnly: true))
        #expect(await iterator.next() == "event: update\ndata: {\"build\":3,\"cssOnly\":true}\n\n")
        #expect(hub.subscriberCount == 1)
        hub.unsubscribe(id)
        #expect(await iterator.next() == nil)
        #expect(hub.subscriberCount == 0)
    }

    @Test func errorTextStaysOnOneDataLine() {
        let text = LiveReloadHub.eventText(.init(build: 1, error: "line one\nline <two> \"quoted\"\n\ndata: fake"))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 4 && lines[0] == "event: update" && lines[1].hasPrefix("data: {") && lines[2].isEmpty)
        #expect(text.contains("\\nline <two> \\\"quoted\\\"\\n\\ndata: fake"))
    }

    @Test func finishAllEndsEveryStream() async {
        let hub = LiveReloadHub()
        let streams = (0..<3).map { _ in hub.subscribe().updates }
        hub.finishAll()
        for stream in streams {
            var count = 0
            for await _ in stream { count += 1 }
            #expect(count == 1)  // only the state sent on subscribing
        }
        #expect(hub.subscriberCount == 0)
    }
}
