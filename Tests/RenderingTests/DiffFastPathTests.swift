import BriefingCore
import Testing
@testable import Rendering

/// The byte path of `HTMLText.diff` gives what the `Character` path gives.
@Suite struct DiffFastPathTests {
    @Test func asciiDiffMatchesCharacterDiff() {
        let pieces = ["a", "word", " ", "  ", "\t", "\r\n", "\n", ",", ".", ")", "%", "<", "&", "'", "\"", "x.", "(", ""]
        let kinds: [DiffSegment.Kind] = [.same, .deleted, .inserted]
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33)
        }
        for _ in 0..<3000 {
            var segments: [DiffSegment] = []
            for _ in 0..<next() % 6 {
                var text = ""
                for _ in 0..<next() % 4 { text += pieces[next() % pieces.count] }
                segments.append(DiffSegment(kinds[next() % kinds.count], text))
            }
            #expect(HTMLText.diffASCII(segments) == HTMLText.diffCharacters(segments), "\(segments)")
        }
        #expect(HTMLText.diffASCII([DiffSegment(.same, "caf\u{E9}")]) == nil)
        #expect(HTMLText.diff([DiffSegment(.same, "caf\u{E9}"), DiffSegment(.inserted, "<b>")]) == "caf\u{E9} <ins>&lt;b&gt;</ins>")
    }
}
