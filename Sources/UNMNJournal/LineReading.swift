import Dispatch
import Synchronization

/// The lines of one piece of the journal read into their records, a chunk of lines at a time,
/// by every thread that comes to help: the scanning thread and the cores it asks for, and the
/// thread that applies records when it would otherwise wait for this piece (`ReadingHelp`).
///
/// Each record is read straight into its place in the piece's list, and each line checks on
/// its own that it holds the record that must follow the one before (its number is the line's
/// place after `previousSequence`): nothing is left to walk in order afterwards but finding the
/// first line that failed. Moving every record from a list of results into the piece's list, on
/// one thread, was a tenth of a piece's reading and kept the other core waiting.
final class LineReading: @unchecked Sendable {
    /// Why a line is not the record that must come next.
    enum Failure {
        case defect(RecordDefect)
        case sequence(found: UInt64)
    }

    // The bytes and the two lists are the scanning thread's, kept alive until every chunk has
    // finished (`read`).
    private let bytes: UnsafeRawBufferPointer
    private let ends: [Int]
    private let previousSequence: UInt64
    private let records: UnsafeMutablePointer<JournalRecord>
    private let plain: UnsafeMutablePointer<Bool>
    private let chunkLines: Int
    private let chunkCount: Int
    /// The first line of each chunk that was not read into a record (its end when all were).
    private let readTo: UnsafeMutablePointer<Int>
    /// Why each chunk stopped short, by chunk (rare: damage only).
    private let failures = Mutex<[Int: Failure]>([:])
    private let nextChunk = Atomic<Int>(0)
    private let finishedChunks = Atomic<Int>(0)
    private let allFinished = DispatchSemaphore(value: 0)

    private init(
        bytes: UnsafeRawBufferPointer, ends: [Int], previousSequence: UInt64, records: UnsafeMutablePointer<JournalRecord>,
        plain: UnsafeMutablePointer<Bool>, chunkLines: Int
    ) {
        self.bytes = bytes
        self.ends = ends
        self.previousSequence = previousSequence
        self.records = records
        self.plain = plain
        self.chunkLines = max(chunkLines, 1)
        chunkCount = (ends.count + self.chunkLines - 1) / self.chunkLines
        readTo = .allocate(capacity: chunkCount)
    }

    deinit { readTo.deallocate() }

    /// Reads every line of `bytes` (ending at `ends`) on up to `threads` threads, offering the
    /// chunks left to `help` meanwhile. Returns the records up to the first line that is not the
    /// next record, whether each one's events are plain, and that line with why.
    static func read(
        _ bytes: UnsafeRawBufferPointer, ends: [Int], previousSequence: UInt64, threads: Int, chunkLines: Int, help: ReadingHelp?
    ) -> (records: [JournalRecord], plain: [Bool], stop: (line: Int, failure: Failure)?) {
        guard !ends.isEmpty else { return ([], [], nil) }
        var stop: (line: Int, failure: Failure)?
        var plain: [Bool] = []
        let records = [JournalRecord](unsafeUninitializedCapacity: ends.count) { records, recordCount in
            plain = [Bool](unsafeUninitializedCapacity: ends.count) { flags, flagCount in
                let reading = LineReading(
                    bytes: bytes, ends: ends, previousSequence: previousSequence, records: records.baseAddress!,
                    plain: flags.baseAddress!, chunkLines: chunkLines)
                if reading.chunkCount > 0 {
                    reading.readAll(threads: threads, help: help)
                }
                stop = reading.firstStop()
                let kept = stop?.line ?? ends.count
                reading.discardRead(after: kept)
                (recordCount, flagCount) = (kept, kept)
            }
        }
        return (records, plain, stop)
    }

    private func readAll(threads: Int, help: ReadingHelp?) {
        // With help, the applying thread is one of the cores: it comes to read once it has
        // applied the piece before, so one reading thread fewer is started. (One more would share
        // its core with the applying thread, and finish reading while that thread was still
        // applying, leaving a core idle: 1.03× at the median of 26 alternating pairs on two cores,
        // faster in 20.)
        let readers = help == nil ? threads : threads - 1
        if chunkCount > 1 && threads > 1 { help?.offer(self) }
        if chunkCount > 1 && readers > 1 {
            DispatchQueue.concurrentPerform(iterations: readers) { _ in readChunks() }
        } else {
            readChunks()
        }
        help?.withdraw(self)
        allFinished.wait()
    }

    /// Reads chunks until none is left to take; what the applying thread does when it helps.
    func readChunks() {
        let reader = JournalJSONDecoder()
        while true {
            let chunk = nextChunk.wrappingAdd(1, ordering: .relaxed).oldValue
            guard chunk < chunkCount else { return }
            readChunk(chunk, reader: reader)
            if finishedChunks.wrappingAdd(1, ordering: .acquiringAndReleasing).newValue == chunkCount {
                allFinished.signal()
            }
        }
    }

    private func readChunk(_ chunk: Int, reader: JournalJSONDecoder) {
        let lines = (chunk * chunkLines)..<min((chunk + 1) * chunkLines, ends.count)
        for line in lines {
            let start = line == 0 ? 0 : ends[line - 1] + 1
            let failure: Failure
            switch JournalRecord.read(
                line: UnsafeRawBufferPointer(rebasing: bytes[start..<ends[line]]), reader: reader, into: records + line)
            {
            case .success(let eventsArePlain):
                let found = records[line].sequence
                if found == previousSequence &+ UInt64(line) &+ 1 {
                    plain[line] = eventsArePlain
                    continue
                }
                (records + line).deinitialize(count: 1)
                failure = .sequence(found: found)
            case .failure(let defect):
                failure = .defect(defect)
            }
            readTo[chunk] = line
            failures.withLock { $0[chunk] = failure }
            return
        }
        readTo[chunk] = lines.upperBound
    }

    /// The first line that was not read into a record, with why.
    private func firstStop() -> (line: Int, failure: Failure)? {
        let failures = failures.withLock { $0 }
        guard let chunk = failures.keys.min(), let failure = failures[chunk] else { return nil }
        return (readTo[chunk], failure)
    }

    /// Frees the records read past `kept` (chunks after a damaged line were read all the same).
    private func discardRead(after kept: Int) {
        for chunk in (kept / chunkLines)..<chunkCount {
            let from = max(chunk * chunkLines, kept)
            if readTo[chunk] > from { (records + from).deinitialize(count: readTo[chunk] - from) }
        }
    }
}

/// Where the piece being read offers its chunks left to the thread that applies pieces, so that
/// the thread waiting for it reads instead; and how that thread waits for either.
final class ReadingHelp: Sendable {
    private let offered = Mutex<LineReading?>(nil)
    /// Signalled when a reading is offered and when a piece is read: the waiting thread looks
    /// again (a signal it no longer needs only makes it look once more).
    private let news = DispatchSemaphore(value: 0)

    func offer(_ reading: LineReading) {
        offered.withLock { $0 = reading }
        news.signal()
    }

    func withdraw(_ reading: LineReading) {
        offered.withLock { if $0 === reading { $0 = nil } }
    }

    func pieceRead() { news.signal() }

    /// Until `isDone`, reads the chunks offered, else waits for news.
    func helpUntil(_ isDone: () -> Bool) {
        while !isDone() {
            if let reading = offered.withLock({ $0 }) {
                reading.readChunks()
                withdraw(reading)
            } else {
                news.wait()
            }
        }
    }
}
