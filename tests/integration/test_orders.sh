#!/bin/sh
# The follow-up sheet's quotes and orders (issue 9, item 5): the corpus
# and two more quotes in Sent synced from a real Dovecot, then `quotes`
# (answered or open, --open, --customer, their age at --now), `order
# add`, `order set`, `order paid` with part payments, `orders` with
# --due-within and --overdue at fixed --now times, their JSON contracts
# and exit statuses 1 and 2.
. "$(dirname "$0")/lib.sh"

NOW=2026-11-24T10:00:00+08:00
start_dovecot || { not_ok "dovecot starts"; exit 1; }
"$PY" "$TOOLS/corpus.py" write "$T/corpus"
check "the corpus is in Dovecot" imaptool load "$T/corpus/manifest.json"
# A quote to a buyer in Dubai that nobody answered, sent 20 Nov.
cat > "$T/q2.eml" <<'MSG'
From: Li Wei <li.wei@example.com>
To: ahmed@gulfpumps.ae
Subject: Quotation QT-2026-031 for XP-300 pumps
Date: Fri, 20 Nov 2026 10:00:00 +0800
Message-ID: <quote-2@example.com>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="b2"

--b2
Content-Type: text/plain; charset=UTF-8

Dear Ahmed,

please find our quotation QT-2026-031 attached: XP-300, USD 520 per unit, CIF Jebel Ali.

Best regards
Li Wei
--b2
Content-Type: application/pdf; name="QT-2026-031.pdf"
Content-Disposition: attachment; filename="QT-2026-031.pdf"
Content-Transfer-Encoding: base64

JVBERi0xLjQgZmFrZSBxdW90YXRpb24K
--b2--
MSG
check "a quote nobody answered, in Sent" imaptool append Sent "$T/q2.eml" 2026-11-20T10:00:00+08:00
CONF=$T/followup.conf
write_config "$CONF"
FU="$BIN/followup -c $CONF --now $NOW"
check "followupd --once files the mail" sh -c "'$BIN/followupd' -c '$CONF' --once --now $NOW 2> '$T/daemon.log'"


# ---- quotes ----
check "quotes --json" run quotes 0 quotes --json
check "…every quote we sent, with the contract keys, oldest first" jcheck "$T/quotes.out" '(
[q["message_id"] for q in j] == ["quote-1@example.com", "quote-2@example.com"]
and all({"message_id","date","products","prices","incoterm","reference","answered_at","customer","open","age_days"} <= set(q) for q in j))'
check "…the answered one: when the buyer answered, its trade facts, its age" jcheck "$T/quotes.out" '(
(j[0]["customer"], j[0]["answered_at"], j[0]["open"], j[0]["products"], j[0]["incoterm"], j[0]["age_days"]) == ("kunde.de", "2026-11-03T09:12:00Z", False, ["XP-200"], "FOB", 21)
and [p["currency"] for p in j[0]["prices"]] == ["USD"])'
check "…the open one: no answer, 4 days old, its facts" jcheck "$T/quotes.out" '(
(j[1]["customer"], j[1]["answered_at"], j[1]["open"], j[1]["age_days"], j[1]["products"]) == ("gulfpumps.ae", None, True, 4, ["XP-300"])
and (j[1]["incoterm"], j[1]["incoterm_place"], j[1]["reference"]) == ("CIF", "Jebel Ali", "QT-2026-031") and [p["currency"] for p in j[1]["prices"]] == ["USD"])'
check "quotes --open --json: only the one waiting" run open 0 quotes --open --json
check "…quote-2" jcheck "$T/open.out" '[q["message_id"] for q in j] == ["quote-2@example.com"]'
check "quotes --customer kunde.de --json" run qk 0 quotes --customer kunde.de --json
check "…its one quote" jcheck "$T/qk.out" '[q["message_id"] for q in j] == ["quote-1@example.com"]'
check "quotes --customer of nobody: exit 1" run qnone 1 quotes --customer nobody.example.org
check "quotes --open as text" run opentext 0 quotes --open
check "…one line per open quote, with the customer, the age and the facts" sh -c "
	grep -q 'gulfpumps.ae.*quote-2@example.com.* 4d open.*XP-300' '$T/opentext.out' &&
	! grep -q 'quote-1@example.com' '$T/opentext.out'"
check "quotes with a stray argument: exit 2" refused qbad 2 "usage" quotes extra
check "quotes --bogus: exit 2 naming the option" refused qbad2 2 "--bogus" quotes --bogus

# ---- order add ----
ORDER_KEYS='{"number","amount","currency","incoterm","due","paid","state"}'
check "order add with every option" run add 0 order add kunde.de --no PI-2026-118 --amount 82000 \
	--currency usd --incoterm "FOB Ningbo" --due 2026-12-01 --deposit 30% --quote "<quote-1@example.com>" --json
