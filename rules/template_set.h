#ifndef FOLLOWUP_RULES_TEMPLATE_SET_H
#define FOLLOWUP_RULES_TEMPLATE_SET_H
/*
 * template_set: the templates of an acknowledgement rule (a default and
 * one per language) and which one an inquiry gets. Pure: core/templates.c
 * reads the files and fills a set.
 */
#include "rules/template.h"

struct template_set;

/* A set whose default is fallback. The set owns fallback (may be NULL:
 * then template_set_pick() finds no default). */
struct template_set *template_set_new(struct template *fallback);
/* Adds the template of language code, two lowercase ASCII letters ("de").
 * The set owns t from here on, also when it refuses it: -1 (t freed) when
 * the code is not such a code or the set has that language already. */
int template_set_add(struct template_set *set, const char *code, struct template *t);
void template_set_free(struct template_set **set);

/* The template for language (NULL or unknown: the default), and in
 * *used_language_r the language chosen ("" for the default; may be NULL).
 * "pt-BR", "pt_BR" and "PT" are read as "pt". NULL when set is NULL. */
const struct template *template_set_pick(const struct template_set *set, const char *language,
                                         const char **used_language_r);
/* Languages with a template of their own, sorted, NULL-terminated
 * (borrowed: valid until the set changes). */
const char *const *template_set_languages(const struct template_set *set);

#endif
