import Testing
@testable import Comparison

@Suite struct LexiconTests {
    static let words = ["twelve", "of", "an", "ninety", "billion", "march", "a", "million", "dozen", "june", "the", "providing", "aid", "1,000", "$", "|",
                        "russia's", "don't", "weaponry", "s", "", "élan", "twenty"]

    @Test func factsMatchTheWordTables() {
        let lexicon = Lexicon()
        for word in Self.words {
            let id = lexicon.id(word)
            #expect(lexicon.id(word) == id)
            #expect((lexicon.infos[id].term >= 0) == (TextTokens.contentTerm(word) != nil), "\(word)")
            #expect(lexicon.infos[id].numberValue == NumberWords.value(of: word), "\(word)")
            #expect(lexicon.infos[id].scale == NumberWords.scales[word], "\(word)")
            #expect(lexicon.infos[id].isStopWord == TextTokens.stopWords.contains(word), "\(word)")
            #expect(lexicon.infos[id].isMonth == NumberWords.months.contains(word), "\(word)")
            #expect(lexicon.infos[id].isIndefiniteArticle == ["a", "an"].contains(word), "\(word)")
            #expect(lexicon.infos[id].isOf == (word == "of"), "\(word)")
            #expect(lexicon.text(id) == word)
            #expect(lexicon.infos[id].opensNumber
                    == (NumberWords.value(of: word) != nil || NumberWords.scales[word] != nil || ["a", "an"].contains(word)), "\(word)")
        }
        #expect(lexicon.count == Set(Self.words).count)
    }

    @Test func spellingMemoRemembersNonTermsToo() {
        let memo = SpellingMemo()
        for _ in 0..<2 {
            for word in Self.words { #expect(memo.contentTerm(word) == TextTokens.contentTerm(word), "\(word)") }
        }
    }

    @Test func spellingMemoIsSafeAcrossThreads() async {
        let memo = SpellingMemo()
        await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<8 {
                group.addTask { Self.words.allSatisfy { memo.contentTerm($0) == TextTokens.contentTerm($0) } }
            }
            for await ok in group { #expect(ok) }
        }
    }

    @Test func sharedMemoGivesTheSameTable() {
        let memo = SpellingMemo()
        let articles = DamStory.story.articles
        let fresh = SentenceTable(articles: articles)
        _ = SentenceTable(articles: articles, spellings: memo)
        let warm = SentenceTable(articles: articles, spellings: memo)
        #expect(warm.count == fresh.count)
        for i in 0..<fresh.count {
            #expect(warm.terms(i) == fresh.terms(i))
            #expect(warm.weights(i) == fresh.weights(i))
        }
        #expect(warm.comparableQuantities == fresh.comparableQuantities)
    }

    @Test func deferredInfosAreTheMemosOwn() {
        let memo = SpellingMemo()
        _ = memo.info("Dam")  // known before the batch: found in the first look
        let lexicon = Lexicon(spellings: memo)
        var tokens: [LexToken] = []
        lexicon.append("The Dam held; officials won’t say.", to: &tokens)
        lexicon.append("The dam held, twelve said.", to: &tokens)
        #expect(lexicon.infos.isEmpty)
        lexicon.resolve()
        #expect(lexicon.infos.count == lexicon.count)
        for token in tokens where token.kind != .boundary {
            let text = lexicon.text(Int(token.id))
            #expect(lexicon.infos[Int(token.id)] == memo.info(text), "\(text)")
        }
        lexicon.resolve()
        #expect(lexicon.infos.count == lexicon.count)
    }

    @Test func byteKeyTableFindsWhatItHolds() {
        let table = ByteKeyTable()
        let words = (0..<1000).map { "w\($0)" } + ["", "é"]
        for word in words {
            var word = word
            word.withUTF8 { _ = table.insert($0) }
        }
        for (id, word) in words.enumerated() {
            var word = word
            word.withUTF8 { bytes in
                #expect(table.find(bytes, hash: ByteKeyTable.hash(bytes)) == Int32(id))
                #expect(table.hash(of: id) == ByteKeyTable.hash(bytes))
                #expect(Array(table.key(id)) == Array(bytes))
            }
        }
        var absent = "w1000"
        absent.withUTF8 { #expect(table.find($0, hash: ByteKeyTable.hash($0)) == nil) }
    }
}

@Suite struct DenseIDMapTests {
    @Test func givesIDsInOrderOfFirstUseAcrossGrowth() {
        var map = DenseIDMap(capacity: 1)
        var reference: [Int32: Int] = [:]
        var random = SystemRandomNumberGenerator()
        for _ in 0..<5000 {
            let key = Int32.random(in: 0...3000, using: &random)
            let expected = reference[key] ?? reference.count
            reference[key] = expected
            #expect(map.id(of: key) == expected)
        }
        #expect(map.count == reference.count)
        #expect(map.id(of: 0) == reference[0] ?? reference.count)
        #expect(map.id(of: Int32.max) == map.count - 1)
    }
}

@Suite struct StemTests {
    @Test func bytePathStemsAsCharactersDo() {
        let words = ["", "s", "is", "us", "ss", "ies", "dies", "studies", "classes", "sses", "kisses", "bus", "gas", "cats",
                     "providing", "provided", "provides", "bring", "sing", "singing", "red", "bed", "tired", "aided",
                     "make", "made", "the", "lethe", "agreed", "agree", "ties", "pies", "series", "1,000", "don't",
                     "russia's", "a'b'c", "ingings", "edes", "eses", "stating", "states", "ruses"]
        for word in words {
            var copy = word
            #expect(copy.withUTF8(TextTokens.stemASCII) == TextTokens.stemByCharacters(word), "\(word)")
            #expect(TextTokens.stem(word) == TextTokens.stemByCharacters(word), "\(word)")
        }
        var other = "élans"
        #expect(other.withUTF8(TextTokens.stemASCII) == nil)
        #expect(TextTokens.stem(other) == TextTokens.stemByCharacters(other))
        var cr = "ab\r\nes"
        #expect(cr.withUTF8(TextTokens.stemASCII) == nil)
    }
}
