#!/bin/sh
# Crash safety at scale: a mailbox of 2,609 messages (390 fresh inquiries
# among them) is synced and answered while followupd is killed with
# SIGKILL 50 times at random moments and restarted; a final --once run
# finishes. Then every message on the server is in the store exactly
# once, every fresh inquiry has exactly one acknowledgement, sent and
# delivered, a second copy exists only for a kill that came after the SMTP
# server had taken the message (the documented window), and the SQLite
# file passes integrity_check after every kill and at the end.
#
#   CRASH_SEED=N   the seed of the kill schedule (default: a random one,
#                  printed first)
#   CRASH_KILLS=N  the number of kills (default 50)
#   CRASH_KEEP=DIR copy the logs, the report and the facts to DIR
#
# See tests/crash/crashlab.py for how the moments are chosen and how each
# kill is attributed.
TOP=$(cd "$(dirname "$0")/../.." && pwd)
. "$TOP/tests/integration/lib.sh"
HERE=$TOP/tests/crash

SEED=${CRASH_SEED:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}
KILLS=${CRASH_KILLS:-50}
NOW=2026-11-24T10:00:00+08:00
OUT=$T/out
mkdir -p "$OUT"
diag "seed $SEED (CRASH_SEED=$SEED sh tests/crash/test_crash_scale.sh repeats the schedule)"

keep() {
	if [ -n "${CRASH_KEEP:-}" ]; then
		mkdir -p "$CRASH_KEEP" && cp -r "$OUT"/. "$CRASH_KEEP"/ &&
			cp "$SMTP_DIR/events" "$CRASH_KEEP/smtp-events" 2>/dev/null
	fi
}

start_dovecot || { not_ok "dovecot starts"; exit 1; }
"$PY" "$HERE/mailbox.py" "$T/mailbox" > "$T/mailbox.out"
diag "$(cat "$T/mailbox.out")"
check "the mailbox's first wave is on the server" imaptool load "$T/mailbox/wave1/manifest.json"

# Every message is held 80 ms before it is stored and its 250 30 ms
# after: kills land inside SMTP transactions, on both sides of the moment
# the server takes the message.
start_smtpd --delay-data 0.08 --delay-reply 0.03 || { not_ok "smtpd starts"; exit 1; }
# IMAP at 1 MB/s: the first sync takes about six seconds, long enough
# for many kills between and inside its batches.
start_slowlink 1000000 || { not_ok "slow link starts"; exit 1; }

CONF=$T/followup.conf
write_config "$CONF"
sed -i -e "s|^url = imap://127.0.0.1:$IMAP_PORT|url = imap://127.0.0.1:$LINK_PORT|" \
	-e "s|^url = smtp://127.0.0.1:2525|url = smtp://127.0.0.1:$SMTP_PORT|" "$CONF"
mkdir -p "$T/templates"
cp "$TOP"/config/templates/ack*.txt "$T/templates/"
# --now fixes the clock: every acknowledgement is made in the same hour,
# so the hourly cap is raised above the 390 the test expects.
cat >> "$CONF" <<CONF
[rule ack-inquiry]
on = inquiry
action = acknowledge
template = $T/templates/ack
max-age = 24h
ack-hourly-cap = 1000
CONF

cat > "$T/context.json" <<JSON
{
 "bin": "$BIN", "conf": "$CONF", "db": "$T/followup.db", "now": "$NOW",
 "smtp_dir": "$SMTP_DIR", "imap_port": $IMAP_PORT, "tools": "$TOOLS",
 "mailbox": "$T/mailbox", "expected": "$T/mailbox/expected.json", "out": "$OUT",
 "seed": $SEED, "kills": $KILLS
}
JSON
lab() {
	"$PY" "$HERE/crashlab.py" "$@" --context "$T/context.json"
}

start=$(date +%s)
if ! lab run; then
	not_ok "the kill loop ran"
	keep
	exit 1
fi
diag "the kill loop took $(( $(date +%s) - start )) s"
check "a final run (--once) finishes cleanly" \
	sh -c "'$BIN/followupd' -c '$CONF' --once --now '$NOW' 2>'$OUT/final.log'"
lab collect || { not_ok "the store, the server and the outbox can be read"; keep; exit 1; }

check "$KILLS SIGKILLs, each on a running followupd, in sync, planning and SMTP transactions" \
	lab verify kills
check "PRAGMA integrity_check is ok after every kill" lab verify integrity-each
check "every message on the server is in the store exactly once (UIDs and Message-IDs)" \
	lab verify server-in-store
check "followup customers and stats count the same" lab verify cli-counts
check "every fresh inquiry has exactly one acknowledgement, sent, to its buyer; nothing else" \
	lab verify acks-queued
check "every acknowledgement reached the SMTP server, from <>, in reply to its inquiry" \
	lab verify acks-delivered
check "copies per Message-ID = 1 + kills after the server took it (no other duplicate)" \
	lab verify duplicates
check "attempts per message = 1 + the kills that caught it being sent" lab verify attempts
check "each interrupted send is announced at the next start and sent with the same Message-ID" \
	lab verify recovery-logged
check "nothing is left sending, pending or failed" lab verify outbox-settled
check "no error or warning logged but the announced recoveries" lab verify logs-clean
check "each sent acknowledgement is filed once, on its inquiry's thread" \
	lab verify acks-on-timeline
check "PRAGMA integrity_check is ok at the end" lab verify integrity
lab summary | sed "s/^/# /"
keep
