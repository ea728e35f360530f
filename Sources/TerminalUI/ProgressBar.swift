/// A horizontal bar for 0–100 %, drawn with block characters in eighths so that it reads
/// the same without colour: `█████▌    ` is 55 % of ten cells.
public enum ProgressBar {
    public static func bar(percent: Int, width: Int) -> String {
        guard width > 0 else { return "" }
        let clamped = min(100, max(0, percent))
        let eighths = clamped * width * 8 / 100
        let full = eighths / 8
        let partial = eighths % 8
        var text = String(repeating: "█", count: full)
        if full < width {
            text += partial > 0 ? String(partialBlocks[partial]) : ""
            text += String(repeating: "·", count: width - full - (partial > 0 ? 1 : 0))
        }
        return text
    }

    /// The bar followed by the percentage, right-aligned in four cells: `███···  30%`.
    public static func labelled(percent: Int, width: Int) -> String {
        let label = TextLayout.fit("\(min(100, max(0, percent)))%", toWidth: 4, alignRight: true)
        return bar(percent: percent, width: max(0, width - 5)) + " " + label
    }

    private static let partialBlocks: [Character] = [" ", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
}
