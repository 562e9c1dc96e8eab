#!/bin/sh
# A crash at any moment loses nothing and duplicates nothing: followupd is
# killed with SIGKILL while it files a large mailbox, and stopped with
# SIGTERM; each restart goes on from the last committed batch.
. "$(dirname "$0")/lib.sh"

if ! start_dovecot; then
	not_ok "dovecot starts"
	exit 1
fi
N=1500
bulk_inquiries "$T/bulk" "$N" bulk
check "$N messages appended" imaptool load "$T/bulk/manifest.json"
# Through a slow link (about 100 KB/s, a DSL line) the sync takes seconds
# on any machine, so each SIGKILL below lands between committed batches
# rather than after the last one.
if ! start_slowlink 100000; then
	not_ok "slow link starts"
	exit 1
fi
CONF=$T/followup.conf
write_config "$CONF"
sed -i "s|^url = imap://127.0.0.1:$IMAP_PORT|url = imap://127.0.0.1:$LINK_PORT|" "$CONF"

count() {
	"$BIN/followup" -c "$CONF" customers --json 2>/dev/null |
		"$PY" -c 'import json,sys; print(sum(c["messages"] for c in json.load(sys.stdin)))' 2>/dev/null || echo 0
}

# Kill with SIGKILL as soon as the first batches are committed.
kills=0
for round in 1 2; do
	"$BIN/followupd" -c "$CONF" --once 2>>"$T/kill.log" &
	pid=$!
	before=$(count)
	i=0
	while [ "$i" -lt 300 ]; do
		c=$(count)
		[ "$c" -gt "$before" ] && break
		sleep 0.05
		i=$((i + 1))
	done
	if kill -KILL $pid 2>/dev/null; then
		kills=$((kills + 1))
	fi
	wait $pid 2>/dev/null
done
partial=$(count)
check "SIGKILL interrupted the sync twice, mid-way ($partial of $N filed)" \
	sh -c "test $kills = 2 && test $partial -gt 0 && test $partial -lt $N"

# SIGTERM: stops after the current transaction, exit 0.
"$BIN/followupd" -c "$CONF" --once 2>"$T/term.log" &
pid=$!
# Once it handles signals (it says it started after that), mid-sync: a
# SIGTERM before then ends any process, and a loaded machine can take
# seconds to get there.
i=0
while ! grep -q 'followupd started' "$T/term.log" && [ $i -lt 600 ]; do
	sleep 0.05; i=$((i + 1))
done
sleep 0.3
kill -TERM $pid 2>/dev/null
wait $pid
rc=$?
check "SIGTERM stops cleanly with exit 0" test $rc = 0

check "a final run completes" "$BIN/followupd" -c "$CONF" --once
final=$(count)
check "every message filed exactly once ($final of $N)" test "$final" = "$N"
"$BIN/followup" -c "$CONF" timeline customer7.com --json > "$T/c7.json"
check "per-customer timelines hold each message once" jcheck "$T/c7.json" \
	"len(j) == len(set(e['message_id'] for e in j)) == len([i for i in range($N) if i % 40 == 7])"
