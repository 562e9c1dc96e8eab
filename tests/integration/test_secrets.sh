#!/bin/sh
# Secrets stay with the daemon: followupd refuses a password that others
# can read (a password file, a credential, or a password inline in a
# configuration its group or others can read), reads systemd credentials,
# never repeats a password written into a URL; the followup CLI never
# opens a password file, so team members can use it while the password
# is readable by followupd's user alone.
TEST_PASSWORD=Se-cr3t.4711
. "$(dirname "$0")/lib.sh"

start_dovecot || { not_ok "dovecot starts"; exit 1; }
"$PY" "$TOOLS/corpus.py" write "$T/corpus"
imaptool load "$T/corpus/manifest.json"
CONF=$T/followup.conf
write_config "$CONF"

# with_lines NAME SED-SCRIPT: $T/NAME.conf, the config edited, mode 0600.
with_lines() {
	sed -e "$2" "$CONF" > "$T/$1.conf"
	chmod 600 "$T/$1.conf"
}
line_of() { grep -n "$1" "$2" | head -n 1 | cut -d: -f1; }

# --- followupd refuses passwords others can read --------------------------------

for mode in 640 604 644; do
	cp "$T/sales.pass" "$T/open$mode.pass"
	chmod $mode "$T/open$mode.pass"
	with_lines "open$mode" "s|^password-file = .*|password-file = $T/open$mode.pass|"
	line=$(line_of '^password-file' "$T/open$mode.conf")
	"$BIN/followupd" -c "$T/open$mode.conf" --check-config 2>"$T/open$mode.err"
	rc=$?
	check "a password file at mode 0$mode: --check-config exits 78 naming the file and the chmod" \
		sh -c "test $rc = 78 && grep -qF '$T/open$mode.conf:$line: [account sales] password-file: $T/open$mode.pass can be read by its group or others (mode 0$mode; run chmod 0600 $T/open$mode.pass' '$T/open$mode.err'"
done
"$BIN/followupd" -c "$T/open644.conf" --once 2>"$T/open-start.err"
rc=$?
check "…and followupd does not start with it (exit 78)" \
	sh -c "test $rc = 78 && grep -q 'chmod 0600' '$T/open-start.err' && test ! -e '$T/followup.db'"

# [smtp] too.
cp "$T/sales.pass" "$T/smtp.pass"
chmod 644 "$T/smtp.pass"
with_lines smtpopen "s|^from = |user = sales@example.com\npassword-file = $T/smtp.pass\nfrom = |"
line=$(line_of '^password-file = .*smtp.pass' "$T/smtpopen.conf")
"$BIN/followupd" -c "$T/smtpopen.conf" --check-config 2>"$T/smtpopen.err"
rc=$?
check "an [smtp] password file others can read: exit 78 naming the file and the chmod" \
	sh -c "test $rc = 78 && grep -qF '$T/smtpopen.conf:$line: [smtp] password-file: $T/smtp.pass can be read by its group or others (mode 0644; run chmod 0600 $T/smtp.pass' '$T/smtpopen.err'"
chmod 600 "$T/smtp.pass"
"$BIN/followupd" -c "$T/smtpopen.conf" --check-config >/dev/null 2>&1
check "…and at 0600 it is accepted" test $? = 0

# An inline password in a configuration its group or others can read.
with_lines inline "s|^password-file = .*|password = $TEST_PASSWORD|"
chmod 644 "$T/inline.conf"
line=$(line_of '^password = ' "$T/inline.conf")
"$BIN/followupd" -c "$T/inline.conf" --check-config >"$T/inline.out" 2>"$T/inline.err"
rc=$?
check "an inline password in a config at 0644: exit 78 naming the file, line and key" \
	sh -c "test $rc = 78 && grep -qF '$T/inline.conf:$line: [account sales] password: $T/inline.conf can be read by its group or others (mode 0644), and this line holds a password (move the password to a file only followupd can read and name it with password-file, or run chmod 0600 $T/inline.conf)' '$T/inline.err'"
