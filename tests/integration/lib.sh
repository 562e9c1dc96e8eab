# Shared helpers for the integration tests (sourced, POSIX sh).
#
# Every test starts its own Dovecot on a free loopback port in a temp dir
# and removes everything on exit. Results are TAP lines ("ok N - name").

set -u
# Tests live in tests/integration/; the demo sets TOP itself.
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
BIN=${FOLLOWUP_BIN:-$TOP/bin}
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
TOOLS=$TOP/tests/integration

T=$(mktemp -d "${TMPDIR:-/tmp}/followup-it.XXXXXX")
chmod 755 "$T"
# The test user's IMAP password (imaptool.py reads it too).
TEST_PASSWORD=${TEST_PASSWORD:-secret}
export TEST_PASSWORD
_tap_n=0
_dovecot_pid=

_smtpd_pid=

# start_smtpd [OPTIONS]: a real SMTP server (aiosmtpd) on $SMTP_PORT that
# writes what it accepts to $SMTP_DIR (see smtpd.py for the options).
start_smtpd() {
	SMTP_PORT=$(free_port)
	SMTP_DIR=$T/smtp
	rm -rf "$SMTP_DIR"
	mkdir -p "$SMTP_DIR"
	"$PY" "$TOOLS/smtpd.py" --port "$SMTP_PORT" --dir "$SMTP_DIR" "$@" 2>"$T/smtpd.err" &
	_smtpd_pid=$!
	wait_ready smtpd "$SMTP_DIR/ready" "$T/smtpd.err"
}

# start_oauth OPTIONS: the local OAuth2 server (oauth_server.py: token,
# device and introspection endpoints) on $OAUTH_PORT, its files in
# $OAUTH_DIR; $OAUTH_URL is its base URL.
_oauth_pid=
start_oauth() {
	OAUTH_PORT=$(free_port)
	OAUTH_DIR=$T/oauth
	OAUTH_URL=http://127.0.0.1:$OAUTH_PORT
	mkdir -p "$OAUTH_DIR"
	"$PY" "$TOOLS/oauth_server.py" --port "$OAUTH_PORT" --dir "$OAUTH_DIR" "$@" \
		2>"$T/oauth.err" &
	_oauth_pid=$!
	wait_ready oauth_server "$OAUTH_DIR/ready" "$T/oauth.err"
}

stop_oauth() {
	stop_pid "$_oauth_pid"
	_oauth_pid=
}

stop_smtpd() {
	stop_pid "$_smtpd_pid"
	_smtpd_pid=
}

# wait_ready WHAT FILE ERRFILE: waits up to 10 s for a helper server to
# write FILE, the sign that it listens; else says why it did not start.
wait_ready() {
	i=0
	while [ ! -e "$2" ]; do
		i=$((i + 1))
		[ $i -gt 100 ] && { diag "$1 did not start: $(cat "$3")"; return 1; }
		sleep 0.1
	done
}

# stop_pid PID: stops a helper server and reaps it (nothing when PID is empty).
stop_pid() {
	if [ -n "$1" ]; then
		kill "$1" 2>/dev/null
		wait "$1" 2>/dev/null
	fi
}

