import Mustache

extension CompiledTemplate {
    /// What swift-mustache's `MustacheContext` carries besides the stack. Copied for every section
    /// and partial, so it holds no counted references: what it points to is owned by a template
    /// or, when made while rendering, by the renderer (`Renderer.keeper`).
    struct Frame {
        var sequence: SequencePosition?
        var indentation: Unowned<Indentation>?
        var inherited: Unowned<Inheritance>?
        /// nil: HTML.
        var contentType: Unowned<ContentType>?

        /// Appends `text` escaped for the content type.
        func escape(_ text: String, into out: inout [UInt8]) {
            guard let contentType else { return HTMLText.appendEscaped(text, to: &out) }
            out.append(contentsOf: contentType.object.type!.escapeText(text).utf8)
        }

        /// For a section's value pushed on the stack.
        var pushed: Frame { Frame(indentation: indentation, inherited: inherited, contentType: contentType) }

        /// After a content type pragma; HTML is nil.
        mutating func set(_ contentType: Unowned<ContentType>) {
            self.contentType = contentType.object.type == nil ? nil : contentType
        }
    }
}

extension CompiledTemplate.Renderer {
    typealias Frame = CompiledTemplate.Frame

    /// The frame a partial renders in: indented further, blocks it overrides added (the outer
    /// overrides win), content type back to HTML.
    mutating func frame(_ frame: Frame, partial: CompiledTemplate.Partial) -> Frame {
        var inherits = frame.inherited
        if let inheriting = partial.inherits {
            if let outer = frame.inherited?.object.blocks {
                inherits = keep(CompiledTemplate.Inheritance(outer.merging(inheriting.blocks) { value, _ in value }))
            } else {
                inherits = Unowned(inheriting)
            }
        }
        return Frame(indentation: indent(frame, partial.indentation), inherited: inherits, contentType: nil)
    }

    mutating func frame(_ frame: Frame, block: CompiledTemplate.Block) -> Frame {
        Frame(indentation: indent(frame, block.indentation), inherited: frame.inherited, contentType: frame.contentType)
    }

    private func indent(_ frame: Frame, _ indented: CompiledTemplate.Indentation?) -> Unowned<CompiledTemplate.Indentation>? {
        guard let indented else { return frame.indentation }
        guard let outer = frame.indentation else { return Unowned(indented) }
        return Unowned(indented.inside(outer.object))
    }

    /// Keeps `object` alive for the rest of the render.
    private func keep<Object: AnyObject>(_ object: Object) -> Unowned<Object> { keeper.keep(object) }
}
