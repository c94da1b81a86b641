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
