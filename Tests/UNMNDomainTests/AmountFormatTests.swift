import Foundation
import TestSupport
import Testing

@testable import UNMNDomain

@Suite("Amounts in USD")
struct AmountFormatTests {
    /// Amounts of every size and sign, with up to four decimals (rounded to two when shown).
    static func randomAmounts(count: Int, seed: UInt64) -> [Decimal] {
        var random = SeededGenerator(state: seed)
        return (0..<count).map { _ in
            let units = Int64.random(in: -10_000_000_000...10_000_000_000, using: &random)
            return Decimal(units) / Decimal(sign: .plus, exponent: Int.random(in: 0...4, using: &random), significand: 1)
        }
    }

    @Test("the one formatter kept writes every amount as a formatter made for it writes it")
    func sharedFormatterWritesAsAFreshOne() {
        let amounts = Self.randomAmounts(count: 400, seed: 2026) + [0, 1, -1, 999.995, 1234.5, 1_000_000, Decimal(string: "0.125")!]
        for amount in amounts {
            let fresh = "USD " + (makeAmountFormatter().string(from: NSDecimalNumber(decimal: amount)) ?? "")
            #expect(usd(amount) == fresh, "\(amount)")
        }
        #expect(usd(1_234_567.5) == "USD 1,234,567.5")
        #expect(usd(-42) == "USD -42")
    }

    @Test("amounts formatted on many threads at once are each their own")
    func formattedOnManyThreads() async {
        let amounts = Self.randomAmounts(count: 200, seed: 7)
        let expected = amounts.map(usd)
        let results = await withTaskGroup(of: (Int, String).self) { group in
            for (index, amount) in amounts.enumerated() { group.addTask { (index, usd(amount)) } }
            var results = [String](repeating: "", count: amounts.count)
            for await (index, text) in group { results[index] = text }
            return results
        }
        #expect(results == expected)
    }
}
