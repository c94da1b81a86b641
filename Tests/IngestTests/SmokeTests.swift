import Testing
import Foundation
@testable import Ingest
import BriefingCore

@Test func smokeDump() {
    let loader = ContentLoader(config: SiteConfig())
    for dir in ["articles", "raw"] {
        let r = loader.load(contentDirectory: URL(fileURLWithPath: "/work/shared/corpus/seed-story/\(dir)"))
        for d in r.diagnostics { print("DIAG", d) }
        for a in r.articles {
            print("=== \(a.id) | \(a.outlet.name) | \(a.title) | derived=\(a.titleIsDerived) | by=\(a.byline ?? "-") | dl=\(a.dateline ?? "-")")
            for s in a.sentences { print("  [\(s.paragraph):\(s.line)] \(s.text)") }
        }
        for r in r.removed { print("REMOVED", r.location, r.label, "|", r.text.prefix(80)) }
    }
}
