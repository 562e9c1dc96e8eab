#!/usr/bin/python3
"""The parser test corpus: export sales mail of Acme Pumps (example.com).

Written for this project: every message below was composed here, so its
expected output is known because this script put it there. Nothing is
derived by running followup's parsers.

    /usr/bin/python3 tests/data/corpus/generate.py        (re)writes the corpus
    /usr/bin/python3 tests/data/corpus/generate.py --check  exits 1 when the
                                                            files on disk differ

Each message NNN-slug.eml gets NNN-slug.json with what the parsers and the
classifier must make of it (see README.md for the fields and conventions).
The output is deterministic: no clock, no randomness, no dict-order tricks,
so the committed files are reproduced byte for byte.

How a message is made: a text the sender wrote (greeting and body: this is
the expected snippet), then optionally a closing and a signature, then the
quoted history in the style of a mail client, all rendered in a charset, a
transfer encoding and a MIME structure. The expected facts are written next
to the text that states them.
"""
import base64
import datetime
import hashlib
import json
import os
import struct
import sys
import zipfile
import io
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))

# ---------------------------------------------------------------- text

def fold(text):
    """Whitespace runs folded to one space, trimmed."""
    return " ".join(text.split())


def snippet_of(text):
    """What message_snippet(body_new, 300) must return for this new text."""
    return fold(text)[:300].rstrip()


# Charset labels as written in the messages -> the Python codec that makes
# the bytes. Some labels lie on purpose (GB2312 declared, GBK bytes; see
# the callers).
CODECS = {
    "us-ascii": "ascii",
    "utf-8": "utf-8",
    "iso-8859-1": "latin-1",
    "iso-8859-2": "iso8859_2",
    "iso-8859-9": "iso8859_9",
    "iso-8859-15": "iso8859_15",
    "windows-1250": "cp1250",
    "windows-1251": "cp1251",
    "windows-1252": "cp1252",
    "windows-1256": "cp1256",
    "koi8-r": "koi8_r",
    "gb2312": "gbk",          # Chinese mailers say GB2312 and send GBK
    "gbk": "gbk",
    "gb18030": "gb18030",
    "big5": "cp950",
    "shift_jis": "cp932",
    "iso-2022-jp": "iso2022_jp",
    "euc-kr": "euc_kr",
    "ks_c_5601-1987": "cp949",
}


def encode(text, charset):
    return text.encode(CODECS[charset.lower()])


def crlf(data):
    """LF line ends to CRLF (bytes)."""
    return data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


# ------------------------------------------------------ transfer encodings

QP_SAFE = set(range(33, 127)) - {ord("=")}


def qp_encode(data):
    """Quoted-printable (RFC 2045 6.7), CRLF lines, soft breaks at 76.

    A UTF-8 character's escapes may be split by a soft break, as real
    mailers do."""
    out = []
    for line in data.replace(b"\r\n", b"\n").split(b"\n"):
        enc = []
        for i, byte in enumerate(line):
            last = i == len(line) - 1
            if byte in QP_SAFE or (byte in (9, 32) and not last):
                enc.append(chr(byte))
            else:
                enc.append("=%02X" % byte)
        cur = ""
        for token in enc:
            if len(cur) + len(token) > 75:
                out.append(cur + "=")
                cur = ""
            cur += token
        out.append(cur)
    return ("\r\n".join(out)).encode("ascii")


def b64_encode(data, line_len=76):
    text = base64.b64encode(data).decode("ascii")
    if line_len is None:
        return text.encode("ascii") + b"\r\n"
    lines = [text[i:i + line_len] for i in range(0, len(text), line_len)]
    return ("\r\n".join(lines) + "\r\n").encode("ascii")


def transfer_encode(data, cte):
    if cte in ("7bit", "8bit", "binary"):
        return crlf(data)
    if cte == "quoted-printable":
        return qp_encode(data)
    if cte == "base64":
        return b64_encode(data)
    if cte == "base64-oneline":
        return b64_encode(data, None)
    raise ValueError(cte)


def cte_label(cte):
    return "base64" if cte.startswith("base64") else cte


# --------------------------------------------------- RFC 2047 and RFC 2231

