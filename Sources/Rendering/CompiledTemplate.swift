import Mustache
import Synchronization

/// A template swift-mustache parsed, as a tree this target renders itself (`CompiledTemplate+Render`).
///
/// swift-mustache keeps its tokens internal; they are read here through `Mirror`, once per
/// template, so the parse (whitespace rules, delimiters, inheritance, errors) stays the library's
/// own. Names are split at dots and numbered once instead of at every lookup. Should the library's
/// tokens ever not read as expected, `init` fails and the library renders instead.
final class CompiledTemplate: @unchecked Sendable {
    /// A name as written, split at its dots.
    final class Name {
        /// How the name is looked up (`resolve`), settled here rather than at every lookup.
        enum Kind: UInt8 {
            /// `.`: the top of the stack.
            case top
            /// No name, only transforms (`{{first()}}`): the list position.
            case sequencePosition
            /// `.a.b`: looked for in the top of the stack only.
            case inTop
            /// `a.b`: `a` looked for from the top down.
            case search
        }

        let text: String
        let parts: [String]
        let transforms: [String]
        let kind: Kind
        /// `parts` as `TemplateSymbols`.
        fileprivate let symbols: UnsafeMutableBufferPointer<Int>

        init(_ text: String, transforms: [String] = []) {
            self.text = text
            parts = text.split(separator: ".").map(String.init)
            symbols = .allocate(capacity: parts.count)
            _ = symbols.initialize(from: parts.map(TemplateSymbols.symbol))
            self.transforms = transforms
            kind = if text == "." {
                .top
            } else if text.isEmpty, !transforms.isEmpty {
                .sequencePosition
            } else if text.first == "." {
                .inTop
            } else if !parts.isEmpty {
                .search
            } else {
                .top
            }
        }

        deinit { symbols.deallocate() }
    }

    /// What rendering reads of a `Name` on every lookup, without touching the object.
    struct NameRef {
        let kind: Name.Kind
        let hasTransforms: Bool
        /// The symbols of the parts.
        let symbols: UnsafeBufferPointer<Int>
        /// For the rest: part strings (looked up in non-view values) and transforms.
        let name: Unowned<Name>

        init(_ name: Name) {
            kind = name.kind
            hasTransforms = !name.transforms.isEmpty
            symbols = UnsafeBufferPointer(name.symbols)
            self.name = Unowned(name)
        }
    }

    /// A `{{>partial}}`.
    final class Partial {
        let name: String
        let indentation: Indentation?
        let inherits: Inheritance?

        init(_ name: String, indentation: String?, inherits: [String: CompiledTemplate]?) {
            self.name = name
            self.indentation = indentation.map(Indentation.init)
            self.inherits = inherits.map(Inheritance.init)
        }
    }

    /// A `{{$block}}` in a parent template.
    final class Block {
        let name: String
        let defaultBody: CompiledTemplate
        let indentation: Indentation?

        init(_ name: String, defaultBody: CompiledTemplate, indentation: String?) {
            self.name = name
            self.defaultBody = defaultBody
            self.indentation = indentation.map(Indentation.init)
        }
    }

    /// Text put before each line of a standalone partial or block.
    final class Indentation: @unchecked Sendable {
        let text: String
        /// This indentation inside others (`inside`), by the outer one.
        private let nested = Mutex<[(outer: ObjectIdentifier, composed: Indentation)]>([])

        init(_ text: String) { self.text = text }

        /// `outer`'s text then this one's. Made once per pair for every render (a partial in a
        /// loop asks for it every time round): both are a template's, or made here and kept by
        /// it, so they live as long as this one and their identities stay theirs.
        func inside(_ outer: Indentation) -> Indentation {
            let key = ObjectIdentifier(outer)
            return nested.withLock { nested in
                if let known = nested.first(where: { $0.outer == key }) { return known.composed }
                let composed = Indentation(outer.text + text)
                nested.append((key, composed))
                return composed
            }
        }
    }

    /// Blocks a `{{<parent}}` overrides, by name.
    final class Inheritance {
        let blocks: [String: CompiledTemplate]
        init(_ blocks: [String: CompiledTemplate]) { self.blocks = blocks }
    }

