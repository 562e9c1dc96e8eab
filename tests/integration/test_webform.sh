#!/bin/sh
# A web form's mail: sent by the company's own web server (an address of
# our domains that is no [person], often a noreply), the buyer in
# Reply-To. It is the buyer's inquiry: filed under the buyer's customer,
# acknowledged to the buyer, watched by the service level. A colleague's
# own mail with a Reply-To outside stays ours.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/rules_lib.sh"

start_dovecot || { not_ok "dovecot starts"; exit 1; }
start_smtpd || { not_ok "smtpd starts"; exit 1; }
CONF=$T/followup.conf
write_rules_config "$CONF"
FU="$BIN/followup -c $CONF"
NOW=2026-11-24T10:00:00+08:00
LATE=2026-11-27T10:00:00+08:00      # Friday: past the 24 business hours (Thursday 15:30)

cat > "$T/w.eml" <<'MSG'
From: Acme Pumps website <noreply@example.com>
Reply-To: Ana Ruiz <ana.ruiz@bombas-sur.com.mx>
To: sales@example.com
Subject: Website inquiry: submersible pumps
Date: Tue, 24 Nov 2026 09:30:00 +0800
Message-ID: <form-7781@example.com>
Content-Type: text/plain; charset=UTF-8

Name: Ana Ruiz
Company: Bombas del Sur
Message: Necesitamos 40 bombas sumergibles, precio CIF Manzanillo.
MSG
cat > "$T/p.eml" <<'MSG'
From: Li Wei <li.wei@example.com>
Reply-To: Omar <omar@importer.ae>
To: sales@example.com
Subject: FYI: call notes Omar
Date: Tue, 24 Nov 2026 09:35:00 +0800
Message-ID: <notes-1@example.com>
Content-Type: text/plain; charset=UTF-8

Omar called, wants a quote next week.
MSG
mail w INBOX 2026-11-24T09:30:00+08:00
mail p INBOX 2026-11-24T09:35:00+08:00

check "followupd --once --now files and runs the rules" "$BIN/followupd" -c "$CONF" --once --now "$NOW"
$FU timeline bombas-sur.com.mx --json > "$T/form.json"
check "the form mail is the buyer's inquiry, inbound, from the buyer's customer" jcheck "$T/form.json" \
	'j[0]["kind"] == "inquiry" and j[0]["direction"] == "in"'
check "…acknowledged to the buyer, the only recipient" sh -c "
	f=\$(grep -l 'In-Reply-To: <form-7781@example.com>' $SMTP_DIR/*.eml) &&
	grep -q '\"rcpt_tos\": \\[\"ana.ruiz@bombas-sur.com.mx\"\\]' \"\${f%.eml}.json\""
check "…and the acknowledgement is on the buyer's timeline" jcheck "$T/form.json" \
	'[e["kind"] for e in j] == ["inquiry", "ack"]'
check "nothing went to our own noreply address" sh -c "! grep -q 'noreply@example.com' $SMTP_DIR/*.json"
$FU customers --json > "$T/customers.json"
check "a colleague's mail with an outside Reply-To stays internal" jcheck "$T/customers.json" \
	'not any(c["key"] == "importer.ae" for c in j)'
$FU overdue --json --now "$LATE" > "$T/overdue.json"
check "the service level watches the form inquiry" jcheck "$T/overdue.json" \
	'any(e["customer"] == "bombas-sur.com.mx" and e["rule"] == "first-response" for e in j)'
$FU customer show bombas-sur.com.mx --json > "$T/card.json"
check "the buyer's customer came through the website" jcheck "$T/card.json" \
	'j[0]["source"] == "website"'
