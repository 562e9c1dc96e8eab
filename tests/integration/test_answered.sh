#!/bin/sh
# Mail a person of ours wrote is contact; mail followupd sent is not. An
# inquiry a salesperson has answered already (here on the first sync,
# from the Sent folder) gets no acknowledgement; the acknowledgement of
# an unanswered one stays on the timeline but does not make the customer
# "contacted" or the thread "last written by us".
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/rules_lib.sh"

start_dovecot || { not_ok "dovecot starts"; exit 1; }
start_smtpd || { not_ok "smtpd starts"; exit 1; }
CONF=$T/followup.conf
write_rules_config "$CONF"
NOW=2026-11-24T10:00:00+08:00
FU="$BIN/followup -c $CONF"

cat > "$T/g.eml" <<'MSG'
From: Jan Nowak <jan@hurtownia-pompy.pl>
To: sales@example.com
Subject: Zapytanie ofertowe pompy
Date: Tue, 24 Nov 2026 09:00:00 +0800
Message-ID: <answered@hurtownia-pompy.pl>
Content-Type: text/plain; charset=UTF-8

Prosimy o ofertę na 50 pomp odśrodkowych.
MSG
cat > "$T/q.eml" <<'MSG'
From: Li Wei <li.wei@example.com>
To: Jan Nowak <jan@hurtownia-pompy.pl>
Subject: Re: Zapytanie ofertowe pompy
Date: Tue, 24 Nov 2026 09:20:00 +0800
Message-ID: <our-quote@example.com>
In-Reply-To: <answered@hurtownia-pompy.pl>
References: <answered@hurtownia-pompy.pl>
Content-Type: text/plain; charset=UTF-8

Dear Jan, our quotation: USD 120 per pc, FOB Ningbo, 50 pcs.
MSG
cat > "$T/h.eml" <<'MSG'
From: Karl Lund <karl@pumpen-lund.de>
To: sales@example.com
Subject: Anfrage Membranpumpen
Date: Tue, 24 Nov 2026 09:10:00 +0800
Message-ID: <unanswered@pumpen-lund.de>
Content-Type: text/plain; charset=UTF-8

Bitte senden Sie uns ein Angebot für 20 Membranpumpen.
MSG
mail g INBOX 2026-11-24T09:00:00+08:00
mail q Sent 2026-11-24T09:20:00+08:00
mail h INBOX 2026-11-24T09:10:00+08:00

check "followupd --once: the first sync of INBOX and Sent, then the rules" \
	"$BIN/followupd" -c "$CONF" --once --now "$NOW"
cp "$T/check.out" "$T/run.log"
check "the inquiry answered by a person gets no acknowledgement" \
	test -z "$(smtp_find 'In-Reply-To: <answered@hurtownia-pompy.pl>')"
check "…and the log says why" grep -q \
	"no acknowledgement for <answered@hurtownia-pompy.pl>: a person of ours has replied in the thread" \
	"$T/run.log"
check "the unanswered one is acknowledged" \
	test -n "$(smtp_find 'In-Reply-To: <unanswered@pumpen-lund.de>')"
$FU timeline pumpen-lund.de --json > "$T/lund.json"
check "…and the acknowledgement is on its timeline, as kind ack" jcheck "$T/lund.json" \
	'[e["kind"] for e in j] == ["inquiry", "ack"]'
$FU customers --json > "$T/customers.json"
check "a customer only acknowledged was not contacted by us" jcheck "$T/customers.json" \
	'[c["last_outbound"] for c in j if c["key"] == "pumpen-lund.de"] == [None]'
check "a customer a person answered was, at the answer's time" jcheck "$T/customers.json" \
	'[c["last_outbound"] for c in j if c["key"] == "hurtownia-pompy.pl"] == ["2026-11-24T01:20:00Z"]'
$FU threads --customer pumpen-lund.de --json > "$T/threads.json"
check "the acknowledged thread was last written by the customer" jcheck "$T/threads.json" \
	'len(j) == 1 and j[0]["last_direction"] == "in" and j[0]["last_kind"] == "inquiry"'
$FU threads --customer hurtownia-pompy.pl --json > "$T/threads2.json"
check "the answered thread was last written by us" jcheck "$T/threads2.json" \
	'len(j) == 1 and j[0]["last_direction"] == "out"'
