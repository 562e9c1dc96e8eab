#!/bin/sh
# Safe to print: mail whose subject, From name, text, HTML part and
# attachment names carry terminal escape sequences (OSC 0 title, OSC 52
# clipboard, CSI 2J) and raw C1 controls, as 8bit, quoted-printable,
# base64 and RFC 2047 encoded-words, goes through a real Dovecot and
# followupd; what `followup` prints of it, as text or JSON, holds no ESC
# byte and no C1 control, while ordinary German and Chinese text, tabs and
# line breaks are printed as they are.
. "$(dirname "$0")/lib.sh"

start_dovecot || { not_ok "dovecot starts"; exit 1; }
"$PY" - "$T/mail" <<'PYEOF'
import base64, json, os, sys
out = sys.argv[1]
os.makedirs(out)
ESC, BEL = "\x1b", "\x07"
OSC0 = ESC + "]0;owned" + BEL                     # sets the window title
OSC52 = ESC + "]52;c;cm0gLXJmIH4K" + BEL          # writes the clipboard
CLEAR = ESC + "[2J"
C1 = "\u009b2J \u009d0;c1-title\u009c"            # CSI and OSC as C1 characters

def b64word(text):
    return "=?UTF-8?B?%s?=" % base64.b64encode(text.encode()).decode()

def qpword(text):
    return "=?UTF-8?Q?%s?=" % "".join(
        c if c.isalnum() else "".join("=%02X" % b for b in c.encode()) for c in text)

def qp(text):
    return "".join(c if c.isalnum() or c in " .,:" else "".join("=%02X" % b for b in c.encode())
                   for c in text)

def head(mid, sender, subject, extra=""):
    return ("From: %s\r\nTo: sales@example.com\r\nSubject: %s\r\n"
            "Date: Mon, 16 Nov 2026 09:00:00 +0000\r\nMessage-ID: <%s>\r\nMIME-Version: 1.0\r\n%s"
            % (sender, subject, mid, extra))

msgs = {}
# Raw 8bit everywhere: the header fields and the text carry the bytes as they are.
# (followupd files header fields on one line, controls as spaces; a bidi
# override is no control to it and stays.)
msgs["8bit"] = (head("esc-8bit@gmail.com", '"Eve \u202eevE %s%s" <eve.buyer@gmail.com>' % (OSC0, C1),
                     "Inquiry \u202egpj.exe %s%s pumps %s" % (CLEAR, OSC52, C1),
                     "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n")
                + "\r\nDear sales,\r\n%s%s please quote %s\r\nline two\r\n" % (OSC0, CLEAR, C1)).encode()
# A lone byte 0x9B (CSI to an 8-bit terminal) in the subject and the text.
msgs["lonebyte"] = (head("esc-lonebyte@hostile-one.com", "Lone <lone@hostile-one.com>",
                         "Price \x9b2J list",
                         "Content-Type: text/plain; charset=UTF-8\r\n").encode("latin-1")
                    + b"\r\nQuote \x9b" + b"31m red \x9d0;t\x9c please\r\n")
# Encoded-words (B and Q), a quoted-printable text, and attachments whose
# names are an encoded-word and an RFC 2231 value.
msgs["qp"] = (head("esc-qp@hostile-one.com",
                   "%s <mallory@hostile-one.com>" % b64word("Mallory " + OSC52 + C1),
                   qpword("Offer " + OSC0 + CLEAR + C1),
                   'Content-Type: multipart/mixed; boundary="b1"\r\n')
              + "\r\n--b1\r\nContent-Type: text/plain; charset=UTF-8\r\n"
                "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
              + qp("Please quote " + OSC0 + OSC52 + CLEAR + C1 + " today.") + "\r\n"
              + "--b1\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n"
                "Content-Disposition: attachment; filename=\"%s\"\r\n\r\nJVBERi0xLjQK\r\n"
                % b64word("invoice" + OSC0 + "\u202efdp.exe")
              + "--b1\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n"
                "Content-Disposition: attachment; filename*=UTF-8''%s\r\n\r\nJVBERi0xLjQK\r\n"
                % "".join("%%%02X" % b for b in ("spec" + OSC52 + "\u009b.pdf").encode())
              + "--b1--\r\n").encode()
