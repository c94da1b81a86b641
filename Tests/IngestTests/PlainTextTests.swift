import BriefingCore
import Foundation
import Testing
@testable import Ingest

@Suite struct PlainTextTests {
    @Test func outletAndDayComeFromFolders() throws {
        let text = "Harbor bridge reopens after storm repairs\n\nThe harbor bridge reopened on Monday.\nTraffic was light on the first day.\n"
        let article = try Fixtures.parse(text, at: "2023-06-19/gull-gazette/scrape_01.txt").article
        #expect(article.outlet.name == "Gull Gazette")
        #expect(article.outlet.slug == "gull-gazette")
        #expect(article.day.description == "2023-06-19")
        #expect(article.title == "Harbor bridge reopens after storm repairs")
        #expect(!article.titleIsDerived)
        #expect(article.id == "2023-06-19-gull-gazette-scrape-01")
        // One line, one paragraph.
        #expect(article.body == "The harbor bridge reopened on Monday.\n\nTraffic was light on the first day.")
        #expect(article.sentences.map(\.paragraph) == [0, 1])
        #expect(article.sentences.map(\.line) == [3, 4])
    }

    @Test func sectionLabelIsRemovedBeforeTheHeadlineIsPicked() throws {
        let text = "Politics\n\nCouncil approves harbor budget\n\nThe council approved the budget on Tuesday.\n\nCouncil approves harbor budget\n"
        let output = try Fixtures.parse(text, at: "2023-06-19/gull/a.txt")
        #expect(output.article.title == "Council approves harbor budget")
        #expect(output.article.body == "The council approved the budget on Tuesday.")
        #expect(output.removed.map(\.label) == ["section label", "repeated headline"])
        #expect(output.removed.map(\.location.line) == [1, 7])
    }

    @Test func firstLineThatIsASentenceIsNotAHeadline() throws {
        let text = "The council approved the harbor budget on Tuesday after a long debate.\nIt takes effect in July.\n"
        let article = try Fixtures.parse(text, at: "2023-06-19/gull/a.txt").article
        #expect(article.titleIsDerived)
        #expect(article.title == "The council approved the harbor budget on Tuesday after a long debate")
        #expect(article.sentences.count == 2)
    }

    @Test func outletNameFromFolder() {
        #expect(ArticleParser.outletName(fromFolder: "washington-examiner") == "Washington Examiner")
        #expect(ArticleParser.outletName(fromFolder: "gull") == "Gull")
    }

    @Test func plainTextOutsideTheConventionIsAnError() {
        #expect(Fixtures.error("Headline\n\nBody.", at: "2023-06-19/a.txt")?.description
            == "content/2023-06-19/a.txt:1:1: error: a plain-text article must be at <YYYY-MM-DD>/<outlet>/<name>.txt")
    }
}
