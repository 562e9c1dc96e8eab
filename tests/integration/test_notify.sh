#!/bin/sh
# followupd under a service manager: the notification protocol
# (sd_notify(3)) against a listener on $NOTIFY_SOCKET (notify_listener.py,
# which also reads the sender's pid from the kernel's SCM_CREDENTIALS), and
# the log with and without the journal ($JOURNAL_STREAM).
#
# followupd runs as a daemon (not --once) on a first sync of 1,500
# messages through a slow link (slowlink.py, 100 KB/s), so that the sync
# takes seconds on any machine and its progress can be seen.
. "$(dirname "$0")/lib.sh"

if ! start_dovecot; then
	not_ok "dovecot starts"
	exit 1
fi
N=1500
bulk_inquiries "$T/bulk" "$N" notify
check "$N messages appended" imaptool load "$T/bulk/manifest.json"
if ! start_slowlink 100000; then
	not_ok "slow link starts"
	exit 1
fi
CONF=$T/followup.conf
write_config "$CONF"
sed -i "s|^url = imap://127.0.0.1:$IMAP_PORT|url = imap://127.0.0.1:$LINK_PORT|" "$CONF"

# The listener and the daemon go with the test's servers, however it ends.
listener= running=
trap 'stop_pid "$running"; stop_pid "$listener"; cleanup' EXIT
rm -f "$T/notify.ready"
"$PY" "$TOOLS/notify_listener.py" --socket "$T/notify" --out "$T/notify.log" \
	--ready "$T/notify.ready" 2>"$T/listener.err" &
listener=$!
if ! wait_ready listener "$T/notify.ready" "$T/listener.err"; then
	not_ok "the notify listener starts"
	exit 1
fi

# The daemon, its pid known before it starts: WATCHDOG_PID names it, as
# systemd sets it (sh's $$ is the pid that exec keeps).
NOTIFY_SOCKET=$T/notify WATCHDOG_USEC=1000000 \
	sh -c 'export WATCHDOG_PID=$$; exec "$0" "$@"' "$BIN/followupd" -c "$CONF" \
	2>"$T/daemon.log" &
pid=$! running=$!

# notified EXPR: EXPR (Python) holds over what the listener received: `n`
# the datagrams in order ({"pid", "uid", "state"}), `states` their texts,
# `pid` followupd's pid; `idx(s)` the index of the first state s (or -1).
NLOG=$T/notify.log
notified() {
	"$PY" - "$NLOG" "$pid" "$1" <<'PYEOF'
import json, sys
n = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")] if __import__("os").path.exists(sys.argv[1]) else []
pid = int(sys.argv[2])
states = [d["state"] for d in n]
def idx(s, after=-1):
    for i, t in enumerate(states):
        if i > after and t == s:
            return i
    return -1
ok = eval(sys.argv[3])
if not ok:
    print("failed: " + sys.argv[3])
    for d in n[-40:]:
        print(json.dumps(d))
sys.exit(0 if ok else 1)
PYEOF
}
# wait_notified EXPR: waits up to 60 s for EXPR to hold.
wait_notified() {
	i=0
	while ! notified "$1" >"$T/wait.out" 2>&1; do
		i=$((i + 1))
		if [ $i -gt 600 ]; then
			cat "$T/wait.out"
			return 1
		fi
		sleep 0.1
	done
}
# wait_log PATTERN: waits up to 60 s for a line of the daemon's log.
wait_log() {
	i=0
	while ! grep -q "$1" "$T/daemon.log"; do
		i=$((i + 1))
		[ $i -gt 600 ] && { echo "no line '$1' in:"; tail -n 20 "$T/daemon.log"; return 1; }
		sleep 0.1
	done
}

check "READY=1 once started, from followupd's own pid (SCM_CREDENTIALS)" \
	wait_notified 'idx("READY=1") >= 0 and n[idx("READY=1")]["pid"] == pid'
check "…while the first sync is still under way (a slow server does not hold the start up)" \
	notified 'not any(s.startswith("STATUS=idle") for s in states[:idx("READY=1")])'
