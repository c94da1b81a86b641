import Mustache

/// A page view as the root of Mustache's context stack. Mustache casts each object on its stack
/// to `MustacheParent` for every name it looks up there, and the cast copies the value: for a
/// page view that is a fresh allocation and a retain and release per field, for this one-reference
/// struct a single retain. It prints as the view, so `{{.}}` renders the same text.
struct TemplateRoot<View: TemplateValue>: MustacheParent, CustomStringConvertible, CustomDebugStringConvertible {
    private final class Storage {
        let view: View
        init(_ view: View) { self.view = view }
    }

    private let storage: Storage

    init(_ view: View) { storage = Storage(view) }

    func child(named name: String) -> Any? { storage.view.child(named: name) }

    var description: String { String(describing: storage.view) }
    var debugDescription: String { String(reflecting: storage.view) }
}

/// A string on Mustache's stack (inside `{{#summary}}…{{/summary}}`) has no children; without
/// this, Mustache builds a `Mirror` of the string to find that out at every name looked up there.
extension String: @retroactive MustacheParent {
    public func child(named name: String) -> Any? { nil }
}
