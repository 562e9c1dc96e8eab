#!/usr/bin/python3
"""The integration corpus: sample sales mail of Acme Pumps (example.com),
written for this project, in the charsets and shapes export mail comes in.

  corpus.py write DIR      writes DIR/NN.eml and DIR/manifest.json
  corpus.py expect         prints the expected timeline facts as JSON

Each message says where it goes (folder), its INTERNALDATE, and what the
timeline must show for it (customer, kind, direction, subject, a piece of
the snippet).
"""
import base64
import json
import os
import sys


def b64(data):
    return base64.encodebytes(data).decode("ascii")


def enc_word(text, charset):
    """One RFC 2047 B encoded-word."""
    return "=?%s?B?%s?=" % (charset, base64.b64encode(text.encode(charset)).decode())


def msg(headers, body, charset=None):
    """Bytes of a message: headers as (name, value) str pairs, body bytes."""
    out = b""
    for name, value in headers:
        out += name.encode() + b": " + (value.encode(charset or "utf-8") if isinstance(value, str) else value) + b"\r\n"
    return out + b"\r\n" + body


MESSAGES = []


def add(folder, internaldate, raw, expect):
    MESSAGES.append({"folder": folder, "internaldate": internaldate, "raw": raw, "expect": expect})


# 1. German inquiry, ISO-8859-1 quoted-printable, encoded subject.
add("INBOX", "2026-11-02T09:00:05+01:00", msg([
    ("From", "Hans M=?ISO-8859-1?Q?=FC?=ller <hans.mueller@kunde.de>"),
    ("To", "Acme Sales <sales@example.com>"),
    ("Subject", "=?ISO-8859-1?Q?Anfrage=3A_Pumpe_XP-200_f=FCr_=D6lf=F6rderung?="),
    ("Date", "Mon, 02 Nov 2026 09:00:00 +0100"),
    ("Message-ID", "<inq-1@kunde.de>"),
    ("MIME-Version", "1.0"),
    ("Content-Type", "text/plain; charset=ISO-8859-1"),
    ("Content-Transfer-Encoding", "quoted-printable"),
], "Sehr geehrte Damen und Herren,\r\n\r\nwir ben=F6tigen 200 St=FCck Pumpen XP-200 f=FCr =D6lf=F6rderung, FOB Ningbo.\r\nBitte senden Sie uns Ihr Angebot.\r\n\r\nMit freundlichen Gr=FC=DFen\r\nHans M=FCller\r\n".encode("ascii")),
    {"customer": "kunde.de", "kind": "inquiry", "direction": "in",
     "subject": "Anfrage: Pumpe XP-200 für Ölförderung", "snippet": "wir benötigen 200 Stück",
     "thread_as": "de", "language": "de", "facts": {"incoterm": "FOB", "incoterm_place": "Ningbo"}})

# 2. Our quotation, from Sent, with a PDF: a quote.
add("Sent", "2026-11-02T23:30:00+08:00", msg([
    ("From", "Li Wei <li.wei@example.com>"),
    ("To", "hans.mueller@kunde.de"),
    ("Cc", "sales@example.com"),
    ("Subject", "AW: Anfrage: Pumpe XP-200"),
    ("Date", "Mon, 02 Nov 2026 23:30:00 +0800"),
    ("Message-ID", "<quote-1@example.com>"),
    ("In-Reply-To", "<inq-1@kunde.de>"),
    ("References", "<inq-1@kunde.de>"),
    ("MIME-Version", "1.0"),
    ("Content-Type", 'multipart/mixed; boundary="b1"'),
], ("--b1\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
    "Dear Mr. Müller,\r\n\r\nplease find our offer attached: XP-200, USD 410 per unit, FOB Ningbo.\r\n\r\n"
    "Best regards\r\nLi Wei\r\n\r\n> wir benötigen 200 Stück\r\n"
    "--b1\r\nContent-Type: application/pdf; name=\"PI-2026-118.pdf\"\r\nContent-Disposition: attachment; filename=\"PI-2026-118.pdf\"\r\n"
    "Content-Transfer-Encoding: base64\r\n\r\n" + b64(b"%PDF-1.4 fake quotation\n" * 20) +
    "--b1--\r\n").encode("utf-8")),
    {"customer": "kunde.de", "kind": "quote", "direction": "out",
     "subject": "AW: Anfrage: Pumpe XP-200", "snippet": "please find our offer attached",
     "thread_as": "de"})

