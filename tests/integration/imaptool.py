#!/usr/bin/python3
"""Test-side IMAP client for the integration tests (Python's imaplib).

  imaptool.py --port N ping
  imaptool.py --port N load MANIFEST.json      APPEND a corpus with INTERNALDATEs
  imaptool.py --port N append FOLDER FILE DATE APPEND one message
  imaptool.py --port N seen                    list messages flagged \\Seen (exit 1 if any)
  imaptool.py --port N recreate FOLDER         same messages, new UIDVALIDITY
  imaptool.py --port N uidvalidity FOLDER
"""
import argparse
import datetime
import imaplib
import json
import os
import sys
import time

USER = "sales@example.com"
# The password of the test user; lib.sh sets it (start_dovecot).
PASSWORD = os.environ.get("TEST_PASSWORD", "secret")


def connect(port):
    m = imaplib.IMAP4("127.0.0.1", port)
    if "AUTH=LOGIN" in m.capabilities and "AUTH=PLAIN" not in m.capabilities:
        # A server that takes only the SASL LOGIN mechanism (no LOGIN command).
        answers = iter([USER, PASSWORD])
        m.authenticate("LOGIN", lambda challenge: next(answers).encode())
    else:
        m.login(USER, PASSWORD)
    return m


def parse_date(text):
    return datetime.datetime.fromisoformat(text)


def ensure_folder(m, folder):
    if folder.upper() == "INBOX":
        return
    typ, _ = m.select(quote(folder), readonly=True)
    if typ != "OK":
        typ, data = m.create(quote(folder))
        if typ != "OK":
            raise SystemExit("cannot create %s: %r" % (folder, data))


def quote(folder):
    return '"' + folder.replace("\\", "\\\\").replace('"', '\\"') + '"'


def append(m, folder, raw, date):
    ensure_folder(m, folder)
    typ, data = m.append(quote(folder), None, imaplib.Time2Internaldate(date), raw)
    if typ != "OK":
        raise SystemExit("APPEND to %s failed: %r" % (folder, data))


def cmd_load(m, args):
    base = os.path.dirname(os.path.abspath(args.manifest))
    with open(args.manifest, encoding="utf-8") as f:
        manifest = json.load(f)
    for item in manifest:
        with open(os.path.join(base, item["file"]), "rb") as f:
            raw = f.read()
        append(m, item["folder"], raw, parse_date(item["internaldate"]))
    return 0


def folders(m):
    typ, data = m.list()
    out = []
    for line in data:
        line = line.decode()
        name = line.rsplit(' "." ', 1)[-1].strip().strip('"')
        out.append(name)
    return out


def cmd_seen(m, args):
    seen = []
    for folder in folders(m):
        typ, data = m.select(quote(folder), readonly=True)
        if typ != "OK":
            continue
        typ, data = m.uid("FETCH", "1:*", "(FLAGS)")
        for item in data:
            if item is None:
                continue
            text = item.decode() if isinstance(item, bytes) else item[0].decode()
            if "\\Seen" in text:
                seen.append("%s: %s" % (folder, text))
    for s in seen:
        print(s)
    return 1 if seen else 0


def cmd_uidvalidity(m, args):
    typ, data = m.status(quote(args.folder), "(UIDVALIDITY)")
    print(data[0].decode().split("UIDVALIDITY")[1].strip(" )"))
    return 0


def cmd_recreate(m, args):
    typ, data = m.select(quote(args.folder), readonly=True)
    typ, data = m.uid("FETCH", "1:*", "(INTERNALDATE BODY.PEEK[])")
    msgs = []
    for item in data:
        if isinstance(item, tuple):
            date = imaplib.Internaldate2tuple(item[0])
            msgs.append((time.mktime(date), item[1]))
    m.close()
    typ, data = m.delete(quote(args.folder))
    if typ != "OK":
        raise SystemExit("cannot delete %s: %r" % (args.folder, data))
    time.sleep(1.1)  # Dovecot derives UIDVALIDITY from the clock
    m.create(quote(args.folder))
    for when, raw in msgs:
        append(m, args.folder, raw, datetime.datetime.fromtimestamp(when, datetime.timezone.utc))
    return 0


def cmd_append(m, args):
    with open(args.file, "rb") as f:
        raw = f.read()
    append(m, args.folder, raw, parse_date(args.date))
    return 0


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--port", type=int, required=True)
    sub = p.add_subparsers(dest="cmd", required=True)
    sub.add_parser("ping")
    s = sub.add_parser("load")
    s.add_argument("manifest")
    s = sub.add_parser("append")
    s.add_argument("folder")
    s.add_argument("file")
    s.add_argument("date")
    sub.add_parser("seen")
    s = sub.add_parser("recreate")
    s.add_argument("folder")
    s = sub.add_parser("uidvalidity")
    s.add_argument("folder")
    args = p.parse_args()
    m = connect(args.port)
    try:
        if args.cmd == "ping":
            return 0
        return {"load": cmd_load, "append": cmd_append, "seen": cmd_seen,
                "recreate": cmd_recreate, "uidvalidity": cmd_uidvalidity}[args.cmd](m, args)
    finally:
        try:
            m.logout()
        except Exception:
            pass


if __name__ == "__main__":
    sys.exit(main())
