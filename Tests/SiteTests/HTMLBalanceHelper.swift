import Foundation

/// A small well-formedness check for generated pages: every non-void element is closed in
/// order, comments and the doctype are skipped. Returns the first problem, or nil.
func htmlBalanceProblem(_ html: String) -> String? {
    let void: Set<String> = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]
    var stack: [String] = []
    var rest = html[...]
    while let open = rest.firstIndex(of: "<") {
        let after = rest[rest.index(after: open)...]
        if after.hasPrefix("!--") {
            guard let end = after.range(of: "-->") else { return "unclosed comment" }
            rest = after[end.upperBound...]
            continue
        }
        guard let close = after.firstIndex(of: ">") else { return "unclosed tag at \(after.prefix(40))" }
        let tag = after[..<close]
        rest = after[after.index(after: close)...]
        if tag.hasPrefix("!") { continue }
        let isEnd = tag.hasPrefix("/")
        let name = (isEnd ? tag.dropFirst() : tag).prefix { $0.isLetter || $0.isNumber }.lowercased()
        guard !name.isEmpty else { return "stray '<' before \(tag.prefix(40))" }
        if isEnd {
            guard stack.last == name else { return "</\(name)> closes <\(stack.last ?? "nothing")>" }
            stack.removeLast()
        } else if !void.contains(name) && !tag.hasSuffix("/") {
            stack.append(name)
        }
    }
    return stack.isEmpty ? nil : "unclosed <\(stack.joined(separator: "> <"))>"
}

/// Raw control characters other than tab, line feed and carriage return.
func containsControlCharacters(_ bytes: Data) -> Bool {
    bytes.contains { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D || $0 == 0x7F }
}