# 3. The customer's reply, quoting us: only the new text in the snippet.
add("INBOX", "2026-11-03T10:12:00+01:00", msg([
    ("From", "hans.mueller@kunde.de"),
    ("To", "li.wei@example.com"),
    ("Subject", "Re: AW: Anfrage: Pumpe XP-200"),
    ("Date", "Tue, 03 Nov 2026 10:12:00 +0100"),
    ("Message-ID", "<reply-1@kunde.de>"),
    ("In-Reply-To", "<quote-1@example.com>"),
    ("References", "<inq-1@kunde.de> <quote-1@example.com>"),
    ("MIME-Version", "1.0"),
    ("Content-Type", "text/plain; charset=UTF-8"),
], "Danke, wir bestellen 200 Stück.\r\n\r\nAm 02.11.2026 um 08:30 schrieb Li Wei:\r\n> please find our offer attached\r\n".encode("utf-8")),
    {"customer": "kunde.de", "kind": "reply", "direction": "in",
     "subject": "Re: AW: Anfrage: Pumpe XP-200", "snippet": "Danke, wir bestellen 200 Stück.",
     "thread_as": "de", "snippet_excludes": "offer attached"})

# 4. Out-of-office from the same customer: an auto-reply.
add("INBOX", "2026-11-03T10:13:00+01:00", msg([
    ("From", "Hans Mueller <hans.mueller@kunde.de>"),
    ("To", "li.wei@example.com"),
    ("Subject", "Abwesenheitsnotiz: AW: Anfrage: Pumpe XP-200"),
    ("Date", "Tue, 03 Nov 2026 10:13:00 +0100"),
    ("Message-ID", "<ooo-1@kunde.de>"),
    ("In-Reply-To", "<quote-1@example.com>"),
    ("Auto-Submitted", "auto-replied"),
    ("Content-Type", "text/plain; charset=UTF-8"),
], "Ich bin bis 10.11. nicht im Büro.\r\n".encode("utf-8")),
    {"customer": "kunde.de", "kind": "auto-reply", "direction": "in",
     "subject": "Abwesenheitsnotiz: AW: Anfrage: Pumpe XP-200", "snippet": "nicht im Büro",
     "thread_as": "de"})

# 5. Chinese inquiry in GBK (declared GB2312), base64 subject.
add("INBOX", "2026-11-04T08:00:00+08:00", msg([
    ("From", enc_word("王经理", "gbk") + " <wang@factory.com.cn>"),
    ("To", "sales@example.com"),
    ("Subject", enc_word("询价：不锈钢离心泵", "gbk")),
    ("Date", "Wed, 04 Nov 2026 08:00:00 +0800"),
    ("Message-ID", "<cn-1@factory.com.cn>"),
    ("MIME-Version", "1.0"),
    ("Content-Type", "text/plain; charset=GB2312"),
    ("Content-Transfer-Encoding", "base64"),
], b64("您好，我们需要500台不锈钢离心泵，请报价。\r\n".encode("gbk")).encode()),
    {"customer": "factory.com.cn", "kind": "inquiry", "direction": "in",
     "subject": "询价：不锈钢离心泵", "snippet": "我们需要500台不锈钢离心泵", "language": "zh"})

# 6. Big5 from Taiwan.
add("INBOX", "2026-11-04T09:00:00+08:00", msg([
    ("From", "chen@trade.com.tw"),
    ("To", "sales@example.com"),
    ("Subject", enc_word("詢價 水泵", "big5")),
    ("Date", "Wed, 04 Nov 2026 09:00:00 +0800"),
    ("Message-ID", "<tw-1@trade.com.tw>"),
    ("MIME-Version", "1.0"),
    ("Content-Type", "text/plain; charset=Big5"),
    ("Content-Transfer-Encoding", "8bit"),
], "請提供水泵報價。\r\n".encode("big5")),
    {"customer": "trade.com.tw", "kind": "inquiry", "direction": "in",
     "subject": "詢價 水泵", "snippet": "請提供水泵報價"})

