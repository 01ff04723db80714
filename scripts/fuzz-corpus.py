#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets (Tests/Fuzz/Corpus/<target>/) from the repository's own
fixtures and samples; the store's journals and snapshots are made here. Run from anywhere; it replaces the
corpus folders wholly. Seeds are named by content (sha1), so re-running changes nothing unless the sources did.

    python3 scripts/fuzz-corpus.py
"""
import hashlib
import json
import pathlib
import re
import shutil
import struct
import zlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = ROOT / "Tests" / "Fuzz" / "Corpus"
SEPARATOR = b"\n--8<--\n"          # the store harness's part separator


def write(target, seeds):
    folder = CORPUS / target
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for seed in seeds:
        (folder / hashlib.sha1(seed).hexdigest()).write_bytes(seed)
    print(f"{target}: {len(set(seeds))} seeds, {sum(len(s) for s in set(seeds))} bytes")


def messages():
    """Every sample and fixture message, as bytes."""
    paths = sorted((ROOT / "Tests/MailTests/Fixtures").glob("*.eml")) + sorted((ROOT / "Samples/maildir/new").iterdir())
    paths += [ROOT / "Samples/earnings-march.eml"]
    found = [p.read_bytes() for p in paths if p.is_file()]
    mbox = (ROOT / "Samples/rao-march.mbox").read_bytes()
    found += [b"From " + m for m in re.split(rb"(?m)^From ", mbox) if m][:3]    # a few, with their envelope line
    return found


def subject_and_body(message):
    head, _, body = message.replace(b"\r\n", b"\n").partition(b"\n\n")
    subject = re.search(rb"(?mi)^Subject: *(.*)$", head)
    return (subject.group(1) if subject else b"") + b"\n" + body


def golden_commands():
    """The command lines the golden transcripts echo ("> BOOK …") and the help's examples ("— e.g. …")."""
    lines = []
    for path in sorted((ROOT / "Tests/EndToEndTests/Golden").glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("> "):
                lines.append(line[2:])
            elif "— e.g. " in line:
                lines.append(line.split("— e.g. ", 1)[1])
    return list(dict.fromkeys(lines))


PHRASES = [
    "today", "tomorrow 9am", "Tue 10:00", "tue 3 mar 10.30 pm", "3 Mar", "4/3/2026", "4/3", "2026-03-04",
    "31 Feb", "29 February", "12am", "12pm", "noon", "3:30", "03:00", "17:00", "10 am", "10:30 p.m.",
    "March", "march 2026", "2026-03", "3/2026", "this month", "last month", "2,500", "2,50,000", "Rs. 2500.50",
    "₹ 2500", "INR 2500", "2500 rupees", "2500/-", "+91 98765 43210", "(044) 2345-6789", "Re: Fwd: AW: book",
]


def frame(payload):
    return struct.pack("<II", len(payload), zlib.crc32(payload)) + payload


def mark(records):
    return frame(b"\x00C" + struct.pack("<I", records))


def columnar(names, amounts):
    """A snapshot as ColumnarJSONWriter writes it: the members, then "#members" locating them."""
    out = b"{"
    offsets = []
    for key, value in (("names", json.dumps(names, ensure_ascii=False)), ("amounts", json.dumps(amounts))):
        key_start = len(out)
        out += json.dumps(key).encode() + b":"
        value_start = len(out)
        out += value.replace(", ", ",").encode()
        offsets += [key_start, value_start, len(out)]
        out += b","
    return out + b'"#members":' + json.dumps(offsets).replace(" ", "").encode() + b"}"


def sealed(payload):
    return b"CAREDESK-SNAPSHOT 1 crc32=%08x bytes=%d\n" % (zlib.crc32(payload), len(payload)) + payload


def store_seeds():
    records = [json.dumps({"w": w, "n": n}, ensure_ascii=False).encode()
               for w, n in (("a", 1), ("b", -2), ("é\\u0000", 3), ("", 9007199254740993))]
    journal = b"".join(frame(r) for r in records[:2]) + mark(2) + frame(records[2]) + mark(1)
    snapshot = columnar(["a", "b"], [1, -2])
    plain = json.dumps({"names": ["x"], "amounts": [5]}).encode()
    seeds = [
        b"\x00" + journal,                                          # a good journal
        b"\x00" + journal + frame(records[3])[:-3],                 # with a torn tail
        b"\x00" + journal[:20] + b"X" + journal[21:],               # damage, valid frames after it
        b"\x01" + sealed(snapshot) + SEPARATOR + journal,           # snapshot and journal of generation 1
        b"\x01" + plain + SEPARATOR + journal,                      # an unsealed snapshot (before seals)
        b"\x01" + sealed(snapshot)[:-1] + b"]" + SEPARATOR + SEPARATOR + journal,   # broken seal, rebuilt from generation 0
        b"\x02" + SEPARATOR.join(records[:2] + [b""] + records[2:] + [b""]),
        b"\x03" + snapshot + SEPARATOR + SEPARATOR.join(records[1:3] + [b""]),
        b"\x03" + plain + SEPARATOR + records[0] + SEPARATOR,
    ]
    return seeds


def webhook_seeds():
    samples = {p.name: p.read_bytes() for p in sorted((ROOT / "Samples/webhooks").iterdir())}
    headers = [
        b"v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4= v2,abc\nmsg_p5jXN8AQM9LWM0D4loKWxJek\n1772425800\n",
        b"t=1772425800,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd,v0=6ffbb59b2300aae63f272406069a9788598b792a944a07aba816edb039989a39\nhttps://desk.example/\nwhsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\n",
        b"0Kz5J0Yh1lO7Zg1pGxZ4Ff8vK6Y=\nhttps://desk.example/webhooks/twilio?x=1\n\n",
    ]
    seeds = [h + body for h in headers for body in samples.values()]
    return seeds + list(samples.values())


def main():
    mail = messages()
    write("mime", mail + [b"Subject: =?utf-8?q?caf=C3=A9?=\nFrom: \"A, B\" <a@b.example>, (c) d@e.example\n"
                          b"Date: Mon, 2 Mar 2026 08:50:00 +0530\n"
                          b"Authentication-Results: mx.example; dmarc=pass header.from=b.example; spf=pass\n\nx"])
    commands = [subject_and_body(m) for m in mail if b"Content-Type: multipart" not in m][:40]
    commands.append(b"Re: book\n" + "\n".join(golden_commands()[:30]).encode())
    write("commands", commands + [line.encode() for line in golden_commands()[30:60]])
    arguments = [line.split(" ", 1)[1] for line in golden_commands() if " " in line]
    write("phrases", [p.encode() for p in PHRASES + arguments[:40]])
    write("store", store_seeds())
    write("webhooks", webhook_seeds())


if __name__ == "__main__":
    main()
