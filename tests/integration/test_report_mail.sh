#!/bin/sh
# followupd mails the weekly report (issue 10, item 4): `report = weekly
# Mon 08:30` on a [person], against a real Dovecot and a real SMTP server
# at fixed --now times on the Shanghai calendar: nothing before the time,
# one multipart/alternative mail (a plain-text part, then the HTML page
# with its SVG charts) once it has come, none again that week or on
# another day; a bad schedule is refused naming file, line and key.
. "$(dirname "$0")/lib.sh"

start_dovecot || { not_ok "dovecot starts"; exit 1; }
start_smtpd || { not_ok "smtpd starts"; exit 1; }
"$PY" "$TOOLS/corpus.py" write "$T/corpus"
check "the corpus is in Dovecot" imaptool load "$T/corpus/manifest.json"
CONF=$T/followup.conf
write_config "$CONF"
sed -i "s|^url = smtp://127.0.0.1:2525|url = smtp://127.0.0.1:$SMTP_PORT|" "$CONF"
sed -i 's|^countries = DE, AE, PL|&\nreport = weekly Mon 08:30|' "$CONF"
cat >> "$CONF" <<CONF
[rule first-answer]
on = inquiry
within = 24h business
CONF
pass() { "$BIN/followupd" -c "$CONF" --once --now "$1" 2>> "$T/daemon.log"; }
reports() { grep -l '^Subject: Weekly report' "$SMTP_DIR"/*.eml 2>/dev/null | wc -l; }

check "a pass on Monday 30 Nov at 08:00 Shanghai files the mail" pass 2026-11-30T08:00:00+08:00
check "…and sends no report: 08:30 has not come" test "$(reports)" = 0
check "a pass at 08:31" pass 2026-11-30T08:31:00+08:00
check "…sends one report" test "$(reports)" = 1
mail=$(grep -l '^Subject: Weekly report' "$SMTP_DIR"/*.eml)
check "…to li.wei, the text part first, then the HTML page with the charts" "$PY" - "$mail" "${mail%.eml}.json" <<'PYEOF'
import email, email.policy, json, sys
m = email.message_from_binary_file(open(sys.argv[1], "rb"), policy=email.policy.default)
env = json.load(open(sys.argv[2]))
assert "li.wei@example.com" in json.dumps(env), env
assert m["Subject"] == "Weekly report: Acme Pumps, 2026-11-30", m["Subject"]
assert m["Auto-Submitted"] == "auto-generated"
assert m.get_content_type() == "multipart/alternative", m.get_content_type()
parts = list(m.iter_parts())
assert [p.get_content_type() for p in parts] == ["text/plain", "text/html"], parts
text, html = parts[0].get_content(), parts[1].get_content()
# 2 Nov 08:30 to 30 Nov 08:30: all eleven inquiries of the corpus
assert "Inquiries received                 11" in text, text
assert "First response, 90th percentile    2h00m" in text, text
assert "li.wei@example.com: 3, 2h00m, 1, 0" in text, text
assert "<b>11</b><span>inquiries received" in html
assert html.count('<svg class="chart') == 4
assert "2026-11-02 to 2026-11-30" in html
PYEOF
check "a pass at 09:00 the same Monday" pass 2026-11-30T09:00:00+08:00
check "…sends no second report" test "$(reports)" = 1
check "a pass on Tuesday at 08:31" pass 2026-12-01T08:31:00+08:00
check "…sends none: not the day" test "$(reports)" = 1
check "outbox --all: the report sent, kind report" sh -c "
	'$BIN/followup' -c '$CONF' outbox --all --json > '$T/outbox.json'"
check "…one" jcheck "$T/outbox.json" '[(e["kind"], e["state"]) for e in j if e["kind"] == "report"] == [("report", "sent")]'

sed -i 's|^report = weekly Mon 08:30|report = weekly Mnd 08:30|' "$CONF"
check "report = weekly Mnd 08:30 is refused naming the file, line and key" sh -c "
	! '$BIN/followupd' -c '$CONF' --check-config 2> '$T/bad.err' &&
	grep -q 'followup.conf:[0-9]*: \[person li.wei@example.com\] report: .weekly Mnd 08:30. is not a weekly time' '$T/bad.err'"
