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

# run NAME STATUS ARGS...: `followup ARGS` exits STATUS; its output is in
# $T/NAME.out and $T/NAME.err.
run() {
	name=$1 want=$2
	shift 2
	$FU "$@" > "$T/$name.out" 2> "$T/$name.err"
	got=$?
	[ "$got" = "$want" ] || { echo "exit $got, not $want"; cat "$T/$name.err"; return 1; }
}
# refused NAME STATUS WORDS ARGS...: exits STATUS and stderr says WORDS.
refused() {
	name=$1 want=$2 words=$3
	shift 3
	run "$name" "$want" "$@" || return 1
	grep -qF -- "$words" "$T/$name.err" || { echo "stderr does not say '$words':"; cat "$T/$name.err"; return 1; }
}

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
