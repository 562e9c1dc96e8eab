#!/bin/sh
# The team reads the store whatever the daemon is doing: a member of the
# service's group (not root, not the service user) runs the read-only
# commands while followupd runs, after it stopped cleanly and after it was
# killed; with the store 0640 in a 0750 directory, the password file 0600
# of the service user, and no write access or secret of their own.
# Needs root (it creates the users); without it the test says so and
# counts nothing.
. "$(dirname "$0")/lib.sh"

if [ "$(id -u)" != 0 ] || ! command -v useradd >/dev/null 2>&1; then
	diag "SKIP: creating users needs root; nothing counted"
	exit 0
fi
SFX=$$
GROUP=futeam$SFX
SVC=fusvc$SFX
MEMBER=fumem$SFX
remove_users() {
	userdel "$MEMBER" 2>/dev/null
	userdel "$SVC" 2>/dev/null
	groupdel "$GROUP" 2>/dev/null
}
trap 'stop_pid "${dpid:-}"; remove_users; cleanup' EXIT
groupadd "$GROUP" && useradd -M -N -g "$GROUP" -s /bin/sh "$SVC" &&
	useradd -M -N -g "$GROUP" -s /bin/sh "$MEMBER" || { not_ok "test users created"; exit 1; }

start_dovecot || { not_ok "dovecot starts"; exit 1; }
cat > "$T/q.eml" <<'MSG'
From: Hans Weber <hans@kunde.de>
To: sales@example.com
Subject: Anfrage Pumpen
Date: Tue, 24 Nov 2026 09:30:00 +0800
Message-ID: <team-1@kunde.de>
Content-Type: text/plain; charset=UTF-8

Bitte ein Angebot für 50 Pumpen.
MSG
imaptool append INBOX "$T/q.eml" 2026-11-24T09:30:00+08:00

# /etc/followup and /var/lib/followup as README lays them out.
ETC=$T/etc
VAR=$T/var
mkdir -p "$ETC" "$VAR"
CONF=$ETC/followup.conf
write_config "$CONF"
mv "$T/sales.pass" "$ETC/sales.pass"
sed -i "s|^password-file = .*|password-file = $ETC/sales.pass|; s|^path = .*|path = $VAR/followup.db|" "$CONF"
chown root:"$GROUP" "$ETC" "$CONF" && chmod 0750 "$ETC" && chmod 0640 "$CONF"
chown "$SVC":"$GROUP" "$ETC/sales.pass" && chmod 0600 "$ETC/sales.pass"
chown "$SVC":"$GROUP" "$VAR" && chmod 0750 "$VAR"

# As the service user, with the unit's UMask; exec all the way down, so
# that $! of `sh -c "$AS_SVC" … &` is followupd itself.
AS_SVC='umask 027; u=$0; g=$1; shift; exec setpriv --reuid="$u" --regid="$g" --init-groups "$@"'
as_svc() { sh -c "$AS_SVC" "$SVC" "$GROUP" "$@"; }
as_member() { runuser -u "$MEMBER" -- "$@"; }

check "the member cannot read the password file" sh -c "! runuser -u '$MEMBER' -- cat '$ETC/sales.pass' 2>/dev/null"
check "the service user's --once run fills the store" as_svc "$BIN/followupd" -c "$CONF" --once
check "…which is 0640, group $GROUP" sh -c \
	"test \"\$(stat -c '%a %G' '$VAR/followup.db')\" = '640 $GROUP'"

# reads ARGS: every read-only command the member runs works.
reads() {
	as_member "$BIN/followup" -c "$CONF" customers --json > "$T/member.json" 2>"$T/member.err" &&
	grep -q '"kunde.de"' "$T/member.json" &&
	as_member "$BIN/followup" -c "$CONF" timeline kunde.de >/dev/null 2>>"$T/member.err" &&
	as_member "$BIN/followup" -c "$CONF" show team-1@kunde.de >/dev/null 2>>"$T/member.err" &&
	as_member "$BIN/followup" -c "$CONF" threads >/dev/null 2>>"$T/member.err" &&
	as_member "$BIN/followup" -c "$CONF" stats >/dev/null 2>>"$T/member.err" &&
	as_member "$BIN/followup" -c "$CONF" outbox >/dev/null 2>>"$T/member.err" ||
	{ cat "$T/member.err"; return 1; }
}
check "after a clean stop, the member reads the store (customers --json, timeline, show, threads, stats, outbox)" reads

sh -c "$AS_SVC" "$SVC" "$GROUP" "$BIN/followupd" -c "$CONF" 2>"$T/daemon.log" &
dpid=$!
i=0
while ! grep -q 'followupd started' "$T/daemon.log" && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
sleep 1
check "while followupd runs, the member reads the store" reads
kill -TERM $dpid
wait $dpid
check "…the daemon stops cleanly" test $? = 0
check "after that clean stop, the member still reads it" reads

sh -c "$AS_SVC" "$SVC" "$GROUP" "$BIN/followupd" -c "$CONF" 2>"$T/daemon2.log" &
dpid=$!
i=0
while ! grep -q 'followupd started' "$T/daemon2.log" && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
sleep 1
kill -KILL $dpid
wait $dpid 2>/dev/null
dpid=
check "after followupd was killed, the member reads it" reads

as_member "$BIN/followup" -c "$CONF" assign kunde.de li.wei@example.com >/dev/null 2>"$T/assign.err"
rc=$?
check "the member cannot change the store (assign exits 3)" test "$rc" = 3
check "…and nothing changed (the customer has no owner)" "$PY" -c "
import sqlite3, sys
db = sqlite3.connect('file:$VAR/followup.db?mode=ro', uri=True)
sys.exit(db.execute(\"SELECT owner FROM customers WHERE key = 'kunde.de'\").fetchone() != (None,))"
check "…the files are as they were (store 0640, directory 0750)" sh -c \
	"test \"\$(stat -c '%a' '$VAR/followup.db') \$(stat -c '%a' '$VAR')\" = '640 750'"