check "…without repeating the password" \
	sh -c "! grep -qF '$TEST_PASSWORD' '$T/inline.out' '$T/inline.err'"
with_lines smtpinline "s|^from = |user = sales@example.com\npassword = $TEST_PASSWORD\nfrom = |"
chmod 640 "$T/smtpinline.conf"
line=$(line_of '^password = ' "$T/smtpinline.conf")
"$BIN/followupd" -c "$T/smtpinline.conf" --check-config 2>"$T/smtpinline.err"
rc=$?
check "an inline [smtp] password in a config at 0640: exit 78 naming the line and key" \
	sh -c "test $rc = 78 && grep -qF '$T/smtpinline.conf:$line: [smtp] password: $T/smtpinline.conf can be read by its group or others (mode 0640)' '$T/smtpinline.err'"
chmod 600 "$T/inline.conf"
sed -i "s|^path = .*|path = $T/inline.db|" "$T/inline.conf"
"$BIN/followupd" -c "$T/inline.conf" --once 2>"$T/inline-ok.err"
check "…the same config at 0600 logs in and syncs" \
	sh -c "test $? = 0 && test -s '$T/inline.db'"

# --- systemd credentials ------------------------------------------------------------

mkdir -m 700 "$T/creds"
cp "$T/sales.pass" "$T/creds/imap-password"
chmod 400 "$T/creds/imap-password"
with_lines cred "s|^password-file = .*|password-credential = imap-password|; s|^path = .*|path = $T/cred.db|"
CREDENTIALS_DIRECTORY=$T/creds "$BIN/followupd" -c "$T/cred.conf" --once 2>"$T/cred.err"
rc=$?
"$BIN/followup" -c "$T/cred.conf" customers --json > "$T/cred.json" 2>&1
check "password-credential reads \$CREDENTIALS_DIRECTORY/NAME and logs in" \
	sh -c "test $rc = 0 && '$PY' -c 'import json,sys; assert len(json.load(open(sys.argv[1]))) > 5' '$T/cred.json'"
line=$(line_of '^password-credential' "$T/cred.conf")
env -u CREDENTIALS_DIRECTORY "$BIN/followupd" -c "$T/cred.conf" --check-config 2>"$T/nocred.err"
rc=$?
check "without \$CREDENTIALS_DIRECTORY: exit 78 naming file, line and key, and LoadCredential=" \
	sh -c "test $rc = 78 && grep -qF '$T/cred.conf:$line: [account sales] password-credential: \$CREDENTIALS_DIRECTORY is not set, so there is no credential imap-password (start followupd from its systemd unit with LoadCredential=imap-password:' '$T/nocred.err'"
with_lines credmissing "s|^password-file = .*|password-credential = smtp-password|"
CREDENTIALS_DIRECTORY=$T/creds "$BIN/followupd" -c "$T/credmissing.conf" --check-config 2>"$T/credmissing.err"
rc=$?
check "a credential the unit does not load: exit 78 naming the file it looked for" \
	sh -c "test $rc = 78 && grep -qF '[account sales] password-credential: cannot read $T/creds/smtp-password: No such file or directory (is LoadCredential=smtp-password:... in followupd'\"'\"'s unit?)' '$T/credmissing.err'"

# --- a URL with a password in it ----------------------------------------------------

with_lines url "s|^url = imap://127.0.0.1:$IMAP_PORT|url = imap://sales%40example.com:$TEST_PASSWORD@127.0.0.1:$IMAP_PORT|"
"$BIN/followupd" -c "$T/url.conf" --check-config >"$T/url.out" 2>"$T/url.err"
rc=$?
"$BIN/followup" -c "$T/url.conf" stats >"$T/url-cli.out" 2>"$T/url-cli.err"
rc_cli=$?
check "a URL with a user and password is refused (78), shown as imap://<redacted>@host" \
	sh -c "test $rc = 78 && test $rc_cli = 78 && grep -qF \"url: 'imap://<redacted>@127.0.0.1:$IMAP_PORT' has a user name or password in it\" '$T/url.err'"
