#!/usr/bin/python3
"""A real SMTP server for the integration tests (Debian's python3-aiosmtpd):
every accepted message is written to a Maildir-like folder as
NNNN.eml, with its envelope in NNNN.json.

  smtpd.py --port N --dir DIR [--tempfail N] [--permfail-rcpt ADDR]
           [--hold-rcpt SECONDS] [--tls-cert PEM --tls-key PEM
           (--starttls | --implicit-tls)] [--auth USER:PASSWORD
           [--auth-mechanisms LIST]] [--delay-data SECONDS]
           [--delay-reply SECONDS] [--oauth-introspect URL]

  --tempfail N        answer "451 try again later" to the first N DATA commands
  --permfail-rcpt A   answer "550 no such user" for recipient A
  --hold-rcpt S       the first RCPT TO waits S seconds before it is answered
                      (a test kills the client meanwhile)
  --tls-cert, --tls-key  the server's certificate and key (PEM)
  --starttls          offer STARTTLS and refuse mail before it
  --implicit-tls      TLS from the first byte (smtps://)
  --auth U:P          require AUTH with this user and password (also
                      without TLS: the tests run on loopback)
  --auth-mechanisms   the SASL mechanisms offered, e.g. LOGIN (default
                      PLAIN,LOGIN)
  --delay-data S      each message, once its data is in, waits S seconds before
                      it is stored: a client that goes away meanwhile loses
                      it (the server discards the unfinished transaction)
  --delay-reply S     each stored message waits S seconds more before the 250
                      goes out: a client that goes away meanwhile never hears
                      that the message was taken (it was)
  --oauth-introspect URL  offer only AUTH XOAUTH2 and OAUTHBEARER, and take
                      the access token the client sends when the RFC 7662
                      introspection endpoint URL (oauth_server.py) says it
                      is active for the user the SASL message names; a
                      refused OAUTHBEARER gets RFC 7628's JSON error as a
                      334 challenge, which the client must answer
Each accepted message's DIR/NNNN.json says whether it came over TLS, as
whom, and its Message-ID. Writes DIR/ready when it listens; stops on
SIGTERM. DIR/events has one line per event of every connection, with the
time (seconds since the epoch):
  TIME open|mail|rcpt|data|stored|replied|discarded|close SESSION [DETAIL]
("data", "stored" and "discarded" name the message's Message-ID).
"""
import argparse
import asyncio
import email.parser
import email.policy
import itertools
import json
import os
import signal
import ssl
import time
import urllib.parse
import urllib.request
from base64 import b64decode

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import MISSING, SMTP, AuthResult, LoginPassword

SESSIONS = itertools.count(1)


def message_id_of(raw):
    """The Message-ID header of a raw message, without its angle brackets."""
    headers = email.parser.BytesHeaderParser(policy=email.policy.compat32).parsebytes(raw)
    return (headers.get("Message-ID") or "").strip().strip("<>")


class Events:
    def __init__(self, path):
        self.f = open(path, "a", buffering=1)

    def write(self, what, session, detail=""):
        self.f.write(("%.6f %s %s %s" % (time.time(), what, session, detail)).rstrip() + "\n")


class EventSMTP(SMTP):
    """aiosmtpd's server, telling when a connection opens and closes."""

    def __init__(self, handler, events, **kwargs):
        super().__init__(handler, **kwargs)
        self.events = events
        self.number = next(SESSIONS)
        self.opened = False

    def connection_made(self, transport):
        super().connection_made(transport)
        self.session.number = self.number
        if not self.opened:   # STARTTLS makes a second call
            self.opened = True
            self.events.write("open", self.number)

    def connection_lost(self, error):
        self.events.write("close", self.number)
        super().connection_lost(error)


class EventController(Controller):
    def __init__(self, handler, events, **kwargs):
        self.events = events
        super().__init__(handler, **kwargs)

    def factory(self):
        return EventSMTP(self.handler, self.events, **self.SMTP_kwargs)


class Handler:
    def __init__(self, args):
        self.args = args
        self.tempfails_left = args.tempfail
        self.held = False
        self.count = 0
        self.log = open(os.path.join(args.dir, "log"), "a", buffering=1)
        self.events = Events(os.path.join(args.dir, "events"))

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        self.events.write("mail", session.number, address)
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        self.events.write("rcpt", session.number, address)
        if self.args.hold_rcpt and not self.held:
            self.held = True
            self.log.write("holding RCPT %s\n" % address)
            await asyncio.sleep(self.args.hold_rcpt)
        if self.args.permfail_rcpt and address.lower() == self.args.permfail_rcpt.lower():
            self.log.write("550 %s\n" % address)
            return "550 5.1.1 no such user"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        mid = message_id_of(envelope.original_content)
        self.events.write("data", session.number, mid)
        if self.args.delay_data:
            try:
                await asyncio.sleep(self.args.delay_data)
            except asyncio.CancelledError:
                self.events.write("discarded", session.number, mid)
                raise
        if self.tempfails_left > 0:
            self.tempfails_left -= 1
            self.log.write("451 for a message to %s\n" % envelope.rcpt_tos)
            return "451 4.3.0 try again later"
        self.count += 1
        base = os.path.join(self.args.dir, "%04d" % self.count)
        with open(base + ".eml.tmp", "wb") as f:
            f.write(envelope.original_content)
        with open(base + ".json", "w") as f:
            json.dump({"mail_from": envelope.mail_from, "rcpt_tos": envelope.rcpt_tos,
                       "time": time.time(), "tls": server.transport.get_extra_info("ssl_object") is not None,
                       "auth": session.auth_data, "message_id": mid}, f)
        os.rename(base + ".eml.tmp", base + ".eml")
        self.events.write("stored", session.number, "%s %s" % (mid, os.path.basename(base)))
        self.log.write("250 %s\n" % base)
        if self.args.delay_reply:
            await asyncio.sleep(self.args.delay_reply)
        self.events.write("replied", session.number, mid)
        return "250 2.0.0 OK"


