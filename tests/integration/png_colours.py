#!/usr/bin/python3
"""What a PNG shows, for tests that cannot look: its size, how many
distinct colours, the share of pixels that are not white, and how many
pixels have each colour asked for (#rrggbb, exact).

    png_colours.py FILE [#2b6cb0 ...]  ->  one JSON object on stdout

Reads 8-bit truecolour (RGB or RGBA) PNGs without interlacing, which is
what Chromium's --screenshot writes; anything else exits 2."""
import json
import struct
import sys
import zlib


def chunks(data):
    pos = 8
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        yield kind, data[pos + 8:pos + 8 + length]
        pos += 12 + length


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def unfilter(raw, width, height, bpp):
    stride = width * bpp
    prev = bytearray(stride)
    rows = []
    pos = 0
    for _ in range(height):
        ftype = raw[pos]
        line = bytearray(raw[pos + 1:pos + 1 + stride])
        pos += 1 + stride
        if ftype == 1:
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 255
        elif ftype == 2:
            line = bytearray((x + y) & 255 for x, y in zip(line, prev))
        elif ftype == 3:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 255
        elif ftype == 4:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                upleft = prev[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + paeth(left, prev[i], upleft)) & 255
        elif ftype != 0:
            sys.exit("unknown PNG filter %d" % ftype)
        rows.append(bytes(line))
        prev = line
    return rows


def main():
    data = open(sys.argv[1], "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        print("not a PNG", file=sys.stderr)
        sys.exit(2)
    idat = b""
    for kind, body in chunks(data):
        if kind == b"IHDR":
            width, height, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
    if depth != 8 or ctype not in (2, 6) or interlace != 0:
        print("unsupported PNG (depth %d, colour type %d)" % (depth, ctype), file=sys.stderr)
        sys.exit(2)
    bpp = 3 if ctype == 2 else 4
    rows = unfilter(zlib.decompress(idat), width, height, bpp)
    colours = set()
    white = 0
    wanted = {c.lower(): 0 for c in sys.argv[2:]}
    patterns = {c: bytes.fromhex(c[1:]) for c in wanted}
    for line in rows:
        pixels = list(zip(line[0::bpp], line[1::bpp], line[2::bpp]))
        colours.update(pixels)
        white += pixels.count((255, 255, 255))
        for c, pat in patterns.items():
            wanted[c] += sum(1 for p in pixels if bytes(p) == pat)
    print(json.dumps({"width": width, "height": height, "colours": len(colours),
                      "not_white": 1 - white / (width * height), "count": wanted}))


main()
