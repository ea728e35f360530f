import Testing

@testable import TerminalUI

@Suite("Modal form")
struct FormTests {
    func meetingForm() -> Form {
        Form(
            title: "Schedule meeting",
            fields: [
                .text("location", "Location", required: true),
                .choice("mode", "Mode", options: ["In person", "Virtual", "Hybrid"]),
                .date("date", "Date", required: true),
                .multiSelect("requested", "Requested by", options: ["ILO", "UNICEF", "WHO"]),
            ],
            validate: { values in
                values["location"]?.text == "nowhere" ? ["location": "Say where the meeting takes place."] : [:]
            })
    }

    func type(_ text: String, into form: inout Form) {
        for character in text { _ = form.handle(.character(character)) }
    }

    @Test("Saving an empty form shows every problem inline and stays open")
    func requiredFields() {
        var form = meetingForm()
        #expect(form.handle(.enter) == .editing)
        #expect(form.errors == ["location": "Location is required.", "date": "Date is required."])
        #expect(form.focus == 0)
    }

    @Test("A date must exist in the calendar")
    func dates() {
        #expect(FormField.isValidDate("2026-02-28"))
        #expect(FormField.isValidDate("2028-02-29"))
        #expect(!FormField.isValidDate("2026-02-29"))
        #expect(!FormField.isValidDate("2026-13-01"))
        #expect(!FormField.isValidDate("26-01-01"))
        #expect(!FormField.isValidDate("2026-1-01"))
        #expect(!FormField.isValidDate("２０２６-01-01"))
    }

    @Test("Tab moves between fields, choices cycle, multi-select ticks")
    func navigation() {
        var form = meetingForm()
        type("Tashkent, UN House", into: &form)
        _ = form.handle(.tab)
        _ = form.handle(.right)
        _ = form.handle(.right)
        _ = form.handle(.tab)
        type("2026-03-15", into: &form)
        _ = form.handle(.tab)
        _ = form.handle(.right)
        _ = form.handle(.character(" "))
        #expect(form.isDirty)
        #expect(
            form.handle(.enter)
                == .submitted([
                    "location": .text("Tashkent, UN House"),
                    "mode": .choice(index: 2, label: "Hybrid"),
                    "date": .text("2026-03-15"),
                    "requested": .selection(["UNICEF"]),
                ]))
        _ = form.handle(.backTab)
        #expect(form.focus == 2)
    }

    @Test("The caller's validator speaks too, and its message goes once the input is right")
    func customValidation() {
        var form = meetingForm()
        type("nowhere", into: &form)
        _ = form.handle(.enter)
        #expect(form.errors["location"] == "Say where the meeting takes place.")
        _ = form.handle(.backspace)
        #expect(form.errors["location"] == nil)
    }

    @Test("Esc cancels")
    func cancel() {
        var form = meetingForm()
        #expect(form.handle(.escape) == .cancelled)
    }

    @Test("The form draws labels, values and inline errors")
    func rendering() {
        var form = Form(
            title: "Focal point",
            fields: [
                .text("name", "Name", value: "Dilnoza", required: true),
                .date("since", "Since", value: "2026-02-30"),
                .choice("level", "Level", options: ["Deputy head", "Other"]),
            ])
        _ = form.handle(.enter)
        var buffer = Buffer(width: 60, height: 11)
        form.render(in: buffer.area, buffer: &buffer)
        #expect(
            buffer.lines == [
                " ┌─ Focal point ──────────────────────────────────────────┐",
                " │                                                        │",
                " │ Name*            Dilnoza                               │",
                " │ Since            2026-02-30                            │",
                " │                  ! Since must be a real date written   │",
                " │                    YYYY-MM-DD, e.g. 2026-03-15.        │",
                " │ Level            ‹ Deputy head ›                       │",
                " │                                                        │",
                " │ Tab next · S-Tab previous · Enter save · Esc cancel    │",
                " └────────────────────────────────────────────────────────┘",
                "",
            ])
    }
}

@Suite("Field limits")
struct FieldLimitTests {
    func form() -> Form {
        var name = FormField.text("name", "Name", required: true)
        name.maxLength = 100
        return Form(title: "Limits", fields: [name])
    }

    @Test("A field stops at its maximum and says so; near it, the count shows under the field")
    func limit() {
        var form = form()
        for _ in 0..<85 { _ = form.handle(.character("a")) }
        var buffer = Buffer(width: 80, height: 12)
        form.render(in: buffer.area, buffer: &buffer)
        #expect(buffer.lines.contains { $0.contains("85 of 100 characters") })
        for _ in 0..<30 { _ = form.handle(.character("b")) }
        #expect(form.values["name"]?.text.count == 100)
        #expect(form.errors["name"] == "Name takes at most 100 characters; that did not fit.")
    }

    @Test("A paste far beyond the limit is refused whole, at once")
    func hugePaste() {
        var form = form()
        _ = form.handle(.paste(String(repeating: "Ўзбекистон ", count: 10_000)))
        #expect(form.values["name"]?.text.isEmpty == true)
        #expect(form.errors["name"] != nil)
    }
}
