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

    /// True for an absolute `http`/`https` URL with a host.
    public static func isWebURL(_ text: String) -> Bool {
        if let plain = isPlainWebURL(text) { return plain }
        guard let components = URLComponents(string: text.trimmingSpaces()),
              let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = components.host, !host.isEmpty
        else { return false }
        return true
    }

    /// True for the common shape `http(s)://host/path` that URLComponents reads as it stands: a
    /// lowercase host of letter, digit and hyphen labels (no "xn--" label for IDNA to decode; the
    /// last opening with a letter, so no IP address) and a path of unreserved characters and "/".
    /// Nil for anything else, left to URLComponents (most front matter `url`s take the shortcut).
    static func isPlainWebURL(_ text: String) -> Bool? {
        var text = text
        // On the bytes: the collection views' generic iteration cost more than the checks.
        return text.withUTF8 { bytes -> Bool? in
            func opens(with prefix: StaticString) -> Bool {
                bytes.count >= prefix.utf8CodeUnitCount && memcmp(bytes.baseAddress!, prefix.utf8Start, prefix.utf8CodeUnitCount) == 0
            }
            let hostStart = opens(with: "https://") ? 8 : opens(with: "http://") ? 7 : 0
            guard hostStart > 0 else { return nil }
            let hyphen = UInt8(ascii: "-"), dot = UInt8(ascii: "."), slash = UInt8(ascii: "/")
            func isLowercaseOrDigit(_ byte: UInt8) -> Bool { (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) }
            var i = hostStart, labelStart = hostStart
            while true {
                let hostEnds = i == bytes.count || bytes[i] == slash
                if hostEnds || bytes[i] == dot {
                    let label = UnsafeBufferPointer(rebasing: bytes[labelStart..<i])
                    guard (1...63).contains(label.count), label.first != hyphen, label.last != hyphen,
                          !(label.count >= 4 && label[0] == 0x78 && label[1] == 0x6E && label[2] == hyphen && label[3] == hyphen)  // "xn--"
                    else { return nil }
                    if hostEnds {
                        guard i - hostStart <= 253, (0x61...0x7A).contains(label[0]) else { return nil }
                        break
                    }
                    labelStart = i + 1
                } else if !isLowercaseOrDigit(bytes[i]) && bytes[i] != hyphen {
                    return nil
                }
                i += 1
            }
            while i < bytes.count {
                let byte = bytes[i]
                guard isLowercaseOrDigit(byte) || (0x41...0x5A).contains(byte) || byte == hyphen || byte == dot || byte == slash
                        || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "~")
                else { return nil }
                i += 1
            }
            return true
        }
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
        for (offset, line) in lines.enumerated() {
            guard let (key, text, isPlain) = simpleKeyValue(line), keys.insert(key).inserted else { return nil }
            entries.append(Entry(
                key: key, at: SourceLocation(path: path, line: offset + 2, column: 1),
                value: .scalar(YAMLSupport.scalarText(text, isPlain: isPlain))))
        }
        return entries
    }

    private static func simpleKeyValue(_ line: String) -> (key: String, value: String, isPlain: Bool)? {
        // An ASCII line (most) is read as bytes, each its own scalar: no scalar decoding per pass.
        line.utf8.allSatisfy({ $0 < 0x80 }) ? simpleKeyValue(line.utf8, of: line) : simpleKeyValue(line.unicodeScalars, of: line)
    }

    /// `simpleKeyValue` over `codes`, a view of `line` whose elements are its scalars' values.
    private static func simpleKeyValue<Codes: BidirectionalCollection>(
        _ codes: Codes, of line: String
    ) -> (key: String, value: String, isPlain: Bool)? where Codes.Index == String.Index, Codes.Element: ScalarCode {
        guard let colon = codes.firstIndex(where: { $0.value == 0x3A }) else { return nil }  // ":"
        let key = codes[..<colon]
        // YAML keys longer than 1024 are errors; "null" and friends are not text.
        guard let first = key.first?.value, isASCIILetter(first) || first == 0x5F,
              key.count <= 100, key.allSatisfy({ isASCIILetter($0.value) || isASCIIDigit($0.value) || $0.value == 0x5F || $0.value == 0x2D }),
              !["null", "Null", "NULL"].contains(line[..<colon])
        else { return nil }
        var rest = codes[codes.index(after: colon)...]
        guard rest.first?.value == 0x20 else { return nil }
        rest = rest.drop(while: { $0.value == 0x20 })
        while rest.last?.value == 0x20 { rest.removeLast() }
        guard let open = rest.first?.value, rest.allSatisfy({ isPlainPrintable($0.value) }) else { return nil }
        if open == 0x22 || open == 0x27 {  // a double or single quote
            let inner = rest.dropFirst().dropLast()
            guard rest.count >= 2, rest.last?.value == open, !inner.contains(where: { $0.value == open || $0.value == 0x5C }) else { return nil }
            return (String(line[..<colon]), String(line[inner.startIndex..<inner.endIndex]), false)
        }
        guard isASCIILetter(open) || isASCIIDigit(open), !rest.contains(where: { $0.value == 0x23 }), rest.last?.value != 0x3A else { return nil }
        var previous: UInt32 = 0x20
        for code in rest {
            if previous == 0x3A && code.value == 0x20 { return nil }  // ": "
            previous = code.value
        }
        return (String(line[..<colon]), String(line[rest.startIndex..<rest.endIndex]), true)
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
