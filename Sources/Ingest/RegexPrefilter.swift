import Foundation

/// Cheap necessary conditions for a whole-line boilerplate regex: the longest line it can match
/// and literal text every match contains. ICU spends tens of microseconds on each long prose line
/// per rule, almost always to fail; a line these conditions rule out is not handed to it at all.
///
/// The analysis is conservative: any construct it does not fully understand (backreferences,
/// `\R`, `\X`, `\Q…\E`, free-spacing mode…) leaves the bound or the literals unknown, so a
/// prefilter never rejects a line the regex would match.
///
/// A class: asked about every line for every rule, a struct of arrays was copied each time.
final class RegexPrefilter: Sendable, Equatable {
    /// Most Unicode scalars a match can span; nil when unbounded or unknown.
    let maxLength: Int?
    /// Case-sensitive literal runs that occur in every match.
    let requiredLiterals: [String]
    /// The scalars a match can start with; nil for any.
    let first: FirstScalars?
    /// Sets of literals of which every match contains one (the branches of a group).
    let requiredAlternatives: [[Alternative]]
    /// The ASCII scalars a match can consume; nil for all.
    let alphabet: FirstScalars?
    /// The literals a match opens with (one of them); nil when unknown.
    let prefixes: [Alternative]?
    /// `requiredAlternatives` split by how they compare, so a line is scanned once per group.
    private let alternativeGroups: [(exact: [Alternative], ignoringCase: [Alternative])]
    /// Each required literal with its ASCII bytes (a line lacking one cannot hold it), and whether
    /// it is that one byte (its presence then decides).
    private let literalConditions: [(text: String, bytes: ASCIISet, isOneByte: Bool)]

    static func == (a: RegexPrefilter, b: RegexPrefilter) -> Bool {
        (a.maxLength, a.requiredLiterals, a.first, a.alphabet) == (b.maxLength, b.requiredLiterals, b.first, b.alphabet)
            && a.requiredAlternatives == b.requiredAlternatives && a.prefixes == b.prefixes
    }

    /// A literal a match may contain; a case-insensitive one is ASCII and stored lowercased.
    struct Alternative: Equatable, Sendable {
        var text: String
        var caseInsensitive: Bool
        /// The ASCII bytes of `text`.
        let bytes: ASCIISet

        init(text: String, caseInsensitive: Bool) {
            self.text = caseInsensitive ? text.lowercased() : text
            self.caseInsensitive = caseInsensitive
            bytes = ASCIISet(self.text.utf8)
        }

        static func == (a: Alternative, b: Alternative) -> Bool { (a.text, a.caseInsensitive) == (b.text, b.caseInsensitive) }

        /// Whether `line` may hold the text: its bytes (lowercased, when compared so) are all there.
        func mayOccur(in line: Line) -> Bool {
            (caseInsensitive ? line.lowercasedBytes : line.bytes).isSuperset(of: bytes)
        }
    }

    init(
        maxLength: Int?, requiredLiterals: [String], first: FirstScalars? = nil, requiredAlternatives: [[Alternative]] = [],
        alphabet: FirstScalars? = nil, prefixes: [Alternative]? = nil
    ) {
        self.maxLength = maxLength
        self.requiredLiterals = requiredLiterals
        self.first = first
        self.requiredAlternatives = requiredAlternatives
        self.alphabet = alphabet
        self.prefixes = prefixes
        alternativeGroups = requiredAlternatives.map { alternatives in
            (alternatives.filter { !$0.caseInsensitive }, alternatives.filter(\.caseInsensitive))
        }
        literalConditions = requiredLiterals.map { ($0, ASCIISet($0.utf8), $0.utf8.count == 1 && $0.utf8.first! < 0x80) }
    }

    /// Analyses `pattern` (ICU syntax, matched against a whole line).
    convenience init(pattern: String) {
        var parser = RegexShapeParser(pattern)
        guard let shape = parser.parseTopLevel() else {
            self.init(maxLength: nil, requiredLiterals: [])
            return
        }
        self.init(
            maxLength: shape.maxLength, requiredLiterals: shape.literals.filter { !$0.isEmpty }, first: shape.first,
            requiredAlternatives: shape.requiredAlternatives, alphabet: shape.alphabet, prefixes: shape.leadingRuns)
    }

