/*
 * quote: see quote.h. The knowledge is in data/quote_patterns.txt
 * and data/closings.txt; the code only compiles it once and walks
 * lines applying it.
 */
#include "parsers/quote.h"

#include <string.h>
#include <glib.h>

#include "parsers/charset.h"
#include "lib/lines.h"
#include "data/builtin.h"

/* How many following non-blank lines may hold the second field of a
 * quoted header block (the first one is sometimes wrapped). */
#define HEADER_PAIR_WINDOW 3
/* Lines of a quoted header block read for its From: and Subject:. */
#define HEADER_BLOCK_MAX_LINES 30
/* What may follow a closing: a few short lines. */
#define CLOSING_MAX_TAIL_LINES 8
#define CLOSING_MAX_LINE_CHARS 100
/* "Best regards, Anna": what may follow the comma. */
#define CLOSING_MAX_NAME_CHARS 40
#define CLOSING_MAX_NAME_WORDS 4

enum rule_kind {
	KIND_SIGNATURE,
	KIND_ATTRIBUTION,
	KIND_SEPARATOR,
	KIND_FORWARD,
	KIND_HEADER,
	KIND_THEN,
	KIND_FROM,
	KIND_SUBJECT,
	KIND_FORWARD_SUBJECT,
};

static const struct {
	const char *name;
	enum rule_kind kind;
} kind_names[] = {
	{ "signature", KIND_SIGNATURE }, { "attribution", KIND_ATTRIBUTION },
	{ "separator", KIND_SEPARATOR }, { "forward", KIND_FORWARD },
	{ "header", KIND_HEADER }, { "then", KIND_THEN }, { "from", KIND_FROM },
	{ "subject", KIND_SUBJECT }, { "forward-subject", KIND_FORWARD_SUBJECT },
};

/* A rule that marks where the history starts. */
struct marker_rule {
	enum rule_kind kind;
	char *needle;   /* lowercase literal a matching line holds; NULL: none */
	GRegex *re;
	GRegex *then;   /* KIND_HEADER: the second field */
};

struct quote_rules {
	GArray *markers;              /* struct marker_rule, in file order */
	GPtrArray *from_fields;       /* GRegex *, group 1 the value */
	GPtrArray *subject_fields;
	GPtrArray *forward_subjects;
	GHashTable *closings;         /* closing_key() strings, a set */
};

/* ---- building the rules ---- */

static void regex_unref(gpointer re)
{
	g_regex_unref(re);
}

static struct quote_rules *rules_alloc(void)
{
	struct quote_rules *rules = g_new0(struct quote_rules, 1);

	rules->markers = g_array_new(FALSE, TRUE, sizeof(struct marker_rule));
	rules->from_fields = g_ptr_array_new_with_free_func(regex_unref);
	rules->subject_fields = g_ptr_array_new_with_free_func(regex_unref);
	rules->forward_subjects = g_ptr_array_new_with_free_func(regex_unref);
	rules->closings = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	return rules;
}

void quote_rules_free(struct quote_rules **rules_p)
{
	struct quote_rules *rules;

	if (rules_p == NULL || *rules_p == NULL)
		return;
	rules = *rules_p;
	for (guint i = 0; i < rules->markers->len; i++) {
		struct marker_rule *m = &g_array_index(rules->markers, struct marker_rule, i);

		g_free(m->needle);
		g_regex_unref(m->re);
		if (m->then != NULL)
			g_regex_unref(m->then);
	}
	g_array_free(rules->markers, TRUE);
	g_ptr_array_free(rules->from_fields, TRUE);
	g_ptr_array_free(rules->subject_fields, TRUE);
	g_ptr_array_free(rules->forward_subjects, TRUE);
	g_hash_table_destroy(rules->closings);
	g_free(rules);
	*rules_p = NULL;
}

static bool kind_by_name(const char *name, enum rule_kind *kind_r)
{
	for (size_t i = 0; i < G_N_ELEMENTS(kind_names); i++) {
		if (strcmp(name, kind_names[i].name) == 0) {
			*kind_r = kind_names[i].kind;
			return true;
		}
	}
	return false;
}