    /// A content type pragma; nil for HTML escaping (swift-mustache's default, and
    /// `FastHTMLContentType`, which escapes the same).
    final class ContentType {
        let type: (any MustacheContentType)?
        init(_ type: (any MustacheContentType)?) { self.type = type }
    }

    /// Tokens hold no counted references, so copying one costs nothing: what they point to is
    /// owned by the template (`Owner`).
    enum Token {
        /// UTF-8 of the text.
        case text(UnsafeBufferPointer<UInt8>)
        case variable(NameRef)
        case unescapedVariable(NameRef)
        /// The name and the body's tokens.
        case section(NameRef, UnsafeBufferPointer<Token>)
        case invertedSection(NameRef, UnsafeBufferPointer<Token>)
        case blockExpansion(Unowned<Block>)
        case partial(Unowned<Partial>)
        case dynamicNamePartial(NameRef, Unowned<Partial>)
        case contentType(Unowned<ContentType>)
        /// Only inside `inherits`; never rendered.
        case blockDefinition
    }

    /// What tokens point to, kept alive while the template is.
    private final class Owner {
        var objects: [AnyObject] = []
        var texts: [UnsafeMutableBufferPointer<UInt8>] = []

        func own<Object: AnyObject>(_ object: Object) -> Unowned<Object> {
            objects.append(object)
            return Unowned(object)
        }

        func name(_ text: String, transforms: [String] = []) -> NameRef {
            NameRef(own(Name(text, transforms: transforms)).object)
        }

        func text(_ string: String) -> UnsafeBufferPointer<UInt8> {
            let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: string.utf8.count)
            _ = buffer.initialize(from: string.utf8)
            texts.append(buffer)
            return UnsafeBufferPointer(buffer)
        }

        deinit { for text in texts { text.deallocate() } }
    }

    /// The template's tokens, in order.
    let tokens: UnsafeBufferPointer<Token>
    private let owner: Owner

    init?(_ template: MustacheTemplate) {
        guard let tokens = Mirror(reflecting: template).children.first(where: { $0.label == "tokens" })?.value as? [Any] else {
            return nil
        }
        let owner = Owner()
        var compiled: [Token] = []
        for token in tokens {
            guard let token = Self.token(token, owner) else { return nil }
            compiled.append(token)
        }
        let buffer = UnsafeMutableBufferPointer<Token>.allocate(capacity: compiled.count)
        _ = buffer.initialize(from: compiled)
        self.tokens = UnsafeBufferPointer(buffer)
        self.owner = owner
    }

    deinit { UnsafeMutableBufferPointer(mutating: tokens).deallocate() }

    private static func token(_ token: Any, _ owner: Owner) -> Token? {
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
            return (payload as? String).map { .text(owner.text($0)) }
        case "variable", "unescapedVariable":
            guard fields.count == 2, let name = string(0), let transforms = strings(1) else { return nil }
            let parsed = owner.name(name, transforms: transforms)
            return kind == "variable" ? .variable(parsed) : .unescapedVariable(parsed)
        case "section", "invertedSection":
            guard fields.count == 3, let name = string(0), let transforms = strings(1), let body = template(2) else { return nil }
            let parsed = owner.name(name, transforms: transforms)
            let tokens = owner.own(body).object.tokens
            return kind == "section" ? .section(parsed, tokens) : .invertedSection(parsed, tokens)
        case "blockExpansion":
            guard fields.count == 3, let name = string(0), let body = template(1), let indentation = optionalString(2) else { return nil }
            return .blockExpansion(owner.own(Block(name, defaultBody: body, indentation: indentation)))
        case "partial", "dynamicNamePartial":
            guard fields.count == 3, let name = string(0), let indentation = optionalString(1), let inherits = inherits(2) else { return nil }
            return kind == "partial"
                ? .partial(owner.own(Partial(name, indentation: indentation, inherits: inherits)))
                : .dynamicNamePartial(owner.name(name), owner.own(Partial(name, indentation: indentation, inherits: inherits)))
        case "contentType":
            guard let type = payload as? any MustacheContentType else { return nil }
            let html = type is FastHTMLContentType || String(describing: Swift.type(of: type)) == "HTMLContentType"
            return .contentType(owner.own(ContentType(html ? nil : type)))
        case "blockDefinition":
            return .blockDefinition
        default:
            return nil
        }
    }
}
