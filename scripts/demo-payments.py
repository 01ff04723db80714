#!/usr/bin/env python3
"""The pay flow, shown: a patient books with payment at booking, pays by card, gets a receipt.

  demo-payments.py --bin .build/debug/caredesk --data demo-pay-data [--now 2026-03-02T09:00:00+05:30]

Starts localstripe (scripts/localstripe-server.py) as the Stripe API and
`caredesk serve` on free loopback ports, with the sample clinic (which takes
fees at booking). A patient writes REGISTER, VERIFY and BOOK by mail (into the
served Maildir); the demo prints each reply, opens the pay page as a browser
would (its summary), pays with Stripe's test card as the page's Stripe.js
would, waits for localstripe's signed webhook to mark it paid, and prints the
receipt and APPOINTMENTS. Everything it started is stopped by its process id.
"""
import argparse
import email
import email.policy
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
PATIENT = "meera.iyer@example.in"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def call(url, form=None, key=None):
    data = urllib.parse.urlencode(form).encode() if form is not None else None
    request = urllib.request.Request(url, data=data)
    if key:
        request.add_header("Authorization", "Bearer " + key)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def text_of(path):
    with open(path, "rb") as f:
        message = email.message_from_binary_file(f, policy=email.policy.default)
    part = message.get_body(preferencelist=("plain",))
    return message, (part.get_content() if part else "")


def wait_for(condition, what, timeout=20):
    deadline = time.time() + timeout
    while time.time() < deadline:
        found = condition()
        if found:
            return found
        time.sleep(0.1)
    sys.exit(f"demo-payments: gave up waiting for {what}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", required=True)
    parser.add_argument("--data", required=True)
    parser.add_argument("--now", default="2026-03-02T09:00:00+05:30")
    args = parser.parse_args()
    root = os.path.abspath(args.data)
    shutil.rmtree(root, ignore_errors=True)
    data, maildir = os.path.join(root, "data"), os.path.join(root, "maildir")
    for sub in ("new", "cur", "tmp"):
        os.makedirs(os.path.join(maildir, sub))
    subprocess.run([args.bin, "init", "--data", data, "--clinic", os.path.join(HERE, "..", "Samples", "clinic.json")],
                   check=True, stdout=subprocess.DEVNULL)

    stripe = subprocess.Popen([sys.executable, os.path.join(HERE, "localstripe-server.py")], stdout=subprocess.PIPE,
                              stdin=subprocess.PIPE, text=True)
    serve = None
    try:
        stripe_url = "http://127.0.0.1:" + stripe.stdout.readline().strip()
        key, secret, port = "sk_test_demo", "whsec_demo_" + "x" * 24, free_port()
        env = dict(os.environ, CAREDESK_STRIPE_SECRET_KEY=key, CAREDESK_STRIPE_BASE_URL=stripe_url,
                   CAREDESK_STRIPE_WEBHOOK_SECRET=secret, CAREDESK_STRIPE_PUBLISHABLE_KEY="pk_test_demo",
                   CAREDESK_STRIPE_JS_URL=stripe_url + "/js.stripe.com/v3/", CAREDESK_LINK_SECRET="demo-link-secret-" + "s" * 24,
                   CAREDESK_PUBLIC_URL=f"http://127.0.0.1:{port}", CAREDESK_TEST_SEED="0")
        serve = subprocess.Popen([args.bin, "serve", "--data", data, "--maildir", maildir, "--now", args.now, "--port", str(port),
                                  "--poll-interval", "0.1"], env=env, stdout=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True)
        line = serve.stdout.readline()
        if "listening" not in line:
            sys.exit("demo-payments: caredesk serve did not start")
        desk = f"http://127.0.0.1:{port}"
        status, body = call(stripe_url + "/_config/webhooks/caredesk", {"url": desk + "/webhooks/stripe", "secret": secret})
        print(f"localstripe at {stripe_url} (its signed events go to {desk}/webhooks/stripe); caredesk serve at {desk}\n")

        outgoing = os.path.join(data, "outgoing", "new")
        count = [0]

        def send(body):
            count[0] += 1
            message_id = f"demo-pay-{count[0]}@example.in"
            raw = (f"From: Meera Iyer <{PATIENT}>\nTo: desk@kanchicare.example\nSubject: appointment\n"
                   f"Message-ID: <{message_id}>\nDate: Mon, 2 Mar 2026 08:50:00 +0530\n\n{body}\n")
            name = f"{count[0]:04d}.demo"
            with open(os.path.join(maildir, "tmp", name), "w") as f:
                f.write(raw)
            os.rename(os.path.join(maildir, "tmp", name), os.path.join(maildir, "new", name))

            def reply():
                for file in sorted(os.listdir(outgoing)):
                    message, text = text_of(os.path.join(outgoing, file))
                    if message.get("In-Reply-To") == f"<{message_id}>":
                        return text
            text = wait_for(reply, f"the reply to {body!r}")
            print(f"━━━ {PATIENT} writes: {body}\n{text}\n")
            return text

        code = re.search(r"VERIFY (\d{6})", send("REGISTER Meera Iyer")).group(1)
        send(f"VERIFY {code}")
        held = send("BOOK Dr Rao Tue 10:00 follow-up")
        link = re.search(r"(http://\S+/pay/\S+)", held).group(1)

        def page_with_form():
            status, html = call(link)
            found = re.search(r'data-secret="([^"]+)"', html)
            return (html, found.group(1)) if found else None
        html, client_secret = wait_for(page_with_form, "the PaymentIntent")
        summary = re.sub(r"<[^>]+>", " ", re.search(r'<table class="summary".*?</table>', html, re.S).group(0))
        print("━━━ the pay page (GET " + link.split("?")[0][:60] + "…):\n  " + " ".join(summary.split()) + "\n")

        intent = client_secret.split("_secret_")[0]
        call(f"{stripe_url}/v1/payment_intents/{intent}", {"payment_method": "pm_card_visa"}, key)
        status, body = call(f"{stripe_url}/v1/payment_intents/{intent}/confirm", {}, key)
        print(f"━━━ paid with Stripe's test card 4242 4242 4242 4242: PaymentIntent {intent} is {json.loads(body)['status']}\n")

        def receipt():
            for file in sorted(os.listdir(outgoing)):
                message, text = text_of(os.path.join(outgoing, file))
                if str(message.get("Subject", "")).startswith("Receipt"):
                    return f"Subject: {message['Subject']}\n{text}"
        print("━━━ the receipt, after localstripe's signed payment_intent.succeeded:\n" + wait_for(receipt, "the receipt") + "\n")
        send("APPOINTMENTS")
    finally:
        for process in (serve, stripe):
            if process and process.poll() is None:
                process.terminate()
                process.wait(timeout=10)


if __name__ == "__main__":
    main()