check "…prints the order: the contract keys, the currency upper case, open, nothing paid" jcheck "$T/add.out" "(
len(j) == 1 and $ORDER_KEYS <= set(j[0])
and [(o['number'], o['customer'], o['amount'], o['currency'], o['incoterm'], o['due'], o['paid'], o['state'], o['deposit_percent'], o['deposit'], o['quote']) for o in j]
 == [('PI-2026-118', 'kunde.de', 82000, 'USD', 'FOB Ningbo', '2026-12-01', 0, 'open', 30.0, None, 'quote-1@example.com')])"
check "the same number again: exit 2 naming it" refused dup 2 "PI-2026-118" order add kunde.de --no PI-2026-118 --amount 1 --currency EUR
check "a customer that does not exist: exit 1" run nocust 1 order add nobody.example.org --no X-1 --amount 1 --currency EUR
check "--quote of no stored message: exit 1" refused noquote 1 "--quote" order add kunde.de --no X-1 --amount 1 --currency EUR --quote nosuch@example.com
check "--quote of another customer's quote: exit 1" refused otherquote 1 "no message we sent to kunde.de" order add kunde.de --no X-1 --amount 1 --currency EUR --quote quote-2@example.com
check "--quote of a message the customer sent: exit 1" run inquote 1 order add kunde.de --no X-1 --amount 1 --currency EUR --quote reply-1@kunde.de
check "--amount with four decimal places: exit 2 naming --amount" refused badamount 2 "--amount: '1.2345'" order add kunde.de --no X-1 --amount 1.2345 --currency EUR
check "--amount negative: exit 2" refused negamount 2 "--amount" order add kunde.de --no X-1 --amount=-5 --currency EUR
check "--currency not ISO 4217: exit 2 naming --currency" refused badcur 2 "--currency: 'EURO'" order add kunde.de --no X-1 --amount 1 --currency EURO
check "--deposit over 100%: exit 2 naming --deposit" refused baddep 2 "--deposit" order add kunde.de --no X-1 --amount 1 --currency EUR --deposit 120%
check "--deposit larger than the amount: exit 2" refused bigdep 2 "deposit" order add kunde.de --no X-1 --amount 1 --currency EUR --deposit 5
check "--due not a day: exit 2 naming --due" refused baddue 2 "--due: '2026-13-01'" order add kunde.de --no X-1 --amount 1 --currency EUR --due 2026-13-01
check "without --no: exit 2 naming it" refused nono 2 "--no" order add kunde.de --amount 1 --currency EUR
check "…none of these was written" sh -c "! $FU orders --json | grep -q X-1"
check "an order of gulfpumps.ae due 20 Nov" run add2 0 order add gulfpumps.ae --no QT-2026-031 --amount 15600.50 --currency USD --due 2026-11-20 --json
check "…its amount with the cents" jcheck "$T/add2.out" '[(o["amount"], o["due"], o["state"]) for o in j] == [(15600.5, "2026-11-20", "open")]'
check "an order of kunde.de due in December" run add3 0 order add kunde.de --no PI-2026-140 --amount 1000 --currency EUR --due 2026-12-10

# ---- order paid ----
check "a part payment" run paid1 0 order paid PI-2026-118 --amount 24600.5 --date 2026-11-20 --json
check "…part-paid, the payment on its day" jcheck "$T/paid1.out" '(
[(o["paid"], o["state"], o["payments"]) for o in j] == [(24600.5, "part-paid", [{"amount": 24600.5, "date": "2026-11-20"}])])'
check "paying more than is left: exit 2 naming --amount and what is left" refused overpay 2 "57399.50 USD" order paid PI-2026-118 --amount 100000
check "a bad --date: exit 2 naming it" refused paiddate 2 "--date" order paid PI-2026-118 --date yesterday
check "an order that does not exist: exit 1" refused paidnone 1 "no order NOPE-1" order paid NOPE-1

