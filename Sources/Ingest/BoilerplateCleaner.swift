import BriefingCore
import Foundation

/// Removes scrape noise (sign-up prompts, photo credits, trailers...) line by line, driven by
/// `BoilerplateRule` data. Runs before anything else reads an article's text.
public struct BoilerplateCleaner: Sendable {
    /// One rule, ready to match. A class: walking the list for every line then copies no payloads.
    private final class Matcher: Sendable {
        let match: BoilerplateRule.Match
        /// Folded, for the non-regex kinds.
        let pattern: String
        let patternScalarCount: Int
        /// An ASCII pattern is compared with an ASCII line's bytes (Characters and canonical
        /// equivalence make no difference then).
        let patternIsASCII: Bool
        let regex: NSRegularExpression?
        let prefilter: RegexPrefilter?
        let label: String

        init(_ match: BoilerplateRule.Match, pattern: String, regex: NSRegularExpression? = nil, label: String) {
            self.match = match
            self.pattern = pattern
            patternScalarCount = pattern.unicodeScalars.count
            patternIsASCII = !pattern.utf8.contains { $0 >= 0x80 }
            self.regex = regex
            prefilter = regex == nil ? nil : RegexPrefilter(pattern: pattern)
            self.label = label
        }
    }

    public let rules: [BoilerplateRule]
    private let matchers: [Matcher]
    /// Per matcher, the most Unicode scalars a line it matches can have (a regex's prefilter
    /// bound; `Int.max` when unknown or for other kinds): a longer line skips the matcher
    /// without reading it (most prose lines skip most rules so).
    private let lengthBounds: [Int]
    /// Per first UTF-8 byte of a line, the matchers that may match it, in rule order: a regex no
    /// match of which opens with that byte is never looked at (most rules open with a literal).
    private let candidatesByLead: [[Int]]

    /// Rules are used as given; pass `defaultRules + config.boilerplate` for a site build.
    /// A rule whose regular expression does not compile is ignored (the config loader reports it).
    public init(rules: [BoilerplateRule] = BoilerplateCleaner.defaultRules) {
        self.rules = rules
        matchers = rules.compactMap { rule in
            let pattern = rule.pattern.trimmingCharacters(in: .whitespaces)
            switch rule.match {
            case .line, .prefix, .contains, .trailer:
                return Matcher(rule.match, pattern: Self.folded(pattern), label: rule.label)
            case .regex:
                guard let regex = try? NSRegularExpression(pattern: "^(?:\(rule.pattern))$") else { return nil }
                return Matcher(.regex, pattern: rule.pattern, regex: regex, label: rule.label)
            }
        }
        lengthBounds = matchers.map { $0.prefilter?.maxLineLength ?? Int.max }
        candidatesByLead = (0...255).map { [matchers] lead in
            matchers.indices.filter { matchers[$0].prefilter?.first?.admits(leadByte: UInt8(lead)) ?? true }
        }
    }

    /// What cleaning kept and what it removed.
    public struct Output: Sendable {
        public var lines: [BodyLine]
        public var removed: [RemovedLine]
        /// `MarkdownStripper.strip` of kept lines' text, for reuse.
        var plain = PlainTexts()
    }

