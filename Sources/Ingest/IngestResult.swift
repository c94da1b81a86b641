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

    var isBlank: Bool { text.allSatisfy { $0.isWhitespace } }
}

extension Diagnostic {
    /// Deterministic order for reports: path, line, column, then severity and message.
    static func reportOrder(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        (a.location.path, a.location.line, a.location.column, a.severity.rawValue, a.message)
            < (b.location.path, b.location.line, b.location.column, b.severity.rawValue, b.message)
    }
}
