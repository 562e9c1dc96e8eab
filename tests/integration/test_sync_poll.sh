#!/bin/sh
# The idle poll (issue 12): a folder whose UIDNEXT is the one recorded
# costs one EXAMINE (no UID FETCH at all, a few hundred bytes); new mail
# is listed from the recorded UIDNEXT only; a UID whose fetch failed is
# tried again by number, not by listing the folder from below it; a new
# UIDVALIDITY still scans the folder again, without duplicates; a daemon
# that idles polls every folder on the connection it keeps (no second
# login, when IDLE keeps it). Asserted on followupd's --log-level debug trace of its commands.
. "$(dirname "$0")/lib.sh"

start_dovecot || { not_ok "dovecot starts"; exit 1; }
CONF=$T/followup.conf
write_config "$CONF"
FU="$BIN/followup -c $CONF"

# msg NAME: $T/NAME.eml, an inquiry with Message-ID <NAME@poll-cost.com>.
msg() {
	cat > "$T/$1.eml" <<MSG
From: Buyer <$1@poll-cost.com>
To: sales@example.com
Subject: Pumps $1
Date: Tue, 24 Nov 2026 09:40:00 +0800
Message-ID: <$1@poll-cost.com>
Content-Type: text/plain; charset=UTF-8

Please send your best price for 40 pumps, model XP-200 ($1).
MSG
	imaptool append "$2" "$T/$1.eml" 2026-11-24T09:40:00+08:00
}
# once NAME: followupd --once at debug level, its log in $T/NAME.log.
once() {
	"$BIN/followupd" -c "$CONF" --once --log-level debug >"$T/$1.log" 2>&1
}
# sent NAME: the IMAP commands followupd sent itself (not the login).
sent() {
	grep -o 'account sales: > .*' "$T/$1.log" | sed 's/^account sales: > [^ ]* //'
}
messages() {
	$FU stats --json | "$PY" -c 'import json,sys; print(json.load(sys.stdin)[0]["messages"])'
}
# received NAME: the bytes the pass received, from its debug line.
received() {
	sed -n 's/.*the pass.s IMAP dialogue: \([0-9]*\) bytes received.*/\1/p' "$T/$1.log" | tail -n 1
}

for m in a1 a2 a3; do msg $m INBOX; done
msg s1 Sent
once first
check "the first sync files every message" test "$(messages)" = 4
check "…listing each folder once, from UID 1" \
	sh -c "[ \"\$(grep -c 'UID FETCH 1:\\* (UID RFC822.SIZE)' '$T/first.log')\" = 2 ]"
check "the store recorded each folder's UIDNEXT" \
	sh -c "[ \"\$(sqlite3 '$T/followup.db' \"SELECT group_concat(name || '=' || uidnext || '/' || messages, ' ') FROM (SELECT * FROM folders ORDER BY name)\")\" = 'INBOX=4/3 Sent=2/1' ]"

once unchanged
sent unchanged > "$T/unchanged.cmds"
check "an unchanged poll examines each folder" \
	sh -c "grep -qx 'EXAMINE \"INBOX\"' '$T/unchanged.cmds' && grep -qx 'EXAMINE \"Sent\"' '$T/unchanged.cmds'"
check "…and lists nothing: no UID FETCH, no UID SEARCH" \
	sh -c "! grep -E 'FETCH|SEARCH' '$T/unchanged.cmds'"
check "…says nothing is new" \
	sh -c "[ \"\$(grep -c 'nothing new (UIDNEXT' '$T/unchanged.log')\" = 2 ]"
bytes=$(received unchanged)
check "…and costs under 1,000 bytes ($bytes received)" test "${bytes:-99999}" -lt 1000

msg a4 INBOX
msg a5 INBOX
once newmail
sent newmail > "$T/newmail.cmds"
check "new mail is listed from the recorded UIDNEXT only" \
	grep -qx 'UID FETCH 4:\* (UID RFC822.SIZE)' "$T/newmail.cmds"
check "…Sent, unchanged, is not listed" sh -c "! grep -q 'FETCH 2:' '$T/newmail.cmds'"
check "…and the new messages are filed" test "$(messages)" = 6
check "…and UIDNEXT moved on" \
	sh -c "[ \"\$(sqlite3 '$T/followup.db' \"SELECT uidnext FROM folders WHERE name = 'INBOX'\")\" = 6 ]"

# A fetch that failed (as a server that did not send UID 2 leaves it):
# the position stays below it, and the poll asks for it by number.
sqlite3 "$T/followup.db" "DELETE FROM locations WHERE uid = 2 AND folder_id =
  (SELECT id FROM folders WHERE name = 'INBOX');
INSERT INTO fetch_failures (folder_id, uidvalidity, uid, tries, last_error, first_at, last_at)
  SELECT id, uidvalidity, 2, 1, 'test', 0, 0 FROM folders WHERE name = 'INBOX';
UPDATE folders SET last_uid = 1 WHERE name = 'INBOX';"
once retry
sent retry > "$T/retry.cmds"
check "a failed UID is tried again by number, not by listing from it" \
	sh -c "grep -qx 'UID FETCH 2 (UID RFC822.SIZE)' '$T/retry.cmds' && ! grep -q 'FETCH 2:' '$T/retry.cmds'"
check "…fetched" grep -q '^UID FETCH 2 (UID INTERNALDATE RFC822.SIZE BODY.PEEK\[\])' "$T/retry.cmds"
check "…its failure forgotten and the position past it" \
	sh -c "[ \"\$(sqlite3 '$T/followup.db' \"SELECT (SELECT count(*) FROM fetch_failures) || ' ' || last_uid FROM folders WHERE name = 'INBOX'\")\" = '0 5' ]"
check "…without a duplicate" test "$(messages)" = 6
once after_retry
check "the poll after it lists nothing again" sh -c "! grep -q 'account sales: > .*FETCH' '$T/after_retry.log'"

old=$(imaptool uidvalidity Sent)
imaptool recreate Sent
once validity
sent validity > "$T/validity.cmds"
check "a new UIDVALIDITY is noticed" grep -q "Sent: UIDVALIDITY changed from $old to" "$T/validity.log"
check "…and the folder listed again from UID 1" grep -qx 'UID FETCH 1:\* (UID RFC822.SIZE)' "$T/validity.cmds"
check "…without duplicates" test "$(messages)" = 6
once validity_after
check "…and the poll after it lists nothing" sh -c "! grep -q 'account sales: > .*FETCH' '$T/validity_after.log'"

# The daemon idles on INBOX and polls every folder on that connection.
sed -i 's/^poll = 60s$/poll = 10s/' "$CONF"
"$BIN/followupd" -c "$CONF" --log-level debug 2>"$T/daemon.log" &
pid=$!
i=0
while [ "$(grep -c 'EXAMINE "Sent"' "$T/daemon.log")" -lt 2 ] && [ $i -lt 300 ]; do
	sleep 0.1; i=$((i + 1))
done
kill -TERM $pid; wait $pid
check "a daemon's poll examines Sent again" \
	test "$(grep -c 'EXAMINE "Sent"' "$T/daemon.log")" -ge 2
check "…logged in once" test "$(grep -c 'AUTHENTICATE PLAIN' "$T/daemon.log")" = 1
check "…and listed nothing" sh -c "! grep -q 'UID FETCH' '$T/daemon.log'"
echo "1..$_tap_n"
