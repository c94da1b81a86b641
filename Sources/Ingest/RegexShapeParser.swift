/// A recursive-descent reader of the ICU regex subset boilerplate rules use, computing only the
/// maximum match length, the top-level literal runs, the scalars a match can start with and
/// alternatives of which one must occur.
struct RegexShapeParser {
    struct Shape {
        var maxLength: Int?
        /// Literal runs required at this level (only collected for the top level).
        var literals: [String] = []
        /// The last element of the sequence is `$`.
        var endsAtLineEnd = false
        /// What the first scalar a match consumes can be; nil for anything.
        var first: FirstScalars? = FirstScalars()
        /// True when a match may consume nothing.
        var canBeEmpty = true
        /// The literal each branch starts with, when every branch starts with one (at the top
        /// level: the literals a match opens with).
        var leadingRuns: [RegexPrefilter.Alternative]?
        /// Sets of alternatives of which one occurs in every match (only collected for the top level).
        var requiredAlternatives: [[RegexPrefilter.Alternative]] = []
        /// Literals one of which every match holds somewhere, when each branch names one: the
        /// longest its sequence surely holds (a run of literals, or a group's own such set).
        var containedRuns: [RegexPrefilter.Alternative]?
        /// The ASCII scalars a match can consume (lookaround contents aside); nil for all.
        var alphabet: FirstScalars? = FirstScalars()
    }

    let scalars: [Unicode.Scalar]
    var index = 0
    private var caseInsensitive = false

    init(_ pattern: String) {
        scalars = Array(pattern.unicodeScalars)
    }

    /// The whole pattern, or nil when it uses something the analysis does not cover.
    mutating func parseTopLevel() -> Shape? {
        guard var shape = parseAlternation(collectLiterals: true), index == scalars.count else { return nil }
        // A single exact run a top-level sequence holds is among its literals already.
        let contained = shape.containedRuns.flatMap { runs in
            runs.count == 1 && !runs[0].caseInsensitive && shape.literals.contains(runs[0].text) ? nil : runs
        }
        for runs in [shape.leadingRuns, contained].compactMap(\.self) where !shape.requiredAlternatives.contains(runs) {
            shape.requiredAlternatives.append(runs)
        }
        return shape
    }

    private mutating func parseAlternation(collectLiterals: Bool) -> Shape? {
        guard var shape = parseSequence(collectLiterals: collectLiterals) else { return nil }
        while peek == "|" {
            index += 1
            guard let branch = parseSequence(collectLiterals: false) else { return nil }
            shape.maxLength = Self.larger(shape.maxLength, branch.maxLength)
            shape.literals = []
            shape.requiredAlternatives = []
            shape.endsAtLineEnd = shape.endsAtLineEnd && branch.endsAtLineEnd
            shape.first = shape.first.flatMap { first in branch.first.map { first.union($0) } }
            shape.canBeEmpty = shape.canBeEmpty || branch.canBeEmpty
            shape.alphabet = shape.alphabet.flatMap { alphabet in branch.alphabet.map { alphabet.union($0) } }
            shape.leadingRuns = shape.leadingRuns.flatMap { runs in branch.leadingRuns.map { runs + $0 } }
            shape.containedRuns = shape.containedRuns.flatMap { runs in branch.containedRuns.map { runs + $0 } }
        }
        return shape
    }

