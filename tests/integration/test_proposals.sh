#!/bin/sh
# Orders proposed by our sent mail (issue 9, item 5): a proforma invoice
# or order confirmation we sent, with its PI number and a total, is listed
# by `orders --proposed` until a person confirms it with `order confirm`
# (one command: the number, amount, currency and Incoterm from the mail);
# nothing is made by itself. A PI without a total, a supplier's PI to us,
# a PI whose number a person entered already and followupd's own
# acknowledgement (here one that even names a proforma invoice and a
# total) propose nothing. Reparse keeps the orders and the proposals.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/rules_lib.sh"

start_dovecot || { not_ok "dovecot starts"; exit 1; }
start_smtpd || { not_ok "smtpd starts"; exit 1; }
CONF=$T/followup.conf
write_rules_config "$CONF"
# An acknowledgement that reads like a proforma invoice: still ours, no
# proposal.
cat > "$T/templates/ack.txt" <<'TPL'
Subject: Received: {{subject|your inquiry}}

Hello {{name}},

thank you. Our proforma invoice PI-2026-999 follows.
Total: USD 1,000.00

{{company}}
TPL
NOW=2026-11-26T10:00:00+08:00
FU="$BIN/followup -c $CONF --now $NOW"

# msg NAME FOLDER DATE FROM TO SUBJECT BODY
msg() {
	{
		printf 'From: %s\nTo: %s\nSubject: %s\n' "$4" "$5" "$6"
		printf 'Date: %s\nMessage-ID: <%s@test.invalid>\n' "$(date -R -d "$3")" "$1"
		printf 'Content-Type: text/plain; charset=UTF-8\n\n%s\n' "$7"
	} > "$T/$1.eml"
	mail "$1" "$2" "$3"
}
msg pi Sent 2026-11-25T10:00:00+08:00 'Li Wei <li.wei@example.com>' kurt@pumpen-engel.de \
	'Proforma Invoice PI-2026-118' 'Dear Kurt,

please find our proforma invoice PI-2026-118:
100 pcs XP-200 at USD 95.00/pc, CIF Hamburg
Total amount: USD 9,500.00

Best regards
Li Wei'
msg pide Sent 2026-11-25T11:00:00+08:00 'Li Wei <li.wei@example.com>' einkauf@kraemer-gmbh.de \
	'Proforma-Rechnung PI-2026-120' 'Sehr geehrte Damen und Herren,

anbei unsere Proforma-Rechnung PI-2026-120: 50 Stück XP-300, EUR 246,90/Stück, FOB Ningbo.
Gesamtbetrag: EUR 12.345,67'
msg nototal Sent 2026-11-25T12:00:00+08:00 'Li Wei <li.wei@example.com>' kurt@pumpen-engel.de \
	'Proforma Invoice PI-2026-200' 'Dear Kurt, our proforma invoice PI-2026-200: USD 95/pc for 20 pcs.'
msg entered Sent 2026-11-25T13:00:00+08:00 'Li Wei <li.wei@example.com>' kurt@pumpen-engel.de \
	'Proforma Invoice PI-2026-300' 'Dear Kurt, our proforma invoice PI-2026-300, total USD 500.'
msg supplier INBOX 2026-11-25T14:00:00+08:00 'Wang Fang <sales@steel-supply.cn>' li.wei@example.com \
	'Proforma Invoice PI-SUP-88' 'Dear Li Wei, our proforma invoice PI-SUP-88 for the steel.
Total: USD 4,000.00'
msg inq INBOX 2026-11-26T09:00:00+08:00 'John Miller <john@millerpumps.com>' sales@example.com \
	'Inquiry for centrifugal pumps' 'Hello, please quote 30 centrifugal pumps. Thank you.'

check "followupd --once files the mail and acknowledges the inquiry" \
	"$BIN/followupd" -c "$CONF" --once --now "$NOW"
check "…the acknowledgement was sent" test -n "$(smtp_find 'In-Reply-To: <inq@test.invalid>')"
$FU timeline millerpumps.com --json > "$T/miller.json"
check "…and filed as our own mail, kind ack" jcheck "$T/miller.json" \
	'[e["kind"] for e in j] == ["inquiry", "ack"]'
