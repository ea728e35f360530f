import Foundation

/// A realistic sample network, 2025–2026, built through the domain's own commands so that it
/// obeys every rule: quarterly meetings (one quarter missed, one requested meeting, virtual and
/// hybrid ones), attendance and minutes, open, done and overdue action points, endorsed 2025
/// and 2026 work plans with progress histories, consensus items in every status (a pending
/// admission, one held by an objection), and focal points with Uzbek Latin and Cyrillic names.
public enum SampleNetwork {
    /// The sample's secretariat, chair and co-chair.
    public static let secretariat = Operator(name: "Dilnoza Yusupova", entity: "IOM", role: .secretariat)
    public static let chair = Operator(name: "Laura Bianchi", entity: "IOM", role: .chair)
    public static let coChair = Operator(name: "Samuel Okoro", entity: "UNRC", role: .coChair)

    /// The focal points: entity, name, position, level, email, and (for the one exception) why
    /// a non-corporate address is allowed.
    static let focalPoints: [(EntityCode, String, String, FocalPoint.Level, String, String?)] = [
        ("IOM", "Dilnoza Yusupova", "National Programme Officer", .projectManager, "dyusupova@iom.int", nil),
        ("IOM", "Laura Bianchi", "Chief of Mission", .deputyHead, "lbianchi@iom.int", nil),
        ("UNRC", "Samuel Okoro", "Resident Coordinator", .deputyHead, "samuel.okoro@un.org", nil),
        ("UNRC", "Shahnoza Gʻulomova", "Development Coordination Officer", .seniorProgrammeManager, "shahnoza.gulomova@un.org", nil),
        ("FAO", "Bekzod Tursunov", "Assistant FAO Representative", .deputyHead, "bekzod.tursunov@fao.org", nil),
        ("ILO", "Azizbek Rahimov", "National Project Coordinator", .projectManager, "rahimov@ilo.org", nil),
        ("UNAIDS", "Нодира Саидова", "Country Director", .deputyHead, "saidovan@unaids.org", nil),
        ("OHCHR", "Madina Xolmatova", "Human Rights Officer", .projectManager, "mxolmatova@ohchr.org", nil),
        ("UNICEF", "Gulnora Karimova", "Child Protection Specialist", .seniorProgrammeManager, "gkarimova@unicef.org", nil),
        ("UNICEF", "Ўлмас Жўраев", "Social Policy Officer", .projectManager, "ujuraev@unicef.org", nil),
        ("UNDP", "Sardor Oʻrinboyev", "Programme Analyst", .projectManager, "sardor.orinboyev@undp.org", nil),
        ("UNESCO", "Lola Nazarova", "Education Programme Officer", .projectManager, "l.nazarova@unesco.org", nil),
        ("UN Women", "Феруза Исмоилова", "Programme Specialist", .seniorProgrammeManager, "feruza.ismoilova@unwomen.org", nil),
        ("UNHCR", "Jahongir Qodirov", "Protection Associate", .projectManager, "qodirov@unhcr.org", nil),
        ("UNDRR", "Kamola Ergasheva", "Programme Officer", .projectManager, "kamola.ergasheva@undrr.org", nil),
        ("UNODC", "Шерзод Мирзаев", "National Programme Coordinator", .projectManager, "sherzod.mirzaev@un.org", nil),
        (
            "UNFPA", "Zarina Olimova", "Assistant Representative", .deputyHead, "zarina.olimova.uz@gmail.com",
            "Corporate account suspended during UNFPA's tenant migration; verified by phone with the UNFPA office"
        ),
        ("WB", "Rustam Hakimov", "Senior Social Protection Specialist", .seniorProgrammeManager, "rhakimov@worldbank.org", nil),
        ("WHO", "Jasur Ergashev", "Health Systems Officer", .projectManager, "ergashevj@who.int", nil),
    ]

    /// The events of the sample network, founding first, as the journal would hold them.
    /// - Parameter sandbox: mark the network a sandbox, as `unmn init --demo` does (anyone may
    ///   take any role in it).
    public static func batches(entities: [MemberEntity], emailPolicy: EmailPolicy, sandbox: Bool = false) throws(CommandRejection)
        -> [EventBatch]
    {
        var builder = Builder(entities: entities, policy: emailPolicy, sandbox: sandbox)
        try builder.build()
        return try builder.inChronologicalOrder()
    }

    struct Builder {
        var state: NetworkState
        var batches: [EventBatch]
        var memberOperators: [EntityCode: Operator] = [:]
        /// The state after founding: where the chronological replay starts.
        let founded: NetworkState

