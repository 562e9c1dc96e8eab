#!/bin/sh
# `make bench` (N=20000) and `make bench N=100000`: followup against its
# peers, side by side on the same generated mailbox in the same run.
# docs/BENCHMARKS.md says what is compared with what and why; this script
# rewrites the part of it between its markers when a run completes
# (BENCH_NO_WRITE=1: print only).
#
#   mailbox:  bench/gen_mailbox.py writes N messages straight into the test
#             Dovecot's Maildir (INBOX and Sent)
#   sync:     followupd -c CONF --once (INBOX, Sent) vs mbsync (both folders)
#   index:    followup reparse vs notmuch new and mu index on mbsync's Maildir
#   poll:     a second followupd --once on the synced store, through
#             bench/tcp_count.py (bytes each way, split at the login)
#   store:    bench/store.sh OUT.json STORE_N when it exists (STORE_N:
#             1,000,000 from N=100000 up, else 5 x N)
#   size:     the store against each message compressed alone with zstd -3
#             plus the search index's pages (SQLite's dbstat)
#
# Runs: BENCH_RUNS (default 3, median) below N=20000, once from 20000 up.
# BENCH_MESSAGES is an old name of N. BENCH_STORE_SCRIPT replaces
# bench/store.sh (to test the harness). Needs the packages of .ci/packages.
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

# Each peer and tool, with the Debian package that brings it.
missing=
for pair in mbsync:isync notmuch:notmuch mu:maildir-utils /usr/bin/time:time zstd:zstd \
	dovecot:dovecot-imapd /usr/bin/python3:python3; do
	command -v "${pair%%:*}" >/dev/null 2>&1 || missing="$missing ${pair#*:}"
done
if [ -n "$missing" ]; then
	echo "bench: missing packages:$missing (apt-get install$missing; all are in .ci/packages)" >&2
	exit 1
fi
[ -x "$TOP/bin/followupd" ] && [ -x "$TOP/bin/followup" ] ||
	{ echo "bench: bin/followupd or bin/followup is missing: run make first" >&2; exit 1; }

N=${N:-${BENCH_MESSAGES:-20000}}
case $N in ''|*[!0-9]*|0) echo "bench: N must be a positive number of messages, not '$N'" >&2; exit 1 ;; esac
if [ "$N" -ge 20000 ]; then RUNS=${BENCH_RUNS:-1}; else RUNS=${BENCH_RUNS:-3}; fi
if [ "$N" -ge 100000 ]; then STORE_N=${STORE_N:-1000000}; else STORE_N=${STORE_N:-$((N * 5))}; fi
STORE_SCRIPT=${BENCH_STORE_SCRIPT:-$TOP/bench/store.sh}
OUT=$TOP/docs/BENCHMARKS.md
started=$(date +%s)

. "$TOP/tests/integration/lib.sh"
# lib.sh's trap stops Dovecot and removes $T on any exit; the relay too.
_relay_pid=
bench_cleanup() {
	stop_pid "$_relay_pid"
	cleanup
}
trap bench_cleanup EXIT
W=$T/bench
mkdir -p "$W"
: > "$W/runs"
fact() { printf '%s %s\n' "$1" "$2" >> "$W/facts"; }
say() { echo "bench: $*"; }
fail() { echo "bench: $*" >&2; exit 1; }

start_dovecot || fail "Dovecot did not start"
MAILDIR=$D/mail/sales@example.com
say "generating $N messages into Dovecot's Maildir"
"$PY" "$TOP/bench/gen_mailbox.py" --summary "$W/gen.json" "$MAILDIR" "$N" || fail "the generator failed"
[ "$(id -u)" = 0 ] && chown -R nobody "$D/mail"

# Dovecot indexes a Maildir the first time a client opens it: open both
# folders once now, so that neither contender pays for it.
"$PY" - "$IMAP_PORT" "$N" <<'PYEOF' || fail "Dovecot does not serve the generated mailbox"
import imaplib, os, sys
m = imaplib.IMAP4("127.0.0.1", int(sys.argv[1]))
m.login("sales@example.com", os.environ["TEST_PASSWORD"])
total = 0
for folder in ("INBOX", "Sent"):
    typ, data = m.select(folder, readonly=True)
    assert typ == "OK", (folder, data)
    total += int(data[0])
    m.fetch("1:*", "(UID FLAGS INTERNALDATE RFC822.SIZE)")
m.logout()
if total != int(sys.argv[2]):
    sys.exit("Dovecot serves %d messages, not %s" % (total, sys.argv[2]))
PYEOF

CONF=$T/followup.conf
write_config "$CONF"

