#!/usr/bin/python3
"""A slow network link for the integration tests: a TCP relay on loopback
that forwards a client to a server and delivers the server's bytes at a
fixed rate. The crash test uses it so that a sync of a large mailbox takes
seconds, not milliseconds, and a SIGKILL lands mid-way however fast the
machine is.

    slowlink.py --listen PORT --to PORT --rate BYTES_PER_SECOND --ready FILE
"""
import argparse
import asyncio
import os
import sys

CHUNK = 2048


async def pump(reader, writer, rate):
    try:
        while True:
            data = await reader.read(CHUNK)
            if not data:
                break
            writer.write(data)
            await writer.drain()
            if rate:
                await asyncio.sleep(len(data) / rate)
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
    ap.add_argument("--rate", type=int, required=True)
    ap.add_argument("--ready", required=True)
    args = ap.parse_args()

    async def handle(client_r, client_w):
        try:
            server_r, server_w = await asyncio.open_connection("127.0.0.1", args.to)
        except OSError as e:
            print("slowlink: cannot reach server: %s" % e, file=sys.stderr)
            client_w.close()
            return
        await asyncio.gather(pump(client_r, server_w, 0),
                             pump(server_r, client_w, args.rate))

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