    /// Drops noise lines, a trailer and everything after it, and lines repeating `headline`.
    /// Blank lines are kept (they separate paragraphs); fenced code is never touched.
    public func clean(_ lines: [BodyLine], headline: String?, path: String) -> Output {
        // Numbers only grow (callers keep file order); anything else goes without reuse.
        let inOrder = zip(lines, lines.dropFirst()).allSatisfy { $0.number < $1.number }
        var plainByLine = inOrder && !lines.isEmpty ? PlainTexts(numbers: lines[0].number...lines[lines.count - 1].number) : PlainTexts()
        var kept: [BodyLine] = []
        var removed: [RemovedLine] = []
        kept.reserveCapacity(lines.count)
        var inFence = false
        var trailerLabel: String?
        let headlineKey = headline.map(Self.headlineKey)
        for line in lines {
            if let label = trailerLabel {
                if !line.isBlank { removed.append(Self.removal(line, label, path)) }
                continue
            }
            if MarkdownStripper.isFence(line.text) { inFence.toggle() }
            if inFence || line.isBlank || MarkdownStripper.isFence(line.text) {
                kept.append(line)
                continue
            }
            var plainLine = Self.plainLine(line.text)
            let plain = plainLine.text
            if let (label, isTrailer) = match(&plainLine) {
                removed.append(Self.removal(line, label, path))
                if isTrailer { trailerLabel = label }
            } else if let headlineKey, !headlineKey.isEmpty, Self.hasHeadlineKey(plain, headlineKey) {
                removed.append(Self.removal(line, "repeated headline", path))
            } else {
                kept.append(line)
                if inOrder { plainByLine.set(plain, for: line) }
            }
        }
        return Output(lines: kept, removed: removed, plain: plainByLine)
    }

    /// The label of the first rule matching this (plain-text) line, if any.
    public func label(for line: String) -> String? {
        var plain = Self.plainLine(line)
        return match(&plain)?.label
    }

    /// `MarkdownStripper.strip(text)`, read for matching. Most lines strip to themselves, told
    /// from the one pass that reads them for matching anyway.
    static func plainLine(_ text: String) -> RegexPrefilter.Line {
        let line = RegexPrefilter.Line(text)
        return MarkdownStripper.stripsToItself(line) ? line : RegexPrefilter.Line(MarkdownStripper.strip(text))
    }

    private func match(_ line: inout RegexPrefilter.Line) -> (label: String, isTrailer: Bool)? {
        let plain = line.text
        guard !plain.isEmpty else { return nil }
        // Worked out once per line, and only when a rule needs them.
        var folded: String?
        var trailerKey: String?
        var trailerLength: (length: Int, isExact: Bool)?
        let scalarCount = line.scalarCount
        for k in candidatesByLead[Int(plain.utf8.first!)] where scalarCount <= lengthBounds[k] {
            // `matchers` holds every matcher for the whole call: retaining each as it is read was
            // a tenth of matching.
            unowned(unsafe) let matcher = matchers[k]
            if matcher.match == .regex {
                // Before reading the other fields: copying them cost more than most checks here.
                unowned(unsafe) let prefilter = matcher.prefilter  // held by the matcher
                if prefilter?.admits(&line) == true,
                   matcher.regex?.firstMatch(in: plain, options: .anchored, range: NSRange(plain.startIndex..., in: plain)) != nil {
                    return (matcher.label, false)
                }
                continue
            }
            let pattern = matcher.pattern, label = matcher.label
            switch matcher.match {
            // An ASCII line folds to its lowercased bytes (`plain` is space-normalized): compared as bytes.
            case .line:
                if matcher.patternIsASCII && line.isASCII ? line.lowercasedASCII.elementsEqual(pattern.utf8)
                    : Self.lazily(&folded, Self.folded(plain)) == pattern {
                    return (label, false)
                }
            case .prefix:
                guard !pattern.isEmpty else { continue }
                let decided = matcher.patternIsASCII ? Self.foldedHasPrefix(&line, pattern) : nil
                if decided ?? Self.lazily(&folded, Self.folded(plain)).hasPrefix(pattern) {
                    return (label, false)
                }
            case .contains:
                guard !pattern.isEmpty else { continue }
                if matcher.patternIsASCII && line.isASCII ? RegexPrefilter.contains(line.lowercasedASCII, pattern)
                    : Self.lazily(&folded, Self.folded(plain)).contains(pattern) {
                    return (label, false)
                }
            case .regex:
                continue
            case .trailer:
                // A length the key cannot have rules the line out without folding it.
                let bound = Self.lazily(&trailerLength, Self.trailerKeyLength(&line))
                if bound.isExact ? bound.length != pattern.utf8.count : bound.length > matcher.patternScalarCount { continue }
                let key = Self.lazily(&trailerKey, Self.trailerKey(Self.lazily(&folded, Self.folded(plain))))
                if key == pattern { return (label, true) }
            }
        }
        return nil
    }

