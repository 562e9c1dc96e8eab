#!/bin/sh
# A Debian daemon's manners (issue 11, item 4): --version on both
# programs, from the one VERSION file; `followup help COMMAND` and
# `COMMAND --help`; the man pages lint clean (mandoc, groff) and name
# every command of the command table and every key of config/settings.c;
# the bash completion completes commands, options, their values and the
# store's customer keys; the example configuration's provider blocks
# (腾讯企业邮 in use, Gmail, Microsoft 365, 阿里企业邮) pass --check-config
# once their placeholders are filled in.
. "$(dirname "$0")/lib.sh"

VERSION=$(cat "$TOP/VERSION")
FU=$BIN/followup

# ---- --version ----
# fails COMMAND…: COMMAND fails (a check that the checks can fail).
fails() { ! "$@"; }
# one_line FILE TEXT: FILE is exactly the line TEXT.
one_line() { test "$(wc -l < "$1")" = 1 && test "$(cat "$1")" = "$2"; }
check "followupd --version exits 0" sh -c "'$BIN/followupd' --version > '$T/dv.out'"
check "…and prints 'followupd $VERSION' on one line" one_line "$T/dv.out" "followupd $VERSION"
check "followup --version exits 0" sh -c "'$FU' --version > '$T/cv.out'"
check "…and prints 'followup $VERSION' on one line" one_line "$T/cv.out" "followup $VERSION"
check "the version is x.y.z" sh -c "echo '$VERSION' | grep -qx '[0-9]*\.[0-9]*\.[0-9]*'"
check "debian/changelog's latest entry is that version" \
	test "$(sed -n '1s/^followup (\([^)]*\)) .*/\1/p' "$TOP/debian/changelog")" = "$VERSION"

# ---- help ----
check "followup help timeline exits 0" sh -c "'$FU' help timeline > '$T/h-timeline.out'"
check "…prints the timeline command's usage" grep -qx 'usage: followup timeline TARGET' "$T/h-timeline.out"
"$FU" --help > "$T/help.out"
check "…which is not followup --help" sh -c "! cmp -s '$T/h-timeline.out' '$T/help.out'"
check "followup timeline --help prints the same" sh -c "'$FU' timeline --help | cmp -s - '$T/h-timeline.out'"
check "followup help customer show: that command's usage" sh -c \
	"'$FU' help customer show | grep -qx 'usage: followup customer show CUSTOMER'"
check "followup order --help: the order commands" sh -c \
	"'$FU' order --help > '$T/h-order.out' && grep -c 'followup order ' '$T/h-order.out' | grep -qx 4"
check "followup help with no command is followup --help" sh -c "'$FU' help | cmp -s - '$T/help.out'"
check "followup help nosuch exits 2 naming it" sh -c \
	"'$FU' help nosuch 2> '$T/h-no.err'; test \$? = 2 && grep -q \"'nosuch'\" '$T/h-no.err'"
"$FU" help --commands > "$T/commands"
check "help --commands lists the commands, timeline and customer show among them" sh -c \
	"test \$(wc -l < '$T/commands') -ge 20 && grep -qx timeline '$T/commands' && grep -qx 'customer show' '$T/commands'"
CONF=$T/followup.conf
IMAP_PORT=1 write_config "$CONF"

# ---- man pages ----
make -s -C "$TOP" man MANOUT="$T/man" > "$T/man.log" 2>&1
check "make man builds the three pages" sh -c \
	"test -s '$T/man/followupd.8' && test -s '$T/man/followup.1' && test -s '$T/man/followup.conf.5' || cat '$T/man.log'"
# lint PAGE: mandoc -T lint finds nothing at warning level or above but
# the empty paragraphs scdoc writes, and groff warns of nothing.
lint() {
	mandoc -T lint -W warning "$1" > "$T/lint.out" 2>&1
	grep -v 'skipping paragraph macro: PP' "$T/lint.out" && return 1
	LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$1" 2>&1 >/dev/null | grep . && return 1
	return 0
}
for page in followupd.8 followup.1 followup.conf.5; do
	check "$page: mandoc -T lint and man --warnings find nothing" lint "$T/man/$page"
	check "$page: says the version" grep -q "followup $VERSION" "$T/man/$page"
done
# The pages as a reader sees them.
for page in followupd.8 followup.1 followup.conf.5; do
	LC_ALL=C.UTF-8 MANWIDTH=200 man -l "$T/man/$page" 2>/dev/null | col -b > "$T/$page.txt"
