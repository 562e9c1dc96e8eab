#ifndef FOLLOWUP_LIB_SEARCH_TEXT_H
#define FOLLOWUP_LIB_SEARCH_TEXT_H
/*
 * search_text: the text the search index holds, and the highlighted
 * excerpt a result shows. Pure: text in, text out.
 *
 * SQLite's unicode61 tokenizer makes one token of a whole run of Han (or
 * Kana, or Hangul) characters, and the trigram tokenizer cannot find a
 * word of two characters (报价, 液压). So the store indexes, and the query
 * parser (lib/search_query.h) searches, text in which every CJK run is
 * written out as its single characters and its overlapping bigrams:
 *
 *     "液压泵报价单" -> " 液 压 泵 报 价 单 液压 压泵 泵报 报价 价单 "
 *
 * A query word of one CJK character is that character; of two or more,
 * the phrase of its bigrams ("液压泵" -> "液压 压泵"), which only text
 * holding the whole word matches. Everything else (Latin, Cyrillic,
 * Arabic …) is left as it is for unicode61 (remove_diacritics 2).
 */
#include <stdbool.h>
#include <stddef.h>
#include <glib.h>

/* Han, Hiragana, Katakana (and the prolonged sound mark), Hangul, and the
 * iteration mark 々: the scripts written without spaces between words. */
bool search_is_cjk(gunichar c);

/* The indexed form of text (NULL: ""); invalid UTF-8 is made valid first.
 * A new string (g_free). */
char *search_index_text(const char *text);
/* Appends the indexed form of text to out. */
void search_index_append(GString *out, const char *text);

/* A word to highlight: the query's tokens, folded (lowercase, without
 * diacritics, see search_fold_char). A CJK word matches anywhere; another
 * matches at the start of a word, and only a whole word unless prefix. */
struct search_term {
	char *text;
	bool prefix;
	bool cjk;
};

/* Lowercase, and the base letter of a letter with diacritics (ü -> u):
 * what unicode61 with remove_diacritics compares. One character for one. */
gunichar search_fold_char(gunichar c);

/* An excerpt of text (one line, made safe for a terminal by
 * lib/safe_text) of about width characters around the first match of a
 * term, each match between open and close (trusted: "[" "]", or ANSI
 * bold); "…" where text was cut. NULL when no term matches in text. A
 * new string. */
char *search_highlight(const char *text, const struct search_term *terms, size_t n_terms,
                       const char *open, const char *close, size_t width);

#endif
