/// Escaping for the XML files Briefing writes (Atom feed, sitemap).
enum XMLText {
    /// Escapes `& < > " '` and drops what XML 1.0 cannot carry at all: C0 controls other than tab,
    /// line feed and carriage return, and U+FFFE/U+FFFF. Safe in text and in quoted attributes.
    static func escape(_ text: String) -> String {
        if !needsEscaping(text) { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            // Carriage returns would be normalised away by parsers; keep them as a reference.
            case "\r": out += "&#13;"
            default:
                if isAllowed(scalar) { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// False when `escape` would return `text` unchanged: no markup character, no carriage return
    /// and no byte that `mayBeForbidden`. Sitemaps and feeds are mostly such text.
    private static func needsEscaping(_ text: String) -> Bool {
        text.utf8.contains { byte in
            switch byte {
            case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"), 0xD: true
            default: mayBeForbidden(byte)
            }
        }
    }

    /// A byte that may belong to a character XML cannot carry: a C0 control other than tab, line
    /// feed and carriage return, or 0xEF (which starts U+FFFE/U+FFFF; rare enough to let the slow
    /// path decide).
    private static func mayBeForbidden(_ byte: UInt8) -> Bool {
        byte == 0xEF || (byte < 0x20 && byte != 0x9 && byte != 0xA && byte != 0xD)
    }

    /// XML 1.0 `Char`: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
    /// (Swift strings never hold surrogates, so only the controls and U+FFFE/U+FFFF need checking.)
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: true
        case 0x20...0xFFFD: true
        case 0x10000...0x10FFFF: true
        default: false
        }
    }

    /// The same text for JSON and HTML-free contexts: forbidden characters dropped, nothing escaped.
    static func clean(_ text: String) -> String {
        // Nearly every text is allowed whole: one pass over its bytes tells, and only a text that
        // may hold a forbidden character is rebuilt.
        if !text.utf8.contains(where: mayBeForbidden) { return text }
        var out = ""
        for scalar in text.unicodeScalars where isAllowed(scalar) { out.unicodeScalars.append(scalar) }
        return out
    }
}
