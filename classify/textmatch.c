/* textmatch: folded phrase matching for the classifier (see textmatch.h). */
#include <stdbool.h>
#include <string.h>
#include <glib.h>

#include "classify/datalist.h"
#include "classify/textmatch.h"
#include "lib/script.h"
#include "lib/text.h"

struct textmatch_phrase {
	char *folded;
	size_t len;
	bool at_start;     /* '^': only at the start of the text */
	bool bound_start;  /* needs a word boundary before it */
	bool bound_end;    /* needs a word boundary after it */
};

struct textmatch_list {
	GArray *phrases;   /* of struct textmatch_phrase */
};

static bool is_mark(GUnicodeType type)
{
	return type == G_UNICODE_NON_SPACING_MARK ||
	       type == G_UNICODE_SPACING_MARK ||
	       type == G_UNICODE_ENCLOSING_MARK;
}

/* Accents are dropped only where they are optional in everyday typing;
 * elsewhere (Thai vowels, Devanagari signs...) a mark changes the word. */
static bool drops_accents(GUnicodeScript base_script)
{
	return base_script == G_UNICODE_SCRIPT_LATIN ||
	       base_script == G_UNICODE_SCRIPT_GREEK ||
	       base_script == G_UNICODE_SCRIPT_CYRILLIC;
}

/* A character that continues a word of a spaced script. */
static bool joins_word(gunichar c)
{
	if (is_mark(g_unichar_type(c)))
		return true;
	return g_unichar_isalnum(c) && !script_matches_inside_words(c);
}

/* Drops accents and format characters, folds whitespace; text is NFKD. */
static char *strip_and_fold_spaces(const char *text)
{
	GString *out = g_string_sized_new(strlen(text));
	GUnicodeScript base_script = G_UNICODE_SCRIPT_COMMON;
	bool pending_space = false;

	for (const char *p = text; *p != '\0'; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		GUnicodeType type = g_unichar_type(c);

		if (type == G_UNICODE_FORMAT)
			continue;
		if (is_mark(type) && drops_accents(base_script))
			continue;
		if (text_fold_blank(out, c, &pending_space))
			continue;
		g_string_append_unichar(out, c);
		if (!is_mark(type))
			base_script = g_unichar_get_script(c);
	}
	return g_string_free(out, FALSE);
}

char *textmatch_fold(const char *text, size_t max_bytes)
{
	if (text == NULL)
		return g_strdup("");

	size_t len = text_prefix_length(text, max_bytes);
	char *valid = g_utf8_make_valid(text, (gssize)len);
	/* casefold between two decompositions: some characters only fold
	 * (or only decompose) after the other step */
	char *decomposed = g_utf8_normalize(valid, -1, G_NORMALIZE_NFKD);
	char *folded = g_utf8_casefold(decomposed, -1);
	char *redecomposed = g_utf8_normalize(folded, -1, G_NORMALIZE_NFKD);
	char *stripped = strip_and_fold_spaces(redecomposed);
	char *result = g_utf8_normalize(stripped, -1, G_NORMALIZE_NFKC);

	g_free(valid);
	g_free(decomposed);
	g_free(folded);
	g_free(redecomposed);
	g_free(stripped);
	return result;
}

struct textmatch_list *textmatch_list_new(void)
{
	struct textmatch_list *list = g_new0(struct textmatch_list, 1);
	list->phrases = g_array_new(FALSE, TRUE, sizeof(struct textmatch_phrase));
	return list;
}

void textmatch_list_free(struct textmatch_list **list)
{
	if (*list == NULL)
		return;
	GArray *phrases = (*list)->phrases;
	for (guint i = 0; i < phrases->len; i++)
		g_free(g_array_index(phrases, struct textmatch_phrase, i).folded);
	g_array_free(phrases, TRUE);
	g_free(*list);
	*list = NULL;
}

static bool has_inside_word_script(const char *text)
{
	for (const char *p = text; *p != '\0'; p = g_utf8_next_char(p)) {
		if (script_matches_inside_words(g_utf8_get_char(p)))
			return true;
	}
	return false;
}

int textmatch_list_add(struct textmatch_list *list, const char *phrase)
{
	if (!g_utf8_validate(phrase, -1, NULL))
		return -1;

	struct textmatch_phrase entry = { 0 };
	if (phrase[0] == '^') {
		entry.at_start = true;
		phrase++;
	}
	entry.folded = textmatch_fold(phrase, G_MAXSIZE);
	entry.len = strlen(entry.folded);
	if (entry.len == 0) {
		g_free(entry.folded);
		return 0;
	}
	if (!has_inside_word_script(entry.folded)) {
		const char *last = g_utf8_prev_char(entry.folded + entry.len);
		entry.bound_start = joins_word(g_utf8_get_char(entry.folded));
		entry.bound_end = joins_word(g_utf8_get_char(last));
	}
	g_array_append_val(list->phrases, entry);
	return 0;
}

static int add_entry(const char *entry, void *context)
{
	return textmatch_list_add(context, entry);
}

int textmatch_list_add_lines(struct textmatch_list *list, const char *text)
{
	return datalist_foreach(text, add_entry, list);
}

size_t textmatch_list_count(const struct textmatch_list *list)
{
	return list->phrases->len;
}

static bool boundary_before(const char *text, const char *at)
{
	if (at == text)
		return true;
	return !joins_word(g_utf8_get_char(g_utf8_prev_char(at)));
}

static bool boundary_after(const char *at)
{
	return *at == '\0' || !joins_word(g_utf8_get_char(at));
}

static bool phrase_matches_at(const struct textmatch_phrase *phrase,
                              const char *text, const char *at)
{
	if (phrase->bound_start && !boundary_before(text, at))
		return false;
	if (phrase->bound_end && !boundary_after(at + phrase->len))
		return false;
	return true;
}

static bool phrase_occurs(const struct textmatch_phrase *phrase, const char *text)
{
	if (phrase->at_start) {
		return strncmp(text, phrase->folded, phrase->len) == 0 &&
		       phrase_matches_at(phrase, text, text);
	}
	for (const char *at = strstr(text, phrase->folded); at != NULL;
	     at = strstr(g_utf8_next_char(at), phrase->folded)) {
		if (phrase_matches_at(phrase, text, at))
			return true;
	}
	return false;
}

bool textmatch_list_find(const struct textmatch_list *list, const char *folded)
{
	if (folded == NULL)
		return false;
	for (guint i = 0; i < list->phrases->len; i++) {
		const struct textmatch_phrase *phrase =
			&g_array_index(list->phrases, struct textmatch_phrase, i);
		if (phrase_occurs(phrase, folded))
			return true;
	}
	return false;
}
