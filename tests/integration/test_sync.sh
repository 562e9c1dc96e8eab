#!/bin/sh
# The spine end to end: a real Dovecot filled with the corpus, followupd
# --once, and the timelines `followup` prints.
. "$(dirname "$0")/lib.sh"

if ! start_dovecot; then
	not_ok "dovecot starts"
	exit 1
fi
ok "dovecot starts on 127.0.0.1:$IMAP_PORT"

"$PY" "$TOOLS/corpus.py" write "$T/corpus"
check "corpus appended with INTERNALDATEs" imaptool load "$T/corpus/manifest.json"
CONF=$T/followup.conf
write_config "$CONF"
FU="$BIN/followup -c $CONF"

check "followupd --check-config accepts the contract config" "$BIN/followupd" -c "$CONF" --check-config
check "followupd --once syncs INBOX and Sent" "$BIN/followupd" -c "$CONF" --once
check "timelines match the corpus (kinds, directions, decoded subjects, snippets, threads)" \
	"$PY" "$TOOLS/check_timeline.py" "$BIN/followup" "$CONF"

total() {
	$FU customers --json > "$T/customers.json" &&
	"$PY" -c 'import json,sys; print(sum(c["messages"] for c in json.load(open(sys.argv[1]))))' "$T/customers.json"
}
n1=$(total)
expected=$("$PY" -c 'import sys; sys.path.insert(0, sys.argv[1]); import corpus; print(len(corpus.MESSAGES))' "$TOOLS")
check "duplicates are one entry each ($n1 entries for $expected distinct messages)" test "$n1" = "$expected"

check "customers --json has the contract fields" jcheck "$T/customers.json" \
	'all(set(["key","name","contacts","first_seen","last_inbound","last_outbound"]) <= set(c) for c in j) and any(c["key"] == "kunde.de" and c["last_outbound"] == "2026-11-02T15:30:00Z" for c in j)'
check "a bounce marks the failed contact undeliverable" jcheck "$T/customers.json" \
	'any(ct["address"] == "old.buyer@kunde.de" and ct.get("undeliverable") == "5.1.1" for c in j for ct in c["contacts"])'
check "free-mail customer is the address, never our own domain" jcheck "$T/customers.json" \
	'any(c["key"] == "joao.silva@gmail.com" for c in j) and not any("example.com" in c["key"] for c in j)'

$FU stats --json > "$T/stats.json"
check "stats: counts by kind and each folder's position" jcheck "$T/stats.json" \
	'j[0]["messages"] == 17 and j[0]["kinds"]["inquiry"] == 11 and j[0]["kinds"]["bounce"] == 1 and sorted((f["folder"], f["last_uid"], f["messages"]) for f in j[0]["folders"]) == [("INBOX", 16, 16), ("Sent", 3, 3)]'

"$BIN/followupd" -c "$CONF" --once 2>"$T/second.log"
n2=$(total)
check "a second run adds nothing ($n2 entries)" test "$n2" = "$n1"
check "no message is left \\Seen" imaptool seen

cat > "$T/late.eml" <<'MSG'
From: Hans Mueller <hans.mueller@kunde.de>
To: sales@example.com
Subject: Noch eine Frage zur Lieferzeit
Date: Thu, 12 Nov 2026 09:00:00 +0100
Message-ID: <late-1@kunde.de>
Content-Type: text/plain; charset=UTF-8

Wie lange ist die Lieferzeit?
MSG
imaptool append INBOX "$T/late.eml" 2026-11-12T09:00:00+01:00
"$BIN/followupd" -c "$CONF" --once 2>"$T/third.log"
$FU timeline hans.mueller@kunde.de --json > "$T/late.json"
check "a message appended later appears on the next run" jcheck "$T/late.json" \
	'any(e["message_id"] == "late-1@kunde.de" and e["kind"] == "inquiry" for e in j)'
check "timeline by address, domain and customer id agree" sh -c "
	$FU timeline kunde.de --json > $T/a.json && $FU timeline KUNDE.DE --json > $T/b.json &&
	id=\$($PY -c 'import json; print([c[\"id\"] for c in json.load(open(\"$T/customers.json\")) if c[\"key\"]==\"kunde.de\"][0])') &&
	$FU timeline \$id --json > $T/c.json && cmp $T/a.json $T/late.json && cmp $T/a.json $T/b.json && cmp $T/a.json $T/c.json"

old=$(imaptool uidvalidity Sent)
imaptool recreate Sent
new=$(imaptool uidvalidity Sent)
"$BIN/followupd" -c "$CONF" --once 2>"$T/fourth.log"
n3=$(total)
check "a changed UIDVALIDITY ($old -> $new) re-scans without duplicates ($n3 entries)" \
	sh -c "test '$old' != '$new' && test '$n3' = '$((n1 + 1))' && grep -q UIDVALIDITY '$T/fourth.log'"

$FU threads --json > "$T/threads.json"
check "threads --json: the German sales thread starts with an inquiry" jcheck "$T/threads.json" \
	'any(t["customer"] == "kunde.de" and t["origin"] == "inquiry" and t["messages"] >= 4 for t in j)'
$FU threads --customer kunde.de --json > "$T/threads-de.json"
check "threads --customer filters" jcheck "$T/threads-de.json" \
	'len(j) >= 1 and all(t["customer"] == "kunde.de" for t in j)'
$FU show '<quote-1@example.com>' --json > "$T/show.json"
check "show: headers, body and attachments" jcheck "$T/show.json" \
	'len(j) == 1 and j[0]["attachments"][0]["filename"] == "PI-2026-118.pdf" and "offer attached" in j[0]["body"] and j[0]["in_reply_to"] == "inq-1@kunde.de"'
check "show without --json prints the message" sh -c "$FU show quote-1@example.com | grep -q 'PI-2026-118.pdf'"
check "timeline without --json prints aligned lines" sh -c "$FU timeline kunde.de | grep -q 'inquiry'"

for k in kunde.de factory.com.cn joao.silva@gmail.com trading.ae; do
	$FU timeline "$k" --json
done > "$T/before.json"
check "reparse rebuilds from the raw messages" sh -c "$FU reparse > $T/reparse.out 2>&1 && grep -q 'reparsed' $T/reparse.out"
for k in kunde.de factory.com.cn joao.silva@gmail.com trading.ae; do
	$FU timeline "$k" --json
done > "$T/after.json"
check "after reparse the timelines are the same" cmp "$T/before.json" "$T/after.json"

$FU timeline nobody@nowhere.example --json > "$T/none.json" 2>"$T/none.err"
rc=$?
check "an unknown target exits 1 with a hint and prints []" sh -c "test $rc = 1 && grep -q 'followup customers' $T/none.err && test \"\$(cat $T/none.json)\" = '[]'"
