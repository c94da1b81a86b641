import BriefingCore
import Testing
@testable import Rendering

@Suite struct HelperTests {
    @Test(arguments: [
        ("https://example.org/a", true), ("HTTP://x", true), ("http://a", true), ("https://", false),
        ("javascript:alert(1)", false), (" https://x.org", false), ("https://x.org/a b", false),
        ("ftp://x.org", false), ("//x.org", false), ("data:text/html,x", false),
    ])
    func onlyHTTPLinksAreKept(url: String, kept: Bool) {
        #expect((Links.safeHref(url) != nil) == kept)
    }

    @Test func linksAreRelativeToTheRoot() {
        let links = Links(root: "../../", baseURL: "https://news.example")
        #expect(links.story("a-b") == "../../stories/a-b/index.html")
        #expect(links.day(Day("2023-06-19")!) == "../../2023-06-19/index.html")
        #expect(links.canonical("stories/a-b/") == "https://news.example/stories/a-b/")
        #expect(Links(root: "", baseURL: "/").canonical("x/") == nil)
        #expect(Links.pathComponent("a/b c") == "a%2Fb%20c")
    }

    @Test func dateLabels() {
        #expect(DateLabel.long(Day("2023-06-19")!) == "Monday 19 June 2023")
        #expect(DateLabel.long(Day("1970-01-01")!) == "Thursday 1 January 1970")
        #expect(DateLabel.published("2023-06-19T08:30:00Z") == "19 June 2023, 08:30 UTC")
        #expect(DateLabel.published("2023-06-19T08:30:00+02:00") == "19 June 2023, 08:30 UTC+02:00")
        #expect(DateLabel.published("2023-06-19") == "19 June 2023")
        #expect(DateLabel.published("yesterday") == "yesterday")
    }

    @Test func diffSpacingWorksWithAndWithoutSpacesInSegments() {
        let bare = HTMLText.diff([.init(.same, "He said"), .init(.deleted, "no"), .init(.inserted, "yes"), .init(.same, ", firmly")])
        #expect(bare == "He said <del>no</del> <ins>yes</ins>, firmly")
        let spaced = HTMLText.diff([.init(.same, "He said "), .init(.deleted, "no "), .init(.inserted, "yes"), .init(.same, ", firmly")])
        #expect(spaced == bare)
        #expect(HTMLText.diff([.init(.inserted, "<b>&\"'")]) == "<ins>&lt;b&gt;&amp;&quot;&#39;</ins>")
    }
}

@Suite struct PathComponentTests {
    /// The definition `pathComponent` replaced: Unicode properties of each byte as a Latin-1 scalar.
    static func reference(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            let scalar = Unicode.Scalar(byte)
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-._~".unicodeScalars.contains(scalar) {
                out.unicodeScalars.append(scalar)
            } else {
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }

    @Test func everyByteIsEncodedAsBefore() {
        let allASCII = String(decoding: (0..<128).map { UInt8($0) }, as: UTF8.self)
        for text in [allASCII, "", "plain-slug_1.2~x", "a/b c", "café", "\u{1F4F0}", "Zz09"] {
            #expect(Links.pathComponent(text) == Self.reference(text))
        }
    }
}
