#!/usr/bin/env python3
"""Writes the MailTests golden fixtures (.eml with LF line ends + .expected.json) next to this
script: python3 generate_fixtures.py. The .eml files are committed; rerun only to add fixtures.
Expected values are written by hand here, not produced by the parser."""
import base64, calendar, json, os, struct, zlib

OUT = os.path.dirname(os.path.abspath(__file__))
os.makedirs(OUT, exist_ok=True)

def epoch(y, mo, d, h, mi, s, off_min=0):
    return calendar.timegm((y, mo, d, h, mi, s)) - off_min * 60

def b64lines(data, width=76):
    s = base64.b64encode(data).decode()
    return "\n".join(s[i:i + width] for i in range(0, len(s), width))

def png(w=8, h=8):
    def chunk(t, d):
        c = struct.pack(">I", len(d)) + t + d
        return c + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
    rows = b"".join(b"\x00" + b"".join(bytes([(x * 32) % 256, (y * 32) % 256, 160]) for x in range(w)) for y in range(h))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))

PNG = png()
JPEG = bytes([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10]) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + bytes(range(200)) + bytes([0xFF, 0xD9])
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"

fixtures = {}

def add(name, eml, expected):
    if isinstance(eml, str):
        eml = eml.encode("utf-8")
    assert b"\r" not in eml, name
    fixtures[name] = (eml, expected)

# 1 -------------------------------------------------------------------------
add("plain-utf8", """Return-Path: <anna.muller@example.org>
Received: from mx.example.org (mx.example.org [192.0.2.10])
\tby desk.clinic.example with ESMTPS id 4Q1xYz
\tfor <desk@clinic.example>; Mon, 02 Mar 2026 09:58:01 +0100
From: Anna Müller <Anna.Muller@Example.ORG>
To: CareDesk <desk@clinic.example>
Subject: Termin bei Dr Rao – Dienstag
Date: Mon, 2 Mar 2026 09:58:00 +0100
Message-ID: <20260302095800.1234@example.org>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit

BOOK Dr Rao Tue 10:00

Grüße,
Anna
""", dict(from_="Anna.Muller@example.org", fromName="Anna Müller", returnPath="anna.muller@example.org",
          subject="Termin bei Dr Rao – Dienstag", messageID="20260302095800.1234@example.org",
          date=epoch(2026, 3, 2, 9, 58, 0, 60), text="BOOK Dr Rao Tue 10:00\n\nGrüße,\nAnna\n",
          attachments=[], automatic="none", warnings=0))

# 2 -------------------------------------------------------------------------
add("folded-headers", """From: "Rao, Priya (Dr)"
 <priya.rao@clinic.example>
To: desk@clinic.example,
\t"Front Office" <front@clinic.example>
Subject: This is a rather long subject line that has been folded
 across two lines by the sending client
Date: Tue,
 3 Mar 2026 14:05:09 -0500 (EST)
Message-ID:
 <CAF=folded.id.42@mail.clinic.example>
In-Reply-To: <orig-1@clinic.example>
References: <orig-0@clinic.example>
\t<orig-1@clinic.example>
Content-Type: text/plain;
\tcharset="us-ascii";
\tformat=flowed
Content-Transfer-Encoding: 7bit

CANCEL Dr Rao Tue 10:00 please, I have a conflict that came up this 
morning.
""", dict(from_="priya.rao@clinic.example", fromName="Rao, Priya (Dr)",
          subject="This is a rather long subject line that has been folded across two lines by the sending client",
          messageID="CAF=folded.id.42@mail.clinic.example", inReplyTo="orig-1@clinic.example",
          references=["orig-0@clinic.example", "orig-1@clinic.example"], date=epoch(2026, 3, 3, 14, 5, 9, -300),
          text="CANCEL Dr Rao Tue 10:00 please, I have a conflict that came up this morning.\n",
          attachments=[], automatic="none", warnings=0))

