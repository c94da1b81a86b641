import Foundation

/// Cheap necessary conditions for a whole-line boilerplate regex: the longest line it can match
/// and literal text every match contains. ICU spends tens of microseconds on each long prose line
/// per rule, almost always to fail; a line these conditions rule out is not handed to it at all.
///
/// The analysis is conservative: any construct it does not fully understand (backreferences,
/// `\R`, `\X`, `\Q…\E`, free-spacing mode…) leaves the bound or the literals unknown, so a
/// prefilter never rejects a line the regex would match.
struct RegexPrefilter: Sendable, Equatable {
    /// Most Unicode scalars a match can span; nil when unbounded or unknown.
    var maxLength: Int?
    /// Case-sensitive literal runs that occur in every match.
    var requiredLiterals: [String]

    init(maxLength: Int?, requiredLiterals: [String]) {
        self.maxLength = maxLength
        self.requiredLiterals = requiredLiterals
    }

    /// Analyses `pattern` (ICU syntax, matched against a whole line).
    init(pattern: String) {
        var parser = RegexShapeParser(pattern)
        guard let shape = parser.parseTopLevel() else {
            self.init(maxLength: nil, requiredLiterals: [])
            return
        }
        self.init(maxLength: shape.maxLength, requiredLiterals: shape.literals.filter { !$0.isEmpty })
    }

    /// False only when the regex cannot match `line` as a whole.
    func admits(_ line: String) -> Bool {
        admits(line, scalarCount: line.unicodeScalars.count)
    }

    /// `admits(line)` for a caller that knows the line's Unicode scalar count.
    func admits(_ line: String, scalarCount: Int) -> Bool {
        // Two scalars of slack: `$` also matches before a final line terminator.
        if let maxLength, scalarCount > maxLength + 2 { return false }
        return requiredLiterals.allSatisfy { Self.containsBytes(line, $0) }
    }

    /// Code-point-exact substring test on UTF-8 bytes, as ICU compares (String.contains compares
    /// Characters, so "(" would not be found in "(" followed by a combining mark).
    static func containsBytes(_ text: String, _ literal: String) -> Bool {
        var text = text, literal = literal
        return literal.withUTF8 { needle in
            text.withUTF8 { haystack in
                guard let first = needle.first else { return true }
                guard haystack.count >= needle.count else { return false }
                var i = 0
                let last = haystack.count - needle.count
                while i <= last {
                    if haystack[i] == first, memcmp(haystack.baseAddress! + i, needle.baseAddress!, needle.count) == 0 {
                        return true
                    }
                    i += 1
                }
                return false
            }
        }
    }
}
