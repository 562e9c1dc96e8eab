#!/bin/sh
# TLS unless the server is this machine: `tls = no` towards any other
# host is refused by --check-config (and at start) unless the section says
# `plaintext = allow`, and then every start warns, naming the account (or
# [smtp]) and the host. Hosts are judged as written, never resolved.
. "$(dirname "$0")/lib.sh"

CONF=$T/followup.conf
# The contract config with both [account sales] and [smtp] on loopback,
# tls = no, without a Dovecot: --check-config does not connect.
IMAP_PORT=14300
write_config "$CONF"

# conf_with NAME IMAP-URL SMTP-URL [EXTRA-ACCOUNT-LINE [EXTRA-SMTP-LINE]]:
# $T/NAME.conf, the contract config with these URLs (tls = no in both).
conf_with() {
	sed -e "s|^url = imap://127.0.0.1:$IMAP_PORT|url = $2|" \
	    -e "s|^url = smtp://127.0.0.1:2525|url = $3|" "$CONF" > "$T/$1.conf"
	if [ -n "${4:-}" ]; then
		sed -i "s|^user = sales@example.com$|user = sales@example.com\n$4|" "$T/$1.conf"
	fi
	if [ -n "${5:-}" ]; then
		sed -i "s|^from = |$5\nfrom = |" "$T/$1.conf"
	fi
}

# A non-loopback host with tls = no: --check-config fails, naming the
# file, the tls line and the host.
for host in imap.gmail.com 10.1.2.3:143 '[2001:db8::1]' localhost.example.com 128.0.0.1; do
	tag=$(echo "$host" | tr -c 'a-z0-9\n' '_')
	conf_with "imap-$tag" "imap://$host" smtp://127.0.0.1:2525
	"$BIN/followupd" -c "$T/imap-$tag.conf" --check-config 2>"$T/imap-$tag.err"
	rc=$?
	line=$(grep -n '^tls = no' "$T/imap-$tag.conf" | head -n 1 | cut -d: -f1)
	case "$host" in
	\[*) bare=$(echo "$host" | sed 's/^\[//; s/\].*//') ;;
	*) bare=${host%%:*} ;;
	esac
	check "imap://$host with tls = no: --check-config exits 78 naming file:line, key and host" \
		sh -c "test $rc = 78 && grep -qF '$T/imap-$tag.conf:$line: [account sales] tls: '\"'no'\"' would send the password and the mail unencrypted to $bare, which is not this machine' '$T/imap-$tag.err'"
	conf_with "smtp-$tag" imap://127.0.0.1:$IMAP_PORT "smtp://$host"
	"$BIN/followupd" -c "$T/smtp-$tag.conf" --check-config 2>"$T/smtp-$tag.err"
	rc=$?
	line=$(grep -n '^tls = no' "$T/smtp-$tag.conf" | tail -n 1 | cut -d: -f1)
	check "smtp://$host with tls = no: --check-config exits 78 naming file:line, key and host" \
		sh -c "test $rc = 78 && grep -qF '$T/smtp-$tag.conf:$line: [smtp] tls: '\"'no'\"' would send the password and the mail unencrypted to $bare' '$T/smtp-$tag.err'"
done

# Loopback: 127.0.0.0/8, ::1, localhost are fine, without a word.
for host in 127.0.0.1:143 127.0.1.1 '[::1]:143' localhost LOCALHOST:25; do
	tag=$(echo "$host" | tr -c 'a-zA-Z0-9\n' '_')
	conf_with "lo-$tag" "imap://$host" "smtp://$host"
	"$BIN/followupd" -c "$T/lo-$tag.conf" --check-config >"$T/lo-$tag.out" 2>"$T/lo-$tag.err"
	rc=$?
	check "tls = no to $host (this machine) is accepted without a warning" \
		sh -c "test $rc = 0 && grep -q 'configuration OK' '$T/lo-$tag.out' && ! test -s '$T/lo-$tag.err'"
done

# plaintext = allow: accepted, and said at every start.
conf_with allow imap://imap.example.net:143 smtp://mx.example.net \
	"plaintext = allow" "plaintext = allow"
"$BIN/followupd" -c "$T/allow.conf" --check-config >"$T/allow.out" 2>"$T/allow.err"
rc=$?
check "plaintext = allow: --check-config accepts tls = no to another machine" \
	sh -c "test $rc = 0 && grep -q 'configuration OK' '$T/allow.out'"
check "…and warns, naming the account and the host" \
	grep -q '^warning: account sales: tls = no: the password and the mail go unencrypted to imap://imap.example.net:143 (plaintext = allow)' "$T/allow.err"
check "…and [smtp] and its host" \
	grep -q '^warning: smtp: tls = no: the password and the mail go unencrypted to smtp://mx.example.net (plaintext = allow)' "$T/allow.err"
# A real start (the daemon, not --check-config): the warning again. The
# host is a documentation address (RFC 5737) that never answers.
conf_with allow-start imap://192.0.2.1:143 smtp://127.0.0.1:2525 "plaintext = allow"
"$BIN/followupd" -c "$T/allow-start.conf" 2>"$T/allow-start.err" &
pid=$!
i=0
while ! grep -q 'followupd started' "$T/allow-start.err" 2>/dev/null && [ $i -lt 100 ]; do
	sleep 0.1
	i=$((i + 1))
done
kill -TERM $pid
wait $pid
rc=$?
check "a start with plaintext = allow warns, naming the account and host" \
	sh -c "test $rc = 0 && grep -q '^warning: account sales: tls = no: .* to imap://192.0.2.1:143 (plaintext = allow)' '$T/allow-start.err'"

# plaintext takes allow or refuse only.
conf_with badword imap://127.0.0.1:$IMAP_PORT smtp://127.0.0.1:2525 "plaintext = yes"
"$BIN/followupd" -c "$T/badword.conf" --check-config 2>"$T/badword.err"
rc=$?
check "plaintext = yes is an error naming the line and key" \
	sh -c "test $rc = 78 && grep -q 'badword.conf:[0-9]*: \[account sales\] plaintext: '\"'yes'\"' is neither allow nor refuse' '$T/badword.err'"
