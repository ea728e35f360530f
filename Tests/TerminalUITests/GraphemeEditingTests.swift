import Testing

@testable import TerminalUI

/// Issue 17's crash: text made of several Unicode scalars typed or pasted into a one-line field
/// or the filter prompt trapped (SIGILL), and the multi-line editor split clusters. Every
/// editor now edits grapheme clusters; these tests type, paste, move over, delete and render
/// every kind of cluster at every cursor position.
@Suite("Editing grapheme clusters")
struct GraphemeEditingTests {
    /// One sample of every kind of cluster a person may type or paste.
    static let corpus: [(kind: String, text: String)] = [
        ("decomposed accent", "e\u{301}"),
        ("decomposed name", "Jose\u{301} Garci\u{301}a"),
        ("ZWJ sequence", "👩‍💼"),
        ("family ZWJ sequence", "👨‍👩‍👧"),
        ("flag", "🇺🇿"),
        ("two flags", "🇺🇿🇺🇳"),
        ("skin tone", "👍🏽"),
        ("variation selector", "❤️"),
        ("keycap", "1️⃣"),
        ("Hangul jamo", "\u{1112}\u{1161}\u{11AB}"),
        ("Hangul syllables", "한국어"),
        ("Devanagari with virama", "क्षत्रिय"),
        ("Tamil", "நன்றி"),
        ("Thai", "น้ำใจ"),
        ("Arabic", "سلام عليكم"),
        ("Hebrew with points", "שָׁלוֹם"),
        ("Uzbek Latin", "Oʻzbekiston"),
        ("Uzbek Cyrillic", "Ўзбекистон"),
        ("CJK", "王小明"),
        ("stacked marks", "a\u{301}\u{323}\u{308}"),
    ]

    static var kinds: [String] { corpus.map(\.kind) }
    static func sample(_ kind: String) -> String { corpus.first { $0.kind == kind }!.text }

    /// A key per Unicode scalar, as `wget_wch` delivers typed and unbracketed pasted text.
    func scalarKeys(_ text: String) -> [Key] {
        text.unicodeScalars.map { .character(Character($0)) }
    }

    @Test("The issue's reproductions no longer trap", arguments: ["👩‍💼", "🇺🇿 x", "👍🏽 x", "e\u{301}x", "Jose\u{301} Garci\u{301}a"])
    func reproductions(text: String) {
        var editor = LineEditor()
        for key in scalarKeys(text) { editor.handle(key) }
        #expect(editor.text == text)
        #expect(editor.cursor == text.count)
        var prompt = LineEditor()
        prompt.handle(.paste(text))
        #expect(prompt.text == text)
    }

    @Test("Typed scalar by scalar, then text after it: the cluster is kept whole", arguments: kinds)
    func typedThenText(kind: String) {
        let sample = Self.sample(kind)
        var line = LineEditor()
        var block = TextEditor()
        for key in scalarKeys(sample) + [.character("x")] {
            line.handle(key)
            _ = block.handle(key)
        }
        #expect(line.text == sample + "x")
        #expect(line.cursor == (sample + "x").count)
        #expect(block.text == sample + "x")
        #expect(block.column == (sample + "x").count)
    }

    @Test("At every cursor position: insert, Backspace and Delete act on one whole cluster", arguments: kinds)
    func everyPosition(kind: String) {
        let sample = Self.sample(kind)
        let clusters = Array(sample)
        for position in 0...clusters.count {
            var editor = LineEditor(sample)
            for _ in 0..<(clusters.count - position) { editor.handle(.left) }
            #expect(editor.cursor == position)
            var inserted = editor
            inserted.handle(.character("|"))
            #expect(inserted.text == String(clusters[0..<position]) + "|" + String(clusters[position...]))
            var backspaced = editor
            backspaced.handle(.backspace)
            let afterBackspace = position == 0 ? clusters : Array(clusters[0..<position - 1] + clusters[position...])
            #expect(Array(backspaced.text) == afterBackspace)
            var deleted = editor
            deleted.handle(.delete)
            let afterDelete = position == clusters.count ? clusters : Array(clusters[0..<position] + clusters[(position + 1)...])
            #expect(Array(deleted.text) == afterDelete)

            var block = TextEditor(sample)
            for _ in 0..<(clusters.count - position) { _ = block.handle(.left) }
            #expect(block.column == position)
            _ = block.handle(.character("|"))
            #expect(block.text == inserted.text)
        }
    }

