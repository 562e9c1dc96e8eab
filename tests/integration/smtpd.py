#!/usr/bin/python3
"""A real SMTP server for the integration tests (Debian's python3-aiosmtpd):
every accepted message is written to a Maildir-like folder as
NNNN.eml, with its envelope in NNNN.json.

  smtpd.py --port N --dir DIR [--tempfail N] [--permfail-rcpt ADDR]
           [--hold-rcpt SECONDS]

  --tempfail N        answer "451 try again later" to the first N DATA commands
  --permfail-rcpt A   answer "550 no such user" for recipient A
  --hold-rcpt S       the first RCPT TO waits S seconds before it is answered
                      (a test kills the client meanwhile)
Writes DIR/ready when it listens; stops on SIGTERM.
"""
import argparse
import asyncio
import json
import os
import signal
import time

from aiosmtpd.controller import Controller


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
                       "time": time.time()}, f)
        os.rename(base + ".eml.tmp", base + ".eml")
        self.log.write("250 %s\n" % base)
        return "250 2.0.0 OK"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--dir", required=True)
    p.add_argument("--tempfail", type=int, default=0)
    p.add_argument("--permfail-rcpt")
    p.add_argument("--hold-rcpt", type=float, default=0)
    args = p.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    controller = Controller(Handler(args), hostname="127.0.0.1", port=args.port,
                            decode_data=False)
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
