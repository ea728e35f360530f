import Foundation
import TestSupport
import Testing
import UNMNDomain

@testable import UNMNJournal

@Suite("Recovery from damage")
struct JournalRecoveryTests {
    /// A small journal and where each record starts.
    static func sample() throws -> (bytes: [UInt8], records: [JournalRecord], starts: [Int]) {
        let path = try JournalFixture.journal(records: 3)
        let bytes = JournalFixture.bytes(path)
        let records = try JournalMaintenance.check(path: path).records
        var starts = [0]
        for (index, byte) in bytes.enumerated() where byte == 0x0A && index + 1 < bytes.count { starts.append(index + 1) }
        return (bytes, records, starts)
    }

    @Test("Cut at every byte offset: exactly the whole records before the cut survive, and the rest is a torn tail")
    func everyTruncation() throws {
        let (bytes, records, starts) = try Self.sample()
        let ends = starts.dropFirst() + [bytes.count]
        for cut in 0...bytes.count {
            let scan = Array(bytes[..<cut]).withUnsafeBytes { JournalScan.scan($0) }
            let whole = ends.filter { $0 <= cut }.count
            #expect(scan.records == Array(records.prefix(whole)), "cut at \(cut)")
            if ends.contains(cut) || cut == 0 {
                #expect(scan.problem == nil, "cut at \(cut)")
            } else {
                guard case .tornTail(_, let offset, _)? = scan.problem else {
                    Issue.record("cut at \(cut): \(String(describing: scan.problem))")
                    continue
                }
                #expect(offset == (whole == 0 ? 0 : ends[ends.startIndex + whole - 1]))
            }
        }
    }

    @Test("Each byte flipped: never a wrong record; damage in the last record is a torn tail, earlier damage is not")
    func everyFlip() throws {
        let (bytes, records, starts) = try Self.sample()
        let lastStart = starts.last!
        for index in bytes.indices {
            var damaged = bytes
            damaged[index] ^= 0x01
            let scan = damaged.withUnsafeBytes { JournalScan.scan($0) }
            let hit = starts.lastIndex { $0 <= index }!
            #expect(scan.records == Array(records.prefix(hit)), "flip at \(index)")
            // A flipped newline just before the last record merges the two last lines into one
            // bad last line: indistinguishable from a torn write, so it too is a torn tail (its
            // bytes are kept aside, not lost).
            if index >= lastStart - 1 {
                guard case .tornTail? = scan.problem else {
                    Issue.record("flip at \(index) in the last record: \(String(describing: scan.problem))")
                    continue
                }
            } else {
                guard case .damaged(let record, let offset, _)? = scan.problem else {
                    Issue.record("flip at \(index): \(String(describing: scan.problem))")
                    continue
                }
                #expect(record == UInt64(hit + 1) && offset == starts[hit])
            }
        }
    }

    @Test("Opening a torn journal keeps the torn bytes aside, cuts them, and says so")
    func tornTailRecovered() throws {
        let path = try JournalFixture.journal(records: 3)
        let whole = JournalFixture.bytes(path)
        let cut = whole.count - 10
        JournalFixture.write(Array(whole[..<cut]), to: path)
        let journal = try Journal(
            path: path, emailPolicy: JournalFixture.policy, osUser: "x", clock: { Date(timeIntervalSince1970: 1_796_000_000) })
        #expect(journal.isWritable)
        #expect(journal.state.focalPoints.count == 2)
        #expect(journal.notices.first?.hasPrefix("Recovered from a torn write: record 4 was incomplete") == true)
        let aside = path + ".torn-20261130T005320Z"
        let lastStart = whole[..<(whole.count - 1)].lastIndex(of: 0x0A)! + 1
        #expect(JournalFixture.bytes(aside) == Array(whole[lastStart..<cut]))
        #expect(JournalFixture.bytes(path) == Array(whole[..<lastStart]))
        try journal.commit(JournalFixture.addFocalPoint(7), context: JournalFixture.context())
        #expect(try JournalMaintenance.check(path: path).problem == nil)
    }

