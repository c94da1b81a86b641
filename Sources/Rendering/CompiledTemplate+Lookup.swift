import Mustache

/// A value while rendering: on the stack, or found for a name. Views and their usual field types
/// are read in place and typed; anything else is `Any`, handled as swift-mustache handles it.
/// It holds no counted reference, so the stack and lookups copy it as plain bytes: views and
/// fields are referred to unowned (their tables are statics of the view types), and an `Any`
/// is boxed and kept by the renderer (`ValueKeeper`).
enum TemplateScope {
    /// A view at an address.
    case view(UnsafeRawPointer, Unowned<ViewFields>)
    /// A present field that is not a view (string, bool, int, array of views), at its address.
    case field(Unowned<TemplateField>, UnsafeRawPointer)
    case any(Unowned<AnyBox>)

    /// The value as swift-mustache would hold it.
    var boxed: Any {
        switch self {
        case .view(let address, let fields): fields.object.box(address)
        case .field(let field, let address): field.object.read(address)!
        case .any(let box): box.object.value
        }
    }

    /// The field named by part `part` of `name`; nil when there is none or it is an empty
    /// optional: what swift-mustache's lookup in one object gives. Views find it by the part's symbol.
    func child(_ name: CompiledTemplate.NameRef, part: Int, keeper: ValueKeeper) -> TemplateScope? {
        switch self {
        case .view(let address, let fields):
            guard let field = fields.object.field(symbol: name.symbols[part]) else { return nil }
            return Self.value(field, at: address + field.object.offset, keeper: keeper)
        case .field:
            // A string, bool, int or array: no named children (a string's `MustacheParent` answers
            // nil, and the others' Mirror children have no labels).
            return nil
        case .any(let box):
            return Self.child(name.name.object.parts[part], of: box.object.value).map(keeper.scope)
        }
    }

    private static func value(_ field: Unowned<TemplateField>, at address: UnsafeRawPointer, keeper: ValueKeeper) -> TemplateScope? {
        switch field.object.access {
        case .string, .bool, .int, .views: .field(field, address)
        case .optionalString: address.load(as: String?.self) == nil ? nil : .field(field, address)
        case .view(let fields): .view(address, fields)
        case .optionalView(let fields, let isPresent): isPresent(address) ? .view(address, fields) : nil
        case .other: field.object.read(address).map(keeper.scope)
        }
    }

    /// swift-mustache's lookup of `name` in an object.
    private static func child(_ name: String, of object: Any) -> Any? {
        let object: Any? = if let custom = object as? MustacheCustomRepresentation { custom.representation } else { object }
        if let parent = object as? MustacheParent { return parent.child(named: name) }
        guard let object else { return nil }
        guard let matched = Mirror(reflecting: object).children.first(where: { $0.label == name }) else { return nil }
        let mirror = Mirror(reflecting: matched.value)
        guard mirror.displayStyle == .optional else { return matched.value }
        return mirror.children.first?.value
    }
}

extension CompiledTemplate.Renderer {
    /// The value `name` stands for, as swift-mustache's `getChild` finds it: `.` is the top of the
    /// stack, a leading dot looks in the top only, else the first part is looked for from the top
    /// down and the rest inside what was found; then transforms, innermost first.
    func resolve(_ name: CompiledTemplate.NameRef, _ frame: CompiledTemplate.Frame) -> TemplateScope? {
        var child: TemplateScope?
        switch name.kind {
        case .top:
            child = stack.last!
        case .sequencePosition:
            child = frame.sequence.map(keeper.scope)
        case .inTop:
            child = resolve(name, from: 0, in: stack.last!)
        case .search:
            child = nil
            var index = stack.count - 1
            while index >= 0 {
                if let found = stack[index].child(name, part: 0, keeper: keeper) {
                    child = name.symbols.count == 1 ? found : resolve(name, from: 1, in: found)
                    break
                }
                index -= 1
            }
        }
        if case .any(let box)? = child, let custom = box.object.value as? MustacheCustomRepresentation {
            child = custom.representation.map(keeper.scope)
        }
        guard var result = child else { return nil }
        guard name.hasTransforms else { return result }
        for transform in name.name.object.transforms.reversed() {
            guard let transformable = result.boxed as? MustacheTransformable, let transformed = transformable.transform(transform) else {
                return nil
            }
            result = keeper.scope(transformed)
        }
        return result
    }

    /// `name`'s parts from `start` on, looked up each inside the one before.
    private func resolve(_ name: CompiledTemplate.NameRef, from start: Int, in object: TemplateScope) -> TemplateScope? {
        var object = object
        for index in start..<name.symbols.count {
            guard let child = object.child(name, part: index, keeper: keeper) else { return nil }
            object = child
        }
        return object
    }
}

/// An `Any` while rendering, owned by the render's `ValueKeeper`.
final class AnyBox {
    let value: Any
    init(_ value: Any) { self.value = value }
}

/// What a render makes and refers to unowned (boxed values, frames' inheritances and
/// indentations), kept alive until the render ends.
final class ValueKeeper {
    private var objects: [AnyObject] = []

    func keep<Object: AnyObject>(_ object: Object) -> Unowned<Object> {
        objects.append(object)
        return Unowned(object)
    }

    /// `value` boxed, as a scope.
    func scope(_ value: Any) -> TemplateScope { .any(keep(AnyBox(value))) }
}

/// swift-mustache's `first()`, `last()`, `index()`, `even()`, `odd()` inside a list section.
struct SequencePosition: MustacheTransformable {
    var first: Bool
    var last: Bool
    var index: Int

    func transform(_ name: String) -> Any? {
        switch name {
        case "first": first
        case "last": last
        case "index": index
        case "even": (index & 1) == 0
        case "odd": (index & 1) == 1
        default: nil
        }
    }
}

/// An optional in an `Any`, to print what it holds as swift-mustache does.
protocol AnyOptionalValue {
    var wrappedAny: Any? { get }
}

extension Optional: AnyOptionalValue {
    var wrappedAny: Any? { self }
}
