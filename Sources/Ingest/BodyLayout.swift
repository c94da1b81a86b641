import BriefingCore
import Foundation

/// Arranges cleaned lines into the Markdown body and the paragraphs sentences are read from.
///
/// Scrapes put one paragraph per line, so a single line break becomes a paragraph break, except
/// inside Markdown structure (lists, tables, quotes, code) and in wrapped Markdown prose.
struct BodyLayout {
    /// The cleaned body as Markdown.
    var body: String
    /// The lines of the prose and list paragraphs, in order; code blocks are left out.
    var paragraphLines: [BodyLine]
    /// Each paragraph's range of `paragraphLines`: no array per paragraph (most are one line).
    var paragraphs: [Range<Int>]

    /// `linePerParagraph`: every non-empty line is its own paragraph (plain-text scrapes).
    init(lines: [BodyLine], linePerParagraph: Bool) {
        var blocks: [String] = []
        var paragraphLines: [BodyLine] = []
        var paragraphs: [Range<Int>] = []
        paragraphLines.reserveCapacity(lines.count)
        func appendParagraph(_ lines: some Collection<BodyLine>) {
            paragraphs.append(paragraphLines.count..<(paragraphLines.count + lines.count))
            paragraphLines += lines
        }
        for range in Self.blocks(of: lines) {
            let block = lines[range]
            if MarkdownStripper.isFence(block.first!.text) {
                blocks.append(block.map(\.text).joined(separator: "\n"))
            } else if block.contains(where: { MarkdownStripper.isStructural($0.text) }) {
                blocks.append(Self.joinedTrimmingTrailing(block))
                // Each list item, table row or heading is read on its own.
                for item in Self.structuralParagraphs(block) { appendParagraph(item) }
            } else if linePerParagraph || Self.looksLikeLinePerParagraph(block) {
                for line in block {
                    blocks.append(Self.trimTrailing(line.text).trimmingSpaces())
                    appendParagraph(CollectionOfOne(line))
                }
            } else {
                blocks.append(Self.joinedTrimmingTrailing(block))
                appendParagraph(block)
            }
        }
        body = Self.joinedAtExactCapacity(blocks, separator: "\n\n")
        self.paragraphLines = paragraphLines
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

    /// The lines' trailing-trimmed texts joined by line breaks (a single line is its own text).
    private static func joinedTrimmingTrailing(_ block: ArraySlice<BodyLine>) -> String {
        block.count == 1 ? trimTrailing(block.first!.text) : block.map { trimTrailing($0.text) }.joined(separator: "\n")
    }

    /// Runs of non-blank lines, as index ranges; a fenced code block is one run, blank lines and all.
    static func blocks(of lines: [BodyLine]) -> [Range<Int>] {
        var blocks: [Range<Int>] = []
        var start: Int?  // of the current run
        var inFence = false
        for (i, line) in lines.enumerated() {
            if MarkdownStripper.isFence(line.text) {
                if !inFence, let first = start { blocks.append(first..<i); start = nil }
                if start == nil { start = i }
                if inFence, let first = start { blocks.append(first..<(i + 1)); start = nil }
                inFence.toggle()
            } else if inFence {
                if start == nil { start = i }
            } else if line.isBlank {
                if let first = start { blocks.append(first..<i); start = nil }
            } else {
                if start == nil { start = i }
            }
        }
        if let first = start { blocks.append(first..<lines.count) }
        return blocks
    }

    /// Lines of a list or table: continuation lines join the item above them.
    private static func structuralParagraphs(_ block: ArraySlice<BodyLine>) -> [[BodyLine]] {
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
    private static func looksLikeLinePerParagraph(_ block: ArraySlice<BodyLine>) -> Bool {
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
