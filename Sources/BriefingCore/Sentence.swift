/// One sentence of an article's cleaned body, with where it came from.
///
/// Most sentences are verbatim in their article's body, so a sentence keeps its text as a range
/// of a shared string (the body, see `Article.sharingSentenceText`) instead of a copy: the copies
/// were a third of the memory a build holds its articles in. `text` is then made on demand.
public struct Sentence: Sendable {
    /// Holds the text at UTF-8 offsets `start..<end`.
    private(set) var storage: String
    private(set) var start: UInt32
    private(set) var end: UInt32
    private var storedParagraph: Int32
    private var storedLine: Int32

    public init(text: String, paragraph: Int, line: Int) {
        self.init(storage: text, utf8: 0..<text.utf8.count, paragraph: paragraph, line: line)
    }

    /// `text` is `storage`'s UTF-8 `range`, which must lie on Unicode scalar boundaries.
    init(storage: String, utf8 range: Range<Int>, paragraph: Int, line: Int) {
        self.storage = storage
        start = UInt32(range.lowerBound)
        end = UInt32(range.upperBound)
        storedParagraph = Int32(paragraph)
        storedLine = Int32(line)
    }

    public var text: String {
        get {
            if start == 0, Int(end) == storage.utf8.count { return storage }
            return String(view)
        }
        set { self = Sentence(text: newValue, paragraph: paragraph, line: line) }
    }

    /// 0-based paragraph index within the cleaned body.
    public var paragraph: Int {
        get { Int(storedParagraph) }
        set { storedParagraph = Int32(newValue) }
    }

    /// 1-based line in the source file where the sentence starts.
    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = Int32(newValue) }
    }

    /// The text without copying it out of the storage.
    private var view: Substring {
        let utf8 = storage.utf8
        return Substring(utf8[utf8.index(utf8.startIndex, offsetBy: Int(start))..<utf8.index(utf8.startIndex, offsetBy: Int(end))])
    }

    /// True when the text is a range of a larger string rather than a string of its own.
    var isShared: Bool { !(start == 0 && Int(end) == storage.utf8.count) }
}

extension Sentence: Hashable {
    /// Equal as `(text, paragraph, line)` were, wherever the text is stored.
    public static func == (a: Sentence, b: Sentence) -> Bool {
        a.storedParagraph == b.storedParagraph && a.storedLine == b.storedLine && a.view == b.view
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(view)
        hasher.combine(paragraph)
        hasher.combine(line)
    }
}

extension Sentence: Codable {
    private enum CodingKeys: String, CodingKey {
        case text, paragraph, line
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(text: try container.decode(String.self, forKey: .text),
                  paragraph: try container.decode(Int.self, forKey: .paragraph),
                  line: try container.decode(Int.self, forKey: .line))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(text, forKey: .text)
        try container.encode(paragraph, forKey: .paragraph)
        try container.encode(line, forKey: .line)
    }
}
