#!/bin/sh
# OAuth2 (issue 11, item 3) against real components: oauth_server.py is the
# token endpoint and the introspection endpoint; Dovecot takes XOAUTH2 and
# OAUTHBEARER through its oauth2 passdb, which asks that endpoint about
# every access token; smtpd.py (aiosmtpd) takes AUTH XOAUTH2 the same way.
# followupd refreshes the access token with the refresh token of its token
# file, logs in with it, refreshes it when it expires and when the server
# refuses it, says what to do when the refresh token is revoked, writes a
# rotated one back, and never logs a token.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/rules_lib.sh"

CLIENT=followup-test.apps.example
REFRESH=rt-initial-0123456789abcdef
start_oauth --client-id "$CLIENT" --user sales@example.com --refresh-token "$REFRESH" \
	--expires-in 5 || { not_ok "the token endpoint starts"; exit 1; }
DOVECOT_OAUTH2_URL=$OAUTH_URL/introspect start_dovecot || { not_ok "dovecot starts"; exit 1; }

CONF=$T/followup.conf
write_config "$CONF"
(umask 077 && printf '%s\n' "$REFRESH" > "$T/sales.token")
# The account logs in with OAuth2: no password, the client ID, the local
# token endpoint (http:// is allowed to this machine only) and the token file.
# It polls (idle = no), so that every cycle logs in again: the logins are
# what this test is about.
sed -i -e "/^password-file = /d" -e "s/^poll = 60s$/poll = 10s\nidle = no/" \
	-e "s|^user = sales@example.com$|user = sales@example.com\nauth = xoauth2\noauth-client-id = $CLIENT\noauth-token-endpoint = $OAUTH_URL/token\noauth-token-file = $T/sales.token|" \
	"$CONF"
FU="$BIN/followup -c $CONF"
export OAUTH_URL

stat_of() {
	"$PY" -c 'import json,sys,urllib.request; print(json.load(urllib.request.urlopen(sys.argv[1] + "/stats"))[sys.argv[2]])' "$OAUTH_URL" "$1"
}
control() {
	"$PY" -c 'import sys,urllib.request; urllib.request.urlopen(sys.argv[1], b"")' "$OAUTH_URL/control/$1"
}
seen() {
	$FU timeline oauth-test.com --json 2>/dev/null | grep -c "\"$1\""
}
# wait_for MESSAGE-ID: up to 60 s for the message to be on the timeline.
wait_for() {
	i=0
	while [ "$i" -lt 600 ]; do
		[ "$(seen "$1")" = 1 ] && return 0
		sleep 0.1
		i=$((i + 1))
	done
	echo "$1 is not on the timeline; the daemon's log:"
	tail -n 20 "$T/daemon.log"
	return 1
}
# wait_log PATTERN: up to 60 s for a line of the daemon's log.
wait_log() {
	i=0
	while ! grep -q -- "$1" "$T/daemon.log"; do
		i=$((i + 1))
		[ $i -gt 600 ] && { echo "no '$1' in the log:"; tail -n 20 "$T/daemon.log"; return 1; }
		sleep 0.1
	done
}
# message N: $T/mN.eml, a buyer's mail with Message-ID <oauth-N@oauth-test.com>.
message() {
	cat > "$T/m$1.eml" <<MSG
From: buyer@oauth-test.com
To: sales@example.com
Subject: Pumps, question $1
Date: Mon, 16 Nov 2026 09:0$1:00 +0000
Message-ID: <oauth-$1@oauth-test.com>

Question $1 about pumps.
MSG
	imaptool append INBOX "$T/m$1.eml" "2026-11-16T09:0$1:00+00:00"
}

# --- the configuration -----------------------------------------------------------

# The contract: an imaps:// account with auth = xoauth2 and oauth-token-file.
sed -e "s|^url = imap://.*|url = imaps://imap.gmail.com|" -e "/^tls = no/d" \
	-e "/^oauth-token-endpoint/d" -e "s|^auth = xoauth2|auth = xoauth2\noauth-provider = gmail|" \
	"$CONF" > "$T/gmail.conf"
"$BIN/followupd" -c "$T/gmail.conf" --check-config >"$T/gmail.out" 2>&1
check "--check-config accepts auth = xoauth2 with oauth-token-file on an imaps:// account" \
	sh -c "test $? = 0 && grep -q 'configuration OK' '$T/gmail.out'"

sed "s|^oauth-token-endpoint = .*|oauth-token-endpoint = http://auth.example.com/token|" \
	"$CONF" > "$T/plainhttp.conf"
