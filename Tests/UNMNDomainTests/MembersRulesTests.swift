import Foundation
import TestSupport
import Testing

@testable import UNMNDomain

@Suite("Focal points and the mailing list")
struct MembersRulesTests {
    @Test("Corporate addresses are the rule; the domain list is data")
    func corporate() {
        #expect(Fixture.policy.isCorporate("gulnora.karimova@unicef.org"))
        #expect(Fixture.policy.isCorporate("a.b@one.un.org"))
        #expect(!Fixture.policy.isCorporate("gulnora@gmail.com"))
        #expect(!Fixture.policy.isCorporate("x@notunicef.org"))
        #expect(EmailPolicy(corporateDomains: ["example.org"]).isCorporate("me@EXAMPLE.org"))
    }

    @Test(
        "Email addresses must be well formed",
        arguments: ["", "no-at.org", "a@b", "a b@un.org", "a@@un.org", "a@un..org", "@un.org", "a@un.o"])
    func malformed(email: String) {
        #expect(!EmailPolicy.isWellFormed(email))
    }

    @Test("A non-corporate address needs a recorded reason, and is verified by the operator")
    func exception() throws {
        var state = Fixture.founded()
        #expect(
            refusal(.addFocalPoint(Fixture.draft("Шаҳноза Ғуломова", "UNFPA", "shahnoza@gmail.com")), Fixture.secretariat, in: state)?
                .reasons
                == [
                    "shahnoza@gmail.com is not a corporate address: record why the exception is needed, or use the entity's "
                        + "corporate account"
                ])
        try state.execute(
            .addFocalPoint(
                Fixture.draft(
                    "Шаҳноза Ғуломова", "UNFPA", "shahnoza@gmail.com", reason: "Corporate account suspended during migration to new tenant")
            ),
            context: Fixture.context(Fixture.secretariat))
        #expect(
            state.focalPoints[0].emailException
                == FocalPoint.EmailException(
                    reason: "Corporate account suspended during migration to new tenant", verifiedBy: "Dilnoza Yusupova",
                    until: Fixture.today.adding(days: 90)))
    }

    @Test("ToR \"(temporary) absence of access\": an email exception ends (90 days unless given), at most a year ahead")
    func exceptionsEnd() throws {
        var state = Fixture.founded()
        var draft = Fixture.draft("Zarina Olimova", "UNFPA", "zarina.olimova.uz@gmail.com", reason: "Tenant migration")
        draft.exceptionUntil = Fixture.today.adding(days: 400)
        #expect(
            refusal(.addFocalPoint(draft), Fixture.secretariat, in: state)?.reasons == [
                "an email exception is temporary: it can end at the latest on 2027-11-29, a year from today"
            ])
        draft.exceptionUntil = Fixture.today.adding(days: -1)
        #expect(
            refusal(.addFocalPoint(draft), Fixture.secretariat, in: state)?.reasons == [
                "the email exception would end on 2026-11-28, already past"
            ])
        draft.exceptionUntil = Fixture.today.adding(days: 30)
        try state.execute(.addFocalPoint(draft), context: Fixture.context(Fixture.secretariat))
        #expect(state.expiredEmailExceptions(on: Fixture.today.adding(days: 30)).isEmpty)
        #expect(state.expiredEmailExceptions(on: Fixture.today.adding(days: 31)).map(\.name) == ["Zarina Olimova"])
        // Renewing is an edit of the end: verified again by whoever renews it.
        let point = state.focalPoints[0]
        var renewed = FocalPointDraft(point)
        renewed.exceptionUntil = Fixture.today.adding(days: 120)
        try state.execute(
            .editFocalPoint(id: point.id, Edit(from: FocalPointDraft(point), to: renewed, basedOn: state.batchCount)),
            context: Fixture.context(Fixture.secretariat))
        #expect(state.focalPoints[0].emailException?.until == Fixture.today.adding(days: 120))
    }

    @Test("ToR \"The RCO will also nominate a focal point\": one UNRC focal point is flagged, and receives the minutes")
    func rcoFocalPoint() throws {
        var state = Fixture.founded()
        var draft = Fixture.draft("Shahnoza Gʻulomova", "UNRC", "shahnoza.gulomova@un.org")
        draft.isRCOFocalPoint = true
        try state.execute(.addFocalPoint(draft), context: Fixture.context(Fixture.secretariat))
        #expect(state.rcoFocalPoint?.name == "Shahnoza Gʻulomova")
        var second = Fixture.draft("Samuel Okoro", "UNRC", "samuel.okoro@un.org")
        second.isRCOFocalPoint = true
        #expect(
            refusal(.addFocalPoint(second), Fixture.secretariat, in: state)?.reasons == [
                "Shahnoza Gʻulomova is already the RCO's focal point; edit them first to hand it over"
            ])
        var elsewhere = Fixture.draft("Rahimov", "ILO", "rahimov@ilo.org")
        elsewhere.isRCOFocalPoint = true
        #expect(
            refusal(.addFocalPoint(elsewhere), Fixture.secretariat, in: state)?.reasons == [
                "only a UNRC focal point can be the RCO's focal point"
            ])
    }

    @Test("The Overview's checks: member entities with nobody on the list, focal points below the ToR's level")
    func listCoverage() throws {
        var state = Fixture.founded()
        try state.execute(
            .addFocalPoint(Fixture.draft("Azizbek Rahimov", "ILO", "rahimov@ilo.org")), context: Fixture.context(Fixture.secretariat))
        var intern = Fixture.draft("Intern", "UNICEF", "intern@unicef.org")
        intern.level = .other
        try state.execute(.addFocalPoint(intern), context: Fixture.context(Fixture.secretariat))
        #expect(!state.membersOffTheMailingList.contains { $0.code == "ILO" || $0.code == "UNICEF" })
        #expect(state.membersOffTheMailingList.contains { $0.code == "IOM" })
        #expect(state.focalPointsBelowLevel.map(\.name) == ["Intern"])
    }

    @Test("Every reason at once: entity, name, position, email")
    func allReasons() {
        let state = Fixture.founded()
        let draft = FocalPointDraft(entity: "UNOPS", name: " ", position: "", level: .other, email: "nope")
        #expect(
            refusal(.addFocalPoint(draft), Fixture.secretariat, in: state)?.reasons
                == [
                    "UNOPS is not an entity of the network", "the name is empty", "the position (title) is empty",
                    "\"nope\" is not an email address",
                ])
    }

    @Test("An address belongs to one active focal point")
    func uniqueEmail() throws {
        var state = Fixture.founded()
        try state.execute(
            .addFocalPoint(Fixture.draft("Oʻgʻiloy Karimova", "UNICEF", "okarimova@unicef.org")),
            context: Fixture.context(Fixture.secretariat))
        #expect(
            refusal(.addFocalPoint(Fixture.draft("Other", "UNICEF", "OKarimova@unicef.org")), Fixture.secretariat, in: state)?.reasons
                == ["OKarimova@unicef.org already belongs to Oʻgʻiloy Karimova (UNICEF)"])
    }

    @Test("Trimming skips Foundation only where Foundation would trim nothing", arguments: [4, 44, 444] as [UInt64])
    func trimming(seed: UInt64) {
        var random = SeededGenerator(state: seed)
        let pool = [
            "a", "Z", "@", ".", " ", "\t", "\n", "\r", "\u{A0}", "\u{2003}", "\u{3000}", "\u{85}", "Ў", "ʻ", "\u{301}", "é", "~", "\u{7F}",
        ]
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...6, using: &random)).map { _ in pool.randomElement(using: &random)! }.joined()
            #expect(text.trimmed == text.trimmingCharacters(in: .whitespacesAndNewlines), "\(text.unicodeScalars.map(\.value))")
        }
    }

    @Test("ASCII addresses are judged well formed and corporate as the character-by-character rules judge them")
    func asciiAddressRulesMatchCharacters() {
        var random = SeededGenerator(state: 2026)
        let pieces = ["a", "Z", "0", "@", ".", "-", " ", "\t", "\r\n", "\u{7F}", "_", "un", "org", "UNICEF", "iom", "int", "é", "x"]
        let policy = EmailPolicy(corporateDomains: ["un.org", "unicef.org", "iom.int", "org"])
        var wellFormed = 0
        var corporate = 0
        for _ in 0..<5_000 {
            func run() -> String { (0..<Int.random(in: 0...3, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined() }
            // Mostly shaped like an address, so that both verdicts are often yes.
            let email = run() + (Bool.random(using: &random) ? "@" : "") + run() + "." + run()
            let verdict = EmailPolicy.isWellFormed(email)
            #expect(verdict == EmailPolicy.isWellFormedByCharacters(email), "\(Array(email.utf8))")
            #expect(policy.isCorporate(email) == policy.isCorporateByCharacters(email), "\(Array(email.utf8))")
            wellFormed += verdict ? 1 : 0
            corporate += policy.isCorporate(email) ? 1 : 0
        }
        #expect(wellFormed > 50 && corporate > 50, "\(wellFormed) well formed, \(corporate) corporate")
        let local = String(repeating: "a", count: 64)
        #expect(EmailPolicy.isWellFormed(local + "@un.org") && !EmailPolicy.isWellFormed(local + "a@un.org"))
        #expect(policy.isCorporate("x@A.UN.ORG@") && !policy.isCorporate("x@notun.org.uz") && !policy.isCorporate("@"))
    }

    @Test("Addresses are the same in any case, ASCII or not, as lowercasing both would say")
    func sameAddressInAnyCase() {
        let pairs: [(String, String)] = [
            ("OKarimova@UNICEF.org", "okarimova@unicef.org"), ("okarimova@unicef.org", "okarimova@unicef.or"), ("a@b.uz", "a@b.uz"),
            ("[a]@b.uz", "{a}@b.uz"), ("İLHOM@iom.int", "i̇lhom@iom.int"), ("Ўлмас@un.uz", "ўлмас@un.uz"), ("Ўлмас@un.uz", "улмас@un.uz"),
            ("@", "`"), ("Z@x.uz", "z@x.uz"), ("\u{212A}@x.uz", "k@x.uz"), ("ab\u{212A}@x.uz", "abk@x.uz"), ("x\u{212A}", "yk"),
            ("ab", "abc"), ("abc", "ab"), ("", ""), ("A\u{212A}", "ak"), ("a\u{212A}", "ak@"),
        ]
        for (email, other) in pairs {
            let wanted = other.lowercased()
            let isASCII = wanted.utf8.allSatisfy { $0 < 0x80 }
            #expect(NetworkState.sameAddress(email, wanted, isASCII: isASCII) == (email.lowercased() == wanted), "\(email) \(other)")
        }
    }

    @Test("Every change to the list is kept; the delta since the last request nets them out")
    func mailingList() throws {
        var state = Fixture.founded()
        let day1 = LocalDate(year: 2026, month: 3, day: 1)!
        let day2 = LocalDate(year: 2026, month: 4, day: 1)!
        try state.execute(
            .addFocalPoint(Fixture.draft("Aziz Rahimov", "ILO", "rahimov@ilo.org")), context: Fixture.context(Fixture.secretariat, on: day1)
        )
        try state.execute(
            .addFocalPoint(Fixture.draft("Malika Yo‘ldosheva", "FAO", "malika@fao.org")),
            context: Fixture.context(Fixture.secretariat, on: day1))
        try state.execute(.markMailingListRequestSent, context: Fixture.context(Fixture.secretariat, on: day1, hour: 12))
        #expect(
            refusal(.markMailingListRequestSent, Fixture.secretariat, in: state, on: day1)?.reasons == [
                "the mailing list has not changed since the last request (2026-03-01)"
            ])
        try state.execute(.setMailingList(focalPoint: "FP-0001", on: false), context: Fixture.context(Fixture.secretariat, on: day2))
        try state.execute(
            .addFocalPoint(Fixture.draft("Jasur Ergashev", "WHO", "ergashevj@who.int")),
            context: Fixture.context(Fixture.secretariat, on: day2))
        try state.execute(.retireFocalPoint(id: "FP-0003", on: day2), context: Fixture.context(Fixture.secretariat, on: day2, hour: 11))
        let delta = state.mailingListDelta(since: state.mailingListRequests.last)
        #expect(delta.additions.isEmpty)
        #expect(delta.removals.map(\.name) == ["Aziz Rahimov"])
        #expect(state.mailingListDelta(since: day1).additions.map(\.name) == ["Malika Yo‘ldosheva"])
        #expect(state.mailingListChanges.count == 5)
        #expect(state.mailingList.map(\.name) == ["Malika Yo‘ldosheva"])
        #expect(
            refusal(.setMailingList(focalPoint: "FP-0002", on: true), Fixture.secretariat, in: state)?.reasons == [
                "Malika Yo‘ldosheva is already on the mailing list"
            ])
    }
}

