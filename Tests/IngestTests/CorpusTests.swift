import BriefingCore
import Foundation
import Testing
@testable import Ingest

/// Acceptance checks against the shared real-news corpus, when this machine has it.
/// The corpus is read at test time only; none of its text is in the repository.
enum Corpus {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/corpus")
    static let exists = FileManager.default.fileExists(atPath: root.appendingPathComponent("seed-story").path)
}

@Suite(.enabled(if: Corpus.exists, "the shared corpus (../shared/corpus) is not on this machine"))
struct CorpusTests {
    let loader = ContentLoader(config: SiteConfig())

    @Test(arguments: ["articles", "raw"])
    func seedStoryLoadsClean(folder: String) throws {
        let result = loader.load(contentDirectory: Corpus.root.appendingPathComponent("seed-story/\(folder)"))
        #expect(result.errors.isEmpty, "\(result.errors)")
        #expect(result.articles.count == 5)
        #expect(Set(result.articles.map(\.outlet.slug))
            == ["benzinga", "reuters", "the-hill", "unidentified-outlet", "washington-examiner"])
        let untitled = try #require(result.articles.first { $0.outlet.slug == "unidentified-outlet" })
        #expect(untitled.titleIsDerived)
        #expect(!untitled.title.isEmpty && untitled.title.count <= 101)
        #expect(result.articles.filter(\.titleIsDerived).count == 1)

        let noise = try String(contentsOf: Corpus.root.appendingPathComponent("seed-story/BOILERPLATE.txt"), encoding: .utf8)
            .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
        for article in result.articles {
            let lines = article.body.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            let texts = lines + article.sentences.map { $0.text.lowercased() }
            for line in noise {
                #expect(!texts.contains(line), "\(article.id) keeps boilerplate: \(line)")
            }
            // Photo captions end in a parenthesised agency credit; none may survive.
            for text in texts {
                #expect(!text.contains("via ap)") && !text.hasSuffix("/ap") && !text.hasPrefix("aptopix"),
                        "\(article.id) keeps a photo credit: \(text)")
            }
            #expect(!article.sentences.contains { $0.text.hasPrefix("(Reporting by") })
            #expect(!article.sentences.isEmpty)
        }
    }

    @Test(arguments: ["basil", "ecbplus", "allsides"])
    func largerCorporaLoadWithoutErrors(name: String) throws {
        let folder = Corpus.root.appendingPathComponent("\(name)/articles")
        let result = loader.load(contentDirectory: folder)
        #expect(result.errors.isEmpty, "\(result.errors.prefix(5))")
        let files = try FileManager.default.subpathsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") }
        #expect(result.articles.count == files.count)
    }
}