line=$(grep -n '^oauth-token-endpoint' "$T/plainhttp.conf" | cut -d: -f1)
"$BIN/followupd" -c "$T/plainhttp.conf" --check-config 2>"$T/plainhttp.err"
check "an http:// token endpoint on another machine is refused with file, line and key" \
	sh -c "test $? = 78 && grep -qF '$T/plainhttp.conf:$line: [account sales] oauth-token-endpoint: ' '$T/plainhttp.err' && grep -q 'use https://' '$T/plainhttp.err'"

sed "s|^oauth-token-file = .*|oauth-token-file = $T/missing.token|" "$CONF" > "$T/notoken.conf"
line=$(grep -n '^oauth-token-file' "$T/notoken.conf" | cut -d: -f1)
"$BIN/followupd" -c "$T/notoken.conf" --check-config 2>"$T/notoken.err"
check "a missing token file: followupd says so, and what to run" \
	sh -c "test $? = 78 && grep -qF '$T/notoken.conf:$line: [account sales] oauth-token-file: cannot read $T/missing.token' '$T/notoken.err' && grep -qF 'run followup oauth sales' '$T/notoken.err'"

cp "$T/sales.token" "$T/open.token"
chmod 644 "$T/open.token"
sed "s|^oauth-token-file = .*|oauth-token-file = $T/open.token|" "$CONF" > "$T/open.conf"
"$BIN/followupd" -c "$T/open.conf" --check-config 2>"$T/open.err"
check "a token file others can read is refused like a password file" \
	sh -c "test $? = 78 && grep -qF 'open.token can be read by its group or others' '$T/open.err'"

# --- the daemon: log in, refresh on expiry, refresh on refusal, revoked ----------

message 1
"$BIN/followupd" -c "$CONF" --log-level debug 2>"$T/daemon.log" &
pid=$!
check "a sync with auth = xoauth2 files the mail" wait_for oauth-1@oauth-test.com
good=$(stat_of good_introspections)
check "…logged in to Dovecot with XOAUTH2, the token checked by the introspection endpoint" \
	sh -c "grep -q 'Login: user=<sales@example.com>, method=XOAUTH2' '$T/dovecot/dovecot.log' && test $good -ge 1"
check "…with the refresh token of the token file (one refresh)" test "$(stat_of refreshes)" = 1

# The access token lives 5 s; the next cycle, 10 s later, needs a new one.
message 2
check "an expired access token is refreshed and the next login works" wait_for oauth-2@oauth-test.com
refreshes=$(stat_of refreshes)
check "…refreshed before the login, not after a refusal" \
	sh -c "test $refreshes -ge 2 && ! grep -q 'refused the access token' '$T/daemon.log'"

# Tokens that live an hour from now on: the next cycle takes one, and the
# one after uses it from memory, without a refresh.
control "expires?s=3600"
message 3
wait_for oauth-3@oauth-test.com >/dev/null
refreshes=$(stat_of refreshes)
message 4
wait_for oauth-4@oauth-test.com >"$T/wait4.out"
found=$?
check "a good access token in memory is used again, without a refresh" \
	sh -c "test $found = 0 && test $(stat_of refreshes) = $refreshes"

# The server refuses the token in memory (revoked early): one refresh, then in.
control revoke-access
message 5
check "a refused access token: refreshed once, and the next login works" \
	wait_for oauth-5@oauth-test.com
check "…the log says the server refused it and it was refreshed" \
	test "$(grep -c 'account sales: the server refused the access token; refreshing it' "$T/daemon.log")" = 1

# The refresh token is revoked: a clear error naming the account and the remedy.
control revoke-refresh
control revoke-access
message 6
check "a revoked refresh token: the log names the account and says to run followup oauth" \
	wait_log "account sales: the token endpoint $OAUTH_URL/token refused the refresh token in $T/sales.token (invalid_grant: Token has been expired or revoked.: it expired or was revoked; get a new one with: followup oauth sales); retrying in"
check "…and nothing more is filed" test "$(seen oauth-6@oauth-test.com)" = 0
kill -TERM "$pid"
wait "$pid"
check "followupd stops cleanly" test $? = 0

# --- OAUTHBEARER, a rotated refresh token, hostile answers: one cycle each --------

SECOND=rt-second-0123456789abcdef
control "refresh?token=$SECOND"
(umask 077 && printf '%s\n' "$SECOND" > "$T/second.token")
sed -e "s|^auth = xoauth2|auth = oauthbearer|" -e "s|^oauth-token-file = .*|oauth-token-file = $T/second.token|" \
	"$CONF" > "$T/bearer.conf"
