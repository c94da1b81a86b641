import Foundation

/// URL- and path-safe names. A slug is never empty, never `.` or `..`, and holds only `a-z 0-9 -`,
/// so nothing derived from a title or outlet name can leave the output folder.
public enum Slug {
    public static func make(_ text: String, fallback: String = "untitled", maxLength: Int = 80) -> String {
        var out = ""
        var pendingDash = false
        for scalar in text.lowercased().unicodeScalars {
            let folded = foldLatin(scalar)
            for ch in folded.unicodeScalars {
                if ch.isASCII, ch.properties.isAlphabetic || ("0"..."9").contains(ch) {
                    if pendingDash, !out.isEmpty { out.append("-") }
                    pendingDash = false
                    out.unicodeScalars.append(ch)
                } else {
                    pendingDash = true
                }
            }
            if out.count >= maxLength { break }
        }
        if out.count > maxLength { out = String(out.prefix(maxLength)) }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? fallback : out
    }

    /// Strips common Latin diacritics so "Zürich" becomes "zurich" rather than "z-rich".
    private static func foldLatin(_ scalar: Unicode.Scalar) -> String {
        if scalar.isASCII { return String(scalar) }
        let decomposed = String(scalar).decomposedStringWithCanonicalMapping
        let base = decomposed.unicodeScalars.filter(\.isASCII)
        return base.isEmpty ? " " : String(String.UnicodeScalarView(base))
    }
}