/* The next whitespace-delimited word of *p, advancing *p; NULL at the end. */
static char *next_word(char **p)
{
	char *start = *p, *end;

	while (*start == ' ' || *start == '\t')
		start++;
	if (*start == '\0')
		return NULL;
	end = start;
	while (*end != '\0' && *end != ' ' && *end != '\t')
		end++;
	if (*end != '\0')
		*end++ = '\0';
	*p = end;
	return start;
}

/* The header rule still waiting for its "then", or NULL. */
static struct marker_rule *open_header(struct quote_rules *rules)
{
	struct marker_rule *last;

	if (rules->markers->len == 0)
		return NULL;
	last = &g_array_index(rules->markers, struct marker_rule, rules->markers->len - 1);
	return last->kind == KIND_HEADER && last->then == NULL ? last : NULL;
}

static int add_rule(struct quote_rules *rules, enum rule_kind kind,
                    const char *needle, GRegex *re, char **error_r)
{
	struct marker_rule *header = open_header(rules);
	struct marker_rule marker = { 0 };

	if (kind == KIND_THEN) {
		if (header == NULL) {
			*error_r = g_strdup("\"then\" without a \"header\" rule before it");
			return -1;
		}
		header->then = re;
		return 0;
	}
	if (header != NULL) {
		*error_r = g_strdup("the \"header\" rule before this one has no \"then\" rule");
		return -1;
	}
	switch (kind) {
	case KIND_FROM:
		g_ptr_array_add(rules->from_fields, re);
		return 0;
	case KIND_SUBJECT:
		g_ptr_array_add(rules->subject_fields, re);
		return 0;
	case KIND_FORWARD_SUBJECT:
		g_ptr_array_add(rules->forward_subjects, re);
		return 0;
	default:
		break;
	}
	marker.kind = kind;
	marker.needle = strcmp(needle, "*") == 0 ? NULL : g_ascii_strdown(needle, -1);
	marker.re = re;
	g_array_append_val(rules->markers, marker);
	return 0;
}

static int parse_pattern_line(struct quote_rules *rules, char *line, char **error_r)
{
	char *p = line;
	char *kind_name = next_word(&p);
	char *needle, *pattern;
	enum rule_kind kind;
	GError *error = NULL;
	GRegex *re;

	if (kind_name == NULL || kind_name[0] == '#')
		return 0;
	needle = next_word(&p);
	pattern = g_strstrip(p);
	if (needle == NULL || pattern[0] == '\0') {
		*error_r = g_strdup("expected KIND NEEDLE PATTERN");
		return -1;
	}
	if (!kind_by_name(kind_name, &kind)) {
		*error_r = g_strdup_printf("unknown kind \"%s\"", kind_name);
		return -1;
	}
	re = g_regex_new(pattern, G_REGEX_CASELESS, 0, &error);
	if (re == NULL) {
		*error_r = g_strdup_printf("bad pattern: %s", error->message);
		g_error_free(error);
		return -1;
	}
	if ((kind == KIND_FROM || kind == KIND_SUBJECT) &&
	    g_regex_get_capture_count(re) < 1) {
		*error_r = g_strdup("a from or subject pattern needs a capture group");
		g_regex_unref(re);
		return -1;
	}
	if (add_rule(rules, kind, needle, re, error_r) < 0) {
		g_regex_unref(re);
		return -1;
	}
	return 0;
}

static bool is_unichar_space(gunichar c)
{
	return g_unichar_isspace(c) || c == 0x3000;
}

/*
 * The form a closing is compared in: NFKC (full-width forms), case-folded,
 * without whitespace and without punctuation at either end. NULL for text
 * that is not valid UTF-8 or leaves nothing.
 */
static char *closing_key(const char *text, gssize len)
{
	char *norm = g_utf8_normalize(text, len, G_NORMALIZE_NFKC);
	char *fold;
	GString *key;
	gunichar c;

	if (norm == NULL)
		return NULL;
	fold = g_utf8_casefold(norm, -1);
	g_free(norm);
	key = g_string_new(NULL);
	for (const char *p = fold; *p != '\0'; p = g_utf8_next_char(p)) {
		c = g_utf8_get_char(p);
		if (is_unichar_space(c))
			continue;
		if (g_unichar_ispunct(c) && key->len == 0)
			continue;
		g_string_append_unichar(key, c);
	}
	g_free(fold);
	/* Trailing punctuation: "Regards," "此致敬礼！" */
	while (key->len > 0) {
		const char *last = g_utf8_find_prev_char(key->str, key->str + key->len);

		if (last == NULL || !g_unichar_ispunct(g_utf8_get_char(last)))
			break;
		g_string_truncate(key, (gsize)(last - key->str));
	}
	if (key->len == 0) {
		g_string_free(key, TRUE);
		return NULL;
	}
	return g_string_free(key, FALSE);
}

