#!/bin/sh
# Stages move with the mail, never backwards by themselves: an inquiry
# moves a lead to inquiry, our quote to quoted, our proforma invoice to
# ordered; a later inquiry moves nothing back. Each move is an entry of
# kind stage: the mail's in the card's history (customer show), a
# person's also on the timeline beside their notes. A person's move comes
# first and survives reparse, which makes the mail's moves again.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/rules_lib.sh"

start_dovecot || { not_ok "dovecot starts"; exit 1; }
CONF=$T/followup.conf
write_config "$CONF"
FU="$BIN/followup -c $CONF"

# msg NAME FOLDER DATE FROM TO SUBJECT BODY
msg() {
	{
		printf 'From: %s\nTo: %s\nSubject: %s\n' "$4" "$5" "$6"
		printf 'Date: %s\nMessage-ID: <%s@test.invalid>\n' "$(date -R -d "$3")" "$1"
		[ "$2" = Sent ] && printf 'In-Reply-To: <inq@test.invalid>\nReferences: <inq@test.invalid>\n'
		printf 'Content-Type: text/plain; charset=UTF-8\n\n%s\n' "$7"
	} > "$T/$1.eml"
	mail "$1" "$2" "$3"
}
msg inq INBOX 2026-11-24T09:00:00+08:00 'Kurt Engel <kurt@pumpen-engel.de>' sales@example.com \
	'Anfrage Kreiselpumpen' 'Bitte um Angebot: 100 Kreiselpumpen.'
msg quote Sent 2026-11-24T11:00:00+08:00 'Li Wei <li.wei@example.com>' kurt@pumpen-engel.de \
	'Quotation QT-2026-51 centrifugal pumps' 'Dear Kurt, our quotation: USD 95 per pc, FOB Ningbo.'
msg pi Sent 2026-11-25T10:00:00+08:00 'Li Wei <li.wei@example.com>' kurt@pumpen-engel.de \
	'Proforma Invoice PI-2026-118' 'Dear Kurt, please find our proforma invoice PI-2026-118, total USD 9,500.'
msg again INBOX 2026-11-26T09:00:00+08:00 'Kurt Engel <kurt@pumpen-engel.de>' sales@example.com \
	'Anfrage Membranpumpen' 'Noch eine Anfrage: 20 Membranpumpen.'

check "followupd --once files the mail" "$BIN/followupd" -c "$CONF" --once
$FU customer show pumpen-engel.de --json > "$T/card.json"
check "the inquiry, the quote and the proforma invoice moved the lead to ordered" jcheck "$T/card.json" \
	'j[0]["stage"] == "ordered"'
check "each move is an entry of kind stage in the card's history, in order" jcheck "$T/card.json" \
	'[e["snippet"] for e in j[0]["notes"] if e["kind"] == "stage"] == ["lead → inquiry", "inquiry → quoted", "quoted → ordered"] and all(e["direction"] == "note" for e in j[0]["notes"] if e["kind"] == "stage")'
check "the later inquiry moved nothing back" jcheck "$T/card.json" \
	'len([e for e in j[0]["notes"] if e["kind"] == "stage"]) == 3'
$FU timeline pumpen-engel.de --json > "$T/tl.json"
check "the timeline stays the mailbox's mail" jcheck "$T/tl.json" \
	'[e["kind"] for e in j] == ["inquiry", "quote", "quote", "inquiry"]'

check "a person moves it back to negotiating" $FU --now 2026-11-27T10:00:00+08:00 \
	customer set pumpen-engel.de stage=negotiating
$FU timeline pumpen-engel.de --json > "$T/tl2.json"
check "…on the timeline, by that person" jcheck "$T/tl2.json" \
	'[e["snippet"] for e in j if e["kind"] == "stage"] == ["ordered → negotiating"] and [e for e in j if e["kind"] == "stage"][0]["from"]'
check "reparse" $FU reparse
$FU customer show pumpen-engel.de --json > "$T/card2.json"
check "…keeps the person's move: the mail before it does not outweigh it" jcheck "$T/card2.json" \
	'j[0]["stage"] == "negotiating"'
check "…and makes the mail's moves again, once each" jcheck "$T/card2.json" \
	'[e["snippet"] for e in j[0]["notes"] if e["kind"] == "stage"] == ["lead → inquiry", "inquiry → quoted", "quoted → ordered", "ordered → negotiating"]'

# ---- the team's names of the stages ([stages]) ----
cp "$CONF" "$T/plain.conf"
cat >> "$CONF" <<'CONF'
[stages]
quoted = 已报价            ; the team's words
negotiating = In Talks
CONF
$FU customer show pumpen-engel.de --json > "$T/named.json"
check "a renamed stage is shown by its name; stage_id is the built-in one" jcheck "$T/named.json" \
	'(j[0]["stage"], j[0]["stage_id"]) == ("In Talks", "negotiating")'