done
# commands_in PAGE: every command of the table is in PAGE (the text of
# followup(1)) with its synopsis as written (one line at MANWIDTH=200).
commands_in() {
	missing=
	while IFS= read -r name; do
		synopsis=$("$FU" help $name | sed -n '1s/^usage: followup //p')
		grep -qF -- "$synopsis" "$1" || missing="$missing '$name'"
	done < "$T/commands"
	[ -z "$missing" ] || { echo "missing:$missing"; return 1; }
}
check "followup(1) has every command of the table with its synopsis" commands_in "$T/followup.1.txt"
grep -v 'customer show CUSTOMER' "$T/followup.1.txt" > "$T/less.1.txt"
check "…and a page without customer show fails that check" fails commands_in "$T/less.1.txt"
# The keys of each section, from config/settings.c's tables, with the
# keys of a macro of entries (#define NAME_SETTINGS(type)) where a table
# names it.
awk '/^#define [A-Z_]+_SETTINGS\(/ { mac = $2; sub(/\(.*/, "", mac); next }
     mac != "" { while (match($0, /\.key = "[a-z-]+"/)) {
	keys[mac] = keys[mac] " " substr($0, RSTART + 8, RLENGTH - 9); $0 = substr($0, RSTART + RLENGTH) }
	if ($0 !~ /\\$/) mac = ""; next }
     /^static const struct setting_def [a-z]+_settings\[\] = \{/ {
	sec = $5; sub(/_settings.*/, "", sec); next }
     sec != "" && /^\};/ { sec = ""; next }
     sec != "" { for (m in keys) if (index($0, m "(") > 0) { n = split(keys[m], k, " ")
	for (i = 1; i <= n; i++) print sec, k[i] }
	while (match($0, /\.key = "[a-z-]+"/)) {
	print sec, substr($0, RSTART + 8, RLENGTH - 9); $0 = substr($0, RSTART + RLENGTH) } }' \
	"$TOP/config/settings.c" > "$T/keys"
check "settings.c's tables give the keys (url of account, envelope-from of smtp, a macro's oauth-token-file of both)" sh -c \
	"grep -qx 'account url' '$T/keys' && grep -qx 'smtp envelope-from' '$T/keys' &&
	 grep -qx 'account oauth-token-file' '$T/keys' && grep -qx 'smtp oauth-token-file' '$T/keys' &&
	 test \$(wc -l < '$T/keys') -ge 60"