    @Test("Damage before the tail: read-only, the record and offset named, the file byte-identical")
    func damagedMiddle() throws {
        let path = try JournalFixture.journal(records: 3)
        var bytes = JournalFixture.bytes(path)
        let secondStart = bytes.firstIndex(of: 0x0A)! + 1
        bytes[secondStart + 30] ^= 0x20
        JournalFixture.write(bytes, to: path)
        let journal = try Journal(path: path, emailPolicy: JournalFixture.policy, osUser: "x")
        guard case .readOnly(let reason) = journal.mode else {
            Issue.record("not read-only")
            return
        }
        #expect(reason.hasPrefix("record 2 at byte \(secondStart) of the journal is damaged (the checksum does not match)"))
        #expect(journal.state.members.count == 4)
        #expect(JournalFixture.bytes(path) == bytes)
        #expect(throws: CommitError.self) { try journal.commit(JournalFixture.addFocalPoint(9), context: JournalFixture.context()) }
        #expect(JournalFixture.bytes(path) == bytes)
    }

    /// Opening reads a journal a piece at a time (4 MiB); here pieces of a few hundred bytes, so
    /// that records, damage and a torn tail fall on every side of a piece's end.
    @Test(
        "Read in pieces of any size: the same state, damage before the tail still damage, a torn tail still recovered",
        arguments: [64, 300, 700, 1_500])
    func readInPieces(piece: Int) throws {
        let path = try JournalFixture.journal(records: 12)
        let whole = JournalFixture.bytes(path)
        let expected = try Journal(path: path, emailPolicy: JournalFixture.policy, osUser: "x", readOnly: true, useSnapshot: false)
        let pieced = try Journal.$readPiece.withValue(piece) {
            try Journal(path: path, emailPolicy: JournalFixture.policy, osUser: "x", readOnly: true, useSnapshot: false)
        }
        #expect(pieced.state == expected.state && pieced.lastSequence == 13 && pieced.offset == whole.count)

        var damaged = whole
        let starts = whole.indices.filter { $0 == 0 || whole[$0 - 1] == 0x0A }
        damaged[starts[6] + 30] ^= 0x20
        JournalFixture.write(damaged, to: path)
        let reader = try Journal.$readPiece.withValue(piece) { try Journal(path: path, emailPolicy: JournalFixture.policy, osUser: "x") }
        guard case .readOnly(let reason) = reader.mode else {
            Issue.record("not read-only")
            return
        }
        #expect(reason.hasPrefix("record 7 at byte \(starts[6]) of the journal is damaged (the checksum does not match)"))
        #expect(reader.lastSequence == 6)

        JournalFixture.write(Array(whole.dropLast(5)), to: path)
        let recovered = try Journal.$readPiece.withValue(piece) { try Journal(path: path, emailPolicy: JournalFixture.policy, osUser: "x") }
        #expect(recovered.isWritable && recovered.lastSequence == 12)
        #expect(recovered.notices.first?.hasPrefix("Recovered from a torn write: record 13 was incomplete") == true)
        #expect(JournalFixture.bytes(path) == Array(whole[..<starts[12]]))
    }

    @Test("repair keeps a byte-identical backup, then cuts at the first bad record")
    func repair() throws {
        let path = try JournalFixture.journal(records: 3)
        var bytes = JournalFixture.bytes(path)
        let secondStart = bytes.firstIndex(of: 0x0A)! + 1
        bytes[secondStart + 30] ^= 0x20
        JournalFixture.write(bytes, to: path)
        let plan = try #require(try JournalMaintenance.plan(path: path))
        #expect(plan.cutAt == secondStart && plan.keptRecords == 1)
        let backup = try JournalMaintenance.repair(path: path, now: Date(timeIntervalSince1970: 1_796_000_000))
        #expect(backup.hasSuffix(".bak-20261130T005320Z"))
        #expect(JournalFixture.bytes(backup) == bytes)
        #expect(JournalFixture.bytes(path) == Array(bytes[..<secondStart]))
        #expect(try JournalMaintenance.check(path: path).problem == nil)
    }
}

/// The scan reads a piece's lines on every core, then walks them in order (issue 18): whatever
/// the damage, it must find exactly what reading them one by one finds.
@Suite("Reading lines on several threads")
struct ParallelScanTests {
    /// The parallel way reads the lines in batches of 7 (so that a batch ends anywhere).
    static func scan(_ bytes: [UInt8], parallelFrom lines: Int, followed: Bool) -> JournalScan {
        JournalScan.$parallelLines.withValue(lines) {
            JournalScan.$chunkLines.withValue(7) {
                bytes.withUnsafeBytes { JournalScan.scan($0, startOffset: 7, previousSequence: 0, followed: followed) }
            }
        }
    }