# ---- orders ----
check "orders --overdue --json" run overdue 0 orders --overdue --json
check "…the one whose due day passed unpaid" jcheck "$T/overdue.out" '(
[(o["number"], o["customer"], o["overdue"]) for o in j] == [("QT-2026-031", "gulfpumps.ae", True)] and all('"$ORDER_KEYS"' <= set(o) for o in j))'
check "orders --due-within 7d --json" run due7 0 orders --due-within 7d --json
check "…the one due on 1 Dec, not the one of 10 Dec nor the overdue one" jcheck "$T/due7.out" '[o["number"] for o in j] == ["PI-2026-118"]'
check "orders --due-within 30d --overdue: both kinds" run dueall 0 orders --due-within 30d --overdue --json
check "…all three" jcheck "$T/dueall.out" 'sorted(o["number"] for o in j) == ["PI-2026-118", "PI-2026-140", "QT-2026-031"]'
check "orders --customer kunde.de" run ok 0 orders --customer kunde.de --json
check "…its two, in the order entered" jcheck "$T/ok.out" '[o["number"] for o in j] == ["PI-2026-118", "PI-2026-140"]'
check "orders --customer of nobody: exit 1" run onone 1 orders --customer nobody.example.org
check "orders --due-within soon: exit 2 naming the option" refused badwithin 2 "--due-within" orders --due-within soon
check "the rest paid (no --amount), on today's date" run paid2 0 order paid PI-2026-118 --json
check "…paid in full, two payments" jcheck "$T/paid2.out" '(
[(o["paid"], o["state"], [p["date"] for p in o["payments"]]) for o in j] == [(82000, "paid", ["2026-11-20", "2026-11-24"])])'
check "…no longer due within 7 days" sh -c "$FU orders --due-within 7d --json | $PY -c 'import json,sys; sys.exit(json.load(sys.stdin) != [])'"
check "paying a paid order: exit 2" refused paidagain 2 "paid in full" order paid PI-2026-118

# ---- order set ----
check "order set QT-2026-031 due=2026-11-28 amount=16000 quote=…" run set 0 order set QT-2026-031 due=2026-11-28 amount=16000 quote=quote-2@example.com --json
check "…written" jcheck "$T/set.out" '[(o["due"], o["amount"], o["quote"], o["state"]) for o in j] == [("2026-11-28", 16000, "quote-2@example.com", "open")]'
check "…not overdue on 24 Nov any more" sh -c "$FU orders --overdue --json | $PY -c 'import json,sys; sys.exit(json.load(sys.stdin) != [])'"
check "…overdue on 29 Nov" sh -c "$BIN/followup -c $CONF --now 2026-11-29T10:00:00+08:00 orders --overdue --json > '$T/later.json'"
check "…QT-2026-031" jcheck "$T/later.json" '[o["number"] for o in j] == ["QT-2026-031"]'
check "order set with a bad amount: exit 2 naming the field" refused setbad 2 "amount: 'lots'" order set QT-2026-031 amount=lots due=2026-12-31
check "…and nothing of it written" sh -c "$FU orders --customer gulfpumps.ae --json | grep -q '2026-11-28'"
check "order set with an unknown field: exit 2 naming it" refused setfield 2 "colour: is no field" order set QT-2026-031 colour=red
check "order set quote= a message of another customer: exit 1" run setquote 1 order set QT-2026-031 quote=quote-1@example.com
check "order set of no order: exit 1" run setnone 1 order set NOPE-1 due=2026-12-01
check "order set state=cancelled" run cancel 0 order set PI-2026-140 state=cancelled --json
check "…cancelled, never due" sh -c "$FU orders --due-within 30d --json | $PY -c 'import json,sys; sys.exit([o[\"number\"] for o in json.load(sys.stdin)] != [\"QT-2026-031\"])'"

# ---- what the card and the text show ----
check "the card of kunde.de lists its orders and payments" sh -c "$FU customer show kunde.de --json > '$T/card.json'"
check "…PI-2026-118 paid, PI-2026-140 cancelled" jcheck "$T/card.json" '[(o["number"], o["state"], o["paid"]) for o in j[0]["orders"]] == [("PI-2026-118", "paid", 82000), ("PI-2026-140", "cancelled", 0)]'
check "orders as text" run otext 0 orders
check "…one line an order, amounts with their cents" sh -c "
	grep -q '^QT-2026-031 *gulfpumps.ae *USD *16000.00 *0.00 2026-11-28 open' '$T/otext.out' &&
	grep -q '^PI-2026-118 *kunde.de *USD *82000.00 *82000.00 2026-12-01 paid' '$T/otext.out'"
# An order number with a terminal escape is refused; an incoterm too.
check "an order number with a control character: exit 2" refused escno 2 "--no" order add kunde.de --no "$(printf 'X\033[2J')" --amount 1 --currency EUR
check "an incoterm with a control character: exit 2" refused escinc 2 "--incoterm" order add kunde.de --no X-2 --amount 1 --currency EUR --incoterm "$(printf 'FOB\033[2J')"
# An empty list says so, rather than a header over nothing.
check "quotes --open of a customer with none open says so" sh -c "
	$FU quotes --open --customer kunde.de > '$T/qempty.out' &&
	test \"\$(cat '$T/qempty.out')\" = 'no quote is waiting for an answer'"
check "orders of a customer with none says so" sh -c "
	$FU orders --customer valve.cn > '$T/oempty.out' &&
	test \"\$(cat '$T/oempty.out')\" = 'no order matches'"
