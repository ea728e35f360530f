import UNMNDomain

/// The reminder the secretariat sends to members who have not answered an item.
public enum ReminderDocument {
    public static func fileName(for item: ConsensusItem) -> String {
        "reminder-" + item.reference.rawValue.replacingOccurrences(of: "/", with: "-") + ".txt"
    }

    public static func render(item: ConsensusItem, silent: [MemberEntity], network: NetworkState, today: LocalDate) -> String {
        let addresses = silent.flatMap { member in network.activeFocalPoints(of: member.code).map { "\($0.name) <\($0.email)>" } }
        let without = silent.filter { network.activeFocalPoints(of: $0.code).isEmpty }.map(\.code.rawValue)
        var lines = [
            "To: " + addresses.joined(separator: ", "),
            "Subject: Reminder: \(item.reference) \(item.title) (deadline \(item.deadline))",
            "",
            "Dear colleagues,",
            "",
            "The network has not yet received your position on \(item.reference), \"\(item.title)\", due by \(item.deadline).",
            "Please reply with agree, stand aside, or object (with your reason).",
            "",
            "Not yet answered: " + silent.map(\.code.rawValue).joined(separator: ", "),
        ]
        if !without.isEmpty { lines.append("No focal point on record for: " + without.joined(separator: ", ")) }
        lines.append("Prepared \(today) by the secretariat with unmn.")
        return Escaping.clean(lines.joined(separator: "\n")) + "\n"
    }
}
