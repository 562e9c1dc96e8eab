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

/*
 * Additions (documented here, implemented in template.c):
 *
 * Placeholders: "{{", optional blanks (space, tab), a name of letters,
 * digits, '_', '-' and '.' starting with a letter or '_' (at most
 * TEMPLATE_NAME_MAX bytes), optional blanks, "}}". Names match without
 * regard to ASCII case ({{Name}} is {{name}}). template_parse() refuses a
 * "{{" that does not start a placeholder; template_render() copies it as
 * it is. Values are inserted once: a value that looks like a placeholder
 * stays text.
 *
 * A placeholder may carry a fallback after '|': "{{name|cliente}}" renders
 * "cliente" when name has no value or an empty one (blanks around the
 * fallback dropped; at most TEMPLATE_FALLBACK_MAX bytes, no braces, one
 * line). A placeholder that renders as nothing takes the blanks before it
 * along when the end of the line or a punctuation mark (, . ; : ! ? ) and
 * their CJK and Arabic forms) follows it: "Hello {{name}}," reads "Hello,".
 *
 * template_parse() also accepts a UTF-8 byte order mark and CRLF or CR line
 * ends (the body then has \n), the "Subject:" name in any case, and refuses
 * an empty subject, an empty body and text over TEMPLATE_MAX_BYTES.
 *
 * template_render() never returns NULL (text NULL renders as ""), always
 * valid UTF-8 (invalid bytes of text or values become U+FFFD), and at most
 * TEMPLATE_RENDER_MAX bytes (cut at a character boundary), however large
 * the values. A NULL value ends vars like a NULL name (that name renders
 * as ""). Without for_header, values keep their newlines (CRLF and CR
 * become \n) and tabs; other control characters become spaces.
 */
#define TEMPLATE_MAX_BYTES (64 * 1024)
#define TEMPLATE_RENDER_MAX (1024 * 1024)
#define TEMPLATE_NAME_MAX 64
#define TEMPLATE_FALLBACK_MAX 200

/* Placeholders of acknowledgement templates: subject, name, company, owner. */
extern const char *const template_ack_names[];
/* Placeholders of alert, warning, escalation and digest templates
 * (docs/TEMPLATES.md says which one uses what). */
extern const char *const template_alert_names[];
/* Placeholders of the alerts about the sheet's dates (payment due, next
 * action, silence) to people of ours. */
extern const char *const template_sheet_names[];
/* Placeholders of a payment reminder to the buyer (action =
 * remind-customer). */
extern const char *const template_reminder_names[];

/* template_parse() with the error as a new string (g_free) that says where
 * and what: "line 7: unknown placeholder {{nmae}} (known: …)".
 * template_parse()'s static error cannot name the placeholder: it says
 * "unknown placeholder". */
int template_parse_detailed(const char *text, const char *const *known_names,
                            struct template **t_r, char **error_r);

/* Checks the placeholders of a text that is not a whole template (one
 * entry of a catalogue, rules/catalog.h) as template_parse() would. 0, or
 * -1 with *error_r (g_free: "unknown placeholder {{x}} (known: …)"). */
int template_check_text(const char *text, const char *const *known_names, char **error_r);

#endif
