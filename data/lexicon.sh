#!/bin/sh
# Turns the lexicons of the trade-facts extractor (data/facts/NAME.txt)
# into the C tables facts_NAME that data/lexicon.h declares, on stdout:
#
#   sh data/lexicon.sh data/facts/*.txt > lexicon.c
#
# A lexicon is UTF-8 text, one entry a line, columns separated by one tab.
# A line that is "#" alone or starts with "# " is a comment (so "#" followed
# by a tab is a word); blank lines are skipped. The first line that is no
# comment names the columns, and so what the file becomes:
#
#   word  value  flags  not_before   a keyword table (struct facts_kw),
#                                    listed in facts_kw_tables
#   name  port   country  flags      ports and countries (struct facts_place)
#   word                             a list of words (const char *const[])
#   characters                       a string of characters (const char[]),
#                                    the lines joined
#
# flags is "-" for none, or names of FACTS_KW_* flags in lower case joined
# by commas ("digit_right,upper"); it may be left out when nothing follows
# it. not_before (the characters that must not follow the word) may be
# left out. port is "-" for a country. Order matters: of entries matching
# equally long text, the first wins. A malformed line stops the build with
# FILE:LINE and what is wrong (data/lexicon.awk).
set -eu
here=$(dirname "$0")
# The flag names are read from the header that defines them, so the two
# cannot disagree.
flags=$(sed -n 's/^[[:space:]]*FACTS_KW_\([A-Z_]*\)[[:space:]]*=.*/\1/p' "$here/lexicon.h" |
	tr 'A-Z\n' 'a-z ')
if [ -z "$flags" ]; then
	echo "$here/lexicon.h: no FACTS_KW_ flags found" >&2
	exit 1
fi
exec awk -v known_flags="$flags" -f "$here/lexicon.awk" "$@"