"$BIN/followupd" -c "$T/bearer.conf" --once --log-level debug 2>"$T/bearer.err"
rc=$?
check "auth = oauthbearer: one cycle logs in with OAUTHBEARER and files the waiting mail" \
	sh -c "test $rc = 0 && grep -q 'method=OAUTHBEARER' '$T/dovecot/dovecot.log'"
check "…the mail is on the timeline" test "$(seen oauth-6@oauth-test.com)" = 1
check "…and the trace shows AUTHENTICATE OAUTHBEARER redacted, no token" \
	sh -c "grep -q 'AUTHENTICATE OAUTHBEARER <redacted>$' '$T/bearer.err' && ! grep -E 'at-[A-Za-z0-9_-]{20}|$SECOND|bixhPX' '$T/bearer.err'"

control "rotate?on=1"
"$BIN/followupd" -c "$T/bearer.conf" --once 2>"$T/rotate.err"
rc=$?
new=$(cat "$T/second.token")
check "a rotated refresh token is written back to the token file" \
	sh -c "test $rc = 0 && test '$new' != '$SECOND' && case '$new' in rt-*) true ;; *) false ;; esac"
check "…for followupd alone (mode 0600), with no temporary file left" \
	sh -c "test \$(stat -c %a '$T/second.token') = 600 && test \$(ls '$T' | grep -c 'second.token.') = 0"
check "…the log says so without the token" \
	sh -c "grep -q 'gave a new refresh token; written to $T/second.token' '$T/rotate.err' && ! grep -q '$new' '$T/rotate.err'"
"$BIN/followupd" -c "$T/bearer.conf" --once 2>"$T/rotate2.err"
check "…and the next start logs in with it (the old one is void)" test $? = 0
control "rotate?on=0"

for kind in huge garbage; do
	control "answer?kind=$kind"
	"$BIN/followupd" -c "$T/bearer.conf" --once 2>"$T/$kind.err"
	echo $? > "$T/$kind.rc"
done
control "answer?kind=normal"
check "a token endpoint answering 1 MiB: a clear error, nothing kept" \
	sh -c "test \$(cat '$T/huge.rc') != 0 && grep -q 'account sales: cannot refresh the access token: $OAUTH_URL/token answered more than 65536 bytes, which is no OAuth2 answer' '$T/huge.err'"
check "a token endpoint answering what is not JSON: a clear error" \
	sh -c "test \$(cat '$T/garbage.rc') != 0 && grep -q 'answered HTTP 200, but the answer is not a JSON object' '$T/garbage.err'"

# A token the endpoint says belongs to another mailbox: Dovecot refuses it,
# followupd tries one fresh token, then says what to check.
control "user?name=other@example.com"
"$BIN/followupd" -c "$T/bearer.conf" --once 2>"$T/other.err"
rc=$?
control "user?name=sales@example.com"
check "a token of another mailbox: refused twice, then one line saying what to check" \
	sh -c "test $rc = 1 && test \$(grep -c 'refreshing it' '$T/other.err') = 1 && grep -qF 'account sales: imap://127.0.0.1:$IMAP_PORT refused a fresh OAuth2 access token for sales@example.com (is user = the mailbox that signed in with followup oauth sales?' '$T/other.err'"

# --- the first refresh token: followup oauth, the device flow --------------------

control revoke-refresh
sed -e "s|^oauth-token-file = .*|oauth-token-file = $T/device.token\noauth-device-endpoint = $OAUTH_URL/device\noauth-scope = imap offline_access|" \
	-e "s|^path = .*|path = $T/device-store/followup.db|" "$CONF" > "$T/device.conf"
chmod 600 "$T/device.conf"
"$BIN/followup" -c "$T/device.conf" oauth sales >"$T/device.out" 2>"$T/device.err"
rc=$?
check "followup oauth sales (device flow, no store yet) shows where to sign in and the code" \
	sh -c "test $rc = 0 && grep -qF '$OAUTH_URL/verify' '$T/device.out' && grep -q 'WDJB-MJHT' '$T/device.out'"
scope=$(stat_of scope)
polls=$(stat_of device_polls)
check "…asked for the configured scope, and polled until the sign-in" \
	sh -c "test '$scope' = 'imap offline_access' && test $polls = 3"
token=$(cat "$T/device.token")
check "…and wrote the refresh token to the token file, mode 0600, without printing it" \
	sh -c "test \$(stat -c %a '$T/device.token') = 600 && case '$token' in rt-*) true ;; *) false ;; esac && ! grep -qF '$token' '$T/device.out' '$T/device.err'"
