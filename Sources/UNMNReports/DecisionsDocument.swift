import UNMNDomain

/// The decisions log: Markdown or CSV.
public enum DecisionsDocument {
    public enum Format: String, Sendable { case md, csv }

    /// The log as a workbook: the adoption day a date, everything else text.
    public static func workbook(network: NetworkState, year: Int?) -> Workbook {
        let log = network.decisionsLog(year: year)
        let rows = zip(log, csvRows(network: network, log: log)).map { decision, row -> [Workbook.Cell] in
            row.enumerated().map { index, value in index == 1 ? .date(decision.adoptedOn) : value.isEmpty ? .empty : .text(value) }
        }
        return Workbook(
            sheetName: "Decisions" + (year.map { " \($0)" } ?? ""), header: csvHeader, rows: rows,
            widths: [9, 11, 14, 18, 40, 50, 24, 8, 24, 30])
    }

    static let csvHeader = [
        "decision", "adopted_on", "item", "kind", "title", "outcome", "adopted_by", "under_silence", "silent", "follow_up",
    ]

    static func csvRows(network: NetworkState, log: [Decision]) -> [[String]] {
        log.map { decision in
            let silent = decision.item.closure?.silent
            return [
                decision.number, decision.adoptedOn.description, decision.item.reference.rawValue, decision.item.kind.title,
                decision.item.title, decision.statement, decision.item.closure.map { "\($0.by) (\($0.entity))" } ?? "",
                silent == nil ? "no" : "yes", (silent ?? []).map(\.rawValue).joined(separator: " "),
                network.actionPoints(implementing: decision.item.reference).map { "\($0.id) \($0.status.rawValue)" }.joined(
                    separator: "; "),
            ]
        }
    }

    public static func render(network: NetworkState, year: Int?, format: Format) -> String {
        let log = network.decisionsLog(year: year)
        switch format {
        case .csv:
            return ([csvHeader] + csvRows(network: network, log: log)).map(Escaping.csvRecord).joined()
        case .md:
            let md = Escaping.markdown
            var out = ["# Decisions of the UN Network on Migration in Uzbekistan" + (year.map { ", \($0)" } ?? ""), ""]
            if log.isEmpty { out.append("No decision adopted.") }
            for decision in log {
                out.append("## Decision \(decision.number): \(md(decision.item.title))")
                out.append("")
                out.append("- **Item:** \(md(decision.item.reference.rawValue)) (\(md(decision.item.kind.title)))")
                out.append("- **Adopted:** \(decision.adoptedOn)" + (decision.item.closure.map { " by \(md($0.by)) (\($0.entity))" } ?? ""))
                if let silent = decision.item.closure?.silent {
                    out.append(
                        "- **Decided under silence:** "
                            + (silent.isEmpty
                                ? "every member answered before the deadline."
                                : "\(listed(silent.map(\.rawValue))) did not answer by \(decision.item.deadline) and were counted as "
                                    + "not objecting.")
                    )
                }
                out.append("- **Outcome:** \(md(decision.statement))")
                for point in network.actionPoints(implementing: decision.item.reference) {
                    out.append("- **Follow-up:** \(md(point.id.rawValue)) (\(point.status.rawValue), due \(point.due)): \(md(point.text))")
                }
                out.append("")
                out.append(Escaping.markdownBlock(decision.item.text))
                out.append("")
            }
            return out.joined(separator: "\n")
        }
    }
}