# measure LABEL RESET COMMAND...: one run (RESET, a shell command, first),
# "LABEL wall user sys maxrss_kb" appended to $W/runs.
measure() {
	label=$1; reset=$2; shift 2
	sh -c "$reset" || fail "$label: cannot reset: $reset"
	/usr/bin/time -f "%e %U %S %M" -o "$W/time.out" "$@" >"$W/$label.log" 2>&1 ||
		{ tail -n 20 "$W/$label.log" >&2; fail "$label failed (exit status above)"; }
	echo "$label $(tail -n 1 "$W/time.out")" >> "$W/runs"
	say "$label: $(tail -n 1 "$W/time.out") (wall user sys maxrss_kb)"
}

# mbsync: FSync no, as followupd fsyncs only at WAL checkpoints
# (synchronous=NORMAL); both folders, pulled into a fresh Maildir.
mkdir -p "$T/maildir" "$T/mbsync-state"
cat > "$W/mbsyncrc" <<RC
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
Patterns INBOX Sent
Sync Pull
Create Near
SyncState $T/mbsync-state/
RC

# First sync: the two alternate, so that load on a shared machine falls
# on both alike.
i=0
while [ $i -lt "$RUNS" ]; do
	measure followupd-sync "rm -f $T/followup.db $T/followup.db-wal $T/followup.db-shm" \
		"$BIN/followupd" -c "$CONF" --once
	measure mbsync-sync "rm -rf $T/maildir/* $T/maildir/.[!.]* $T/mbsync-state/*" \
		mbsync -c "$W/mbsyncrc" bench
	i=$((i + 1))
done
# Every run must have done the whole job, or its figure means nothing.
got=$(find "$T/maildir" -type f \( -path '*/new/*' -o -path '*/cur/*' \) | wc -l)
[ "$got" = "$N" ] || { cat "$W/mbsync-sync.log" >&2; fail "mbsync copied $got of $N messages"; }
got=$("$BIN/followup" -c "$CONF" stats --json | "$PY" -c 'import json,sys; print(json.load(sys.stdin)[0]["messages"])')
[ "$got" = "$N" ] || fail "followupd filed $got of $N messages (log: $W/followupd-sync.log)"

# Size: the store as the first sync left it, against each raw message
# compressed alone with zstd -3 plus the search index's pages.
"$PY" - "$T/followup.db" "$MAILDIR" > "$W/size.json" <<'PYEOF' || fail "cannot size the store"
import json, os, sqlite3, subprocess, sys
db, maildir = sys.argv[1], sys.argv[2]
store = sum(os.path.getsize(db + s) for s in ("", "-wal") if os.path.exists(db + s))
c = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
# the FTS5 table's shadow tables (search_data, search_idx, ...) and their indexes
index = c.execute("SELECT coalesce(sum(d.pgsize), 0) FROM dbstat d JOIN sqlite_schema s ON s.name = d.name "
                  "WHERE s.tbl_name = 'search' OR s.tbl_name LIKE 'search\\_%' ESCAPE '\\'").fetchone()[0]
files = [os.path.join(r, f) for r, _, fs in os.walk(maildir) if os.path.basename(r) in ("cur", "new") for f in fs]
raw = sum(os.path.getsize(f) for f in files)
z = 0
for i in range(0, len(files), 500):   # zstd -c of many files: one frame each, compressed alone
    z += len(subprocess.run(["zstd", "-3", "-q", "-c"] + files[i:i + 500], check=True,
                            stdout=subprocess.PIPE).stdout)
print(json.dumps({"store_bytes": store, "search_index_bytes": index, "zstd_bytes": z, "raw_bytes": raw}))
PYEOF

# Idle poll: a second followupd --once on the synced store finds nothing
# new; tcp_count.py between it and Dovecot counts the bytes.
LINK_PORT=$(free_port)
"$PY" "$TOP/bench/tcp_count.py" --listen "$LINK_PORT" --to "$IMAP_PORT" --log "$W/relay.log" \
	--ready "$W/relay.ready" 2>"$W/relay.err" &
_relay_pid=$!
wait_ready tcp_count "$W/relay.ready" "$W/relay.err" || fail "the counting relay did not start"
sed "s|^url = imap://127.0.0.1:$IMAP_PORT|url = imap://127.0.0.1:$LINK_PORT|" "$CONF" > "$W/poll.conf"
grep -q ":$LINK_PORT" "$W/poll.conf" || fail "cannot point the config at the relay"
chmod 600 "$W/poll.conf"
: > "$W/poll.json"
POLLS=$((RUNS > 5 ? RUNS : 5))
i=0
while [ $i -lt $POLLS ]; do
	: > "$W/relay.log"
	/usr/bin/time -f "%e" -o "$W/time.out" "$BIN/followupd" -c "$W/poll.conf" --once \
		>"$W/poll.log" 2>&1 || { tail -n 20 "$W/poll.log" >&2; fail "the idle poll failed"; }
	# the relay writes its line when both ends have closed
	k=0
	while [ ! -s "$W/relay.log" ] && [ $k -lt 50 ]; do sleep 0.1; k=$((k + 1)); done
	sleep 0.2
	"$PY" - "$W/relay.log" "$(tail -n 1 "$W/time.out")" >> "$W/poll.json" <<'PYEOF' || fail "no traffic counted"
