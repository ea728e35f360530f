import TerminalUI
import UNMNDomain

/// The top row: the network on the left; the operator and today's date (Asia/Tashkent) on the right.
enum HeaderView {
    static func render(_ state: AppState, in area: Rect, buffer: inout Buffer) {
        buffer.fill(area, style: Style(.reverse, color: .accent))
        let date = state.today.longDescription
        // Measured after sanitising: a control character in a name is drawn as two visible cells.
        let who = SafeText.sanitize(state.currentOperator.map { "\($0.name) · \($0.entity) \($0.role.rawValue)" } ?? "no operator")
        // The date always shows whole; the operator gives way before it, the network name first.
        let name = area.width >= 110 ? state.networkName : "UNMN Uzbekistan"
        // A sandbox says so on every screen: anyone may take any role in it.
        let left = " unmn · " + name + (state.network?.isSandbox == true ? " · SANDBOX" : "")
        let dateWidth = DisplayWidth.of(date) + 1
        let whoWidth = min(DisplayWidth.of(who), max(0, area.width - DisplayWidth.of(left) - dateWidth - 3))
        buffer.write(
            left, x: area.x, y: area.y, maxWidth: area.width - dateWidth - whoWidth - 3, style: Style([.reverse, .bold], color: .accent))
        buffer.write(
            TextLayout.truncate(who, toWidth: whoWidth), x: area.maxX - dateWidth - whoWidth - 2, y: area.y,
            maxWidth: whoWidth, style: Style(.reverse, color: .accent))
        buffer.write(date, x: area.maxX - dateWidth, y: area.y, style: Style(.reverse, color: .accent))
    }
}
