/// One of the 23 objectives of the Global Compact for Safe, Orderly and Regular Migration.
public struct GCMObjective: Hashable, Sendable, Codable, Identifiable {
    public var number: Int
    public var title: String
    public var id: Int { number }

    public init(number: Int, title: String) {
        self.number = number
        self.title = title
    }

    /// Reads the shipped list: number and title separated by a tab, `#` starts a comment.
    /// Lines that do not parse are reported by number.
    public static func parseList(_ text: String) throws(ListError) -> [GCMObjective] {
        var objectives: [GCMObjective] = []
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", maxSplits: 1)
            guard fields.count == 2, let number = Int(fields[0]), (1...23).contains(number) else {
                throw ListError(lineNumber: offset + 1)
            }
            objectives.append(GCMObjective(number: number, title: String(fields[1])))
        }
        return objectives
    }

    public struct ListError: Error, Equatable, CustomStringConvertible {
        public var lineNumber: Int
        public var description: String { "GCM objectives line \(lineNumber) should be a number from 1 to 23, a tab and a title." }
    }
}
