import Foundation
import Hummingbird
import ServiceLifecycle

/// Answers every request: the live-reload event stream, or a file of the site.
///
/// Files are read per request from the site folder's current path, so after an atomic
/// publish the next request sees the new site whole. GET and HEAD only.
public struct PreviewResponder: HTTPResponder {
    public typealias Context = BasicRequestContext

    public let mapper: RequestMapper
    public let hub: LiveReloadHub

    public init(siteDirectory: String, hub: LiveReloadHub) {
        self.mapper = RequestMapper(siteDirectory: siteDirectory)
        self.hub = hub
    }

    public func respond(to request: Request, context: Context) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            var headers = HTTPFields()
            headers[.allow] = "GET, HEAD"
            return Response(status: .methodNotAllowed, headers: headers)
        }
        let path = request.uri.path
        if path == LiveReloadScript.eventsPath {
            return request.method == .head ? eventStreamResponse(body: ResponseBody()) : eventStream()
        }
        let response = fileResponse(for: path)
        return request.method == .head ? response.createHeadResponse() : response
    }

    /// The response for a site path; also used directly by tests.
    public func fileResponse(for path: String) -> Response {
        // Read the build number before the file: a page read during a publish is then at worst
        // tagged older than it is and reloads once more, never newer and stuck.
        let build = hub.state.build
        switch mapper.resolve(path) {
        case .file(let file, let contentType):
            guard let bytes = FileManager.default.contents(atPath: file) else { return notFound(build: build) }
            return page(.ok, bytes: [UInt8](bytes), contentType: contentType, build: build)
        case .redirect(let location):
            var headers = Self.commonHeaders
            headers[.location] = location
            return Response(status: .found, headers: headers)
        case .notFound:
            return notFound(build: build)
        }
    }

    /// The site's `404.html` when it has one; else a plain page. Both carry the script, so a
    /// page that disappears and comes back reloads, and build errors still show.
    private func notFound(build: Int) -> Response {
        if let file = mapper.notFoundPage(), let bytes = FileManager.default.contents(atPath: file) {
            return page(.notFound, bytes: [UInt8](bytes), contentType: ContentType.html, build: build)
        }
        let plain = "<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>Not found</title></head>\n"
            + "<body><h1>404 Not Found</h1><p>No page at this address in the current build.</p></body></html>\n"
        return page(.notFound, bytes: Array(plain.utf8), contentType: ContentType.html, build: build)
    }

    private func page(_ status: HTTPResponse.Status, bytes: [UInt8], contentType: String, build: Int) -> Response {
        let body = ContentType.isHTML(contentType) ? LiveReloadScript.inject(into: bytes, build: build) : bytes
        var headers = Self.commonHeaders
        headers[.contentType] = contentType
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// Pages change on every save: never let the browser reuse one without asking.
    private static var commonHeaders: HTTPFields {
        var headers = HTTPFields()
        headers[.cacheControl] = "no-store"
        headers[.xContentTypeOptions] = "nosniff"
        return headers
    }

    private func eventStream() -> Response {
        let hub = hub
        return eventStreamResponse(body: ResponseBody { writer in
            let (id, updates) = hub.subscribe()
            defer { hub.unsubscribe(id) }
            // Reconnect fast after a restart of serve; the page then compares build numbers.
            try await writer.write(ByteBuffer(string: "retry: 500\n\n"))
            try await withGracefulShutdownHandler {
                for await chunk in updates {
                    try await writer.write(ByteBuffer(string: chunk))
                }
            } onGracefulShutdown: {
                hub.unsubscribe(id)
            }
            try await writer.finish(nil)
        })
    }

    private func eventStreamResponse(body: ResponseBody) -> Response {
        var headers = Self.commonHeaders
        headers[.contentType] = "text/event-stream"
        return Response(status: .ok, headers: headers, body: body)
    }
}
