import Mustache

/// A template swift-mustache parsed, as a tree this target renders itself (`CompiledTemplate+Render`).
///
/// swift-mustache keeps its tokens internal; they are read here through `Mirror`, once per
/// template, so the parse (whitespace rules, delimiters, inheritance, errors) stays the library's
/// own. Names are split at dots once instead of at every lookup. Should the library's tokens ever
/// not read as expected, `init` fails and the library renders instead.
final class CompiledTemplate: @unchecked Sendable {
    /// A name as written and split at its dots. A class, as tokens are copied while rendering.
    final class Name {
        let text: String
        let parts: [String]
        let transforms: [String]

        init(_ text: String, transforms: [String] = []) {
            self.text = text
            parts = text.split(separator: ".").map(String.init)
            self.transforms = transforms
        }
    }

    enum Token {
        case text(String)
        case variable(Name)
        case unescapedVariable(Name)
        case section(Name, CompiledTemplate)
        case invertedSection(Name, CompiledTemplate)
        case blockExpansion(String, default: CompiledTemplate, indentation: String?)
        case partial(String, indentation: String?, inherits: [String: CompiledTemplate]?)
        case dynamicNamePartial(Name, indentation: String?, inherits: [String: CompiledTemplate]?)
        /// nil for HTML escaping (swift-mustache's default, and `FastHTMLContentType`, which escapes the same).
        case contentType((any MustacheContentType)?)
        /// Only inside `inherits`; never rendered.
        case blockDefinition
    }

    let tokens: [Token]

    init?(_ template: MustacheTemplate) {
        guard let tokens = Mirror(reflecting: template).children.first(where: { $0.label == "tokens" })?.value as? [Any] else {
            return nil
        }
        var compiled: [Token] = []
        for token in tokens {
            guard let token = Self.token(token) else { return nil }
            compiled.append(token)
        }
        self.tokens = compiled
    }

    private static func token(_ token: Any) -> Token? {
        guard let (kind, payload) = Mirror(reflecting: token).children.first.map({ ($0.label, $0.value) }) else { return nil }
        // Payload tuples are read by position: their labels are the library's to rename.
        let fields = Mirror(reflecting: payload).children.map(\.value)
        func string(_ index: Int) -> String? { index < fields.count ? fields[index] as? String : nil }
        func optionalString(_ index: Int) -> String?? {
            guard index < fields.count, let value = fields[index] as? String? else { return nil }
            return .some(value)
        }
        func strings(_ index: Int) -> [String]? { index < fields.count ? fields[index] as? [String] : nil }
        func template(_ index: Int) -> CompiledTemplate? {
            (index < fields.count ? fields[index] as? MustacheTemplate : nil).flatMap(CompiledTemplate.init)
        }
        func inherits(_ index: Int) -> [String: CompiledTemplate]?? {
            guard index < fields.count, let value = fields[index] as? [String: MustacheTemplate]? else { return nil }
            guard let value else { return .some(nil) }
            var compiled: [String: CompiledTemplate] = [:]
            for (name, template) in value {
                guard let template = CompiledTemplate(template) else { return nil }
                compiled[name] = template
            }
            return .some(compiled)
        }
        switch kind {
        case "text":
            return (payload as? String).map(Token.text)
        case "variable", "unescapedVariable":
            guard fields.count == 2, let name = string(0), let transforms = strings(1) else { return nil }
            let parsed = Name(name, transforms: transforms)
            return kind == "variable" ? .variable(parsed) : .unescapedVariable(parsed)
        case "section", "invertedSection":
            guard fields.count == 3, let name = string(0), let transforms = strings(1), let body = template(2) else { return nil }
            let parsed = Name(name, transforms: transforms)
            return kind == "section" ? .section(parsed, body) : .invertedSection(parsed, body)
        case "blockExpansion":
            guard fields.count == 3, let name = string(0), let body = template(1), let indentation = optionalString(2) else { return nil }
            return .blockExpansion(name, default: body, indentation: indentation)
        case "partial", "dynamicNamePartial":
            guard fields.count == 3, let name = string(0), let indentation = optionalString(1), let inherits = inherits(2) else { return nil }
            return kind == "partial"
                ? .partial(name, indentation: indentation, inherits: inherits)
                : .dynamicNamePartial(Name(name), indentation: indentation, inherits: inherits)
        case "contentType":
            guard let type = payload as? any MustacheContentType else { return nil }
            let html = type is FastHTMLContentType || String(describing: Swift.type(of: type)) == "HTMLContentType"
            return .contentType(html ? nil : type)
        case "blockDefinition":
            return .blockDefinition
        default:
            return nil
        }
    }
}
