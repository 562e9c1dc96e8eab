/* template: the text of an acknowledgement or alert mail with {{name}}
 * placeholders (see template.h). Pure. */
#include <stdbool.h>
#include <string.h>
#include <glib.h>

#include "rules/template.h"
#include "lib/lines.h"

const char *const template_ack_names[] = {
	"subject", "name", "company", "owner", NULL
};

const char *const template_alert_names[] = {
	"rule", "customer", "subject", "since", "due", "late", "owner", "manager",
	"snippet", "command", "company", "count", "items", "date", NULL
};

const char *const template_sheet_names[] = {
	"rule", "customer", "owner", "subject", "due", "late", "state", "command", "company",
	"order", "amount", "paid", "outstanding", "currency", "action", "since", "grade", NULL
};

const char *const template_reminder_names[] = {
	"name", "company", "owner", "order", "amount", "paid", "outstanding", "currency",
	"due", "late", NULL
};

static const char subject_field[] = "Subject:";

/* What went wrong in a template, and where. */
enum parse_problem {
	PARSE_OK = 0,
	PARSE_TOO_LONG,
	PARSE_NOT_UTF8,
	PARSE_NO_SUBJECT_LINE,
	PARSE_EMPTY_SUBJECT,
	PARSE_NO_BLANK_LINE,
	PARSE_EMPTY_BODY,
	PARSE_BAD_PLACEHOLDER,
	PARSE_UNKNOWN_PLACEHOLDER,
};

static const char *const problem_texts[] = {
	[PARSE_OK] = "",
	[PARSE_TOO_LONG] = "the template is longer than 64 KiB",
	[PARSE_NOT_UTF8] = "not valid UTF-8",
	[PARSE_NO_SUBJECT_LINE] = "the first line must be 'Subject: …'",
	[PARSE_EMPTY_SUBJECT] = "the subject is empty",
	[PARSE_NO_BLANK_LINE] = "a blank line must follow the subject",
	[PARSE_EMPTY_BODY] = "the body is empty",
	[PARSE_BAD_PLACEHOLDER] = "'{{' does not start a placeholder such as {{name}}",
	[PARSE_UNKNOWN_PLACEHOLDER] = "unknown placeholder",
};

struct parse_failure {
	enum parse_problem problem;
	int line;                    /* 1-based, 0 when not about a line */
	char name[TEMPLATE_NAME_MAX + 1]; /* the unknown placeholder */
};

/* ----------------------------------------------------------- placeholders */

static bool is_blank(char c)
{
	return c == ' ' || c == '\t';
}

static bool is_name_start(char c)
{
	return g_ascii_isalpha(c) || c == '_';
}

static bool is_name_char(char c)
{
	return g_ascii_isalnum(c) || c == '_' || c == '-' || c == '.';
}

/* A placeholder as scanned: its name and its fallback (neither
 * NUL-terminated; fallback_len 0 when it has none). */
struct placeholder {
	const char *name;
	size_t name_len;
	const char *fallback;
	size_t fallback_len;
	size_t len;                  /* of the whole placeholder, braces included */
};

/* After "{{name|": the fallback text up to "}}", without blanks around it.
 * NULL when the placeholder does not close on this line. */
static const char *scan_fallback(const char *q, struct placeholder *ph)
{
	while (is_blank(*q))
		q++;
	const char *start = q;
	while (*q != '\0' && *q != '\n' && *q != '{' && *q != '}')
		q++;
	if (q[0] != '}' || q[1] != '}')
		return NULL;
	const char *end = q;
	while (end > start && is_blank(end[-1]))
		end--;
	if ((size_t)(end - start) > TEMPLATE_FALLBACK_MAX)
		return NULL;
	ph->fallback = start;
	ph->fallback_len = (size_t)(end - start);
	return q;
}

/* When p starts a placeholder, what it says. */
static bool scan_placeholder(const char *p, struct placeholder *ph)
{
	const char *q = p;

	if (q[0] != '{' || q[1] != '{')
		return false;
	q += 2;
	while (is_blank(*q))
		q++;
	if (!is_name_start(*q))
		return false;
	ph->name = q;
	while (is_name_char(*q))
		q++;
	ph->name_len = (size_t)(q - ph->name);
	if (ph->name_len > TEMPLATE_NAME_MAX)
		return false;
	while (is_blank(*q))
		q++;
	ph->fallback = NULL;
	ph->fallback_len = 0;
	if (*q == '|' && (q = scan_fallback(q + 1, ph)) == NULL)
		return false;
	if (q[0] != '}' || q[1] != '}')
		return false;
	ph->len = (size_t)(q + 2 - p);
	return true;
}

