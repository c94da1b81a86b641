/// A place in an input file, printed as `path:line:col` (1-based), the form editors jump to.
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Path as the user gave it (content folder joined with the relative path).
    public var path: String
    public var line: Int
    public var column: Int

    public init(path: String, line: Int = 1, column: Int = 1) {
        self.path = path
        self.line = line
        self.column = column
    }

    public var description: String { "\(path):\(line):\(column)" }
}
