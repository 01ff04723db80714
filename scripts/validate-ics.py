#!/usr/bin/env python3
"""Reads one iCalendar file with the Python `icalendar` parser and prints what it understood
as JSON, for the Mail tests (Tests/MailTests/ICalendarTests.swift):

    python3 scripts/validate-ics.py invite.ics

{method, uid, sequence, dtstart, dtend (ISO 8601 with offset), dtstamp, tzid, status,
 organizer {cn, email}, attendees [{cn, email, role, partstat, rsvp}], alarms [{action,
 trigger_minutes, description}], summary, location, description,
 dtstart_by_vtimezone, dtend_by_vtimezone (the times read through the file's own VTIMEZONE
 instead of the system zone database), problems [...]}

`problems` lists what breaks RFC 5545 framing: lines not ended by CRLF, physical lines over
75 octets, invalid UTF-8, parser errors, a TZID without its VTIMEZONE.

Exit status: 0 parsed (see `problems`), 1 unreadable or unparsable, 2 usage,
3 the `icalendar` module is missing (pip install icalendar).
"""
import json
import sys

try:
    import icalendar
except ImportError:
    print("validate-ics.py: the Python module 'icalendar' is not installed; "
          "install it with: python3 -m pip install icalendar", file=sys.stderr)
    sys.exit(3)


def email(value):
    s = str(value)
    return s[7:] if s.lower().startswith("mailto:") else s


def param(value, name):
    params = getattr(value, "params", {})
    v = params.get(name)
    return None if v is None else str(v)


def as_list(value):
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def framing_problems(raw):
    problems = []
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as e:
        problems.append(f"invalid UTF-8 at byte {e.start}")
    if not raw.endswith(b"\r\n"):
        problems.append("does not end with CRLF")
    lines = raw.split(b"\r\n")
    for n, line in enumerate(lines[:-1] if raw.endswith(b"\r\n") else lines, start=1):
        if b"\n" in line or b"\r" in line:
            problems.append(f"line {n}: bare CR or LF")
        if len(line) > 75:
            problems.append(f"line {n}: {len(line)} octets")
    return problems


def main(argv):
    if len(argv) != 2:
        print("usage: validate-ics.py FILE.ics", file=sys.stderr)
        return 2
    try:
        with open(argv[1], "rb") as f:
            raw = f.read()
        cal = icalendar.Calendar.from_ical(raw)
    except Exception as e:  # noqa: BLE001 - any parser failure is a validation failure
        print(f"validate-ics.py: cannot parse {argv[1]}: {e}", file=sys.stderr)
        return 1

    problems = framing_problems(raw)
    for component in cal.walk():
        for err in getattr(component, "errors", []) or []:
            problems.append(f"{component.name}: {err}")

    events = cal.walk("VEVENT")
    if len(events) != 1:
        print(f"validate-ics.py: expected one VEVENT, found {len(events)}", file=sys.stderr)
        return 1
    event = events[0]

    zones = {str(tz.get("TZID")): tz for tz in cal.walk("VTIMEZONE")}
    start_prop = event.get("DTSTART")
    end_prop = event.get("DTEND")
    tzid = param(start_prop, "TZID")
    for prop, name in ((start_prop, "DTSTART"), (end_prop, "DTEND")):
        t = param(prop, "TZID")
        if t is not None and t not in zones:
            problems.append(f"{name}: TZID {t} has no VTIMEZONE")

    def by_vtimezone(prop):
        t = param(prop, "TZID")
        if t is None or t not in zones:
            return prop.dt.isoformat() if prop is not None else None
        own = zones[t].to_tz(lookup_tzid=False)
        return prop.dt.replace(tzinfo=None).replace(tzinfo=own).isoformat()

    organizer = event.get("ORGANIZER")
    attendees = [
        {"cn": param(a, "CN"), "email": email(a), "role": param(a, "ROLE"),
         "partstat": param(a, "PARTSTAT"), "rsvp": param(a, "RSVP")}
        for a in as_list(event.get("ATTENDEE"))
    ]
    alarms = []
    for alarm in event.walk("VALARM"):
        trigger = alarm.decoded("TRIGGER")
        minutes = trigger.total_seconds() / 60 if hasattr(trigger, "total_seconds") else None
        alarms.append({"action": str(alarm.get("ACTION")), "trigger_minutes": minutes,
                       "description": str(alarm.get("DESCRIPTION")) if alarm.get("DESCRIPTION") is not None else None})

    def text(name, component=event):
        v = component.get(name)
        return None if v is None else str(v)

    out = {
        "method": text("METHOD", cal),
        "prodid": text("PRODID", cal),
        "version": text("VERSION", cal),
        "uid": text("UID"),
        "sequence": int(event.get("SEQUENCE")) if event.get("SEQUENCE") is not None else None,
        "dtstamp": event.decoded("DTSTAMP").isoformat() if event.get("DTSTAMP") is not None else None,
        "dtstart": start_prop.dt.isoformat() if start_prop is not None else None,
        "dtend": end_prop.dt.isoformat() if end_prop is not None else None,
        "dtstart_by_vtimezone": by_vtimezone(start_prop) if start_prop is not None else None,
        "dtend_by_vtimezone": by_vtimezone(end_prop) if end_prop is not None else None,
        "tzid": tzid,
        "status": text("STATUS"),
        "transp": text("TRANSP"),
        "organizer": None if organizer is None else {"cn": param(organizer, "CN"), "email": email(organizer)},
        "attendees": attendees,
        "alarms": alarms,
        "summary": text("SUMMARY"),
        "location": text("LOCATION"),
        "description": text("DESCRIPTION"),
        "problems": problems,
    }
    json.dump(out, sys.stdout, ensure_ascii=False, sort_keys=True)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
