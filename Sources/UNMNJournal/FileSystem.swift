#if canImport(Glibc)
    import Glibc
#endif

/// The file operations the journal needs: a seam, so that tests can inject failing writes,
/// short writes, failing fsync, rename or truncate.
public protocol FileSystem: Sendable {
    func open(_ path: String, flags: Int32, mode: mode_t) throws(FileSystemError) -> Int32
    func close(_ fd: Int32)
    func read(_ fd: Int32, at offset: Int, count: Int) throws(FileSystemError) -> [UInt8]
    /// Reads up to `buffer.count` bytes at `offset` into `buffer`; returns how many came (fewer
    /// only at the end of the file).
    func read(_ fd: Int32, at offset: Int, into buffer: UnsafeMutableRawBufferPointer) throws(FileSystemError) -> Int
    /// Writes at the end; returns how many bytes were written (possibly fewer than asked).
    func append(_ fd: Int32, _ bytes: ArraySlice<UInt8>) throws(FileSystemError) -> Int
    func sync(_ fd: Int32) throws(FileSystemError)
    func truncate(_ fd: Int32, to length: Int) throws(FileSystemError)
    func size(_ fd: Int32) throws(FileSystemError) -> (size: Int, inode: UInt64)
    func size(atPath path: String) -> (size: Int, inode: UInt64)?
    func lock(_ fd: Int32, exclusive: Bool) throws(FileSystemError)
    func unlock(_ fd: Int32)
    func rename(_ from: String, _ to: String) throws(FileSystemError)
    /// Creates `to` as a hard link of `from`; fails if `to` exists (an atomic "create once").
    func link(_ from: String, _ to: String) throws(FileSystemError)
    func unlink(_ path: String)
    func syncDirectory(of path: String) throws(FileSystemError)
    func setPermissions(_ fd: Int32, _ mode: mode_t) throws(FileSystemError)
    /// True when the directory is setgid and group-writable: a shared secretariat folder.
    func isGroupSharedDirectory(_ path: String) -> Bool
}

extension FileSystem {
    /// Through `read(_:at:count:)`, for file systems that have only that (tests' seams).
    public func read(_ fd: Int32, at offset: Int, into buffer: UnsafeMutableRawBufferPointer) throws(FileSystemError) -> Int {
        let bytes = try read(fd, at: offset, count: buffer.count)
        buffer.copyBytes(from: bytes)
        return bytes.count
    }
}

/// A failed file operation, worded for people.
public struct FileSystemError: Error, Hashable, Sendable, CustomStringConvertible {
    public var operation: String
    public var path: String
    public var code: Int32

    public init(_ operation: String, path: String, code: Int32) {
        self.operation = operation
        self.path = path
        self.code = code
    }

    public var description: String { "\(operation) \(path) failed: \(String(cString: strerror(code)))" }
}

/// The real thing: POSIX calls.
public struct POSIXFileSystem: FileSystem {
    public init() {}

    public func open(_ path: String, flags: Int32, mode: mode_t) throws(FileSystemError) -> Int32 {
        let fd = Glibc.open(path, flags | O_CLOEXEC, mode)
        guard fd >= 0 else { throw FileSystemError("opening", path: path, code: errno) }
        return fd
    }

    public func close(_ fd: Int32) { _ = Glibc.close(fd) }

    public func read(_ fd: Int32, at offset: Int, count: Int) throws(FileSystemError) -> [UInt8] {
        // Read into uninitialised storage and keep what came: neither zeroed first nor copied
        // after (a snapshot of a million events is 45 MB).
        var failure: FileSystemError?
        let bytes = [UInt8](unsafeUninitializedCapacity: max(count, 0)) { buffer, initialized in
            do throws(FileSystemError) {
                initialized = try read(fd, at: offset, into: UnsafeMutableRawBufferPointer(buffer))
            } catch { failure = error }
        }
        if let failure { throw failure }
        return bytes
    }

    public func read(_ fd: Int32, at offset: Int, into buffer: UnsafeMutableRawBufferPointer) throws(FileSystemError) -> Int {
        var done = 0
        while done < buffer.count {
            let result = pread(fd, buffer.baseAddress! + done, buffer.count - done, off_t(offset + done))
            if result < 0 {
                if errno == EINTR { continue }
                throw FileSystemError("reading", path: "the journal", code: errno)
            }
            if result == 0 { break }
            done += result
        }
        return done
    }

    public func append(_ fd: Int32, _ bytes: ArraySlice<UInt8>) throws(FileSystemError) -> Int {
        while true {
            let result = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress!, $0.count) }
            if result >= 0 { return result }
            if errno != EINTR { throw FileSystemError("writing", path: "the journal", code: errno) }
        }
    }

    public func sync(_ fd: Int32) throws(FileSystemError) {
        if fdatasync(fd) != 0 { throw FileSystemError("fdatasync of", path: "the journal", code: errno) }
    }

    public func truncate(_ fd: Int32, to length: Int) throws(FileSystemError) {
        if ftruncate(fd, off_t(length)) != 0 { throw FileSystemError("truncating", path: "the journal", code: errno) }
    }

    public func size(_ fd: Int32) throws(FileSystemError) -> (size: Int, inode: UInt64) {
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw FileSystemError("reading the size of", path: "the journal", code: errno) }
        return (Int(info.st_size), UInt64(info.st_ino))
    }

    public func size(atPath path: String) -> (size: Int, inode: UInt64)? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return (Int(info.st_size), UInt64(info.st_ino))
    }

    public func lock(_ fd: Int32, exclusive: Bool) throws(FileSystemError) {
        while flock(fd, exclusive ? LOCK_EX : LOCK_SH) != 0 {
            if errno != EINTR { throw FileSystemError("locking", path: "the journal", code: errno) }
        }
    }

    public func unlock(_ fd: Int32) { _ = flock(fd, LOCK_UN) }

    public func rename(_ from: String, _ to: String) throws(FileSystemError) {
        if Glibc.rename(from, to) != 0 { throw FileSystemError("renaming \(from) to", path: to, code: errno) }
    }

    public func link(_ from: String, _ to: String) throws(FileSystemError) {
        if Glibc.link(from, to) != 0 { throw FileSystemError("creating", path: to, code: errno) }
    }

    public func unlink(_ path: String) { _ = Glibc.unlink(path) }

    public func syncDirectory(of path: String) throws(FileSystemError) {
        let directory = Self.directory(of: path)
        let fd = Glibc.open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw FileSystemError("opening the directory", path: directory, code: errno) }
        defer { _ = Glibc.close(fd) }
        if fsync(fd) != 0 { throw FileSystemError("fsync of the directory", path: directory, code: errno) }
    }

    public func setPermissions(_ fd: Int32, _ mode: mode_t) throws(FileSystemError) {
        if fchmod(fd, mode) != 0 { throw FileSystemError("setting the permissions of", path: "the journal", code: errno) }
    }

    public func isGroupSharedDirectory(_ path: String) -> Bool {
        var info = stat()
        guard stat(Self.directory(of: path), &info) == 0 else { return false }
        return info.st_mode & S_ISGID != 0 && info.st_mode & S_IWGRP != 0
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
