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

Paying in a browser. localstripe serves a stand-in Stripe.js at
/js.stripe.com/v3/ whose Card Element is five plain text inputs (placeholders
number, exp_month, exp_year, cvc, postal_code; no iframe). Its
stripe.confirmCardPayment() has a gap: it only answers a 3-D Secure question
(POST /v1/payment_intents/<id>/_authenticate, for a PaymentIntent in
requires_action). It does not do what real Stripe.js does for a PaymentIntent
in requires_payment_method, which is how the desk makes them: send the typed
card along with the confirmation. localstripe's own API cannot be called for
that from a page either: creating a payment method, attaching it and
confirming need the secret key, and its confirm refuses a payment_method
(500, "Not implemented").
This launcher covers the gap for the tests, leaving the product alone:
  - GET /js.stripe.com/v3/ is localstripe's script with
    localstripe-confirm-card.js (beside this file) appended. That wraps
    confirmCardPayment(clientSecret, {payment_method: {card: element}}) (or
    {payment_method: "pm_..."}) so it posts the typed card to
    POST /v1/payment_intents/<id>/confirm with the publishable key and the
    client secret, as Stripe.js does, and resolves {paymentIntent} or {error}.
    A card that wants 3-D Secure comes back in requires_action and then gets
    localstripe's own question; a call with no payment method is localstripe's
    own behaviour.
  - That confirm, from a page (key=pk_..., no secret key), is answered here:
    the client secret must be the PaymentIntent's; for one in
    requires_payment_method a card payment method is made from
    payment_method_data (or payment_method names one, e.g. pm_card_visa), it is
    attached, and the PaymentIntent is confirmed, each with localstripe's own
    code, so its webhooks (payment_intent.succeeded, ..._failed) and declines
    (402 for 4000000000000341) are localstripe's; after a declined card
    another may be tried, as with Stripe. Every other call, and every call
    with the secret key, is localstripe's unchanged.
"""
import argparse
import asyncio
import logging
import os
import pickle
import re
import signal
import stat
import threading

from aiohttp import web
from localstripe import resources
from localstripe.errors import UserError
from localstripe.server import app, get_api_key, get_post_data, json_response

CONFIRM_CARD_JS = os.path.join(os.path.dirname(os.path.realpath(__file__)),
                               "localstripe-confirm-card.js")
BROWSER_CONFIRM = re.compile(r"^/v1/payment_intents/(pi_\w+)/confirm$")


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


def stripe_js():
    """localstripe's stand-in Stripe.js with the card confirmation appended."""
    own = os.path.join(os.path.dirname(os.path.realpath(resources.__file__)),
                       "localstripe-v3.js")
    with open(own) as first, open(CONFIRM_CARD_JS) as second:
        return first.read() + "\n" + second.read()


def confirm_from_page(intent_id, data):
    """POST /v1/payment_intents/<id>/confirm as a page sends it: the card
    attached, then confirmed, with localstripe's own code; the PaymentIntent."""
    intent = resources.PaymentIntent._api_retrieve(intent_id)
    if data.get("client_secret") != intent.client_secret:
        raise UserError(401, "Unauthorized")
    if intent.status == "requires_payment_method":
        method = data.get("payment_method")
        details = data.get("payment_method_data")
        if isinstance(details, dict) and details.get("type") == "card":
            method = resources.PaymentMethod._api_create(
                type="card", card=details.get("card"),
                billing_details=details.get("billing_details") or None).id
        if not isinstance(method, str):
            raise UserError(400, "A payment method is needed to confirm")
        resources.PaymentIntent._api_update(intent_id, payment_method=method)
        if intent.latest_charge is not None and intent.latest_charge.status == "failed":
            # Another card after a declined one: Stripe charges again, so the
            # failed charge no longer decides the status.
            intent.latest_charge = None
    if intent.status == "requires_confirmation":
        resources.PaymentIntent._api_confirm(intent_id)
    return intent


@web.middleware
async def pay_in_browser(request, handler):
    """Answers what a page's Stripe.js asks that localstripe lacks (see the
    docstring at the top); everything else goes on to localstripe."""
    if request.method == "GET" and request.path == "/js.stripe.com/v3/":
        return web.Response(text=stripe_js(), content_type="application/javascript")
    match = BROWSER_CONFIRM.match(request.path)
    if request.method == "POST" and match and get_api_key(request) is None:
        data = await get_post_data(request, remove_auth=False) or {}
        if str(data.get("key", "")).startswith("pk_"):
            try:
                intent = confirm_from_page(match.group(1), data)
            finally:
                resources.store.dump_to_disk()
            return json_response(intent._export())
    return await handler(request)


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
    # After localstripe's error handling (its UserErrors become JSON answers),
    # before its authentication.
    app.middlewares.insert(1, pay_in_browser)
    asyncio.run(serve(args))


if __name__ == "__main__":
    main()
