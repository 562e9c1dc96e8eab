#ifndef FOLLOWUP_PARSERS_QUOTE_H
#define FOLLOWUP_PARSERS_QUOTE_H
/*
 * quote: the new part of a mail, without quoted history and signature.
 * Pure: no I/O.
 *
 * The text is cut at the first line that starts the history: an
 * attribution ("On ... wrote:", "Am ... schrieb ...:", "... 写道：",
 * possibly wrapped over two lines), a separator ("-----Original
 * Message-----", QQ's "------------------ 原始邮件 ------------------"), a
 * forward marker ("---------- Forwarded message ---------", "Begin
 * forwarded message:"), a quoted header block ("From:" followed by
 * "Sent:"/"Date:", "Von:"/"Gesendet:", "发件人:"/"发送时间:", ...), or the
 * signature separator, a line that is exactly "-- ". Then a trailing block
 * of '>' lines, blank lines and bare separator lines (dashes, underscores)
 * is dropped, and a closing ("Best regards", "Mit freundlichen Grüßen",
 * "此致 敬礼"...) cuts what follows it when it stands near the end: only a
 * few short lines (name, title, company, phone) after it.
 *
 * The knowledge is data: data/quote_patterns.txt and
 * data/closings.txt (their headers describe the formats), built in
 * as builtin_quote_patterns and builtin_closings and compiled once per
 * process (quote_rules_builtin()).
 *
 * Work is bounded: markers are looked for in the first QUOTE_MAX_LINES
 * lines, in lines of at most QUOTE_MAX_LINE_LEN bytes.
 */
#include <stdbool.h>

#define QUOTE_MAX_LINES 20000
#define QUOTE_MAX_LINE_LEN 2000

/* Compiled rules: immutable once built, so one table serves every thread. */
struct quote_rules;

/* Compiles a pattern list and a closing list (either may be NULL: none).
 * Returns 0 and sets *rules_r, or -1 and sets *error_r (g_free()) to a
 * message naming the first bad line ("quote patterns line 12: ..."). */
int quote_rules_new(const char *patterns, const char *closings,
                    struct quote_rules **rules_r, char **error_r);
void quote_rules_free(struct quote_rules **rules);

/* The built-in rules, compiled on first use (thread-safe), never freed.
 * Should the built-in data not compile (a unit test checks it does), the
 * table is empty and nothing is cut. */
const struct quote_rules *quote_rules_builtin(void);

/* What started the history that was cut. */
enum quote_history {
	QUOTE_HISTORY_NONE = 0,   /* no history (a closing may still have cut) */
	QUOTE_HISTORY_SIGNATURE,  /* the "-- " line */
	QUOTE_HISTORY_REPLY,      /* attribution, separator, quoted header block */
	QUOTE_HISTORY_FORWARD,    /* a forward marker */
};

struct quote_split {
	char *new_text;            /* as quote_cut(); never NULL */
	enum quote_history history;
	bool closing_cut;          /* a closing and what followed it were dropped */
	/* The sender wrote nothing above the history. new_text is then the
	 * new text of the quoted or forwarded message itself (after its
	 * header block) when there is a header block, else the whole text. */
	bool nothing_new;
	/* From: and Subject: values of the header block that starts the
	 * history (forwards, separators, quoted header blocks), as written
	 * (a wrapped From value joined); NULL when absent. */
	char *quoted_from;
	char *quoted_subject;
};

/* Splits text (UTF-8; invalid bytes are replaced) with rules (NULL: the
 * built-in ones). Everything in *split_r is newly allocated and valid
 * UTF-8; release it with quote_split_clear(). */
void quote_split(const struct quote_rules *rules, const char *text,
                 struct quote_split *split_r);
void quote_split_clear(struct quote_split *split);

/* text without its quoted history and signature, with the built-in
 * rules; a copy of the whole text when cutting would leave nothing but
 * whitespace. Newly allocated (g_free()), never NULL. */
char *quote_cut(const char *text);

/* True when subject starts with a forward prefix ("Fwd:", "WG:", "转发："),
 * by the rules' forward-subject patterns (NULL rules: the built-in ones). */
bool quote_is_forward_subject(const struct quote_rules *rules,
                              const char *subject);

#endif
