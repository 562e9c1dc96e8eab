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
