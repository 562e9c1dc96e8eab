#!/bin/sh
# A full disk: the store on a small tmpfs that the test fills.
#  - The SMTP server's 250 for an acknowledgement arrives when the store
#    can take no write: followupd keeps the answer, sends nothing else,
#    and records it once space is back; the buyer gets it once.
#  - New mail while the disk is full is not lost: one log line when
#    writing stops, one when it goes on, and the mail is filed then.
# Needs root (mount); without it the test says so and counts nothing.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/rules_lib.sh"

FS=$T/fs
mkdir -p "$FS"
if [ "$(id -u)" != 0 ] || ! mount -t tmpfs -o size=24m,mode=0755 tmpfs "$FS" 2>/dev/null; then
	diag "SKIP: mounting a tmpfs needs root; nothing counted"
	exit 0
fi
umount_fs() { umount "$FS" 2>/dev/null; }
trap 'umount_fs; cleanup' EXIT
DB=$FS/followup.db

# checkpoint_truncate: the WAL emptied and cut to 0 bytes, so that the
# next write needs new blocks (a WAL file keeps its size otherwise, and a
# small write would fit in space it already has).
checkpoint_truncate() {
	"$PY" -c "
import sqlite3, sys
c = sqlite3.connect(sys.argv[1], timeout=20)
busy, _, _ = c.execute('PRAGMA wal_checkpoint(TRUNCATE)').fetchone()
sys.exit(busy)" "$DB"
}
fill_disk() {
	dd if=/dev/zero of="$FS/filler" bs=64k >/dev/null 2>&1
	sync
}
free_disk() { rm -f "$FS/filler"; }
# wait_for SECONDS COMMAND...: polls every 0.2 s.
wait_for() {
	n=$(($1 * 5)); shift
	while [ $n -gt 0 ]; do
		"$@" >/dev/null 2>&1 && return 0
		sleep 0.2
		n=$((n - 1))
	done
	return 1
}
count_in_log() { grep -c -- "$1" "$T/daemon.log"; }
smtp_count_is() { test "$(smtp_count)" = "$1"; }

start_dovecot || { not_ok "dovecot starts"; exit 1; }
NOW=2026-11-24T10:00:00+08:00
write_inquiry() {
	cat > "$T/$1.eml" <<MSG
From: Hans Weber <hans@$2>
To: sales@example.com
Subject: Anfrage $1
Date: Tue, 24 Nov 2026 09:30:00 +0800
Message-ID: <$1@$2>
Content-Type: text/plain; charset=UTF-8

Sehr geehrte Damen und Herren, bitte senden Sie uns ein Angebot für 50 Pumpen XP-200.
MSG
	mail "$1" INBOX 2026-11-24T09:30:00+08:00
}
write_inquiry first kunde-eins.de

start_smtpd --hold-rcpt 5 || { not_ok "smtpd starts"; exit 1; }
CONF=$T/followup.conf
write_rules_config "$CONF"
sed -i "s|^path = .*|path = $DB|; s|^poll = .*|poll = 10s|" "$CONF"
"$BIN/followupd" -c "$CONF" --now "$NOW" 2>"$T/daemon.log" &
dpid=$!

# 1. The answer to an acknowledgement arrives with the disk full.
wait_for 20 grep -q holding "$SMTP_DIR/log"
checkpoint_truncate
fill_disk
check "the server took the acknowledgement" wait_for 20 smtp_count_is 1
# A sync cycle every 10 s starts a rules pass: two of them.
sleep 22
check "with the disk full, followupd says once that it cannot write" \
	test "$(count_in_log 'cannot write: the disk is full')" = 1
check "…and sends it no second time (one copy in 22 s)" smtp_count_is 1
"$BIN/followup" -c "$CONF" outbox --json > "$T/full.json"
check "…the store still shows it claimed, not pending" jcheck "$T/full.json" \
	'len(j) == 1 and j[0]["state"] == "sending"'
free_disk
check "space back: the answer is recorded" wait_for 40 sh -c \
	"'$BIN/followup' -c '$CONF' outbox --json > '$T/freed.json' && grep -q '^\\[\\]' '$T/freed.json'"
"$BIN/followup" -c "$CONF" outbox --all --json > "$T/all.json"
check "…as sent, after one attempt" jcheck "$T/all.json" \
	'len(j) == 1 and j[0]["state"] == "sent" and j[0]["attempts"] == 1'
check "…with one line saying writing goes on" test "$(count_in_log 'writing again')" = 1
check "…and the buyer got exactly one acknowledgement" smtp_count_is 1

# 2. New mail while the disk is full.
checkpoint_truncate
fill_disk
# Enough text that filing it needs new pages even in a reused WAL.
write_inquiry second kunde-zwei.de
wait_for 40 sh -c "test \$(grep -c 'cannot write: the disk is full' '$T/daemon.log') = 2"
check "new mail on a full disk: one more line that writing stopped" \
	test "$(count_in_log 'cannot write: the disk is full')" = 2
"$BIN/followup" -c "$CONF" timeline kunde-zwei.de > /dev/null 2>&1
rc=$?
check "…the message is not filed yet (timeline exits 1)" test "$rc" = 1
sleep 12
check "…and retries say nothing more" test "$(count_in_log 'cannot write: the disk is full')" = 2
check "…and nothing is sent meanwhile" smtp_count_is 1
free_disk
check "space back: the message is filed without anyone's help" wait_for 60 \
	"$BIN/followup" -c "$CONF" timeline kunde-zwei.de
check "…its acknowledgement is sent once" wait_for 60 smtp_count_is 2
check "…with one more line saying writing goes on" test "$(count_in_log 'writing again')" = 2
kill -TERM $dpid
wait $dpid
check "followupd stops cleanly" test $? = 0
check "the store is intact (PRAGMA integrity_check)" "$PY" -c "
import sqlite3, sys
r = sqlite3.connect(sys.argv[1]).execute('PRAGMA integrity_check').fetchall()
sys.exit(0 if r == [('ok',)] else r)" "$DB"
check "each Message-ID reached the SMTP server once" sh -c \
	"grep -hi '^Message-ID:' '$SMTP_DIR'/*.eml | sort | uniq -d | grep -q . && exit 1 || exit 0"
