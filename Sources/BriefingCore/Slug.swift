import Foundation

/// URL- and path-safe names. A slug is never empty, never `.` or `..`, and holds only `a-z 0-9 -`,
/// so nothing derived from a title or outlet name can leave the output folder.
public enum Slug {
    public static func make(_ text: String, fallback: String = "untitled", maxLength: Int = 80) -> String {
        if let slug = asciiSlug(text, maxLength: maxLength) { return slug.isEmpty ? fallback : slug }
        return slugByScalars(text, fallback: fallback, maxLength: maxLength)
    }

    /// `make` for an ASCII text, on bytes (titles and outlet names mostly are): each byte is a
    /// scalar of its own that folds to itself, so only letters and digits are kept. Nil for any
    /// other text; empty where `make` would fall back.
    static func asciiSlug(_ text: String, maxLength: Int) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(min(bytes.count, maxLength))
            var pendingDash = false
            for byte in bytes {
                let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                if (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) {
                    if pendingDash, !out.isEmpty { out.append(UInt8(ascii: "-")) }
                    pendingDash = false
                    out.append(lower)
                } else {
                    pendingDash = true
                }
                if out.count >= maxLength { break }
            }
            if out.count > maxLength { out.removeLast(out.count - maxLength) }
            while out.last == UInt8(ascii: "-") { out.removeLast() }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// `make` scalar by scalar, for any text.
    static func slugByScalars(_ text: String, fallback: String, maxLength: Int) -> String {
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
