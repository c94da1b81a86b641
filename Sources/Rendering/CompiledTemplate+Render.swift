import Mustache

// Rendering follows swift-mustache's `Template+Render.swift` step by step, with the same
// context rules; it appends UTF-8 to one buffer and pushes onto one stack instead of copying both
// for every section. Lambdas are not called: no value a view holds is one, or transforms one.
extension CompiledTemplate {
    struct Renderer {
        let library: [String: CompiledTemplate]
        var stack: [TemplateScope]
        /// What frames and scopes made while rendering point to.
        let keeper = ValueKeeper()

        init(library: [String: CompiledTemplate]) {
            self.library = library
            stack = []
            stack.reserveCapacity(16)
        }

        mutating func render(_ tokens: UnsafeBufferPointer<Token>, _ frame: Frame, into out: inout [UInt8]) {
            var frame = frame
            guard let indentation = frame.indentation?.object.text, !indentation.isEmpty else {
                for token in tokens { render(token, &frame, into: &out) }
                return
            }
            // Indented (a standalone partial or block): each token's output that starts a line of
            // this template's output is indented. A line ends at "\n" but not "\r\n" (the last
            // `Character` of "a\r\n" is "\r\n").
            let start = out.count
            for token in tokens {
                let tokenStart = out.count
                render(token, &frame, into: &out)
                guard out.count > tokenStart, tokenStart > start, out[tokenStart - 1] == UInt8(ascii: "\n"),
                      tokenStart - 1 == start || out[tokenStart - 2] != UInt8(ascii: "\r")
                else { continue }
                out.insert(contentsOf: indentation.utf8, at: tokenStart)
            }
        }

        private mutating func render(_ token: Token, _ frame: inout Frame, into out: inout [UInt8]) {
            switch token {
            case .text(let text):
                out.append(contentsOf: text)
            case .variable(let name):
                guard let child = resolve(name, frame) else { return }
                switch child {
                case .field(let field, let address):
                    Self.append(field.object, at: address, escapedBy: frame, into: &out)
                    return
                case .any(let box):
                    let value = box.object.value
                    if let renderable = value as? MustacheCustomRenderable { frame.escape(renderable.renderText, into: &out); return }
                    if let template = value as? MustacheTemplate, let compiled = CompiledTemplate(template) {
                        withExtendedLifetime(compiled) { render(compiled.tokens, frame, into: &out) }
                        return
                    }
                case .view:
                    break
                }
                frame.escape(Self.text(child), into: &out)
            case .unescapedVariable(let name):
                guard let child = resolve(name, frame) else { return }
                if case .any(let box) = child, let renderable = box.object.value as? MustacheCustomRenderable {
                    out.append(contentsOf: renderable.renderText.utf8)
                    return
                }
                if case .field(let field, let address) = child {
                    Self.append(field.object, at: address, escapedBy: nil, into: &out)
                    return
                }
                out.append(contentsOf: Self.text(child).utf8)
            case .section(let name, let body):
                section(resolve(name, frame), body, frame, into: &out)
            case .invertedSection(let name, let body):
                invertedSection(resolve(name, frame), body, frame, into: &out)
            case .blockExpansion(let block):
                let block = block.object
                let body = frame.inherited?.object.blocks[block.name] ?? block.defaultBody
                render(body.tokens, self.frame(frame, block: block), into: &out)
            case .partial(let partial):
                let partial = partial.object
                guard let template = library[partial.name] else { return }
                render(template.tokens, self.frame(frame, partial: partial), into: &out)
            case .dynamicNamePartial(let name, let partial):
                let partial = partial.object
                guard let childName = resolve(name, frame)?.boxed as? String, let template = library[childName] else { return }
                render(template.tokens, self.frame(frame, partial: partial), into: &out)
            case .contentType(let contentType):
                frame.set(contentType)
            case .blockDefinition:
                break
            }
        }

        /// Appends a field's text read in place, escaped by `frame` (nil: not escaped). Strings
        /// are copied as bytes rather than as a `String`.
        private static func append(_ field: TemplateField, at address: UnsafeRawPointer, escapedBy frame: Frame?, into out: inout [UInt8]) {
            switch field.access {
            case .string:
                append(address.assumingMemoryBound(to: String.self).pointee, escapedBy: frame, into: &out)
            case .optionalString:
                append(address.assumingMemoryBound(to: String?.self).pointee!, escapedBy: frame, into: &out)
            default:
                let text = text(.field(Unowned(field), address))
                if let frame { frame.escape(text, into: &out) } else { out.append(contentsOf: text.utf8) }
            }
        }

        private static func append(_ text: String, escapedBy frame: Frame?, into out: inout [UInt8]) {
            if let frame { frame.escape(text, into: &out) } else { out.append(contentsOf: text.utf8) }
        }