    private mutating func parseSequence(collectLiterals: Bool) -> Shape? {
        var shape = Shape(maxLength: 0)
        var run = ""
        var lookaheadBound: Int?
        var consumedNothingYet = true
        var leadingRun: RegexPrefilter.Alternative?
        /// The runs of a group the sequence opens with, when no literal comes before it.
        var leadingGroupRuns: [RegexPrefilter.Alternative]?
        var leadingRunOpen = true
        var containedRun: RegexPrefilter.Alternative?
        var containedRuns: [RegexPrefilter.Alternative]?
        func offer(_ runs: [RegexPrefilter.Alternative]?) {
            if let runs, Self.isBetter(runs, than: containedRuns) { containedRuns = runs }
        }
        // A flag like (?i) holds to the end of its group, later branches included: not restored here.
        while let scalar = peek, scalar != "|" && scalar != ")" {
            guard let atom = parseAtom() else { return nil }
            guard let quantifier = parseQuantifier() else { return nil }
            if let bound = atom.lineEndLookaheadBound, consumedNothingYet {
                lookaheadBound = min(lookaheadBound ?? bound, bound)
            }
            let atomMax: Int? = switch (atom.maxLength, quantifier.max) {
            case (0, _): 0
            case (let length?, let times?): length * times
            default: nil
            }
            shape.maxLength = shape.maxLength.flatMap { total in atomMax.map { total + $0 } }
            shape.endsAtLineEnd = atom.isLineEnd
            if atom.maxLength != 0 { consumedNothingYet = false }
            shape.alphabet = shape.alphabet.flatMap { alphabet in atom.alphabet.map { alphabet.union($0) } }
            if shape.canBeEmpty {
                shape.first = shape.first.flatMap { first in atom.first.map { first.union($0) } }
                if !atom.canBeEmpty && quantifier.min > 0 { shape.canBeEmpty = false }
            }
            if leadingRunOpen {
                // Zero-width atoms between literals do not break the run.
                if let literal = atom.literal, quantifier.isExactlyOne, !atom.literalCaseInsensitive || literal.isASCII,
                   leadingRun == nil || leadingRun?.caseInsensitive == atom.literalCaseInsensitive {
                    leadingRun = RegexPrefilter.Alternative(
                        text: (leadingRun?.text ?? "") + String(literal), caseInsensitive: atom.literalCaseInsensitive)
                } else if leadingRun == nil, quantifier.isExactlyOne, let runs = atom.leadingRuns {
                    // A group every branch of which opens with a literal: a match opens with one of them.
                    leadingGroupRuns = runs
                    leadingRunOpen = false
                } else if !(atom.maxLength == 0 && atom.canBeEmpty) {
                    leadingRunOpen = false
                }
            }
            if collectLiterals, let runs = atom.leadingRuns, quantifier.isExactlyOne {
                shape.requiredAlternatives.append(runs)
            }
            if collectLiterals, let runs = atom.containedRuns, quantifier.min > 0, !shape.requiredAlternatives.contains(runs) {
                shape.requiredAlternatives.append(runs)
            }
            // Literals in a row extend the run (zero-width atoms between them do not end it).
            if let literal = atom.literal, quantifier.isExactlyOne, !atom.literalCaseInsensitive || literal.isASCII {
                if let run = containedRun, run.caseInsensitive != atom.literalCaseInsensitive {
                    offer([run])
                    containedRun = nil
                }
                containedRun = RegexPrefilter.Alternative(
                    text: (containedRun?.text ?? "") + String(literal), caseInsensitive: atom.literalCaseInsensitive)
            } else if !(atom.maxLength == 0 && atom.canBeEmpty) {
                offer(containedRun.map { [$0] })
                containedRun = nil
                if quantifier.min > 0 { offer(atom.containedRuns) }
            }
            if collectLiterals {
                // Under (?i) only caseless characters (punctuation, digits) are certain as written.
                if let literal = atom.literal, quantifier.isExactlyOne, !caseInsensitive || Self.isCaseless(literal) {
                    run.unicodeScalars.append(literal)
                } else if atom.maxLength != 0 || !quantifier.isExactlyOne {
                    shape.literals.append(run)
                    run = ""
                }
            }
        }
        if collectLiterals { shape.literals.append(run) }
        shape.leadingRuns = leadingRun.map { [$0] } ?? leadingGroupRuns
        offer(containedRun.map { [$0] })
        shape.containedRuns = containedRuns
        if let lookaheadBound { shape.maxLength = min(shape.maxLength ?? lookaheadBound, lookaheadBound) }
        return shape
    }

    private struct Atom {
        var maxLength: Int?
        var literal: Unicode.Scalar?
        var literalCaseInsensitive = false
        /// Nil for any scalar; empty for zero-width atoms.
        var first: FirstScalars? = FirstScalars()
        var canBeEmpty = true
        var leadingRuns: [RegexPrefilter.Alternative]?
        var containedRuns: [RegexPrefilter.Alternative]?
        /// The ASCII scalars the atom can consume; nil for all.
        var alphabet: FirstScalars? = FirstScalars()
        var isLineEnd = false
        /// For `(?=…$)`: the longest text the lookahead allows before the line ends.
        var lineEndLookaheadBound: Int?
    }

    private mutating func parseAtom() -> Atom? {
        guard let scalar = next() else { return nil }
        // Under (?i) a literal may match its full case folding, up to three scalars.
        let literalLength = caseInsensitive ? 3 : 1
        switch scalar {
        case "^": return Atom(maxLength: 0)
        case "$": return Atom(maxLength: 0, isLineEnd: true)
        case ".": return Self.anyScalar
        case "[":
            let start = index
            guard skipSet() else { return nil }
            var atom = Self.anyScalar
            atom.alphabet = FirstScalars.ofSet(scalars[start..<(index - 1)], caseInsensitive: caseInsensitive)
            return atom
        case "(": return parseGroup()
        case "*", "+", "?", "{", ")", "|": return nil
        case "\\": return parseEscape(literalLength: literalLength)
        default: return literalAtom(scalar, length: literalLength)
        }
    }

