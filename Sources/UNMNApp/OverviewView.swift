import TerminalUI
import UNMNDomain

/// Pane 1: the network at a glance.
enum OverviewView {
    static func detail(_ state: AppState) -> DetailView {
        let members = state.entities.filter { $0.status == .member }
        let chair = state.entities.first { $0.role == .chair }?.code.rawValue ?? "—"
        let coChair = state.entities.first { $0.role == .coChair }?.code.rawValue ?? "—"
        let quarter = "Q\(state.today.quarter) \(state.today.year)"
        return DetailView(lines: [
            .heading("The network"),
            .field(label: "Members", value: "\(members.count) entities · chair \(chair) · co-chair \(coChair)  (2)"),
            .field(label: "GCM objectives", value: "\(state.gcmObjectives.count) objectives of the Global Compact loaded"),
            .field(label: "Journal", value: state.journalPath),
            .blank,
            .heading("Meetings"),
            .field(label: "Next meeting", value: "none scheduled; the network meets once per quarter  (3)"),
            .field(label: "This quarter", value: "\(quarter): no meeting logged yet"),
            .blank,
            .heading("Follow-up"),
            .field(label: "Action points", value: "none overdue (none recorded yet)"),
            .field(label: "Consensus items", value: "none pending (none opened yet)  (5)"),
            .field(label: "Work plan \(state.today.year)", value: "not drafted yet  (4)"),
        ], labelWidth: 18)
    }

    static func render(_ state: AppState, in area: Rect, buffer: inout Buffer) {
        detail(state).render(in: area.inset(horizontal: 1, vertical: 1), buffer: &buffer)
    }
}
