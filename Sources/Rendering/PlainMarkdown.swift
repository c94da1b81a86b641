/// Cleaned article bodies are mostly plain: paragraphs of text, `##` headings and short `-` lists
/// of one-line items, with no inline syntax. For those, cmark's HTML is simple (`<p>` with lines
/// joined by "\n", `<hN>`, a tight `<ul>`; `"`, `>` escaped) and this writes it directly: cmark
/// was half of building a story page's view. Anything that could mean more to cmark (inline
/// syntax, `&`, `<`, other block starts, a list next to a paragraph or a blank line inside one)
/// makes `html` give up (nil), and cmark renders the text: tests hold both to the same HTML.
enum PlainMarkdown {
    /// cmark's HTML for `markdown`, or nil when it is not plain.
    static func html(_ markdown: String) -> String? {
        var markdown = markdown
        return markdown.withUTF8 { html(utf8: $0) }
    }

    static func html(utf8 text: UnsafeBufferPointer<UInt8>) -> String? {
        // A byte order mark at the start is dropped by cmark.
        if text.count >= 3, text[0] == 0xEF, text[1] == 0xBB, text[2] == 0xBF { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(text.count + text.count / 8 + 64)
        var block = Block.none
        var start = 0
        while start <= text.count {
            var end = start
            while end < text.count, text[end] != 0x0A { end += 1 }
            let line = UnsafeBufferPointer(rebasing: text[start..<end])
            start = end + 1
            guard let kind = Line(line) else { return nil }
            if block == .listThenBlank, kind.isText {
                out.append("</ul>\n")
                block = .none
            }
            switch (kind, block) {
            case (.blank, .paragraph):
                out.append("</p>\n")
                block = .none
            case (.blank, .list), (.blank, .listThenBlank):
                block = .listThenBlank
            case (.blank, .none):
                break
            case (.text, .paragraph):
                out.append(0x0A)
                appendEscaped(line, to: &out)
            case (.text, .none):
                out.append("<p>")
                appendEscaped(line, to: &out)
                block = .paragraph
            case (.heading(let level, let content), .none), (.heading(let level, let content), .paragraph):
                if block == .paragraph { out.append("</p>\n") }
                out.append(heading: level, content)
                block = .none
            case (.item(let content), .none), (.item(let content), .list):
                if block == .none { out.append("<ul>\n") }
                out.append("<li>")
                appendEscaped(content, to: &out)
                out.append("</li>\n")
                block = .list
            default:
                // A list straight after a paragraph, a blank line between items, text straight
                // after an item (its continuation): cmark's rules there are not worth copying.
                return nil
            }
        }
        switch block {
        case .paragraph: out.append("</p>\n")
        case .list, .listThenBlank: out.append("</ul>\n")
        case .none: break
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The open block.
    private enum Block { case none, paragraph, list, listThenBlank }

    /// One line, as far as plain text goes.
    private enum Line {
        case blank
        case text
        case heading(level: Int, content: UnsafeBufferPointer<UInt8>)
        case item(content: UnsafeBufferPointer<UInt8>)

        /// Text or a heading: what ends a list after a blank line.
        var isText: Bool {
            switch self {
            case .text, .heading: true
            case .blank, .item: false
            }
        }

        /// Nil when the line is not plain: it ends in a space (a hard break, or stripped), holds a
        /// special byte, or starts in a way cmark may read as something else.
        init?(_ line: UnsafeBufferPointer<UInt8>) {
            guard let first = line.first else {
                self = .blank
                return
            }
            guard line.last != 0x20 else { return nil }
            var contentStart = 0
            if first == UInt8(ascii: "#") {
                var level = 0
                while level < line.count, line[level] == UInt8(ascii: "#") { level += 1 }
                // `## Title ##` loses its closing #s: titles ending in # are left to cmark.
                guard level <= 6, level + 1 < line.count, line[level] == 0x20, line.last != UInt8(ascii: "#") else { return nil }
                contentStart = level + 1
                self = .heading(level: level, content: UnsafeBufferPointer(rebasing: line[contentStart...]))
            } else if first == UInt8(ascii: "-") {
                guard line.count > 2, line[1] == 0x20 else { return nil }
                contentStart = 2
                self = .item(content: UnsafeBufferPointer(rebasing: line[contentStart...]))
            } else {
                self = .text
            }
            guard Self.startsText(line, at: contentStart) else { return nil }
            for byte in line where Self.isSpecial(byte) { return nil }
        }

        /// Text starting at `index` that no block marker starts: a letter, a quote mark, `(`, a
        /// non-ASCII character, or digits not followed by `.` or `)` (an ordered list's marker).
        private static func startsText(_ line: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
            switch line[index] {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "\""),
                 UInt8(ascii: "("), 0x80...0xFF:
                return true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                var end = index
                while end < line.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(line[end]) { end += 1 }
                return end < line.count && line[end] != UInt8(ascii: ".") && line[end] != UInt8(ascii: ")")
            default:
                return false
            }
        }

        /// Control bytes, `&` (entities), `<` (HTML, autolinks) and inline syntax (`\`, `` ` ``,
        /// `*`, `_`, `[`, `]`).
        private static func isSpecial(_ byte: UInt8) -> Bool {
            byte < 64 ? specialBelow64 & 1 << byte != 0 : byte < 128 && specialFrom64 & 1 << (byte - 64) != 0
        }

        private static var specialBelow64: UInt64 { 0xFFFF_FFFF | 1 << 0x26 | 1 << 0x2A | 1 << 0x3C }
        private static var specialFrom64: UInt64 { 1 << (0x5B - 64) | 1 << (0x5C - 64) | 1 << (0x5D - 64) | 1 << (0x5F - 64) | 1 << (0x60 - 64) | 1 << (0x7F - 64) }
    }

    /// Appends `text` with cmark's escapes for the bytes it may hold (`"` and `>`), copying runs.
    fileprivate static func appendEscaped(_ text: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        var run = 0
        for index in 0..<text.count {
            let byte = text[index]
            guard byte == UInt8(ascii: "\"") || byte == UInt8(ascii: ">") else { continue }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: text[run..<index]))
            out.append(byte == UInt8(ascii: "\"") ? "&quot;" : "&gt;")
            run = index + 1
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: text[run...]))
    }
}

private extension [UInt8] {
    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { append(contentsOf: $0) }
    }

    mutating func append(heading level: Int, _ content: UnsafeBufferPointer<UInt8>) {
        let digit = UInt8(ascii: "0") + UInt8(level)
        append(contentsOf: [UInt8(ascii: "<"), UInt8(ascii: "h"), digit, UInt8(ascii: ">")])
        PlainMarkdown.appendEscaped(content, to: &self)
        append(contentsOf: [UInt8(ascii: "<"), UInt8(ascii: "/"), UInt8(ascii: "h"), digit, UInt8(ascii: ">"), 0x0A])
    }
}