        init(entities: [MemberEntity], policy: EmailPolicy, sandbox: Bool) {
            let founding = NetworkState.founding(
                entities: entities, emailPolicy: policy, by: SampleNetwork.secretariat,
                at: Instant(tashkent: LocalDate(year: 2025, month: 1, day: 6)!, hour: 9), sandbox: sandbox)
            state = founding.state
            founded = founding.state
            batches = [founding.batch]
        }

        /// The commands decided again in the order of their dates, as a real journal holds them:
        /// the builder writes the story one thread at a time (a year's progress updates together),
        /// but a journal is in the order things were recorded, and a report as of a date replays
        /// the records up to the first one written after it.
        func inChronologicalOrder() throws(CommandRejection) -> [EventBatch] {
            var state = founded
            var ordered = [batches[0]]
            let rest = batches.dropFirst().enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }
            for (_, batch) in rest {
                guard let command = batch.command else { continue }
                let decided = try state.decide(command, context: CommandContext(operator: batch.operator, now: batch.at))
                state.apply(decided)
                ordered.append(decided)
            }
            return ordered
        }

        static func day(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }

        mutating func run(_ command: Command, as op: Operator = SampleNetwork.secretariat, on iso: String, hour: Int = 11)
            throws(CommandRejection)
        {
            let batch = try state.decide(command, context: CommandContext(operator: op, now: Instant(tashkent: Self.day(iso), hour: hour)))
            state.apply(batch)
            batches.append(batch)
        }

        func memberOperator(_ code: EntityCode) -> Operator {
            memberOperators[code] ?? Operator(name: "\(code) focal point", entity: code, role: .member)
        }

        mutating func build() throws(CommandRejection) {
            try members()
            try year2025()
            try year2026()
        }

        mutating func members() throws(CommandRejection) {
            for (entity, name, position, level, email, reason) in SampleNetwork.focalPoints {
                try run(
                    .addFocalPoint(
                        FocalPointDraft(
                            entity: entity, name: name, position: position, level: level, email: email,
                            isOnMailingList: true, exceptionReason: reason,
                            // The RCO's nominee for the network receives the minutes for its archive.
                            isRCOFocalPoint: position == "Development Coordination Officer")), on: "2025-01-10")
                if memberOperators[entity] == nil { memberOperators[entity] = Operator(name: name, entity: entity, role: .member) }
            }
            try run(.markMailingListRequestSent, on: "2025-01-13")
        }

        // MARK: 2025

