import Foundation
import BriefingCore
import Rendering

/// Addresses of pages for files that leave the site (feeds, sitemap, robots.txt) and for `404.html`.
///
/// With an absolute `baseURL` (http or https) every address is absolute. Otherwise the site's host
/// is unknown: addresses are root-relative (`/stories/x/`, or `/briefing/stories/x/` for a
/// `baseURL` of `/briefing/`), ids become `urn:briefing:` names, and no sitemap is written.
struct SiteURL: Sendable, Hashable {
    /// "https://briefing.example.org/" (always ending in "/") when absolute, else nil.
    let absoluteBase: String?
    /// The site's path on its host, starting and ending with "/": "/" or "/briefing/".
    let sitePath: String

    init(baseURL: String) {
        let trimmed = baseURL.trimmingCharacters(in: .whitespacesAndNewlines)
        let lower = trimmed.lowercased()
        let schemeLength = lower.hasPrefix("https://") ? 8 : lower.hasPrefix("http://") ? 7 : 0
        // Anything a URL must not hold unescaped disqualifies the base rather than reaching output.
        let clean = !trimmed.unicodeScalars.contains { $0.value <= 0x20 || $0.value == 0x7F || "<>\"'\\`{}|^".unicodeScalars.contains($0) }
        if schemeLength > 0, trimmed.count > schemeLength, clean {
            let base = trimmed.hasSuffix("/") ? trimmed : trimmed + "/"
            absoluteBase = base
            let afterScheme = base.dropFirst(schemeLength)
            let path = afterScheme.firstIndex(of: "/").map { String(afterScheme[$0...]) } ?? "/"
            sitePath = Self.cleanPath(path)
        } else {
            absoluteBase = nil
            sitePath = clean && schemeLength == 0 && !trimmed.contains(":") ? Self.cleanPath(trimmed) : "/"
        }
    }

    var isAbsolute: Bool { absoluteBase != nil }

    /// The address of `path` (relative to the site root, e.g. "stories/x/"; "" for the home page).
    func url(_ path: String) -> String { (absoluteBase ?? sitePath) + path }

    /// A permanent, absolute identifier for `path`: its URL when absolute, else a `urn:briefing:` name.
    func id(_ path: String) -> String {
        if isAbsolute { return url(path) }
        return "urn:briefing:" + (path.isEmpty ? "home" : path)
    }

    /// Keeps only path segments made of URL-safe characters, so the result is "/" or "/a/b/".
    static func cleanPath(_ path: String) -> String {
        let noQuery = path.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        let noFragment = noQuery.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        let segments = noFragment.split(separator: "/").filter { segment in
            segment != "." && segment != ".." && segment.unicodeScalars.allSatisfy { scalar in
                scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                    || "-._~%!$&()*+,;=:@".unicodeScalars.contains(scalar))
            }
        }
        return segments.isEmpty ? "/" : "/" + segments.joined(separator: "/") + "/"
    }

    /// The same paths the pages link to (`Links`), so feeds and the sitemap cannot disagree with them.
    static func storyPath(_ id: String) -> String { Links.storyPath(id) }
    static func dayPath(_ day: Day) -> String { "\(day)/" }
    static func outletPath(_ slug: String) -> String { Links.outletPath(slug) }
}