# 3 -------------------------------------------------------------------------
subj1 = base64.b64encode("Rendez-vous chez le Dr Rao —".encode()).decode()
add("encoded-words", f"""From: =?ISO-8859-1?Q?Fran=E7ois_B=E9rub=E9?= <francois@EXAMPLE.fr>
Reply-To: =?UTF-8?B?SsO8cmdlbiBTY2jDtm4=?= <juergen@example.de>
To: desk@clinic.example
Subject: =?UTF-8?B?{subj1}?=
 =?UTF-8?Q?_mardi_=C3=A0_10h?=
Date: Wed, 04 Mar 2026 08:15:00 +0100
Message-ID: <enc.words.1@example.fr>
Content-Type: text/plain; charset=us-ascii

BOOK Dr Rao Tue 10:00
""", dict(from_="francois@example.fr", fromName="François Bérubé", replyTo="juergen@example.de",
          replyToName="Jürgen Schön", subject="Rendez-vous chez le Dr Rao — mardi à 10h",
          messageID="enc.words.1@example.fr", date=epoch(2026, 3, 4, 8, 15, 0, 60),
          text="BOOK Dr Rao Tue 10:00\n", attachments=[], automatic="none", warnings=0))

# 4 -------------------------------------------------------------------------
add("qp-softbreaks", """From: Lena Fischer <lena@example.de>
To: desk@clinic.example
Subject: Long message with soft line breaks
Date: Thu, 05 Mar 2026 10:00:00 +0000
Message-ID: <qp.1@example.de>
MIME-Version: 1.0
Content-Type: text/plain; charset=UTF-8
Content-Transfer-Encoding: quoted-printable

BOOK Dr Rao Thu 11:30=0AThis line is intentionally very long so that the sendin=
g client had to break it with a soft line break somewhere in the middle of =
a word.
Caf=C3=A9 cr=C3=A8me br=c3=bbl=C3=A9e =3D dessert   
Equals at end stays: a=3D
""", dict(from_="lena@example.de", fromName="Lena Fischer", subject="Long message with soft line breaks",
          messageID="qp.1@example.de", date=epoch(2026, 3, 5, 10, 0, 0),
          text="BOOK Dr Rao Thu 11:30\nThis line is intentionally very long so that the sending client had to "
               "break it with a soft line break somewhere in the middle of a word.\nCafé crème brûlée = dessert\n"
               "Equals at end stays: a=\n", attachments=[], automatic="none", warnings=0))

# 5 -------------------------------------------------------------------------
body5 = "Hello,\r\n\r\nRESCHEDULE Dr Rao Tue 10:00 -> Wed 09:30\r\n\r\nMerci beaucoup, Zoë\r\n".encode()
add("base64-body", f"""From: zoe@example.com
To: desk@clinic.example
Subject: Reschedule
Date: Fri, 6 Mar 2026 07:30:00 +0000
Message-ID: <b64.body@example.com>
MIME-Version: 1.0
Content-Type: text/plain; charset="utf-8"
Content-Transfer-Encoding: base64

{b64lines(body5, 40)}
""", dict(from_="zoe@example.com", subject="Reschedule", messageID="b64.body@example.com",
          date=epoch(2026, 3, 6, 7, 30, 0),
          text="Hello,\n\nRESCHEDULE Dr Rao Tue 10:00 -> Wed 09:30\n\nMerci beaucoup, Zoë\n",
          attachments=[], automatic="none", warnings=0))

# 6 -------------------------------------------------------------------------
add("latin1-8bit", ("""From: =?iso-8859-1?q?H=E9l=E8ne_Dupr=E9?= <helene@example.fr>
To: desk@clinic.example
Subject: Rendez-vous annulé
Date: Sat, 07 Mar 2026 18:00:00 +0100
Message-ID: <latin1.8bit@example.fr>
MIME-Version: 1.0
Content-Type: text/plain; charset=ISO-8859-1
Content-Transfer-Encoding: 8bit

Bonjour,

Je voudrais annuler mon rendez-vous de mardi à 10h.
CANCEL Dr Rao Tue 10:00

Cordialement,
Hélène Dupré
""").encode("latin-1"), dict(from_="helene@example.fr", fromName="Hélène Dupré", subject="Rendez-vous annulé",
          messageID="latin1.8bit@example.fr", date=epoch(2026, 3, 7, 18, 0, 0, 60),
          text="Bonjour,\n\nJe voudrais annuler mon rendez-vous de mardi à 10h.\nCANCEL Dr Rao Tue 10:00\n\n"
               "Cordialement,\nHélène Dupré\n", attachments=[], automatic="none", warnings=0))

