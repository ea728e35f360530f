import UNMNDomain

/// The decisions log: Markdown or CSV.
public enum DecisionsDocument {
    public enum Format: String, Sendable { case md, csv }

    public static func render(network: NetworkState, year: Int?, format: Format) -> String {
        let log = network.decisionsLog(year: year)
        switch format {
        case .csv:
            return Escaping.csvRecord([
                "decision", "adopted_on", "item", "kind", "title", "outcome", "adopted_by", "under_silence", "silent", "follow_up",
            ])
                + log.map { decision in
                    let silent = decision.item.closure?.silent
                    return Escaping.csvRecord([
                        decision.number, decision.adoptedOn.description, decision.item.reference.rawValue, decision.item.kind.title,
                        decision.item.title, decision.statement, decision.item.closure.map { "\($0.by) (\($0.entity))" } ?? "",
                        silent == nil ? "no" : "yes", (silent ?? []).map(\.rawValue).joined(separator: " "),
                        network.actionPoints(implementing: decision.item.reference).map { "\($0.id) \($0.status.rawValue)" }.joined(
                            separator: "; "),
                    ])
                }.joined()
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
