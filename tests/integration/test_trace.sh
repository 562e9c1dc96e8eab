#!/bin/sh
# No password in the log at any level: followupd --log-level debug logs
# libcurl's IMAP and SMTP dialogue, and the login works, but the password
# (as written, or base64-encoded in SASL) appears nowhere in its output.
# Dovecot is made to take AUTHENTICATE PLAIN (with an initial response)
# and AUTHENTICATE LOGIN (the password on a continuation line); aiosmtpd
# to take AUTH PLAIN and AUTH LOGIN (both answered on continuations).
TEST_PASSWORD=Tr4ce-Pw.93
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/rules_lib.sh"

NOW=2026-11-24T10:00:00+08:00

# The password and what SASL sends of it: PLAIN's "\0user\0password"
# and LOGIN's password, both in base64.
secrets=$("$PY" -c '
import base64, sys
pw = sys.argv[1].encode()
print(sys.argv[1])
print(base64.b64encode(b"\0sales@example.com\0" + pw).decode())
print(base64.b64encode(pw).decode())' "$TEST_PASSWORD")
echo "$secrets" > "$T/secrets"

# no_secret FILE...: none of the secrets occurs in the files.
no_secret() {
	! grep -qF -f "$T/secrets" "$@"
}

# run_once NAME: followupd --once at debug level with the raw-trace switch
# of earlier versions set; stdout and stderr kept.
run_once() {
	FOLLOWUP_CURL_VERBOSE=1 "$BIN/followupd" -c "$CONF" --once --now "$NOW" \
		--log-level debug >"$T/$1.out" 2>"$T/$1.err"
}

write_spanish_inquiry

for mech in plain login; do
	if [ $mech = plain ]; then
		DOVECOT_AUTH_MECHANISMS="plain login" start_dovecot || { not_ok "dovecot starts"; exit 1; }
		start_smtpd --auth "sales@example.com:$TEST_PASSWORD" --auth-mechanisms PLAIN ||
			{ not_ok "smtpd starts"; exit 1; }
		imap_auth='> A[0-9]* AUTHENTICATE PLAIN <redacted>$'
		smtp_auth='> AUTH PLAIN$'
	else
		DOVECOT_AUTH_MECHANISMS=login start_dovecot || { not_ok "dovecot starts"; exit 1; }
		start_smtpd --auth "sales@example.com:$TEST_PASSWORD" --auth-mechanisms LOGIN ||
			{ not_ok "smtpd starts"; exit 1; }
		imap_auth='> A[0-9]* AUTHENTICATE LOGIN <redacted>$'
		smtp_auth='> AUTH LOGIN$'
	fi
	mail a INBOX 2026-11-24T09:30:00+08:00
	CONF=$T/$mech.conf
	write_rules_config "$CONF"
	sed -i -e "s|^path = .*|path = $T/$mech.db|" \
	       -e "s|^from = |user = sales@example.com\npassword-file = $T/sales.pass\nfrom = |" "$CONF"
	run_once $mech
	rc=$?
	M=$(echo $mech | tr a-z A-Z)
	check "IMAP AUTHENTICATE $M: logged in and synced at --log-level debug" \
		sh -c "test $rc = 0 && grep -q '^debug: account sales: logged in' '$T/$mech.err' && grep -q '^account sales: [0-9]* fetched, 1 new' '$T/$mech.err'"
	check "…the IMAP dialogue is in the log, the credentials <redacted>" \
		sh -c "grep -q '^debug: account sales: imap $imap_auth' '$T/$mech.err' && grep -q '^debug: account sales: imap < A[0-9]* OK' '$T/$mech.err'"
	if [ $mech = login ]; then
		check "…the answer to Dovecot's password challenge too" \
			sh -c "grep -A1 '^debug: account sales: imap < + UGFzc3dvcmQ6' '$T/$mech.err' | grep -q '^debug: account sales: imap > <redacted>$'"
	fi
	sent=$(smtp_count)
	check "SMTP AUTH $M: the acknowledgement went out, as the SMTP user" \
		sh -c "test $sent = 1 && grep -q 'AUTH $M accepted' '$SMTP_DIR/log' && grep -q '\"auth\": \"sales@example.com\"' '$SMTP_DIR/0001.json'"
	check "…the SMTP dialogue is in the log, each answer to a 334 <redacted>" \
		sh -c "grep -q '^debug: smtp: smtp $smtp_auth' '$T/$mech.err' && test \$(grep -A1 '^debug: smtp: smtp < 334' '$T/$mech.err' | grep -c '^debug: smtp: smtp > <redacted>$') -ge 1 && grep -q '^debug: smtp: smtp < 235' '$T/$mech.err'"
	check "…and the message body is not" sh -c "! grep -q 'Gomez' '$T/$mech.err'"
	check "the password is nowhere in followupd's output, as written or in base64" \
		no_secret "$T/$mech.out" "$T/$mech.err"
	stop_smtpd
	stop_dovecot
done
