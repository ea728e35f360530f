import UNMNDomain

/// The mailing list for the IT unit (CSV or vCard 4.0), or the change request since a date.
public enum MailingListDocument {
    public enum Format: String, Sendable { case csv, vcf }

    /// The columns of a mail client's contact import, by its documented headers.
    public enum MailClient: String, Sendable, CaseIterable {
        case outlook, thunderbird

        var header: [String] {
            switch self {
            case .outlook: return ["First Name", "Last Name", "E-mail Address", "Company", "Job Title"]
            case .thunderbird: return ["First Name", "Last Name", "Display Name", "Primary Email", "Organization", "Job Title"]
            }
        }

        func row(_ point: FocalPoint, organisation: String) -> [String] {
            let (family, given) = point.nameParts
            switch self {
            case .outlook: return [given, family, point.email, organisation, point.position]
            case .thunderbird: return [given, family, point.name, point.email, organisation, point.position]
            }
        }
    }

    /// The whole list as a mail client imports it (CSV, formula-safe like every CSV export).
    public static func render(network: NetworkState, for client: MailClient) -> String {
        Escaping.csvRecord(client.header)
            + network.mailingList.map { point in
                Escaping.csvRecord(client.row(point, organisation: network.entity(point.entity)?.fullName ?? point.entity.rawValue))
            }.joined()
    }

    public static func render(network: NetworkState, changesSince: LocalDate?, format: Format, today: LocalDate) -> String {
        render(network: network, changes: changesSince.map { network.mailingListDelta(since: $0) }, format: format, today: today)
    }

    /// `non-corporate, until 2026-03-01 (expired)`: an address the ToR allows only as a temporary
    /// exception, flagged wherever the list goes.
    static func exceptionNote(_ point: FocalPoint, today: LocalDate) -> String? {
        guard let exception = point.emailException else { return nil }
        let end = exception.until.map { "until \($0)" } ?? "with no end recorded"
        return "non-corporate, \(end)" + (exception.isExpired(on: today) ? " (expired)" : "")
    }

    /// The list (or the change request) as a workbook: every cell text, as people read it.
    public static func workbook(network: NetworkState, changesSince: LocalDate?, today: LocalDate) -> Workbook {
        // The CSV's rows without its formula defence: a workbook's text cells are never formulas.
        let rows = csvRows(network: network, changes: changesSince.map { network.mailingListDelta(since: $0) }, today: today)
        return Workbook(
            sheetName: changesSince == nil ? "Mailing list" : "Mailing list changes", header: csvHeader,
            rows: rows.map { $0.map { $0.isEmpty ? .empty : .text($0) } }, widths: [8, 28, 10, 50, 36, 36, 36])
    }

    static let csvHeader = ["action", "name", "entity", "organisation", "title", "email", "email_exception"]

    static func csvRows(network: NetworkState, changes: MailingListDelta?, today: LocalDate) -> [[String]] {
        people(network: network, changes: changes).map { point, action in
            [
                action, point.name, point.entity.rawValue, network.entity(point.entity)?.fullName ?? "", point.position, point.email,
                exceptionNote(point, today: today) ?? "",
            ]
        }
    }

    static func people(network: NetworkState, changes: MailingListDelta?) -> [(FocalPoint, String)] {
        if let delta = changes {
            return (delta.additions.map { ($0, "add") } + delta.removals.map { ($0, "remove") }).compactMap { change, action in
                network.focalPoint(change.focalPointID).map { point in
                    var shown = point
                    shown.email = change.email
                    return (shown, action)
                }
            }
        }
        return network.mailingList.map { ($0, "member") }
    }

    /// The whole list, or with `changes` the change request: one row per address to add or remove.
    /// Addresses kept by a temporary exception say so, with its end.
    public static func render(network: NetworkState, changes: MailingListDelta?, format: Format, today: LocalDate) -> String {
        let people = people(network: network, changes: changes)
        switch format {
        case .csv:
            return ([csvHeader] + csvRows(network: network, changes: changes, today: today)).map(Escaping.csvRecord).joined()
        case .vcf:
            return people.map { point, action in
                // UID and REV let khard and CardDAV servers keep one card per person and take the
                // newer one; N is family;given so that address books sort by family name.
                let (family, given) = point.nameParts
                var lines = [
                    "BEGIN:VCARD", "VERSION:4.0",
                    "UID:" + point.id.rawValue + "@unmn.migration.uz",
                    "REV:"
                        + (network.lastChanged(.focalPoint(point.id)).map(CalendarDocument.utc)
                            ?? CalendarDocument.utc(Instant(tashkent: today))),
                    "FN:" + Escaping.vcardText(point.name), "N:" + Escaping.vcardText(family) + ";" + Escaping.vcardText(given) + ";;;",
                    "ORG:" + Escaping.vcardText(network.entity(point.entity)?.fullName ?? point.entity.rawValue),
                    "TITLE:" + Escaping.vcardText(point.position),
                    "EMAIL;TYPE=\(point.emailException == nil ? "work" : "home"):" + Escaping.vcardText(point.email),
                ]
                let notes =
                    (changes == nil ? [] : ["Mailing list: \(action)"])
                    + (exceptionNote(point, today: today).map { ["Email: \($0)"] } ?? [])
                if !notes.isEmpty { lines.append("NOTE:" + Escaping.vcardText(notes.joined(separator: "; "))) }
                lines.append("END:VCARD")
                return lines.map(Escaping.folded).joined()
            }.joined()
        }
    }
}
