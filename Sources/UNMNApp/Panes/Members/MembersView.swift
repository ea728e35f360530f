import TerminalUI
import UNMNDomain

/// The Members pane's drawing: the entities, a record, the mailing-list changes.
extension MembersPane {
    static func table(for state: AppState) -> Table {
        let rows = state.visibleEntities.map { [$0.code.rawValue, $0.fullName, $0.role.title, $0.status.rawValue.capitalized] }
        return Table(
            columns: [
                TableColumn("Code", width: .fixed(9)),
                TableColumn("Full name", width: .flexible(minimum: 24)),
                TableColumn("Role", width: .fixed(8)),
                TableColumn("Status", width: .fixed(9), dropOrder: 1),
            ], rows: rows, selected: rows.isEmpty ? nil : state.members.list.selection, offset: state.members.list.offset)
    }

    static func detail(for entity: MemberEntity, network: NetworkState?, today: LocalDate, selection: Int? = nil) -> DetailView {
        let status: String
        switch entity.status {
        case .member:
            status =
                "Member"
                + (entity.memberSince.map { " since \($0)" + (entity.admittedBy.map { " (\($0))" } ?? "") }
                    ?? " since the Terms of Reference (Annex I)")
        case .applicant: status = "Applicant: admission proposed, awaiting every member's agreement"
        case .withdrawn: status = "Withdrew" + (entity.withdrawnOn.map { " on \($0)" } ?? "")
        }
        var lines: [DetailView.Line] = [
            .heading(entity.code.rawValue),
            .field(label: "Full name", value: entity.fullName),
            .field(
                label: "Role",
                value: entity.role.title
                    + (entity.functions.isEmpty || entity.functions == entity.role.rawValue ? "" : " (\(entity.functions))")),
            .field(label: "Status", value: status),
            .blank,
            .heading("Focal points"),
        ]
        let points = network?.activeFocalPoints(of: entity.code) ?? []
        if points.isEmpty {
            lines.append(
                .paragraph(
                    "None recorded yet. Each focal point's name, position, participation level, email and mailing-list "
                        + "membership will be listed here."
                ))
        }
        for (index, point) in points.enumerated() {
            lines.append(
                .paragraph(
                    (index == selection ? "▶ " : "• ") + "\(point.name), \(point.position) (\(point.level.rawValue)), \(point.email)"
                        + (point.emailException.map { exception in
                            " (non-corporate: an exception "
                                + (exception.until.map { exception.isExpired(on: today) ? "that ended \($0)" : "until \($0)" }
                                    ?? "with no end recorded")
                                + ")"
                        } ?? "")
                        + (point.isRCOFocalPoint == true ? ", the RCO's focal point (receives the minutes)" : "")
                        + (point.isOnMailingList ? ", on the mailing list" : ", not on the mailing list")))
        }
        return DetailView(lines: lines, labelWidth: 10)
    }

    /// What to ask the IT unit: who joins and who leaves the mailing list since the last request.
    static func mailingListChanges(_ network: NetworkState, today: LocalDate) -> DetailView {
        let last = network.mailingListRequests.last
        let delta = network.mailingListDelta(since: last)
        var lines: [DetailView.Line] = [
            .heading(
                "Mailing list changes since the last request to the "
                    + "IT unit" + (last.map { " (\($0.tashkentDate))" } ?? " (none sent yet)")),
            .field(label: "On the list", value: "\(network.mailingList.count) focal points"),
            .blank,
        ]
        if delta.isEmpty { lines.append(.paragraph("No change: nothing to ask the IT unit.")) }
        for change in delta.additions {
            // The IT unit is told which addresses are only a temporary exception, and until when.
            let exception = network.focalPoint(change.focalPointID).flatMap { point in
                point.email == change.email ? point.emailException : nil
            }
            lines.append(
                .field(
                    label: "add",
                    value: "\(change.name) <\(change.email)> · \(change.at.tashkentDate)"
                        + (exception.map { " · non-corporate, an exception " + ($0.until.map { "until \($0)" } ?? "with no end") } ?? "")))
        }
        for change in delta.removals {
            lines.append(.field(label: "remove", value: "\(change.name) <\(change.email)> · \(change.at.tashkentDate)"))
        }
        lines += [.blank, .paragraph("s marks the request sent; x writes the full list as CSV; Esc returns to the members.")]
        return DetailView(lines: lines, labelWidth: 12)
    }

    static func render(_ state: AppState, in area: Rect, buffer: inout Buffer) {
        let layout = state.layout
        if state.members.showsAccess, let network = state.network {
            renderAccess(state, network: network, in: area, buffer: &buffer)
            return
        }
        if state.members.showsMailingListChanges, let network = state.network {
            mailingListChanges(network, today: state.today).render(in: area.inset(horizontal: 1, vertical: 0), buffer: &buffer)
            return
        }
        let selection = state.members.isShowingDetail ? state.members.focalPoints.selection : nil
        if !layout.isWide && state.members.isShowingDetail, let entity = state.selectedEntity {
            detail(for: entity, network: state.network, today: state.today, selection: selection).render(
                in: area.inset(horizontal: 1, vertical: 0), buffer: &buffer)
            return
        }
        let (listArea, detailArea) = layout.listAndDetail
        let table = table(for: state)
        if table.rows.isEmpty {
            buffer.write(
                "No entity matches \"\(state.members.list.filterText)\". Esc clears the filter.", x: listArea.x, y: listArea.y + 1,
                maxWidth: listArea.width, style: .dim)
        }
        table.render(in: listArea, buffer: &buffer)
        if !detailArea.isEmpty, let entity = state.selectedEntity {
            for y in detailArea.y..<detailArea.maxY { buffer.write("│", x: detailArea.x - 1, y: y, style: .dim) }
            detail(for: entity, network: state.network, today: state.today, selection: selection).render(
                in: detailArea.inset(horizontal: 1, vertical: 0), buffer: &buffer)
        }
    }

    /// Who may act: the roster, by login.
    static func renderAccess(_ state: AppState, network: NetworkState, in area: Rect, buffer: inout Buffer) {
        let grants = state.sortedGrants
        let heading =
            network.isSandbox
            ? "Access: a sandbox — anyone may take any role here"
            : "Access: \(grants.count) login\(grants.count == 1 ? "" : "s") may act · n grant · X revoke · Esc back"
        buffer.write(heading, x: area.x, y: area.y, maxWidth: area.width, style: .title)
        let table = Table(
            columns: [
                TableColumn("Login", width: .fixed(14)),
                TableColumn("Name", width: .flexible(minimum: 16)),
                TableColumn("Entity", width: .fixed(9)),
                TableColumn("Role", width: .fixed(11)),
                TableColumn("SSH key", width: .fixed(22), dropOrder: 1),
            ],
            rows: grants.map { grant in
                let key = grant.key.map { $0.split(separator: " ").dropFirst(2).joined(separator: " ") } ?? "—"
                return [grant.login, grant.name, grant.entity.rawValue, grant.role.rawValue, key.isEmpty ? "on file" : key]
            },
            selected: grants.isEmpty ? nil : state.members.access.selection, offset: state.members.access.offset)
        if grants.isEmpty {
            buffer.write(
                "No grants yet: this journal is from before the roster.", x: area.x, y: area.y + 3, maxWidth: area.width, style: .dim)
        }
        table.render(in: Rect(x: area.x, y: area.y + 2, width: area.width, height: area.height - 2), buffer: &buffer)
    }
}
