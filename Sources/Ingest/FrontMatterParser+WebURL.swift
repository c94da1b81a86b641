import Foundation

/// Which front matter `url`s are kept: absolute web addresses.
extension FrontMatterParser {
    /// True for an absolute `http`/`https` URL with a host.
    public static func isWebURL(_ text: String) -> Bool {
        if let plain = isPlainWebURL(text) { return plain }
        guard let components = URLComponents(string: text.trimmingSpaces()),
              let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = components.host, !host.isEmpty
        else { return false }
        return true
    }

    /// True for the common shape `http(s)://host/path` that URLComponents reads as it stands: a
    /// lowercase host of letter, digit and hyphen labels (no "xn--" label for IDNA to decode; the
    /// last opening with a letter, so no IP address) and a path of unreserved characters and "/".
    /// Nil for anything else, left to URLComponents (most front matter `url`s take the shortcut).
    static func isPlainWebURL(_ text: String) -> Bool? {
        var text = text
        // On the bytes: the collection views' generic iteration cost more than the checks.
        return text.withUTF8 { bytes -> Bool? in
            func opens(with prefix: StaticString) -> Bool {
                bytes.count >= prefix.utf8CodeUnitCount && memcmp(bytes.baseAddress!, prefix.utf8Start, prefix.utf8CodeUnitCount) == 0
            }
            let hostStart = opens(with: "https://") ? 8 : opens(with: "http://") ? 7 : 0
            guard hostStart > 0 else { return nil }
            let hyphen = UInt8(ascii: "-"), dot = UInt8(ascii: "."), slash = UInt8(ascii: "/")
            func isLowercaseOrDigit(_ byte: UInt8) -> Bool { (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) }
            var i = hostStart, labelStart = hostStart
            while true {
                let hostEnds = i == bytes.count || bytes[i] == slash
                if hostEnds || bytes[i] == dot {
                    let label = UnsafeBufferPointer(rebasing: bytes[labelStart..<i])
                    guard (1...63).contains(label.count), label.first != hyphen, label.last != hyphen,
                          !(label.count >= 4 && label[0] == 0x78 && label[1] == 0x6E && label[2] == hyphen && label[3] == hyphen)  // "xn--"
                    else { return nil }
                    if hostEnds {
                        guard i - hostStart <= 253, (0x61...0x7A).contains(label[0]) else { return nil }
                        break
                    }
                    labelStart = i + 1
                } else if !isLowercaseOrDigit(bytes[i]) && bytes[i] != hyphen {
                    return nil
                }
                i += 1
            }
            while i < bytes.count {
                let byte = bytes[i]
                guard isLowercaseOrDigit(byte) || (0x41...0x5A).contains(byte) || byte == hyphen || byte == dot || byte == slash
                        || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "~")
                else { return nil }
                i += 1
            }
            return true
        }
    }
}
