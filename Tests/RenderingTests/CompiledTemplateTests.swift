import BriefingCore
import Foundation
import Mustache
import Testing
@testable import Rendering

/// `CompiledTemplate` renders what swift-mustache renders: each template below goes through both,
/// with views and with plain dictionaries as data.
@Suite struct CompiledTemplateTests {
    static let partials: [String: String] = [
        "item": "<i>{{name}}</i>\n",
        "lines": "one {{name}}\ntwo\n{{#list}}\n- {{a}}\n{{/list}}\n",
        "parent": "<h1>{{$title}}Default{{/title}}</h1>\n{{$body}}\n  body\n{{/body}}\n{{$footer}}foot{{/footer}}\n",
        "middle": "{{<parent}}{{$title}}Middle {{name}}{{/title}}{{/parent}}",
        "recurse": "{{#list}}[{{a}}{{>item}}]{{/list}}",
        "dynamic": "dyn {{name}}",
        "wrap": "<w>\n  {{>lines}}\n</w>\n",
        "idx": "{{index()}}{{name}}",
        "text": "{{% CONTENT_TYPE: TEXT}}\n{{html}}",
        "blocks": "  {{$inner}}\n  inner default\n  {{/inner}}\n",
        "layout": "{{<parent}}{{$title}}Layout{{/title}}{{$body}}{{>blocks}}{{/body}}{{/parent}}",
        "crlf": "one\r\n{{name}}\r\n\n{{#flag}}\r{{/flag}}\nend",
    ]

    static let templates: [String] = [
        "Hello {{name}}! {{{html}}} {{html}} {{&html}} {{num}} {{flag}} {{no}} {{missing}}|{{nested.x.y}}|{{nested.x.none}}|{{nested.q.y}}",
        "{{#list}}{{a}}{{name}},{{/list}}|{{^list}}none{{/list}}|{{#empty}}x{{/empty}}{{^empty}}empty{{.}}{{/empty}}",
        "{{#flag}}yes {{name}}{{/flag}}{{^flag}}no{{/flag}}|{{#no}}yes{{/no}}{{^no}}no{{/no}}|{{#missing}}m{{/missing}}{{^missing}}nm{{/missing}}",
        "{{#nested}}{{#x}}{{y}}-{{name}}{{/x}}{{/nested}}|{{#nested.x}}{{y}}{{/nested.x}}|{{.name}}|{{#nested}}{{.name}}{{/nested}}",
        "{{#strings}}<{{.}}>{{/strings}}|{{#name}}[{{.}}{{name}}]{{/name}}|{{#num}}{{.}}{{/num}}|{{#null}}n{{/null}}{{^null}}nn{{/null}}{{null}}",
        "{{#list}}{{#first()}}F{{/first()}}{{index()}}{{^last()}}, {{/last()}}{{#even()}}e{{/even()}}{{#odd()}}o{{/odd()}}{{/list}}{{first()}}",
        "{{uppercased(name)}} {{count(list)}} {{#reversed(strings)}}{{.}}{{/reversed(strings)}} {{#first(list)}}{{a}}{{/first(list)}} {{empty(empty)}} {{lowercased(nothing)}}",
        "{{! a comment }}a{{! another\nmultiline }}b\n  {{! standalone }}\nc\n",
        "{{=<% %>=}}<% name %> {{name}} <%={{ }}=%>{{name}}\n",
        "begin\n  {{>item}}\n{{>item}}x\n  {{>lines}}\nend\n",
        "{{#list}}\n  {{>lines}}\n{{/list}}\n",
        "{{<parent}}{{$title}}Title {{name}}{{/title}}{{/parent}}\n",
        "{{<parent}}\n{{$body}}\n  Custom {{name}}\n{{/body}}\n{{/parent}}\n",
        "{{<middle}}{{$footer}}F{{/footer}}{{/middle}}",
        "  {{<parent}}\n  {{$body}}\n    indented\n  {{/body}}\n  {{/parent}}\n",
        "{{$title}}no parent{{/title}}",
        "{{>recurse}}|{{>*partialName}}|{{>*missing}}|{{>*num}}",
        "line\r\n{{#flag}}\r\nin\r\n{{/flag}}\r\n  {{>item}}\r\n",
        "  {{#flag}}\n  indented section\n  {{/flag}}\n\t{{^no}}\n\ttab\n\t{{/no}}\n",
        "{{% CONTENT_TYPE: TEXT}}\n{{html}} {{>item}}",
        "{{#list}}{{#list}}{{a}}{{/list}};{{/list}}",
        "{{#list}}{{>item}}{{/list}}",
        "{{list}} {{nested}} {{strings}}",
        "x\n  {{>wrap}}\n    {{>wrap}}y\n",
        "{{<middle}}{{$title}}Outer{{/title}}{{/middle}}|{{<layout}}{{$inner}}over {{name}}{{/inner}}{{/layout}}",
        "  {{<layout}}\n  {{$inner}}\n    ov\n  {{/inner}}\n  {{/layout}}\n",
        "{{#list}}{{#flag}}{{index()}}{{/flag}}{{#nested}}[{{index()}}]{{/nested}}{{^no}}{{last()}}{{/no}}{{>idx}}{{/list}}",
        "{{>text}}{{html}}{{#flag}}{{>text}}{{html}}{{/flag}}",
        "{{ name }} {{& html }} {{{ html }}} {{# flag }}f{{/ flag }} {{#list}}{{! c }}{{=| |=}}|a||={{ }}=|{{/list}}",
        "{{#matrix}}({{#.}}{{.}}{{/.}}){{/matrix}} {{double}} {{#sorted(strings)}}{{.}}{{/sorted(strings)}} {{#enumerated(nested)}}{{key}}{{/enumerated(nested)}}",
        "{{#list}}{{#a}}{{.}}{{/a}}{{^name}}-{{/name}}{{/list}} {{count(empty)}} {{#empty(empty)}}E{{/empty(empty)}}",
        "a\n{{#flag}}\n  {{#list}}\n  {{a}}\n  {{/list}}\n{{/flag}}\n{{^flag}}\nnever\n{{/flag}}\nb",
        "  {{>crlf}}\r\n{{#list}}\n    {{>crlf}}\n{{/list}}\n\t{{>crlf}}",
    ]

