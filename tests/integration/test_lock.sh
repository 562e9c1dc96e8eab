#!/bin/sh
# One followupd per store: two `--once` runs started together deliver each
# acknowledgement once (the second exits at once, naming the lock and its
# holder); a second daemon beside a running one exits non-zero within
# 10 s; the lock survives the SIGHUP re-exec and goes with the daemon.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/rules_lib.sh"

start_dovecot || { not_ok "dovecot starts"; exit 1; }
NOW=2026-11-24T10:00:00+08:00
for n in 1 2 3 4; do
	cat > "$T/q$n.eml" <<MSG
From: Buyer $n <buyer$n@kunde$n.de>
To: sales@example.com
Subject: Anfrage Pumpen Nr. $n
Date: Tue, 24 Nov 2026 09:3$n:00 +0800
Message-ID: <anfrage-$n@kunde$n.de>
Content-Type: text/plain; charset=UTF-8

Sehr geehrte Damen und Herren, bitte senden Sie uns ein Angebot für 20 Pumpen.
MSG
	mail "q$n" INBOX "2026-11-24T09:3$n:00+08:00"
done

# The SMTP server holds the first RCPT for 4 s: the first run is mid-way
# through its sends when the second one starts.
start_smtpd --hold-rcpt 4 || { not_ok "smtpd starts"; exit 1; }
CONF=$T/followup.conf
write_rules_config "$CONF"
"$BIN/followupd" -c "$CONF" --once --now "$NOW" 2>"$T/one.log" &
p1=$!
i=0
while ! grep -q holding "$SMTP_DIR/log" 2>/dev/null && [ $i -lt 200 ]; do
	sleep 0.05
	i=$((i + 1))
done
"$BIN/followupd" -c "$CONF" --once --now "$NOW" 2>"$T/two.log"
rc2=$?
wait $p1
rc1=$?
check "two --once runs at once: the first one works" test "$rc1" = 0
check "…the second exits 75 (EX_TEMPFAIL)" test "$rc2" = 75
check "…saying which lock and who holds it" \
	grep -q "holds its lock $T/followup.db.lock" "$T/two.log"
check "…naming the holder's pid" grep -q "followupd (pid $p1)" "$T/two.log"
check "each acknowledgement was delivered once (4, not 8)" test "$(smtp_count)" = 4
stop_smtpd

# A running daemon, then a second one.
start_smtpd || { not_ok "smtpd starts"; exit 1; }
sed -i "s|^url = smtp://127.0.0.1:[0-9]*|url = smtp://127.0.0.1:$SMTP_PORT|" "$CONF"
"$BIN/followupd" -c "$CONF" 2>"$T/daemon.log" &
dpid=$!
i=0
while ! grep -q "followupd started" "$T/daemon.log" 2>/dev/null && [ $i -lt 100 ]; do
	sleep 0.1
	i=$((i + 1))
done
start=$(date +%s)
timeout 10 "$BIN/followupd" -c "$CONF" 2>"$T/second.log"
rc=$?
took=$(( $(date +%s) - start ))
check "a second daemon beside a running one exits non-zero" sh -c "test $rc != 0 && test $rc != 124"
check "…within 10 s (took ${took} s)" test "$took" -le 10
check "…with a message naming the lock" grep -q "followup.db.lock" "$T/second.log"

# The CLI's writes beside the daemon: SQLite's write lock orders them.
"$BIN/followup" -c "$CONF" reparse > "$T/reparse.out" 2>&1
rc=$?
check "followup reparse runs beside the daemon" test "$rc" = 0
"$BIN/followup" -c "$CONF" assign kunde1.de li.wei@example.com > "$T/assign.out" 2>&1
rc=$?
check "…and so does followup assign" test "$rc" = 0
check "…with no store error in the daemon's log" sh -c "! grep -Ei 'store.*(cannot|locked)' '$T/daemon.log'"

kill -HUP $dpid
i=0
while [ "$(grep -c 'followupd started' "$T/daemon.log")" -lt 2 ] && [ $i -lt 100 ]; do
	sleep 0.1
	i=$((i + 1))
done
check "SIGHUP starts the daemon again in the same process" \
	sh -c "test \$(grep -c 'followupd started' '$T/daemon.log') = 2 && kill -0 $dpid"
timeout 10 "$BIN/followupd" -c "$CONF" --once 2>"$T/third.log"
rc3=$?
check "…and it still holds the lock: a --once run is refused" test "$rc3" = 75
check "…by the same pid" grep -q "followupd (pid $dpid)" "$T/third.log"

kill -TERM $dpid
wait $dpid
check "after the daemon stopped, a --once run takes the store" \
	"$BIN/followupd" -c "$CONF" --once --now "$NOW"
check "--check-config needs no lock while a daemon runs" \
	sh -c "'$BIN/followupd' -c '$CONF' & p=\$!; sleep 0.5; '$BIN/followupd' -c '$CONF' --check-config; rc=\$?; kill \$p; wait \$p; exit \$rc"
