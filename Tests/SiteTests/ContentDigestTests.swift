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
}
