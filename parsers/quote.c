/*
 * quote: see quote.h. The knowledge is in quote_rules[]; the code only
 * walks lines and applies it.
 */
#include "parsers/quote.h"

#include <stdbool.h>
#include <string.h>
#include <glib.h>

#include "parsers/charset.h"

/* How many following non-blank lines may hold the second header of a
 * quoted header block (the first one is sometimes wrapped). */
#define HEADER_PAIR_WINDOW 3

enum quote_rule_kind {
	QUOTE_LINE,         /* the line matches `pattern` */
	QUOTE_WRAPPED,      /* the line, or the line joined with the next one */
	QUOTE_HEADER_PAIR,  /* `pattern`, then `second` within the window */
};

struct quote_rule {
	enum quote_rule_kind kind;
	const char *needle;   /* lowercase literal a matching line contains */
	const char *pattern;  /* GRegex, caseless, UTF-8 */
	const char *second;   /* QUOTE_HEADER_PAIR only */
};

/*
 * Every pattern is anchored and has at most one bounded ".{m,n}" before a
 * literal, so matching a line costs at most a few hundred steps.
 */
static const struct quote_rule quote_rules[] = {
	/* Signature separator (RFC 3676 4.3): exactly dash, dash, space. */
	{ QUOTE_LINE, "-- ", "^-- \\r?$", NULL },

	/* Attribution lines, as mailers write them per language. */
	{ QUOTE_WRAPPED, "wrote", "^\\s*On\\s.{1,300}\\swrote\\s*:\\s*$", NULL },
	{ QUOTE_WRAPPED, "schrieb", "^\\s*Am\\s.{1,300}\\sschrieb(\\s.{0,300})?:\\s*$", NULL },
	{ QUOTE_WRAPPED, "escribi", "^\\s*El\\s.{1,300}\\sescribió\\s*:\\s*$", NULL },
	{ QUOTE_WRAPPED, "crit", "^\\s*Le\\s.{1,300}\\sa\\s+écrit\\s*:\\s*$", NULL },
	{ QUOTE_WRAPPED, "escreveu", "^\\s*Em\\s.{1,300}\\sescreveu\\s*:\\s*$", NULL },
	{ QUOTE_WRAPPED, "schreef", "^\\s*Op\\s.{1,300}\\sschreef(\\s.{0,300})?:\\s*$", NULL },
	{ QUOTE_WRAPPED, "scritto", "^\\s*Il\\s.{1,300}\\sha\\s+scritto\\s*:\\s*$", NULL },
	/* Gmail (zh) "<name> 于2024年1月5日周五 10:00写道：", 163 "在 2024-01-05 ...写道：";
	 * a date (a digit) distinguishes them from prose. */
	{ QUOTE_WRAPPED, "写道", "^(?=.*\\d).{0,300}写道\\s*[:：]\\s*$", NULL },

	/* Separators before quoted or forwarded messages. */
	{ QUOTE_LINE, "--", "^\\s*-{2,}\\s*(Original Message|Ursprüngliche Nachricht|"
	  "Mensaje original|Message d'origine|Mensagem original|Messaggio originale|"
	  "Oorspronkelijk bericht|Original)\\s*-{2,}\\s*$", NULL },
	/* QQ Mail / Foxmail / 163. */
	{ QUOTE_LINE, "--", "^\\s*-{2,}\\s*(原始邮件|回复的原邮件|原始郵件)\\s*-{2,}\\s*$", NULL },
	/* Gmail "---------- Forwarded message ---------" and its kin:
	 * what is above the marker is the new text. */
	{ QUOTE_LINE, "--", "^\\s*-{2,}\\s*(Forwarded message|Mensaje reenviado|"
	  "Weitergeleitete Nachricht|Message transféré|Mensagem encaminhada|"
	  "Messaggio inoltrato|Doorgestuurd bericht|转发的邮件|転送されたメッセージ)"
	  "\\s*-{2,}\\s*$", NULL },
	{ QUOTE_LINE, "forwarded", "^\\s*Begin forwarded message\\s*:\\s*$", NULL },

	/* Quoted header blocks (Outlook and webmails): From: ... Sent: ... */
	{ QUOTE_LINE, "sent", "^\\s*\\*?From\\s*:.{1,300}\\sSent\\s*:\\s", NULL },
	{ QUOTE_HEADER_PAIR, "from", "^\\s*\\*?From\\s*:\\*?\\s", "^\\s*\\*?(Sent|Date)\\s*:" },
	{ QUOTE_HEADER_PAIR, "von", "^\\s*\\*?Von\\s*:\\*?\\s", "^\\s*\\*?(Gesendet|Datum)\\s*:" },
	{ QUOTE_HEADER_PAIR, "de", "^\\s*\\*?De\\s*:\\*?\\s",
	  "^\\s*\\*?(Envoyé|Enviado|Enviada|Date|Fecha|Data)(\\s+(el|em|le))?\\s*:" },
	{ QUOTE_HEADER_PAIR, "发件人", "^\\s*发件人\\s*[:：]", "^\\s*(发送时间|时间|日期)\\s*[:：]" },
	{ QUOTE_HEADER_PAIR, "寄件者", "^\\s*寄件者\\s*[:：]", "^\\s*(寄件日期|日期)\\s*[:：]" },
};

