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
        var text = line
        for replacement in replacements {
            let range = NSRange(text.startIndex..., in: text)
            text = replacement.regex.stringByReplacingMatches(in: text, range: range, withTemplate: replacement.template)
        }
        return normalizeSpaces(text)
    }

    /// No-break and other Unicode spaces become " ", runs collapse, ends are trimmed.
    static func normalizeSpaces(_ text: String) -> String {
        var out = ""
        var pendingSpace = false
        for ch in text {
            if ch.isWhitespace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(ch)
            }
        }
        return out
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
