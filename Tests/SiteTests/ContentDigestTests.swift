import Foundation
import Testing
@testable import Site

@Suite struct ContentDigestTests {
    @Test func descriptionIsThirtyTwoHexDigits() {
        #expect(ContentDigest(high: 0x0123_4567_89ab_cdef, low: 0xf).description == "0123456789abcdef000000000000000f")
        #expect(ContentDigest.zero.description == String(repeating: "0", count: 32))
        let digest = ContentDigest("stories")
        #expect(digest.description == String(format: "%016llx%016llx", digest.high, digest.low))
    }

    @Test func builtKeysTellFieldBoundariesApart() {
        func key(_ fields: [String]) -> ContentDigest {
            var builder = ContentDigest.Builder()
            for field in fields { builder.add(field) }
            return builder.digest
        }
        #expect(key(["ab", "c"]) != key(["a", "bc"]))
        #expect(key(["a", ""]) != key(["a"]))
        #expect(key(["", ""]) != key([""]))
        #expect(key(["same", "fields"]) == key(["same", "fields"]))
    }

    @Test func everyByteAndItsPlaceCount() {
        // Lengths around the 32-byte stripes the lanes take, and the 8-byte words after them.
        let base = (0..<100).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        var seen = Set<ContentDigest>()
        for length in 0...base.count {
            let bytes = Array(base[..<length])
            let digest = ContentDigest(bytes)
            #expect(seen.insert(digest).inserted, "length \(length)")
            for i in bytes.indices {
                var flipped = bytes
                flipped[i] ^= 0x20
                #expect(ContentDigest(flipped) != digest, "length \(length), byte \(i)")
            }
        }
        // Two words trading places in one stripe.
        let swapped = Array(base[8..<16] + base[0..<8] + base[16..<64])
        #expect(ContentDigest(swapped) != ContentDigest(Array(base[..<64])))
    }
}

