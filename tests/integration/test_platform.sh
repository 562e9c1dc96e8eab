#!/bin/sh
# B2B platforms ([source NAME]): their notification mails bring buyers'
# inquiries. The buyer is found in the Reply-To or in the text; each buyer
# is a customer of their own, never the platform; the acknowledgement goes
# to the buyer when the source says so, and never to the platform.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/rules_lib.sh"

start_dovecot || { not_ok "dovecot starts"; exit 1; }
start_smtpd || { not_ok "smtpd starts"; exit 1; }
CONF=$T/followup.conf
write_rules_config "$CONF"
cat >> "$CONF" <<'CONF'
[source tradehub]
from = *@notice.tradehub.example
buyer = reply-to
acknowledge = yes
[source mic]
from = inquiry@mic-platform.example
buyer = body
CONF
FU="$BIN/followup -c $CONF"
NOW=2026-11-24T10:00:00+08:00

# notification N REPLY-TO SUBJECT BODY: a TradeHub notification at 09:0N,
# with the bulk headers such platforms put on their mail.
notification() {
	{
		printf 'From: TradeHub <no-reply@notice.tradehub.example>\nTo: sales@example.com\n'
		printf 'Reply-To: %s\nSubject: %s\n' "$2" "$3"
		printf 'Date: Tue, 24 Nov 2026 09:0%s:00 +0800\nMessage-ID: <th-%s@notice.tradehub.example>\n' "$1" "$1"
		printf 'Precedence: bulk\nList-Unsubscribe: <https://tradehub.example/unsub>\n'
		printf 'Content-Type: text/plain; charset=UTF-8\n\n%s\n' "$4"
	} > "$T/th$1.eml"
	mail "th$1" INBOX "2026-11-24T09:0$1:00+08:00"
}
notification 1 'Mike Brown <mike@buyer-one.com>' 'New inquiry: ball valves' 'Mike Brown asks: price for 500 ball valves DN25?'
notification 2 'Sara Lima <sara.lima@gmail.com>' 'New inquiry: gate valves' 'Sara Lima asks: 80 gate valves, FOB Ningbo.'
cat > "$T/mic.eml" <<'MSG'
From: MIC Inquiry <inquiry@mic-platform.example>
To: sales@example.com
Subject: You have a new inquiry from Germany
Date: Tue, 24 Nov 2026 09:05:00 +0800
Message-ID: <mic-1@mic-platform.example>
Content-Type: text/plain; charset=UTF-8

Buyer: Tom Lee, ImportCo GmbH
E-mail: Tom.Lee@importco.de.
Message: We need 200 check valves. Please reply to the buyer, not to
inquiry@mic-platform.example.
MSG
mail mic INBOX 2026-11-24T09:05:00+08:00

check "followupd --check-config accepts [source] sections" "$BIN/followupd" -c "$CONF" --check-config
check "followupd --once files and runs the rules" "$BIN/followupd" -c "$CONF" --once --now "$NOW"
cp "$T/check.out" "$T/run.log"
$FU customers --json > "$T/customers.json"
check "each buyer is a customer of their own" jcheck "$T/customers.json" \
	'set(c["key"] for c in j) == {"buyer-one.com", "sara.lima@gmail.com", "importco.de"}'
$FU timeline buyer-one.com --json > "$T/one.json"
check "a platform's notification is the buyer's inquiry, despite its bulk headers" jcheck "$T/one.json" \
	'j[0]["kind"] == "inquiry" and j[0]["direction"] == "in"'
check "the buyer in the Reply-To is acknowledged (acknowledge = yes)" sh -c "
	f=\$(grep -l 'In-Reply-To: <th-1@notice.tradehub.example>' $SMTP_DIR/*.eml) &&
	grep -q '\"rcpt_tos\": \\[\"mike@buyer-one.com\"\\]' \"\${f%.eml}.json\""
check "…and so is a free-mail buyer" sh -c "
	f=\$(grep -l 'In-Reply-To: <th-2@notice.tradehub.example>' $SMTP_DIR/*.eml) &&
	grep -q '\"rcpt_tos\": \\[\"sara.lima@gmail.com\"\\]' \"\${f%.eml}.json\""
check "nothing went to a platform" sh -c "! grep -qi 'tradehub.example\\|mic-platform.example' $SMTP_DIR/*.json"
check "the buyer found in the text is not acknowledged (acknowledge = no), and the log says why" \
	grep -q "no acknowledgement for <mic-1@mic-platform.example>: a platform's notification" "$T/run.log"
check "two acknowledgements in all" test "$(smtp_count)" = 2
$FU customer show buyer-one.com --json > "$T/card.json"
check "a platform buyer's customer came through that platform" jcheck "$T/card.json" \
	'j[0]["source"] == "tradehub"'
$FU customer set buyer-one.com source=fair > /dev/null
"$BIN/followup" -c "$CONF" reparse > /dev/null 2>&1
$FU customer show buyer-one.com --json > "$T/card2.json"
check "…unless a person says otherwise, which reparse keeps" jcheck "$T/card2.json" \
	'j[0]["source"] == "fair"'
