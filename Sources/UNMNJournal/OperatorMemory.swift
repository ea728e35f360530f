import Foundation
import UNMNDomain

/// Remembers the operator chosen at first start, in `$XDG_CONFIG_HOME/unmn/operator.json`.
///
/// Written like every file unmn creates: a temporary file, fsync, rename, fsync of the
/// directory, so that a crash leaves either the old choice or the new one, never half of one.
public struct OperatorMemory: Sendable {
    public var directory: String
    public var path: String { directory + "/operator.json" }

    public init(directory: String) { self.directory = directory }

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case unreadable(path: String, reason: String)
        case unwritable(path: String, reason: String)

        public var description: String {
            switch self {
            case .unreadable(let path, let reason): return "Cannot read the remembered operator in \(path): \(reason)."
            case .unwritable(let path, let reason): return "Cannot remember the operator in \(path): \(reason)."
            }
        }
    }

    /// The remembered operator, or nil when none has been chosen yet.
    public func load() throws(Failure) -> Operator? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            return try JSONDecoder().decode(Operator.self, from: data)
        } catch {
            throw .unreadable(path: path, reason: "the file is not a valid operator record (choose again with --as)")
        }
    }

    public func save(_ chosen: Operator) throws(Failure) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        do {
            try FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            try DurableFile.replace(path: path, contents: try encoder.encode(chosen), permissions: 0o600)
        } catch let failure as DurableFile.Failure {
            throw .unwritable(path: path, reason: failure.description)
        } catch {
            throw .unwritable(path: path, reason: "\(error.localizedDescription)")
        }
    }
}
