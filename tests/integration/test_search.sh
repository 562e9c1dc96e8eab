#!/bin/sh
# Search (issue 10, item 2): the corpus (German, Chinese, Japanese,
# Russian, Arabic … mail) synced from a real Dovecot, a note and a
# customer's record, then `followup search`: a Chinese word of two
# characters, a Japanese word, a German word with its umlaut or without,
# a phrase, a prefix, from:, customer:, --kind, --since, a note's text, a
# customer field, the JSON contract (the timeline's fields, rank,
# highlight), no result (exit 0), a bad query (exit 2), hostile FTS5
# syntax, and a reparse that makes the index again after its rows were
# deleted behind its back.
. "$(dirname "$0")/lib.sh"

NOW=2026-11-24T10:00:00Z
corpus_setup
check "followupd --once files the corpus" sh -c "'$BIN/followupd' -c '$CONF' --once --now $NOW 2> '$T/daemon.log'"

# ids QUERY...: the message_ids (or kinds of entries without one) found.
ids() {
	"$PY" -c 'import json,sys; print(" ".join(sorted(e["message_id"] or e["kind"] for e in json.load(open(sys.argv[1])))))' "$1"
}
# finds NAME WANT QUERY...: search --json exits 0 and finds exactly WANT.
finds() {
	_f_name=$1 _f_want=$2
	shift 2
	run "$_f_name" 0 search "$@" --json || return 1
	_f_got=$(ids "$T/$_f_name.out")
	[ "$_f_got" = "$_f_want" ] || { echo "found '$_f_got', not '$_f_want'"; return 1; }
}

# ---- words in every language ----
check "报价 (two characters) finds both Chinese inquiries that ask for a price" \
	finds zh2 "cn-1@factory.com.cn cn-2@valve.cn" 报价
check "离心泵 (three) finds the one about centrifugal pumps" finds zh3 "cn-1@factory.com.cn" 离心泵
check "a single character: 泵 (in 离心泵 and in 水泵)" finds zh1 "cn-1@factory.com.cn tw-1@trade.com.tw" 泵
check "水泵 in traditional characters (Big5 mail)" finds tw "tw-1@trade.com.tw" 水泵
check "見積 (Japanese, Shift_JIS mail)" finds jp "jp-1@shoji.co.jp" 見積
check "Ölförderung, the umlauts as written" finds de-umlaut "inq-1@kunde.de" Ölförderung
check "olforderung, without them" finds de-plain "inq-1@kunde.de" olforderung
check "насосы (Russian)" finds ru "ru-1@zavod.ru" насосы

# ---- phrases, prefixes, filters ----
check "a phrase: \"benötigen 200 Stück\"" finds phrase "inq-1@kunde.de" '"benötigen 200 Stück"'
check "…and words in another order are no phrase" finds phrase-no "" '"Stück 200 benötigen"'
check "a prefix: benöt*" finds prefix "inq-1@kunde.de" 'benöt*'
check "from: an address" finds from "cn-2@valve.cn" 报价 from:zhao@valve.cn
check "from: alone lists what someone sent" finds from-only "tw-1@trade.com.tw" from:chen@trade.com.tw
check "customer: in the query" finds cust "cn-2@valve.cn" 报价 customer:valve.cn
check "--customer" finds cust-opt "cn-1@factory.com.cn" 报价 --customer factory.com.cn
check "--kind quote: the quote about XP-200, not the inquiry" run kind 0 search XP-200 --kind quote --json
check "…every entry a quote" jcheck "$T/kind.out" 'len(j) >= 1 and all(e["kind"] == "quote" for e in j)'
check "--since leaves out older mail" finds since "cn-2@valve.cn" 报价 --since 2026-11-08

# ---- notes and customer records ----
check "a note on factory.com.cn" run note 0 note add factory.com.cn "电话：客户要液压泵的样品，下周回复" --kind call
check "液压 (a two-character word) finds the note" finds note-find "call" 液压
check "a customer's record: industry" run set 0 customer set kunde.de industry=Bergbau "next-action=Muster schicken"
check "bergbau finds the customer's record" finds field "customer" bergbau
check "…and the record's entry says which customer" jcheck "$T/field.out" \
	'j[0]["customer"] == "kunde.de" and j[0]["direction"] == "customer"'

# ---- the JSON contract ----
check "search 报价 --json" run json 0 search 报价 --json
check "each entry has the timeline's fields, rank and highlight" jcheck "$T/json.out" '(
len(j) == 2 and all({"date","direction","kind","from","to","subject","snippet","message_id","thread","customer","rank","highlight"} <= set(e) for e in j)
and all(isinstance(e["rank"], float) for e in j)
and all("[报价]" in e["highlight"] for e in j))'
check "the timeline's fields are the timeline's" sh -c "
	$FU timeline valve.cn --json > '$T/tl.out' && $PY -c '
import json, sys
s = [e for e in json.load(open(sys.argv[1])) if e[\"message_id\"] == \"cn-2@valve.cn\"][0]
t = [e for e in json.load(open(sys.argv[2])) if e[\"message_id\"] == \"cn-2@valve.cn\"][0]
sys.exit(0 if all(s[k] == t[k] for k in t) else 1)' '$T/json.out' '$T/tl.out'"

# ---- text output ----
check "as text: the match in brackets (not a tty)" run text 0 search Ölförderung
check "…the highlighted line" grep -q '\[Ölförderung\]' "$T/text.out"
check "no result: a clear message, exit 0" run none 0 search zzyzxnothing
check "…says so" grep -q 'no entries match zzyzxnothing' "$T/none.out"
check "…and --json prints []" sh -c "$FU search zzyzxnothing --json | tr -d ' \n' | grep -qx '\[\]'"

# ---- bad and hostile queries ----
check "an unclosed quote: exit 2 naming it" refused bad-quote 2 'quote (") that is not closed' search '"Pumpe XP'
check "nothing to search for: exit 2" refused bad-empty 2 'nothing to search for' search '* ( )'
check "an empty from:: exit 2" refused bad-from 2 'from:' search 'from:'
check "FTS5 syntax is only words: OR NEAR( * finds nothing, no error" run hostile 0 search 'OR NEAR( * ^subject : {who}' --json
check "an unknown customer: exit 1" run unknown 1 search 报价 customer:nobody.example

# ---- reparse makes the index again ----
check "the index rows deleted behind the store's back" sqlite3 "$T/followup.db" "DELETE FROM search"
check "…and 报价 finds nothing" finds gone "" 报价
check "followup reparse" run reparse 0 reparse
check "…finds the mail again" finds again "cn-1@factory.com.cn cn-2@valve.cn" 报价
check "…and the note" finds again-note "call" 液压
check "…and the record" finds again-field "customer" bergbau

echo "1..$_tap_n"