check "…the moves too, in the team's names" jcheck "$T/named.json" \
	'[e["snippet"] for e in j[0]["notes"] if e["kind"] == "stage"] == ["lead → inquiry", "inquiry → 已报价", "已报价 → ordered", "ordered → In Talks"]'
check "…and in the text card" sh -c "$FU customer show pumpen-engel.de | grep -q '^ *Stage *In Talks'"
check "customer set stage=已报价 takes the team's name" run setname 0 customer set pumpen-engel.de 'stage=已报价' --json
check "…shown so, stored as the built-in id" jcheck "$T/setname.out" \
	'(j[0]["stage"], j[0]["stage_id"]) == ("已报价", "quoted")'
check "…the database holds quoted" sh -c "test \"\$($PY -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(\"SELECT stage FROM customers WHERE key = ?\", (\"pumpen-engel.de\",)).fetchone()[0])' '$T/followup.db')\" = quoted"
check "customers --stage 已报价" run byname 0 customers --stage '已报价' --json
check "…finds it" jcheck "$T/byname.out" '[c["key"] for c in j] == ["pumpen-engel.de"]'
check "customers --stage QUOTED (the built-in id, case aside) finds it too" run byid 0 customers --stage QUOTED --json
check "…the same" jcheck "$T/byid.out" '[c["key"] for c in j] == ["pumpen-engel.de"]'
check "customers --stage 'in talks' finds none now" run bytalks 0 customers --stage 'in talks' --json
check "…[]" jcheck "$T/bytalks.out" 'j == []'
check "customers --stage of no stage: exit 2 naming --stage" refused badfilter 2 "--stage: 'Verhandlung' is no stage" customers --stage Verhandlung
check "customer set stage= of no stage: exit 2 naming the field and the team's names" \
	refused badstage 2 "stage: 'Verhandlung' is no stage (one of lead, inquiry, 已报价" customer set pumpen-engel.de stage=Verhandlung
check "…nothing written" sh -c "$FU customer show pumpen-engel.de --json | grep -q '\"stage_id\": \"quoted\"'"
check "customer set stage=sampling: a stage not renamed keeps its id" run setsampling 0 customer set pumpen-engel.de stage=Sampling --json
check "…sampling" jcheck "$T/setsampling.out" '(j[0]["stage"], j[0]["stage_id"]) == ("sampling", "sampling")'
check "the old names again: nothing was rewritten" sh -c "$BIN/followup -c '$T/plain.conf' customer show pumpen-engel.de --json > '$T/plain.json'"
check "…the moves read as the built-in stages" jcheck "$T/plain.json" \
	'[e["snippet"] for e in j[0]["notes"] if e["kind"] == "stage"][-3:] == ["ordered → negotiating", "negotiating → quoted", "quoted → sampling"]'

# Configuration errors name the file, the line and the key.
bad_stages() {
	cp "$T/plain.conf" "$T/bad.conf"
	printf '%s\n' "$@" >> "$T/bad.conf"
	line=$(($(wc -l < "$T/plain.conf") + $#))
}
bad_stages '[stages]' 'quotd = Angebot'
check "[stages] with no such stage: followup exits 78 naming file, line and key" sh -c "
	$BIN/followup -c '$T/bad.conf' customers > '$T/bad.out' 2> '$T/bad.err'; test \$? = 78 &&
	grep -qF '$T/bad.conf:$line: [stages] quotd: no such stage (the stages: lead, inquiry, quoted' '$T/bad.err'"
bad_stages '[stages]' 'quoted = Angebot' 'sampling = angebot'
check "two stages of one name: followupd --check-config names the second" sh -c "
	! $BIN/followupd -c '$T/bad.conf' --check-config > '$T/bad2.out' 2>&1 &&
	grep -qF '$T/bad.conf:$line: [stages] sampling: ' '$T/bad2.out' && grep -q 'stands for the stage quoted already' '$T/bad2.out'"
bad_stages '[stages]' 'lost = ordered'
check "a name that is another stage's id is refused" sh -c "
	! $BIN/followupd -c '$T/bad.conf' --check-config > '$T/bad3.out' 2>&1 &&
	grep -qF '$T/bad.conf:$line: [stages] lost: ' '$T/bad3.out'"
bad_stages '[stages]' 'quoted = Angebot' 'quoted = Offerte'
check "a stage named twice: the line of the second, and of the first" sh -c "
	! $BIN/followupd -c '$T/bad.conf' --check-config > '$T/bad4.out' 2>&1 &&
	grep -qF '$T/bad.conf:$line: [stages] quoted: given twice (first at line $((line - 1)))' '$T/bad4.out'"
