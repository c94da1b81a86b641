import BriefingCore
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
    var flag = true
    var count = 7
    var maybe: Bool? = nil
    var limits: ClosedRange<Int>? = 1...2
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
    var flag = true
    var count = 7
    var maybe: Bool? = nil
    var limits: ClosedRange<Int>? = 1...2
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
            {{number}}|{{#list}}{{.}}{{/list}}|{{#nested}}{{flag}}{{/nested}}|{{nested.flag}}|{{^nested}}no{{/nested}}|\
            {{flag}}{{#flag}}y{{/flag}}|{{count}}|{{maybe}}{{^maybe}}n{{/maybe}}|{{limits}}|{{#limits}}{{lowerBound}}{{/limits}}
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

/// A page whose own `root` hides the chrome's, as a stored field always did.
private struct ChromedFields: ChromedPage {
    static let templateFields = TemplateFields<Self>.withChrome()
    let chrome: PageChrome
    let root: String
    let title: String?
}

@Suite struct TemplateLookupTests {
    static let chrome = PageChrome(
        site: SiteView(SiteConfig(title: "Site <T>")), root: "../", links: Links(root: "../", baseURL: "/"), canonicalURL: nil)

    @Test func tableHoldsExactlyTheStoredFields() {
        let mirrored = MirroredFields(text: "", missing: nil, present: nil, number: nil, list: [], nested: nil)
        #expect(Fields.templateFields.names.sorted() == Mirror(reflecting: mirrored).children.compactMap(\.label).sorted())
        let read = Fields(text: "t", missing: nil, present: "p", number: 3, list: ["a"], nested: Nested(flag: true))
        for name in ["", "t", "tex", "texts", "Text", "nested.flag", "numbers", String(repeating: "x", count: 200), "té"] {
            #expect(read.child(named: name) == nil, "\(name)")
        }
        #expect(read.child(named: "list") as? [String] == ["a"])
    }

    @Test func chromedPageReadsChromeFieldsAsItsOwn() throws {
        let page = ChromedFields(chrome: Self.chrome, root: "own", title: nil)
        let template = try MustacheTemplate(string: """
            {{root}}|{{chrome.root}}|{{homeHref}}|{{site.title}}|{{siteNav.archive}}|{{title}}|{{canonicalURL}}|{{nothing}}
            """)
        #expect(template.render(page) == "own|../|../index.html|Site &lt;T&gt;|../archive/index.html|||")
        let names = Set(ChromedFields.templateFields.names)
        #expect(names == Set(["chrome", "root", "title", "site", "homeHref", "stylesheetHref", "canonicalURL", "siteNav"]))
    }

    @Test func rootBoxRendersAndPrintsAsItsView() throws {
        let view = Fields(text: "<t>", missing: nil, present: "p", number: 2, list: ["a", "b"], nested: Nested(flag: false))
        let template = try MustacheTemplate(string: """
            {{.}}|{{text}}|{{#nested}}{{.}}{{flag}}{{text}}{{/nested}}|{{#list}}{{.}}{{number}}{{/list}}|{{count(list)}}|{{nested}}
            """)
        #expect(template.render(TemplateRoot(view)) == template.render(view))
        #expect(String(describing: TemplateRoot(view)) == String(describing: view))
        #expect(String(reflecting: TemplateRoot(view)) == String(reflecting: view))
        #expect([TemplateRoot(view)].description == [view].description)
    }

    /// A string on the stack answers no name, as its `Mirror` (no children) did: lookups go on down the stack.
    @Test func stringOnTheStackHasNoChildren() throws {
        #expect(Mirror(reflecting: "count").children.isEmpty)
        let template = try MustacheTemplate(string: "{{#present}}{{text}}{{present}}{{.}}{{count}}{{utf8}}{{isEmpty}}{{/present}}")
        let view = Fields(text: "t", missing: nil, present: "p", number: nil, list: [], nested: nil)
        #expect(template.render(view) == "tpp7")
        #expect(template.render(["present": "p", "text": "t", "count": "c"]) == "tppc")
    }
}
