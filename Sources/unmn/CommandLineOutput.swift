import ArgumentParser
import TerminalUI

#if canImport(Glibc)
    import Glibc
#endif

/// Messages for people on standard error: one clear sentence, never a backtrace, and never a
/// control byte from someone's data (the same safe-text rule as the console).
enum CommandLineOutput {
    static func error(_ message: String) {
        _ = FileOutput.standardError.write("unmn: " + safe(message) + "\n")
    }

    /// A line of a listing or a report on standard output, made safe (tabs kept).
    static func line(_ text: String) throws {
        try StandardOutput.write(safe(text) + "\n")
    }

    static func safe(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.split(separator: "\t", omittingEmptySubsequences: false).map { SafeText.sanitize(String($0)) }.joined(separator: "\t")
        }.joined(separator: "\n")
    }
}

/// Standard output, every write checked: a full disk or a closed terminal is an error people are
/// told about (exit 74), and a reader that stopped (`| head`) ends the command quietly.
enum StandardOutput {
    static func write(_ text: String) throws { try write(bytes: Array(text.utf8)) }

    static func write(bytes: [UInt8]) throws {
        guard let code = FileOutput(descriptor: STDOUT_FILENO).write(bytes: bytes) else { return }
        if code == EPIPE { throw ExitCode(141) }
        CommandLineOutput.error("cannot write to standard output: \(String(cString: strerror(code))).")
        throw ExitCode(74)
    }
}

/// Unbuffered writes to a file descriptor.
struct FileOutput {
    let descriptor: Int32
    static let standardError = FileOutput(descriptor: STDERR_FILENO)

    /// Writes everything; returns the error number when a write failed.
    func write(_ text: String) -> Int32? { write(bytes: Array(text.utf8)) }

    func write(bytes: [UInt8]) -> Int32? {
        var bytes = bytes
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { return written < 0 ? errno : EIO }
            offset += written
        }
        return nil
    }
}
