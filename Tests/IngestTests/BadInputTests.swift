import BriefingCore
import Foundation
import Testing
@testable import Ingest

/// Every bad file gives one exact `path:line:col: error: reason`, never a crash.
@Suite struct BadInputTests {
    @Test func unclosedFrontMatter() {
        #expect(Fixtures.error("---\noutlet: Gull\n\nBody text.")?.description
            == "content/2023-06-19/x.md:1:1: error: front matter is not closed: add a '---' line after it")
    }

    @Test func yamlSyntaxErrorPointsAtTheFileLine() {
        let text = "---\noutlet: Gull\ntitle: \"unterminated\npublished: 2023-06-19\n---\nBody text."
        // libyaml reports an unterminated quote where the input ends (the last front matter line).
        #expect(Fixtures.error(text)?.description
            == "content/2023-06-19/x.md:4:22: error: invalid YAML: found unexpected end of stream (while scanning a quoted scalar at line 3, column 8)")
        let badIndent = "---\noutlet: Gull\n  title: x\n---\nBody text."
        #expect(Fixtures.error(badIndent)?.description
            == "content/2023-06-19/x.md:3:8: error: invalid YAML: mapping values are not allowed in this context")
    }

    @Test func duplicateKey() {
        #expect(Fixtures.error("---\noutlet: A\noutlet: B\n---\nBody text.")?.description
            == "content/2023-06-19/x.md:2:1: error: invalid YAML: key 'outlet' appears more than once in this mapping")
    }

    @Test func missingOutlet() {
        #expect(Fixtures.error("---\ntitle: T\npublished: 2023-06-19\n---\nBody text.")?.description
            == "content/2023-06-19/x.md:1:1: error: front matter has no 'outlet' (who published the article)")
    }

    @Test func wrongTypesNameTheKeyLine() {
        #expect(Fixtures.error("---\ntitle: T\noutlet: [a, b]\n---\nBody text.")?.description
            == "content/2023-06-19/x.md:3:1: error: 'outlet' must be text, not a list")
        #expect(Fixtures.error("---\noutlet: Gull\ntitle: {x: 1}\n---\nBody text.")?.description
            == "content/2023-06-19/x.md:3:1: error: 'title' must be text, not a mapping")
        #expect(Fixtures.error("---\n- a\n- b\n---\nBody text.")?.description
            == "content/2023-06-19/x.md:2:1: error: front matter must be a mapping of keys to values, not a list")
    }

    @Test func badDate() {
        #expect(Fixtures.error("---\noutlet: Gull\npublished: June 19\n---\nBody text.")?.description
            == "content/2023-06-19/x.md:3:1: error: 'published' is not a date (2023-06-19) or date-time (2023-06-19T08:30:00Z): June 19")
        #expect(Fixtures.error("---\noutlet: Gull\npublished: 2023-02-30\n---\nBody text.")?.message
            == "'published' is not a date (2023-06-19) or date-time (2023-06-19T08:30:00Z): 2023-02-30")
    }

    @Test func noDayAnywhere() {
        #expect(Fixtures.error("---\noutlet: Gull\n---\nBody text.", at: "misc/x.md")?.description
            == "content/misc/x.md:1:1: error: no 'published' date in front matter and no YYYY-MM-DD folder in the path")
    }

    @Test func emptyFileAndEmptyBody() {
        #expect(Fixtures.error("")?.description == "content/2023-06-19/x.md:1:1: error: file is empty")
        #expect(Fixtures.error(" \n\n")?.description == "content/2023-06-19/x.md:1:1: error: file is empty")
        #expect(Fixtures.error("---\noutlet: Gull\n---\n\n")?.description
            == "content/2023-06-19/x.md:4:1: error: article has no body text")
        #expect(Fixtures.error("---\noutlet: Gull\n---\nSign up\n\nMy Account\n")?.description
            == "content/2023-06-19/x.md:4:1: error: article has no body text after removing boilerplate")
    }

    @Test func invalidUTF8PointsAtTheByte() {
        var data = Data("---\noutlet: Gull\n---\nFirst line.\nCaf".utf8)
        data.append(contentsOf: [0xC3, 0x28])
        #expect(Fixtures.error(data)?.description
            == "content/2023-06-19/x.md:5:4: error: file is not valid UTF-8 (byte 0xC3)")
        #expect(Fixtures.error(Data([0x41, 0xFF, 0x42]))?.description
            == "content/2023-06-19/x.md:1:2: error: file is not valid UTF-8 (byte 0xFF)")
    }

    @Test func binaryFile() {
        var data = Data("PK\n".utf8)
        data.append(contentsOf: [0x41, 0x00, 0x01])
        #expect(Fixtures.error(data)?.description
            == "content/2023-06-19/x.md:2:2: error: file looks binary (contains a NUL byte)")
    }

    @Test func tooLarge() {
        let data = Data(repeating: 0x61, count: 10 * 1024 * 1024 + 1)
        #expect(Fixtures.error(data)?.description
            == "content/2023-06-19/x.md:1:1: error: file is too large (11 MB; limit 10 MB)")
    }

    @Test func aliasBombIsRefused() {
        let bomb = """
        ---
        outlet: Gull
        a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
        b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
        c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
        d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
        e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
        f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
        g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
        h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
        i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]
        ---
        Body text.
        """
        #expect(Fixtures.error(bomb)?.description
            == "content/2023-06-19/x.md:3:4: error: YAML anchors and aliases (&name, *name) are not allowed")
        #expect(Fixtures.error("---\noutlet: *nope\n---\nBody text.")?.description
            == "content/2023-06-19/x.md:2:9: error: YAML anchors and aliases (&name, *name) are not allowed")
    }

    @Test func frontMatterSizeLimit() {
        let big = "---\noutlet: Gull\nnote: \"" + String(repeating: "x", count: 70_000) + "\"\n---\nBody text."
        #expect(Fixtures.error(big)?.description
            == "content/2023-06-19/x.md:2:1: error: front matter is too large (68 KB; limit 64 KB)")
    }
}

@Suite struct AliasScannerTests {
    @Test(arguments: [
        "title: Tom & Jerry", "title: R&D *stars* today", "title: \"*quoted* &x\"", "title: 'it''s *x*'",
        "summary: |\n  *Breaking* news\n  &more\nnext: 1", "note: AT&T # *comment", "tags: [a*b, c&d]", "e: 5 * 3",
    ])
    func textIsNotAnAlias(yaml: String) {
        #expect(YAMLAliasScanner.firstIndicator(in: yaml) == nil)
    }

    @Test(arguments: [
        ("a: &x 1\nb: *x", 1, 4), ("- *x", 1, 3), ("k: [1, *x]", 1, 8), ("k: {a: *x}", 1, 8), ("? *x\n: 1", 1, 3),
        ("k: !!str &a v", 1, 10),
    ])
    func indicatorsAreFound(yaml: String, line: Int, column: Int) {
        let found = YAMLAliasScanner.firstIndicator(in: yaml)
        #expect(found?.line == line)
        #expect(found?.column == column)
    }
}
