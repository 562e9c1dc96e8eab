#!/bin/sh
# `make demo`: a throwaway Dovecot on loopback filled with sample sales
# mail (tests/integration/corpus.py) and a throwaway SMTP server, one
# followupd cycle with the three rules of README, and what the team then
# sees: the timelines with `followup`, the acknowledgements and alert mails
# the SMTP server received, and `followup overdue`. Everything lives in a
# temp dir that is removed at the end.
TOP=$(cd "$(dirname "$0")/.." && pwd)
. "$TOP/tests/integration/lib.sh"
. "$TOP/tests/integration/rules_lib.sh"

# The clock of the demo: Wednesday 2026-11-11, 11:00 in Shanghai, an hour
# after the newest inquiry of the sample mailbox arrived.
NOW=2026-11-11T11:00:00+08:00

say() { printf '\n\033[1m$ %s\033[0m\n' "$*"; }

# show_mail FILE: the headers a reader looks at, then the body.
show_mail() {
	"$PY" - "$1" <<'PYEOF'
import email, sys
from email import policy
m = email.message_from_binary_file(open(sys.argv[1], "rb"), policy=policy.default)
for h in ("From", "To", "Subject", "Auto-Submitted", "In-Reply-To"):
    if m[h] is not None:
        print("%s: %s" % (h, m[h]))
print()
print(m.get_body(("plain",)).get_content().rstrip())
PYEOF
}

if ! start_dovecot; then
	echo "demo: Dovecot did not start (is dovecot-imapd installed? see README)" >&2
	exit 1
fi
if ! start_smtpd; then
	echo "demo: the SMTP server did not start (is python3-aiosmtpd installed? see README)" >&2
	exit 1
fi
"$PY" "$TOOLS/corpus.py" write "$T/corpus"
imaptool load "$T/corpus/manifest.json" || exit 1
CONF=$T/followup.conf
write_rules_config "$CONF"
echo "demo: Dovecot on 127.0.0.1:$IMAP_PORT holds the sample mailbox (INBOX and Sent)"
echo "demo: an SMTP server on 127.0.0.1:$SMTP_PORT keeps what followupd sends"
echo "demo: config in $CONF, store in $T/followup.db"
echo "demo: the clock is fixed at $NOW"

say followupd -c "$CONF" --once --now "$NOW"
"$BIN/followupd" -c "$CONF" --once --now "$NOW" || exit 1
say followup customers
"$BIN/followup" -c "$CONF" customers || exit 1
say followup threads --customer kunde.de
"$BIN/followup" -c "$CONF" threads --customer kunde.de || exit 1
say followup timeline hans.mueller@kunde.de
"$BIN/followup" -c "$CONF" timeline hans.mueller@kunde.de || exit 1
say followup timeline factory.com.cn --json
"$BIN/followup" -c "$CONF" timeline factory.com.cn --json || exit 1

say followup rules
"$BIN/followup" -c "$CONF" rules || exit 1
say followup overdue --now "$NOW"
"$BIN/followup" -c "$CONF" overdue --now "$NOW" || exit 1

echo
echo "demo: the SMTP server received $(smtp_count) messages:"
for f in "$SMTP_DIR"/*.eml; do
	"$PY" -c 'import email,sys; from email import policy
m = email.message_from_binary_file(open(sys.argv[1], "rb"), policy=policy.default)
print("  to %-28s %s" % (m["To"].addresses[0].addr_spec, m["Subject"]))' "$f"
done
ack=$(smtp_find 'Auto-Submitted: auto-replied' | head -n 1)
alert=$(smtp_find 'Subject: Overdue' | head -n 1)
if [ -n "$ack" ]; then
	echo
	echo "demo: an acknowledgement, as the buyer reads it:"
	show_mail "$ack" | sed 's/^/  | /'
fi
if [ -n "$alert" ]; then
	echo
	echo "demo: an alert, as the owner reads it:"
	show_mail "$alert" | sed 's/^/  | /'
fi
