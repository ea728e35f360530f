import TerminalUI
import UNMNDomain

/// `@`: the day whose record to look at. It defaults to the end of the last quarter, the day a
/// quarterly report to the UNCT is about.
enum AsOfForm {
    enum Field: String, FormFieldID { case day }

    static func make(today: LocalDate) -> Form {
        Form(
            title: "Look at the network as it stood on a day",
            fields: [.date(Field.day, "As of", value: ReportingPeriod.quarter(of: today).previousQuarter.last.description, required: true)],
            validate: { values in
                var problems = FormProblems<Field>()
                if let day = LocalDate(iso: values.text(Field.day)), day >= today {
                    problems[.day] = "Choose a day before today (\(today)); today's record is the live one."
                }
                return problems.byField
            })
    }
}
