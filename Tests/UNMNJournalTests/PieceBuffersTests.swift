import Foundation
import Testing

@testable import UNMNJournal

/// A replay reads its pieces into a few buffers used over and over (issue 18: a new 4 MiB
/// array a piece left one console holding a fifth more memory than its state).
@Suite("Buffers a replay reads its pieces into")
struct PieceBuffersTests {
    @Test("A buffer handed back is the next one taken, when it is large enough; a larger need gets a new one")
    func reused() {
        let buffers = PieceBuffers()
        let first = buffers.take(count: 100)
        #expect(first.bytes.count >= 100)
        buffers.giveBack(first)
        let again = buffers.take(count: 60)
        #expect(again === first)
        let whileOut = buffers.take(count: 100)
        #expect(whileOut !== first)
        buffers.giveBack(again)
        buffers.giveBack(whileOut)
        let larger = buffers.take(count: 1_000)
        #expect(larger !== first && larger !== whileOut && larger.bytes.count >= 1_000)
        // The two smaller ones are still there for the next pieces.
        let next = [buffers.take(count: 100), buffers.take(count: 100)]
        #expect(Set(next.map(ObjectIdentifier.init)) == [ObjectIdentifier(first), ObjectIdentifier(whileOut)])
    }

    @Test("A journal read in pieces through a file system that only reads into new arrays opens to the same state")
    func throughArrays() throws {
        let path = try JournalFixture.journal(records: 12)
        let direct = try Journal(path: path, emailPolicy: JournalFixture.policy, osUser: "x", readOnly: true, useSnapshot: false)
        let copied = try Journal.$readPiece.withValue(300) {
            try Journal(
                path: path, emailPolicy: JournalFixture.policy, osUser: "x", readOnly: true, useSnapshot: false, fs: FaultyFileSystem())
        }
        #expect(copied.state == direct.state && copied.lastSequence == direct.lastSequence && copied.offset == direct.offset)
    }
}
