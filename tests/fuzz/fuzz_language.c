/*
 * libFuzzer target for classify/language*.c: any bytes, as message text or as
 * a customer key or country, must give NULL or a two-letter code, without
 * crash, leak or hang. The fingerprints are Debian's, loaded once here the
 * way config/language_models.c does (config/ is not linked into fuzz
 * targets).
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>
#include <fingerprint.h>

#include "classify/language.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct language_models models;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const struct language_candidate *cands = language_candidates(&models.count);

	(void)argc;
	(void)argv;
	models.textcat = g_new0(void *, models.count);
	for (size_t i = 0; i < models.count; i++) {
		char *path = g_build_filename("/usr/share/libexttextcat", cands[i].file, NULL);

		models.textcat[i] = fp_Init(cands[i].code);
		fp_SetProperty(models.textcat[i], TCPROP_UTF8AWARE, TC_TRUE);
		if (fp_Read(models.textcat[i], path, 400) == 0)
			abort();   /* install libexttextcat-data */
		g_free(path);
	}
	return 0;
}

static void check_code(const char *code, bool upper)
{
	if (code == NULL)
		return;
	if (strlen(code) != 2)
		abort();
	for (int i = 0; i < 2; i++) {
		if (upper ? !g_ascii_isupper(code[i]) : !g_ascii_islower(code[i]))
			abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text;

	if (size == 0)
		return 0;
	/* The first byte picks the entry point; the rest is the string. */
	text = g_strndup((const char *)data + 1, size - 1);
	switch (data[0] % 4) {
	case 0:
		check_code(language_detect(&models, text), false);
		break;
	case 1:
		check_code(language_detect(NULL, text), false);
		break;
	case 2:
		check_code(language_country_of_domain(text), true);
		check_code(language_of_country(text), false);
		break;
	default:
		check_code(language_guess(&models, text, NULL, text), false);
		break;
	}
	g_free(text);
	return 0;
}
