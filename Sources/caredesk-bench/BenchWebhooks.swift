import ArgumentParser
import Desk
import Foundation
import SyntheticData
import Logging
import Server
import ServiceLifecycle

struct BenchWebhooks: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "webhooks",
        abstract: "Measure POST /webhooks/messages beside a bare Hummingbird endpoint, in the same run, on loopback.",
        discussion: """
        Builds a synthetic clinic (50 doctors, 10,000 registered patients, 10,000 past appointments) in a \
        temporary data folder and starts, in this process, the desk's front door (a Reception on that folder, \
        the routes of `caredesk serve`) and a bare Hummingbird application whose one route, POST /bare, reads \
        the body and answers 200, each on a free loopback port. Then the same load goes to each in turn: \
        signed JSON messages (60% BOOK with frequent conflicts, 20% SLOTS, 15% CANCEL, 5% not commands) from \
        registered patients, over keep-alive HTTP/1.1 connections, each sending its next request once the \
        last is answered. The desk commits every request (journal write + fsync) before answering it. \
        Delivery is off: replies wait in the outbox. Prints figures; asserts nothing.

        With --wrk, the load comes from wrk instead (Debian's package; `make bench-webhooks` installs it):         --wrk-threads threads and the given connections for --seconds against each endpoint, replaying         pre-signed requests (each once) through a Lua script; the figures are wrk's own.
        """)

    @Option(help: "Signed requests sent to each endpoint.") var requests = 20_000
    @Option(help: "Keep-alive connections at once (a thread each).") var connections = 8
    @Option(help: "Stop handing out requests to an endpoint after this many seconds.") var durationCap: Double?
    @Option(help: "Work folder; the run works in a new subfolder and removes it at the end.") var work = ".build/bench"
    @Option(help: "Load from wrk at this path instead of the bench's own client.") var wrk: String?
    @Option(help: "With --wrk: seconds per endpoint.") var seconds = 5
    @Option(help: "With --wrk: wrk's threads.") var wrkThreads = 2
    @Option(help: "With --wrk: signed requests made for the desk's endpoint (more than it answers in --seconds).")
    var wrkRequests = 200_000

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    func validate() throws {
        guard requests > 0, connections > 0 else { throw ValidationError("--requests and --connections must be positive") }
        guard seconds > 0, wrkThreads > 0, wrkRequests > 0 else { throw ValidationError("--seconds, --wrk-threads and --wrk-requests must be positive") }
        if let wrk, !FileManager.default.isExecutableFile(atPath: wrk) { throw ValidationError("\(wrk) is not an executable (apt-get install wrk)") }
        if let durationCap, durationCap <= 0 { throw ValidationError("--duration-cap must be positive") }
    }

    func run() async throws {
        Desk.bootstrapLogging()
        let workURL = try runFolder(work, "webhooks")
        defer { try? FileManager.default.removeItem(at: workURL) }
        let now = Int64(1_772_422_200)  // Mon 2 Mar 2026 09:00 IST, as in the other benches
        let synthetic = SyntheticClinic(doctors: 50, patients: 10_000, appointments: 10_000)
        let folder = workURL.appendingPathComponent("data")
        try synthetic.write(to: folder, now: now)
        let measured = try SignedMessages(mails: synthetic.messages(count: wrk == nil ? requests : wrkRequests), idPrefix: "bench", timestamp: now)
        // A few requests first, not counted, so both servers have their connections and caches warm.
        let warming = try SignedMessages(mails: synthetic.messages(count: min(200, max(requests / 20, connections)), seed: 11),
                                         idPrefix: "warm", timestamp: now)

        let logger = Logger(label: "caredesk.bench")
        let reception = try Reception(dataFolder: folder, templates: try ReplyTemplates.of(dataFolder: folder), clock: DeskClock(fixedAt: now), logger: logger)
        // Many senders send twice or more within the hour: the bench measures the desk, not the flood guard
        // (every message is still counted).
        try await reception.withDesk { desk, _ in desk.trust.hourlyLimit = Int.max / 2 }
        let settings = WebhookSettings(webhookSecret: SignedMessages.secret)
        let ports = ListeningPorts()
        let door = FrontDoor.application(reception: reception, host: "127.0.0.1", port: 0, webhooks: settings, logger: logger) {
            ports.set("desk", $0)
        }
        let bare = BareEndpoint.application(logger: logger) { ports.set("bare", $0) }

        print("webhooks bench — \(requests) signed requests to each endpoint (60% BOOK with conflicts, 20% SLOTS, 15% CANCEL, "
              + "5% other) from \(synthetic.patients) registered patients, \(connections) keep-alive connections, loopback, "
              + "\(ProcessInfo.processInfo.activeProcessorCount) cores; delivery off (replies wait in the outbox)")
        let servers = ServiceGroup(configuration: ServiceGroupConfiguration(services: [door, bare], logger: logger))
        let serving = Task { try await servers.run() }
        do {
            if let wrk {
                try await measureWithWrk(wrk, requests: measured, warming: warming, reception: reception, ports: ports, work: workURL,
                                         folder: folder)
            } else {
                try await measure(requests: measured, warming: warming, reception: reception, ports: ports, folder: folder)
            }
        } catch {
            await servers.triggerGracefulShutdown()
            throw error
        }
        // Both servers finish what they hold and stop, as `caredesk serve` does on SIGTERM.
        await servers.triggerGracefulShutdown()
        try await serving.value
    }

    /// Warms both endpoints, then sends the measured requests to the bare one and then to the desk's; prints.
    func measure(requests measured: SignedMessages, warming: SignedMessages, reception: Reception, ports: ListeningPorts,
                 folder: URL) async throws {
        let deskPort = try await ports.wait(for: "desk"), barePort = try await ports.wait(for: "bare")
        let client = { (port: Int) in LoadClient(port: port, connections: connections, durationCap: durationCap) }
        _ = await client(barePort).run(warming.requests(path: "/bare", port: barePort))
        _ = await client(deskPort).run(warming.requests(path: "/webhooks/messages", port: deskPort))
        let before = reception.health().store.appointments

        let bareCPU = BenchFloor.cpuSeconds()
        let bareResult = await client(barePort).run(measured.requests(path: "/bare", port: barePort))
        report("bare Hummingbird, POST /bare:", bareResult)

        let deskCPU = BenchFloor.cpuSeconds(), written = DurabilityCeiling.bytes(under: folder)
        let deskResult = await client(deskPort).run(measured.requests(path: "/webhooks/messages", port: deskPort))
        report("caredesk, POST /webhooks/messages:", deskResult)
        let after = reception.health().store.appointments
        print("  durable: each request answered after the commit that holds it (requests arriving together share one commit+fsync); appointments \(before) -> \(after)")
        let ratio = bareResult.rate > 0 ? deskResult.rate / bareResult.rate : 0
        print(String(format: "ratio (webhooks / bare): %.2f", ratio))
        try whatTheDiskAllows(folder: folder, writtenBefore: written, answered: deskResult.answered, bareMillis: bareResult.millis(at: 0.5),
                              bareRate: bareResult.rate)
        printCPU(bare: (bareCPU, deskCPU, bareResult.answered), desk: (deskCPU, BenchFloor.cpuSeconds(), deskResult.answered),
                 whose: "this process: the servers and the bench's client")
    }

    /// What one durable round costs on this disk, and the ceiling it puts on the closed loop (`DurabilityCeiling`).
    func whatTheDiskAllows(folder: URL, writtenBefore: Int, answered: Int, bareMillis: Double, bareRate: Double) throws {
        guard answered > 0 else { return }
        let perRequest = max(0, DurabilityCeiling.bytes(under: folder) - writtenBefore) / answered
        let sync = try DurabilityCeiling.measureSync(bytes: perRequest * connections, rounds: 400, in: folder)
        let ceiling = DurabilityCeiling.ceiling(connections: connections, bareMillis: bareMillis, sync: sync)
        print(String(format: "  the disk: %d bytes written per request (journal, audit trail); append + fsync of %d connections' %d bytes "
                     + "p50 %.3f ms, p99 %.3f ms (%d rounds)", perRequest, connections, sync.bytes, sync.p50Millis, sync.p99Millis, sync.rounds))
        print(String(format: "  ceiling: %d closed-loop connections whose every round cost one bare answer (p50 %.3f ms) and one such fsync, "
                     + "and nothing else: %.0f requests/s = %.2f x bare", connections, bareMillis, ceiling, bareRate > 0 ? ceiling / bareRate : 0))
    }

    typealias CPUPhase = (start: (user: Double, system: Double), end: (user: Double, system: Double), requests: Int)

    /// User + system CPU per answered request in each phase.
    func printCPU(bare: CPUPhase, desk: CPUPhase, whose: String) {
        func micros(_ phase: CPUPhase) -> Double {
            guard phase.requests > 0 else { return 0 }
            return (phase.end.user - phase.start.user + phase.end.system - phase.start.system) / Double(phase.requests) * 1e6
        }
        print(String(format: "  CPU per answered request (%@): bare %.0f µs, webhooks %.0f µs", whose, micros(bare), micros(desk)))
    }

    /// Warms both endpoints with the bench's own client, then has wrk load the bare one and then the desk's; prints.
    func measureWithWrk(_ wrk: String, requests measured: SignedMessages, warming: SignedMessages, reception: Reception,
                        ports: ListeningPorts, work: URL, folder: URL) async throws {
        let deskPort = try await ports.wait(for: "desk"), barePort = try await ports.wait(for: "bare")
        _ = await LoadClient(port: barePort, connections: connections, durationCap: nil).run(warming.requests(path: "/bare", port: barePort))
        _ = await LoadClient(port: deskPort, connections: connections, durationCap: nil).run(warming.requests(path: "/webhooks/messages", port: deskPort))
        let before = reception.health().store.appointments
        let load = WrkLoad(wrk: wrk, threads: wrkThreads, connections: connections, seconds: seconds)
        // wrk blocks its thread for the whole run: off Swift's shared threads, which the servers measured need.
        let bareCPU = BenchFloor.cpuSeconds()
        let bare = try await Self.offThread { try load.run(measured.requests(path: "/bare", port: barePort), port: barePort, work: work, label: "bare") }
        report("bare Hummingbird, POST /bare (wrk):", bare)
        let deskCPU = BenchFloor.cpuSeconds(), written = DurabilityCeiling.bytes(under: folder)
        let desk = try await Self.offThread {
            try load.run(measured.requests(path: "/webhooks/messages", port: deskPort), port: deskPort, work: work, label: "desk")
        }
        report("caredesk, POST /webhooks/messages (wrk):", desk)
        if desk.ranShort { print("  wrk used up the \(measured.messages.count) signed requests: raise --wrk-requests") }
        let after = reception.health().store.appointments
        print("  durable: each request answered after the commit that holds it (requests arriving together share one commit+fsync); appointments \(before) -> \(after)")
        print(String(format: "ratio (webhooks / bare): %.2f", bare.rate > 0 ? desk.rate / bare.rate : 0))
        try whatTheDiskAllows(folder: folder, writtenBefore: written, answered: desk.requests, bareMillis: bare.p50Millis, bareRate: bare.rate)
        printCPU(bare: (bareCPU, deskCPU, bare.requests), desk: (deskCPU, BenchFloor.cpuSeconds(), desk.requests),
                 whose: "this process: the servers; wrk's own not counted")
    }

    static func offThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try body() }) }.start()
        }
    }

    func report(_ label: String, _ result: WrkLoad.Result) {
        print(label.padding(toLength: 42, withPad: " ", startingAt: 0)
              + String(format: "%d answered in %.2f s = %.0f requests/s; p50 %.2f ms, p99 %.2f ms; non-2xx %d, socket errors %d, %d connections",
                       result.requests, result.seconds, result.rate, result.p50Millis, result.p99Millis, result.non2xx, result.socketErrors,
                       connections))
    }

    func report(_ label: String, _ result: LoadClient.Result) {
        print(label.padding(toLength: 36, withPad: " ", startingAt: 0)
              + String(format: "%d answered in %.2f s = %.0f requests/s; p50 %.2f ms, p99 %.2f ms; non-2xx %d",
                       result.answered, result.seconds, result.rate, result.millis(at: 0.5), result.millis(at: 0.99), result.non2xx))
        if result.failures > 0 {
            print("  \(result.failures) requests got no answer (last: \(result.lastFailure ?? "?"))")
        }
    }
}
