/// A horizontal bar showing a span within a whole — a key action's timeframe within its year —
/// with an optional marker (today): `··■■■■■│■■···`. Reads without colour.
public enum RangeBar {
    /// - Parameters:
    ///   - from, to: the span as fractions of the whole, 0…1 (`to` inclusive).
    ///   - marker: where to draw `│`, as a fraction, or nil.
    public static func text(from: Double, to: Double, marker: Double?, width: Int) -> String {
        guard width > 0 else { return "" }
        var cells = [Character](repeating: "·", count: width)
        let first = max(0, min(width - 1, Int((from * Double(width)).rounded(.down))))
        let last = max(first, min(width - 1, Int((to * Double(width)).rounded(.up)) - 1))
        if to >= from { for index in first...last { cells[index] = "■" } }
        if let marker, marker >= 0, marker <= 1 {
            cells[max(0, min(width - 1, Int((marker * Double(width)).rounded(.down))))] = "│"
        }
        return String(cells)
    }
}