import json, sys
conns = [json.loads(l) for l in open(sys.argv[1])]
if not conns:
    sys.exit("the relay saw no connection")
after = [c for c in conns if c["down_login"] is not None]
print(json.dumps({
    "connections": len(conns), "process_ms": float(sys.argv[2]) * 1000,
    "bytes": sum(c["up"] + c["down"] for c in conns),
    "conn_ms": sum(c["t_total"] for c in conns) * 1000,
    "bytes_after_login": sum(c["up"] + c["down"] - c["up_login"] - c["down_login"] for c in after)
    if len(after) == len(conns) else None,
    "ms_after_login": sum(c["t_total"] - c["t_login"] for c in after) * 1000 if len(after) == len(conns) else None}))
PYEOF
	i=$((i + 1))
done
stop_pid "$_relay_pid"
_relay_pid=
got=$("$BIN/followup" -c "$CONF" stats --json | "$PY" -c 'import json,sys; print(json.load(sys.stdin)[0]["messages"])')
[ "$got" = "$N" ] || fail "after the idle polls the store holds $got messages, not $N"
say "idle poll: $(tail -n 1 "$W/poll.json")"

# Parse and index, each on its own copy of the same messages.
printf '[database]\npath=%s\n[new]\ntags=new\n[maildir]\nsynchronize_flags=false\n' "$T/maildir" \
	> "$W/notmuch-config"
i=0
while [ $i -lt "$RUNS" ]; do
	measure followup-reparse true "$BIN/followup" -c "$CONF" reparse
	measure notmuch-new "rm -rf $T/maildir/.notmuch" env NOTMUCH_CONFIG="$W/notmuch-config" notmuch new
	measure mu-index "rm -rf $T/mu && mu init --quiet --maildir=$T/maildir --muhome=$T/mu >/dev/null" \
		mu index --quiet --muhome="$T/mu"
	i=$((i + 1))
done
got=$(NOTMUCH_CONFIG="$W/notmuch-config" notmuch count --output=files '*')
[ "$got" = "$N" ] || fail "notmuch indexed $got of $N files"
got=$("$BIN/followup" -c "$CONF" stats --json | "$PY" -c 'import json,sys; print(json.load(sys.stdin)[0]["messages"])')
[ "$got" = "$N" ] || fail "after reparse the store holds $got messages, not $N"

# The million-message store (engineer B's bench/store.sh), when present.
if [ -f "$STORE_SCRIPT" ]; then
	say "store: sh $STORE_SCRIPT $W/store.json $STORE_N"
	sh "$STORE_SCRIPT" "$W/store.json" "$STORE_N" || fail "$STORE_SCRIPT failed"
	"$PY" -c 'import json,sys; r=json.load(open(sys.argv[1])); assert isinstance(r, list) and all("job" in x and "p50_ms" in x for x in r)' \
		"$W/store.json" || fail "$STORE_SCRIPT wrote no list of jobs to $W/store.json"
	fact STORE_N "$STORE_N"
else
	say "store: $STORE_SCRIPT is not there; skipped"
	fact store missing
fi

fact N "$N"
fact runs "$RUNS"
fact date "$(date -u '+%Y-%m-%d %H:%M')"
fact nproc "$(nproc)"
fact cpu "$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)"
fact ram "$(awk '/^MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo)"
fact kernel "$(uname -r)"
fact debian "$(cat /etc/debian_version 2>/dev/null || echo '?')"
fact load "$(cut -d' ' -f1-3 /proc/loadavg)"
fact followup "$(cat "$TOP/VERSION")"
fact dovecot "$(dovecot --version | cut -d' ' -f1)"
fact mbsync "$(mbsync --version)"
fact notmuch "$(notmuch --version | cut -d' ' -f2)"
fact mu "$(mu --version | sed -n '1s/.*version //p')"
fact sqlite "$("$PY" -c 'import sqlite3; print(sqlite3.sqlite_version)')"
fact zstd "$(zstd --version | sed 's/^\*\*\* //; s/ 64-bits//; s/, by.*//')"
fact harness_seconds "$(($(date +%s) - started))"

if [ "${BENCH_NO_WRITE:-0}" = 1 ]; then
	"$PY" "$TOP/bench/report.py" "$W" -
else
	"$PY" "$TOP/bench/report.py" "$W" "$OUT"
fi
