#ifndef FOLLOWUP_CORE_REPORT_WORDS_H
#define FOLLOWUP_CORE_REPORT_WORDS_H
/*
 * report_words: the manager's report's words in the languages it is
 * shipped in (data/template_report.txt, English, and
 * data/template_report.LL.txt), as catalogues (rules/catalog.h) that
 * stand on the English one, and which language a person or an option
 * gets. No I/O: the texts are compiled in.
 */
#include "rules/catalog.h"

/* The shipped languages, ISO 639-1, English first, NULL-terminated. */
extern const char *const core_report_words_languages[];
/* The placeholders a report text may use. */
extern const char *const core_report_words_names[];

/* The shipped language that language names ("zh", "ZH", "zh-CN",
 * "zh_TW" are "zh"), or NULL when the report is not shipped in it (or
 * language is NULL). Static string. */
const char *core_report_words_language(const char *language);

/* The shipped text of code (a core_report_words_languages entry), or
 * NULL. Static. */
const char *core_report_words_source(const char *code);

/* The words of code (NULL or not shipped: English), the keys a
 * translation lacks taken from English. 0 and *cat_r (catalog_free), or
 * -1 with *error_r (g_free) when a shipped text is broken. */
int core_report_words_load(const char *code, struct catalog **cat_r, char **error_r);

#endif
