/* template_set: a default template and one per language, and the choice
 * among them (see template_set.h). Pure. */
#include <stdbool.h>
#include <string.h>
#include <glib.h>

#include "rules/template_set.h"

struct language_template {
	char code[3];
	struct template *template;
};

struct template_set {
	struct template *fallback;
	GArray *by_language;         /* struct language_template, sorted by code */
	const char **languages;      /* NULL-terminated, codes borrowed from by_language */
};

struct template_set *template_set_new(struct template *fallback)
{
	struct template_set *set = g_new0(struct template_set, 1);

	set->fallback = fallback;
	set->by_language = g_array_new(FALSE, TRUE, sizeof(struct language_template));
	set->languages = g_new0(const char *, 1);
	return set;
}

/* The codes point into by_language, which moves when it grows: made again
 * after every change. */
static void index_languages(struct template_set *set)
{
	g_free(set->languages);
	set->languages = g_new0(const char *, set->by_language->len + 1);
	for (guint i = 0; i < set->by_language->len; i++)
		set->languages[i] = g_array_index(set->by_language, struct language_template, i).code;
}

int template_set_add(struct template_set *set, const char *code, struct template *t)
{
	struct language_template entry = { .template = t };
	guint at = 0;

	if (code == NULL || !g_ascii_islower(code[0]) || !g_ascii_islower(code[1]) ||
	    code[2] != '\0')
		goto refuse;
	for (; at < set->by_language->len; at++) {
		int cmp = strcmp(g_array_index(set->by_language, struct language_template, at).code,
		                 code);
		if (cmp == 0)
			goto refuse;
		if (cmp > 0)
			break;
	}
	memcpy(entry.code, code, sizeof(entry.code));
	g_array_insert_val(set->by_language, at, entry);
	index_languages(set);
	return 0;
refuse:
	template_free(&t);
	return -1;
}

void template_set_free(struct template_set **set)
{
	if (*set == NULL)
		return;
	template_free(&(*set)->fallback);
	for (guint i = 0; i < (*set)->by_language->len; i++)
		template_free(&g_array_index((*set)->by_language, struct language_template, i).template);
	g_array_free((*set)->by_language, TRUE);
	g_free((*set)->languages);
	g_free(*set);
	*set = NULL;
}

/* "pt-BR", "pt_BR", "PT" -> "pt"; false when it is no two-letter code. */
static bool language_code(const char *language, char code_r[3])
{
	if (language == NULL || !g_ascii_isalpha(language[0]) || !g_ascii_isalpha(language[1]))
		return false;
	if (language[2] != '\0' && language[2] != '-' && language[2] != '_')
		return false;
	code_r[0] = g_ascii_tolower(language[0]);
	code_r[1] = g_ascii_tolower(language[1]);
	code_r[2] = '\0';
	return true;
}

const struct template *template_set_pick(const struct template_set *set, const char *language,
                                         const char **used_language_r)
{
	char code[3];

	if (used_language_r != NULL)
		*used_language_r = "";
	if (set == NULL)
		return NULL;
	if (language_code(language, code)) {
		for (guint i = 0; i < set->by_language->len; i++) {
			const struct language_template *entry =
				&g_array_index(set->by_language, struct language_template, i);
			if (strcmp(entry->code, code) == 0) {
				if (used_language_r != NULL)
					*used_language_r = entry->code;
				return entry->template;
			}
		}
	}
	return set->fallback;
}

const char *const *template_set_languages(const struct template_set *set)
{
	static const char *const none[] = { NULL };

	if (set == NULL)
		return none;
	return set->languages;
}
