#!/bin/sh
# Rules end to end, with a real Dovecot and a real SMTP server: an
# acknowledgement in the buyer's language, once, never to robots or old
# mail; alerts at a breach, escalation to the manager; `followup overdue`,
# `rules`, `outbox`, `assign`.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/rules_lib.sh"

start_dovecot || { not_ok "dovecot starts"; exit 1; }
start_smtpd || { not_ok "smtpd starts"; exit 1; }
CONF=$T/followup.conf
write_rules_config "$CONF"
FU="$BIN/followup -c $CONF"
NOW=2026-11-24T10:00:00+08:00        # a Tuesday in Shanghai
LATER=2026-11-25T14:00:00+08:00      # Wednesday afternoon

# A: a new German inquiry (Reply-To: purchasing), 30 minutes old.
cat > "$T/a.eml" <<'MSG'
From: Hans Mueller <hans.mueller@kunde.de>
Reply-To: Einkauf Kunde <einkauf@kunde.de>
To: sales@example.com
Subject: Anfrage: Kreiselpumpen XP-200
Date: Tue, 24 Nov 2026 09:30:00 +0800
Message-ID: <new-inquiry@kunde.de>
Content-Type: text/plain; charset=UTF-8

Sehr geehrte Damen und Herren,

wir benötigen 200 Stück Kreiselpumpen XP-200, FOB Ningbo. Bitte senden Sie uns Ihr Angebot bis Ende der Woche.

Mit freundlichen Grüßen
Hans Müller
MSG
# B: an inquiry of last Wednesday, never answered: too old to acknowledge,
# breached (due Friday 16:00), escalated from Wednesday 13:00 on.
cat > "$T/b.eml" <<'MSG'
From: Klaus Berg <klaus@altkunde.de>
To: sales@example.com
Subject: Preisanfrage Dichtungen
Date: Wed, 18 Nov 2026 10:00:00 +0800
Message-ID: <old-inquiry@altkunde.de>
Content-Type: text/plain; charset=UTF-8

Guten Tag, bitte nennen Sie uns Ihren Preis für 500 Dichtungen DN50. Danke.
MSG
# C: a robot's "inquiry".
cat > "$T/c.eml" <<'MSG'
From: Shop <noreply@shop-robot.com>
To: sales@example.com
Subject: New contact form entry
Date: Tue, 24 Nov 2026 09:40:00 +0800
Message-ID: <robot@shop-robot.com>
Content-Type: text/plain; charset=UTF-8

A visitor asked for a price list for pumps.
MSG
# D: our quotation of last Thursday, and the buyer's out-of-office only.
cat > "$T/d.eml" <<'MSG'
From: Li Wei <li.wei@example.com>
To: Omar <omar@importer.ae>
Subject: Quotation QT-2026-77 for booster pumps
Date: Thu, 19 Nov 2026 10:00:00 +0800
Message-ID: <qt-77@example.com>
Content-Type: text/plain; charset=UTF-8

Dear Omar, please find our quotation QT-2026-77: USD 520 per set, CIF Jebel Ali.
MSG
cat > "$T/e.eml" <<'MSG'
From: Omar <omar@importer.ae>
To: li.wei@example.com
Subject: Automatic reply: Quotation QT-2026-77 for booster pumps
Date: Thu, 19 Nov 2026 10:01:00 +0800
Message-ID: <ooo@importer.ae>
In-Reply-To: <qt-77@example.com>
Auto-Submitted: auto-replied
Content-Type: text/plain; charset=UTF-8

I am out of the office until 30 November.
MSG
mail a INBOX 2026-11-24T09:30:00+08:00
mail b INBOX 2026-11-18T10:00:00+08:00
mail c INBOX 2026-11-24T09:40:00+08:00
mail d Sent 2026-11-19T10:00:00+08:00
mail e INBOX 2026-11-19T10:01:00+08:00

check "followupd --check-config accepts the three contract rules" \
	"$BIN/followupd" -c "$CONF" --check-config
check "followupd --once --now syncs and runs the rules" \
	"$BIN/followupd" -c "$CONF" --once --now "$NOW"
cp "$T/check.out" "$T/run1.log"

ack=$(smtp_find 'In-Reply-To: <new-inquiry@kunde.de>')
check "one acknowledgement, to the Reply-To address" sh -c "
	test \$(echo '$ack' | grep -c .) = 1 && grep -q '\"rcpt_tos\": \[\"einkauf@kunde.de\"\]' '${ack%.eml}.json'"
