#!/usr/bin/python3
"""A counting TCP relay for `make bench`: forwards each client on loopback
to an IMAP server and, when the connection ends, appends one JSON line to
LOG with the bytes each way and the times, split at the moment the server
accepted the login (the tagged OK to LOGIN or AUTHENTICATE), so that the
cost of an idle poll can be told with and without connect + login.

    tcp_count.py --listen PORT --to PORT --log FILE --ready FILE

A line: {"up": client bytes, "down": server bytes, "up_login": ..., "down_login":
bytes until the login was accepted, "t_login": seconds from accept to login,
"t_total": seconds from accept to close}. Standard library only.
"""
import argparse
import asyncio
import json
import os
import sys
import time

CHUNK = 65536


class Conn:
    def __init__(self):
        self.t0 = time.monotonic()
        self.up = self.down = 0
        self.login_tag = None       # the tag of the client's LOGIN/AUTHENTICATE
        self.login = None           # (up, down, seconds) when the server accepted it
        self.cbuf = b""
        self.sbuf = b""

    def client_data(self, data):
        self.up += len(data)
        if self.login is not None:
            return
        self.cbuf = self._lines(self.cbuf + data, self._client_line)

    def server_data(self, data):
        self.down += len(data)
        if self.login is not None or self.login_tag is None:
            self.sbuf = b""
            return
        self.sbuf = self._lines(self.sbuf + data, self._server_line)

    @staticmethod
    def _lines(buf, fn):
        while b"\n" in buf:
            line, buf = buf.split(b"\n", 1)
            fn(line)
        return buf[-4096:]          # only lines matter; a long literal need not be kept

    def _client_line(self, line):
        words = line.split(None, 2)
        if len(words) >= 2 and words[1].upper() in (b"LOGIN", b"AUTHENTICATE"):
            self.login_tag = words[0]

    def _server_line(self, line):
        words = line.split(None, 2)
        if len(words) >= 2 and words[0] == self.login_tag and words[1].upper() == b"OK":
            # the tagged OK line itself counts to the login
            self.login = (self.up, self.down, time.monotonic() - self.t0)

    def record(self):
        up_l, down_l, t_l = self.login if self.login else (None, None, None)
        return {"up": self.up, "down": self.down, "up_login": up_l, "down_login": down_l,
                "t_login": t_l, "t_total": time.monotonic() - self.t0}


async def pump(reader, writer, count):
    try:
        while True:
            data = await reader.read(CHUNK)
            if not data:
                break
            count(data)
            writer.write(data)
            await writer.drain()
    except (ConnectionError, asyncio.CancelledError):
        pass
    finally:
        try:
            writer.close()
        except Exception:
            pass


async def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--listen", type=int, required=True)
    ap.add_argument("--to", type=int, required=True)
    ap.add_argument("--log", required=True)
    ap.add_argument("--ready", required=True)
    args = ap.parse_args()

    async def handle(client_r, client_w):
        c = Conn()
        try:
            server_r, server_w = await asyncio.open_connection("127.0.0.1", args.to)
        except OSError as e:
            print("tcp_count: cannot reach the server: %s" % e, file=sys.stderr)
            client_w.close()
            return
        await asyncio.gather(pump(client_r, server_w, c.client_data),
                             pump(server_r, client_w, c.server_data))
        with open(args.log, "a") as f:
            f.write(json.dumps(c.record()) + "\n")

    server = await asyncio.start_server(handle, "127.0.0.1", args.listen)
    with open(args.ready, "w") as f:
        f.write("%d\n" % os.getpid())
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        pass
