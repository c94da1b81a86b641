import Foundation
import BriefingCore

/// Compares the articles of one story: what most outlets report, what only one does, how quotes
/// were printed, where numbers disagree, and who reported first. Extractive: every claim points
/// back to an outlet, an article and a sentence.
public struct StoryComparator: Sendable {
    /// Minimum IDF-weighted cosine for two sentences of different outlets to align.
    static let alignThreshold = 0.42
    /// Aligned sentences must also share at least this many content words.
    static let minimumSharedTerms = 3
    /// A group holds at most this many sentences of one outlet.
    static let maxPerOutlet = 3
    /// A sentence is not "only" when one sentence of another outlet covers this much of its content.
    static let onlyCoverage = 0.45
    /// Number of sentences in the summary.
    static let summaryLength = 3

    /// Shared by the stories this comparator compares, in parallel.
    let spellings = SpellingMemo()
    /// The words of the claims it makes, shared by its comparisons (`StoryComparison.compacted(words:)`);
    /// nil when they keep their sentences.
    let claimWords: ClaimWords?

    /// `keepsSentences`: claims hold their texts as their sentences do, ranges of the articles'
    /// bodies; only for articles held whole until the comparisons are dropped, not read back for
    /// comparing (each comparison would keep its articles' bodies alive).
    public init(keepsSentences: Bool = false) {
        claimWords = keepsSentences ? nil : ClaimWords()
    }

    /// Ends this comparator's comparing: the claims it made are read from now on (pages,
    /// `stories.json`) on all cores without taking a lock. It must compare nothing after.
    public func finish() { claimWords?.freeze() }

    /// Pure and deterministic: the same story (in any article order) gives the same comparison.
    /// Its claims are compacted already.
    public func compare(_ story: Story) -> StoryComparison {
        let articles = story.articles.sorted(by: Article.canonicalOrder)
        let headlines = Self.headlines(articles)
        let outletCount = Set(articles.map(\.outlet.slug)).count
        guard outletCount >= 2 else {
            return StoryComparison(storyID: story.id, summary: Self.leadSummary(articles), headlines: headlines)
        }
        let table = SentenceTable(articles: articles, spellings: spellings)
        let pairs = Self.scoredPairs(table)
        let rows = PairRows(pairs, sentenceCount: table.count)
        let groups = Self.alignedGroups(table, pairs: pairs, rows: rows)
        let shared = Self.sharedClaims(table, groups: groups)
        let only = Self.onlyClaims(table, groups: groups, pairs: pairs)
        let quotes = Self.quoteGroups(articles, table: table)
        let disagreements = Self.disagreements(table, pairs: pairs, groups: groups, rows: rows)
        let summary = shared.isEmpty ? Self.leadSummary(articles) : Self.summary(shared, articles: articles, table: table)
        // Compacted: a build holds every comparison until rendering.
        return StoryComparison(
            storyID: story.id, summary: summary, shared: shared, only: only, quotes: quotes,
            disagreements: disagreements, headlines: headlines
        ).compacted(words: claimWords)
    }

    /// The timeline: by publication, then canonical order.
    static func headlines(_ articles: [Article]) -> [Headline] {
        articles.enumerated()
            .sorted { ($0.element.published, $0.offset) < ($1.element.published, $1.offset) }
            .map { Headline(outlet: $0.element.outlet, title: $0.element.title, articleID: $0.element.id,
                            published: $0.element.published) }
    }

