#ifndef FOLLOWUP_LIB_SAFE_TEXT_H
#define FOLLOWUP_LIB_SAFE_TEXT_H
/*
 * safe_text: text from mail (or from a server) made safe to write to a
 * terminal or a log line. Used by the CLI for everything it prints and by
 * followupd's log. Pure.
 */
#include <stdbool.h>
#include <glib.h>

/* Where a text goes: one line (a subject, a name, a file name), or a
 * block that keeps its lines (a body). */
enum safe_text_shape {
	SAFE_TEXT_LINE,    /* a line break or tab becomes a space */
	SAFE_TEXT_BLOCK,   /* tabs and line breaks stay; CR LF becomes LF */
};
/* Appends s to out in a form safe to write to a terminal: mail comes
 * from strangers, and an escape sequence in a subject could set the
 * window title, clear the screen or write the clipboard (OSC 52). C0
 * controls are shown in caret notation ("^[" for ESC, "^?" for DEL; a lone
 * CR is "^M", a CR before LF is dropped), C1 controls (U+0080-U+009F) and
 * the bidi embeddings, overrides and isolates (U+202A-U+202E,
 * U+2066-U+2069) as "<U+009B>", each byte of invalid UTF-8 as U+FFFD.
 * Everything else, tabs and line breaks as `shape` says, is unchanged.
 * NULL appends nothing. */
void safe_text_append(GString *out, const char *s, enum safe_text_shape shape);
/* C1 controls and bidi controls: shown by their code point, never passed
 * on (JSON output escapes them as \uXXXX for the same reason). */
bool safe_text_shown_as_code_point(gunichar c);
/* The same, as a new string. */
char *safe_text_new(const char *s, enum safe_text_shape shape);

#endif
