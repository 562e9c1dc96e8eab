#!/usr/bin/python3
"""A small scripted IMAP server that misbehaves on purpose, for what a real
Dovecot cannot be made to do: answer BODY[] NIL, leave a UID out of a
FETCH that ends OK, refuse a FETCH with NO, or trickle its bytes.

  badimap.py --port N --dir DIR [--ready FILE]

DIR/N.eml is the message with UID N (UIDVALIDITY 7). DIR/behaviour.json,
read again before every command, says how to misbehave:
  {"nil": [3], "omit": [5], "no": [7], "trickle": 0.5}
  nil      UIDs whose body is sent as NIL
  omit     UIDs left out of every FETCH answer
  no       a FETCH of a set that names one of these UIDs is answered NO
  trickle  seconds between bytes of a FETCH answer's body literals
  idle     offer IDLE (RFC 2177) and answer it: "bad" refuses it, "bye"
           sends "+", then "* BYE" and closes, "silent" never answers it,
           "quiet" idles until DONE but never announces new mail, "flood"
           sends untagged noise and "* 4294967295 EXISTS" until DONE
Every command received is appended to DIR/commands.log. Any user and
password are accepted. Stops on SIGTERM.
"""
import argparse
import json
import os
import re
import select
import signal
import socketserver
import sys
import time

UIDVALIDITY = 7


def load(path):
    try:
        with open(path) as f:
            return json.load(f)
    except (OSError, ValueError):
        return {}


def uids_in(directory):
    out = []
    for name in os.listdir(directory):
        m = re.fullmatch(r"(\d+)\.eml", name)
        if m:
            out.append(int(m.group(1)))
    return sorted(out)


def parse_set(text, top):
    """An IMAP sequence set of UIDs ("1:3,5,7:*") against the highest UID."""
    out = set()
    for part in text.split(","):
        if ":" in part:
            a, b = part.split(":", 1)
            a = top if a == "*" else int(a)
            b = top if b == "*" else int(b)
            lo, hi = min(a, b), max(a, b)
            out.update(range(lo, hi + 1))
        else:
            out.add(top if part == "*" else int(part))
    return out


class Handler(socketserver.StreamRequestHandler):
    def send(self, data):
        if isinstance(data, str):
            data = data.encode()
        self.wfile.write(data)
        self.wfile.flush()

    def handle(self):
        d = self.server.dir
        self.send("* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN SASL-IR] badimap ready\r\n")
        while True:
            line = self.rfile.readline()
            if not line:
                return
            text = line.decode("utf-8", "replace").rstrip("\r\n")
            with open(os.path.join(d, "commands.log"), "a") as log:
                log.write(text + "\n")
            parts = text.split(" ", 2)
            if len(parts) < 2:
                self.send("* BAD no tag\r\n")
                continue
            tag, cmd = parts[0], parts[1].upper()
            arg = parts[2] if len(parts) > 2 else ""
            how = load(os.path.join(d, "behaviour.json"))
            if cmd == "CAPABILITY":
                idle = " IDLE" if "idle" in how else ""
                self.send("* CAPABILITY IMAP4rev1 AUTH=PLAIN SASL-IR%s\r\n%s OK done\r\n"
                          % (idle, tag))
            elif cmd == "IDLE" and how.get("idle") == "bye":
                self.send("+ idling\r\n* BYE going away\r\n")
                return
            elif cmd == "IDLE" and how.get("idle") == "silent":
                self.rfile.readline()
                return
            elif cmd == "IDLE" and how.get("idle") == "flood":
                if not self.flood(tag):
                    return
            elif cmd == "IDLE" and how.get("idle") == "quiet":
                self.send("+ idling\r\n")
                if self.rfile.readline().strip().upper() != b"DONE":
                    return
                self.send("%s OK IDLE terminated\r\n" % tag)
            elif cmd in ("LOGIN", "AUTHENTICATE"):
                if cmd == "AUTHENTICATE" and " " not in arg:
                    self.send("+ \r\n")
                    self.rfile.readline()
                self.send("%s OK logged in\r\n" % tag)
            elif cmd in ("EXAMINE", "SELECT"):
                uids = uids_in(d)
                self.send("* %d EXISTS\r\n* OK [UIDVALIDITY %d] ok\r\n"
                          "* OK [UIDNEXT %d] ok\r\n%s OK [READ-ONLY] done\r\n"
                          % (len(uids), UIDVALIDITY, (uids[-1] if uids else 0) + 1, tag))
            elif cmd == "UID" and arg.upper().startswith("FETCH "):
                self.fetch(tag, arg[6:], how)
            elif cmd == "LOGOUT":
                self.send("* BYE bye\r\n%s OK bye\r\n" % tag)
                return
            elif cmd == "NOOP":
                self.send("%s OK done\r\n" % tag)
            else:
                self.send("%s BAD unknown command\r\n" % tag)

    def flood(self, tag):
        """Idles, sending untagged noise and an absurd EXISTS without a
        pause until DONE comes; False when the client went away."""
        self.send("+ idling\r\n")
        burst = ("* OK still here\r\n" * 200 + "* 4294967295 EXISTS\r\n").encode()
        try:
            while not select.select([self.connection], [], [], 0)[0]:
                self.send(burst)
        except OSError:
            return False
        if self.rfile.readline().strip().upper() != b"DONE":
            return False
        self.send("%s OK IDLE terminated\r\n" % tag)
        return True

    def fetch(self, tag, arg, how):
        d = self.server.dir
        uids = uids_in(d)
        spec, _, items = arg.partition(" ")
        wanted = parse_set(spec, uids[-1] if uids else 0)
        listed = [u for u in uids if u in wanted]
        if "BODY" not in items.upper():
            for seq, u in enumerate(uids, 1):
                if u in wanted:
                    size = os.path.getsize(os.path.join(d, "%d.eml" % u))
                    self.send("* %d FETCH (UID %d RFC822.SIZE %d)\r\n" % (seq, u, size))
            self.send("%s OK done\r\n" % tag)
            return
        if any(u in how.get("no", []) for u in listed):
            self.send("%s NO [UNAVAILABLE] cannot read that message now\r\n" % tag)
            return
        for u in listed:
            if u in how.get("omit", []):
                continue
            seq = uids.index(u) + 1
            with open(os.path.join(d, "%d.eml" % u), "rb") as f:
                raw = f.read()
            head = '* %d FETCH (UID %d INTERNALDATE "24-Nov-2026 09:30:00 +0800" ' \
                   'RFC822.SIZE %d BODY[] ' % (seq, u, len(raw))
            if u in how.get("nil", []):
                self.send(head + "NIL)\r\n")
                continue
            self.send(head + "{%d}\r\n" % len(raw))
            delay = how.get("trickle", 0)
            if delay:
                for i in range(len(raw)):
                    self.send(raw[i:i + 1])
                    time.sleep(delay)
            else:
                self.send(raw)
            self.send(")\r\n")
        self.send("%s OK Fetch completed\r\n" % tag)


class Server(socketserver.ThreadingMixIn, socketserver.TCPServer):
    allow_reuse_address = True
    daemon_threads = True


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--dir", required=True)
    p.add_argument("--ready")
    args = p.parse_args()
    server = Server(("127.0.0.1", args.port), Handler)
    server.dir = args.dir
    signal.signal(signal.SIGTERM, lambda *a: sys.exit(0))
    if args.ready:
        open(args.ready, "w").close()
    try:
        server.serve_forever()
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