    nonisolated(unsafe) static let data: [String: Any] = [
        "name": "Chris", "html": "<b>&\"'</b>", "num": 3, "flag": true, "no": false,
        "list": [["a": 1, "name": "one"], ["a": 2], ["a": 3]] as [Any], "empty": [Any](), "strings": ["x", "y", "z"],
        "nested": ["x": ["y": "deep"]], "null": NSNull(), "partialName": "dynamic",
        "matrix": [[1, 2], [3]], "double": 2.5,
    ]

    /// Both engines over the same parsed templates.
    static func both(_ text: String, root: (TemplateSet) -> (String, String)) throws -> (String, String) {
        var sources = partials
        sources["base"] = "b"
        sources["briefing"] = "b"
        sources["story"] = text
        let set = try TemplateSet(sources: sources)
        #expect(set.compiled != nil)
        return root(set)
    }

    @Test(arguments: templates)
    func dictionaryDataRendersAlike(template: String) throws {
        let (compiled, library) = try Self.both(template) { set in
            (set.compiled!["story"]!.render(rootValue: Self.data, library: set.compiled!), set.render("story", Self.data as Any))
        }
        #expect(compiled == library)
        #expect(!compiled.isEmpty)
    }

    @Test(arguments: templates + [
        "{{#story}}{{title}} {{outletCountLabel}}{{#outlets}}<{{name}}{{#isLinked}} {{outletHref}}{{/isLinked}}>{{/outlets}}{{/story}}",
        "{{#shared}}{{text}}:{{#outlets}}{{slug}}{{outletHref}}{{^last()}},{{/last()}}{{/outlets}};{{/shared}}{{^only}}no only{{/only}}",
        "{{#quotes}}{{speaker}}{{#variants}}{{#diffHTML}}{{{.}}}{{/diffHTML}}{{^diffHTML}}{{text}}{{/diffHTML}}{{/variants}}{{/quotes}}",
        "{{#story.lastReported}}{{iso}} {{text}}{{/story.lastReported}}{{^story.lastReported}}one moment{{/story.lastReported}}",
        "{{#plainArticle}}{{title}}{{/plainArticle}}{{^plainArticle}}not plain{{/plainArticle}}|{{story.days}}",
        "{{#articles}}{{anchor}} {{outlet.name}} {{byline}}{{#byline}}[{{byline}}]{{/byline}} {{time.text}}{{/articles}}",
        "{{#headlines}}{{title}}{{#story}}{{id}}{{/story}}{{outlet}}{{/headlines}}|{{story}}",
        "{{site.title}} {{site.params.motto}} {{#site.params}}{{motto}}{{name}}{{/site.params}} {{root}} {{siteNav.archive}} {{chrome.root}}",
        "{{count(shared)}} {{#first(articles)}}{{title}}{{/first(articles)}} {{#reversed(story.days)}}{{label}}{{/reversed(story.days)}} {{count(site.params)}}",
        "{{#shared}}{{#outlets}}{{#story.outlets}}{{outletHref}}{{/story.outlets}}{{/outlets}}{{/shared}}",
        "{{.}}",
    ])
    func viewDataRendersAlike(template: String) throws {
        let config = SiteConfig(title: "Site <T>", params: ["motto": "Read & compare"])
        let input = StoryPageInput(story: Fixtures.story, comparison: Fixtures.comparison, rootPath: "../../")
        let view = StoryPageView(input, site: SiteView(config), config: config)
        let (compiled, library) = try Self.both(template) { set in
            (set.render("story", view), set.render("story", TemplateRoot(view) as Any))
        }
        #expect(compiled == library)
    }

    @Test func realTemplatesRenderAlike() throws {
        let templates = try TemplateSet(directory: Fixtures.templatesURL)
        #expect(templates.compiled != nil)
        let config = SiteConfig(title: "Site", baseURL: "https://news.example/")
        for (story, comparison) in [(Fixtures.story, Fixtures.comparison), (Fixtures.single, Fixtures.singleComparison)] {
            let view = StoryPageView(StoryPageInput(story: story, comparison: comparison, rootPath: "../../"), site: SiteView(config), config: config)
            #expect(templates.render("story", view) == templates.render("story", TemplateRoot(view) as Any))
        }
    }
}
