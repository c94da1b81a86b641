import BriefingCore
import Foundation
import Mustache

/// The site's Mustache templates, read from `templates/` and parsed once.
///
/// Every `*.mustache` file below the folder is registered under its path without the extension,
/// so `templates/partials/claim.mustache` is the partial `{{> partials/claim}}` and `base.mustache`
/// is the layout `{{< base}}`. The `static/` folder holds assets, not templates, and is skipped.
public struct TemplateSet: Sendable {
    /// Templates a site cannot render without.
    public static let required = ["base", "briefing", "story"]

    /// Registered template names, sorted ("base", "briefing", "partials/claim", ...).
    public let names: [String]
    let library: MustacheLibrary
    /// The same templates as `library`, for `CompiledTemplate` to render; nil (and `library`
    /// renders) should swift-mustache's tokens not read as expected.
    let compiled: [String: CompiledTemplate]?

    /// Loads and parses every template under `directory`.
    /// - Throws: a `Diagnostic` at `templates/<file>:line:col` for a syntax error or a reference to
    ///   an unknown partial, or naming the file when a required template is missing or unreadable.
    public init(directory: URL) throws(Diagnostic) {
        let sources = try TemplateSet.readSources(in: directory)
        try self.init(sources: sources, displayPrefix: directory.lastPathComponent)
    }

    /// Parses templates given as `name -> text`; `displayPrefix` names their folder in diagnostics.
    init(sources: [String: String], displayPrefix: String = "templates") throws(Diagnostic) {
        let display = { (name: String) in "\(displayPrefix)/\(name).mustache" }
        for name in Self.required where sources[name] == nil {
            throw .error(SourceLocation(path: display(name)), "missing required template '\(name).mustache'")
        }
        // Parsed once, for rendering with the fast escaper, on both cores: the parser was the
        // whole of the templates stage. The pragma line is standalone, so it adds no token
        // besides the content type; a template that fails is parsed again as written, for the
        // line and column of its error.
        let names = sources.keys.sorted()
        let parsed = Parallel.map(names) { name in
            Result { () throws -> MustacheTemplate in try MustacheTemplate(string: FastHTMLContentType.pragma + sources[name]!) }
        }
        var rendered: [String: MustacheTemplate] = [:]
        for (name, result) in zip(names, parsed) {
            switch result {
            case .success(let template):
                rendered[name] = template
            case .failure(let failure):
                do {
                    _ = try MustacheTemplate(string: sources[name]!)
                } catch let error as MustacheTemplate.ParserError {
                    let location = SourceLocation(
                        path: display(name), line: error.context.lineNumber, column: error.context.columnNumber)
                    throw .error(location, Self.describe(error.error))
                } catch {
                    throw .error(SourceLocation(path: display(name)), "cannot parse template: \(error)")
                }
                throw .error(SourceLocation(path: display(name)), "cannot parse template: \(failure)")
            }
        }
        // Mustache renders an unknown partial as nothing; catch the typo here instead.
        for name in names {
            for reference in TemplateReference.scan(sources[name]!) where rendered[reference.name] == nil {
                let location = SourceLocation(path: display(name), line: reference.line, column: reference.column)
                throw .error(location, "unknown template '\(reference.name)' (known: \(names.joined(separator: ", ")))")
            }
        }
        self.names = names
        library = MustacheLibrary(templates: rendered)
        compiled = Self.compile(rendered)
    }

    static func compile(_ templates: [String: MustacheTemplate]) -> [String: CompiledTemplate]? {
        var compiled: [String: CompiledTemplate] = [:]
        for (name, template) in templates {
            guard let template = CompiledTemplate(template) else { return nil }
            compiled[name] = template
        }
        return compiled
    }

    /// Renders the template `name` with `context` as the root object.
    func render(_ name: String, _ context: Any) -> String {
        library.render(context, withTemplate: name) ?? ""
    }

    /// Renders the template `name` with the view model `view` as the root object.
    func render<View: TemplateValue>(_ name: String, _ view: View) -> String {
        String(decoding: renderUTF8(name, view), as: UTF8.self)
    }

    /// `render` as UTF-8 bytes, for pages written straight to disk.
    func renderUTF8<View: TemplateValue>(_ name: String, _ view: View) -> [UInt8] {
        guard let compiled, let template = compiled[name] else { return Array(render(name, TemplateRoot(view) as Any).utf8) }
        return template.renderUTF8(view, library: compiled)
    }

    /// Reads `*.mustache` files below `directory` (not under `static/`), keyed by name.
    static func readSources(in directory: URL) throws(Diagnostic) -> [String: String] {
        let folder = directory.lastPathComponent
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .error(SourceLocation(path: folder), "template folder not found at \(directory.path)")
        }
        let base = directory.standardizedFileURL.resolvingSymlinksInPath().path
        guard let enumerator = FileManager.default.enumerator(atPath: base) else {
            throw .error(SourceLocation(path: folder), "cannot list template folder \(directory.path)")
        }
        var sources: [String: String] = [:]
        for case let relative as String in enumerator {
            guard relative.hasSuffix(".mustache"), !relative.hasPrefix("static/") else { continue }
            guard let data = FileManager.default.contents(atPath: base + "/" + relative) else {
                throw .error(SourceLocation(path: "\(folder)/\(relative)"), "cannot read template")
            }
            sources[String(relative.dropLast(".mustache".count))] = String(decoding: data, as: UTF8.self)
        }
        return sources
    }

    static func describe(_ error: any Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "template syntax error: \(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "closing tag does not match the open section"
        case .unfinishedName: return "unfinished tag: expected a name followed by '}}'"
        case .expectedSectionEnd: return "unclosed section: missing its {{/name}} tag"
        case .invalidSetDelimiter: return "invalid set-delimiter tag"
        case .transformAppliedToInheritanceSection: return "a block {{$name}} cannot take a transform"
        case .illegalTokenInsideInheritSection: return "only {{$block}} definitions may appear inside {{<parent}}"
        case .textInsideInheritSection: return "text is not allowed inside {{<parent}}"
        case .invalidConfigVariableSyntax: return "invalid pragma: expected {{% NAME: value}}"
        case .unrecognisedConfigVariable: return "unknown pragma or content type"
        }
    }
}

/// `{{x}}` escaping through `HTMLText.escape`: the default HTML escaper's exact output, on bytes.
struct FastHTMLContentType: MustacheContentType {
    /// Put before a template's text so its `{{x}}` tags use this type. Registers the type on first use.
    static let pragma: String = {
        let name = "BRIEFING_HTML"
        MustacheContentTypes.register(FastHTMLContentType(), named: name)
        return "{{% CONTENT_TYPE: \(name)}}\n"
    }()

    func escapeText(_ text: String) -> String { HTMLText.escape(text) }
}
