#ifndef FOLLOWUP_LIB_LINES_H
#define FOLLOWUP_LIB_LINES_H
/*
 * lines: line ends. Text split at LF, in one linear pass, and CRLF or a
 * lone CR made LF. Pure: no I/O.
 *
 * g_strsplit() looks for the separator with strstr(), which sanitizers
 * (and so the ASan test build and the fuzz targets) check by measuring
 * the whole rest of the string each time: quadratic on a long text.
 */
#include <stddef.h>
#include <glib.h>

/* text[0..len) split at each '\n' (which is dropped; a '\r' before it is
 * kept), as g_strsplit(text, "\n", -1) would, except that "" gives one
 * empty line (g_strsplit gives none): n_r (may be NULL) gets the number
 * of lines, always at least 1. A NULL-terminated array of newly allocated
 * strings, freed with g_strfreev(). */
char **lines_split(const char *text, size_t len, size_t *n_r);

/* CRLF and a lone CR become LF, in the NUL-terminated text, in place;
 * text is returned. */
char *lines_to_lf(char *text);

/* Appends text to out with CRLF and a lone CR made LF. */
void lines_append_lf(GString *out, const char *text);

#endif