# 7. Shift_JIS from Japan.
add("INBOX", "2026-11-04T10:00:00+09:00", msg([
    ("From", "tanaka@shoji.co.jp"),
    ("To", "sales@example.com"),
    ("Subject", enc_word("ポンプの見積依頼", "shift_jis")),
    ("Date", "Wed, 04 Nov 2026 10:00:00 +0900"),
    ("Message-ID", "<jp-1@shoji.co.jp>"),
    ("MIME-Version", "1.0"),
    ("Content-Type", "text/plain; charset=Shift_JIS"),
    ("Content-Transfer-Encoding", "8bit"),
], "ポンプ100台の見積をお願いします。\r\n".encode("shift_jis")),
    {"customer": "shoji.co.jp", "kind": "inquiry", "direction": "in",
     "subject": "ポンプの見積依頼", "snippet": "ポンプ100台の見積"})

# 8. KOI8-R from Russia.
add("INBOX", "2026-11-05T11:00:00+03:00", msg([
    ("From", "ivan@zavod.ru"),
    ("To", "sales@example.com"),
    ("Subject", enc_word("Запрос цены на насосы", "koi8-r")),
    ("Date", "Thu, 05 Nov 2026 11:00:00 +0300"),
    ("Message-ID", "<ru-1@zavod.ru>"),
    ("MIME-Version", "1.0"),
    ("Content-Type", "text/plain; charset=KOI8-R"),
    ("Content-Transfer-Encoding", "8bit"),
], "Просим прислать цену на 50 насосов.\r\n".encode("koi8-r")),
    {"customer": "zavod.ru", "kind": "inquiry", "direction": "in",
     "subject": "Запрос цены на насосы", "snippet": "Просим прислать цену", "language": "ru"})

# 9. HTML-only from Colombia with entities.
add("INBOX", "2026-11-05T08:00:00-05:00", msg([
    ("From", "Maria Gomez <maria@empresa.com.co>"),
    ("To", "sales@example.com"),
    ("Subject", "=?UTF-8?Q?Solicitud_de_cotizaci=C3=B3n?="),
    ("Date", "Thu, 05 Nov 2026 08:00:00 -0500"),
    ("Message-ID", "<co-1@empresa.com.co>"),
    ("MIME-Version", "1.0"),
    ("Content-Type", "text/html; charset=UTF-8"),
], "<html><head><style>p{color:red}</style></head><body><p>Buenos d&iacute;as,</p><p>necesitamos 30 bombas &amp; repuestos.</p></body></html>\r\n".encode("utf-8")),
    {"customer": "empresa.com.co", "kind": "inquiry", "direction": "in",
     "subject": "Solicitud de cotización", "snippet": "necesitamos 30 bombas & repuestos",
     "language": "es"})

# 10. A bounce of our mail to a dead address at the customer.
add("INBOX", "2026-11-05T12:00:00+08:00", msg([
    ("From", "Mail Delivery System <MAILER-DAEMON@mx.example.com>"),
    ("To", "li.wei@example.com"),
    ("Subject", "Undelivered Mail Returned to Sender"),
    ("Date", "Thu, 05 Nov 2026 12:00:00 +0800"),
    ("Message-ID", "<bounce-1@mx.example.com>"),
    ("Return-Path", "<>"),
    ("MIME-Version", "1.0"),
    ("Content-Type", 'multipart/report; report-type=delivery-status; boundary="r1"'),
], ("--r1\r\nContent-Type: text/plain\r\n\r\nThis is the mail system. Your message could not be delivered.\r\n"
    "--r1\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.example.com\r\n\r\n"
    "Final-Recipient: rfc822; old.buyer@kunde.de\r\nAction: failed\r\nStatus: 5.1.1\r\n"
    "--r1\r\nContent-Type: text/rfc822-headers\r\n\r\nFrom: li.wei@example.com\r\nTo: old.buyer@kunde.de\r\n"
    "Subject: Catalogue\r\nMessage-ID: <cat-1@example.com>\r\n"
    "--r1--\r\n").encode()),
    {"customer": "kunde.de", "kind": "bounce", "direction": "in",
     "subject": "Undelivered Mail Returned to Sender", "snippet": "could not be delivered"})

