#!/bin/sh
# Acknowledgements only to the buyer, with a real Dovecot and a real SMTP
# server: a Reply-To on another registrable domain than the From is passed
# over for the From (mail from a@one.example with "Reply-To:
# victim@other.example" must not make us write to the victim); a Reply-To
# on the From's own domain, or a free-mail buyer's other free-mail box, is
# answered; free-mail providers are not capped as a domain, companies are;
# ack-hourly-cap bounds all acknowledgements of an hour, and the log says
# why an inquiry got none.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/rules_lib.sh"

start_dovecot || { not_ok "dovecot starts"; exit 1; }
start_smtpd || { not_ok "smtpd starts"; exit 1; }
CONF=$T/followup.conf
write_rules_config "$CONF"
sed -i 's|^max-age = 24h .*|&\nack-domain-cap = 1\nack-hourly-cap = 6|' "$CONF"
NOW=2026-11-24T10:00:00+08:00        # a Tuesday in Shanghai

# inquiry N FROM REPLY-TO SUBJECT: $T/N.eml, a new inquiry at 09:0N.
inquiry() {
	{
		printf 'From: %s\nTo: sales@example.com\n' "$2"
		[ -n "$3" ] && printf 'Reply-To: %s\n' "$3"
		printf 'Subject: %s\nDate: Tue, 24 Nov 2026 09:0%s:00 +0800\n' "$4" "$1"
		printf 'Message-ID: <inquiry-%s@test.invalid>\nContent-Type: text/plain; charset=UTF-8\n\n' "$1"
		printf 'Please send us your best price for %s.\n' "$4"
	} > "$T/$1.eml"
	mail "$1" INBOX "2026-11-24T09:0$1:00+08:00"
}
inquiry 1 'Pedro Gomez <pedro@empresa.com.co>' 'Victim <victim@other-company.es>' 'Bombas centrifugas 50 unidades'
inquiry 2 'Hans Berg <hans@mail.kunde-zwei.de>' 'Einkauf <einkauf@kunde-zwei.de>' 'Anfrage Dichtungen DN50'
inquiry 3 'Li Ming <li.ming@163.com>' '<li.ming@qq.com>' 'Inquiry for booster pumps'
inquiry 4 'Maria Garcia <maria.garcia@gmail.com>' '' 'Consulta de precios valvulas'
inquiry 5 'Carlos Souza <carlos.souza@gmail.com>' '' 'Pedido de cotacao motores'
inquiry 6 'Joao <joao@gmail.com>' 'Compras <compras@empresa-tres.com.br>' 'Cotacao de bombas'
inquiry 7 'Bernd Berg <bernd@kunde-zwei.de>' '' 'Preisanfrage Ventile'
inquiry 8 'Ahmed <ahmed@importer-vier.ae>' '' 'Request for quotation: pumps'

check "followupd --once --now syncs and runs the rules" \
	"$BIN/followupd" -c "$CONF" --once --now "$NOW"
cp "$T/check.out" "$T/run.log"

# rcpt_of N: the recipients of the acknowledgement of inquiry N.
rcpt_of() {
	f=$(smtp_find "In-Reply-To: <inquiry-$1@test.invalid>")
	[ -n "$f" ] || return 0
	"$PY" -c 'import json, sys; print(" ".join(json.load(open(sys.argv[1]))["rcpt_tos"]))' "${f%.eml}.json"
}

check "a Reply-To on another registrable domain gets no acknowledgement: the From does" \
	test "$(rcpt_of 1)" = "pedro@empresa.com.co"
check "…nothing at all went to that Reply-To" sh -c "! grep -qi 'victim@other-company.es' $SMTP_DIR/*.json"
check "a Reply-To on the From's registrable domain (From on a subdomain) is answered" \
	test "$(rcpt_of 2)" = "einkauf@kunde-zwei.de"
check "a free-mail buyer's Reply-To at another free-mail provider is answered" \
	test "$(rcpt_of 3)" = "li.ming@qq.com"
check "a Gmail buyer is answered" test "$(rcpt_of 4)" = "maria.garcia@gmail.com"
check "…and a second one: free mail is not capped as a domain (ack-domain-cap = 1)" \
	test "$(rcpt_of 5)" = "carlos.souza@gmail.com"
check "a free-mail buyer's Reply-To at a company is not answered: the From is" \
	test "$(rcpt_of 6)" = "joao@gmail.com"
check "a second buyer of a company is capped (ack-domain-cap = 1)" test -z "$(rcpt_of 7)"
check "…and the log says why" grep -q \
	"no acknowledgement for <inquiry-7@test.invalid>: the sender's domain reached ack-domain-cap" \
	"$T/run.log"
