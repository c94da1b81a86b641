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
        guard let keyPath = Self.templateFields.keyPaths[name] else { return nil }
        let value = self[keyPath: keyPath]
        // Like Mirror lookups: an optional answers with what it holds, or nil.
        if let optional = value as? any OptionalValue { return optional.wrappedValue }
        return value
    }
}

/// The stored properties of `Root` by name.
struct TemplateFields<Root>: @unchecked Sendable {
    let keyPaths: [String: PartialKeyPath<Root>]

    init() {
        var keyPaths: [String: PartialKeyPath<Root>] = [:]
        let complete = _forEachFieldWithKeyPath(of: Root.self) { name, keyPath in
            keyPaths[String(cString: name)] = keyPath
            return true
        }
        precondition(complete, "\(Root.self) is not a plain struct")
        self.keyPaths = keyPaths
    }
}

private protocol OptionalValue {
    var wrappedValue: Any? { get }
}

extension Optional: OptionalValue {
    fileprivate var wrappedValue: Any? { self.map { $0 } }
}

extension BriefingPageView: TemplateValue { static let templateFields = TemplateFields<Self>() }
extension StoryCard: TemplateValue { static let templateFields = TemplateFields<Self>() }
extension CoverageItem: TemplateValue { static let templateFields = TemplateFields<Self>() }
extension ArchivePageView: TemplateValue { static let templateFields = TemplateFields<Self>() }
extension ArchiveDayView: TemplateValue { static let templateFields = TemplateFields<Self>() }
extension ArchiveStoryView: TemplateValue { static let templateFields = TemplateFields<Self>() }
extension OutletsIndexView: TemplateValue { static let templateFields = TemplateFields<Self>() }
extension OutletRowView: TemplateValue { static let templateFields = TemplateFields<Self>() }
extension OutletPageView: TemplateValue { static let templateFields = TemplateFields<Self>() }
extension OutletStoryView: TemplateValue { static let templateFields = TemplateFields<Self>() }
extension OutletHeadlineView: TemplateValue { static let templateFields = TemplateFields<Self>() }
extension NotFoundPageView: TemplateValue { static let templateFields = TemplateFields<Self>() }
extension SiteView: TemplateValue { static let templateFields = TemplateFields<Self>() }
extension SiteNav: TemplateValue { static let templateFields = TemplateFields<Self>() }
extension OutletBadge: TemplateValue { static let templateFields = TemplateFields<Self>() }
extension TimeLabel: TemplateValue { static let templateFields = TemplateFields<Self>() }
extension DayLink: TemplateValue { static let templateFields = TemplateFields<Self>() }
extension StoryPageView: TemplateValue { static let templateFields = TemplateFields<Self>() }
extension StoryHeader: TemplateValue { static let templateFields = TemplateFields<Self>() }
extension ClaimView: TemplateValue { static let templateFields = TemplateFields<Self>() }
extension QuoteView: TemplateValue { static let templateFields = TemplateFields<Self>() }
extension QuoteVariantView: TemplateValue { static let templateFields = TemplateFields<Self>() }
extension OnlyView: TemplateValue { static let templateFields = TemplateFields<Self>() }
extension DisagreementView: TemplateValue { static let templateFields = TemplateFields<Self>() }
extension DisagreementValueView: TemplateValue { static let templateFields = TemplateFields<Self>() }
extension HeadlineView: TemplateValue { static let templateFields = TemplateFields<Self>() }
extension ArticleView: TemplateValue { static let templateFields = TemplateFields<Self>() }
