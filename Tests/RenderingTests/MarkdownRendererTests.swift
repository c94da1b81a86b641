import Testing
import CCmark
#if canImport(Glibc)
import Glibc
#endif
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

/// The arena allocator changes no output: each text renders as `cmark_markdown_to_html` renders it.
@Suite struct CmarkArenaTests {
    static func reference(_ bytes: [UInt8], options: Int32 = MarkdownRenderer.validatingOptions) -> String {
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                guard let base = chars.baseAddress, let rendered = cmark_markdown_to_html(base, chars.count, options)
                else { return "" }
                defer { free(rendered) }
                return String(cString: rendered)
            }
        }
    }

    @Test func sameHTMLAsTheDefaultAllocator() {
        let long = (0..<3000).map { "Paragraph \($0) with *emphasis*, `code`, [a link](https://x.org/\($0)) and a [ref][r\($0 % 7)].\n\n" }.joined()
            + (0..<7).map { "[r\($0)]: https://example.org/\($0)\n" }.joined()
        let texts: [[UInt8]] = [
            [], Array("one line, no newline".utf8), Array("a\r\nb\r\n\r\nc\r".utf8), Array("x\u{0}y\n".utf8),
            Array("Caf".utf8) + [0xC3, 0x28, 0xFF] + Array(" ok".utf8),
            Array("> quote\n> more\n\n- a\n- b\n\n1. c\n\n```\ncode\n```\n\n# H\n\n<div>raw</div>\n".utf8),
            Array(long.utf8),
            Array(String(repeating: "x", count: 600_000).utf8),
        ]
        for text in texts {
            #expect(MarkdownRenderer.html(bytes: text) == Self.reference(text))
        }
    }

    /// A String's bytes are valid UTF-8, so rendering one without cmark's check changes nothing:
    /// NULs are still replaced, and non-ASCII text, line endings and long documents come out the same.
    @Test func stringsRenderAsCheckedBytesDo() {
        let long = (0..<2000).map { "Caf\u{E9} \($0) \u{201C}quoted\u{201D} \u{1F4F0} *x*\r\n\r\n" }.joined()
        let texts = ["", "x\u{0}y\n\u{0}", "a\r\nb\r\n\r\nc\r", "na\u{EF}ve \u{0301}e\u{0301} \u{10FFFF}\n> q\n\n- \u{4E2D}\u{6587}\n", long,
                     String(repeating: "\u{E9}", count: 300_000)]
        for text in texts {
            #expect(MarkdownRenderer.html(text) == Self.reference(Array(text.utf8)))
        }
    }

    @Test func manyDocumentsOnManyThreads() async {
        let texts = (0..<64).map { "Doc \($0): " + String(repeating: "*word* ", count: $0 * 50) }
        let rendered = await withTaskGroup(of: (Int, String).self) { group in
            for (i, text) in texts.enumerated() { group.addTask { (i, MarkdownRenderer.html(text)) } }
            var out = [String](repeating: "", count: texts.count)
            for await (i, html) in group { out[i] = html }
            return out
        }
        #expect(rendered == texts.map { Self.reference(Array($0.utf8)) })
    }
}
