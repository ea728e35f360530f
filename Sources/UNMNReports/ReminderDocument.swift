import UNMNDomain

/// The reminder the secretariat sends to members who have not answered an item.
public enum ReminderDocument {
    public static func fileName(for item: ConsensusItem) -> String {
        "reminder-" + item.reference.rawValue.replacingOccurrences(of: "/", with: "-") + ".txt"
    }

    /// Addressed to the silent members' focal points on the mailing list (one who asked to be
    /// off it is not written to), and signed by the operator who prepared it.
    public static func render(
        item: ConsensusItem, silent: [MemberEntity], network: NetworkState, today: LocalDate, by author: Operator
    ) -> String {
        func listed(_ code: EntityCode) -> [FocalPoint] { network.activeFocalPoints(of: code).filter(\.isOnMailingList) }
        let addresses = silent.flatMap { member in listed(member.code).map { "\($0.name) <\($0.email)>" } }
        let without = silent.filter { listed($0.code).isEmpty }.map(\.code.rawValue)
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
        lines += ["", "Kind regards,", author.name, "\(author.entity), for the secretariat of the UN Network on Migration in Uzbekistan"]
        if !without.isEmpty {
            lines += [
                "", "(Not sent to " + without.joined(separator: ", ") + ": no focal point on the mailing list; reach them directly.)",
            ]
        }
        lines.append("Prepared \(today) with unmn.")
        return Escaping.clean(lines.joined(separator: "\n")) + "\n"
    }
}
