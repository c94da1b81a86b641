import BriefingCore
import Testing
@testable import Comparison

@Suite struct NumberReadingTests {
    func quantities(_ text: String) -> [Quantity] { QuantityReader.quantities(in: text) }

    @Test func digitsWordsAndScales() {
        let q = quantities("They shipped 1,250 rifles, a dozen drones, twenty-five trucks and 3.5 million rounds.")
        #expect(q.map(\.value) == [1250, 12, 25, 3_500_000])
        #expect(q.map(\.unit) == ["rifl", "dron", "truck", "round"], "units are stems")
        #expect(q[1].printed == "a dozen")
    }

    @Test func unitPhraseKeepsOf() {
        let q = quantities("Crews found 12 tons of body armor in the depot.")
        #expect(q.first?.about == "tons of body armor")
        #expect(q.first?.unit == "ton")
    }

    @Test func yearsDatesMoneyPercent() {
        let q = quantities("In 2021 prices rose 5% to $40 by June 19.")
        #expect(q.map(\.kind) == [.year, .count, .count, .date])
        #expect(q.map(\.unit) == [nil, "percent", "dollar", "date"])
    }
}

@Suite struct DisagreementTests {
    static let north = Fixtures.article("North", """
    Customs officers seized 12 tons of body armor at the eastern border crossing near Brava on Sunday night.

    The smuggling ring had operated from a warehouse near the river port since 2019, investigators believe.
    """)
    static let south = Fixtures.article("South", """
    Customs officers seized 10 tons of body armor at the eastern border crossing near Brava on Sunday night.

    The smuggling ring had operated from a warehouse near the river port since 2021, prosecutors believe.
    """)
    static let west = Fixtures.article("West", """
    Customs officers seized a dozen tons of body armor at the eastern border crossing near Brava on Sunday night.
    """)

    @Test func differentQuantitiesOfTheSameUnit() throws {
        let c = StoryComparator().compare(Fixtures.story([Self.north, Self.south, Self.west]))
        #expect(c.disagreements.count == 1)
        let d = try #require(c.disagreements.first)
        #expect(d.about == "tons of body armor")
        #expect(d.values.map(\.value) == ["12", "10"])
        #expect(d.values.map { $0.outlets.map(\.slug) } == [["north", "west"], ["south"]])
        #expect(d.values[1].sentence.hasPrefix("Customs officers seized 10 tons"))
    }

    @Test func dozenAndTwelveAgree() {
        let c = StoryComparator().compare(Fixtures.story([Self.north, Self.west]))
        #expect(c.disagreements.isEmpty)
        #expect(c.shared.count == 1, "a dozen and 12 are the same number, so the sentences align")
        #expect(c.shared.first?.outlets.map(\.slug) == ["north", "west"])
    }

    @Test func yearsAreNotDisagreements() {
        // Same sentence, years 2019 vs 2021: not aligned (numbers differ) and not a quantity.
        let c = StoryComparator().compare(Fixtures.story([Self.north, Self.south]))
        #expect(!c.disagreements.contains { $0.about.contains("2019") || $0.values.contains { $0.value.contains("20") } })
        #expect(c.disagreements.map(\.about) == ["tons of body armor"])
    }

    @Test func differentFactsWithSameTopicWordsDoNotAlign() {
        let a = Fixtures.article("North", "Customs officers seized 12 tons of body armor at the eastern border crossing near Brava.")
        let b = Fixtures.article("South", "Customs officers at the eastern border crossing near Brava went on strike over unpaid wages.")
        let c = StoryComparator().compare(Fixtures.story([a, b]))
        #expect(c.shared.isEmpty)
        #expect(c.disagreements.isEmpty)
    }
}

@Suite struct AgreeingQuantitiesTests {
    @Test func twoValuesPrintedAlikeAreNoConflict() {
        let text = "Customs officers seized 12 tons of body armor and 3 tons of rifle parts at the eastern border crossing."
        let c = StoryComparator().compare(Fixtures.story([Fixtures.article("North", text), Fixtures.article("South", text)]))
        #expect(c.disagreements.isEmpty)
        #expect(c.shared.count == 1)
    }
}

@Suite struct LooselyWordedDisagreementTests {
    static let padding = "The county will publish the full inspection report next week."

    func compare(_ texts: [(String, String)]) -> StoryComparison {
        StoryComparator().compare(Fixtures.story(texts.map { Fixtures.article($0.0, $0.1 + " " + Self.padding) }))
    }

    @Test func sameCountedNounInDifferentWordsDisagrees() throws {
        let c = compare([
            ("North", "The ferry usually carries about 1,800 passengers a day across the sound."),
            ("South", "On a normal weekday a whopping 2,100 passengers ride it each day."),
        ])
        let d = try #require(c.disagreements.first)
        #expect(c.disagreements.count == 1)
        #expect(d.about == "passengers")
        #expect(Set(d.values.map(\.value)) == ["1,800", "2,100"])
    }

    @Test func sameNounWithoutSharedContextIsNoDisagreement() {
        let c = compare([
            ("North", "Police detained 12 people at the harbor protest on Saturday evening."),
            ("South", "The ferry company hired 15 people for its new winter timetable."),
        ])
        #expect(c.disagreements.isEmpty)
    }

    @Test func farApartValuesAreDifferentFacts() {
        let c = compare([
            ("North", "The ferry usually carries about 1,800 passengers a day across the sound."),
            ("South", "Only 40 passengers a day used the old night service before it was cut."),
        ])
        #expect(c.disagreements.isEmpty)
    }

    @Test func numberWordsAndMoneyNeedAlignedSentences() {
        let c = compare([
            ("North", "Two states filed the lawsuit against the harbor authority on Monday."),
            ("South", "Three states have already joined the harbor authority pact this year."),
            ("East", "The mayor said the port cut $716 million from the ferry budget."),
            ("West", "A rival plan would cut the ferry budget by $800 million over ten years."),
        ])
        #expect(c.disagreements.isEmpty)
    }

    @Test func outletPrintingBothValuesMeansTwoFacts() {
        let c = compare([
            ("North", "The ferry carried 1,800 passengers a day last year. This winter it carries 2,100 passengers a day."),
            ("South", "These days some 2,100 passengers ride each day on the busy route."),
        ])
        #expect(c.disagreements.isEmpty)
    }
}

@Suite struct AddedValueTests {
    @Test func outletAddingASecondValueDoesNotDisagree() {
        let north = Fixtures.article("North", "The council set aside $3 million for harbor repairs and dredging this year.")
        let south = Fixtures.article("South", """
        The council set aside $3 million for harbor repairs and dredging this year, and $1.2 million for harbor repairs next year.
        """)
        let c = StoryComparator().compare(Fixtures.story([north, south]))
        #expect(c.disagreements.isEmpty)
    }
}
