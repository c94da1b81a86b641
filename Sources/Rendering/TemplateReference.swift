import Foundation

/// A `{{> name}}` or `{{< name}}` tag found in template text, with its 1-based position.
struct TemplateReference: Hashable {
    var name: String
    var line: Int
    var column: Int

    /// Finds partial and parent references. Dynamic names (`{{>*name}}`) are resolved at render
    /// time and skipped; templates that change delimiters are only checked up to the change.
    static func scan(_ text: String) -> [TemplateReference] {
        var found: [TemplateReference] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "{{") {
                let column = line.distance(from: line.startIndex, to: open.lowerBound) + 1
                var tag = rest[open.upperBound...]
                guard let close = tag.range(of: "}}") else { break }
                rest = tag[close.upperBound...]
                tag = tag[..<close.lowerBound]
                let body = tag.drop(while: \.isWhitespace)
                if body.first == "=" { return found }
                guard let sigil = body.first, sigil == ">" || sigil == "<" else { continue }
                let name = body.dropFirst().trimmingCharacters(in: .whitespaces)
                guard !name.isEmpty, !name.hasPrefix("*") else { continue }
                found.append(TemplateReference(name: name, line: index + 1, column: column))
            }
        }
        return found
    }
}