@Suite("Names that hide characters")
struct InvisibleNameTests {
    @Test(
        "A name holding a zero-width or directional character is refused; an emoji sequence is not",
        arguments: [
            ("Azizbek\u{200B} Rahimov", false), ("Azizbek Rahimov\u{FEFF}", false), ("\u{202E}vomihaR", false), ("Gulnora 👩‍💼", true),
            ("Ўлмас Жўраев", true),
        ])
    func names(name: String, accepted: Bool) {
        let state = Fixture.founded()
        let draft = Fixture.draft(name, "ILO", "someone@ilo.org")
        let batch = try? state.decide(.addFocalPoint(draft), context: Fixture.context(Fixture.secretariat))
        #expect((batch != nil) == accepted)
    }

    @Test("A listed focal point's new address reaches the change request: the old address removed, the new one added (issue 17)")
    func addressChange() throws {
        var state = Fixture.founded()
        let day1 = LocalDate(year: 2026, month: 3, day: 1)!
        let day2 = LocalDate(year: 2026, month: 4, day: 1)!
        try state.execute(
            .addFocalPoint(Fixture.draft("Aziz Rahimov", "ILO", "rahimov@ilo.org")), context: Fixture.context(Fixture.secretariat, on: day1)
        )
        try state.execute(.markMailingListRequestSent, context: Fixture.context(Fixture.secretariat, on: day1, hour: 12))
        let original = FocalPointDraft(state.focalPoint("FP-0001")!)
        var moved = original
        moved.email = "a.rahimov@ilo.org"
        try state.execute(
            .editFocalPoint(id: "FP-0001", Edit(from: original, to: moved, basedOn: state.version(of: .focalPoint("FP-0001")))),
            context: Fixture.context(Fixture.secretariat, on: day2))
        let delta = state.mailingListDelta(since: state.mailingListRequests.last)
        #expect(delta.removals.map(\.email) == ["rahimov@ilo.org"])
        #expect(delta.additions.map(\.email) == ["a.rahimov@ilo.org"])
        // The secretariat can therefore send the request again.
        try state.execute(.markMailingListRequestSent, context: Fixture.context(Fixture.secretariat, on: day2, hour: 12))
        // Changed back before the next request: nothing to ask of the IT unit.
        var back = FocalPointDraft(state.focalPoint("FP-0001")!)
        let before = back
        back.email = "rahimov@ilo.org"
        try state.execute(
            .editFocalPoint(id: "FP-0001", Edit(from: before, to: back, basedOn: state.version(of: .focalPoint("FP-0001")))),
            context: Fixture.context(Fixture.secretariat, on: day2, hour: 13))
        back.email = "a.rahimov@ilo.org"
        try state.execute(
            .editFocalPoint(
                id: "FP-0001",
                Edit(from: FocalPointDraft(state.focalPoint("FP-0001")!), to: back, basedOn: state.version(of: .focalPoint("FP-0001")))),
            context: Fixture.context(Fixture.secretariat, on: day2, hour: 14))
        #expect(state.mailingListDelta(since: state.mailingListRequests.last).isEmpty)
    }

    @Test("A name splits into family and given names: the last word unless the family name is given, which must be in the name")
    func nameParts() throws {
        #expect(FocalPoint.split("Dilnoza Yusupova", familyName: nil) == ("Yusupova", "Dilnoza"))
        #expect(FocalPoint.split("Nguyen Van An", familyName: "Nguyen") == ("Nguyen", "Van An"))
        #expect(FocalPoint.split("Ўлмас Жўраев", familyName: nil) == ("Жўраев", "Ўлмас"))
        var state = Fixture.founded()
        var draft = Fixture.draft("Nguyen Van An", "ILO", "nguyen@ilo.org")
        draft.familyName = "Tran"
        #expect(
            refusal(.addFocalPoint(draft), Fixture.secretariat, in: state)?.reasons == [
                "the family name \"Tran\" is not part of the name \"Nguyen Van An\""
            ])
        draft.familyName = "Nguyen"
        try state.execute(.addFocalPoint(draft), context: Fixture.context(Fixture.secretariat))
        #expect(state.focalPoints[0].nameParts == ("Nguyen", "Van An"))
    }
}
