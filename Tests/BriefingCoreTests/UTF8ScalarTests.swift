import BriefingCore
import Testing

@Suite struct UTF8ScalarTests {
    @Test func decodesEveryLengthAsStringsDo() {
        var text = "a é € 📰 z \u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}\u{10FFFF}"
        var decoded: [Unicode.Scalar] = []
        text.withUTF8 { utf8 in
            var i = 0
            while i < utf8.count {
                let (scalar, length) = UTF8Scalar.at(i, in: utf8)
                decoded.append(scalar)
                #expect(length == String(scalar).utf8.count)
                i += length
            }
        }
        #expect(decoded == Array(text.unicodeScalars))
    }
}
