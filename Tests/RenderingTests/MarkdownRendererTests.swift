import Testing
@testable import Rendering

@Suite struct MarkdownRendererTests {
    @Test func paragraphsEmphasisAndLinks() {
        let html = MarkdownRenderer.html("One *two* **three**.\n\nSee [the site](https://example.org/a?b=1&c=2).")
        #expect(html == """
            <p>One <em>two</em> <strong>three</strong>.</p>
            <p>See <a href="https://example.org/a?b=1&amp;c=2">the site</a>.</p>

            """)
    }

    @Test func rawHTMLIsDropped() {
        let html = MarkdownRenderer.html("Hi <script>alert(1)</script> there\n\n<div onclick=\"x()\">block</div>")
        #expect(!html.contains("<script"))
        #expect(!html.contains("onclick"))
        #expect(html.contains("<!-- raw HTML omitted -->"))
    }

    @Test func unsafeLinkTargetsAreRemoved() {
        for target in ["javascript:alert(1)", "JAVASCRIPT:alert(1)", "vbscript:x", "file:///etc/passwd", "data:text/html,x"] {
            let html = MarkdownRenderer.html("[x](\(target))")
            #expect(html == "<p><a href=\"\">x</a></p>\n", "target \(target)")
        }
    }

    @Test func smartPunctuationIsOff() {
        #expect(MarkdownRenderer.html("\"quoted\" -- it's") == "<p>&quot;quoted&quot; -- it's</p>\n")
    }

    @Test func invalidUTF8IsTolerated() {
        let bytes: [UInt8] = Array("Caf".utf8) + [0xC3, 0x28, 0xFF] + Array(" ok\u{0}".utf8)
        let html = MarkdownRenderer.html(bytes: bytes)
        #expect(html.hasPrefix("<p>Caf"))
        #expect(html.contains("\u{FFFD}"))
        #expect(html.contains(" ok"))
    }

    @Test func emptyInput() {
        #expect(MarkdownRenderer.html("") == "")
    }
}
