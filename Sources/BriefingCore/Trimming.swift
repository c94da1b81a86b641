import Foundation

extension String {
    /// `trimmingCharacters(in: .whitespaces)` (or `.whitespacesAndNewlines`), skipping Foundation
    /// when both ends are visible ASCII, which neither set holds: the usual case, and NSString
    /// bridging cost more than the rest of reading a line.
    public func trimmingSpaces(includingNewlines: Bool = false) -> String {
        if let first = utf8.first, let last = utf8.last, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) {
            return self
        }
        return trimmingCharacters(in: includingNewlines ? .whitespacesAndNewlines : .whitespaces)
    }
}