check "STATUS= while syncing: the folder and how many of how many, thousands separated" \
	wait_notified 'any(__import__("re").fullmatch(r"STATUS=syncing sales/INBOX [1-9][0-9]?(,[0-9]{3})? of 1,500", s) for s in states)'
check "the log says how far a long fetch is, every 1,000 messages at least" \
	wait_log '^account sales: INBOX: 1,000 of 1,500 fetched$'
check "STATUS= once synced: idle, and the next poll in the company's zone" \
	wait_notified 'any(__import__("re").fullmatch(r"STATUS=idle; next poll [0-2][0-9]:[0-5][0-9]", s) for s in states)'
next_poll=$(TZ=Asia/Shanghai date -d @$(( $(date +%s) + 60 )) +%H:%M)
next_poll_early=$(TZ=Asia/Shanghai date -d @$(( $(date +%s) + 59 - 5 )) +%H:%M)
check "…about a poll interval (60 s) from now, Asia/Shanghai" \
	notified "any(s in ('STATUS=idle; next poll $next_poll', 'STATUS=idle; next poll $next_poll_early') for s in states)"
check "all $N messages filed" sh -c "test \"\$('$BIN/followup' -c '$CONF' stats --json | '$PY' -c 'import json,sys; print(json.load(sys.stdin)[0][\"messages\"])')\" = $N"
check "WATCHDOG=1 pings from the loop, at half of WATCHDOG_USEC, from followupd's pid" \
	wait_notified 'states.count("WATCHDOG=1") >= 3 and all(d["pid"] == pid for d in n if d["state"] == "WATCHDOG=1")'
check "every datagram came from followupd's main pid (NotifyAccess=main holds)" \
	notified 'all(d["pid"] == pid for d in n)'
check "STATUS= is at most one a second, so a sync of $N sends only a few" \
	notified 'sum(s.startswith("STATUS=") for s in states) < 40'

# A good reload: RELOADING=1 (with MONOTONIC_USEC=), then READY=1 from the
# image executed again, in the same process.
kill -HUP $pid
check "SIGHUP: RELOADING=1 with MONOTONIC_USEC=" \
	wait_notified 'any(s.startswith("RELOADING=1\nMONOTONIC_USEC=") for s in states)'
check "…then READY=1 again once restarted with the new configuration, same pid" \
	wait_notified 'sum(1 for i, s in enumerate(states) if s == "READY=1" and i > [j for j, t in enumerate(states) if t.startswith("RELOADING=1")][0]) == 1 and n[-1]["pid"] == pid'
check "…and it did start again" wait_log 'SIGHUP: configuration OK; restarting'
# A refused reload ends too: READY=1 at once, on the configuration it had.
cp "$CONF" "$T/good.conf"
sed -i 's/^poll = 60s$/poll = 10 parsecs/' "$CONF"
kill -HUP $pid
check "SIGHUP with a broken configuration: RELOADING=1, then READY=1 at once" \
	wait_notified 'sum(s.startswith("RELOADING=1") for s in states) == 2 and states.count("READY=1") == 3 and [i for i, s in enumerate(states) if s.startswith("RELOADING=1")][1] < len(states) - 1 - states[::-1].index("READY=1")'
check "…and it goes on with the one it had" sh -c "grep -q 'going on with the one loaded before' '$T/daemon.log' && kill -0 $pid"
cp "$T/good.conf" "$CONF"

kill -TERM $pid
wait $pid
rc=$?
running=
check "SIGTERM: a clean exit 0" test $rc = 0
check "…after STOPPING=1, and nothing said READY after it" \
	notified 'idx("STOPPING=1") >= 0 and "READY=1" not in states[idx("STOPPING=1"):]'

# The log, outside the journal: no <N> prefix, a word for warnings.
check "outside the journal (JOURNAL_STREAM unset) no line has a <N> prefix" \
	sh -c "grep -q '^followupd started' '$T/daemon.log' && ! grep -q '^<' '$T/daemon.log'"
