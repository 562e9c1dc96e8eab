#!/bin/sh
# TLS: implicit (imaps://) and STARTTLS (imap://) against a Dovecot with a
# certificate of a test CA; an untrusted certificate is one clear error.
. "$(dirname "$0")/lib.sh"

if ! DOVECOT_TLS=1 start_dovecot; then
	not_ok "dovecot with TLS starts"
	exit 1
fi
"$PY" "$TOOLS/corpus.py" write "$T/corpus"
imaptool load "$T/corpus/manifest.json"
write_config "$T/base.conf"

# imaps:// on the implicit-TLS port, trusting the test CA.
sed -e "s|^url = imap://127.0.0.1:$IMAP_PORT.*|url = imaps://127.0.0.1:$IMAPS_PORT\nca-file = $D/ca.pem|" \
    -e '/^tls = no/d' -e "s|^path = .*|path = $T/imaps.db|" "$T/base.conf" > "$T/imaps.conf"
check "imaps:// with the server's CA syncs" "$BIN/followupd" -c "$T/imaps.conf" --once
"$BIN/followup" -c "$T/imaps.conf" timeline kunde.de --json > "$T/imaps.json"
check "…and files the mail" jcheck "$T/imaps.json" 'len(j) == 5'

# imap:// with the default tls = yes: STARTTLS.
sed -e "s|^url = imap://127.0.0.1:$IMAP_PORT.*|url = imap://127.0.0.1:$IMAP_PORT\nca-file = $D/ca.pem|" \
    -e '/^tls = no/d' -e "s|^path = .*|path = $T/starttls.db|" "$T/base.conf" > "$T/starttls.conf"
check "imap:// upgrades with STARTTLS and syncs" "$BIN/followupd" -c "$T/starttls.conf" --once
"$BIN/followup" -c "$T/starttls.conf" timeline kunde.de --json > "$T/starttls.json"
check "…and files the mail" jcheck "$T/starttls.json" 'len(j) == 5'

# Without the CA the certificate is not trusted: one clear line, exit 1.
sed -e '/^ca-file/d' -e "s|^path = .*|path = $T/untrusted.db|" "$T/imaps.conf" > "$T/untrusted.conf"
"$BIN/followupd" -c "$T/untrusted.conf" --once 2>"$T/untrusted.err"
rc=$?
check "an untrusted certificate exits 1 with one clear line" \
	sh -c "test $rc = 1 && test \$(grep -c 'cannot log in' '$T/untrusted.err') = 1 && grep -qi 'certificate' '$T/untrusted.err'"
