import BriefingCore
import Testing
@testable import Rendering

/// Names numbered once (`TemplateSymbols`) find the same fields as names compared as strings.
@Suite struct TemplateSymbolsTests {
    @Test func equalNamesShareOneSymbol() {
        let names = ["title", "story", "t", "", "té", "title.x", "Title"]
        let symbols = names.map(TemplateSymbols.symbol)
        #expect(Set(symbols).count == names.count)
        #expect(names.map(TemplateSymbols.symbol) == symbols)
        #expect(TemplateSymbols.symbol(String("tit" + "le")) == symbols[0])
    }

    @Test func symbolLookupFindsWhatNameLookupFinds() {
        // Views built before and after the probe names were numbered, so symbols past a view's slots are tried.
        let probes = ["", "id", "title", "text", "outlets", "outletHref", "chrome", "site", "homeHref", "nothing-\(#line)", "Title"]
        let views = [StoryPageView.viewFields, StoryHeader.viewFields, ClaimView.viewFields, OutletBadge.viewFields,
                     BriefingPageView.viewFields, PageChrome.viewFields]
        for fields in views {
            for name in probes + fields.table.names {
                let bySymbol = fields.field(symbol: TemplateSymbols.symbol(name))?.object
                #expect(bySymbol === fields.field(name), "\(name)")
            }
        }
    }

    @Test func escapingAppendsToWhatIsThere() {
        var out = Array("kept ".utf8)
        HTMLText.appendEscaped("a<b & 'c'", to: &out)
        HTMLText.appendEscaped("<\u{301}", to: &out)
        #expect(String(decoding: out, as: UTF8.self) == "kept a&lt;b &amp; &#39;c&#39;" + "<\u{301}")
    }
}