    private static func lazily<Value>(_ value: inout Value?, _ make: @autoclosure () -> Value) -> Value {
        if let value { return value }
        let made = make()
        value = made
        return made
    }

    /// `folded(line.text).hasPrefix(pattern)`, for an ASCII `pattern`, when the bytes decide it;
    /// nil when only Characters can tell. Reads the line's bytes up to the pattern's length, no
    /// further. Before the first non-ASCII byte each byte is a Character of its own (`text` is
    /// space-normalized: no CR LF) and folds to its ASCII lowercase, so a differing byte there
    /// rules the prefix out, as does a scalar that never folds to ASCII (a curly quote opening
    /// the line); matching ASCII bytes decide it when no mark can join the last one (an ASCII
    /// byte or nothing follows).
    static func foldedHasPrefix(_ line: inout RegexPrefilter.Line, _ pattern: String) -> Bool? {
        var text = line.text, pattern = pattern
        return text.withUTF8 { bytes in
            pattern.withUTF8 { expected in
                var k = 0
                while k < expected.count {
                    guard k < bytes.count else { return false }  // all ASCII, and shorter
                    let byte = bytes[k]
                    // A typographic quote or dash, or a Latin letter: a Character of its own (no
                    // grapheme rule joins it to a neighbour) that folds to no ASCII Character.
                    guard byte < 0x80 else { return Self.isNeverASCIIFolded(UTF8Scalar.at(k, in: bytes).scalar) ? false : nil }
                    if RegexPrefilter.asciiLowercased(byte) != expected[k] { return false }
                    k += 1
                }
                return bytes.count == k || bytes[k] < 0x80 ? true : nil
            }
        }
    }

    /// U+00A1–U+017F and U+2010–U+2027: no neighbour joins them in a Character, and lowercased
    /// none is, or is canonically equivalent to, an ASCII scalar.
    static func isNeverASCIIFolded(_ c: Unicode.Scalar) -> Bool {
        (0xA1...0x17F).contains(c.value) || (0x2010...0x2027).contains(c.value)
    }

    /// The length of the line's `trailerKey`: for an ASCII line exactly, in bytes (`plain` is
    /// space-normalized, so it folds to as many bytes); for any other, a lower bound in scalars
    /// (lowercasing never shortens, and at most the trailing ":", "." and "…" are dropped).
    static func trailerKeyLength(_ line: inout RegexPrefilter.Line) -> (length: Int, isExact: Bool) {
        let utf8 = line.text.utf8
        if line.isASCII {
            var length = utf8.count
            for byte in utf8.reversed() {
                guard byte == UInt8(ascii: ":") || byte == UInt8(ascii: ".") else { break }
                length -= 1
            }
            return (length, true)
        }
        let marks = line.text.unicodeScalars.reversed().prefix { $0 == ":" || $0 == "." || $0 == "…" }.count
        return (line.scalarCount - marks, false)
    }

    /// A folded line without the ":", "…" and "." a trailer heading may end with.
    static func trailerKey(_ folded: String) -> String {
        var trimmed = Substring(folded)
        while let last = trimmed.last, last == ":" || last == "…" || last == "." { trimmed.removeLast() }
        return String(trimmed)
    }

    private static func removal(_ line: BodyLine, _ label: String, _ path: String) -> RemovedLine {
        RemovedLine(
            location: SourceLocation(path: path, line: line.number),
            label: label,
            text: line.text.trimmingSpaces()
        )
    }

    /// Case-folded, space-normalized text for plain comparisons.
    static func folded(_ text: String) -> String {
        MarkdownStripper.normalizeSpaces(text).lowercased()
    }
}