        mutating func year2025() throws(CommandRejection) {
            try run(.draftWorkPlan(year: 2025), on: "2025-01-15")
            let actions: [(String, String, EntityCode, [EntityCode], String, String, Decimal, Decimal, KeyAction.FundingSource, Set<Int>)] =
                [
                    (
                        "2025-01", "Baseline study of labour migration flows", "IOM", ["WB"], "2025-02-01", "2025-09-30", 120_000, 120_000,
                        .migrationMPTF, [1]
                    ),
                    (
                        "2025-02", "Fair recruitment training for private employment agencies", "ILO", ["IOM"], "2025-03-01", "2025-11-30",
                        80_000, 65_000, .coreFunds, [6]
                    ),
                    (
                        "2025-03", "Psychosocial support for children left behind", "UNICEF", ["UNFPA"], "2025-01-15", "2025-12-31",
                        150_000, 110_000, .donor("European Union"), [7, 16]
                    ),
                    (
                        "2025-04", "Awareness campaign on safe migration", "IOM", ["UN Women", "UNODC"], "2025-04-01", "2025-10-31", 60_000,
                        60_000, .coreFunds, [3, 10]
                    ),
                    (
                        "2025-05", "Migrant health access assessment", "WHO", ["UNAIDS"], "2025-05-01", "2025-12-15", 70_000, 35_000,
                        .coreFunds, [15]
                    ),
                    ("2025-06", "Consular protection dialogue", "UNDP", ["OHCHR"], "2025-06-01", "2025-12-31", 40_000, 0, .unfunded, [14]),
                ]
            for (code, title, lead, participants, starts, ends, required, funded, source, gcm) in actions {
                try run(
                    .addKeyAction(
                        year: 2025,
                        KeyActionDraft(
                            code: code, title: title, description: "\(title), agreed in the 2025 annual work plan.",
                            lead: lead, participants: participants, starts: Self.day(starts), ends: Self.day(ends),
                            budgetRequired: required, budgetFunded: funded, fundingSource: source, gcmObjectives: gcm,
                            cooperationFrameworkOutcome: "UNSDCF Outcome 4: governance and rule of law")), on: "2025-01-20")
            }
            try run(
                .openItem(
                    ConsensusItemDraft(
                        title: "Endorsement of the 2025 annual work plan",
                        text: "The members are invited to endorse the 2025 AWP of six key actions as circulated on 20 January 2025.",
                        kind: .workPlanEndorsement(year: 2025), raisedAt: .writtenConsultation, deadline: Self.day("2025-03-10"))),
                on: "2025-02-10")
            for (index, member) in state.members.enumerated() {
                try run(
                    .recordPosition(item: "UNMN/2025/001", entity: member.code, .agree, source: .email),
                    on: index < 10 ? "2025-02-20" : "2025-03-05")
            }

            // Q1: regular, in person; the AWP is endorsed at the meeting.
            try meeting(
                MeetingDraft(
                    kind: .regular, date: Self.day("2025-03-12"), startMinute: 600, location: "UN House, 4 Taras Shevchenko St, Tashkent",
                    mode: .inPerson),
                scheduledOn: "2025-02-17",
                agenda: [
                    (
                        "Endorsement of the 2025 annual work plan",
                        "The secretariat presented the six key actions. All members had agreed in writing; the chair declared "
                            + "the plan endorsed."
                    ),
                    (
                        "Updates from members",
                        "UNICEF briefed on children left behind by migrating parents; ILO on the new recruitment regulations."
                    ),
                    ("Any other business", "The network will meet once per quarter, on the second or third Wednesday of the last month."),
                ], absent: [], apologies: ["WB"])
            try run(
                .adoptItem("UNMN/2025/001", statement: "The members endorse the 2025 annual work plan by consensus."),
                as: SampleNetwork.chair, on: "2025-03-12", hour: 12)
            try run(
                .recordMeetingDecision(
                    meeting: "MTG/2025/01", Meeting.Decision(text: "The 2025 annual work plan is endorsed.", item: "UNMN/2025/001")),
                on: "2025-03-13")
            try run(
                .addActionPoint(
                    meeting: "MTG/2025/01", text: "Circulate the endorsed AWP to the UN Country Team", responsible: ["IOM"],
                    due: Self.day("2025-03-31")), on: "2025-03-13")
            try run(
                .addActionPoint(
                    meeting: "MTG/2025/01", text: "Share the recruitment regulations analysis", responsible: ["ILO"],
                    due: Self.day("2025-05-31")), on: "2025-03-13")
            try finaliseAndShare("MTG/2025/01", finalise: "2025-03-20", share: "2025-03-25")
            try run(.updateActionPoint("AP/2025/001", status: .done, note: "Sent to the UNCT on 28 March."), on: "2025-03-28")
            try run(
                .updateActionPoint("AP/2025/002", status: .done, note: "Analysis shared by email."), as: memberOperator("ILO"),
                on: "2025-05-20")

            try progress2025([
                "2025-01": [(30, .onTrack, "2025-04-15"), (70, .onTrack, "2025-07-10"), (100, .completed, "2025-09-30")],
                "2025-02": [(25, .onTrack, "2025-05-05"), (60, .delayed, "2025-08-20"), (100, .completed, "2025-12-05")],
            ])

            // Q2: regular, hybrid.
            try meeting(
                MeetingDraft(
                    kind: .regular, date: Self.day("2025-06-18"), startMinute: 600, location: "UN House, Tashkent, and Microsoft Teams",
                    mode: .hybrid,
                    modeReason: "absence of several members from the duty station"),
                scheduledOn: "2025-05-26",
                agenda: [
                    ("Mid-year review of the AWP", "Two actions on track; the consular dialogue remains unfunded."),
                    ("Data sharing", "IOM and the World Bank presented the baseline study's first findings."),
                ], absent: ["UNESCO"], apologies: ["UNAIDS", "UNDRR"])
            try run(
                .addActionPoint(
                    meeting: "MTG/2025/02", text: "Draft a resource mobilisation note for the consular dialogue",
                    responsible: ["UNDP", "IOM"], due: Self.day("2025-09-30")), on: "2025-06-19")
            try finaliseAndShare("MTG/2025/02", finalise: "2025-06-25", share: "2025-07-01")
            try run(
                .updateActionPoint("AP/2025/003", status: .done, note: "Note submitted to the Migration MPTF pipeline."), on: "2025-09-22")

            // Q3: no regular meeting (missed); a meeting requested by ILO and UNICEF, virtual.
            try meeting(
                MeetingDraft(
                    kind: .requested(by: ["ILO", "UNICEF"]), date: Self.day("2025-09-24"), startMinute: 900, location: "Zoom",
                    mode: .virtual,
                    modeReason: "called at short notice; most members travelling"),
                scheduledOn: "2025-09-15",
                agenda: [
                    (
                        "Returns of migrant workers and their families",
                        "ILO and UNICEF described the rise in returns and the needs of returning children."
                    )
                ], absent: ["WB", "UNESCO", "UNDRR"], apologies: ["FAO"])
            try finaliseAndShare("MTG/2025/03", finalise: "2025-09-30", share: "2025-10-02")

            try run(
                .openItem(
                    ConsensusItemDraft(
                        title: "Rotating the meeting venue among member agencies",
                        text: "Meetings would rotate among the premises of member agencies instead of UN House.",
                        kind: .workingMethod, raisedAt: .meeting("MTG/2025/03"), deadline: Self.day("2025-11-14"))), on: "2025-10-06")
            try run(
                .recordPosition(
                    item: "UNMN/2025/002", entity: "UN Women",
                    .object(reason: "Our premises cannot host 30 people and are not accessible."), source: .email), on: "2025-10-20")
            try run(.recordPosition(item: "UNMN/2025/002", entity: "FAO", .standAside(reason: nil), source: .phone), on: "2025-10-22")
            try run(
                .rejectItem("UNMN/2025/002", statement: "Not adopted: UN Women's objection stands; meetings stay at UN House."),
                as: SampleNetwork.chair, on: "2025-11-17")

            // Q4: regular, virtual.
            try meeting(
                MeetingDraft(
                    kind: .regular, date: Self.day("2025-12-10"), startMinute: 600, location: "Microsoft Teams", mode: .virtual,
                    modeReason: "health: seasonal influenza advisory"),
                scheduledOn: "2025-11-20",
                agenda: [
                    ("Results of 2025", "Four of six key actions completed; the consular dialogue is carried over."),
                    ("Preparing the 2026 work plan", "Members to send proposals for key actions by 15 January 2026."),
                ], absent: [], apologies: ["OHCHR"])
            try run(
                .addActionPoint(
                    meeting: "MTG/2025/04", text: "Send key-action proposals for 2026", responsible: ["FAO", "ILO", "UNICEF", "WHO"],
                    due: Self.day("2026-01-15")), on: "2025-12-11")
            try finaliseAndShare("MTG/2025/04", finalise: "2025-12-17", share: "2025-12-19")

            // An extraordinary meeting called off: it stays in the record as cancelled, with why.
            try run(
                .scheduleMeeting(
                    MeetingDraft(
                        kind: .extraordinary, date: Self.day("2025-12-03"), startMinute: 900, location: "Microsoft Teams",
                        mode: .virtual, modeReason: "called at short notice; members away from the duty station")),
                on: "2025-11-24")
            try run(
                .cancelMeeting("MTG/2025/05", reason: "The 2026 proposals will be taken up at the regular meeting on 10 December."),
                on: "2025-11-28")
            try run(.updateActionPoint("AP/2025/004", status: .done, note: "Eleven proposals received."), on: "2026-01-16")

            try progress2025([
                "2025-03": [(40, .onTrack, "2025-06-01"), (100, .completed, "2025-12-20")],
                "2025-04": [(50, .onTrack, "2025-06-10"), (100, .completed, "2025-10-31")],
                "2025-05": [(20, .atRisk, "2025-08-01"), (65, .delayed, "2025-12-15")],
                "2025-06": [(0, .cancelled, "2025-11-01")],
            ])
            try run(.closeWorkPlan(year: 2025, on: Self.day("2026-01-20")), on: "2026-01-20")
        }

