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
        String(decoding: signatureBytes(of: article, terms: terms), as: UTF8.self)
    }

    /// `signature(of:terms:)` as UTF-8, for a digest of it: making the String checked and copied
    /// every byte again.
    public static func signatureBytes(of article: Article, terms: ArticleTerms) -> [UInt8] {
        let head = "\(article.id)\n\(article.source)\n\(article.day)\n\(article.outlet.slug)\n\(article.titleIsDerived)\n\(article.title)\n"
        // Written as bytes: interpolating two numbers per term dominated building the text.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(head.utf8.count + terms.count * 56)
        bytes += head.utf8
        var numbers = DecimalMemo()
        for k in terms.termOrder() {
            var term = terms.term(k)
            term.withUTF8 { bytes += $0 }
            bytes.append(UInt8(ascii: " "))
            numbers.append(terms.counts[k].bitPattern, to: &bytes)
            bytes.append(UInt8(ascii: " "))
            numbers.append(terms.boosts[k].bitPattern, to: &bytes)
            bytes.append(UInt8(ascii: "\n"))
        }
        return bytes
    }

    /// `String(value)`'s digits, appended.
    static func appendDecimal(_ value: UInt64, to bytes: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { buffer in
            let start = writeDecimal(value, endingAt: buffer.baseAddress! + 20)
            bytes += UnsafeBufferPointer(rebasing: buffer[start...])
        }
    }

    /// `String(value)`'s digits (at most 20), written to end just before `end`; the offset from
    /// `end - 20` they start at.
    static func writeDecimal(_ value: UInt64, endingAt end: UnsafeMutablePointer<UInt8>) -> Int {
        var rest = value, start = 20
        repeat {
            let (quotient, digit) = rest.quotientAndRemainder(dividingBy: 10)
            start -= 1
            (end - 20 + start).pointee = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: digit)
            rest = quotient
        } while rest > 0
        return start
    }
}

/// Decimal digits of the numbers of one signature, remembered: an article's counts and boosts
/// take a few distinct values, each written as a 19-digit bit pattern, hundreds of times.
private struct DecimalMemo {
    private static let slots = 64
    private var values = [UInt64](repeating: 0, count: slots)
    /// Digits of each slot's value, right-aligned in 20 bytes; 0 marks an empty slot.
    private var starts = [Int](repeating: 0, count: slots)
    private var digits = [UInt8](repeating: 0, count: slots * 20)

    mutating func append(_ value: UInt64, to bytes: inout [UInt8]) {
        let slot = Int(truncatingIfNeeded: (value &* 0x9E37_79B9_7F4A_7C15) >> 58)
        let base = slot * 20
        if starts[slot] == 0 || values[slot] != value {
            values[slot] = value
            starts[slot] = 1 + digits.withUnsafeMutableBufferPointer {
                StoryClusterer.writeDecimal(value, endingAt: $0.baseAddress! + base + 20)
            }
        }
        digits.withUnsafeBufferPointer { bytes += UnsafeBufferPointer(rebasing: $0[(base + starts[slot] - 1)..<(base + 20)]) }
    }
}
