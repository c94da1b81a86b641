import Mustache
import Testing
@testable import Rendering

@Suite struct EscapeTests {
    /// Text where a byte-level escaper could disagree with a per-`Character` one.
    static let edgeCases = [
        "", "plain", "&", "<>&\"'", "a<b", "<start", "end>", "Tom & Jerry's \"show\"",
        "<\u{301}", "&\u{301}x", "'\u{200D}", "\"\u{FE0F}", "\u{600}<", "x\u{600}&y", "é<", ">é", "é < é",
        "\u{1F4F0}&\u{1F4F0}", "\r\n<\r\n", "caf\u{E9} & cr\u{E8}me", "a\u{0}<", String(repeating: "ab<&", count: 100),
    ]

    /// swift-mustache's own escaping, through a template in the default content type.
    static func mustacheEscape(_ text: String) throws -> String {
        try MustacheTemplate(string: "{{x}}").render(["x": text])
    }

    @Test(arguments: edgeCases)
    func escapeMatchesMustacheAndCharacterPath(text: String) throws {
        #expect(HTMLText.escape(text) == (try Self.mustacheEscape(text)))
        #expect(HTMLText.escape(text) == HTMLText.escapeCharacters(text))
    }

    @Test func escapeMatchesMustacheOnRandomText() throws {
        let pieces = ["a", " ", "&", "<", ">", "\"", "'", "\u{301}", "\u{600}", "é", "\u{200D}", "\u{1F4F0}", "\n", "\r"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<2000 {
            var text = ""
            state = state &* 6364136223846793005 &+ 1442695040888963407
            for _ in 0..<Int(state >> 60) {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                text += pieces[Int(state >> 33) % pieces.count]
            }
            #expect(HTMLText.escape(text) == (try Self.mustacheEscape(text)), "\(Array(text.unicodeScalars))")
        }
    }

    @Test func templateSetRendersLikePlainMustache() throws {
        let sources = [
            "base": "<title>{{$title}}{{t}}{{/title}}</title>\n  {{#items}}\n  <li>{{.}}</li>\n  {{/items}}\n{{$body}}{{/body}}\n",
            "briefing": "{{<base}}{{$body}}{{>partials/p}}{{/body}}{{/base}}\n",
            "story": "{{! comment }}\n{{<base}}\n{{$title}}<{{t}}>{{/title}}\n{{/base}}\n",
            "partials/p": "  {{{raw}}} {{t}}\n",
        ]
        let context: [String: Any] = ["t": "a < b & \"c\" 'd'", "items": ["x&y", "<\u{301}"], "raw": "<b>"]
        let set = try TemplateSet(sources: sources)
        let plain = MustacheLibrary(templates: try sources.mapValues { try MustacheTemplate(string: $0) })
        for name in ["briefing", "story"] {
            #expect(set.render(name, context) == plain.render(context, withTemplate: name))
        }
    }
}

@Suite struct TrimTests {
    /// The definition `trimmingWhitespace` replaced: whole `Character`s dropped from both ends.
    static func reference(_ text: String) -> String {
        String(text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }

    @Test(arguments: [
        "", " ", "  \n\t ", "a", " a ", "\na b\r\n", " \u{301}a", "a \u{301}", "\u{A0}x\u{2003}", "\r\n\r\n",
        "x\u{200D}", " \u{1F4F0} ", "\u{301} lead", "mid  dle", "\u{85}z\u{2028}",
    ])
    func trimmingMatchesCharacterwiseDefinition(text: String) {
        #expect(text.trimmingWhitespace == Self.reference(text))
    }
}