        mutating func progress2025(_ updates: [String: [(Int, KeyAction.Status, String)]]) throws(CommandRejection) {
            for code in updates.keys.sorted() {
                let lead = state.workPlans[2025]!.actions.first { $0.code == code }!.lead
                for (percent, status, on) in updates[code]! {
                    try run(
                        .recordProgress(year: 2025, code: code, percent: percent, status: status, note: note(for: status)),
                        as: memberOperator(lead), on: on)
                }
            }
        }

        func note(for status: KeyAction.Status) -> String {
            switch status {
            case .notStarted: return "Awaiting funds."
            case .onTrack: return "Activities proceeding as planned."
            case .atRisk: return "Funding gap; partners consulted."
            case .delayed: return "Procurement slipped by a quarter."
            case .completed: return "Completed; report shared with the network."
            case .cancelled: return "Cancelled for lack of funding; carried over."
            }
        }

        // MARK: 2026

        mutating func year2026() throws(CommandRejection) {
            try run(.draftWorkPlan(year: 2026), on: "2026-01-19")
            let mou = "UNSDCF 2021–2025 Outcome 4 (extended): governance and rule of law"
            let actions: [(String, String, EntityCode, [EntityCode], String, String, Decimal, Decimal, KeyAction.FundingSource, Set<Int>)] =
                [
                    (
                        "2026-01", "National protocol for sharing labour-migration data", "IOM", ["UNDP", "WB"], "2026-01-15", "2026-12-15",
                        150_000, 120_000, .migrationMPTF, [1, 23]
                    ),
                    (
                        "2026-02", "Pre-departure orientation for migrant workers", "ILO", [], "2026-02-01", "2026-11-30", 200_000, 200_000,
                        .coreFunds, [3, 6]
                    ),
                    (
                        "2026-03", "Child-sensitive return and reintegration services", "UNICEF", ["IOM", "UNHCR"], "2026-01-15",
                        "2026-11-20", 180_000, 90_000, .donor("European Union"), [7, 21]
                    ),
                    (
                        "2026-04", "National referral mechanism for victims of trafficking", "UNODC", ["IOM", "OHCHR"], "2026-02-01",
                        "2026-09-30", 130_000, 100_000, .migrationMPTF, [10]
                    ),
                    (
                        "2026-05", "Access to health screening for returning migrants", "WHO", ["UNAIDS", "IOM"], "2026-03-01",
                        "2026-12-31", 95_000, 60_000, .coreFunds, [15]
                    ),
                    (
                        "2026-06", "Economic empowerment of women migrant workers", "UN Women", ["ILO", "UNDP"], "2026-02-15", "2026-12-31",
                        120_000, 60_000, .donor("Government of Japan"), [6, 16]
                    ),
                    (
                        "2026-07", "Pilot of digital remittance channels", "UNDP", ["WB"], "2026-01-15", "2026-06-30", 75_000, 75_000,
                        .migrationMPTF, [20]
                    ),
                    (
                        "2026-08", "Legal identity documents for stateless migrants", "UNHCR", ["UNICEF"], "2026-03-01", "2026-12-31",
                        90_000, 90_000, .coreFunds, [4]
                    ),
                    (
                        "2026-09", "Climate-induced mobility in the Aral Sea region", "UNDRR", ["FAO", "UNDP"], "2026-10-01", "2026-12-31",
                        110_000, 20_000, .unfunded, [2]
                    ),
                    (
                        "2026-10", "Recognition of returnees' skills and qualifications", "UNESCO", ["ILO"], "2026-03-01", "2026-11-15",
                        85_000, 50_000, .coreFunds, [18]
                    ),
                    (
                        "2026-11", "Human-rights-based border management training", "OHCHR", ["IOM"], "2026-04-01", "2026-10-31", 60_000, 0,
                        .unfunded, [11, 17]
                    ),
                    (
                        "2026-12", "Migrant-inclusive HIV prevention services", "UNAIDS", ["WHO", "UNFPA"], "2026-02-01", "2026-12-31",
                        70_000, 40_000, .coreFunds, [15]
                    ),
                ]
            for (code, title, lead, participants, starts, ends, required, funded, source, gcm) in actions {
                try run(
                    .addKeyAction(
                        year: 2026,
                        KeyActionDraft(
                            code: code, title: title, description: "\(title). Lead: \(lead).", lead: lead, participants: participants,
                            starts: Self.day(starts), ends: Self.day(ends), budgetRequired: required, budgetFunded: funded,
                            fundingSource: source, gcmObjectives: gcm, cooperationFrameworkOutcome: mou)), on: "2026-01-26")
            }
            try run(
                .openItem(
                    ConsensusItemDraft(
                        title: "Endorsement of the 2026 annual work plan",
                        text: "The members are invited to endorse the 2026 AWP of twelve key actions.",
                        kind: .workPlanEndorsement(year: 2026), raisedAt: .writtenConsultation, deadline: Self.day("2026-03-06"))),
                on: "2026-02-02")
            for member in state.members {
                let position: Position = member.code == "WB" ? .standAside(reason: nil) : .agree
                let op = ["UNICEF", "ILO", "WHO"].contains(member.code) ? memberOperator(member.code) : SampleNetwork.secretariat
                try run(
                    .recordPosition(item: "UNMN/2026/001", entity: member.code, position, source: op.role == .member ? .console : .email),
                    as: op, on: "2026-02-20")
            }

            // Q1 2026: regular, in person; the 2026 plan is endorsed by adopting UNMN/2026/001.
            try meeting(
                MeetingDraft(
                    kind: .regular, date: Self.day("2026-03-11"), startMinute: 600, location: "UN House, Tashkent", mode: .inPerson),
                scheduledOn: "2026-02-16",
                agenda: [
                    (
                        "Endorsement of the 2026 annual work plan",
                        "All members consulted; the World Bank stands aside on the remittance pilot's scope."
                    ),
                    ("Returning migrants", "IOM, UNICEF and UNHCR agreed a joint approach to reintegration."),
                ], absent: [], apologies: ["UNESCO"])
            try run(
                .adoptItem("UNMN/2026/001", statement: "The 2026 annual work plan is endorsed by consensus; the World Bank stands aside."),
                as: SampleNetwork.chair, on: "2026-03-11", hour: 12)
            try run(
                .recordMeetingDecision(
                    meeting: "MTG/2026/01", Meeting.Decision(text: "The 2026 annual work plan is endorsed.", item: "UNMN/2026/001")),
                on: "2026-03-12")
            try run(
                .addActionPoint(
                    meeting: "MTG/2026/01", text: "Publish the 2026 AWP on the UNCT SharePoint", responsible: ["IOM"],
                    due: Self.day("2026-03-31")), on: "2026-03-12")
            try run(
                .addActionPoint(
                    meeting: "MTG/2026/01", text: "Map migration data sources held by each agency", responsible: ["IOM", "UNDP", "WB"],
                    due: Self.day("2026-06-30")), on: "2026-03-12")
            // Guests: the government and civil society, recorded in the minutes.
            for guest in [
                Meeting.Guest(name: "Dilshod Akbarov", organisation: "Ministry of Employment and Poverty Reduction", role: "speaker"),
                Meeting.Guest(name: "Malika Yunusova", organisation: "Ishonch, a migrant workers' association", role: "observer"),
            ] {
                try run(.addGuest(meeting: "MTG/2026/01", guest), on: "2026-03-11", hour: 16)
            }
            try finaliseAndShare("MTG/2026/01", finalise: "2026-03-18", share: "2026-03-20")
            try run(.updateActionPoint("AP/2026/001", status: .done, note: "Published."), on: "2026-03-30")

            try run(
                .openItem(
                    ConsensusItemDraft(
                        title: "Joint mapping of migration data sources",
                        text: "Members share an inventory of their migration data sources by 30 June.",
                        kind: .general, raisedAt: .meeting("MTG/2026/01"), deadline: Self.day("2026-06-12"))), on: "2026-04-06")
            for member in state.members {
                try run(.recordPosition(item: "UNMN/2026/002", entity: member.code, .agree, source: .email), on: "2026-05-15")
            }
            try run(
                .openItem(
                    ConsensusItemDraft(
                        title: "Network retreat in Samarkand", text: "A two-day retreat to review the network's working methods.",
                        kind: .workingMethod, raisedAt: .writtenConsultation, deadline: Self.day("2026-06-30"))), on: "2026-05-04")
            try run(.recordPosition(item: "UNMN/2026/003", entity: "UNDP", .agree, source: .email), on: "2026-05-12")

            // Q2 2026: regular, hybrid.
            try meeting(
                MeetingDraft(
                    kind: .regular, date: Self.day("2026-06-17"), startMinute: 570, location: "UN House, Tashkent, and Microsoft Teams",
                    mode: .hybrid,
                    modeReason: "absence of members from the duty station"),
                scheduledOn: "2026-05-25",
                agenda: [
                    ("Data sources inventory", "Agreed by all members in writing; the chair adopted the item."),
                    ("Mid-year progress", "The remittance pilot is completed; the trafficking referral mechanism is delayed."),
                ], absent: ["UNDRR"], apologies: ["FAO", "UNFPA"])
            try run(
                .adoptItem("UNMN/2026/002", statement: "Adopted: members will share their data-source inventories by 30 June."),
                as: SampleNetwork.coChair, on: "2026-06-17", hour: 12)
            try run(
                .recordMeetingDecision(
                    meeting: "MTG/2026/02",
                    Meeting.Decision(text: "Members share inventories of migration data sources.", item: "UNMN/2026/002")), on: "2026-06-18"
            )
            try run(
                .addActionPoint(
                    meeting: "MTG/2026/02", text: "Consolidate the data-source inventories", responsible: ["IOM"],
                    due: Self.day("2026-10-31"), implements: "UNMN/2026/002"), on: "2026-06-18")
            try run(
                .addActionPoint(
                    meeting: "MTG/2026/02", text: "Propose a venue for a network retreat", responsible: ["UNDP"],
                    due: Self.day("2026-08-31")), on: "2026-06-18")
            try finaliseAndShare("MTG/2026/02", finalise: "2026-06-24", share: "2026-06-26")
            try run(
                .withdrawItem("UNMN/2026/003", statement: "Withdrawn by the secretariat: no budget for a retreat in 2026."),
                as: SampleNetwork.chair, on: "2026-07-01")
            try run(.updateActionPoint("AP/2026/004", status: .dropped, note: "The retreat item was withdrawn."), on: "2026-07-02")

            try run(
                .openItem(
                    ConsensusItemDraft(
                        title: "Common messages on labour migration to the Republic of Korea",
                        text: "Shared key messages for members' communications on the Employment Permit System.",
                        kind: .jointStatement, raisedAt: .writtenConsultation, deadline: Self.day("2026-09-30"))), on: "2026-08-10")
            try run(
                .recordPosition(item: "UNMN/2026/004", entity: "ILO", .agree, source: .console), as: memberOperator("ILO"), on: "2026-08-20"
            )
            try run(.recordPosition(item: "UNMN/2026/004", entity: "IOM", .agree, source: .email), on: "2026-08-21")

            // Q3 2026: regular, in person; finalised, not yet shared with the RCO.
            try meeting(
                MeetingDraft(
                    kind: .regular, date: Self.day("2026-09-16"), startMinute: 600, location: "UN House, Tashkent", mode: .inPerson),
                scheduledOn: "2026-08-24",
                agenda: [
                    ("Key messages on labour migration to Korea", "Members need more time to consult their headquarters."),
                    (
                        "Work plan progress",
                        "Three actions are late: the referral mechanism, skills recognition and the climate-mobility study."
                    ),
                ], absent: [], apologies: ["WB", "UNAIDS"])
            try run(
                .deferItem(
                    "UNMN/2026/004", newDeadline: Self.day("2027-01-29"), statement: "Deferred at members' request to consult headquarters."
                ), as: SampleNetwork.chair, on: "2026-09-16", hour: 12)
            try run(
                .addActionPoint(
                    meeting: "MTG/2026/03", text: "Send headquarters' comments on the key messages",
                    responsible: ["ILO", "UN Women", "UNDP"], due: Self.day("2026-12-31")), on: "2026-09-17")
            try finaliseAndShare("MTG/2026/03", finalise: "2026-09-25", share: nil)

            // The endorsed plan revised: the climate-mobility study starts a month later, a change of
            // timeframe the members have yet to endorse.
            let study = state.workPlans[2026]!.actions.first { $0.code == "2026-09" }!
            var later = KeyActionDraft(study)
            later.starts = Self.day("2026-11-02")
            try run(
                .editKeyAction(
                    year: 2026, code: "2026-09", Edit(from: KeyActionDraft(study), to: later, basedOn: state.batchCount),
                    revision: "The field survey waits for the end of the cotton harvest."), on: "2026-07-20")

            // The 2026 progress histories.
            let updates: [(String, [(Int, KeyAction.Status, String)])] = [
                ("2026-01", [(20, .onTrack, "2026-04-10"), (45, .onTrack, "2026-07-15"), (60, .onTrack, "2026-10-20")]),
                ("2026-02", [(30, .onTrack, "2026-04-30"), (55, .atRisk, "2026-08-31"), (70, .delayed, "2026-11-10")]),
                ("2026-03", [(15, .onTrack, "2026-04-20"), (35, .atRisk, "2026-09-30")]),
                ("2026-04", [(10, .onTrack, "2026-04-15"), (20, .delayed, "2026-07-01")]),
                ("2026-05", [(25, .onTrack, "2026-06-01"), (50, .onTrack, "2026-10-01")]),
                ("2026-06", [(20, .onTrack, "2026-05-20"), (45, .onTrack, "2026-10-15")]),
                ("2026-07", [(60, .onTrack, "2026-04-01"), (100, .completed, "2026-06-30")]),
                ("2026-08", [(40, .onTrack, "2026-06-15"), (70, .onTrack, "2026-10-30")]),
                ("2026-10", [(15, .delayed, "2026-08-01")]),
                ("2026-11", [(0, .cancelled, "2026-05-15")]),
                ("2026-12", [(10, .onTrack, "2026-04-01"), (25, .atRisk, "2026-09-01")]),
            ]
            for (code, steps) in updates {
                let lead = state.workPlans[2026]!.actions.first { $0.code == code }!.lead
                for (percent, status, on) in steps {
                    try run(
                        .recordProgress(year: 2026, code: code, percent: percent, status: status, note: note(for: status)),
                        as: memberOperator(lead), on: on)
                }
            }

            // Membership changes: a focal point replaced (so the next mailing-list request has changes).
            try run(.retireFocalPoint(id: "FP-0015", on: Self.day("2026-10-05")), on: "2026-10-05")
            try run(
                .addFocalPoint(
                    FocalPointDraft(
                        entity: "UNDRR", name: "Иброҳим Раҳимов", position: "Disaster Risk Reduction Officer", level: .projectManager,
                        email: "ibrokhim.rakhimov@undrr.org")), on: "2026-10-06")

            // A pending admission, and a joint statement held by an objection.
            try run(
                .proposeAdmission(
                    code: "UNOPS", fullName: "United Nations Office for Project Services",
                    text:
                        "UNOPS, a signatory of the Cooperation Framework, asks to join the network to support infrastructure "
                        + "for border crossing points.",
                    deadline: Self.day("2026-12-15"), raisedAt: .meeting("MTG/2026/03")), on: "2026-11-02")
            for code: EntityCode in ["IOM", "UNRC", "UNDP", "UNHCR", "WHO", "FAO"] {
                try run(.recordPosition(item: "UNMN/2026/005", entity: code, .agree, source: .email), on: "2026-11-12")
            }
            try run(
                .openItem(
                    ConsensusItemDraft(
                        title: "Joint statement for International Migrants Day 2026",
                        text:
                            "On 18 December the network will call for safe, orderly and regular pathways for Uzbek migrant "
                            + "workers and their families.",
                        kind: .jointStatement, raisedAt: .writtenConsultation, deadline: Self.day("2026-12-05"))), on: "2026-11-10")
            for member in state.members where !["ILO", "UNDRR", "WB", "UNESCO"].contains(member.code) {
                try run(.recordPosition(item: "UNMN/2026/006", entity: member.code, .agree, source: .email), on: "2026-11-18")
            }
            try run(
                .recordPosition(
                    item: "UNMN/2026/006", entity: "ILO",
                    .object(reason: "The text should cite ILO Conventions 97 and 143 on migrant workers."), source: .console),
                as: memberOperator("ILO"), on: "2026-11-20")

            // Q4 2026: scheduled, still to come.
            try run(
                .scheduleMeeting(
                    MeetingDraft(
                        kind: .regular, date: Self.day("2026-12-09"), startMinute: 600, location: "UN House, Tashkent", mode: .inPerson)),
                on: "2026-11-16")
            try run(.addAgendaItem(meeting: "MTG/2026/04", title: "Joint statement for International Migrants Day"), on: "2026-11-16")
            try run(.addAgendaItem(meeting: "MTG/2026/04", title: "Admission of UNOPS"), on: "2026-11-16")
            try run(.addAgendaItem(meeting: "MTG/2026/04", title: "Preparing the 2027 work plan"), on: "2026-11-16")

            // Progress reports sent to the UNCT; the 2026 Q3 report is still to go.
            for (period, day) in [("2025Q4", "2026-01-12"), ("2026Q1", "2026-04-08"), ("2026Q2", "2026-07-08")] {
                try run(.recordReportSent(period: period, on: Self.day(day)), on: day, hour: 15)
            }

            // The silence procedure, a working method common in the UN system: four members stay
            // silent past the deadline and count as not objecting.
            try run(
                .openItem(
                    ConsensusItemDraft(
                        title: "Network input to the UNCT's Common Country Analysis update",
                        text:
                            "The secretariat sends the RCO a two-page note on migration trends and the network's work plan for "
                            + "the 2026 update of the Common Country Analysis.",
                        kind: .general, raisedAt: .writtenConsultation, deadline: Self.day("2026-11-25"), underSilence: true)),
                on: "2026-11-11")
            for member in state.members where !["UNDRR", "WB", "UNESCO", "UNODC"].contains(member.code) {
                try run(.recordPosition(item: "UNMN/2026/007", entity: member.code, .agree, source: .email), on: "2026-11-17")
            }
            try run(
                .adoptItem("UNMN/2026/007", statement: "Adopted under silence: the secretariat sends the note to the RCO."),
                as: SampleNetwork.chair, on: "2026-11-26")
        }

