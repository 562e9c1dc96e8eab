#ifndef FOLLOWUP_PARSERS_LINES_H
#define FOLLOWUP_PARSERS_LINES_H
/*
 * lines: text split at LF, in one linear pass. Pure: no I/O.
 *
 * g_strsplit() looks for the separator with strstr(), which sanitizers
 * (and so the ASan test build and the fuzz targets) check by measuring
 * the whole rest of the string each time: quadratic on a long text.
 */
#include <stddef.h>

/* text[0..len) split at each '\n' (which is dropped; a '\r' before it is
 * kept), as g_strsplit(text, "\n", -1) would, except that "" gives one
 * empty line (g_strsplit gives none): n_r (may be NULL) gets the number
 * of lines, always at least 1. A NULL-terminated array of newly allocated
 * strings, freed with g_strfreev(). */
char **lines_split(const char *text, size_t len, size_t *n_r);

#endif
