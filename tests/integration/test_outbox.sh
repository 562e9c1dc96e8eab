#!/bin/sh
# Exactly-once sending: a server that answers 451 then 250 gets one
# message; a daemon killed with SIGKILL between recording an
# acknowledgement and sending it sends exactly one after the restart; a
# permanent refusal is given up with a log line.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/rules_lib.sh"

start_dovecot || { not_ok "dovecot starts"; exit 1; }
NOW=2026-11-24T10:00:00+08:00
write_spanish_inquiry
mail a INBOX 2026-11-24T09:30:00+08:00

# 451, then 250.
start_smtpd --tempfail 1 || { not_ok "smtpd starts"; exit 1; }
CONF=$T/followup.conf
write_rules_config "$CONF"
"$BIN/followupd" -c "$CONF" --once --now "$NOW" 2>"$T/first.log"
"$BIN/followup" -c "$CONF" outbox --json > "$T/pending.json"
check "a 451 leaves the acknowledgement pending, with the server's words" jcheck "$T/pending.json" \
	'len(j) == 1 and j[0]["state"] == "pending" and j[0]["attempts"] == 1 and "451" in j[0]["last_error"]'
check "…logged as a retry" grep -q 'will retry' "$T/first.log"
check "…and nothing was delivered" test "$(smtp_count)" = 0
"$BIN/followupd" -c "$CONF" --once --now 2026-11-24T10:00:30+08:00 2>/dev/null
check "before the backoff is over nothing is sent" test "$(smtp_count)" = 0
"$BIN/followupd" -c "$CONF" --once --now 2026-11-24T10:05:00+08:00 2>/dev/null
check "after the backoff the server gets it once" test "$(smtp_count)" = 1
"$BIN/followupd" -c "$CONF" --once --now 2026-11-24T11:00:00+08:00 2>/dev/null
check "and never again" test "$(smtp_count)" = 1
check "…in Spanish, from the Spanish template" "$PY" -c "
import email, glob
from email import policy
m = email.message_from_binary_file(open(glob.glob('$SMTP_DIR/*.eml')[0], 'rb'), policy=policy.default)
assert m['Subject'].startswith('Recibido: Solicitud de cotización'), m['Subject']
assert 'Estimado/a Maria Gomez' in m.get_body(('plain',)).get_content()
"
stop_smtpd

# SIGKILL after the acknowledgement is recorded, while it is being sent.
rm -f "$T"/followup.db*
start_smtpd --hold-rcpt 30 || { not_ok "smtpd starts"; exit 1; }
write_rules_config "$CONF"
"$BIN/followupd" -c "$CONF" --once --now "$NOW" 2>"$T/kill.log" &
pid=$!
i=0
while ! grep -q holding "$SMTP_DIR/log" 2>/dev/null && [ $i -lt 200 ]; do
	sleep 0.05
	i=$((i + 1))
done
kill -KILL $pid
wait $pid 2>/dev/null
"$BIN/followup" -c "$CONF" outbox --json > "$T/killed.json"
check "killed while sending: the acknowledgement is recorded, claimed for that one attempt" \
	jcheck "$T/killed.json" \
	'len(j) == 1 and j[0]["state"] == "sending" and j[0]["kind"] == "ack" and j[0]["attempts"] == 1'
stop_smtpd
start_smtpd || { not_ok "smtpd restarts"; exit 1; }
sed -i "s|^url = smtp://127.0.0.1:[0-9]*|url = smtp://127.0.0.1:$SMTP_PORT|" "$CONF"
"$BIN/followupd" -c "$CONF" --once --now "$NOW" 2>"$T/restart.log"
check "the restart says it sends the interrupted one again" \
	grep -q 'was being sent when followupd stopped; sending it again' "$T/restart.log"
"$BIN/followupd" -c "$CONF" --once --now 2026-11-24T12:00:00+08:00 2>/dev/null
check "after the restart exactly one acknowledgement was delivered" test "$(smtp_count)" = 1
stop_smtpd

# A permanent refusal.
rm -f "$T"/followup.db*
start_smtpd --permfail-rcpt maria@empresa.com.co || { not_ok "smtpd starts"; exit 1; }
write_rules_config "$CONF"
"$BIN/followupd" -c "$CONF" --once --now "$NOW" 2>"$T/perm.log"
"$BIN/followup" -c "$CONF" outbox --json > "$T/failed.json"
check "a 550 is given up" jcheck "$T/failed.json" \
	'len(j) == 1 and j[0]["state"] == "failed" and "550" in j[0]["last_error"]'
check "…with one log line" sh -c "test \$(grep -c 'given up' '$T/perm.log') = 1"
"$BIN/followupd" -c "$CONF" --once --now 2026-11-25T12:00:00+08:00 2>/dev/null
check "…and never retried" test "$(smtp_count)" = 0
