import BriefingCore

extension SentenceTable {
    /// The words around `quantity`, one of sentence `i`'s (`QuantityReader.context`).
    func context(_ i: Int, _ quantity: Quantity) -> Set<String> {
        QuantityReader.context(of: quantity, tokens, tokenRanges[i], lexicon: lexicon)
    }

    /// The quotation words (`StoryComparator.quoteWords`) of sentence `i` whose bytes lie in `bytes`, as ids.
    func quoteWordIDs(_ i: Int, bytes: Range<Int>) -> [Int] { lexicon.quoteWordIDs(tokens[tokenRanges[i]], bytes: bytes) }

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
