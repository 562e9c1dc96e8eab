#ifndef FOLLOWUP_PARSERS_FACTS_SCAN_H
#define FOLLOWUP_PARSERS_FACTS_SCAN_H
/*
 * facts_scan: the text parsers/facts*.c read, private to them.
 *
 * The subject and the text are joined and decoded once into folded code
 * points (lower case, accents and Arabic hamza seats removed, full-width
 * forms and Arabic-Indic digits made ASCII, NBSP made a space), each with
 * the byte offset where it starts in the original. Matching is done on the
 * folded code points, so keyword tables are written naturally; what is
 * reported is cut from the original, so it is exactly what was written.
 *
 * Everything is bounded: the scan holds at most FACTS_MAX_TEXT bytes of
 * text and FACTS_MAX_SUBJECT of subject, and every matcher here looks at
 * most a small constant number of code points ahead.
 */
#include <stdbool.h>
#include <stddef.h>
#include <glib.h>

#include "data/lexicon.h"

#define FACTS_MAX_TEXT (64 * 1024)
#define FACTS_MAX_SUBJECT 4096

/* What facts_fold() returns for characters matching ignores (tatweel,
 * Arabic vowel marks, zero-width characters, soft hyphen). */
#define FACTS_FOLD_DROP ((gunichar)0xFFFFFFFFu)

struct facts_scan {
	char *src;         /* subject "\n" text, valid UTF-8, owned */
	gunichar *cp;      /* folded code points, cp[n] == 0 */
	guint32 *off;      /* off[i]: where cp[i] starts in src; off[n]: the end */
	guint8 *claimed;   /* non-zero where a fact already took cp[i] */
	guint8 *cls;       /* FACTS_CLS_* of cp[i], made once */
	size_t n;
};

/* What cls[i] says of cp[i]. */
enum facts_cls {
	FACTS_CLS_WORD = 1u << 0,   /* facts_is_word() */
	FACTS_CLS_START = 1u << 1,  /* facts_word_start() or facts_is_cjk() */
};

/* Either argument may be NULL. Invalid UTF-8 ends the part it is in: what
 * comes before it is kept. */
void facts_scan_init(struct facts_scan *s, const char *subject, const char *text);
void facts_scan_clear(struct facts_scan *s);

gunichar facts_fold(gunichar c);
/* The static inline ones are defined at the end: they run at every
 * position of the text, several times. */
/* Han, kana: scripts written without spaces between words. */
static inline bool facts_is_cjk(gunichar c);
/* A letter or digit of a script written with spaces between words. */
static inline bool facts_is_word(gunichar c);
static inline bool facts_is_digit(gunichar c);
bool facts_is_letter(gunichar c);
static inline bool facts_is_space(gunichar c);
static inline bool facts_is_hspace(gunichar c);
/* Hangul: Korean glues its particles to the word before ("부산이며"). */
bool facts_is_hangul(gunichar c);
/* Past one or two Korean particles at i ("에", "이며", "이내로") when a
 * word boundary follows them, else 0. */
size_t facts_korean_particles_end(const struct facts_scan *s, size_t i);

/* cp[i], or 0 outside the text. */
static inline gunichar facts_at(const struct facts_scan *s, size_t i);
/* The original (unfolded) character at i, or 0 outside the text. */
static inline gunichar facts_orig(const struct facts_scan *s, size_t i);
/* True when a word of a spaced script starts at i (previous is no word). */
static inline bool facts_word_start(const struct facts_scan *s, size_t i);
/* Where a keyword may start: a word start or a CJK character. */
static inline bool facts_anchor_start(const struct facts_scan *s, size_t i);
/* Past at most max horizontal spaces (not line breaks) from i. */
size_t facts_skip_hspace(const struct facts_scan *s, size_t i, size_t max);
/* The end of the word (letters, digits, apostrophe) starting at i. */
size_t facts_word_end(const struct facts_scan *s, size_t i);
/* A character after which a phrase never continues: a line break or
 * sentence punctuation (ASCII, CJK and Arabic). */
bool facts_is_stop(const struct facts_scan *s, size_t i);

/* Keywords (struct facts_kw, flags FACTS_KW_*: data/lexicon.h). `word` is
 * UTF-8 as written in its language; it is folded the same way the text
 * is, and a space in it matches 1..8 spaces. A keyword ending in Hangul
 * also matches with Korean particles glued to it; the match then ends
 * before them. */

/* The end of `word` matched at i, or 0. A keyword ending in a Cyrillic
 * letter (4 letters or more) also matches its inflected forms. */