# 11. A newsletter: bulk.
add("INBOX", "2026-11-06T07:00:00+00:00", msg([
    ("From", "Pump Expo <news@pumpexpo.com>"),
    ("To", "sales@example.com"),
    ("Subject", "Pump Expo 2027: exhibitor news"),
    ("Date", "Fri, 06 Nov 2026 07:00:00 +0000"),
    ("Message-ID", "<news-1@pumpexpo.com>"),
    ("List-Unsubscribe", "<mailto:unsubscribe@pumpexpo.com>"),
    ("Precedence", "bulk"),
    ("Content-Type", "text/plain; charset=UTF-8"),
], b"Book your stand now.\r\n"),
    {"customer": "pumpexpo.com", "kind": "bulk", "direction": "in",
     "subject": "Pump Expo 2027: exhibitor news", "snippet": "Book your stand"})

# 12. Missing Message-ID and Date: a derived id, INTERNALDATE as the date.
add("INBOX", "2026-11-06T09:30:00+04:00", msg([
    ("From", "Ahmed <ahmed@trading.ae>"),
    ("To", "sales@example.com"),
    ("Subject", "=?UTF-8?B?2LfZhNioINi52LHYtiDYs9i52LE=?="),
    ("Content-Type", "text/plain; charset=UTF-8"),
], "نرجو إرسال عرض سعر لمضخات المياه.\r\n".encode("utf-8")),
    {"customer": "trading.ae", "kind": "inquiry", "direction": "in",
     "subject": "طلب عرض سعر", "snippet": "نرجو إرسال عرض سعر", "date": "2026-11-06T05:30:00Z",
     "derived_id": True})

# 13. A free-mail buyer: the customer is the address. Subject-only threading:
# our answer from Sent has no References.
add("INBOX", "2026-11-07T10:00:00-03:00", msg([
    ("From", "Joao Silva <joao.silva@gmail.com>"),
    ("To", "sales@example.com"),
    ("Subject", "=?UTF-8?Q?Cota=C3=A7=C3=A3o_de_v=C3=A1lvulas?="),
    ("Date", "Sat, 07 Nov 2026 10:00:00 -0300"),
    ("Message-ID", "<br-1@mail.gmail.com>"),
    ("Content-Type", "text/plain; charset=UTF-8"),
], "Olá, preciso de 40 válvulas DN50.\r\n".encode("utf-8")),
    {"customer": "joao.silva@gmail.com", "kind": "inquiry", "direction": "in",
     "subject": "Cotação de válvulas", "snippet": "preciso de 40 válvulas", "thread_as": "br",
     "language": "pt"})

add("Sent", "2026-11-09T09:00:00+08:00", msg([
    ("From", "sales@example.com"),
    ("To", "Joao Silva <joao.silva@gmail.com>"),
    ("Subject", "=?UTF-8?Q?RE=EF=BC=9A_Cota=C3=A7=C3=A3o_de_v=C3=A1lvulas?="),
    ("Date", "Mon, 09 Nov 2026 09:00:00 +0800"),
    ("Message-ID", "<br-ans-1@example.com>"),
    ("Content-Type", "text/plain; charset=UTF-8"),
], "Prezado João, temos as válvulas em estoque.\r\n".encode("utf-8")),
    {"customer": "joao.silva@gmail.com", "kind": "reply", "direction": "out",
     "subject": "RE： Cotação de válvulas", "snippet": "temos as válvulas em estoque", "thread_as": "br"})

