#!/usr/bin/env python3
"""A service manager's end of the notification protocol (sd_notify(3)), for
tests: binds an AF_UNIX datagram socket (a path, or "@name" for the
abstract namespace) with SO_PASSCRED, so that the kernel attaches the
sender's pid, uid and gid to every datagram, and writes one JSON object a
line per datagram to --out: {"pid": ..., "uid": ..., "state": "READY=1"}.
Writes --ready once it listens; runs until killed."""
import argparse
import json
import os
import socket
import struct


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--socket", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--ready", required=True)
    args = ap.parse_args()

    s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_PASSCRED, 1)
    addr = args.socket
    if addr.startswith("@"):
        addr = "\0" + addr[1:]
    s.bind(addr)
    open(args.ready, "w").close()
    creds_size = struct.calcsize("3i")
    with open(args.out, "a", encoding="utf-8") as out:
        while True:
            data, anc, _flags, _addr = s.recvmsg(65536, socket.CMSG_SPACE(creds_size))
            pid = uid = None
            for level, kind, payload in anc:
                if level == socket.SOL_SOCKET and kind == socket.SCM_CREDENTIALS:
                    pid, uid, _gid = struct.unpack("3i", payload[:creds_size])
            out.write(json.dumps({"pid": pid, "uid": uid,
                                  "state": data.decode("utf-8", "replace")}) + "\n")
            out.flush()
            os.fsync(out.fileno())


if __name__ == "__main__":
    main()
