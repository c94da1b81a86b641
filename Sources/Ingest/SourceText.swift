import BriefingCore
import Foundation

/// Turns a file's bytes into lines, rejecting what is not text: too large, binary, not UTF-8.
enum SourceText {
    static let sizeLimit = 10 * 1024 * 1024

    static func tooLargeMessage(byteCount: Int) -> String {
        let megabytes = (byteCount + 1024 * 1024 - 1) / (1024 * 1024)
        return "file is too large (\(megabytes) MB; limit \(sizeLimit / (1024 * 1024)) MB)"
    }

    /// The file's lines without line terminators (CRLF and CR count as LF; a BOM is dropped).
    static func lines(from data: Data, path: String) throws(Diagnostic) -> [String] {
        if data.count > sizeLimit {
            throw .error(SourceLocation(path: path), tooLargeMessage(byteCount: data.count))
        }
        if let lines = data.withUnsafeBytes({ plainLines($0.bindMemory(to: UInt8.self)) }) { return lines }
        return try checkedLines([UInt8](data), path: path)
    }

    /// `lines(from:path:)` of any text within the size limit, checking and changing it as needed.
    static func checkedLines(_ bytes: [UInt8], path: String) throws(Diagnostic) -> [String] {
        if let nul = bytes.firstIndex(of: 0) {
            throw .error(location(ofByte: nul, in: bytes, path: path), "file looks binary (contains a NUL byte)")
        }
        guard var text = String(validating: bytes, as: UTF8.self) else {
            let bad = firstInvalidUTF8Byte(bytes) ?? 0
            let hex = String(format: "0x%02X", bytes.indices.contains(bad) ? bytes[bad] : 0)
            throw .error(location(ofByte: bad, in: bytes, path: path), "file is not valid UTF-8 (byte \(hex))")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        // Control characters (other than tab and line breaks) would reach pages verbatim.
        if bytes.contains(where: { ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D) || $0 == 0x7F || $0 == 0xC2 }) {
            text = spacingControlCharacters(text)
        }
        return splitLines(text)
    }

    /// The lines of text that needs none of the checks and changes below (most files): no NUL,
    /// control character, C1 control (0xC2 0x80–0x9F) or BOM, and valid UTF-8. Each line is validated
    /// and copied once, straight from the file's bytes; nil for any other text.
    static func plainLines(_ bytes: UnsafeBufferPointer<UInt8>) -> [String]? {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { return nil }
        var lines: [String] = []
        var start = 0
        var i = 0
        // Splitting at ASCII bytes never cuts a valid sequence, so the lines are valid exactly when the text is.
        // Decoding repairs invalid bytes, so the text was valid exactly when nothing changed (the
        // generic `String(validating:)` looked up type metadata for every line).
        func appendLine(upTo end: Int) -> Bool {
            let slice = UnsafeBufferPointer(rebasing: bytes[start..<end])
            var line = String(decoding: slice, as: UTF8.self)
            let same = line.withUTF8 { $0.count == slice.count && (slice.isEmpty || memcmp($0.baseAddress!, slice.baseAddress!, slice.count) == 0) }
            guard same else { return false }
            lines.append(line)
            return true
        }
        let raw = UnsafeRawBufferPointer(bytes)
        while i < bytes.count {
            // Eight bytes at a time while none needs a look (most of every line).
            if i + 8 <= bytes.count, !holdsControlDELOrC2(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))) {
                i += 8
                continue
            }
            let byte = bytes[i]
            if byte >= 0x20 && byte != 0x7F && byte != 0xC2 { i += 1; continue }
            // C2 A0–BF is U+00A0–U+00BF (a no-break space, "©"): no C1 control, nothing to change.
            if byte == 0xC2, i + 1 < bytes.count, bytes[i + 1] >= 0xA0 { i += 2; continue }
            guard byte == 0x0A || byte == 0x0D || byte == 0x09 else { return nil }
            if byte == 0x09 { i += 1; continue }
            guard appendLine(upTo: i) else { return nil }
            i += byte == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A ? 2 : 1
            start = i
        }
        guard appendLine(upTo: bytes.count) else { return nil }
        return lines
    }

    /// Whether one of the eight bytes is below 0x20, 0x7F or 0xC2.
    @inline(__always)
    static func holdsControlDELOrC2(_ word: UInt64) -> Bool {
        ByteWord.holdsByte(below: 0x20, word) || ByteWord.holds(word, 0x7F) || ByteWord.holds(word, 0xC2)
    }

    /// C0 controls but tab, CR and LF, DEL and C1 controls (U+0080–U+009F) each become a space.
    static func spacingControlCharacters(_ text: String) -> String {
        var text = text
        let spaced: [UInt8]? = text.withUTF8 { bytes in
            var out: [UInt8] = []
            var changed = false
            out.reserveCapacity(bytes.count)
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                if (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x7F {
                    out.append(0x20)
                    changed = true
                } else if byte == 0xC2, i + 1 < bytes.count, bytes[i + 1] <= 0x9F {  // C2 80–9F encodes U+0080–U+009F
                    out.append(0x20)
                    changed = true
                    i += 1
                } else {
                    out.append(byte)
                }
                i += 1
            }
            return changed ? out : nil
        }
        return spaced.map { String(decoding: $0, as: UTF8.self) } ?? text
    }

    /// Splits at LF, CRLF and CR. Works on bytes: a line break is always a grapheme of its own
    /// ("\r\n" being one), so this is what splitting the Characters gives, without segmenting them.
    static func splitLines(_ text: String) -> [String] {
        var text = text
        return text.withUTF8 { bytes in
            var lines: [String] = []
            var start = 0
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                guard byte == 0x0A || byte == 0x0D else { i += 1; continue }
                lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self))
                i += byte == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A ? 2 : 1
                start = i
            }
            lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]), as: UTF8.self))
            return lines
        }
    }

    /// Line and column (in characters of the valid prefix of that line) of byte `offset`.
    static func location(ofByte offset: Int, in bytes: [UInt8], path: String) -> SourceLocation {
        let prefix = bytes[..<min(offset, bytes.count)]
        let line = prefix.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        let lineStart = (prefix.lastIndex(of: 0x0A).map { $0 + 1 }) ?? 0
        let lineBytes = Array(bytes[lineStart..<min(offset, bytes.count)])
        let column = String(decoding: lineBytes, as: UTF8.self).unicodeScalars.count + 1
        return SourceLocation(path: path, line: line, column: column)
    }

    /// Offset of the first byte that breaks UTF-8 (RFC 3629: no overlongs, no surrogates).
    static func firstInvalidUTF8Byte(_ bytes: [UInt8]) -> Int? {
        var i = 0
        while i < bytes.count {
            let lead = bytes[i]
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch lead {
            case 0x00...0x7F: i += 1; continue
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return i
            }
            for k in 1..<length {
                guard i + k < bytes.count else { return i }
                let byte = bytes[i + k]
                let (lo, hi) = k == 1 ? (low, high) : (UInt8(0x80), UInt8(0xBF))
                if byte < lo || byte > hi { return i }
            }
            i += length
        }
        return nil
    }
}
