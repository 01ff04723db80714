#!/usr/bin/env python3
"""A fake Stripe API for CareDesk's payment tests: localstripe's own aiohttp app.

  localstripe-server.py [--port N] [--state-dir DIR] [--verbose]

Serves localstripe (PyPI) on 127.0.0.1 only (its own CLI binds every
interface), on --port (0, the default, picks a free one). Once it accepts
connections it prints its port as the first stdout line, as the other test
servers here do (Tests/TestServers/ScriptServer.swift reads it).
Every run starts with no objects and no webhooks. localstripe pickles its
store to /tmp/localstripe.pickle on every change and reloads it at start;
here nothing is read, and the store is written only with --state-dir, to
DIR/localstripe.pickle (for looking at after a test). --verbose logs
requests and webhook deliveries to stderr. Stops on SIGTERM, SIGINT, or when
its stdin is a pipe that closes.
"""
import argparse
import asyncio
import logging
import os
import pickle
import signal
import stat
import threading

from aiohttp import web
from localstripe import resources
from localstripe.server import app


def keep_state(state_dir):
    """Points localstripe's one Store at DIR/localstripe.pickle, or nowhere."""
    store = resources.store
    store.clear()
    if state_dir is None:
        store.dump_to_disk = lambda: None
        return
    os.makedirs(state_dir, exist_ok=True)
    path = os.path.join(state_dir, "localstripe.pickle")

    def dump():
        with open(path + ".tmp", "wb") as f:
            pickle.dump(dict(store), f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(path + ".tmp", path)
    store.dump_to_disk = dump


def stdin_is_pipe():
    """The test launcher gives a pipe; a terminal or /dev/null is not watched."""
    return stat.S_ISFIFO(os.fstat(0).st_mode)


async def serve(args):
    log = logging.getLogger("aiohttp.access")  # localstripe's webhook log too
    if args.verbose:
        log.setLevel(logging.INFO)
        log.addHandler(logging.StreamHandler())
    runner = web.AppRunner(app, access_log=log if args.verbose else None,
                           handle_signals=False)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", args.port)
    await site.start()
    port = runner.addresses[0][1]
    print(port, flush=True)

    loop = asyncio.get_running_loop()
    done = asyncio.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, done.set)
    if stdin_is_pipe():
        def watch_stdin():
            while os.read(0, 4096):
                pass
            loop.call_soon_threadsafe(done.set)
        threading.Thread(target=watch_stdin, daemon=True).start()
    await done.wait()
    await runner.cleanup()  # webhooks still waiting to be sent are dropped


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--state-dir")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    # A launcher may start us with signals blocked (threads of a test runner
    # often block them, and the mask is inherited): unblock the ones we stop on.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    keep_state(args.state_dir)
    asyncio.run(serve(args))


if __name__ == "__main__":
    main()
