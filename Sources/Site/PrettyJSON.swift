import BriefingCore

/// Writes JSON straight into bytes in exactly the layout of Foundation's `JSONEncoder` with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`, so files stay byte-identical with
/// what that encoder wrote. `JSONEncoder` first builds a tree of every value: for the 10k
/// benchmark's 48 MB `stories.json` that tree was the build's memory peak.
///
/// Callers write an object's keys in sorted order themselves (by UTF-8 bytes, as the encoder
/// sorts); `sortedByKey` does it for dictionaries.
struct PrettyJSON {
    private(set) var bytes: [UInt8] = []
    /// Bytes already handed on by `drain`.
    private(set) var drained = 0
    private var depth = 0
    /// No member written yet in the innermost open container.
    private var isEmpty = true

    init(reservingCapacity capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// Where the next byte goes in the whole document.
    var position: Int { drained + bytes.count }

    /// Hands the bytes written so far to `sink` once there are at least `threshold` of them, so a
    /// document written straight to a file is never whole in memory.
    mutating func drain(over threshold: Int = 0, into sink: ([UInt8]) -> Void) {
        guard bytes.count >= threshold, !bytes.isEmpty else { return }
        sink(bytes)
        drained += bytes.count
        bytes.removeAll(keepingCapacity: true)
    }

    mutating func object(_ body: (inout PrettyJSON) -> Void) {
        container(open: UInt8(ascii: "{"), close: UInt8(ascii: "}"), body)
    }

    mutating func array(_ body: (inout PrettyJSON) -> Void) {
        container(open: UInt8(ascii: "["), close: UInt8(ascii: "]"), body)
    }

    /// Ends the document with the final newline the encoder's files end with.
    mutating func endFile() {
        bytes.append(0x0A)
    }

    /// Starts an object member; its value is written next.
    mutating func key(_ name: String) {
        separate()
        string(name)
        bytes.append(0x20)
        bytes.append(UInt8(ascii: ":"))
        bytes.append(0x20)
    }

    /// Starts an array element; its value is written next.
    mutating func element() {
        separate()
    }

    /// How many bytes `element()` would write now: the separator between this container's values.
    var elementSeparatorCount: Int { (isEmpty ? 0 : 1) + 1 + depth * 2 }

    /// A writer for a value at this depth, written apart (on another thread) and added with
    /// `value(raw:)`: the bytes are the same as if written here.
    func nested(reservingCapacity capacity: Int = 0) -> PrettyJSON {
        var writer = PrettyJSON(reservingCapacity: capacity)
        writer.depth = depth
        return writer
    }

    /// A value written apart at this same depth (`nested`), or earlier at it, added as is.
    mutating func value(raw: [UInt8]) {
        bytes.append(contentsOf: raw)
        isEmpty = false
    }

    /// A value of `count` bytes written earlier at this same depth, which the sink copies in
    /// itself: what is written so far is handed to `sink` first, so the copy lands in place.
    mutating func value(copied count: Int, drainingInto sink: ([UInt8]) -> Void) {
        drain(into: sink)
        drained += count
        isEmpty = false
    }

    mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        if text.utf8.withContiguousStorageIfAvailable({ append(escaping: $0) }) == nil {
            var text = text
            text.withUTF8 { append(escaping: $0) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Appends `utf8` with JSON's escapes, copying the runs between bytes that need one whole.
    private mutating func append(escaping utf8: UnsafeBufferPointer<UInt8>) {
        guard let base = utf8.baseAddress else { return }
        var run = 0, index = 0
        while index < utf8.count {
            // Eight bytes at a time past those needing no escape: nearly all of them.
            if index + 8 <= utf8.count {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                if !ByteWord.holdsByte(below: 0x20, word), !ByteWord.holds(word, UInt8(ascii: "\"")),
                   !ByteWord.holds(word, UInt8(ascii: "\\")) {
                    index += 8
                    continue
                }
            }
            let byte = base[index]
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<index]))
                Self.appendEscape(of: byte, to: &bytes)
                run = index + 1
            }
            index += 1
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run...]))
    }

    private static func appendEscape(of byte: UInt8, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        default:
            let hex: StaticString = "0123456789abcdef"
            bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                      hex.utf8Start[Int(byte >> 4)], hex.utf8Start[Int(byte & 0xF)]])
        }
    }

    // Conveniences for the common member shapes; a nil optional is left out, like the encoder does.

    mutating func member(_ name: String, _ value: String?) {
        guard let value else { return }
        key(name)
        string(value)
    }

    mutating func member(_ name: String, strings: [String]) {
        key(name)
        array { json in
            for value in strings {
                json.element()
                json.string(value)
            }
        }
    }

    /// Dictionary entries in the encoder's key order: UTF-8 bytes, not `String`'s `<`.
    static func sortedByKey<Value>(_ dictionary: [String: Value]) -> [(key: String, value: Value)] {
        dictionary.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
    }

    private mutating func container(open: UInt8, close: UInt8, _ body: (inout PrettyJSON) -> Void) {
        bytes.append(open)
        depth += 1
        isEmpty = true
        body(&self)
        depth -= 1
        // The encoder writes an empty container as an open line between the brackets.
        if isEmpty { bytes.append(0x0A) }
        newline()
        bytes.append(close)
        isEmpty = false
    }

    private mutating func separate() {
        if !isEmpty { bytes.append(UInt8(ascii: ",")) }
        isEmpty = false
        newline()
    }

    private mutating func newline() {
        bytes.append(0x0A)
        bytes.append(contentsOf: repeatElement(0x20, count: depth * 2))
    }
}
