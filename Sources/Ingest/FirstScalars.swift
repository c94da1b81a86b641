/// A set of first scalars: some ASCII ones, and whether any non-ASCII one is allowed.
struct FirstScalars: Equatable, Sendable {
    private var low: UInt64 = 0, high: UInt64 = 0
    var nonASCII = false

    init(nonASCII: Bool = false) { self.nonASCII = nonASCII }

    init(ascii: UInt8, nonASCII: Bool) {
        self.nonASCII = nonASCII
        insert(ascii)
    }

    mutating func insert(_ byte: UInt8) {
        if byte < 64 { low |= 1 << UInt64(byte) } else if byte < 128 { high |= 1 << UInt64(byte - 64) }
    }

    func containsASCII(_ byte: UInt8) -> Bool {
        byte < 64 ? low & (1 << UInt64(byte)) != 0 : high & (1 << UInt64(byte - 64)) != 0
    }

    func union(_ other: FirstScalars) -> FirstScalars {
        var union = self
        union.low |= other.low
        union.high |= other.high
        union.nonASCII = nonASCII || other.nonASCII
        return union
    }

    /// Every ASCII scalar not in the set (non-ASCII unchanged).
    func asciiComplement() -> FirstScalars {
        var complement = self
        complement.low = ~low
        complement.high = ~high
        return complement
    }

    /// With the other case of every ASCII letter in the set.
    func caseClosed() -> FirstScalars {
        var closed = self
        for byte in UInt8(ascii: "A")...UInt8(ascii: "Z") where containsASCII(byte) || containsASCII(byte | 0x20) {
            closed.insert(byte)
            closed.insert(byte | 0x20)
        }
        return closed
    }

    /// Whether every ASCII byte of `bytes` but the line terminators (0x0A–0x0D) is in the set.
    func containsASCII(of bytes: ASCIISet) -> Bool {
        let terminators: UInt64 = 0x3C00
        return bytes.low & ~terminators & ~low == 0 && bytes.high & ~high == 0
    }

    /// Whether a line starting with this UTF-8 byte may match.
    func admits(leadByte: UInt8) -> Bool {
        leadByte < 0x80 ? containsASCII(leadByte) : nonASCII
    }
}

/// What the regex character classes boilerplate rules use can match, as ASCII scalars.
extension FirstScalars {
    /// The ASCII scalars a `[...]` set with this body matches: literals, ASCII ranges and the
    /// letter properties; nil (all) for anything else (nested sets, other escapes).
    static func ofSet(_ body: ArraySlice<Unicode.Scalar>, caseInsensitive: Bool) -> FirstScalars? {
        var members = FirstScalars()
        var i = body.startIndex
        let negated = body.first == "^"
        if negated { i += 1 }
        while i < body.endIndex {
            let c = body[i]
            if c == "[" || (c == "&" && i + 1 < body.endIndex && body[i + 1] == "&") { return nil }
            if c == "\\" {
                guard i + 1 < body.endIndex else { return nil }
                let escaped = body[i + 1]
                if escaped == "p" || escaped == "P" {
                    guard let close = body[(i + 2)...].firstIndex(of: "}"), body.indices.contains(i + 2), body[i + 2] == "{",
                          let set = ofProperty(body[(i + 2)...close], negated: escaped == "P", caseInsensitive: false)
                    else { return nil }
                    members = members.union(set)
                    i = close + 1
                    continue
                }
                guard escaped.isASCII, !escaped.properties.isAlphabetic, !("0"..."9").contains(escaped) else { return nil }
                members.insert(UInt8(escaped.value))
                i += 2
                continue
            }
            if i + 2 < body.endIndex, body[i + 1] == "-" {
                let high = body[i + 2]
                guard c.isASCII, high.isASCII, c.value <= high.value, high != "\\", high != "[" else { return nil }
                for value in c.value...high.value { members.insert(UInt8(value)) }
                i += 3
                continue
            }
            // A non-ASCII member may fold to an ASCII letter under (?i).
            if !c.isASCII && caseInsensitive { return nil }
            if c.isASCII { members.insert(UInt8(c.value)) }
            i += 1
        }
        // Under (?i) the case closure is taken last, of the complement too: a superset either way.
        let matched = negated ? members.asciiComplement() : members
        return caseInsensitive ? matched.caseClosed() : matched
    }

    /// The ASCII scalars of `{Lu}`, `{Ll}` or `{L}`; nil for other properties.
    static func ofProperty(_ name: ArraySlice<Unicode.Scalar>, negated: Bool, caseInsensitive: Bool) -> FirstScalars? {
        var set = FirstScalars()
        let upper = "A".unicodeScalars.first!.value..."Z".unicodeScalars.first!.value
        switch String(String.UnicodeScalarView(name)) {
        case "{Lu}": for v in upper { set.insert(UInt8(v)) }
        case "{Ll}": for v in upper { set.insert(UInt8(v | 0x20)) }
        case "{L}": for v in upper { set.insert(UInt8(v)); set.insert(UInt8(v | 0x20)) }
        default: return nil
        }
        let matched = negated ? set.asciiComplement() : set
        return caseInsensitive ? matched.caseClosed() : matched
    }
}
