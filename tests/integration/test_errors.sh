#!/bin/sh
# Bad input gets a clear error: config mistakes name file, line and key;
# a wrong password or an unreachable server is one clear log line, never a
# crash; a missing folder does not stop the others.
. "$(dirname "$0")/lib.sh"

if ! start_dovecot; then
	not_ok "dovecot starts"
	exit 1
fi
"$PY" "$TOOLS/corpus.py" write "$T/corpus"
imaptool load "$T/corpus/manifest.json"
CONF=$T/followup.conf
write_config "$CONF"

# A config error names file, line and key, and exits 78.
sed 's/^poll = 60s$/poll = 60s\nbogus = 1/' "$CONF" > "$T/bad.conf"
line=$(grep -n '^bogus' "$T/bad.conf" | cut -d: -f1)
"$BIN/followupd" -c "$T/bad.conf" --check-config 2>"$T/bad.err"
rc=$?
check "an unknown key exits 78 naming file:line and the key" \
	sh -c "test $rc = 78 && grep -q '$T/bad.conf:$line:.*bogus' '$T/bad.err'"
"$BIN/followup" -c "$T/bad.conf" customers 2>"$T/bad-cli.err"
rc=$?
check "the CLI reports the same config error" \
	sh -c "test $rc = 78 && grep -q 'bad.conf:$line:' '$T/bad-cli.err'"

FOLLOWUP_CONFIG=$T/bad.conf "$BIN/followupd" --check-config 2>/dev/null
rc=$?
check "FOLLOWUP_CONFIG names the config file" test $rc = 78

# No store yet: the CLI says so and what to do.
"$BIN/followup" -c "$CONF" customers 2>"$T/nostore.err"
rc=$?
check "reading before followupd ever ran exits 3 with a hint" \
	sh -c "test $rc = 3 && grep -q 'followupd' '$T/nostore.err'"

sed "s|^path = .*|path = $T/no/such/dir/followup.db|" "$CONF" > "$T/nodir.conf"
"$BIN/followupd" -c "$T/nodir.conf" --once 2>"$T/nodir.err"
rc=$?
check "a store in a missing directory is a clear error (exit 78)" \
	sh -c "test $rc = 78 && grep -q 'directory does not exist' '$T/nodir.err'"

# A wrong password: one clear line, exit 1 with --once.
printf 'wrong\n' > "$T/wrong.pass"
chmod 600 "$T/wrong.pass"
sed "s|^password-file = .*|password-file = $T/wrong.pass|" "$CONF" > "$T/wrong.conf"
"$BIN/followupd" -c "$T/wrong.conf" --once 2>"$T/wrong.err"
rc=$?
check "a wrong password exits 1 with one clear error line" \
	sh -c "test $rc = 1 && grep -c 'check user and password' '$T/wrong.err' | grep -qx 1"

# Nothing listening: one clear line.
port=$(free_port)
sed "s|^url = imap://127.0.0.1:[0-9]*|url = imap://127.0.0.1:$port|" "$CONF" > "$T/down.conf"
"$BIN/followupd" -c "$T/down.conf" --once 2>"$T/down.err"
rc=$?
check "an unreachable server exits 1 with one clear error line" \
	sh -c "test $rc = 1 && grep -q 'cannot log in to imap://127.0.0.1:$port' '$T/down.err'"

# TLS required (the default) but the server offers no STARTTLS.
sed '/^tls = no/d' "$CONF" > "$T/notls.conf"
"$BIN/followupd" -c "$T/notls.conf" --once 2>"$T/notls.err"
rc=$?
check "tls = yes against a server without STARTTLS is one clear error" \
	sh -c "test $rc = 1 && grep -q 'STARTTLS' '$T/notls.err'"

# As a daemon it retries with backoff, and stops cleanly on SIGTERM.
"$BIN/followupd" -c "$T/down.conf" 2>"$T/retry.err" &
pid=$!
sleep 1.5
kill -TERM $pid
wait $pid
rc=$?
check "the daemon retries with backoff and exits 0 on SIGTERM" \
	sh -c "test $rc = 0 && grep -q 'retrying in 5 s' '$T/retry.err' && grep -q 'stopping' '$T/retry.err'"
# Outside the journal (no $JOURNAL_STREAM): a level word, no <N> prefix
# (test_notify.sh checks the prefix when stderr is the journal).
check "log lines outside the journal carry a level word, not a journald prefix" \
	sh -c "grep -q '^warning: .*retrying in 5 s' '$T/retry.err' && grep -q '^followupd started' '$T/retry.err' && ! grep -q '^<' '$T/retry.err'"

# A folder that does not exist is skipped with a warning; the others sync.
sed 's/^folders = INBOX, Sent$/folders = INBOX, Nope, Sent/' "$CONF" > "$T/nope.conf"
"$BIN/followupd" -c "$T/nope.conf" --once 2>"$T/nope.err"
rc=$?
"$BIN/followup" -c "$CONF" timeline kunde.de --json > "$T/nope.json"
check "a missing folder is a warning and the others still sync" \
	sh -c "test $rc = 0 && grep -q 'cannot open folder \"Nope\"' '$T/nope.err'"
check "…and their messages are on the timeline" jcheck "$T/nope.json" 'len(j) >= 4'

"$BIN/followup" -c "$CONF" frobnicate 2>"$T/usage.err"
rc=$?
check "an unknown command exits 2 and says where help is" \
	sh -c "test $rc = 2 && grep -q 'followup --help' '$T/usage.err'"
"$BIN/followup" -c "$CONF" timeline 2>"$T/usage2.err"
rc=$?
check "a missing argument exits 2 with the usage" sh -c "test $rc = 2 && grep -q 'timeline TARGET' '$T/usage2.err'"
check "global options after the command work" sh -c "'$BIN/followup' customers --json -c '$CONF' | '$PY' -c 'import json,sys; assert isinstance(json.load(sys.stdin), list)'"
