/* report_words: the report's catalogues, English under each translation
 * (see report_words.h). */
#include <string.h>
#include <glib.h>

#include "core/report_words.h"
#include "data/builtin.h"

const char *const core_report_words_languages[] = { "en", "zh", NULL };

const char *const core_report_words_names[] = {
	"company", "date", "from", "to", "zone", "now", "days", "count", "share", "num", "den",
	"due", "late", "customer", "subject", "state", "rule", NULL
};

const char *core_report_words_source(const char *code)
{
	if (code == NULL)
		return NULL;
	if (strcmp(code, "en") == 0)
		return builtin_template_report;
	if (strcmp(code, "zh") == 0)
		return builtin_template_report_zh;
	return NULL;
}

const char *core_report_words_language(const char *language)
{
	if (language == NULL || !g_ascii_isalpha(language[0]) || !g_ascii_isalpha(language[1]) ||
	    (language[2] != '\0' && language[2] != '-' && language[2] != '_'))
		return NULL;
	for (size_t i = 0; core_report_words_languages[i] != NULL; i++) {
		const char *code = core_report_words_languages[i];
		if (g_ascii_strncasecmp(language, code, 2) == 0)
			return code;
	}
	return NULL;
}

int core_report_words_load(const char *code, struct catalog **cat_r, char **error_r)
{
	struct catalog *english = NULL;
	char *error = NULL;
	int ret = -1;

	code = core_report_words_language(code);
	if (code == NULL)
		code = "en";
	if (catalog_parse(builtin_template_report, core_report_words_names, NULL, &english,
	                  &error) < 0)
		goto out;
	if (strcmp(code, "en") == 0) {
		*cat_r = english;
		english = NULL;
		ret = 0;
		goto out;
	}
	/* the translation owns English from here on, also when it fails */
	ret = catalog_parse(core_report_words_source(code), core_report_words_names, english,
	                    cat_r, &error);
	english = NULL;
out:
	if (ret < 0)
		*error_r = g_strdup_printf("the report's built-in words (%s) are broken: %s", code,
		                           error);
	catalog_free(&english);
	g_free(error);
	return ret;
}
