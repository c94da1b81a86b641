import BriefingCore
import Foundation
import Testing
@testable import Rendering

@Suite struct TemplateSetTests {
    /// A temp folder holding minimal valid templates plus `extra` files.
    func folder(_ extra: [String: String], dropping: String? = nil) throws -> URL {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("briefing-templates-\(UUID().uuidString)")
            .appendingPathComponent("templates")
        var files = ["base.mustache": "<html>{{$content}}{{/content}}</html>\n",
                     "briefing.mustache": "{{<base}}{{$content}}day{{/content}}{{/base}}\n",
                     "story.mustache": "{{<base}}{{$content}}story{{/content}}{{/base}}\n"]
        files.merge(extra) { _, new in new }
        if let dropping { files[dropping] = nil }
        for (name, text) in files {
            let url = dir.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return dir
    }

    func diagnostic(loading dir: URL) -> Diagnostic? {
        do { _ = try TemplateSet(directory: dir); return nil } catch { return error }
    }

    @Test func loadsTheRealTemplates() throws {
        let set = try TemplateSet(directory: Fixtures.templatesURL)
        for name in ["base", "briefing", "story", "partials/outlet-badges", "partials/story-card", "partials/claim", "partials/nav"] {
            #expect(set.names.contains(name))
        }
        #expect(!set.names.contains { $0.hasPrefix("static/") })
    }

    @Test func syntaxErrorPointsAtFileLineAndColumn() throws {
        let dir = try folder(["partials/card.mustache": "<p>\n  {{#items}}\n  {{name}}\n{{/item}}\n"])
        let error = diagnostic(loading: dir)
        #expect(error?.location.path == "templates/partials/card.mustache")
        #expect(error?.location.line == 4)
        #expect(error?.location.column == 4)
        #expect(error?.description.hasPrefix("templates/partials/card.mustache:4:4: error: closing tag") == true)
    }

    @Test func unclosedSectionIsReported() throws {
        let dir = try folder(["story.mustache": "line one\n{{#open}}\nnever closed\n"])
        let error = diagnostic(loading: dir)
        #expect(error?.location.path == "templates/story.mustache")
        #expect(error?.message.contains("unclosed section") == true)
    }

    @Test func missingTemplateIsNamed() throws {
        let dir = try folder([:], dropping: "story.mustache")
        let error = diagnostic(loading: dir)
        #expect(error?.location.path == "templates/story.mustache")
        #expect(error?.message.contains("story.mustache") == true)
    }

    @Test func unknownPartialIsReported() throws {
        let dir = try folder(["briefing.mustache": "{{<base}}{{$content}}\n{{/content}}{{/base}}\n<p>\n  {{> partials/missing }}\n"])
        let error = diagnostic(loading: dir)
        #expect(error?.location == SourceLocation(path: "templates/briefing.mustache", line: 4, column: 3))
        #expect(error?.message.contains("partials/missing") == true)
    }

    @Test func missingFolderIsReported() {
        let error = diagnostic(loading: URL(fileURLWithPath: "/nonexistent/templates"))
        #expect(error?.message.contains("not found") == true)
    }
}
