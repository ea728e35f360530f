/// One line of text and a cursor, edited the way a person sees text: in grapheme clusters.
///
/// Keys arrive one Unicode scalar at a time (a flag is two regional indicators, "é" may be
/// "e" and U+0301, a ZWJ sequence is several emoji joined), and a scalar that arrives later
/// can merge into the cluster before it. So the text is kept as a `String` and the cursor as
/// an offset in scalars, moved back onto a cluster boundary after every change; movement and
/// deletion step over whole clusters. Every editor (`LineEditor`, `TextEditor`) uses this one
/// model, so none can index past the end when clusters merge.
public struct EditableText: Hashable, Sendable {
    public private(set) var text: String
    /// The cursor as an offset in Unicode scalars; always on a cluster boundary.
    public private(set) var scalarOffset: Int

    /// The text with the cursor at its end.
    public init(_ text: String = "") {
        self.text = text
        scalarOffset = text.unicodeScalars.count
    }

    /// The scalar offsets where clusters start, and the end: `[0, …, scalars]`.
    private var boundaries: [Int] {
        var offsets = [0]
        offsets.reserveCapacity(text.utf8.count + 1)
        var offset = 0
        for character in text {
            offset += character.unicodeScalars.count
            offsets.append(offset)
        }
        return offsets
    }

    /// The number of grapheme clusters.
    public var count: Int { text.count }

    /// The cursor in grapheme clusters from the start; setting it clamps to the text.
    public var cursor: Int {
        get { boundaries.firstIndex { $0 >= scalarOffset } ?? count }
        set {
            let offsets = boundaries
            scalarOffset = offsets[min(max(0, newValue), offsets.count - 1)]
        }
    }

    /// The text before and after the cursor.
    public var split: (before: String, after: String) {
        let scalars = Array(text.unicodeScalars)
        return (string(scalars[0..<scalarOffset]), string(scalars[scalarOffset...]))
    }

    /// Inserts text at the cursor and moves the cursor past it (onto the end of the cluster it
    /// joined, when it merged with its neighbour).
    public mutating func insert(_ inserted: String) {
        guard !inserted.isEmpty else { return }
        var scalars = Array(text.unicodeScalars)
        let added = Array(inserted.unicodeScalars)
        scalars.insert(contentsOf: added, at: scalarOffset)
        replace(with: scalars, cursor: scalarOffset + added.count)
    }

    @discardableResult
    public mutating func moveLeft() -> Bool {
        guard let previous = boundaries.last(where: { $0 < scalarOffset }) else { return false }
        scalarOffset = previous
        return true
    }

    @discardableResult
    public mutating func moveRight() -> Bool {
        guard let next = boundaries.first(where: { $0 > scalarOffset }) else { return false }
        scalarOffset = next
        return true
    }

    public mutating func moveToStart() { scalarOffset = 0 }
    public mutating func moveToEnd() { scalarOffset = text.unicodeScalars.count }

    /// Removes the cluster before the cursor; false at the start.
    @discardableResult
    public mutating func deleteBackward() -> Bool {
        guard let previous = boundaries.last(where: { $0 < scalarOffset }) else { return false }
        remove(previous..<scalarOffset)
        return true
    }

    /// Removes the cluster after the cursor; false at the end.
    @discardableResult
    public mutating func deleteForward() -> Bool {
        guard let next = boundaries.first(where: { $0 > scalarOffset }) else { return false }
        remove(scalarOffset..<next)
        return true
    }

    public mutating func deleteToStart() { remove(0..<scalarOffset) }
    public mutating func deleteToEnd() { remove(scalarOffset..<text.unicodeScalars.count) }

    /// Removes the word before the cursor and the spaces after it (readline's Ctrl-W).
    public mutating func deleteWordBackward() {
        let characters = Array(text)
        var start = cursor
        let end = start
        while start > 0 && characters[start - 1] == " " { start -= 1 }
        while start > 0 && characters[start - 1] != " " { start -= 1 }
        let offsets = boundaries
        remove(offsets[start]..<offsets[end])
    }

    /// Appends text after the end, keeping the cursor where it is.
    public mutating func append(_ tail: String) {
        let offset = scalarOffset
        replace(with: Array(text.unicodeScalars) + Array(tail.unicodeScalars), cursor: offset)
    }

    private mutating func remove(_ range: Range<Int>) {
        guard !range.isEmpty else { return }
        var scalars = Array(text.unicodeScalars)
        scalars.removeSubrange(range)
        replace(with: scalars, cursor: range.lowerBound)
    }

    /// Sets the text and puts the cursor on the first cluster boundary at or after `offset`.
    private mutating func replace(with scalars: [Unicode.Scalar], cursor offset: Int) {
        text = string(scalars[...])
        scalarOffset = offset
        scalarOffset = boundaries.first { $0 >= offset } ?? text.unicodeScalars.count
    }

    private func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }
}
