import Foundation
import Mail
import Testing

/// Not an assertion: prints the cost of rendering a typical reply (1 KB text + 3 KB HTML).
/// Run by hand: COMPOSE_BENCH=1 swift test -c release --filter ComposeSpeed
@Suite("ComposeSpeed", .enabled(if: ProcessInfo.processInfo.environment["COMPOSE_BENCH"] == "1"))
struct ComposeSpeedTests {
    static let text: String = {
        var s = "Dear Anna Müller,\n\nYour appointment with Dr Rao is confirmed for Tuesday 10:00.\n"
        while s.utf8.count < 1_000 {
            s += "Reply CANCEL to cancel, or RESCHEDULE Dr Rao Tue 10:00 -> Wed 09:30 to move it.\n"
        }
        return s + "\n-- \nCareDesk, Praxis am Markt — Köln\n"
    }()

    static let html: String = {
        var s = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"></head><body style=\"font-family:sans-serif\">\n"
        while s.utf8.count < 3_000 {
            s += "<p style=\"margin:0 0 8px 0\">Your appointment with <b>Dr Rao</b> is confirmed for "
                + "<span class=\"when\">Tuesday 10:00</span>. Reply CANCEL to cancel &mdash; Grüße aus Köln.</p>\n"
        }
        return s + "</body></html>\n"
    }()

    @Test("render a 1 KB text + 3 KB HTML reply repeatedly (prints µs/render)")
    func renderSpeed() {
        let mail = ComposeTests.mail(text: ComposeSpeedTests.text, html: ComposeSpeedTests.html)
        #if DEBUG
        let iterations = 2_000
        let mode = "debug"
        #else
        let iterations = 20_000
        let mode = "release"
        #endif
        let batches = 10
        var sink = 0
        for _ in 0..<200 { sink &+= mail.render(lineEnding: "\r\n").count }  // warm-up
        let clock = ContinuousClock()
        var total: Duration = .zero
        var best: Duration? = nil
        for _ in 0..<batches {
            let elapsed = clock.measure {
                for _ in 0..<(iterations / batches) { sink &+= mail.render(lineEnding: "\r\n").count }
            }
            total += elapsed
            best = min(best ?? elapsed, elapsed)
        }
        func micros(_ d: Duration, _ n: Int) -> String {
            let s = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
            return String(String(s / Double(n) * 1e6).prefix(5))
        }
        // "best batch" is the least disturbed by other work on the machine
        print("OutgoingMail.render: \(ComposeSpeedTests.text.utf8.count) B text + \(ComposeSpeedTests.html.utf8.count) B html, "
              + "\(iterations) iterations (\(mode)): \(micros(total, iterations)) µs/render mean, "
              + "\(micros(best ?? .zero, iterations / batches)) µs best batch")
        #expect(sink > 0)
    }
}
