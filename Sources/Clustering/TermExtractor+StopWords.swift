extension TermExtractor {
    /// A compact English stop-word list plus reporting verbs every news article uses.
    static let stopWords: Set<String> = [
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are",
        "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by",
        "can", "could", "did", "do", "does", "doing", "dont", "down", "during", "each", "few", "for", "from",
        "further", "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself",
        "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "me", "more", "most",
        "my", "myself", "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other", "our",
        "ours", "ourselves", "out", "over", "own", "same", "she", "should", "so", "some", "such", "than",
        "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this",
        "those", "through", "to", "too", "under", "until", "up", "very", "was", "we", "were", "what", "when",
        "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your", "yours",
        "yourself", "yourselves", "may", "might", "must", "shall", "us", "mr", "mrs", "ms", "said", "says",
        "say", "told", "according", "new", "one", "two", "year", "years", "last", "first", "many", "much",
        "like", "get", "got", "make", "made", "well", "even", "still", "back", "since", "around", "however",
        "another", "going", "want", "wants", "way", "time", "people", "week", "day", "monday", "tuesday",
        "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday", "tomorrow",
        "news", "report", "reported", "reports", "s", "t", "don", "isn", "wasn", "didn", "doesn", "won",
    ]
}

extension TermExtractor {
    /// `stopWords` by their bytes, to look an ASCII word up without making a String.
    private static let stopWordTable: ShortWordTable = {
        var table = ShortWordTable()
        for word in stopWords {
            var word = word
            word.withUTF8 { table.insert(ShortWordTable.key($0)!, .skip) }
        }
        return table
    }()

    /// Whether the word, lowercased, is a stop word.
    static func isStopWord(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        isASCII(word) ? isStopWord(ascii: word) : stopWords.contains(String(decoding: word, as: UTF8.self).lowercased())
    }

    /// `isStopWord` for an ASCII word.
    static func isStopWord(ascii word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard word.count <= 16 else { return false }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: word.count) { lower in
            for k in word.indices { lower[k] = lowercased(word[k]) }
            return ShortWordTable.key(UnsafeBufferPointer(lower)).map { stopWordTable.find($0) != nil } ?? false
        }
    }

    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.allSatisfy { $0 < 0x80 }
    }

    /// An ASCII byte lowercased, as `String.lowercased()` does it.
    @inline(__always)
    static func lowercased(_ byte: UInt8) -> UInt8 { byte &- 0x41 < 26 ? byte | 0x20 : byte }
}
