#!/bin/sh
# An inquiry nobody owns (no [person] covers its country, nobody wrote in
# it, nobody was assigned): its alerts go to [company] alerts-to, and so
# does its escalation, which has no owner's manager to go to.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/rules_lib.sh"

start_dovecot || { not_ok "dovecot starts"; exit 1; }
start_smtpd || { not_ok "smtpd starts"; exit 1; }
CONF=$T/followup.conf
write_rules_config "$CONF"
NOW=2026-11-24T10:00:00+08:00        # Tuesday: breached since Friday
LATER=2026-11-25T14:00:00+08:00      # Wednesday: 24 business hours past the breach

cat > "$T/f.eml" <<'MSG'
From: Pedro Rojas <pedro@fabrica-norte.com.co>
To: sales@example.com
Subject: Solicitud de precios valvulas
Date: Wed, 18 Nov 2026 10:05:00 +0800
Message-ID: <unowned@fabrica-norte.com.co>
Content-Type: text/plain; charset=UTF-8

Buenos dias, necesitamos precios de 300 valvulas de bola DN40.
MSG
mail f INBOX 2026-11-18T10:05:00+08:00

check "followupd --once at the breach" "$BIN/followupd" -c "$CONF" --once --now "$NOW"
cp "$T/check.out" "$T/now.log"
check "the breach goes to alerts-to" sh -c "
	f=\$(grep -l 'sales@example.com' $SMTP_DIR/*.json) && test \$(echo \"\$f\" | grep -c .) = 1"
check "followupd --once after 24 business hours more" \
	"$BIN/followupd" -c "$CONF" --once --now "$LATER"
cp "$T/check.out" "$T/later.log"
check "…the escalation goes to alerts-to too" sh -c "
	test \$(grep -l 'sales@example.com' $SMTP_DIR/*.json | wc -l) = 2 &&
	grep -l '^X-Followup-Rule: first-response' $SMTP_DIR/*.eml | xargs grep -l 'Solicitud de precios' | wc -l | grep -qx 2"
check "…and nothing says that nobody can be told" sh -c "! grep -q 'nobody can be told' '$T/now.log' '$T/later.log'"
"$BIN/followup" -c "$CONF" outbox --all --json > "$T/outbox.json"
check "outbox: an alert and an escalation, both to alerts-to" jcheck "$T/outbox.json" \
	'sorted(e["kind"] for e in j) == ["alert", "escalation"] and all(e["recipient"] == "sales@example.com" for e in j)'
