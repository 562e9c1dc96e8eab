#!/bin/sh
# followup is two programs (docs/DECISIONS.md, "the CLI's start-up"): the
# front, bin/followup, runs the commands that only read the store and
# links none of the heavy libraries; every other command it hands,
# arguments unchanged, to followup-full. On the corpus synced from a real
# Dovecot: the front's commands print exactly what followup-full prints
# for them; followup-full's commands, asked of the front, run and print
# what they print asked directly, errors and exit statuses included;
# without followup-full the front still runs its own commands and says
# where it looked for the other; an installed tree's libexec is found.
. "$(dirname "$0")/lib.sh"

NOW=2026-11-24T10:00:00+08:00
corpus_setup
FULL="$BIN/followup-full -c $CONF --now $NOW"
check "followupd --once files the mail" sh -c "'$BIN/followupd' -c '$CONF' --once --now $NOW 2> '$T/daemon.log'"

# ---- what each program loads ----
needed() { readelf -d "$1" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'; }
HEAVY='gmime|xml2|ical|xlsxwriter|exttextcat|icu|stdc\+\+|crypto|gpgme|uv\.|curl'
check "followup (the front) links none of GMime, libxml2, libical, libxlsxwriter, libexttextcat, libuv, libcurl" \
	sh -c "! { readelf -d '$BIN/followup' | grep NEEDED | grep -Ei '$HEAVY'; }"
check "…nor loads them through another library (ldd: no ICU, libstdc++, gpgme, libcrypto)" \
	sh -c "! ldd '$BIN/followup' | grep -Ei '$HEAVY'"
check "…and the check sees them where they are: followup-full links GMime, libical and libxlsxwriter" \
	sh -c "needed() { readelf -d \"\$1\" | grep NEEDED; }; needed '$BIN/followup-full' | grep -q gmime &&
	       needed '$BIN/followup-full' | grep -q ical && needed '$BIN/followup-full' | grep -q xlsxwriter"

# ---- the front's own commands print what followup-full prints ----
# same NAME ARGS...: both programs exit alike and print the same, stdout and stderr.
same() {
	_n=$1
	shift
	$FU "$@" > "$T/$_n.front" 2> "$T/$_n.front.err"
	_a=$?
	$FULL "$@" > "$T/$_n.full" 2> "$T/$_n.full.err"
	_b=$?
	[ "$_a" = "$_b" ] && cmp -s "$T/$_n.front" "$T/$_n.full" && cmp -s "$T/$_n.front.err" "$T/$_n.full.err" ||
		{ echo "exit $_a and $_b"; diff "$T/$_n.front" "$T/$_n.full" | head; diff "$T/$_n.front.err" "$T/$_n.full.err"; return 1; }
}
check "timeline of a customer: the same text" same tl timeline kunde.de
check "…it has entries (the comparison compares something)" grep -q "entries" "$T/tl.front"
check "timeline --json: the same" same tlj timeline kunde.de --json
for c in customers threads quotes orders stats outbox log; do
	check "$c --json: the same" same "$c" "$c" --json
done
check "customers as text: the same" same customerst customers
check "search: the same" same search search pump
id=$("$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))[0]["message_id"])' "$T/tlj.front")
check "show MESSAGE-ID: the same" same show show "$id"
check "a customer that is none: the same exit 1 and message" same nocust timeline nobody.invalid
check "a usage error of a front command: the same" same tlusage timeline
check "help --commands: the same list" same helpc help --commands
check "help of a command of followup-full's, from the front: the same" same helpr help reparse
check "an unknown command: the same" same unknown nosuch

# ---- followup-full's commands, asked of the front ----
check "overdue through the front: what followup-full prints" same od overdue --json
check "kpi through the front" same kpi kpi
check "customer show through the front" same card customer show kunde.de
check "rules through the front" same rules rules
check "a usage error of followup-full's command through the front: the same exit 2 and message" \
	same reparseusage reparse extra
check "export --xlsx (libxlsxwriter) through the front writes the sheet" sh -c \
	"$FU export customers --xlsx '$T/c.xlsx' > /dev/null && test -s '$T/c.xlsx' &&
	 '$PY' -c 'import zipfile,sys; zipfile.ZipFile(sys.argv[1]).getinfo(\"xl/workbook.xml\")' '$T/c.xlsx'"
check "reparse (GMime) through the front" sh -c "$FU reparse > '$T/reparse.out' 2>&1"
check "…and the timeline is what the sync filed" sh -c "$FU timeline kunde.de --json | cmp - '$T/tlj.front'"
check "a change through the front (note add) is made, and the front shows it" sh -c \
	"$FU note add kunde.de 'Called about the pump order' --kind call > /dev/null &&
	 $FU timeline kunde.de | grep -q 'Called about the pump order'"

# ---- where followup-full is found ----
mkdir -p "$T/tree/bin" "$T/tree/libexec/followup"
cp "$BIN/followup" "$T/tree/bin/followup"
LONE="$T/tree/bin/followup -c $CONF --now $NOW"
BUILT=$(make -s --no-print-directory -C "$TOP" print-LIBEXECDIR)/followup/followup-full
if [ -e "$BUILT" ]; then
	diag "skipped, not counted as passed: $BUILT is installed, so a lone front finds it"
else
	check "without followup-full, the front still runs its own commands (timeline)" \
		sh -c "$LONE timeline kunde.de | grep -q entries"
	check "…and --version, help" sh -c "$LONE --version | grep -q '^followup ' && $LONE help reparse | grep -q 'usage: followup reparse'"
	check "…a command of followup-full's exits 78 and says what it looked for, and where" sh -c "
		$LONE kpi > '$T/lone.out' 2> '$T/lone.err'; test \$? = 78 &&
		grep -q 'cannot run followup-full' '$T/lone.err' && grep -qF '$T/tree/libexec/followup/followup-full' '$T/lone.err' &&
		test ! -s '$T/lone.out'"
fi
cp "$BIN/followup-full" "$T/tree/libexec/followup/followup-full"
check "an installed tree's PREFIX/libexec/followup/followup-full is found (any PREFIX, DESTDIR)" sh -c \
	"$LONE kpi > '$T/tree.out' && $FULL kpi > '$T/tree.full' && cmp '$T/tree.out' '$T/tree.full'"