# An HTML-only message in base64, escapes written raw and as character references.
html = ("<html><body><p>Hello %s %s</p><p>&#27;]0;ref-title&#7; &#x1b;[2J &#155;31m "
        "&#x9d;0;x&#x9c; price</p></body></html>" % (OSC0, C1))
msgs["html"] = (head("esc-html@hostile-one.com", "Html <html@hostile-one.com>",
                     b64word("HTML " + CLEAR + C1),
                     "Content-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n")
                + "\r\n" + base64.encodebytes(html.encode()).decode().replace("\n", "\r\n")).encode()
# A base64 text.
msgs["b64"] = (head("esc-b64@hostile-one.com", "B64 <b64@hostile-one.com>", "Base64 text",
                    "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n")
               + "\r\n" + base64.encodebytes(("Need " + OSC52 + CLEAR + C1 + " pumps\n").encode())
               .decode().replace("\n", "\r\n")).encode()
# And ordinary mail, printed as it is: German, Chinese, tabs, line breaks.
msgs["ordinary"] = (head("ordinary@kunde.de", "Hans Müller <hans.mueller@kunde.de>",
                         b64word("Anfrage: Pumpe für Ölförderung 询价"),
                         "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n")
                    + "\r\nSehr geehrte Damen und Herren,\r\n\r\nMenge:\t200 Stück\r\n"
                      "Preis:\tFOB Ningbo\r\n您好，我们需要报价。\r\n").encode()
manifest = []
for name, raw in sorted(msgs.items()):
    with open(os.path.join(out, name + ".eml"), "wb") as f:
        f.write(raw)
    manifest.append({"folder": "INBOX", "file": name + ".eml", "internaldate": "2026-11-16T09:00:00+00:00"})
json.dump(manifest, open(os.path.join(out, "manifest.json"), "w"))
PYEOF
check "Dovecot takes the messages" imaptool load "$T/mail/manifest.json"
CONF=$T/followup.conf
write_config "$CONF"
FU="$BIN/followup -c $CONF"
check "followupd --once files them" sh -c \
	"'$BIN/followupd' -c '$CONF' --once --log-level debug 2> '$T/daemon.log'"

# safe FILE: no byte ESC; valid UTF-8, so no raw byte 0x80-0x9F outside a
# character; no C1 control, bidi control or other C0 control than tab and
# line feed.
safe() {
	"$PY" - "$1" <<'PYEOF'
import sys
data = open(sys.argv[1], "rb").read()
assert data, "no output"
assert b"\x1b" not in data, "ESC at byte %d" % data.index(b"\x1b")
text = data.decode("utf-8")
bad = [(i, hex(ord(c))) for i, c in enumerate(text)
       if (ord(c) < 0x20 and c not in "\t\n") or 0x7f <= ord(c) <= 0x9f
       or 0x202a <= ord(c) <= 0x202e or 0x2066 <= ord(c) <= 0x2069]
assert not bad, "controls at %s" % bad[:10]
PYEOF
}

check "followupd's own log of them is safe too" safe "$T/daemon.log"

# printed FILE ARGS...: `followup ARGS` exits 0 and what it prints (in
# FILE) is safe.
printed() {
	file=$1
	shift
	$FU "$@" > "$file" 2> "$file.err" || { echo "exit $?:"; cat "$file.err"; return 1; }
	safe "$file"
}

# Every command, as text and as JSON.
for id in esc-8bit@gmail.com esc-lonebyte@hostile-one.com esc-qp@hostile-one.com \
	esc-html@hostile-one.com esc-b64@hostile-one.com; do
	check "show $id: no ESC, C1 or bidi control" printed "$T/show-$id.txt" show "$id"
	check "show --json $id: no ESC, C1 or bidi control" printed "$T/show-$id.json" show "$id" --json
done
for cmd in "timeline eve.buyer@gmail.com" "timeline hostile-one.com" threads customers stats \
	"customer show eve.buyer@gmail.com" "customer show hostile-one.com"; do
	name=$(echo "$cmd" | tr ' @' '--')
	check "$cmd: no ESC, C1 or bidi control" printed "$T/$name.txt" $cmd
	check "$cmd --json: no ESC, C1 or bidi control" printed "$T/$name.json" $cmd --json