check "…and warnings and errors say so in a word" grep -q '^error: .*followup.conf:[0-9]*: \[account sales\] poll' "$T/daemon.log"

# The journal: systemd sets JOURNAL_STREAM to stderr's device and inode.
: > "$T/journal.err"
js=$(stat -c '%d:%i' "$T/journal.err")
JOURNAL_STREAM=$js "$BIN/followupd" -c "$CONF" --once 2>>"$T/journal.err"
rc=$?
check "with JOURNAL_STREAM naming stderr, lines carry journald's <N> prefix" \
	sh -c "test $rc = 0 && grep -q '^<6>followupd started' '$T/journal.err'"
: > "$T/other.err"
JOURNAL_STREAM=1:2 "$BIN/followupd" -c "$CONF" --once 2>>"$T/other.err"
check "…and not when JOURNAL_STREAM names another stream (stderr redirected)" \
	sh -c "grep -q '^followupd started' '$T/other.err' && ! grep -q '^<' '$T/other.err'"

# The notify socket in the abstract namespace, as some managers hand it.
stop_pid $listener
rm -f "$T/notify.ready" "$T/notify.log"
abstract="@followup-test-$$"
"$PY" "$TOOLS/notify_listener.py" --socket "$abstract" --out "$T/notify.log" \
	--ready "$T/notify.ready" 2>"$T/listener.err" &
listener=$!
wait_ready listener "$T/notify.ready" "$T/listener.err"
NOTIFY_SOCKET=$abstract "$BIN/followupd" -c "$CONF" 2>"$T/abstract.log" &
pid=$! running=$!
check "an abstract NOTIFY_SOCKET (@name) gets READY=1" wait_notified 'idx("READY=1") >= 0'
kill -TERM $pid
wait $pid
running=
check "…and STOPPING=1" wait_notified 'idx("STOPPING=1") > idx("READY=1")'
stop_pid $listener

# The outbox in the status line: the rules queue an acknowledgement of the
# Spanish inquiry and, at this fixed --now, first-response alerts for the
# 1,500 inquiries of October; the SMTP server refuses the first 100 (451),
# so mail waits, and the count goes down as it is sent.
. "$(dirname "$0")/rules_lib.sh"
start_smtpd --tempfail 100 || { not_ok "smtpd starts"; exit 1; }
write_spanish_inquiry
mail a INBOX 2026-11-24T09:30:00+08:00
write_rules_config "$T/rules.conf"
sed -i "s|^path = .*|path = $T/rules.db|" "$T/rules.conf"
NLOG=$T/outbox.log
rm -f "$T/notify.ready"
"$PY" "$TOOLS/notify_listener.py" --socket "$T/notify2" --out "$NLOG" \
	--ready "$T/notify.ready" 2>"$T/listener.err" &
listener=$!
wait_ready listener "$T/notify.ready" "$T/listener.err"
NOTIFY_SOCKET=$T/notify2 "$BIN/followupd" -c "$T/rules.conf" --now 2026-11-24T10:00:00+08:00 \
	2>"$T/outbox.err" &
pid=$! running=$!
check "STATUS= says what waits in the outbox, thousands separated" \
	wait_notified 'any(__import__("re").fullmatch(r"STATUS=idle; next poll [0-2][0-9]:[0-5][0-9]; outbox: [1-9][0-9]?[0-9]?(,[0-9]{3})* waiting", s) for s in states)'
# outbox_counts: the waiting counts the status lines gave, in order.
outbox_counts='[int(__import__("re").search(r"outbox: ([0-9,]+) waiting", s).group(1).replace(",", "")) for s in states if "outbox: " in s]'
check "…and the count goes down as the mail is sent" \
	wait_notified "len($outbox_counts) >= 2 and $outbox_counts[-1] < max($outbox_counts)"
check "…the server refused some for now, and they wait" grep -q 'not sent, will retry' "$T/outbox.err"
kill -TERM $pid
wait $pid
running=
stop_pid $listener || true
listener=
