import BriefingCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads every article under the content folder recursively. Files are parsed in parallel, one
/// independent step per file (`parse`), so a build cache can reuse any file's outcome; ids are
/// then de-duplicated in sorted path order (`assemble`), so the result does not depend on timing.
public struct ContentLoader: Sendable {
    public let config: SiteConfig
    public let parser: ArticleParser

    /// `config.boilerplate` rules are added to `BoilerplateCleaner.defaultRules`.
    public init(config: SiteConfig = SiteConfig()) {
        self.config = config
        parser = ArticleParser(rules: BoilerplateCleaner.defaultRules + config.boilerplate)
    }

    /// One article file found under the content folder.
    public struct ContentFile: Sendable, Hashable {
        /// Relative to the content folder, "/"-separated.
        public var relativePath: String
        /// The path diagnostics print ("content/2026-11-20/x.md").
        public var displayPath: String
        /// Where to read it (absolute, or relative to the working folder).
        public var path: String
        public var url: URL { URL(fileURLWithPath: path) }

        public init(relativePath: String, displayPath: String, path: String) {
            self.relativePath = relativePath
            self.displayPath = displayPath
            self.path = path
        }
    }

    /// Every article file in sorted relative-path order, with problems met while walking.
    public struct Listing: Sendable {
        public var files: [ContentFile]
        public var diagnostics: [Diagnostic]
    }

    /// What one file gave: an article (before id de-duplication) or the error that skips it.
    public enum FileOutcome: Sendable, Hashable {
        case article(ParsedFile)
        case failed(Diagnostic)
    }

    /// One parsed file: its article, removed boilerplate lines and warnings.
    public struct ParsedFile: Sendable, Hashable {
        public var article: Article
        public var removed: [RemovedLine]
        public var warnings: [Diagnostic]

        public init(article: Article, removed: [RemovedLine], warnings: [Diagnostic]) {
            self.article = article
            self.removed = removed
            self.warnings = warnings
        }
    }

    public func load(contentDirectory: URL) -> IngestResult {
        let listing = list(contentDirectory: contentDirectory)
        let outcomes = Parallel.map(listing.files) { file in
            do throws(Diagnostic) {
                return parse(file, data: try Self.read(file))
            } catch {
                return .failed(error)
            }
        }
        return Self.assemble(listing: listing, outcomes: outcomes)
    }

    public func list(contentDirectory: URL) -> Listing { Self.list(contentDirectory: contentDirectory) }

    /// The article files, without building a parser (a no-change rebuild needs only this).
    public static func list(contentDirectory: URL) -> Listing {
        var displayRoot = contentDirectory.relativePath
        while displayRoot.count > 1, displayRoot.hasSuffix("/") { displayRoot.removeLast() }
        let finder = ContentFinder(root: contentDirectory, displayRoot: displayRoot)
        let found = finder.find()
        let files = found.files.map {
            ContentFile(relativePath: $0.relativePath, displayPath: finder.displayPath($0.relativePath), path: $0.path)
        }
        return Listing(files: files, diagnostics: found.diagnostics)
    }

    /// Parses one file's bytes; pure, so it may run on any thread.
    public func parse(_ file: ContentFile, data: Data) -> FileOutcome {
        do throws(Diagnostic) {
            let output = try parser.parseWithWarnings(relativePath: file.relativePath, displayPath: file.displayPath, data: data)
            return .article(ParsedFile(article: output.article, removed: output.removed, warnings: output.warnings))
        } catch {
            return .failed(error)
        }
    }

    /// Joins per-file outcomes (in `listing.files` order) into the stage's result. Files are
    /// visited in sorted order, so the same file always gets an id's `-2` suffix.
    public static func assemble(listing: Listing, outcomes: [FileOutcome]) -> IngestResult {
        var result = IngestResult(diagnostics: listing.diagnostics)
        // Held for the whole build: sized once instead of grown to up to twice its length.
        result.articles.reserveCapacity(outcomes.count)
        var owners: [String: String] = [:]  // article id → relative path that took it
        owners.reserveCapacity(outcomes.count)
        for (file, outcome) in zip(listing.files, outcomes) {
            guard case .article(var parsed) = outcome else {
                if case .failed(let diagnostic) = outcome { result.diagnostics.append(diagnostic) }
                continue
            }
            let id = parsed.article.id
            if let owner = owners[id] {
                var n = 2
                while owners["\(id)-\(n)"] != nil { n += 1 }
                parsed.article.id = "\(id)-\(n)"
                result.diagnostics.append(.warning(
                    SourceLocation(path: file.displayPath),
                    "article id '\(id)' is already used by \(owner); using '\(id)-\(n)'"
                ))
            }
            owners[parsed.article.id] = file.relativePath
            result.articles.append(parsed.article)
            result.removed += parsed.removed
            result.diagnostics += parsed.warnings
        }
        result.articles = Self.canonicallyOrdered(result.articles)
        result.diagnostics.sort(by: Diagnostic.reportOrder)
        result.removed.sort { ($0.location.path, $0.location.line) < ($1.location.path, $1.location.line) }
        return result
    }

    /// `articles.sorted(by: Article.canonicalOrder)`, sorting indices by precomputed keys: moving
    /// whole articles while sorting was most of a one-article rebuild's ingest (ids are unique
    /// here, so the order is total and stability does not matter).
    static func canonicallyOrdered(_ articles: [Article]) -> [Article] {
        let keys = articles.map { ($0.day, $0.outlet.slug, $0.id) }
        let order = articles.indices.sorted { keys[$0] < keys[$1] }
        return order.map { articles[$0] }
    }

    /// Reads a file, checking its size first so a huge file is never loaded.
    public static func read(_ file: ContentFile) throws(Diagnostic) -> Data {
        if let data = try readWhole(file) { return data }
        var info = stat()
        if stat(file.path, &info) == 0, Int(info.st_size) > SourceText.sizeLimit { throw tooLarge(file, byteCount: Int(info.st_size)) }
        do {
            return try Data(contentsOf: file.url)
        } catch {
            throw .error(SourceLocation(path: file.displayPath), "cannot read file: \(error.localizedDescription)")
        }
    }

    /// A regular file's bytes by one open, fstat and read into a buffer the Data then owns: no
    /// path lookup twice, no URL. Nil when anything is unusual (open or read failing, a file
    /// changing size): `read` then takes Foundation's path, which words the errors.
    private static func readWhole(_ file: ContentFile) throws(Diagnostic) -> Data? {
        let fd = open(file.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        let size = Int(info.st_size)
        if size > SourceText.sizeLimit { throw tooLarge(file, byteCount: size) }
        guard size > 0, let buffer = malloc(size) else { return nil }
        var filled = 0
        while filled < size {
            let count = readBytes(fd, buffer + filled, size - filled)
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            filled += count
        }
        // A file grown since fstat has more to read: left to Foundation, which reads to the end.
        var probe: UInt8 = 0
        guard filled == size, readBytes(fd, &probe, 1) == 0 else {
            free(buffer)
            return nil
        }
        return Data(bytesNoCopy: buffer, count: size, deallocator: .free)
    }

    /// The error for a file over the size limit, for callers that stat files themselves.
    public static func tooLarge(_ file: ContentFile, byteCount: Int) -> Diagnostic {
        .error(SourceLocation(path: file.displayPath), SourceText.tooLargeMessage(byteCount: byteCount))
    }

    public static var sizeLimit: Int { SourceText.sizeLimit }
}

/// `read(2)`, out of `ContentLoader`, whose own `read` hides the C function there.
private func readBytes(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(fd, buffer, count)
}