    /// The most widely shared claims, each told by a reported statement rather than a bare
    /// quotation: when a claim's representative is a quote, another outlet's wording of it that
    /// is not a quote stands in. When every shared claim is a quotation, the earliest article's lead is used.
    /// `table`: the story's, whose sentence texts are made already (else each is made from its article).
    static func summary(_ shared: [Claim], articles: [Article], table: SentenceTable? = nil) -> [String] {
        // Articles by id as indices: a dictionary of Articles copied each one in and out.
        let byID = Dictionary(uniqueKeysWithValues: articles.enumerated().map { ($1.id, $0) })
        var firstSentence = [0]
        if table != nil { for article in articles { firstSentence.append(firstSentence[firstSentence.count - 1] + article.sentences.count) } }
        func text(_ source: ClaimSource) -> String? {
            guard let a = byID[source.articleID], articles[a].sentences.indices.contains(source.sentence) else { return nil }
            return table.map { $0.entries[firstSentence[a] + source.sentence].text } ?? articles[a].sentences[source.sentence].text
        }
        // Any quotation mark: a statement in the reporter's words reads best in a summary.
        // The byte scan first: most wordings hold no quote mark, and walking Characters is slow.
        let isQuote: (String) -> Bool = { QuoteExtractor.mayQuote($0) && $0.contains(where: { "“”\"".contains($0) }) }
        var picked: [String] = []
        for claim in shared where picked.count < summaryLength {
            let wordings = [claim.text] + claim.sources.compactMap(text)
            let statements = wordings.filter { !isQuote($0) }
            // "However, …" leans on a sentence the summary does not show: prefer a wording that
            // stands alone, else drop the connective.
            guard let statement = statements.first(where: { Self.leadingConnective(in: $0) == nil })
                    ?? statements.first.map(Self.droppingLeadingConnective)
            else { continue }
            if !picked.contains(statement) { picked.append(statement) }
        }
        // Shared claims that are all quotations make a poor summary: the lead tells the story better.
        return picked.isEmpty ? leadSummary(articles) : picked
    }

    /// Words that open a sentence by pointing back at the one before it when a comma follows
    /// ("Still, …" but not "Still water …"); "But" and "And" do so with or without one.
    static let connectives: Set<String> = [
        "however", "meanwhile", "still", "also", "yet", "moreover", "instead", "nevertheless",
        "furthermore", "additionally", "so", "thus", "therefore", "separately",
    ]

    /// The connective word opening `sentence` ("However," in "However, Blinken said…"), if any.
    static func leadingConnective(in sentence: String) -> Substring? {
        let word = sentence.prefix(while: { $0.isLetter })
        let lower = word.lowercased()
        switch sentence.dropFirst(word.count).first {
        case ",": return connectives.contains(lower) || lower == "but" || lower == "and" ? word : nil
        case " ": return lower == "but" || lower == "and" ? word : nil
        default: return nil
        }
    }

    /// `sentence` without its opening connective, capitalised: "Blinken said…".
    static func droppingLeadingConnective(_ sentence: String) -> String {
        guard let word = leadingConnective(in: sentence) else { return sentence }
        let rest = sentence.dropFirst(word.count).drop(while: { $0 == "," || $0 == " " })
        guard let first = rest.first else { return sentence }
        return first.uppercased() + rest.dropFirst()
    }

    /// First two sentences of the earliest article, when there is nothing shared to summarise.
    static func leadSummary(_ articles: [Article]) -> [String] {
        guard let first = articles.enumerated()
            .min(by: { ($0.element.published, $0.offset) < ($1.element.published, $1.offset) })?.element
        else { return [] }
        // Scorelines, subheads and other unpunctuated lines are not sentences a summary can use.
        let complete = Array(first.sentences.lazy.map(\.text).filter(endsLikeASentence).prefix(2))
        return complete.isEmpty ? Array(first.sentences.prefix(2).map(\.text)) : complete
    }

    /// The closing quote marks are not part of a sentence's end.
    static let closingMarks: Set<Unicode.Scalar> = ["\"", "”", "’", "'", " "]

    /// Whether `text`, without closing quotes and spaces at its ends, ends in `.`, `!` or `?`.
    static func endsLikeASentence(_ text: String) -> Bool {
        let scalars = text.unicodeScalars
        guard let end = scalars.lastIndex(where: { !closingMarks.contains($0) }) else { return false }
        guard ".!?".unicodeScalars.contains(scalars[end]) else { return false }
        // The mark is a whole Character unless a scalar before it joins it (a Prepend mark): none is ASCII.
        if end == scalars.startIndex || scalars[scalars.index(before: end)].isASCII { return true }
        return String(scalars[...end]).last.map { ".!?".contains($0) } ?? false
    }
}