check "the seventh acknowledgement of the hour is not sent (ack-hourly-cap = 6)" \
	test -z "$(rcpt_of 8)"
check "…and the log says why" grep -q \
	"no acknowledgement for <inquiry-8@test.invalid>: ack-hourly-cap acknowledgements in the last hour" \
	"$T/run.log"
check "six messages in all, each from <> with Auto-Submitted" sh -c "
	test \$(ls $SMTP_DIR/*.eml | wc -l) = 6 &&
	test \$(grep -l '^Auto-Submitted: auto-replied' $SMTP_DIR/*.eml | wc -l) = 6 &&
	test \$(grep -l '\"mail_from\": \"<>\"' $SMTP_DIR/*.json | wc -l) = 6"

# An hour and a minute later the hour is over, but each inquiry is decided once.
check "a later pass sends nothing more: every inquiry was decided once" sh -c "
	'$BIN/followupd' -c '$CONF' --once --now 2026-11-24T11:10:00+08:00 &&
	test \$(ls $SMTP_DIR/*.eml | wc -l) = 6"

# The planner decides from what analysing an inquiry found when it was
# filed (its screening and recipient, kept in the store): it does not
# parse the inquiry again. Inquiry 9 is filed while the rule cannot see
# it yet (max-age 1s), its stored raw copy is then damaged: it is still
# acknowledged, to the right address, referring to it. Inquiry 10 stands
# for a row filed before the store kept that (its screening NULL): it is
# analysed once more, to the same effect.
{
	printf 'From: Ana Ruiz <ana@compras-cinco.com.mx>\nTo: sales@example.com\n'
	printf 'Reply-To: Compras <compras@compras-cinco.com.mx>\n'
	printf 'Subject: Cotizacion bombas sumergibles\nDate: Wed, 25 Nov 2026 09:01:00 +0800\n'
	printf 'Message-ID: <inquiry-9@test.invalid>\n'
	printf 'Content-Type: text/plain; charset=UTF-8\n\nNecesitamos 20 bombas sumergibles.\n'
} > "$T/9.eml"
mail 9 INBOX 2026-11-25T09:01:00+08:00
{
	printf 'From: Ola Nord <ola@innkjop-seks.no>\nTo: sales@example.com\n'
	printf 'Subject: Price request valves\nDate: Wed, 25 Nov 2026 09:02:00 +0800\n'
	printf 'Message-ID: <inquiry-10@test.invalid>\n'
	printf 'Content-Type: text/plain; charset=UTF-8\n\nPlease quote 40 ball valves DN25.\n'
} > "$T/10.eml"
mail 10 INBOX 2026-11-25T09:02:00+08:00
sed 's|^max-age = 24h .*|max-age = 1s|' "$CONF" > "$T/blind.conf"
LATER=2026-11-25T10:00:00+08:00
check "followupd files inquiries 9 and 10 while the rule cannot see them" sh -c "
	'$BIN/followupd' -c '$T/blind.conf' --once --now $LATER &&
	test \$(ls $SMTP_DIR/*.eml | wc -l) = 6"
check "inquiry 9's raw copy is damaged, inquiry 10's screening is unknown" "$PY" - "$T/followup.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("UPDATE raw_messages SET data = x'00' WHERE id = (SELECT raw_id FROM messages "
           "WHERE message_id = 'inquiry-9@test.invalid')")
n = db.execute("UPDATE messages SET ack_block = NULL, ack_to_addr = NULL, ack_to_name = NULL "
               "WHERE message_id = 'inquiry-10@test.invalid'").rowcount
db.commit()
sys.exit(0 if n == 1 else 1)
PY
check "followupd --once plans both" "$BIN/followupd" -c "$CONF" --once --now "$LATER"
cp "$T/check.out" "$T/later.log"
check "inquiry 9 is acknowledged without its raw copy, to its Reply-To on its own domain" \
	test "$(rcpt_of 9)" = "compras@compras-cinco.com.mx"
ack9=$(smtp_find "In-Reply-To: <inquiry-9@test.invalid>")
check "…referring to it" grep -q "^References: <inquiry-9@test.invalid>" "$ack9"
check "inquiry 10, filed before the screening was kept, is analysed again and acknowledged" \
	test "$(rcpt_of 10)" = "ola@innkjop-seks.no"
ack10=$(smtp_find "In-Reply-To: <inquiry-10@test.invalid>")
check "…referring to it" grep -q "^References: <inquiry-10@test.invalid>" "$ack10"
check "…and its subject in the template" grep -q "Price request valves" "$ack10"
