import BriefingCore
import Foundation
import Ingest
import TestSupport

/// The shared evaluation corpora (`../shared/corpus/<name>/`), read by the real Ingest stage so
/// the scores are those of the real pipeline: cleaned text, real sentences, real dates.
enum CorpusReader {
    static func exists(_ name: String) -> Bool {
        guard let root = TestPaths.corpus else { return false }
        return FileManager.default.fileExists(atPath: root.appendingPathComponent("\(name)/labels.tsv").path)
    }

    struct Corpus {
        var articles: [Article]
        /// `source` (path relative to `articles/`) → true story id.
        var truth: [String: String]
    }

    static func load(_ name: String) throws -> Corpus {
        let dir = TestPaths.corpus!.appendingPathComponent(name)
        let labels = try String(contentsOf: dir.appendingPathComponent("labels.tsv"), encoding: .utf8)
        var truth: [String: String] = [:]
        for line in labels.split(separator: "\n") {
            let parts = line.split(separator: "\t")
            if parts.count == 2 { truth[String(parts[0])] = String(parts[1]) }
        }
        let result = ContentLoader().load(contentDirectory: dir.appendingPathComponent("articles"))
        return Corpus(articles: result.articles, truth: truth)
    }
}
