import BriefingCore

/// Everything the Ingest stage produces from one content folder.
public struct IngestResult: Sendable, Hashable {
    /// Articles that loaded, sorted by `Article.canonicalOrder`.
    public var articles: [Article]
    /// Errors (the file was skipped) and warnings, sorted by path, line and column.
    public var diagnostics: [Diagnostic]
    /// Every line the boilerplate cleaner dropped, for `--verbose`.
    public var removed: [RemovedLine]

    public init(articles: [Article] = [], diagnostics: [Diagnostic] = [], removed: [RemovedLine] = []) {
        self.articles = articles
        self.diagnostics = diagnostics
        self.removed = removed
    }

    /// Only the diagnostics that made a file be skipped.
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
}

/// One line the boilerplate cleaner removed, and why.
public struct RemovedLine: Sendable, Hashable, Codable {
    public var location: SourceLocation
    /// The rule's label ("sign-up prompt", "photo credit").
    public var label: String
    public var text: String

    public init(location: SourceLocation, label: String, text: String) {
        self.location = location
        self.label = label
        self.text = text
    }
}

/// One line of an article body with its 1-based line number in the source file.
public struct BodyLine: Sendable, Hashable {
    public var number: Int
    public var text: String

    public init(number: Int, text: String) {
        self.number = number
        self.text = text
    }

    var isBlank: Bool { Self.isBlank(text) }

    /// Whether every Character of `text` is white space. A Character is white space when its first
    /// scalar is, so an ASCII first byte that is no white space (most lines) decides on its own.
    static func isBlank(_ text: String) -> Bool {
        if let lead = text.utf8.first, lead < 0x80, lead != 0x20, !(0x09...0x0D).contains(lead) { return false }
        return text.allSatisfy(\.isWhitespace)
    }
}

extension Diagnostic {
    /// Deterministic order for reports: path, line, column, then severity and message.
    static func reportOrder(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        (a.location.path, a.location.line, a.location.column, a.severity.rawValue, a.message)
            < (b.location.path, b.location.line, b.location.column, b.severity.rawValue, b.message)
    }
}
