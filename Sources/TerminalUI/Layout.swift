/// How much of a split one part takes.
public enum SizeConstraint: Hashable, Sendable {
    /// Exactly this many cells (or what is left, if less).
    case fixed(Int)
    /// This share of the whole, in percent.
    case percent(Int)
    /// At least this many cells, sharing what is left with the other `fill` parts.
    case fill(minimum: Int)

    public static let fill = SizeConstraint.fill(minimum: 0)
}

/// Splits a rectangle into rows or columns, the way ratatui's `Layout` does: fixed and percent
/// parts first, then the remainder shared among `fill` parts (the first ones get the odd cells).
public enum Layout {
    public static func rows(_ area: Rect, _ constraints: [SizeConstraint]) -> [Rect] {
        sizes(total: area.height, constraints).reduce(into: (rects: [Rect](), offset: area.y)) { acc, size in
            acc.rects.append(Rect(x: area.x, y: acc.offset, width: area.width, height: size))
            acc.offset += size
        }.rects
    }

    public static func columns(_ area: Rect, _ constraints: [SizeConstraint], gap: Int = 0) -> [Rect] {
        let gaps = gap * max(0, constraints.count - 1)
        return sizes(total: area.width - gaps, constraints).reduce(into: (rects: [Rect](), offset: area.x)) { acc, size in
            acc.rects.append(Rect(x: acc.offset, y: area.y, width: size, height: area.height))
            acc.offset += size + gap
        }.rects
    }

    static func sizes(total: Int, _ constraints: [SizeConstraint]) -> [Int] {
        var remaining = max(0, total)
        var sizes = Array(repeating: 0, count: constraints.count)
        for (index, constraint) in constraints.enumerated() {
            switch constraint {
            case .fixed(let cells):
                sizes[index] = min(max(0, cells), remaining)
            case .percent(let share):
                sizes[index] = min(max(0, total * share / 100), remaining)
            case .fill(let minimum):
                sizes[index] = min(max(0, minimum), remaining)
            }
            remaining -= sizes[index]
        }
        let fills = constraints.indices.filter { if case .fill = constraints[$0] { return true } else { return false } }
        guard !fills.isEmpty else { return sizes }
        for (order, index) in fills.enumerated() {
            sizes[index] += remaining / fills.count + (order < remaining % fills.count ? 1 : 0)
        }
        return sizes
    }
}
