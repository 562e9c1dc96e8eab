#ifndef FOLLOWUP_CORE_TEMPLATES_H
#define FOLLOWUP_CORE_TEMPLATES_H
/*
 * templates: the files of an acknowledgement rule. template = /etc/…/ack
 * means ack.txt (the default, required) and ack.LL.txt per language (ISO
 * 639-1: ack.de.txt, ack.es.txt, ack.zh.txt …), read at load time.
 */
#include "rules/template.h"

struct template_set;

/* 0, or -1 with *error_r (g_free) naming the file and what is wrong. */
int template_set_load(const char *base, struct template_set **set_r, char **error_r);
void template_set_free(struct template_set **set);
/* The template for language (NULL or unknown: the default), and in
 * *used_language_r the language chosen ("" for the default). */
const struct template *template_set_pick(const struct template_set *set, const char *language,
                                         const char **used_language_r);
/* Languages with a template of their own, NULL-terminated (borrowed). */
const char *const *template_set_languages(const struct template_set *set);

/*
 * Additions:
 *
 * template_set_load() checks the placeholders against template_ack_names
 * (rules/template.h); template_set_load_names() takes the list (NULL: any
 * name), e.g. template_alert_names for .../alert. A base written with its
 * ".txt" ("…/ack.txt") means the same as without. Language files are
 * "BASE.LL.txt" with LL two lowercase ASCII letters; other files in the
 * directory are ignored. Each file must be a regular file of at most
 * TEMPLATE_MAX_BYTES without NUL bytes. Errors look like
 *   "/etc/followup/templates/ack.de.txt: line 5: unknown placeholder {{nmae}} (…)".
 * template_set_pick() reads "pt-BR", "pt_BR" and "PT" as "pt"; used_language_r
 * may be NULL.
 */
int template_set_load_names(const char *base, const char *const *known_names,
                            struct template_set **set_r, char **error_r);

#endif
