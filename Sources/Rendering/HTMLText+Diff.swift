import BriefingCore

extension HTMLText {
    /// A word diff as HTML: `<del>` for words only the first variant has, `<ins>` for words only this
    /// one has. Each segment is escaped; spaces stay outside the tags so struck text reads cleanly.
    static func diff(_ segments: [DiffSegment]) -> String {
        diffASCII(segments) ?? diffCharacters(segments)
    }

    /// `diffCharacters` on bytes, for ASCII segments (else nil). In ASCII each byte is one
    /// `Character` but "\r\n", which is whitespace as both its bytes are, so trimming and the
    /// spacing rules read the same on bytes.
    static func diffASCII(_ segments: [DiffSegment]) -> String? {
        var out: [UInt8] = []
        for segment in segments {
            let done = segment.text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
                guard !bytes.contains(where: { $0 >= 0x80 }) else { return false }
                let space = UInt8(ascii: " ")
                let afterWord = out.last.map { !isWhitespace($0) } ?? false
                guard let first = bytes.firstIndex(where: { !isWhitespace($0) }), let last = bytes.lastIndex(where: { !isWhitespace($0) }) else {
                    if !bytes.isEmpty, afterWord { out.append(space) }
                    return true
                }
                if afterWord, !isClosingPunctuation(bytes[first]) || isWhitespace(bytes[0]) { out.append(space) }
                let (open, close): (StaticString, StaticString) = switch segment.kind {
                case .same: ("", "")
                case .deleted: ("<del>", "</del>")
                case .inserted: ("<ins>", "</ins>")
                }
                open.withUTF8Buffer { out.append(contentsOf: $0) }
                _ = appendEscaped(bytes: UnsafeBufferPointer(rebasing: bytes[first...last]), to: &out)
                close.withUTF8Buffer { out.append(contentsOf: $0) }
                return true
            }
            guard done == true else { return nil }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `Character.isWhitespace` of an ASCII byte.
    private static func isWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }

    /// `Character.isClosingPunctuation` of an ASCII byte.
    private static func isClosingPunctuation(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: ","), UInt8(ascii: "."), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "!"), UInt8(ascii: "?"),
             UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: "%"): true
        default: false
        }
    }

    /// `diff` by `Character`.
    static func diffCharacters(_ segments: [DiffSegment]) -> String {
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
