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
    /// articles, under the same settings, give the same stories. Readable text, one term a line
    /// with its count's and boost's bit patterns; a build digests `signatureBytes` instead.
    public static func signature(of article: Article, terms: ArticleTerms) -> String {
        var text = "\(article.id)\n\(article.source)\n\(article.day)\n\(article.outlet.slug)\n\(article.titleIsDerived)\n\(article.title)\n"
        for k in terms.termOrder() { text += "\(terms.term(k)) \(terms.counts[k].bitPattern) \(terms.boosts[k].bitPattern)\n" }
        return text
    }

    /// `signature(of:terms:)` as compact bytes, for a digest: each text field and term with its
    /// UTF-8 length, numbers as their 8 bytes. Equal exactly when the signatures are equal, at a
    /// third of their length and with no digits to write (decimal bit patterns were most of the
    /// text, and writing and digesting it a tenth of the cluster stage at 10k).
    public static func signatureBytes(of article: Article, terms: ArticleTerms) -> [UInt8] {
        let head = [article.id, article.source, article.day.description, article.outlet.slug, article.title]
        let order = terms.termOrder()
        var size = 1 + 16 * order.count
        for field in head { size += 4 + field.utf8.count }
        for k in order { size += 4 + terms.term(k).utf8.count }
        return [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            var out = UnsafeMutableRawPointer(buffer.baseAddress!)
            func write(_ text: String) {
                var text = text
                text.withUTF8 { utf8 in
                    out.storeBytes(of: UInt32(utf8.count).littleEndian, toByteOffset: 0, as: UInt32.self)
                    if let base = utf8.baseAddress { (out + 4).copyMemory(from: base, byteCount: utf8.count) }
                    out += 4 + utf8.count
                }
            }
            func write(_ value: UInt64) {
                out.storeBytes(of: value.littleEndian, toByteOffset: 0, as: UInt64.self)
                out += 8
            }
            for field in head { write(field) }
            out.storeBytes(of: article.titleIsDerived ? 1 : 0, as: UInt8.self)
            out += 1
            terms.counts.withUnsafeBufferPointer { counts in
                terms.boosts.withUnsafeBufferPointer { boosts in
                    for k in order {
                        write(terms.term(k))
                        write(counts[k].bitPattern)
                        write(boosts[k].bitPattern)
                    }
                }
            }
            count = UnsafeMutableRawPointer(buffer.baseAddress!).distance(to: out)
        }
    }
}
