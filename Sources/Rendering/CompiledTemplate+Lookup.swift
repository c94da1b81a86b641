import Mustache

/// A value while rendering: on the stack, or found for a name. Views and their usual field types
/// are read in place and typed; anything else is `Any`, handled as swift-mustache handles it.
enum TemplateScope {
    /// A view at an address.
    case view(UnsafeRawPointer, ViewFields)
    /// A present field that is not a view (string, bool, int, array of views), at its address.
    case field(TemplateField, UnsafeRawPointer)
    case any(Any)

    /// The value as swift-mustache would hold it.
    var boxed: Any {
        switch self {
        case .view(let address, let fields): fields.box(address)
        case .field(let field, let address): field.read(address)!
        case .any(let value): value
        }
    }

    /// The field `name`, nil when there is none or it is an empty optional: what swift-mustache's
    /// lookup in one object gives.
    func child(_ name: String) -> TemplateScope? {
        switch self {
        case .view(let address, let fields):
            guard let field = fields.field(name) else { return nil }
            return Self.value(field, at: address + field.offset)
        case .field:
            // A string, bool, int or array: no named children (a string's `MustacheParent` answers
            // nil, and the others' Mirror children have no labels).
            return nil
        case .any(let object):
            return Self.child(name, of: object).map(TemplateScope.any)
        }
    }

    private static func value(_ field: TemplateField, at address: UnsafeRawPointer) -> TemplateScope? {
        switch field.access {
        case .string, .bool, .int, .views: .field(field, address)
        case .optionalString: address.load(as: String?.self) == nil ? nil : .field(field, address)
        case .view(let fields): .view(address, fields)
        case .optionalView(let fields, let isPresent): isPresent(address) ? .view(address, fields) : nil
        case .other: field.read(address).map(TemplateScope.any)
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
    func resolve(_ name: CompiledTemplate.Name, _ frame: CompiledTemplate.Frame) -> TemplateScope? {
        var child: TemplateScope?
        if name.text == "." {
            child = stack.last!
        } else if name.text.isEmpty, !name.transforms.isEmpty {
            child = frame.sequence.map { .any($0) }
        } else if name.text.first == "." {
            child = Self.resolve(name.parts[...], in: stack.last!)
        } else if let first = name.parts.first {
            child = nil
            var index = stack.count - 1
            while index >= 0 {
                if let found = stack[index].child(first) {
                    child = Self.resolve(name.parts.dropFirst(), in: found)
                    break
                }
                index -= 1
            }
        } else {
            child = stack.last!
        }
        if case .any(let value)? = child, let custom = value as? MustacheCustomRepresentation {
            child = custom.representation.map(TemplateScope.any)
        }
        guard var result = child else { return nil }
        for transform in name.transforms.reversed() {
            guard let transformable = result.boxed as? MustacheTransformable, let transformed = transformable.transform(transform) else {
                return nil
            }
            result = .any(transformed)
        }
        return result
    }

    private static func resolve(_ parts: ArraySlice<String>, in object: TemplateScope) -> TemplateScope? {
        var object = object
        for part in parts {
            guard let child = object.child(part) else { return nil }
            object = child
        }
        return object
    }
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
