/* catalog: key = text lines, with a fallback catalogue (see catalog.h).
 * Pure. */
#include <stdbool.h>
#include <string.h>
#include <glib.h>

#include "rules/catalog.h"
#include "rules/template.h"
#include "lib/lines.h"

struct catalog {
	GHashTable *texts;           /* key -> text, both owned */
	GPtrArray *keys;             /* borrowed from texts, file order, NULL-terminated */
	struct catalog *fallback;    /* owned, may be NULL */
};

static bool is_blank(char c)
{
	return c == ' ' || c == '\t';
}

static bool is_key_char(char c)
{
	return g_ascii_islower(c) || g_ascii_isdigit(c) || c == '_' || c == '-' || c == '.';
}

/* The blanks-trimmed part [start, end). */
static void trim(const char **start, const char **end)
{
	while (*start < *end && is_blank(**start))
		(*start)++;
	while (*end > *start && is_blank((*end)[-1]))
		(*end)--;
}

/* One line that is neither blank nor a comment: "key = text". */
static int parse_entry(struct catalog *cat, const char *line, const char *const *known_names,
                       char **error_r)
{
	const char *p = line, *end = line + strlen(line);
	char *key = NULL, *text = NULL, *problem = NULL;
	int ret = -1;

	trim(&p, &end);
	const char *key_start = p;
	if (!g_ascii_islower(*p)) {
		*error_r = g_strdup("an entry must start with a key (a lowercase letter), then '='");
		goto out;
	}
	while (p < end && is_key_char(*p))
		p++;
	if ((size_t)(p - key_start) > CATALOG_KEY_MAX) {
		*error_r = g_strdup_printf("a key is longer than %d bytes", CATALOG_KEY_MAX);
		goto out;
	}
	key = g_strndup(key_start, (size_t)(p - key_start));
	while (p < end && is_blank(*p))
		p++;
	if (p == end || *p != '=') {
		*error_r = g_strdup_printf("'=' must follow the key '%s'", key);
		goto out;
	}
	p++;
	trim(&p, &end);
	if (p == end) {
		*error_r = g_strdup_printf("the key '%s' has no text", key);
		goto out;
	}
	text = g_strndup(p, (size_t)(end - p));
	if (template_check_text(text, known_names, &problem) < 0) {
		*error_r = g_strdup_printf("%s: %s", key, problem);
		goto out;
	}
	if (g_hash_table_contains(cat->texts, key)) {
		*error_r = g_strdup_printf("the key '%s' is given twice", key);
		goto out;
	}
	g_hash_table_insert(cat->texts, key, text);
	g_ptr_array_insert(cat->keys, (gint)cat->keys->len - 1, key);
	key = text = NULL;
	ret = 0;
out:
	g_free(key);
	g_free(text);
	g_free(problem);
	return ret;
}

static struct catalog *catalog_new(struct catalog *fallback)
{
	struct catalog *cat = g_new0(struct catalog, 1);

	cat->texts = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	cat->keys = g_ptr_array_new();
	g_ptr_array_add(cat->keys, NULL);
	cat->fallback = fallback;
	return cat;
}

int catalog_parse(const char *text, const char *const *known_names, struct catalog *fallback,
                  struct catalog **cat_r, char **error_r)
{
	struct catalog *cat = catalog_new(fallback);
	GString *normal = NULL;
	char **lines = NULL, *error = NULL;
	size_t n = 0;
	int ret = -1;

	*cat_r = NULL;
	if (text == NULL || strlen(text) > CATALOG_MAX_BYTES) {
		*error_r = g_strdup_printf("the catalogue is missing or longer than %d KiB",
		                           CATALOG_MAX_BYTES / 1024);
		goto out;
	}
	if (!g_utf8_validate(text, -1, NULL)) {
		*error_r = g_strdup("not valid UTF-8");
		goto out;
	}
	normal = g_string_new(NULL);
	lines_append_lf(normal, g_str_has_prefix(text, "\xEF\xBB\xBF") ? text + 3 : text);
	lines = lines_split(normal->str, normal->len, &n);
	for (size_t i = 0; i < n; i++) {
		const char *p = lines[i];
		while (is_blank(*p))
			p++;
		if (*p == '\0' || *p == '#')
			continue;
		if (parse_entry(cat, p, known_names, &error) < 0) {
			*error_r = g_strdup_printf("line %zu: %s", i + 1, error);
			goto out;
		}
	}
	*cat_r = cat;
	cat = NULL;
	ret = 0;
out:
	catalog_free(&cat);
	g_strfreev(lines);
	if (normal != NULL)
		g_string_free(normal, TRUE);
	g_free(error);
	return ret;
}

void catalog_free(struct catalog **cat)
{
	struct catalog *c = *cat;

	if (c == NULL)
		return;
	catalog_free(&c->fallback);
	g_ptr_array_free(c->keys, TRUE);
	g_hash_table_destroy(c->texts);
	g_free(c);
	*cat = NULL;
}

const char *catalog_get(const struct catalog *cat, const char *key)
{
	for (; cat != NULL; cat = cat->fallback) {
		const char *text = g_hash_table_lookup(cat->texts, key);
		if (text != NULL)
			return text;
	}
	return NULL;
}

char *catalog_format(const struct catalog *cat, const char *key, const char *const *vars)
{
	static const char *const none[] = { NULL };
	const char *text = catalog_get(cat, key);

	return template_render(text != NULL ? text : key, vars != NULL ? vars : none, 0);
}

const char *const *catalog_keys(const struct catalog *cat)
{
	return (const char *const *)cat->keys->pdata;
}
