/*
 * search_text: the indexed form of text (CJK runs as characters and
 * bigrams) and the highlighted excerpt of a result. See search_text.h.
 */
#include <string.h>

#include "lib/safe_text.h"
#include "lib/search_text.h"

bool search_is_cjk(gunichar c)
{
	if (c == 0x30fc || c == 0xff70 || c == 0x3005)   /* ー ｰ 々 */
		return true;
	switch (g_unichar_get_script(c)) {
	case G_UNICODE_SCRIPT_HAN:
	case G_UNICODE_SCRIPT_HIRAGANA:
	case G_UNICODE_SCRIPT_KATAKANA:
	case G_UNICODE_SCRIPT_HANGUL:
		/* Only letters: the CJK punctuation (。、「」) separates. */
		return g_unichar_isalpha(c);
	default:
		return false;
	}
}

static void flush_run(GString *out, GArray *run)
{
	const gunichar *c = (const gunichar *)(const void *)run->data;

	if (run->len == 0)
		return;
	g_string_append_c(out, ' ');
	for (guint i = 0; i < run->len; i++) {
		g_string_append_unichar(out, c[i]);
		g_string_append_c(out, ' ');
	}
	for (guint i = 0; i + 1 < run->len; i++) {
		g_string_append_unichar(out, c[i]);
		g_string_append_unichar(out, c[i + 1]);
		g_string_append_c(out, ' ');
	}
	g_array_set_size(run, 0);
}

void search_index_append(GString *out, const char *text)
{
	if (text == NULL)
		return;
	char *valid = g_utf8_make_valid(text, -1);
	GArray *run = g_array_new(FALSE, FALSE, sizeof(gunichar));

	for (const char *p = valid; *p != '\0'; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		if (search_is_cjk(c)) {
			g_array_append_val(run, c);
			continue;
		}
		flush_run(out, run);
		g_string_append_unichar(out, c);
	}
	flush_run(out, run);
	g_array_free(run, TRUE);
	g_free(valid);
}

char *search_index_text(const char *text)
{
	GString *out = g_string_new(NULL);

	search_index_append(out, text);
	return g_string_free(out, FALSE);
}

gunichar search_fold_char(gunichar c)
{
	gunichar d[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];

	c = g_unichar_tolower(c);
	if (c < 0x80 || search_is_cjk(c))
		return c;
	gsize n = g_unichar_fully_decompose(c, FALSE, d, G_N_ELEMENTS(d));
	if (n < 2 || g_unichar_ismark(d[0]))
		return c;
	for (gsize i = 1; i < n; i++) {
		if (!g_unichar_ismark(d[i]))
			return c;
	}
	return d[0];
}

/* ---- the highlighted excerpt ---- */

struct span {
	size_t start, end;        /* characters */
};

static bool word_char(gunichar c)
{
	return g_unichar_isalnum(c) && !search_is_cjk(c);
}

/* The length of term t's match at position i of folded, or 0. */
static size_t match_at(const gunichar *folded, size_t n, size_t i, const gunichar *t,
                       size_t tlen, const struct search_term *term)
{
	if (tlen == 0 || i + tlen > n)
		return 0;
	for (size_t k = 0; k < tlen; k++) {
		if (folded[i + k] != t[k])
			return 0;
	}
	if (term->cjk)
		return tlen;
	if (i > 0 && word_char(folded[i - 1]))
		return 0;
	size_t end = i + tlen;
	if (term->prefix) {
		while (end < n && word_char(folded[end]))
			end++;
		return end - i;
	}
	if (end < n && word_char(folded[end]))
		return 0;
	return tlen;
}

char *search_highlight(const char *text, const struct search_term *terms, size_t n_terms,
                       const char *open, const char *close, size_t width)
{
	if (text == NULL || n_terms == 0)
		return NULL;
	char *safe = safe_text_new(text, SAFE_TEXT_LINE);
	GArray *orig = g_array_new(FALSE, FALSE, sizeof(gunichar));
	GArray *folded = g_array_new(FALSE, FALSE, sizeof(gunichar));
	GArray *spans = g_array_new(FALSE, FALSE, sizeof(struct span));
	gunichar **tu = g_new0(gunichar *, n_terms);
	size_t *tlen = g_new0(size_t, n_terms);
	GString *out = NULL;

	/* The text with runs of blanks as one space. */
	for (const char *p = safe; *p != '\0'; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		if (g_unichar_isspace(c)) {
			if (orig->len == 0 ||
			    g_array_index(orig, gunichar, orig->len - 1) == ' ')
				continue;
			c = ' ';
		}
		gunichar f = search_fold_char(c);
		g_array_append_val(orig, c);
		g_array_append_val(folded, f);
	}
	for (size_t t = 0; t < n_terms; t++) {
		glong len = 0;
		tu[t] = g_utf8_to_ucs4_fast(terms[t].text != NULL ? terms[t].text : "", -1, &len);
		for (glong k = 0; k < len; k++)
			tu[t][k] = search_fold_char(tu[t][k]);
		tlen[t] = (size_t)len;
	}
	const gunichar *f = (const gunichar *)(const void *)folded->data;
	size_t n = folded->len;
	for (size_t i = 0; i < n;) {
		size_t best = 0;
		for (size_t t = 0; t < n_terms; t++) {
			size_t len = match_at(f, n, i, tu[t], tlen[t], &terms[t]);
			if (len > best)
				best = len;
		}
		if (best == 0) {
			i++;
			continue;
		}
		struct span s = { i, i + best };
		g_array_append_val(spans, s);
		i += best;
	}
	if (spans->len == 0)
		goto out;

	/* A window of width characters, the first match a third in. */
	size_t first = g_array_index(spans, struct span, 0).start;
	size_t begin = first > width / 3 ? first - width / 3 : 0;
	size_t end = begin + width < n ? begin + width : n;
	if (end == n)
		begin = n > width ? n - width : 0;
	const gunichar *o = (const gunichar *)(const void *)orig->data;
	out = g_string_new(begin > 0 ? "…" : NULL);
	guint si = 0;
	bool inside = false;
	for (size_t i = begin; i < end; i++) {
		while (si < spans->len && g_array_index(spans, struct span, si).end <= i)
			si++;
		bool in = si < spans->len && g_array_index(spans, struct span, si).start <= i;
		if (in && !inside)
			g_string_append(out, open);
		else if (!in && inside)
			g_string_append(out, close);
		inside = in;
		g_string_append_unichar(out, o[i]);
	}
	if (inside)
		g_string_append(out, close);
	if (end < n)
		g_string_append(out, "…");
out:
	for (size_t t = 0; t < n_terms; t++)
		g_free(tu[t]);
	g_free(tu);
	g_free(tlen);
	g_array_free(spans, TRUE);
	g_array_free(orig, TRUE);
	g_array_free(folded, TRUE);
	g_free(safe);
	return out != NULL ? g_string_free(out, FALSE) : NULL;
}
