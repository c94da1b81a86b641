import BriefingCore

/// Binary coding of `StoryComparison` for the comparison store, field by field.
extension BinaryWriter {
    mutating func outlets(_ values: [Outlet]) { array(values) { $0.outlet($1) } }

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

    /// Shared and outlet-only claims, quotes and disagreements, after the table of the article
    /// ids and outlets they name (`RecurringNames`).
    mutating func comparisonDetails(_ c: StoryComparison) {
        var names = RecurringNames()
        // The details are written first, in place, and the table they made put before them.
        let start = count
        array(c.shared) { $0.claim($1, &names) }
        array(c.only) { w, only in
            w.unsigned(names.number(only.outlet))
            w.array(only.claims) { $0.claim($1, &names) }
        }
        array(c.quotes) { w, quote in
            w.optional(quote.speaker)
            w.array(quote.variants) { w, variant in
                w.string(variant.text)
                w.outlets(variant.outlets, &names)
                w.array(variant.diff) { w, segment in
                    w.unsigned(RecurringNames.code(of: segment.kind))
                    w.string(segment.text)
                }
            }
        }
        array(c.disagreements) { w, d in
            w.string(d.about)
            w.array(d.values) { w, value in
                w.string(value.value)
                w.outlets(value.outlets, &names)
                w.string(value.sentence)
            }
        }
        var table = BinaryWriter(capacity: 256)
        table.array(names.ids.values) { $0.string($1) }
        table.outlets(names.outlets.values)
        insert(table, at: start)
    }

    private mutating func claim(_ c: Claim, _ names: inout RecurringNames) {
        string(c.text)
        outlets(c.outlets, &names)
        array(c.sources) { w, s in
            w.unsigned(names.number(id: s.articleID))
            w.unsigned(names.number(s.outlet))
            w.int(s.sentence)
        }
    }

    private mutating func outlets(_ values: [Outlet], _ names: inout RecurringNames) {
        array(values) { $0.unsigned(names.number($1)) }
    }
}

/// Article ids and outlets recur in every claim, quote and disagreement of a comparison: its
/// stored details hold each once, in a table ahead of them, and then its number in the table
/// (a third less to write and read than each name in full).
struct RecurringNames {
    var ids = FirstUseNumbers<String>()
    var outlets = FirstUseNumbers<Outlet>()

    mutating func number(id: String) -> UInt64 { ids.number(id) }

    mutating func number(_ outlet: Outlet) -> UInt64 { outlets.number(outlet) }

    static let kinds: [DiffSegment.Kind] = [.same, .deleted, .inserted]

    static func code(of kind: DiffSegment.Kind) -> UInt64 { UInt64(kinds.firstIndex(of: kind)!) }
}

/// Values numbered in order of first use: a store writes each once, in a table, then numbers.
/// A table holds a few values (a story's outlets and articles, an article's boosts): up to
/// `scanLimit` they are searched in turn, which is quicker than hashing them; past it, by hash.
struct FirstUseNumbers<Value: Hashable> {
    private(set) var values: [Value] = []
    private var numbers: [Value: UInt64] = [:]
    private static var scanLimit: Int { 16 }

    mutating func number(_ value: Value) -> UInt64 {
        if values.count <= Self.scanLimit {
            if let index = values.firstIndex(of: value) { return UInt64(index) }
            values.append(value)
            if values.count > Self.scanLimit {
                for (index, known) in values.enumerated() { numbers[known] = UInt64(index) }
            }
            return UInt64(values.count - 1)
        }
        if let number = numbers[value] { return number }
        numbers[value] = UInt64(values.count)
        values.append(value)
        return UInt64(values.count - 1)
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
        let ids = try array { (r: inout BinaryReader) throws(CacheCorrupt) in try r.string() }
        let outletTable = try outlets()
        /// The entry of `table` whose number comes next.
        func named<T>(_ table: [T], _ r: inout BinaryReader) throws(CacheCorrupt) -> T {
            let number = try r.unsigned()
            guard number < UInt64(table.count) else { throw CacheCorrupt() }
            return table[Int(number)]
        }
        func outletList(_ r: inout BinaryReader) throws(CacheCorrupt) -> [Outlet] {
            try r.array { (r: inout BinaryReader) throws(CacheCorrupt) in try named(outletTable, &r) }
        }
        func claim(_ r: inout BinaryReader) throws(CacheCorrupt) -> Claim {
            let text = try r.string()
            let claimOutlets = try outletList(&r)
            let sources = try r.array { (r: inout BinaryReader) throws(CacheCorrupt) in
                let id = try named(ids, &r)
                let outlet = try named(outletTable, &r)
                return ClaimSource(articleID: id, outlet: outlet, sentence: try r.int())
            }
            return Claim(text: text, outlets: claimOutlets, sources: sources)
        }
        let shared = try array(claim)
        let only = try array { (r: inout BinaryReader) throws(CacheCorrupt) in
            let outlet = try named(outletTable, &r)
            return OutletOnly(outlet: outlet, claims: try r.array(claim))
        }
        let quotes = try array { (r: inout BinaryReader) throws(CacheCorrupt) in
            let speaker = try r.optional()
            let variants = try r.array { (r: inout BinaryReader) throws(CacheCorrupt) in
                let text = try r.string()
                let variantOutlets = try outletList(&r)
                let diff = try r.array { (r: inout BinaryReader) throws(CacheCorrupt) in
                    let kind = try named(RecurringNames.kinds, &r)
                    return DiffSegment(kind, try r.string())
                }
                return QuoteGroup.Variant(text: text, outlets: variantOutlets, diff: diff)
            }
            return QuoteGroup(speaker: speaker, variants: variants)
        }
        let disagreements = try array { (r: inout BinaryReader) throws(CacheCorrupt) in
            let about = try r.string()
            let values = try r.array { (r: inout BinaryReader) throws(CacheCorrupt) in
                let value = try r.string()
                let valueOutlets = try outletList(&r)
                return Disagreement.Value(value: value, outlets: valueOutlets, sentence: try r.string())
            }
            return Disagreement(about: about, values: values)
        }
        return StoryComparison(
            storyID: brief.storyID, summary: brief.summary, shared: shared, only: only, quotes: quotes,
            disagreements: disagreements, headlines: brief.headlines)
    }
}
