import BriefingCore
import Foundation

/// Arranges cleaned lines into the Markdown body and the paragraphs sentences are read from.
///
/// Scrapes put one paragraph per line, so a single line break becomes a paragraph break, except
/// inside Markdown structure (lists, tables, quotes, code) and in wrapped Markdown prose.
struct BodyLayout {
    /// The cleaned body as Markdown.
    var body: String
    /// Prose and list paragraphs, in order; code blocks are left out.
    var paragraphs: [[BodyLine]]

    /// `linePerParagraph`: every non-empty line is its own paragraph (plain-text scrapes).
    init(lines: [BodyLine], linePerParagraph: Bool) {
        var blocks: [String] = []
        var paragraphs: [[BodyLine]] = []
        for block in Self.blocks(of: lines) {
            if MarkdownStripper.isFence(block[0].text) {
                blocks.append(block.map(\.text).joined(separator: "\n"))
            } else if block.contains(where: { MarkdownStripper.isStructural($0.text) }) {
                blocks.append(block.map { Self.trimTrailing($0.text) }.joined(separator: "\n"))
                // Each list item, table row or heading is read on its own.
                paragraphs += Self.structuralParagraphs(block)
            } else if linePerParagraph || Self.looksLikeLinePerParagraph(block) {
                for line in block {
                    blocks.append(Self.trimTrailing(line.text).trimmingSpaces())
                    paragraphs.append([line])
                }
            } else {
                blocks.append(block.map { Self.trimTrailing($0.text) }.joined(separator: "\n"))
                paragraphs.append(block)
            }
        }
        body = Self.joinedAtExactCapacity(blocks, separator: "\n\n")
        self.paragraphs = paragraphs
    }

    /// `joined(separator:)` grows its result by doubling, leaving up to half of it spare; the body
    /// is kept for the whole build, so it is allocated at its final size.
    static func joinedAtExactCapacity(_ parts: [String], separator: String) -> String {
        let count = parts.reduce(0) { $0 + $1.utf8.count } + separator.utf8.count * max(0, parts.count - 1)
        var joined = ""
        joined.reserveCapacity(count)
        for (i, part) in parts.enumerated() {
            if i > 0 { joined += separator }
            joined += part
        }
        return joined
    }

    /// Runs of non-blank lines; a fenced code block is one run, blank lines and all.
    private static func blocks(of lines: [BodyLine]) -> [[BodyLine]] {
        var blocks: [[BodyLine]] = []
        var current: [BodyLine] = []
        var inFence = false
        for line in lines {
            if MarkdownStripper.isFence(line.text) {
                if !inFence, !current.isEmpty { blocks.append(current); current = [] }
                current.append(line)
                if inFence { blocks.append(current); current = [] }
                inFence.toggle()
            } else if inFence {
                current.append(line)
            } else if line.isBlank {
                if !current.isEmpty { blocks.append(current); current = [] }
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { blocks.append(current) }
        return blocks
    }

    /// Lines of a list or table: continuation lines join the item above them.
    private static func structuralParagraphs(_ block: [BodyLine]) -> [[BodyLine]] {
        var result: [[BodyLine]] = []
        for line in block {
            let trimmed = line.text.trimmingSpaces()
            if trimmed.hasPrefix("|") {
                // Table rows and the |---| separator are not prose.
                continue
            }
            if MarkdownStripper.isStructural(line.text) || result.isEmpty {
                result.append([line])
            } else {
                result[result.count - 1].append(line)
            }
        }
        return result
    }

    /// Markdown prose where every line but the last ends a sentence: a scrape, not wrapped text.
    private static func looksLikeLinePerParagraph(_ block: [BodyLine]) -> Bool {
        guard block.count > 1 else { return false }
        return block.dropLast().allSatisfy { line in
            let text = trimTrailing(line.text)
            guard let last = text.last else { return false }
            return ".!?\"”’…)".contains(last) && !text.hasSuffix("  ")
        }
    }

    private static func trimTrailing(_ text: String) -> String {
        // A last byte that is visible ASCII ends a Character that is not white space.
        if let last = text.utf8.last, (0x21...0x7E).contains(last) { return text }
        var text = Substring(text)
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return String(text)
    }
}
