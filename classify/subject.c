/* subject: reply/forward prefix stripping for threading (see subject.h and
 * classify_subject_normalize() in classify.h). */
#include <stdbool.h>
#include <string.h>
#include <glib.h>

#include "classify/classify.h"
#include "classify/subject.h"
#include "lib/text.h"

/* Subjects longer than this are cut before normalising: bounded work for
 * hostile input, and no thread key needs more. */
#define SUBJECT_MAX_BYTES (16 * 1024)

struct prefix_word {
	const char *word;  /* casefolded and NFKC-normalised */
	enum subject_prefix kind;
};

/* Reply and forward prefixes written by mail clients in the languages of
 * export trade. Longer words sharing a start with a shorter one ("re",
 * "ref", "res") need no ordering: a word only matches when a ':' (after an
 * optional counter) follows it. "vs" is Finnish "vastaus" (reply) but
 * Danish/Norwegian "videresendt" (forward); it counts as a reply, so an
 * ambiguous message is never promoted to an inquiry. */
static const struct prefix_word prefix_words[] = {
	{ "re", SUBJECT_PREFIX_REPLY },       /* Latin "in re", most clients */
	{ "aw", SUBJECT_PREFIX_REPLY },       /* German "Antwort" */
	{ "sv", SUBJECT_PREFIX_REPLY },       /* Scandinavian "svar" */
	{ "vs", SUBJECT_PREFIX_REPLY },       /* Finnish "vastaus" */
	{ "antw", SUBJECT_PREFIX_REPLY },     /* Dutch/German "antwoord" */
	{ "odp", SUBJECT_PREFIX_REPLY },      /* Polish "odpowiedź" */
	{ "r", SUBJECT_PREFIX_REPLY },        /* Italian "risposta" */
	{ "ref", SUBJECT_PREFIX_REPLY },      /* "reference" */
	{ "res", SUBJECT_PREFIX_REPLY },      /* Portuguese "resposta" */
	{ "ynt", SUBJECT_PREFIX_REPLY },      /* Turkish "yanıt" */
	{ "απ", SUBJECT_PREFIX_REPLY },       /* Greek "απάντηση" */
	{ "отв", SUBJECT_PREFIX_REPLY },      /* Russian "ответ" */
	{ "回复", SUBJECT_PREFIX_REPLY },
	{ "回覆", SUBJECT_PREFIX_REPLY },
	{ "答复", SUBJECT_PREFIX_REPLY },
	{ "答覆", SUBJECT_PREFIX_REPLY },
	{ "회신", SUBJECT_PREFIX_REPLY },     /* Korean */
	{ "fw", SUBJECT_PREFIX_FORWARD },
	{ "fwd", SUBJECT_PREFIX_FORWARD },
	{ "wg", SUBJECT_PREFIX_FORWARD },     /* German "weitergeleitet" */
	{ "tr", SUBJECT_PREFIX_FORWARD },     /* French "transféré" */
	{ "rv", SUBJECT_PREFIX_FORWARD },     /* Spanish "reenviado" */
	{ "enc", SUBJECT_PREFIX_FORWARD },    /* Portuguese "encaminhado" */
	{ "vl", SUBJECT_PREFIX_FORWARD },     /* Finnish "välitetty" */
	{ "vb", SUBJECT_PREFIX_FORWARD },     /* Swedish "vidarebefordrat" */
	{ "doorst", SUBJECT_PREFIX_FORWARD }, /* Dutch "doorgestuurd" */
	{ "转发", SUBJECT_PREFIX_FORWARD },
	{ "轉寄", SUBJECT_PREFIX_FORWARD },
	{ "轉發", SUBJECT_PREFIX_FORWARD },
	{ "전달", SUBJECT_PREFIX_FORWARD },   /* Korean */
};

/* Tags that gateways put in front of mail from outside ("[EXT] Re: ..."). */
static const char *const external_tags[] = {
	"[ext]", "[external]", "[extern]", "[external email]",
	"[external mail]", "[external sender]",
};