# 14. Two adjacent base64 encoded-words (a GMime 3.2.13 defect) and a
# base64 body of separately padded chunks (another one).
add("INBOX", "2026-11-10T08:00:00+01:00", msg([
    ("From", "pl@pompy.pl"),
    ("To", "sales@example.com"),
    ("Subject", "=?UTF-8?B?WmFweXRhbmllIG8g?= =?UTF-8?B?cG9tcHk=?="),
    ("Date", "Tue, 10 Nov 2026 08:00:00 +0100"),
    ("Message-ID", "<pl-1@pompy.pl>"),
    ("MIME-Version", "1.0"),
    ("Content-Type", "text/plain; charset=UTF-8"),
    ("Content-Transfer-Encoding", "base64"),
], (base64.b64encode("Dzień dobry, ".encode()) + b"\r\n" +
    base64.b64encode("prosimy o ofertę.".encode()) + b"\r\n")),
    {"customer": "pompy.pl", "kind": "inquiry", "direction": "in",
     "subject": "Zapytanie o pompy", "snippet": "prosimy o ofertę"})

# 15. Raw 8-bit GBK in the subject with no charset anywhere (a Chinese
# mailer): decoded with the fallback list.
add("INBOX", "2026-11-10T09:00:00+08:00", msg([
    ("From", "zhao@valve.cn"),
    ("To", "sales@example.com"),
    ("Subject", "阀门询价".encode("gbk")),
    ("Date", "Tue, 10 Nov 2026 09:00:00 +0800"),
    ("Message-ID", "<cn-2@valve.cn>"),
    ("Content-Type", "text/plain"),
], "请报价DN100阀门。\r\n".encode("gbk")),
    {"customer": "valve.cn", "kind": "inquiry", "direction": "in",
     "subject": "阀门询价", "snippet": "请报价DN100阀门"})

# 16. A colleague forwards a buyer's inquiry to the sales mailbox: filed as
# the buyer's inquiry, marked forwarded.
add("INBOX", "2026-11-11T10:00:00+08:00", msg([
    ("From", "Zhang <zhang@example.com>"),
    ("To", "sales@example.com"),
    ("Subject", "Fwd: Enquiry for submersible pumps"),
    ("Date", "Wed, 11 Nov 2026 10:00:00 +0800"),
    ("Message-ID", "<fwd-1@example.com>"),
    ("MIME-Version", "1.0"),
    ("Content-Type", 'multipart/mixed; boundary="f1"'),
], ("--f1\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n\r\n"
    "--f1\r\nContent-Type: message/rfc822\r\n\r\n"
    "From: Olivia Brown <olivia@watertech.co.uk>\r\nTo: zhang@example.com\r\n"
    "Subject: Enquiry for submersible pumps\r\nDate: Tue, 10 Nov 2026 16:00:00 +0000\r\n"
    "Message-ID: <uk-1@watertech.co.uk>\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
    "Hello, we are looking for 60 submersible pumps, CIF Felixstowe. Please send your best price.\r\n"
    "--f1--\r\n").encode()),
    {"customer": "watertech.co.uk", "kind": "inquiry", "direction": "in",
     "subject": "Fwd: Enquiry for submersible pumps", "snippet": "we are looking for 60 submersible pumps",
     "forwarded": True, "original_from": "olivia@watertech.co.uk", "language": "en",
     "facts": {"incoterm": "CIF", "incoterm_place": "Felixstowe"}})

# 17. The German inquiry delivered a second time (same bytes) and the
# Chinese one copied into Sent: duplicates, one entry each.
DUPLICATES = [(0, "INBOX", "2026-11-02T09:00:06+01:00"), (4, "Sent", "2026-11-04T08:00:01+08:00")]


def write(outdir):
    os.makedirs(outdir, exist_ok=True)
    manifest = []
    items = [(m["folder"], m["internaldate"], m["raw"]) for m in MESSAGES]
    items += [(folder, date, MESSAGES[i]["raw"]) for i, folder, date in DUPLICATES]
    for n, (folder, date, raw) in enumerate(items, 1):
        name = "%02d.eml" % n
        with open(os.path.join(outdir, name), "wb") as f:
            f.write(raw)
        manifest.append({"folder": folder, "internaldate": date, "file": name})
    with open(os.path.join(outdir, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, indent=1)


def expect():
    return [m["expect"] for m in MESSAGES]


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "write":
        write(sys.argv[2])
    elif len(sys.argv) == 2 and sys.argv[1] == "expect":
        json.dump(expect(), sys.stdout, ensure_ascii=False, indent=1)
    else:
        sys.exit(__doc__)