    private mutating func parseEscape(literalLength: Int) -> Atom? {
        guard let scalar = next() else { return nil }
        switch scalar {
        case "b", "B", "A", "z", "Z", "G": return Atom(maxLength: 0)
        case "d", "D", "w", "W", "s", "S", "h", "H", "v", "V", "t", "n", "r", "f", "e", "a":
            return Self.anyScalar
        case "p", "P", "N", "x":
            let start = index
            if peek == "{" { while let c = next(), c != "}" {} } else { index += scalar == "x" ? 2 : 1 }
            var atom = Self.anyScalar
            if scalar == "p" || scalar == "P" {
                atom.alphabet = FirstScalars.ofProperty(scalars[start..<index], negated: scalar == "P", caseInsensitive: caseInsensitive)
            }
            return atom
        case "u": index += 4; return Self.anyScalar
        case "c": index += 1; return Self.anyScalar
        default:
            // Escaped punctuation is itself; escaped letters and digits we do not know mean more.
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) { return nil }
            return literalAtom(scalar, length: literalLength)
        }
    }

    private static let anyScalar = Atom(maxLength: 1, first: nil, canBeEmpty: false, alphabet: nil)

    private func literalAtom(_ scalar: Unicode.Scalar, length: Int) -> Atom {
        var first: FirstScalars?
        if scalar.isASCII {
            // Under (?i) a letter is either case, and some non-ASCII letters fold to ASCII ones.
            first = FirstScalars(ascii: UInt8(scalar.value), nonASCII: caseInsensitive)
            if caseInsensitive, let byte = UInt8(exactly: scalar.value), Character(scalar).isLetter {
                first?.insert(byte ^ 0x20)
            }
        } else if !caseInsensitive || Self.isCaseless(scalar) {
            first = FirstScalars(nonASCII: true)
        }
        // A caseless non-ASCII scalar (©) matches only itself, even under (?i).
        let exact = !caseInsensitive || (!scalar.isASCII && Self.isCaseless(scalar))
        return Atom(
            maxLength: length, literal: scalar, literalCaseInsensitive: !exact, first: first, canBeEmpty: false,
            alphabet: first)
    }

    private mutating func parseGroup() -> Atom? {
        let savedCase = caseInsensitive
        var isLookaround = false
        var isLookahead = false
        if peek == "?" {
            index += 1
            switch next() {
            case ":", ">": break
            case "=": isLookaround = true; isLookahead = true
            case "!": isLookaround = true
            case "<":
                if peek == "=" || peek == "!" { index += 1; isLookaround = true } else { return nil }
            case "#":
                while let c = next(), c != ")" {}
                return Atom(maxLength: 0)
            case let flag?:
                // (?i) sets flags for the rest of the enclosing group; (?i:…) for its own body.
                index -= 1
                guard let on = parseFlags(from: flag) else { return nil }
                if peek == ")" { index += 1; caseInsensitive = on; return Atom(maxLength: 0) }
                guard next() == ":" else { return nil }
                caseInsensitive = on
            case nil: return nil
            }
        }
        guard let inner = parseAlternation(collectLiterals: false), next() == ")" else { return nil }
        caseInsensitive = savedCase
        if isLookaround {
            let bound = isLookahead && inner.endsAtLineEnd ? inner.maxLength : nil
            return Atom(maxLength: 0, lineEndLookaheadBound: bound)
        }
        return Atom(
            maxLength: inner.maxLength, first: inner.first, canBeEmpty: inner.canBeEmpty, leadingRuns: inner.leadingRuns,
            containedRuns: inner.containedRuns, alphabet: inner.alphabet)
    }

    /// Reads flag letters up to `)` or `:`; returns whether `i` is on, or nil for `x` (free spacing)
    /// and unknown letters.
    private mutating func parseFlags(from _: Unicode.Scalar) -> Bool? {
        var on = caseInsensitive
        var negate = false
        while let c = peek, c != ")", c != ":" {
            index += 1
            switch c {
            case "-": negate = true
            case "i": on = !negate
            case "s", "m", "w": break
            default: return nil
            }
        }
        return on
    }
}