        // MARK: Meetings

        /// Schedules a meeting and records its agenda, minutes and attendance: every member
        /// present (its focal points) except those absent or sending apologies.
        mutating func meeting(
            _ draft: MeetingDraft, scheduledOn: String, agenda: [(String, String)], absent: [EntityCode], apologies: [EntityCode]
        ) throws(CommandRejection) {
            try run(.scheduleMeeting(draft), on: scheduledOn)
            let reference = state.meetings.last!.reference
            let held = draft.date.description
            for (index, (title, minutes)) in agenda.enumerated() {
                try run(.addAgendaItem(meeting: reference, title: title), on: scheduledOn)
                try run(.writeMinutes(meeting: reference, item: index, text: minutes), on: held, hour: 16)
            }
            for member in state.members {
                let attendance: Meeting.Attendance
                if absent.contains(member.code) {
                    attendance = .absent
                } else if apologies.contains(member.code) {
                    attendance = .apologies
                } else {
                    attendance = .present(focalPoints: state.activeFocalPoints(of: member.code).map(\.id))
                }
                try run(.recordAttendance(meeting: reference, entity: member.code, attendance), on: held, hour: 16)
            }
        }

        mutating func finaliseAndShare(_ reference: MeetingReference, finalise: String, share: String?) throws(CommandRejection) {
            if state.meeting(reference)?.status == .draft { try run(.finaliseMinutes(reference), on: finalise) }
            if let share, case .finalised? = state.meeting(reference)?.status {
                try run(.shareMinutesWithRCO(reference, on: Self.day(share)), on: share)
            }
        }
    }
}
