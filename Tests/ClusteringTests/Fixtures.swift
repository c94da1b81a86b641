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

    static let unrelated = article("Vox", "2024-03-04", "Orchestra of Pellham names Sunita Raveau music director",
        "The Pellham Philharmonic named conductor Sunita Raveau its music director on Monday. Raveau, 38, will lead the orchestra from next season.")
}
