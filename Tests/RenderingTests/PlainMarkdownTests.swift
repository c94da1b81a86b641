import Testing
@testable import Rendering

/// `PlainMarkdown` writes what cmark writes for plain paragraphs, and leaves anything else to cmark.
@Suite struct PlainMarkdownTests {
    static func cmark(_ text: String) -> String { MarkdownRenderer.html(bytes: Array(text.utf8)) }

    /// Texts the fast path takes: each must come out as cmark's HTML.
    static let plain = [
        "", "\n", "\n\n\n", "One line", "One line\n", "Two\nlines", "A\n\nB\n\n\nC\n",
        "\"Quoted,\" she said -- it's 5 > 4 / 3 = 1 % 2 + 3 - 1 # no heading ~x~ |a| {b} $c @d !e ^f",
        "2026 was a year.\n10,400 troops\n1st place", "(Aside) text\nCafé déjà vu 😀 e\u{301}\n“Curly” quotes",
        "Line one\nLine two\n\nNext paragraph\n", "\n\nLeading blank lines",
        "Trailing — dash at the end —", "x: y; z? yes! no. ok",
        "## Heading\n\nText", "Text\n## Heading\nMore", "# One\n###### Six \"quoted\" > x", "- a\n- b",
        "Intro\n\n- 408 kilograms\n- 120 samples\n\nAfter", "- a\n\n\n## H", "## H\n- a\n- b\n", "- \"q\" > 1\n",
        "Smith & Jones LLP", "a & b\n## R & D", "takeover_bid and snake_case_name 1_000", "- x_y & z",
        "Read the [statement from A & B](https://a-b.example/statements/2026-01-01).",
        "See [x](http://x.y/a_b?c=d#e) and [\"q\" > r](https://s.t/u) end", "## See [this](https://x.y/z)\n- go [a](http://b.c)",
    ]

    /// Texts it must leave to cmark (nil): each holds something cmark treats specially.
    static let special = [
        "Text\n===", "Text\n---", "+ item", "* item", "1. item", "12) item", "> quote",
        "    code", " leading space", "trailing space ", "hard  \nbreak", "back\\slash", "`code`", "*em*", "_em_",
        "[link](x)", "![img](x)", "&amp;", "<b>html</b>", "a <http://x.y> b", "tab\there", "\u{FEFF}bom",
        "nul\u{0}byte", "cr\r\nlf", "***", "~~~\ncode\n~~~", "=== not a heading", "-dash start", "' quote start",
        "del\u{7F}", "Line\n \nspaces-only line",
        "Text\n- item", "- a\n\n- b", "- a\ncontinued", "####### seven", "## closing ##", "##nospace", "- ", "-x",
        "## ", "- a\n## H", "-  two spaces", "- - nested", "- 1. x", "## #tag", "a &", "&copy;", "AT&T", "_lead", "trail_", "a _b", "é_x", "a__b",
        "![img](https://x.y/z.png)", "[x](https://x.y/a b)", "[x](https://x.y/a(b))", "[x](javascript:alert)", "[x]",
        "[x][y]", "[](https://x.y)", "[a [b]](https://x.y)", "[x](https://)", "[x](https://x.y/%41)", "[x](<https://x.y>)",
        "[_x](https://x.y)", "[x](https://x.y \"t\")", "a ] b", "[x](https://x.y",
    ]

    @Test func plainTextMatchesCmark() {
        for text in Self.plain {
            let fast = PlainMarkdown.html(text)
            #expect(fast != nil, "\(text.debugDescription) should take the fast path")
            #expect(fast == Self.cmark(text), "\(text.debugDescription)")
            #expect(MarkdownRenderer.html(text) == Self.cmark(text))
        }
    }

    @Test func specialTextIsLeftToCmark() {
        for text in Self.special {
            #expect(PlainMarkdown.html(text) == nil, "\(text.debugDescription) should go to cmark")
            #expect(MarkdownRenderer.html(text) == Self.cmark(text))
        }
    }

    /// Every text made of a few awkward pieces: whichever path renders it, the HTML is cmark's.
    @Test func combinationsMatchCmark() {
        let pieces = ["a", "1", "1.", "\"", ">", "\n", "\n\n", " ", "é", "(", "-", "- ", "#", "## ", "x y", "&", "_", "[x]", "(https://a.b)", "]", "!"]
        for a in pieces { for b in pieces { for c in pieces {
            let text = a + b + c
            #expect(MarkdownRenderer.html(text) == Self.cmark(text), "\(text.debugDescription)")
        } } }
    }
}
