import Foundation
import Clinic
import Commands
import Testing

/// Prints what reading a typical message costs (meaningful with `swift test -c release`).
@Suite struct PerformanceTests {
    static let message = [
        "BOOK Dr Rao Tue 10:00 chest pain",
        "SLOTS Dr Iyer Wed",
        "CANCEL A7K2Q",
        "MY APPOINTMENTS",
        "thanks",
    ]

    @Test func fiveLineMessage() {
        let reader = Fixture.reader
        #expect(reader.read(lines: Self.message, subject: "Re: appointment", now: Fixture.now).intents.count == 4)
        let iterations = 100_000
        var commands = 0
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for i in 0..<iterations {
                commands &+= reader.read(lines: Self.message, subject: "Re: appointment", now: Fixture.now + Int64(i & 7)).lines.count
            }
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let micros = seconds / Double(iterations) * 1e6
        print("CommandReader.read, 5-line message: \(String(format: "%.2f", micros)) µs per read over \(iterations) reads")
        #expect(commands == 4 * iterations)
    }
}
