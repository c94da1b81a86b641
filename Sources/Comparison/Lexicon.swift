import BriefingCore
import Foundation

/// One token of a sentence with its id in the story's `Lexicon`, and its byte offsets in the sentence.
struct LexToken: Sendable, Hashable {
    var kind: RawToken.Kind
    var id: Int32
    var start: Int32
    var end: Int32
}

/// The distinct tokens of one story as small integer ids (0, 1, 2…) with their `WordInfo`: a story
/// repeats its words in many sentences, and one hash of a token's bytes replaces a String and a
/// lookup in every word table. One per story, so it needs no lock.
final class Lexicon {
    private let spellings: SpellingMemo
    /// Per id.
    private(set) var infos: [WordInfo] = []
    private let table = ByteKeyTable()
    /// Phrase boundaries are all "|", whatever punctuation made them.
    private lazy var boundary: Int32 = id(of: "|")
    /// Scratch for one text's tokens (`append`). Raw: an array property was checked for
    /// exclusive access at run time on every text.
    private var row: UnsafeMutablePointer<LexToken>
    private var rowCapacity = 256

    init(spellings: SpellingMemo = SpellingMemo()) {
        self.spellings = spellings
        row = .allocate(capacity: rowCapacity)
    }

    deinit { row.deallocate() }

    /// Ids met so far; those from `infos.count` on wait for `resolve()`.
    var count: Int { table.count }

    /// The token `id` as printed (curly apostrophes folded).
    func text(_ id: Int) -> String { String(decoding: table.key(id), as: UTF8.self) }

    /// The bytes of token `id` as printed; valid until the next token is added.
    func bytes(_ id: Int) -> UnsafeBufferPointer<UInt8> { table.key(id) }

    /// The lowercase of token `id`.
    func lower(_ id: Int) -> String { SpellingMemo.lowercase(table.key(id)) }

    /// The id of a token printed as `text`.
    func id(_ text: String) -> Int {
        defer { resolve() }
        return Int(id(of: text))
    }

    private func id(of text: String) -> Int32 {
        var text = text
        return text.withUTF8 { bytes in table.insert(bytes).id }
    }

    /// Looks up the infos of the ids met since the last call.
    func resolve() { spellings.resolve(table, into: &infos) }

    /// Appends the tokens of `text` to `out`.
    func tokenise(_ text: String, into out: inout [LexToken]) {
        append(text, to: &out)
        resolve()
    }

    /// `tokenise` without `resolve()`: a caller with many texts resolves once, after the last.
    func append(_ text: String, to out: inout [LexToken]) {
        var text = text
        text.withUTF8 { utf8 in
            guard let end = utf8.baseAddress.map({ $0 + utf8.count }) else { return }
            // A token holds at least one byte: the row has room for all. Appended at once, as
            // appending each token asked whether the array was uniquely referenced every time.
            if rowCapacity < utf8.count {
                row.deallocate()
                rowCapacity = max(utf8.count, 2 * rowCapacity)
                row = .allocate(capacity: rowCapacity)
            }
            let row = row
            // "|" takes its id at the first boundary met, as ever; then from a local, not the lazy property.
            var count = 0, boundaryID: Int32 = -1
            TextScanner.scan(utf8) { raw in
                let id: Int32
                switch raw.kind {
                case .boundary:
                    if boundaryID < 0 { boundaryID = boundary }
                    id = boundaryID
                case .word, .number, .symbol:
                    let bytes = UnsafeBufferPointer(rebasing: utf8[raw.start..<raw.end])
                    id = raw.curly ? TextScanner.foldingApostrophes(bytes).withUnsafeBufferPointer { table.insert($0).id }
                        : table.insert(bytes, hash: ByteHash.hash(bytes, readableUpTo: end), readableUpTo: end).id
                }
                (row + count).initialize(to: LexToken(kind: raw.kind, id: id, start: Int32(truncatingIfNeeded: raw.start),
                                                      end: Int32(truncatingIfNeeded: raw.end)))
                count += 1
            }
            out.append(contentsOf: UnsafeBufferPointer(start: row, count: count))
        }
    }

    /// The tokens of `text`.
    func tokens(_ text: String) -> [LexToken] {
        var out: [LexToken] = []
        tokenise(text, into: &out)
        return out
    }

    /// The quotation words of `text` (`StoryComparator.quoteWords`), as ids.
    func quoteWordIDs(in text: String) -> [Int] { quoteWordIDs(tokens(text)[...]) }

    /// The quotation words of the tokens starting in `bytes`, as ids.
    func quoteWordIDs(_ tokens: ArraySlice<LexToken>, bytes: Range<Int> = 0..<Int.max) -> [Int] {
        var out: [Int] = []
        out.reserveCapacity(tokens.count)
        appendQuoteWordIDs(tokens, bytes: bytes, to: &out)
        return out
    }

    /// `quoteWordIDs(tokens, bytes:)` appended to `out`.
    func appendQuoteWordIDs(_ tokens: ArraySlice<LexToken>, bytes: Range<Int>, to out: inout [Int]) {
        for token in tokens where (token.kind == .word || token.kind == .number) && bytes.contains(Int(token.start)) {
            let info = infos[Int(token.id)]
            out.append(Int(info.quoteWord))
            if info.secondQuoteWord >= 0 { out.append(Int(info.secondQuoteWord)) }
        }
    }
}

extension TextScanner {
    /// `bytes` with each U+2019 (E2 80 99) as `'`.
    static func foldingApostrophes(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var k = 0
        while k < bytes.count {
            if bytes[k] == 0xE2, k + 2 < bytes.count, bytes[k + 1] == 0x80, bytes[k + 2] == 0x99 {
                out.append(0x27); k += 3
            } else {
                out.append(bytes[k]); k += 1
            }
        }
        return out
    }
}
