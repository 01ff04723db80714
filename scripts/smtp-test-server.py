#!/usr/bin/env python3
"""SMTP server for CareDesk's transport tests (aiosmtpd).

Prints the port it listens on (127.0.0.1) as its first stdout line, then
records every accepted message as DIR/NNNN.json:
  {mail_from, rcpt_tos, data_base64, connection_number, tls, auth, helo}
connection_number counts TCP connections (STARTTLS does not start a new one).
Stops on SIGTERM, SIGINT, or when its stdin is a pipe that closes (so it
dies with the test process that started it).

Options:
  --starttls CERT KEY     offer STARTTLS and require it before MAIL
  --auth USER:PASS        accept AUTH with these credentials (needs --starttls)
  --auth-mechanism MECH   offer only MECH (PLAIN or LOGIN)
  --fail-first N          reply "451 4.3.0" to the first N DATA
  --reject-rcpt TEXT      reply "550 5.1.1" to RCPT addresses containing TEXT
  --idle-timeout SECONDS  close a connection idle that long (421, as relays do)
"""
import argparse
import asyncio
import base64
import json
import logging
import os
import signal
import ssl
import stat
import threading

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


class CountingSMTP(SMTP):
    connections = 0

    def connection_made(self, transport):
        if self._original_transport is None and not hasattr(self, "connection_number"):
            CountingSMTP.connections += 1
            self.connection_number = CountingSMTP.connections
        super().connection_made(transport)


class Recorder:
    def __init__(self, directory, fail_first, reject_rcpt):
        self.directory = directory
        self.fail_left = fail_first
        self.reject_rcpt = reject_rcpt
        self.count = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.reject_rcpt and self.reject_rcpt in address:
            return "550 5.1.1 Recipient rejected"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.fail_left > 0:
            self.fail_left -= 1
            return "451 4.3.0 Try again later"
        self.count += 1
        record = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "data_base64": base64.b64encode(envelope.original_content).decode("ascii"),
            "connection_number": server.connection_number,
            "tls": session.ssl is not None,
            "auth": session.auth_data,
            "helo": session.host_name,
        }
        path = os.path.join(self.directory, "%04d.json" % self.count)
        with open(path + ".tmp", "w") as file:
            json.dump(record, file)
        os.rename(path + ".tmp", path)
        return "250 2.0.0 Ok: queued as %04d" % self.count


def authenticator(expected_user, expected_password):
    def check(server, session, envelope, mechanism, auth_data):
        good = (isinstance(auth_data, LoginPassword)
                and auth_data.login.decode() == expected_user
                and auth_data.password.decode() == expected_password)
        data = {"mechanism": mechanism, "user": auth_data.login.decode()} if good else None
        # handled=False: aiosmtpd itself answers a failure with 535.
        return AuthResult(success=good, handled=good, auth_data=data)
    return check


def stdin_is_pipe():
    """The test launcher gives a pipe; a terminal or /dev/null is not watched."""
    return stat.S_ISFIFO(os.fstat(0).st_mode)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--record", required=True)
    parser.add_argument("--starttls", nargs=2, metavar=("CERT", "KEY"))
    parser.add_argument("--auth")
    parser.add_argument("--auth-mechanism", choices=["PLAIN", "LOGIN"])
    parser.add_argument("--fail-first", type=int, default=0)
    parser.add_argument("--reject-rcpt")
    parser.add_argument("--idle-timeout", type=float, default=300)
    args = parser.parse_args()
    # A launcher may start us with signals blocked (threads of a test runner
    # often block them, and the mask is inherited): unblock the ones we stop on.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    logging.basicConfig(level=logging.ERROR)

    options = {"hostname": "caredesk-test", "ident": "CareDesk test SMTP", "timeout": args.idle_timeout}
    if args.starttls:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(*args.starttls)
        options.update(tls_context=context, require_starttls=True)
    if args.auth:
        user, _, password = args.auth.partition(":")
        options.update(authenticator=authenticator(user, password), auth_required=True)
        if args.auth_mechanism:
            options["auth_exclude_mechanism"] = [m for m in ("PLAIN", "LOGIN") if m != args.auth_mechanism]

    os.makedirs(args.record, exist_ok=True)
    recorder = Recorder(args.record, args.fail_first, args.reject_rcpt)
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    server = loop.run_until_complete(
        loop.create_server(lambda: CountingSMTP(recorder, loop=loop, **options), "127.0.0.1", args.port))
    print(server.sockets[0].getsockname()[1], flush=True)

    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, loop.stop)

    if stdin_is_pipe():
        def watch_stdin():
            while os.read(0, 4096):
                pass
            loop.call_soon_threadsafe(loop.stop)
        threading.Thread(target=watch_stdin, daemon=True).start()

    try:
        loop.run_forever()
    finally:
        server.close()


if __name__ == "__main__":
    main()