# 7 -------------------------------------------------------------------------
add("cp1252-smartquotes", """From: "O'Brien, Sean" <sean.obrien@example.ie>
To: desk@clinic.example
Subject: =?windows-1252?Q?=93Quick=94_question?=
Date: Sun, 8 Mar 2026 12:00:00 +0000
Message-ID: <cp1252@example.ie>
MIME-Version: 1.0
Content-Type: text/plain; charset="Windows-1252"
Content-Transfer-Encoding: quoted-printable

=93Dr Rao=94 said it=92s fine =96 see you Tuesday=85
The fee is =8040.
""", dict(from_="sean.obrien@example.ie", fromName="O'Brien, Sean", subject="“Quick” question",
          messageID="cp1252@example.ie", date=epoch(2026, 3, 8, 12, 0, 0),
          text="“Dr Rao” said it’s fine – see you Tuesday…\nThe fee is €40.\n",
          attachments=[], automatic="none", warnings=0))

# 8 -------------------------------------------------------------------------
add("html-only", """From: Tom Baker <tom@example.co.uk>
To: desk@clinic.example
Subject: Booking for my son
Date: Mon, 9 Mar 2026 08:00:00 +0000
Message-ID: <html.only@example.co.uk>
MIME-Version: 1.0
Content-Type: text/html; charset=utf-8
Content-Transfer-Encoding: 8bit

<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Ignored title</title>
<style type="text/css">p { color: red; } .x > .y { margin: 0 }</style>
<script>alert("x < y")</script>
</head>
<body>
<p>Hello&nbsp;Desk,</p>
<p>Please BOOK Dr Rao Tue 10:00<br>for my   son &amp; me.</p>
<div>Fish &lt;&gt; chips &quot;quoted&quot; &#8364;5 &#x2014; done</div>
<ul><li>first</li><li>second</li></ul>
<!-- a comment <p>not shown</p> -->
<p>Thanks,<br/>Tom</p>
</body></html>
""", dict(from_="tom@example.co.uk", fromName="Tom Baker", subject="Booking for my son",
          messageID="html.only@example.co.uk", date=epoch(2026, 3, 9, 8, 0, 0),
          text="Hello Desk,\n\nPlease BOOK Dr Rao Tue 10:00\nfor my son & me.\n\nFish <> chips \"quoted\" €5 — done\n\n"
               "- first\n- second\n\nThanks,\nTom\n", attachments=[], automatic="none", warnings=0))

# 9 -------------------------------------------------------------------------
add("multipart-alternative", """From: Ravi Kumar <ravi.kumar@example.in>
To: desk@clinic.example
Subject: Confirm
Date: Tue, 10 Mar 2026 05:30:00 +0530
Message-ID: <CAOalt123@mail.example.in>
MIME-Version: 1.0
Content-Type: multipart/alternative; boundary="000000000000a1b2c3d4"

--000000000000a1b2c3d4
Content-Type: text/plain; charset="UTF-8"

CONFIRM Dr Rao Tue 10:00

--000000000000a1b2c3d4
Content-Type: text/html; charset="UTF-8"

<div dir="ltr">CONFIRM <b>Dr Rao</b> Tue 10:00 (html)</div>

--000000000000a1b2c3d4--
""", dict(from_="ravi.kumar@example.in", fromName="Ravi Kumar", subject="Confirm", messageID="CAOalt123@mail.example.in",
          date=epoch(2026, 3, 10, 5, 30, 0, 330), text="CONFIRM Dr Rao Tue 10:00\n",
          attachments=[], automatic="none", warnings=0))

# 10 ------------------------------------------------------------------------
add("mixed-png", f"""From: Maria Garcia <maria@example.es>
To: desk@clinic.example
Subject: Insurance card
Date: Wed, 11 Mar 2026 16:20:00 +0100
Message-ID: <mixed.png.1@example.es>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="----=_Part_1_2093"

This is a multi-part message in MIME format.

------=_Part_1_2093
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 7bit

Attached is my insurance card.
BOOK Dr Rao Wed 15:00
------=_Part_1_2093
Content-Type: image/png; name="insurance-card.png"
Content-Transfer-Encoding: base64
Content-Disposition: attachment; filename="insurance-card.png"

{b64lines(PNG)}
------=_Part_1_2093--

epilogue text is ignored
""", dict(from_="maria@example.es", fromName="Maria Garcia", subject="Insurance card", messageID="mixed.png.1@example.es",
          date=epoch(2026, 3, 11, 16, 20, 0, 60), text="Attached is my insurance card.\nBOOK Dr Rao Wed 15:00",
          attachments=[dict(contentType="image/png", filename="insurance-card.png", size=len(PNG))],
          automatic="none", warnings=0))

