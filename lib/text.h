#ifndef FOLLOWUP_LIB_TEXT_H
#define FOLLOWUP_LIB_TEXT_H
/*
 * text: two small rules for UTF-8 text that several readers share. Pure.
 */
#include <stdbool.h>
#include <stddef.h>
#include <glib.h>

/* Where to cut s to keep at most max bytes without splitting a UTF-8
 * character: max, moved back over at most three continuation bytes. s
 * must have a byte at s[max] (its length is more than max). */
size_t text_cut_point(const char *s, size_t max);

/* The length of the longest prefix of text that has at most max bytes and
 * does not split a character (all of text when it is shorter). */
size_t text_prefix_length(const char *text, size_t max);

/* Blanks folded as text is copied into out: call it for each character c.
 * A run of white space and control characters becomes one space, written
 * only before the next other character and never at the start. true when
 * c was such a blank (the caller drops it); false when c is to be
 * appended (a pending space was written before it). */
bool text_fold_blank(GString *out, gunichar c, bool *pending_space);

#endif
