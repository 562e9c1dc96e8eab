#ifndef FOLLOWUP_CONFIG_LANGUAGE_MODELS_H
#define FOLLOWUP_CONFIG_LANGUAGE_MODELS_H
/*
 * language_models: loads libexttextcat's fingerprint files for
 * rules/language.c (which does no I/O itself).
 */
#include "rules/language.h"

/* Loads the fingerprints from dir (NULL: Debian's /usr/share/libexttextcat).
 * 0, or -1 with *error_r (g_free) saying which file and what to install. */
int language_models_load(const char *dir, struct language_models **models_r, char **error_r);
void language_models_free(struct language_models **models);

#endif
