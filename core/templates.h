#ifndef FOLLOWUP_CORE_TEMPLATES_H
#define FOLLOWUP_CORE_TEMPLATES_H
/*
 * templates: the files of an acknowledgement rule. template = /etc/…/ack
 * means ack.txt (the default, required) and ack.LL.txt per language (ISO
 * 639-1: ack.de.txt, ack.es.txt, ack.zh.txt …), read at load time into a
 * struct template_set (rules/template_set.h: the choice of a language).
 */
#include "rules/template.h"
#include "rules/template_set.h"

/* 0, or -1 with *error_r (g_free) naming the file and what is wrong. The
 * caller owns *set_r (template_set_free). */
int template_set_load(const char *base, struct template_set **set_r, char **error_r);

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
 */
int template_set_load_names(const char *base, const char *const *known_names,
                            struct template_set **set_r, char **error_r);

#endif
