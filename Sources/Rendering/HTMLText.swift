/// Escaping for the few HTML fragments built in Swift (everything else is escaped by Mustache).
enum HTMLText {
    /// The same escapes as swift-mustache's default HTML escaper (and `escapeCharacters`), done on
    /// bytes. Both work per `Character`, so a special byte joined into one grapheme with a non-ASCII
    /// neighbour (`<` + U+0301) is left as is: such text takes the `Character` path to match exactly.
    static func escape(_ text: String) -> String {
        var out: [UInt8] = []
        appendEscaped(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `text` escaped as `escape` does, as UTF-8.
    static func appendEscaped(_ text: String, to out: inout [UInt8]) {
        let escaped = text.utf8.withContiguousStorageIfAvailable { appendEscaped(bytes: $0, to: &out) }
        if escaped != true { out.append(contentsOf: escapeCharacters(text).utf8) }
    }

    /// Bytes that escaping replaces (`"&'<>`), as a bit mask: all are below 64.
    private static var specialBytes: UInt64 { 1 << 0x22 | 1 << 0x26 | 1 << 0x27 | 1 << 0x3C | 1 << 0x3E }

    /// Appends `bytes` escaped, copying the runs between special bytes whole. False, with nothing
    /// appended, when a special byte touches a non-ASCII one.
    static func appendEscaped(bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) -> Bool {
        let mark = out.count
        var run = 0
        for index in 0..<bytes.count {
            let byte = bytes[index]
            guard byte < 64, specialBytes & 1 << byte != 0 else { continue }
            if index > 0 && bytes[index - 1] >= 0x80 || index + 1 < bytes.count && bytes[index + 1] >= 0x80 {
                out.removeSubrange(mark...)
                return false
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
            let replacement: StaticString = switch byte {
            case UInt8(ascii: "&"): "&amp;"
            case UInt8(ascii: "<"): "&lt;"
            case UInt8(ascii: ">"): "&gt;"
            case UInt8(ascii: "\""): "&quot;"
            default: "&#39;"
            }
            replacement.withUTF8Buffer { out.append(contentsOf: $0) }
            run = index + 1
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
        return true
    }

    /// Escaping by `Character`, as swift-mustache's `htmlEscape` does.
    static func escapeCharacters(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}

extension String {
    /// Without leading and trailing whitespace `Character`s.
    var trimmingWhitespace: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }
}

extension Character {
    /// Punctuation that attaches to the word before it ("said," not "said ,").
    var isClosingPunctuation: Bool {
        switch self {
        case ",", ".", ";", ":", "!", "?", ")", "]", "}", "\u{201D}", "\u{2019}", "%": true
        default: false
        }
    }
}
