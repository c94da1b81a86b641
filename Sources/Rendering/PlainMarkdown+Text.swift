/// The text of a plain line: which bytes cmark reads as plain text, and its escapes.
extension PlainMarkdown {
    /// Text that no block marker starts: a letter, a quote mark, `(`, a non-ASCII character, or
    /// digits not followed by `.` or `)` (an ordered list's marker).
    static func startsText(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        switch text[0] {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "\""),
             UInt8(ascii: "("), 0x80...0xFF:
            return true
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            var end = 0
            while end < text.count, isDigit(text[end]) { end += 1 }
            return end < text.count && text[end] != UInt8(ascii: ".") && text[end] != UInt8(ascii: ")")
        default:
            return false
        }
    }

    /// Whether some bytes of `text` need escaping, or nil when cmark may read it as more than
    /// text: a special byte (`byteClasses`), `&` not followed by a space (an entity), `_` not
    /// between letters or digits (emphasis).
    static func isPlainText(_ text: UnsafeBufferPointer<UInt8>, classes: UnsafePointer<UInt8>) -> Bool? {
        // Every byte's class, or-ed: no early exit, so the loop stays short.
        var all: UInt8 = 0
        for byte in text { all |= classes[Int(byte)] }
        guard all & ByteClass.special == 0 else { return nil }
        if all & ByteClass.inContext != 0 {
            for index in 0..<text.count {
                switch text[index] {
                case UInt8(ascii: "&"):
                    guard index + 1 < text.count, text[index + 1] == 0x20 else { return nil }
                case UInt8(ascii: "_"):
                    // Between alphanumerics an underscore can neither open nor close emphasis.
                    guard index > 0, index + 1 < text.count, isAlphanumeric(text[index - 1]), isAlphanumeric(text[index + 1]) else {
                        return nil
                    }
                default:
                    break
                }
            }
        }
        return all & ByteClass.escaped != 0
    }

    /// Appends `text` with cmark's escapes for the bytes plain text may hold, copying runs.
    static func appendEscaped(_ text: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        var run = 0
        for index in 0..<text.count {
            let replacement: StaticString
            switch text[index] {
            case UInt8(ascii: "\""): replacement = "&quot;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "&"): replacement = "&amp;"
            default: continue
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: text[run..<index]))
            out.append(replacement)
            run = index + 1
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: text[run...]))
    }

    enum ByteClass {
        static let escaped: UInt8 = 1
        static let special: UInt8 = 2
        /// Plain or not by its neighbours.
        static let inContext: UInt8 = 4
    }

    /// Each byte's class: control bytes, `<` (HTML, autolinks) and inline syntax (`\`, `` ` ``,
    /// `*`, `[`, `]`) are special; `&` and `_` depend on their neighbours; `"`, `>`, `&` are escaped.
    static let byteClasses: [UInt8] = (0...255).map { value in
        switch UInt8(value) {
        case 0..<0x20, 0x7F, UInt8(ascii: "<"), UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"),
             UInt8(ascii: "["), UInt8(ascii: "]"):
            ByteClass.special
        case UInt8(ascii: "&"): ByteClass.escaped | ByteClass.inContext
        case UInt8(ascii: "_"): ByteClass.inContext
        case UInt8(ascii: "\""), UInt8(ascii: ">"): ByteClass.escaped
        default: 0
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte | 0x20) &- UInt8(ascii: "a") < 26
    }
}
