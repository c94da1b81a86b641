import BriefingCore
import Foundation
import Yams

/// The keys of an article's front matter, typed and checked.
public struct FrontMatter: Sendable, Hashable {
    public var title: String?
    public var outlet: String?
    public var url: String?
    public var published: PublishedDate?
    public var author: String?
    /// Keys Briefing does not know, as strings.
    public var extra: [String: String] = [:]

    public init() {}
}

/// Reads the YAML block between `---` lines at the top of a Markdown file (Yams).
public struct FrontMatterParser: Sendable {
    /// Front matter beyond this is refused, bounding what Yams is handed.
    public static let sizeLimit = 64 * 1024

    public struct Output: Sendable {
        /// Nil when the file has no front matter.
        public var frontMatter: FrontMatter?
        /// 0-based index in the file's lines where the body starts.
        public var bodyStart: Int
        public var warnings: [Diagnostic]
    }

    public init() {}

    /// Splits `lines` into front matter and body and interprets the front matter.
    public func parse(lines: [String], path: String) throws(Diagnostic) -> Output {
        guard let first = lines.first, isFence(first) else {
            return Output(frontMatter: nil, bodyStart: 0, warnings: [])
        }
        guard let close = lines.indices.dropFirst().first(where: { isFence(lines[$0]) || isEnd(lines[$0]) }) else {
            throw .error(SourceLocation(path: path), "front matter is not closed: add a '---' line after it")
        }
        let yaml = lines[1..<close].joined(separator: "\n")
        if yaml.utf8.count > Self.sizeLimit {
            throw .error(
                SourceLocation(path: path, line: 2),
                "front matter is too large (\(yaml.utf8.count / 1024) KB; limit \(Self.sizeLimit / 1024) KB)"
            )
        }
        var warnings: [Diagnostic] = []
        let node = try YAMLSupport.compose(yaml, path: path, firstLine: 2)
        var matter = FrontMatter()
        guard let node else { return Output(frontMatter: matter, bodyStart: close + 1, warnings: []) }
        guard case .mapping(let mapping) = node else {
            throw .error(
                YAMLSupport.location(node.mark, path: path, firstLine: 2),
                "front matter must be a mapping of keys to values, not \(YAMLSupport.kind(of: node))"
            )
        }
        for (keyNode, value) in mapping {
            let at = YAMLSupport.location(keyNode.mark, path: path, firstLine: 2)
            guard case .scalar = keyNode, let key = YAMLSupport.scalarText(keyNode) else {
                throw .error(at, "front matter keys must be text")
            }
            switch key {
            case "title": matter.title = try text(value, key: key, at: at)
            case "outlet": matter.outlet = try text(value, key: key, at: at)
            case "author": matter.author = try text(value, key: key, at: at)
            case "url":
                guard let url = try text(value, key: key, at: at) else { break }
                if Self.isWebURL(url) {
                    matter.url = url
                } else {
                    warnings.append(.warning(at, "'url' is not an http(s) address and was dropped: \(url)"))
                }
            case "published", "date":
                guard let raw = try text(value, key: key, at: at) else { break }
                guard let date = PublishedDate(raw) else {
                    throw .error(at, "'\(key)' is not a date (2023-06-19) or date-time (2023-06-19T08:30:00Z): \(raw)")
                }
                matter.published = date
            default:
                if let string = Self.flatten(value) {
                    matter.extra[key] = string
                } else {
                    warnings.append(.warning(at, "'\(key)' holds \(YAMLSupport.kind(of: value)) of non-text values and was skipped"))
                }
            }
        }
        return Output(frontMatter: matter, bodyStart: close + 1, warnings: warnings)
    }

    /// True for an absolute `http`/`https` URL with a host.
    public static func isWebURL(_ text: String) -> Bool {
        guard let components = URLComponents(string: text.trimmingCharacters(in: .whitespaces)),
              let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = components.host, !host.isEmpty
        else { return false }
        return true
    }

    private func text(_ node: Node, key: String, at: SourceLocation) throws(Diagnostic) -> String? {
        guard case .scalar = node else {
            throw .error(at, "'\(key)' must be text, not \(YAMLSupport.kind(of: node))")
        }
        let value = YAMLSupport.scalarText(node)?.trimmingCharacters(in: .whitespacesAndNewlines)
        return value?.isEmpty == true ? nil : value
    }

    /// Scalars as written; a list of scalars joined with ", "; anything deeper is nil.
    private static func flatten(_ node: Node) -> String? {
        switch node {
        case .scalar: return YAMLSupport.scalarText(node) ?? ""
        case .sequence(let items):
            var parts: [String] = []
            for item in items {
                guard case .scalar = item else { return nil }
                parts.append(YAMLSupport.scalarText(item) ?? "")
            }
            return parts.joined(separator: ", ")
        default: return nil
        }
    }

    private func isFence(_ line: String) -> Bool { line.trimmingCharacters(in: .whitespaces) == "---" }
    private func isEnd(_ line: String) -> Bool { line.trimmingCharacters(in: .whitespaces) == "..." }
}
