#!/bin/sh
# `sh bench/size.sh [N]` (after `make`): where the bytes of a store go.
# N generated messages (default 3000; bench/size_mail.py: headers of real
# mail, threads, HTML alternatives, PDFs, Chinese) plus tests/data/corpus,
# loaded into a loopback Dovecot and synced with `followupd --once`; then
# bench/size_report.py prints the store per table against the raw mail
# compressed message by message with zstd -3 (issue 12's goal: store <=
# 1.2 x that + the search index). SIZE_KEEP=DIR keeps the store and mail.
TOP=$(cd "$(dirname "$0")/.." && pwd)
. "$TOP/tests/integration/lib.sh"
N=${1:-3000}
command -v zstd >/dev/null 2>&1 || { echo "size: zstd is missing (apt-get install zstd)"; exit 1; }
start_dovecot || { echo "size: Dovecot did not start"; exit 1; }
"$PY" "$TOP/bench/size_mail.py" "$T/mail" "$N" "$TOP/tests/data/corpus" || exit 1
imaptool load "$T/mail/manifest.json" >/dev/null || exit 1
CONF=$T/followup.conf
write_config "$CONF"
sed -i 's/^folders = INBOX, Sent$/folders = INBOX/; /^sent-folders/d' "$CONF"
/usr/bin/time -f "sync: %e s wall, %U s user, %S s sys, %M KB peak RSS" \
	"$BIN/followupd" -c "$CONF" --once >"$T/sync.log" 2>&1 ||
	{ echo "size: followupd failed:"; tail -5 "$T/sync.log"; exit 1; }
tail -1 "$T/sync.log"
"$PY" "$TOP/bench/size_report.py" "$T/followup.db" "$T/mail"
rc=$?
if [ -n "${SIZE_KEEP:-}" ]; then
	mkdir -p "$SIZE_KEEP" && cp -r "$T/followup.db" "$T/mail" "$CONF" "$SIZE_KEEP"/
fi
exit $rc
