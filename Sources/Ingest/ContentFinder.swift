import BriefingCore
import Foundation

/// Lists the article files under the content folder: sorted, hidden entries skipped, and
/// symbolic-link loops reported instead of followed.
struct ContentFinder {
    static let extensions: Set<String> = ["md", "markdown", "txt"]

    struct Found {
        /// (relative path with "/", file URL), sorted by relative path.
        var files: [(relativePath: String, url: URL)] = []
        var diagnostics: [Diagnostic] = []
    }

    let root: URL
    let displayRoot: String

    func find() -> Found {
        var found = Found()
        var visited: Set<String> = []
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            found.diagnostics.append(.error(SourceLocation(path: displayRoot), "content folder not found"))
            return found
        }
        walk(root, relative: "", visited: &visited, into: &found)
        found.files.sort { $0.relativePath < $1.relativePath }
        return found
    }

    func displayPath(_ relativePath: String) -> String {
        displayRoot.isEmpty ? relativePath : displayRoot + "/" + relativePath
    }

    private func walk(_ directory: URL, relative: String, visited: inout Set<String>, into found: inout Found) {
        let real = directory.resolvingSymlinksInPath().standardizedFileURL.path
        guard visited.insert(real).inserted else {
            found.diagnostics.append(.warning(
                SourceLocation(path: displayPath(relative)),
                "symbolic link loop: folder was already read as \(real); skipped"
            ))
            return
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        } catch {
            found.diagnostics.append(.error(SourceLocation(path: displayPath(relative)), "cannot read folder: \(error.localizedDescription)"))
            return
        }
        for name in names where !name.hasPrefix(".") {
            let url = directory.appendingPathComponent(name)
            let childRelative = relative.isEmpty ? name : relative + "/" + name
            var isDirectory: ObjCBool = false
            // fileExists follows symbolic links, so a linked folder is walked (once).
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                walk(url, relative: childRelative, visited: &visited, into: &found)
            } else if Self.extensions.contains(ArticleParser.fileExtension(name)) {
                found.files.append((childRelative, url))
            }
        }
    }
}
