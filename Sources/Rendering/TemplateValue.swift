@_spi(Reflection) import Swift
import Mustache

/// A view model Mustache reads through a table of its stored properties built once per type.
/// Without it swift-mustache builds a `Mirror` for every name it looks up, which was a sixth of
/// a whole build. The table holds exactly what `Mirror` shows (stored properties), so templates
/// see the same names.
protocol TemplateValue: MustacheParent {
    static var templateFields: TemplateFields<Self> { get }
}

extension TemplateValue {
    func child(named name: String) -> Any? {
        withUnsafePointer(to: self) { Self.templateFields.read(name, at: UnsafeRawPointer($0)) }
    }
}

/// A page view whose `chrome` fields templates read as the page's own: its `templateFields` are
/// `withChrome()`.
protocol ChromedPage: TemplateValue {
    var chrome: PageChrome { get }
}

/// The stored properties of `Root` by name, each with a reader that answers like a Mirror lookup:
/// an optional gives what it holds, or nil. Whether a field is optional is settled here, once,
/// and fields are read at their offset, which is several times faster than a key path.
struct TemplateFields<Root>: @unchecked Sendable {
    /// A stored property: where it is in `Root` and how to read it there.
    struct Field {
        let name: String
        let offset: Int
        let read: (UnsafeRawPointer) -> Any?
    }

    /// Fields by the UTF-8 length of their name. Most names Mustache asks a value for are not its
    /// own (it asks every value on its stack in turn), so a miss must be cheap: comparing the one
    /// or two names of that length is, hashing the name was not.
    private var byLength: [[Field]] = []

    init() {
        var fields = self
        let complete = _forEachField(of: Root.self) { name, offset, type, _ in
            func reader<Value>(_: Value.Type) -> (UnsafeRawPointer) -> Any? { Self.reader(Value.self) }
            fields.add(Field(name: String(cString: name), offset: offset, read: _openExistential(type, do: reader)))
            return true
        }
        precondition(complete, "\(Root.self) is not a plain struct")
        self = fields
    }

    /// The field `name` of the `Root` at `root`, nil when it has none or it is an empty optional.
    func read(_ name: String, at root: UnsafeRawPointer) -> Any? {
        let length = name.utf8.count
        guard length < byLength.count else { return nil }
        for field in byLength[length] where field.name == name { return field.read(root + field.offset) }
        return nil
    }

    /// Adds `field` unless a field already has its name.
    private mutating func add(_ field: Field) {
        let length = field.name.utf8.count
        if length >= byLength.count { byLength += Array(repeating: [], count: length + 1 - byLength.count) }
        guard !byLength[length].contains(where: { $0.name == field.name }) else { return }
        byLength[length].append(field)
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

    /// Names of the fields, for tests.
    var names: [String] { byLength.flatMap { $0.map(\.name) } }
}

extension TemplateFields where Root: ChromedPage {
    /// The page's fields, then its chrome's that the page has no field for (in one table, so a
    /// name neither has is one miss).
    static func withChrome() -> Self {
        var fields = Self()
        guard let chrome = fields.byLength.joined().first(where: { $0.name == "chrome" }) else { preconditionFailure("no chrome") }
        for field in PageChrome.templateFields.byLength.joined() {
            fields.add(Field(name: field.name, offset: chrome.offset + field.offset, read: field.read))
        }
        return fields
    }
}

private protocol OptionalField {
    static var reader: (UnsafeRawPointer) -> Any? { get }
}

extension Optional: OptionalField {
    static var reader: (UnsafeRawPointer) -> Any? {
        { $0.load(as: Self.self).map { $0 } }
    }
}

extension BriefingPageView: ChromedPage { static let templateFields = TemplateFields<Self>.withChrome() }
extension StoryCard: TemplateValue { static let templateFields = TemplateFields<Self>() }
extension CoverageItem: TemplateValue { static let templateFields = TemplateFields<Self>() }
extension ArchivePageView: ChromedPage { static let templateFields = TemplateFields<Self>.withChrome() }
extension ArchiveDayView: TemplateValue { static let templateFields = TemplateFields<Self>() }
extension ArchiveStoryView: TemplateValue { static let templateFields = TemplateFields<Self>() }
extension OutletsIndexView: ChromedPage { static let templateFields = TemplateFields<Self>.withChrome() }
extension OutletRowView: TemplateValue { static let templateFields = TemplateFields<Self>() }
extension OutletPageView: ChromedPage { static let templateFields = TemplateFields<Self>.withChrome() }
extension OutletStoryView: TemplateValue { static let templateFields = TemplateFields<Self>() }
extension OutletHeadlineView: TemplateValue { static let templateFields = TemplateFields<Self>() }
extension NotFoundPageView: ChromedPage { static let templateFields = TemplateFields<Self>.withChrome() }
extension SiteView: TemplateValue { static let templateFields = TemplateFields<Self>() }
extension PageChrome: TemplateValue { static let templateFields = TemplateFields<Self>() }
extension SiteNav: TemplateValue { static let templateFields = TemplateFields<Self>() }
extension OutletBadge: TemplateValue { static let templateFields = TemplateFields<Self>() }
extension TimeLabel: TemplateValue { static let templateFields = TemplateFields<Self>() }
extension DayLink: TemplateValue { static let templateFields = TemplateFields<Self>() }
extension StoryPageView: ChromedPage { static let templateFields = TemplateFields<Self>.withChrome() }
extension StoryHeader: TemplateValue { static let templateFields = TemplateFields<Self>() }
extension ClaimView: TemplateValue { static let templateFields = TemplateFields<Self>() }
extension QuoteView: TemplateValue { static let templateFields = TemplateFields<Self>() }
extension QuoteVariantView: TemplateValue { static let templateFields = TemplateFields<Self>() }
extension OnlyView: TemplateValue { static let templateFields = TemplateFields<Self>() }
extension DisagreementView: TemplateValue { static let templateFields = TemplateFields<Self>() }
extension DisagreementValueView: TemplateValue { static let templateFields = TemplateFields<Self>() }
extension HeadlineView: TemplateValue { static let templateFields = TemplateFields<Self>() }
extension ArticleView: TemplateValue { static let templateFields = TemplateFields<Self>() }
