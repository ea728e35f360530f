// Text as bytes: what the journal's reader and the snapshot's reader share to make strings from
// UTF-8 they did not write in this process (inlinable: the reader calls them for every name and
// word of every record).

/// The string of `bytes` when they are UTF-8, else nil. `String(validating:as:)` was a tenth of a
/// replay and an eighth of reading a snapshot: generic over the encoding and not specialised, it
/// looked up its types' metadata for every string. Decoding repairs bad UTF-8 (as U+FFFD), so the
/// bytes are valid when they come back unchanged; ASCII (codes, references, most names) needs no
/// repair and no comparing back.
@inlinable package func validUTF8String(_ bytes: UnsafeRawBufferPointer) -> String? {
    let string = String(decoding: bytes, as: UTF8.self)
    let unchanged =
        isASCII(bytes)
        || string.utf8.withContiguousStorageIfAvailable { sameBytes(UnsafeRawBufferPointer($0), bytes) }
            ?? string.utf8.elementsEqual(bytes)
    return unchanged ? string : nil
}

/// Whether two runs of bytes are the same (comparing through a collection's generic
/// `elementsEqual` cost more than reading the value again).
@inlinable package func sameBytes(_ first: UnsafeRawBufferPointer, _ second: UnsafeRawBufferPointer) -> Bool {
    first.count == second.count && (first.isEmpty || equalBytes(first.baseAddress!, second.baseAddress!, count: first.count))
}

/// Whether every byte is below 0x80, eight at a time.
@inlinable package func isASCII(_ bytes: UnsafeRawBufferPointer) -> Bool {
    guard let base = bytes.baseAddress else { return true }
    var (offset, seen): (Int, UInt64) = (0, 0)
    while offset + 8 <= bytes.count {
        seen |= base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
        offset += 8
    }
    while offset < bytes.count {
        seen |= UInt64(base.load(fromByteOffset: offset, as: UInt8.self))
        offset += 1
    }
    return seen & 0x8080_8080_8080_8080 == 0
}

/// Whether `count` bytes are the same in both places, eight at a time: the names and words
/// compared are short, and calling `memcmp` for each cost more than comparing them here. What is
/// left after whole words is compared as one word ending where the bytes end (overlapping the
/// one before), or as two shorter ones, never byte by byte.
@inlinable @inline(__always) package func equalBytes(_ first: UnsafeRawPointer, _ second: UnsafeRawPointer, count: Int) -> Bool {
    func same<Word: FixedWidthInteger>(_: Word.Type, at offset: Int) -> Bool {
        first.loadUnaligned(fromByteOffset: offset, as: Word.self) == second.loadUnaligned(fromByteOffset: offset, as: Word.self)
    }
    if count >= 8 {
        var offset = 0
        while offset + 8 < count {
            guard same(UInt64.self, at: offset) else { return false }
            offset += 8
        }
        return same(UInt64.self, at: count - 8)
    }
    if count >= 4 { return same(UInt32.self, at: 0) && same(UInt32.self, at: count - 4) }
    if count >= 2 { return same(UInt16.self, at: 0) && same(UInt16.self, at: count - 2) }
    return count == 0 || same(UInt8.self, at: 0)
}
