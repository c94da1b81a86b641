import Mustache

// Rendering follows swift-mustache's `Template+Render.swift` step by step, with the same
// context rules; it appends to one string and pushes onto one stack instead of copying both for
// every section. Lambdas are not called: no value a view holds is one, or transforms one.
extension CompiledTemplate {
    /// What swift-mustache's `MustacheContext` carries besides the stack.
    struct Frame {
        var sequence: SequencePosition?
        var indentation: String?
        var inherited: [String: CompiledTemplate]?
        /// nil: HTML.
        var contentType: (any MustacheContentType)?

        func escape(_ text: String) -> String { contentType.map { $0.escapeText(text) } ?? HTMLText.escape(text) }

        /// For a section's value pushed on the stack.
        var pushed: Frame { Frame(indentation: indentation, inherited: inherited, contentType: contentType) }

        func partial(indented: String?, inheriting: [String: CompiledTemplate]?) -> Frame {
            var inherits = inherited
            if let inheriting { inherits = inherited.map { $0.merging(inheriting) { value, _ in value } } ?? inheriting }
            return Frame(indentation: indent(indented), inherited: inherits, contentType: nil)
        }

        func blockExpansion(indented: String?) -> Frame {
            Frame(indentation: indent(indented), inherited: inherited, contentType: contentType)
        }

        private func indent(_ indented: String?) -> String? { indented.map { (indentation ?? "") + $0 } ?? indentation }
    }

    struct Renderer {
        let library: [String: CompiledTemplate]
        var stack: [TemplateScope]

        mutating func render(_ template: CompiledTemplate, _ frame: Frame, into out: inout String) {
            var frame = frame
            guard let indentation = frame.indentation, !indentation.isEmpty else {
                for token in template.tokens { render(token, &frame, into: &out) }
                return
            }
            // Indented (a standalone partial or block): each token's output that starts a line is indented.
            var string = ""
            for token in template.tokens {
                var rendered = ""
                render(token, &frame, into: &rendered)
                if !rendered.isEmpty, string.last == "\n" { string += indentation }
                string += rendered
            }
            out += string
        }

        private mutating func render(_ token: Token, _ frame: inout Frame, into out: inout String) {
            switch token {
            case .text(let text):
                out += text
            case .variable(let name):
                guard let child = resolve(name, frame) else { return }
                if case .any(let value) = child {
                    if let renderable = value as? MustacheCustomRenderable { out += frame.escape(renderable.renderText); return }
                    if let template = value as? MustacheTemplate, let compiled = CompiledTemplate(template) {
                        render(compiled, frame, into: &out)
                        return
                    }
                }
                out += frame.escape(Self.text(child))
            case .unescapedVariable(let name):
                guard let child = resolve(name, frame) else { return }
                if case .any(let value) = child, let renderable = value as? MustacheCustomRenderable { out += renderable.renderText; return }
                out += Self.text(child)
            case .section(let name, let body):
                section(resolve(name, frame), body, frame, into: &out)
            case .invertedSection(let name, let body):
                invertedSection(resolve(name, frame), body, frame, into: &out)
            case .blockExpansion(let name, let defaultBody, let indentation):
                render(frame.inherited?[name] ?? defaultBody, frame.blockExpansion(indented: indentation), into: &out)
            case .partial(let name, let indentation, let inherits):
                guard let template = library[name] else { return }
                render(template, frame.partial(indented: indentation, inheriting: inherits), into: &out)
            case .dynamicNamePartial(let name, let indentation, let inherits):
                guard let childName = resolve(name, frame)?.boxed as? String, let template = library[childName] else { return }
                render(template, frame.partial(indented: indentation, inheriting: inherits), into: &out)
            case .contentType(let contentType):
                frame.contentType = contentType
            case .blockDefinition:
                break
            }
        }

