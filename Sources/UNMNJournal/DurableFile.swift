import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Crash-safe replacement of a small file: write a temporary file beside it, fsync it, rename
/// it over the old one, then fsync the directory (Foundation's atomic write skips that last
/// step, and without it the rename can be lost on power failure).
public enum DurableFile {
    public struct Failure: Error, Equatable, CustomStringConvertible {
        public var step: String
        public var code: Int32
        public var description: String { "\(step) failed: \(String(cString: strerror(code)))" }
    }

    /// Replaces `path` (a regular file, or nothing) with `contents`. The temporary file beside it
    /// has an unpredictable name and is created exclusively (mkstemp), so a link planted in the
    /// directory is never followed, and only that file of ours has its mode set.
    public static func replace(path: String, contents: Data, permissions: mode_t) throws(Failure) {
        var existing = stat()
        if lstat(path, &existing) == 0 && (existing.st_mode & S_IFMT) != S_IFREG {
            throw Failure(step: "replacing \(path), which is not a regular file,", code: EINVAL)
        }
        let temporary = try writeTemporary(beside: path, contents: contents, permissions: permissions)
        if rename(temporary, path) != 0 {
            let code = errno
            unlink(temporary)
            throw Failure(step: "rename", code: code)
        }
        try syncDirectory(of: path)
    }

    /// Writes a new file at `path` that must not exist yet: the whole file appears at once (a
    /// hard link from the synced temporary file, which fails rather than replace anything), or
    /// nothing does. Throws with `EEXIST` when the name is taken, so the caller may pick another.
    public static func create(path: String, contents: Data, permissions: mode_t) throws(Failure) {
        let temporary = try writeTemporary(beside: path, contents: contents, permissions: permissions)
        defer { unlink(temporary) }
        if link(temporary, path) != 0 { throw Failure(step: "creating \(path)", code: errno) }
        try syncDirectory(of: path)
    }

    /// A synced file beside `path` with an unpredictable name, created exclusively (mkstemp).
    private static func writeTemporary(beside path: String, contents: Data, permissions: mode_t) throws(Failure) -> String {
        var template = Array((path + ".tmp-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw Failure(step: "creating a temporary file beside \(path)", code: errno) }
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard fchmod(fd, permissions) == 0 else {
            let code = errno
            close(fd)
            unlink(temporary)
            throw Failure(step: "setting the mode of \(temporary)", code: code)
        }
        var written = 0
        let writeError: Int32? = contents.withUnsafeBytes { bytes -> Int32? in
            while written < bytes.count {
                let result = write(fd, bytes.baseAddress! + written, bytes.count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                written += result
            }
            return nil
        }
        if let writeError {
            close(fd)
            unlink(temporary)
            throw Failure(step: "writing", code: writeError)
        }
        if fsync(fd) != 0 {
            let code = errno
            close(fd)
            unlink(temporary)
            throw Failure(step: "fsync", code: code)
        }
        close(fd)
        return temporary
    }

    public static func syncDirectory(of path: String) throws(Failure) {
        let directory = (path as NSString).deletingLastPathComponent
        let fd = open(directory.isEmpty ? "." : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw Failure(step: "opening the directory", code: errno) }
        defer { close(fd) }
        if fsync(fd) != 0 { throw Failure(step: "fsync of the directory", code: errno) }
    }
}
