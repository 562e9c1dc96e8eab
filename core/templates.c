/* templates: the default and per-language template files of a rule (see
 * templates.h). Reads files; the parsing is rules/template.c's, the set
 * and the choice of a language rules/template_set.c's. */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <glib.h>

#include "core/templates.h"
#include "lib/file.h"

static const char template_suffix[] = ".txt";

/* ------------------------------------------------------------------- files */

/* The whole file, NUL-terminated, when it is a regular file of at most
 * TEMPLATE_MAX_BYTES without NUL bytes; else NULL and *error_r. */
static char *read_template_file(const char *path, char **error_r)
{
	char *text = NULL;
	size_t len = 0;
	int rc = file_read_all(path, TEMPLATE_MAX_BYTES, &text, &len, NULL);

	if (rc == FILE_ERR_TOO_LARGE) {
		*error_r = g_strdup_printf("%s: longer than %d KiB", path, TEMPLATE_MAX_BYTES / 1024);
		return NULL;
	}
	if (rc == FILE_ERR_NOT_REGULAR || rc == -EISDIR) {
		*error_r = g_strdup_printf("%s: not a regular file", path);
		return NULL;
	}
	if (rc < 0) {
		*error_r = g_strdup_printf("%s: cannot open: %s", path, file_error_text(rc));
		return NULL;
	}
	if (strlen(text) != len) {
		*error_r = g_strdup_printf("%s: contains a NUL byte (is it UTF-16? save it as UTF-8)",
		                           path);
		g_clear_pointer(&text, g_free);
	}
	return text;
}

static int load_template(const char *path, const char *const *known_names,
                         struct template **t_r, char **error_r)
{
	char *parse_error = NULL;
	char *text = read_template_file(path, error_r);
	int ret = -1;

	if (text == NULL)
		goto out;
	if (template_parse_detailed(text, known_names, t_r, &parse_error) != 0) {
		*error_r = g_strdup_printf("%s: %s", path, parse_error);
		goto out;
	}
	ret = 0;
out:
	g_free(parse_error);
	g_free(text);
	return ret;
}

/* ----------------------------------------------------------- the languages */

/* "ack.de.txt" for prefix "ack": "de" into code_r. */
static bool language_file_name(const char *file, const char *prefix, char code_r[3])
{
	size_t prefix_len = strlen(prefix);

	if (strncmp(file, prefix, prefix_len) != 0)
		return false;
	const char *rest = file + prefix_len;
	if (rest[0] != '.' || !g_ascii_islower(rest[1]) || !g_ascii_islower(rest[2]) ||
	    strcmp(rest + 3, template_suffix) != 0)
		return false;
	code_r[0] = rest[1];
	code_r[1] = rest[2];
	code_r[2] = '\0';
	return true;
}

static int load_languages(struct template_set *set, const char *dir, const char *prefix,
                          const char *const *known_names, char **error_r)
{
	GError *gerr = NULL;
	GDir *listing = g_dir_open(dir, 0, &gerr);
	const char *file;
	int ret = -1;

	if (listing == NULL) {
		*error_r = g_strdup_printf("%s: cannot list the templates: %s", dir, gerr->message);
		goto out;
	}
	while ((file = g_dir_read_name(listing)) != NULL) {
		struct template *t = NULL;
		char code[3];
		if (!language_file_name(file, prefix, code))
			continue;
		char *path = g_build_filename(dir, file, NULL);
		int loaded = load_template(path, known_names, &t, error_r);
		/* A directory lists a name once: a second template of a
		 * language cannot come from it. */
		if (loaded == 0 && template_set_add(set, code, t) != 0) {
			*error_r = g_strdup_printf("%s: a second template for '%s'", path, code);
			loaded = -1;
		}
		g_free(path);
		if (loaded != 0)
			goto out;
	}
	ret = 0;
out:
	if (listing != NULL)
		g_dir_close(listing);
	g_clear_error(&gerr);
	return ret;
}

int template_set_load_names(const char *base, const char *const *known_names,
                            struct template_set **set_r, char **error_r)
{
	struct template_set *set = NULL;
	struct template *fallback = NULL;
	char *stem = NULL, *dir = NULL, *prefix = NULL, *fallback_path = NULL;
	int ret = -1;

	*set_r = NULL;
	if (base == NULL || base[0] == '\0') {
		*error_r = g_strdup("no template path given (template = /etc/followup/templates/ack)");
		goto out;
	}
	stem = g_str_has_suffix(base, template_suffix) ?
	       g_strndup(base, strlen(base) - strlen(template_suffix)) : g_strdup(base);
	dir = g_path_get_dirname(stem);
	prefix = g_path_get_basename(stem);
	fallback_path = g_strconcat(stem, template_suffix, NULL);

	if (load_template(fallback_path, known_names, &fallback, error_r) != 0)
		goto out;
	set = template_set_new(fallback);
	if (load_languages(set, dir, prefix, known_names, error_r) != 0)
		goto out;
	*set_r = set;
	set = NULL;
	ret = 0;
out:
	template_set_free(&set);
	g_free(fallback_path);
	g_free(prefix);
	g_free(dir);
	g_free(stem);
	return ret;
}

int template_set_load(const char *base, struct template_set **set_r, char **error_r)
{
	return template_set_load_names(base, template_ack_names, set_r, error_r);
}
