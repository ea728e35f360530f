import UNMNDomain

/// The mailing list for the IT unit (CSV or vCard 4.0), or the change request since a date.
public enum MailingListDocument {
    public enum Format: String, Sendable { case csv, vcf }

    public static func render(network: NetworkState, changesSince: LocalDate?, format: Format) -> String {
        render(network: network, changes: changesSince.map { network.mailingListDelta(since: $0) }, format: format)
    }

    /// The whole list, or with `changes` the change request: one row per address to add or remove.
    public static func render(network: NetworkState, changes: MailingListDelta?, format: Format) -> String {
        let people: [(FocalPoint, String)]
        if let delta = changes {
            people = (delta.additions.map { ($0, "add") } + delta.removals.map { ($0, "remove") }).compactMap { change, action in
                network.focalPoint(change.focalPointID).map { point in
                    var shown = point
                    shown.email = change.email
                    return (shown, action)
                }
            }
        } else {
            people = network.mailingList.map { ($0, "member") }
        }
        switch format {
        case .csv:
            var out = Escaping.csvRecord(["action", "name", "entity", "organisation", "title", "email"])
            for (point, action) in people {
                out += Escaping.csvRecord([
                    action, point.name, point.entity.rawValue, network.entity(point.entity)?.fullName ?? "", point.position, point.email,
                ])
            }
            return out
        case .vcf:
            return people.map { point, action in
                var lines = [
                    "BEGIN:VCARD", "VERSION:4.0", "FN:" + Escaping.vcardText(point.name), "N:" + Escaping.vcardText(point.name) + ";;;;",
                    "ORG:" + Escaping.vcardText(network.entity(point.entity)?.fullName ?? point.entity.rawValue),
                    "TITLE:" + Escaping.vcardText(point.position), "EMAIL;TYPE=work:" + Escaping.vcardText(point.email),
                ]
                if changes != nil { lines.append("NOTE:" + Escaping.vcardText("Mailing list: \(action)")) }
                lines.append("END:VCARD")
                return lines.map(Escaping.folded).joined()
            }.joined()
        }
    }
}
