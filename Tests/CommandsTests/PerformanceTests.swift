import Clinic
import Commands
import Foundation
import Testing

/// Prints what reading a typical message costs; meaningful with `swift test -c release --filter PerformanceTests`.
/// Prints, never asserts: the figure depends on the machine and on what else runs on it.
@Suite struct PerformanceTests {
    static let message = [
        "BOOK Dr Rao Tue 10:00 chest pain",
        "SLOTS Dr Iyer Wed",
        "CANCEL A7K2Q",
        "MY APPOINTMENTS",
        "thanks",
    ]

    static let doctorsMessage = [
        "TODAY",
        "DONE A7K2Q",
        "EARNING ₹2,500.50 yesterday follow-ups",
        "EARNINGS last month",
        "thanks",
    ]

    @Test func fiveLineMessage() { measure(Self.message, "5-line message") }

    @Test func fiveLineDoctorsMessage() { measure(Self.doctorsMessage, "5-line doctor's message") }

    func measure(_ message: [String], _ name: String) {
        let reader = Fixture.reader
        #expect(reader.read(lines: message, subject: "Re: appointment", now: Fixture.now).intents.count == 4)
        #if DEBUG
        let iterations = 10_000   // unoptimised code: the figure means little, keep the run short
        #else
        let iterations = 100_000
        #endif
        var lines = 0
        let wall = ContinuousClock.now
        let cpu = Self.threadCPUTime()
        for i in 0..<iterations {
            lines &+= reader.read(lines: message, subject: "Re: appointment", now: Fixture.now + Int64(i & 7)).lines.count
        }
        let cpuSeconds = Self.threadCPUTime() - cpu
        let elapsed = ContinuousClock.now - wall
        let wallSeconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let perRead = { (seconds: Double) in String(format: "%.2f", seconds / Double(iterations) * 1e6) }
        print("CommandReader.read, \(name), \(iterations) reads: \(perRead(wallSeconds)) µs wall, \(perRead(cpuSeconds)) µs CPU per read")
        #expect(lines == 4 * iterations)
    }

    /// This thread's CPU time in seconds: steadier than the wall clock on a shared machine.
    static func threadCPUTime() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }
}
