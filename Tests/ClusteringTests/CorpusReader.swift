import BriefingCore
import Foundation

/// MINIMAL TEST-ONLY READER for the shared evaluation corpora (`../shared/corpus/<name>/`).
/// Not the real Ingest stage (being written separately; it replaces this after merge): it splits
/// the `---` front matter, reads `title`, `outlet` and `published` line by line, and splits the
/// body into sentences naively on ". ". No boilerplate removal, so scrape noise stays in.
enum CorpusReader {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/corpus").standardizedFileURL

    static func exists(_ name: String) -> Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent("\(name)/labels.tsv").path)
    }

    struct Corpus {
        var articles: [Article]
        /// `source` (path relative to `articles/`) → true story id.
        var truth: [String: String]
    }

    static func load(_ name: String) throws -> Corpus {
        let dir = root.appendingPathComponent(name)
        let labels = try String(contentsOf: dir.appendingPathComponent("labels.tsv"), encoding: .utf8)
        var truth: [String: String] = [:]
        for line in labels.split(separator: "\n") {
            let parts = line.split(separator: "\t")
            if parts.count == 2 { truth[String(parts[0])] = String(parts[1]) }
        }
        let articlesDir = dir.appendingPathComponent("articles")
        var articles: [Article] = []
        for source in truth.keys.sorted() {
            let text = try String(contentsOf: articlesDir.appendingPathComponent(source), encoding: .utf8)
            articles.append(parse(text, source: source))
        }
        return Corpus(articles: articles, truth: truth)
    }

    static func parse(_ text: String, source: String) -> Article {
        var fields: [String: String] = [:]
        var body = text
        let lines = text.components(separatedBy: "\n")
        if lines.first == "---", let end = lines.dropFirst().firstIndex(of: "---") {
            for line in lines[1..<end] {
                guard let colon = line.firstIndex(of: ":") else { continue }
                var value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
                    value = String(value.dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"")
                }
                fields[String(line[..<colon])] = value
            }
            body = lines[(end + 1)...].joined(separator: "\n")
        }
        let sentences = body.components(separatedBy: "\n").enumerated().flatMap { n, paragraph in
            paragraph.components(separatedBy: ". ").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
                .map { Sentence(text: $0, paragraph: n, line: n + 1) }
        }
        let day = Day(String((fields["published"] ?? "").prefix(10))) ?? Day("2000-01-01")!
        let title = fields["title"] ?? ""
        return Article(
            id: Slug.make(String(source.dropLast(3))), source: source,
            outlet: Outlet(name: fields["outlet"] ?? "unknown"),
            title: title.isEmpty ? (sentences.first?.text ?? "") : title, titleIsDerived: title.isEmpty,
            day: day, body: body, sentences: sentences
        )
    }
}
