import BriefingCore

/// What `cluster` reads of each article, so a build with a cache can tell that the stories of
/// the last build still hold: edits below an article's first `maxSentences` sentences (a late
/// correction, an added paragraph) leave its terms and so every story as it was.
extension StoryClusterer {
    /// One article's terms, exactly as `cluster` counts them.
    public func terms(of article: Article) -> ArticleTerms {
        var extractor = TermExtractor()
        let terms = TermVectors.weightedCounts(article, extractor: &extractor, settings: settings)
        return terms.vocabulary(extractor.vocabulary, isSorted: false)
    }

    /// Everything `cluster` reads of one article given its terms: ordering keys (day, outlet
    /// slug, id), the headline for ids and story titles, the source for id collisions, and the
    /// terms sorted (their stored order carries no meaning). Equal signatures for the same set of
    /// articles, under the same settings, give the same stories.
    public static func signature(of article: Article, terms: ArticleTerms) -> String {
        var text = "\(article.id)\n\(article.source)\n\(article.day)\n\(article.outlet.slug)\n"
        text += "\(article.titleIsDerived)\n\(article.title)\n"
        // Written as bytes: interpolating two numbers per term dominated building the text.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(terms.count * 48)
        for k in terms.termOrder() {
            bytes += terms.term(k).utf8
            bytes.append(UInt8(ascii: " "))
            appendDecimal(terms.counts[k].bitPattern, to: &bytes)
            bytes.append(UInt8(ascii: " "))
            appendDecimal(terms.boosts[k].bitPattern, to: &bytes)
            bytes.append(UInt8(ascii: "\n"))
        }
        text += String(decoding: bytes, as: UTF8.self)
        return text
    }

    /// `String(value)`'s digits, appended.
    static func appendDecimal(_ value: UInt64, to bytes: inout [UInt8]) {
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // up to 20 digits, least significant first
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                count += 1
            } while rest > 0
            for i in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[i]) }
        }
    }
}
