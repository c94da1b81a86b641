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
}
