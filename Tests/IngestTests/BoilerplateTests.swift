import BriefingCore
import Foundation
import Testing
@testable import Ingest

@Suite struct BoilerplateTests {
    let cleaner = BoilerplateCleaner()

    @Test func defaultRulesParse() {
        #expect(BoilerplateCleaner.defaultRules.count > 20)
        #expect(BoilerplateCleaner.defaultRules.first == BoilerplateRule(label: "sign-up prompt", match: .regex,
            pattern: BoilerplateCleaner.defaultRules[0].pattern))
    }

    // Invented lines of the same shape as real scrape noise.
    @Test(arguments: [
        ("Sign up", "sign-up prompt"), ("Log in", "sign-up prompt"), ("Subscribe to our newsletter", "sign-up prompt"),
        ("My Account", "sign-up prompt"), ("Source link", "source link"),
        ("Click here to read more…", "read-more link"), ("CLICK HERE TO READ MORE FROM THE GULL GAZETTE", "read-more link"),
        ("Video Embed", "video embed"),
        ("A ferry leaves the harbor at dawn on Monday, May 1, 2023. (Jane Roe/Pool Photo via AP)", "photo credit"),
        ("A ferry leaves the harbor at dawn. (Jane Roe/Pool Photo via AP) Jane Roe/AP", "photo credit"),
        ("Jane Roe/AP", "photo credit"), ("Photo: Jane Roe for the Gazette", "photo credit"),
        ("Getty Images", "photo credit"), ("APTOPIX Harbor Storm", "photo slug"),
        ("© 2023 Gull Gazette", "copyright"), ("Copyright 2023 Gull Media. All rights reserved.", "copyright"),
        ("Hi, I am the Gull Newsbot!", "bot disclaimer"),
        ("I wrote the above article, utilizing the sources I hyperlinked above.", "bot disclaimer"),
        ("This story was reviewed by Gull editors in line with the publication’s editorial guidelines before being published.", "bot disclaimer"),
        ("International", "section label"), ("World News", "section label"), ("Politics", "section label"),
        ("MAYOR FACES PROSPECT OF FERRY STRIKE WHILE COURTING UNIONS", "promo headline"),
        (".", "lone punctuation"),
        ("(Reporting by Jane Roe; editing by John Doe)", "wire credit"),
        ("Local News", "section label"), ("Sport", "section label"),
        ("(Photo: Jane Roe/Gull Gazette) Crews lift the fallen crane on Monday.", "photo caption"),
        ("Hi, I am the Gull Newsbot! I wrote this from council notices. Spotted a mistake? Tell us.", "bot disclaimer"),
        ("Gull Newsbot | Nov. 21, 2026", "date stamp"), ("Gull Gazette | 2026-11-21", "date stamp"),
    ])
    func noiseIsRecognised(line: String, label: String) {
        #expect(cleaner.label(for: line) == label)
    }

    @Test(arguments: [
        "She said the account was closed in March.",
        "Register to vote by Friday.",
        "Voters were asked to sign up for mail ballots before the deadline, officials said.",
        "The mayor said politics had no place in the harbor decision.",
        "The photo, taken by a resident, shows the bridge at dawn.",
        "NATO said it would meet on Friday.",
        "“WE WILL NOT BACK DOWN,” the union wrote.",
        "Copyright law was not at issue, the judge said.",
        "The deal was worth $3.5 billion (about €3.2 billion).",
        "Prices rose 2% year over year (see chart).",
    ])
    func realSentencesStay(line: String) {
        #expect(cleaner.label(for: line) == nil)
    }

    @Test func trailerDropsEverythingAfterIt() {
        let lines = ["Ferries run again.", "", "Related Content", "", "Other story one", "Other story two"]
            .enumerated().map { BodyLine(number: $0.offset + 1, text: $0.element) }
        let output = cleaner.clean(lines, headline: nil, path: "p")
        #expect(output.lines.map(\.text) == ["Ferries run again.", ""])
        #expect(output.removed.map(\.text) == ["Related Content", "Other story one", "Other story two"])
        #expect(output.removed.map(\.location.description) == ["p:3:1", "p:5:1", "p:6:1"])
    }

    @Test(arguments: ["Read more", "READ MORE:", "Read more…", "Read more...:", "  Read  more. ", "RECOMMENDED", "Enlaces de INTERÉS:"])
    func trailerHeadingsWhateverTheirCaseAndEnding(line: String) {
        #expect(cleaner.label(for: line) == "trailer")
    }

    @Test(arguments: ["Read mores", "Read more!", "Read", "Recommended reading", "More on this"])
    func nearTrailersAreNot(line: String) {
        #expect(cleaner.label(for: line) != "trailer")
    }

    @Test func repeatedHeadlineIsRemovedWhateverItsQuotes() {
        let lines = [BodyLine(number: 4, text: "US ‘worried’ about ferry fares"), BodyLine(number: 5, text: "Fares rose.")]
        let output = cleaner.clean(lines, headline: "US 'worried' about ferry fares", path: "p")
        #expect(output.lines.map(\.text) == ["Fares rose."])
        #expect(output.removed.first?.label == "repeated headline")
    }

    @Test func fencedCodeIsNeverCleaned() {
        let lines = ["```", "Sign up", "```", "Body."].enumerated().map { BodyLine(number: $0.offset + 1, text: $0.element) }
        #expect(cleaner.clean(lines, headline: nil, path: "p").lines.count == 4)
    }

    @Test func userRulesOfEveryMatchKind() {
        let rules = [
            BoilerplateRule(label: "l", match: .line, pattern: "Gull Extra"),
            BoilerplateRule(label: "p", match: .prefix, pattern: "Advert:"),
            BoilerplateRule(label: "c", match: .contains, pattern: "promo code"),
            BoilerplateRule(label: "r", match: .regex, pattern: "Ref\\d+"),
        ]
        let custom = BoilerplateCleaner(rules: rules)
        #expect(custom.label(for: "  gull extra ") == "l")
        #expect(custom.label(for: "ADVERT: buy now") == "p")
        #expect(custom.label(for: "Use Promo Code X") == "c")
        #expect(custom.label(for: "Ref123") == "r")
        #expect(custom.label(for: "Ref123 and more") == nil)
    }
}
