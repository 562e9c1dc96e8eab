#ifndef FOLLOWUP_RULES_CATALOG_H
#define FOLLOWUP_RULES_CATALOG_H
/*
 * catalog: the words of a text in one language, as a translator edits
 * them (data/template_report.txt): one entry a line, "key = text", '#'
 * starts a comment line, blank lines are skipped, {{name}} placeholders
 * as in templates (rules/template.h). A catalogue may stand on another
 * one (English) that gives every key it lacks. Pure.
 *
 * Keys: a lowercase ASCII letter, then lowercase letters, digits, '_',
 * '-' and '.', at most CATALOG_KEY_MAX bytes. The text: the rest of the
 * line after '=', blanks around it dropped; it may not be empty. UTF-8
 * (a byte order mark allowed), LF, CRLF or CR line ends, at most
 * CATALOG_MAX_BYTES.
 */
#include <stddef.h>

#define CATALOG_MAX_BYTES (64 * 1024)
#define CATALOG_KEY_MAX 64

struct catalog;

/* Parses text. fallback (may be NULL) answers for the keys text lacks;
 * the new catalogue owns it from here on, also on failure (then it is
 * freed). known_names: the placeholders a text may use (NULL-terminated).
 * 0 and *cat_r, or -1 with *error_r (g_free: "line 3: key 'x' is given
 * twice"). */
int catalog_parse(const char *text, const char *const *known_names, struct catalog *fallback,
                  struct catalog **cat_r, char **error_r);
void catalog_free(struct catalog **cat);

/* The text of key, from cat or else its fallback; NULL when neither has
 * it. Borrowed: valid until cat is freed. */
const char *catalog_get(const struct catalog *cat, const char *key);

/* The text of key with {{name}} replaced by vars (NULL-terminated name,
 * value pairs; may be NULL), rendered as a template's body is. A key that
 * no catalogue has renders as the key itself, so a missing word shows
 * rather than vanishes. New string (g_free). */
char *catalog_format(const struct catalog *cat, const char *key, const char *const *vars);

/* The keys of cat itself (not its fallback), in the order of the file,
 * NULL-terminated, borrowed. */
const char *const *catalog_keys(const struct catalog *cat);

#endif
