import ArgumentParser

#if canImport(Glibc)
    import Glibc
#endif

/// Messages for people on standard error: one clear sentence, never a backtrace.
enum CommandLineOutput {
    static func error(_ message: String) {
        FileOutput.standardError.write("unmn: " + message + "\n")
    }
}

/// Unbuffered writes to a file descriptor.
struct FileOutput {
    let descriptor: Int32
    static let standardError = FileOutput(descriptor: STDERR_FILENO)

    func write(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written <= 0 { return }
            offset += written
        }
    }
}