static int parse_closing_line(struct quote_rules *rules, char *line, char **error_r)
{
	char *text = g_strstrip(line);
	char *key;

	if (text[0] == '\0' || text[0] == '#')
		return 0;
	key = closing_key(text, -1);
	if (key == NULL) {
		*error_r = g_strdup("a closing needs a letter");
		return -1;
	}
	g_hash_table_add(rules->closings, key);
	return 0;
}

typedef int line_parser(struct quote_rules *rules, char *line, char **error_r);

static int parse_list(struct quote_rules *rules, const char *text,
                      const char *what, line_parser *parse_line, char **error_r)
{
	char **lines;
	char *error = NULL;
	int ret = 0;

	if (text == NULL)
		return 0;
	if (!g_utf8_validate(text, -1, NULL)) {
		*error_r = g_strdup_printf("%s: not valid UTF-8", what);
		return -1;
	}
	lines = lines_split(text, strlen(text), NULL);
	for (size_t i = 0; lines[i] != NULL; i++) {
		if (parse_line(rules, lines[i], &error) < 0) {
			*error_r = g_strdup_printf("%s line %zu: %s", what, i + 1, error);
			g_free(error);
			ret = -1;
			goto out;
		}
	}
	if (open_header(rules) != NULL) {
		*error_r = g_strdup_printf("%s: the last \"header\" rule has no \"then\" rule", what);
		ret = -1;
	}
out:
	g_strfreev(lines);
	return ret;
}

int quote_rules_new(const char *patterns, const char *closings,
                    struct quote_rules **rules_r, char **error_r)
{
	struct quote_rules *rules = rules_alloc();

	*rules_r = NULL;
	if (parse_list(rules, patterns, "quote patterns", parse_pattern_line, error_r) < 0 ||
	    parse_list(rules, closings, "closings", parse_closing_line, error_r) < 0) {
		quote_rules_free(&rules);
		return -1;
	}
	*rules_r = rules;
	return 0;
}

const struct quote_rules *quote_rules_builtin(void)
{
	static gsize once;
	static struct quote_rules *builtin;

	if (g_once_init_enter(&once)) {
		struct quote_rules *rules = NULL;
		char *error = NULL;

		if (quote_rules_new(builtin_quote_patterns, builtin_closings,
		                    &rules, &error) < 0) {
			/* Caught by the unit tests; cut nothing rather than abort. */
			g_free(error);
			rules = rules_alloc();
		}
		builtin = rules;
		g_once_init_leave(&once, 1);
	}
	return builtin;
}

/* ---- matching ---- */

static bool is_blank(const char *line)
{
	for (const char *p = line; *p != '\0'; p++) {
		if (!g_ascii_isspace(*p))
			return false;
	}
	return true;
}

static bool matches(const GRegex *re, const char *line)
{
	return re != NULL && strlen(line) <= QUOTE_MAX_LINE_LEN &&
	       g_regex_match(re, line, 0, NULL);
}

/* Capture group 1 of re on line, trimmed; NULL when it does not match. */
static char *match_value(const GRegex *re, const char *line)
{
	GMatchInfo *info = NULL;
	char *value = NULL;

	if (strlen(line) <= QUOTE_MAX_LINE_LEN &&
	    g_regex_match(re, line, 0, &info))
		value = g_match_info_fetch(info, 1);
	g_match_info_free(info);
	return value != NULL ? g_strstrip(value) : NULL;
}

static bool any_matches(const GPtrArray *regexes, const char *line)
{
	for (guint i = 0; i < regexes->len; i++) {
		if (matches(g_ptr_array_index(regexes, i), line))
			return true;
	}
	return false;
}

static char *first_value(const GPtrArray *regexes, const char *line)
{
	for (guint i = 0; i < regexes->len; i++) {
		char *value = match_value(g_ptr_array_index(regexes, i), line);

		if (value != NULL)
			return value;
	}
	return NULL;
}