done

# What was there is shown, not dropped.
check "show makes the escapes of a text visible: ^[ and <U+009B>" sh -c "
	grep -qF '^[]0;owned^G^[[2J please quote <U+009B>2J <U+009D>0;c1-title<U+009C>' \
		'$T/show-esc-8bit@gmail.com.txt' &&
	grep -qF 'Please quote ^[]0;owned^G^[]52;c;' '$T/show-esc-qp@hostile-one.com.txt' &&
	grep -qF 'Need ^[]52;c;' '$T/show-esc-b64@hostile-one.com.txt' &&
	grep -qF '<U+009B>31m <U+009D>0;x<U+009C> price' '$T/show-esc-html@hostile-one.com.txt'"
check "…and a bidi override in a subject, a name and a file name as <U+202E>" sh -c "
	grep -qF 'Subject:     Inquiry <U+202E>gpj.exe [2J ]52;c;' '$T/show-esc-8bit@gmail.com.txt' &&
	grep -qF 'Inquiry <U+202E>gpj.exe' '$T/threads.txt' &&
	grep -qF '<U+202E>evE' '$T/customers.txt' &&
	grep -qF '<U+202E>evE' '$T/customer-show-eve.buyer-gmail.com.txt' &&
	grep -qF '<U+202E>fdp.exe' '$T/show-esc-qp@hostile-one.com.txt'"
check "show --json keeps the text: a JSON reader gets it back" \
	jcheck "$T/show-esc-8bit@gmail.com.json" \
	'"\x1b]0;owned\x07\x1b[2J please quote \u009b2J" in j[0]["body"] and "\u202egpj.exe" in j[0]["subject"]'
check "…and the attachment names" jcheck "$T/show-esc-qp@hostile-one.com.json" \
	'any("\u202e" in a["filename"] for a in j[0]["attachments"])'

# The spreadsheets export writes keep the text and stay valid files: the
# workbook opens (libxlsxwriter writes control characters as _x001B_),
# the CSV reads back with the subject's escapes and bidi override in it.
check "export timeline hostile-one.com --xlsx: a workbook openpyxl opens" sh -c "
	$FU export timeline hostile-one.com --xlsx '$T/hostile.xlsx' > /dev/null &&
	'$PY' -c 'import openpyxl,sys; ws=openpyxl.load_workbook(sys.argv[1]).worksheets[0]; sys.exit(0 if ws.max_row > 2 else 1)' '$T/hostile.xlsx'"
check "export timeline eve.buyer@gmail.com --csv: the text kept, CRLF rows" sh -c "
	$FU export timeline eve.buyer@gmail.com --csv '$T/eve.csv' > /dev/null &&
	'$PY' -c 'import csv,io,sys; b=open(sys.argv[1],\"rb\").read(); rows=list(csv.reader(io.StringIO(b[3:].decode(),newline=\"\"))); sys.exit(0 if any(\"\\u202egpj.exe\" in r[4] for r in rows) and b.count(b\"\\n\") >= len(rows) else 1)' '$T/eve.csv'"

# Ordinary text is printed as it is.
$FU show ordinary@kunde.de > "$T/ordinary.txt"
check "show prints German, Chinese, tabs and line breaks unchanged" "$PY" -c "
t = open('$T/ordinary.txt', encoding='utf-8').read()
assert 'Subject:     Anfrage: Pumpe für Ölförderung 询价\n' in t, t
assert 'From:        Hans Müller <hans.mueller@kunde.de>\n' in t, t
assert '\n\nSehr geehrte Damen und Herren,\n\nMenge:\t200 Stück\nPreis:\tFOB Ningbo\n您好，我们需要报价。' in t, t
"
$FU timeline kunde.de > "$T/ordinary-timeline.txt"
check "timeline prints them unchanged" grep -qF 'Anfrage: Pumpe für Ölförderung 询价' "$T/ordinary-timeline.txt"
$FU show ordinary@kunde.de --json > "$T/ordinary.json"
check "show --json keeps them readable (UTF-8, not escapes)" sh -c "
	grep -qF 'Anfrage: Pumpe für Ölförderung 询价' '$T/ordinary.json' &&
	grep -qF 'Menge:\\t200 Stück' '$T/ordinary.json'"
