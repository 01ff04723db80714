#!/usr/bin/env python3
"""HTTP server for CareDesk's transport tests.

Prints the port it listens on (127.0.0.1) as its first stdout line. Answers
every POST with the status named by the path ("/status/503" -> 503, anything
else -> 200) and a JSON body describing the request:
  {method, path, headers: {lower-case name: value}, body_base64}
With `--record FILE`, each request's description is also appended to FILE
as one JSON line, with the status it was answered with.
Stops on SIGTERM, or when its stdin is a pipe that closes.
"""
import base64
import http.server
import json
import os
import signal
import stat
import sys
import threading

RECORD = None
RECORD_LOCK = threading.Lock()


class Echo(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(length)
        parts = self.path.strip("/").split("/")
        status = int(parts[1]) if len(parts) == 2 and parts[0] == "status" else 200
        reply = json.dumps({
            "method": "POST",
            "path": self.path,
            "headers": {name.lower(): value for name, value in self.headers.items()},
            "body_base64": base64.b64encode(body).decode("ascii"),
        }).encode()
        if RECORD:
            line = json.loads(reply)
            line["status"] = status
            with RECORD_LOCK, open(RECORD, "a") as f:
                f.write(json.dumps(line) + "\n")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(reply)))
        self.end_headers()
        self.wfile.write(reply)

    def log_message(self, format, *args):
        pass


def main():
    global RECORD
    if len(sys.argv) == 3 and sys.argv[1] == "--record":
        RECORD = sys.argv[2]
    # A launcher may start us with signals blocked (threads of a test runner
    # often block them, and the mask is inherited): unblock the ones we stop on.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Echo)
    print(server.server_address[1], flush=True)

    def stop(*_):
        threading.Thread(target=server.shutdown).start()
    signal.signal(signal.SIGTERM, stop)

    if stat.S_ISFIFO(os.fstat(0).st_mode):
        def watch_stdin():
            while os.read(0, 4096):
                pass
            stop()
        threading.Thread(target=watch_stdin, daemon=True).start()
    server.serve_forever()


if __name__ == "__main__":
    main()
