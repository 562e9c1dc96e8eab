#ifndef FOLLOWUP_LIB_SCRIPT_H
#define FOLLOWUP_LIB_SCRIPT_H
/*
 * script: what a character's writing system means for finding words in
 * it. One answer for the language identifier and the phrase matcher.
 * Pure.
 */
#include <stdbool.h>
#include <glib.h>

/* Written without spaces between words (Chinese, Japanese, Thai, Lao,
 * Khmer, Burmese): each letter is a token of its own when text is cut
 * into words. Korean is not: its words are spaced. */
bool script_is_unspaced(gunichar c);

/* A phrase in this script is found inside a longer word, and its letters
 * end a neighbouring Latin word: the unspaced scripts, and Korean, whose
 * words carry their particles attached ("견적서를" holds "견적서"). */
bool script_matches_inside_words(gunichar c);

#endif
