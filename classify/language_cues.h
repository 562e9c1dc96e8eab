#ifndef FOLLOWUP_CLASSIFY_LANGUAGE_CUES_H
#define FOLLOWUP_CLASSIFY_LANGUAGE_CUES_H
/*
 * language_cues (private to classify/language*.c): what decides the language
 * of a text too short or too unclear for the n-gram fingerprints: greeting,
 * thanks and closing words ("Sehr geehrte", "Gracias", "Atenciosamente"),
 * and letters only one trade language writes ("ñ", "ß", "ł", "ğ"...).
 * Pure; the results are static strings.
 */
#include <stdbool.h>

/* The language of the cue words in words: lowercase words of any script,
 * each between single spaces, as language_detect() prepares them
 * (" sehr geehrte frau "). NULL when there is none, or when two languages
 * have as many. */
const char *language_cue_words(const char *words);

/* The language that the letters of text (valid UTF-8, composed) point
 * to, when they point clearly to one: NULL otherwise. */
const char *language_cue_letters(const char *text);

/* True when words (as for language_cue_words) is a closing line that a
 * signature follows: "best regards", "mit freundlichen grüßen"... */
bool language_cue_is_closing(const char *words);

/* Whether code has close relatives that the fingerprints confuse it
 * with (Danish, Norwegian, Swedish; Indonesian, Malay; Czech, Slovak). */
bool language_cue_has_siblings(const char *code);

/* Whether a and b are close relatives (and not the same language). */
bool language_cue_are_siblings(const char *a, const char *b);

/* Among code and its close relatives, the one that the function words and
 * letters of words (as for language_cue_words) point to: Norwegian "av",
 * "meg", "hva" against Danish "af", "mig", "hvad", Swedish "ä" and "ö"
 * against Danish and Norwegian "æ" and "ø"... NULL when they do not tell. */
const char *language_cue_sibling(const char *words, const char *code);

/* Letters that only Persian and Urdu write in Arabic script (and not
 * Arabic): how many in text (valid UTF-8). */
unsigned language_cue_persian_letters(const char *text);

#endif
