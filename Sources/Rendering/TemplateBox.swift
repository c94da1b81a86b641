import Mustache

/// A page view as the root of swift-mustache's context stack, when the library renders (see
/// `TemplateSet.compiled`; tests compare the two). Mustache casts each object on its stack
/// to `MustacheParent` for every name it looks up there, and the cast copies the value: for a
/// page view that is a fresh allocation and a retain and release per field, for this one-reference
/// struct a single retain. It prints as the view, so `{{.}}` renders the same text.
struct TemplateRoot<View: TemplateValue>: MustacheParent, CustomStringConvertible, CustomDebugStringConvertible {
    /// The view at a fixed address, so fields are read in place rather than from a copy.
    private final class Storage {
        let view: UnsafeMutablePointer<View>
        init(_ view: View) {
            self.view = .allocate(capacity: 1)
            self.view.initialize(to: view)
        }
        deinit {
            view.deinitialize(count: 1)
            view.deallocate()
        }
    }

    private let storage: Storage

    init(_ view: View) { storage = Storage(view) }

    func child(named name: String) -> Any? { View.templateFields.read(name, at: UnsafeRawPointer(storage.view)) }

    var description: String { String(describing: storage.view.pointee) }
    var debugDescription: String { String(reflecting: storage.view.pointee) }
}

/// A string on Mustache's stack (inside `{{#summary}}…{{/summary}}`) has no children; without
/// this, Mustache builds a `Mirror` of the string to find that out at every name looked up there.
extension String: @retroactive MustacheParent {
    public func child(named name: String) -> Any? { nil }
}
