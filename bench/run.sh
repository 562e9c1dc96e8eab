#!/bin/sh
# `make bench`: followupd against peers on the same mailbox, in the same run.
#
#   fetch:  followupd --once (fetch + parse + classify + store)
#           vs mbsync (isync) copying the same folder to a Maildir (fetch + write)
#   parse:  followup reparse (parse + classify + store, no network)
#           vs notmuch new indexing that Maildir (parse + index)
#
# Each run is repeated BENCH_RUNS times (default 3) and the median reported:
# wall time, messages per second, peak RSS and the ratio to each peer.
# Needs: apt-get install isync notmuch time (see .ci/packages for the rest).
# BENCH_MESSAGES=N changes the mailbox size (default 3000).
#
# `sh bench/run.sh facts` (after `make`) times facts_extract() alone instead:
# bench/facts_bench.c, built here against build/release, over generated
# inquiries like the mailbox's and over tests/data/corpus/*.eml.
#
# `sh bench/run.sh search` (after `make`) times `followup search` on a
# generated store: bench/search_bench.c, BENCH_MESSAGES messages (default
# 200000) written straight into SQLite, indexed, then each query's p50.
TOP=$(cd "$(dirname "$0")/.." && pwd)

if [ "${1:-}" = search ]; then
	B=$TOP/build/release
	PKGS="glib-2.0 gmime-3.0 sqlite3 inih libpsl jansson libxml-2.0 libzstd libexttextcat libical"
	cc -std=c11 -D_GNU_SOURCE -O2 -g -Wall -Wextra -Wformat=2 -Werror -Wshadow \
		-Wstrict-prototypes -Wmissing-prototypes -I"$TOP" $(pkg-config --cflags $PKGS) \
		-o "$B/search_bench" "$TOP/bench/search_bench.c" "$B/libstore.a" "$B/librules.a" \
		"$B/libclassify.a" "$B/libparsers.a" "$B/liblib.a" "$B/libdata.a" \
		$(pkg-config --libs $PKGS) -lm || exit 1
	dir=$(mktemp -d "${TMPDIR:-/tmp}/followup-search-bench.XXXXXX")
	"$B/search_bench" -n "${BENCH_MESSAGES:-200000}" "$dir/bench.db"
	rc=$?
	ls -l "$dir/bench.db" | awk '{ printf "store file: %.0f MB\n", $5 / 1048576 }'
	rm -rf "$dir"
	exit $rc
fi

