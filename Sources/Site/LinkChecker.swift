import BriefingCore
import Foundation

/// Checks that every relative `href` and `src` in a planned site's HTML resolves to a planned
/// file, the way a browser resolves it from the page's own address. Root-absolute links (the
/// 404 page's) are resolved from the site's root path; links with a scheme or `//` are external.
struct LinkChecker {
    let paths: Set<String>
    /// The site's root path from `baseURL` ("/" or "/briefing/").
    let sitePath: String

    init(plan: OutputPlan, sitePath: String) {
        paths = Set(plan.allPaths)
        self.sitePath = sitePath.hasSuffix("/") ? sitePath : sitePath + "/"
    }

    func check(_ plan: OutputPlan) -> [Diagnostic] {
        plan.sortedFiles.filter { $0.path.hasSuffix(".html") }.flatMap { check(page: $0) }
    }

    func check(page: OutputFile) -> [Diagnostic] {
        let text = String(decoding: page.bytes, as: UTF8.self)
        var problems: [Diagnostic] = []
        var line = 1
        for (number, content) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            line = number + 1
            for attribute in ["href=\"", "src=\""] {
                var rest = content[...]
                while let start = rest.range(of: attribute) {
                    let valueStart = start.upperBound
                    guard let end = rest[valueStart...].firstIndex(of: "\"") else { break }
                    let raw = String(rest[valueStart..<end])
                    if let target = resolve(Self.unescape(raw), from: page.path), !exists(target) {
                        let column = content.distance(from: content.startIndex, to: start.lowerBound) + 1
                        problems.append(.error(
                            SourceLocation(path: page.path, line: line, column: column),
                            "broken link '\(raw)': no planned file \(target)"))
                    }
                    rest = rest[rest.index(after: end)...]
                }
            }
        }
        return problems.sorted { ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column) }
    }

    /// The planned path a link points at, or nil for links outside the site (schemes, `//`,
    /// fragments). A link climbing above the site's root resolves to a path that never exists.
    func resolve(_ link: String, from page: String) -> String? {
        var target = link
        if let cut = target.firstIndex(where: { $0 == "#" || $0 == "?" }) { target = String(target[..<cut]) }
        if target.isEmpty { return nil }
        if target.hasPrefix("//") { return nil }
        if let colon = target.firstIndex(of: ":"), !target[..<colon].contains("/") { return nil }
        var components: [Substring]
        if target.hasPrefix("/") {
            guard target.hasPrefix(sitePath) else { return "../" + target }
            components = []
            target = String(target.dropFirst(sitePath.count))
        } else {
            components = page.split(separator: "/").dropLast()
        }
        let decoded = target.removingPercentEncoding ?? target
        for part in decoded.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                guard !components.isEmpty else { return "../" + decoded }
                components.removeLast()
            } else {
                components.append(part)
            }
        }
        let path = components.joined(separator: "/")
        return decoded.hasSuffix("/") || path.isEmpty ? (path.isEmpty ? "index.html" : path + "/index.html") : path
    }

    private func exists(_ path: String) -> Bool {
        paths.contains(path) || paths.contains(path + "/index.html")
    }

    static func unescape(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&#x27;", with: "'").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
    }
}
