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

    /// Whether some bytes of `text` need escaping or links writing, or nil when cmark may read it
    /// as more than text and plain links: a special byte (`byteClasses`), `&` not followed by a
    /// space (an entity), `_` not between letters or digits (emphasis), a bracket not in a plain
    /// link (`link(in:at:)`).
    static func isPlainText(_ text: UnsafeBufferPointer<UInt8>, classes: UnsafePointer<UInt8>) -> Bool? {
        // Every byte's class, or-ed: no early exit, so the loop stays short.
        var all: UInt8 = 0
        for byte in text { all |= classes[Int(byte)] }
        guard all & ByteClass.special == 0 else { return nil }
        guard all & ByteClass.inContext != 0 else { return all & ByteClass.escaped != 0 }
        var link: Link?
        var index = 0
        while index < text.count {
            switch text[index] {
            case UInt8(ascii: "&"):
                guard index + 1 < text.count, text[index + 1] == 0x20 else { return nil }
            case UInt8(ascii: "_"):
                // Between alphanumerics an underscore can neither open nor close emphasis.
                guard index > 0, index + 1 < text.count, isAlphanumeric(text[index - 1]), isAlphanumeric(text[index + 1]) else {
                    return nil
                }
            case UInt8(ascii: "["):
                guard link == nil, let found = Link(in: text, at: index) else { return nil }
                link = found
            case UInt8(ascii: "]"):
                guard let open = link, open.close == index else { return nil }
                // The destination is not inline text: checked by `Link`, not here.
                index = open.end
                link = nil
            default:
                break
            }
            index += 1
        }
        return all & ByteClass.escaped != 0
    }

    /// A link `[text](http…)` whose destination cmark writes as it is: http(s), and only letters,
    /// digits and `-._:/?#=` (no escapes, no title, no nested parentheses).
    struct Link {
        /// Where its `]` and its `)` are.
        let close: Int
        let end: Int

        /// The link opening at `open`, or nil when the brackets there are anything else.
        init?(in text: UnsafeBufferPointer<UInt8>, at open: Int) {
            // `![` is an image.
            guard open == 0 || text[open - 1] != UInt8(ascii: "!") else { return nil }
            var close = open + 1
            while close < text.count, text[close] != UInt8(ascii: "]") {
                guard text[close] != UInt8(ascii: "[") else { return nil }
                close += 1
            }
            guard close > open + 1, close + 2 < text.count, text[close + 1] == UInt8(ascii: "(") else { return nil }
            var end = close + 2
            while end < text.count, text[end] != UInt8(ascii: ")") {
                guard PlainMarkdown.isURLByte(text[end]) else { return nil }
                end += 1
            }
            guard end < text.count else { return nil }
            let destination = UnsafeBufferPointer(rebasing: text[(close + 2)..<end])
            guard destination.starts(with: "https://".utf8) && destination.count > 8
                    || destination.starts(with: "http://".utf8) && destination.count > 7 else { return nil }
            self.close = close
            self.end = end
        }
    }

    private static func isURLByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: ":"), UInt8(ascii: "/"), UInt8(ascii: "?"),
             UInt8(ascii: "#"), UInt8(ascii: "="):
            true
        default:
            isAlphanumeric(byte)
        }
    }

    /// Appends `text` (checked by `isPlainText`) as cmark writes it: its escapes, its links.
    static func appendEscaped(_ text: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        var run = 0
        var index = 0
        func flush(to end: Int) { out.append(contentsOf: UnsafeBufferPointer(rebasing: text[run..<end])) }
        while index < text.count {
            let replacement: StaticString
            switch text[index] {
            case UInt8(ascii: "\""): replacement = "&quot;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "["):
                let link = Link(in: text, at: index)!
                flush(to: index)
                out.append("<a href=\"")
                out.append(contentsOf: UnsafeBufferPointer(rebasing: text[(link.close + 2)..<link.end]))
                out.append("\">")
                index += 1
                run = index
                continue
            case UInt8(ascii: "]"):
                flush(to: index)
                out.append("</a>")
                // Past the destination, written with the opening tag.
                index = Self.destinationEnd(text, from: index)
                run = index + 1
                index += 1
                continue
            default:
                index += 1
                continue
            }
            flush(to: index)
            out.append(replacement)
            index += 1
            run = index
        }
        flush(to: text.count)
    }

    /// The index of the `)` closing the destination after the `]` at `close`.
    private static func destinationEnd(_ text: UnsafeBufferPointer<UInt8>, from close: Int) -> Int {
        var end = close
        while text[end] != UInt8(ascii: ")") { end += 1 }
        return end
    }

    enum ByteClass {
        static let escaped: UInt8 = 1
        static let special: UInt8 = 2
        /// Plain or not by its neighbours.
        static let inContext: UInt8 = 4
    }

    /// Each byte's class: control bytes, `<` (HTML, autolinks) and inline syntax (`\`, `` ` ``,
    /// `*`) are special; `&`, `_` and brackets depend on their neighbours; `"`, `>`, `&` are escaped.
    static let byteClasses: [UInt8] = (0...255).map { value in
        switch UInt8(value) {
        case 0..<0x20, 0x7F, UInt8(ascii: "<"), UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"):
            ByteClass.special
        case UInt8(ascii: "&"): ByteClass.escaped | ByteClass.inContext
        case UInt8(ascii: "_"): ByteClass.inContext
        // Written as links: the writer is the escaping one.
        case UInt8(ascii: "["), UInt8(ascii: "]"): ByteClass.escaped | ByteClass.inContext
        case UInt8(ascii: "\""), UInt8(ascii: ">"): ByteClass.escaped
        default: 0
        }
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte | 0x20) &- UInt8(ascii: "a") < 26
    }
}