struct compiled_rule {
	const struct quote_rule *rule;
	GRegex *first;
	GRegex *second;
};

static GRegex *compile(const char *pattern)
{
	if (pattern == NULL)
		return NULL;
	return g_regex_new(pattern, G_REGEX_CASELESS, 0, NULL);
}

static struct compiled_rule *compile_rules(void)
{
	struct compiled_rule *rules = g_new0(struct compiled_rule,
	                                     G_N_ELEMENTS(quote_rules));

	for (size_t i = 0; i < G_N_ELEMENTS(quote_rules); i++) {
		rules[i].rule = &quote_rules[i];
		rules[i].first = compile(quote_rules[i].pattern);
		rules[i].second = compile(quote_rules[i].second);
	}
	return rules;
}

static void free_rules(struct compiled_rule *rules)
{
	for (size_t i = 0; i < G_N_ELEMENTS(quote_rules); i++) {
		if (rules[i].first != NULL)
			g_regex_unref(rules[i].first);
		if (rules[i].second != NULL)
			g_regex_unref(rules[i].second);
	}
	g_free(rules);
}

static bool is_blank(const char *line)
{
	for (const char *p = line; *p != '\0'; p++) {
		if (!g_ascii_isspace(*p))
			return false;
	}
	return true;
}

static bool matches(GRegex *re, const char *line)
{
	return re != NULL && strlen(line) <= QUOTE_MAX_LINE_LEN &&
	       g_regex_match(re, line, 0, NULL);
}

static bool contains_needle(const struct quote_rule *rule, const char *lower)
{
	return rule->needle == NULL || strstr(lower, rule->needle) != NULL;
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

static bool rule_matches_at(const struct compiled_rule *cr, char **lines,
                            size_t n, size_t i)
{
	long j;

	switch (cr->rule->kind) {
	case QUOTE_LINE:
		return matches(cr->first, lines[i]);
	case QUOTE_WRAPPED:
		if (matches(cr->first, lines[i]))
			return true;
		if (i + 1 < n && !is_blank(lines[i + 1])) {
			char *joined = g_strconcat(lines[i], " ", lines[i + 1], NULL);
			bool res = matches(cr->first, joined);

			g_free(joined);
			return res;
		}
		return false;
	case QUOTE_HEADER_PAIR:
		if (!matches(cr->first, lines[i]))
			return false;
		j = (long)i;
		for (int k = 0; k < HEADER_PAIR_WINDOW; k++) {
			j = next_nonblank(lines, n, (size_t)j);
			if (j < 0)
				return false;
			if (matches(cr->second, lines[j]))
				return true;
		}
		return false;
	}
	return false;
}

/* The line in ASCII lowercase for the needle tests; NULL when it is too
 * long to be a marker. */
static char *lowered(const char *line)
{
	if (line == NULL || strlen(line) > QUOTE_MAX_LINE_LEN)
		return NULL;
	return g_ascii_strdown(line, -1);
}

static bool is_candidate(const struct quote_rule *rule, const char *lower,
                         const char *lower_next)
{
	if (lower != NULL && contains_needle(rule, lower))
		return true;
	/* A wrapped attribution may have its keyword on the next line. */
	return rule->kind == QUOTE_WRAPPED && lower_next != NULL &&
	       contains_needle(rule, lower_next);
}

/* Index of the first line where the history starts, or n. */
static size_t find_cut(char **lines, size_t n)
{
	struct compiled_rule *rules = compile_rules();
	size_t limit = n < QUOTE_MAX_LINES ? n : QUOTE_MAX_LINES;
	size_t cut = n;
	char *lower = limit > 0 ? lowered(lines[0]) : NULL;

	for (size_t i = 0; i < limit && cut == n; i++) {
		char *lower_next = i + 1 < n ? lowered(lines[i + 1]) : NULL;

		for (size_t r = 0; lower != NULL && r < G_N_ELEMENTS(quote_rules); r++) {
			if (is_candidate(&quote_rules[r], lower, lower_next) &&
			    rule_matches_at(&rules[r], lines, n, i)) {
				cut = i;
				break;
			}
		}
		g_free(lower);
		lower = lower_next;
	}
	g_free(lower);
	free_rules(rules);
	return cut;
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

char *quote_cut(const char *text)
{
	char *valid = NULL;
	char **lines;
	size_t n, end;
	GString *out;

	if (text == NULL)
		return g_strdup("");
	if (!charset_is_valid_utf8(text, strlen(text)))
		text = valid = charset_make_valid(text, strlen(text));
	lines = g_strsplit(text, "\n", -1);
	n = g_strv_length(lines);

	end = find_cut(lines, n);
	while (end > 0 && is_trailing_junk(lines[end - 1]))
		end--;

	out = g_string_new(NULL);
	for (size_t i = 0; i < end; i++) {
		if (i > 0)
			g_string_append_c(out, '\n');
		g_string_append(out, lines[i]);
	}
	g_strfreev(lines);
	if (is_blank(out->str)) {
		g_string_assign(out, text);
	}
	g_free(valid);
	return g_string_free(out, FALSE);
}
