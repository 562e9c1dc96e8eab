#!/bin/sh
# `make demo`: a throwaway Dovecot on loopback filled with sample sales
# mail (tests/integration/corpus.py), one followupd cycle, and what the
# team then sees with `followup`. Everything lives in a temp dir that is
# removed at the end.
TOP=$(cd "$(dirname "$0")/.." && pwd)
. "$TOP/tests/integration/lib.sh"

say() { printf '\n\033[1m$ %s\033[0m\n' "$*"; }

if ! start_dovecot; then
	echo "demo: Dovecot did not start (is dovecot-imapd installed? see README)" >&2
	exit 1
fi
"$PY" "$TOOLS/corpus.py" write "$T/corpus"
imaptool load "$T/corpus/manifest.json" || exit 1
CONF=$T/followup.conf
write_config "$CONF"
echo "demo: Dovecot on 127.0.0.1:$IMAP_PORT holds the sample mailbox (INBOX and Sent)"
echo "demo: config in $CONF, store in $T/followup.db"

say followupd -c "$CONF" --once
"$BIN/followupd" -c "$CONF" --once || exit 1
say followup customers
"$BIN/followup" -c "$CONF" customers || exit 1
say followup threads --customer kunde.de
"$BIN/followup" -c "$CONF" threads --customer kunde.de || exit 1
say followup timeline hans.mueller@kunde.de
"$BIN/followup" -c "$CONF" timeline hans.mueller@kunde.de || exit 1
say followup timeline factory.com.cn --json
"$BIN/followup" -c "$CONF" timeline factory.com.cn --json || exit 1