check "a person entered PI-2026-300 already" run entered 0 order add pumpen-engel.de \
	--no PI-2026-300 --amount 500 --currency USD

PROP_KEYS='{"message_id","date","customer","number","amount","currency","incoterm","subject"}'
check "orders --proposed --json" run prop 0 orders --proposed --json
check "…the two PIs with a number and a total, oldest first, with the contract keys" jcheck "$T/prop.out" "(
all($PROP_KEYS == set(p) for p in j)
and [(p['message_id'], p['customer'], p['number'], p['amount'], p['currency'], p['incoterm'], p['subject']) for p in j]
 == [('pi@test.invalid', 'pumpen-engel.de', 'PI-2026-118', 9500, 'USD', 'CIF Hamburg', 'Proforma Invoice PI-2026-118'),
     ('pide@test.invalid', 'kraemer-gmbh.de', 'PI-2026-120', 12345.67, 'EUR', 'FOB Ningbo', 'Proforma-Rechnung PI-2026-120')]
and j[0]['date'] == '2026-11-25T02:00:00Z')"
check "…nothing was made an order by itself" sh -c "$FU orders --json > '$T/orders0.json'"
check "…the only order is the one a person entered" jcheck "$T/orders0.json" \
	'[o["number"] for o in j] == ["PI-2026-300"]'
check "…the PI facts keep the total" sh -c "$FU show '<pi@test.invalid>' --json > '$T/show.json'"
check "…total USD 9500 and the reference" jcheck "$T/show.json" \
	'j[0]["facts"]["total"]["amount"] == 9500 and j[0]["facts"]["total"]["currency"] == "USD" and j[0]["facts"]["reference"] == "PI-2026-118"'
check "orders --proposed --customer kraemer-gmbh.de" run propk 0 orders --proposed --customer kraemer-gmbh.de --json
check "…its one" jcheck "$T/propk.out" '[p["number"] for p in j] == ["PI-2026-120"]'
check "orders --proposed as text" run proptext 0 orders --proposed
check "…one line a proposal with its message, customer, number, amount" sh -c "
	grep -q 'pi@test.invalid *pumpen-engel.de *PI-2026-118 *USD *9500.00 *CIF Hamburg *Proforma Invoice PI-2026-118' '$T/proptext.out' &&
	! grep -q 'PI-2026-200\|PI-SUP-88\|PI-2026-999\|PI-2026-300' '$T/proptext.out'"
check "the text card shows the proposal under its orders" sh -c "
	$FU customer show pumpen-engel.de > '$T/card0.txt' &&
	grep -q '^  PI-2026-118 *proposed USD *9500.00  by pi@test.invalid' '$T/card0.txt' &&
	grep -q '^  PI-2026-300 ' '$T/card0.txt'"
check "…the JSON card's orders stay orders" sh -c "$FU customer show pumpen-engel.de --json > '$T/card0.json'"
check "…PI-2026-300 alone" jcheck "$T/card0.json" '[o["number"] for o in j[0]["orders"]] == ["PI-2026-300"]'
check "orders --proposed --overdue: exit 2 naming --proposed" refused propbad 2 "--proposed" orders --proposed --overdue

