#!/usr/bin/python3
"""A real SMTP server for the integration tests (Debian's python3-aiosmtpd):
every accepted message is written to a Maildir-like folder as
NNNN.eml, with its envelope in NNNN.json.

  smtpd.py --port N --dir DIR [--tempfail N] [--permfail-rcpt ADDR]
           [--hold-rcpt SECONDS] [--tls-cert PEM --tls-key PEM
           (--starttls | --implicit-tls)] [--auth USER:PASSWORD
           [--auth-mechanisms LIST]]

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
Each accepted message's DIR/NNNN.json says whether it came over TLS and
as whom. Writes DIR/ready when it listens; stops on SIGTERM.
"""
import argparse
import asyncio
import json
import os
import signal
import ssl
import time

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class Handler:
    def __init__(self, args):
        self.args = args
        self.tempfails_left = args.tempfail
        self.held = False
        self.count = 0
        self.log = open(os.path.join(args.dir, "log"), "a", buffering=1)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
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
                       "auth": session.auth_data}, f)
        os.rename(base + ".eml.tmp", base + ".eml")
        self.log.write("250 %s\n" % base)
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
    args = p.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    handler = Handler(args)
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
    controller = Controller(handler, hostname="127.0.0.1", port=args.port,
                            decode_data=False, **kwargs)
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
