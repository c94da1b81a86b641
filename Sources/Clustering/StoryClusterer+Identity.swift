import BriefingCore

extension StoryClusterer {
    /// Builds stories with stable ids and representative titles, sorted by (firstDay, id).
    ///
    /// A story's id is `<day>-<first words of the headline>` of its earliest article in canonical
    /// order (day, outlet slug, id), so it survives later articles joining and unrelated articles
    /// coming and going. If an *older* article is added after the fact and joins the story, the
    /// earliest article changes and so does the id (the old `/stories/<id>/` disappears).
    /// When two stories would get the same id, the one whose earliest article comes first in
    /// canonical order keeps it; the others get `-<6 hex digits>`, a stable FNV-1a hash of that
    /// article's `source`.
    /// The stories, and for each the index of its group in `groups`.
    func makeStories(_ groups: [[Int]], model: SimilarityModel) -> (stories: [Story], groupOrder: [Int]) {
        // Slugs and representative titles are per group: worked out in parallel.
        let base = Parallel.map(groups) { Self.baseID(model.articles[$0[0]]) }
        let titles = Parallel.map(groups) { representativeTitle($0, model: model) }
        var used: [String: Int] = [:]
        var ids = base
        // Groups are ordered by their earliest article, i.e. canonical order.
        for (g, id) in base.enumerated() {
            if used[id] != nil { ids[g] = id + "-" + Self.shortHash(model.articles[groups[g][0]].source) }
            used[id, default: 0] += 1
        }
        // A group's first member is its earliest article (canonical order puts the day first),
        // so its day is the story's first day, read without making each story's list of days.
        let order = groups.indices.sorted { a, b in
            (model.articles[groups[a][0]].day, ids[a]) < (model.articles[groups[b][0]].day, ids[b])
        }
        // On this thread: made by workers, the stories took memory the build had freed here.
        let stories = order.map { g in Story(id: ids[g], title: titles[g], articles: groups[g].map { model.articles[$0] }) }
        return (stories, order)
    }

    static func baseID(_ article: Article) -> String {
        let words = Slug.make(article.title, fallback: "story", maxLength: 200).split(separator: "-").prefix(8)
        var slug = ""
        for w in words where slug.count + w.count + 1 <= 48 {
            slug += slug.isEmpty ? String(w) : "-" + w
        }
        if slug.isEmpty { slug = String(Slug.make(article.title, fallback: "story", maxLength: 48)) }
        return "\(article.day)-\(slug)"
    }

    /// FNV-1a, 24 bits as hex: stable across runs, unlike `Hasher`.
    static func shortHash(_ text: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in text.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        let s = String(h & 0xFF_FFFF, radix: 16)
        return String(repeating: "0", count: 6 - s.count) + s
    }

    /// The headline of the member with the highest mean similarity to the others (ties: canonical
    /// order), preferring real headlines over ones derived from the body.
    func representativeTitle(_ members: [Int], model: SimilarityModel) -> String {
        let real = members.filter { !model.articles[$0].titleIsDerived }
        let pool = real.isEmpty ? members : real
        var best = pool[0], bestScore = -1.0
        for i in pool {
            let score = members.reduce(0.0) { $1 == i ? $0 : $0 + model.vectors.vectors[i].dot(model.vectors.vectors[$1]) }
            if score > bestScore + 1e-12 { best = i; bestScore = score }
        }
        return model.articles[best].title
    }
}