# ---- confirm ----
check "order confirm of the PI without a total: exit 1" refused cnototal 1 "no order proposed" order confirm nototal@test.invalid
check "order confirm of the supplier's PI: exit 1" run csupp 1 order confirm supplier@test.invalid
check "order confirm of the PI a person entered: exit 1" run centered 1 order confirm entered@test.invalid
ACK_ID=$($PY -c 'import json,sys; print([e["message_id"] for e in json.load(open(sys.argv[1])) if e["kind"] == "ack"][0])' "$T/miller.json")
check "order confirm of our acknowledgement: exit 1" run cack 1 order confirm "$ACK_ID"
check "order confirm of no message: exit 1" run cnone 1 order confirm nosuch@test.invalid
check "order confirm with a bad --due: exit 2 naming it" refused cbaddue 2 "--due" order confirm pi@test.invalid --due 2026-13-01
check "order confirm with --deposit over 100%: exit 2 naming it" refused cbaddep 2 "--deposit" order confirm pi@test.invalid --deposit 120%
check "order confirm with a deposit larger than the amount: exit 2" refused cbigdep 2 "deposit" order confirm pi@test.invalid --deposit 10000
check "order confirm with --no taken: exit 2 naming --no" refused ctaken 2 "--no" order confirm pi@test.invalid --no PI-2026-300
check "order confirm without a message: exit 2" refused cusage 2 "usage" order confirm
check "order confirm --bogus: exit 2 naming it" refused cbogus 2 "--bogus" order confirm pi@test.invalid --bogus
check "…none of these made an order" sh -c "$FU orders --json > '$T/orders1.json'"
check "…still the one" jcheck "$T/orders1.json" '[o["number"] for o in j] == ["PI-2026-300"]'

check "order confirm <pi@test.invalid> --due --deposit" run conf 0 order confirm '<pi@test.invalid>' \
	--due 2026-12-20 --deposit 30% --json
check "…the order of the PI: number, amount, currency, Incoterm from the mail, the quote it came from" jcheck "$T/conf.out" "(
len(j) == 1
and [(o['number'], o['customer'], o['amount'], o['currency'], o['incoterm'], o['due'], o['deposit_percent'], o['paid'], o['state'], o['quote']) for o in j]
 == [('PI-2026-118', 'pumpen-engel.de', 9500, 'USD', 'CIF Hamburg', '2026-12-20', 30.0, 0, 'open', 'pi@test.invalid')])"
check "…no longer proposed" run prop2 0 orders --proposed --json
check "…only the German PI is" jcheck "$T/prop2.out" '[p["number"] for p in j] == ["PI-2026-120"]'
check "confirming it again: exit 1" run cagain 1 order confirm pi@test.invalid
check "the card of pumpen-engel.de lists the order (orders only)" sh -c "$FU customer show pumpen-engel.de --json > '$T/card.json'"
check "…PI-2026-118 and PI-2026-300, the contract keys" jcheck "$T/card.json" \
	'sorted(o["number"] for o in j[0]["orders"]) == ["PI-2026-118", "PI-2026-300"] and all({"number","amount","currency","incoterm","due","paid","state"} <= set(o) for o in j[0]["orders"])'
check "…and the text card no proposal any more" sh -c "
	$FU customer show pumpen-engel.de > '$T/card1.txt' && ! grep -q 'proposed' '$T/card1.txt' &&
	grep -q '^  PI-2026-118 *pumpen-engel.de *USD *9500.00' '$T/card1.txt'"

check "reparse" $FU reparse
check "…keeps the orders" sh -c "$FU orders --json > '$T/orders2.json'"
check "…both" jcheck "$T/orders2.json" \
	'[(o["number"], o["amount"]) for o in j] == [("PI-2026-300", 500), ("PI-2026-118", 9500)]'
check "…and proposes again what was proposed, nothing more" run prop3 0 orders --proposed --json
check "…the German PI" jcheck "$T/prop3.out" '[(p["number"], p["amount"]) for p in j] == [("PI-2026-120", 12345.67)]'

check "order confirm with --no gives the order another number" run conf2 0 order confirm pide@test.invalid --no KR-2026-7 --json
check "…KR-2026-7, 12345.67 EUR, FOB Ningbo" jcheck "$T/conf2.out" \
	'[(o["number"], o["customer"], o["amount"], o["currency"], o["incoterm"], o["quote"]) for o in j] == [("KR-2026-7", "kraemer-gmbh.de", 12345.67, "EUR", "FOB Ningbo", "pide@test.invalid")]'
check "…nothing is proposed any more" run prop4 0 orders --proposed --json
check "…an empty array" jcheck "$T/prop4.out" 'j == []'
check "…and the text says so" sh -c "
	$FU orders --proposed > '$T/prop4.txt' && grep -q '^no order proposed' '$T/prop4.txt'"
