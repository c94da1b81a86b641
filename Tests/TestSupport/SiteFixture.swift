import Foundation

/// A whole site declared inline, Hugo-style: files separated by `-- path --` lines.
///
///     -- content/2026-01-02/a.md --
///     ---
///     outlet: A
///     ---
///     Body.
public enum SiteFixture {
    public static func files(_ text: String) -> [(path: String, content: String)] {
        var files: [(String, String)] = []
        var current: String?
        var lines: [Substring] = []
        func flush() {
            if let path = current { files.append((path, lines.joined(separator: "\n") + "\n")) }
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("-- "), line.hasSuffix(" --"), line.count > 6 {
                flush()
                current = String(line.dropFirst(3).dropLast(3))
                lines = []
            } else if current != nil {
                lines.append(line)
            }
        }
        flush()
        return files
    }

    /// Writes the declared files into `directory`.
    public static func write(_ text: String, into directory: TemporaryDirectory) {
        for file in files(text) { directory.write(file.path, file.content) }
    }
}
