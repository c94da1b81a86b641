import Foundation
import Testing
import TestSupport
@testable import Site

/// One site full of hostile input, built for real: everything is published safely inside the
/// output folder, escaped, with nothing that runs and no control characters.
@Suite struct HostileSiteTests {
    static let site = """
        -- briefing.yml --
        baseURL: "https://hostile.example/"
        -- content/2026-06-01/a.md --
        ---
        title: "../../etc/passwd <script>alert('t')</script> \\"quoted\\"\\nsecond line"
        outlet: "../../Evil \\"Outlet\\" <script>x</script>"
        url: "javascript:alert(1)"
        author: "Line\\u0007Break\\r\\nAuthor"
        ---
        The harbour office said the ferry would run again on Monday after repairs to its engine.
        -- content/2026-06-01/A.markdown --
        ---
        title: "Same id, other file"
        outlet: "Bay Daily"
        url: "data:text/html,<script>alert(1)</script>"
        ---
        A second article whose file name gives the same id as the first one in this folder.
        -- content/2026-06-01/evil-wire/../../escape.txt --
        Escape attempt
        """

    @Test func hostileInputIsPublishedSafelyInsideTheOutput() throws {
        let (dir, report) = try buildFixtureSite(Self.site) { dir in
            try FileManager.default.createSymbolicLink(
                at: dir.appending("content/2026-06-01/loop"), withDestinationURL: dir.appending("content"))
        }
        #expect(report.articles == 2)
        #expect(report.diagnostics.contains { $0.message.contains("symbolic link loop") })
        #expect(report.diagnostics.contains { $0.message.contains("already used by") })
        #expect(report.diagnostics.contains { $0.message.contains("javascript:alert(1)") })
        // Nothing beside the output folder but the inputs, the lock and the cache.
        let top = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(top == [".public.briefing-cache", ".public.lock", "briefing.yml", "content", "public"])
        let site = fileTree(dir.appending("public"))
        for (path, bytes) in site {
            #expect(OutputPlan.isSafe(path), "\(path)")
            #expect(!containsControlCharacters(bytes), "\(path)")
            let text = String(decoding: bytes, as: UTF8.self)
            // JSON carries titles verbatim (escaped for JSON); markup formats must never.
            if !path.hasSuffix(".json") { #expect(!text.lowercased().contains("<script"), "\(path)") }
            #expect(!text.contains("javascript:alert"), "\(path)")
            if path.hasSuffix(".html") {
                if let problem = htmlBalanceProblem(text) { Issue.record("\(path): \(problem)") }
                #expect(!text.contains("href=\"data:") && !text.contains("href=\"javascript:"), "\(path)")
            }
        }
    }
}
