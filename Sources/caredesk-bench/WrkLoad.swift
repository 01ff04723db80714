import ChildProcess
import Foundation

/// HTTP load from `wrk` (Debian's package), the generator others publish their figures with: `threads`
/// threads, `connections` keep-alive connections, for `seconds`, replaying pre-signed requests from a file —
/// each request once, spread over the threads by a Lua script, so no webhook id is sent twice. The file
/// holds more requests than the fastest endpoint answers in that time; running short is reported.
struct WrkLoad {
    let wrk: String
    let threads: Int
    let connections: Int
    let seconds: Int

    struct Result {
        var requests = 0
        var seconds = 0.0
        var p50Millis = 0.0
        var p99Millis = 0.0
        var non2xx = 0
        var socketErrors = 0
        /// True when some thread used up its share of the requests before the time was up (it then sent its
        /// last one again): the figure is then not one of distinct requests.
        var ranShort = false

        var rate: Double { seconds > 0 ? Double(requests) / seconds : 0 }
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Writes `requests` (raw HTTP/1.1, each whole) where the script reads them, runs wrk against `port`, reads
    /// its figures.
    func run(_ requests: [[UInt8]], port: Int, work: URL, label: String) throws -> Result {
        let file = work.appendingPathComponent("wrk-\(label).requests")
        var bytes: [UInt8] = []
        for request in requests {
            bytes += Array("\(request.count)\n".utf8)
            bytes += request
        }
        try Data(bytes).write(to: file)
        let script = work.appendingPathComponent("replay.lua")
        try Data(Self.script.utf8).write(to: script)
        let (ended, output) = try ChildProcess.run(wrk, [
            "-t", String(threads), "-c", String(connections), "-d", "\(seconds)s", "--latency", "-s", script.path,
            "http://127.0.0.1:\(port)/", "--", file.path, String(threads),
        ])
        guard ended.succeeded, let line = output.split(separator: "\n").first(where: { $0.hasPrefix("caredesk-wrk ") }) else {
            throw Failure(description: "wrk did not run (\(ended)):\n\(output)")
        }
        let fields = line.split(separator: " ").dropFirst().map { Double($0) ?? 0 }
        guard fields.count == 7 else { throw Failure(description: "wrk's figures not understood: \(line)") }
        return Result(requests: Int(fields[0]), seconds: fields[1] / 1e6, p50Millis: fields[2] / 1000, p99Millis: fields[3] / 1000,
                      non2xx: Int(fields[4]), socketErrors: Int(fields[5]), ranShort: fields[6] > 0)
    }

    /// wrk's Lua: each thread loads the file, keeps every n-th request from its own offset, sends them in
    /// turn; `done` prints one line of figures (requests, microseconds, p50 and p99 in microseconds, non-2xx,
    /// socket errors, whether any thread ran short).
    static let script = """
    local next_id = 0
    local threads = {}

    function setup(thread)
      thread:set("offset", next_id)
      next_id = next_id + 1
      table.insert(threads, thread)
    end

    function init(args)
      local path, count = args[1], tonumber(args[2])
      local file = assert(io.open(path, "rb"))
      local data = file:read("*a")
      file:close()
      requests = {}
      local position, index = 1, 0
      while position <= #data do
        local newline = string.find(data, "\\n", position, true)
        local length = tonumber(string.sub(data, position, newline - 1))
        if index % count == offset then
          table.insert(requests, string.sub(data, newline + 1, newline + length))
        end
        index = index + 1
        position = newline + 1 + length
      end
      sent = 0
      short = 0
    end

    function request()
      sent = sent + 1
      if sent > #requests then
        short = 1
        return requests[#requests]
      end
      return requests[sent]
    end

    function done(summary, latency, requests)
      local short_any = 0
      for _, thread in ipairs(threads) do
        if thread:get("short") == 1 then short_any = 1 end
      end
      io.write(string.format("caredesk-wrk %d %d %d %d %d %d %d\\n", summary.requests, summary.duration,
        latency:percentile(50), latency:percentile(99), summary.errors.status,
        summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, short_any))
    end
    """
}