        /// How swift-mustache prints a value: `String(describing:)` of it, an optional's of what it holds.
        private static func text(_ value: TemplateScope) -> String {
            switch value {
            case .field(let field, let address):
                switch field.access {
                case .string: return address.load(as: String.self)
                case .optionalString: return address.load(as: String?.self)!
                case .bool: return address.load(as: Bool.self) ? "true" : "false"
                case .int: return String(address.load(as: Int.self))
                default: return String(describing: value.boxed)
                }
            case .view, .any:
                let boxed = value.boxed
                return String(describing: (boxed as? AnyOptionalValue)?.wrappedAny ?? boxed)
            }
        }

        private mutating func section(_ child: TemplateScope?, _ body: CompiledTemplate, _ frame: Frame, into out: inout String) {
            switch child {
            case nil:
                return
            case .field(let field, let address)?:
                switch field.access {
                case .bool:
                    if address.load(as: Bool.self) { render(body, frame, into: &out) }
                case .views(let fields, let elements):
                    let (base, count) = elements(address)
                    guard let base else { return }
                    var item = frame.pushed
                    for index in 0..<count {
                        item.sequence = SequencePosition(first: index == 0, last: index == count - 1, index: index)
                        push(.view(base + index * fields.stride, fields), body, item, into: &out)
                    }
                default:
                    push(child!, body, frame.pushed, into: &out)
                }
            case .view?:
                push(child!, body, frame.pushed, into: &out)
            case .any(let value)?:
                if let sequence = value as? any MustacheSequence {
                    each(sequence, body, frame, into: &out)
                } else if let bool = value as? Bool {
                    if bool { render(body, frame, into: &out) }
                } else if let null = value as? MustacheCustomRenderable, null.isNull {
                    return
                } else {
                    push(child!, body, frame.pushed, into: &out)
                }
            }
        }

        private mutating func invertedSection(_ child: TemplateScope?, _ body: CompiledTemplate, _ frame: Frame, into out: inout String) {
            switch child {
            case nil:
                render(body, frame, into: &out)
            case .field(let field, let address)?:
                switch field.access {
                case .bool:
                    if !address.load(as: Bool.self) { render(body, frame, into: &out) }
                case .views(_, let elements):
                    // An empty list is pushed, as swift-mustache does.
                    if elements(address).1 == 0 { push(.any(child!.boxed), body, frame.pushed, into: &out) }
                default:
                    return
                }
            case .view?:
                return
            case .any(let value)?:
                if let sequence = value as? any MustacheSequence {
                    if Self.isEmpty(sequence) { push(child!, body, frame.pushed, into: &out) }
                } else if let bool = value as? Bool {
                    if !bool { render(body, frame, into: &out) }
                } else if let null = value as? MustacheCustomRenderable, null.isNull {
                    render(body, frame, into: &out)
                }
            }
        }

        private mutating func push(_ value: TemplateScope, _ body: CompiledTemplate, _ frame: Frame, into out: inout String) {
            stack.append(value)
            render(body, frame, into: &out)
            stack.removeLast()
        }

        private mutating func each<Items: MustacheSequence>(_ items: Items, _ body: CompiledTemplate, _ frame: Frame, into out: inout String) {
            var iterator = items.makeIterator()
            guard var current = iterator.next() else { return }
            var item = frame.pushed
            item.sequence = SequencePosition(first: true, last: false, index: 0)
            while let next = iterator.next() {
                push(.any(current), body, item, into: &out)
                current = next
                item.sequence!.first = false
                item.sequence!.index += 1
            }
            item.sequence!.last = true
            push(.any(current), body, item, into: &out)
        }

        private static func isEmpty<Items: MustacheSequence>(_ items: Items) -> Bool {
            var iterator = items.makeIterator()
            return iterator.next() == nil
        }
    }

    /// Renders this template with `view` as the root object and `library` for partials.
    func render<View: TemplateValue>(_ view: View, library: [String: CompiledTemplate]) -> String {
        withUnsafePointer(to: view) { render(root: .view(UnsafeRawPointer($0), View.viewFields), library: library) }
    }

    func render(root: TemplateScope, library: [String: CompiledTemplate]) -> String {
        var renderer = Renderer(library: library, stack: [root])
        var out = ""
        renderer.render(self, Frame(), into: &out)
        return out
    }
}
