import Foundation

/// Removes Markdown syntax from one line so sentences and rule matching see plain text.
/// `Article.body` keeps the Markdown; only derived text goes through here.
enum MarkdownStripper {
    private struct Replacement: Sendable {
        let regex: NSRegularExpression
        let template: String
    }

    private static let replacements: [Replacement] = [
        (#"^\s{0,3}#{1,6}\s+"#, ""),                 // ATX heading marker
        (#"\s+#+\s*$"#, ""),                         // closing heading hashes
        (#"^(\s*>\s?)+"#, ""),                       // block quote markers
        (#"^\s*([-*+]|\d{1,3}[.)])\s+(\[[ xX]\]\s+)?"#, ""),  // list markers, task boxes
        (#"!\[([^\]]*)\]\([^)]*\)"#, ""),            // images
        (#"\[([^\]]+)\]\([^)]*\)"#, "$1"),           // inline links
        (#"\[([^\]]+)\]\[[^\]]*\]"#, "$1"),          // reference links
        (#"<(https?://[^>\s]+)>"#, "$1"),            // autolinks
        (#"</?[A-Za-z][A-Za-z0-9-]*(\s[^<>]*)?/?>"#, ""),  // inline HTML tags
        (#"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"#, "$2"),   // strong
        (#"(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])"#, "$1"),  // *emphasis*
        (#"(?<![\w])_(?=\S)([^_]+?)(?<=\S)_(?![\w])"#, "$1"),      // _emphasis_
        (#"`+"#, ""),                                // code spans
        (#"\\([\\`*_{}\[\]()#+\-.!>])"#, "$1"),      // backslash escapes
    ].compactMap { pattern, template in
        (try? NSRegularExpression(pattern: pattern)).map { Replacement(regex: $0, template: template) }
    }

    /// Plain text of `line`: no Markdown markers, no-break spaces as spaces, whitespace collapsed.
    static func strip(_ line: String) -> String {
        mayHoldMarkdown(line) ? stripWithRegexes(line) : normalizeSpaces(line)
    }

    /// `strip` without the shortcut for plain lines.
    static func stripWithRegexes(_ line: String) -> String {
        var text = line
        for replacement in replacements {
            let range = NSRange(text.startIndex..., in: text)
            text = replacement.regex.stringByReplacingMatches(in: text, range: range, withTemplate: replacement.template)
        }
        return normalizeSpaces(text)
    }

    /// False when no replacement above can apply: no marker character anywhere and no list-item
    /// marker at the start. Most prose lines are like that; skipping the regex passes for them
    /// is most of stripping's cost.
    static func mayHoldMarkdown(_ line: String) -> Bool {
        for byte in line.utf8 {
            switch byte {
            case UInt8(ascii: "#"), UInt8(ascii: ">"), UInt8(ascii: "["), UInt8(ascii: "<"), UInt8(ascii: "*"),
                 UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "\\"):
                return true
            default:
                continue
            }
        }
        // List items: `-`, `+` or up to three digits and `.`/`)` after leading white space.
        let rest = line.drop(while: \.isWhitespace)
        guard let first = rest.first else { return false }
        if first == "-" || first == "+" { return true }
        let digits = rest.prefix(while: { $0.isASCII && $0.isNumber })
        guard (1...3).contains(digits.count), let mark = rest.dropFirst(digits.count).first else { return false }
        return mark == "." || mark == ")"
    }

    /// No-break and other Unicode spaces become " ", runs collapse, ends are trimmed.
    /// Works on scalars, not Characters: Character iteration dominated ingest's profile.
    static func normalizeSpaces(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            let isSpace = scalar.isASCII
                ? scalar == " " || (0x09...0x0D).contains(scalar.value)
                : scalar.properties.isWhitespace
            if isSpace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// True for lines whose layout Markdown gives meaning to: lists, tables, quotes, fences, headings.
    static func isStructural(_ line: String) -> Bool {
        let trimmed = line.drop(while: { $0 == " " })
        if line.hasPrefix("    ") || line.hasPrefix("\t") { return true }
        if trimmed.hasPrefix("|") || trimmed.hasPrefix(">") || trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
            return true
        }
        if trimmed.hasPrefix("#") { return true }
        if let first = trimmed.first, "-*+".contains(first), trimmed.dropFirst().first == " " { return true }
        let digits = trimmed.prefix(while: \.isNumber)
        if !digits.isEmpty, digits.count <= 3 {
            let rest = trimmed.dropFirst(digits.count)
            if let mark = rest.first, mark == "." || mark == ")", rest.dropFirst().first == " " { return true }
        }
        return false
    }

    static func isFence(_ line: String) -> Bool {
        let trimmed = line.drop(while: { $0 == " " })
        return trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~")
    }
}
