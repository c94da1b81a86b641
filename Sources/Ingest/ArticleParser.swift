import BriefingCore
import Foundation

/// Turns one file's bytes into an `Article`. Pure: no disk, so tests need no files.
///
/// `.md`/`.markdown` files carry YAML front matter; `.txt` scrapes live at
/// `<YYYY-MM-DD>/<outlet-folder>/<name>.txt` and take outlet and day from their folders.
public struct ArticleParser: Sendable {
    public let cleaner: BoilerplateCleaner
    let segmenter = SentenceSegmenter()

    /// `rules` are used as given (a site build passes the defaults plus `briefing.yml`'s).
    public init(rules: [BoilerplateRule]) {
        cleaner = BoilerplateCleaner(rules: rules)
    }

    /// An article with the lines cleaning removed and any warnings about the file.
    public struct Output: Sendable {
        public var article: Article
        public var removed: [RemovedLine]
        public var warnings: [Diagnostic]
    }

    /// Parses one file. `relativePath` uses "/" and is relative to the content folder;
    /// `displayPath` is the path diagnostics print.
    public func parse(relativePath: String, displayPath: String, data: Data) throws(Diagnostic) -> (Article, [RemovedLine]) {
        let output = try parseWithWarnings(relativePath: relativePath, displayPath: displayPath, data: data)
        return (output.article, output.removed)
    }

    /// Like `parse`, also returning warnings (dropped `url`, skipped keys).
    public func parseWithWarnings(relativePath: String, displayPath: String, data: Data) throws(Diagnostic) -> Output {
        let path = displayPath
        let lines = try SourceText.lines(from: data, path: path)
        if lines.allSatisfy(BodyLine.isBlank) {
            throw .error(SourceLocation(path: path), "file is empty")
        }
        let isPlainText = Self.fileExtension(relativePath) == "txt"
        var meta = Metadata()
        var warnings: [Diagnostic] = []
        var bodyStart = 0
        if isPlainText {
            meta = try Self.plainTextMetadata(relativePath: relativePath, path: path)
        } else {
            let front = try FrontMatterParser().parse(lines: lines, path: path)
            bodyStart = front.bodyStart
            warnings = front.warnings
            meta = try Self.markdownMetadata(front.frontMatter ?? FrontMatter(), relativePath: relativePath, path: path)
        }
        let bodyLines = lines.enumerated().dropFirst(bodyStart).map { BodyLine(number: $0.offset + 1, text: $0.element) }
        let bodyLocation = SourceLocation(path: path, line: min(bodyStart + 1, lines.count))
        if bodyLines.allSatisfy({ $0.isBlank }) {
            throw .error(bodyLocation, "article has no body text")
        }

        var cleaned = cleaner.clean(bodyLines, headline: meta.title, path: path)
        if isPlainText, meta.title == nil, let headline = Self.headline(in: cleaned.lines) {
            // The scrape's first real line is its headline; drop it and any copy of it.
            meta.title = MarkdownStripper.strip(headline.text)
            let rest = cleaned.lines.filter { $0 != headline }
            let again = cleaner.clean(rest, headline: meta.title, path: path)
            cleaned = .init(lines: again.lines, removed: cleaned.removed + again.removed, plain: again.plain)
        }

        var content = cleaned.lines
        var byline: String?
        if let first = content.firstIndex(where: { !$0.isBlank }), let found = LeadExtractor.byline(in: content[first].text) {
            byline = found
            content.remove(at: first)
        }
        var layout = BodyLayout(lines: content, linePerParagraph: isPlainText)
        var dateline: String?
        if let first = layout.paragraphs.first, !first.isEmpty,
           let found = LeadExtractor.dateline(in: layout.paragraphLines[first.lowerBound].text.trimmingSpaces()) {
            dateline = found.dateline
            layout.paragraphLines[first.lowerBound].text = found.rest
        }
        let paragraphLines = layout.paragraphLines
        let sentences = segmenter.segment(paragraphs: layout.paragraphs.lazy.map { paragraphLines[$0] }) { line in
            // Cleaning stripped most lines already; the dateline's line has changed since.
            cleaned.plain.plain(for: line) ?? MarkdownStripper.strip(line.text)
        }
        guard !sentences.isEmpty else {
            throw .error(bodyLocation, "article has no body text after removing boilerplate")
        }

        var title = meta.title ?? ""
        let titleIsDerived = meta.title == nil
        if titleIsDerived { title = Self.deriveTitle(from: sentences[0].text) }
        title = Self.singleLine(title)
        var article = Article(
            id: Slug.make(Self.removingExtension(relativePath), fallback: "article"),
            source: relativePath, outlet: Outlet(name: meta.outlet), title: title,
            titleIsDerived: titleIsDerived, url: meta.url, day: meta.day, publishedTime: meta.time,
            author: meta.author, byline: byline, dateline: dateline, body: layout.body,
            sentences: sentences, extra: meta.extra
        )
        article.shareSentenceText()
        return Output(article: article, removed: cleaned.removed, warnings: warnings)
    }

    /// A title made from a sentence: whole when short, else cut on a word boundary with "…".
    public static func deriveTitle(from sentence: String, maxLength: Int = 100) -> String {
        var text = sentence.trimmingSpaces()
        if text.count <= maxLength {
            if text.hasSuffix("."), !text.hasSuffix("..") { text.removeLast() }
            return text
        }
        var cut = String(text.prefix(maxLength))
        if let space = cut.lastIndex(of: " ") { cut = String(cut[..<space]) }
        while let last = cut.last, ",;:-–—".contains(last) || last.isWhitespace { cut.removeLast() }
        return cut + "…"
    }
}
