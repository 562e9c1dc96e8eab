#!/bin/sh
# As a daemon, followupd polls: a message delivered while it runs appears
# after the next poll, and SIGTERM stops it cleanly.
. "$(dirname "$0")/lib.sh"

if ! start_dovecot; then
	not_ok "dovecot starts"
	exit 1
fi
CONF=$T/followup.conf
write_config "$CONF"
sed -i 's/^poll = 60s$/poll = 10s/' "$CONF"
cat > "$T/one.eml" <<'MSG'
From: buyer@poll-test.com
To: sales@example.com
Subject: First
Date: Mon, 16 Nov 2026 09:00:00 +0000
Message-ID: <poll-1@poll-test.com>

one
MSG
sed 's/poll-1/poll-2/; s/First/Second/' "$T/one.eml" > "$T/two.eml"
imaptool append INBOX "$T/one.eml" 2026-11-16T09:00:00+00:00

"$BIN/followupd" -c "$CONF" 2>"$T/daemon.log" &
pid=$!
seen() {
	"$BIN/followup" -c "$CONF" timeline poll-test.com --json 2>/dev/null | grep -c "\"$1\""
}
wait_for() {
	i=0
	while [ "$i" -lt 300 ]; do
		[ "$(seen "$1")" = 1 ] && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}
check "the first cycle files the mailbox" wait_for poll-1@poll-test.com
imaptool append INBOX "$T/two.eml" 2026-11-16T09:05:00+00:00
check "a message delivered later appears after the next poll" wait_for poll-2@poll-test.com

# SIGHUP reloads: a broken configuration is refused and the daemon goes on;
# a good one makes it start again, in the same process, with the new one.
# wait_log PATTERN: waits up to 10 s for a line of the daemon's log.
wait_log() {
	i=0
	while ! grep -q "$1" "$T/daemon.log"; do
		i=$((i + 1))
		[ $i -gt 100 ] && return 1
		sleep 0.1
	done
}
cp "$CONF" "$T/good.conf"
sed -i 's/^poll = 10s$/poll = 10 parsecs/' "$CONF"
kill -HUP $pid
check "SIGHUP with a broken configuration: the error, file:line:key" \
	wait_log "followup.conf:[0-9]*: \\[account sales\\] poll"
check "…and the daemon goes on with the configuration it had" sh -c "
	grep -q 'going on with the one loaded before' '$T/daemon.log' && kill -0 $pid"
cp "$T/good.conf" "$CONF"
kill -HUP $pid
# restarted: the same process logged its start a second time.
restarted() {
	wait_log 'restarting with it' && kill -0 $pid || return 1
	i=0
	while [ "$(grep -c 'followupd started' "$T/daemon.log")" -lt 2 ]; do
		i=$((i + 1))
		[ $i -gt 100 ] && return 1
		sleep 0.1
	done
}
check "SIGHUP with a good configuration: it starts again with it, same process" restarted
sed 's/poll-1/poll-3/; s/First/Third/' "$T/one.eml" > "$T/three.eml"
imaptool append INBOX "$T/three.eml" 2026-11-16T09:10:00+00:00
check "…and files new mail as before" wait_for poll-3@poll-test.com
kill -TERM $pid
wait $pid
check "SIGTERM stops the daemon with status 0" test $? = 0
check "it says why it stops" grep -q 'Terminated: stopping' "$T/daemon.log"
