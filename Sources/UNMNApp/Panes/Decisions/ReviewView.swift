import TerminalUI
import UNMNDomain

/// Review mode: one item at a time — its text, where it was raised, the deadline, a tally bar
/// and every member's position with reason, when, source and who recorded it.
enum ReviewView {
    /// The rows above the member grid: reference, title, two lines of text, deadline, tally, and
    /// the verdict wrapped onto as many as three rows, so that no blocker is cut short.
    static func headerHeight(_ item: ConsensusItem, network: NetworkState, today: LocalDate, width: Int) -> Int {
        6 + verdict(item, network: network, today: today, width: width).lines.count
    }

    static let verdictRows = 3

    /// Whether the item can be adopted, and if not every reason; the grid below has each member's.
    static func verdict(_ item: ConsensusItem, network: NetworkState, today: LocalDate, width: Int) -> (lines: [String], style: Style) {
        let blockers = network.adoptionBlockers(item, on: today)
        let silent = network.members.filter { item.positions[$0.code] == nil }.map(\.code.rawValue)
        let text =
            item.status.isClosed
            ? "Closed: \(item.closure?.statement ?? "")" + (item.closure?.silenceSummary.map { " — decided \($0)." } ?? "")
            : blockers.isEmpty
                ? (item.isUnderSilence && !silent.isEmpty
                    ? "Ready to adopt: silence not broken; \(listed(silent)) did not answer by \(item.deadline) and count as not objecting."
                    : "Ready to adopt: every member consulted, no objection.")
                : ("Blocks adoption: " + blockers.joined(separator: "; ")).endingSentence
        var lines = TextLayout.wrap(SafeText.sanitize(text), toWidth: max(1, width))
        if lines.count > verdictRows {
            lines = Array(lines.prefix(verdictRows))
            lines[verdictRows - 1] = TextLayout.truncate(lines[verdictRows - 1] + " (each member below)", toWidth: width)
        }
        return (lines, blockers.isEmpty ? .success : .warning)
    }

    /// `██████████░░░▒▒·····` with the counts: agree █, stand aside ▒, object ░, no answer ·.
    static func tallyBar(_ tally: ItemTally, width: Int) -> String {
        let total = max(1, tally.agree + tally.standAside + tally.object + tally.noAnswer)
        func cells(_ n: Int) -> Int { Int((Double(n) * Double(width) / Double(total)).rounded()) }
        var bar =
            String(repeating: "█", count: cells(tally.agree)) + String(repeating: "▒", count: cells(tally.standAside))
            + String(repeating: "░", count: cells(tally.object))
        bar += String(repeating: "·", count: max(0, width - bar.count))
        return String(bar.prefix(width))
    }

    static func render(_ state: AppState, network: NetworkState, in area: Rect, buffer: inout Buffer) {
        guard let review = state.decisions.review, let item = network.item(review.item) else { return }
        let list = DecisionsList(network: network, today: state.today)
        let reviewable = list.reviewable
        let position =
            reviewable.firstIndex { $0.reference == item.reference }.map { "\($0 + 1) of \(reviewable.count)" } ?? item.status.title
        let raised: String
        switch item.raisedAt {
        case .meeting(let reference): raised = "raised at \(reference)"
        case .writtenConsultation: raised = "by written consultation"
        }
        var y = area.y
        buffer.write(
            "Review \(position) · \(item.reference) · \(item.kind.title) · \(raised)", x: area.x, y: y, maxWidth: area.width, style: .title)
        y += 1
        buffer.write(item.title, x: area.x, y: y, maxWidth: area.width, style: .bold)
        y += 1
        let textLines = TextLayout.wrap(SafeText.sanitize(item.text), toWidth: area.width)
        for line in textLines.prefix(2) {
            buffer.write(line, x: area.x, y: y, maxWidth: area.width)
            y += 1
        }
        if textLines.count < 2 { y += 2 - textLines.count }
        let tally = network.tally(item)
        let counts = "\(tally.agree) agree · \(tally.standAside) stand aside · \(tally.object) object · \(tally.noAnswer) no answer"
        buffer.write(
            "Deadline \(item.deadline) (\(DecisionsList.deadline(item, today: state.today))) · status \(item.status.title)"
                + (item.isUnderSilence ? " · under silence" : ""),
            x: area.x, y: y, maxWidth: area.width, style: item.deadline < state.today && !item.status.isClosed ? .warning : .plain)
        y += 1
        let barWidth = max(10, min(40, area.width - DisplayWidth.of(counts) - 3))
        buffer.write(tallyBar(tally, width: barWidth), x: area.x, y: y, style: Style([], color: .success))
        buffer.write(" " + counts, x: area.x + barWidth, y: y, maxWidth: area.width - barWidth)
        y += 1
        let verdict = verdict(item, network: network, today: state.today, width: area.width)
        for line in verdict.lines {
            buffer.write(line, x: area.x, y: y, maxWidth: area.width, style: verdict.style)
            y += 1
        }
        let members = network.members
        let rows = members.map { member -> [String] in
            guard let record = item.positions[member.code], let position = record.position else {
                // Under silence, once the deadline passed, no answer counts as no objection.
                let silent = item.isUnderSilence && (state.today > item.deadline || item.closure?.silent != nil)
                return [member.code.rawValue, silent ? "silent" : "no answer", "", "", "", ""]
            }
            let reason = position.reason ?? ""
            return [
                member.code.rawValue, position.title, reason, record.at.tashkentDate.description, record.source.rawValue, record.recordedBy,
            ]
        }
        let styles = members.map { member -> Style in
            switch item.positions[member.code]?.position {
            case .object?: return Style(.bold, color: .danger)
            case nil: return .dim
            default: return .plain
            }
        }
        let grid = Table(
            columns: [
                TableColumn("Member", width: .fixed(9)),
                TableColumn("Position", width: .fixed(11)),
                TableColumn("Reason", width: .flexible(minimum: 30)),
                TableColumn("When", width: .fixed(10), dropOrder: 1),
                TableColumn("Source", width: .fixed(7), dropOrder: 2),
                TableColumn("Recorded by", width: .fixed(18), dropOrder: 3),
            ], rows: rows, rowStyles: styles, selected: members.isEmpty ? nil : review.members.selection, offset: review.members.offset)
        grid.render(in: Rect(x: area.x, y: y, width: area.width, height: area.y + area.height - y), buffer: &buffer)
    }
}
