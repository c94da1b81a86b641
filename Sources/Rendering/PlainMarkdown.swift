#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Cleaned article bodies are mostly plain: paragraphs of text, `##` headings and short `-` lists
/// of one-line items, with no inline syntax. For those, cmark's HTML is simple (`<p>` with lines
/// joined by "\n", `<hN>`, a tight `<ul>`; `"`, `>`, `&` escaped) and this writes it directly: cmark
/// was half of building a story page's view. Anything that could mean more to cmark (inline
/// syntax, entities, HTML, other block starts, a list next to a paragraph or a blank line inside
/// one) makes `html` give up (nil), and cmark renders the text: tests hold both to the same HTML.
enum PlainMarkdown {
    /// cmark's HTML for `markdown`, or nil when it is not plain.
    static func html(_ markdown: String) -> String? {
        var markdown = markdown
        return markdown.withUTF8 { html(utf8: $0) }
    }

    static func html(utf8 text: UnsafeBufferPointer<UInt8>) -> String? {
        // A byte order mark at the start is dropped by cmark.
        guard let base = text.baseAddress, !(text.count >= 3 && text[0] == 0xEF && text[1] == 0xBB && text[2] == 0xBF) else {
            return text.isEmpty ? "" : nil
        }
        var out: [UInt8] = []
        out.reserveCapacity(text.count + text.count / 8 + 64)
        let finished = byteClasses.withUnsafeBufferPointer { classes -> Bool in
            var block = Block.none
            var start = 0
            while start <= text.count {
                let end = memchr(base + start, 0x0A, text.count - start).map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? text.count
                guard let line = Line(UnsafeBufferPointer(rebasing: text[start..<end]), classes: classes.baseAddress!) else { return false }
                start = end + 1
                guard write(line, after: &block, to: &out) else { return false }
            }
            switch block {
            case .paragraph: out.append("</p>\n")
            case .list, .listThenBlank: out.append("</ul>\n")
            case .none: break
            }
            return true
        }
        return finished ? String(decoding: out, as: UTF8.self) : nil
    }

    /// The open block.
    private enum Block { case none, paragraph, list, listThenBlank }

    /// Writes `line`'s HTML given the open `block`, and the block it leaves open; false when
    /// cmark's rules for the pair are not the plain ones: a list straight after a paragraph, a
    /// blank line between items, text straight after an item (its continuation).
    private static func write(_ line: Line, after block: inout Block, to out: inout [UInt8]) -> Bool {
        if block == .listThenBlank, line.kind == .text || line.kind == .heading {
            out.append("</ul>\n")
            block = .none
        }
        switch (line.kind, block) {
        case (.blank, .paragraph):
            out.append("</p>\n")
            block = .none
        case (.blank, .list), (.blank, .listThenBlank):
            block = .listThenBlank
        case (.blank, .none):
            break
        case (.text, .paragraph):
            out.append(0x0A)
            line.appendContent(to: &out)
        case (.text, .none):
            out.append("<p>")
            line.appendContent(to: &out)
            block = .paragraph
        case (.heading, .none), (.heading, .paragraph):
            if block == .paragraph { out.append("</p>\n") }
            let tag = [UInt8(ascii: "h"), UInt8(ascii: "0") + UInt8(line.level)]
            out.append(UInt8(ascii: "<"))
            out.append(contentsOf: tag)
            out.append(UInt8(ascii: ">"))
            line.appendContent(to: &out)
            out.append("</")
            out.append(contentsOf: tag)
            out.append(">\n")
            block = .none
        case (.item, .none), (.item, .list):
            if block == .none { out.append("<ul>\n") }
            out.append("<li>")
            line.appendContent(to: &out)
            out.append("</li>\n")
            block = .list
        default:
            return false
        }
        return true
    }

    /// One line, as far as plain text goes.
    private struct Line {
        enum Kind { case blank, text, heading, item }

        let kind: Kind
        /// A heading's level.
        var level = 0
        /// The text shown: without a heading's or an item's marker.
        let content: UnsafeBufferPointer<UInt8>
        /// Whether the content has bytes to escape.
        let hasEscapes: Bool

        /// Nil when the line is not plain: it ends in a space (a hard break, or stripped), its text
        /// is not plain (`isPlainText`), or it starts in a way cmark may read as something else.
        init?(_ line: UnsafeBufferPointer<UInt8>, classes: UnsafePointer<UInt8>) {
            guard let first = line.first else {
                kind = .blank
                content = line
                hasEscapes = false
                return
            }
            guard line.last != 0x20 else { return nil }
            var contentStart = 0
            if first == UInt8(ascii: "#") {
                while level < line.count, line[level] == UInt8(ascii: "#") { level += 1 }
                // `## Title ##` loses its closing #s: titles ending in # are left to cmark.
                guard level <= 6, level + 1 < line.count, line[level] == 0x20, line.last != UInt8(ascii: "#") else { return nil }
                kind = .heading
                contentStart = level + 1
            } else if first == UInt8(ascii: "-") {
                guard line.count > 2, line[1] == 0x20 else { return nil }
                kind = .item
                contentStart = 2
            } else {
                kind = .text
            }
            content = UnsafeBufferPointer(rebasing: line[contentStart...])
            guard PlainMarkdown.startsText(content), let escapes = PlainMarkdown.isPlainText(content, classes: classes) else { return nil }
            hasEscapes = escapes
        }

        func appendContent(to out: inout [UInt8]) {
            if hasEscapes { PlainMarkdown.appendEscaped(content, to: &out) } else { out.append(contentsOf: content) }
        }
    }
}

extension [UInt8] {
    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { append(contentsOf: $0) }
    }
}
