#!/bin/sh
# Nothing skipped: against a scripted IMAP server (badimap.py) that answers
# BODY[] NIL for one UID, leaves another out of a FETCH that ends OK, and
# refuses a third with NO. The folder's position stays below them, only
# they are fetched again, they come in once the server sends them, and a
# UID that never comes is given up after 5 tries over a day: logged once
# and listed by `followup stats` with the server's words.
. "$(dirname "$0")/lib.sh"

B=$T/bad
mkdir -p "$B"
for n in 1 2 3 4 5 6 7 8; do
	cat > "$B/$n.eml" <<MSG
From: Buyer $n <buyer$n@firma$n.de>
To: sales@example.com
Subject: Anfrage $n
Date: Tue, 24 Nov 2026 09:3$n:00 +0800
Message-ID: <m$n@firma$n.de>
Content-Type: text/plain; charset=UTF-8

Bitte ein Angebot für $n Pumpen.
MSG
done
printf '{"nil": [3], "omit": [5]}' > "$B/behaviour.json"
start_badimap "$B" || { not_ok "badimap starts"; exit 1; }

CONF=$T/followup.conf
write_config "$CONF"
sed -i 's|^folders = .*|folders = INBOX|; /^sent-folders/d' "$CONF"
T0=2026-11-24T10:00:00+08:00

stats() { "$BIN/followup" -c "$CONF" stats --json > "$T/stats.json"; }
# body_fetches: the UID sets the daemon asked bodies of, in its last run.
body_fetches() { grep 'BODY.PEEK\[\]' "$B/commands.log" | sed 's/^[^ ]* UID FETCH \([^ ]*\) .*/\1/' | tr '\n' ' '; }

"$BIN/followupd" -c "$CONF" --once --now "$T0" 2>"$T/run1.log"
stats
check "NIL and a left-out UID: the six others are stored" jcheck "$T/stats.json" \
	'j[0]["messages"] == 6'
check "…the position stays below the first missing UID" jcheck "$T/stats.json" \
	'j[0]["folders"][0]["last_uid"] == 2'
check "…both are recorded with the server's words" jcheck "$T/stats.json" \
	'[(f["uid"], f["given_up"]) for f in j[0]["fetch_failures"]] == [(3, False), (5, False)] and "NIL" in j[0]["fetch_failures"][0]["error"] and "left it out" in j[0]["fetch_failures"][1]["error"] and "OK Fetch completed" in j[0]["fetch_failures"][1]["error"]'
check "…and the log says so" sh -c "grep -q 'UID 3: the server sent no message for it' '$T/run1.log' && grep -q 'UID 5: the server left it out' '$T/run1.log'"

: > "$B/commands.log"
"$BIN/followupd" -c "$CONF" --once --now 2026-11-24T11:00:00+08:00 2>"$T/run2.log"
check "the next sync fetches only the missing ones (asked: $(body_fetches))" \
	test "$(body_fetches)" = "3,5 "
stats
check "…counting a second try" jcheck "$T/stats.json" \
	'[f["tries"] for f in j[0]["fetch_failures"]] == [2, 2]'

printf '{}' > "$B/behaviour.json"
"$BIN/followupd" -c "$CONF" --once --now 2026-11-24T12:00:00+08:00 2>"$T/run3.log"
stats
check "once the server sends them, all 8 are stored" jcheck "$T/stats.json" \
	'j[0]["messages"] == 8 and j[0]["folders"][0]["last_uid"] == 8'
check "…and no failure is left" jcheck "$T/stats.json" 'j[0]["fetch_failures"] == []'

# A FETCH refused with NO, then a UID that never comes.
cp "$B/8.eml" "$B/9.eml"; sed -i 's/m8@/m9@/; s/Anfrage 8/Anfrage 9/' "$B/9.eml"
cp "$B/8.eml" "$B/10.eml"; sed -i 's/m8@/m10@/; s/Anfrage 8/Anfrage 10/' "$B/10.eml"
printf '{"no": [9]}' > "$B/behaviour.json"
"$BIN/followupd" -c "$CONF" --once --now 2026-11-24T13:00:00+08:00 2>"$T/run4.log"
rc=$?
stats
check "a FETCH refused with NO does not fail the run" test "$rc" = 0
check "…its UIDs are recorded with the server's words" jcheck "$T/stats.json" \
	'[f["uid"] for f in j[0]["fetch_failures"]] == [9, 10] and "cannot read that message now" in j[0]["fetch_failures"][0]["error"]'
check "…and the position stays at 8" jcheck "$T/stats.json" 'j[0]["folders"][0]["last_uid"] == 8'

printf '{"nil": [9]}' > "$B/behaviour.json"
for t in 2026-11-24T14:00:00+08:00 2026-11-24T15:00:00+08:00 2026-11-24T16:00:00+08:00; do
	"$BIN/followupd" -c "$CONF" --once --now "$t" 2>>"$T/tries.log"
done
stats
check "5 tries within a day are not enough to give up" jcheck "$T/stats.json" \
	'[(f["uid"], f["tries"], f["given_up"]) for f in j[0]["fetch_failures"]] == [(9, 4, False)] and j[0]["messages"] == 9'
"$BIN/followupd" -c "$CONF" --once --now 2026-11-25T14:00:00+08:00 2>"$T/giveup.log"
stats
check "the fifth try, a day after the first, gives it up" jcheck "$T/stats.json" \
	'[(f["uid"], f["tries"], f["given_up"]) for f in j[0]["fetch_failures"]] == [(9, 5, True)]'
check "…the position moves past it" jcheck "$T/stats.json" 'j[0]["folders"][0]["last_uid"] == 10'
check "…with one warning in the log" sh -c "test \$(grep -c 'UID 9 given up after 5 tries' '$T/giveup.log') = 1"
"$BIN/followup" -c "$CONF" stats > "$T/stats.txt"
check "…and stats lists it in words" grep -q 'UID 9: given up after 5 tries' "$T/stats.txt"
: > "$B/commands.log"
"$BIN/followupd" -c "$CONF" --once --now 2026-11-25T15:00:00+08:00 2>/dev/null
check "a given-up UID is not fetched again" test -z "$(body_fetches)"
stats
check "…and the position is at the top" jcheck "$T/stats.json" 'j[0]["folders"][0]["last_uid"] == 10'