    @Test("random damage (a flipped byte, a cut, a line twice, two lines swapped) is found as the one-by-one scan finds it")
    func damageFoundAlike() throws {
        let whole = JournalFixture.bytes(try JournalFixture.journal(records: 40))
        let starts = whole.indices.filter { $0 == 0 || whole[$0 - 1] == 0x0A }
        var random = SeededGenerator(state: 18)
        for round in 0..<120 {
            var bytes = whole
            switch round % 4 {
            case 0: bytes[Int.random(in: 0..<bytes.count, using: &random)] ^= UInt8.random(in: 1...255, using: &random)
            case 1: bytes.removeSubrange(Int.random(in: 0..<bytes.count, using: &random)...)
            case 2:
                let line = Int.random(in: 0..<(starts.count - 1), using: &random)
                bytes.insert(contentsOf: whole[starts[line]..<starts[line + 1]], at: starts[line + 1])
            default:
                let line = Int.random(in: 1..<(starts.count - 2), using: &random)
                bytes =
                    Array(whole[..<starts[line]] + whole[starts[line + 1]..<starts[line + 2]] + whole[starts[line]..<starts[line + 1]])
                    + whole[starts[line + 2]...]
            }
            for followed in [false, true] {
                let (parallel, oneByOne) = (
                    Self.scan(bytes, parallelFrom: 2, followed: followed), Self.scan(bytes, parallelFrom: .max, followed: followed)
                )
                let sameRecords = parallel.records == oneByOne.records
                #expect(sameRecords, "round \(round): \(parallel.records.count) records against \(oneByOne.records.count)")
                #expect(parallel.offsets == oneByOne.offsets && parallel.validLength == oneByOne.validLength, "round \(round)")
                #expect(parallel.totalLength == oneByOne.totalLength && parallel.problem == oneByOne.problem, "round \(round)")
            }
        }
        // And the whole journal, read the parallel way, is all its records.
        let intact = Self.scan(whole, parallelFrom: 2, followed: false)
        #expect(intact.records.count == 41 && intact.problem == nil && intact.validLength == 7 + whole.count)
    }

    /// Opened in small pieces, each piece's lines read a line at a time by every thread free —
    /// the applying thread too, when it would otherwise wait — the journal opens exactly as it
    /// does read on one thread: intact, damaged in the middle, torn at the end.
    @Test("Pieces read on every core, the applying thread helping, open as on one thread", arguments: [300, 2_000])
    func piecesReadByEveryThread(piece: Int) throws {
        let path = try JournalFixture.journal(records: 40)
        let whole = JournalFixture.bytes(path)
        let starts = whole.indices.filter { $0 == 0 || whole[$0 - 1] == 0x0A }
        var damaged = whole
        damaged[starts[20] + 30] ^= 0x20
        func opened(parallel: Bool) throws -> (state: NetworkState, last: UInt64, offset: Int, mode: String) {
            let journal = try Journal.$readPiece.withValue(piece) {
                try JournalScan.$parallelLines.withValue(parallel ? 2 : .max) {
                    try JournalScan.$chunkLines.withValue(1) {
                        try Journal(path: path, emailPolicy: JournalFixture.policy, osUser: "x", readOnly: true, useSnapshot: false)
                    }
                }
            }
            return (journal.state, journal.lastSequence, journal.offset, "\(journal.mode)")
        }
        for (name, bytes) in [("intact", whole), ("damaged", damaged), ("torn", Array(whole.dropLast(5)))] {
            JournalFixture.write(bytes, to: path)
            let (parallel, oneThread) = (try opened(parallel: true), try opened(parallel: false))
            #expect(parallel.state == oneThread.state, "\(name)")
            #expect(parallel.last == oneThread.last && parallel.offset == oneThread.offset && parallel.mode == oneThread.mode, "\(name)")
        }
        JournalFixture.write(whole, to: path)
        #expect(try opened(parallel: true).last == 41)
        JournalFixture.write(damaged, to: path)
        #expect(try opened(parallel: true).last == 20)
    }
}