# 11 ------------------------------------------------------------------------
add("nested-multipart", f"""From: Dr Ines Weber <ines.weber@praxis.example>
To: desk@clinic.example
Subject: Referral for Mr Novak
Date: Thu, 12 Mar 2026 09:00:00 +0100
Message-ID: <nested.1@praxis.example>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="outer"

--outer
Content-Type: multipart/related; boundary="related"; type="multipart/alternative"

--related
Content-Type: multipart/alternative; boundary="alt"

--alt
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: quoted-printable

Please BOOK Dr Rao Fri 09:00 for Mr Nov=C3=A1k.
Referral attached.

--alt
Content-Type: text/html; charset=utf-8

<p>Please BOOK Dr Rao Fri 09:00 for Mr Nov&aacute;k.</p><img src="cid:logo@praxis">
--alt--

--related
Content-Type: image/jpeg
Content-ID: <logo@praxis>
Content-Disposition: inline
Content-Transfer-Encoding: base64

{b64lines(JPEG)}
--related--

--outer
Content-Type: application/pdf
Content-Disposition: attachment;
 filename*=UTF-8''%C3%9Cberweisung%20Novak.pdf
Content-Transfer-Encoding: base64

{b64lines(PDF)}
--outer
Content-Type: text/plain; charset=us-ascii; name="notes.txt"
Content-Disposition: attachment; filename="notes.txt"

allergies: none
--outer--
""", dict(from_="ines.weber@praxis.example", fromName="Dr Ines Weber", subject="Referral for Mr Novak",
          messageID="nested.1@praxis.example", date=epoch(2026, 3, 12, 9, 0, 0, 60),
          text="Please BOOK Dr Rao Fri 09:00 for Mr Novák.\nReferral attached.\n",
          attachments=[dict(contentType="image/jpeg", size=len(JPEG)),
                       dict(contentType="application/pdf", filename="Überweisung Novak.pdf", size=len(PDF)),
                       dict(contentType="text/plain", filename="notes.txt", size=len("allergies: none"))],
          automatic="none", warnings=0))

# 12 ------------------------------------------------------------------------
add("gmail-reply", """MIME-Version: 1.0
References: <desk.confirm.77@clinic.example>
In-Reply-To: <desk.confirm.77@clinic.example>
From: Peter Smith <peter.smith@gmail.example>
Date: Mon, 2 Mar 2026 10:12:33 +0000
Message-ID: <CAGmail+reply=77@mail.gmail.example>
Subject: Re: Your appointment
To: CareDesk <desk@clinic.example>
Content-Type: multipart/alternative; boundary="0000000000008f3e2b0611a1c2d3"

--0000000000008f3e2b0611a1c2d3
Content-Type: text/plain; charset="UTF-8"
Content-Transfer-Encoding: quoted-printable

Yes, please move it to Wednesday.
RESCHEDULE Dr Rao Tue 10:00 -> Wed 09:30

On Mon, 2 Mar 2026 at 10:00, CareDesk <desk@clinic.example> wrote:

> Your appointment with Dr Rao is confirmed for Tue 10:00.
> Reply CANCEL to cancel.
>
> --
> CareDesk
>

--0000000000008f3e2b0611a1c2d3
Content-Type: text/html; charset="UTF-8"
Content-Transfer-Encoding: quoted-printable

<div dir=3D"ltr">Yes, please move it to Wednesday.<br>RESCHEDULE Dr Rao Tue=
 10:00 -&gt; Wed 09:30</div><br><div class=3D"gmail_quote"><div dir=3D"ltr"=
 class=3D"gmail_attr">On Mon, 2 Mar 2026 at 10:00, CareDesk &lt;<a href=3D"=
mailto:desk@clinic.example">desk@clinic.example</a>&gt; wrote:<br></div><bl=
ockquote class=3D"gmail_quote" style=3D"margin:0px 0px 0px 0.8ex">Your appo=
intment with Dr Rao is confirmed for Tue 10:00.</blockquote></div>

--0000000000008f3e2b0611a1c2d3--
""", dict(from_="peter.smith@gmail.example", fromName="Peter Smith", subject="Re: Your appointment",
          messageID="CAGmail+reply=77@mail.gmail.example", inReplyTo="desk.confirm.77@clinic.example",
          references=["desk.confirm.77@clinic.example"], date=epoch(2026, 3, 2, 10, 12, 33),
          text="Yes, please move it to Wednesday.\nRESCHEDULE Dr Rao Tue 10:00 -> Wed 09:30\n\n"
               "On Mon, 2 Mar 2026 at 10:00, CareDesk <desk@clinic.example> wrote:\n\n"
               "> Your appointment with Dr Rao is confirmed for Tue 10:00.\n> Reply CANCEL to cancel.\n>\n> --\n> CareDesk\n>\n",
          authored=["Yes, please move it to Wednesday.", "RESCHEDULE Dr Rao Tue 10:00 -> Wed 09:30", "", ""],
          attachments=[], automatic="none", warnings=0))

