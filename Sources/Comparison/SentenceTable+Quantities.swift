import BriefingCore

extension SentenceTable {
    /// The words around `quantity`, one of sentence `i`'s (`QuantityReader.context`).
    func context(_ i: Int, _ quantity: Quantity) -> Set<String> {
        QuantityReader.context(of: quantity, tokens, tokenRanges[i], lexicon: lexicon)
    }

    /// The quotation words (`StoryComparator.quoteWords`) of sentence `i` whose bytes lie in `bytes`, as ids.
    func quoteWordIDs(_ i: Int, bytes: Range<Int>) -> [Int] { lexicon.quoteWordIDs(tokens[tokenRanges[i]], bytes: bytes) }

    /// The quotation words of `sentences` joined by single spaces (a paragraph) whose bytes lie in
    /// `bytes` there, as ids: a quotation's words (`ExtractedQuote`) from the tokens the table has,
    /// not from its text tokenised again. No token crosses a space or a quote mark.
    func quoteWordIDs(sentences: Range<Int>, bytes: Range<Int>) -> [Int] {
        var out: [Int] = [], offset = 0
        for i in sentences {
            let length = entries[i].text.utf8.count
            if bytes.upperBound > offset, bytes.lowerBound < offset + length {
                lexicon.appendQuoteWordIDs(tokens[tokenRanges[i]], bytes: (bytes.lowerBound - offset)..<(bytes.upperBound - offset), to: &out)
            }
            offset += length + 1
        }
        return out
    }

    /// Numbers must agree or be absent: conflict when each side has a number the other lacks,
    /// or the same unit carries different values.
    func numbersConflict(_ i: Int, _ j: Int) -> Bool {
        let a = comparableQuantities[i], b = comparableQuantities[j]
        guard !a.isEmpty, !b.isEmpty else { return false }
        let aInB = a.allSatisfy { qa in b.contains { $0.value == qa.value } }
        let bInA = b.allSatisfy { qb in a.contains { $0.value == qb.value } }
        if !aInB, !bInA { return true }
        for qa in a { if let u = qa.unit, b.contains(where: { $0.unit == u }), !b.contains(where: { $0.unit == u && $0.value == qa.value }) { return true } }
        return false
    }
}
