#!/bin/sh
# Memory per message: syncing one 40 MB message costs followupd less than
# twice its size above what syncing one small message costs (the same
# binary, the same Dovecot, in the same run: a bound, not a timing).
. "$(dirname "$0")/lib.sh"

start_dovecot || { not_ok "dovecot starts"; exit 1; }
"$PY" - "$T" <<'PYEOF'
import base64, os, sys
out = sys.argv[1]
def msg(mid, payload):
    att = base64.encodebytes(payload).decode().replace("\n", "\r\n")
    return ("From: Buyer <buyer@kunde.de>\r\nTo: sales@example.com\r\nSubject: Zeichnungen %s\r\n"
            "Date: Tue, 24 Nov 2026 09:30:00 +0800\r\nMessage-ID: <%s@kunde.de>\r\n"
            "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=XX\r\n\r\n"
            "--XX\r\nContent-Type: text/plain\r\n\r\nAnbei die Zeichnungen.\r\n--XX\r\n"
            "Content-Type: application/octet-stream\r\nContent-Disposition: attachment; "
            "filename=z.bin\r\nContent-Transfer-Encoding: base64\r\n\r\n%s--XX--\r\n"
            % (mid, mid, att))
open(os.path.join(out, "small.eml"), "w").write(msg("small", os.urandom(8 * 1024)))
open(os.path.join(out, "big.eml"), "w").write(msg("big", os.urandom(30 * 1024 * 1024)))
PYEOF
CONF=$T/followup.conf
write_config "$CONF"
sed -i 's|^folders = .*|folders = INBOX|; /^sent-folders/d' "$CONF"

# peak_kb: followupd --once's peak RSS in KiB, on a fresh store.
peak_kb() {
	rm -f "$T"/followup.db*
	"$PY" -c '
import resource, subprocess, sys
rc = subprocess.run(sys.argv[1:]).returncode
if rc != 0:
    sys.exit("followupd exited %d" % rc)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)' "$BIN/followupd" -c "$CONF" --once
}
imaptool append INBOX "$T/small.eml" 2026-11-24T09:30:00+08:00
small=$(peak_kb 2>"$T/small.log")
check "a small message is filed (peak ${small} KiB)" test -n "$small"
imaptool append INBOX "$T/big.eml" 2026-11-24T09:31:00+08:00
big=$(peak_kb 2>"$T/big.log")
size_kb=$(( $(wc -c < "$T/big.eml") / 1024 ))
check "a ${size_kb} KiB message is filed (peak ${big} KiB)" test -n "$big"
check "…costing less than twice its size more than the small one ($(( big - small )) KiB)" \
	test $(( big - small )) -lt $(( 2 * size_kb ))
check "…and it is whole on the timeline" sh -c \
	"'$BIN/followup' -c '$CONF' show big@kunde.de --json | grep -q '\"filename\": \"z.bin\"'"
