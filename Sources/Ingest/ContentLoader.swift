import BriefingCore
import Foundation

/// Reads every article under the content folder recursively, in sorted path order.
/// Bad files are reported and skipped; the rest still load.
public struct ContentLoader: Sendable {
    public let config: SiteConfig
    public let parser: ArticleParser

    /// `config.boilerplate` rules are added to `BoilerplateCleaner.defaultRules`.
    public init(config: SiteConfig = SiteConfig()) {
        self.config = config
        parser = ArticleParser(rules: BoilerplateCleaner.defaultRules + config.boilerplate)
    }

    public func load(contentDirectory: URL) -> IngestResult {
        var displayRoot = contentDirectory.relativePath
        while displayRoot.count > 1, displayRoot.hasSuffix("/") { displayRoot.removeLast() }
        let finder = ContentFinder(root: contentDirectory, displayRoot: displayRoot)
        let found = finder.find()
        var result = IngestResult(diagnostics: found.diagnostics)
        var owners: [String: String] = [:]  // article id → relative path that took it
        for file in found.files {
            let path = finder.displayPath(file.relativePath)
            do throws(Diagnostic) {
                let data = try read(file.url, path: path)
                var output = try parser.parseWithWarnings(relativePath: file.relativePath, displayPath: path, data: data)
                let id = output.article.id
                if let owner = owners[id] {
                    // Files are visited in sorted order, so the same file always gets the suffix.
                    var n = 2
                    while owners["\(id)-\(n)"] != nil { n += 1 }
                    output.article.id = "\(id)-\(n)"
                    result.diagnostics.append(.warning(
                        SourceLocation(path: path),
                        "article id '\(id)' is already used by \(owner); using '\(id)-\(n)'"
                    ))
                }
                owners[output.article.id] = file.relativePath
                result.articles.append(output.article)
                result.removed += output.removed
                result.diagnostics += output.warnings
            } catch {
                result.diagnostics.append(error)
            }
        }
        result.articles.sort(by: Article.canonicalOrder)
        result.diagnostics.sort(by: Diagnostic.reportOrder)
        result.removed.sort { ($0.location.path, $0.location.line) < ($1.location.path, $1.location.line) }
        return result
    }

    /// Reads a file, checking its size first so a huge file is never loaded.
    private func read(_ url: URL, path: String) throws(Diagnostic) -> Data {
        let size = (try? url.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0
        if size > SourceText.sizeLimit {
            throw .error(SourceLocation(path: path), SourceText.tooLargeMessage(byteCount: size))
        }
        do {
            return try Data(contentsOf: url)
        } catch {
            throw .error(SourceLocation(path: path), "cannot read file: \(error.localizedDescription)")
        }
    }
}
