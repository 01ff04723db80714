import Clinic
import Commands
import Foundation
import Testing

@Suite struct ProbeTests {
    func time(_ name: String, _ n: Int = 100_000, _ body: () -> Int) {
        var sink = 0
        var t0 = timespec(), t1 = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t0)
        for _ in 0..<n { sink &+= body() }
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t1)
        let s = Double(t1.tv_sec - t0.tv_sec) + Double(t1.tv_nsec - t0.tv_nsec) / 1e9
        print("PROBE \(name): \(String(format: "%.3f", s / Double(n) * 1e6)) µs  \(sink == 42 ? "" : "")")
    }
    @Test func probe() {
        let r = Fixture.reader
        time("zone.local") { Fixture.zone.local(Fixture.now).date.day }
        time("HELP") { r.readLine("HELP", now: Fixture.now) == nil ? 0 : 1 }
        time("MY APPOINTMENTS") { r.readLine("MY APPOINTMENTS", now: Fixture.now) == nil ? 0 : 1 }
        time("CANCEL A7K2Q") { r.readLine("CANCEL A7K2Q", now: Fixture.now) == nil ? 0 : 1 }
        time("SLOTS Dr Iyer Wed") { r.readLine("SLOTS Dr Iyer Wed", now: Fixture.now) == nil ? 0 : 1 }
        time("BOOK") { r.readLine("BOOK Dr Rao Tue 10:00 chest pain", now: Fixture.now) == nil ? 0 : 1 }
        time("thanks") { r.readLine("thanks", now: Fixture.now) == nil ? 0 : 1 }
        time("subject") { r.readLine("Re: appointment", now: Fixture.now) == nil ? 0 : 1 }
    }
}
