#!/usr/bin/env python3
"""A patient paying on the pay page, in headless Chromium (selenium, Debian's
chromium and chromium-driver: see deps.sh).

  pay-in-browser.py --url URL --card 4242424242424242 --screenshot PATH
                    [--filled-screenshot PATH] [--expiry 12/34] [--cvc 123] [--postal-code 12345]
                    [--expect-text Paid] [--timeout 30]
  pay-in-browser.py --url URL --look --screenshot PATH

Paying: opens URL, waits for the card form, types the card (spaces are left
out), the expiry, the CVC and, when the form asks, a postal code; clicks Pay;
waits until the page's status line (#message) says --expect-text; saves a
screenshot of what the patient then sees; prints the status line.
--filled-screenshot: also one of the form filled in, before Pay is clicked. The card
form typed into is localstripe's stand-in Card Element (plain inputs, as
scripts/localstripe-server.py serves it); the real Stripe.js puts its fields
in an iframe of Stripe's, which this does not type into.
--look: only opens URL, waits for it to load, saves a screenshot and prints
the text a person sees on the page (hidden parts left out).
Exits 0 when done; 1, with the reason on stderr (and the page's console
errors), on anything else: no browser, no form, a refused card, no answer in
--timeout seconds. Binds nothing; the screenshot is taken on failure too.
"""
import argparse
import os
import shutil
import sys
import tempfile

from selenium import webdriver
from selenium.common.exceptions import TimeoutException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait


class Failure(Exception):
    """Why the page could not be paid, in words for the test's output."""


def browser(profile):
    """Headless Chromium through chromedriver, both Debian's: nothing is
    downloaded (selenium's own manager is never asked)."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    if not chromium or not driver:
        raise Failure("chromium and chromedriver are needed (scripts/deps.sh installs them)")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=720,900", "--no-first-run", "--user-data-dir=" + profile):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(executable_path=driver), options=options)


def console_errors(page):
    try:
        return [entry["message"] for entry in page.get_log("browser") if entry.get("level") == "SEVERE"]
    except WebDriverException:
        return []


def card_inputs(page, timeout):
    """The card form's fields by what they ask (their placeholders), once the
    page's script has mounted them in #card."""
    try:
        WebDriverWait(page, timeout).until(
            lambda p: p.find_elements(By.CSS_SELECTOR, "#card input, #card iframe")
            or not p.find_elements(By.ID, "card") or not p.find_element(By.ID, "card").is_displayed())
    except TimeoutException:
        raise Failure(f"no card form appeared in #card within {timeout} s")
    if not page.find_elements(By.ID, "card") or not page.find_element(By.ID, "card").is_displayed():
        raise Failure("the page shows no card form: " + visible_text(page))
    if page.find_elements(By.CSS_SELECTOR, "#card iframe"):
        raise Failure("the card form is an iframe (the real Stripe.js?): only localstripe's stand-in can be typed into")
    fields = {}
    for field in page.find_elements(By.CSS_SELECTOR, "#card input"):
        fields[(field.get_attribute("placeholder") or field.get_attribute("name") or "").lower()] = field
    return fields


def type_card(page, args):
    fields = card_inputs(page, args.timeout)
    month, _, year = args.expiry.partition("/")
    wanted = {"number": args.card.replace(" ", ""), "exp_month": month.strip(), "exp_year": year.strip()[-2:],
              "cvc": args.cvc, "postal_code": args.postal_code}
    missing = [name for name in ("number", "exp_month", "exp_year", "cvc") if name not in fields]
    if missing:
        raise Failure(f"the card form has no field for {', '.join(missing)} (it has: {', '.join(fields) or 'none'})")
    # One field after another, as a person types: the stand-in moves the focus on by itself.
    for name in ("number", "exp_month", "exp_year", "cvc", "postal_code"):
        if name in fields:
            fields[name].click()
            fields[name].clear()
            fields[name].send_keys(wanted[name])


def pay(page, args):
    page.get(args.url)
    type_card(page, args)
    if args.filled_screenshot:
        screenshot(page, args.filled_screenshot)
    page.find_element(By.ID, "submit").click()
    message = page.find_element(By.ID, "message")

    def answered(_):
        text = message.text.strip()
        return text if args.expect_text in text or text.startswith("Not paid") else False
    try:
        text = WebDriverWait(page, args.timeout).until(answered)
    except TimeoutException:
        raise Failure(f"the page said '{message.text.strip()}' after {args.timeout} s, not '{args.expect_text}'")
    if args.expect_text not in text:
        raise Failure(f"the page said '{text}', not '{args.expect_text}'")
    return text


def visible_text(page):
    return page.find_element(By.TAG_NAME, "body").text


def look(page, args):
    page.get(args.url)
    WebDriverWait(page, args.timeout).until(lambda p: p.execute_script("return document.readyState") == "complete")
    return visible_text(page)


def screenshot(page, path):
    folder = os.path.dirname(os.path.abspath(path))
    os.makedirs(folder, exist_ok=True)
    # The whole page, however long: the window is made as tall as the document.
    height = page.execute_script("return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)")
    page.set_window_size(720, max(600, min(int(height) + 40, 4000)))
    if not page.save_screenshot(path):
        raise Failure(f"could not save the screenshot to {path}")


def main():
    parser = argparse.ArgumentParser(description="Pay the pay page in headless Chromium.")
    parser.add_argument("--url", required=True)
    parser.add_argument("--screenshot", required=True)
    parser.add_argument("--filled-screenshot", help="also the form filled in, before paying")
    parser.add_argument("--look", action="store_true", help="only load the page and screenshot it")
    parser.add_argument("--card", help="the card number, e.g. 4242424242424242")
    parser.add_argument("--expiry", default="12/34", help="MM/YY")
    parser.add_argument("--cvc", default="123")
    parser.add_argument("--postal-code", default="12345", help="typed only when the form asks for one")
    parser.add_argument("--expect-text", default="Paid", help="what the status line must say in the end")
    parser.add_argument("--timeout", type=float, default=30)
    args = parser.parse_args()
    if not args.look and not args.card:
        parser.error("--card is needed to pay (or --look to only look)")

    profile = tempfile.mkdtemp(prefix="pay-in-browser-")
    page = None
    try:
        page = browser(profile)
        page.set_page_load_timeout(args.timeout)
        try:
            said = look(page, args) if args.look else pay(page, args)
        except Failure:
            try:  # what the page showed, to look at
                screenshot(page, args.screenshot)
            except (Failure, WebDriverException):
                pass
            raise
        screenshot(page, args.screenshot)
        print(said, flush=True)
        return 0
    except (Failure, WebDriverException) as problem:
        print(f"pay-in-browser: {getattr(problem, 'msg', None) or problem}", file=sys.stderr)
        if page is not None:
            for line in console_errors(page):
                print(f"  console: {line}", file=sys.stderr)
        return 1
    finally:
        if page is not None:
            page.quit()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
