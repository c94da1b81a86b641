import BriefingCore

/// Escaping for the few HTML fragments built in Swift (everything else is escaped by Mustache).
enum HTMLText {
    static func escape(_ text: String) -> String {
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
    var trimmingWhitespace: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}

extension Character {
    /// Punctuation that attaches to the word before it ("said," not "said ,").
    var isClosingPunctuation: Bool { ",.;:!?)]}\u{201D}\u{2019}%".contains(self) }
}
