import Synchronization

/// The buffers one replay reads its pieces into: handed back once a piece is scanned, used again
/// for the next, freed when the replay is done.
///
/// A new 4 MiB array for every piece, made on whichever thread read it and freed on another, left
/// each reading thread's allocator holding freed pieces: one console over a 100,000-event journal
/// peaked at 70 MiB, 57–62 with the pieces reused. Reused, they are also pages already touched (a
/// page's first touch costs this machine ~2.5 µs, a thousand pages a piece); mapped afresh for each
/// replay instead of taken from the allocator, repeated replays were slower.
final class PieceBuffers: Sendable {
    private let free = Mutex<[PieceBuffer]>([])

    /// A buffer of at least `count` bytes: one handed back, or a new one.
    func take(count: Int) -> PieceBuffer {
        let reused = free.withLock { free -> PieceBuffer? in
            guard let place = free.lastIndex(where: { $0.bytes.count >= count }) else { return nil }
            return free.remove(at: place)
        }
        return reused ?? PieceBuffer(count: count)
    }

    /// `buffer` is free for the next piece.
    func giveBack(_ buffer: PieceBuffer) {
        free.withLock { $0.append(buffer) }
    }
}

/// Memory for reading pieces of a journal into, freed when the last owner lets go.
final class PieceBuffer: @unchecked Sendable {
    /// Only the thread that took the buffer uses it until it is handed back.
    let bytes: UnsafeMutableRawBufferPointer

    init(count: Int) { bytes = .allocate(byteCount: max(count, 1), alignment: 16) }

    /// Its first `count` bytes.
    func first(_ count: Int) -> UnsafeMutableRawBufferPointer { UnsafeMutableRawBufferPointer(rebasing: bytes[..<count]) }

    deinit { bytes.deallocate() }
}
