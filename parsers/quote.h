#ifndef FOLLOWUP_PARSERS_QUOTE_H
#define FOLLOWUP_PARSERS_QUOTE_H
/*
 * quote: the new part of a reply, without quoted history and signature.
 * Pure: no I/O.
 *
 * The text is cut at the first line that starts the history: an
 * attribution ("On ... wrote:", "Am ... schrieb ...:", "El ... escribió:",
 * "Le ... a écrit :", "Em ... escreveu:", "... 写道：", possibly wrapped
 * over two lines), a separator ("-----Original Message-----", QQ's
 * "------------------ 原始邮件 ------------------", Gmail's
 * "---------- Forwarded message ---------", ...), a quoted header block
 * ("From:" followed by "Sent:"/"Date:", "Von:"/"Gesendet:",
 * "发件人:"/"发送时间:", ...), or the signature separator, a line that is
 * exactly "-- ". All of these live in one table in quote.c. Then a
 * trailing block of '>' lines, blank lines and bare separator lines
 * (dashes, underscores) is dropped.
 *
 * Work is bounded: markers are looked for in the first QUOTE_MAX_LINES
 * lines, in lines of at most QUOTE_MAX_LINE_LEN bytes.
 */
#define QUOTE_MAX_LINES 20000
#define QUOTE_MAX_LINE_LEN 2000

/* text (UTF-8; invalid bytes are replaced) without its quoted history and
 * signature; a copy of the whole text when cutting would leave nothing
 * but whitespace. Newly allocated (g_free()), never NULL. */
char *quote_cut(const char *text);

#endif