static bool name_is(const char *name, size_t name_len, const char *candidate)
{
	return strlen(candidate) == name_len &&
	       g_ascii_strncasecmp(name, candidate, name_len) == 0;
}

static bool name_known(const char *name, size_t name_len, const char *const *known_names)
{
	for (size_t i = 0; known_names[i] != NULL; i++) {
		if (name_is(name, name_len, known_names[i]))
			return true;
	}
	return false;
}

/* Checks every "{{" of text (one line or several, starting at line
 * first_line). */
static enum parse_problem check_placeholders(const char *text, int first_line,
                                             const char *const *known_names,
                                             struct parse_failure *failure)
{
	int line = first_line;

	for (const char *p = text; *p != '\0'; p++) {
		if (*p == '\n') {
			line++;
			continue;
		}
		if (p[0] != '{' || p[1] != '{')
			continue;

		struct placeholder ph;
		failure->line = line;
		if (!scan_placeholder(p, &ph))
			return PARSE_BAD_PLACEHOLDER;
		if (known_names != NULL && !name_known(ph.name, ph.name_len, known_names)) {
			memcpy(failure->name, ph.name, ph.name_len);
			failure->name[ph.name_len] = '\0';
			return PARSE_UNKNOWN_PLACEHOLDER;
		}
		p += ph.len - 1;
	}
	return PARSE_OK;
}

/* ------------------------------------------------------------------ parse */

/* The text with a byte order mark dropped and CRLF/CR line ends made LF. */
static char *normalize_newlines(const char *text)
{
	GString *out = g_string_sized_new(strlen(text) + 1);

	if (g_str_has_prefix(text, "\xEF\xBB\xBF"))
		text += 3;
	lines_append_lf(out, text);
	return g_string_free(out, FALSE);
}

static bool is_blank_line(const char *start, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (!is_blank(start[i]))
			return false;
	}
	return true;
}

static char *strip_blanks(const char *start, size_t len)
{
	while (len > 0 && is_blank(*start)) {
		start++;
		len--;
	}
	while (len > 0 && is_blank(start[len - 1]))
		len--;
	return g_strndup(start, len);
}

static enum parse_problem parse_normalized(const char *text, const char *const *known_names,
                                           struct template *t, struct parse_failure *failure)
{
	const char *eol = strchr(text, '\n');
	size_t first_len = eol != NULL ? (size_t)(eol - text) : strlen(text);
	size_t field_len = strlen(subject_field);
	enum parse_problem problem;

	failure->line = 1;
	if (first_len < field_len || g_ascii_strncasecmp(text, subject_field, field_len) != 0)
		return PARSE_NO_SUBJECT_LINE;
	t->subject = strip_blanks(text + field_len, first_len - field_len);
	if (t->subject[0] == '\0')
		return PARSE_EMPTY_SUBJECT;

	failure->line = 2;
	if (eol == NULL)
		return PARSE_NO_BLANK_LINE;
	const char *second = eol + 1;
	const char *eol2 = strchr(second, '\n');
	size_t second_len = eol2 != NULL ? (size_t)(eol2 - second) : strlen(second);
	if (!is_blank_line(second, second_len))
		return PARSE_NO_BLANK_LINE;
	failure->line = 3;
	if (eol2 == NULL)
		return PARSE_EMPTY_BODY;

	t->body = g_strdup(eol2 + 1);
	if (strspn(t->body, " \t\n") == strlen(t->body))
		return PARSE_EMPTY_BODY;

	problem = check_placeholders(t->subject, 1, known_names, failure);
	if (problem == PARSE_OK)
		problem = check_placeholders(t->body, 3, known_names, failure);
	return problem;
}

static enum parse_problem parse(const char *text, const char *const *known_names,
                                struct template **t_r, struct parse_failure *failure)
{
	struct template *t = NULL;
	char *normal = NULL;
	enum parse_problem problem;

