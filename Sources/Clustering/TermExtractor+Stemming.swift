extension TermExtractor {
    /// A light suffix stemmer (Porter step 1 in spirit): plurals, -ed, -ing, -ly, final e.
    /// It only has to map inflections of one word together, not produce real words.
    static func stem(_ word: String) -> String {
        var w = word.unicodeScalars.map(\.value)
        let count = w.withUnsafeMutableBufferPointer { stem($0) }
        return String(String.UnicodeScalarView(w[..<count].map { Unicode.Scalar($0)! }))
    }

    /// Stems the scalar values (or, for ASCII, bytes) in `w` in place; the stem's length.
    /// Compared in place: building arrays for every suffix tried dominated stemming.
    static func stem<Unit: FixedWidthInteger>(_ w: UnsafeMutableBufferPointer<Unit>) -> Int {
        var n = w.count
        func ends(_ suffix: StaticString) -> Bool {
            let count = suffix.utf8CodeUnitCount
            guard n > count else { return false }
            return suffix.withUTF8Buffer { bytes in
                bytes.indices.allSatisfy { w[n - count + $0] == Unit(bytes[$0]) }
            }
        }
        func hasVowel(before end: Int) -> Bool {
            (0..<end).contains { unit(w[$0], isOneOf: "aeiouy") }
        }
        func undouble() {
            guard n >= 3, w[n - 1] == w[n - 2], !unit(w[n - 1], isOneOf: "aeioulsz") else { return }
            n -= 1
        }
        func replaceLast(_ count: Int) {
            n -= count
            w[n] = Unit(UInt8(ascii: "y"))
            n += 1
        }
        if ends("sses") { n -= 2 }
        else if ends("ies"), n > 4 { replaceLast(3) }
        else if ends("s"), !ends("ss"), !ends("us"), !ends("is"), n > 3 { n -= 1 }

        if ends("ied"), n > 4 { replaceLast(3) }
        else if ends("eed") { n -= 1 }
        else if ends("ed"), n > 4, hasVowel(before: n - 2) { n -= 2; undouble() }
        else if ends("ing"), n > 5, hasVowel(before: n - 3) { n -= 3; undouble() }
        else if ends("ly"), n > 5 { n -= 2 }

        if ends("e"), n > 3 { n -= 1 }
        return n
    }

    private static func unit<Unit: FixedWidthInteger>(_ unit: Unit, isOneOf letters: StaticString) -> Bool {
        letters.withUTF8Buffer { $0.contains { Unit($0) == unit } }
    }
}
