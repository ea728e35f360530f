import TerminalUI
import UNMNDomain
import UNMNReports

/// What the Members pane shows: the entities, one entity's record with its focal points, or
/// the mailing-list changes to send to the IT unit.
public struct MembersState: Sendable, Hashable {
    public var list = ListState()
    /// The selected entity's record has the keys: on a narrow screen it replaces the list, on a
    /// wide one the focal points beside the list take the selection.
    public var isShowingDetail = false
    /// The selected focal point in the opened record.
    public var focalPoints = ListState()
    /// True when the pane shows the mailing-list changes since the last request to the IT unit.
    public var showsMailingListChanges = false
    /// True when the pane shows who may act (the roster), with `access` its selection.
    public var showsAccess = false
    public var access = ListState()

    public init() {}
}

public enum MembersMessage: Sendable, Hashable {
    case open
    case requestFocalPoint
    case requestEditFocalPoint
    case toggleMailingList
    case retireFocalPoint
    case showMailingListChanges
    case markMailingListRequestSent
    case requestAdmission
    case requestWithdrawal
    case showAccess
    case requestGrant
    case requestRevoke
}

/// The forms of the Members pane, and what each changes.
public enum MembersForm: Sendable, Hashable {
    case addFocalPoint(EntityCode)
    /// `original`: the focal point as the form opened, at version `basedOn`.
    case editFocalPoint(FocalPointID, original: FocalPointDraft, basedOn: Int)
    case proposeAdmission
    case recordWithdrawal(EntityCode)
    case grantAccess(entities: [EntityCode])
}

extension AppState {
    /// The roster in the order the Access view lists it.
    var sortedGrants: [Grant] { network?.grants.values.sorted { $0.login < $1.login } ?? [] }

    /// The member entities the Members list shows under the current filter.
    public var visibleEntities: [MemberEntity] {
        let query = members.list.filterText
        guard !query.isEmpty else { return entities }
        return entities.filter {
            SearchFolding.matches([$0.code.rawValue, $0.fullName, $0.role.title].joined(separator: " "), query: query)
        }
    }

    public var selectedEntity: MemberEntity? { visibleEntities[safe: members.list.selection] }

    /// The focal point selected in the opened entity's record.
    var selectedFocalPoint: FocalPoint? {
        guard members.isShowingDetail, let entity = selectedEntity, let network else { return nil }
        return network.activeFocalPoints(of: entity.code)[safe: members.focalPoints.selection]
    }
}

/// Pane 2: the member entities, and the selected one's record beside (wide) or instead (narrow).
enum MembersPane: PaneFeature {
    static let pane = Pane.members

    static func list(in state: AppState, layout: AppLayout) -> PaneList? {
        if state.members.showsMailingListChanges { return nil }
        if state.members.showsAccess {
            let count = state.network?.grants.count ?? 0
            let area = Rect(x: layout.content.x, y: layout.content.y + 2, width: layout.content.width, height: layout.content.height - 2)
            return PaneList(
                \.members.access, ListContent(count: count, area: area), unfilterableReason: "The roster is short; ↓/↑ move in it.")
        }
        if state.members.isShowingDetail {
            let count = state.selectedEntity.flatMap { entity in state.network?.activeFocalPoints(of: entity.code).count } ?? 0
            let area = layout.isWide ? layout.listAndDetail.detail : layout.content
            return PaneList(
                \.members.focalPoints, ListContent(count: count, area: area, headerRows: 0),
                unfilterableReason: "Esc first: / filters the list of entities.")
        }
        return PaneList(
            \.members.list, ListContent(count: state.visibleEntities.count, total: state.entities.count, area: layout.listAndDetail.list))
    }

    static func back(_ state: inout AppState) -> Bool {
        if state.members.showsAccess {
            state.members.showsAccess = false
        } else if state.members.showsMailingListChanges {
            state.members.showsMailingListChanges = false
        } else if state.members.isShowingDetail {
            state.members.isShowingDetail = false
        } else {
            return false
        }
        return true
    }

    /// The mailing list; with the changes on screen, the change request for the IT unit instead
    /// (what `unmn export mailing-list --changes-since` writes), since the last request sent.
    static func export(_ state: AppState, network: NetworkState) -> ExportedDocument {
        guard state.members.showsMailingListChanges else {
            return ExportedDocument(
                name: "unmn-mailing-list.csv",
                contents: MailingListDocument.render(network: network, changesSince: nil, format: .csv, today: state.today))
        }
        let delta = network.mailingListDelta(since: network.mailingListRequests.last)
        return ExportedDocument(
            name: "unmn-mailing-list-changes-\(state.today).csv",
            contents: MailingListDocument.render(network: network, changes: delta, format: .csv, today: state.today))
    }
}
