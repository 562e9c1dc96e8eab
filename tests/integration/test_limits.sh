#!/bin/sh
# Limits, not crashes: hostile and huge messages delivered through a real
# Dovecot are each filed (cut or header-only where a limit says so), the
# folder is never blocked, and followupd stays up.
. "$(dirname "$0")/lib.sh"

if ! start_dovecot; then
	not_ok "dovecot starts"
	exit 1
fi
"$PY" - "$T/hostile" <<'PYEOF'
import base64, json, os, sys
out = sys.argv[1]
os.makedirs(out)
def head(mid, subject, extra=""):
    return ("From: Hostile <evil@hostile-buyer.com>\r\nTo: sales@example.com\r\n"
            "Subject: %s\r\nDate: Mon, 16 Nov 2026 09:00:00 +0000\r\nMessage-ID: <%s@hostile-buyer.com>\r\n"
            "MIME-Version: 1.0\r\n%s" % (subject, mid, extra))
msgs = {}
# 1,000-deep nested multiparts
body = "deep text\r\n"
for i in range(1000):
    body = 'Content-Type: multipart/mixed; boundary="d%d"\r\n\r\n--d%d\r\n%s\r\n--d%d--\r\n' % (i, i, body, i)
msgs["deep"] = head("deep", "deep nesting") + body
# 100,000 parts
parts = "".join("--p\r\nContent-Type: text/plain\r\n\r\npart %d\r\n" % i for i in range(100000))
msgs["parts"] = head("parts", "many parts", 'Content-Type: multipart/mixed; boundary="p"\r\n') + "\r\n" + parts + "--p--\r\n"
# a 2 MB header line
msgs["longheader"] = head("longheader", "long header", "X-Long: " + "a" * (2 * 1024 * 1024) + "\r\n") + "\r\nbody\r\n"
# bare CR line endings
msgs["barecr"] = head("barecr", "bare CR").replace("\r\n", "\r") + "\rline one\rline two\r"
# missing final boundary, truncated base64
msgs["truncated"] = head("truncated", "truncated", 'Content-Type: multipart/mixed; boundary="t"\r\n') + \
    "\r\n--t\r\nContent-Type: text/plain\r\n\r\nhello\r\n--t\r\nContent-Type: application/pdf\r\n" \
    "Content-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQKJ=\r\nAAAB"
# a wrong boundary
msgs["wrongboundary"] = head("wrongboundary", "wrong boundary", 'Content-Type: multipart/mixed; boundary="right"\r\n') + \
    "\r\n--wrong\r\nContent-Type: text/plain\r\n\r\nlost?\r\n--wrong--\r\n"
# invalid UTF-8 everywhere
msgs["badutf8"] = ("From: \xff\xfe Bad <bad@hostile-buyer.com>\r\nTo: sales@example.com\r\nSubject: \xc3\x28 \xed\xa0\x80\r\n"
                   "Date: Mon, 16 Nov 2026 09:00:00 +0000\r\nMessage-ID: <badutf8@hostile-buyer.com>\r\n"
                   "Content-Type: text/plain; charset=utf-8\r\n\r\n\xc0\xaf \xf8\x88\x80\x80\x80 body\r\n")
# a big attachment (over the test's 8M max-message-size): header only
att = base64.encodebytes(os.urandom(12 * 1024 * 1024)).decode()
msgs["huge"] = head("huge", "huge attachment", 'Content-Type: multipart/mixed; boundary="h"\r\n') + \
    "\r\n--h\r\nContent-Type: text/plain\r\n\r\nsee attachment\r\n--h\r\nContent-Type: application/zip\r\n" \
    "Content-Transfer-Encoding: base64\r\n\r\n" + att + "--h--\r\n"
# and an ordinary message after them all: the folder is not blocked
msgs["zz-normal"] = head("normal", "normal inquiry") + "Content-Type: text/plain\r\n\r\nPlease quote 10 pumps.\r\n"
manifest = []
for name in sorted(msgs):
    with open(os.path.join(out, name + ".eml"), "wb") as f:
        f.write(msgs[name].encode("latin-1") if name == "badutf8" else msgs[name].encode("utf-8"))
    manifest.append({"folder": "INBOX", "file": name + ".eml", "internaldate": "2026-11-16T09:00:00+00:00"})
json.dump(manifest, open(os.path.join(out, "manifest.json"), "w"))
PYEOF
check "Dovecot takes the hostile messages" imaptool load "$T/hostile/manifest.json"
CONF=$T/followup.conf
write_config "$CONF"
printf '[limits]\nmax-message-size = 8M\n' >> "$CONF"
check "followupd --once files them without failing" "$BIN/followupd" -c "$CONF" --once
cp "$T/check.out" "$T/once.log"
for id in deep parts longheader barecr truncated wrongboundary badutf8 huge normal; do
	check "message <$id> is on the timeline" sh -c \
		"'$BIN/followup' -c '$CONF' show '$id@hostile-buyer.com' --json > '$T/$id.json'"
done
check "the one over max-message-size is stored as its header and logged" \
	sh -c "grep -q 'over the limit of 8388608' '$T/once.log' && grep -q '\"subject\": \"huge attachment\"' '$T/huge.json'"
check "invalid UTF-8 never reaches the JSON" "$PY" -c "
import json,sys
j = json.load(open('$T/badutf8.json', encoding='utf-8'))
assert j[0]['subject'] and j[0]['from'] == 'bad@hostile-buyer.com', j
"
"$BIN/followup" -c "$CONF" timeline hostile-buyer.com --json > "$T/all.json"
check "all nine are one customer's timeline, in order" jcheck "$T/all.json" 'len(j) == 9'
"$BIN/followup" -c "$CONF" stats --json > "$T/stats.json"
check "limit hits are counted in the store" jcheck "$T/stats.json" \
	'j[0]["counters"].get("limit.size") == 1 and j[0]["counters"].get("limit.parts", 0) >= 1 and j[0]["counters"].get("limit.mime-depth", 0) >= 1 and j[0]["counters"].get("limit.header", 0) >= 1'
check "…and each logged once with the message's id" sh -c \
	"grep -c 'parts@hostile-buyer.com> hit the limits' '$T/once.log' | grep -qx 1"