Q_SAFE = set(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!*+-/")


def _q_bytes(data):
    out = ""
    for byte in data:
        if byte == 32:
            out += "_"
        elif byte in Q_SAFE:
            out += chr(byte)
        else:
            out += "=%02X" % byte
    return out


def _word(data, charset, mode):
    if mode == "B":
        return "=?%s?B?%s?=" % (charset, base64.b64encode(data).decode("ascii"))
    return "=?%s?Q?%s?=" % (charset, _q_bytes(data))


def encoded_words(text, charset="utf-8", mode="B", max_len=75):
    """text as RFC 2047 encoded-words, each whole characters and at most
    max_len long, separated by spaces (adjacent words: the space between
    them is not part of the text)."""
    words, cur = [], ""
    for ch in text:
        trial = cur + ch
        if cur and len(_word(encode(trial, charset), charset, mode)) > max_len:
            words.append(_word(encode(cur, charset), charset, mode))
            cur = ch
        else:
            cur = trial
    if cur:
        words.append(_word(encode(cur, charset), charset, mode))
    return " ".join(words)


def split_bytes_words(text, charset, cut):
    """Two B words that split the encoded bytes at byte `cut`, inside a
    multi-byte character: not what RFC 2047 allows, but what some mailers
    send."""
    data = encode(text, charset)
    return "%s %s" % (_word(data[:cut], charset, "B"), _word(data[cut:], charset, "B"))


def rfc2231_param(name, value, charset="utf-8", lang="", chunk=None):
    """name*=charset'lang'pct-encoded, or continuations name*0*=..."""
    data = encode(value, charset)
    pct = "".join(chr(b) if (b < 128 and (chr(b).isalnum() or chr(b) in "-._~")) else "%%%02X" % b
                  for b in data)
    if chunk is None:
        return "%s*=%s'%s'%s" % (name, charset, lang, pct)
    parts, i, n = [], 0, 0
    while i < len(pct):
        end = min(i + chunk, len(pct))
        # never cut a %XX escape
        while pct[end - 1] == "%" or (end - 2 >= i and pct[end - 2] == "%"):
            end -= 1
        piece = pct[i:end]
        if n == 0:
            parts.append("%s*0*=%s'%s'%s" % (name, charset, lang, piece))
        else:
            parts.append("%s*%d*=%s" % (name, n, piece))
        i, n = end, n + 1
    return ";\r\n\t".join(parts)


def fold_header(name, value):
    """One header field, folded at spaces to lines of at most 78 characters
    where possible. Values that already contain CRLF are kept."""
    if "\r\n" in value:
        return "%s: %s" % (name, value)
    words = value.split(" ")
    lines, cur = [], name + ":"
    for w in words:
        if len(cur) + 1 + len(w) > 78 and cur != name + ":" and cur.strip():
            lines.append(cur)
            cur = " " + w
        else:
            cur = cur + " " + w
    lines.append(cur)
    return "\r\n".join(lines)


def mailbox(name, addr, charset="utf-8", mode="B"):
    """A From/To value: ASCII names quoted when needed, others encoded."""
    if not name:
        return addr
    try:
        name.encode("ascii")
        if any(c in name for c in ',.;:()<>@"[]'):
            return '"%s" <%s>' % (name.replace('"', '\\"'), addr)
        return "%s <%s>" % (name, addr)
    except UnicodeEncodeError:
        return "%s <%s>" % (encoded_words(name, charset, mode), addr)


# ---------------------------------------------------------------- MIME

class Part:
    """A MIME entity: header fields (name, str value) and the encoded body."""

    def __init__(self, headers, body):
        self.headers = headers
        self.body = body

    def to_bytes(self):
        out = b""
        for name, value in self.headers:
            out += fold_header(name, value).encode("ascii") + b"\r\n"
        return out + b"\r\n" + self.body


def leaf(ctype, data, cte, extra=()):
    headers = [("Content-Type", ctype)]
    headers += list(extra)
    if cte != "7bit-implicit":
        headers.append(("Content-Transfer-Encoding", cte_label(cte)))
        body = transfer_encode(data, cte)
    else:
        body = crlf(data)
    return Part(headers, body)


def text_leaf(text, subtype="plain", charset="utf-8", cte="8bit", params="", extra=(),
              declared=None):
    """A text part. declared: the charset label to write when it is not
    the one the bytes are in (a lie mailers tell)."""
    data = encode(text, charset)
    return leaf('text/%s; charset="%s"%s' % (subtype, declared or charset, params), data, cte, extra)


def multipart(subtype, parts, boundary, params="", preamble=True):
    body = b""
    if preamble:
        body += b"This is a multi-part message in MIME format.\r\n\r\n"
    for p in parts:
        body += b"--" + boundary.encode() + b"\r\n" + p.to_bytes()
        if not body.endswith(b"\r\n"):
            body += b"\r\n"
    body += b"--" + boundary.encode() + b"--\r\n"
    return Part([("Content-Type", 'multipart/%s;\r\n\tboundary="%s"%s' % (subtype, boundary, params))],
                body)


def attachment(filename, ctype, data, style="plain", inline_cid=None):
    """An attachment part. style: how the filename is written: plain,
    rfc2047 (encoded-word in quotes, as Chinese mailers do), rfc2231,
    rfc2231-latin1, rfc2231-cont (continuations)."""
    if style == "plain":
        name_param, fn_param = 'name="%s"' % filename, 'filename="%s"' % filename
    elif style == "rfc2047":
        ew = encoded_words(filename, "gbk" if any(ord(c) > 0x2000 for c in filename) else "utf-8", "B")
        ew = ew.replace("=?gbk?", "=?GBK?")
        name_param, fn_param = 'name="%s"' % ew, 'filename="%s"' % ew
    elif style == "rfc2231":
        name_param, fn_param = rfc2231_param("name", filename), rfc2231_param("filename", filename)
    elif style == "rfc2231-latin1":
        name_param = rfc2231_param("name", filename, "iso-8859-1", "fr")
        fn_param = rfc2231_param("filename", filename, "iso-8859-1", "fr")
    elif style == "rfc2231-cont":
        name_param = rfc2231_param("name", filename, chunk=40)
        fn_param = rfc2231_param("filename", filename, chunk=40)
    else:
        raise ValueError(style)
    if inline_cid:
        extra = [("Content-ID", "<%s>" % inline_cid),
                 ("Content-Disposition", "inline;\r\n\t" + fn_param)]
    else:
        extra = [("Content-Disposition", "attachment;\r\n\t" + fn_param)]
    return leaf("%s;\r\n\t%s" % (ctype, name_param), data, "base64", extra)


# ------------------------------------------------------ binary payloads
# Small, deterministic stand-ins for what customers attach. Written here.

def pseudo_bytes(seed, n):
    out = b""
    counter = 0
    while len(out) < n:
        out += hashlib.sha256(("%s:%d" % (seed, counter)).encode()).digest()
        counter += 1
    return out[:n]


def fake_pdf(title, lines):
    """A small one-page PDF whose content stream holds the given lines."""
    stream = "BT /F1 11 Tf 50 780 Td 14 TL\n"
    stream += "(%s) Tj T*\n" % title.encode("ascii", "replace").decode()
    for line in lines:
        safe = line.encode("ascii", "replace").decode().replace("(", "[").replace(")", "]")
        stream += "(%s) Tj T*\n" % safe
    stream += "ET\n"
    objs = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        "/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        "<< /Length %d >>\nstream\n%sendstream" % (len(stream), stream),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = "%PDF-1.4\n"
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += "%d 0 obj\n%s\nendobj\n" % (i, o)
    xref = len(out)
    out += "xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += "%010d 00000 n \n" % off
    out += "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return out.encode("latin-1")


def fake_xlsx(rows):
    """A minimal spreadsheet (stored, not deflated, fixed timestamps)."""
    def cell(r, c, v):
        ref = "%s%d" % ("ABCDEFGH"[c], r + 1)
        if isinstance(v, (int, float)):
            return '<c r="%s"><v>%s</v></c>' % (ref, v)
        return '<c r="%s" t="inlineStr"><is><t>%s</t></is></c>' % (ref, v)
    sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
    for r, row in enumerate(rows):
        sheet += '<row r="%d">' % (r + 1) + "".join(cell(r, c, v) for c, v in enumerate(row)) + "</row>"
    sheet += "</sheetData></worksheet>"
    files = [
        ("[Content_Types].xml",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
         '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
         '<Default Extension="xml" ContentType="application/xml"/>'
         '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
         '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
         '</Types>'),
        ("_rels/.rels",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
         '</Relationships>'),
        ("xl/workbook.xml",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
         'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
         '<sheets><sheet name="RFQ" sheetId="1" r:id="rId1"/></sheets></workbook>'),
        ("xl/_rels/workbook.xml.rels",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
         '</Relationships>'),
        ("xl/worksheets/sheet1.xml", sheet),
    ]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as z:
        for name, text in files:
            info = zipfile.ZipInfo(name, date_time=(2026, 11, 2, 9, 0, 0))
            info.external_attr = 0o644 << 16
            z.writestr(info, text.encode("utf-8"))
    return buf.getvalue()


def tiny_png(rgb, size=8):
    """A size x size PNG of one colour, with a stored (uncompressed)
    deflate stream so the bytes never depend on the zlib version."""
    raw = b""
    for _ in range(size):
        raw += b"\x00" + bytes(rgb) * size
    stored = b"\x78\x01" + b"\x01" + struct.pack("<HH", len(raw), len(raw) ^ 0xFFFF) + raw
    stored += struct.pack(">I", zlib.adler32(raw) & 0xFFFFFFFF)

    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data +
                struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    ihdr = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", stored) + chunk(b"IEND", b"")


def fake_tnef(subject):
    """winmail.dat: the TNEF signature, key and a few attribute records
    (version, OEM codepage, message class, subject), each with its
    checksum, as Outlook writes them."""
    def attr(level, attr_id, data):
        return (struct.pack("<BII", level, attr_id, len(data)) + data +
                struct.pack("<H", sum(data) & 0xFFFF))
    out = struct.pack("<IH", 0x223E9F78, 0x0101)
    out += attr(1, 0x00089006, struct.pack("<I", 0x00010000))
    out += attr(1, 0x00069007, struct.pack("<II", 1252, 0))
    out += attr(1, 0x00078008, b"IPM.Microsoft Mail.Note\x00")
    out += attr(1, 0x00018004, subject.encode("cp1252") + b"\x00")
    out += attr(2, 0x00069002, pseudo_bytes("tnef-rend", 14))
    return out


# ------------------------------------------------------------ date names
# Only what the corpus needs: every quoted date is in November 2026.

WEEKDAYS = {
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    "en_s": ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
    "de": ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"],
    "de_s": ["Mo.", "Di.", "Mi.", "Do.", "Fr.", "Sa.", "So."],
    "es": ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"],
    "es_s": ["lun", "mar", "mié", "jue", "vie", "sáb", "dom"],
    "pt": ["segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira",
           "sábado", "domingo"],
    "pt_s": ["seg.", "ter.", "qua.", "qui.", "sex.", "sáb.", "dom."],
    "fr": ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
    "fr_s": ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."],
    "it": ["lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica"],
    "it_s": ["lun", "mar", "mer", "gio", "ven", "sab", "dom"],
    "ru": ["Понедельник", "Вторник", "Среда", "Четверг", "Пятница", "Суббота", "Воскресенье"],
    "ru_s": ["пн", "вт", "ср", "чт", "пт", "сб", "вс"],
    "zh": ["星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"],
    "zh_s": ["周一", "周二", "周三", "周四", "周五", "周六", "周日"],
    "tw_s": ["週一", "週二", "週三", "週四", "週五", "週六", "週日"],
    "ja_s": ["月", "火", "水", "木", "金", "土", "日"],
    "ko": ["월요일", "화요일", "수요일", "목요일", "금요일", "토요일", "일요일"],
    "ko_s": ["월", "화", "수", "목", "금", "토", "일"],
    "tr": ["Pazartesi", "Salı", "Çarşamba", "Perşembe", "Cuma", "Cumartesi", "Pazar"],
    "tr_s": ["Pzt", "Sal", "Çar", "Per", "Cum", "Cmt", "Paz"],
    "pl": ["poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela"],
    "pl_s": ["pon.", "wt.", "śr.", "czw.", "pt.", "sob.", "niedz."],
    "vi_s": ["Th 2", "Th 3", "Th 4", "Th 5", "Th 6", "Th 7", "CN"],
    "ar": ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"],
}


def _wd(key, when):
    return WEEKDAYS[key][when.weekday()]


def _h12(when):
    h = when.hour % 12 or 12
    return h, "AM" if when.hour < 12 else "PM"


def quoted_date(style_lang, when):
    """The date as the given client writes it in its attribution/header."""
    assert when.year == 2026 and when.month == 11, when
    d, hm = when.day, when.strftime("%H:%M")
    h12, ampm = _h12(when)
    f = {
        "outlook-en": "%s, November %d, 2026 %d:%s %s" % (_wd("en", when), d, h12, when.strftime("%M"), ampm),
        "gmail-en": "%s, %d Nov 2026 at %s" % (_wd("en_s", when), d, hm),
        "apple-en": "%d Nov 2026, at %s" % (d, hm),
        "thunderbird-en": "%02d/11/2026 %s" % (d, hm),
        "yahoo-en": "%s, November %d, 2026, %02d:%s:00 %s GMT+1" % (_wd("en", when), d, h12, when.strftime("%M"), ampm),
        "foxmail": "%s, Nov %d, 2026 %02d:%s %s" % (_wd("en_s", when), d, h12, when.strftime("%M"), ampm),
        "outlook-de": "%s, %d. November 2026 %s" % (_wd("de", when), d, hm),
        "thunderbird-de": "%02d.11.26 um %s" % (d, hm),
        "gmail-de": "%s, %d. Nov. 2026 um %s Uhr" % (_wd("de_s", when), d, hm),
        "outlook-es": "%s, %d de noviembre de 2026 %d:%s" % (_wd("es", when), d, when.hour, when.strftime("%M")),
        "gmail-es": "%s, %d nov 2026 a las %d:%s" % (_wd("es_s", when), d, when.hour, when.strftime("%M")),
        "outlook-pt": "%s, %d de novembro de 2026 %s" % (_wd("pt", when), d, hm),
        "gmail-pt": "%s, %d de nov. de 2026 às %s" % (_wd("pt_s", when), d, hm),
        "outlook-fr": "%s %d novembre 2026 %s" % (_wd("fr", when), d, hm),
        "gmail-fr": "%s %d nov. 2026 à %s" % (_wd("fr_s", when), d, hm),
        "outlook-it": "%s %d novembre 2026 %s" % (_wd("it", when), d, hm),
        "gmail-it": "%s %d nov 2026 alle ore %s" % (_wd("it_s", when), d, hm),
        "outlook-ru": "%d ноября 2026 г. %d:%s" % (d, when.hour, when.strftime("%M")),
        "mailru": "%s, %d ноября 2026, %d:%s +03:00" % (_wd("ru", when), d, when.hour, when.strftime("%M")),
        "outlook-zh": "2026年11月%d日 %d:%s" % (d, when.hour, when.strftime("%M")),
        "qq": "2026年11月%d日(%s) %s%d:%s" % (d, _wd("zh", when), "上午" if when.hour < 12 else "下午", h12, when.strftime("%M")),
        "163": "2026-11-%02d %s:00" % (d, hm),
        "gmail-zh": "2026年11月%d日%s %s" % (d, _wd("zh_s", when), hm),
        "outlook-tw": "2026年11月%d日 %s %02d:%s" % (d, "上午" if when.hour < 12 else "下午", h12, when.strftime("%M")),
        "gmail-tw": "2026年11月%d日 %s %s%d:%s" % (d, _wd("tw_s", when), "上午" if when.hour < 12 else "下午", h12, when.strftime("%M")),
        "outlook-ja": "2026年11月%d日 %d:%s" % (d, when.hour, when.strftime("%M")),
        "gmail-ja": "2026年11月%d日(%s) %d:%s" % (d, _wd("ja_s", when), when.hour, when.strftime("%M")),
        "outlook-ko": "2026년 11월 %d일 %s %s %d:%s" % (d, _wd("ko", when), "오전" if when.hour < 12 else "오후", h12, when.strftime("%M")),
        "gmail-ko": "2026년 11월 %d일 (%s) %s %d:%s" % (d, _wd("ko_s", when), "오전" if when.hour < 12 else "오후", h12, when.strftime("%M")),
        "outlook-tr": "%d Kasım 2026 %s %s" % (d, _wd("tr", when), hm),
        "gmail-tr": "%d Kas 2026 %s, %s" % (d, _wd("tr_s", when), hm),
        "outlook-pl": "%s, %d listopada 2026 %s" % (_wd("pl", when), d, hm),
        "gmail-pl": "%s %d lis 2026 o %s" % (_wd("pl_s", when), d, hm),
        "gmail-vi": "%s, %d thg 11, 2026 vào lúc %s" % (_wd("vi_s", when), d, hm),
        "outlook-ar": "%s، %d نوفمبر، 2026 %d:%s %s" % (_wd("ar", when), d, h12, when.strftime("%M"), "ص" if when.hour < 12 else "م"),
        "gmail-ar": "%s، %d نوفمبر 2026 في %d:%s %s" % (_wd("ar", when), d, h12, when.strftime("%M"), "ص" if when.hour < 12 else "م"),
    }
    return f[style_lang]


# ------------------------------------------------------------- reply styles
# A quoted message q: dict(name, addr, to_name, to_addr, when, subject, text).

OUTLOOK_LABELS = {
    # style: (from, sent, to, subject, separator line or None)
    "outlook-en": ("From:", "Sent:", "To:", "Subject:", None),
    "outlook-orig-en": ("From:", "Sent:", "To:", "Subject:", "-----Original Message-----"),
    "outlook-line-en": ("From:", "Sent:", "To:", "Subject:", "________________________________"),
    "outlook-de": ("Von:", "Gesendet:", "An:", "Betreff:", None),
    "outlook-es": ("De:", "Enviado el:", "Para:", "Asunto:", None),
    "outlook-pt": ("De:", "Enviada em:", "Para:", "Assunto:", None),
    "outlook-web-pt": ("De:", "Enviado:", "Para:", "Assunto:", "________________________________"),
    "outlook-fr": ("De :", "Envoyé :", "À :", "Objet :", None),
    "outlook-it": ("Da:", "Inviato:", "A:", "Oggetto:", None),
    "outlook-ru": ("От:", "Отправлено:", "Кому:", "Тема:", None),
    "outlook-zh": ("发件人:", "发送时间:", "收件人:", "主题:", None),
    "outlook-tw": ("寄件者:", "寄件日期:", "收件者:", "主旨:", None),
    "outlook-ja": ("差出人:", "送信日時:", "宛先:", "件名:", None),
    "outlook-ko": ("보낸 사람:", "보낸 날짜:", "받는 사람:", "제목:", None),
    "outlook-tr": ("Kimden:", "Gönderildi:", "Kime:", "Konu:", None),
    "outlook-pl": ("Od:", "Wysłano:", "Do:", "Temat:", None),
    "outlook-ar": ("من:", "تم الإرسال:", "إلى:", "الموضوع:", None),
}

# Attribution lines ("On ... wrote:") by client and language.
ATTRIBUTIONS = {
    "gmail-en": "On {date}, {name} <{addr}> wrote:",
    "gmail-en-wrapped": "On {date}, {name} <{addr}>\nwrote:",
    "apple-en": "On {date}, {name} <{addr}> wrote:",
    "thunderbird-en": "On {date}, {name} wrote:",
    "yahoo-en": "On {date}, {name} <{addr}> wrote:",
    "gmail-de": "Am {date} schrieb {name} <{addr}>:",
    "thunderbird-de": "Am {date} schrieb {name}:",
    "gmail-es": "El {date}, {name} (<{addr}>) escribió:",
    "gmail-pt": "Em {date}, {name} <{addr}> escreveu:",
    "gmail-fr": "Le {date}, {name} <{addr}> a écrit :",
    "gmail-it": "Il giorno {date} {name} <{addr}> ha scritto:",
    "gmail-ru": "{date}, {name} <{addr}>:",
    "mailru": "{date} от {name} <{addr}>:",
    "gmail-zh": "{name} <{addr}> 于{date}写道：",
    "163": "在 {date}，\"{name}\" <{addr}> 写道：",
    "gmail-tw": "{name} <{addr}> 於 {date}寫道：",
    "gmail-ja": "{date} {name} <{addr}>:",
    "gmail-ko": "{date}, {name} <{addr}>님이 작성:",
    "gmail-tr": "{name} <{addr}>, {date} tarihinde şunu yazdı:",
    "gmail-pl": "{date} {name} <{addr}> napisał(a):",
    "gmail-vi": "Vào {date} {name} <{addr}> đã viết:",
    "gmail-ar": "في {date}، كتب {name} <{addr}>:",
}

# Which quoted_date() format each attribution style uses.
DATE_STYLE = {
    "gmail-en-wrapped": "gmail-en", "gmail-ru": None, "163": "163",
}

# Styles whose quoted text is not prefixed with "> ".
UNPREFIXED = {"yahoo-en"}


def _prefixed(text):
    return "\n".join("> " + l if l else ">" for l in text.split("\n"))


def _date_for(style, when):
    if style == "gmail-ru":
        return "%s, %d нояб. 2026 г. в %s" % (_wd("ru_s", when), when.day, when.strftime("%H:%M"))
    return quoted_date(DATE_STYLE.get(style, style), when)


def history_plain(style, q):
    """The quoted history block a client appends below the new text."""
    if style in OUTLOOK_LABELS:
        lf, ls, lt, lsub, sep = OUTLOOK_LABELS[style]
        date_style = "outlook-en" if style.endswith("-en") else style.replace("-web", "")
        if style == "outlook-orig-en":
            who = "%s [mailto:%s]" % (q["name"], q["addr"])
        else:
            who = "%s <%s>" % (q["name"], q["addr"])
        lines = ([sep] if sep else []) + [
            "%s %s" % (lf, who),
            "%s %s" % (ls, quoted_date(date_style, q["when"])),
            "%s %s <%s>" % (lt, q["to_name"], q["to_addr"]),
            "%s %s" % (lsub, q["subject"]),
            "",
            q["text"],
        ]
        return "\n".join(lines)
    if style == "qq":
        return "\n".join([
            "------------------ 原始邮件 ------------------",
            "发件人: \"%s\"<%s>;" % (q["name"], q["addr"]),
            "发送时间: %s" % quoted_date("qq", q["when"]),
            "收件人: \"%s\"<%s>;" % (q["to_name"], q["to_addr"]),
            "",
            "主题: %s" % q["subject"],
            "",
            q["text"],
        ])
    if style == "foxmail":
        return "\n".join([
            "------------------ Original ------------------",
            "From:  \"%s\"<%s>;" % (q["name"], q["addr"]),
            "Date:  %s" % quoted_date("foxmail", q["when"]),
            "To:  \"%s\"<%s>;" % (q["to_name"], q["to_addr"]),
            "Subject:  %s" % q["subject"],
            "",
            q["text"],
        ])
    if style == "quote-only":
        return _prefixed(q["text"])
    attribution = ATTRIBUTIONS[style].format(date=_date_for(style, q["when"]),
                                             name=q["name"], addr=q["addr"])
    quoted = q["text"] if style in UNPREFIXED else _prefixed(q["text"])
    return attribution + "\n\n" + quoted


# ------------------------------------------------------------------ HTML

NAMED_ENTITIES = {
    "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;",
    "\u00a0": "&nbsp;", "é": "&eacute;", "è": "&egrave;", "à": "&agrave;", "ç": "&ccedil;",
    "ü": "&uuml;", "ö": "&ouml;", "ä": "&auml;", "ß": "&szlig;", "ñ": "&ntilde;",
    "ã": "&atilde;", "õ": "&otilde;", "á": "&aacute;", "í": "&iacute;", "ó": "&oacute;",
    "ú": "&uacute;", "ê": "&ecirc;", "€": "&euro;", "’": "&rsquo;", "–": "&ndash;",
    "—": "&mdash;", "“": "&ldquo;", "”": "&rdquo;", "°": "&deg;", "×": "&times;",
}


def html_escape(text, entities=False, numeric=False):
    out = ""
    for ch in text:
        if ch in "&<>":
            out += NAMED_ENTITIES[ch]
        elif entities and ch in NAMED_ENTITIES:
            out += NAMED_ENTITIES[ch]
        elif numeric and ord(ch) > 0x2000:
            out += "&#%d;" % ord(ch)
        else:
            out += ch
    return out


def text_to_html(text, entities=False, numeric=False, p_class=None):
    """Paragraphs (blank-line separated) to <p>, lines to <br>."""
    cls = ' class="%s"' % p_class if p_class else ""
    paras = []
    for para in text.split("\n\n"):
        lines = [html_escape(l, entities, numeric) for l in para.split("\n")]
        paras.append("<p%s>%s</p>" % (cls, "<br>\n".join(lines)))
    return "\n".join(paras)


def history_html(style, q, entities=False):
    """The same history as a client writes it in HTML."""
    quoted = text_to_html(q["text"], entities)
    if style in OUTLOOK_LABELS:
        lf, ls, lt, lsub, sep = OUTLOOK_LABELS[style]
        date_style = "outlook-en" if style.endswith("-en") else style.replace("-web", "")
        head = ('<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm">\n'
                '<p class="MsoNormal"><b>%s</b> %s &lt;%s&gt;<br>\n<b>%s</b> %s<br>\n'
                '<b>%s</b> %s &lt;%s&gt;<br>\n<b>%s</b> %s</p>\n</div>\n') % (
                    lf, html_escape(q["name"]), q["addr"], ls,
                    html_escape(quoted_date(date_style, q["when"])),
                    lt, html_escape(q["to_name"]), q["to_addr"], lsub, html_escape(q["subject"]))
        sep_html = "<p>%s</p>\n" % sep if sep else '<hr style="display:inline-block;width:98%">\n'
        return sep_html + head + quoted
    if style == "qq":
        return ('<div style="font-size: 12px;font-family: Arial Narrow;padding:2px 0 2px 0;">'
                '------------------&nbsp;原始邮件&nbsp;------------------</div>\n'
                '<div style="font-size: 12px;background:#efefef;padding:8px;">\n'
                '<div><b>发件人:</b>&nbsp;"%s"&lt;%s&gt;;</div>\n'
                '<div><b>发送时间:</b>&nbsp;%s</div>\n'
                '<div><b>收件人:</b>&nbsp;"%s"&lt;%s&gt;;</div>\n'
                '<div></div>\n<div><b>主题:</b>&nbsp;%s</div>\n</div>\n<div><br></div>\n%s') % (
                    html_escape(q["name"]), q["addr"], quoted_date("qq", q["when"]),
                    html_escape(q["to_name"]), q["to_addr"], html_escape(q["subject"]), quoted)
    attribution = ATTRIBUTIONS[style].format(date=_date_for(style, q["when"]),
                                             name=q["name"], addr=q["addr"])
    attribution = html_escape(attribution).replace("\n", " ")
    return ('<div class="gmail_quote"><div dir="ltr" class="gmail_attr">%s<br></div>'
            '<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;'
            'border-left:1px solid rgb(204,204,204);padding-left:1ex">\n%s\n</blockquote></div>') % (
                attribution, quoted)


def html_document(body, charset, lang=None, style=True):
    head = '<meta http-equiv="Content-Type" content="text/html; charset=%s">' % charset
    if style:
        head += ("\n<style type=\"text/css\">p.MsoNormal, p {margin:0cm; font-size:11.0pt; "
                 "font-family:\"Calibri\",sans-serif;}</style>")
    attr = ' lang="%s"' % lang if lang else ""
    return "<html%s><head>\n%s\n</head>\n<body>\n%s\n</body></html>\n" % (attr, head, body)


# ------------------------------------------------------------ the composer

STAFF = {
    "li": ("Li Wei", "li.wei@example.com"),
    "li_zh": ("李伟", "li.wei@example.com"),
    "anna": ("Anna Schmidt", "anna.schmidt@example.com"),
    "carlos": ("Carlos Ruiz", "carlos.ruiz@example.com"),
    "sophie": ("Sophie Martin", "sophie.martin@example.com"),
    "olga": ("Olga Ivanova", "olga.ivanova@example.com"),
    "omar": ("Omar Haddad", "omar.haddad@example.com"),
    "kenji": ("Kenji Sato", "kenji.sato@example.com"),
    "soojin": ("Kim Soo-jin", "soojin.kim@example.com"),
    "mai": ("Tran Thi Mai", "mai.tran@example.com"),
    "sales": ("Acme Pumps Sales", "sales@example.com"),
}

BASE_TIME = datetime.datetime(2026, 11, 2, 7, 0, tzinfo=datetime.timezone.utc)
MESSAGES = []
KINDS = {"inquiry", "reply", "quote", "auto-reply", "bounce", "bulk", "internal"}


def when_of(n, tz):
    """The n-th message's date, in the sender's time zone (hours)."""
    t = BASE_TIME + datetime.timedelta(minutes=53 * n)
    return t.astimezone(datetime.timezone(datetime.timedelta(hours=tz)))


def rfc5322_date(when):
    days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    off = when.utcoffset().total_seconds() // 60
    sign = "+" if off >= 0 else "-"
    off = abs(int(off))
    return "%s, %02d %s %d %02d:%02d:%02d %s%02d%02d" % (
        days[when.weekday()], when.day, months[when.month - 1], when.year,
        when.hour, when.minute, when.second, sign, off // 60, off % 60)


def q(frm, to, when, subject, text):
    """A message as quoted in a later one's history."""
    return {"name": frm[0], "addr": frm[1], "to_name": to[0], "to_addr": to[1],
            "when": when, "subject": subject, "text": text}


def nov(day, hour, minute=0, tz=1):
    return datetime.datetime(2026, 11, day, hour, minute,
                             tzinfo=datetime.timezone(datetime.timedelta(hours=tz)))


def signed_text(text, closing=None, sig=None, sig_sep=False):
    """What the sender wrote, with the closing and signature below it."""
    out = text
    tail = []
    if closing:
        tail.append(closing)
    if sig:
        if sig_sep:
            tail.append("-- ")
        tail.extend(sig)
    if tail:
        out += "\n\n" + "\n".join(tail)
    return out


def _is_ascii(s):
    try:
        s.encode("ascii")
        return True
    except UnicodeEncodeError:
        return False


def _can_encode(s, charset):
    try:
        encode(s, charset)
        return True
    except UnicodeEncodeError:
        return False


def mixed_q(text, charset):
    """ASCII words as they are, runs of non-ASCII words as Q encoded-words
    (with their inner spaces inside the words)."""
    words = text.split(" ")
    out, run = [], []
    for w in words:
        if _is_ascii(w):
            if run:
                out.append(encoded_words(" ".join(run), charset, "Q"))
                run = []
            out.append(w)
        else:
            run.append(w)
    if run:
        out.append(encoded_words(" ".join(run), charset, "Q"))
    return " ".join(out)


def header_text(text, enc, charset):
    """A subject or display name as it goes on the wire: str (ASCII) or
    bytes (undeclared 8-bit)."""
    if enc is None:
        if _is_ascii(text):
            return text
        cs = charset if _can_encode(text, charset) and charset not in ("us-ascii",) else "utf-8"
        return encoded_words(text, cs, "B")
    kind = enc[0]
    if kind in ("B", "Q"):
        return encoded_words(text, enc[1], kind)
    if kind == "mixed-q":
        return mixed_q(text, enc[1])
    if kind == "split":
        return split_bytes_words(text, enc[1], enc[2])
    if kind == "raw":
        return text.encode(CODECS[enc[1]])
    raise ValueError(enc)


def address_value(people, enc, charset):
    out = []
    for name, addr in people:
        if not name:
            out.append(addr)
            continue
        if _is_ascii(name):
            out.append(mailbox(name, addr))
            continue
        value = header_text(name, enc, charset)
        if isinstance(value, bytes):
            assert len(people) == 1, "raw 8-bit names: one address only"
            return value + b" <" + addr.encode() + b">"
        out.append("%s <%s>" % (value, addr))
    return ", ".join(out)


def build_body(text_plain, text_html, structure, charset, cte, html_cte, attachments,
               inline_images, boundary, signed_by=None, declared=None, plain_params=""):
    """The MIME tree of a message."""
    def b(n):
        return "%s_%d" % (boundary, n)

    plain = (text_leaf(text_plain, "plain", charset, cte, plain_params, declared=declared)
             if text_plain is not None else None)
    html = (text_leaf(text_html, "html", charset, html_cte, declared=declared)
            if text_html is not None else None)
    if structure == "plain":
        body = plain
    elif structure == "html":
        body = html
    elif structure == "alternative":
        body = multipart("alternative", [plain, html], b(1), preamble=False)
    elif structure == "related":
        rel = multipart("related", [html] + list(inline_images), b(2), '; type="text/html"', False)
        body = multipart("alternative", [plain, rel], b(1), preamble=False)
    elif structure == "html-related":
        body = multipart("related", [html] + list(inline_images), b(2), '; type="text/html"', False)
    else:
        raise ValueError(structure)
    if attachments:
        body = multipart("mixed", [body] + list(attachments), b(3))
    if signed_by == "smime":
        sig = leaf('application/pkcs7-signature; name="smime.p7s"',
                   pseudo_bytes("smime:" + boundary, 1500), "base64",
                   [("Content-Disposition", 'attachment; filename="smime.p7s"'),
                    ("Content-Description", "S/MIME Cryptographic Signature")])
        body = multipart("signed", [body, sig], b(4),
                         '; protocol="application/pkcs7-signature"; micalg=sha-256')
    elif signed_by == "pgp":
        armour = base64.b64encode(pseudo_bytes("pgp:" + boundary, 310)).decode()
        lines = [armour[i:i + 64] for i in range(0, len(armour), 64)]
        text = ("-----BEGIN PGP SIGNATURE-----\n\n" + "\n".join(lines) +
                "\n=Zx8q\n-----END PGP SIGNATURE-----\n")
        sig = leaf('application/pgp-signature; name="signature.asc"', text.encode(), "7bit",
                   [("Content-Description", "OpenPGP digital signature"),
                    ("Content-Disposition", 'attachment; filename="signature.asc"')])
        body = multipart("signed", [body, sig], b(4),
                         '; micalg=pgp-sha256; protocol="application/pgp-signature"')
    return body


def add(slug, *, frm, to, subject, text, kind, folder="INBOX", cc=(), closing=None, sig=None,
        sig_sep=False, history=None, charset="utf-8", cte="8bit", html_cte=None,
        structure="plain", entities=False, numeric=False, subject_enc=None, name_enc=None,
        attachments=(), inline_images=(), extra_headers=(), in_reply_to=None, references=None,
        tz=1, msgid=None, no_date=False, no_msgid=False, language=None, facts=None,
        snippet=None, covers=(), html_lang=None, html_text=None, plain_text=None,
        signed_by=None, raw_body=None, direction=None, body_part=None, top_headers=None,
        declared=None, plain_params=""):
    """Adds one message. text is what the sender wrote (greeting and
    body): its snippet is the expected one unless snippet= says otherwise."""
    n = len(MESSAGES) + 1
    assert kind in KINDS, kind
    if direction is None:
        direction = "out" if folder == "Sent" else "in"
    when = when_of(n, tz)
    boundary = "=_Part_%03d_%s" % (n, hashlib.sha1(slug.encode()).hexdigest()[:10])
    to = to if isinstance(to, list) else [to]
    cc = list(cc)

    full = signed_text(text, closing, sig, sig_sep)
    if history and history[1]["when"] >= when:
        # a quoted message is older than the one quoting it
        qd = dict(history[1])
        qd["when"] = (when - datetime.timedelta(hours=5)).astimezone(qd["when"].tzinfo)
        history = (history[0], qd)
    hist_plain = history_plain(history[0], history[1]) if history else None
    if plain_text is None:
        plain_text = full + ("\n\n" + hist_plain if hist_plain else "") + "\n"
    if structure in ("html", "alternative", "related", "html-related") and html_text is None:
        tail_html = ""
        if closing or sig:
            tail_lines = ([closing] if closing else []) + (["-- "] if sig_sep else []) + list(sig or [])
            tail_html = "\n<p>%s</p>" % "<br>\n".join(html_escape(l, entities, numeric) for l in tail_lines)
        hist = "\n<div><br></div>\n" + history_html(history[0], history[1], entities) if history else ""
        inner = text_to_html(text, entities, numeric, "MsoNormal") + tail_html + hist
        for img in inline_images:
            cid = dict(img.headers)["Content-ID"].strip("<>")
            inner += '\n<p><img src="cid:%s" width="120" height="40" alt="Acme"></p>' % cid
        html_text = html_document(inner, charset, html_lang)

    if body_part is not None:
        body = body_part
    elif raw_body is not None:
        body = raw_body
    else:
        body = build_body(plain_text if structure not in ("html", "html-related") else None,
                          html_text, structure, charset, cte, html_cte or cte,
                          attachments, inline_images, boundary, signed_by, declared, plain_params)

    headers = []
    if top_headers is not None:
        headers = list(top_headers)
    else:
        headers.append(("From", address_value([frm], name_enc, charset)))
        headers.append(("To", address_value(to, name_enc, charset)))
        if cc:
            headers.append(("Cc", address_value(cc, name_enc, charset)))
        headers.append(("Subject", header_text(subject, subject_enc, charset)))
        if not no_date:
            headers.append(("Date", rfc5322_date(when)))
        if not no_msgid:
            domain = frm[1].split("@")[1]
            headers.append(("Message-ID", msgid or "<%s.%03d.%s@%s>" % (
                when.strftime("%Y%m%d%H%M"), n, hashlib.sha1(slug.encode()).hexdigest()[:8], domain)))
        if in_reply_to:
            headers.append(("In-Reply-To", "<%s>" % in_reply_to))
        if references:
            headers.append(("References", " ".join("<%s>" % r for r in references)))
        headers.extend(extra_headers)
        headers.append(("MIME-Version", "1.0"))
    raw = b""
    for name, value in headers + body.headers:
        if isinstance(value, bytes):
            raw += name.encode("ascii") + b": " + value + b"\r\n"
        else:
            raw += fold_header(name, value).encode("ascii") + b"\r\n"
    raw += b"\r\n" + body.body

    exp = {"folder": folder, "direction": direction, "kind": kind, "subject": subject,
           "snippet": snippet if snippet is not None else snippet_of(text)}
    if direction == "in":
        exp["language"] = language
    else:
        assert language is None, slug
    if kind in ("inquiry", "quote"):
        assert facts is not None, slug
        exp["facts"] = facts
    else:
        assert facts is None, slug
    exp["covers"] = list(covers)
    MESSAGES.append(("%03d-%s" % (n, slug), raw, exp))
    return {"msgid": dict(headers).get("Message-ID", "").strip("<>"), "when": when,
            "text": full, "subject": subject, "from": frm, "to": to[0]}


def pdf(filename, title, lines, style="plain"):
    return attachment(filename, "application/pdf", fake_pdf(title, lines), style)


def xlsx(filename, rows, style="plain"):
    return attachment(filename, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                      fake_xlsx(rows), style)


def logo(cid, rgb=(0, 80, 160)):
    return attachment("image001.png", "image/png", tiny_png(rgb), "plain", inline_cid=cid)


# Where the destinations this corpus names are (ISO 3166-1): the country of
# a destination is the one written, else the country of its port.
PORT_COUNTRY = {
    "Abidjan": "CI", "Alexandria": "EG", "Almaty": "KZ", "Antofagasta": "CL",
    "Auckland": "NZ", "Brisbane": "AU", "Buenaventura": "CO", "Buenos Aires": "AR",
    "Busan": "KR", "Callao": "PE", "Casablanca": "MA", "Cat Lai": "VN", "Dammam": "SA",
    "Dublin": "IE", "Durban": "ZA", "Felixstowe": "GB", "Gdansk": "PL", "Genoa": "IT",
    "Hamburg": "DE", "Houston": "US", "Izmir": "TR", "Jakarta": "ID", "Jebel Ali": "AE",
    "Jeddah": "SA", "Keelung": "TW", "Koper": "SI", "Lagos": "NG", "Leixoes": "PT",
    "Manzanillo": "MX", "Marseille": "FR", "Mombasa": "KE", "Naples": "IT",
    "Nhava Sheva": "IN", "Novorossiysk": "RU", "Rio Grande": "BR",
    "Saint Petersburg": "RU", "Santos": "BR", "Sohar": "OM", "Surabaya": "ID",
    "Tema": "GH", "Valencia": "ES", "Vladivostok": "RU", "Yokohama": "JP",
}


def F(**facts):
    """Expected facts, in facts_to_json's key order."""
    order = ["products", "quantities", "incoterm", "incoterm_place", "prices", "moq",
             "destination_port", "destination_country", "delivery_time", "delivery_days",
             "reference"]
    for k in facts:
        assert k in order, k
    port = facts.get("destination_port")
    if port is not None and "destination_country" not in facts:
        facts["destination_country"] = PORT_COUNTRY[port[0] if isinstance(port, list) else port]
    return {k: facts[k] for k in order if k in facts}


def Q(value, unit):
    return {"value": value, "unit": unit}


def P(currency, amount, per=None):
    return {"currency": currency, "amount": amount, "per": per}


# =====================================================================
# English
# =====================================================================

def corpus_en():
    carter = ("John Carter", "john.carter@aquaflow.co.uk")
    okafor = ("David Okafor", "david.okafor.ng@gmail.com")
    baker = ("Tom Baker", "purchasing@midwest-irrigation.com")
    li = STAFF["li"]
    sig_li = ["Li Wei", "Sales Manager", "Acme Pumps Co., Ltd.", "Tel: +86 574 8888 0000"]
    sig_carter = ["John Carter", "Procurement Manager", "AquaFlow Engineering Ltd",
                  "Tel: +44 161 496 0000"]

    # An enquiry from a UK company, windows-1252 quoted-printable.
    inq = add("en-inquiry-outlook-cp1252",
              frm=carter, to=STAFF["sales"], tz=0,
              subject="Enquiry: XP-200 centrifugal pumps for irrigation project",
              text="Dear Sir or Madam,\n\n"
                   "We are a water engineering company in Manchester and are preparing a bid "
                   "for an irrigation project. Please quote your best price for 200 pcs of "
                   "model XP-200, CIF Felixstowe.\n\n"
                   "Kindly also state your MOQ and the delivery time; we’d need the goods "
                   "within 45 days.",
              closing="Best regards,", sig=sig_carter,
              charset="windows-1252", cte="quoted-printable",
              kind="inquiry", language="en",
              facts=F(products=["XP-200"], quantities=[Q(200, "pcs")], incoterm="CIF",
                      incoterm_place="Felixstowe", destination_port="Felixstowe",
                      delivery_time="within 45 days", delivery_days=45),
              covers=["windows-1252", "quoted-printable", "ccTLD co.uk"])

    # Our quotation, Outlook, with the PDF.
    quote = add("en-quote-pdf-outlook",
                folder="Sent", frm=li, to=carter, tz=8,
                subject="RE: Enquiry: XP-200 centrifugal pumps for irrigation project",
                text="Dear Mr. Carter,\n\n"
                     "Thank you for your enquiry. Please find attached our quotation No. Q-2026-1101:\n\n"
                     "XP-200 centrifugal pump: USD 410.00/pc, CIF Felixstowe\n"
                     "MOQ: 50 pcs\n"
                     "Delivery time: 30 days after receipt of deposit\n"
                     "Payment: 30% T/T in advance, balance against B/L copy",
                closing="Best regards,", sig=sig_li,
                history=("outlook-en", q(carter, STAFF["sales"], inq["when"], inq["subject"], inq["text"])),
                in_reply_to=inq["msgid"], references=[inq["msgid"]],
                attachments=[pdf("Q-2026-1101.pdf", "Quotation Q-2026-1101",
                                 ["XP-200 centrifugal pump", "USD 410.00/pc CIF Felixstowe"])],
                kind="quote",
                facts=F(products=["XP-200"], incoterm="CIF", incoterm_place="Felixstowe",
                        prices=[P("USD", 410, "pcs")], moq=Q(50, "pcs"),
                        destination_port="Felixstowe",
                        delivery_time="30 days after receipt of deposit", delivery_days=30,
                        reference="Q-2026-1101"),
                covers=["outbound quote", "pdf attachment", "Outlook From/Sent block"])

    # The customer answers in Outlook: new text, then our quote below the header block.
    add("en-reply-outlook-orig",
        frm=carter, to=li, tz=0,
        subject="RE: Enquiry: XP-200 centrifugal pumps for irrigation project",
        text="Dear Li Wei,\n\n"
             "Thank you for the quick response. Our client has approved the budget, so please "
             "send us the proforma invoice for the 200 pumps and your bank details for the deposit.\n\n"
             "We would also like the pumps painted in RAL 5015 blue; please confirm this is "
             "possible at no extra cost.",
        closing="Best regards,", sig=sig_carter,
        history=("outlook-orig-en", q(li, carter, quote["when"], quote["subject"], quote["text"])),
        in_reply_to=quote["msgid"], references=[inq["msgid"], quote["msgid"]],
        kind="reply", language="en",
        covers=["-----Original Message-----", "reply"])

    add("en-auto-reply-ooo",
        frm=carter, to=li, tz=0,
        subject="Automatic reply: Enquiry: XP-200 centrifugal pumps for irrigation project",
        text="Thank you for your email. I am out of the office until 16 November with limited "
             "access to email. For urgent matters please contact our office on +44 161 496 0000.",
        extra_headers=[("Auto-Submitted", "auto-replied"), ("X-Auto-Response-Suppress", "All")],
        in_reply_to=quote["msgid"],
        kind="auto-reply", language="en",
        covers=["Auto-Submitted", "out of office"])

    # A Nigerian buyer on Gmail: multipart/alternative, Gmail reply style later.
    inq2 = add("en-inquiry-gmail-freemail",
               frm=okafor, to=STAFF["sales"],
               subject="Inquiry - submersible pumps QJ-4500/2",
               text="Good day,\n\n"
                    "I am interested in your submersible pump QJ-4500/2. We need 2 x 40HQ, "
                    "shipping to Lagos, Nigeria. Please send your price in USD, "
                    "FOB Shanghai, and let me know your payment terms.",
               closing="Thanks and regards,", sig=["David Okafor", "Okafor Water Systems",
                                                    "+234 803 000 0000"],
               structure="alternative", cte="quoted-printable",
               kind="inquiry", language="en",
               facts=F(products=["QJ-4500/2"], quantities=[Q(2, "40ft")], incoterm="FOB",
                       incoterm_place="Shanghai", destination_port="Lagos",
                       destination_country="NG"),
               covers=["gmail.com", "multipart/alternative", "40HQ containers"])

    ours2 = add("en-our-reply-outlook",
                folder="Sent", frm=li, to=okafor, tz=8,
                subject="RE: Inquiry - submersible pumps QJ-4500/2",
                text="Hi David,\n\n"
                     "Thank you for your interest. The QJ-4500/2 is available with 50 m or 100 m "
                     "of cable. Which length do you need, and is the voltage in Lagos 380 V / 50 Hz?",
                closing="Best regards,", sig=sig_li,
                history=("outlook-en", q(okafor, STAFF["sales"], inq2["when"], inq2["subject"], inq2["text"])),
                in_reply_to=inq2["msgid"], references=[inq2["msgid"]],
                kind="reply",
                covers=["outbound reply", "no quotation marker"])

    add("en-reply-gmail-quoted",
        frm=okafor, to=li, tz=1,
        subject="Re: Inquiry - submersible pumps QJ-4500/2",
        text="Hi Li,\n\n"
             "We need 100 m of cable, and yes, the voltage is 380 V / 50 Hz three phase. "
             "Could you also check the freight rate for CFR Lagos with another shipping line?",
        closing="Thanks and regards,", sig=["David"],
        history=("gmail-en", q(li, okafor, ours2["when"], ours2["subject"], ours2["text"])),
        structure="alternative", cte="quoted-printable",
        in_reply_to=ours2["msgid"], references=[inq2["msgid"], ours2["msgid"]],
        kind="reply", language="en",
        covers=["Gmail attribution", "> quoting", "multipart/alternative"])

    # An American RFQ, HTML only, with entities and a dash range.
    inq3 = add("en-inquiry-html-entities",
               frm=baker, to=STAFF["sales"], tz=-6,
               subject="RFQ: CDL-32-50 vertical multistage pumps & spare seals",
               text="Hello,\n\n"
                    "We’re looking for a supplier of vertical multistage pumps. Could you quote "
                    "50 sets of CDL-32-50 & 100 pcs of mechanical seals MS-35, CIF Houston?\n\n"
                    "Our target price is USD 1,150/set. Delivery: 4–6 weeks.",
               closing="Regards,", sig=["Tom Baker", "Midwest Irrigation Supply"],
               structure="html", entities=True, cte="quoted-printable", charset="us-ascii",
               kind="inquiry", language="en",
               facts=F(products=["CDL-32-50", "MS-35"], quantities=[Q(50, "sets"), Q(100, "pcs")],
                       incoterm="CIF", incoterm_place="Houston", prices=[P("USD", 1150, "sets")],
                       destination_port="Houston", delivery_time="4–6 weeks", delivery_days=42),
               covers=["HTML only", "named entities", "range of weeks", "gTLD .com"])

    # Our quote to him: HTML with a price table, Outlook HTML history.
    table = ('<table border="1" cellpadding="4"><tr><td>Model</td><td>Quantity</td><td>Unit price</td></tr>\n'
             '<tr><td>CDL-32-50</td><td>50 sets</td><td>USD 1,180.00/set</td></tr>\n'
             '<tr><td>MS-35</td><td>100 pcs</td><td>USD 24.50/pc</td></tr></table>')
    quote3_text = ("Dear Tom,\n\nThank you for your RFQ. Please see our quotation No. Q-2026-1107 below:\n\n"
                   "Model Quantity Unit price CDL-32-50 50 sets USD 1,180.00/set MS-35 100 pcs "
                   "USD 24.50/pc\n\nTerms: CIF Houston, delivery 35 days after deposit, validity 30 days.")
    html = html_document(
        '<p class="MsoNormal">Dear Tom,</p>\n<p class="MsoNormal">Thank you for your RFQ. Please see our '
        'quotation No. Q-2026-1107 below:</p>\n' + table +
        '\n<p class="MsoNormal">Terms: CIF Houston, delivery 35 days after deposit, validity 30 days.</p>\n'
        '<p class="MsoNormal">Best regards,<br>\nLi Wei<br>\nSales Manager<br>\nAcme Pumps Co., Ltd.</p>\n'
        '<div><br></div>\n' +
        history_html("outlook-line-en", q(baker, STAFF["sales"], inq3["when"], inq3["subject"], inq3["text"]), True),
        "us-ascii")
    add("en-quote-html-table",
        folder="Sent", frm=li, to=baker, tz=8,
        subject="RE: RFQ: CDL-32-50 vertical multistage pumps & spare seals",
        text=quote3_text, structure="html", html_text=html, charset="us-ascii", cte="quoted-printable",
        in_reply_to=inq3["msgid"], references=[inq3["msgid"]],
        kind="quote",
        facts=F(products=["CDL-32-50", "MS-35"], quantities=[Q(50, "sets"), Q(100, "pcs")],
                incoterm="CIF", incoterm_place="Houston",
                prices=[P("USD", 1180, "sets"), P("USD", 24.5, "pcs")],
                destination_port="Houston", delivery_time="35 days after deposit",
                delivery_days=35, reference="Q-2026-1107"),
        covers=["HTML only", "table", "Outlook HTML history", "Quotation No. in body"])

    add("en-reply-apple-iphone",
        frm=baker, to=li, tz=-6,
        subject="Re: RFQ: CDL-32-50 vertical multistage pumps & spare seals",
        text="Sounds good to us. I will discuss the sample order with my manager on Monday and "
             "get back to you.",
        sig=["Sent from my iPhone"],
        history=("apple-en", q(li, baker, nov(3, 2, 10, -6), "RE: RFQ: CDL-32-50 vertical multistage pumps & spare seals", quote3_text)),
        in_reply_to="20261103.q1107@example.com",
        kind="reply", language="en",
        covers=["Apple Mail attribution", "Sent from my iPhone"])


# =====================================================================
# German
# =====================================================================

def corpus_de():
    becker = ("Klaus Becker", "k.becker@wassertechnik-becker.de")
    huber = ("Petra Huber", "p.huber@huber-pumpen.at")
    anna = STAFF["anna"]
    sig_anna = ["Anna Schmidt", "Export Sales", "Acme Pumps Co., Ltd.", "Tel. +86 574 8888 0012"]
    sig_becker = ["Klaus Becker", "Einkauf", "Wassertechnik Becker GmbH", "Tel. +49 711 1234560"]

    inq = add("de-inquiry-latin1-qp",
              frm=becker, to=STAFF["sales"],
              subject="Anfrage: Kreiselpumpen XP-350 für Kläranlage",
              text="Sehr geehrte Damen und Herren,\n\n"
                   "für ein Kläranlagenprojekt in Stuttgart benötigen wir ein Angebot über folgende "
                   "Pumpen:\n\n"
                   "Modell XP-350, Menge: 120 Stück\n\n"
                   "Bitte nennen Sie uns Ihren Preis CIF Hamburg sowie die Lieferzeit. Die Ware sollte "
                   "innerhalb von 6 Wochen in Hamburg sein.\n\n"
                   "Für Rückfragen stehen wir Ihnen gerne zur Verfügung.",
              closing="Mit freundlichen Grüßen", sig=sig_becker,
              charset="iso-8859-1", cte="quoted-printable", subject_enc=("Q", "iso-8859-1"),
              kind="inquiry", language="de",
              facts=F(products=["XP-350"], quantities=[Q(120, "pcs")], incoterm="CIF",
                      incoterm_place="Hamburg", destination_port="Hamburg",
                      delivery_time="innerhalb von 6 Wochen", delivery_days=42),
              covers=["ISO-8859-1", "quoted-printable", "RFC 2047 Q subject", "Stück"])

    quote = add("de-quote-rfc2231-continuation",
                folder="Sent", frm=anna, to=becker, tz=8,
                subject="Angebot Nr. 2026-118 – Kreiselpumpen XP-350",
                text="Sehr geehrter Herr Becker,\n\n"
                     "vielen Dank für Ihre Anfrage. Gerne bieten wir Ihnen an:\n\n"
                     "Kreiselpumpe XP-350, 120 Stück\n"
                     "Preis: EUR 612,50 pro Stück, CIF Hamburg\n"
                     "Mindestbestellmenge: 20 Stück\n"
                     "Lieferzeit: 5 Wochen nach Anzahlung\n\n"
                     "Das ausführliche Angebot Nr. 2026-118 finden Sie im Anhang.",
                closing="Mit freundlichen Grüßen", sig=sig_anna,
                history=("outlook-de", q(becker, STAFF["sales"], inq["when"], inq["subject"], inq["text"])),
                in_reply_to=inq["msgid"], references=[inq["msgid"]],
                cte="quoted-printable",
                attachments=[pdf("Angebot_2026-118_Kreiselpumpen_XP-350_für_Wassertechnik_Becker_GmbH.pdf",
                                 "Angebot 2026-118", ["XP-350 EUR 612,50 CIF Hamburg"], "rfc2231-cont")],
                kind="quote",
                facts=F(products=["XP-350"], quantities=[Q(120, "pcs")], incoterm="CIF",
                        incoterm_place="Hamburg", prices=[P("EUR", 612.5, "pcs")], moq=Q(20, "pcs"),
                        destination_port="Hamburg", delivery_time="5 Wochen nach Anzahlung",
                        delivery_days=35, reference="2026-118"),
                covers=["Angebot Nr.", "RFC 2231 continuations", "German decimal comma",
                        "Outlook Von/Gesendet block"])

    add("de-reply-outlook-von-gesendet",
        frm=becker, to=anna,
        subject="AW: Angebot Nr. 2026-118 – Kreiselpumpen XP-350",
        text="Hallo Frau Schmidt,\n\n"
             "vielen Dank für Ihr Angebot. Wir haben noch eine Frage zur Dichtung: Ist die "
             "Gleitringdichtung für Abwasser mit Sand geeignet? Bitte schicken Sie uns dazu das "
             "Datenblatt.",
        closing="Mit freundlichen Grüßen", sig=sig_becker,
        history=("outlook-de", q(anna, becker, quote["when"], quote["subject"], quote["text"])),
        charset="windows-1252", cte="quoted-printable",
        in_reply_to=quote["msgid"], references=[inq["msgid"], quote["msgid"]],
        kind="reply", language="de",
        covers=["AW:", "Outlook Von/Gesendet block", "windows-1252"])

    add("de-auto-reply-abwesenheit",
        frm=becker, to=anna,
        subject="Abwesenheitsnotiz: Angebot Nr. 2026-118 – Kreiselpumpen XP-350",
        text="Vielen Dank für Ihre Nachricht. Ich bin bis einschließlich 13.11.2026 nicht im Büro "
             "und habe keinen Zugriff auf meine E-Mails. In dringenden Fällen wenden Sie sich bitte "
             "an einkauf@wassertechnik-becker.de.",
        extra_headers=[("Auto-Submitted", "auto-replied")],
        charset="iso-8859-1", cte="quoted-printable",
        kind="auto-reply", language="de",
        covers=["Abwesenheitsnotiz", "Auto-Submitted"])

    # Austria: UTF-8 base64, multipart/alternative; German thousands dot.
    inq2 = add("de-inquiry-at-alternative-b64",
               frm=huber, to=anna,
               subject="Anfrage Tauchpumpen QJ-4500/2",
               text="Guten Tag Frau Schmidt,\n\n"
                    "wir interessieren uns für Ihre Tauchpumpe QJ-4500/2 und benötigen 1.500 Stück "
                    "für mehrere Brunnenprojekte. Bitte senden Sie uns Ihr Angebot CFR Koper mit "
                    "Angabe der Mindestbestellmenge und der Lieferzeit.\n\n"
                    "Zielpreis: EUR 265,00 pro Stück.",
               closing="Freundliche Grüße", sig=["Petra Huber", "Huber Pumpen GmbH", "Linz"],
               structure="alternative", cte="base64",
               kind="inquiry", language="de",
               facts=F(products=["QJ-4500/2"], quantities=[Q(1500, "pcs")], incoterm="CFR",
                       incoterm_place="Koper", prices=[P("EUR", 265, "pcs")],
                       destination_port="Koper"),
               covers=["ccTLD .at", "base64", "multipart/alternative", "1.500 thousands dot"])

    ours = add("de-our-reply-thunderbird",
               folder="Sent", frm=anna, to=huber, tz=8,
               subject="Re: Anfrage Tauchpumpen QJ-4500/2",
               text="Sehr geehrte Frau Huber,\n\n"
                    "vielen Dank für Ihre Anfrage. Bevor wir kalkulieren: Benötigen Sie die Pumpen mit "
                    "10 m oder mit 20 m Kabel? Und soll ein Schwimmerschalter montiert sein?",
               closing="Viele Grüße", sig=["Anna Schmidt", "Acme Pumps Co., Ltd."],
               history=("thunderbird-de", q(huber, anna, inq2["when"], inq2["subject"], inq2["text"])),
               in_reply_to=inq2["msgid"], references=[inq2["msgid"]],
               kind="reply",
               covers=["Thunderbird Am ... schrieb", "outbound reply"])

    add("de-reply-thunderbird-short",
        frm=huber, to=anna,
        subject="Re: Anfrage Tauchpumpen QJ-4500/2",
        text="Sehr geehrte Frau Schmidt,\n\n"
             "wir brauchen 20 m Kabel und einen Schwimmerschalter. Wenn der Preis passt, können wir "
             "noch diesen Monat bestellen.",
        closing="Viele Grüße", sig=["Petra Huber"],
        history=("thunderbird-de", q(anna, huber, ours["when"], ours["subject"], ours["text"])),
        in_reply_to=ours["msgid"], references=[inq2["msgid"], ours["msgid"]],
        kind="reply", language="de",
        covers=["Thunderbird Am ... schrieb", "> quoting"])

    add("de-auto-reply-outlook-subject-only",
        frm=huber, to=anna,
        subject="Automatische Antwort: Re: Anfrage Tauchpumpen QJ-4500/2",
        text="Ich bin bis zum 9. November auf Geschäftsreise und lese meine E-Mails nur "
             "unregelmäßig. Ihre Nachricht wird nicht weitergeleitet.",
        extra_headers=[("X-Auto-Response-Suppress", "All")],
        kind="auto-reply", language="de",
        covers=["Automatische Antwort", "subject only"])


# =====================================================================
# Spanish
# =====================================================================

def corpus_es():
    garcia = ("Javier García", "jgarcia@riegosdelsur.es")
    lopez = ("María Fernanda López", "mflopez@aguasandinas.com.co")
    perez = ("Carlos Pérez", "compras@bombasmx.com.mx")
    torres = ("Ana Torres", "ana.torres.pe@hotmail.com")
    carlos = STAFF["carlos"]
    sig_carlos = ["Carlos Ruiz", "Ventas Internacionales", "Acme Pumps Co., Ltd."]
    sig_garcia = ["Javier García", "Departamento de Compras", "Riegos del Sur S.L.",
                  "Tel. +34 954 000 000"]

    inq = add("es-inquiry-iso8859-15",
              frm=garcia, to=STAFF["sales"],
              subject="Solicitud de cotización: bombas XP-200",
              text="Estimados señores:\n\n"
                   "Somos distribuidores de equipos de riego en Andalucía. Les rogamos nos envíen su "
                   "mejor precio para 300 unidades del modelo XP-200, CIF Valencia.\n\n"
                   "El plazo de entrega no debería superar los 60 días.",
              closing="Saludos cordiales,", sig=sig_garcia,
              charset="iso-8859-15", cte="quoted-printable",
              kind="inquiry", language="es",
              facts=F(products=["XP-200"], quantities=[Q(300, "units")], incoterm="CIF",
                      incoterm_place="Valencia", destination_port="Valencia",
                      delivery_time="60 días", delivery_days=60),
              covers=["ISO-8859-15", "unidades", "Spain"])

    quote = add("es-quote-pdf-rfc2231",
                folder="Sent", frm=carlos, to=garcia, tz=8,
                subject="Cotización COT-2026-0457 bombas XP-200",
                text="Estimado Javier:\n\n"
                     "Muchas gracias por su consulta. Le enviamos adjunta nuestra cotización "
                     "N° COT-2026-0457 con las siguientes condiciones:\n\n"
                     "Bomba centrífuga XP-200: USD 405,00 por unidad, CIF Valencia\n"
                     "Pedido mínimo: 100 unidades\n"
                     "Plazo de entrega: 45 días tras recibir el anticipo\n\n"
                     "Quedamos a su disposición para cualquier consulta.",
                closing="Saludos cordiales,", sig=sig_carlos,
                history=("outlook-es", q(garcia, STAFF["sales"], inq["when"], inq["subject"], inq["text"])),
                in_reply_to=inq["msgid"], references=[inq["msgid"]],
                attachments=[pdf("Cotización_COT-2026-0457.pdf", "Cotizacion COT-2026-0457",
                                 ["XP-200 USD 405,00 CIF Valencia"], "rfc2231")],
                kind="quote",
                facts=F(products=["XP-200"], incoterm="CIF", incoterm_place="Valencia",
                        prices=[P("USD", 405, "units")], moq=Q(100, "units"),
                        destination_port="Valencia",
                        delivery_time="45 días tras recibir el anticipo", delivery_days=45,
                        reference="COT-2026-0457"),
                covers=["cotización N°", "RFC 2231 UTF-8 filename", "Outlook De/Enviado el block"])

    add("es-reply-outlook-enviado-el",
        frm=garcia, to=carlos,
        subject="RE: Cotización COT-2026-0457 bombas XP-200",
        text="Estimado Carlos:\n\n"
             "Gracias por la cotización. El precio nos parece un poco alto; si aumentamos el "
             "pedido a 500 unidades, ¿qué descuento nos pueden ofrecer?",
        closing="Saludos cordiales,", sig=sig_garcia,
        history=("outlook-es", q(carlos, garcia, quote["when"], quote["subject"], quote["text"])),
        charset="windows-1252", cte="quoted-printable",
        in_reply_to=quote["msgid"], references=[inq["msgid"], quote["msgid"]],
        kind="reply", language="es",
        covers=["Outlook De/Enviado el block", "windows-1252", "¿"])

    inq2 = add("es-inquiry-co-alternative",
               frm=lopez, to=STAFF["sales"], tz=-5,
               subject="Cotización bombas sumergibles QJ-4500/2 - Buenaventura",
               text="Buenos días,\n\n"
                    "Mi nombre es María Fernanda López y trabajo en el área de compras de Aguas "
                    "Andinas S.A.S. Estamos interesados en 2 contenedores de 40 pies de bombas "
                    "sumergibles QJ-4500/2.\n\n"
                    "Puerto de destino: Buenaventura, Colombia. Por favor coticen en USD, precio "
                    "FOB Shanghái, e indiquen la cantidad mínima de pedido.",
               closing="Saludos,", sig=["María Fernanda López", "Aguas Andinas S.A.S.",
                                         "Cali, Colombia"],
               structure="alternative", cte="base64",
               kind="inquiry", language="es",
               facts=F(products=["QJ-4500/2"], quantities=[Q(2, "40ft")], incoterm="FOB",
                       incoterm_place=["Shanghái", "Shanghai"], destination_port="Buenaventura",
                       destination_country="CO"),
               covers=["ccTLD com.co", "base64", "contenedores de 40 pies", "Puerto de destino"])

    ours = add("es-our-reply",
               folder="Sent", frm=carlos, to=lopez, tz=8,
               subject="RE: Cotización bombas sumergibles QJ-4500/2 - Buenaventura",
               text="Estimada María Fernanda:\n\n"
                    "Gracias por su interés. Le enviaré los precios mañana; antes necesito confirmar "
                    "con nuestro agente de carga el número de bombas que caben en cada contenedor.",
               closing="Saludos cordiales,", sig=sig_carlos,
               history=("outlook-es", q(lopez, STAFF["sales"], inq2["when"], inq2["subject"], inq2["text"])),
               in_reply_to=inq2["msgid"], references=[inq2["msgid"]],
               kind="reply",
               covers=["outbound reply in a thread whose subject says Cotización"])

    add("es-reply-gmail-escribio",
        frm=lopez, to=carlos, tz=-5,
        subject="Re: Cotización bombas sumergibles QJ-4500/2 - Buenaventura",
        text="Hola Carlos,\n\n"
             "Recibido, muchas gracias. Quedamos atentos a los precios y a la cantidad de bombas "
             "por contenedor para presentarlo a la gerencia la próxima semana.",
        closing="Saludos,", sig=["María Fernanda López", "Aguas Andinas S.A.S."],
        history=("gmail-es", q(carlos, lopez, ours["when"], ours["subject"], ours["text"])),
        structure="alternative", cte="quoted-printable",
        in_reply_to=ours["msgid"], references=[inq2["msgid"], ours["msgid"]],
        kind="reply", language="es",
        covers=["Gmail El ... escribió", "multipart/alternative"])

    inq3 = add("es-inquiry-mx-xlsx",
               frm=perez, to=carlos, tz=-6,
               subject="Requerimiento de bombas verticales CDL-32-50",
               text="Estimado Carlos:\n\n"
                    "Adjunto encontrará nuestro requerimiento. En resumen, necesitamos 40 juegos de "
                    "bombas CDL-32-50 con variador de frecuencia, entrega DAP Manzanillo.\n\n"
                    "Nuestro precio objetivo es de USD 1.100 por juego. ¿Podrían entregar en 5 semanas?",
               closing="Atentamente,", sig=["Carlos Pérez", "Compras", "Bombas MX S.A. de C.V."],
               charset="iso-8859-1", cte="quoted-printable",
               attachments=[xlsx("Requerimiento_bombas.xlsx",
                                 [["Modelo", "Cantidad", "Precio objetivo USD"],
                                  ["CDL-32-50", 40, 1100]])],
               kind="inquiry", language="es",
               facts=F(products=["CDL-32-50"], quantities=[Q(40, "sets")], incoterm="DAP",
                       incoterm_place="Manzanillo", prices=[P("USD", 1100, "sets")],
                       destination_port="Manzanillo", delivery_time="5 semanas",
                       delivery_days=35),
               covers=["XLSX attachment", "juegos", "USD 1.100 thousands dot", "ccTLD com.mx"])

    add("es-auto-reply",
        frm=perez, to=carlos, tz=-6,
        subject="Respuesta automática: Requerimiento de bombas verticales CDL-32-50",
        text="Gracias por su correo. Me encuentro fuera de la oficina hasta el lunes 9 de "
             "noviembre. Para asuntos urgentes, comuníquese con compras2@bombasmx.com.mx.",
        extra_headers=[("Auto-Submitted", "auto-replied")],
        in_reply_to=inq3["msgid"],
        charset="iso-8859-1", cte="quoted-printable",
        kind="auto-reply", language="es",
        covers=["Respuesta automática"])

    add("es-inquiry-pe-hotmail-short",
        frm=torres, to=STAFF["sales"], tz=-5,
        subject="Consulta precio bomba XP-200",
        text="Buenas tardes,\n\n"
             "quisiera saber el precio de la bomba XP-200 puesta en el puerto del Callao, Perú. "
             "Necesito 10 unidades para una obra de agua potable.",
        closing="Gracias,", sig=["Ana Torres"],
        subject_enc=None,
        kind="inquiry", language="es",
        facts=F(products=["XP-200"], quantities=[Q(10, "units")], destination_port="Callao",
                destination_country="PE"),
        covers=["hotmail.com", "free-mail customer key", "destination without a formal anchor"])


# =====================================================================
# Portuguese (Brazil)
# =====================================================================

def corpus_pt():
    silva = ("João Silva", "joao.silva@irrigabrasil.com.br")
    costa = ("Fernanda Costa", "fernanda.costa.compras@hotmail.com")
    oliveira = ("Marcos Oliveira", "compras@saneamentosul.com.br")
    carlos = STAFF["carlos"]
    sig_carlos = ["Carlos Ruiz", "Vendas Internacionais", "Acme Pumps Co., Ltd."]
    sig_silva = ["João Silva", "Compras", "Irriga Brasil Ltda.", "(62) 3000-0000"]

    inq = add("pt-inquiry-latin1",
              frm=silva, to=STAFF["sales"], tz=-3,
              subject="Cotação - bombas centrífugas XP-200",
              text="Prezados,\n\n"
                   "Somos uma empresa de irrigação localizada em Goiás. Gostaríamos de receber uma "
                   "cotação para 250 peças do modelo XP-200, CIF Santos.\n\n"
                   "Precisamos de um prazo de entrega de no máximo 45 dias. Favor informar também a "
                   "quantidade mínima de pedido.",
              closing="Atenciosamente,", sig=sig_silva,
              charset="iso-8859-1", cte="quoted-printable",
              kind="inquiry", language="pt",
              facts=F(products=["XP-200"], quantities=[Q(250, "pcs")], incoterm="CIF",
                      incoterm_place="Santos", destination_port="Santos",
                      delivery_time="no máximo 45 dias", delivery_days=45),
              covers=["ISO-8859-1", "peças", "ccTLD com.br"])

    quote = add("pt-quote-cotacao",
                folder="Sent", frm=carlos, to=silva, tz=8,
                subject="Cotação CT-2026-0311 - bombas XP-200",
                text="Prezado João,\n\n"
                     "Agradecemos o seu contato. Segue em anexo a nossa cotação nº CT-2026-0311:\n\n"
                     "Bomba centrífuga XP-200 – 250 peças\n"
                     "Preço unitário: USD 398,00 por peça, CIF Santos\n"
                     "Quantidade mínima: 100 peças\n"
                     "Prazo de entrega: 40 dias após o pagamento do sinal",
                closing="Atenciosamente,", sig=sig_carlos,
                history=("outlook-pt", q(silva, STAFF["sales"], inq["when"], inq["subject"], inq["text"])),
                in_reply_to=inq["msgid"], references=[inq["msgid"]],
                cte="quoted-printable",
                attachments=[pdf("Cotacao_CT-2026-0311.pdf", "Cotacao CT-2026-0311",
                                 ["XP-200 USD 398,00 CIF Santos"])],
                kind="quote",
                facts=F(products=["XP-200"], quantities=[Q(250, "pcs")], incoterm="CIF",
                        incoterm_place="Santos", prices=[P("USD", 398, "pcs")], moq=Q(100, "pcs"),
                        destination_port="Santos",
                        delivery_time="40 dias após o pagamento do sinal", delivery_days=40,
                        reference="CT-2026-0311"),
                covers=["cotação nº", "Outlook De/Enviada em block"])

    add("pt-reply-gmail-escreveu",
        frm=silva, to=carlos, tz=-3,
        subject="Re: Cotação CT-2026-0311 - bombas XP-200",
        text="Olá Carlos,\n\n"
             "Obrigado pela cotação. Vamos fechar o pedido das 250 peças, mas precisamos que o "
             "embarque seja feito até o dia 15 de dezembro. Você consegue confirmar?",
        closing="Atenciosamente,", sig=sig_silva,
        history=("gmail-pt", q(carlos, silva, quote["when"], quote["subject"], quote["text"])),
        structure="alternative", cte="quoted-printable",
        in_reply_to=quote["msgid"], references=[inq["msgid"], quote["msgid"]],
        kind="reply", language="pt",
        covers=["Gmail Em ... escreveu", "QP soft breaks inside UTF-8 sequences"])

    inq2 = add("pt-inquiry-hotmail-html",
               frm=costa, to=carlos, tz=-3,
               subject="Orçamento bomba submersa QJ-4500/2",
               text="Bom dia,\n\n"
                    "Preciso de um orçamento para 30 unidades da bomba submersa QJ-4500/2. Qual é o "
                    "preço unitário em dólar, FOB Ningbo? Vocês têm estoque para embarque imediato?",
               closing="Abraços,", sig=["Fernanda Costa"],
               structure="html", entities=True, cte="quoted-printable",
               kind="inquiry", language="pt",
               facts=F(products=["QJ-4500/2"], quantities=[Q(30, "units")], incoterm="FOB",
                       incoterm_place="Ningbo"),
               covers=["hotmail.com", "HTML only", "entities"])

    add("pt-reply-outlook-web",
        frm=costa, to=carlos, tz=-3,
        subject="RE: Orçamento bomba submersa QJ-4500/2",
        text="Oi Carlos, tudo bem?\n\n"
             "Recebi a proposta, obrigada. Vou apresentar ao meu chefe amanhã e te dou um retorno "
             "até sexta-feira.",
        closing="Abraços,", sig=["Fernanda"],
        history=("outlook-web-pt", q(carlos, costa, nov(3, 11, 20, 8), "RE: Orçamento bomba submersa QJ-4500/2",
                                     signed_text("Oi Fernanda,\n\nSegue a proposta: QJ-4500/2 a USD 268,00 por unidade, "
                                                 "FOB Ningbo, embarque em 20 dias.", "Abraços,", ["Carlos"]))),
        in_reply_to="20261103.qj.costa@example.com",
        kind="reply", language="pt",
        covers=["Outlook.com De/Enviado block with underscore line"])

    inq3 = add("pt-inquiry-8bit-utf8",
               frm=oliveira, to=STAFF["sales"], tz=-3,
               subject="Pedido de informações - bomba de esgoto WQ-50-15",
               text="Prezados senhores,\n\n"
                    "A Saneamento Sul está ampliando duas estações elevatórias e precisa de 12 "
                    "unidades da bomba de esgoto WQ-50-15. Solicitamos preço CIF Rio Grande e prazo "
                    "de entrega.",
               closing="Atenciosamente,", sig=["Marcos Oliveira", "Saneamento Sul S.A."],
               charset="utf-8", cte="8bit",
               kind="inquiry", language="pt",
               facts=F(products=["WQ-50-15"], quantities=[Q(12, "units")], incoterm="CIF",
                       incoterm_place="Rio Grande", destination_port="Rio Grande"),
               covers=["8bit UTF-8", "multi-word named place"])

    add("pt-our-reply",
        folder="Sent", frm=carlos, to=oliveira, tz=8,
        subject="RE: Pedido de informações - bomba de esgoto WQ-50-15",
        text="Prezado Marcos,\n\n"
             "Obrigado pelo contato. Para dimensionar a bomba, poderia nos informar a vazão e a "
             "altura manométrica necessárias em cada estação?",
        closing="Atenciosamente,", sig=sig_carlos,
        history=("outlook-pt", q(oliveira, STAFF["sales"], inq3["when"], inq3["subject"], inq3["text"])),
        in_reply_to=inq3["msgid"], references=[inq3["msgid"]],
        kind="reply",
        covers=["outbound reply"])

    add("pt-auto-reply-ferias",
        frm=oliveira, to=carlos, tz=-3,
        subject="Resposta automática: RE: Pedido de informações - bomba de esgoto WQ-50-15",
        text="Olá! Estou em férias até 20/11/2026, com acesso limitado ao e-mail. Para assuntos "
             "urgentes, favor contatar compras2@saneamentosul.com.br.",
        extra_headers=[("Auto-Submitted", "auto-replied"), ("Precedence", "auto_reply")],
        kind="auto-reply", language="pt",
        covers=["Resposta automática", "Precedence auto_reply"])


# =====================================================================
# French
# =====================================================================

def corpus_fr():
    dubois = ("Pierre Dubois", "p.dubois@hydro-services.fr")
    yao = ("Kouassi Yao", "k.yao@eau-ci.ci")
    benali = ("Youssef Benali", "y.benali@pompes-atlas.ma")
    sophie = STAFF["sophie"]
    sig_sophie = ["Sophie Martin", "Export Sales", "Acme Pumps Co., Ltd."]
    sig_dubois = ["Pierre Dubois", "Responsable achats", "Hydro Services SARL", "Tél. : +33 4 72 00 00 00"]

    inq = add("fr-inquiry-iso8859-15-qsubject",
              frm=dubois, to=STAFF["sales"],
              subject="Demande de prix : pompes XP-200 pour station de relevage",
              text="Bonjour Madame, Monsieur,\n\n"
                   "Nous sommes un bureau d'études basé à Lyon. Pourriez-vous nous faire parvenir "
                   "votre meilleur prix pour 80 pièces du modèle XP-200, CIF Marseille ?\n\n"
                   "Le délai de livraison souhaité est de 3 semaines. Merci de préciser également la "
                   "quantité minimale de commande.",
              closing="Cordialement,", sig=sig_dubois,
              charset="iso-8859-15", cte="quoted-printable", subject_enc=("mixed-q", "iso-8859-15"),
              kind="inquiry", language="fr",
              facts=F(products=["XP-200"], quantities=[Q(80, "pcs")], incoterm="CIF",
                      incoterm_place="Marseille", destination_port="Marseille",
                      delivery_time="3 semaines", delivery_days=21),
              covers=["ISO-8859-15", "Q encoded-words mixed with plain words", "pièces"])

    quote = add("fr-quote-devis-latin1-filename",
                folder="Sent", frm=sophie, to=dubois, tz=8,
                subject="Devis n° DV-2026-0892 – pompes XP-200",
                text="Bonjour Monsieur Dubois,\n\n"
                     "Suite à votre demande, veuillez trouver ci-joint notre devis n° DV-2026-0892 :\n\n"
                     "Pompe XP-200 : 415,00 € par pièce, CIF Marseille\n"
                     "Quantité minimale de commande : 40 pièces\n"
                     "Délai de livraison : 3 semaines après réception de l'acompte",
                closing="Cordialement,", sig=sig_sophie,
                history=("outlook-fr", q(dubois, STAFF["sales"], inq["when"], inq["subject"], inq["text"])),
                in_reply_to=inq["msgid"], references=[inq["msgid"]],
                charset="iso-8859-15", cte="quoted-printable",
                attachments=[pdf("Devis_DV-2026-0892_Société_Hydro.pdf", "Devis DV-2026-0892",
                                 ["XP-200 415,00 EUR CIF Marseille"], "rfc2231-latin1")],
                kind="quote",
                facts=F(products=["XP-200"], incoterm="CIF", incoterm_place="Marseille",
                        prices=[P("EUR", 415, "pcs")], moq=Q(40, "pcs"),
                        destination_port="Marseille",
                        delivery_time="3 semaines après réception de l'acompte", delivery_days=21,
                        reference="DV-2026-0892"),
                covers=["devis n°", "€ after the amount", "RFC 2231 iso-8859-1'fr' filename",
                        "Outlook De :/Envoyé : block"])

    add("fr-reply-gmail-a-ecrit",
        frm=dubois, to=sophie,
        subject="Re: Devis n° DV-2026-0892 – pompes XP-200",
        text="Bonjour Sophie,\n\n"
             "Merci pour votre devis. Pouvez-vous nous confirmer que les pompes sont livrées avec "
             "le certificat CE et la notice en français ?",
        closing="Bien cordialement,", sig=["Pierre Dubois"],
        history=("gmail-fr", q(sophie, dubois, quote["when"], quote["subject"], quote["text"])),
        structure="alternative", cte="quoted-printable",
        in_reply_to=quote["msgid"], references=[inq["msgid"], quote["msgid"]],
        kind="reply", language="fr",
        covers=["Gmail Le ... a écrit :", "Bien cordialement"])

    add("fr-auto-reply-absence",
        frm=dubois, to=sophie,
        subject="Réponse automatique : Devis n° DV-2026-0892 – pompes XP-200",
        text="Bonjour,\n\nJe suis absent du bureau jusqu'au 16 novembre inclus. En cas d'urgence, "
             "merci de contacter achats@hydro-services.fr.",
        closing="Cordialement,", sig=["Pierre Dubois"],
        extra_headers=[("Auto-Submitted", "auto-replied")],
        kind="auto-reply", language="fr",
        covers=["Réponse automatique", "closing in an auto-reply"])

    add("fr-inquiry-ci-html-entities",
        frm=yao, to=STAFF["sales"], tz=0,
        subject="Demande de devis pompes immergées QJ-4500/2",
        text="Bonjour,\n\n"
             "Nous avons besoin de 60 unités du modèle QJ-4500/2 (pompes immergées) pour des "
             "forages à Bouaké. Merci de nous envoyer votre devis CFR Abidjan, avec le délai de "
             "livraison.\n\n"
             "Le prix cible est de 290\u00a0€ par pièce.",
        closing="Salutations distinguées,", sig=["Kouassi Yao", "Eau CI", "Abidjan"],
        structure="html", entities=True, charset="us-ascii", cte="7bit",
        kind="inquiry", language="fr",
        facts=F(products=["QJ-4500/2"], quantities=[Q(60, "units")], incoterm="CFR",
                incoterm_place="Abidjan", prices=[P("EUR", 290, "pcs")],
                destination_port="Abidjan"),
        covers=["HTML only", "&eacute; &euro; &nbsp;", "ccTLD .ci"])

    inq3 = add("fr-inquiry-ma-french",
               frm=benali, to=sophie, tz=1,
               subject="Demande d'information pompes WQ-50-15",
               text="Bonjour,\n\n"
                    "Nous sommes distributeur de matériel hydraulique au Maroc. Nous souhaitons recevoir "
                    "votre catalogue et vos prix pour les pompes de relevage WQ-50-15. Quantité estimée : "
                    "25 pièces par mois.\n\n"
                    "Port de destination : Casablanca.",
               closing="Cordialement", sig=["Youssef Benali", "Pompes Atlas SARL", "Casablanca"],
               kind="inquiry", language="fr",
               facts=F(products=["WQ-50-15"], quantities=[Q(25, "pcs")],
                       destination_port="Casablanca"),
               covers=["French from a .ma domain (country language is Arabic)", "Port de destination"])

    ours = add("fr-our-reply",
               folder="Sent", frm=sophie, to=benali, tz=8,
               subject="RE: Demande d'information pompes WQ-50-15",
               text="Bonjour Monsieur Benali,\n\n"
                    "Merci pour votre message. Pouvez-vous nous préciser le débit et la hauteur de "
                    "refoulement nécessaires, ainsi que la tension disponible sur le site ?",
               closing="Cordialement,", sig=sig_sophie,
               history=("outlook-fr", q(benali, sophie, inq3["when"], inq3["subject"], inq3["text"])),
               in_reply_to=inq3["msgid"], references=[inq3["msgid"]],
               kind="reply",
               covers=["outbound reply"])

    add("fr-reply-ma-outlook",
        frm=benali, to=sophie, tz=1,
        subject="RE: Demande d'information pompes WQ-50-15",
        text="Bonjour Mme Martin,\n\n"
             "Le débit est de 15 m3/h pour une hauteur de 12 m, en triphasé 380 V. Nous attendons "
             "encore la validation de notre client et nous reviendrons vers vous la semaine prochaine.",
        closing="Cordialement", sig=["Youssef Benali", "Pompes Atlas SARL"],
        history=("outlook-fr", q(sophie, benali, ours["when"], ours["subject"], ours["text"])),
        in_reply_to=ours["msgid"], references=[inq3["msgid"], ours["msgid"]],
        kind="reply", language="fr",
        covers=["Outlook De :/Envoyé : block"])


# =====================================================================
# Russian
# =====================================================================

def corpus_ru():
    petrov = ("Иван Петров", "i.petrov@nasos-torg.ru")
    kim = ("Сергей Ким", "sergey.kim@mail.ru")
    seitova = ("Айгуль Сейтова", "a.seitova@kazvodstroy.kz")
    olga = STAFF["olga"]
    sig_olga = ["Ольга Иванова", "Отдел экспорта", "Acme Pumps Co., Ltd."]
    sig_petrov = ["Иван Петров", "ООО «Насос-Торг»", "+7 495 000-00-00"]

    inq = add("ru-inquiry-cp1251-qp",
              frm=petrov, to=STAFF["sales"], tz=3,
              subject="Запрос цены: насосы XP-200",
              text="Добрый день!\n\n"
                   "Наша компания занимается поставками насосного оборудования в Центральной России. "
                   "Просим выслать коммерческое предложение на насосы XP-200 в количестве 150 шт. на "
                   "условиях CIF Санкт-Петербург.\n\n"
                   "Срок поставки — не более 40 дней. Укажите, пожалуйста, минимальный заказ.",
              closing="С уважением,", sig=sig_petrov,
              charset="windows-1251", cte="quoted-printable",
              kind="inquiry", language="ru",
              facts=F(products=["XP-200"], quantities=[Q(150, "pcs")], incoterm="CIF",
                      incoterm_place=["Санкт-Петербург", "Saint Petersburg", "St. Petersburg"],
                      destination_port=["Saint Petersburg", "St. Petersburg", "St Petersburg"],
                      delivery_time="не более 40 дней", delivery_days=40),
              covers=["windows-1251", "quoted-printable", "шт."])

    quote = add("ru-quote-kp",
                folder="Sent", frm=olga, to=petrov, tz=8,
                subject="Коммерческое предложение № КП-2026-118",
                text="Уважаемый Иван!\n\n"
                     "Благодарим за запрос. Направляем Вам коммерческое предложение № КП-2026-118:\n\n"
                     "Насос XP-200 — 150 шт.\n"
                     "Цена: 395 USD за шт., CIF Санкт-Петербург\n"
                     "Минимальный заказ: 50 шт.\n"
                     "Срок поставки: 35 дней после предоплаты",
                closing="С уважением,", sig=sig_olga,
                history=("outlook-ru", q(petrov, STAFF["sales"], inq["when"], inq["subject"], inq["text"])),
                in_reply_to=inq["msgid"], references=[inq["msgid"]],
                charset="windows-1251", cte="base64",
                attachments=[pdf("KP-2026-118.pdf", "KP-2026-118", ["XP-200 395 USD CIF St. Petersburg"])],
                kind="quote",
                facts=F(products=["XP-200"], quantities=[Q(150, "pcs")], incoterm="CIF",
                        incoterm_place=["Санкт-Петербург", "Saint Petersburg", "St. Petersburg"],
                        prices=[P("USD", 395, "pcs")], moq=Q(50, "pcs"),
                        destination_port=["Saint Petersburg", "St. Petersburg", "St Petersburg"],
                        delivery_time="35 дней после предоплаты", delivery_days=35,
                        reference="КП-2026-118"),
                covers=["windows-1251", "base64", "Коммерческое предложение №", "Outlook От/Отправлено block"])

    add("ru-reply-outlook",
        frm=petrov, to=olga, tz=3,
        subject="RE: Коммерческое предложение № КП-2026-118",
        text="Ольга, добрый день!\n\n"
             "Спасибо за предложение. Нас интересует возможность оплаты: 30% предоплата, 70% по "
             "копии коносамента. Прошу подтвердить.",
        closing="С уважением,", sig=["Иван Петров", "ООО «Насос-Торг»"],
        history=("outlook-ru", q(olga, petrov, quote["when"], quote["subject"], quote["text"])),
        charset="windows-1251", cte="8bit",
        in_reply_to=quote["msgid"], references=[inq["msgid"], quote["msgid"]],
        kind="reply", language="ru",
        covers=["Outlook От/Отправлено block", "8bit windows-1251"])

    inq2 = add("ru-inquiry-mailru-koi8",
               frm=kim, to=olga, tz=10,
               subject="Насосы QJ-4500/2 - запрос",
               text="Здравствуйте!\n\n"
                    "Интересуют погружные насосы QJ-4500/2, объём - один 40-футовый контейнер. Доставка "
                    "до Владивостока. Прошу сообщить цену FOB Нинбо и срок поставки.",
               charset="koi8-r", cte="quoted-printable",
               kind="inquiry", language="ru",
               facts=F(products=["QJ-4500/2"], quantities=[Q(1, "40ft")], incoterm="FOB",
                       incoterm_place=["Нинбо", "Ningbo"], destination_port="Vladivostok"),
               covers=["KOI8-R", "mail.ru free-mail", "number written as a word",
                       "destination in the genitive case"])

    ours = add("ru-our-reply",
               folder="Sent", frm=olga, to=kim, tz=8,
               subject="Re: Насосы QJ-4500/2 - запрос",
               text="Сергей, здравствуйте!\n\n"
                    "В один 40-футовый контейнер помещается 280 насосов QJ-4500/2. Цену и сроки "
                    "пришлю завтра после расчёта фрахта до Владивостока.",
               closing="С уважением,", sig=sig_olga,
               history=("gmail-ru", q(kim, olga, inq2["when"], inq2["subject"], inq2["text"])),
               in_reply_to=inq2["msgid"], references=[inq2["msgid"]],
               kind="reply",
               covers=["outbound reply", "Gmail Russian attribution"])

    add("ru-reply-mailru-attribution",
        frm=kim, to=olga, tz=10,
        subject="Re: Насосы QJ-4500/2 - запрос",
        text="Ольга, спасибо. Цена устраивает, ждём проформу на оплату.",
        history=("mailru", q(olga, kim, ours["when"], ours["subject"], ours["text"])),
        charset="koi8-r", cte="8bit",
        in_reply_to=ours["msgid"], references=[inq2["msgid"], ours["msgid"]],
        kind="reply", language="ru",
        covers=["mail.ru attribution (weekday, date от name)", "short reply"])

    add("ru-auto-reply-x-autoreply",
        frm=kim, to=olga, tz=10,
        subject="Автоответ: Re: Насосы QJ-4500/2 - запрос",
        text="Здравствуйте! Я в отпуске до 16 ноября. По срочным вопросам звоните по телефону "
             "+7 900 000-00-00.",
        extra_headers=[("X-Autoreply", "yes")],
        charset="koi8-r", cte="8bit",
        kind="auto-reply", language="ru",
        covers=["X-Autoreply only"])

    inq3 = add("ru-inquiry-kz",
               frm=seitova, to=STAFF["sales"], tz=5,
               subject="Насосы для водоканала",
               text="Уважаемые коллеги!\n\n"
                    "ТОО «КазВодСтрой» планирует закупку канализационных насосов WQ-50-15 — 40 штук. "
                    "Поставка DAP Алматы. Просим предоставить цены в долларах США.",
               closing="С уважением,", sig=["Айгуль Сейтова", "ТОО «КазВодСтрой»", "Алматы"],
               cte="base64",
               kind="inquiry", language="ru",
               facts=F(products=["WQ-50-15"], quantities=[Q(40, "pcs")], incoterm="DAP",
                       incoterm_place=["Алматы", "Almaty"], destination_port=["Almaty", "Алматы"]),
               covers=["ccTLD .kz (Russian text)", "штук", "DAP inland place"])

    add("ru-our-reply-kz",
        folder="Sent", frm=olga, to=seitova, tz=8,
        subject="RE: Насосы для водоканала",
        text="Уважаемая Айгуль!\n\n"
             "Спасибо за запрос. Уточните, пожалуйста, требуемый напор и расход, а также "
             "напряжение сети — это нужно для подбора модели.",
        closing="С уважением,", sig=sig_olga,
        history=("outlook-ru", q(seitova, STAFF["sales"], inq3["when"], inq3["subject"], inq3["text"])),
        in_reply_to=inq3["msgid"], references=[inq3["msgid"]],
        kind="reply",
        covers=["outbound reply"])


# =====================================================================
# Arabic
# =====================================================================

def corpus_ar():
    shammari = ("أحمد الشمري", "ahmed@gulfwater.com.sa")
    khalid = ("خالد المنصوري", "khalid@alnoor-trading.ae")
    hassan = ("محمد حسن", "m.hassan@nile-pumps.com.eg")
    omar = STAFF["omar"]
    sig_omar = ["عمر حداد", "قسم المبيعات", "Acme Pumps Co., Ltd."]

    inq = add("ar-inquiry-cp1256-b64",
              frm=shammari, to=STAFF["sales"], tz=3,
              subject="طلب عرض سعر: مضخات XP-200",
              text="السادة المحترمون،\n\n"
                   "تحية طيبة وبعد،\n\n"
                   "نرجو التكرم بإرسال عرض سعر لعدد 200 قطعة من المضخات طراز XP-200، شامل الشحن "
                   "CIF الدمام.\n\n"
                   "كما نرجو توضيح مدة التسليم، علماً بأننا نحتاج البضاعة خلال 30 يوماً.",
              closing="مع أطيب التحيات،", sig=["أحمد الشمري", "مدير المشتريات", "شركة مياه الخليج"],
              charset="windows-1256", cte="base64",
              kind="inquiry", language="ar",
              facts=F(products=["XP-200"], quantities=[Q(200, "pcs")], incoterm="CIF",
                      incoterm_place=["الدمام", "Dammam"], destination_port="Dammam",
                      delivery_time="خلال 30 يوماً", delivery_days=30),
              covers=["windows-1256", "base64", "قطعة", "ccTLD com.sa"])

    quote = add("ar-quote",
                folder="Sent", frm=omar, to=shammari, tz=8,
                subject="عرض سعر رقم Q-2026-1120 - مضخات XP-200",
                text="السيد أحمد المحترم،\n\n"
                     "شكراً لاستفساركم. يسعدنا أن نقدم لكم عرض السعر رقم Q-2026-1120:\n\n"
                     "مضخة XP-200: السعر 402 دولار أمريكي للقطعة، CIF الدمام\n"
                     "الحد الأدنى للطلب: 50 قطعة\n"
                     "مدة التسليم: 30 يوماً من تاريخ الدفعة المقدمة",
                closing="مع أطيب التحيات،", sig=sig_omar,
                history=("outlook-en", q(shammari, STAFF["sales"], inq["when"], inq["subject"], inq["text"])),
                in_reply_to=inq["msgid"], references=[inq["msgid"]],
                cte="base64",
                attachments=[pdf("Q-2026-1120.pdf", "Quotation Q-2026-1120", ["XP-200 USD 402 CIF Dammam"])],
                kind="quote",
                facts=F(products=["XP-200"], incoterm="CIF", incoterm_place=["الدمام", "Dammam"],
                        prices=[P("USD", 402, "pcs")], moq=Q(50, "pcs"), destination_port="Dammam",
                        delivery_time="30 يوماً من تاريخ الدفعة المقدمة", delivery_days=30,
                        reference="Q-2026-1120"),
                covers=["عرض سعر رقم", "دولار أمريكي", "Arabic text with English Outlook header block"])

    add("ar-reply-outlook-arabic-labels",
        frm=shammari, to=omar, tz=3,
        subject="رد: عرض سعر رقم Q-2026-1120 - مضخات XP-200",
        text="الأستاذ عمر المحترم،\n\n"
             "شكراً على عرض السعر. نرجو تخفيض السعر بنسبة 5% إذا زدنا الكمية إلى 300 قطعة.",
        closing="مع أطيب التحيات،", sig=["أحمد الشمري"],
        history=("outlook-ar", q(omar, shammari, quote["when"], quote["subject"], quote["text"])),
        charset="windows-1256", cte="quoted-printable",
        in_reply_to=quote["msgid"], references=[inq["msgid"], quote["msgid"]],
        kind="reply", language="ar",
        covers=["Arabic Outlook من/تم الإرسال block", "رد: prefix"])

    inq2 = add("ar-inquiry-ae-qp",
               frm=khalid, to=omar, tz=4,
               subject="استفسار عن مضخات غاطسة QJ-4500/2",
               text="مرحباً،\n\n"
                    "نحن شركة تجارية في دبي ونرغب في استيراد مضخات غاطسة موديل QJ-4500/2. الكمية "
                    "المطلوبة 500 قطعة، والسعر المستهدف 280 دولار أمريكي للقطعة.\n\n"
                    "ميناء الوصول: جبل علي.",
               closing="مع أطيب التحيات،", sig=["خالد المنصوري", "شركة النور للتجارة"],
               cte="quoted-printable",
               kind="inquiry", language="ar",
               facts=F(products=["QJ-4500/2"], quantities=[Q(500, "pcs")],
                       prices=[P("USD", 280, "pcs")], destination_port="Jebel Ali"),
               covers=["UTF-8 quoted-printable Arabic", "ميناء الوصول", "ccTLD .ae"])

    add("ar-our-reply",
        folder="Sent", frm=omar, to=khalid, tz=8,
        subject="RE: استفسار عن مضخات غاطسة QJ-4500/2",
        text="السيد خالد المحترم،\n\n"
             "شكراً لتواصلكم. هل تحتاجون المضخات بجهد 380 فولت أم 220 فولت؟ سنرسل لكم الأسعار "
             "فور التأكيد.",
        closing="مع أطيب التحيات،", sig=sig_omar,
        history=("outlook-en", q(khalid, omar, inq2["when"], inq2["subject"], inq2["text"])),
        in_reply_to=inq2["msgid"], references=[inq2["msgid"]],
        kind="reply",
        covers=["outbound reply in Arabic"])

    add("ar-auto-reply",
        frm=khalid, to=omar, tz=4,
        subject="رد تلقائي: RE: استفسار عن مضخات غاطسة QJ-4500/2",
        text="شكراً لرسالتكم. أنا خارج المكتب حتى 15 نوفمبر. للأمور العاجلة يرجى التواصل مع "
             "sales@alnoor-trading.ae.",
        extra_headers=[("Auto-Submitted", "auto-replied")],
        kind="auto-reply", language="ar",
        covers=["Arabic out of office"])

    inq3 = add("ar-inquiry-eg-indic-digits",
               frm=hassan, to=omar, tz=2,
               subject="استفسار عن مضخات الصرف WQ-50-15",
               text="السلام عليكم،\n\n"
                    "نود الاستفسار عن مضخات الصرف الصحي طراز WQ-50-15. نحتاج ٤٠ قطعة، والتسليم "
                    "CFR الإسكندرية. برجاء إرسال الكتالوج والأسعار.",
               closing="مع أطيب التحيات،", sig=["محمد حسن", "شركة النيل للمضخات"],
               structure="alternative", cte="base64",
               kind="inquiry", language="ar",
               facts=F(products=["WQ-50-15"], quantities=[Q(40, "pcs")], incoterm="CFR",
                       incoterm_place=["الإسكندرية", "Alexandria"], destination_port="Alexandria"),
               covers=["Arabic-Indic digits", "ccTLD com.eg", "multipart/alternative"])

    add("ar-reply-gmail-english-ui",
        frm=hassan, to=omar, tz=2,
        subject="Re: استفسار عن مضخات الصرف WQ-50-15",
        text="أستاذ عمر،\n\n"
             "تم استلام الكتالوج، شكراً لك. سنرسل لكم الكميات النهائية بعد اجتماع الإدارة يوم الأحد.",
        closing="مع أطيب التحيات،", sig=["محمد حسن"],
        history=("gmail-en", q(omar, hassan, nov(3, 9, 0, 8), "Re: استفسار عن مضخات الصرف WQ-50-15",
                               signed_text("الأستاذ محمد المحترم،\n\nمرفق الكتالوج الخاص بمضخات WQ-50-15.",
                                           "مع أطيب التحيات،", ["عمر حداد"]))),
        structure="alternative", cte="base64",
        in_reply_to="20261103.catalogue.hassan@example.com",
        kind="reply", language="ar",
        covers=["Arabic text, English Gmail attribution"])


# =====================================================================
# Chinese (simplified)
# =====================================================================

def corpus_zh():
    wang = ("王喆", "wangzhe@hengda-shuili.com.cn")
    liu = ("刘女士", "2865123410@qq.com")
    chen = ("陈建", "chen_jian_cd@163.com")
    li = STAFF["li_zh"]
    sig_li = ["李伟", "Acme Pumps Co., Ltd.", "手机：138 0000 0000"]

    # GB2312 declared, GBK bytes (喆 is not in GB2312), base64 subject.
    inq = add("zh-inquiry-gb2312-declared-gbk",
              frm=wang, to=STAFF["sales"], tz=8,
              subject="询价：XP-200离心泵",
              text="您好！\n\n"
                   "我公司是一家水利工程公司，现需采购XP-200型离心泵，数量500台，FOB宁波。\n\n"
                   "请提供最优惠的价格和交货期，我们希望30天内交货。如有起订量要求也请说明。",
              closing="此致\n敬礼！", sig=["王喆", "采购部", "恒达水利工程有限公司", "电话：0571-8800 0000"],
              charset="gb2312", cte="base64", subject_enc=("B", "gb2312"), name_enc=("B", "gb2312"),
              kind="inquiry", language="zh",
              facts=F(products=["XP-200"], quantities=[Q(500, "units")], incoterm="FOB",
                      incoterm_place=["宁波", "Ningbo"], delivery_time="30天内",
                      delivery_days=30),
              covers=["GB2312 declared, GBK bytes", "base64", "台", "此致 敬礼"])

    quote = add("zh-quote-foxmail-gbk-filename",
                folder="Sent", frm=li, to=wang, tz=8,
                subject="报价单 BJ20261118 XP-200离心泵",
                text="王经理，您好！\n\n"
                     "感谢您的询价。现将报价单发给您，报价单号：BJ20261118。\n\n"
                     "XP-200离心泵：单价USD 408/台，FOB宁波\n"
                     "最小起订量：100台\n"
                     "交货期：收到预付款后25天",
                closing="祝好！", sig=sig_li,
                history=("foxmail", q(wang, STAFF["sales"], inq["when"], inq["subject"], inq["text"])),
                in_reply_to=inq["msgid"], references=[inq["msgid"]],
                charset="gbk", cte="base64",
                attachments=[pdf("报价单BJ20261118.pdf", "BJ20261118", ["XP-200 USD 408 FOB Ningbo"], "rfc2047")],
                kind="quote",
                facts=F(products=["XP-200"], incoterm="FOB", incoterm_place=["宁波", "Ningbo"],
                        prices=[P("USD", 408, "units")], moq=Q(100, "units"),
                        delivery_time="收到预付款后25天", delivery_days=25, reference="BJ20261118"),
                covers=["报价单号", "Foxmail Original block", "RFC 2047 filename (GBK)"])

    add("zh-reply-outlook-chinese-labels",
        frm=wang, to=li, tz=8,
        subject="回复：报价单 BJ20261118 XP-200离心泵",
        text="李经理，您好：\n\n"
             "报价已收到，谢谢。价格基本可以接受，请问如果订购800台，单价能否再优惠3%？请尽快回复。",
        closing="此致\n敬礼！", sig=["王喆"],
        history=("outlook-zh", q(li, wang, quote["when"], quote["subject"], quote["text"])),
        charset="gb2312", cte="base64", subject_enc=("B", "gb2312"), name_enc=("B", "gb2312"),
        in_reply_to=quote["msgid"], references=[inq["msgid"], quote["msgid"]],
        kind="reply", language="zh",
        covers=["回复： full-width colon", "Outlook 发件人/发送时间 block"])

    # QQ Mail: HTML + text, UTF-8 base64.
    inq2 = add("zh-inquiry-qq-alternative",
               frm=liu, to=STAFF["sales"], tz=8,
               subject="咨询潜水泵QJ-4500/2价格",
               text="你好，\n\n"
                    "我们想订购潜水泵QJ-4500/2，数量：2个40尺高柜，目的港：汉堡。请报CIF汉堡的价格，谢谢。",
               closing="祝好！", sig=["刘女士"],
               structure="alternative", cte="base64",
               kind="inquiry", language="zh",
               facts=F(products=["QJ-4500/2"], quantities=[Q(2, "40ft")], incoterm="CIF",
                       incoterm_place=["汉堡", "Hamburg"], destination_port="Hamburg"),
               covers=["qq.com", "40尺高柜", "目的港"])

    ours2 = add("zh-our-reply-qq-thread",
                folder="Sent", frm=li, to=liu, tz=8,
                subject="回复：咨询潜水泵QJ-4500/2价格",
                text="刘女士您好，\n\n"
                     "一个40尺高柜可以装QJ-4500/2约280台。价格我今天下午发给您，请问需要带浮球开关吗？",
                closing="祝好！", sig=sig_li,
                history=("qq", q(liu, STAFF["sales"], inq2["when"], inq2["subject"], inq2["text"])),
                in_reply_to=inq2["msgid"], references=[inq2["msgid"]],
                kind="reply",
                covers=["outbound reply", "QQ 原始邮件 block"])

    add("zh-reply-qq-original-block",
        frm=liu, to=li, tz=8,
        subject="回复：回复：咨询潜水泵QJ-4500/2价格",
        text="李经理你好，\n\n"
             "不需要浮球开关。请问最快什么时候可以发货？我们这边客户比较急。",
        history=("qq", q(li, liu, ours2["when"], ours2["subject"], ours2["text"])),
        structure="alternative", cte="base64",
        in_reply_to=ours2["msgid"], references=[inq2["msgid"], ours2["msgid"]],
        kind="reply", language="zh",
        covers=["QQ Mail 原始邮件 block in text and HTML", "no closing"])

    add("zh-auto-reply-qq",
        frm=liu, to=li, tz=8,
        subject="自动回复: 回复：咨询潜水泵QJ-4500/2价格",
        text="您好，我最近正在休假中，无法及时回复邮件。如有急事请拨打13900000000，谢谢！",
        kind="auto-reply", language="zh",
        covers=["自动回复 subject only (QQ)"])

    # 163.com: GB18030 quoted-printable, with a euro sign.
    inq3 = add("zh-inquiry-163-gb18030",
               frm=chen, to=li, tz=8,
               subject="不锈钢管道泵ISG-80-160询价",
               text="李经理：\n\n"
                    "您好！我司需要不锈钢管道泵ISG-80-160共120台，请按人民币报含税单价。要求交货期两周以内。"
                    "请问最小起订量是多少？另外我们也可以用€结算。",
               closing="顺祝商祺！", sig=["陈建", "成都川流机电设备有限公司"],
               charset="gb18030", cte="quoted-printable",
               kind="inquiry", language="zh",
               facts=F(products=["ISG-80-160"], quantities=[Q(120, "units")],
                       delivery_time="两周以内", delivery_days=14),
               covers=["GB18030", "quoted-printable", "163.com", "交货期两周", "顺祝商祺"])

    ours3 = add("zh-our-reply-163-thread",
                folder="Sent", frm=li, to=chen, tz=8,
                subject="回复：不锈钢管道泵ISG-80-160询价",
                text="陈经理，您好！\n\n"
                     "收到您的询价，谢谢。请问泵的流量和扬程要求是多少？电压是380V还是220V？确认后我们马上回复价格。",
                closing="祝好！", sig=sig_li,
                history=("foxmail", q(chen, li, inq3["when"], inq3["subject"], inq3["text"])),
                in_reply_to=inq3["msgid"], references=[inq3["msgid"]],
                charset="utf-8", cte="base64",
                kind="reply",
                covers=["outbound reply", "Foxmail Original block"])

    add("zh-reply-163-xiedao",
        frm=chen, to=li, tz=8,
        subject="Re:回复：不锈钢管道泵ISG-80-160询价",
        text="好的，收到。流量25立方米每小时，扬程32米，电压380V。我们先下样品单2台，麻烦发一下形式发票。",
        history=("163", q(li, chen, ours3["when"], ours3["subject"], ours3["text"])),
        charset="gbk", cte="base64", subject_enc=("B", "gbk"),
        in_reply_to=ours3["msgid"], references=[inq3["msgid"], ours3["msgid"]],
        kind="reply", language="zh",
        covers=["163 在 … 写道：", "Re: without space"])


# =====================================================================
# Chinese (traditional)
# =====================================================================

def corpus_tw():
    lin = ("林志明", "jm.lin@dayuan-pump.com.tw")
    chan = ("陳大文", "david.chan@hkwater.com.hk")
    li = ("李偉", STAFF["li_zh"][1])

    inq = add("tw-inquiry-big5",
              frm=lin, to=STAFF["sales"], tz=8,
              subject="詢價：XP-350 離心泵",
              text="您好：\n\n"
                   "本公司為台灣水處理設備代理商，擬採購XP-350離心泵共80台，CIF基隆。\n\n"
                   "請提供單價及交貨期，我們希望45天內到貨。",
              closing="敬祝 商祺", sig=["林志明", "大源幫浦股份有限公司", "TEL: 02-2700-0000"],
              charset="big5", cte="quoted-printable", subject_enc=("B", "big5"), name_enc=("B", "big5"),
              kind="inquiry", language="zh",
              facts=F(products=["XP-350"], quantities=[Q(80, "units")], incoterm="CIF",
                      incoterm_place=["基隆", "Keelung"], destination_port="Keelung",
                      delivery_time="45天內", delivery_days=45),
              covers=["Big5", "quoted-printable", "traditional characters", "ccTLD com.tw"])

    quote = add("tw-quote-big5",
                folder="Sent", frm=li, to=lin, tz=8,
                subject="報價單 BJ20261120 XP-350 離心泵",
                text="林經理您好：\n\n"
                     "感謝您的詢價，報價單號：BJ20261120。\n\n"
                     "XP-350離心泵：單價USD 585/台，CIF基隆\n"
                     "最小訂購量：20台\n"
                     "交貨期：收到訂金後30天",
                closing="順祝 商祺", sig=["李偉", "Acme Pumps Co., Ltd."],
                history=("outlook-tw", q(lin, STAFF["sales"], inq["when"], inq["subject"], inq["text"])),
                in_reply_to=inq["msgid"], references=[inq["msgid"]],
                charset="big5", cte="base64",
                kind="quote",
                facts=F(products=["XP-350"], incoterm="CIF", incoterm_place=["基隆", "Keelung"],
                        prices=[P("USD", 585, "units")], moq=Q(20, "units"),
                        destination_port="Keelung", delivery_time="收到訂金後30天",
                        delivery_days=30, reference="BJ20261120"),
                covers=["報價單號 in the body, no attachment", "Big5 base64",
                        "Outlook 寄件者/寄件日期 block"])

    add("tw-reply-outlook",
        frm=lin, to=li, tz=8,
        subject="回覆: 報價單 BJ20261120 XP-350 離心泵",
        text="李經理您好：\n\n"
             "報價已收到，謝謝。請問能否提供CE證書及測試報告？我們需要提交給客戶審核。",
        closing="敬祝 商祺", sig=["林志明"],
        history=("outlook-tw", q(li, lin, quote["when"], quote["subject"], quote["text"])),
        charset="big5", cte="base64", subject_enc=("B", "big5"),
        in_reply_to=quote["msgid"], references=[inq["msgid"], quote["msgid"]],
        kind="reply", language="zh",
        covers=["回覆:", "Outlook 寄件者/寄件日期 block"])

    add("tw-auto-reply",
        frm=lin, to=li, tz=8,
        subject="自動回覆: 報價單 BJ20261120 XP-350 離心泵",
        text="您好，本人於11月9日至11月13日出差，期間回覆可能延遲。急事請聯絡 02-2700-0000。",
        extra_headers=[("Auto-Submitted", "auto-replied")],
        charset="big5", cte="base64", subject_enc=("B", "big5"),
        kind="auto-reply", language="zh",
        covers=["自動回覆", "Big5"])

    inq2 = add("hk-inquiry-mixed-english",
               frm=chan, to=STAFF["sales"], tz=8,
               subject="查詢潛水泵 QJ-4500/2 報價",
               text="Dear Sir,\n\n"
                    "我哋想查詢 QJ-4500/2 潛水泵嘅價錢，數量 300 件，FOB Shenzhen。請報價，唔該。",
               closing="Best regards,", sig=["David Chan", "HK Water Engineering Ltd."],
               cte="quoted-printable",
               kind="inquiry", language="zh",
               facts=F(products=["QJ-4500/2"], quantities=[Q(300, "pcs")], incoterm="FOB",
                       incoterm_place="Shenzhen"),
               covers=["Hong Kong Cantonese with an English greeting", "件", "ccTLD com.hk"])

    add("hk-reply-gmail-xiedao-traditional",
        frm=chan, to=li, tz=8,
        subject="Re: 查詢潛水泵 QJ-4500/2 報價",
        text="Li Wei 你好，\n\n收到，價錢OK。我哋下星期一落單，請準備形式發票。",
        history=("gmail-tw", q(STAFF["li"], chan, nov(3, 10, 30, 8), "Re: 查詢潛水泵 QJ-4500/2 報價",
                               signed_text("Dear David,\n\nQJ-4500/2 單價 USD 262/件，FOB Shenzhen，交貨期 20 天。",
                                           "Best regards,", ["Li Wei"]))),
        structure="alternative", cte="base64",
        in_reply_to="20261103.qj.chan@example.com",
        kind="reply", language="zh",
        covers=["Gmail traditional 於 … 寫道："])


# =====================================================================
# Japanese
# =====================================================================

def corpus_ja():
    yamada = ("山田太郎", "t.yamada@mizu-kiki.co.jp")
    suzuki = ("鈴木花子", "h.suzuki@tokai-pump.co.jp")
    kenji = STAFF["kenji"]
    sig_kenji = ["佐藤 健二", "Acme Pumps Co., Ltd. 海外営業部"]

    inq = add("ja-inquiry-iso2022jp",
              frm=yamada, to=STAFF["sales"], tz=9,
              subject="XP-200 遠心ポンプのお見積りのお願い",
              text="株式会社Acme Pumps\nご担当者様\n\n"
                   "いつもお世話になっております。水機器株式会社の山田です。\n\n"
                   "遠心ポンプXP-200を100台購入したく、CIF横浜でのお見積りをお願いいたします。\n"
                   "納期は60日以内を希望しております。",
              closing="よろしくお願いいたします。", sig=["山田 太郎", "水機器株式会社 購買部", "TEL: 03-0000-0000"],
              charset="iso-2022-jp", cte="7bit", subject_enc=("B", "iso-2022-jp"),
              name_enc=("B", "iso-2022-jp"),
              kind="inquiry", language="ja",
              facts=F(products=["XP-200"], quantities=[Q(100, "units")], incoterm="CIF",
                      incoterm_place=["横浜", "Yokohama"], destination_port="Yokohama",
                      delivery_time="60日以内", delivery_days=60),
              covers=["ISO-2022-JP", "7bit", "adjacent ISO-2022-JP encoded-words", "ccTLD co.jp"])

    quote = add("ja-quote-iso2022jp-pdf",
                folder="Sent", frm=kenji, to=yamada, tz=8,
                subject="【お見積書】XP-200 遠心ポンプ No. Q-2026-1130",
                text="山田様\n\n"
                     "いつもお世話になっております。Acme Pumpsの佐藤です。\n"
                     "お見積書（見積番号：Q-2026-1130）を添付にてお送りいたします。\n\n"
                     "XP-200 遠心ポンプ：単価 USD 412/台、CIF横浜\n"
                     "最小発注数量：20台\n"
                     "納期：ご入金後45日",
                closing="よろしくお願いいたします。", sig=sig_kenji,
                history=("outlook-ja", q(yamada, STAFF["sales"], inq["when"], inq["subject"], inq["text"])),
                in_reply_to=inq["msgid"], references=[inq["msgid"]],
                charset="iso-2022-jp", cte="7bit", subject_enc=("B", "iso-2022-jp"),
                attachments=[pdf("Q-2026-1130.pdf", "Q-2026-1130", ["XP-200 USD 412 CIF Yokohama"])],
                kind="quote",
                facts=F(products=["XP-200"], incoterm="CIF", incoterm_place=["横浜", "Yokohama"],
                        prices=[P("USD", 412, "units")], moq=Q(20, "units"),
                        destination_port="Yokohama", delivery_time="ご入金後45日",
                        delivery_days=45, reference="Q-2026-1130"),
                covers=["見積番号", "ISO-2022-JP", "Outlook 差出人/送信日時 block"])

    add("ja-reply-outlook-sashidashinin",
        frm=yamada, to=kenji, tz=9,
        subject="RE: 【お見積書】XP-200 遠心ポンプ No. Q-2026-1130",
        text="佐藤様\n\n"
             "お見積りありがとうございます。社内で検討いたしますので、今週金曜日までお待ちください。",
        closing="よろしくお願いいたします。", sig=["山田"],
        history=("outlook-ja", q(kenji, yamada, quote["when"], quote["subject"], quote["text"])),
        charset="iso-2022-jp", cte="7bit", subject_enc=("B", "iso-2022-jp"),
        in_reply_to=quote["msgid"], references=[inq["msgid"], quote["msgid"]],
        kind="reply", language="ja",
        covers=["Outlook 差出人/送信日時 block", "よろしくお願いいたします"])

    inq2 = add("ja-inquiry-shift-jis",
               frm=suzuki, to=kenji, tz=9,
               subject="水中ポンプQJ-4500/2について",
               text="Acme Pumps 御中\n\n"
                    "東海ポンプの鈴木と申します。\n"
                    "水中ポンプQJ-4500/2の価格を教えていただけますでしょうか。数量は300個、FOB上海でお願いします。",
               closing="よろしくお願いします。", sig=["鈴木 花子", "東海ポンプ株式会社"],
               charset="shift_jis", cte="base64", subject_enc=("B", "shift_jis"),
               kind="inquiry", language="ja",
               facts=F(products=["QJ-4500/2"], quantities=[Q(300, "pcs")], incoterm="FOB",
                       incoterm_place=["上海", "Shanghai"]),
               covers=["Shift_JIS", "base64", "個"])

    ours = add("ja-our-reply",
               folder="Sent", frm=kenji, to=suzuki, tz=8,
               subject="Re: 水中ポンプQJ-4500/2について",
               text="鈴木様\n\n"
                    "お問い合わせありがとうございます。ご使用の電圧（200Vまたは400V）と必要な揚程を教えていただけますでしょうか。",
               closing="よろしくお願いいたします。", sig=sig_kenji,
               history=("gmail-ja", q(suzuki, kenji, inq2["when"], inq2["subject"], inq2["text"])),
               in_reply_to=inq2["msgid"], references=[inq2["msgid"]],
               charset="shift_jis", cte="base64", subject_enc=("B", "shift_jis"),
               kind="reply",
               covers=["outbound reply", "Gmail Japanese attribution"])

    add("ja-reply-gmail-attribution",
        frm=suzuki, to=kenji, tz=9,
        subject="Re: 水中ポンプQJ-4500/2について",
        text="佐藤様\n\n"
             "ご回答ありがとうございます。電圧は200V、揚程は15mです。サンプルを1台送っていただくことは可能でしょうか。",
        closing="よろしくお願いします。", sig=["鈴木"],
        history=("gmail-ja", q(kenji, suzuki, ours["when"], ours["subject"], ours["text"])),
        structure="alternative", cte="base64",
        in_reply_to=ours["msgid"], references=[inq2["msgid"], ours["msgid"]],
        kind="reply", language="ja",
        covers=["Gmail Japanese attribution (date name <addr>:)"])

    add("ja-auto-reply",
        frm=suzuki, to=kenji, tz=9,
        subject="自動応答: Re: 水中ポンプQJ-4500/2について",
        text="誠に恐れ入りますが、11月16日まで不在にしております。急ぎのご用件は営業部（03-1111-1111）までご連絡ください。",
        extra_headers=[("Auto-Submitted", "auto-replied")],
        charset="iso-2022-jp", cte="7bit", subject_enc=("B", "iso-2022-jp"),
        kind="auto-reply", language="ja",
        covers=["自動応答", "ISO-2022-JP"])


# =====================================================================
# Korean
# =====================================================================

def corpus_ko():
    kim = ("김민수", "ms.kim@hanbit-pump.co.kr")
    lee = ("이지은", "jieun.lee@naver.com")
    soojin = STAFF["soojin"]

    inq = add("ko-inquiry-euc-kr",
              frm=kim, to=STAFF["sales"], tz=9,
              subject="XP-200 원심펌프 견적 요청",
              text="안녕하세요.\n\n"
                   "한빛펌프 구매팀 김민수입니다. XP-200 원심펌프 150대에 대한 견적을 요청드립니다. "
                   "조건은 CIF 부산이며, 납기는 40일 이내로 부탁드립니다.",
              closing="감사합니다.", sig=["김민수 드림", "한빛펌프(주) 구매팀", "Tel. 02-000-0000"],
              charset="euc-kr", cte="base64", subject_enc=("B", "euc-kr"), name_enc=("B", "euc-kr"),
              kind="inquiry", language="ko",
              facts=F(products=["XP-200"], quantities=[Q(150, "units")], incoterm="CIF",
                      incoterm_place=["부산", "Busan"], destination_port="Busan",
                      delivery_time="40일 이내", delivery_days=40),
              covers=["EUC-KR", "base64", "대", "ccTLD co.kr"])

    quote = add("ko-quote",
                folder="Sent", frm=soojin, to=kim, tz=8,
                subject="[견적서] XP-200 원심펌프 Q-2026-1140",
                text="김민수 님께,\n\n"
                     "문의해 주셔서 감사합니다. 견적서 번호 Q-2026-1140을 첨부하여 보내드립니다.\n\n"
                     "XP-200 원심펌프: 단가 USD 415/대, CIF 부산\n"
                     "최소 주문 수량: 30대\n"
                     "납기: 선금 입금 후 35일",
                closing="감사합니다.", sig=["김수진", "Acme Pumps Co., Ltd."],
                history=("outlook-ko", q(kim, STAFF["sales"], inq["when"], inq["subject"], inq["text"])),
                in_reply_to=inq["msgid"], references=[inq["msgid"]],
                charset="ks_c_5601-1987", cte="base64", subject_enc=("B", "ks_c_5601-1987"),
                attachments=[pdf("Q-2026-1140.pdf", "Q-2026-1140", ["XP-200 USD 415 CIF Busan"])],
                kind="quote",
                facts=F(products=["XP-200"], incoterm="CIF", incoterm_place=["부산", "Busan"],
                        prices=[P("USD", 415, "units")], moq=Q(30, "units"),
                        destination_port="Busan", delivery_time="선금 입금 후 35일",
                        delivery_days=35, reference="Q-2026-1140"),
                covers=["ks_c_5601-1987", "견적서 번호", "Outlook 보낸 사람/보낸 날짜 block"])

    add("ko-reply-outlook",
        frm=kim, to=soojin, tz=9,
        subject="RE: [견적서] XP-200 원심펌프 Q-2026-1140",
        text="김수진 님,\n\n"
             "견적서 잘 받았습니다. 결제 조건을 T/T 30일 후불로 변경 가능한지 확인 부탁드립니다.",
        closing="감사합니다.", sig=["김민수 드림"],
        history=("outlook-ko", q(soojin, kim, quote["when"], quote["subject"], quote["text"])),
        charset="ks_c_5601-1987", cte="base64", subject_enc=("B", "ks_c_5601-1987"),
        in_reply_to=quote["msgid"], references=[inq["msgid"], quote["msgid"]],
        kind="reply", language="ko",
        covers=["Outlook 보낸 사람 block", "ks_c_5601-1987"])

    inq2 = add("ko-inquiry-naver-html",
               frm=lee, to=soojin, tz=9,
               subject="수중펌프 QJ-4500/2 가격 문의",
               text="안녕하세요,\n\n"
                    "수중펌프 QJ-4500/2 가격이 궁금합니다. 수량은 50개이고 FOB 닝보 조건으로 견적 부탁드립니다.",
               closing="감사합니다.", sig=["이지은"],
               structure="html", charset="ks_c_5601-1987", cte="quoted-printable",
               subject_enc=("B", "ks_c_5601-1987"),
               kind="inquiry", language="ko",
               facts=F(products=["QJ-4500/2"], quantities=[Q(50, "pcs")], incoterm="FOB",
                       incoterm_place=["닝보", "Ningbo"]),
               covers=["naver.com", "HTML only", "ks_c_5601-1987 quoted-printable", "개"])

    add("ko-reply-gmail-jakseong",
        frm=lee, to=soojin, tz=9,
        subject="Re: 수중펌프 QJ-4500/2 가격 문의",
        text="답변 감사합니다. 다음 주에 발주서 보내드리겠습니다.",
        history=("gmail-ko", q(soojin, lee, nov(3, 10, 30, 8), "Re: 수중펌프 QJ-4500/2 가격 문의",
                               signed_text("이지은 님,\n\nQJ-4500/2 단가는 USD 265/개, FOB 닝보입니다.",
                                           "감사합니다.", ["김수진"]))),
        structure="alternative", cte="base64",
        in_reply_to="20261103.qj.lee@example.com",
        kind="reply", language="ko",
        covers=["Gmail Korean 님이 작성:", "short reply"])

    add("ko-auto-reply",
        frm=kim, to=soojin, tz=9,
        subject="자동 응답: RE: [견적서] XP-200 원심펌프 Q-2026-1140",
        text="안녕하세요. 11월 13일까지 휴가 중입니다. 급한 용무는 구매팀 02-000-0001로 연락 주시기 바랍니다.",
        extra_headers=[("Auto-Submitted", "auto-replied")],
        charset="euc-kr", cte="base64", subject_enc=("B", "euc-kr"),
        kind="auto-reply", language="ko",
        covers=["자동 응답"])


# =====================================================================
# Italian
# =====================================================================

def corpus_it():
    rossi = ("Marco Rossi", "m.rossi@idraulica-rossi.it")
    bianchi = ("Giulia Bianchi", "giulia.bianchi@libero.it")
    sophie = STAFF["sophie"]

    inq = add("it-inquiry-iso8859-15",
              frm=rossi, to=STAFF["sales"],
              subject="Richiesta di offerta: pompe XP-200",
              text="Gentili Signori,\n\n"
                   "siamo un'azienda di impianti idraulici di Bologna e vorremmo ricevere la vostra "
                   "migliore offerta per 60 pezzi del modello XP-200, CIF Genova.\n\n"
                   "Vi chiediamo inoltre di indicarci i tempi di consegna: la merce ci servirebbe entro "
                   "4 settimane.",
              closing="Distinti saluti,", sig=["Marco Rossi", "Ufficio Acquisti", "Idraulica Rossi S.r.l."],
              charset="iso-8859-15", cte="quoted-printable",
              kind="inquiry", language="it",
              facts=F(products=["XP-200"], quantities=[Q(60, "pcs")], incoterm="CIF",
                      incoterm_place=["Genova", "Genoa"], destination_port=["Genoa", "Genova"],
                      delivery_time="entro 4 settimane", delivery_days=28),
              covers=["Italian", "pezzi", "Distinti saluti"])

    quote = add("it-quote-offerta",
                folder="Sent", frm=sophie, to=rossi, tz=8,
                subject="Offerta n. OF-2026-0771 pompe XP-200",
                text="Gentile Sig. Rossi,\n\n"
                     "La ringraziamo per la richiesta. In allegato trova la nostra offerta n. OF-2026-0771:\n\n"
                     "Pompa XP-200: EUR 399,00 al pezzo, CIF Genova\n"
                     "Quantità minima d'ordine: 30 pezzi\n"
                     "Tempi di consegna: 4 settimane dal ricevimento dell'acconto",
                closing="Cordiali saluti,", sig=["Sophie Martin", "Acme Pumps Co., Ltd."],
                history=("outlook-it", q(rossi, STAFF["sales"], inq["when"], inq["subject"], inq["text"])),
                in_reply_to=inq["msgid"], references=[inq["msgid"]],
                cte="quoted-printable",
                attachments=[pdf("Offerta_OF-2026-0771.pdf", "Offerta OF-2026-0771", ["XP-200 EUR 399,00 CIF Genova"])],
                kind="quote",
                facts=F(products=["XP-200"], incoterm="CIF", incoterm_place=["Genova", "Genoa"],
                        prices=[P("EUR", 399, "pcs")], moq=Q(30, "pcs"),
                        destination_port=["Genoa", "Genova"],
                        delivery_time="4 settimane dal ricevimento dell'acconto", delivery_days=28,
                        reference="OF-2026-0771"),
                covers=["offerta n.", "Outlook Da/Inviato block"])

    add("it-reply-gmail-ha-scritto",
        frm=rossi, to=sophie,
        subject="Re: Offerta n. OF-2026-0771 pompe XP-200",
        text="Buongiorno Sophie,\n\n"
             "grazie per l'offerta. Potete concederci un pagamento a 60 giorni data fattura?",
        closing="Cordiali saluti,", sig=["Marco Rossi"],
        history=("gmail-it", q(sophie, rossi, quote["when"], quote["subject"], quote["text"])),
        structure="alternative", cte="quoted-printable",
        in_reply_to=quote["msgid"], references=[inq["msgid"], quote["msgid"]],
        kind="reply", language="it",
        covers=["Gmail Il giorno … ha scritto:"])

    add("it-auto-reply",
        frm=rossi, to=sophie,
        subject="Risposta automatica: Re: Offerta n. OF-2026-0771 pompe XP-200",
        text="Grazie per il messaggio. Sarò fuori ufficio fino al 13 novembre. Per urgenze contattare "
             "acquisti@idraulica-rossi.it.",
        extra_headers=[("Auto-Submitted", "auto-replied")],
        kind="auto-reply", language="it",
        covers=["Risposta automatica"])

    inq2 = add("it-inquiry-libero",
               frm=bianchi, to=sophie,
               subject="Informazioni pompa sommersa QJ-4500/2",
               text="Buongiorno,\n\n"
                    "vorrei sapere il prezzo della pompa sommersa QJ-4500/2 per un ordine di 20 unità, "
                    "resa DAP Napoli. Qual è la quantità minima d'ordine?",
               closing="Cordiali saluti,", sig=["Giulia Bianchi"],
               kind="inquiry", language="it",
               facts=F(products=["QJ-4500/2"], quantities=[Q(20, "units")], incoterm="DAP",
                       incoterm_place=["Napoli", "Naples"], destination_port=["Naples", "Napoli"]),
               covers=["libero.it", "unità"])

    add("it-reply-outlook-da-inviato",
        frm=bianchi, to=sophie,
        subject="R: Informazioni pompa sommersa QJ-4500/2",
        text="Gentile Sophie,\n\n"
             "la ringrazio per la risposta. Le farò sapere entro la fine del mese se procediamo con "
             "l'ordine.",
        closing="Cordiali saluti", sig=["Giulia Bianchi"],
        history=("outlook-it", q(sophie, bianchi, nov(3, 9, 10, 8), "RE: Informazioni pompa sommersa QJ-4500/2",
                                 signed_text("Gentile Sig.ra Bianchi,\n\nil prezzo della QJ-4500/2 è di EUR 255,00 "
                                             "al pezzo, DAP Napoli, con un minimo di 10 pezzi.",
                                             "Cordiali saluti,", ["Sophie Martin"]))),
        in_reply_to="20261103.qj.bianchi@example.com",
        kind="reply", language="it",
        covers=["R: prefix", "Outlook Da/Inviato block"])


# =====================================================================
# Turkish
# =====================================================================

def corpus_tr():
    yilmaz = ("Ahmet Yılmaz", "ahmet.yilmaz@anadolu-pompa.com.tr")
    kaya = ("Zeynep Kaya", "zeynep.kaya.tr@gmail.com")
    olga = STAFF["olga"]

    inq = add("tr-inquiry-iso8859-9",
              frm=yilmaz, to=STAFF["sales"], tz=3,
              subject="Fiyat talebi: XP-200 santrifüj pompa",
              text="Sayın Yetkili,\n\n"
                   "Firmamız İzmir'de sulama sistemleri alanında faaliyet göstermektedir. XP-200 model "
                   "santrifüj pompa için 100 adet CIF İzmir fiyatınızı rica ederiz.\n\n"
                   "Teslim süresi en fazla 30 gün olmalıdır.",
              closing="Saygılarımla,", sig=["Ahmet Yılmaz", "Satın Alma Müdürü",
                                             "Anadolu Pompa San. ve Tic. A.Ş."],
              charset="iso-8859-9", cte="quoted-printable",
              kind="inquiry", language="tr",
              facts=F(products=["XP-200"], quantities=[Q(100, "pcs")], incoterm="CIF",
                      incoterm_place=["İzmir", "Izmir"], destination_port=["Izmir", "İzmir"],
                      delivery_time="en fazla 30 gün", delivery_days=30),
              covers=["ISO-8859-9", "adet", "ccTLD com.tr"])

    quote = add("tr-quote-teklif",
                folder="Sent", frm=olga, to=yilmaz, tz=8,
                subject="Teklif No. TK-2026-0415 - XP-200 pompa",
                text="Sayın Ahmet Bey,\n\n"
                     "Talebiniz için teşekkür ederiz. TK-2026-0415 numaralı teklifimiz aşağıdadır:\n\n"
                     "XP-200 santrifüj pompa: USD 405/adet, CIF İzmir\n"
                     "Minimum sipariş: 50 adet\n"
                     "Teslim süresi: avans ödemesinden sonra 30 gün",
                closing="Saygılarımla,", sig=["Olga Ivanova", "Acme Pumps Co., Ltd."],
                history=("outlook-tr", q(yilmaz, STAFF["sales"], inq["when"], inq["subject"], inq["text"])),
                in_reply_to=inq["msgid"], references=[inq["msgid"]],
                charset="iso-8859-9", cte="quoted-printable",
                kind="quote",
                facts=F(products=["XP-200"], incoterm="CIF", incoterm_place=["İzmir", "Izmir"],
                        prices=[P("USD", 405, "pcs")], moq=Q(50, "pcs"),
                        destination_port=["Izmir", "İzmir"],
                        delivery_time="avans ödemesinden sonra 30 gün", delivery_days=30,
                        reference="TK-2026-0415"),
                covers=["Teklif No.", "no attachment", "Outlook Kimden/Gönderildi block"])

    add("tr-reply-gmail-yazdi",
        frm=yilmaz, to=olga, tz=3,
        subject="YNT: Teklif No. TK-2026-0415 - XP-200 pompa",
        text="Olga Hanım merhaba,\n\n"
             "Teklifiniz için teşekkürler. Fiyatta %5 indirim yapabilirseniz siparişi bu hafta "
             "verebiliriz.",
        closing="Saygılarımla,", sig=["Ahmet Yılmaz"],
        history=("gmail-tr", q(olga, yilmaz, quote["when"], quote["subject"], quote["text"])),
        charset="iso-8859-9", cte="quoted-printable",
        kind="reply", language="tr",
        covers=["YNT: prefix without In-Reply-To", "Gmail … tarihinde şunu yazdı:"])

    add("tr-auto-reply",
        frm=yilmaz, to=olga, tz=3,
        subject="Otomatik yanıt: Teklif No. TK-2026-0415 - XP-200 pompa",
        text="Merhaba, 16 Kasım tarihine kadar izindeyim. Acil konular için lütfen "
             "satinalma@anadolu-pompa.com.tr adresine yazınız.",
        extra_headers=[("Auto-Submitted", "auto-replied")],
        kind="auto-reply", language="tr",
        covers=["Otomatik yanıt"])

    add("tr-inquiry-gmail",
        frm=kaya, to=olga, tz=3,
        subject="QJ-4500/2 dalgıç pompa hakkında",
        text="Merhaba,\n\n"
             "QJ-4500/2 dalgıç pompa için fiyat öğrenmek istiyorum. Miktar 40 adet, FOB Ningbo. "
             "Minimum sipariş miktarınız nedir?",
        closing="İyi çalışmalar,", sig=["Zeynep Kaya"],
        structure="alternative", cte="quoted-printable",
        kind="inquiry", language="tr",
        facts=F(products=["QJ-4500/2"], quantities=[Q(40, "pcs")], incoterm="FOB",
                incoterm_place="Ningbo"),
        covers=["gmail.com", "İyi çalışmalar closing"])


# =====================================================================
# Polish
# =====================================================================

def corpus_pl():
    nowak = ("Piotr Nowak", "p.nowak@hydro-pol.pl")
    wisniewska = ("Anna Wiśniewska", "anna.wisniewska@wp.pl")
    olga = STAFF["olga"]

    inq = add("pl-inquiry-iso8859-2",
              frm=nowak, to=STAFF["sales"],
              subject="Zapytanie ofertowe: pompy XP-200",
              text="Dzień dobry,\n\n"
                   "jesteśmy dystrybutorem pomp w Polsce. Prosimy o ofertę na pompy XP-200 - 120 szt., "
                   "CIF Gdańsk.\n\n"
                   "Termin dostawy: maksymalnie 6 tygodni.",
              closing="Pozdrawiam,", sig=["Piotr Nowak", "Dział Zakupów", "Hydro-Pol Sp. z o.o."],
              charset="iso-8859-2", cte="quoted-printable", subject_enc=("Q", "iso-8859-2"),
              kind="inquiry", language="pl",
              facts=F(products=["XP-200"], quantities=[Q(120, "pcs")], incoterm="CIF",
                      incoterm_place=["Gdańsk", "Gdansk"], destination_port=["Gdansk", "Gdańsk"],
                      delivery_time="maksymalnie 6 tygodni", delivery_days=42),
              covers=["ISO-8859-2", "szt.", "ccTLD .pl"])

    quote = add("pl-quote-oferta",
                folder="Sent", frm=olga, to=nowak, tz=8,
                subject="Oferta nr OF/2026/118 - pompy XP-200",
                text="Dzień dobry Panie Piotrze,\n\n"
                     "dziękujemy za zapytanie. W załączeniu przesyłamy ofertę nr OF/2026/118:\n\n"
                     "Pompa XP-200: cena USD 400/szt., CIF Gdańsk\n"
                     "Minimalne zamówienie: 40 szt.\n"
                     "Termin dostawy: 5 tygodni od otrzymania zaliczki",
                closing="Z poważaniem,", sig=["Olga Ivanova", "Acme Pumps Co., Ltd."],
                history=("outlook-pl", q(nowak, STAFF["sales"], inq["when"], inq["subject"], inq["text"])),
                in_reply_to=inq["msgid"], references=[inq["msgid"]],
                charset="iso-8859-2", cte="quoted-printable",
                attachments=[pdf("Oferta_OF-2026-118.pdf", "Oferta OF/2026/118", ["XP-200 USD 400 CIF Gdansk"])],
                kind="quote",
                facts=F(products=["XP-200"], incoterm="CIF", incoterm_place=["Gdańsk", "Gdansk"],
                        prices=[P("USD", 400, "pcs")], moq=Q(40, "pcs"),
                        destination_port=["Gdansk", "Gdańsk"],
                        delivery_time="5 tygodni od otrzymania zaliczki", delivery_days=35,
                        reference="OF/2026/118"),
                covers=["oferta nr", "reference with slashes", "Outlook Od/Wysłano block"])

    add("pl-reply-odp-no-references",
        frm=nowak, to=olga,
        subject="Odp: Oferta nr OF/2026/118 - pompy XP-200",
        text="Dzień dobry,\n\n"
             "dziękujemy za ofertę. Czy możliwa jest dostawa w dwóch partiach po 60 szt.?",
        closing="Pozdrawiam,", sig=["Piotr Nowak"],
        history=("outlook-pl", q(olga, nowak, quote["when"], quote["subject"], quote["text"])),
        charset="iso-8859-2", cte="quoted-printable", subject_enc=("Q", "iso-8859-2"),
        kind="reply", language="pl",
        covers=["Odp: prefix without In-Reply-To", "Outlook Od/Wysłano block"])

    add("pl-auto-reply",
        frm=nowak, to=olga,
        subject="Automatyczna odpowiedź: Oferta nr OF/2026/118 - pompy XP-200",
        text="Dzień dobry, jestem na urlopie do 13 listopada. W pilnych sprawach proszę "
             "kontaktować się z biurem: biuro@hydro-pol.pl.",
        extra_headers=[("Auto-Submitted", "auto-replied")],
        charset="iso-8859-2", cte="quoted-printable",
        kind="auto-reply", language="pl",
        covers=["Automatyczna odpowiedź"])

    add("pl-inquiry-wp-html",
        frm=wisniewska, to=olga,
        subject="Pytanie o pompę zatapialną QJ-4500/2",
        text="Dzień dobry,\n\n"
             "proszę o cenę pompy zatapialnej QJ-4500/2 przy zamówieniu 25 sztuk, FOB Szanghaj.",
        closing="Z poważaniem,", sig=["Anna Wiśniewska"],
        structure="alternative", cte="quoted-printable",
        kind="inquiry", language="pl",
        facts=F(products=["QJ-4500/2"], quantities=[Q(25, "pcs")], incoterm="FOB",
                incoterm_place=["Szanghaj", "Shanghai"]),
        covers=["wp.pl", "sztuk"])


# =====================================================================
# Vietnamese
# =====================================================================

def corpus_vi():
    an = ("Nguyễn Văn An", "an.nguyen@thanhphat-pump.com.vn")
    ha = ("Trần Thu Hà", "thuha.tran.hn@gmail.com")
    mai = STAFF["mai"]

    inq = add("vi-inquiry-utf8-qp",
              frm=an, to=STAFF["sales"], tz=7,
              subject="Yêu cầu báo giá máy bơm XP-200",
              text="Kính gửi Quý công ty,\n\n"
                   "Công ty chúng tôi là nhà phân phối máy bơm tại TP. Hồ Chí Minh. Chúng tôi cần báo giá "
                   "máy bơm ly tâm XP-200, số lượng 200 chiếc, điều kiện CIF Cát Lái.\n\n"
                   "Thời gian giao hàng mong muốn: trong vòng 30 ngày.",
              closing="Trân trọng,", sig=["Nguyễn Văn An", "Phòng Kinh doanh", "Công ty TNHH Thành Phát"],
              cte="quoted-printable",
              kind="inquiry", language="vi",
              facts=F(products=["XP-200"], quantities=[Q(200, "pcs")], incoterm="CIF",
                      incoterm_place=["Cát Lái", "Cat Lai"],
                      destination_port=["Cat Lai", "Cát Lái", "Ho Chi Minh City"],
                      delivery_time="trong vòng 30 ngày", delivery_days=30),
              covers=["Vietnamese", "chiếc", "ccTLD com.vn"])

    quote = add("vi-quote-bao-gia",
                folder="Sent", frm=mai, to=an, tz=8,
                subject="Báo giá số BG-2026-0118 - máy bơm XP-200",
                text="Kính gửi anh An,\n\n"
                     "Cảm ơn anh đã quan tâm đến sản phẩm của chúng tôi. Chúng tôi xin gửi báo giá số "
                     "BG-2026-0118 như sau:\n\n"
                     "Máy bơm ly tâm XP-200: đơn giá USD 399/chiếc, CIF Cát Lái\n"
                     "Số lượng đặt hàng tối thiểu: 50 chiếc\n"
                     "Thời gian giao hàng: 30 ngày sau khi nhận tiền đặt cọc",
                closing="Trân trọng,", sig=["Trần Thị Mai", "Acme Pumps Co., Ltd."],
                history=("outlook-en", q(an, STAFF["sales"], inq["when"], inq["subject"], inq["text"])),
                in_reply_to=inq["msgid"], references=[inq["msgid"]],
                cte="quoted-printable",
                kind="quote",
                facts=F(products=["XP-200"], incoterm="CIF", incoterm_place=["Cát Lái", "Cat Lai"],
                        prices=[P("USD", 399, "pcs")], moq=Q(50, "pcs"),
                        destination_port=["Cat Lai", "Cát Lái", "Ho Chi Minh City"],
                        delivery_time="30 ngày sau khi nhận tiền đặt cọc", delivery_days=30,
                        reference="BG-2026-0118"),
                covers=["báo giá số", "no attachment"])

    add("vi-reply-gmail-da-viet",
        frm=an, to=mai, tz=7,
        subject="Re: Báo giá số BG-2026-0118 - máy bơm XP-200",
        text="Chào chị Mai,\n\n"
             "Cảm ơn chị đã gửi báo giá. Bên em muốn đặt trước 50 chiếc để chạy thử, chị xác nhận giúp "
             "em giá có thay đổi không ạ?",
        closing="Trân trọng,", sig=["Nguyễn Văn An"],
        history=("gmail-vi", q(mai, an, quote["when"], quote["subject"], quote["text"])),
        structure="alternative", cte="quoted-printable",
        in_reply_to=quote["msgid"], references=[inq["msgid"], quote["msgid"]],
        kind="reply", language="vi",
        covers=["Gmail Vietnamese Vào … đã viết:"])

    add("vi-auto-reply",
        frm=an, to=mai, tz=7,
        subject="Trả lời tự động: Re: Báo giá số BG-2026-0118 - máy bơm XP-200",
        text="Xin chào, tôi đang đi công tác đến ngày 12/11 và sẽ trả lời email của quý khách khi trở về.",
        extra_headers=[("Auto-Submitted", "auto-replied")],
        kind="auto-reply", language="vi",
        covers=["Trả lời tự động"])

    add("vi-inquiry-gmail-html",
        frm=ha, to=mai, tz=7,
        subject="Hỏi giá bơm chìm QJ-4500/2",
        text="Chào anh/chị,\n\n"
             "Em muốn hỏi giá bơm chìm QJ-4500/2, số lượng 10 bộ, giao hàng FOB Thượng Hải. Xin cảm ơn.",
        closing="Trân trọng,", sig=["Trần Thu Hà"],
        structure="html", cte="base64",
        kind="inquiry", language="vi",
        facts=F(products=["QJ-4500/2"], quantities=[Q(10, "sets")], incoterm="FOB",
                incoterm_place=["Thượng Hải", "Shanghai"]),
        covers=["gmail.com", "HTML only", "bộ"])


# =====================================================================
# Delivery reports, receipts, auto-replies, newsletters
# =====================================================================

def dsn_report(human, human_charset, reporting_mta, recipient, action, status, diagnostic,
               original_headers, boundary, human_cte="8bit", human_alt_html=None):
    """multipart/report; report-type=delivery-status (RFC 3464)."""
    first = text_leaf(human, "plain", human_charset, human_cte)
    if human_alt_html is not None:
        first = multipart("alternative", [first, text_leaf(human_alt_html, "html", human_charset, human_cte)],
                          boundary + "_alt", preamble=False)
    status_text = ("Reporting-MTA: dns; %s\n\nFinal-Recipient: rfc822; %s\nOriginal-Recipient: rfc822;%s\n"
                   "Action: %s\nStatus: %s\n" % (reporting_mta, recipient, recipient, action, status))
    if diagnostic:
        status_text += "Diagnostic-Code: smtp; %s\n" % diagnostic
    parts = [first,
             leaf("message/delivery-status", status_text.encode("ascii"), "7bit-implicit",
                  [("Content-Description", "Delivery report")]),
             leaf("text/rfc822-headers", original_headers.encode("utf-8"), "8bit",
                  [("Content-Description", "Undelivered Message Headers")])]
    return multipart("report", parts, boundary, "; report-type=delivery-status")


def corpus_reports():
    li = STAFF["li"]

    text = ("This is the mail system at host mx.example.com.\n\n"
            "I'm sorry to have to inform you that your message could not\n"
            "be delivered to one or more recipients. It's attached below.\n\n"
            "For further assistance, please send mail to postmaster.\n\n"
            "If you do so, please include this problem report. You can\n"
            "delete your own text from the attached returned message.\n\n"
            "                   The mail system\n\n"
            "<purchasing@aquaflow-eng.co.uk>: host mx.aquaflow-eng.co.uk[203.0.113.25] said:\n"
            "    550 5.1.1 <purchasing@aquaflow-eng.co.uk>: Recipient address rejected:\n"
            "    User unknown in virtual mailbox table (in reply to RCPT TO command)")
    add("bounce-postfix-dsn",
        frm=("Mail Delivery System", "MAILER-DAEMON@mx.example.com"), to=li, tz=8,
        subject="Undelivered Mail Returned to Sender",
        text=text,
        extra_headers=[("Auto-Submitted", "auto-replied"), ("Return-Path", "<>")],
        body_part=dsn_report(text, "us-ascii", "mx.example.com", "purchasing@aquaflow-eng.co.uk",
                             "failed", "5.1.1",
                             "550 5.1.1 <purchasing@aquaflow-eng.co.uk>: Recipient address rejected",
                             "From: Li Wei <li.wei@example.com>\nTo: purchasing@aquaflow-eng.co.uk\n"
                             "Subject: Quotation Q-2026-1102\nMessage-ID: <q1102.li@example.com>\n",
                             "=_dsn_postfix"),
        kind="bounce", language="en",
        covers=["multipart/report delivery-status", "MAILER-DAEMON of our own domain",
                "null Return-Path"])

    text = ("Your message to compras@riegos-levante.es couldn't be delivered.\n\n"
            "compras wasn't found at riegos-levante.es.\n\n"
            "carlos.ruiz   Office 365   compras\n"
            "Action Required            Recipient\n\n"
            "Unknown To address\n\n"
            "How to Fix It\n"
            "The address may be misspelled or may not exist. Try one or more of the following:\n"
            "Retype the recipient's address, then resend the message. If you're using Outlook, "
            "open this report and select Send Again.")
    html = html_document(text_to_html(text), "us-ascii", style=False)
    add("bounce-exchange-undeliverable",
        frm=("Microsoft Outlook", "postmaster@riegos-levante.es"), to=STAFF["carlos"],
        subject="Undeliverable: Cotización COT-2026-0460 bombas XP-200",
        text=text,
        extra_headers=[("Auto-Submitted", "auto-replied"),
                       ("X-MS-Exchange-Message-Is-Ndr", "")],
        body_part=dsn_report(text, "us-ascii", "AM0PR07MB1234.eurprd07.prod.outlook.com",
                             "compras@riegos-levante.es", "failed", "5.1.10",
                             "550 5.1.10 RESOLVER.ADR.RecipientNotFound",
                             "From: Carlos Ruiz <carlos.ruiz@example.com>\nTo: compras@riegos-levante.es\n"
                             "Subject: =?utf-8?Q?Cotizaci=C3=B3n?= COT-2026-0460 bombas XP-200\n",
                             "=_dsn_exchange", "quoted-printable", html),
        kind="bounce", language="en",
        covers=["Undeliverable:", "Exchange NDR with text and HTML"])

    add("bounce-qq-tuixin",
        frm=("系统退信", "postmaster@qq.com"), to=STAFF["li_zh"], tz=8,
        subject="退信：回复：咨询潜水泵QJ-4500/2价格",
        text="很抱歉您发送的邮件被退回，以下是该邮件的相关信息：\n\n"
             "被退回的邮件：回复：咨询潜水泵QJ-4500/2价格\n"
             "收件人：2865123411@qq.com\n"
             "退信原因：收件人邮箱不存在，请检查邮箱地址是否正确。\n\n"
             "此邮件为系统自动发出，请勿直接回复。",
        structure="plain", cte="base64",
        kind="bounce", language="zh",
        covers=["退信 subject", "postmaster sender", "no report part"])

    text = ("This message was created automatically by mail delivery software.\n\n"
            "A message that you sent could not be delivered to one or more of its\n"
            "recipients. This is a permanent error. The following address(es) failed:\n\n"
            "  zakupki@nasos-torg.ru\n"
            "    host mx.nasos-torg.ru [198.51.100.7]\n"
            "    SMTP error from remote mail server after RCPT TO:<zakupki@nasos-torg.ru>:\n"
            "    550 5.1.1 User unknown")
    copy = ("------ This is a copy of the message, including all the headers. ------\n\n"
            "Return-path: <olga.ivanova@example.com>\n"
            "From: Olga Ivanova <olga.ivanova@example.com>\n"
            "To: zakupki@nasos-torg.ru\n"
            "Subject: Price list 2027\n\n"
            "Добрый день! Направляем прайс-лист на 2027 год.\n")
    add("bounce-exim-plain",
        frm=("Mail Delivery System", "Mailer-Daemon@mx.nasos-torg.ru"), to=STAFF["olga"], tz=3,
        subject="Mail delivery failed: returning message to sender",
        text=text, plain_text=text + "\n\n" + copy,
        extra_headers=[("Auto-Submitted", "auto-replied"), ("Return-Path", "<>")],
        kind="bounce", language="en",
        covers=["Exim bounce without a report part", "returned copy inline"])

    text = ("Ihre Nachricht hat einige oder alle Empfänger nicht erreicht.\n\n"
            "Betreff: AW: Anfrage Tauchpumpen QJ-4500/2\n"
            "Gesendet: 04.11.2026 10:12\n\n"
            "Folgende Empfänger konnten nicht erreicht werden:\n\n"
            "'Lager Huber' am 04.11.2026 10:12\n"
            "    Das Postfach des Empfängers ist voll, und die Nachricht kann nicht zugestellt werden. "
            "Versuchen Sie es später erneut, oder wenden Sie sich direkt an den Empfänger.")
    add("bounce-exchange-unzustellbar-de",
        frm=("Systemadministrator", "postmaster@huber-pumpen.at"), to=STAFF["anna"],
        subject="Unzustellbar: AW: Anfrage Tauchpumpen QJ-4500/2",
        text=text,
        body_part=dsn_report(text, "iso-8859-1", "mail.huber-pumpen.at", "lager@huber-pumpen.at",
                             "failed", "5.2.2", "554 5.2.2 mailbox full",
                             "From: Anna Schmidt <anna.schmidt@example.com>\nTo: lager@huber-pumpen.at\n",
                             "=_dsn_de", "quoted-printable"),
        kind="bounce", language="de",
        covers=["Unzustellbar:", "German NDR", "ISO-8859-1 report text"])

    text = ("This is the mail system at host mx.example.com.\n\n"
            "####################################################################\n"
            "# THIS IS A WARNING ONLY.  YOU DO NOT NEED TO RESEND YOUR MESSAGE. #\n"
            "####################################################################\n\n"
            "Your message could not be delivered for more than 4 hour(s).\n"
            "It will be retried until it is 5 day(s) old.\n\n"
            "For further assistance, please send mail to postmaster.\n\n"
            "                   The mail system\n\n"
            "<k.yao@eau-ci.ci>: connect to mx.eau-ci.ci[192.0.2.44]:25: Connection timed out")
    add("bounce-postfix-delayed",
        frm=("Mail Delivery System", "MAILER-DAEMON@mx.example.com"), to=STAFF["sophie"], tz=8,
        subject="Delayed Mail (still being retried)",
        text=text,
        extra_headers=[("Auto-Submitted", "auto-replied"), ("Return-Path", "<>")],
        body_part=dsn_report(text, "us-ascii", "mx.example.com", "k.yao@eau-ci.ci", "delayed", "4.4.1",
                             "", "From: Sophie Martin <sophie.martin@example.com>\nTo: k.yao@eau-ci.ci\n",
                             "=_dsn_delay"),
        kind="bounce", language="en",
        covers=["delay DSN (Action: delayed)"])

    receipt_text = ("Ihre Nachricht\n\n"
                    "  An: Anna Schmidt\n"
                    "  Betreff: Angebot Nr. 2026-118 – Kreiselpumpen XP-350\n"
                    "  Gesendet: Montag, 2. November 2026 17:05:00 (UTC+08:00) Peking\n\n"
                    "wurde am Dienstag, 3. November 2026 08:12:33 (UTC+01:00) Amsterdam, Berlin gelesen.")
    mdn = ("Reporting-UA: wassertechnik-becker.de; Microsoft Outlook 16.0\n"
           "Final-Recipient: rfc822;k.becker@wassertechnik-becker.de\n"
           "Original-Message-ID: <20261102.quote.becker@example.com>\n"
           "Disposition: manual-action/MDN-sent-manually; displayed\n")
    add("receipt-read-de",
        frm=("Klaus Becker", "k.becker@wassertechnik-becker.de"), to=STAFF["anna"],
        subject="Gelesen: Angebot Nr. 2026-118 – Kreiselpumpen XP-350",
        text=receipt_text,
        body_part=multipart("report", [text_leaf(receipt_text, "plain", "utf-8", "quoted-printable"),
                                       leaf("message/disposition-notification", mdn.encode(), "7bit-implicit")],
                            "=_mdn_de", "; report-type=disposition-notification"),
        kind="auto-reply", language="de",
        covers=["read receipt (disposition-notification)"])


def corpus_bulk():
    text = ("Canton Fair Bulletin, November 2026\n\n"
            "The spring session opens on 15 April 2027 in Guangzhou. Exhibitor registration for the "
            "machinery section (pumps, valves, compressors) is open until 31 December. This month: "
            "how buyers from Africa and the Middle East are sourcing water equipment, new rules for "
            "e-invoices, and a list of freight forwarders offering consolidated LCL shipments.\n\n"
            "Read the full bulletin online.\n\n"
            "You receive this bulletin because you registered at expo-bulletin.org. Unsubscribe: "
            "https://expo-bulletin.org/u/8812")
    add("bulk-newsletter-list-unsubscribe",
        frm=("Expo Bulletin", "news@expo-bulletin.org"), to=STAFF["sales"], tz=8,
        subject="Canton Fair Bulletin: spring 2027 registration is open",
        text=text,
        structure="alternative", cte="quoted-printable",
        extra_headers=[("List-Unsubscribe", "<https://expo-bulletin.org/u/8812>, "
                                            "<mailto:unsubscribe@expo-bulletin.org?subject=8812>"),
                       ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
                       ("Precedence", "bulk")],
        kind="bulk", language="en",
        covers=["List-Unsubscribe", "Precedence: bulk", "long text (snippet cut at 300)"])

    text = ("Pumpen-Praxis Newsletter 11/2026\n\n"
            "Liebe Leserinnen und Leser,\n\n"
            "in dieser Ausgabe: Energieeffizienz von Kreiselpumpen nach der neuen Ökodesign-Verordnung, "
            "ein Praxisbericht über die Sanierung eines Abwasserpumpwerks in Kassel und unsere Übersicht "
            "der Fachmessen im ersten Halbjahr 2027. Außerdem: Wie Sie Kavitation frühzeitig erkennen.\n\n"
            "Viel Spaß beim Lesen wünscht Ihnen die Redaktion.")
    html = html_document(
        "<title>Pumpen-Praxis Newsletter</title>\n" + text_to_html(text, entities=True) +
        '\n<p style="font-size:9px">Abmelden: <a href="https://pumpen-praxis.de/abmelden">hier klicken</a></p>',
        "utf-8")
    add("bulk-list-id-html-de",
        frm=("Pumpen-Praxis Redaktion", "redaktion@pumpen-praxis.de"), to=STAFF["anna"],
        subject="Pumpen-Praxis Newsletter 11/2026: Ökodesign, Kavitation, Messen",
        text=text, structure="html", html_text=html, cte="quoted-printable",
        extra_headers=[("List-Id", "Pumpen-Praxis Newsletter <newsletter.pumpen-praxis.de>"),
                       ("Precedence", "bulk")],
        snippet=snippet_of(text + "\n\nAbmelden: hier klicken"),
        kind="bulk", language="de",
        covers=["List-Id", "HTML only with <title> and <style>", "entities"])

    text = ("【贸易通】本周采购需求速递\n\n"
            "尊敬的会员，您好！本周平台共发布水泵类采购需求126条，其中潜水泵42条、离心泵35条、管道泵18条。"
            "买家主要来自东南亚、中东和非洲。点击登录查看详细需求并及时报价，优质供应商将获得优先推荐。\n\n"
            "如不希望再收到此类邮件，请点击退订。")
    body = html_document(text_to_html(text), "gb2312", style=False)
    add("bulk-zh-html-meta-charset-only",
        frm=("贸易通", "noreply@maoyitong-b2b.cn"), to=STAFF["li_zh"], tz=8,
        subject="【贸易通】本周采购需求速递",
        text=text, subject_enc=("B", "gb2312"), name_enc=("B", "gb2312"),
        body_part=leaf("text/html", encode(body, "gb2312"), "base64"),
        extra_headers=[("List-Unsubscribe", "<mailto:unsubscribe@maoyitong-b2b.cn>")],
        kind="bulk", language="zh",
        covers=["text/html without a charset parameter (meta charset gb2312)", "List-Unsubscribe"])

    text = ("Boletín Hidráulica Ibérica – noviembre 2026\n\n"
            "Estimado cliente:\n\n"
            "Le presentamos las novedades de este mes: nueva gama de bombas dosificadoras, ofertas en "
            "variadores de frecuencia y las fechas de nuestros cursos de mantenimiento en Madrid y "
            "Sevilla. Consulte también nuestro calendario de ferias para 2027.\n\n"
            "Para darse de baja, responda a este correo con la palabra BAJA.")
    add("bulk-es-precedence-list",
        frm=("Hidráulica Ibérica", "boletin@hidraulica-iberica.es"), to=STAFF["carlos"],
        subject="Boletín noviembre: bombas dosificadoras y cursos de mantenimiento",
        text=text, charset="windows-1252", cte="quoted-printable",
        extra_headers=[("Precedence", "list"),
                       ("List-Id", "<boletin.hidraulica-iberica.es>")],
        kind="bulk", language="es",
        covers=["Precedence: list", "windows-1252 en dash"])

    text = ("Выставка «ВодЭкспо-2027»: приглашение\n\n"
            "Уважаемые коллеги! Приглашаем вас принять участие в международной выставке «ВодЭкспо-2027», "
            "которая пройдёт с 16 по 19 марта в Москве. В программе: насосное оборудование, системы "
            "водоочистки, конференция по импортозамещению. Бронирование стендов открыто до 1 февраля.\n\n"
            "Отписаться от рассылки можно по ссылке в конце письма.")
    add("bulk-ru-list-unsubscribe",
        frm=("ВодЭкспо", "info@vodexpo-news.ru"), to=STAFF["olga"], tz=3,
        subject="Приглашение на выставку «ВодЭкспо-2027»",
        text=text, cte="base64", structure="alternative",
        extra_headers=[("List-Unsubscribe", "<https://vodexpo-news.ru/unsubscribe?id=5531>")],
        kind="bulk", language="ru",
        covers=["List-Unsubscribe", "Russian newsletter"])

    # Auto-replies recognised by their subject only, and a person answering one.
    add("auto-reply-out-of-office-subject",
        frm=("Tom Baker", "purchasing@midwest-irrigation.com"), to=STAFF["li"], tz=-6,
        subject="Out of Office: RE: RFQ: CDL-32-50 vertical multistage pumps & spare seals",
        text="I am currently out of the office at a trade show and will return on Monday, "
             "November 9. I will respond to your message as soon as possible.",
        kind="auto-reply", language="en",
        covers=["Out of Office: subject, no auto headers"])

    add("reply-to-an-auto-reply",
        frm=("John Carter", "john.carter@aquaflow.co.uk"), to=STAFF["li"], tz=0,
        subject="Re: Automatic reply: PI-2026-118 for 200 pcs XP-200",
        text="Hi Li,\n\n"
             "I saw your colleague's auto-reply. This is urgent: who else can confirm the shipping "
             "date for our order today?",
        closing="Best regards,", sig=["John"],
        in_reply_to="20261104.ooo.li@example.com",
        kind="reply", language="en",
        covers=["a person answering an auto-reply (Re: Automatic reply:)"])


# =====================================================================
# Structures: calendar, TNEF, signed, forwards, inline images, attachments
# =====================================================================

def calendar_part(method, summary, organizer, attendee, start, end, uid):
    ics = ("BEGIN:VCALENDAR\nPRODID:-//Acme corpus//EN\nVERSION:2.0\nMETHOD:%s\nBEGIN:VEVENT\n"
           "DTSTART:%s\nDTEND:%s\nDTSTAMP:20261102T080000Z\nORGANIZER;CN=%s:mailto:%s\n"
           "UID:%s\nATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN=%s:mailto:%s\n"
           "SUMMARY:%s\nSEQUENCE:0\nSTATUS:CONFIRMED\nEND:VEVENT\nEND:VCALENDAR\n") % (
               method, start, end, organizer[0], organizer[1], uid, attendee[0], attendee[1], summary)
    return ics


def corpus_structures():
    li = STAFF["li"]
    sig_li = ["Li Wei", "Sales Manager", "Acme Pumps Co., Ltd."]

    # A buyer's Google Calendar invitation: text, HTML and text/calendar, plus invite.ics.
    baker = ("Tom Baker", "purchasing@midwest-irrigation.com")
    text = ("Tom Baker has invited you to a video call to go through the order details for the "
            "CDL-32-50 pumps.\n\n"
            "When: Tuesday 10 Nov 2026 10:00 – 10:30 (CST)\n"
            "Joining: https://meet.example.net/abc-defg-hij\n\n"
            "Guests: Tom Baker, Li Wei")
    ics = calendar_part("REQUEST", "Video call: CDL-32-50 order details", baker, li,
                        "20261110T160000Z", "20261110T163000Z", "cal-8812@midwest-irrigation.com")
    alt = multipart("alternative", [text_leaf(text, "plain", "utf-8", "quoted-printable"),
                                    text_leaf(html_document(text_to_html(text), "utf-8", style=False), "html",
                                              "utf-8", "quoted-printable"),
                                    text_leaf(ics, "calendar", "utf-8", "7bit", '; method=REQUEST')],
                    "=_cal_alt", preamble=False)
    inv = leaf('application/ics; name="invite.ics"', ics.encode(), "base64",
               [("Content-Disposition", 'attachment; filename="invite.ics"')])
    add("calendar-invitation-inbound",
        frm=baker, to=li, tz=-6,
        subject="Invitation: Video call: CDL-32-50 order details @ Tue 10 Nov 2026 10:00 - 10:30 (CST)",
        text=text, body_part=multipart("mixed", [alt, inv], "=_cal_mixed"),
        kind="inquiry", language="en",
        facts=F(products=["CDL-32-50"]),
        covers=["text/calendar method=REQUEST", "application/ics attachment",
                "a calendar invitation that starts a thread is an inquiry"])

    okafor = ("David Okafor", "david.okafor.ng@gmail.com")
    text = ("Hi David,\n\n"
            "as discussed, here is the invitation for a video tour of our factory and test bench. "
            "You will see the QJ-4500/2 production line and the final tests before packing.")
    ics = calendar_part("REQUEST", "Factory video tour", li, okafor,
                        "20261112T070000Z", "20261112T080000Z", "tour-2026-11@example.com")
    add("calendar-invitation-sent",
        folder="Sent", frm=li, to=okafor, tz=8,
        subject="Invitation: Factory video tour @ Thu 12 Nov 2026 15:00 - 16:00 (CST)",
        text=text,
        body_part=multipart("alternative", [text_leaf(signed_text(text, "Best regards,", sig_li) + "\n", "plain"),
                                            text_leaf(ics, "calendar", "utf-8", "7bit", "; method=REQUEST")],
                            "=_cal_sent", preamble=False),
        kind="reply",
        covers=["outbound calendar invitation (not a quote)"])

    # Outlook with RTF: the text part and winmail.dat.
    kamau = ("Peter Kamau", "peter.kamau@maji-solutions.co.ke")
    tnef = leaf('application/ms-tnef; name="winmail.dat"', fake_tnef("Quotation request QJ-4500/2"),
                "base64", [("Content-Disposition", 'attachment; filename="winmail.dat"')])
    add("tnef-winmail-dat",
        frm=kamau, to=STAFF["sales"], tz=3,
        subject="Quotation request QJ-4500/2",
        text="Dear Sir,\n\n"
             "We are a borehole drilling contractor in Nairobi. Kindly quote the QJ-4500/2 submersible "
             "pump, quantity: 30 pcs, CIF Mombasa.\n\n"
             "Please also advise your lead time.",
        closing="Kind regards,", sig=["Peter Kamau", "Maji Solutions Ltd", "Nairobi, Kenya"],
        attachments=[tnef], charset="us-ascii", cte="7bit",
        extra_headers=[("X-MS-Has-Attach", "yes"), ("X-MS-TNEF-Correlator", "<00000000AB12@maji-solutions.co.ke>")],
        kind="inquiry", language="en",
        facts=F(products=["QJ-4500/2"], quantities=[Q(30, "pcs")], incoterm="CIF",
                incoterm_place="Mombasa", destination_port="Mombasa"),
        covers=["application/ms-tnef winmail.dat", "ccTLD co.ke"])

    # S/MIME signed inquiry from Switzerland.
    meier = ("Urs Meier", "urs.meier@hydro-bern.ch")
    inq = add("smime-signed-inquiry-ch",
              frm=meier, to=STAFF["anna"],
              subject="Anfrage Druckerhöhungsanlage mit CDL-32-50",
              text="Grüezi Frau Schmidt\n\n"
                   "Für eine Druckerhöhungsanlage benötigen wir 6 Stück CDL-32-50 mit Frequenzumrichter. "
                   "Bitte senden Sie uns ein Angebot EXW Ihr Werk sowie die Lieferzeit in Wochen.",
              closing="Freundliche Grüsse", sig=["Urs Meier", "Hydro Bern AG"],
              cte="quoted-printable", signed_by="smime",
              kind="inquiry", language="de",
              facts=F(products=["CDL-32-50"], quantities=[Q(6, "pcs")], incoterm="EXW",
                      incoterm_place="Ihr Werk"),
              covers=["multipart/signed S/MIME", "Swiss German (ss for ß)", "EXW with a named place"])

    add("our-reply-promises-offer",
        folder="Sent", frm=STAFF["anna"], to=meier, tz=8,
        subject="AW: Anfrage Druckerhöhungsanlage mit CDL-32-50",
        text="Grüezi Herr Meier\n\n"
             "vielen Dank für Ihre Anfrage. Wir senden Ihnen unser Angebot bis morgen Mittag.",
        closing="Freundliche Grüsse", sig=["Anna Schmidt", "Acme Pumps Co., Ltd."],
        history=("outlook-de", q(meier, STAFF["anna"], inq["when"], inq["subject"], inq["text"])),
        in_reply_to=inq["msgid"], references=[inq["msgid"]],
        kind="reply",
        covers=["outbound reply that only mentions an offer (quotation marker word)"])

    # PGP/MIME signed reply.
    erik = ("Erik Lindqvist", "erik@nordic-pumps.se")
    add("pgp-signed-reply-thunderbird",
        frm=erik, to=li,
        subject="Re: Spare parts for XP-200",
        text="Hello Li,\n\n"
             "Thanks for the list. Please add 20 mechanical seals MS-35 to the order and send us the "
             "updated invoice.",
        closing="Best regards,", sig=["Erik Lindqvist", "Nordic Pumps AB"],
        history=("thunderbird-en", q(li, erik, nov(3, 10, 0, 8), "Spare parts for XP-200",
                                     signed_text("Hello Erik,\n\nattached is the list of spare parts for the XP-200.",
                                                 "Best regards,", ["Li Wei"]))),
        signed_by="pgp", cte="quoted-printable",
        in_reply_to="20261103.spares.erik@example.com",
        kind="reply", language="en",
        covers=["multipart/signed PGP", "Thunderbird English attribution", "ccTLD .se, English text"])

    # A forwarded inquiry as message/rfc822, with a note from the agent.
    okello = ("Joseph Okello", "j.okello@kampala-water.co.ug")
    grace = ("Grace Wanjiru", "grace@eastafrica-agencies.co.ke")
    inner = add_inner(okello, grace, "Inquiry for sewage pumps WQ-50-15",
                      "Dear Grace,\n\nWe need 24 sewage pumps WQ-50-15 for the Nakivubo project. Please get us "
                      "a price from your supplier in China.\n\nRegards,\nJoseph Okello",
                      nov(2, 8, 0, 3))
    add("forward-rfc822-with-note",
        frm=grace, to=li, tz=3,
        subject="Fwd: Inquiry for sewage pumps WQ-50-15",
        text="Dear Li Wei,\n\n"
             "Please see below an inquiry from our client in Kampala. Kindly send us your best price "
             "CIF Mombasa; they need 24 pcs of WQ-50-15 before the end of the year.",
        closing="Best regards,", sig=["Grace Wanjiru", "East Africa Agencies"],
        attachments=[inner],
        kind="inquiry", language="en",
        facts=F(products=["WQ-50-15"], quantities=[Q(24, "pcs")], incoterm="CIF",
                incoterm_place="Mombasa", destination_port="Mombasa"),
        covers=["message/rfc822 forward", "note above the forwarded message"])

    # A forward with no note at all: the content is the forwarded message.
    rafael = ("Rafael Souza", "rafael@aguasdovale.com.br")
    eng = ("Engenharia Águas do Vale", "engenharia@aguasdovale.com.br")
    inner_text = ("Prezados,\n\nSolicitamos cotação para 40 peças da bomba XP-350, CIF Santos, com prazo de "
                  "entrega de 60 dias.")
    inner = add_inner(eng, rafael, "Solicitação de cotação - bombas XP-350",
                      signed_text(inner_text, "Atenciosamente,", ["Engenharia", "Águas do Vale S.A."]),
                      nov(2, 7, 30, -3))
    add("forward-rfc822-no-note",
        frm=rafael, to=STAFF["carlos"], tz=-3,
        subject="Fwd: Solicitação de cotação - bombas XP-350",
        text=inner_text,
        body_part=multipart("mixed", [inner], "=_fwd_nonote"),
        kind="inquiry", language="pt",
        facts=F(products=["XP-350"], quantities=[Q(40, "pcs")], incoterm="CIF",
                incoterm_place="Santos", destination_port="Santos",
                delivery_time="60 dias", delivery_days=60),
        covers=["message/rfc822 forward without any text of its own"])

    # Inline forwards: Gmail and Outlook.
    rashid = ("Rashid Al-Balushi", "rashid@gulf-agents.ae")
    salim = ("Salim Al-Harthy", "salim@muscat-contracting.om")
    original = signed_text("Dear Rashid,\n\nFor the Sohar desalination project we need 16 pcs of "
                           "CDL-32-50 pumps. Please find a good supplier.", "Regards,", ["Salim"])
    fwd = ("---------- Forwarded message ---------\n"
           "From: %s <%s>\nDate: Mon, 2 Nov 2026 at 08:12\nSubject: Pumps for Sohar project\n"
           "To: Rashid <%s>\n\n%s") % (salim[0], salim[1], rashid[1], original)
    text = ("Hi Omar,\n\n"
            "Forwarding an inquiry from a contractor in Muscat. They need 16 pcs of CDL-32-50, CFR Sohar. "
            "Please quote by Thursday.")
    add("forward-inline-gmail",
        frm=rashid, to=STAFF["omar"], tz=4,
        subject="Fwd: Pumps for Sohar project",
        text=text, plain_text=signed_text(text, "Thanks,", ["Rashid"]) + "\n\n" + fwd + "\n",
        structure="plain",
        kind="inquiry", language="en",
        facts=F(products=["CDL-32-50"], quantities=[Q(16, "pcs")], incoterm="CFR",
                incoterm_place="Sohar", destination_port="Sohar"),
        covers=["Gmail ---------- Forwarded message ---------", "ccTLD .ae, English text"])

    lucia = ("Lucía Romero", "lromero@hidroandes.cl")
    minera = ("Jorge Soto", "jsoto@minera-pampa.cl")
    text = ("Carlos, te reenvío la solicitud de nuestro cliente minero. Necesitan 8 juegos de CDL-32-50, "
            "CIF Antofagasta, con entrega en 6 semanas.")
    orig = signed_text("Lucía:\n\nPara la planta concentradora necesitamos 8 juegos de bombas CDL-32-50 "
                       "con tablero de control. ¿Nos puedes cotizar?", "Saludos,", ["Jorge Soto"])
    add("forward-inline-outlook-rv",
        frm=lucia, to=STAFF["carlos"], tz=-3,
        subject="RV: Pedido de bombas para Antofagasta",
        text=text,
        closing="Saludos,", sig=["Lucía Romero", "Hidroandes SpA"],
        history=("outlook-es", q(minera, lucia, nov(2, 8, 0, -3), "Pedido de bombas para Antofagasta", orig)),
        charset="iso-8859-1", cte="quoted-printable",
        kind="inquiry", language="es",
        facts=F(products=["CDL-32-50"], quantities=[Q(8, "sets")], incoterm="CIF",
                incoterm_place="Antofagasta", destination_port="Antofagasta",
                delivery_time="6 semanas", delivery_days=42),
        covers=["RV: forward prefix", "Outlook De/Enviado el block of a forward", "ccTLD .cl"])

    # multipart/related: a German inquiry with the company logo in the HTML signature.
    weber = ("Jörg Weber", "j.weber@weber-anlagenbau.de")
    add("related-inline-logo-de",
        frm=weber, to=STAFF["sales"],
        subject="Lieferantenanfrage Abwasserpumpen WQ-50-15",
        text="Sehr geehrte Damen und Herren,\n\n"
             "wir suchen einen Lieferanten für Abwasserpumpen WQ-50-15. Jahresbedarf: ca. 300 Stück. "
             "Bitte senden Sie uns Ihre Preisliste und die Lieferbedingungen (FCA Shanghai).",
        closing="Mit freundlichen Grüßen", sig=["Jörg Weber", "Weber Anlagenbau GmbH & Co. KG"],
        structure="related", inline_images=[logo("logo.weber@weber-anlagenbau.de")],
        cte="quoted-printable",
        kind="inquiry", language="de",
        facts=F(products=["WQ-50-15"], quantities=[Q(300, "pcs")], incoterm="FCA",
                incoterm_place="Shanghai"),
        covers=["multipart/alternative with multipart/related", "inline image (Content-ID)"])

    zhao = ("赵刚", "zhaogang@jxquanshui-pump.cn")
    add("related-inline-photo-zh",
        frm=zhao, to=STAFF["li_zh"], tz=8,
        subject="采购多级泵CDL-32-50",
        text="李经理：\n\n"
             "您好，附图是我们现场旧泵的铭牌。我们需要同等规格的CDL-32-50立式多级泵10套，请报EXW价格并告知交期。",
        closing="谢谢！", sig=["赵刚", "江西泉水泵业有限公司"],
        structure="html-related", inline_images=[logo("nameplate001@jxquanshui-pump.cn", (120, 120, 120))],
        cte="base64",
        kind="inquiry", language="zh",
        facts=F(products=["CDL-32-50"], quantities=[Q(10, "sets")], incoterm="EXW"),
        covers=["multipart/related without a text part", "inline photo", "套", "EXW without a place"])

    # Inbound inquiry with two PDF attachments.
    mehta = ("Rahul Mehta", "rahul.mehta@aquatech-india.co.in")
    inq = add("mixed-pdf-attachments-inbound",
              frm=mehta, to=STAFF["sales"], tz=5.5,
              subject="Enquiry with drawing - XP-500 pumps for cooling water",
              text="Dear Sir,\n\n"
                   "Please find attached the drawing and datasheet for our cooling water project. We require "
                   "12 nos. XP-500 pumps with SS316 impellers, CIF Nhava Sheva.\n\n"
                   "Kindly submit your offer by 10 November.",
              closing="Thanks & Regards,", sig=["Rahul Mehta", "AquaTech India Pvt. Ltd.", "Mumbai"],
              attachments=[pdf("Drawing_CW-Pump_Rev2.pdf", "Drawing CW pump rev 2", ["XP-500", "SS316"]),
                           pdf("Datasheet.pdf", "Datasheet", ["Flow 120 m3/h", "Head 32 m"])],
              kind="inquiry", language="en",
              facts=F(products=["XP-500", "SS316"], quantities=[Q(12, "pcs")], incoterm="CIF",
                      incoterm_place="Nhava Sheva", destination_port="Nhava Sheva"),
              covers=["multipart/mixed with two PDFs", "12 nos.", "Thanks & Regards"])

    add("quote-xlsx-price-list",
        folder="Sent", frm=li, to=mehta, tz=8,
        subject="RE: Enquiry with drawing - XP-500 pumps for cooling water",
        text="Dear Mr. Mehta,\n\n"
             "Please find attached our price list for the XP-500 series with SS316 impellers. All "
             "prices are CIF Nhava Sheva.",
        closing="Best regards,", sig=sig_li,
        history=("outlook-en", q(mehta, STAFF["sales"], inq["when"], inq["subject"], inq["text"])),
        in_reply_to=inq["msgid"], references=[inq["msgid"]],
        attachments=[xlsx("Price_List_XP-500_2026.xlsx", [["Model", "Impeller", "USD"],
                                                          ["XP-500", "SS316", 980]])],
        kind="quote",
        facts=F(products=["XP-500", "SS316"], incoterm="CIF", incoterm_place="Nhava Sheva",
                destination_port="Nhava Sheva"),
        covers=["quote as an XLSX price list, no marker word in the text"])

    # A purchase order PDF and nothing else.
    add("attachment-only-no-text",
        frm=("João Silva", "joao.silva@irrigabrasil.com.br"), to=STAFF["carlos"], tz=-3,
        subject="Pedido de compra PO-4471",
        text="",
        body_part=multipart("mixed", [pdf("PO-4471.pdf", "Pedido de compra PO-4471",
                                          ["XP-200 250 pecas USD 398,00 CIF Santos"])], "=_po_only"),
        in_reply_to="20261103.ct0311.silva@example.com",
        kind="reply", language="pt",
        covers=["no text part at all", "language from the ccTLD when there is no text"])

    # An empty text/plain next to the real HTML.
    pieter = ("Pieter van der Merwe", "pieter@karoo-boreholes.co.za")
    text = ("Good morning,\n\n"
            "We are looking for 45 pcs of QJ-4500/2 submersible pumps for farm boreholes. Please quote "
            "CIF Durban.")
    add("alternative-empty-plain-part",
        frm=pieter, to=STAFF["sales"], tz=2,
        subject="Borehole pumps QJ-4500/2 for Karoo farms",
        text=text, closing="Kind regards", sig=["Pieter"],
        structure="alternative", plain_text="\n", cte="quoted-printable",
        kind="inquiry", language="en",
        facts=F(products=["QJ-4500/2"], quantities=[Q(45, "pcs")], incoterm="CIF",
                incoterm_place="Durban", destination_port="Durban"),
        covers=["multipart/alternative whose text/plain is blank", "ccTLD co.za"])


def add_inner(frm, to, subject, text, when):
    """A message/rfc822 part holding a whole earlier message."""
    raw = ("From: %s\r\nTo: %s\r\nSubject: %s\r\nDate: %s\r\nMessage-ID: <%s@%s>\r\n"
           "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=\"utf-8\"\r\n"
           "Content-Transfer-Encoding: quoted-printable\r\n\r\n") % (
               address_value([frm], None, "utf-8"), address_value([to], None, "utf-8"),
               header_text(subject, None, "utf-8"), rfc5322_date(when),
               hashlib.sha1(subject.encode()).hexdigest()[:12], frm[1].split("@")[1])
    body = raw.encode("ascii") + qp_encode(text.encode("utf-8")) + b"\r\n"
    return Part([("Content-Type", "message/rfc822"),
                 ("Content-Disposition", "attachment")], body)


# =====================================================================
# Headers and charsets, reply styles, odd ones
# =====================================================================

def corpus_headers_and_styles():
    li = STAFF["li"]
    li_zh = STAFF["li_zh"]

    # Raw UTF-8 in From and Subject (no encoded-words), as some webmails send.
    zhang = ("张伟", "zhangwei@shuiwu-tech.cn")
    add("undeclared-8bit-utf8-headers",
        frm=zhang, to=li_zh, tz=8,
        subject="求购潜水泵QJ-4500/2，数量200台",
        text="您好，\n\n我们需要潜水泵QJ-4500/2，数量200台，CFR 雅加达。请尽快报价。",
        closing="祝好", sig=["张伟"],
        subject_enc=("raw", "utf-8"), name_enc=("raw", "utf-8"),
        kind="inquiry", language="zh",
        facts=F(products=["QJ-4500/2"], quantities=[Q(200, "units")], incoterm="CFR",
                incoterm_place=["雅加达", "Jakarta"], destination_port="Jakarta"),
        covers=["raw UTF-8 Subject and From"])

    # Raw GBK everywhere and no charset anywhere.
    huang = ("黄先生", "huang@lvyuan-huanbao.com.cn")
    add("undeclared-8bit-gbk-no-charset",
        frm=huang, to=li_zh, tz=8,
        subject="关于WQ-50-15污水泵的询价",
        text="李经理您好：\n\n我们是广州的一家环保公司，需要WQ-50-15污水泵30台，请报FOB广州价格。",
        closing="此致\n敬礼", sig=["黄先生"],
        subject_enc=("raw", "gbk"), name_enc=("raw", "gbk"),
        body_part=leaf("text/plain", encode(signed_text(
            "李经理您好：\n\n我们是广州的一家环保公司，需要WQ-50-15污水泵30台，请报FOB广州价格。",
            "此致\n敬礼", ["黄先生"]) + "\n", "gbk"), "8bit"),
        kind="inquiry", language="zh",
        facts=F(products=["WQ-50-15"], quantities=[Q(30, "units")], incoterm="FOB",
                incoterm_place=["广州", "Guangzhou"]),
        covers=["raw GBK Subject and From", "text/plain without charset, 8-bit GBK body"])

    # Raw Latin-1 subject: only the body declares its charset.
    krause = ("Bernd Krause", "b.krause@kraus-wasser.de")
    add("undeclared-8bit-latin1-subject",
        frm=krause, to=STAFF["anna"],
        subject="Anfrage Ersatzteile für XP-200 Pumpen",
        text="Guten Tag,\n\n"
             "wir benötigen Ersatzteile für unsere XP-200 Pumpen: Gleitringdichtung MS-35: 40 Stück, "
             "Laufrad LR-200: 20 Stück. Bitte senden Sie uns Preise und Lieferzeit.",
        closing="Mit freundlichen Grüßen", sig=["Bernd Krause", "Kraus Wasser GmbH"],
        subject_enc=("raw", "iso-8859-1"), charset="iso-8859-1", cte="quoted-printable",
        kind="inquiry", language="de",
        facts=F(products=["XP-200", "MS-35", "LR-200"], quantities=[Q(40, "pcs"), Q(20, "pcs")]),
        covers=["raw ISO-8859-1 Subject (undeclared 8-bit, not UTF-8)"])

    # A UTF-8 character split across two adjacent B encoded-words.
    tanaka = ("田中一郎", "tanaka@osaka-suido.co.jp")
    add("split-multibyte-encoded-words",
        frm=tanaka, to=STAFF["kenji"], tz=9,
        subject="ポンプ部品の追加注文について",
        text="佐藤様\n\n"
             "いつもお世話になっております。大阪水道の田中です。\n"
             "メカニカルシールMS-35を50個追加で注文したいのですが、納期を教えてください。",
        closing="よろしくお願いいたします。", sig=["田中"],
        subject_enc=("split", "utf-8", 7), cte="base64",
        kind="inquiry", language="ja",
        facts=F(products=["MS-35"], quantities=[Q(50, "pcs")]),
        covers=["adjacent B words splitting a UTF-8 character", "base64"])

    # windows-1252 bytes (curly quotes, euro, dash) labelled ISO-8859-1.
    oneill = ("Sarah O'Neill", "sarah.oneill@irishwater-supplies.ie")
    add("latin1-declared-cp1252-bytes",
        frm=oneill, to=li, tz=0,
        subject="Price request - XP-200 ready to ship",
        text="Hi Li,\n\n"
             "Could you send me a price for 25 pcs of XP-200 “ready to ship” – CIF Dublin? Our budget "
             "is €380 per piece.",
        closing="Kind regards,", sig=["Sarah O'Neill", "Irish Water Supplies"],
        charset="windows-1252", declared="iso-8859-1", cte="8bit",
        kind="inquiry", language="en",
        facts=F(products=["XP-200"], quantities=[Q(25, "pcs")], incoterm="CIF", incoterm_place="Dublin",
                prices=[P("EUR", 380, "pcs")], destination_port="Dublin"),
        covers=["ISO-8859-1 declared, windows-1252 bytes (0x80-0x9F)", "ccTLD .ie"])

    # Inline answers below quoted questions (bottom-posting).
    mike = ("Mike Johnson", "mike@pumpsdirect.com.au")
    add("bottom-posted-inline-answers",
        frm=mike, to=li, tz=10,
        subject="Re: XP-200 spare impellers",
        text="Stainless steel, please.\n\n20 pieces for now, maybe 50 next year.",
        plain_text="Li Wei wrote:\n> Do you need the impellers in cast iron or stainless steel?\n\n"
                   "Stainless steel, please.\n\n> How many pieces?\n\n"
                   "20 pieces for now, maybe 50 next year.\n\nCheers,\nMike\n",
        in_reply_to="20261103.impellers.mike@example.com",
        kind="reply", language="en",
        covers=["bottom-posted answers between quoted lines"])

    # Quoted lines with no attribution.
    linda = ("Linda Chen", "linda.chen@watersolutions.sg")
    add("quote-only-no-attribution",
        frm=linda, to=li, tz=8,
        subject="Re: Lead time for QJ-4500/2",
        text="Hi Li Wei,\n\nThanks. 25 days is fine for us; please go ahead with the production.",
        closing="Regards,", sig=["Linda"],
        history=("quote-only", q(li, linda, nov(3, 9, 0, 8), "Lead time for QJ-4500/2",
                                 signed_text("Hi Linda,\n\nThe lead time for 120 pcs QJ-4500/2 is 25 days.",
                                             "Best regards,", ["Li Wei"]))),
        in_reply_to="20261103.leadtime.linda@example.com",
        kind="reply", language="en",
        covers=["> quoted history without an attribution line", "ccTLD .sg"])

    khan = ("Ahmed Khan", "ahmed.khan@karachi-pumps.com.pk")
    add("gmail-attribution-wrapped",
        frm=khan, to=li, tz=5,
        subject="Re: Price list 2027",
        text="Dear Li Wei,\n\n"
             "Thank you for the updated price list. We will place the order for the first container "
             "next week.",
        closing="Best regards,", sig=["Ahmed Khan", "Karachi Pumps (Pvt) Ltd"],
        history=("gmail-en-wrapped", q(li, khan, nov(3, 8, 30, 8), "Price list 2027",
                                       signed_text("Dear Ahmed,\n\nplease find our price list for 2027 attached.",
                                                   "Best regards,", ["Li Wei"]))),
        in_reply_to="20261103.pricelist.khan@example.com",
        kind="reply", language="en",
        covers=["Gmail attribution wrapped over two lines"])

    kwame = ("Kwame Mensah", "kwame_mensah@yahoo.com")
    add("yahoo-reply-no-references",
        frm=kwame, to=li, tz=0,
        subject="Re: Price for QJ-4500/2",
        text="Hello Li,\n\n"
             "I received your price, thank you. I will transfer the deposit for 50 pcs on Friday.",
        closing="Regards,", sig=["Kwame"],
        history=("yahoo-en", q(li, kwame, nov(3, 7, 45, 8), "Price for QJ-4500/2",
                               signed_text("Hello Kwame,\n\nthe price for QJ-4500/2 is USD 262/pc FOB Ningbo.",
                                           "Best regards,", ["Li Wei"]))),
        kind="reply", language="en",
        covers=["Re: subject without In-Reply-To or References", "Yahoo attribution, unprefixed quote"])

    # A long tender: the snippet is cut at 300 characters.
    add("long-tender-snippet-cut",
        frm=("Procurement Team", "tenders@aquaworks-ghana.com.gh"), to=STAFF["sales"], tz=0,
        subject="Tender AW/2026/44: supply of pumps for Kumasi water project",
        text="Dear Sir/Madam,\n\n"
             "AquaWorks Ghana Ltd invites you to submit a quotation for the supply of the following "
             "items for the Kumasi water supply project:\n\n"
             "1. Centrifugal pump XP-500, 24 sets\n"
             "2. Submersible pump QJ-4500/2, 60 pcs\n"
             "3. Mechanical seal MS-35, 120 pcs\n\n"
             "Prices must be quoted in USD, CIF Tema. Delivery time: not later than 8 weeks after "
             "contract signature. Please state your MOQ and the validity of your offer.\n\n"
             "Bids must reach us by 20 November 2026.",
        closing="Yours faithfully,", sig=["Procurement Team", "AquaWorks Ghana Ltd", "Accra"],
        cte="quoted-printable",
        kind="inquiry", language="en",
        facts=F(products=["XP-500", "QJ-4500/2", "MS-35"],
                quantities=[Q(24, "sets"), Q(60, "pcs"), Q(120, "pcs")], incoterm="CIF",
                incoterm_place="Tema", destination_port="Tema",
                delivery_time="not later than 8 weeks after contract signature", delivery_days=56),
        covers=["new text longer than 300 characters", "numbered list", "tender number"])

    horvat = ("Ivan Horvat", "ivan.horvat@vodotehnika.hr")
    inq = add("signature-dash-dash-no-closing",
              frm=horvat, to=li,
              subject="Question about XP-350 motor",
              text="Hello,\n\n"
                   "does the XP-350 come with a premium efficiency motor as standard? We need it for a "
                   "tender in Split.",
              sig=["Ivan Horvat", "Vodotehnika d.o.o.", "Zagreb, Croatia"], sig_sep=True,
              kind="inquiry", language="en",
              facts=F(products=["XP-350"]),
              covers=["-- signature separator, no closing", "ccTLD .hr, English text"])

    add("our-reply-with-catalogue",
        folder="Sent", frm=li, to=horvat, tz=8,
        subject="RE: Question about XP-350 motor",
        text="Hello Ivan,\n\n"
             "yes, the XP-350 comes with an IE3 motor as standard. I attach our product catalogue with "
             "the motor data.",
        closing="Best regards,", sig=sig_li_en(),
        history=("outlook-en", q(horvat, li, inq["when"], inq["subject"], inq["text"])),
        in_reply_to=inq["msgid"], references=[inq["msgid"]],
        attachments=[pdf("Acme_Pumps_Catalogue_2026.pdf", "Catalogue 2026", ["XP-350 IE3 motor"])],
        kind="reply",
        covers=["outbound reply with a catalogue PDF (not a quotation)"])

    wolf = ("Stefan Wolf", "s.wolf@wolf-industrietechnik.de")
    add("english-inquiry-from-de-domain",
        frm=wolf, to=STAFF["sales"],
        subject="Inquiry: booster sets with CDL-32-50",
        text="Dear Sirs,\n\n"
             "we are looking for a supplier of booster sets for our customers in the Middle East. Could "
             "you send us your price for 10 sets of CDL-32-50, FOB Ningbo, and the delivery time?",
        closing="Best regards", sig=["Stefan Wolf", "Wolf Industrietechnik GmbH"],
        kind="inquiry", language="en",
        facts=F(products=["CDL-32-50"], quantities=[Q(10, "sets")], incoterm="FOB",
                incoterm_place="Ningbo"),
        covers=["English text from a .de domain"])

    add("short-reply-language-from-cctld",
        frm=("Klaus Becker", "k.becker@wassertechnik-becker.de"), to=STAFF["anna"],
        subject="AW: Datenblatt Gleitringdichtung",
        text="Danke, erhalten.",
        history=("outlook-de", q(STAFF["anna"], ("Klaus Becker", "k.becker@wassertechnik-becker.de"),
                                 nov(3, 15, 0, 8), "Datenblatt Gleitringdichtung",
                                 signed_text("Sehr geehrter Herr Becker,\n\nanbei das Datenblatt der "
                                             "Gleitringdichtung.", "Mit freundlichen Grüßen", ["Anna Schmidt"]))),
        in_reply_to="20261103.datenblatt.becker@example.com",
        kind="reply", language="de",
        covers=["two-word reply: language from the .de domain"])

    carter = ("John Carter", "john.carter@aquaflow.co.uk")
    add("quote-proforma-invoice",
        folder="Sent", frm=li, to=carter, tz=8,
        subject="PI-2026-118 for 200 pcs XP-200",
        text="Dear John,\n\n"
             "As requested, please find attached our Proforma Invoice No. PI-2026-118 for 200 pcs XP-200 "
             "at USD 410.00/pc, CIF Felixstowe. Please arrange the 30% deposit to the bank account shown "
             "on the PI.",
        closing="Best regards,", sig=sig_li_en(),
        attachments=[pdf("PI-2026-118.pdf", "Proforma Invoice PI-2026-118", ["200 pcs XP-200 USD 410.00"])],
        kind="quote",
        facts=F(products=["XP-200"], quantities=[Q(200, "pcs")], incoterm="CIF",
                incoterm_place="Felixstowe", prices=[P("USD", 410, "pcs")],
                destination_port="Felixstowe", reference="PI-2026-118"),
        covers=["Proforma Invoice No.", "quote that starts its own thread"])

    hannah = ("Hannah Schultz", "hannah@greenfield-farms.com.au")
    add("format-flowed",
        frm=hannah, to=li, tz=10,
        subject="Order: XP-200 for our irrigation system",
        text="Hi,\n\n"
             "we'd like to order 15 pcs of the XP-200 pump for our irrigation \n"
             "system, CIF Brisbane. Please send the proforma invoice.",
        closing="Cheers,", sig=["Hannah"],
        plain_params="; format=flowed; delsp=no",
        kind="inquiry", language="en",
        facts=F(products=["XP-200"], quantities=[Q(15, "pcs")], incoterm="CIF",
                incoterm_place="Brisbane", destination_port="Brisbane"),
        covers=["format=flowed soft line breaks"])

    budi = ("Budi Santoso", "budi@tirta-jaya.co.id")
    add("no-date-no-message-id",
        frm=budi, to=STAFF["sales"], tz=7,
        subject="Price inquiry XP-200",
        text="Dear Sales Team,\n\n"
             "Please send us your price for 100 units XP-200, CIF Surabaya. We also need the catalogue.",
        closing="Best regards,", sig=["Budi Santoso", "PT Tirta Jaya"],
        no_date=True, no_msgid=True,
        kind="inquiry", language="en",
        facts=F(products=["XP-200"], quantities=[Q(100, "units")], incoterm="CIF",
                incoterm_place="Surabaya", destination_port="Surabaya"),
        covers=["no Date, no Message-ID", "ccTLD co.id, English text"])

    zhou = ("周磊", "zhoulei@hz-water.com")
    add("chinese-reply-english-outlook",
        frm=zhou, to=li, tz=8,
        subject="RE: XP-500 pump curve",
        text="Li Wei 你好，\n\n收到曲线图了，谢谢。我们客户还想要XP-500的噪音测试数据，方便的话请一起发过来。",
        closing="祝好", sig=["周磊"],
        history=("outlook-en", q(li, zhou, nov(3, 9, 0, 8), "XP-500 pump curve",
                                 signed_text("Hi Zhou Lei,\n\nattached is the pump curve of the XP-500.",
                                             "Best regards,", ["Li Wei"]))),
        in_reply_to="20261103.curve.zhou@example.com",
        kind="reply", language="zh",
        covers=["Chinese text with an English Outlook header block", "gTLD .com"])

    # Ours, not a customer's: an internal note and our own mail copied to the inbox.
    add("internal-between-colleagues",
        frm=STAFF["anna"], to=li, tz=8,
        subject="Stock XP-350 for Becker",
        text="Li, can you check whether we still have 40 pcs of XP-350 in stock for Wassertechnik "
             "Becker? They want to order this month.",
        closing="Thanks,", sig=["Anna"],
        kind="internal", direction="out",
        covers=["internal mail in INBOX: From is ours, no outside party"])

    add("own-message-cc-in-inbox",
        frm=STAFF["carlos"], to=("Javier García", "jgarcia@riegosdelsur.es"), cc=[STAFF["sales"]], tz=8,
        subject="Confirmación de embarque - pedido XP-200",
        text="Estimado Javier:\n\n"
             "Le confirmamos que su pedido de 300 unidades saldrá de Ningbo el 20 de noviembre. Le "
             "enviaremos el B/L en cuanto lo tengamos.",
        closing="Saludos cordiales,", sig=["Carlos Ruiz", "Acme Pumps Co., Ltd."],
        kind="reply", direction="out",
        covers=["our own message, copied to sales@, found in INBOX"])

    # Two more buyers: Portugal and Argentina.
    add("pt-pt-inquiry-portugal",
        frm=("Rui Ferreira", "rui.ferreira@hidrotejo.pt"), to=STAFF["carlos"], tz=0,
        subject="Pedido de proposta - bombas WQ-50-15",
        text="Exmos. Senhores,\n\n"
             "Solicitamos a V. Exas. proposta para 20 unidades da bomba WQ-50-15, CIF Leixões. Prazo de "
             "entrega pretendido: 30 dias.",
        closing="Com os melhores cumprimentos,", sig=["Rui Ferreira", "Hidrotejo, Lda."],
        charset="iso-8859-1", cte="quoted-printable",
        kind="inquiry", language="pt",
        facts=F(products=["WQ-50-15"], quantities=[Q(20, "units")], incoterm="CIF",
                incoterm_place=["Leixões", "Leixoes"], destination_port=["Leixoes", "Leixões"],
                delivery_time="30 dias", delivery_days=30),
        covers=["European Portuguese", "ccTLD .pt", "Com os melhores cumprimentos"])

    add("es-ar-inquiry-related-logo",
        frm=("Martín Gómez", "mgomez@bombeosdelplata.com.ar"), to=STAFF["carlos"], tz=-3,
        subject="Cotización bombas XP-350 - Buenos Aires",
        text="Estimados:\n\n"
             "Necesitamos cotización de 12 unidades de la bomba XP-350, CIF Buenos Aires. Por favor "
             "indiquen también el plazo de entrega.",
        closing="Saludos cordiales,", sig=["Martín Gómez", "Bombeos del Plata S.R.L."],
        structure="related", inline_images=[logo("firma.bdp@bombeosdelplata.com.ar", (0, 120, 60))],
        cte="quoted-printable",
        kind="inquiry", language="es",
        facts=F(products=["XP-350"], quantities=[Q(12, "units")], incoterm="CIF",
                incoterm_place="Buenos Aires", destination_port="Buenos Aires"),
        covers=["ccTLD com.ar", "multipart/related logo", "two-word named place"])


def corpus_more():
    """More client styles and structures across the languages."""
    li = STAFF["li"]

    carter = ("John Carter", "john.carter@aquaflow.co.uk")
    prev = signed_text("Dear John,\n\nthe RAL 5015 paint is possible at no extra cost. The PI will follow today.",
                       "Best regards,", ["Li Wei"])
    add("en-reply-outlook-html-only",
        frm=carter, to=li, tz=0,
        subject="RE: PI-2026-118 for 200 pcs XP-200",
        text="Hi Li,\n\n"
             "Great, thank you. The deposit was paid this morning; I will send you the bank slip as soon "
             "as I have it.",
        closing="Kind regards,", sig=["John Carter", "Procurement Manager", "AquaFlow Engineering Ltd"],
        history=("outlook-line-en", q(li, carter, nov(4, 9, 0, 8), "PI-2026-118 for 200 pcs XP-200", prev)),
        structure="html", cte="quoted-printable",
        in_reply_to="20261104.pi118.carter@example.com",
        kind="reply", language="en",
        covers=["HTML-only Outlook reply with the From/Sent block in HTML"])

    disclaimer = ("CONFIDENTIALITY NOTICE: This e-mail and any attachments are confidential and intended "
                  "solely for the addressee. If you have received this e-mail in error, please notify the "
                  "sender immediately and delete it. Any unauthorised use, disclosure or copying is "
                  "strictly prohibited. E-mail transmission cannot be guaranteed to be secure or error-free.")
    add("en-inquiry-legal-disclaimer",
        frm=("Olivia Brown", "o.brown@coastal-utilities.co.nz"), to=STAFF["sales"], tz=13,
        subject="Enquiry for WQ-50-15 sewage pumps",
        text="Good afternoon,\n\n"
             "Coastal Utilities is upgrading three wastewater pump stations. Please provide a quotation for "
             "9 pcs of WQ-50-15, CIF Auckland, with your earliest delivery date.",
        closing="Kind regards,", sig=["Olivia Brown", "Senior Buyer", "Coastal Utilities Ltd", "", disclaimer],
        cte="quoted-printable",
        kind="inquiry", language="en",
        facts=F(products=["WQ-50-15"], quantities=[Q(9, "pcs")], incoterm="CIF",
                incoterm_place="Auckland", destination_port="Auckland"),
        covers=["long legal disclaimer below the signature", "ccTLD co.nz"])

    yilmaz = ("Ahmet Yılmaz", "ahmet.yilmaz@anadolu-pompa.com.tr")
    olga = STAFF["olga"]
    add("tr-reply-outlook-kimden",
        frm=yilmaz, to=olga, tz=3,
        subject="RE: Teklif No. TK-2026-0415 - XP-200 pompa",
        text="Olga Hanım merhaba,\n\n"
             "Proforma faturayı aldık, teşekkür ederiz. Avans ödemesini yarın yapacağız.",
        closing="Saygılarımla,", sig=["Ahmet Yılmaz", "Anadolu Pompa"],
        history=("outlook-tr", q(olga, yilmaz, nov(4, 10, 0, 8), "Teklif No. TK-2026-0415 - XP-200 pompa",
                                 signed_text("Sayın Ahmet Bey,\n\nproforma faturamız ektedir.",
                                             "Saygılarımla,", ["Olga Ivanova"]))),
        charset="iso-8859-9", cte="quoted-printable",
        in_reply_to="20261104.tk0415.yilmaz@example.com",
        kind="reply", language="tr",
        covers=["Outlook Kimden/Gönderildi block"])

    an = ("Nguyễn Văn An", "an.nguyen@thanhphat-pump.com.vn")
    add("vi-reply-english-outlook",
        frm=an, to=STAFF["mai"], tz=7,
        subject="RE: Báo giá số BG-2026-0118 - máy bơm XP-200",
        text="Chào chị Mai,\n\n"
             "Bên em đã nhận được hợp đồng. Em sẽ ký và gửi lại cho chị trong ngày mai.",
        closing="Trân trọng,", sig=["Nguyễn Văn An"],
        history=("outlook-orig-en", q(STAFF["mai"], an, nov(4, 9, 30, 8), "Báo giá số BG-2026-0118 - máy bơm XP-200",
                                      signed_text("Chào anh An,\n\nEm gửi anh hợp đồng cho 50 chiếc XP-200.",
                                                  "Trân trọng,", ["Mai"]))),
        cte="base64",
        in_reply_to="20261104.bg0118.an@example.com",
        kind="reply", language="vi",
        covers=["Vietnamese text with an English -----Original Message----- block"])

    add("ru-inquiry-docx-rfc2047-filename",
        frm=("Дмитрий Соколов", "d.sokolov@vodokanal-stroy.ru"), to=olga, tz=3,
        subject="Запрос КП на насосы CDL-32-50",
        text="Ольга, добрый день!\n\n"
             "Во вложении техническое задание. Нам нужны насосы CDL-32-50 в количестве 18 комплектов, "
             "поставка CIF Новороссийск, срок поставки 8 недель.",
        closing="С уважением,", sig=["Дмитрий Соколов", "ООО «Водоканал-Строй»"],
        charset="windows-1251", cte="base64", subject_enc=("B", "windows-1251"),
        attachments=[attachment("Техническое задание.docx",
                                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                                fake_xlsx([["ТЗ", "CDL-32-50", 18]]), "rfc2047")],
        kind="inquiry", language="ru",
        facts=F(products=["CDL-32-50"], quantities=[Q(18, "sets")], incoterm="CIF",
                incoterm_place=["Новороссийск", "Novorossiysk"], destination_port="Novorossiysk",
                delivery_time="8 недель", delivery_days=56),
        covers=["RFC 2047 encoded filename", "комплектов", "windows-1251 base64"])

    add("ar-inquiry-html-rtl-gmail",
        frm=("فهد العتيبي", "fahad.alotaibi.sa@gmail.com"), to=STAFF["omar"], tz=3,
        subject="طلب تسعير مضخات CDL-32-50",
        text="السلام عليكم ورحمة الله،\n\n"
             "نرغب في الحصول على عرض سعر لعدد 20 طقم من المضخات CDL-32-50، بشرط التسليم CIF جدة، "
             "مع توضيح مدة التوريد.",
        closing="مع أطيب التحيات،", sig=["فهد العتيبي"],
        structure="html", html_lang="ar", cte="base64",
        kind="inquiry", language="ar",
        facts=F(products=["CDL-32-50"], quantities=[Q(20, "sets")], incoterm="CIF",
                incoterm_place=["جدة", "Jeddah"], destination_port="Jeddah"),
        covers=["Arabic HTML only", "gmail.com", "طقم"])

    lopez = ("María Fernanda López", "mflopez@aguasandinas.com.co")
    add("es-reply-gmail-html-only",
        frm=lopez, to=STAFF["carlos"], tz=-5,
        subject="Re: Cotización bombas sumergibles QJ-4500/2 - Buenaventura",
        text="Carlos, buenas tardes:\n\n"
             "La gerencia aprobó la compra. Le envío la orden de compra el lunes, por favor reserve la "
             "producción para diciembre.",
        closing="Cordialmente,", sig=["María Fernanda López"],
        history=("gmail-es", q(STAFF["carlos"], lopez, nov(4, 9, 0, 8),
                               "Re: Cotización bombas sumergibles QJ-4500/2 - Buenaventura",
                               signed_text("Estimada María Fernanda:\n\nen cada contenedor caben 280 bombas.",
                                           "Saludos cordiales,", ["Carlos Ruiz"]))),
        structure="html", entities=True, cte="quoted-printable",
        in_reply_to="20261104.cot.lopez@example.com",
        kind="reply", language="es",
        covers=["Gmail HTML only: gmail_quote and blockquote", "Cordialmente"])

    lee = ("이지은", "jieun.lee@naver.com")
    add("ko-reply-hoesin-no-references",
        frm=lee, to=STAFF["soojin"], tz=9,
        subject="회신: 수중펌프 QJ-4500/2 가격 문의",
        text="김수진 님,\n\n발주서를 첨부하였습니다. 확인 후 회신 부탁드립니다.",
        closing="감사합니다.", sig=["이지은"],
        attachments=[pdf("발주서_QJ-4500-2.pdf", "PO QJ-4500/2", ["QJ-4500/2 50 pcs"], "rfc2231")],
        charset="euc-kr", cte="base64", subject_enc=("B", "euc-kr"),
        kind="reply", language="ko",
        covers=["회신: prefix without In-Reply-To", "RFC 2231 UTF-8 Korean filename"])

    weber = ("Jörg Weber", "j.weber@weber-anlagenbau.de")
    add("de-reply-gmail-schrieb",
        frm=weber, to=STAFF["anna"],
        subject="Re: Lieferantenanfrage Abwasserpumpen WQ-50-15",
        text="Hallo Frau Schmidt,\n\n"
             "danke für die Preisliste. Können Sie uns zwei Musterpumpen per Luftfracht schicken? Die "
             "Kosten übernehmen wir.",
        closing="Viele Grüße", sig=["Jörg Weber"],
        history=("gmail-de", q(STAFF["anna"], weber, nov(4, 8, 0, 8), "Lieferantenanfrage Abwasserpumpen WQ-50-15",
                               signed_text("Sehr geehrter Herr Weber,\n\nanbei unsere Preisliste für die WQ-50-15.",
                                           "Mit freundlichen Grüßen", ["Anna Schmidt"]))),
        structure="alternative", cte="quoted-printable",
        in_reply_to="20261104.wq.weber@example.com",
        kind="reply", language="de",
        covers=["Gmail German Am … schrieb … <…>:"])

    add("pl-reply-gmail-napisal",
        frm=("Anna Wiśniewska", "anna.wisniewska@wp.pl"), to=olga,
        subject="Re: Pytanie o pompę zatapialną QJ-4500/2",
        text="Dzień dobry,\n\n"
             "dziękuję za szybką odpowiedź. Zamawiam 25 sztuk, proszę o przesłanie faktury proforma.",
        closing="Pozdrawiam,", sig=["Anna Wiśniewska"],
        history=("gmail-pl", q(olga, ("Anna Wiśniewska", "anna.wisniewska@wp.pl"), nov(4, 9, 0, 8),
                               "Pytanie o pompę zatapialną QJ-4500/2",
                               signed_text("Dzień dobry,\n\ncena pompy QJ-4500/2 wynosi USD 266/szt., FOB Szanghaj.",
                                           "Z poważaniem,", ["Olga Ivanova"]))),
        cte="quoted-printable",
        in_reply_to="20261104.qj.wisniewska@example.com",
        kind="reply", language="pl",
        covers=["Gmail Polish … napisał(a):"])

    sun = ("孙丽", "sunli.trade@gmail.com")
    add("zh-reply-gmail-yu-xiedao",
        frm=sun, to=STAFF["li_zh"], tz=8,
        subject="Re: ISG-80-160管道泵报价",
        text="李经理：\n\n收到报价，谢谢！我们下周一确认订单数量，到时候再跟您联系。",
        closing="祝好", sig=["孙丽"],
        history=("gmail-zh", q(STAFF["li_zh"], sun, nov(4, 9, 30, 8), "ISG-80-160管道泵报价",
                               signed_text("孙女士您好：\n\nISG-80-160单价人民币2800元/台，含税含运费。",
                                           "祝好！", ["李伟"]))),
        cte="base64",
        in_reply_to="20261104.isg.sun@example.com",
        kind="reply", language="zh",
        covers=["Gmail Chinese 于…写道：", "gmail.com"])

    fahad = ("فهد العتيبي", "fahad.alotaibi.sa@gmail.com")
    add("ar-reply-gmail-arabic-ui",
        frm=fahad, to=STAFF["omar"], tz=3,
        subject="Re: طلب تسعير مضخات CDL-32-50",
        text="أستاذ عمر،\n\nشكراً على الرد السريع. سنؤكد الطلب خلال هذا الأسبوع بعد موافقة الإدارة.",
        closing="مع أطيب التحيات،", sig=["فهد العتيبي"],
        history=("gmail-ar", q(STAFF["omar"], fahad, nov(4, 10, 0, 8), "طلب تسعير مضخات CDL-32-50",
                               signed_text("السيد فهد المحترم،\n\nسعر المضخة CDL-32-50 هو 1180 دولار أمريكي للطقم.",
                                           "مع أطيب التحيات،", ["عمر حداد"]))),
        structure="alternative", cte="base64",
        in_reply_to="20261104.cdl.fahad@example.com",
        kind="reply", language="ar",
        covers=["Gmail Arabic في … كتب … :"])


def sig_li_en():
    return ["Li Wei", "Sales Manager", "Acme Pumps Co., Ltd.", "Tel: +86 574 8888 0000"]


# =====================================================================
# Writing
# =====================================================================

def build():
    del MESSAGES[:]
    corpus_en()
    corpus_de()
    corpus_es()
    corpus_pt()
    corpus_fr()
    corpus_ru()
    corpus_ar()
    corpus_zh()
    corpus_tw()
    corpus_ja()
    corpus_ko()
    corpus_it()
    corpus_tr()
    corpus_pl()
    corpus_vi()
    corpus_reports()
    corpus_bulk()
    corpus_structures()
    corpus_headers_and_styles()
    corpus_more()
    return MESSAGES


def outputs():
    files = {}
    for name, raw, exp in build():
        files[name + ".eml"] = raw
        files[name + ".json"] = (json.dumps(exp, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    return files


def is_generated(name):
    return len(name) > 4 and name[:3].isdigit() and name[3] == "-" and name.endswith((".eml", ".json"))


def main(argv):
    check = "--check" in argv[1:]
    files = outputs()
    existing = {n for n in os.listdir(HERE) if is_generated(n)}
    differ = []
    for name, data in sorted(files.items()):
        path = os.path.join(HERE, name)
        old = None
        if os.path.exists(path):
            with open(path, "rb") as f:
                old = f.read()
        if old != data:
            differ.append(name)
            if not check:
                with open(path, "wb") as f:
                    f.write(data)
    stale = sorted(existing - set(files))
    for name in stale:
        differ.append(name)
        if not check:
            os.remove(os.path.join(HERE, name))
    n = len(files) // 2
    size = sum(len(d) for d in files.values())
    if check:
        for name in differ:
            print("differs: %s" % name)
        print("%d messages, %d bytes; %d file(s) differ" % (n, size, len(differ)))
        return 1 if differ else 0
    print("%d messages, %d bytes; %d file(s) written or removed" % (n, size, len(differ)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
