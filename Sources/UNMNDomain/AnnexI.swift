/// Reads the Annex I membership from its shipped text: one entity a line, code, full name and
/// role separated by tabs; `#` starts a comment.
public enum AnnexI {
    public enum ParseError: Error, Equatable, CustomStringConvertible {
        case malformedLine(number: Int, text: String)
        case unknownRole(number: Int, role: String)
        case duplicateCode(EntityCode)

        public var description: String {
            switch self {
            case .malformedLine(let number, let text):
                return "Annex I line \(number) should be code, full name and role separated by tabs: \(text)"
            case .unknownRole(let number, let role):
                return "Annex I line \(number) names the role \"\(role)\"; expected chair, co-chair or member."
            case .duplicateCode(let code):
                return "Annex I lists \(code) twice."
            }
        }
    }

    public static func parse(_ text: String) throws(ParseError) -> [MemberEntity] {
        var entities: [MemberEntity] = []
        var seen: Set<String> = []
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 3, !fields[0].isEmpty, !fields[1].isEmpty else {
                throw .malformedLine(number: offset + 1, text: String(line))
            }
            let functions = fields[2]
            let role: NetworkRole
            switch functions.split(separator: ",").first.map(String.init) {
            case "chair": role = .chair
            case "co-chair": role = .coChair
            case "member": role = .member
            default: throw .unknownRole(number: offset + 1, role: functions)
            }
            let code = EntityCode(fields[0])
            guard seen.insert(code.normalized).inserted else { throw .duplicateCode(code) }
            entities.append(MemberEntity(code: code, fullName: fields[1], role: role, functions: functions))
        }
        return entities
    }
}