# 13 ------------------------------------------------------------------------
add("outlook-reply", """Received: from EXCH01.corp.example (10.0.0.5) by EXCH02.corp.example
 (10.0.0.6) with Microsoft SMTP Server id 15.1.2507.6; Mon, 2 Mar 2026 11:01:02 +0000
From: Mark Jones <Mark.Jones@Corp.Example>
To: "desk@clinic.example" <desk@clinic.example>
Subject: RE: Your appointment
Thread-Topic: Your appointment
Thread-Index: AQHXyZ1234567890abcdef==
Date: Mon, 2 Mar 2026 11:01:00 +0000
Message-ID: <DB9PR01MB1234.eurprd01.prod.outlook.example@DB9PR01MB1234.eurprd01.prod.outlook.example>
In-Reply-To: <desk.confirm.78@clinic.example>
Content-Language: en-GB
X-MS-Has-Attach:
X-MS-TNEF-Correlator:
Content-Type: text/plain; charset="us-ascii"
Content-Transfer-Encoding: quoted-printable
MIME-Version: 1.0

Please cancel my appointment.
CANCEL Dr Rao Tue 10:00

Kind regards,
Mark Jones

-----Original Message-----
From: CareDesk <desk@clinic.example>=20
Sent: Monday, March 2, 2026 10:00 AM
To: Mark Jones <mark.jones@corp.example>
Subject: Your appointment

Your appointment with Dr Rao is confirmed for Tue 10:00.
""", dict(from_="Mark.Jones@corp.example", fromName="Mark Jones", subject="RE: Your appointment",
          messageID="DB9PR01MB1234.eurprd01.prod.outlook.example@DB9PR01MB1234.eurprd01.prod.outlook.example",
          inReplyTo="desk.confirm.78@clinic.example", date=epoch(2026, 3, 2, 11, 1, 0),
          text="Please cancel my appointment.\nCANCEL Dr Rao Tue 10:00\n\nKind regards,\nMark Jones\n\n"
               "-----Original Message-----\nFrom: CareDesk <desk@clinic.example> \nSent: Monday, March 2, 2026 10:00 AM\n"
               "To: Mark Jones <mark.jones@corp.example>\nSubject: Your appointment\n\n"
               "Your appointment with Dr Rao is confirmed for Tue 10:00.\n",
          authored=["Please cancel my appointment.", "CANCEL Dr Rao Tue 10:00", "", "Kind regards,", "Mark Jones", ""],
          attachments=[], automatic="none", warnings=0))

# 14 ------------------------------------------------------------------------
add("auto-reply", """Return-Path: <jane.doe@example.net>
From: Jane Doe <jane.doe@example.net>
To: desk@clinic.example
Subject: Automatic reply: Your appointment
Date: Mon, 2 Mar 2026 10:00:05 +0000
Message-ID: <ooo.1@example.net>
In-Reply-To: <desk.confirm.79@clinic.example>
Auto-Submitted: auto-replied (vacation)
X-Auto-Response-Suppress: All
Content-Type: text/plain; charset=utf-8

I am out of the office until 16 March.
""", dict(from_="jane.doe@example.net", fromName="Jane Doe", returnPath="jane.doe@example.net",
          subject="Automatic reply: Your appointment", messageID="ooo.1@example.net",
          inReplyTo="desk.confirm.79@clinic.example", date=epoch(2026, 3, 2, 10, 0, 5),
          text="I am out of the office until 16 March.\n", attachments=[],
          automatic="autoSubmitted(auto-replied)", warnings=0))

