import Foundation

/// Locations the tests need: the package root (from this file's path) and the shared corpus
/// beside the repository, which exists on developer machines and CI but not on a user's machine.
public enum TestPaths {
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static let templates = packageRoot.appendingPathComponent("templates")
    public static let content = packageRoot.appendingPathComponent("content")

    /// `../shared/corpus`, or nil when absent (tests that need it skip with a message).
    public static let corpus: URL? = {
        let url = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }()

    public static var corpusIsPresent: Bool { corpus != nil }
}
