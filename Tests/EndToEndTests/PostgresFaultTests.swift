import Foundation
import Testing
import TestServers

/// Several `caredesk serve` instances on one PostgreSQL database when things go wrong: an instance killed
/// with kill -9 in the middle of a load, the database stopped and started under load (webhooks told 503,
/// mail left in the watched Maildirs until it is back). Senders behave as
/// webhook senders behind a load balancer do: a request that is not answered 200 (503, a broken connection)
/// is sent again, with the same id, to the next instance. Afterwards every sender has exactly one reply.
@Suite(.serialized) struct PostgresFaultTests {
    /// Counts answers across tasks, and runs `action` once when the count reaches `at`.
    final class Milestone: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        private let at: Int
        private let action: @Sendable () -> Void

        init(at: Int, _ action: @escaping @Sendable () -> Void) {
            self.at = at
            self.action = action
        }

        func tick() {
            let due = lock.withLock { count += 1; return count == at }
            if due { action() }
        }
    }

    /// Sends one message until an instance answers 200, moving to the next instance after each failure;
    /// returns how many sends it took.
    static func send(_ desks: PostgresDesks, text: String, from sender: String, id: String, first: Int, instances: Int,
                     timestamp: @Sendable () -> Int64) async throws -> Int {
        let json = #"{"id": "\#(id)", "channel": "email", "from": "\#(sender)", "to": "desk@kanchicare.example", "text": "\#(text)"}"#
        for attempt in 0..<600 {
            let instance = (first + attempt) % instances
            if let answer = try? await desks.message(json, id: id, to: instance, timestamp: timestamp()), answer.status == 200 {
                return attempt + 1
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw ServeProcess.Failure(description: "\(id) was never answered 200\n\(desks.serveErrors)")
    }

    /// Sends message `i` for every i in 0..<count over `workers` senders at once (a pool, as a gateway has:
    /// FoundationNetworking does not take hundreds of requests in flight well); the sends each took, in order.
    static func sendAll(_ count: Int, workers: Int = 12, _ one: @escaping @Sendable (Int) async throws -> Int) async throws -> [Int] {
        let next = NextMessage(count)
        let all = try await withThrowingTaskGroup(of: [(Int, Int)].self) { group in
            for _ in 0..<workers {
                group.addTask {
                    var done: [(Int, Int)] = []
                    while let i = next.take() { done.append((i, try await one(i))) }
                    return done
                }
            }
            return try await group.reduce(into: [(Int, Int)]()) { $0 += $1 }
        }
        return all.sorted { $0.0 < $1.0 }.map(\.1)
    }

    final class NextMessage: @unchecked Sendable {
        private let lock = NSLock()
        private var next = 0
        private let count: Int

        init(_ count: Int) { self.count = count }

        func take() -> Int? {
            lock.withLock {
                guard next < count else { return nil }
                defer { next += 1 }
                return next
            }
        }
    }

    /// Each sender's replies across every data folder, by distinct Message-ID.
    static func repliesBySender(_ desks: PostgresDesks) throws -> [String: Set<String>] {
        var seen: [String: Set<String>] = [:]
        for reply in try desks.replies() {
            guard let to = reply.to?.lowercased(), let id = reply.messageID else { continue }
            seen[to, default: []].insert(id)
        }
        return seen
    }

    @Test func anInstanceKilledMidLoadLosesNoMessageAndAnswersNoneTwice() async throws {
        let desks = try PostgresDesks("killed")
        defer { desks.stop() }
        // The system clock here: a killed instance's claims must run out (after claimSeconds) for another to send.
        try desks.start(3, clock: nil) { folder in
            try Data(#"{"claimSeconds": 5}"#.utf8).write(to: folder.appendingPathComponent("config.json"))
        }
        let senders = (0..<300).map { "sender\($0)@example.org" }
        let victim = desks.servers[1]
        let milestone = Milestone(at: 90) { _ = victim.signal(SIGKILL) }
        let tries = try await Self.sendAll(senders.count) { i in
            let sends = try await Self.send(desks, text: "HELP", from: senders[i], id: "killed-\(i)", first: i % 3, instances: 3,
                                            timestamp: { Int64(Date().timeIntervalSince1970) })
            milestone.tick()
            return sends
        }
        #expect(victim.process.terminationReason == .uncaughtSignal, "instance 1 was killed in the middle of the load")
        #expect(tries.contains { $0 > 1 }, "some senders had to send again")
        var replies: [String: Set<String>] = [:]
        let everyone = try eventually(timeout: 60) {
            replies = try Self.repliesBySender(desks)
            return senders.allSatisfy { replies[$0] != nil }
        }
        #expect(everyone, "\(senders.filter { replies[$0] == nil }.count) senders without a reply\n\(desks.serveErrors)")
        let twice = senders.filter { (replies[$0]?.count ?? 0) > 1 }
        #expect(twice.isEmpty, "answered twice: \(twice.prefix(5))")
        #expect(try desks.show("outbox").allSatisfy { $0["state"] == "sent" })
    }

    @Test func theDatabaseStoppedAndStartedUnderLoadLosesNothing() async throws {
        let desks = try PostgresDesks("dbdown")
        defer { desks.stop() }
        try desks.start(2, watching: true)
        let senders = (0..<200).map { "patient\($0)@example.org" }
        let outage = Task.detached { () -> [Int] in
            // Wait for the load to be under way, stop the database, look at health meanwhile, start it again.
            _ = await eventuallyAsync(timeout: 30) { (try? Self.repliesBySender(desks).count) ?? 0 >= 40 }
            desks.pg.stop()
            // Mail arrives meanwhile: the watcher must leave it in new/ and take it when the database is back.
            for i in 0..<20 {
                try? deliverToMaildir(mail(from: "writer\(i)@example.org", subject: "help", body: "HELP", id: "outage-\(i)@example.org"),
                                      name: "outage-\(i).test", maildir: desks.maildir(i % 2))
            }
            var statuses: [Int] = []
            for _ in 0..<10 {
                try? await Task.sleep(for: .milliseconds(150))
                if let health = try? await desks.servers[0].get("/health", bearer: nil) { statuses.append(health.status) }
            }
            try? desks.pg.start()
            return statuses
        }
        let tries = try await Self.sendAll(senders.count, workers: 4) { i in
            try await Task.sleep(for: .milliseconds(40))  // a steady stream, not one burst
            return try await Self.send(desks, text: "HELP", from: senders[i], id: "dbdown-\(i)", first: i % 2, instances: 2,
                                       timestamp: { WebhookTests.nowSeconds })
        }
        let healthDuringOutage = await outage.value
        #expect(healthDuringOutage.contains(503), "health while the database was away: \(healthDuringOutage)\n\(desks.serveErrors)")
        #expect(tries.contains { $0 > 1 }, "some senders were told to send again")
        var replies: [String: Set<String>] = [:]
        let writers = (0..<20).map { "writer\($0)@example.org" }
        let everyone = try eventually(timeout: 60) {
            replies = try Self.repliesBySender(desks)
            return (senders + writers).allSatisfy { replies[$0] != nil }
        }
        #expect(everyone, "\((senders + writers).filter { replies[$0] == nil }.count) senders without a reply\n\(desks.serveErrors)")
        #expect((senders + writers).allSatisfy { replies[$0]?.count ?? 0 <= 1 }, "a sender was answered twice")
        #expect(try desks.replies().count == senders.count + writers.count, "one file per reply")
        #expect((0..<2).allSatisfy { files(in: desks.maildir($0).appendingPathComponent("new")).isEmpty }, "every mail taken from new/")
        let health = try await desks.servers[1].get("/health", bearer: nil)
        #expect(health.status == 200, "the instances found the database again by themselves")
    }

    @Test func repliesAnotherProcessQueuedGoOutAtOnceNotAtTheNextPoll() async throws {
        let desks = try PostgresDesks("notify")
        defer { desks.stop() }
        try desks.start(1, pollInterval: "30")
        try await Task.sleep(for: .milliseconds(500))  // the instance's first delivery round has run
        let maildir = desks.root.appendingPathComponent("queued-elsewhere")
        try makeMaildir(at: maildir, messages: (0..<5).map {
            mail(from: "elsewhere\($0)@example.org", subject: "help", body: "HELP", id: "elsewhere-\($0)@example.org")
        })
        // Another process queues five replies and leaves their delivery to others.
        let queued = try desks.run(["ingest", "--no-deliver", "--now", PostgresDesks.now], data: try desks.folder("ingester"), [maildir.path])
        #expect(queued.status == 0, "\(queued.stderr)")
        let delivered = try eventually(timeout: 5) { try desks.replies(in: [desks.first]).count == 5 }
        #expect(delivered, "the instance delivers at once what another process queued, not at its next poll in 30 s")
    }
}
