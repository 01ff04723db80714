#!/usr/bin/env python3
"""A fake Twilio-compatible SMS gateway for CareDesk's tests.

  sms-gateway-test-server.py --account SID --token TOKEN --log FILE [--statuses 429,500,201]
                             [--fail-every N]

Prints the port it listens on (127.0.0.1) as its first stdout line. Accepts
POST /2010-04-01/Accounts/<sid>/Messages.json with a form body (From, To,
Body) and appends one JSON line per call to FILE:
  {"account", "from", "to", "body", "auth_ok", "status"}
Answers, in this order:
  401 when basic auth is not SID:TOKEN, or the path names another account;
  the next of --statuses while any are left (one per call, auth failures
  included), with a Twilio-like error body for 4xx/5xx;
  500 to every Nth call with --fail-every N (the Nth, 2Nth, ... call counted
  from the first, whatever else it would have got: a flaky gateway that
  fails deterministically; 0, the default, never; SIGUSR1 ends it for
  good, and the gateway writes "healed" to stderr);
  400 {"code": 21211, ...} when To does not start with '+';
  201 {"sid": "SM<32 hex>", "status": "queued", ...} otherwise.
Any other path or method gets 404. Stops on SIGTERM, or when its stdin is a
pipe that closes.
"""
import argparse
import base64
import http.server
import json
import os
import re
import secrets
import signal
import stat
import sys
import threading
import urllib.parse

PATH = re.compile(r"^/2010-04-01/Accounts/([^/]+)/Messages\.json$")
ERRORS = {
    400: (21211, "The 'To' number is not a valid phone number."),
    401: (20003, "Authenticate"),
    429: (20429, "Too Many Requests"),
    500: (20500, "Internal Server Error"),
    503: (20503, "Service Unavailable"),
}


class Gateway(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    lock = threading.Lock()
    options = None
    statuses = []
    calls = 0

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(length)
        match = PATH.match(self.path)
        if not match:
            self.answer(404, {"code": 20404, "message": "not found", "status": 404})
            return
        form = urllib.parse.parse_qs(body.decode("utf-8"), keep_blank_values=True)
        field = lambda name: form.get(name, [None])[0]
        account = match.group(1)
        expected = "Basic " + base64.b64encode(
            f"{self.options.account}:{self.options.token}".encode()).decode()
        auth_ok = self.headers.get("Authorization") == expected and account == self.options.account
        to = field("To")
        with self.lock:
            Gateway.calls += 1
            scripted = self.statuses.pop(0) if self.statuses else None
            every = self.options.fail_every
            if every > 0 and Gateway.calls % every == 0:
                status = 500
            elif not auth_ok:
                status = 401
            elif scripted is not None:
                status = scripted
            elif not (to or "").startswith("+"):
                status = 400
            else:
                status = 201
            record = {"account": account, "from": field("From"), "to": to, "body": field("Body"),
                      "auth_ok": auth_ok, "status": status}
            with open(self.options.log, "a", encoding="utf-8") as log:
                log.write(json.dumps(record) + "\n")
        if 200 <= status < 300:
            sid = "SM" + secrets.token_hex(16)
            self.answer(status, {
                "sid": sid, "account_sid": account, "from": field("From"), "to": to,
                "body": field("Body"), "status": "queued", "num_segments": "1", "direction": "outbound-api",
                "error_code": None, "error_message": None, "api_version": "2010-04-01",
                "uri": f"/2010-04-01/Accounts/{account}/Messages/{sid}.json",
            })
        else:
            code, message = ERRORS.get(status, (status, "Scripted failure"))
            self.answer(status, {"code": code, "message": message, "more_info": "", "status": status})

    def answer(self, status, payload):
        reply = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(reply)))
        self.end_headers()
        self.wfile.write(reply)

    def log_message(self, format, *args):
        pass


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--account", required=True)
    parser.add_argument("--token", required=True)
    parser.add_argument("--log", required=True)
    parser.add_argument("--statuses", default="", help="comma-separated statuses for the first calls")
    parser.add_argument("--fail-every", type=int, default=0, help="answer 500 to every Nth call (0: never)")
    options = parser.parse_args()
    Gateway.options = options
    Gateway.statuses = [int(s) for s in options.statuses.split(",") if s.strip()]

    # A launcher may start us with signals blocked (threads of a test runner
    # often block them, and the mask is inherited): unblock the ones we stop on.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT, signal.SIGUSR1})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Gateway)
    print(server.server_address[1], flush=True)

    def stop(*_):
        threading.Thread(target=server.shutdown).start()
    signal.signal(signal.SIGTERM, stop)

    def heal(*_):
        with Gateway.lock:
            options.fail_every = 0
        print("healed", file=sys.stderr, flush=True)
    signal.signal(signal.SIGUSR1, heal)

    if stat.S_ISFIFO(os.fstat(0).st_mode):
        def watch_stdin():
            while os.read(0, 4096):
                pass
            stop()
        threading.Thread(target=watch_stdin, daemon=True).start()
    server.serve_forever()


if __name__ == "__main__":
    main()
