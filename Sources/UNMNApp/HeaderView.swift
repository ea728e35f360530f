import TerminalUI
import UNMNDomain

/// The top row: the network on the left; the operator and today's date (Asia/Tashkent) on the right.
enum HeaderView {
    static func render(_ state: AppState, in area: Rect, buffer: inout Buffer) {
        buffer.fill(area, style: Style(.reverse, color: .accent))
        let date = state.today.longDescription
        let who: String
        if let op = state.currentOperator {
            who = "\(op.name) · \(op.entity) \(op.role.rawValue)"
        } else {
            who = "no operator"
        }
        let right = who + "  " + date + " "
        let rightWidth = min(DisplayWidth.of(right), area.width / 2 + 4)
        let leftWidth = area.width - rightWidth - 1
        buffer.write(" unmn · " + state.networkName, x: area.x, y: area.y, maxWidth: leftWidth, style: Style([.reverse, .bold], color: .accent))
        buffer.write(TextLayout.fit(right, toWidth: rightWidth, alignRight: true), x: area.maxX - rightWidth, y: area.y,
                     maxWidth: rightWidth, style: Style(.reverse, color: .accent))
    }
}