/* The next non-blank line after i, or -1. */
static long next_nonblank(char **lines, size_t n, size_t i)
{
	for (size_t j = i + 1; j < n; j++) {
		if (!is_blank(lines[j]))
			return (long)j;
	}
	return -1;
}

static bool marker_matches_at(const struct marker_rule *rule, char **lines,
                              size_t n, size_t i)
{
	long j;

	switch (rule->kind) {
	case KIND_ATTRIBUTION:
		if (matches(rule->re, lines[i]))
			return true;
		if (i + 1 < n && !is_blank(lines[i + 1])) {
			char *joined = g_strconcat(lines[i], " ", lines[i + 1], NULL);
			bool res = matches(rule->re, joined);

			g_free(joined);
			return res;
		}
		return false;
	case KIND_HEADER:
		if (!matches(rule->re, lines[i]))
			return false;
		j = (long)i;
		for (int k = 0; k < HEADER_PAIR_WINDOW; k++) {
			j = next_nonblank(lines, n, (size_t)j);
			if (j < 0)
				return false;
			if (matches(rule->then, lines[j]))
				return true;
		}
		return false;
	default:
		return matches(rule->re, lines[i]);
	}
}

/* The line in ASCII lowercase for the needle tests; NULL when it is too
 * long to be a marker. */
static char *lowered(const char *line)
{
	if (line == NULL || strlen(line) > QUOTE_MAX_LINE_LEN)
		return NULL;
	return g_ascii_strdown(line, -1);
}

static bool contains_needle(const struct marker_rule *rule, const char *lower)
{
	return rule->needle == NULL || strstr(lower, rule->needle) != NULL;
}

static bool is_candidate(const struct marker_rule *rule, const char *lower,
                         const char *lower_next)
{
	if (lower != NULL && contains_needle(rule, lower))
		return true;
	/* A wrapped attribution may have its keyword on the next line. */
	return rule->kind == KIND_ATTRIBUTION && lower_next != NULL &&
	       contains_needle(rule, lower_next);
}

/* The first line where the history starts, and the rule that says so;
 * NULL when there is none. */
static const struct marker_rule *find_history(const struct quote_rules *rules,
                                              char **lines, size_t n,
                                              size_t *line_r)
{
	size_t limit = n < QUOTE_MAX_LINES ? n : QUOTE_MAX_LINES;
	const struct marker_rule *found = NULL;
	char *lower = limit > 0 ? lowered(lines[0]) : NULL;

	for (size_t i = 0; i < limit && found == NULL; i++) {
		char *lower_next = i + 1 < n ? lowered(lines[i + 1]) : NULL;

		for (guint r = 0; lower != NULL && r < rules->markers->len; r++) {
			const struct marker_rule *rule =
			        &g_array_index(rules->markers, struct marker_rule, r);

			if (is_candidate(rule, lower, lower_next) &&
			    marker_matches_at(rule, lines, n, i)) {
				found = rule;
				*line_r = i;
				break;
			}
		}
		g_free(lower);
		lower = lower_next;
	}
	g_free(lower);
	return found;
}

/* Quoted lines, blank lines and bare separators (dashes, underscores). */
static bool is_trailing_junk(const char *line)
{
	const char *p = line;

	while (*p == ' ' || *p == '\t')
		p++;
	if (*p == '>')
		return true;
	for (; *p != '\0'; p++) {
		if (!g_ascii_isspace(*p) && strchr("-_=*~", *p) == NULL)
			return false;
	}
	return true;
}

static size_t trim_trailing_junk(char **lines, size_t end)
{
	while (end > 0 && is_trailing_junk(lines[end - 1]))
		end--;
	return end;
}

/* ---- closings ---- */

static bool is_closing_key(const struct quote_rules *rules, const char *text,
                           gssize len)
{
	char *key = closing_key(text, len);
	bool res = key != NULL && g_hash_table_contains(rules->closings, key);

	g_free(key);
	return res;
}

/* What may follow "Best regards," on its line: a short name. */
static bool is_short_name(const char *text)
{
	char *copy = g_strstrip(g_strdup(text));
	char **words = g_strsplit_set(copy, " \t", -1);
	size_t n_words = 0;
	bool res;

	for (size_t i = 0; words[i] != NULL; i++) {
		if (words[i][0] != '\0')
			n_words++;
	}
	res = g_utf8_strlen(copy, -1) <= CLOSING_MAX_NAME_CHARS &&
	      n_words <= CLOSING_MAX_NAME_WORDS;
	g_strfreev(words);
	g_free(copy);
	return res;
}