# section_text SECTION: the part of followup.conf(5) under [SECTION …].
section_text() {
	awk -v s="[$1" 'index($0, s) == 1 && ($0 ~ /^\[[a-z]+( [A-Z]+)?\]$/) { on = 1; next }
	                /^[[A-Z]/ { on = 0 } on' "$T/followup.conf.5.txt"
}
# keys_in KEYS: every "SECTION KEY" line of KEYS is in followup.conf(5)
# under its section.
keys_in() {
	missing=
	while read -r sec key; do
		section_text "$sec" | grep -qE "(^|[ ,])$key = " || missing="$missing [$sec] $key"
	done < "$1"
	[ -z "$missing" ] || { echo "missing:$missing"; return 1; }
}
check "followup.conf(5) has every key of every section under its section" keys_in "$T/keys"
echo 'limits envelope-from' > "$T/keys.wrong"
check "…and that check fails for a key under another section ([limits] envelope-from)" \
	fails keys_in "$T/keys.wrong"

# ---- bash completion ----
(umask 077 && printf 'x\n' > "$T/p")
printf 'name,country,email\nStahl GmbH,DE,anna@stahl.de\nAcme Trading,AE,bob@acme-trading.ae\n' > "$T/c.csv"
check "two customers in the store (import as root)" sh -c "'$FU' -c '$CONF' import customers '$T/c.csv' > /dev/null"
# A command's usage error prints the same synopsis as its help (one source).
check "a usage error shows the synopsis help shows" sh -c \
	"'$FU' -c '$CONF' orders --bogus 2> '$T/u.err'; test \$? = 2 &&
	 grep -qF \"\$('$FU' help orders | head -n 1 | sed 's/^usage: //')\" '$T/u.err'"
# complete WORDS…: COMPREPLY, sorted, one a line, for the cursor at the last word.
cat > "$T/complete.bash" <<'BASH'
. "$1"; shift
COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMPREPLY=()
_followup
printf '%s\n' "${COMPREPLY[@]}" | sort
BASH
complete() { bash "$T/complete.bash" "$TOP/completion/followup.bash" "$FU" "$@"; }
# completes EXPECTED WORDS…: the completions are EXPECTED (words separated by blanks).
completes() {
	want=$1; shift
	got=$(complete "$@" | tr '\n' ' ' | sed 's/ $//')
	[ "$got" = "$want" ] || { echo "got '$got', want '$want'"; return 1; }
}
check "bash reads the completion and registers it for followup" bash -c \
	". '$TOP/completion/followup.bash' && complete -p followup | grep -q _followup"
check "completes commands: ti → timeline" completes "timeline" ti
check "…cu → customer customers" completes "customer customers" cu
check "…the second word: customer → set show" completes "set show" customer ""
check "…help's argument: help ord → order orders" completes "order orders" help ord
check "…global options: --js → --json" completes "--json" --js
check "completes a command's options: customers --s" completes "--silent-for --sort --stage" customers --s
check "…an option's values: customers --sort" completes "grade last-contact name next-date" customers --sort ""
check "…note add --kind" completes "call meeting note sample visit whatsapp" note add x y --kind ""
check "…a command's words: export" completes "contacts customers orders overdue quotes timeline" export ""
check "completes customer keys from the store: timeline" completes "acme-trading.ae stahl.de" -c "$CONF" timeline ""
check "…with --config=FILE, after --customer: st → stahl.de" completes "stahl.de" "--config=$CONF" quotes --customer st
check "…nothing, quietly, when the store cannot be read" sh -c \
	"test -z \"\$(bash '$T/complete.bash' '$TOP/completion/followup.bash' '$FU' -c '$T/none.conf' timeline '' 2>&1)\""

# completesd EXPECTED WORDS…: the same for followupd.
completesd() {
	want=$1; shift
	got=$(bash -c '. "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1));
	               _followupd; printf "%s\n" "${COMPREPLY[@]}" | sort' - \
	      "$TOP/completion/followup.bash" "$BIN/followupd" "$@" | tr '\n' ' ' | sed 's/ $//')
	[ "$got" = "$want" ] || { echo "got '$got', want '$want'"; return 1; }
}
check "completes followupd's options: --ch → --check-config" completesd "--check-config" --ch
check "…and --log-level's values" completesd "debug error info notice warning" --log-level ""

# ---- the example configuration ----
EX=$TOP/config/followup.conf.example
(umask 077 && printf 'x\n' > "$T/sales.pass" && printf 'refresh-x\n' > "$T/sales.token" &&
	printf 'refresh-y\n' > "$T/smtp.token")
# provider TITLE: the example with the provider block whose title has
# TITLE in use (uncommented) instead of the others, its placeholders
# filled in: the password file and the store here.
provider() {
	awk -v want="$1" '
	/^; ==== / { inblk = 1; chosen = index($0, want) > 0; next }
	inblk && /^$/ { inblk = 0; print; next }
	inblk && chosen { if ($0 ~ /^;[^ ;]/) $0 = substr($0, 2); print; next }
	inblk { next }
	{ print }' "$EX" | sed "s|^password-file = sales.pass\$|password-file = $T/sales.pass|; s|^path = .*|path = $T/example.db|"
}
check "the example in use is 腾讯企业邮 (imaps://imap.exmail.qq.com:993)" \
	grep -qx 'url = imaps://imap.exmail.qq.com:993' "$EX"
for p in 腾讯企业邮:imap.exmail.qq.com:993:smtp.exmail.qq.com:465 Gmail:imap.gmail.com:993:smtp.gmail.com:465 \
         "阿里企业邮:imap.qiye.aliyun.com:993:smtp.qiye.aliyun.com:465" \
         "Microsoft 365:outlook.office365.com:993:smtp.office365.com:587"; do
	title=${p%%:*}
	provider "$title" > "$T/ex.conf"
	# Microsoft 365's placeholders: the application's ID and the token
	# files `followup oauth` would have written.
	sed -i "s|^oauth-client-id = 0000.*|oauth-client-id = 9e5f94bc-e8a4-4e73-b8be-63364c29d753|;
	        s|^oauth-token-file = /var/lib/followup/|oauth-token-file = $T/|" "$T/ex.conf"
	chmod 600 "$T/ex.conf"
	hosts=${p#*:}
	imap=${hosts%:*:*}; smtp=${hosts#*:*:}
	check "$title: one [account] and one [smtp], at ${imap} and ${smtp}" sh -c "
		test \$(grep -c '^\[account ' '$T/ex.conf') = 1 && test \$(grep -c '^\[smtp\]' '$T/ex.conf') = 1 &&
		grep -q '^url = imaps://$imap\$' '$T/ex.conf' && grep -q '^url = smtps*://$smtp\$' '$T/ex.conf'"
	check "$title: followupd --check-config accepts it" \
		"$BIN/followupd" -c "$T/ex.conf" --check-config
done