class Authenticator:
    """Accepts exactly one user and password."""

    def __init__(self, user, password, log):
        self.user = user.encode()
        self.password = password.encode()
        self.log = log

    def __call__(self, server, session, envelope, mechanism, auth_data):
        ok = (isinstance(auth_data, LoginPassword) and auth_data.login == self.user
              and auth_data.password == self.password)
        self.log.write("AUTH %s %s\n" % (mechanism, "accepted" if ok else "refused"))
        return AuthResult(success=ok, auth_data=self.user.decode() if ok else None)


def parse_sasl_oauth(mechanism, raw):
    """(user, token) from an XOAUTH2 or OAUTHBEARER client message (decoded
    bytes), or None.
    XOAUTH2: user=U^Aauth=Bearer T^A^A. OAUTHBEARER (RFC 7628):
    n,a=U,^Ahost=H^Aport=P^Aauth=Bearer T^A^A."""
    try:
        text = raw.decode()
    except UnicodeDecodeError:
        return None
    if not text.endswith("\x01\x01"):
        return None
    fields = text[:-2].split("\x01")
    user = None
    if mechanism == "OAUTHBEARER":
        gs2 = fields.pop(0).split(",")
        if len(gs2) < 2 or gs2[0] != "n" or not gs2[1].startswith("a="):
            return None
        user = gs2[1][2:]
    kv = dict(f.split("=", 1) for f in fields if "=" in f)
    if mechanism == "XOAUTH2":
        user = kv.get("user")
    auth = kv.get("auth", "")
    if not user or not auth.startswith("Bearer "):
        return None
    return user, auth[len("Bearer "):]


class OAuthHandler(Handler):
    """Handler whose AUTH takes XOAUTH2 and OAUTHBEARER, checking each access
    token with the introspection endpoint (the server Dovecot asks too)."""

    async def check_token(self, server, mechanism, args):
        if len(args) > 1:
            try:
                raw = b64decode(args[1], validate=True)
            except ValueError:
                raw = b""
        else:
            raw = await server.challenge_auth("", encode_to_b64=False)
            if raw is MISSING:
                return AuthResult(success=False, handled=True)
        found = parse_sasl_oauth(mechanism, raw)
        active = False
        if found is not None:
            body = urllib.parse.urlencode({"token": found[1]}).encode()
            with urllib.request.urlopen(self.args.oauth_introspect, body, timeout=10) as r:
                info = json.load(r)
            active = info.get("active") is True and info.get("username") == found[0]
        self.log.write("AUTH %s %s\n" % (mechanism, "accepted" if active else "refused"))
        if active:
            return AuthResult(success=True, auth_data=found[0])
        if mechanism == "OAUTHBEARER":
            # RFC 7628 3.2.2: the error as a challenge; the client answers ^A.
            error = json.dumps({"status": "invalid_token", "schemes": "bearer"})
            if await server.challenge_auth(error) is MISSING:
                return AuthResult(success=False, handled=True)
        # handled=False: aiosmtpd answers 535 (its default, True, means
        # "answered already").
        return AuthResult(success=False, handled=False)

    async def auth_XOAUTH2(self, server, args):
        return await self.check_token(server, "XOAUTH2", args)

    async def auth_OAUTHBEARER(self, server, args):
        return await self.check_token(server, "OAUTHBEARER", args)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--dir", required=True)
    p.add_argument("--tempfail", type=int, default=0)
    p.add_argument("--permfail-rcpt")
    p.add_argument("--hold-rcpt", type=float, default=0)
    p.add_argument("--tls-cert")
    p.add_argument("--tls-key")
    p.add_argument("--starttls", action="store_true")
    p.add_argument("--implicit-tls", action="store_true")
    p.add_argument("--auth")
    p.add_argument("--auth-mechanisms", default="PLAIN,LOGIN")
    p.add_argument("--delay-data", type=float, default=0)
    p.add_argument("--delay-reply", type=float, default=0)
    p.add_argument("--oauth-introspect")
    args = p.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    handler = OAuthHandler(args) if args.oauth_introspect else Handler(args)
    kwargs = {}
    if args.starttls or args.implicit_tls:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.tls_cert, args.tls_key)
        if args.implicit_tls:
            kwargs["ssl_context"] = context
        else:
            kwargs["tls_context"] = context
            kwargs["require_starttls"] = True
    if args.auth:
        user, password = args.auth.split(":", 1)
        offered = set(args.auth_mechanisms.upper().split(","))
        kwargs["authenticator"] = Authenticator(user, password, handler.log)
        kwargs["auth_required"] = True
        kwargs["auth_require_tls"] = False
        kwargs["auth_exclude_mechanism"] = [m for m in ("PLAIN", "LOGIN") if m not in offered]
    if args.oauth_introspect:
        kwargs["auth_required"] = True
        kwargs["auth_require_tls"] = False
        kwargs["auth_exclude_mechanism"] = ["PLAIN", "LOGIN"]
    controller = EventController(handler, handler.events, hostname="127.0.0.1",
                                 port=args.port, decode_data=False, **kwargs)
    controller.start()
    open(os.path.join(args.dir, "ready"), "w").close()
    stop = []
    signal.signal(signal.SIGTERM, lambda *a: stop.append(1))
    signal.signal(signal.SIGINT, lambda *a: stop.append(1))
    while not stop:
        time.sleep(0.05)
    controller.stop()


if __name__ == "__main__":
    main()