# 15 ------------------------------------------------------------------------
add("bounce", """Return-Path: <>
Received: by mx.clinic.example (Postfix) id 3F2A1; Mon,  2 Mar 2026 10:00:09 +0000 (UTC)
Date: Mon,  2 Mar 2026 10:00:09 +0000 (UTC)
From: MAILER-DAEMON@mx.clinic.example (Mail Delivery System)
Subject: Undelivered Mail Returned to Sender
To: desk@clinic.example
Auto-Submitted: auto-replied
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status;
\tboundary="3F2A1.1772445609/mx.clinic.example"
Message-Id: <20260302100009.3F2A1@mx.clinic.example>

This is a MIME-encapsulated message.

--3F2A1.1772445609/mx.clinic.example
Content-Description: Notification
Content-Type: text/plain; charset=us-ascii

This is the mail system at host mx.clinic.example.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients.

<nobody@example.invalid>: Host or domain name not found.

--3F2A1.1772445609/mx.clinic.example
Content-Description: Delivery report
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.clinic.example
Arrival-Date: Mon,  2 Mar 2026 10:00:08 +0000 (UTC)

Final-Recipient: rfc822; nobody@example.invalid
Action: failed
Status: 5.4.4

--3F2A1.1772445609/mx.clinic.example
Content-Description: Undelivered Message Headers
Content-Type: text/rfc822-headers

From: desk@clinic.example
To: nobody@example.invalid
Subject: Your appointment
Message-ID: <desk.confirm.80@clinic.example>

--3F2A1.1772445609/mx.clinic.example--
""", dict(from_="MAILER-DAEMON@mx.clinic.example", fromName="Mail Delivery System", returnPath="",
          subject="Undelivered Mail Returned to Sender", messageID="20260302100009.3F2A1@mx.clinic.example",
          date=epoch(2026, 3, 2, 10, 0, 9),
          text="This is the mail system at host mx.clinic.example.\n\nI'm sorry to have to inform you that your "
               "message could not\nbe delivered to one or more recipients.\n\n"
               "<nobody@example.invalid>: Host or domain name not found.\n",
          attachments=[dict(contentType="message/delivery-status", size=len(
              "Reporting-MTA: dns; mx.clinic.example\nArrival-Date: Mon,  2 Mar 2026 10:00:08 +0000 (UTC)\n\n"
              "Final-Recipient: rfc822; nobody@example.invalid\nAction: failed\nStatus: 5.4.4\n")),
                       dict(contentType="text/rfc822-headers")],
          automatic="deliveryReport", warnings=0))

# 16 ------------------------------------------------------------------------
add("list-mail", """From: Clinic News <news@lists.clinic.example>
To: patients@lists.clinic.example
Subject: [Clinic News] Opening hours over Easter
Date: Fri, 13 Mar 2026 07:00:00 +0000
Message-ID: <news.2026.03@lists.clinic.example>
List-Id: Clinic News <news.lists.clinic.example>
List-Unsubscribe: <mailto:news-unsubscribe@lists.clinic.example>
Precedence: list
Content-Type: text/plain; charset=utf-8

The clinic is closed on Good Friday.
""", dict(from_="news@lists.clinic.example", fromName="Clinic News", subject="[Clinic News] Opening hours over Easter",
          messageID="news.2026.03@lists.clinic.example", date=epoch(2026, 3, 13, 7, 0, 0),
          text="The clinic is closed on Good Friday.\n", attachments=[], automatic="list", warnings=0))

# 17 ------------------------------------------------------------------------
inj = base64.b64encode(b"Hi\r\nBcc: x@evil.example").decode()
add("header-injection", f"""From: =?UTF-8?Q?Mallory=0D=0ABcc=3A_y@evil.example?= <mallory@evil.example>
To: desk@clinic.example
Subject: =?UTF-8?B?{inj}?=
Date: Sat, 14 Mar 2026 03:00:00 +0000
Message-ID: <inject.1@evil.example>
X-Loop: =?UTF-8?Q?desk=0Aclinic?=
Content-Type: text/plain; charset=utf-8

BOOK Dr Rao Tue 10:00
""", dict(from_="mallory@evil.example", fromName="Mallory  Bcc: y@evil.example", subject="Hi  Bcc: x@evil.example",
          messageID="inject.1@evil.example", date=epoch(2026, 3, 14, 3, 0, 0), xLoop=["desk clinic"],
          headerAbsent=["Bcc"], text="BOOK Dr Rao Tue 10:00\n", attachments=[], automatic="none", warnings=0))

