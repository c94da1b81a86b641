import BriefingCore
import Ingest

/// Hand-written binary coding of parsed files for the article store: Foundation's JSON
/// coders are several times slower on Linux, and this runs for every cached article.
extension BinaryWriter {
    mutating func location(_ value: SourceLocation) {
        string(value.path)
        int(value.line)
        int(value.column)
    }

    mutating func diagnostic(_ value: Diagnostic) {
        bool(value.severity == .error)
        location(value.location)
        string(value.message)
    }

    mutating func outlet(_ value: Outlet) {
        string(value.name)
        string(value.slug)
    }

    mutating func article(_ a: Article) {
        string(a.id)
        string(a.source)
        outlet(a.outlet)
        string(a.title)
        bool(a.titleIsDerived)
        optional(a.url)
        int(a.day.year)
        int(a.day.month)
        int(a.day.day)
        optional(a.publishedTime)
        optional(a.author)
        optional(a.byline)
        optional(a.dateline)
        string(a.body)
        array(a.sentences) { w, s in
            w.string(s.text)
            w.int(s.paragraph)
            w.int(s.line)
        }
        array(a.extra.sorted { $0.key < $1.key }) { w, pair in
            w.string(pair.key)
            w.string(pair.value)
        }
    }

    mutating func outcome(_ value: ContentLoader.FileOutcome) {
        switch value {
        case .failed(let diagnostic):
            bool(false)
            self.diagnostic(diagnostic)
        case .article(let parsed):
            bool(true)
            article(parsed.article)
            array(parsed.removed) { w, line in
                w.location(line.location)
                w.string(line.label)
                w.string(line.text)
            }
            array(parsed.warnings) { $0.diagnostic($1) }
        }
    }
}

extension BinaryReader {
    mutating func location() throws(CacheCorrupt) -> SourceLocation {
        let path = try string()
        let line = try int()
        return SourceLocation(path: path, line: line, column: try int())
    }

    mutating func diagnostic() throws(CacheCorrupt) -> Diagnostic {
        let isError = try bool()
        let location = try location()
        return Diagnostic(isError ? .error : .warning, at: location, try string())
    }

    /// Outlets repeat all through a store: each name is turned into an `Outlet` once.
    mutating func outlet() throws(CacheCorrupt) -> Outlet {
        let name = try string()
        let slug = try string()
        if let known = knownOutlets[name], known.slug == slug { return known }
        var outlet = Outlet(name: name)
        outlet.slug = slug
        knownOutlets[name] = outlet
        return outlet
    }

    mutating func article() throws(CacheCorrupt) -> Article {
        let id = try string(), source = try string(), outlet = try outlet(), title = try string()
        let titleIsDerived = try bool(), url = try optional()
        let year = try int(), month = try int(), dayOfMonth = try int()
        guard let day = Day(year: year, month: month, day: dayOfMonth) else { throw CacheCorrupt() }
        let publishedTime = try optional(), author = try optional(), byline = try optional()
        let dateline = try optional(), body = try string()
        let sentences = try array { (r: inout BinaryReader) throws(CacheCorrupt) in
            let text = try r.string()
            let paragraph = try r.int()
            return Sentence(text: text, paragraph: paragraph, line: try r.int())
        }
        let pairs = try array { (r: inout BinaryReader) throws(CacheCorrupt) in (try r.string(), try r.string()) }
        var article = Article(
            id: id, source: source, outlet: outlet, title: title, titleIsDerived: titleIsDerived, url: url, day: day,
            publishedTime: publishedTime, author: author, byline: byline, dateline: dateline, body: body,
            sentences: sentences, extra: Dictionary(pairs, uniquingKeysWith: { a, _ in a }))
        article.shareSentenceText()
        return article
    }

    mutating func outcome() throws(CacheCorrupt) -> ContentLoader.FileOutcome {
        guard try bool() else { return .failed(try diagnostic()) }
        let article = try article()
        let removed = try array { (r: inout BinaryReader) throws(CacheCorrupt) in
            let location = try r.location()
            let label = try r.string()
            return RemovedLine(location: location, label: label, text: try r.string())
        }
        let warnings = try array { (r: inout BinaryReader) throws(CacheCorrupt) in try r.diagnostic() }
        return .article(ContentLoader.ParsedFile(article: article, removed: removed, warnings: warnings))
    }
}
