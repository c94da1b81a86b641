import Foundation

/// The boilerplate cleaner's regular expressions joined into one alternation, so each line is
/// handed to ICU once instead of once per rule (bridging a line to UTF-16 for ~30 rules was most
/// of ingest's time). Alternatives are tried in rule order and must match the whole line, so the
/// alternative that matches is the first rule that would have matched on its own.
struct CombinedRegexRules: Sendable {
    /// One alternation over the rules that can share it; nil when there are none.
    private let combined: NSRegularExpression?
    /// For each matcher index: the capture group of its alternative in `combined`.
    private let groupOfRule: [Int: Int]
    /// Rules matched one by one: backreferences and named groups would break inside an alternation.
    private let separate: [Int: NSRegularExpression]

    /// `rules[i]` is the whole-line regex of matcher `i`, or nil for matchers of another kind.
    init(_ rules: [NSRegularExpression?]) {
        var parts: [String] = []
        var groups: [Int: Int] = [:]
        var separate: [Int: NSRegularExpression] = [:]
        var nextGroup = 1
        for (index, rule) in rules.enumerated() {
            guard let rule else { continue }
            if Self.needsOwnMatch(rule.pattern) {
                separate[index] = rule
                continue
            }
            parts.append("(\(rule.pattern))")
            groups[index] = nextGroup
            nextGroup += 1 + rule.numberOfCaptureGroups
        }
        if !parts.isEmpty, let regex = try? NSRegularExpression(pattern: parts.joined(separator: "|")) {
            combined = regex
            groupOfRule = groups
        } else {
            combined = nil
            groupOfRule = [:]
            for (index, rule) in rules.enumerated() { if let rule { separate[index] = rule } }
        }
        self.separate = separate
    }

    private static func needsOwnMatch(_ pattern: String) -> Bool {
        pattern.range(of: #"\\[1-9]|\\k<|\(\?<[A-Za-z]|\(\?P"#, options: .regularExpression) != nil
    }

    /// Which rules match one line; the combined regex runs at most once, on first use.
    struct Matches {
        let rules: CombinedRegexRules
        let line: String
        private var firstCombined: Int??

        init(rules: CombinedRegexRules, line: String) {
            self.rules = rules
            self.line = line
        }

        /// True when matcher `index`'s regex matches the whole line. Only meaningful when asked in
        /// rule order, stopping at the first match, as the cleaner does.
        mutating func matches(_ index: Int) -> Bool {
            let range = NSRange(line.startIndex..., in: line)
            if let regex = rules.separate[index] {
                return regex.firstMatch(in: line, options: .anchored, range: range) != nil
            }
            if firstCombined == nil { firstCombined = .some(firstCombinedMatch(range)) }
            return firstCombined! == index
        }

        private func firstCombinedMatch(_ range: NSRange) -> Int? {
            guard let regex = rules.combined,
                  let match = regex.firstMatch(in: line, options: .anchored, range: range) else { return nil }
            return rules.groupOfRule
                .filter { match.range(at: $0.value).location != NSNotFound }
                .min { $0.key < $1.key }?.key
        }
    }
}
