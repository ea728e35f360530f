/// The list a pane has on screen now: where its state lives in the root state, what it shows,
/// and whether `/` filters it. Moving, paging, clicking and filtering are the same code for
/// every pane; only this description differs.
struct PaneList {
    var state: WritableKeyPath<AppState, ListState>
    var content: ListContent
    /// Why `/` does nothing here, or nil when the list can be filtered.
    var unfilterableReason: String?

    init(_ state: WritableKeyPath<AppState, ListState>, _ content: ListContent, unfilterableReason: String? = nil) {
        self.state = state
        self.content = content
        self.unfilterableReason = unfilterableReason
    }
}
