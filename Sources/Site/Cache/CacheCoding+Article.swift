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

    /// The article as a listing (`ArticleDetail.listing`): its text is `articleText`, stored apart.
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
        sentences(a.sentences.prefix(2))
        array(a.extra.sorted { $0.key < $1.key }) { w, pair in
            w.string(pair.key)
            w.string(pair.value)
        }
    }

    /// The body and every sentence: a sentence that is a view of the body as its UTF-8 range
    /// (tag 1), any other as its text (tag 0). Ranges halve the store and are read back without
    /// a copy or a search.
    mutating func articleText(_ a: Article) {
        string(a.body)
        let ranges = a.sentenceRangesInBody()
        unsigned(UInt64(a.sentences.count))
        for (sentence, range) in zip(a.sentences, ranges) {
            if let range {
                unsigned(1)
                unsigned(UInt64(range.lowerBound))
                unsigned(UInt64(range.count))
            } else {
                unsigned(0)
                string(sentence.text)
            }
            int(sentence.paragraph)
            int(sentence.line)
        }
    }

    private mutating func sentences(_ values: ArraySlice<Sentence>) {
        array(Array(values)) { w, s in
            w.string(s.text)
            w.int(s.paragraph)
            w.int(s.line)
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

/// How much of a stored article a build reads. `.listing` leaves out the body and the
/// sentences after the first two — everything but a story's own page and its comparison
/// shows no more (day pages, outlet pages, feeds, `stories.json`) — and saves most of the
/// decoding and memory of a rebuild where one article changed.
enum ArticleDetail: Sendable {
    case full, listing
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

    mutating func outlet() throws(CacheCorrupt) -> Outlet {
        let name = try string()
        return Outlet(name: name, slug: try string())
    }

    /// A listing: `articleText` fills in the body and the rest of the sentences.
    mutating func article() throws(CacheCorrupt) -> Article {
        let id = try string(), source = try string(), outlet = try outlet(), title = try string()
        let titleIsDerived = try bool(), url = try optional()
        let year = try int(), month = try int(), dayOfMonth = try int()
        guard let day = Day(year: year, month: month, day: dayOfMonth) else { throw CacheCorrupt() }
        let publishedTime = try optional(), author = try optional(), byline = try optional()
        let dateline = try optional()
        let sentences = try sentences()
        let pairs = try array { (r: inout BinaryReader) throws(CacheCorrupt) in (try r.string(), try r.string()) }
        return Article(
            id: id, source: source, outlet: outlet, title: title, titleIsDerived: titleIsDerived, url: url, day: day,
            publishedTime: publishedTime, author: author, byline: byline, dateline: dateline, body: "",
            sentences: sentences, extra: Dictionary(pairs, uniquingKeysWith: { a, _ in a }))
    }

    mutating func articleText() throws(CacheCorrupt) -> (body: String, sentences: [Sentence]) {
        let body = try string()
        let sentences = try array { (r: inout BinaryReader) throws(CacheCorrupt) -> Sentence in
            switch try r.unsigned() {
            case 0:
                let text = try r.string()
                let paragraph = try r.int()
                return Sentence(text: text, paragraph: paragraph, line: try r.int())
            case 1:
                let start = Int(clamping: try r.unsigned()), count = Int(clamping: try r.unsigned())
                let paragraph = try r.int(), line = try r.int()
                guard start <= Int(UInt32.max), count <= Int(UInt32.max),
                      let sentence = Sentence(sharing: body, utf8: start..<(start + count), paragraph: paragraph, line: line)
                else { throw CacheCorrupt() }
                return sentence
            default:
                throw CacheCorrupt()
            }
        }
        return (body, sentences)
    }

    private mutating func sentences() throws(CacheCorrupt) -> [Sentence] {
        try array { (r: inout BinaryReader) throws(CacheCorrupt) in
            let text = try r.string()
            let paragraph = try r.int()
            return Sentence(text: text, paragraph: paragraph, line: try r.int())
        }
    }

    /// `removedLines: false` skips the lines the cleaner removed (only `--verbose` lists them).
    mutating func outcome(removedLines: Bool = true) throws(CacheCorrupt) -> ContentLoader.FileOutcome {
        guard try bool() else { return .failed(try diagnostic()) }
        let article = try article()
        var removed: [RemovedLine] = []
        for _ in 0..<(try count()) {
            let location = try self.location()
            guard removedLines else {
                try skipString()
                try skipString()
                continue
            }
            let label = try string()
            removed.append(RemovedLine(location: location, label: label, text: try string()))
        }
        let warnings = try array { (r: inout BinaryReader) throws(CacheCorrupt) in try r.diagnostic() }
        return .article(ContentLoader.ParsedFile(article: article, removed: removed, warnings: warnings))
    }
}
