extension TermExtractor {
    /// A light suffix stemmer (Porter step 1 in spirit): plurals, -ed, -ing, -ly, final e.
    /// It only has to map inflections of one word together, not produce real words.
    static func stem(_ word: String) -> String {
        var w = Array(word.unicodeScalars)
        // Compared in place: building arrays for every suffix tried dominated stemming.
        func ends(_ suffix: StaticString) -> Bool {
            let count = suffix.utf8CodeUnitCount
            guard w.count > count else { return false }
            return suffix.withUTF8Buffer { bytes in
                bytes.indices.allSatisfy { w[w.count - count + $0].value == UInt32(bytes[$0]) }
            }
        }
        func hasVowel(_ scalars: ArraySlice<Unicode.Scalar>) -> Bool {
            scalars.contains { "aeiouy".unicodeScalars.contains($0) }
        }
        if ends("sses") { w.removeLast(2) }
        else if ends("ies"), w.count > 4 { w.removeLast(3); w.append("y") }
        else if ends("s"), !ends("ss"), !ends("us"), !ends("is"), w.count > 3 { w.removeLast() }

        if ends("ied"), w.count > 4 { w.removeLast(3); w.append("y") }
        else if ends("eed") { w.removeLast() }
        else if ends("ed"), w.count > 4, hasVowel(w.dropLast(2)) { w.removeLast(2); undouble(&w) }
        else if ends("ing"), w.count > 5, hasVowel(w.dropLast(3)) { w.removeLast(3); undouble(&w) }
        else if ends("ly"), w.count > 5 { w.removeLast(2) }

        if ends("e"), w.count > 3 { w.removeLast() }
        return String(String.UnicodeScalarView(w))
    }

    private static func undouble(_ w: inout [Unicode.Scalar]) {
        guard w.count >= 3, w[w.count - 1] == w[w.count - 2],
              !"aeioulsz".unicodeScalars.contains(w[w.count - 1]) else { return }
        w.removeLast()
    }
}
