import Testing
@testable import Site

/// The cache's writers encode in place and number recurring values without hashing few of
/// them: the bytes must be what writing each piece apart gave.
@Suite struct CacheWriterTests {
    /// What `FirstUseNumbers` gave when it always hashed.
    static func hashedNumbers(_ values: [Int]) -> ([UInt64], [Int]) {
        var numbers: [Int: UInt64] = [:], table: [Int] = []
        let given = values.map { value -> UInt64 in
            if let number = numbers[value] { return number }
            numbers[value] = UInt64(table.count)
            table.append(value)
            return UInt64(table.count - 1)
        }
        return (given, table)
    }

    @Test func firstUseNumbersAcrossTheScanLimit() {
        for distinct in [0, 1, 5, 16, 17, 18, 40] {
            let values = (0..<(distinct * 3)).map { ($0 * 7919) % max(distinct, 1) } + (0..<distinct).reversed()
            var numbers = FirstUseNumbers<Int>()
            let given = values.map { numbers.number($0) }
            let (expected, table) = Self.hashedNumbers(values)
            #expect(given == expected, "\(distinct) values")
            #expect(numbers.values == table)
        }
    }

    @Test func blobWrittenInPlaceMatchesBlobOfBytes() {
        // Lengths whose varints take one, two and three bytes.
        for size in [0, 1, 127, 128, 300, 20_000] {
            let payload = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31) }
            var apart = BinaryWriter(), inPlace = BinaryWriter()
            apart.string("before")
            inPlace.string("before")
            apart.blob(payload)
            #expect(inPlace.blob { w in
                w.raw(payload)
                return true
            })
            #expect(inPlace.bytes == apart.bytes, "\(size) bytes")
        }
        var writer = BinaryWriter()
        writer.string("kept")
        let kept = writer.bytes
        #expect(!writer.blob { w in
            w.string("dropped")
            return false
        })
        #expect(writer.bytes == kept)
    }
}
