import BriefingCore

/// Relative links between pages, so the site works opened straight from disk, and the absolute
/// canonical address when the config gives an absolute base URL.
public struct Links: Sendable {
    /// Prefix from the current page to the site root: "", "../" or "../../".
    var root: String
    var baseURL: String

    var home: String { root + "index.html" }
    var stylesheet: String { root + "style.css" }

    var archive: String { root + "archive/index.html" }
    var outlets: String { root + "outlets/index.html" }
    var atomFeed: String { root + "feed.xml" }
    var jsonFeed: String { root + "feed.json" }

    func story(_ id: String) -> String { root + Self.storyPath(id) + "index.html" }
    func day(_ day: Day) -> String { root + DateLabel.iso(day) + "/index.html" }
    func outlet(_ slug: String) -> String { root + Self.outletPath(slug) + "index.html" }

    public static func outletPath(_ slug: String) -> String { "outlets/\(pathComponent(slug))/" }

    public static func storyPath(_ id: String) -> String { "stories/\(pathComponent(id))/" }

    /// `baseURL` + `path` when `baseURL` is http(s); nil for relative bases such as the default "/".
    func canonical(_ path: String) -> String? {
        guard let base = Self.safeHref(baseURL) else { return nil }
        return (base.hasSuffix("/") ? base : base + "/") + path
    }

    /// `url` when it is an http or https address without spaces or control characters, else nil,
    /// so `javascript:` and friends never reach an `href`. Templates still escape the result.
    static func safeHref(_ url: String?) -> String? {
        guard let url else { return nil }
        let lower = url.lowercased()
        let scheme = lower.hasPrefix("https://") ? 8 : lower.hasPrefix("http://") ? 7 : 0
        guard scheme > 0, url.count > scheme,
              !url.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F })
        else { return nil }
        return url
    }

    /// Percent-encodes everything outside the unreserved set: ids are slugs, but never trust them in a path.
    public static func pathComponent(_ text: String) -> String {
        guard !text.utf8.allSatisfy(isUnreserved) else { return text }
        var out = ""
        for byte in text.utf8 {
            if isUnreserved(byte) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }

    /// ASCII letters, digits and `-._~`: the bytes a path component keeps as they are.
    static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            true
        default:
            false
        }
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
