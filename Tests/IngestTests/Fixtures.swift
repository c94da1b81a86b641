import BriefingCore
import Foundation
@testable import Ingest

/// Helpers shared by the Ingest tests. Every fixture text is invented for the tests.
enum Fixtures {
    static let parser = ArticleParser(rules: BoilerplateCleaner.defaultRules)

    /// Parses `text` as the file `content/<relativePath>`.
    static func parse(_ text: String, at relativePath: String = "2023-06-19/x.md") throws(Diagnostic) -> ArticleParser.Output {
        try parser.parseWithWarnings(relativePath: relativePath, displayPath: "content/" + relativePath, data: Data(text.utf8))
    }

    /// The diagnostic parsing throws, or nil when it parses.
    static func error(_ data: Data, at relativePath: String = "2023-06-19/x.md") -> Diagnostic? {
        do {
            _ = try parser.parse(relativePath: relativePath, displayPath: "content/" + relativePath, data: data)
            return nil
        } catch {
            return error
        }
    }

    static func error(_ text: String, at relativePath: String = "2023-06-19/x.md") -> Diagnostic? {
        error(Data(text.utf8), at: relativePath)
    }

    /// A fresh temporary folder holding `files` (relative path → contents); removed by the caller.
    static func site(_ files: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory
            .appendingPathComponent("ingest-tests-\(UUID().uuidString)", isDirectory: true)
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        return root
    }

    /// Front matter plus body, the shape every Markdown fixture has.
    static func markdown(_ front: String, _ body: String) -> String {
        "---\n\(front)\n---\n\(body)"
    }
}