        /// How swift-mustache prints a value: `String(describing:)` of it, an optional's of what it holds.
        private static func text(_ value: TemplateScope) -> String {
            switch value {
            case .field(let field, let address):
                switch field.object.access {
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

        private mutating func section(_ child: TemplateScope?, _ body: UnsafeBufferPointer<Token>, _ frame: Frame, into out: inout [UInt8]) {
            switch child {
            case nil:
                return
            case .field(let field, let address)?:
                switch field.object.access {
                case .bool:
                    if address.load(as: Bool.self) { render(body, frame, into: &out) }
                case .views(let fields, let elements):
                    let (base, count) = elements(address)
                    guard let base else { return }
                    var item = frame.pushed
                    let stride = fields.object.stride
                    for index in 0..<count {
                        item.sequence = SequencePosition(first: index == 0, last: index == count - 1, index: index)
                        push(.view(base + index * stride, fields), body, item, into: &out)
                    }
                default:
                    push(child!, body, frame.pushed, into: &out)
                }
            case .view?:
                push(child!, body, frame.pushed, into: &out)
            case .any(let box)?:
                let value = box.object.value
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

        private mutating func invertedSection(_ child: TemplateScope?, _ body: UnsafeBufferPointer<Token>, _ frame: Frame, into out: inout [UInt8]) {
            switch child {
            case nil:
                render(body, frame, into: &out)
            case .field(let field, let address)?:
                switch field.object.access {
                case .bool:
                    if !address.load(as: Bool.self) { render(body, frame, into: &out) }
                case .views(_, let elements):
                    // An empty list is pushed, as swift-mustache does.
                    if elements(address).1 == 0 { push(keeper.scope(child!.boxed), body, frame.pushed, into: &out) }
                default:
                    return
                }
            case .view?:
                return
            case .any(let box)?:
                let value = box.object.value
                if let sequence = value as? any MustacheSequence {
                    if Self.isEmpty(sequence) { push(child!, body, frame.pushed, into: &out) }
                } else if let bool = value as? Bool {
                    if !bool { render(body, frame, into: &out) }
                } else if let null = value as? MustacheCustomRenderable, null.isNull {
                    render(body, frame, into: &out)
                }
            }
        }

        private mutating func push(_ value: TemplateScope, _ body: UnsafeBufferPointer<Token>, _ frame: Frame, into out: inout [UInt8]) {
            stack.append(value)
            render(body, frame, into: &out)
            stack.removeLast()
        }

        private mutating func each<Items: MustacheSequence>(_ items: Items, _ body: UnsafeBufferPointer<Token>, _ frame: Frame, into out: inout [UInt8]) {
            var iterator = items.makeIterator()
            guard var current = iterator.next() else { return }
            var item = frame.pushed
            item.sequence = SequencePosition(first: true, last: false, index: 0)
            while let next = iterator.next() {
                push(keeper.scope(current), body, item, into: &out)
                current = next
                item.sequence!.first = false
                item.sequence!.index += 1
            }
            item.sequence!.last = true
            push(keeper.scope(current), body, item, into: &out)
        }

        private static func isEmpty<Items: MustacheSequence>(_ items: Items) -> Bool {
            var iterator = items.makeIterator()
            return iterator.next() == nil
        }
    }

    /// Renders this template with `view` as the root object and `library` for partials.
    func render<View: TemplateValue>(_ view: View, library: [String: CompiledTemplate]) -> String {
        String(decoding: renderUTF8(view, library: library), as: UTF8.self)
    }

    /// `render` as UTF-8: every piece appended is a whole string's or template text's bytes, so
    /// the output is valid UTF-8 as it is, without checking it again.
    func renderUTF8<View: TemplateValue>(_ view: View, library: [String: CompiledTemplate]) -> [UInt8] {
        withUnsafePointer(to: view) { renderUTF8(root: .view(UnsafeRawPointer($0), Unowned(View.viewFields)), library: library) }
    }

    /// Renders this template with any value as the root object, as swift-mustache would.
    func render(rootValue: Any, library: [String: CompiledTemplate]) -> String {
        var renderer = Renderer(library: library)
        renderer.stack = [renderer.keeper.scope(rootValue)]
        return String(decoding: renderer.render(tokens), as: UTF8.self)
    }

    func renderUTF8(root: TemplateScope, library: [String: CompiledTemplate]) -> [UInt8] {
        var renderer = Renderer(library: library)
        renderer.stack = [root]
        return renderer.render(tokens)
    }
}

extension CompiledTemplate.Renderer {
    /// Renders `tokens` from the stack as it is into a fresh buffer.
    mutating func render(_ tokens: UnsafeBufferPointer<CompiledTemplate.Token>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(Self.expectedSize)
        render(tokens, Frame(), into: &out)
        return out
    }

    /// About the size of a story page, so most pages grow the buffer once or not at all.
    private static let expectedSize = 16 * 1024
}
