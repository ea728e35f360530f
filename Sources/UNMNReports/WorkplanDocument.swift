import Foundation
import UNMNDomain

/// The year's key actions with every field: RFC 4180 CSV (formula-safe) or a Markdown table.
public enum WorkplanDocument {
    public enum Format: String, Sendable { case csv, md }

    static let header = [
        "code", "title", "description", "lead", "participants", "starts", "ends", "budget_required_usd", "budget_funded_usd",
        "funding_source", "gcm_objectives", "sdg_targets", "cooperation_framework_outcome", "status", "progress_percent",
        "last_update", "plan_status", "revised_after_endorsement",
    ]

    /// The same columns as the CSV, typed: dates are dates, budgets USD amounts, progress a number,
    /// SDG targets and codes text.
    public static func workbook(_ plan: WorkPlan, objectives: [GCMObjective]) -> Workbook {
        let text = rows(plan, objectives: objectives)
        let typed = zip(plan.actions, text).map { action, row -> [Workbook.Cell] in
            row.enumerated().map { index, value -> Workbook.Cell in
                switch header[index] {
                case "starts": return .date(action.starts)
                case "ends": return .date(action.ends)
                case "budget_required_usd": return .money(action.budgetRequired)
                case "budget_funded_usd": return .money(action.budgetFunded)
                case "progress_percent": return .number(Decimal(action.progress))
                default: return value.isEmpty ? .empty : .text(value)
                }
            }
        }
        return Workbook(
            sheetName: "Work plan \(plan.year)", header: header, rows: typed,
            widths: [9, 40, 30, 8, 16, 11, 11, 14, 14, 16, 40, 12, 30, 12, 10, 40, 24, 40])
    }

    /// The plan for the UNCT on paper: one landscape page for a year's actions, columns sized to
    /// their content, what the members endorsed and what changed since below the table.
    public static func word(_ plan: WorkPlan) -> WordDocument {
        WordDocument(
            title: "Annual work plan \(plan.year)",
            introduction: [
                "Status: \(plan.statusDescription). Overall progress: \(plan.progress.percent) per cent (the key actions' progress "
                    + "weighted by their required budgets)."
            ],
            header: ["Code", "Key action", "Lead", "With", "Timeframe", "Funded of required (USD)", "GCM", "Status", "Progress"],
            rows: plan.actions.map { action in
                [
                    action.code, action.title, action.lead.rawValue, action.participants.map(\.rawValue).joined(separator: ", "),
                    "\(action.starts.shortDescription) – \(action.ends.shortDescription)",
                    "\(amount(action.budgetFunded)) of \(amount(action.budgetRequired))",
                    action.gcmObjectives.sorted().map(String.init).joined(separator: ", "), action.status.rawValue, "\(action.progress) %",
                ]
            },
            widths: [800, 4400, 1000, 1600, 1700, 2100, 900, 1300, 1100], rightAligned: [5, 8],
            notes: (plan.revisions ?? []).isEmpty
                ? [] : ["Revised after endorsement:"] + (plan.revisions ?? []).map { "• \($0.description) (\($0.by))" })
    }

    static func rows(_ plan: WorkPlan, objectives: [GCMObjective]) -> [[String]] {
        plan.actions.map { action -> [String] in
            let gcm = action.gcmObjectives.sorted().map { number in "\(number) \(objectives.first { $0.number == number }?.title ?? "")" }
                .joined(separator: "; ")
            let last = action.history.last.map { "\($0.on) \($0.by) (\($0.entity)): \($0.note)" } ?? ""
            let revised = (plan.revisions ?? []).filter { $0.code == action.code }.map(\.description).joined(separator: "; ")
            return [
                action.code, action.title, action.description, action.lead.rawValue,
                action.participants.map(\.rawValue).joined(separator: "; "),
                action.starts.description, action.ends.description, "\(action.budgetRequired)", "\(action.budgetFunded)",
                action.fundingSource.title,
                gcm, action.sdgTargets.joined(separator: "; "), action.cooperationFrameworkOutcome ?? "", action.status.rawValue,
                "\(action.progress)",
                last, plan.status.title, revised,
            ]
        }
    }

    /// `120,000`: an amount in the table whose header says USD.
    static func amount(_ value: Decimal) -> String { String(usd(value).dropFirst(4)) }

    public static func render(_ plan: WorkPlan, objectives: [GCMObjective], format: Format) -> String {
        let rows = rows(plan, objectives: objectives)
        switch format {
        case .csv:
            return ([header] + rows).map(Escaping.csvRecord).joined()
        case .md:
            func cell(_ value: String) -> String { Escaping.markdown(value) }
            var out = [
                "# Annual work plan \(plan.year) (\(Escaping.markdown(plan.statusDescription)))", "",
                "Overall progress: \(plan.progress.percent) per cent (the key actions' progress weighted by their required budgets).", "",
            ]
            // Six columns whose widths follow the content (pandoc sizes a wide table from the
            // separator's dashes), so that twelve actions fit one page in Word: titles keep whole
            // words, amounts whole digits. The GCM objectives follow as a list.
            out += Escaping.markdownTable(
                header: ["Action", "Responsible", "Timeframe", "Status", "Progress", "Funded of required (USD)"],
                rows: plan.actions.map { action in
                    [
                        "\(cell(action.code)) \(cell(action.title))",
                        cell(([action.lead] + action.participants).map(\.rawValue).joined(separator: ", ")),
                        "\(action.starts.shortDescription) – \(action.ends.shortDescription)", cell(action.status.rawValue),
                        "\(action.progress) %", "\(amount(action.budgetFunded)) of \(amount(action.budgetRequired))",
                    ]
                }, right: [4, 5])
            out += [
                "",
                "GCM objectives served: "
                    + plan.actions.map { "\(cell($0.code)) — \($0.gcmObjectives.sorted().map(String.init).joined(separator: ", "))" }
                    .joined(separator: "; ") + ".",
            ]
            // What the members endorsed, and what changed since: each revision with its reason.
            if let revisions = plan.revisions, !revisions.isEmpty {
                out += ["", "## Revised after endorsement", ""]
                out += revisions.map { "- " + cell($0.description) + " (\(cell($0.by)))" }
            }
            return out.joined(separator: "\n") + "\n"
        }
    }
}
