import UNMNDomain

/// The decisions log: Markdown or CSV.
public enum DecisionsDocument {
    public enum Format: String, Sendable { case md, csv }

    public static func render(network: NetworkState, year: Int?, format: Format) -> String {
        let log = network.decisionsLog(year: year)
        switch format {
        case .csv:
            return Escaping.csvRecord(["decision", "adopted_on", "item", "kind", "title", "outcome", "adopted_by"])
                + log.map {
                    Escaping.csvRecord([
                        $0.number, $0.adoptedOn.description, $0.item.reference.rawValue, $0.item.kind.title, $0.item.title, $0.statement,
                        $0.item.closure.map { "\($0.by) (\($0.entity))" } ?? "",
                    ])
                }.joined()
        case .md:
            var out = ["# Decisions of the UN Network on Migration in Uzbekistan" + (year.map { ", \($0)" } ?? ""), ""]
            if log.isEmpty { out.append("No decision adopted.") }
            for decision in log {
                out.append("## Decision \(decision.number): \(Escaping.markdown(decision.item.title))")
                out.append("")
                out.append(
                    "- **Item:** \(Escaping.markdown(decision.item.reference.rawValue)) (\(Escaping.markdown(decision.item.kind.title)))")
                out.append(
                    "- **Adopted:** \(decision.adoptedOn)"
                        + (decision.item.closure.map { " by \(Escaping.markdown($0.by)) (\($0.entity))" } ?? ""))
                out.append("- **Outcome:** \(Escaping.markdown(decision.statement))")
                out.append("")
                out.append(Escaping.markdownBlock(decision.item.text))
                out.append("")
            }
            return out.joined(separator: "\n")
        }
    }
}