if [ "${1:-}" = facts ]; then
	B=$TOP/build/release
	PKGS="gmime-3.0 libpsl jansson libxml-2.0 libzstd libexttextcat"
	cc -std=c11 -D_GNU_SOURCE -O2 -g -Wall -Wextra -Wformat=2 -Werror -Wshadow \
		-Wstrict-prototypes -Wmissing-prototypes -I"$TOP" $(pkg-config --cflags $PKGS) \
		-o "$B/facts_bench" "$TOP/bench/facts_bench.c" "$B/librules.a" "$B/libparsers.a" \
		"$B/libdata.a" $(pkg-config --libs $PKGS) || exit 1
	exec "$B/facts_bench" "$TOP"/tests/data/corpus/*.eml
fi
. "$TOP/tests/integration/lib.sh"
N=${BENCH_MESSAGES:-3000}

for tool in mbsync notmuch /usr/bin/time; do
	command -v "$tool" >/dev/null 2>&1 || { echo "bench: $tool is missing (apt-get install isync notmuch time)"; exit 1; }
done
start_dovecot || { echo "bench: Dovecot did not start"; exit 1; }

"$PY" - "$T/mail" "$N" <<'PYEOF'
import base64, json, os, random, sys
out, n = sys.argv[1], int(sys.argv[2])
os.makedirs(out)
rnd = random.Random(42)
words = ("pump valve flange quotation price delivery FOB CIF Ningbo Hamburg order sample "
         "stainless steel pressure DN50 DN100 pieces container payment terms").split()
manifest = []
for i in range(n):
    body = " ".join(rnd.choice(words) for _ in range(rnd.randint(40, 400)))
    parts = "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + body + "\r\n"
    if i % 10 == 0:   # one in ten carries a 60 KB attachment
        att = base64.encodebytes(bytes(rnd.getrandbits(8) for _ in range(60000))).decode()
        parts = ('Content-Type: multipart/mixed; boundary="b"\r\n\r\n--b\r\n' + parts +
                 '--b\r\nContent-Type: application/pdf; name="PI-%d.pdf"\r\n'
                 'Content-Transfer-Encoding: base64\r\n\r\n%s--b--\r\n' % (i, att))
    raw = ("From: Buyer %d <buyer%d@customer%d.com>\r\nTo: sales@example.com\r\n"
           "Subject: Inquiry %d: %s\r\nDate: %02d Oct 2026 10:%02d:00 +0000\r\n"
           "Message-ID: <bench-%d@customer%d.com>\r\nMIME-Version: 1.0\r\n%s"
           % (i, i, i % 200, i, rnd.choice(words), 1 + i % 28, i % 60, i, i % 200, parts))
    name = "%05d.eml" % i
    open(os.path.join(out, name), "w").write(raw)
    manifest.append({"folder": "INBOX", "file": name, "internaldate": "2026-10-%02dT10:00:00+00:00" % (1 + i % 28)})
json.dump(manifest, open(os.path.join(out, "manifest.json"), "w"))
PYEOF
imaptool load "$T/mail/manifest.json" || exit 1
size=$(du -sk "$T/dovecot/mail" | cut -f1)
CONF=$T/followup.conf
write_config "$CONF"
sed -i 's/^folders = INBOX, Sent$/folders = INBOX/; /^sent-folders/d' "$CONF"

RUNS=${BENCH_RUNS:-3}
# measure LABEL RESET COMMAND...: RUNS times (RESET, a shell command, runs
# before each), appends "label seconds maxrss_kb" of the median run.
measure() {
	label=$1; reset=$2; shift 2
	: > "$T/runs"
	i=0
	while [ $i -lt "$RUNS" ]; do
		sh -c "$reset"
		/usr/bin/time -f "%e %M" -o "$T/time.out" "$@" >"$T/$label.log" 2>&1 ||
			{ echo "bench: $label failed:"; tail -5 "$T/$label.log"; exit 1; }
		cat "$T/time.out" >> "$T/runs"; [ -n "${BENCH_VERBOSE:-}" ] && echo "$label: $(cat "$T/time.out")"
		i=$((i + 1))
	done
	echo "$label $(sort -n "$T/runs" | sed -n "$(( (RUNS + 1) / 2 ))p")" >> "$T/results"
}

mkdir -p "$T/maildir"
# FSync off: followupd fsyncs only at WAL checkpoints (synchronous=NORMAL).
cat > "$T/mbsyncrc" <<RC
FSync no

IMAPAccount bench
Host 127.0.0.1
Port $IMAP_PORT
User sales@example.com
Pass $TEST_PASSWORD
SSLType None
AuthMechs LOGIN PLAIN

IMAPStore remote
Account bench

MaildirStore local
Path $T/maildir/
Inbox $T/maildir/INBOX

Channel bench
Far :remote:
Near :local:
Patterns INBOX
Sync Pull
Create Near
SyncState $T/mbsync-state/
RC
mkdir -p "$T/mbsync-state"
: > "$T/results"
measure followupd-fetch "rm -f $T/followup.db*" "$BIN/followupd" -c "$CONF" --once
measure mbsync-fetch "rm -rf $T/maildir/* $T/mbsync-state/*" \
	mbsync -c "$T/mbsyncrc" bench
# Every run must have done the whole job, or its figure means nothing.
got=$(find "$T/maildir" -type f \( -path '*/new/*' -o -path '*/cur/*' \) | wc -l)
[ "$got" = "$N" ] || { echo "bench: mbsync copied $got of $N messages"; cat "$T/mbsync-fetch.log"; exit 1; }
got=$("$BIN/followup" -c "$CONF" stats --json | "$PY" -c 'import json,sys; print(json.load(sys.stdin)[0]["messages"])')
[ "$got" = "$N" ] || { echo "bench: followupd filed $got of $N messages"; exit 1; }
printf '[database]\npath=%s\n[new]\ntags=new\n[maildir]\nsynchronize_flags=false\n' "$T/maildir" > "$T/notmuch-config"
measure notmuch-index "rm -rf $T/maildir/.notmuch" env NOTMUCH_CONFIG="$T/notmuch-config" notmuch new
measure followup-reparse true "$BIN/followup" -c "$CONF" reparse

"$PY" - "$T/results" "$N" "$size" <<'PYEOF'
import sys
rows = {l.split()[0]: (float(l.split()[1]), int(l.split()[2])) for l in open(sys.argv[1])}
n, size = int(sys.argv[2]), int(sys.argv[3])
print("mailbox: %d messages, %.1f MiB in Dovecot's Maildir" % (n, size / 1024))
print("%-18s %9s %10s %10s" % ("run", "seconds", "msg/s", "peak RSS"))
for k, (sec, rss) in rows.items():
    print("%-18s %9.2f %10.0f %8.1f MB" % (k, sec, n / sec if sec else 0, rss / 1024))
def ratio(a, b, what):
    (ta, ra), (tb, rb) = rows[a], rows[b]
    print("%s: time %.2fx, memory %.2fx (%s / %s; below 1 means followup is faster/smaller)" % (what, ta / tb, ra / rb, a, b))
ratio("followupd-fetch", "mbsync-fetch", "fetch")
ratio("followup-reparse", "notmuch-index", "parse")
PYEOF