static const char *skip_spaces(const char *p)
{
	while (*p == ' ')
		p++;
	return p;
}

/* After a prefix word: an optional "[n]" or "(n)" counter, then ':'.
 * Returns the text after the ':', or NULL when this is no prefix. */
static const char *skip_counter_and_colon(const char *p)
{
	if (*p == '[' || *p == '(') {
		char close = *p == '[' ? ']' : ')';
		const char *digits = ++p;
		while (g_ascii_isdigit(*p))
			p++;
		if (p == digits || *p != close)
			return NULL;
		p++;
	}
	p = skip_spaces(p);
	return *p == ':' ? p + 1 : NULL;
}

/* One prefix at p: its kind, and *rest_r after it; NONE when there is none. */
static enum subject_prefix match_prefix(const char *p, const char **rest_r)
{
	for (size_t i = 0; i < G_N_ELEMENTS(prefix_words); i++) {
		size_t len = strlen(prefix_words[i].word);
		if (strncmp(p, prefix_words[i].word, len) != 0)
			continue;
		const char *rest = skip_counter_and_colon(p + len);
		if (rest != NULL) {
			*rest_r = rest;
			return prefix_words[i].kind;
		}
	}
	return SUBJECT_PREFIX_NONE;
}

static const char *skip_external_tag(const char *p)
{
	for (size_t i = 0; i < G_N_ELEMENTS(external_tags); i++) {
		size_t len = strlen(external_tags[i]);
		if (strncmp(p, external_tags[i], len) == 0)
			return p + len;
	}
	return NULL;
}

/* Skips the chain of prefixes and tags at the start of a folded subject;
 * *first_r gets the kind of the first prefix. */
static const char *skip_prefix_chain(const char *p, enum subject_prefix *first_r)
{
	*first_r = SUBJECT_PREFIX_NONE;
	for (;;) {
		const char *rest = NULL;
		p = skip_spaces(p);
		if ((rest = skip_external_tag(p)) != NULL) {
			p = rest;
			continue;
		}
		enum subject_prefix kind = match_prefix(p, &rest);
		if (kind == SUBJECT_PREFIX_NONE)
			return p;
		if (*first_r == SUBJECT_PREFIX_NONE)
			*first_r = kind;
		p = rest;
	}
}

/* Case-folded, NFKC-normalised subject with every whitespace run one
 * space: the form both prefix matching and thread keys use. Full-width
 * "ＲＥ：" becomes "re:" here. */
static char *fold_subject(const char *subject)
{
	size_t len = text_prefix_length(subject, SUBJECT_MAX_BYTES);

	char *valid = g_utf8_make_valid(subject, (gssize)len);
	char *compat = g_utf8_normalize(valid, -1, G_NORMALIZE_NFKC);
	char *folded = g_utf8_casefold(compat, -1);
	char *normal = g_utf8_normalize(folded, -1, G_NORMALIZE_NFKC);

	GString *out = g_string_sized_new(strlen(normal));
	bool pending_space = false;
	for (const char *p = normal; *p != '\0'; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		if (!text_fold_blank(out, c, &pending_space))
			g_string_append_unichar(out, c);
	}

	g_free(valid);
	g_free(compat);
	g_free(folded);
	g_free(normal);
	return g_string_free(out, FALSE);
}

enum subject_prefix subject_first_prefix(const char *subject)
{
	if (subject == NULL)
		return SUBJECT_PREFIX_NONE;

	enum subject_prefix first;
	char *folded = fold_subject(subject);
	(void)skip_prefix_chain(folded, &first);
	g_free(folded);
	return first;
}

char *classify_subject_normalize(const char *subject)
{
	if (subject == NULL)
		return g_strdup("");

	enum subject_prefix first;
	char *folded = fold_subject(subject);
	char *stripped = g_strdup(skip_prefix_chain(folded, &first));
	g_free(folded);
	return stripped;
}

bool classify_subject_is_reply(const char *subject)
{
	return subject_first_prefix(subject) == SUBJECT_PREFIX_REPLY;
}
