/// One rule for removing scrape noise. Rules are data: a default list ships with the tool and
/// `briefing.yml` may add more under `boilerplate:`.
public struct BoilerplateRule: Sendable, Hashable, Codable {
    public enum Match: String, Sendable, Hashable, Codable {
        /// The whole line equals the pattern (case-insensitive, surrounding space ignored).
        case line
        /// The line starts with the pattern (case-insensitive).
        case prefix
        /// The line contains the pattern (case-insensitive).
        case contains
        /// The whole line matches the regular expression.
        case regex
        /// This line and everything after it are dropped (trailers such as "Related Content").
        case trailer
    }

    /// Why the line is noise, shown by `--verbose` ("sign-up prompt", "photo credit").
    public var label: String
    public var match: Match
    public var pattern: String

    public init(label: String, match: Match, pattern: String) {
        self.label = label
        self.match = match
        self.pattern = pattern
    }
}
