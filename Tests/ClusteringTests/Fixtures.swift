import BriefingCore

/// Invented short articles for behaviour tests.
enum Fixtures {
    static func article(_ outlet: String, _ day: String, _ title: String, _ body: String) -> Article {
        let id = Slug.make("\(outlet)-\(title)", maxLength: 40)
        let sentences = body.components(separatedBy: ". ").enumerated().map { Sentence(text: $1, paragraph: 0, line: $0 + 1) }
        return Article(id: id, source: "\(day)/\(id).md", outlet: Outlet(name: outlet), title: title,
                       day: Day(day)!, body: body, sentences: sentences)
    }

    static let bridge = [
        article("Reuters", "2024-03-04", "Harbor Bridge in Velmora closes after cracks found",
                "Engineers closed the Harbor Bridge in Velmora on Monday after inspectors found cracks in two steel girders. Mayor Anita Korsgaard said the bridge would stay shut for at least three weeks. About 42,000 vehicles cross the span daily."),
        article("BBC News", "2024-03-04", "Velmora shuts Harbor Bridge over girder cracks",
                "The Harbor Bridge in Velmora was closed on Monday when cracks were discovered in steel girders. Mayor Anita Korsgaard warned commuters of three weeks of disruption. The span carries 42,000 vehicles a day."),
        article("The Hill", "2024-03-04", "Cracked girders force closure of Velmora's Harbor Bridge",
                "Inspectors discovered cracks in the girders of the Harbor Bridge, and Velmora officials closed it. Korsgaard said repairs could take three weeks for the 42,000 daily drivers."),
    ]

    static let quakes = [
        article("Reuters", "2024-05-10", "Magnitude 6.1 earthquake strikes Tarsenia, killing 12",
                "A magnitude 6.1 earthquake struck northern Tarsenia on Friday, killing 12 people in the town of Olvik. Rescue teams searched collapsed houses in Olvik and nearby Brena. The quake hit at a depth of 10 kilometres, the Tarsenian seismic institute said."),
        article("CNN", "2024-05-10", "Deadly 6.1 quake hits northern Tarsenia",
                "At least 12 people died when a 6.1 magnitude earthquake shook northern Tarsenia on Friday. Most victims were in Olvik, where houses collapsed. Rescuers were also working in Brena."),
        article("Fox News", "2024-05-10", "Magnitude 5.4 earthquake rattles Quillon coast, no deaths reported",
                "A magnitude 5.4 earthquake struck off the Quillon coast on Friday, shaking buildings in the port city of Maret. No deaths were reported, officials in Maret said. The quake's epicentre was 30 kilometres offshore."),
        article("NPR", "2024-05-10", "Quillon earthquake shakes Maret port, damage light",
                "An earthquake of magnitude 5.4 shook Maret and the Quillon coast on Friday. Port officials in Maret said damage was light and no one died. The epicentre lay 30 kilometres offshore."),
    ]

    static let bridgeNextDay = article("AP", "2024-03-05", "Velmora commuters face detours as Harbor Bridge stays closed",
        "A day after the Harbor Bridge closed, Velmora commuters faced long detours. Mayor Anita Korsgaard said engineers were assessing the cracked girders. The bridge normally carries 42,000 vehicles.")

    /// Next-day developments of the bridge story: new facts, the same bridge, town and mayor.
    static let bridgeFollowUps = [
        article("Reuters", "2024-03-05", "Velmora's Harbor Bridge to reopen to buses as girder repairs begin",
                "Velmora will reopen the Harbor Bridge to buses on Friday while welders repair the cracked girders, Mayor Anita Korsgaard said. Cars will stay on detours. Repairs are expected to cost $6 million."),
        article("BBC News", "2024-03-05", "Harbor Bridge repair contract awarded as Velmora traders count losses",
                "Velmora awarded a $6 million contract to repair the cracked girders of the Harbor Bridge. Shop owners near the span said trade had fallen by half since Monday. Korsgaard promised buses would cross again by Friday."),
    ]

    /// Another bridge closed on the second day: same kind of event, different names and numbers.
    static let otherBridge = [
        article("CNN", "2024-03-05", "Cargo ship hits Dunmore's Kestrel swing bridge, closing it",
                "A cargo ship struck the Kestrel swing bridge in Dunmore overnight, and the Orrin County roads office closed it. Harbourmaster Piet Vandal said the vessel lost steering in fog. The 1911 bridge carries 9,000 cars a day."),
        article("NPR", "2024-03-05", "Dunmore's Kestrel bridge shut after ship collision in fog",
                "The Kestrel swing bridge in Dunmore was shut after a cargo ship hit it in fog. Piet Vandal, the harbourmaster, said steering failed. Orrin County engineers will inspect the 1911 span, used by 9,000 cars daily."),
    ]

    static let unrelated = article("Vox", "2024-03-04", "Orchestra of Pellham names Sunita Raveau music director",
        "The Pellham Philharmonic named conductor Sunita Raveau its music director on Monday. Raveau, 38, will lead the orchestra from next season.")
}