static bool is_closing(const struct quote_rules *rules, const char *line)
{
	const char *comma;

	if (g_hash_table_size(rules->closings) == 0 ||
	    strlen(line) > CLOSING_MAX_LINE_CHARS * 4 ||
	    g_utf8_strlen(line, -1) > CLOSING_MAX_LINE_CHARS)
		return false;
	if (is_closing_key(rules, line, -1))
		return true;
	comma = strchr(line, ',');
	if (comma == NULL)
		comma = strstr(line, "\xef\xbc\x8c"); /* full-width comma */
	if (comma == NULL)
		return false;
	return is_closing_key(rules, line, comma - line) &&
	       is_short_name(g_utf8_next_char(comma));
}

/* A line that may follow a closing: short, and not a question or a
 * (Chinese or Japanese) sentence. */
static bool is_signature_line(const char *line)
{
	char *copy;
	const char *last;
	gunichar c;
	bool res = true;

	if (g_utf8_strlen(line, -1) > CLOSING_MAX_LINE_CHARS)
		return false;
	copy = g_strchomp(g_strdup(line));
	last = copy[0] != '\0' ? g_utf8_find_prev_char(copy, copy + strlen(copy)) : NULL;
	if (last != NULL) {
		c = g_utf8_get_char(last);
		/* "敬礼！" and "Cheers!" end signatures; "?" and "。" do not. */
		res = c != '?' && c != 0xFF1F && c != 0x3002;
	}
	g_free(copy);
	return res;
}

/* The earliest closing in lines[0..end) that only a short tail follows
 * and that leaves some text above it; end when there is none. */
static size_t find_closing(const struct quote_rules *rules, char **lines, size_t end)
{
	size_t first_text = 0, found = end, tail = 0;

	while (first_text < end && is_blank(lines[first_text]))
		first_text++;
	for (size_t i = end; i > first_text + 1; i--) {
		const char *line = lines[i - 1];

		if (is_blank(line))
			continue;
		if (is_closing(rules, line))
			found = i - 1;
		if (++tail > CLOSING_MAX_TAIL_LINES || !is_signature_line(line))
			break;
	}
	return found;
}

/* ---- header blocks ---- */

static bool kind_has_header_block(enum rule_kind kind)
{
	return kind == KIND_SEPARATOR || kind == KIND_FORWARD || kind == KIND_HEADER;
}

static bool has_unclosed_bracket(const char *value)
{
	const char *open = strrchr(value, '<');
	const char *square = strrchr(value, '[');

	return (open != NULL && strchr(open, '>') == NULL) ||
	       (square != NULL && strchr(square, ']') == NULL);
}

/* Reads the header block at lines[start..]: its From and Subject values.
 * Returns the index of the first line after the block. */
static size_t read_header_block(const struct quote_rules *rules,
                                const struct marker_rule *rule, char **lines,
                                size_t n, size_t start, struct quote_split *split)
{
	size_t i = start, seen = 0;

	if (rule->kind != KIND_HEADER)
		i++;  /* the marker line */
	while (i < n && is_blank(lines[i]) && i - start < HEADER_PAIR_WINDOW)
		i++;
	for (; i < n && seen < HEADER_BLOCK_MAX_LINES; i++, seen++) {
		const char *line = lines[i];

		if (is_blank(line))
			break;
		if (split->quoted_from == NULL &&
		    (split->quoted_from = first_value(rules->from_fields, line)) != NULL) {
			if (has_unclosed_bracket(split->quoted_from) && i + 1 < n &&
			    !is_blank(lines[i + 1])) {
				char *next = g_strstrip(g_strdup(lines[i + 1]));
				char *joined = g_strconcat(split->quoted_from, next, NULL);

				g_free(next);
				g_free(split->quoted_from);
				split->quoted_from = joined;
				i++;
				seen++;
			}
			continue;
		}
		if (split->quoted_subject == NULL)
			split->quoted_subject = first_value(rules->subject_fields, line);
	}
	return i;
}

/* ---- splitting ---- */

static char *join_lines(char **lines, size_t from, size_t to)
{
	GString *out = g_string_new(NULL);

	for (size_t i = from; i < to; i++) {
		if (i > from)
			g_string_append_c(out, '\n');
		g_string_append(out, lines[i]);
	}
	return g_string_free(out, FALSE);
}

