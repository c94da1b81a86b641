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
    /// `requiredAlternatives` split by how they compare, so a line is scanned once per group.
    private let alternativeGroups: [(exact: [String], ignoringCase: [String])]

    static func == (a: RegexPrefilter, b: RegexPrefilter) -> Bool {
        (a.maxLength, a.requiredLiterals, a.first, a.alphabet) == (b.maxLength, b.requiredLiterals, b.first, b.alphabet)
            && a.requiredAlternatives == b.requiredAlternatives
    }

    /// A literal a match may contain; a case-insensitive one is ASCII and stored lowercased.
    struct Alternative: Equatable, Sendable {
        var text: String
        var caseInsensitive: Bool

        init(text: String, caseInsensitive: Bool) {
            self.text = caseInsensitive ? text.lowercased() : text
            self.caseInsensitive = caseInsensitive
        }
    }

    init(
        maxLength: Int?, requiredLiterals: [String], first: FirstScalars? = nil, requiredAlternatives: [[Alternative]] = [],
        alphabet: FirstScalars? = nil
    ) {
        self.maxLength = maxLength
        self.requiredLiterals = requiredLiterals
        self.first = first
        self.requiredAlternatives = requiredAlternatives
        self.alphabet = alphabet
        alternativeGroups = requiredAlternatives.map { alternatives in
            (alternatives.filter { !$0.caseInsensitive }.map(\.text), alternatives.filter(\.caseInsensitive).map(\.text))
        }
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
            requiredAlternatives: shape.requiredAlternatives, alphabet: shape.alphabet)
    }

    /// False only when the regex cannot match `line` as a whole.
    func admits(_ line: String) -> Bool {
        var line = Line(line)
        return admits(&line)
    }

    /// One line as the prefilters read it: what they work out from it is worked out once, for
    /// every rule asking.
    struct Line {
        let text: String
        private(set) lazy var scalarCount = BoilerplateCleaner.scalarCount(text)
        /// The UTF-8 bytes with ASCII letters lowercased.
        private(set) lazy var lowercasedASCII: [UInt8] = {
            var text = text
            return text.withUTF8 { utf8 in
                [UInt8](unsafeUninitializedCapacity: utf8.count) { buffer, initialized in
                    for i in utf8.indices { buffer[i] = RegexPrefilter.asciiLowercased(utf8[i]) }
                    initialized = utf8.count
                }
            }
        }()
        private(set) lazy var isASCII: Bool = {
            let utf8 = text.utf8
            return utf8.withContiguousStorageIfAvailable { !$0.contains { $0 >= 0x80 } } ?? !utf8.contains { $0 >= 0x80 }
        }()
        /// Whether a non-ASCII scalar changes when case-folded (so "ss" may stand for "ß").
        private(set) lazy var folds = text.unicodeScalars.contains { !$0.isASCII && $0.properties.changesWhenCaseFolded }

        init(_ text: String) { self.text = text }
    }

    /// The most scalars a line it admits can have (`Int.max` when unbounded): `maxLength` and two
    /// of slack, as `$` also matches before a final line terminator.
    var maxLineLength: Int { maxLength.map { $0 + 2 } ?? Int.max }

    /// `admits(line.text)`.
    func admits(_ line: inout Line) -> Bool {
        if line.scalarCount > maxLineLength { return false }
        let text = line.text
        if let first, let lead = text.utf8.first, !first.admits(leadByte: lead) { return false }
        if let alphabet, !Self.isSpelled(text, in: alphabet) { return false }
        guard requiredLiterals.allSatisfy({ Self.containsBytes(text, $0) }) else { return false }
        // Case-insensitive literals are exact only for lines no non-ASCII scalar of which folds
        // (ß matches "ss", K (Kelvin) matches "k"); any other line may hold them.
        for group in alternativeGroups {
            if group.exact.contains(where: { Self.containsBytes(text, $0) }) { continue }
            guard !group.ignoringCase.isEmpty else { return false }
            let lowercased = line.lowercasedASCII
            if group.ignoringCase.contains(where: { Self.contains(lowercased, $0) }) { continue }
            if !line.folds { return false }
        }
        return true
    }

    /// Whether every ASCII scalar of `line` is in `alphabet`. Line terminators are let through:
    /// `$` matches before a final one without consuming it.
    static func isSpelled(_ line: String, in alphabet: FirstScalars) -> Bool {
        var line = line
        return line.withUTF8 { bytes in
            !bytes.contains { $0 < 0x80 && !(0x0A...0x0D).contains($0) && !alphabet.containsASCII($0) }
        }
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
            // memchr finds candidate starts; memmem is not visible from Swift on glibc.
            var start = UnsafeRawPointer(haystack.baseAddress!)
            let end = start + (haystack.count - needle.count + 1)
            while start < end, let hit = memchr(start, Int32(needle[0]), end - start) {
                if memcmp(hit, needle.baseAddress!, needle.count) == 0 { return true }
                start = UnsafeRawPointer(hit) + 1
            }
            return false
        }
    }
}