	*t_r = NULL;
	failure->line = 0;
	failure->name[0] = '\0';
	if (text == NULL) {
		problem = PARSE_NO_SUBJECT_LINE;
		goto out;
	}
	if (strlen(text) > TEMPLATE_MAX_BYTES) {
		problem = PARSE_TOO_LONG;
		goto out;
	}
	if (!g_utf8_validate(text, -1, NULL)) {
		problem = PARSE_NOT_UTF8;
		goto out;
	}
	normal = normalize_newlines(text);
	t = g_new0(struct template, 1);
	problem = parse_normalized(normal, known_names, t, failure);
	if (problem == PARSE_OK) {
		*t_r = t;
		t = NULL;
	}
out:
	template_free(&t);
	g_free(normal);
	return problem;
}

/* The error of failure, "line N: " first when line_too. */
static char *failure_text(enum parse_problem problem, const struct parse_failure *failure,
                          const char *const *known_names, bool line_too)
{
	GString *error = g_string_new(NULL);

	if (line_too && failure->line > 0)
		g_string_append_printf(error, "line %d: ", failure->line);
	g_string_append(error, problem_texts[problem]);
	if (problem == PARSE_UNKNOWN_PLACEHOLDER) {
		g_string_append_printf(error, " {{%s}} (known:", failure->name);
		for (size_t i = 0; known_names[i] != NULL; i++)
			g_string_append_printf(error, "%s {{%s}}", i > 0 ? "," : "",
			                       known_names[i]);
		g_string_append_c(error, ')');
	}
	return g_string_free(error, FALSE);
}

int template_parse(const char *text, const char *const *known_names, struct template **t_r,
                   const char **error_r)
{
	struct parse_failure failure;
	enum parse_problem problem = parse(text, known_names, t_r, &failure);

	if (problem == PARSE_OK)
		return 0;
	*error_r = problem_texts[problem];
	return -1;
}

int template_parse_detailed(const char *text, const char *const *known_names,
                            struct template **t_r, char **error_r)
{
	struct parse_failure failure;
	enum parse_problem problem = parse(text, known_names, t_r, &failure);

	if (problem == PARSE_OK)
		return 0;
	*error_r = failure_text(problem, &failure, known_names, true);
	return -1;
}

int template_check_text(const char *text, const char *const *known_names, char **error_r)
{
	struct parse_failure failure = { .problem = PARSE_OK };
	enum parse_problem problem = check_placeholders(text, 1, known_names, &failure);

	if (problem == PARSE_OK)
		return 0;
	*error_r = failure_text(problem, &failure, known_names, false);
	return -1;
}

void template_free(struct template **t)
{
	if (*t == NULL)
		return;
	g_free((*t)->subject);
	g_free((*t)->body);
	g_free(*t);
	*t = NULL;
}

/* ----------------------------------------------------------------- render */

/* Characters a header may never carry: C0 and C1 controls, DEL, and the
 * Unicode line and paragraph separators. */
static bool is_header_breaker(gunichar c)
{
	return c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) ||
	       c == 0x2028 || c == 0x2029;
}

/* Appends value (valid UTF-8) cleaned for a header or for a body. */
static void append_clean(GString *out, const char *value, int for_header)
{
	for (const char *p = value; *p != '\0'; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);

		if (for_header) {
			if (is_header_breaker(c))
				g_string_append_c(out, ' ');
			else
				g_string_append_len(out, p, g_utf8_next_char(p) - p);
			continue;
		}
		if (c == '\r') {
			if (p[1] != '\n')
				g_string_append_c(out, '\n');
		} else if (c != '\n' && c != '\t' && is_header_breaker(c)) {
			g_string_append_c(out, ' ');
		} else {
			g_string_append_len(out, p, g_utf8_next_char(p) - p);
		}
	}
}

/* The value of name in vars, or NULL. */
static const char *lookup(const char *const *vars, const char *name, size_t name_len)
{
	if (vars == NULL)
		return NULL;
	/* A NULL value ends the list too: nothing after it is read. */
	for (size_t i = 0; vars[i] != NULL && vars[i + 1] != NULL; i += 2) {
		if (name_is(name, name_len, vars[i]))
			return vars[i + 1];
	}
	return NULL;
}

/* Valid UTF-8: s itself, or a repaired copy in *copy_r. */
static const char *valid_utf8(const char *s, char **copy_r)
{
	*copy_r = NULL;
	if (g_utf8_validate(s, -1, NULL))
		return s;
	*copy_r = g_utf8_make_valid(s, -1);
	return *copy_r;
}

