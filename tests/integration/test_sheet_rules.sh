#!/bin/sh
# Rules for the sheet's dates (issue 9, item 6) against a real Dovecot and
# a real SMTP server, at fixed --now times on a Shanghai office calendar
# (Mon-Fri 09:00-18:00): payment reminders 3 days before the due date and
# every 3 days after it, to the owner and finance and politely to the
# buyer in their language, none twice and none once paid; a next action
# whose date has come; a key customer gone quiet (grade S or A only);
# `followup overdue` listing them; the buyer's reminder on the timeline
# as kind reminder, never a person's contact.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/rules_lib.sh"

start_dovecot || { not_ok "dovecot starts"; exit 1; }
start_smtpd || { not_ok "smtpd starts"; exit 1; }
CONF=$T/followup.conf
write_config "$CONF"
sed -i "s|^url = smtp://127.0.0.1:2525|url = smtp://127.0.0.1:$SMTP_PORT|" "$CONF"
sed -i "s|^work-hours = Mon-Fri 09:00-18:00|work-hours = Mon-Fri 09:00-18:00\nalerts-to = sales@example.com|" "$CONF"
mkdir -p "$T/templates"
cp "$TOP"/config/templates/payment-reminder*.txt "$T/templates/"
cat >> "$CONF" <<CONF
[person finance@example.com]
name = 财务部
language = zh
[rule payment-watch]
on = payment-due
before = 3d
late-every = 3d
notify = owner, finance@example.com
[rule payment-reminder]
on = payment-due
action = remind-customer
template = $T/templates/payment-reminder
before = 3d
late-every = 3d
[rule next-action]
on = next-action
[rule key-silent]
on = silence
within = 60d
grade = S, A
CONF

# kunde.de: Hans asked in German, Li Wei quoted (the order's quote).
cat > "$T/h.eml" <<'MSG'
From: Hans Kraemer <hans@kunde.de>
To: sales@example.com
Subject: Anfrage Kreiselpumpen XP-200
Date: Mon, 02 Nov 2026 09:00:00 +0100
Message-ID: <anfrage-1@kunde.de>
Content-Type: text/plain; charset=UTF-8

Sehr geehrte Damen und Herren, wir benötigen ein Angebot für 40 Kreiselpumpen XP-200, Lieferung nach Hamburg. Vielen Dank und freundliche Grüße, Hans Kraemer
MSG
mail h INBOX 2026-11-02T16:00:00+08:00
cat > "$T/q.eml" <<'MSG'
From: Li Wei <li.wei@example.com>
To: Hans Kraemer <hans@kunde.de>
Subject: Re: Anfrage Kreiselpumpen XP-200
Date: Tue, 03 Nov 2026 10:00:00 +0800
Message-ID: <q-100@example.com>
In-Reply-To: <anfrage-1@kunde.de>
References: <anfrage-1@kunde.de>
Content-Type: text/plain; charset=UTF-8

Dear Hans, our quotation: XP-200 at USD 300 per unit, FOB Ningbo. Best regards, Li Wei
MSG
mail q Sent 2026-11-03T10:00:00+08:00
# quieto.com.br (to be graded A) and silenzio.it (C) last wrote on 1 September.
cat > "$T/b.eml" <<'MSG'
From: Joao Silva <joao@quieto.com.br>
To: sales@example.com
Subject: Cotacao de bombas
Date: Tue, 01 Sep 2026 09:00:00 -0300
Message-ID: <cot-1@quieto.com.br>
Content-Type: text/plain; charset=UTF-8

Bom dia, precisamos de uma cotacao para 20 bombas centrifugas. Obrigado.
MSG
mail b INBOX 2026-09-01T20:00:00+08:00
cat > "$T/i.eml" <<'MSG'
From: Marco Rossi <marco@silenzio.it>
To: sales@example.com
Subject: Richiesta di offerta pompe
Date: Tue, 01 Sep 2026 09:00:00 +0200
Message-ID: <rich-1@silenzio.it>
Content-Type: text/plain; charset=UTF-8

Buongiorno, vorremmo un'offerta per 10 pompe centrifughe. Grazie.
MSG
mail i INBOX 2026-09-01T15:00:00+08:00

