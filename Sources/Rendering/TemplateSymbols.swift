import Foundation

/// Names interned to small numbers, so that finding a template name among a view's fields is an
/// index into the view's slots rather than string compares (`ViewFields.field(symbol:)`).
/// Fields and templates intern their names once, when built.
enum TemplateSymbols {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var numbers: [String: Int] = [:]

    /// The number of `name`, the same for equal names, given out in order from 0.
    static func symbol(_ name: String) -> Int {
        lock.lock()
        defer { lock.unlock() }
        if let number = numbers[name] { return number }
        let number = numbers.count
        numbers[name] = number
        return number
    }
}

/// A reference that is neither retained nor released when copied. Renders copy tokens, stack
/// entries and fields all the time, and retains were a quarter of a render; each object referred
/// to this way is owned elsewhere for as long as it is used (see where each is made).
struct Unowned<Object: AnyObject> {
    unowned(unsafe) let object: Object

    init(_ object: Object) { self.object = object }
}
