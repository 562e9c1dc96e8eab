#!/bin/sh
# The layer order (Makefile LAYER_*, docs/ARCHITECTURE.md) holds, and the
# build enforces it:
#  - no file includes a folder its module may not see, nor sqlite3.h
#    outside store/, nor uv.h or curl.h outside daemon/, nor libical
#    outside rules/ (rules/holidays.c);
#  - compiled with its module's flags (its own folder of links, -I
#    build/…/inc/MODULE), an include of a higher or sibling layer fails,
#    and one of a lower layer works.
. "$(dirname "$0")/lib.sh"

OUTDIR=$TOP/build/release
mk() { make -s --no-print-directory -C "$TOP" "$@"; }
LAYERS=$(mk print-LAYERS)
ALL=$LAYERS

for m in $LAYERS; do
	allowed=$(mk print-LAYER_$m)
	bad=
	for x in $ALL; do
		case " $allowed " in *" $x "*) continue ;; esac
		hits=$(grep -ln "#include \"$x/" "$TOP/$m"/*.c "$TOP/$m"/*.h 2>/dev/null)
		[ -n "$hits" ] && bad="$bad $x:($(echo $hits | sed "s|$TOP/||g"))"
	done
	check "$m/ includes only its own layer and those below ($allowed)" test -z "$bad"
	[ -n "$bad" ] && diag "$m/:$bad"
done
check "only store/ includes sqlite3.h" sh -c \
	"! grep -l '#include <sqlite3.h>' $(echo $ALL | sed "s|[a-z]*|'$TOP/&'/*.[ch]|g") 2>/dev/null | grep -v '/store/'"
check "only daemon/ includes uv.h and curl/curl.h" sh -c \
	"! grep -lE '#include <(uv|curl/curl)\\.h>' $(echo $ALL | sed "s|[a-z]*|'$TOP/&'/*.[ch]|g") 2>/dev/null | grep -v '/daemon/'"
check "only rules/ includes libical" sh -c \
	"! grep -l '#include <libical/' $(echo $ALL | sed "s|[a-z]*|'$TOP/&'/*.[ch]|g") 2>/dev/null | grep -v '/rules/'"

# probe MODULE HEADER: compiles "#include HEADER" as a file of MODULE
# would be (from a folder of its own, so that only -I finds anything).
probe() {
	inc=$OUTDIR/inc/$1
	[ -d "$inc" ] || { echo "no $inc: run make first"; return 2; }
	pk=$(mk print-PKGS_$1)
	flags=
	[ -n "$pk" ] && flags=$(pkg-config --cflags $pk)
	mkdir -p "$T/probe"
	(cd "$T/probe" && printf '#include "%s"\n' "$2" |
		cc -std=c11 -D_GNU_SOURCE -fsyntax-only -I"$inc" $flags -x c - 2>"$T/probe.err")
}
fails() { ! probe "$@" && grep -q 'No such file' "$T/probe.err"; }

# For each module: a header above it or beside it, and one below it.
check "parsers/ cannot include classify/" fails parsers classify/classify.h
check "parsers/ cannot include rules/" fails parsers rules/ack.h
check "classify/ cannot include rules/" fails classify rules/rule_set.h
check "compose/ cannot include parsers/" fails compose parsers/message.h
check "config/ cannot include compose/" fails config compose/compose.h
check "rules/ cannot include config/" fails rules config/config.h
check "rules/ cannot include store/" fails rules store/store.h
check "store/ cannot include core/" fails store core/runtime.h
check "rules/ cannot include core/" fails rules core/holidays.h
check "store/ cannot include config/" fails store config/config.h
check "config/ cannot include store/" fails config store/store.h
check "config/ cannot include parsers/" fails config parsers/message.h
check "core/ cannot include daemon/" fails core daemon/writer.h
check "cli/ cannot include daemon/" fails cli daemon/log.h
check "lib/ cannot include data/" fails lib data/builtin.h
check "data/ cannot include parsers/" fails data parsers/lines.h
check "rules/ includes parsers/ (a lower layer)" probe rules parsers/message.h
check "store/ includes rules/ (a lower layer)" probe store rules/sla.h
check "rules/ includes classify/ (a lower layer)" probe rules classify/language.h
check "core/ includes compose/" probe core compose/compose.h
core_probes() { probe core config/config.h && probe core store/store.h; }
check "core/ includes config/ and store/" core_probes
check "config/ includes lib/" probe config lib/file.h

# store/ persists what core/ worked out: its archive calls no parser,
# classifier, language identification or fact extraction (the names of
# kinds and directions are vocabulary, not classification).
analysis_calls() {
	nm -u "$OUTDIR/libstore.a" | awk '{print $2}' |
		grep -E '^(classify_|language_|facts_|message_parse|message_snippet)' | sort -u
}
check "libstore.a calls no analysis" test -z "$(analysis_calls)"
if [ -n "$(analysis_calls)" ]; then diag "store/ calls: $(analysis_calls | tr '\n' ' ')"; fi
# ... and the check can see such a call where there is one.
check "libcore.a does call the analysis (the check sees calls)" sh -c \
	"nm -u '$OUTDIR/libcore.a' | grep -q ' classify_kind\$'"

# The programs go through core/ where it has the call: they include
# nothing of classify/, rules/, compose/ or data/, and of parsers/ only
# what the daemon's protocol code reads: the IMAP responses, and the
# answers of OAuth2 endpoints (daemon/oauth*.c).
above_core() {
	grep -n '#include "\(classify\|rules\|compose\|data\|parsers\)/' \
		"$TOP"/daemon/*.[ch] "$TOP"/cli/*.[ch] | grep -v 'daemon/imap.h:.*"parsers/imap_resp.h"' |
		grep -v 'daemon/oauth[a-z_]*\.c:.*"parsers/oauth_answer.h"'
}
check "daemon/ and cli/ reach the analysis and the rules only through core/" \
	test -z "$(above_core)"
if [ -n "$(above_core)" ]; then diag "$(above_core)"; fi

# followup, the front (cli/main.c built with FOLLOWUP_FRONT), links only
# FRONT_PKGS' libraries: the commands that need GMime, libxml2, libical,
# libxlsxwriter or libexttextcat are followup-full's. Its link proves it:
# an object the front pulls in that calls one of them fails the build.
FRONT_PKGS=$(mk print-FRONT_PKGS)
front_extra() {
	readelf -d "$TOP/bin/followup" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' |
		while read -r lib; do
			case $lib in libc.so.*|libm.so.*) continue ;; esac
			pkg-config --libs $FRONT_PKGS | tr ' ' '\n' | grep -qx -- "-l$(echo "$lib" | sed 's/^lib//; s/\.so.*//')" ||
				echo "$lib"
		done
}
check "bin/followup (the front) needs only the libraries of FRONT_PKGS ($FRONT_PKGS)" \
	test -z "$(front_extra)"
[ -n "$(front_extra)" ] && diag "the front needs: $(front_extra | tr '\n' ' ')"
front_link() {
	archives=
	for m in $(mk print-LIBMODS) data; do archives="$archives $OUTDIR/lib$m.a"; done
	rm -f "$T/front_probe"
	printf '%s\n' "$1" > "$T/front_probe.c"
	cc -std=c11 -o "$T/front_probe" "$T/front_probe.c" $archives $(pkg-config --libs $FRONT_PKGS) -lm \
		> "$T/front_link.err" 2>&1
}
front_link 'void core_analyze_init(void); int main(void) { core_analyze_init(); return 0; }'
check "…and its link fails for an object that calls GMime (core/analyze.c's init)" \
	grep -q 'undefined reference to .g_mime' "$T/front_link.err"
front_link 'void core_rules_free(void *); int main(void) { core_rules_free(0); return 0; }'
check "…or libical (the rules' holiday calendars)" grep -q 'undefined reference to .ical' "$T/front_link.err"
front_link 'int cmd_timeline(void *); int main(void) { return cmd_timeline(0); }'
check "…while the front's own commands link (the probe links what can)" test -x "$T/front_probe"
[ -x "$T/front_probe" ] || cat "$T/front_link.err" | head -5
