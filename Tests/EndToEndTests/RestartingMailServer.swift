import Foundation
import TestServers

/// The clinic's mail server as a flaky relay: a real SMTP server on loopback (aiosmtpd) that is killed
/// (SIGKILL, mid-transaction or not) and started again on the same port at a steady interval. Every
/// incarnation is kept until `stop()`, so what each recorded can be read afterwards.
final class RestartingMailServer: @unchecked Sendable {
    let port: Int
    private let lock = NSLock()
    private var current: SMTPTestServer?
    private var killed: [SMTPTestServer] = []
    private var restarting = false
    private let finished = DispatchSemaphore(value: 0)
    private var thread: Thread?

    var url: String { "smtp://127.0.0.1:\(port)" }
    /// Times it was killed and came back.
    var restarts: Int { lock.withLock { killed.count } }

    init() throws {
        let first = try SMTPTestServer()
        port = first.port
        current = first
    }

    /// Kills the server every `interval` seconds, waits `downtime`, starts it again on its port; until
    /// `stopRestarting()`.
    func startRestarting(every interval: TimeInterval, downtime: TimeInterval = 0.5) {
        lock.withLock { restarting = true }
        let thread = Thread { [self] in
            var next = Date().addingTimeInterval(interval)
            while lock.withLock({ restarting }) {
                if Date() < next {
                    usleep(20_000)
                    continue
                }
                restart(after: downtime)
                next = next.addingTimeInterval(interval)
            }
            finished.signal()
        }
        self.thread = thread
        thread.start()
    }

    /// Stops the restarts (a restart under way finishes first); the server stays up.
    func stopRestarting() {
        guard thread != nil else { return }
        lock.withLock { restarting = false }
        finished.wait()
        thread = nil
    }

    private func restart(after downtime: TimeInterval) {
        let dying = lock.withLock { current }
        dying?.kill()
        usleep(UInt32(downtime * 1_000_000))
        // The port was ours a moment ago; should anything take it meanwhile, try again for a while.
        var started: SMTPTestServer?
        for _ in 0..<100 where started == nil {
            started = try? SMTPTestServer(SMTPTestServer.Options(port: port))
            if started == nil { usleep(100_000) }
        }
        lock.withLock {
            if let dying { killed.append(dying) }
            current = started
        }
    }

    /// Every message any incarnation accepted, in the order of the incarnations.
    func messages() throws -> [RecordedMessage] {
        let servers = lock.withLock { killed + (current.map { [$0] } ?? []) }
        return try servers.flatMap { try $0.messages() }
    }

    func stop() {
        stopRestarting()
        lock.withLock {
            current?.stop()
            current = nil
            killed = []
        }
    }
}
