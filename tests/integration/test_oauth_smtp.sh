#!/bin/sh
# OAuth2 for [smtp] (issue 11, item 3): the acknowledgement goes out after
# AUTH XOAUTH2 (then OAUTHBEARER) with an access token the local token
# endpoint (oauth_server.py) issued for the refresh token of the token file;
# the SMTP server (smtpd.py, aiosmtpd) checks the SASL message and asks the
# endpoint's introspection whether the token is good. A revoked refresh
# token keeps the acknowledgement pending, and the log says what to run.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/rules_lib.sh"

CLIENT=followup-smtp.apps.example
REFRESH=rt-smtp-0123456789abcdef
SECRET=cs-smtp-0123456789abcdef
start_oauth --client-id "$CLIENT" --client-secret "$SECRET" --user sales@example.com \
	--refresh-token "$REFRESH" ||
	{ not_ok "the token endpoint starts"; exit 1; }
start_dovecot || { not_ok "dovecot starts"; exit 1; }
start_smtpd --oauth-introspect "$OAUTH_URL/introspect" || { not_ok "smtpd starts"; exit 1; }
NOW=2026-11-24T10:00:00+08:00
write_spanish_inquiry
mail a INBOX 2026-11-24T09:30:00+08:00

CONF=$T/followup.conf
write_rules_config "$CONF"
(umask 077 && printf '%s\n' "$REFRESH" > "$T/smtp.token" &&
	printf '%s\n' "$SECRET" > "$T/client.secret")
# A confidential client: every token request carries the client secret.
sed -i "s|^from = |user = sales@example.com\nauth = xoauth2\noauth-client-id = $CLIENT\noauth-client-secret-file = $T/client.secret\noauth-token-endpoint = $OAUTH_URL/token\noauth-token-file = $T/smtp.token\nfrom = |" "$CONF"
FU="$BIN/followup -c $CONF --now $NOW"

control() {
	"$PY" -c 'import sys,urllib.request; urllib.request.urlopen(sys.argv[1], b"")' "$OAUTH_URL/control/$1"
}
auth_of() {
	"$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["auth"])' "$SMTP_DIR/$1.json"
}

"$BIN/followupd" -c "$CONF" --once --now "$NOW" --log-level debug 2>"$T/xoauth2.err"
check "[smtp] auth = xoauth2: the acknowledgement is delivered" \
	sh -c "test \$(ls '$SMTP_DIR'/*.eml 2>/dev/null | wc -l) = 1 && grep -q '^sent ack to maria@empresa.com.co' '$T/xoauth2.err'"
check "…after AUTH XOAUTH2 with a token the endpoint says is the user's" \
	sh -c "grep -q 'AUTH XOAUTH2 accepted' '$SMTP_DIR/log' && test '$(auth_of 0001)' = sales@example.com"
check "…the trace shows AUTH XOAUTH2 and its answer redacted, and no token" \
	sh -c "grep -A2 'smtp > AUTH XOAUTH2$' '$T/xoauth2.err' | grep -q 'smtp > <redacted>$' && ! grep -E 'at-[A-Za-z0-9_-]{20}|$REFRESH|dXNlcj1' '$T/xoauth2.err'"

# A wrong client secret: the endpoint refuses the client, and the log
# says which keys to check; the secret is in no log.
(umask 077 && printf 'cs-wrong\n' > "$T/wrong.secret")
sed -e "s|^oauth-client-secret-file = .*|oauth-client-secret-file = $T/wrong.secret|" \
	-e "s|^path = .*|path = $T/wrong.db|" "$CONF" > "$T/wrong.conf"
"$BIN/followupd" -c "$T/wrong.conf" --once --now "$NOW" --log-level debug 2>"$T/wrong.err"
check "a wrong client secret: invalid_client, and the log points at the client ID and secret" \
	grep -qF "smtp: the token endpoint $OAUTH_URL/token refused to refresh the access token (invalid_client; check oauth-client-id and oauth-client-secret-file)" "$T/wrong.err"
check "…and no secret or token is in the debug logs" \
	sh -c "! grep -E '$SECRET|cs-wrong|$REFRESH' '$T/wrong.err' '$T/xoauth2.err'"

# OAUTHBEARER, for a second inquiry.
sed -e 's/empresa.com.co/bombas-andinas.com.co/g' -e 's/maria@/jose@/' "$T/a.eml" > "$T/b.eml"
mail b INBOX 2026-11-24T09:40:00+08:00
sed -i 's/^auth = xoauth2$/auth = oauthbearer/' "$CONF"
"$BIN/followupd" -c "$CONF" --once --now "$NOW" 2>"$T/bearer.err"
check "[smtp] auth = oauthbearer: the second acknowledgement is delivered after AUTH OAUTHBEARER" \
	sh -c "test \$(ls '$SMTP_DIR'/*.eml | wc -l) = 2 && grep -q 'AUTH OAUTHBEARER accepted' '$SMTP_DIR/log'"