mkdir -p "$T/device-store"
"$BIN/followupd" -c "$T/device.conf" --once 2>"$T/device-sync.err"
check "…with which followupd logs in" test $? = 0
"$BIN/followup" -c "$T/device.conf" oauth nosuch >/dev/null 2>"$T/nosuch.err"
check "followup oauth for an account that is not there: exit 78, saying so" \
	sh -c "test $? = 78 && grep -q 'nosuch: no such \[account NAME\]' '$T/nosuch.err'"
"$BIN/followup" -c "$T/device.conf" oauth --json sales >/dev/null 2>"$T/ojson.err"
check "followup oauth --json: exit 2 naming the option" \
	sh -c "test $? = 2 && grep -q 'oauth: --json' '$T/ojson.err'"

FU="$BIN/followup -c $T/notoken.conf"
check "the CLI, which never reads secrets, works with a token file it cannot find" \
	run cli-notoken 0 timeline oauth-test.com --json
FU="$BIN/followup -c $CONF"

# --log-level debug traced the IMAP dialogue; no token is in the log.
check "the trace shows the AUTHENTICATE XOAUTH2 line, redacted" \
	grep -q 'AUTHENTICATE XOAUTH2 <redacted>$' "$T/daemon.log"
check "no access token, refresh token or SASL message is in the debug log" \
	sh -c "! grep -E 'at-[A-Za-z0-9_-]{20}|rt-[A-Za-z0-9_-]{20}|$REFRESH|dXNlcj1|bixhPX' '$T/daemon.log'"
check "…nor in what followupd printed" sh -c "! grep -q '$REFRESH' '$T/daemon.log' '$T'/*.out"

# ---- an access token that another program keeps fresh ----
# No client ID and no endpoint: the token file is an access token, read
# again at every login (docs/CONFIG.md, "OAuth2").
control "expires?s=600"
control "refresh?token=rt-external-0123456789abcdef"
(umask 077 && "$PY" - "$OAUTH_URL" "$CLIENT" rt-external-0123456789abcdef > "$T/ext.token" <<'PYEOF'
import json, sys, urllib.parse, urllib.request
form = {"grant_type": "refresh_token", "client_id": sys.argv[2], "refresh_token": sys.argv[3]}
answer = urllib.request.urlopen(sys.argv[1] + "/token", urllib.parse.urlencode(form).encode())
print(json.load(answer)["access_token"])
PYEOF
)
sed -e '/^oauth-client-id = /d' -e '/^oauth-token-endpoint = /d' \
	-e "s|^oauth-token-file = .*|oauth-token-file = $T/ext.token|" \
	-e "s|^path = .*|path = $T/ext.db|" -e "s|^control-socket = .*|control-socket = $T/ext.control|" \
	"$CONF" > "$T/ext.conf"
check "auth = xoauth2 and oauth-token-file alone: configuration OK" \
	sh -c "'$BIN/followupd' -c '$T/ext.conf' --check-config > '$T/ext-check.out' 2>&1 && grep -q 'configuration OK' '$T/ext-check.out'"
sed "s|^url = imap://127.0.0.1:.*|url = imaps://imap.example.com:993|; /^tls = no/d" "$T/ext.conf" > "$T/ext-imaps.conf"
check "…on an imaps:// account too" "$BIN/followupd" -c "$T/ext-imaps.conf" --check-config
"$BIN/followupd" -c "$T/ext.conf" --once 2> "$T/ext.err"
check "followupd logs in with the file's access token and files the mail" sh -c "
	'$BIN/followup' -c '$T/ext.conf' timeline oauth-test.com --json > '$T/ext.json' &&
	grep -q '\"message_id\"' '$T/ext.json'"
check "…without asking the token endpoint (no refresh: nothing to refresh with)" \
	sh -c "! grep -q 'refreshing the access token' '$T/ext.err'"
control revoke-access
"$BIN/followupd" -c "$T/ext.conf" --once 2> "$T/ext-revoked.err"
check "a refused access token: the log names the file and who must renew it" \
	grep -q "refused the access token in $T/ext.token for sales@example.com (the program that keeps it fresh" "$T/ext-revoked.err"
"$BIN/followup" -c "$T/ext.conf" oauth sales > /dev/null 2> "$T/ext-oauth.err"
check "followup oauth on it: exit 78, saying it has no client ID" \
	sh -c "test $? = 78 && grep -q 'has no oauth-client-id' '$T/ext-oauth.err'"
