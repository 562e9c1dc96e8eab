#!/bin/sh
# Every IMAP command has a total deadline: a server that trickles a
# message one byte at a time (it would take 80 s) cannot hold a FETCH past
# the account's timeout (5 s here) plus the time its bytes take at
# 16 KiB/s. The run fails with one clear line, stores nothing half-way, and
# the next run, against a server that answers, files the message.
. "$(dirname "$0")/lib.sh"

B=$T/bad
mkdir -p "$B"
cat > "$B/1.eml" <<'MSG'
From: Slow Buyer <slow@langsam.de>
To: sales@example.com
Subject: Anfrage über eine langsame Leitung
Date: Tue, 24 Nov 2026 09:30:00 +0800
Message-ID: <slow-1@langsam.de>
Content-Type: text/plain; charset=UTF-8

Bitte senden Sie uns ein Angebot für 40 Pumpen XP-200, FOB Ningbo, Lieferung im März.
Mit freundlichen Grüßen, Slow Buyer
MSG
printf '{"trickle": 0.2}' > "$B/behaviour.json"
start_badimap "$B" || { not_ok "badimap starts"; exit 1; }

CONF=$T/followup.conf
write_config "$CONF"
sed -i 's|^folders = .*|folders = INBOX|; /^sent-folders/d; s|^poll = .*|poll = 60s\ntimeout = 5s|' "$CONF"

start=$(date +%s)
timeout 70 "$BIN/followupd" -c "$CONF" --once 2>"$T/slow.log"
rc=$?
took=$(( $(date +%s) - start ))
check "a trickling server fails the run (exit 1, not the 70 s guard)" test "$rc" = 1
check "…after its deadline, not after the 80 s the bytes would take (took ${took} s)" \
	test "$took" -lt 40
check "…saying so in one line" sh -c \
	"test \$(grep -c 'did not finish answering in 5 s' '$T/slow.log') = 1"
"$BIN/followup" -c "$CONF" stats --json > "$T/stats.json"
check "…with nothing stored and the position unmoved" jcheck "$T/stats.json" \
	'j[0]["messages"] == 0 and all(f["last_uid"] == 0 for f in j[0]["folders"])'
printf '{}' > "$B/behaviour.json"
check "the next run, the server answering, files the message" "$BIN/followupd" -c "$CONF" --once
"$BIN/followup" -c "$CONF" stats --json > "$T/stats.json"
check "…once" jcheck "$T/stats.json" 'j[0]["messages"] == 1'