size_t facts_match(const struct facts_scan *s, size_t i, const char *word,
                   unsigned flags);
/* The longest entry of a table (ended by a NULL word) matching at i, with
 * the entry's flags added to `flags`; NULL when none; of equally long
 * ones, the first in the table. The tables listed in facts_kw_tables
 * (data/lexicon.h) are folded and indexed by their first two characters
 * once per process (thread-safe); any other table is indexed for the
 * call, which costs a lot more. */
const struct facts_kw *facts_match_table(const struct facts_scan *s, size_t i,
                                         const struct facts_kw *table,
                                         unsigned flags, size_t *end_r);
/* A table (ended by a NULL word; it must outlive the index) folded and
 * indexed by its words' first two characters, for tables facts_kw_tables
 * does not list (the places of facts_places.c). */
struct facts_kw_index;
struct facts_kw_index *facts_kw_index_new(const struct facts_kw *table);
void facts_kw_index_free(struct facts_kw_index **index);
/* facts_match_table() over an index: an entry of index's table. */
const struct facts_kw *facts_match_index(const struct facts_scan *s, size_t i,
                                         const struct facts_kw_index *index,
                                         unsigned flags, size_t *end_r);
/* The entry of the table matching last in [from, to) (the one nearest
 * to `to`; a match inside an earlier, longer one does not count), or NULL
 * when none does. */
const struct facts_kw *facts_table_in(const struct facts_scan *s, size_t from, size_t to,
                                      const struct facts_kw *table);

/* Numbers: digits with thousands separators in either convention
 * ("2,000", "1.500", "1 500", "1.250,00", "1,250.00") and a decimal part. */
struct facts_number {
	double value;
	size_t start, end;
	bool integer;
};
/* True when a number may start at i: a digit not glued to a word, another
 * number, a model number or a phone number's '+'. */
static inline bool facts_number_start(const struct facts_scan *s, size_t i);
/* The rest of facts_number_start() once cp[i] is a digit. */
bool facts_number_start_at_digit(const struct facts_scan *s, size_t i);
bool facts_number_at(const struct facts_scan *s, size_t i, struct facts_number *num_r);
/* A small count: digits, Chinese numerals or a number word ("two", "两",
 * "zwei", "две"...). */
bool facts_count_at(const struct facts_scan *s, size_t i, double *value_r,
                    size_t *end_r);

/* The original text of [start, end): spaces collapsed, trimmed, cut at a
 * character boundary to at most max_bytes; newly allocated (g_free), NULL
 * when empty. */
char *facts_slice(const struct facts_scan *s, size_t start, size_t end,
                  size_t max_bytes);
void facts_claim(struct facts_scan *s, size_t start, size_t end);
bool facts_any_claimed(const struct facts_scan *s, size_t start, size_t end);

/* ---- the inline ones ---- */

static inline bool facts_is_cjk(gunichar c)
{
	return c >= 0x3040 &&
	       ((c <= 0x30FF) || (c >= 0x3400 && c <= 0x4DBF) ||
	        (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
	        (c >= 0x20000 && c <= 0x2FFFF));
}

static inline bool facts_is_digit(gunichar c)
{
	return c >= '0' && c <= '9';
}

static inline bool facts_is_word(gunichar c)
{
	if (c < 0x80)
		return g_ascii_isalnum((gchar)c);
	return facts_is_letter(c) && !facts_is_cjk(c);
}

static inline bool facts_is_hspace(gunichar c)
{
	return c == ' ' || c == '\t';
}

static inline bool facts_is_space(gunichar c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	       c == '\v';
}

static inline gunichar facts_at(const struct facts_scan *s, size_t i)
{
	return i < s->n ? s->cp[i] : 0;
}

static inline gunichar facts_orig(const struct facts_scan *s, size_t i)
{
	guchar b;

	if (i >= s->n)
		return 0;
	b = (guchar)s->src[s->off[i]];
	return b < 0x80 ? b : g_utf8_get_char(s->src + s->off[i]);
}

static inline bool facts_word_start(const struct facts_scan *s, size_t i)
{
	return i < s->n && s->cls[i] & FACTS_CLS_WORD &&
	       (i == 0 || !(s->cls[i - 1] & FACTS_CLS_WORD));
}

static inline bool facts_anchor_start(const struct facts_scan *s, size_t i)
{
	return i < s->n && s->cls[i] & FACTS_CLS_START;
}

static inline bool facts_number_start(const struct facts_scan *s, size_t i)
{
	return facts_is_digit(facts_at(s, i)) && facts_number_start_at_digit(s, i);
}

#endif