static enum quote_history history_of(enum rule_kind kind)
{
	switch (kind) {
	case KIND_SIGNATURE:
		return QUOTE_HISTORY_SIGNATURE;
	case KIND_FORWARD:
		return QUOTE_HISTORY_FORWARD;
	default:
		return QUOTE_HISTORY_REPLY;
	}
}

/* When the sender wrote nothing above a quoted or forwarded message, the
 * new text is that message's own (one level down, no further). */
static char *inner_new_text(const struct quote_rules *rules, char **lines,
                            size_t n, size_t body_start, bool *closing_cut_r);

static void split_lines(const struct quote_rules *rules, char **lines, size_t n,
                        bool descend, struct quote_split *split)
{
	size_t cut = n, end, body_start = n;
	const struct marker_rule *rule = find_history(rules, lines, n, &cut);
	char *text;

	end = trim_trailing_junk(lines, cut);
	if (end > 0) {
		size_t closing = find_closing(rules, lines, end);

		if (closing < end) {
			split->closing_cut = true;
			end = trim_trailing_junk(lines, closing);
		}
	}
	if (rule != NULL) {
		split->history = history_of(rule->kind);
		if (kind_has_header_block(rule->kind))
			body_start = read_header_block(rules, rule, lines, n, cut, split);
	}
	text = join_lines(lines, 0, end);
	if (!is_blank(text)) {
		split->new_text = text;
		return;
	}
	g_free(text);
	split->closing_cut = false;
	split->nothing_new = rule != NULL;
	if (rule != NULL && descend && kind_has_header_block(rule->kind))
		split->new_text = inner_new_text(rules, lines, n, body_start,
		                                 &split->closing_cut);
	if (split->new_text == NULL)
		split->new_text = join_lines(lines, 0, n);
}

static char *inner_new_text(const struct quote_rules *rules, char **lines,
                            size_t n, size_t body_start, bool *closing_cut_r)
{
	struct quote_split inner = { 0 };
	char *res = NULL;

	while (body_start < n && is_blank(lines[body_start]))
		body_start++;
	if (body_start >= n)
		return NULL;
	split_lines(rules, lines + body_start, n - body_start, false, &inner);
	if (!is_blank(inner.new_text)) {
		res = inner.new_text;
		inner.new_text = NULL;
		*closing_cut_r = inner.closing_cut;
	}
	quote_split_clear(&inner);
	return res;
}

void quote_split(const struct quote_rules *rules, const char *text,
                 struct quote_split *split_r)
{
	char *valid = NULL;
	char **lines;
	size_t n;

	memset(split_r, 0, sizeof(*split_r));
	if (rules == NULL)
		rules = quote_rules_builtin();
	if (text == NULL)
		text = "";
	if (!charset_is_valid_utf8(text, strlen(text)))
		text = valid = charset_make_valid(text, strlen(text));
	lines = lines_split(text, strlen(text), &n);
	split_lines(rules, lines, n, true, split_r);
	g_strfreev(lines);
	g_free(valid);
}

void quote_split_clear(struct quote_split *split)
{
	g_free(split->new_text);
	g_free(split->quoted_from);
	g_free(split->quoted_subject);
	memset(split, 0, sizeof(*split));
}

char *quote_cut(const char *text)
{
	struct quote_split split;
	char *res;

	quote_split(NULL, text, &split);
	res = split.new_text;
	split.new_text = NULL;
	quote_split_clear(&split);
	return res;
}

bool quote_is_forward_subject(const struct quote_rules *rules, const char *subject)
{
	const char *end;
	char *valid = NULL, *head;
	bool res;

	if (subject == NULL)
		return false;
	if (rules == NULL)
		rules = quote_rules_builtin();
	if (!charset_is_valid_utf8(subject, strlen(subject)))
		subject = valid = charset_make_valid(subject, strlen(subject));
	end = subject;
	/* The prefix is at the start: a long subject need not be read. */
	for (int i = 0; i < 200 && *end != '\0'; i++)
		end = g_utf8_next_char(end);
	head = g_strndup(subject, (gsize)(end - subject));
	res = any_matches(rules->forward_subjects, head);
	g_free(head);
	g_free(valid);
	return res;
}