/* Cuts out to at most max bytes, at a character boundary. */
static void cut_to(GString *out, size_t max)
{
	if (out->len <= max)
		return;
	const char *end = g_utf8_find_prev_char(out->str, out->str + max + 1);
	g_string_truncate(out, end != NULL ? (size_t)(end - out->str) : 0);
}

/* Appends a piece of text, stopping at the render limit. False once the
 * limit is reached. */
static bool append_bounded(GString *out, const char *piece, size_t len)
{
	if (out->len >= TEMPLATE_RENDER_MAX)
		return false;
	size_t room = TEMPLATE_RENDER_MAX - out->len;
	g_string_append_len(out, piece, MIN(len, room + 4)); /* whole characters near the cut */
	if (out->len > TEMPLATE_RENDER_MAX) {
		cut_to(out, TEMPLATE_RENDER_MAX);
		return false;
	}
	return true;
}

static bool append_value(GString *out, const char *value, int for_header)
{
	char *copy;
	const char *valid = valid_utf8(value, &copy);
	/* Cleaning never lengthens a value: only as much of it as there is
	 * room for needs cleaning. */
	size_t room = out->len < TEMPLATE_RENDER_MAX ? TEMPLATE_RENDER_MAX - out->len : 0;
	size_t take = strlen(valid);
	if (take > room) {
		const char *end = g_utf8_find_prev_char(valid, valid + room + 1);
		take = end != NULL ? (size_t)(end - valid) : 0;
	}
	char *part = g_strndup(valid, take);
	GString *clean = g_string_sized_new(take + 1);
	append_clean(clean, part, for_header);
	bool more = append_bounded(out, clean->str, clean->len);
	g_string_free(clean, TRUE);
	g_free(part);
	g_free(copy);
	return more;
}

/* Whether text starts with what may end a greeting: the end of the line
 * or a punctuation mark ("Hello {{name}}," without a name reads "Hello,"). */
static bool ends_phrase(const char *text)
{
	static const char *const marks[] = {
		",", ".", ";", ":", "!", "?", ")", "\xef\xbc\x8c" /* ， */,
		"\xe3\x80\x82" /* 。 */, "\xef\xbc\x9a" /* ： */, "\xef\xbc\x9b" /* ； */,
		"\xef\xbc\x81" /* ！ */, "\xef\xbc\x9f" /* ？ */, "\xe3\x80\x81" /* 、 */,
		"\xd8\x8c" /* Arabic comma */, NULL
	};

	if (*text == '\0' || *text == '\n' || *text == '\r')
		return true;
	for (size_t i = 0; marks[i] != NULL; i++) {
		if (g_str_has_prefix(text, marks[i]))
			return true;
	}
	return false;
}

static void drop_trailing_blanks(GString *out)
{
	while (out->len > 0 && is_blank(out->str[out->len - 1]))
		g_string_truncate(out, out->len - 1);
}

char *template_render(const char *text, const char *const *vars, int for_header)
{
	GString *out = g_string_new(NULL);
	char *copy;
	const char *p;

	if (text == NULL)
		return g_string_free(out, FALSE);
	p = valid_utf8(text, &copy);
	while (*p != '\0') {
		const char *brace = strstr(p, "{{");
		size_t plain = brace != NULL ? (size_t)(brace - p) : strlen(p);
		if (!append_bounded(out, p, plain))
			break;
		p += plain;
		if (brace == NULL)
			break;

		struct placeholder ph;
		if (!scan_placeholder(p, &ph)) {
			/* One '{' as text: "{{{name}}}" still finds its placeholder. */
			if (!append_bounded(out, p, 1))
				break;
			p++;
			continue;
		}
		p += ph.len;
		const char *value = lookup(vars, ph.name, ph.name_len);
		if (value != NULL && value[0] != '\0') {
			if (!append_value(out, value, for_header))
				break;
		} else if (ph.fallback_len > 0) {
			if (!append_bounded(out, ph.fallback, ph.fallback_len))
				break;
		} else if (ends_phrase(p)) {
			drop_trailing_blanks(out);
		}
	}
	if (for_header) {
		/* The template's own text may not break the header either. */
		GString *clean = g_string_sized_new(out->len + 1);
		append_clean(clean, out->str, 1);
		g_string_free(out, TRUE);
		out = clean;
	}
	g_free(copy);
	return g_string_free(out, FALSE);
}
