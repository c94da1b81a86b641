import BriefingCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Lists the article files under the content folder: sorted, hidden entries skipped, and
/// symbolic-link loops reported instead of followed. POSIX `readdir` with its entry types, so
/// a no-change rebuild of ten thousand articles does not stat every entry twice.
struct ContentFinder {
    static let extensions: Set<String> = ["md", "markdown", "txt"]

    struct Found {
        /// (relative path with "/", absolute path), sorted by relative path.
        var files: [(relativePath: String, path: String)] = []
        var diagnostics: [Diagnostic] = []
    }

    struct FolderIdentity: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    let root: URL
    let displayRoot: String

    func find() -> Found {
        var found = Found()
        var visited: Set<FolderIdentity> = []
        var info = stat()
        guard stat(root.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
            found.diagnostics.append(.error(SourceLocation(path: displayRoot), "content folder not found"))
            return found
        }
        walk(root.standardizedFileURL.path, relative: "", visited: &visited, into: &found)
        found.files.sort { $0.relativePath < $1.relativePath }
        return found
    }

    /// Whether a bare file name is an article's (called for every file, so no path splitting).
    static func isArticle(_ name: String) -> Bool {
        extensions.contains(ArticleParser.fileExtension(ofName: Substring(name)))
    }

    func displayPath(_ relativePath: String) -> String {
        displayRoot.isEmpty ? relativePath : displayRoot + "/" + relativePath
    }

    private func walk(_ directory: String, relative: String, visited: inout Set<FolderIdentity>, into found: inout Found) {
        var info = stat()
        guard stat(directory, &info) == 0,
              visited.insert(FolderIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))).inserted
        else {
            let real = URL(fileURLWithPath: directory).resolvingSymlinksInPath().path
            found.diagnostics.append(.warning(
                SourceLocation(path: displayPath(relative)),
                "symbolic link loop: folder was already read as \(real); skipped"
            ))
            return
        }
        guard let entries = folderEntries(directory) else {
            found.diagnostics.append(.error(
                SourceLocation(path: displayPath(relative)), "cannot read folder: \(String(cString: strerror(errno)))"))
            return
        }
        for (name, type) in entries.filter({ !$0.name.hasPrefix(".") }).sorted(by: { $0.name < $1.name }) {
            let path = directory + "/" + name
            let childRelative = relative.isEmpty ? name : relative + "/" + name
            var isDirectory = type == UInt8(DT_DIR)
            if type != UInt8(DT_DIR) && type != UInt8(DT_REG) {
                // Links (a linked folder is walked, once) and file systems without entry types.
                var target = stat()
                guard stat(path, &target) == 0 else { continue }
                isDirectory = (target.st_mode & S_IFMT) == S_IFDIR
            }
            if isDirectory {
                walk(path, relative: childRelative, visited: &visited, into: &found)
            } else if Self.isArticle(name) {
                found.files.append((childRelative, path))
            }
        }
    }
}
