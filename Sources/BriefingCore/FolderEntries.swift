#if canImport(Glibc)
import Glibc
#endif

/// One folder's entries as `readdir` gives them, with their `d_type` (`DT_UNKNOWN` on file
/// systems that do not say), without "." and "..". Nil when the folder cannot be read (`errno`).
public func folderEntries(_ path: String) -> [(name: String, type: UInt8)]? {
    guard let handle = opendir(path) else { return nil }
    defer { closedir(handle) }
    var entries: [(name: String, type: UInt8)] = []
    while let entry = readdir(handle) {
        let name = withUnsafePointer(to: entry.pointee.d_name) {
            $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
        }
        if name != "." && name != ".." { entries.append((name, entry.pointee.d_type)) }
    }
    return entries
}
