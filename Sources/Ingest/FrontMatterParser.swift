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
        let yamlLines = lines[1..<close]
        // The joined text's size, without joining: only Yams needs the text.
        let size = yamlLines.reduce(max(0, yamlLines.count - 1)) { $0 + $1.utf8.count }
        if size > Self.sizeLimit {
            throw .error(
                SourceLocation(path: path, line: 2),
                "front matter is too large (\(size / 1024) KB; limit \(Self.sizeLimit / 1024) KB)"
            )
        }
        var warnings: [Diagnostic] = []
        var matter = FrontMatter()
        let entries: [Entry]
        if let simple = Self.simpleEntries(yamlLines, path: path) {
            entries = simple
        } else if let composed = try Self.composedEntries(yamlLines.joined(separator: "\n"), path: path) {
            entries = composed
        } else {
            return Output(frontMatter: matter, bodyStart: close + 1, warnings: [])
        }
        for entry in entries {
            let at = entry.at, value = entry.value
            guard let key = entry.key else {
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
                    warnings.append(.warning(at, "'\(key)' holds \(value.kind) of non-text values and was skipped"))
                }
            }
        }
        return Output(frontMatter: matter, bodyStart: close + 1, warnings: warnings)
    }

    private func text(_ value: Value, key: String, at: SourceLocation) throws(Diagnostic) -> String? {
        guard case .scalar(let text) = value else {
            throw .error(at, "'\(key)' must be text, not \(value.kind)")
        }
        let trimmed = text?.trimmingSpaces(includingNewlines: true)
        return trimmed?.isEmpty == true ? nil : trimmed
    }

    /// Scalars as written; a list of scalars joined with ", "; anything deeper is nil.
    private static func flatten(_ value: Value) -> String? {
        switch value {
        case .scalar(let text): return text ?? ""
        case .sequence(let items?): return items.map { $0 ?? "" }.joined(separator: ", ")
        default: return nil
        }
    }

    /// One key of the front matter and its value, as the checks above read them.
    struct Entry: Equatable {
        /// Nil when the key is not text.
        var key: String?
        var at: SourceLocation
        var value: Value
    }

    enum Value: Equatable {
        /// The text of a scalar; nil for null.
        case scalar(String?)
        /// The items' texts; nil when an item is not a scalar.
        case sequence([String?]?)
        case mapping, alias

        init(_ node: Node) {
            switch node {
            case .scalar(let scalar): self = .scalar(YAMLSupport.scalarText(scalar))
            case .sequence(let items):
                let texts = items.map { item in item.scalar.map { YAMLSupport.scalarText($0) } }
                self = .sequence(texts.contains { $0 == nil } ? nil : texts.map { $0! })
            case .mapping: self = .mapping
            default: self = .alias
            }
        }

        /// "text", "a list" or "a mapping", for messages.
        var kind: String {
            switch self {
            case .scalar: return "text"
            case .sequence: return "a list"
            case .mapping: return "a mapping"
            case .alias: return "an alias"
            }
        }
    }

    /// The entries Yams reads in `yaml`; nil for an empty document.
    static func composedEntries(_ yaml: String, path: String) throws(Diagnostic) -> [Entry]? {
        guard let node = try YAMLSupport.compose(yaml, path: path, firstLine: 2) else { return nil }
        guard case .mapping(let mapping) = node else {
            throw .error(
                YAMLSupport.location(node.mark, path: path, firstLine: 2),
                "front matter must be a mapping of keys to values, not \(YAMLSupport.kind(of: node))"
            )
        }
        return mapping.map { keyNode, value in
            Entry(key: keyNode.scalar.flatMap { YAMLSupport.scalarText($0) },
                  at: YAMLSupport.location(keyNode.mark, path: path, firstLine: 2), value: Value(value))
        }
    }

    /// The entries of front matter made only of `key: value` lines whose value is a plain scalar
    /// starting with a letter or digit, or a quoted one without escapes: what Yams gives for
    /// them, without Yams. Nil for anything else (comments, lists, blank lines, repeated keys...),
    /// which Yams then reads.
    static func simpleEntries(_ lines: ArraySlice<String>, path: String) -> [Entry]? {
        guard !lines.isEmpty else { return nil }
        var entries: [Entry] = []
        var keys: Set<String> = []
        keys.reserveCapacity(lines.count)
        for (offset, line) in lines.enumerated() {
            guard let (key, text, isPlain) = simpleKeyValue(line), keys.insert(key).inserted else { return nil }
            entries.append(Entry(
                key: key, at: SourceLocation(path: path, line: offset + 2, column: 1),
                value: .scalar(YAMLSupport.scalarText(text, isPlain: isPlain))))
        }
        return entries
    }

    private static func simpleKeyValue(_ line: String) -> (key: String, value: String, isPlain: Bool)? {
        var line = line
        return line.withUTF8 { utf8 in
            // An ASCII line (most) is read as bytes, each its own scalar: no scalar decoding.
            if !utf8.contains(where: { $0 >= 0x80 }) {
                return simpleKeyValue(utf8) { String(decoding: UnsafeBufferPointer(rebasing: utf8[$0]), as: UTF8.self) }
            }
            let scalars = Array(String(decoding: utf8, as: UTF8.self).unicodeScalars)
            return simpleKeyValue(scalars) { range in
                var text = String.UnicodeScalarView()
                text.append(contentsOf: scalars[range])
                return String(text)
            }
        }
    }

    /// `simpleKeyValue` over `codes`, the line's scalars' values (by offset: the views' generic
    /// String.Index walking cost more than the checks); `text` makes the text of a range of them.
    private static func simpleKeyValue<Codes: RandomAccessCollection>(
        _ codes: Codes, text: (Range<Int>) -> String
    ) -> (key: String, value: String, isPlain: Bool)? where Codes.Index == Int, Codes.Element: ScalarCode {
        guard let colon = codes.firstIndex(where: { $0.value == 0x3A }) else { return nil }  // ":"
        // YAML keys longer than 1024 are errors; "null" and friends are not text.
        guard colon > 0, isASCIILetter(codes[0].value) || codes[0].value == 0x5F, colon <= 100,
              (0..<colon).allSatisfy({ isASCIILetter(codes[$0].value) || isASCIIDigit(codes[$0].value) || codes[$0].value == 0x5F || codes[$0].value == 0x2D })
        else { return nil }
        let key = text(0..<colon)
        guard !["null", "Null", "NULL"].contains(key) else { return nil }
        var start = colon + 1, end = codes.count
        guard start < end, codes[start].value == 0x20 else { return nil }
        while start < end, codes[start].value == 0x20 { start += 1 }
        while end > start, codes[end - 1].value == 0x20 { end -= 1 }
        guard start < end, (start..<end).allSatisfy({ isPlainPrintable(codes[$0].value) }) else { return nil }
        let open = codes[start].value, last = codes[end - 1].value
        if open == 0x22 || open == 0x27 {  // a double or single quote
            let inner = (start + 1)..<max(start + 1, end - 1)
            guard end - start >= 2, last == open, !inner.contains(where: { codes[$0].value == open || codes[$0].value == 0x5C }) else { return nil }
            return (key, text(inner), false)
        }
        guard isASCIILetter(open) || isASCIIDigit(open), !(start..<end).contains(where: { codes[$0].value == 0x23 }), last != 0x3A else { return nil }
        var previous: UInt32 = 0x20
        for k in start..<end {
            if previous == 0x3A && codes[k].value == 0x20 { return nil }  // ": "
            previous = codes[k].value
        }
        return (key, text(start..<end), true)
    }

    private static func isASCIIDigit(_ value: UInt32) -> Bool { (0x30...0x39).contains(value) }

    private static func isASCIILetter(_ value: UInt32) -> Bool {
        (0x61...0x7A).contains(value | 0x20)
    }

    /// Printable as YAML wants it, no tab, and no line break (U+2028, U+2029) or BOM libyaml treats specially.
    private static func isPlainPrintable(_ value: UInt32) -> Bool {
        switch value {
        case 0x20...0x7E, 0xA0...0x2027, 0x202A...0xD7FF, 0xE000...0xFEFE, 0xFF00...0xFFFD, 0x10000...: return true
        default: return false
        }
    }

    private func isFence(_ line: String) -> Bool { line.trimmingSpaces() == "---" }
    private func isEnd(_ line: String) -> Bool { line.trimmingSpaces() == "..." }
}

/// A UTF-8 byte of ASCII text or a Unicode scalar: the same value either way.
protocol ScalarCode {
    var value: UInt32 { get }
}

extension UInt8: ScalarCode {
    var value: UInt32 { UInt32(self) }
}

extension Unicode.Scalar: ScalarCode {}
