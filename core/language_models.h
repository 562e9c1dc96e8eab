#ifndef FOLLOWUP_CORE_LANGUAGE_MODELS_H
#define FOLLOWUP_CORE_LANGUAGE_MODELS_H
/*
 * language_models: loads libexttextcat's fingerprint files for
 * classify/language.c (which does no I/O itself): only the files of
 * language_candidates(), straight from the data directory (Debian's
 * fpdb.conf, which lists all 160 languages, is not read).
 */
#include "classify/language.h"

/* Debian's libexttextcat-data puts the fingerprints here. */
#define LANGUAGE_MODELS_DIR "/usr/share/libexttextcat"

/* Loads the fingerprints from dir (NULL or "": Debian's
 * /usr/share/libexttextcat).
 * 0, or -1 with *error_r (g_free) saying which file and what to install.
 * *models_r is the caller's: language_models_free(). */
int language_models_load(const char *dir, struct language_models **models_r, char **error_r);
/* Frees the fingerprints and the struct, sets *models to NULL; NULL and
 * *models == NULL are no-ops. */
void language_models_free(struct language_models **models);

#endif