D0=2026-11-23T10:00:00+08:00     # Monday: PI-100 is due on Thursday the 26th
FU="$BIN/followup -c $CONF --now $D0"
daemon() {
	"$BIN/followupd" -c "$CONF" --once --now "$1" > "$T/daemon-$1.log" 2>&1
}
count() {
	ls "$SMTP_DIR"/*.eml 2>/dev/null | wc -l
}

check "followupd --once before any date" daemon 2026-11-16T10:00:00+08:00
check "…files the mail and sends nothing yet" sh -c "test $(count) = 0"
check "rules: the four rules in plain words" run rules 0 rules
check "…described" sh -c "
	grep -q 'Tell the owner and finance@example.com about an unpaid order 3 days before its payment is due, and every 3 days after the due date while it stays unpaid' '$T/rules.out' &&
	grep -q 'Remind the buyer of an unpaid order, in their language' '$T/rules.out' &&
	grep -q 'when a customer of grade S or A has written nothing for 60 days' '$T/rules.out'"
check "order PI-100, due Thursday, from Li Wei's quote" run add1 0 order add kunde.de --no PI-100 \
	--amount 12000 --currency USD --due 2026-11-26 --quote q-100@example.com
check "order PI-200, due Thursday too, paid in full" sh -c "
	$FU order add kunde.de --no PI-200 --amount 500 --currency USD --due 2026-11-26 >/dev/null &&
	$FU order paid PI-200 --amount 500 --date 2026-11-20 >/dev/null"
check "grades: quieto.com.br A, silenzio.it C" sh -c "
	$FU customer set quieto.com.br grade=A >/dev/null && $FU customer set silenzio.it grade=C >/dev/null"
check "a next action for kunde.de today" run next 0 customer set kunde.de \
	"next-action=call Hans about the sample" next-date=2026-11-23

# ---- Monday 23rd, 10:00 ----
check "overdue --json on Monday" run od 0 overdue --json
check "…the payment due soon under both payment rules, PI-200 not (paid)" jcheck "$T/od.out" '(
sorted((e["rule"], e.get("order"), e["state"], e["due_local"]) for e in j if e["on"] == "payment-due") ==
[("payment-reminder", "PI-100", "due-soon", "2026-11-26"), ("payment-watch", "PI-100", "due-soon", "2026-11-26")])'
check "…the next action, due, its text the subject, Li Wei's" jcheck "$T/od.out" '(
[(e["customer"], e["state"], e["subject"], e["owner"], e["due_local"]) for e in j if e["rule"] == "next-action"] ==
[("kunde.de", "due", "call Hans about the sample", "li.wei@example.com", "2026-11-23")])'
check "…the A customer gone quiet, not the C one" jcheck "$T/od.out" '(
[(e["customer"], e["state"], e["thread"], e["due_local"]) for e in j if e["rule"] == "key-silent"] == [("quieto.com.br", "silent", None, "2026-10-31 20:00")])'
check "overdue as text names the rule and the order" run odt 0 overdue
check "…one line each" sh -c "grep -q '^due-soon *payment-watch *kunde.de *li.wei@example.com *2026-11-26 *- *PI-100: USD 12000.00 open\$' '$T/odt.out' &&
	grep -q '^silent *key-silent *quieto.com.br' '$T/odt.out'"
check "overdue --rule key-silent keeps that rule" run odr 0 overdue --rule key-silent --json
check "…only it" jcheck "$T/odr.out" '[e["rule"] for e in j] == ["key-silent"]'

check "followupd --once on Monday 10:00" daemon $D0
check "…5 mails: 2 alerts, 1 reminder, next action, silence" sh -c "test $(count) = 5"
# subjects: one line per mail, "RECIPIENT SUBJECT", decoded
subjects() {
	"$PY" - "$SMTP_DIR" <<'PYEOF'
import email, glob, json, sys
from email import policy
for p in sorted(glob.glob(sys.argv[1] + "/*.eml")):
    m = email.message_from_binary_file(open(p, "rb"), policy=policy.default)
    print(",".join(json.load(open(p[:-4] + ".json"))["rcpt_tos"]), m["Subject"])
PYEOF
}
subjects > "$T/subjects"
check "…the alert to the owner about PI-100 due soon, and to finance in Chinese (language = zh)" sh -c "
	grep -qx 'li.wei@example.com Payment due soon: kunde.de order PI-100' '$T/subjects' &&
	grep -qx 'finance@example.com 收款提醒：kunde.de 订单 PI-100（到期 2026-11-26）' '$T/subjects' || { cat '$T/subjects'; false; }"
check "…the buyer's reminder: to Hans, in German, in reply to the quote, automatic" sh -c "
	f=\$(grep -l '^X-Followup-Rule: payment-reminder' $SMTP_DIR/*.eml) && test \$(echo \"\$f\" | wc -l) = 1 &&
	grep -q '^To: .*hans@kunde.de' \$f && grep -q '^In-Reply-To: <q-100@example.com>' \$f &&
	grep -q '^Auto-Submitted: auto-generated' \$f &&
	grep -q 'hans@kunde.de' \$(echo \$f | sed 's/\.eml/.json/')"
check "…its German text names the order and the amount" "$PY" -c "
import email, glob, sys
from email import policy
for p in glob.glob('$SMTP_DIR/*.eml'):
    m = email.message_from_binary_file(open(p, 'rb'), policy=policy.default)
    if m['X-Followup-Rule'] == 'payment-reminder':
        body = m.get_body().get_content()
        assert 'Erinnerung' in m['Subject'] and 'PI-100' in m['Subject'], m['Subject']
        assert 'USD 12000.00' in body and '2026-11-26' in body and 'Li Wei' in body, body
        sys.exit(0)
sys.exit(1)"
check "…the next action to Li Wei" sh -c "grep -l 'Next action due: kunde.de: call Hans about the sample' $SMTP_DIR/*.eml | xargs grep -l 'li.wei@example.com' >/dev/null"
check "…the silence to alerts-to (nobody covers BR)" sh -c "
	f=\$(grep -l 'Gone quiet: quieto.com.br (A) since 2026-09-01' $SMTP_DIR/*.eml) && grep -q 'sales@example.com' \$(echo \$f | sed 's/\.eml/.json/')"
check "…nothing about silenzio.it (grade C)" sh -c "! grep -l 'silenzio' $SMTP_DIR/*.eml"

check "the reminder on kunde.de's timeline as kind reminder" run tl 0 timeline kunde.de --json
check "…beside the mail, ours but no person's" jcheck "$T/tl.out" '(
[e["direction"] for e in j if e["kind"] == "reminder"] == ["out"] and not any(e["kind"] == "alert" for e in j))'
check "…and kunde.de's last outbound is still Li Wei's quote" run card 0 customer show kunde.de --json
check "…2026-11-03" jcheck "$T/card.out" 'j[0]["last_outbound"].startswith("2026-11-03T02:00:00")'

check "followupd --once again on Monday" daemon 2026-11-23T11:00:00+08:00
check "…nothing twice" sh -c "test $(count) = 5"
check "followupd --once on Friday 27th: late, before the first 3-day step" daemon 2026-11-27T10:00:00+08:00
check "…nothing new" sh -c "test $(count) = 5"
check "followupd --once on Sunday 29th: 3 days after, but not a working day" daemon 2026-11-29T12:00:00+08:00
check "…nothing new" sh -c "test $(count) = 5"
check "followupd --once on Monday 30th 10:00" daemon 2026-11-30T10:00:00+08:00
check "…3 more: the late alerts and the buyer's second reminder" sh -c "test $(count) = 8 &&
	test \$(grep -l 'Payment late: kunde.de order PI-100' $SMTP_DIR/*.eml | wc -l) = 1 &&
	test \$(grep -l '^X-Followup-Rule: payment-reminder' $SMTP_DIR/*.eml | wc -l) = 2"
check "…once only" daemon 2026-11-30T15:00:00+08:00
check "…still 8" sh -c "test $(count) = 8"
check "PI-100 paid" run paid 0 order paid PI-100 --amount 12000 --date 2026-12-01
check "followupd --once on Wednesday 2 Dec (the next 3-day step)" daemon 2026-12-02T10:00:00+08:00
check "…nothing after payment" sh -c "test $(count) = 8"
check "overdue: no payment left" sh -c "$BIN/followup -c $CONF --now 2026-12-02T10:00:00+08:00 overdue --json > '$T/od2.out'"
check "…only the next action and the silence" jcheck "$T/od2.out" 'sorted(e["rule"] for e in j) == ["key-silent", "next-action"]'

check "reparse" sh -c "$BIN/followup -c $CONF reparse > '$T/reparse.out' 2>&1"
check "…keeps the reminders on the timeline as kind reminder" run tl2 0 timeline kunde.de --json
check "…both" jcheck "$T/tl2.out" '[e["kind"] for e in j if e["direction"] == "out"].count("reminder") == 2'
check "…and nothing is told again after it" daemon 2026-12-02T11:00:00+08:00
check "…still 8" sh -c "test $(count) = 8"
check "a new next-action date is a new occasion" sh -c "
	$BIN/followup -c $CONF --now 2026-12-02T10:00:00+08:00 customer set kunde.de next-date=2026-12-03 >/dev/null"
check "followupd --once on Thursday 3 Dec" daemon 2026-12-03T10:00:00+08:00
check "…one more next-action alert" sh -c "test $(count) = 9 && test \$(grep -l 'Next action due: kunde.de' $SMTP_DIR/*.eml | wc -l) = 2"
check "Joao writes again: the silence ends" sh -c "sed -e 's/cot-1@/cot-2@/' -e 's/01 Sep 2026/01 Dec 2026/' '$T/b.eml' > '$T/b2.eml'"
check "…in Dovecot" imaptool append INBOX "$T/b2.eml" 2026-12-01T20:00:00+08:00
check "…filed" daemon 2026-12-03T11:00:00+08:00
check "…and nothing flags quieto.com.br" sh -c "$BIN/followup -c $CONF --now 2026-12-03T11:00:00+08:00 overdue --json > '$T/od3.out'"
check "…in overdue" jcheck "$T/od3.out" 'not any(e["customer"] == "quieto.com.br" for e in j)'

# ---- the daily digest lists the reader's sheet items too ----
sed -i 's|^countries = DE, AE, PL|&\ndigest = 08:30|' "$CONF"
before=$(count)
check "followupd --once on Friday 4 Dec, 09:00, with a digest at 08:30" daemon 2026-12-04T09:00:00+08:00
check "…one more mail" sh -c "test $(count) = $((before + 1))"
check "…the digest for Li Wei, with the next action in it" "$PY" -c "
import email, glob, json, sys
from email import policy
for p in glob.glob('$SMTP_DIR/*.eml'):
    m = email.message_from_binary_file(open(p, 'rb'), policy=policy.default)
    if m['Subject'] == 'Follow-ups for 2026-12-04: 1 open':
        body = m.get_body().get_content()
        assert 'kunde.de: call Hans about the sample (due, rule next-action, due 2026-12-03)' in body, body
        assert json.load(open(p[:-4] + '.json'))['rcpt_tos'] == ['li.wei@example.com']
        sys.exit(0)
sys.exit(1)"
sed -i 's|^digest = 08:30|&\nlanguage = zh|' "$CONF"
check "the next morning, Li Wei reads Chinese: her digest's lines in her words" daemon 2026-12-05T09:00:00+08:00
check "…the item's state and words in Chinese, the names and the day as they are" "$PY" -c "
import email, glob, sys
from email import policy
for p in glob.glob('$SMTP_DIR/*.eml'):
    m = email.message_from_binary_file(open(p, 'rb'), policy=policy.default)
    if m['Subject'] == '2026-12-05 待跟进：1 项':
        body = m.get_body().get_content()
        assert 'kunde.de：call Hans about the sample（今天到期，规则 next-action，期限 2026-12-03）' in body, body
        assert 'rule' not in body, body
        sys.exit(0)
print([email.message_from_binary_file(open(p, 'rb'), policy=policy.default)['Subject'] for p in glob.glob('$SMTP_DIR/*.eml')])
sys.exit(1)"

# ---- the configuration's words ----
cp "$CONF" "$T/bad.conf"
sed -i 's/^grade = S, A$/grade = S, Z/' "$T/bad.conf"
check "a silence rule's unknown grade: exit 2 naming file, line and key" sh -c "
	! $BIN/followup -c '$T/bad.conf' rules > /dev/null 2> '$T/bad.err' &&
	grep -q \"bad.conf:[0-9]*: \[rule key-silent\] grade: 'Z' is no grade (one of S, A, B, C, E)\" '$T/bad.err'"
cp "$CONF" "$T/bad2.conf"
printf '[rule oops]\non = payment-due\nwithin = 3d\n' >> "$T/bad2.conf"
check "within on a payment-due rule: refused naming it" sh -c "
	! $BIN/followupd -c '$T/bad2.conf' --check-config > /dev/null 2> '$T/bad2.err' &&
	grep -q 'bad2.conf:[0-9]*: \[rule oops\] within: not for a rule on = payment-due' '$T/bad2.err'"


