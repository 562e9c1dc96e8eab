#!/bin/sh
# The lexicons of data/facts/ and their generator (data/lexicon.sh): the
# shipped ones make C that compiles, each is declared in data/lexicon.h,
# an entry comes out as written, and a malformed line fails with its file,
# its line and what is wrong.
. "$(dirname "$0")/lib.sh"

GEN=$TOP/data/lexicon.sh
L=$T/lexicons
mkdir -p "$L"

shipped() {
	sh "$GEN" "$TOP"/data/facts/*.txt >"$T/shipped.c" 2>"$T/shipped.err" &&
		cc -std=c11 -Wall -Wextra -Werror -fsyntax-only -I"$TOP" "$T/shipped.c"
}
check "the shipped lexicons make C that compiles" shipped
[ -s "$T/shipped.err" ] && diag "$(cat "$T/shipped.err")"

undeclared=
for f in "$TOP"/data/facts/*.txt; do
	table=facts_$(basename "$f" .txt)
	grep -q "[ *]$table\[\];" "$TOP/data/lexicon.h" || undeclared="$undeclared $table"
done
check "every lexicon is declared in data/lexicon.h" test -z "$undeclared"
[ -n "$undeclared" ] && diag "not declared:$undeclared"

# gen FILE: the generator on one file of $L, output in $T/out.c and
# $T/err.
gen() { (cd "$L" && sh "$GEN" "$1" >"$T/out.c" 2>"$T/err"); }
has() { grep -qF -- "$1" "$T/out.c"; }

printf '%s\n' '# a comment' 'word	value	flags	not_before' \
	'pc	pcs' 'SAR	SAR	digit_right,upper' '本	pcs	-	月日' 'm	m	lower	/-'"'" \
	'"	ft' 'a\b?	x' '#	m' '#' >"$L/units.txt"
good() {
	gen units.txt && has 'const struct facts_kw facts_units[] = {' &&
		has '{ "pc", "pcs", 0, NULL },' &&
		has '{ "SAR", "SAR", FACTS_KW_DIGIT_RIGHT | FACTS_KW_UPPER, NULL },' &&
		has '{ "本", "pcs", 0, "月日" },' &&
		has '{ "m", "m", FACTS_KW_LOWER, "/-'"'"'" },' &&
		has '{ "\"", "ft", 0, NULL },' && has '{ "a\\b\?", "x", 0, NULL },' &&
		has '{ "#", "m", 0, NULL },' && has '{ NULL, NULL, 0, NULL }' &&
		has '	facts_units,' && [ "$(grep -c '^	{ "' "$T/out.c")" -eq 7 ]
}
check "a keyword table comes out entry by entry, flags and not_before as written" good

printf '%s\n' 'name	port	country	flags' 'Shanghai	Shanghai	CN' 'USA	-	US	upper' >"$L/places.txt"
places() {
	gen places.txt && has '{ "Shanghai", "Shanghai", "CN", 0 },' &&
		has '{ "USA", NULL, "US", FACTS_KW_UPPER },' && has '{ NULL, NULL, NULL, 0 }' &&
		! has '	facts_places,'
}
check "a places table: - is a country" places

printf '%s\n' 'word' '으로는' '은' >"$L/particles.txt"
printf '%s\n' 'characters' '的和' '，' >"$L/stops.txt"
lists() {
	gen particles.txt && has 'const char *const facts_particles[] = {' &&
		has '	"으로는",' && has '	NULL' && gen stops.txt &&
		has 'const char facts_stops[] =' && has '	"的和"' && has '	"，"'
}
check "a word list and a string of characters" lists

# fails NAME LINE MESSAGE CONTENT...: a file of those lines fails the
# generator with "NAME:LINE: MESSAGE".
fails() {
	lx_file=$1 lx_line=$2 lx_msg=$3
	shift 3
	printf '%s\n' "$@" >"$L/$lx_file"
	! gen "$lx_file" && grep -qF -- "$lx_file:$lx_line: $lx_msg" "$T/err" ||
		{ diag "$(cat "$T/err")"; return 1; }
}
H='word	value	flags	not_before'
check "an unknown flag fails" fails flag.txt 3 "unknown flag 'uper'" \
	"$H" 'pc	pcs' 'SAR	SAR	digit_right,uper'
check "a missing column fails" fails missing.txt 2 "missing column 'value'" "$H" 'pc'
check "an empty column fails" fails empty.txt 3 "empty column 'flags' (write - for none)" \
	"$H" '# x' 'St.	pcs		ab'
check "a column too many fails" fails extra.txt 2 "5 columns, the header names 4" \
	"$H" 'a	b	-	c	d'
check "a space around a column fails" fails space.txt 2 "column 'value' starts or ends with a space" \
	"$H" 'q	r '
check "an unknown column header fails" fails header.txt 2 "unknown column header 'word<TAB>val'" \
	'# x' 'word	val' 'a	b'
check "a country that is no ISO code fails" fails country.txt 2 "country 'cn' is no ISO 3166-1 alpha-2 code" \
	'name	port	country	flags' 'Shanghai	Shanghai	cn'
check "a carriage return fails" fails crlf.txt 2 "a carriage return" "$H" "$(printf 'a\tb\r')"
check "a lexicon without entries fails" fails none.txt 2 "no entries" "$H" '# only this'
