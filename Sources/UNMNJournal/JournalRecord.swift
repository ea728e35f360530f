import Foundation
import UNMNDomain

/// One journal record: the events of one command, with its sequence number, who decided it
/// (operator and OS user) and when.
///
/// On disk a record is one line — `<sequence> <crc32c as 8 hex digits> <JSON>\n` — so that the
/// journal stays readable with `less` and `grep`, as auditors like. The checksum covers the
/// sequence, a space and the JSON bytes; JSON escapes every control character, so a record
/// never spans lines.
public struct JournalRecord: Hashable, Sendable {
    public var sequence: UInt64
    public var osUser: String
    public var batch: EventBatch

    public init(sequence: UInt64, osUser: String, batch: EventBatch) {
        self.sequence = sequence
        self.osUser = osUser
        self.batch = batch
    }

    /// The record a command makes as the journal's next: decided against `state` (the latest),
    /// and its line. A refusal or a conflict is said as a commit error; nothing is written.
    public static func next(
        _ command: Command, against state: NetworkState, context: CommandContext, sequence: UInt64, osUser: String
    ) throws(CommitError) -> (batch: EventBatch, line: [UInt8]) {
        let batch: EventBatch
        do {
            batch = try state.decide(command, context: context)
        } catch {
            throw error.conflicts.isEmpty ? .rejected(error.description) : .conflicted(error)
        }
        do {
            return (batch, try JournalRecord(sequence: sequence, osUser: osUser, batch: batch).encodedLine())
        } catch {
            throw .failed("The change could not be encoded (\(error)); nothing was saved.")
        }
    }

    /// The JSON body: everything but the sequence, which the line carries.
    struct Body: Codable, Equatable {
        var osUser: String
        var batch: EventBatch
    }

    public func encodedLine() throws -> [UInt8] { try RecordBodyWriter.line(sequence: sequence, osUser: osUser, batch: batch) }

    /// Parses one line without its newline; fails when it is not a whole, checksummed record.
    static func decode(line: UnsafeRawBufferPointer, reader: JournalJSONDecoder = JournalJSONDecoder()) -> Result<
        JournalRecord, RecordDefect
    > {
        let slot = UnsafeMutablePointer<JournalRecord>.allocate(capacity: 1)
        defer { slot.deallocate() }
        return read(line: line, reader: reader, into: slot).map { _ in slot.move() }
    }

    /// The same, reading the record into `slot` (uninitialised; initialised only on success),
    /// where it will stay: whether its events are its command's plain events
    /// (`EventBatch.eventsArePlain`), or why the line is no record.
    static func read(line: UnsafeRawBufferPointer, reader: JournalJSONDecoder, into slot: UnsafeMutablePointer<JournalRecord>)
        -> Result<Bool, RecordDefect>
    {
        guard let base = line.baseAddress, let found = memchr(base, 0x20, line.count), case let firstSpace = base.distance(to: found),
            firstSpace > 0, line.count > firstSpace + 10, line[firstSpace + 9] == 0x20
        else { return .failure(RecordDefect("the record's frame is incomplete")) }
        // Read over the bytes in place: making a string of each to parse it was a tenth of the
        // frame's cost, and walking them as a collection's slices half of what was left.
        let bytes = base.assumingMemoryBound(to: UInt8.self)
        var sequence: UInt64 = 0
        for index in 0..<firstSpace {
            let value = bytes[index] &- UInt8(ascii: "0")
            let (times10, overflow) = sequence.multipliedReportingOverflow(by: 10)
            let (sum, carry) = times10.addingReportingOverflow(UInt64(value))
            guard value < 10, !overflow, !carry else { return .failure(RecordDefect("the sequence number is unreadable")) }
            sequence = sum
        }
        var stored: UInt32 = 0
        for index in (firstSpace + 1)..<(firstSpace + 9) {
            guard let value = Self.hexDigit(bytes[index]) else { return .failure(RecordDefect("the checksum is unreadable")) }
            stored = stored << 4 | value
        }
        let json = UnsafeRawBufferPointer(rebasing: line[(firstSpace + 10)...])
        var crc = CRC32C.checksum(UnsafeRawBufferPointer(rebasing: line[0...firstSpace]))
        crc = CRC32C.checksum(json, seed: crc)
        guard crc == stored else { return .failure(RecordDefect("the checksum does not match")) }
        do {
            return .success(try reader.readRecord(from: json, sequence: sequence, into: slot))
        } catch {
            return .failure(RecordDefect("a newer unmn wrote it (its content is not one this version knows)", isNewer: true))
        }
    }

    /// A hexadecimal digit's value (either case, as `UInt32(_:radix:)` reads them).
    static func hexDigit(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }
}

/// Why a line is not a valid record.
struct RecordDefect: Error {
    var reason: String
    /// The record is whole and its checksum matches, but this version cannot read it: a newer
    /// unmn wrote it. It must never be cut as a torn tail.
    var isNewer = false
    init(_ reason: String, isNewer: Bool = false) {
        self.reason = reason
        self.isNewer = isNewer
    }
}
