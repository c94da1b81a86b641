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
    /// The table, without the type: what `CompiledTemplate` renders views with.
    let view: ViewFields

    init() {
        var fields = ViewFields.Table()
        let complete = _forEachField(of: Root.self) { name, offset, type, _ in
            func field<Value>(_: Value.Type) -> TemplateField { TemplateField(String(cString: name), offset, Value.self) }
            fields.add(_openExistential(type, do: field))
            return true
        }
        precondition(complete, "\(Root.self) is not a plain struct")
        view = ViewFields(fields, of: Root.self)
    }

    /// The field `name` of the `Root` at `root`, nil when it has none or it is an empty optional.
    func read(_ name: String, at root: UnsafeRawPointer) -> Any? {
        view.field(name).flatMap { $0.read(root + $0.offset) }
    }

    /// Names of the fields, for tests.
    var names: [String] { view.table.names }
}

extension TemplateFields where Root: ChromedPage {
    /// The page's fields, then its chrome's that the page has no field for (in one table, so a
    /// name neither has is one miss).
    static func withChrome() -> Self {
        var fields = Self()
        var table = fields.view.table
        guard let chrome = table.field("chrome") else { preconditionFailure("no chrome") }
        for field in PageChrome.templateFields.view.table.all { table.add(field.moved(by: chrome.offset)) }
        fields = Self(view: ViewFields(table, of: Root.self))
        return fields
    }

    private init(view: ViewFields) { self.view = view }
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
