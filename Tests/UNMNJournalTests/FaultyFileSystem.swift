import Foundation

@testable import UNMNJournal

/// The real file system with failures injected on demand.
final class FaultyFileSystem: FileSystem, @unchecked Sendable {
    enum Fault {
        case failAppend
        case shortAppendThenFail(Int)
        case failSync, failTruncate, failRename
    }
    private let real = POSIXFileSystem()
    private let lock = NSLock()
    private var faults: [Fault] = []

    func inject(_ fault: Fault) { lock.withLock { faults.append(fault) } }
    private func has(_ match: (Fault) -> Bool) -> Bool { lock.withLock { faults.contains(where: match) } }

    func open(_ path: String, flags: Int32, mode: mode_t) throws(FileSystemError) -> Int32 { try real.open(path, flags: flags, mode: mode) }
    func close(_ fd: Int32) { real.close(fd) }
    func read(_ fd: Int32, at offset: Int, count: Int) throws(FileSystemError) -> [UInt8] { try real.read(fd, at: offset, count: count) }

    func append(_ fd: Int32, _ bytes: ArraySlice<UInt8>) throws(FileSystemError) -> Int {
        if has({ if case .failAppend = $0 { return true } else { return false } }) {
            throw FileSystemError("writing", path: "the journal", code: ENOSPC)
        }
        let short = lock.withLock { () -> Int? in
            guard let index = faults.firstIndex(where: { if case .shortAppendThenFail = $0 { return true } else { return false } }),
                case .shortAppendThenFail(let count) = faults[index]
            else { return nil }
            faults[index] = .failAppend
            return count
        }
        if let short { return try real.append(fd, bytes.prefix(short)) }
        return try real.append(fd, bytes)
    }

    func sync(_ fd: Int32) throws(FileSystemError) {
        if has({ if case .failSync = $0 { return true } else { return false } }) {
            throw FileSystemError("fdatasync of", path: "the journal", code: EIO)
        }
        try real.sync(fd)
    }

    func truncate(_ fd: Int32, to length: Int) throws(FileSystemError) {
        if has({ if case .failTruncate = $0 { return true } else { return false } }) {
            throw FileSystemError("truncating", path: "the journal", code: EIO)
        }
        try real.truncate(fd, to: length)
    }

    func size(_ fd: Int32) throws(FileSystemError) -> (size: Int, inode: UInt64) { try real.size(fd) }
    func size(atPath path: String) -> (size: Int, inode: UInt64)? { real.size(atPath: path) }
    func lock(_ fd: Int32, exclusive: Bool) throws(FileSystemError) { try real.lock(fd, exclusive: exclusive) }
    func unlock(_ fd: Int32) { real.unlock(fd) }

    func rename(_ from: String, _ to: String) throws(FileSystemError) {
        if has({ if case .failRename = $0 { return true } else { return false } }) {
            throw FileSystemError("renaming \(from) to", path: to, code: EIO)
        }
        try real.rename(from, to)
    }

    func link(_ from: String, _ to: String) throws(FileSystemError) { try real.link(from, to) }
    func unlink(_ path: String) { real.unlink(path) }
    func syncDirectory(of path: String) throws(FileSystemError) { try real.syncDirectory(of: path) }
    func setPermissions(_ fd: Int32, _ mode: mode_t) throws(FileSystemError) { try real.setPermissions(fd, mode) }
    func isGroupSharedDirectory(_ path: String) -> Bool { real.isGroupSharedDirectory(path) }
}
