/*
 * search_query: a person's query as an FTS5 expression. See
 * search_query.h. Every word goes into the expression as an FTS5 string
 * of tokens made of letters and digits only, so nothing the person types
 * is ever FTS5 syntax.
 */
#include <string.h>

#include "lib/search_query.h"

struct builder {
	GString *parts;           /* "p1" AND "p2" … */
	GArray *terms;            /* struct search_term */
	bool highlight;
};

static void add_term(struct builder *b, const char *text, bool prefix, bool cjk)
{
	if (!b->highlight)
		return;
	struct search_term t = { g_strdup(text), prefix, cjk };
	g_array_append_val(b->terms, t);
}

/* Appends one FTS5 string: the tokens, with a * when a prefix. */
static void add_part(struct builder *b, const char *tokens, bool prefix)
{
	if (b->parts->len > 0)
		g_string_append(b->parts, " AND ");
	g_string_append_c(b->parts, '"');
	for (const char *p = tokens; *p != '\0'; p++) {
		if (*p == '"')
			g_string_append_c(b->parts, '"');
		g_string_append_c(b->parts, *p);
	}
	g_string_append_c(b->parts, '"');
	if (prefix)
		g_string_append_c(b->parts, '*');
}

/* A CJK run: its one character, or the phrase of its bigrams. */
static void add_cjk(struct builder *b, const gunichar *run, size_t n, bool prefix)
{
	GString *s = g_string_new(NULL);
	GString *word = g_string_new(NULL);

	for (size_t i = 0; i < n; i++)
		g_string_append_unichar(word, run[i]);
	if (n == 1) {
		g_string_append(s, word->str);
	} else {
		for (size_t i = 0; i + 1 < n; i++) {
			if (i > 0)
				g_string_append_c(s, ' ');
			g_string_append_unichar(s, run[i]);
			g_string_append_unichar(s, run[i + 1]);
		}
	}
	add_part(b, s->str, prefix);
	add_term(b, word->str, prefix, true);
	g_string_free(s, TRUE);
	g_string_free(word, TRUE);
}

/* A word or a quoted phrase: its runs of other text as phrases of their
 * letters-and-digits tokens, its CJK runs as above, all of them ANDed; a
 * prefix marks the last. */
static void add_unit(struct builder *b, const char *text, bool prefix)
{
	char *valid = g_utf8_make_valid(text, -1);
	GArray *run = g_array_new(FALSE, FALSE, sizeof(gunichar));
	GString *latin = g_string_new(NULL);   /* tokens, space separated */
	GString *token = g_string_new(NULL);
	/* Pieces are emitted one behind, to know which is the last. */
	enum { NONE, LATIN, CJK } pending = NONE;
	GString *pend_latin = g_string_new(NULL);
	GArray *pend_run = g_array_new(FALSE, FALSE, sizeof(gunichar));
	GPtrArray *pend_tokens = g_ptr_array_new_with_free_func(g_free);
	GPtrArray *tokens = g_ptr_array_new_with_free_func(g_free);

#define FLUSH_PENDING(is_last) do { \
		bool pf_ = prefix && (is_last); \
		if (pending == LATIN) { \
			add_part(b, pend_latin->str, pf_); \
			for (guint k_ = 0; k_ < pend_tokens->len; k_++) \
				add_term(b, pend_tokens->pdata[k_], \
				         pf_ && k_ + 1 == pend_tokens->len, false); \
		} else if (pending == CJK) { \
			add_cjk(b, (const gunichar *)(const void *)pend_run->data, \
			        pend_run->len, pf_); \
		} \
		pending = NONE; \
	} while (0)

	const char *p = valid;
	for (;;) {
		gunichar c = *p != '\0' ? g_utf8_get_char(p) : 0;
		bool cjk = c != 0 && search_is_cjk(c);
		bool alnum = c != 0 && !cjk && g_unichar_isalnum(c);
		if (alnum) {
			gunichar f = search_fold_char(c);
			g_string_append_unichar(token, f);
		} else if (token->len > 0) {
			if (latin->len > 0)
				g_string_append_c(latin, ' ');
			g_string_append(latin, token->str);
			g_ptr_array_add(tokens, g_string_free(token, FALSE));
			token = g_string_new(NULL);
		}
		if ((cjk || c == 0) && latin->len > 0) {
			FLUSH_PENDING(false);
			pending = LATIN;
			g_string_assign(pend_latin, latin->str);
			g_ptr_array_set_size(pend_tokens, 0);
			for (guint k = 0; k < tokens->len; k++)
				g_ptr_array_add(pend_tokens, g_strdup(tokens->pdata[k]));
			g_ptr_array_set_size(tokens, 0);
			g_string_truncate(latin, 0);
		}
		if (cjk) {
			g_array_append_val(run, c);
		} else if (run->len > 0) {
			FLUSH_PENDING(false);
			pending = CJK;
			g_array_set_size(pend_run, 0);
			g_array_append_vals(pend_run, run->data, run->len);
			g_array_set_size(run, 0);
		}
		if (c == 0)
			break;
		p = g_utf8_next_char(p);
	}
	FLUSH_PENDING(true);
