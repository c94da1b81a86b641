/// The scanning steps of `RegexShapeParser`: sets, quantifiers, numbers and single scalars.
extension RegexShapeParser {
    /// Skips a `[...]` set, nested sets and escapes included.
    mutating func skipSet() -> Bool {
        var depth = 1
        if peek == "^" { index += 1 }
        if peek == "]" { index += 1 }
        while let c = next() {
            switch c {
            case "\\": index += 1
            case "[": depth += 1
            case "]": depth -= 1; if depth == 0 { return true }
            default: break
            }
        }
        return false
    }

    struct Quantifier {
        var min: Int
        var max: Int?
        var isExactlyOne: Bool { min == 1 && max == 1 }
    }

    mutating func parseQuantifier() -> Quantifier? {
        var quantifier = Quantifier(min: 1, max: 1)
        switch peek {
        case "*": index += 1; quantifier = Quantifier(min: 0, max: nil)
        case "+": index += 1; quantifier = Quantifier(min: 1, max: nil)
        case "?": index += 1; quantifier = Quantifier(min: 0, max: 1)
        case "{":
            index += 1
            guard let low = readNumber() else { return nil }
            var high: Int? = low
            if peek == "," {
                index += 1
                high = peek == "}" ? nil : readNumber()
                if high == nil, peek != "}" { return nil }
            }
            guard next() == "}" else { return nil }
            quantifier = Quantifier(min: low, max: high)
        default:
            return quantifier
        }
        if peek == "?" || peek == "+" { index += 1 }  // lazy or possessive: same lengths
        return quantifier
    }

    mutating func readNumber() -> Int? {
        var value: Int?
        while let c = peek, ("0"..."9").contains(c), (value ?? 0) < 100_000 {
            value = (value ?? 0) * 10 + Int(c.value - 48)
            index += 1
        }
        return value
    }

    var peek: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    mutating func next() -> Unicode.Scalar? {
        defer { index += 1 }
        return peek
    }

    static func isCaseless(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        return !properties.changesWhenCaseFolded && !properties.changesWhenCaseMapped && !properties.isAlphabetic
    }

    /// Whether `runs` rule out more lines than `other`: a longer shortest literal, then fewer of them.
    static func isBetter(_ runs: [RegexPrefilter.Alternative], than other: [RegexPrefilter.Alternative]?) -> Bool {
        guard let other else { return true }
        let shortest = runs.map(\.text.utf8.count).min() ?? 0, otherShortest = other.map(\.text.utf8.count).min() ?? 0
        return shortest != otherShortest ? shortest > otherShortest : runs.count < other.count
    }

    static func larger(_ a: Int?, _ b: Int?) -> Int? {
        guard let a, let b else { return nil }
        return max(a, b)
    }
}
