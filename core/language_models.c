/* language_models: reads the fingerprint files of the candidate languages
 * (see language_models.h). */
#include <stdbool.h>
#include <string.h>
#include <glib.h>
#include <fingerprint.h>

#include "core/language_models.h"
#include "lib/file.h"

/* n-grams kept per fingerprint: libexttextcat's files hold 400. */
#define MODEL_NGRAMS_MAX 400
/* A fingerprint file is a few KiB; anything much larger is not one. */
#define MODEL_FILE_MAX_BYTES (1024 * 1024)
/* Fewer n-grams than this and the file cannot tell languages apart. */
#define MODEL_MIN_NGRAMS 100

#define INSTALL_HINT "install Debian's libexttextcat-data package"

/* Whether one line is "<n-gram>", optionally followed by spaces or a tab
 * and its count (Debian's files have both forms). */
static bool is_fingerprint_line(const char *line)
{
	const char *p = line;

	while (*p != '\0' && *p != '\t' && *p != ' ' && *p != '\r')
		p++;
	if (p == line)
		return false;
	while (*p == '\t' || *p == ' ')
		p++;
	while (g_ascii_isdigit(*p))
		p++;
	return *p == '\0' || (*p == '\r' && p[1] == '\0');
}

/* libexttextcat's fp_Read() accepts any file, even an empty one, and then
 * matches nothing: check the format first, for a message that helps. */
static int check_fingerprint_file(const char *path, char **error_r)
{
	char *contents = NULL;
	char **lines = NULL;
	size_t len = 0;
	unsigned ngrams = 0;
	int ret = -1;
	int rc = file_read_all(path, MODEL_FILE_MAX_BYTES, &contents, &len, NULL);

	if (rc < 0 && rc != FILE_ERR_TOO_LARGE) {
		*error_r = g_strdup_printf("%s: %s; " INSTALL_HINT, path, file_error_text(rc));
		goto out;
	}
	if (rc < 0 || !g_utf8_validate_len(contents, len, NULL)) {
		*error_r = g_strdup_printf("%s: not a libexttextcat fingerprint file; "
		                           INSTALL_HINT, path);
		goto out;
	}
	lines = g_strsplit(contents, "\n", -1);
	for (char **l = lines; *l != NULL; l++) {
		if (**l == '\0')
			continue;
		if (!is_fingerprint_line(*l)) {
			*error_r = g_strdup_printf("%s:%u: not a libexttextcat fingerprint line; "
			                           INSTALL_HINT, path, (unsigned)(l - lines) + 1);
			goto out;
		}
		ngrams++;
	}
	if (ngrams < MODEL_MIN_NGRAMS) {
		*error_r = g_strdup_printf("%s: %u n-grams, too few for a libexttextcat "
		                           "fingerprint; " INSTALL_HINT, path, ngrams);
		goto out;
	}
	ret = 0;
out:
	g_strfreev(lines);
	g_free(contents);
	return ret;
}

static int load_one(const char *dir, const struct language_candidate *cand, void **fp_r,
                    char **error_r)
{
	char *path = g_build_filename(dir, cand->file, NULL);
	void *fp = NULL;
	int ret = -1;

	if (check_fingerprint_file(path, error_r) < 0)
		goto out;
	fp = fp_Init(cand->code);
	if (fp == NULL) {
		*error_r = g_strdup_printf("%s: libexttextcat cannot create a fingerprint", path);
		goto out;
	}
	fp_SetProperty(fp, TCPROP_UTF8AWARE, TC_TRUE);
	if (fp_Read(fp, path, MODEL_NGRAMS_MAX) == 0) {
		*error_r = g_strdup_printf("%s: libexttextcat cannot read it; " INSTALL_HINT, path);
		fp_Done(fp);
		goto out;
	}
	*fp_r = fp;
	ret = 0;
out:
	g_free(path);
	return ret;
}

int language_models_load(const char *dir, struct language_models **models_r, char **error_r)
{
	const struct language_candidate *cands;
	struct language_models *models;
	size_t count;

	*models_r = NULL;
	*error_r = NULL;
	if (dir == NULL || *dir == '\0')
		dir = LANGUAGE_MODELS_DIR;
	cands = language_candidates(&count);
	models = g_new0(struct language_models, 1);
	models->textcat = g_new0(void *, count);
	models->count = count;
	for (size_t i = 0; i < count; i++) {
		if (load_one(dir, &cands[i], &models->textcat[i], error_r) < 0) {
			language_models_free(&models);
			return -1;
		}
	}
	*models_r = models;
	return 0;
}

void language_models_free(struct language_models **models)
{
	if (models == NULL || *models == NULL)
		return;
	for (size_t i = 0; i < (*models)->count; i++) {
		if ((*models)->textcat[i] != NULL)
			fp_Done((*models)->textcat[i]);
	}
	g_free((*models)->textcat);
	g_free(*models);
	*models = NULL;
}