check "…and the password is in no output of followupd or followup" \
	sh -c "! grep -qF '$TEST_PASSWORD' '$T/url.out' '$T/url.err' '$T/url-cli.out' '$T/url-cli.err'"

# --- the CLI reads no secrets --------------------------------------------------------

"$BIN/followupd" -c "$CONF" --once 2>/dev/null
check "followupd syncs with the password file at 0600" test $? = 0
with_lines nopass "s|^password-file = .*|password-file = $T/no/such.pass|"
chmod 644 "$T/nopass.conf"
"$BIN/followup" -c "$T/nopass.conf" stats >"$T/nopass.out" 2>&1
check "followup stats works when the password file does not exist" \
	sh -c "test $? = 0 && grep -q 'messages' '$T/nopass.out'"
cp "$T/sales.pass" "$T/locked.pass"
chmod 000 "$T/locked.pass"
with_lines locked "s|^password-file = .*|password-file = $T/locked.pass|"
"$BIN/followup" -c "$T/locked.conf" customers --json >"$T/locked.json" 2>&1
check "followup customers --json works with a 0000 password file" \
	sh -c "test $? = 0 && '$PY' -c 'import json,sys; assert len(json.load(open(sys.argv[1]))) > 5' '$T/locked.json'"
"$BIN/followup" -c "$T/open644.conf" stats >/dev/null 2>&1
check "followup does not judge the password file's mode (followupd does)" test $? = 0
with_lines inlinecli "s|^password-file = .*|password = $TEST_PASSWORD|"
chmod 644 "$T/inlinecli.conf"
"$BIN/followup" -c "$T/inlinecli.conf" stats >"$T/inlinecli.out" 2>&1
check "followup reads the store with a config that holds an inline password (followupd refuses it)" \
	sh -c "test $? = 0 && ! grep -qF '$TEST_PASSWORD' '$T/inlinecli.out'"
env -u CREDENTIALS_DIRECTORY "$BIN/followup" -c "$T/cred.conf" stats >/dev/null 2>&1
check "followup works with password-credential and no \$CREDENTIALS_DIRECTORY" test $? = 0

# A team member: another user, for whom the password file (0600, this
# user's) is unreadable, runs followup while followupd runs (SQLite's
# read-only readers need the running daemon's -wal and -shm files).
if [ "$(id -u)" = 0 ] && command -v useradd >/dev/null && command -v runuser >/dev/null; then
	member=fu-team-$$
	useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin \
		"$member" 2>"$T/useradd.err" || diag "useradd: $(cat "$T/useradd.err")"
	trap 'userdel "$member" 2>/dev/null; cleanup' EXIT
	chmod 644 "$CONF"
	sed -i 's/^poll = 60s$/poll = 1h/' "$CONF"
	"$BIN/followupd" -c "$CONF" 2>"$T/running.err" &
	pid=$!
	i=0
	while [ ! -e "$T/followup.db-shm" ] && [ $i -lt 100 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	runuser -u "$member" -- cat "$T/sales.pass" >/dev/null 2>&1
	unreadable=$?
	runuser -u "$member" -- "$BIN/followup" -c "$CONF" stats >"$T/member.out" 2>&1
	rc=$?
	runuser -u "$member" -- "$BIN/followup" -c "$CONF" customers --json >"$T/member.json" 2>&1
	rc_json=$?
	kill -TERM $pid
	wait $pid
	check "a team member who cannot read the 0600 password file runs followup stats" \
		sh -c "test $unreadable != 0 && test $rc = 0 && grep -q 'messages' '$T/member.out'"
	check "…and followup customers --json" \
		sh -c "test $rc_json = 0 && '$PY' -c 'import json,sys; assert len(json.load(open(sys.argv[1]))) > 5' '$T/member.json'"
	userdel "$member"
else
	diag "SKIP (not counted): a team member's followup needs root, useradd and runuser"
fi
