import BriefingCore
import Foundation

extension ArticleParser {
    /// What an article's path and front matter say about it.
    struct Metadata {
        var title: String?
        var outlet = ""
        var url: String?
        var day = Day(year: 1970, month: 1, day: 1)!
        var time: String?
        var author: String?
        var extra: [String: String] = [:]
    }

    static func markdownMetadata(_ front: FrontMatter, relativePath: String, path: String) throws(Diagnostic) -> Metadata {
        guard let outlet = front.outlet else {
            throw .error(SourceLocation(path: path), "front matter has no 'outlet' (who published the article)")
        }
        var meta = Metadata(
            title: front.title.map(singleLine), outlet: singleLine(outlet), url: front.url,
            author: front.author.map(singleLine), extra: front.extra.mapValues(singleLine))
        if let published = front.published {
            meta.day = published.day
            meta.time = published.time
        } else if let day = folderDay(relativePath) {
            meta.day = day
        } else {
            throw .error(
                SourceLocation(path: path),
                "no 'published' date in front matter and no YYYY-MM-DD folder in the path"
            )
        }
        return meta
    }

    /// `<YYYY-MM-DD>/<outlet-folder>/<name>.txt`: the folders give the day and the outlet.
    static func plainTextMetadata(relativePath: String, path: String) throws(Diagnostic) -> Metadata {
        let folders = relativePath.split(separator: "/").dropLast().map(String.init)
        guard folders.count >= 2, let day = Day(folders[folders.count - 2]) else {
            throw .error(
                SourceLocation(path: path),
                "a plain-text article must be at <YYYY-MM-DD>/<outlet>/<name>.txt"
            )
        }
        var meta = Metadata(outlet: outletName(fromFolder: folders[folders.count - 1]))
        meta.day = day
        return meta
    }

    /// A front matter value as one line of text: control characters (C0, DEL, C1 — line breaks
    /// included) become spaces, so they never reach a page, feed or file name.
    static func singleLine(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { scalars.append(isControl(scalar) ? " " : scalar) }
        return String(scalars).split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// "washington-examiner" → "Washington Examiner".
    public static func outletName(fromFolder folder: String) -> String {
        folder.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == " " })
            .map { $0.prefix(1).uppercased() + $0.dropFirst() }
            .joined(separator: " ")
    }

    /// The nearest `YYYY-MM-DD` folder in the path.
    static func folderDay(_ relativePath: String) -> Day? {
        relativePath.split(separator: "/").dropLast().reversed().lazy.compactMap { Day($0) }.first
    }

    /// The first non-empty line when it reads like a headline: short, not a sentence ending in ".".
    static func headline(in lines: [BodyLine]) -> BodyLine? {
        guard let first = lines.first(where: { !$0.isBlank }) else { return nil }
        let plain = MarkdownStripper.strip(first.text)
        guard plain.count <= 200, plain.contains(where: \.isLetter), !plain.hasSuffix(".") || plain.hasSuffix("..."),
              !plain.hasSuffix(":")
        else { return nil }
        return first
    }

    static func fileExtension(_ path: String) -> String {
        // The last non-empty component, as `split(separator: "/").last`, without splitting it all:
        // on bytes for an ASCII path (each byte a Character, CR LF aside, which is neither "/" nor ".").
        guard path.utf8.allSatisfy({ $0 < 0x80 }) else {
            return path.split(separator: "/").last.map(fileExtension(ofName:)) ?? ""
        }
        let utf8 = path.utf8
        var end = utf8.endIndex
        while end > utf8.startIndex, utf8[utf8.index(before: end)] == UInt8(ascii: "/") { end = utf8.index(before: end) }
        let start = utf8[..<end].lastIndex(of: UInt8(ascii: "/")).map(utf8.index(after:)) ?? utf8.startIndex
        guard let dot = utf8[start..<end].lastIndex(of: UInt8(ascii: ".")), dot != start else { return "" }
        return String(Substring(utf8[utf8.index(after: dot)..<end])).lowercased()
    }

    /// The lowercased extension of a bare file name ("" for none or a dot file).
    static func fileExtension(ofName name: Substring) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }

    static func removingExtension(_ path: String) -> String {
        fileExtension(path).isEmpty ? path : String(path.dropLast(fileExtension(path).count + 1))
    }
}
