import Mustache
import Testing
@testable import Rendering

/// The same fields twice: read through `TemplateFields`, and by swift-mustache's Mirror fallback.
private struct Fields: TemplateValue {
    static let templateFields = TemplateFields<Self>()
    let text: String
    let missing: String?
    let present: String?
    let number: Int?
    let list: [String]
    let nested: Nested?
}

private struct Nested: TemplateValue {
    static let templateFields = TemplateFields<Self>()
    let flag: Bool
}

private struct MirroredFields {
    let text: String
    let missing: String?
    let present: String?
    let number: Int?
    let list: [String]
    let nested: MirroredNested?
}

private struct MirroredNested {
    let flag: Bool
}

@Suite struct TemplateValueTests {
    @Test func readersAnswerLikeMirror() throws {
        let read = Fields(text: "t", missing: nil, present: "p", number: 3, list: ["a"], nested: Nested(flag: true))
        #expect(read.child(named: "text") as? String == "t")
        #expect(read.child(named: "missing") == nil)
        #expect(read.child(named: "present") as? String == "p")
        #expect(read.child(named: "number") as? Int == 3)
        #expect(read.child(named: "list") as? [String] == ["a"])
        #expect(read.child(named: "nested") is Nested)
        #expect(read.child(named: "unknown") == nil)
    }

    @Test func templatesRenderTheSameAsWithMirror() throws {
        let template = try MustacheTemplate(string: """
            {{text}}|{{missing}}|{{#missing}}x{{/missing}}{{^missing}}none{{/missing}}|{{present}}|{{#present}}[{{.}}]{{/present}}|\
            {{number}}|{{#list}}{{.}}{{/list}}|{{#nested}}{{flag}}{{/nested}}|{{nested.flag}}|{{^nested}}no{{/nested}}
            """)
        for (present, nested) in [("p", true), ("", false)] {
            let read = Fields(text: "<t>", missing: nil, present: present.isEmpty ? nil : present, number: nested ? 1 : nil,
                              list: ["a", "b"], nested: nested ? Nested(flag: true) : nil)
            let mirrored = MirroredFields(text: "<t>", missing: nil, present: present.isEmpty ? nil : present, number: nested ? 1 : nil,
                                          list: ["a", "b"], nested: nested ? MirroredNested(flag: true) : nil)
            #expect(template.render(read) == template.render(mirrored))
        }
    }
}
