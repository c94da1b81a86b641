import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Maps a request path to a file inside the site folder, and nothing outside it.
///
/// Pure apart from reading the file system: no server types, so every traversal case is a plain
/// unit test. Every path that could leave the site (`..`, encoded slashes or dots, backslashes,
/// NUL, symlinks pointing outside) maps to `.notFound`, never to an error that says why.
public struct RequestMapper: Sendable {
    /// What to answer for one request path.
    public enum Resolution: Sendable, Equatable {
        /// Serve this file (an absolute, symlink-free path inside the site).
        case file(path: String, contentType: String)
        /// A folder asked for without its trailing slash: send the browser to `location`, so
        /// the page's relative links resolve against the folder.
        case redirect(location: String)
        case notFound
    }

    /// The site folder as given; resolved with `realpath` on every request because a publish
    /// swaps the folder under the same name.
    public let siteDirectory: String

    public init(siteDirectory: String) {
        self.siteDirectory = siteDirectory
    }

    /// Resolves `rawPath`, the path exactly as it came in the request line (still
    /// percent-encoded, without the query).
    public func resolve(_ rawPath: String) -> Resolution {
        guard let segments = Self.segments(of: rawPath) else { return .notFound }
        guard let root = Self.realPath(siteDirectory) else { return .notFound }
        let candidate = segments.isEmpty ? root : root + "/" + segments.joined(separator: "/")
        guard let resolved = Self.realPath(candidate), Self.isInside(resolved, root: root) else { return .notFound }

        var info = stat()
        guard stat(resolved, &info) == 0 else { return .notFound }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            // `/index.html/` is not a folder; refuse rather than serve the file under a wrong URL.
            if rawPath.hasSuffix("/") { return .notFound }
            return .file(path: resolved, contentType: ContentType.forPath(resolved))
        case S_IFDIR:
            if !rawPath.hasSuffix("/") {
                // Rebuilt from the segments: `//host` must not become a protocol-relative redirect.
                let raw = rawPath.split(separator: "/", omittingEmptySubsequences: true)
                return .redirect(location: "/" + raw.joined(separator: "/") + "/")
            }
            // `index.html` may itself be a symlink: check it like any other file.
            guard let index = Self.realPath(resolved + "/index.html"), Self.isInside(index, root: root),
                  stat(index, &info) == 0, info.st_mode & S_IFMT == S_IFREG
            else { return .notFound }  // no directory listings
            return .file(path: index, contentType: ContentType.forPath(index))
        default:
            return .notFound  // sockets, devices, FIFOs
        }
    }

    /// The site's own `404.html`, if it has one inside the site.
    public func notFoundPage() -> String? {
        guard let root = Self.realPath(siteDirectory), let page = Self.realPath(root + "/404.html"),
              Self.isInside(page, root: root)
        else { return nil }
        var info = stat()
        guard stat(page, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return page
    }

    /// Splits and percent-decodes the path, or nil when it is not a plain path inside the site.
    /// Decoding happens per segment, so `%2f` can never make a new separator.
    static func segments(of rawPath: String) -> [String]? {
        guard rawPath.hasPrefix("/") else { return nil }
        var segments: [String] = []
        for rawSegment in rawPath.split(separator: "/", omittingEmptySubsequences: true) {
            guard let segment = String(rawSegment).removingPercentEncoding else { return nil }
            if segment == "." || segment == ".." { return nil }
            if segment.contains("/") || segment.contains("\\") || segment.contains("\0") { return nil }
            segments.append(segment)
        }
        return segments
    }

    static func isInside(_ path: String, root: String) -> Bool {
        path == root || path.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    }

    /// `realpath(3)`: absolute, with every symlink and `..` resolved; nil when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
