#!/bin/sh
# SMTP over TLS, as test_tls does for IMAP: an acknowledgement is
# delivered over STARTTLS (smtp://, the default tls = yes) and over
# implicit TLS (smtps://) to a server with a certificate of a private CA
# named in ca-file; it is not delivered, and the log says why, when the
# certificate is not trusted or the server offers no STARTTLS, and then
# the password never goes out in the clear.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/rules_lib.sh"

start_dovecot || { not_ok "dovecot starts"; exit 1; }
CERTS=$T/certs
mkdir -p "$CERTS"
make_certs "$CERTS" || { not_ok "test certificates"; exit 1; }
NOW=2026-11-24T10:00:00+08:00
write_spanish_inquiry
mail a INBOX 2026-11-24T09:30:00+08:00
cp "$T/sales.pass" "$T/smtp.pass" 2>/dev/null

# smtp_case NAME URL [CA-FILE]: a config for the running smtpd: [smtp] at
# URL with TLS on (no tls line), the SMTP login, CA-FILE as ca-file; its
# own store. Then one followupd --once; the log in $T/NAME.err.
smtp_case() {
	CONF=$T/$1.conf
	write_rules_config "$CONF"
	sed -i -e "/^\[smtp\]/,/^\[/{/^tls = no/d}" \
	       -e "s|^url = smtp://127.0.0.1:[0-9]*|url = $2|" \
	       -e "s|^path = .*|path = $T/$1.db|" \
	       -e "s|^from = |user = sales@example.com\npassword-file = $T/sales.pass\nfrom = |" "$CONF"
	if [ -n "${3:-}" ]; then
		sed -i "s|^from = |ca-file = $3\nfrom = |" "$CONF"
	fi
	"$BIN/followupd" -c "$CONF" --once --now "$NOW" 2>"$T/$1.err"
}

# tls_of N: whether the server's message N came over TLS ("True"/"False").
tls_of() {
	"$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["tls"])' "$SMTP_DIR/$1.json"
}

auth="sales@example.com:$TEST_PASSWORD"

# STARTTLS with the private CA.
start_smtpd --tls-cert "$CERTS/server.pem" --tls-key "$CERTS/server.key" --starttls \
	--auth "$auth" || { not_ok "smtpd with STARTTLS starts"; exit 1; }
smtp_case starttls "smtp://127.0.0.1:$SMTP_PORT" "$CERTS/ca.pem"
check "smtp:// upgrades with STARTTLS and delivers the acknowledgement" \
	sh -c "test \$(ls '$SMTP_DIR'/*.eml | wc -l) = 1 && grep -q '^sent ack to maria@empresa.com.co' '$T/starttls.err'"
check "…over TLS, logged in after STARTTLS" \
	sh -c "test '$(tls_of 0001)' = True && grep -q 'AUTH PLAIN accepted' '$SMTP_DIR/log'"
stop_smtpd

# Implicit TLS with the private CA.
start_smtpd --tls-cert "$CERTS/server.pem" --tls-key "$CERTS/server.key" --implicit-tls \
	--auth "$auth" || { not_ok "smtpd with implicit TLS starts"; exit 1; }
smtp_case implicit "smtps://127.0.0.1:$SMTP_PORT" "$CERTS/ca.pem"
check "smtps:// with ca-file delivers the acknowledgement" \
	sh -c "test \$(ls '$SMTP_DIR'/*.eml | wc -l) = 1 && grep -q '^sent ack to' '$T/implicit.err'"
check "…over TLS" test "$(tls_of 0001)" = True

# The same server without the CA: the certificate is not trusted.
logins=$(grep -c '^AUTH' "$SMTP_DIR/log")
smtp_case untrusted "smtps://127.0.0.1:$SMTP_PORT"
"$BIN/followup" -c "$CONF" outbox --json > "$T/untrusted.json"
check "an untrusted certificate: nothing is delivered" test "$(smtp_count)" = 1
check "…one clear log line: the certificate, and ca-file" \
	sh -c "test \$(grep -c 'not sent, will retry: smtps://127.0.0.1:$SMTP_PORT: SSL certificate problem' '$T/untrusted.err') = 1 && grep -q 'name its certificate in ca-file' '$T/untrusted.err'"
check "…and the acknowledgement stays pending, to be retried" jcheck "$T/untrusted.json" \
	'len(j) == 1 and j[0]["state"] == "pending" and "certificate" in j[0]["last_error"]'
check "…and the password never reached the server" \
	test "$(grep -c '^AUTH' "$SMTP_DIR/log")" = "$logins"
stop_smtpd

# STARTTLS offered with a certificate of an unknown CA.
start_smtpd --tls-cert "$CERTS/server.pem" --tls-key "$CERTS/server.key" --starttls \
	--auth "$auth" || { not_ok "smtpd with STARTTLS starts"; exit 1; }
smtp_case starttls-untrusted "smtp://127.0.0.1:$SMTP_PORT"
sent=$(smtp_count)
check "STARTTLS with an untrusted certificate: nothing delivered, no login, one clear line" \
	sh -c "test $sent = 0 && ! grep -q '^AUTH' '$SMTP_DIR/log' && test \$(grep -c 'not sent, will retry: .*certificate' '$T/starttls-untrusted.err') = 1"
stop_smtpd

# A server that offers no STARTTLS, with tls = yes (the default).
start_smtpd --auth "$auth" || { not_ok "smtpd starts"; exit 1; }
smtp_case nostarttls "smtp://127.0.0.1:$SMTP_PORT"
check "no STARTTLS offered: nothing is delivered" test "$(smtp_count)" = 0
check "…one clear log line: use smtps://, or tls = no on this machine" \
	sh -c "test \$(grep -c 'not sent, will retry: smtp://127.0.0.1:$SMTP_PORT: STARTTLS not supported. (the server offers no STARTTLS: use smtps://, or tls = no for a server on this machine)' '$T/nostarttls.err') = 1"
check "…and the password was not sent in the clear" sh -c "! grep -q '^AUTH' '$SMTP_DIR/log'"
stop_smtpd
