import Foundation

/// Removes Markdown syntax from one line so sentences and rule matching see plain text.
/// `Article.body` keeps the Markdown; only derived text goes through here.
enum MarkdownStripper {
    struct Replacement: Sendable {
        let regex: NSRegularExpression
        let template: String
        /// Every match holds one of these bytes: a text holding none is left as it is, unread.
        let needs: ASCIISet
    }

    static let replacements: [Replacement] = [
        (#"^\s{0,3}#{1,6}\s+"#, "", "#"),                 // ATX heading marker
        (#"\s+#+\s*$"#, "", "#"),                         // closing heading hashes
        (#"^(\s*>\s?)+"#, "", ">"),                       // block quote markers
        (#"^\s*([-*+]|\d{1,3}[.)])\s+(\[[ xX]\]\s+)?"#, "", "-*+.)"),  // list markers, task boxes
        (#"!\[([^\]]*)\]\([^)]*\)"#, "", "["),            // images
        (#"\[([^\]]+)\]\([^)]*\)"#, "$1", "["),           // inline links
        (#"\[([^\]]+)\]\[[^\]]*\]"#, "$1", "["),          // reference links
        (#"<(https?://[^>\s]+)>"#, "$1", "<"),            // autolinks
        (#"</?[A-Za-z][A-Za-z0-9-]*(\s[^<>]*)?/?>"#, "", "<"),  // inline HTML tags
        (#"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"#, "$2", "*_"),   // strong
        (#"(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])"#, "$1", "*"),  // *emphasis*
        (#"(?<![\w])_(?=\S)([^_]+?)(?<=\S)_(?![\w])"#, "$1", "_"),      // _emphasis_
        (#"`+"#, "", "`"),                                // code spans
        (#"\\([\\`*_{}\[\]()#+\-.!>])"#, "$1", "\\"),      // backslash escapes
    ].compactMap { pattern, template, needs in
        (try? NSRegularExpression(pattern: pattern)).map { Replacement(regex: $0, template: template, needs: ASCIISet(needs.utf8)) }
    }

    /// Plain text of `line`: no Markdown markers, no-break spaces as spaces, whitespace collapsed.
    static func strip(_ line: String) -> String {
        mayHoldMarkdown(line) ? stripWithRegexes(line) : normalizeSpaces(line)
    }

    /// `strip` without the shortcut for plain lines.
    static func stripWithRegexes(_ line: String) -> String {
        var text = line
        var present = ASCIISet(text.utf8)
        for replacement in replacements where !replacement.needs.isDisjoint(with: present) {
            let range = NSRange(text.startIndex..., in: text)
            text = replacement.regex.stringByReplacingMatches(in: text, range: range, withTemplate: replacement.template)
            present = ASCIISet(text.utf8)
        }
        return normalizeSpaces(text)
    }

    /// False when no replacement above can apply: no marker character anywhere and no list-item
    /// marker at the start. Most prose lines are like that; skipping the regex passes for them
    /// is most of stripping's cost.
    static func mayHoldMarkdown(_ line: String) -> Bool {
        let marker = line.utf8.withContiguousStorageIfAvailable { $0.contains(where: isMarker) } ?? line.utf8.contains(where: isMarker)
        if marker { return true }
        // A line opening with an ASCII letter or punctuation (not a list marker) is no list item;
        // anything else is decided on Characters.
        if let lead = line.utf8.first, lead > 0x20, lead < 0x80, lead != UInt8(ascii: "-"), lead != UInt8(ascii: "+"),
           !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(lead) {
            return false
        }
        return startsListItem(line)
    }

    /// `#`, `*`, `<`, `>`, `[`, backslash, `_` and backquote.
    static let markers = ASCIISet(
        low: 1 << 35 | 1 << 42 | 1 << 60 | 1 << 62, high: 1 << (91 - 64) | 1 << (92 - 64) | 1 << (95 - 64) | 1 << (96 - 64))

    /// Tab, line feed, vertical tab, form feed and carriage return: white space other than a space.
    static let controlSpaces = ASCIISet(low: 1 << 9 | 1 << 10 | 1 << 11 | 1 << 12 | 1 << 13, high: 0)

    /// A marker: one mask test per byte.
    @inline(__always)
    private static func isMarker(_ byte: UInt8) -> Bool { markers.contains(byte) }

    /// True when `strip(line.text)` is `line.text` itself, told from what the line's single pass
    /// found: no marker, an opening byte no list item starts with, and white space that is single
    /// ASCII spaces between other bytes. False means only that `strip` must be asked.
    static func stripsToItself(_ line: RegexPrefilter.Line) -> Bool {
        let utf8 = line.text.utf8
        guard let lead = utf8.first, let last = utf8.last, controlSpaces.isDisjoint(with: line.bytes),
              markers.isDisjoint(with: line.bytes), !line.hasDoubleSpace, !line.mayHoldUnicodeSpace, last != 0x20
        else { return false }
        // The opening bytes `mayHoldMarkdown` lets through without reading Characters.
        return lead > 0x20 && lead < 0x80 && lead != UInt8(ascii: "-") && lead != UInt8(ascii: "+")
            && !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(lead)
    }

    /// List items: `-`, `+` or up to three digits and `.`/`)` after leading white space.
    static func startsListItem(_ line: String) -> Bool {
        if let decided = asciiStartsListItem(line) { return decided }
        let rest = line.drop(while: \.isWhitespace)
        guard let first = rest.first else { return false }
        if first == "-" || first == "+" { return true }
        let digits = rest.prefix(while: { $0.isASCII && $0.isNumber })
        guard (1...3).contains(digits.count), let mark = rest.dropFirst(digits.count).first else { return false }
        return mark == "." || mark == ")"
    }

    /// `startsListItem` told from the opening bytes when they decide it: a first scalar that is
    /// neither white space nor ASCII (a curly quote) opens no list item; ASCII bytes followed by
    /// ASCII are Characters of their own. Nil when only Characters can tell.
    static func asciiStartsListItem(_ line: String) -> Bool? {
        var line = line
        return line.withUTF8 { bytes in
            guard let lead = bytes.first else { return false }
            if lead >= 0x80 { return whitespaceLength(bytes, at: 0) == 0 ? false : nil }
            if lead == 0x20 || (0x09...0x0D).contains(lead) { return nil }
            var k = 0
            while k < bytes.count, k <= 3, (0x30...0x39).contains(bytes[k]) { k += 1 }
            // The bytes read and the one after them are ASCII: each byte read is a Character.
            guard k + 1 >= bytes.count || bytes[k + 1] < 0x80, k >= bytes.count || bytes[k] < 0x80 else { return nil }
            if k == 0 { return lead == UInt8(ascii: "-") || lead == UInt8(ascii: "+") }
            return k <= 3 && k < bytes.count && (bytes[k] == UInt8(ascii: ".") || bytes[k] == UInt8(ascii: ")"))
        }
    }

    /// No-break and other Unicode spaces become " ", runs collapse, ends are trimmed.
    /// Works on UTF-8 bytes and returns `text` itself when nothing changes (most lines):
    /// building a new string scalar by scalar dominated ingest's profile.
    static func normalizeSpaces(_ text: String) -> String {
        var text = text
        let normalized: [UInt8]? = text.withUTF8 { bytes in
            guard needsSpaceNormalizing(bytes) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var pendingSpace = false
            var i = 0
            while i < bytes.count {
                let space = whitespaceLength(bytes, at: i)
                if space > 0 {
                    pendingSpace = !out.isEmpty
                    i += space
                } else {
                    if pendingSpace { out.append(0x20) }
                    pendingSpace = false
                    out.append(bytes[i])
                    i += 1
                }
            }
            return out
        }
        return normalized.map { String(decoding: $0, as: UTF8.self) } ?? text
    }

    /// False when every white space in `bytes` is a single " " between two other characters.
    private static func needsSpaceNormalizing(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var previousWasSpace = true  // a space at the start needs trimming
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte == 0x20 {
                if previousWasSpace { return true }
                previousWasSpace = true
            } else if (byte >= 0x09 && byte <= 0x0D) || (byte >= 0x80 && whitespaceLength(bytes, at: i) > 0) {
                return true
            } else {
                previousWasSpace = false
            }
            i += 1
        }
        return previousWasSpace && !bytes.isEmpty
    }

    /// Byte length of the White_Space scalar (Unicode property) starting at byte `i`, else 0.
    /// Continuation bytes never equal the lead bytes tested, so any byte offset may be asked.
    @inline(__always)
    static func whitespaceLength(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let byte = bytes[i]
        if byte < 0x80 { return byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) ? 1 : 0 }
        switch byte {
        case 0xC2:  // U+0085, U+00A0
            return bytes[i + 1] == 0x85 || bytes[i + 1] == 0xA0 ? 2 : 0
        case 0xE1:  // U+1680
            return bytes[i + 1] == 0x9A && bytes[i + 2] == 0x80 ? 3 : 0
        case 0xE2:  // U+2000...U+200A, U+2028, U+2029, U+202F, U+205F
            let second = bytes[i + 1], third = bytes[i + 2]
            if second == 0x80 { return third <= 0x8A || third == 0xA8 || third == 0xA9 || third == 0xAF ? 3 : 0 }
            return second == 0x81 && third == 0x9F ? 3 : 0
        case 0xE3:  // U+3000
            return bytes[i + 1] == 0x80 && bytes[i + 2] == 0x80 ? 3 : 0
        default:
            return 0
        }
    }

    /// True for lines whose layout Markdown gives meaning to: lists, tables, quotes, fences, headings.
    static func isStructural(_ line: String) -> Bool {
        // Most lines open with a letter or a quote: an ASCII first byte that no rule below can
        // start with decides without reading Characters.
        if let lead = line.utf8.first, lead < 0x80, !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(lead),
           !" \t|>`~#-*+".utf8.contains(lead) {
            return false
        }
        return !opensAsProse(line) && isStructuralByCharacters(line)
    }

    /// True for lines the structural rule rules out on bytes: digits then an ASCII byte that is no
    /// "." or ")" (or after more than three), and a scalar from U+2000–U+203F (curly quotes,
    /// dashes, spaces: never a number). False means only that Characters must decide.
    static func opensAsProse(_ line: String) -> Bool {
        let utf8 = line.utf8
        guard let lead = utf8.first else { return false }
        if lead == 0xE2 { return utf8.dropFirst().first == 0x80 }
        guard (0x30...0x39).contains(lead) else { return false }
        var digits = 0
        for byte in utf8 {
            if (0x30...0x39).contains(byte) { digits += 1; continue }
            return byte < 0x80 && (digits > 3 || (byte != UInt8(ascii: ".") && byte != UInt8(ascii: ")")))
        }
        return true
    }

    /// `isStructural`'s rule, read Character by Character (its byte shortcut is checked against this).
    static func isStructuralByCharacters(_ line: String) -> Bool {
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
        // On bytes: after the spaces, three ASCII fence characters followed by ASCII (or nothing)
        // are three Characters; a non-ASCII byte after them could join the third, so Characters decide.
        let utf8 = line.utf8
        var i = utf8.startIndex
        while i != utf8.endIndex, utf8[i] == UInt8(ascii: " ") { i = utf8.index(after: i) }
        var fence: UInt8?
        for _ in 0..<3 {
            guard i != utf8.endIndex, utf8[i] == UInt8(ascii: "`") || utf8[i] == UInt8(ascii: "~"), fence ?? utf8[i] == utf8[i] else {
                return false
            }
            fence = utf8[i]
            i = utf8.index(after: i)
        }
        if i == utf8.endIndex || utf8[i] < 0x80 { return true }
        let trimmed = line.drop(while: { $0 == " " })
        return trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~")
    }
}
