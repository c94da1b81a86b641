import BriefingCore
import Foundation

/// Builds test articles from invented text: paragraphs split on blank lines, sentences after
/// `.`, `!` or `?` (and any closing quote) followed by a space.
enum Fixtures {
    static func article(
        _ outlet: String, _ text: String, id: String? = nil, title: String? = nil,
        day: String = "2026-03-02", time: String? = nil
    ) -> Article {
        let o = Outlet(name: outlet)
        var sentences: [Sentence] = []
        for (p, paragraph) in text.components(separatedBy: "\n\n").enumerated() {
            for s in split(paragraph) { sentences.append(Sentence(text: s, paragraph: p, line: p + 1)) }
        }
        return Article(
            id: id ?? "\(o.slug)-1", source: "\(day)/\(o.slug).md", outlet: o, title: title ?? "\(outlet) headline",
            day: Day(day)!, publishedTime: time, body: text, sentences: sentences
        )
    }

    static func split(_ paragraph: String) -> [String] {
        var out: [String] = []
        var current = ""
        let chars = Array(paragraph.replacingOccurrences(of: "\n", with: " "))
        var i = 0
        while i < chars.count {
            current.append(chars[i])
            if ".!?".contains(chars[i]) {
                while i + 1 < chars.count, "”\"".contains(chars[i + 1]) { i += 1; current.append(chars[i]) }
                if i + 1 == chars.count || chars[i + 1] == " " {
                    let t = current.trimmingCharacters(in: .whitespaces)
                    if !t.isEmpty { out.append(t) }
                    current = ""
                }
            }
            i += 1
        }
        let t = current.trimmingCharacters(in: .whitespaces)
        if !t.isEmpty { out.append(t) }
        return out
    }

    static func story(_ articles: [Article], id: String = "story") -> Story {
        Story(id: id, title: "Story", articles: articles)
    }
}