# smtp_count: messages the SMTP server accepted.
smtp_count() {
	ls "$SMTP_DIR"/*.eml 2>/dev/null | wc -l
}

# start_slowlink RATE: a relay to Dovecot on $LINK_PORT that delivers the
# server's bytes at RATE bytes per second (see slowlink.py).
_link_pid=
start_slowlink() {
	LINK_PORT=$(free_port)
	rm -f "$T/link.ready"
	"$PY" "$TOOLS/slowlink.py" --listen "$LINK_PORT" --to "$IMAP_PORT" \
		--rate "$1" --ready "$T/link.ready" 2>"$T/link.err" &
	_link_pid=$!
	wait_ready slowlink "$T/link.ready" "$T/link.err"
}

stop_slowlink() {
	stop_pid "$_link_pid"
	_link_pid=
}

# start_badimap DIR: the scripted, misbehaving IMAP server (badimap.py)
# serving DIR/N.eml, on $IMAP_PORT (so that write_config points at it).
_badimap_pid=
start_badimap() {
	IMAP_PORT=$(free_port)
	rm -f "$T/badimap.ready"
	"$PY" "$TOOLS/badimap.py" --port "$IMAP_PORT" --dir "$1" --ready "$T/badimap.ready" \
		2>"$T/badimap.err" &
	_badimap_pid=$!
	wait_ready badimap "$T/badimap.ready" "$T/badimap.err"
}

# run NAME STATUS ARGS...: `$FU ARGS` (the test's followup command) exits
# STATUS; its output is in $T/NAME.out and $T/NAME.err.
run() {
	_run_name=$1 _run_want=$2
	shift 2
	$FU "$@" > "$T/$_run_name.out" 2> "$T/$_run_name.err"
	_run_got=$?
	[ "$_run_got" = "$_run_want" ] || { echo "exit $_run_got, not $_run_want"; cat "$T/$_run_name.err"; return 1; }
}
# refused NAME STATUS WORDS ARGS...: exits STATUS and stderr says WORDS.
refused() {
	_refused_name=$1 _refused_want=$2 _refused_words=$3
	shift 3
	run "$_refused_name" "$_refused_want" "$@" || return 1
	grep -qF -- "$_refused_words" "$T/$_refused_name.err" || { echo "stderr does not say '$_refused_words':"; cat "$T/$_refused_name.err"; return 1; }
}

cleanup() {
	stop_pid "$_badimap_pid"
	stop_oauth
	stop_slowlink
	stop_smtpd
	stop_dovecot
	rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

ok() { _tap_n=$((_tap_n + 1)); echo "ok $_tap_n - $1"; }
not_ok() { _tap_n=$((_tap_n + 1)); echo "not ok $_tap_n - $1"; }
diag() { echo "# $*"; }

# check NAME COMMAND...: one TAP line from a command's exit status.
check() {
	name=$1; shift
	if "$@" >"$T/check.out" 2>&1; then
		ok "$name"
	else
		not_ok "$name"
		sed 's/^/#   /' "$T/check.out" | head -n 40
	fi
}

# free_port: a loopback port nobody listens on. When tests run side by side
# (tests/run-tests.sh -j), each port handed out is claimed in
# $FOLLOWUP_PORT_CLAIMS (mkdir is atomic), so two tests never get the same
# one between its close here and the server's bind.
free_port() {
	while :; do
		p=$("$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
		[ -z "${FOLLOWUP_PORT_CLAIMS:-}" ] && break
		mkdir "$FOLLOWUP_PORT_CLAIMS/$p" 2>/dev/null && break
	done
	echo "$p"
}

# make_certs DIR: a test CA and a server certificate for 127.0.0.1.
make_certs() {
	openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=followup test CA" \
		-keyout "$1/ca.key" -out "$1/ca.pem" >/dev/null 2>&1 &&
	openssl req -newkey rsa:2048 -nodes -subj "/CN=127.0.0.1" \
		-keyout "$1/server.key" -out "$1/server.csr" >/dev/null 2>&1 &&
	printf 'subjectAltName=IP:127.0.0.1\n' > "$1/san.ext" &&
	openssl x509 -req -in "$1/server.csr" -CA "$1/ca.pem" -CAkey "$1/ca.key" \
		-CAcreateserial -days 2 -extfile "$1/san.ext" -out "$1/server.pem" >/dev/null 2>&1
}

# start_dovecot: a throwaway Dovecot with one user, sales@example.com /
# $TEST_PASSWORD, on $IMAP_PORT; with DOVECOT_TLS=1 also TLS (STARTTLS on
# $IMAP_PORT, implicit on $IMAPS_PORT) with a certificate of a test CA,
# $T/dovecot/ca.pem. DOVECOT_AUTH_MECHANISMS replaces "plain login" (with
# "login" alone, clients must use AUTHENTICATE LOGIN). DOVECOT_EXTRA: more
# lines for dovecot.conf (e.g. imap_capability = ...). With
# DOVECOT_OAUTH2_URL (an introspection endpoint, as oauth_server.py's
# /introspect) it also takes XOAUTH2 and OAUTHBEARER, through its oauth2
# passdb asking that endpoint about each access token.
start_dovecot() {
	IMAP_PORT=$(free_port)
	IMAPS_PORT=0
	D=$T/dovecot
	mkdir -p "$D/run" "$D/state" "$D/mail" "$D/home"
	chmod 755 "$D"
	# As root, Dovecot drops to nobody; as a user, it runs as that user.
	if [ "$(id -u)" = 0 ]; then
		dv_user=nobody
		dv_group=$(id -gn nobody)
		chown -R nobody "$D/mail" "$D/home"
	else
		dv_user=$(id -un)
		dv_group=$(id -gn)
	fi
	printf 'sales@example.com:{PLAIN}%s\n' "$TEST_PASSWORD" > "$D/passwd"
	oauth_passdb=
	oauth_mechanisms=
	if [ -n "${DOVECOT_OAUTH2_URL:-}" ]; then
		printf 'introspection_mode = post\nintrospection_url = %s\nforce_introspection = yes\nusername_attribute = username\nactive_attribute = active\nactive_value = true\n' \
			"$DOVECOT_OAUTH2_URL" > "$D/oauth2.conf.ext"
		oauth_mechanisms=" xoauth2 oauthbearer"
		oauth_passdb="passdb {
  driver = oauth2
  mechanisms = xoauth2 oauthbearer
  args = $D/oauth2.conf.ext
}"
	fi
	ssl_conf="ssl = no"
	if [ "${DOVECOT_TLS:-0}" = 1 ]; then
		make_certs "$D" || return 1
		IMAPS_PORT=$(free_port)
		ssl_conf="ssl = yes
ssl_cert = <$D/server.pem
ssl_key = <$D/server.key"
	fi
	cat > "$D/dovecot.conf" <<CONF
base_dir = $D/run
state_dir = $D/state
log_path = $D/dovecot.log
$ssl_conf
disable_plaintext_auth = no
protocols = imap
listen = 127.0.0.1
mail_location = maildir:$D/mail/%u
mail_privileged_group =
auth_mechanisms = ${DOVECOT_AUTH_MECHANISMS:-plain login}$oauth_mechanisms
$oauth_passdb
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $D/passwd
}
userdb {
  driver = static
  args = uid=$dv_user gid=$dv_group home=$D/home/%u
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = $IMAP_PORT
  }
  inet_listener imaps {
    address = 127.0.0.1
    port = $IMAPS_PORT
  }
}
service anvil {
  chroot =
}
service stats {
  unix_listener stats-reader {
    mode = 0666
  }
  unix_listener stats-writer {
    mode = 0666
  }
}
default_login_user = $dv_user
default_internal_user = $dv_user
${DOVECOT_EXTRA:-}
CONF
	dovecot -c "$D/dovecot.conf" -F >"$D/stdout.log" 2>&1 &
	_dovecot_pid=$!
	i=0
	while ! "$PY" "$TOOLS/imaptool.py" --port "$IMAP_PORT" ping >/dev/null 2>&1; do
		i=$((i + 1))
		if [ $i -gt 100 ]; then
			diag "dovecot did not start:"
			sed 's/^/#   /' "$D/stdout.log" "$D/dovecot.log" 2>/dev/null | tail -n 20
			return 1
		fi
		sleep 0.1
	done
}

stop_dovecot() {
	stop_pid "$_dovecot_pid"
	_dovecot_pid=
}

imaptool() {
	"$PY" "$TOOLS/imaptool.py" --port "$IMAP_PORT" "$@"
}

# write_config FILE: the contract's config, pointed at this test's Dovecot.
write_config() {
	# Only followupd's user may read a password file (followupd refuses
	# it otherwise); the subshell keeps the test's own umask.
	(umask 077 && printf '%s\n' "$TEST_PASSWORD" > "$T/sales.pass")
	chmod 600 "$T/sales.pass"
	cat > "$1" <<CONF
[store]
path = $T/followup.db
control-socket = $T/control
[company]
name = Acme Pumps
domains = example.com
timezone = Asia/Shanghai
work-hours = Mon-Fri 09:00-18:00
[account sales]
url = imap://127.0.0.1:$IMAP_PORT        ; imaps:// implicit TLS; imap:// uses STARTTLS unless tls = no
tls = no                            ; only for servers without TLS, such as a loopback test server
user = sales@example.com
password-file = $T/sales.pass
folders = INBOX, Sent
sent-folders = Sent
poll = 60s
[smtp]
url = smtp://127.0.0.1:2525
tls = no
from = Acme Pumps Sales <sales@example.com>
[person li.wei@example.com]
name = Li Wei
manager = zhang@example.com
countries = DE, AE, PL
CONF
}

# corpus_setup: a Dovecot holding the sample corpus (corpus.py), $CONF
# written for it and $FU the CLI at $NOW (set NOW first). Ends the test
# when Dovecot does not start.
corpus_setup() {
	start_dovecot || { not_ok "dovecot starts"; exit 1; }
	"$PY" "$TOOLS/corpus.py" write "$T/corpus"
	check "the corpus is in Dovecot" imaptool load "$T/corpus/manifest.json"
	CONF=$T/followup.conf
	write_config "$CONF"
	FU="$BIN/followup -c $CONF --now $NOW"
}

# bulk_inquiries DIR N TAG: N small inquiries from 40 customers, spread
# over October 2026, as DIR/*.eml and DIR/manifest.json for imaptool load;
# Message-IDs <TAG-I@customerK.com>.
bulk_inquiries() {
	"$PY" - "$1" "$2" "$3" <<'PYEOF'
import json, os, sys
out, n, tag = sys.argv[1], int(sys.argv[2]), sys.argv[3]
os.makedirs(out)
manifest = []
for i in range(n):
    name = "%05d.eml" % i
    day = 1 + i % 28
    with open(os.path.join(out, name), "wb") as f:
        f.write(("From: buyer%d@customer%d.com\r\nTo: sales@example.com\r\n"
                 "Subject: Inquiry %d for pumps\r\nDate: %02d Oct 2026 10:%02d:00 +0000\r\n"
                 "Message-ID: <%s-%d@customer%d.com>\r\n\r\nPlease quote %d pumps.\r\n"
                 % (i, i % 40, i, day, i % 60, tag, i, i % 40, i + 1)).encode())
    manifest.append({"folder": "INBOX", "file": name,
                     "internaldate": "2026-10-%02dT10:00:00+00:00" % day})
json.dump(manifest, open(os.path.join(out, "manifest.json"), "w"))
PYEOF
}

# jcheck FILE PYTHON-EXPR: asserts a Python expression over the JSON in
# FILE, bound to `j`; prints the JSON on failure.
jcheck() {
	"$PY" - "$1" "$2" <<'PYEOF'
import json, sys
j = json.load(open(sys.argv[1], encoding="utf-8"))
expr = sys.argv[2]
try:
    ok = eval(expr, {"j": j})
except Exception as e:
    print("error evaluating %s: %r" % (expr, e))
    ok = False
if not ok:
    print("failed: " + expr)
    print(json.dumps(j, ensure_ascii=False, indent=1)[:3000])
    sys.exit(1)
PYEOF
}