    /// False only when the regex cannot match `line` as a whole.
    func admits(_ line: String) -> Bool {
        var line = Line(line)
        return admits(&line)
    }

    /// The most scalars a line it admits can have (`Int.max` when unbounded): `maxLength` and two
    /// of slack, as `$` also matches before a final line terminator.
    var maxLineLength: Int { maxLength.map { $0 + 2 } ?? Int.max }

    /// `admits(line.text)`. The checks that need no scan of the line come first.
    func admits(_ line: inout Line) -> Bool {
        if line.scalarCount > maxLineLength { return false }
        let text = line.text
        if let first, let lead = text.utf8.first, !first.admits(leadByte: lead) { return false }
        if let alphabet, !alphabet.containsASCII(of: line.bytes) { return false }
        // Case-insensitive literals are exact only for lines no non-ASCII scalar of which folds
        // (ß matches "ss", K (Kelvin) matches "k"); any other line may hold them.
        if let prefixes, !prefixes.contains(where: { line.hasPrefix($0) }) {
            if !prefixes.contains(where: \.caseInsensitive) || !line.folds { return false }
        }
        for literal in literalConditions {
            guard line.bytes.isSuperset(of: literal.bytes), literal.isOneByte || Self.containsBytes(text, literal.text) else { return false }
        }
        for group in alternativeGroups {
            if group.exact.contains(where: { $0.mayOccur(in: line) && Self.containsBytes(text, $0.text) }) { continue }
            guard !group.ignoringCase.isEmpty else { return false }
            if group.ignoringCase.contains(where: { $0.mayOccur(in: line) }) {
                let lowercased = line.lowercasedASCII
                if group.ignoringCase.contains(where: { $0.mayOccur(in: line) && Self.contains(lowercased, $0.text) }) { continue }
            }
            if !line.folds { return false }
        }
        return true
    }

    static func asciiLowercased(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    /// Code-point-exact substring test on UTF-8 bytes, as ICU compares (String.contains compares
    /// Characters, so "(" would not be found in "(" followed by a combining mark).
    static func containsBytes(_ text: String, _ literal: String) -> Bool {
        var text = text
        return text.withUTF8 { contains($0, literal) }
    }

    /// Whether `bytes` hold `literal`'s UTF-8 bytes.
    static func contains(_ bytes: [UInt8], _ literal: String) -> Bool {
        bytes.withUnsafeBufferPointer { contains($0, literal) }
    }

    static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ literal: String) -> Bool {
        var literal = literal
        return literal.withUTF8 { needle in
            guard !needle.isEmpty else { return true }
            guard haystack.count >= needle.count else { return false }
            // memchr finds candidates by the needle's rarest byte (memmem is not visible from Swift on
            // glibc): a first "s" or "i" was met in most words of every line.
            let anchor = rarestOffset(needle)
            let base = UnsafeRawPointer(haystack.baseAddress!)
            var start = base + anchor
            let end = base + (haystack.count - needle.count + anchor + 1)
            while start < end, let hit = memchr(start, Int32(needle[anchor]), end - start) {
                if memcmp(UnsafeRawPointer(hit) - anchor, needle.baseAddress!, needle.count) == 0 { return true }
                start = UnsafeRawPointer(hit) + 1
            }
            return false
        }
    }

    /// The offset of the byte of `needle` least common in English prose (the first of equals).
    static func rarestOffset(_ needle: UnsafeBufferPointer<UInt8>) -> Int {
        var best = 0
        for k in needle.indices where rarity[Int(needle[k])] > rarity[Int(needle[best])] { best = k }
        return best
    }

    /// How rare each byte is in prose: letters by English frequency, space the commonest, other
    /// ASCII (digits, punctuation) rarer than any letter, bytes of other scalars in between.
    static let rarity: [UInt8] = (0...255).map { byte in
        let byFrequency = Array("etaoinsrhldcumfpgwybvkxjqz".utf8)
        if byte == 0x20 { return 0 }
        if let rank = byFrequency.firstIndex(of: RegexPrefilter.asciiLowercased(UInt8(byte))) { return UInt8(1 + rank) }
        return byte < 0x80 ? 40 : 30
    }
}
