extension BoilerplateCleaner {
    /// `MarkdownStripper.strip` of kept lines' text, by line number, for reuse. An array from the
    /// first line's number on: body lines are numbered in order, so no hashing is needed.
    struct PlainTexts: Sendable {
        private var entries: [(text: String, plain: String)?] = []
        private var firstNumber = 0

        init() {}

        /// Room for lines numbered `first.number...last.number`.
        init(numbers: ClosedRange<Int>) {
            firstNumber = numbers.lowerBound
            entries = Array(repeating: nil, count: numbers.count)
        }

        mutating func set(_ plain: String, for line: BodyLine) {
            entries[line.number - firstNumber] = (line.text, plain)
        }

        /// The stripped text stored for `line`, if its text is still the one stripped.
        func plain(for line: BodyLine) -> String? {
            let k = line.number - firstNumber
            guard entries.indices.contains(k), let entry = entries[k], entry.text == line.text else { return nil }
            return entry.plain
        }
    }
}