    @Test("Rendered at every cursor position and width, no cluster is split or loses a mark", arguments: kinds)
    func rendering(kind: String) {
        let sample = Self.sample(kind) + " ok"
        let clusters = Set(Array(sample).map(String.init))
        for width in [1, 2, 3, 5, 8, 40] {
            for position in 0...sample.count {
                var editor = LineEditor(sample)
                for _ in 0..<(sample.count - position) { editor.handle(.left) }
                var buffer = Buffer(width: width, height: 1)
                editor.render(in: buffer.area, buffer: &buffer, focused: true)
                assertWholeClusters(buffer, from: clusters)

                var block = TextEditor(sample)
                for _ in 0..<(sample.count - position) { _ = block.handle(.left) }
                var area = Buffer(width: width + 1, height: 6)
                block.render(in: area.area, buffer: &area)
                assertWholeClusters(area, from: clusters)
            }
        }
        var wide = Buffer(width: 40, height: 1)
        LineEditor(sample).render(in: wide.area, buffer: &wide, focused: false)
        #expect(wide.lines == [sample])
    }

    func assertWholeClusters(_ buffer: Buffer, from clusters: Set<String>, sourceLocation: SourceLocation = #_sourceLocation) {
        for cell in buffer.cells where !cell.isContinuation && cell.text != " " && cell.text != "…" {
            #expect(
                clusters.contains(cell.text), "cell \(cell.text.unicodeScalars.map { String($0.value, radix: 16) }) is not a whole cluster",
                sourceLocation: sourceLocation)
        }
    }

    @Test("A paste keeps its line breaks in the multi-line editor and turns them into spaces in a one-line field")
    func pasting() {
        var line = LineEditor("a")
        line.handle(.paste("José\r\nGarcía\tX\u{1b}[2J"))
        #expect(line.text == "aJosé García X[2J")
        var block = TextEditor()
        _ = block.handle(.paste("first 🇺🇿\r\nsecond e\u{301}\nthird"))
        #expect(block.lines == ["first 🇺🇿", "second e\u{301}", "third"])
        #expect(block.row == 2 && block.column == 5)
        #expect(block.isDirty)
    }

    @Test("Random edits over the corpus never trap and keep the cursor on the text")
    func randomEdits() {
        var generator = SplitMix64(seed: 17)
        let scalars: [Unicode.Scalar] = Self.corpus.flatMap { Array($0.text.unicodeScalars) } + [" ", "x"]
        let moves: [Key] = [
            .left, .right, .home, .end, .backspace, .delete, .control("w"), .control("k"), .control("u"), .enter, .up, .down,
        ]
        for _ in 0..<200 {
            var line = LineEditor()
            var block = TextEditor()
            for _ in 0..<60 {
                let key: Key =
                    generator.next() % 3 == 0
                    ? moves[Int(generator.next() % UInt64(moves.count))]
                    : .character(Character(scalars[Int(generator.next() % UInt64(scalars.count))] as Unicode.Scalar))
                line.handle(key)
                _ = block.handle(key)
                #expect((0...line.text.count).contains(line.cursor))
                #expect((0...block.lines[block.row].count).contains(block.column))
            }
            var buffer = Buffer(width: 7, height: 4)
            line.render(in: Rect(x: 0, y: 0, width: 7, height: 1), buffer: &buffer, focused: true)
            block.render(in: Rect(x: 0, y: 1, width: 7, height: 3), buffer: &buffer)
        }
    }
}

/// A small seeded generator, so a failing random run can be replayed.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1330_11EB
        return z ^ (z >> 31)
    }
}
