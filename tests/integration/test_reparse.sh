#!/bin/sh
# Reparse (issue 12): a mailbox of many chunks and several transactions
# (1,100 messages: three batches of 500, chunks of 200 analysed on the
# pool while the one before is written) comes out of `followup reparse`
# exactly as followupd filed it: the same customers, the same timelines,
# the same threads, the same search hits, every message counted once.
. "$(dirname "$0")/lib.sh"

N=1100
NOW=2026-11-24T10:00:00Z
start_dovecot || { not_ok "dovecot starts"; exit 1; }
bulk_inquiries "$T/mail" "$N" reparse
check "the mailbox is in Dovecot" imaptool load "$T/mail/manifest.json"
CONF=$T/followup.conf
write_config "$CONF"
FU="$BIN/followup -c $CONF --now $NOW"
check "followupd --once files the mailbox" sh -c "'$BIN/followupd' -c '$CONF' --once --now $NOW 2> '$T/daemon.log'"

# snapshot FILE: what a person sees of the store, in a stable order.
snapshot() {
	{
		$FU customers --sort name --json
		$FU threads --json
		for k in $(seq 0 39); do
			$FU timeline "customer$k.com" --json
		done
		$FU search pumps --limit 10000 --json | "$PY" -c \
			'import json,sys; print(sorted(e["message_id"] for e in json.load(sys.stdin)))'
	} > "$1"
}
snapshot "$T/before.txt"
check "before the reparse every message is on a timeline" sh -c \
	"test \$(grep -o '\"message_id\"' '$T/before.txt' | wc -l) -ge $N"
check "followup reparse reparses every message once" sh -c \
	"$FU reparse > '$T/reparse.out' 2>&1 && grep -q 'reparsed $N messages' '$T/reparse.out'"
snapshot "$T/after.txt"
check "after the reparse customers, threads, timelines and search are the same" \
	cmp "$T/before.txt" "$T/after.txt"
check "a second reparse changes nothing either" sh -c \
	"$FU reparse > '$T/reparse2.out' 2>&1 && grep -q 'reparsed $N messages' '$T/reparse2.out'"
snapshot "$T/again.txt"
check "the second reparse's store is the same" cmp "$T/before.txt" "$T/again.txt"
echo "1..$_tap_n"
