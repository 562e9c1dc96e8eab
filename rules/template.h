#ifndef FOLLOWUP_RULES_TEMPLATE_H
#define FOLLOWUP_RULES_TEMPLATE_H
/*
 * template: an acknowledgement (or alert) text: a "Subject:" line, a blank
 * line, then the body, UTF-8, with {{subject}}, {{name}}, {{company}} and
 * {{owner}} placeholders (and any other name the caller gives). Pure.
 */
#include <stddef.h>

struct template {
	char *subject;               /* the Subject: line's value, unrendered */
	char *body;                  /* unrendered, newlines as \n */
};

/* Parses a template file's text. 0, or -1 with *error_r (static string:
 * "the first line must be 'Subject: …'", "a blank line must follow the
 * subject", "not valid UTF-8", "unknown placeholder {{x}}" when
 * known_names (NULL-terminated) does not list it). */
int template_parse(const char *text, const char *const *known_names, struct template **t_r,
                   const char **error_r);
void template_free(struct template **t);

/* Replaces {{name}} by values (vars: NULL-terminated name, value pairs;
 * a missing value renders as ""). for_header: values have CR, LF and other
 * control characters replaced by spaces (a placeholder can never start a
 * new header), and the result too. New string. */
char *template_render(const char *text, const char *const *vars, int for_header);

#endif
