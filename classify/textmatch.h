#ifndef FOLLOWUP_CLASSIFY_TEXTMATCH_H
#define FOLLOWUP_CLASSIFY_TEXTMATCH_H
/*
 * textmatch: finding short phrases (quote markers, auto-reply and bounce
 * subjects) in message text regardless of case, accents, full-width forms
 * and whitespace. Pure.
 *
 * Text and phrases are compared in "folded" form (textmatch_fold()):
 * compatibility-normalised (NFKC: full-width "ＰＩ" is "pi", "：" is ":"),
 * case-folded, accents removed from Latin, Greek and Cyrillic letters
 * ("cotización" is "cotizacion", "İ" is "i"), format characters (soft
 * hyphen, zero-width space) dropped, every whitespace run one space.
 *
 * How a phrase matches depends on its script:
 *  - a phrase with a character of a script written without spaces between
 *    words (Han, Hiragana, Katakana, Hangul, Thai, Lao, Khmer, Myanmar)
 *    matches as a substring ("报价" in "请查收报价单");
 *  - any other phrase matches whole words: where the phrase begins (ends)
 *    with a letter or digit, the text character before (after) it must not
 *    be a letter or digit of a spaced script. So "pi" matches "PI No. 7",
 *    "PI-7", "请查收PI" but not "pipe", "Philips" or "PI2024";
 *  - a phrase written with a leading '^' matches only at the start of the
 *    text ("^auto:").
 */
#include <stdbool.h>
#include <stddef.h>

/* Folded copy of the first max_bytes bytes of text (cut at a character
 * boundary; invalid UTF-8 replaced first). NULL text gives "". New string. */
char *textmatch_fold(const char *text, size_t max_bytes);

struct textmatch_list;

struct textmatch_list *textmatch_list_new(void);
void textmatch_list_free(struct textmatch_list **list);

/* Adds one phrase (UTF-8, any case; '^' prefix: start of text only).
 * 0 on success (a phrase that folds to nothing is ignored), -1 when the
 * phrase is not valid UTF-8. */
int textmatch_list_add(struct textmatch_list *list, const char *phrase);
/* Adds every entry of a data list (classify/datalist.h format); 0 or -1 as
 * textmatch_list_add() for the first bad entry. */
int textmatch_list_add_lines(struct textmatch_list *list, const char *text);
size_t textmatch_list_count(const struct textmatch_list *list);

/* True when one of the phrases occurs in folded (a textmatch_fold()
 * result). */
bool textmatch_list_find(const struct textmatch_list *list, const char *folded);

#endif
