import BriefingCore

/// Escaping for the few HTML fragments built in Swift (everything else is escaped by Mustache).
enum HTMLText {
    /// The same escapes as swift-mustache's default HTML escaper (and `escapeCharacters`), done on
    /// bytes. Both work per `Character`, so a special byte joined into one grapheme with a non-ASCII
    /// neighbour (`<` + U+0301) is left as is: such text takes the `Character` path to match exactly.
    static func escape(_ text: String) -> String {
        var text = text
        guard let extra = text.withUTF8(escapeGrowth) else { return escapeCharacters(text) }
        guard extra > 0 else { return text }
        return text.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count + extra) { out in
                var end = 0
                for byte in bytes {
                    let replacement: StaticString
                    switch byte {
                    case UInt8(ascii: "&"): replacement = "&amp;"
                    case UInt8(ascii: "<"): replacement = "&lt;"
                    case UInt8(ascii: ">"): replacement = "&gt;"
                    case UInt8(ascii: "\""): replacement = "&quot;"
                    case UInt8(ascii: "'"): replacement = "&#39;"
                    default:
                        out[end] = byte
                        end += 1
                        continue
                    }
                    replacement.withUTF8Buffer { piece in
                        for unit in piece {
                            out[end] = unit
                            end += 1
                        }
                    }
                }
                return end
            }
        }
    }

    /// How many bytes escaping `bytes` adds, or nil when a special byte touches a non-ASCII one.
    private static func escapeGrowth(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var extra = 0
        for (index, byte) in bytes.enumerated() {
            let grows = switch byte {
            case UInt8(ascii: "&"), UInt8(ascii: "'"): 4
            case UInt8(ascii: "<"), UInt8(ascii: ">"): 3
            case UInt8(ascii: "\""): 5
            default: 0
            }
            guard grows > 0 else { continue }
            if index > 0 && bytes[index - 1] >= 0x80 || index + 1 < bytes.count && bytes[index + 1] >= 0x80 { return nil }
            extra += grows
        }
        return extra
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

    /// A word diff as HTML: `<del>` for words only the first variant has, `<ins>` for words only this
    /// one has. Each segment is escaped; spaces stay outside the tags so struck text reads cleanly.
    static func diff(_ segments: [DiffSegment]) -> String {
        var out = ""
        for segment in segments {
            let core = segment.text.trimmingWhitespace
            guard !core.isEmpty else {
                if !segment.text.isEmpty, out.last.map({ !$0.isWhitespace }) ?? false { out += " " }
                continue
            }
            // Segments may or may not carry their own spaces; add one where two words would touch.
            if let last = out.last, !last.isWhitespace, !core.first!.isClosingPunctuation || segment.text.first!.isWhitespace {
                out += " "
            }
            let escaped = escape(core)
            switch segment.kind {
            case .same: out += escaped
            case .deleted: out += "<del>\(escaped)</del>"
            case .inserted: out += "<ins>\(escaped)</ins>"
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
