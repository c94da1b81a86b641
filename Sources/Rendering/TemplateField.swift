/// A stored property of a view: where it is and how to read it, as `Any` (what swift-mustache
/// sees) and, for the types views use, typed (what `CompiledTemplate` reads without casts).
/// A class: renders pass fields around, and copying one reference is cheaper than its parts.
final class TemplateField: @unchecked Sendable {
    /// How a field is read without `Any`.
    enum Access {
        case string
        case optionalString
        case bool
        case int
        /// A view stored in place. Field tables of view types are statics, so never freed.
        case view(Unowned<ViewFields>)
        /// An optional view: its payload is at the field's own address (an optional's payload is
        /// stored first), present when `isPresent` says so.
        case optionalView(Unowned<ViewFields>, isPresent: (UnsafeRawPointer) -> Bool)
        /// An array of views: the address of its first element and the count.
        case views(Unowned<ViewFields>, elements: (UnsafeRawPointer) -> (UnsafeRawPointer?, Int))
        /// Anything else is read as `Any`.
        case other
    }

    let name: String
    let offset: Int
    /// The value at a field's address, nil when it is an empty optional (as Mirror lookups gave).
    let read: (UnsafeRawPointer) -> Any?
    let access: Access

    init<Value>(_ name: String, _ offset: Int, _: Value.Type) {
        self.name = name
        self.offset = offset
        read = Self.reader(Value.self)
        access = Self.access(Value.self)
    }

    private init(name: String, offset: Int, read: @escaping (UnsafeRawPointer) -> Any?, access: Access) {
        self.name = name
        self.offset = offset
        self.read = read
        self.access = access
    }

    /// The same field inside a value stored `distance` bytes into another.
    func moved(by distance: Int) -> TemplateField {
        TemplateField(name: name, offset: offset + distance, read: read, access: access)
    }

    /// Reads a `Value` at its address. The usual field types get readers written for them (a generic
    /// one copies through the type's metadata); an optional gives what it holds, as Mirror did.
    private static func reader<Value>(_: Value.Type) -> (UnsafeRawPointer) -> Any? {
        if Value.self == String.self { return { $0.load(as: String.self) } }
        if Value.self == String?.self { return { $0.load(as: String?.self) } }
        if Value.self == Bool.self { return { $0.load(as: Bool.self) } }
        if Value.self == Int.self { return { $0.load(as: Int.self) } }
        if let optional = Value.self as? any OptionalField.Type { return optional.reader }
        return { $0.load(as: Value.self) }
    }

    private static func access<Value>(_: Value.Type) -> Access {
        if Value.self == String.self { return .string }
        if Value.self == String?.self { return .optionalString }
        if Value.self == Bool.self { return .bool }
        if Value.self == Int.self { return .int }
        if let view = Value.self as? any TemplateValue.Type { return .view(Unowned(view.viewFields)) }
        if let optional = Value.self as? any OptionalViewField.Type { return optional.access }
        if let array = Value.self as? any ViewArrayField.Type { return array.access }
        return .other
    }
}

/// A view type's fields by name, without the type, plus what printing or boxing a view needs.
final class ViewFields: @unchecked Sendable {
    /// Fields by the UTF-8 length of their name. Most names Mustache asks a value for are not its
    /// own (it asks every value on its stack in turn), so a miss must be cheap: comparing the one
    /// or two names of that length is, hashing the name was not.
    struct Table {
        private var byLength: [[TemplateField]] = []

        func field(_ name: String) -> TemplateField? {
            let length = name.utf8.count
            guard length < byLength.count else { return nil }
            for field in byLength[length] where field.name == name { return field }
            return nil
        }

        /// Adds `field` unless a field already has its name.
        mutating func add(_ field: TemplateField) {
            let length = field.name.utf8.count
            if length >= byLength.count { byLength += Array(repeating: [], count: length + 1 - byLength.count) }
            guard !byLength[length].contains(where: { $0.name == field.name }) else { return }
            byLength[length].append(field)
        }

        var all: [TemplateField] { byLength.flatMap { $0 } }
        var names: [String] { all.map(\.name) }
    }

    let table: Table
    /// Fields by the symbol of their name (`TemplateSymbols`); the table owns them.
    private let slots: [Unowned<TemplateField>?]
    /// The distance between array elements of the type.
    let stride: Int
    /// The view at an address as `Any`: what `{{.}}` prints and what transforms are given.
    let box: (UnsafeRawPointer) -> Any

    init<Root>(_ table: Table, of _: Root.Type) {
        self.table = table
        var slots: [Unowned<TemplateField>?] = []
        for field in table.all {
            let symbol = TemplateSymbols.symbol(field.name)
            if symbol >= slots.count { slots += Array(repeating: nil, count: symbol + 1 - slots.count) }
            slots[symbol] = Unowned(field)
        }
        self.slots = slots
        stride = MemoryLayout<Root>.stride
        box = { $0.load(as: Root.self) }
    }

    func field(_ name: String) -> TemplateField? { table.field(name) }

    /// The field whose name has the symbol `symbol`: a symbol past the slots is a name interned
    /// after this type's, so not one of its fields.
    func field(symbol: Int) -> Unowned<TemplateField>? { symbol < slots.count ? slots[symbol] : nil }
}

extension TemplateValue {
    static var viewFields: ViewFields { templateFields.view }
}

protocol OptionalField {
    static var reader: (UnsafeRawPointer) -> Any? { get }
}

extension Optional: OptionalField {
    static var reader: (UnsafeRawPointer) -> Any? {
        { $0.load(as: Self.self).map { $0 } }
    }
}

private protocol OptionalViewField {
    static var access: TemplateField.Access { get }
}

extension Optional: OptionalViewField where Wrapped: TemplateValue {
    fileprivate static var access: TemplateField.Access {
        .optionalView(Unowned(Wrapped.viewFields), isPresent: { $0.load(as: Self.self) != nil })
    }
}

private protocol ViewArrayField {
    static var access: TemplateField.Access { get }
}

extension Array: ViewArrayField where Element: TemplateValue {
    /// The first element's address escapes `withUnsafeBufferPointer`: the array is a stored field
    /// of a view that outlives the render, so its buffer does too.
    fileprivate static var access: TemplateField.Access {
        .views(Unowned(Element.viewFields), elements: { address in
            address.assumingMemoryBound(to: Self.self).pointee.withUnsafeBufferPointer { (UnsafeRawPointer($0.baseAddress), $0.count) }
        })
    }
}
