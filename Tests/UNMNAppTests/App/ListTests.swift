import TerminalUI
import Testing
import UNMNDomain

@testable import UNMNApp

/// One list state for every list: moving, scrolling and clicking agree with what is drawn.
@Suite("Lists: scrolling and clicks")
struct ListTests {
    /// The sample network with fourteen more meetings in 2027 and fifteen more open items, so
    /// that the Meetings and Decisions lists are longer than an 80×24 screen.
    static let crowded: NetworkState = {
        var network = DecisionsTests.sample
        let now = Instant(tashkent: LocalDate(year: 2026, month: 11, day: 29)!)
        let context = CommandContext(operator: SampleNetwork.secretariat, now: now)
        for week in 0..<14 {
            let date = LocalDate(year: 2027, month: 1, day: 4)!.adding(days: week * 7)
            _ = try! network.execute(
                .scheduleMeeting(MeetingDraft(kind: .extraordinary, date: date, startMinute: 600, location: "UN House")), context: context)
        }
        for number in 1...15 {
            let draft = ConsensusItemDraft(
                title: "Crowded item \(number)", text: "Text", kind: .general, raisedAt: .writtenConsultation,
                deadline: LocalDate(year: 2027, month: 1, day: number)!)
            _ = try! network.execute(.openItem(draft), context: context)
        }
        return network
    }()

    func crowdedState(_ pane: Pane) -> AppState {
        var state = sampleState(pane)
        state.network = Self.crowded
        return state
    }

    /// The screen row whose text contains `text`, and whether it is drawn selected (reversed).
    func row(containing text: String, in state: AppState) -> (y: Int, isSelected: Bool)? {
        let buffer = AppView.render(state)
        guard let y = buffer.lines.firstIndex(where: { $0.contains(text) }) else { return nil }
        let x = buffer.lines[y].distance(from: buffer.lines[y].startIndex, to: buffer.lines[y].range(of: text)!.lowerBound)
        return (y, buffer[x, y].style.attributes.contains(.reverse))
    }

    @Test("Meetings: the selection stays on screen to the last meeting and back, and what is drawn is what update scrolled to")
    func meetingsScroll() {
        var state = crowdedState(.meetings)
        let meetings = MeetingsPane.rows(network: Self.crowded, today: state.today).meetings
        #expect(meetings.count == 23)
        for step in 0..<meetings.count {
            let selected = meetings[step].reference.rawValue + "  "
            #expect(row(containing: selected, in: state)?.isSelected == true, "step \(step): \(selected) not drawn selected")
            press([.character("j")], &state)
        }
        let list = state.visibleList!
        #expect(state.meetings.list.offset == list.content.rowCount - list.content.visibleRows)
        #expect(row(containing: "MTG/2025/01  ", in: state)?.y == 21)
        press([.character("g")], &state)
        #expect(state.meetings.list.offset == 0)
        #expect(row(containing: meetings[0].reference.rawValue, in: state)?.isSelected == true)
        press([.pageDown], &state)
        #expect(state.meetings.list.selection == list.content.visibleRows)
        #expect(row(containing: meetings[list.content.visibleRows].reference.rawValue + "  ", in: state)?.isSelected == true)
    }

    @Test("Decisions: the selection stays on screen through a list longer than the window, in both directions")
    func decisionsScroll() {
        var state = crowdedState(.decisions)
        let items = DecisionsList(network: Self.crowded, today: state.today).rows.map(\.item.reference.rawValue)
        #expect(items.count > state.visibleList!.content.visibleRows)
        for step in 0..<items.count {
            #expect(row(containing: items[step], in: state)?.isSelected == true, "step \(step) down")
            press([.down], &state)
        }
        for step in (0..<items.count).reversed() {
            #expect(row(containing: items[step], in: state)?.isSelected == true, "step \(step) up")
            press([.up], &state)
        }
        // Scrolling up moves the least: the first item is back at the top once reached.
        #expect(state.decisions.list.offset == 0)
    }

    @Test("Decisions: review mode's member grid scrolls with the selection")
    func reviewGridScroll() {
        var state = sampleState(.decisions, width: 80, height: 24)
        press([.character("r"), .character("G")], &state)
        #expect(row(containing: "WHO", in: state)?.isSelected == true)
        press([.character("g")], &state)
        #expect(row(containing: "IOM ", in: state)?.isSelected == true)
    }

    @Test(
        "A click selects the row under it in every list",
        arguments: [
            (Pane.members, [Key](), "ILO "),
            (Pane.meetings, [], "MTG/2026/03  "),
            (Pane.meetings, [.character("t")], "AP/2026/005"),
            (Pane.meetings, [.enter], "UNICEF "),
            (Pane.workplan, [], "2026-04"),
            (Pane.decisions, [], "UNMN/2026/006"),
            (Pane.decisions, [.character("l")], "2026/02 "),
            (Pane.decisions, [.character("r")], "FAO  "),
        ])
    func click(pane: Pane, setup: [Key], text: String) throws {
        var state = sampleState(pane)
        press(setup, &state)
        let found = row(containing: text, in: state)
        let before = try #require(found)
        #expect(!before.isSelected)
        _ = AppUpdate.update(&state, .click(x: 3, y: before.y))
        #expect(row(containing: text, in: state)?.isSelected == true)
    }

    @Test("A click on a heading or below the list selects nothing")
    func clickOnHeading() {
        var state = sampleState(.meetings)
        let before = state.meetings.list
        _ = AppUpdate.update(&state, .click(x: 3, y: 4))  // "2026 Q4 — quarterly meeting: scheduled"
        _ = AppUpdate.update(&state, .click(x: 3, y: 21))
        #expect(state.meetings.list == before)
    }

    @Test("The Overview's lines are a list too: ↓ and a click choose the line Enter opens")
    func overviewLines() {
        var state = sampleState(.overview)
        press([.down], &state)
        #expect(state.overview.lines.selection == 1)
        let rows = state.visibleList!.content
        _ = AppUpdate.update(&state, .click(x: 3, y: rows.area.y + rows.itemRows[3]))
        #expect(state.overview.lines.selection == 3)
        press([.enter], &state)
        #expect(state.pane == .decisions && state.decisions.review != nil)
    }
}