# The refresh token is revoked: nothing is sent, the acknowledgement waits.
control revoke-refresh
sed -e 's/empresa.com.co/aguas-del-valle.com.co/g' -e 's/maria@/ana@/' "$T/a.eml" > "$T/c.eml"
mail c INBOX 2026-11-24T09:50:00+08:00
"$BIN/followupd" -c "$CONF" --once --now "$NOW" 2>"$T/revoked.err"
$FU outbox --json > "$T/revoked.json"
check "a revoked refresh token: nothing more is delivered, no AUTH tried" \
	sh -c "test \$(ls '$SMTP_DIR'/*.eml | wc -l) = 2 && test \$(grep -c '^AUTH' '$SMTP_DIR/log') = 2"
check "…the log names [smtp]'s token file and says to run followup oauth --smtp" \
	grep -qF "smtp: the token endpoint $OAUTH_URL/token refused the refresh token in $T/smtp.token (invalid_grant: Token has been expired or revoked.: it expired or was revoked; get a new one with: followup oauth --smtp)" "$T/revoked.err"
check "…and the acknowledgement stays pending, to be retried" jcheck "$T/revoked.json" \
	'[r["state"] for r in j if r["recipient"].startswith("ana@")] == ["pending"] and "followup oauth --smtp" in j[-1]["last_error"]'

# A running followupd keeps the access token for the next message; when
# the server refuses it (revoked early), it refreshes once and sends.
# (smtpd.py's second process numbers its messages from 1 again: wait_sent
# looks for the recipient, not a count.)
THIRD=rt-smtp-third-0123456789abcdef
control "refresh?token=$THIRD"
(umask 077 && printf '%s\n' "$THIRD" > "$T/smtp.token")
sed -i -e 's/^auth = oauthbearer$/auth = xoauth2/' -e 's/^poll = 60s$/poll = 10s/' "$CONF"
sed -e 's/empresa.com.co/riego-sur.com.co/g' -e 's/maria@/luis@/' "$T/a.eml" > "$T/d.eml"
sed -e 's/empresa.com.co/hidro-norte.com.co/g' -e 's/maria@/eva@/' "$T/a.eml" > "$T/e.eml"
mail d INBOX 2026-11-24T09:52:00+08:00
"$BIN/followupd" -c "$CONF" --now "$NOW" 2>"$T/daemon.log" &
pid=$!
# wait_sent ADDRESS: up to 60 s for a delivered message to ADDRESS.
wait_sent() {
	i=0
	while ! grep -lq "^To: .*$1" "$SMTP_DIR"/*.eml 2>/dev/null; do
		i=$((i + 1))
		[ $i -gt 600 ] && { echo "nothing to $1; the log:"; tail -n 20 "$T/daemon.log"; return 1; }
		sleep 0.1
	done
}
check "a running followupd sends an acknowledgement with XOAUTH2" wait_sent luis@riego-sur.com.co
# A new SMTP server process on the same port: libcurl's kept connection is
# gone, so the next message logs in again, with the token followupd kept.
stop_smtpd
rm -f "$SMTP_DIR/ready"
"$PY" "$TOOLS/smtpd.py" --port "$SMTP_PORT" --dir "$SMTP_DIR" \
	--oauth-introspect "$OAUTH_URL/introspect" 2>>"$T/smtpd.err" &
_smtpd_pid=$!
wait_ready smtpd "$SMTP_DIR/ready" "$T/smtpd.err"
control revoke-access
mail e INBOX 2026-11-24T09:54:00+08:00
check "…and when the server refuses the token it kept, refreshes it once and sends the next" \
	wait_sent eva@hidro-norte.com.co
check "…the server refused one AUTH, and the log says the token was refreshed" \
	sh -c "test \$(grep -c 'AUTH XOAUTH2 refused' '$SMTP_DIR/log') = 1 && grep -q 'smtp: the server refused the access token; refreshing it' '$T/daemon.log'"
kill -TERM "$pid"
wait "$pid"
check "followupd stops cleanly" test $? = 0

# followup oauth --smtp: the device flow for [smtp]'s token file.
sed -e "s|^oauth-token-file = .*|oauth-token-file = $T/smtp-new.token\noauth-device-endpoint = $OAUTH_URL/device|" \
	"$CONF" > "$T/device.conf"
chmod 600 "$T/device.conf"
"$BIN/followup" -c "$T/device.conf" oauth --smtp >"$T/device.out" 2>"$T/device.err"
rc=$?
check "followup oauth --smtp signs [smtp] in and writes its token file (0600)" \
	sh -c "test $rc = 0 && grep -q 'To let followupd use \[smtp\]' '$T/device.out' && test \$(stat -c %a '$T/smtp-new.token') = 600"
"$BIN/followupd" -c "$T/device.conf" --check-config >/dev/null 2>&1
check "…and followupd takes the configuration with it" test $? = 0
"$BIN/followup" -c "$T/device.conf" oauth sales >/dev/null 2>"$T/pw.err"
check "followup oauth for an account that logs in with a password: exit 78, saying so" \
	sh -c "test $? = 78 && grep -q 'account sales logs in with a password' '$T/pw.err'"