check "…from the null sender <>" grep -q '"mail_from": "<>"' "${ack%.eml}.json"
check "…with Auto-Submitted, References and a Message-ID of our domain" sh -c "
	grep -q '^Auto-Submitted: auto-replied' '$ack' && grep -q '^References: <new-inquiry@kunde.de>' '$ack' &&
	grep -qE '^Message-I[dD]: <followup\.[0-9a-f]+@example.com>' '$ack'"
"$PY" - "$ack" > "$T/ack.txt" <<'PYEOF'
import email, sys
from email import policy
m = email.message_from_binary_file(open(sys.argv[1], "rb"), policy=policy.default)
print(m["Subject"])
print(m.get_body(("plain",)).get_content())
PYEOF
check "…in German, from the German template" grep -q 'Kreiselpumpen XP-200' "$T/ack.txt"
check "…in CRLF lines only" "$PY" -c "
import sys
data = open('$ack', 'rb').read()
assert data.count(b'\\n') == data.count(b'\\r\\n') > 10, 'bare LF'
assert data.count(b'\\r') == data.count(b'\\r\\n'), 'bare CR'
"
check "no acknowledgement to the robot or for the old inquiry (one ack in all)" sh -c "
	test \$(grep -l '^Auto-Submitted: auto-replied' $SMTP_DIR/*.eml | wc -l) = 1"
alert_b=$(smtp_find 'Preisanfrage Dichtungen')
check "the unanswered inquiry breached: one alert to its owner (DE: li.wei)" sh -c "
	test \$(echo '$alert_b' | grep -c .) = 1 && grep -q 'li.wei@example.com' '${alert_b%.eml}.json'"
alert_d=$(smtp_find 'QT-2026-77')
check "the quote with only an out-of-office breached: one alert to li.wei" sh -c "
	test \$(echo '$alert_d' | grep -c .) = 1 && grep -q 'li.wei@example.com' '${alert_d%.eml}.json'"
check "three messages in all" test "$(smtp_count)" = 3

$FU overdue --json --now "$NOW" > "$T/overdue.json"
check "overdue --json: both breaches, with the contract fields" jcheck "$T/overdue.json" \
	'len(j) == 2 and all(set(["rule","customer","thread","owner","subject","since","due","overdue_seconds","state"]) <= set(e) for e in j) and sorted(e["rule"] for e in j) == ["first-response", "quote-follow-up"] and all(e["state"] == "breached" and e["owner"] == "li.wei@example.com" for e in j)'
check "…most overdue first" jcheck "$T/overdue.json" 'j[0]["overdue_seconds"] >= j[1]["overdue_seconds"] > 0'
check "…the inquiry was due Friday 16:00 Shanghai" jcheck "$T/overdue.json" \
	'[e["due"] for e in j if e["rule"] == "first-response"] == ["2026-11-20T08:00:00Z"]'
$FU overdue --rule quote-follow-up --json --now "$NOW" > "$T/overdue-q.json"
check "overdue --rule filters" jcheck "$T/overdue-q.json" 'len(j) == 1 and j[0]["customer"] == "importer.ae"'
$FU timeline kunde.de --json > "$T/kunde.json"
check "the acknowledgement is on the customer's timeline as kind ack" jcheck "$T/kunde.json" \
	'[e["kind"] for e in j] == ["inquiry", "ack"] and j[1]["direction"] == "out" and j[0]["thread"] == j[1]["thread"]'
$FU timeline altkunde.de --json > "$T/alt.json"
check "the alert is on the timeline as kind alert" jcheck "$T/alt.json" \
	'[e["kind"] for e in j] == ["inquiry", "alert"]'

check "a second run sends nothing more" sh -c "
	'$BIN/followupd' -c '$CONF' --once --now '$NOW' && test \$(ls $SMTP_DIR/*.eml | wc -l) = 3"

check "after 24 business hours past the breach, one escalation" \
	"$BIN/followupd" -c "$CONF" --once --now "$LATER"
esc=$(grep -l 'zhang@example.com' "$SMTP_DIR"/*.json)
check "…to the owner's manager" sh -c "test \$(echo '$esc' | grep -c .) = 1 && grep -q 'Preisanfrage Dichtungen' '${esc%.json}.eml' && test $(smtp_count) = 4"
$FU overdue --json --now "$LATER" > "$T/overdue2.json"
check "overdue shows it escalated" jcheck "$T/overdue2.json" \
	'any(e["rule"] == "first-response" and e["state"] == "escalated" for e in j)'

$FU rules > "$T/rules.txt"
check "rules shows the three rules in plain words" sh -c "
	grep -q '^ack-inquiry' '$T/rules.txt' && grep -q '^first-response' '$T/rules.txt' && grep -q '^quote-follow-up' '$T/rules.txt' && grep -qi 'working hours' '$T/rules.txt'"
$FU outbox --all --json > "$T/outbox.json"
check "outbox --all lists the four sent messages" jcheck "$T/outbox.json" \
	'len(j) == 4 and all(e["state"] == "sent" for e in j) and sorted(e["kind"] for e in j) == ["ack", "alert", "alert", "escalation"]'
check "outbox without --all: nothing waiting" sh -c "'$BIN/followup' -c '$CONF' outbox | grep -q 'nothing waiting or failed'"

check "assign sets the customer's owner" sh -c "'$BIN/followup' -c '$CONF' assign importer.ae zhang@example.com | grep -q zhang"
$FU overdue --owner zhang@example.com --json --now "$NOW" > "$T/overdue-z.json"
check "…but the colleague who last wrote still owns the thread" jcheck "$T/overdue-z.json" 'len(j) == 0'
check "assign refuses an unknown person" sh -c "! '$BIN/followup' -c '$CONF' assign importer.ae nobody@example.com 2>/dev/null"

# A warning at warn-at, and the daily digest at 08:30 of the person's day.
sed -i 's|^escalate = manager after 24h business .*|&\nwarn-at = 75%|' "$CONF"
sed -i 's|^countries = DE, AE, PL|&\ndigest = 08:30|' "$CONF"
THU=2026-11-26T10:00:00+08:00        # 18.5 working hours after inquiry A
check "a pass at 75% of the time" "$BIN/followupd" -c "$CONF" --once --now "$THU"
warn=$(grep -l 'new-inquiry@kunde.de\|Kreiselpumpen' "$SMTP_DIR"/*.eml | xargs grep -l 'Due soon')
check "one warning for the inquiry still unanswered, to its owner" sh -c "
	test \$(echo '$warn' | grep -c .) = 1 && grep -q 'li.wei@example.com' '${warn%.eml}.json'"
digest=$(grep -l 'open' "$SMTP_DIR"/*.eml | xargs grep -l '^Subject: Follow-ups for 2026-11-26')
check "one digest for li.wei listing the open conversations" sh -c "
	test \$(echo '$digest' | grep -c .) = 1 && grep -q 'li.wei@example.com' '${digest%.eml}.json' &&
	grep -q 'altkunde.de' '$digest' && grep -q 'importer.ae' '$digest'"
n=$(smtp_count)
check "the same day, no second warning or digest" sh -c "
	'$BIN/followupd' -c '$CONF' --once --now 2026-11-26T11:00:00+08:00 && test \$(ls $SMTP_DIR/*.eml | wc -l) = $n"

# Holidays: a day off in the company's calendar moves business-time dues.
printf '# days off\n2026-11-20 company outing\n' > "$T/holidays.txt"
sed -i 's|^alerts-to = sales@example.com|&\nholidays = holidays.txt|' "$CONF"
$FU overdue --rule first-response --json --now "$NOW" > "$T/overdue-h.json"
check "a holiday on Friday moves the inquiry's due time to Monday 16:00 Shanghai" jcheck "$T/overdue-h.json" \
	'[e["due"] for e in j if e["customer"] == "altkunde.de"] == ["2026-11-23T08:00:00Z"]'
printf '2026-11-31\n' > "$T/holidays.txt"
"$BIN/followupd" -c "$CONF" --check-config 2>"$T/hol.err"
rc=$?
line=$(grep -n '^holidays = ' "$CONF" | cut -d: -f1)
check "a bad holiday file: exit 78, the config's line and key, then the file's line" sh -c "
	test $rc = 78 && grep -qF '$CONF:$line: [company] holidays: $T/holidays.txt:1:' '$T/hol.err' && grep -q '2026-11-31' '$T/hol.err'"
