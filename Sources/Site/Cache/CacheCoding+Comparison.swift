import BriefingCore

/// Binary coding of `StoryComparison` for the comparison store, field by field.
extension BinaryWriter {
    mutating func outlets(_ values: [Outlet]) { array(values) { $0.outlet($1) } }

    mutating func claim(_ c: Claim) {
        string(c.text)
        outlets(c.outlets)
        array(c.sources) { w, s in
            w.string(s.articleID)
            w.outlet(s.outlet)
            w.int(s.sentence)
        }
    }

    /// The id, summary and headlines: all that day pages and feeds show.
    mutating func comparisonBrief(_ c: StoryComparison) {
        string(c.storyID)
        array(c.summary) { $0.string($1) }
        array(c.headlines) { w, h in
            w.outlet(h.outlet)
            w.string(h.title)
            w.string(h.articleID)
            w.string(h.published)
        }
    }

    /// Shared and outlet-only claims, quotes and disagreements.
    mutating func comparisonDetails(_ c: StoryComparison) {
        array(c.shared) { $0.claim($1) }
        array(c.only) { w, only in
            w.outlet(only.outlet)
            w.array(only.claims) { $0.claim($1) }
        }
        array(c.quotes) { w, quote in
            w.optional(quote.speaker)
            w.array(quote.variants) { w, variant in
                w.string(variant.text)
                w.outlets(variant.outlets)
                w.array(variant.diff) { w, segment in
                    w.string(segment.kind.rawValue)
                    w.string(segment.text)
                }
            }
        }
        array(c.disagreements) { w, d in
            w.string(d.about)
            w.array(d.values) { w, value in
                w.string(value.value)
                w.outlets(value.outlets)
                w.string(value.sentence)
            }
        }
    }
}

/// How much of a stored comparison a build reads: `.brief` is the id, summary and headlines.
enum ComparisonDetail: Sendable {
    case full, brief
}

extension BinaryReader {
    mutating func outlets() throws(CacheCorrupt) -> [Outlet] {
        try array { (r: inout BinaryReader) throws(CacheCorrupt) in try r.outlet() }
    }

    mutating func claim() throws(CacheCorrupt) -> Claim {
        let text = try string()
        let outlets = try outlets()
        let sources = try array { (r: inout BinaryReader) throws(CacheCorrupt) in
            let id = try r.string()
            let outlet = try r.outlet()
            return ClaimSource(articleID: id, outlet: outlet, sentence: try r.int())
        }
        return Claim(text: text, outlets: outlets, sources: sources)
    }

    mutating func comparisonBrief() throws(CacheCorrupt) -> StoryComparison {
        let storyID = try string()
        let summary = try array { (r: inout BinaryReader) throws(CacheCorrupt) in try r.string() }
        let headlines = try array { (r: inout BinaryReader) throws(CacheCorrupt) in
            let outlet = try r.outlet()
            let title = try r.string()
            let id = try r.string()
            return Headline(outlet: outlet, title: title, articleID: id, published: try r.string())
        }
        return StoryComparison(storyID: storyID, summary: summary, headlines: headlines)
    }

    /// `brief` with its details read.
    mutating func comparisonDetails(_ brief: StoryComparison) throws(CacheCorrupt) -> StoryComparison {
        let shared = try array { (r: inout BinaryReader) throws(CacheCorrupt) in try r.claim() }
        let only = try array { (r: inout BinaryReader) throws(CacheCorrupt) in
            let outlet = try r.outlet()
            return OutletOnly(outlet: outlet, claims: try r.array { (r: inout BinaryReader) throws(CacheCorrupt) in try r.claim() })
        }
        let quotes = try array { (r: inout BinaryReader) throws(CacheCorrupt) in
            let speaker = try r.optional()
            let variants = try r.array { (r: inout BinaryReader) throws(CacheCorrupt) in
                let text = try r.string()
                let outlets = try r.outlets()
                let diff = try r.array { (r: inout BinaryReader) throws(CacheCorrupt) in
                    guard let kind = DiffSegment.Kind(rawValue: try r.string()) else { throw CacheCorrupt() }
                    return DiffSegment(kind, try r.string())
                }
                return QuoteGroup.Variant(text: text, outlets: outlets, diff: diff)
            }
            return QuoteGroup(speaker: speaker, variants: variants)
        }
        let disagreements = try array { (r: inout BinaryReader) throws(CacheCorrupt) in
            let about = try r.string()
            let values = try r.array { (r: inout BinaryReader) throws(CacheCorrupt) in
                let value = try r.string()
                let outlets = try r.outlets()
                return Disagreement.Value(value: value, outlets: outlets, sentence: try r.string())
            }
            return Disagreement(about: about, values: values)
        }
        return StoryComparison(
            storyID: brief.storyID, summary: brief.summary, shared: shared, only: only, quotes: quotes,
            disagreements: disagreements, headlines: brief.headlines)
    }
}