#undef FLUSH_PENDING
	g_ptr_array_free(tokens, TRUE);
	g_ptr_array_free(pend_tokens, TRUE);
	g_array_free(pend_run, TRUE);
	g_string_free(pend_latin, TRUE);
	g_string_free(token, TRUE);
	g_string_free(latin, TRUE);
	g_array_free(run, TRUE);
	g_free(valid);
}

static bool has_prefix(const char *s, const char *prefix)
{
	return g_ascii_strncasecmp(s, prefix, strlen(prefix)) == 0;
}

/* The next word (up to a blank or a quote) or quoted phrase from *pp:
 * 1, 0 at the end, -1 on an unclosed quote. */
static int next_unit(const char **pp, char **unit_r, bool *quoted_r, bool *prefix_r)
{
	const char *p = *pp;

	while (*p != '\0' && g_ascii_isspace(*p))
		p++;
	if (*p == '\0')
		return 0;
	*prefix_r = false;
	if (*p == '"') {
		const char *end = strchr(p + 1, '"');
		if (end == NULL)
			return -1;
		*unit_r = g_strndup(p + 1, (gsize)(end - p - 1));
		*quoted_r = true;
		p = end + 1;
		if (*p == '*') {
			*prefix_r = true;
			while (*p == '*')
				p++;
		}
	} else {
		const char *start = p;
		while (*p != '\0' && !g_ascii_isspace(*p) && *p != '"')
			p++;
		*unit_r = g_strndup(start, (gsize)(p - start));
		*quoted_r = false;
		size_t len = strlen(*unit_r);
		while (len > 0 && (*unit_r)[len - 1] == '*') {
			(*unit_r)[--len] = '\0';
			*prefix_r = true;
		}
	}
	*pp = p;
	return 1;
}

int search_query_parse(const char *input, struct search_query *q, char **error_r)
{
	struct builder text = { g_string_new(NULL), g_array_new(FALSE, FALSE,
	                        sizeof(struct search_term)), true };
	struct builder from = { g_string_new(NULL), NULL, false };
	const char *p = input != NULL ? input : "";
	char *unit = NULL;
	bool quoted, prefix, have_from = false;
	int rc;

	memset(q, 0, sizeof(*q));
	while ((rc = next_unit(&p, &unit, &quoted, &prefix)) > 0) {
		const char *filter = NULL;
		if (!quoted && has_prefix(unit, "from:"))
			filter = "from:";
		else if (!quoted && has_prefix(unit, "customer:"))
			filter = "customer:";
		if (filter == NULL) {
			add_unit(&text, unit, prefix);
			g_free(unit);
			continue;
		}
		char *value = g_strdup(unit + strlen(filter));
		g_free(unit);
		unit = NULL;
		/* from:"Li Wei": the phrase after the colon. */
		if (value[0] == '\0' && *p == '"') {
			g_free(value);
			value = NULL;
			if (next_unit(&p, &value, &quoted, &prefix) < 0) {
				rc = -1;
				break;
			}
		}
		if (strcmp(filter, "customer:") == 0) {
			if (value[0] == '\0' || q->customer != NULL) {
				*error_r = g_strdup(value[0] == '\0'
				                    ? "customer: needs a customer key"
				                    : "customer: given twice");
				g_free(value);
				goto fail;
			}
			q->customer = value;
			continue;
		}
		size_t before = from.parts->len;
		add_unit(&from, value, false);
		if (from.parts->len == before) {
			*error_r = g_strdup_printf("from:%s names no address or name", value);
			g_free(value);
			goto fail;
		}
		have_from = true;
		g_free(value);
	}
	if (rc < 0) {
		*error_r = g_strdup("the query has a quote (\") that is not closed");
		goto fail;
	}
	if (text.parts->len == 0 && !have_from && q->customer == NULL) {
		*error_r = g_strdup("nothing to search for: the query has no letters or digits");
		goto fail;
	}
	GString *match = g_string_new(NULL);
	if (text.parts->len > 0)
		g_string_append_printf(match, SEARCH_TEXT_COLUMNS " : (%s)", text.parts->str);
	if (have_from)
		g_string_append_printf(match, "%swho : (%s)", match->len > 0 ? " AND " : "",
		                       from.parts->str);
	q->match = match->len > 0 ? g_string_free(match, FALSE) : (g_string_free(match, TRUE), NULL);
	q->n_terms = text.terms->len;
	q->terms = (struct search_term *)(void *)g_array_free(text.terms, FALSE);
	g_string_free(text.parts, TRUE);
	g_string_free(from.parts, TRUE);
	return 0;
fail:
	for (guint i = 0; i < text.terms->len; i++)
		g_free(g_array_index(text.terms, struct search_term, i).text);
	g_array_free(text.terms, TRUE);
	g_string_free(text.parts, TRUE);
	g_string_free(from.parts, TRUE);
	g_free(q->customer);
	memset(q, 0, sizeof(*q));
	return -1;
}

void search_query_clear(struct search_query *q)
{
	for (size_t i = 0; i < q->n_terms; i++)
		g_free(q->terms[i].text);
	g_free(q->terms);
	g_free(q->match);
	g_free(q->customer);
	memset(q, 0, sizeof(*q));
}