# 18 ------------------------------------------------------------------------
add("malformed-no-blank-line", """From: patient@example.com
To: desk@clinic.example
Subject: no separator
BOOK Dr Rao Tue 10:00
thanks
""", dict(from_="patient@example.com", subject="no separator", text="BOOK Dr Rao Tue 10:00\nthanks\n",
          attachments=[], automatic="none", warnings=1))

# 19 ------------------------------------------------------------------------
pdf_b64 = base64.b64encode(PDF).decode()
trunc = pdf_b64[:41]                 # 41 chars: 10 full groups + 1 dangling char
add("malformed-truncated-base64", f"""From: Olga <olga@example.pl>
To: desk@clinic.example
Subject: scan
Message-ID: <trunc.b64@example.pl>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary=XYZ

--XYZ
Content-Type: text/plain

see scan
--XYZ
Content-Type: application/pdf; name=scan.pdf
Content-Transfer-Encoding: base64

{trunc}
--XYZ--
""", dict(from_="olga@example.pl", fromName="Olga", subject="scan", messageID="trunc.b64@example.pl",
          date=None, text="see scan", attachments=[dict(contentType="application/pdf", filename="scan.pdf", size=30)],
          automatic="none", warnings=1))

# 20 ------------------------------------------------------------------------
add("malformed-bogus-charset", """From: andre@example.fr
To: desk@clinic.example
Subject: bogus charset
Message-ID: <bogus.cs@example.fr>
Content-Type: text/plain; charset="x-klingon-9000"
Content-Transfer-Encoding: 8bit

Merci, à mardi.
""".encode("latin-1"), dict(from_="andre@example.fr", subject="bogus charset", messageID="bogus.cs@example.fr",
          text="Merci, à mardi.\n", attachments=[], automatic="none", warnings=1))

# 21 ------------------------------------------------------------------------
add("malformed-missing-boundary-end", f"""From: Kai <kai@example.dk>
To: desk@clinic.example
Subject: truncated upload
Message-ID: <noend@example.dk>
Content-Type: multipart/mixed; boundary="b1"

--b1
Content-Type: text/plain; charset=utf-8

BOOK Dr Rao Mon 08:00

--b1
Content-Type: image/png
Content-Disposition: attachment; filename=x-ray.png
Content-Transfer-Encoding: base64

{b64lines(PNG)}
""", dict(from_="kai@example.dk", fromName="Kai", subject="truncated upload", messageID="noend@example.dk",
          text="BOOK Dr Rao Mon 08:00\n", attachments=[dict(contentType="image/png", filename="x-ray.png", size=len(PNG))],
          automatic="none", warnings=1))

# 22 ------------------------------------------------------------------------
add("mbox-envelope-obsolete-date", """From patient@example.com  Mon Mar  2 15:00:00 2026
Return-Path: <patient@example.com>
From: patient@example.com (Pat Patient)
To: desk@clinic.example
Subject: old style
Date: 2 Mar 26 10:00 EST
Message-ID: <obs.date@example.com>

LIST Dr Rao
""", dict(from_="patient@example.com", fromName="Pat Patient", returnPath="patient@example.com", subject="old style",
          messageID="obs.date@example.com", date=epoch(2026, 3, 2, 15, 0, 0), text="LIST Dr Rao\n",
          attachments=[], automatic="none", warnings=0))

# 23 ------------------------------------------------------------------------
add("forwarded-rfc822", """From: Ana <ana@example.pt>
To: desk@clinic.example
Subject: Fwd: appointment
Message-ID: <fwd.1@example.pt>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary=fwd

--fwd
Content-Type: text/plain

See below.
--fwd
Content-Type: message/rfc822

From: desk@clinic.example
Subject: Your appointment

Confirmed.
--fwd--
""", dict(from_="ana@example.pt", fromName="Ana", subject="Fwd: appointment", messageID="fwd.1@example.pt",
          text="See below.", attachments=[dict(contentType="message/rfc822",
                                               size=len("From: desk@clinic.example\nSubject: Your appointment\n\nConfirmed."))],
          automatic="none", warnings=0))

for name, (eml, exp) in fixtures.items():
    with open(os.path.join(OUT, name + ".eml"), "wb") as f:
        f.write(eml)
    exp = {("from" if k == "from_" else k): v for k, v in exp.items()}
    with open(os.path.join(OUT, name + ".expected.json"), "w") as f:
        json.dump(exp, f, indent=2, ensure_ascii=False, sort_keys=True)
        f.write("\n")
print(len(fixtures), "fixtures")
