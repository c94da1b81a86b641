import BriefingCore
import Foundation
import Ingest
import Testing
import TestSupport
@testable import Site

/// Thousands of seeded, mutated articles through ingest, then the survivors through a real
/// build: no crash, every failure a located error, every page balanced HTML with nothing from
/// the input able to run or to carry control characters.
@Suite struct FuzzTests {
    static let seeds = [
        "---\ntitle: \"Ferry halted after fire\"\noutlet: \"North Wire\"\nurl: \"https://north.example/a\"\npublished: 2026-04-01T07:00:00Z\nauthor: Ada Marr\n---\nKESSEL (North Wire) - The ferry was halted on Monday, officials said.\n\n\"We will inspect every engine,\" Lena Ruiz said.\n\nAbout 84 passengers were aboard.\n",
        "---\ntitle: Bridge closed\noutlet: Bay Daily\nsection: Local\n---\nBy Mara Ellison\n\nThe Old Quay bridge was closed after inspectors found corroded cables.\n\n- one\n- two\n\nSign up for our newsletter\n",
        "---\noutlet: 'Harbour Post'\npublished: 2026-04-02\ntags: [a, b]\n---\n# Heading\n\nA [link](https://x.example) and *emphasis* in a sentence about the harbour.\n",
    ]

    static let tokens = [
        "<script>alert(1)</script>", "</title><script>x</script>", "../../../etc/passwd", "\"", "'", "\n", "\r\n",
        "\u{0}", "\u{7}", "\u{1B}[31m", "\u{85}", "javascript:alert(1)", "data:text/html,<script>x</script>",
        "&amp;&lt;", "{{title}}", "{{{body}}}", "&a [*a, *a, *a]", "---\n", "]]>", "\u{FEFF}", "\u{202E}", "%2e%2e/",
        "\\", ": ", "\n- ", "\nurl: javascript:alert(1)\n", "\ntitle: <img src=x onerror=alert(1)>\n", "\t", "<!--",
        "`code`", "[x](javascript:alert(1))", "<a href=\"data:x\">y</a>", "\noutlet: ../../x\n", "\u{2028}",
    ]

    func mutate(_ text: String, _ rng: inout SeededGenerator) -> [UInt8] {
        var bytes = Array(text.utf8)
        for _ in 0..<(1 + Int(rng.next() % 4)) {
            let at = bytes.isEmpty ? 0 : Int(rng.next() % UInt64(bytes.count))
            switch rng.next() % 6 {
            case 0, 1: bytes.insert(contentsOf: Array(Self.tokens[Int(rng.next() % UInt64(Self.tokens.count))].utf8), at: at)
            case 2: bytes.removeSubrange(at..<min(bytes.count, at + Int(rng.next() % 12)))
            case 3: if !bytes.isEmpty { bytes[min(at, bytes.count - 1)] = UInt8(truncatingIfNeeded: rng.next()) }
            case 4: bytes.insert(contentsOf: bytes[at..<min(bytes.count, at + 40)], at: at)
            default: if rng.next() % 4 == 0 { bytes.removeSubrange(at...) }
            }
        }
        return bytes
    }

    @Test func mutatedArticlesNeverCrashAndRenderWellFormed() throws {
        var rng = SeededGenerator(seed: 2026)
        let loader = ContentLoader()
        let dir = TemporaryDirectory()
        var kept = 0
        for i in 0..<3000 {
            let bytes = mutate(Self.seeds[i % Self.seeds.count], &rng)
            let path = "2026-04-0\(1 + i % 3)/fuzz-\(i).md"
            let file = ContentLoader.ContentFile(relativePath: path, displayPath: "content/" + path, path: dir.appending(path).path)
            switch loader.parse(file, data: Data(bytes)) {
            case .article(let parsed):
                let fields = [parsed.article.title, parsed.article.outlet.name, parsed.article.author ?? ""]
                #expect(!fields.contains { containsControlCharacters(Data($0.utf8)) }, "\(fields)")
                if let url = parsed.article.url { #expect(url.hasPrefix("http://") || url.hasPrefix("https://")) }
                if kept < 150 {
                    dir.write("content/" + path, bytes: bytes)
                    kept += 1
                }
            case .failed(let diagnostic):
                #expect(diagnostic.severity == .error)
                #expect(diagnostic.location.path == file.displayPath)
            }
        }
        #expect(kept == 150)
        _ = try SiteBuilder(options: generatedSiteOptions(dir)).build()
        let site = fileTree(dir.appending("public"))
        #expect(site.count > 10)
        for (path, bytes) in site.sorted(by: { $0.key < $1.key }) {
            if containsControlCharacters(bytes) { Issue.record("\(path) has control characters") }
            guard path.hasSuffix(".html") else { continue }
            let html = String(decoding: bytes, as: UTF8.self)
            if let problem = htmlBalanceProblem(html) { Issue.record("\(path): \(problem)") }
            #expect(!html.lowercased().contains("<script"), "\(path)")
            #expect(!html.contains("href=\"javascript:") && !html.contains("href=\"data:") && !html.contains("src=\"data:"), "\(path)")
        }
    }
}
