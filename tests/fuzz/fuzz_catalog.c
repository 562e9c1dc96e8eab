/*
 * libFuzzer target for catalogues (rules/catalog.c), the key = text
 * files of the report's words. The input is a base catalogue, then after
 * the first NUL byte a translation that stands on it, then after the next
 * NUL a value given to every placeholder.
 *
 * Properties: a parse either gives a catalogue or an error, never both;
 * every key listed is found, its text one line of valid UTF-8 without
 * blanks at either end; a translation answers for every key of the base;
 * a formatted text is valid UTF-8 and bounded, whatever the value.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>

#include "rules/catalog.h"
#include "rules/template.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const names[] = { "days", "count", "company", NULL };

/* The next NUL-terminated part of [*p, end), as a new string. */
static char *take_part(const uint8_t **p, const uint8_t *end)
{
	size_t len = strnlen((const char *)*p, (size_t)(end - *p));
	char *part = g_strndup((const char *)*p, len);

	*p += MIN(len + 1, (size_t)(end - *p));
	return part;
}

static void check_entries(const struct catalog *cat, const char *value)
{
	const char *const vars[] = { "days", value, "count", value, "company", value, NULL };

	for (const char *const *k = catalog_keys(cat); *k != NULL; k++) {
		const char *text = catalog_get(cat, *k);
		size_t len = text != NULL ? strlen(text) : 0;
		if (text == NULL || len == 0 || strchr(text, '\n') != NULL ||
		    strchr(text, '\r') != NULL || !g_utf8_validate(text, -1, NULL) ||
		    text[0] == ' ' || text[0] == '\t' || text[len - 1] == ' ' || text[len - 1] == '\t')
			abort();
		char *out = catalog_format(cat, *k, vars);
		if (strlen(out) > TEMPLATE_RENDER_MAX || !g_utf8_validate(out, -1, NULL))
			abort();
		g_free(out);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *p = data, *end = data + size;
	struct catalog *base = NULL, *other = NULL;
	char *error = NULL;

	if (size > 256 * 1024)
		return 0;
	char *base_text = take_part(&p, end);
	char *other_text = take_part(&p, end);
	char *value = take_part(&p, end);

	if (catalog_parse(base_text, names, NULL, &base, &error) != 0) {
		if (base != NULL || error == NULL)
			abort();
		g_free(error);
		goto out;
	}
	check_entries(base, value);
	/* a copy of base to stand on, as English stands under Chinese */
	struct catalog *under = NULL;
	if (catalog_parse(base_text, names, NULL, &under, &error) != 0)
		abort();
	if (catalog_parse(other_text, names, under, &other, &error) != 0) {
		if (other != NULL || error == NULL)
			abort();
		g_free(error);
		goto out;
	}
	check_entries(other, value);
	for (const char *const *k = catalog_keys(base); *k != NULL; k++) {
		if (catalog_get(other, *k) == NULL)
			abort();
	}
out:
	catalog_free(&base);
	catalog_free(&other);
	g_free(base_text);
	g_free(other_text);
	g_free(value);
	return 0;
}
