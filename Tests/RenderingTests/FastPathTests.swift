import BriefingCore
import Testing
@testable import Rendering

/// Byte-level shortcuts give what the code they skip gives.
@Suite struct FastPathTests {
    static let published = [
        "2023-06-19", "2023-06-19T08:30:00Z", "2023-06-19 08:30", "2023-06-19T08:30:00+00:00", "2023-06-19T08:30:00-05:00",
        "2023-06-19T08:30Z", "2023-06-19T8:30", "2023-06-19T08-30", "2023-06-19T08:3", "2023-06-19T", "2023-06-19X",
        "2023-06-19T08:30:00", "2023-06-19T-8:30", "2023-06-19 08:30 +01:00", "2023-06-19T08:30:00Zé", "2023-06-19\r\n",
        "2023-06-19T08:30\r\n", "2023-02-29", "2024-02-29", "1900-02-29", "2000-02-29", "2023-13-01", "2023-00-10",
        "2023-04-31", "2023-04-30", "2023-4-01", "abcd-ef-gh", "0000-01-01", "9999-12-31T23:59:59Z", "", "yesterday",
        "2023-06-1", "+023-06-19", "2023-06-19T08:30:00Z\n", "2023-06-19T\u{301}08:30", "２０２３-06-19",
    ]

    @Test(arguments: published)
    func publishedBytesMatchCharacters(text: String) {
        #expect(DateLabel.published(text) == DateLabel.publishedCharacters(text))
    }

    @Test func publishedBytesAcceptExactlyTheValidDays() {
        for year in [0, 4, 100, 1900, 2000, 2023, 2024, 9999] {
            for month in 0...13 {
                for day in 0...32 {
                    let text = String(year).leftPadded(to: 4) + "-" + String(month).leftPadded(to: 2) + "-" + String(day).leftPadded(to: 2)
                    #expect((DateLabel.publishedASCII(text) != nil) == (Day(text) != nil), "\(text)")
                    #expect(DateLabel.published(text + "T10:05:00Z") == DateLabel.publishedCharacters(text + "T10:05:00Z"))
                }
            }
        }
    }

    @Test func isoMatchesDescription() {
        for text in ["0000-01-01", "0005-02-03", "0999-11-30", "1970-01-01", "2023-06-19", "9999-12-31"] {
            let day = Day(text)!
            #expect(DateLabel.iso(day) == day.description)
            #expect(DateLabel.iso(day) == text)
        }
    }

    @Test func anchorSkipsSlugMakingOnlyForSlugs() {
        let ids = ["", "-", "a", "a-", "-a", "a--b", "a-b", "A", "a_b", "é", "a b", "2023-06-19-reuters-x1",
                   String(repeating: "a", count: 80), String(repeating: "a", count: 81), "abc-123", "x.y", "a\u{301}"]
        for id in ids {
            if StoryPageView.isSlug(id) { #expect(Slug.make(id, fallback: "x") == id, "\(id)") }
            #expect(StoryPageView.anchor(id) == "article-" + Slug.make(id, fallback: "x"), "\(id)")
        }
        #expect(StoryPageView.isSlug("2023-06-19-reuters-x1"))
    }
}

@Suite struct FastPathHelperTests {
    @Test func momentIsPublished() {
        let timed = Fixtures.article("a", Fixtures.wire, time: "2031-03-04T07:15:00Z", title: "t", body: "b")
        let dayOnly = Fixtures.article("b", Fixtures.wire, day: Fixtures.day2, title: "t", body: "b")
        for article in [timed, dayOnly] { #expect(DateLabel.moment(article) == article.published) }
    }

    @Test func closingPunctuationIsTheListedCharacters() {
        let listed = ",.;:!?)]}\u{201D}\u{2019}%"
        let others: [Character] = ["a", " ", "(", "\"", "'", "-", "\u{201C}", ".\u{301}", ",\u{20DD}", "%\u{200D}", "\r\n", "é", "。"]
        for character in Array(listed) + others {
            #expect(character.isClosingPunctuation == listed.contains(character), "\(character.unicodeScalars.map(\.value))")
        }
    }
}
