import Foundation
import TestSupport
import Testing
import UNMNDomain

@testable import UNMNJournal

@Suite("Record format")
struct JournalFormatTests {
    @Test("CRC-32C matches the standard check value, bytewise and slice-by-8 alike")
    func crc() {
        #expect(CRC32C.checksum(Array("123456789".utf8)) == 0xE306_9283)
        let long = Array((0..<1000).map { UInt8($0 % 251) })
        #expect(long.withUnsafeBytes { CRC32C.checksum($0) } == CRC32C.checksum(long))
        #expect(CRC32C.checksum(long[500...], seed: CRC32C.checksum(long[..<500])) == CRC32C.checksum(long))
        // Bytes not stored in one piece go byte by byte.
        #expect(CRC32C.checksum(long.lazy.map { $0 }) == CRC32C.checksum(long))
    }

    @Test("the processor's CRC-32C gives the tables' value at every length, offset and seed")
    func hardwareChecksum() {
        #expect(Array("123456789".utf8).withUnsafeBytes { CRC32C.checksum($0) } == 0xE306_9283)
        var random = SeededGenerator(state: 32)
        let bytes = (0..<4_096).map { _ in UInt8.random(in: 0...255, using: &random) }
        bytes.withUnsafeBytes { all in
            for _ in 0..<2_000 {
                let start = Int.random(in: 0..<all.count, using: &random)
                let end = Int.random(in: start...min(all.count, start + 300), using: &random)
                let seed = UInt32.random(in: 0...UInt32.max, using: &random)
                let piece = UnsafeRawBufferPointer(rebasing: all[start..<end])
                #expect(CRC32C.checksum(piece, seed: seed) == CRC32C.softwareChecksum(piece, seed: seed), "\(start)..<\(end)")
            }
        }
        // On this project's machines the instruction is there; a build that lost it would be slow, not wrong.
        #if arch(x86_64)
            #expect(CRC32C.hardwareAvailable)
        #endif
    }

    @Test("One record is one readable line: sequence, checksum, JSON")
    func line() throws {
        let record = JournalRecord(sequence: 7, osUser: "dilnoza", batch: JournalFixture.founding())
        let line = try record.encodedLine()
        #expect(line.last == 0x0A)
        #expect(line.dropLast().allSatisfy { $0 != 0x0A })
        let text = String(decoding: line, as: UTF8.self)
        #expect(text.wholeMatch(of: /7 [0-9a-f]{8} \{.*"osUser":"dilnoza".*\}\n/) != nil)
        let scan = line.withUnsafeBytes { JournalScan.scan($0, previousSequence: 6) }
        #expect(scan.records == [record])
        #expect(scan.problem == nil)
    }

    @Test("A frame's sequence and checksum are read over the bytes: digits only, no overflow, hexadecimal of either case")
    func frame() throws {
        let record = JournalRecord(sequence: 7, osUser: "dilnoza", batch: JournalFixture.founding())
        let line = Array(try record.encodedLine().dropLast())
        let text = String(decoding: line, as: UTF8.self)
        let (checksum, json) = (String(text.dropFirst(2).prefix(8)), String(text.dropFirst(11)))
        func decoded(_ text: String) -> Result<JournalRecord, RecordDefect> {
            Array(text.utf8).withUnsafeBytes { JournalRecord.decode(line: $0) }
        }
        func reason(_ text: String) -> String? {
            guard case .failure(let defect) = decoded(text) else { return nil }
            return defect.reason
        }
        #expect(try decoded(text).get() == record)
        #expect(try decoded("7 \(checksum.uppercased()) \(json)").get() == record)
        #expect(reason("7a \(checksum) \(json)") == "the sequence number is unreadable")
        #expect(reason("-7 \(checksum) \(json)") == "the sequence number is unreadable")
        #expect(reason("18446744073709551616 \(checksum) \(json)") == "the sequence number is unreadable")
        #expect(reason("7 \(checksum.dropLast())g \(json)") == "the checksum is unreadable")
        #expect(reason("7 +\(checksum.dropFirst()) \(json)") == "the checksum is unreadable")
        #expect(reason("8 \(checksum) \(json)") == "the checksum does not match")
        #expect(reason("7 \(checksum)") == "the record's frame is incomplete")
    }

    @Test("A record out of sequence does not count")
    func sequence() throws {
        let line = try JournalRecord(sequence: 3, osUser: "u", batch: JournalFixture.founding()).encodedLine()
        let scan = line.withUnsafeBytes { JournalScan.scan($0) }
        #expect(scan.records.isEmpty)
        #expect(scan.problem == .tornTail(record: 1, offset: 0, reason: "its sequence number is 3, expected 1"))
    }
}

@Suite("Creating and opening")
struct JournalLifecycleTests {
    @Test("init writes the founding, private to its owner, and never overwrites")
    func create() throws {
        let path = try JournalFixture.journal(records: 0)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect(throws: JournalError.alreadyExists(path: path)) {
            try Journal.create(at: path, batches: [JournalFixture.founding()], osUser: "x")
        }
        let journal = try Journal(path: path, emailPolicy: JournalFixture.policy, osUser: "x")
        #expect(journal.state.members.count == 4)
        #expect(journal.lastSequence == 1)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: (path as NSString).deletingLastPathComponent)
        #expect(leftovers == ["journal"])
    }

    @Test("In a setgid, group-writable directory the journal is group-shared (0660), never world-readable")
    func groupShared() throws {
        let directory = JournalFixture.directory()
        chmod(directory, 0o2770)
        let path = try JournalFixture.journal(records: 0, in: directory)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o660)
    }

    @Test("Commits append one synced record each; reopening rebuilds the same state")
    func commits() throws {
        let path = try JournalFixture.journal(records: 5)
        let journal = try Journal(path: path, emailPolicy: JournalFixture.policy, osUser: "x")
        #expect(journal.lastSequence == 6)
        #expect(journal.state.focalPoints.count == 5)
        let scan = try JournalMaintenance.check(path: path)
        #expect(scan.records.count == 6 && scan.problem == nil)
        #expect(JournalFixture.replay(scan.records) == journal.state)
        #expect(scan.records.last?.osUser == "tester")
        #expect(scan.records.last?.batch.operator == JournalFixture.secretariat)
    }

    @Test("A refused command writes nothing and says why")
    func refused() throws {
        let path = try JournalFixture.journal(records: 0)
        let before = JournalFixture.bytes(path)
        let journal = try Journal(path: path, emailPolicy: JournalFixture.policy, osUser: "x")
        #expect(
            throws: CommitError.rejected(
                "Cannot adopt UNMN/2026/001: only the chair or co-chair closes consensus items (you are the secretariat).")
        ) {
            try journal.commit(.adoptItem("UNMN/2026/001", statement: "x"), context: JournalFixture.context())
        }
        #expect(JournalFixture.bytes(path) == before)
    }

    @Test("--read-only never writes, and works on a file the operator cannot write")
    func readOnly() throws {
        let path = try JournalFixture.journal(records: 2)
        chmod(path, 0o400)
        let journal = try Journal(path: path, emailPolicy: JournalFixture.policy, osUser: "x", readOnly: true)
        #expect(journal.state.focalPoints.count == 2)
        #expect(throws: CommitError.readOnly("opened with --read-only")) {
            try journal.commit(JournalFixture.addFocalPoint(9), context: JournalFixture.context())
        }
    }
}
