import Foundation
import TestServers
import Testing

/// The PostgreSQL the store tests start for themselves: a cluster of its own, stopped and started again
/// on the same port, several at once.
@Suite(.timeLimit(.minutes(1)))
struct PostgresTestServerTests {
    @Test func answersQueriesAndHasTheContribExtensions() throws {
        let server = try PostgresTestServer()
        #expect(try server.psql("select 1") == "1")
        #expect(server.url == "postgres://caredesk@127.0.0.1:\(server.port)/caredesk")
        #expect(try server.psql("select current_database() || ' ' || current_user") == "caredesk caredesk")
        #expect(try server.psql("show server_encoding") == "UTF8")
        #expect(try server.psql("show fsync") == "off")
        #expect(try server.psql("show max_connections") == "200")
        try server.psql("create extension btree_gist")
        #expect(try server.psql("select extname from pg_extension where extname = 'btree_gist'") == "btree_gist")

        let url = try server.makeDatabase("second")
        #expect(url == "postgres://caredesk@127.0.0.1:\(server.port)/second")
        try server.psql("create table t (x int); insert into t values (1), (2)", database: "second")
        #expect(try server.psql("select string_agg(x::text, ',' order by x) from t", database: "second") == "1,2")

        let failure = #expect(throws: PostgresTestServer.Failure.self) {
            try server.psql("select * from no_such_table")
        }
        #expect(failure?.description.contains("no_such_table") == true)
    }

    @Test func theProcessIsThePostmasterAndItKeepsItsRowsAcrossStopAndStart() throws {
        let server = try PostgresTestServer()
        let first = try #require(server.pid)
        #expect(try postmasterPid(server) == first)
        try server.psql("create table visits (id int primary key); insert into visits select generate_series(1, 100)")

        server.stop()
        server.stop()  // idempotent
        #expect(!server.isRunning && server.pid == nil)
        #expect(kill(first, 0) != 0)
        #expect(throws: PostgresTestServer.Failure.self) { try server.psql("select 1") }

        try server.start()
        try server.start()  // already running: nothing
        let second = try #require(server.pid)
        #expect(second != first)
        #expect(try postmasterPid(server) == second)
        #expect(try server.psql("select count(*) from visits") == "100")
        #expect(server.serverLog().contains("received fast shutdown request"))
    }

    @Test func twoServersAtOnceAndNothingLeftBehind() throws {
        var folders: [URL] = []
        var pids: [Int32] = []
        do {
            let one = try PostgresTestServer()
            let two = try PostgresTestServer()
            #expect(one.port != two.port)
            #expect(one.folder != two.folder)
            try one.psql("create table only_here (x int)")
            #expect(try two.psql("select count(*) from pg_tables where tablename = 'only_here'") == "0")
            folders = [one.folder, two.folder]
            pids = [try #require(one.pid), try #require(two.pid)]
        }
        for folder in folders {
            #expect(!FileManager.default.fileExists(atPath: folder.path))
        }
        for pid in pids {
            #expect(kill(pid, 0) != 0)
        }
    }

    /// The first line of the cluster's postmaster.pid: the pid of the postmaster that runs it.
    private func postmasterPid(_ server: PostgresTestServer) throws -> Int32? {
        let text = try String(contentsOfFile: server.dataDirectory + "/postmaster.pid", encoding: .utf8)
        return text.split(separator: "\n").first.flatMap { Int32($0) }
    }
}
