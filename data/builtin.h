#ifndef FOLLOWUP_DATA_BUILTIN_H
#define FOLLOWUP_DATA_BUILTIN_H
/*
 * Shipped data lists compiled into the programs (see data/embed.sh):
 * one entry a line, '#' starts a comment. Each file data/NAME.txt or
 * data/NAME.txt becomes builtin_NAME; declare it here.
 */
extern const char builtin_freemail[];       /* data/freemail.txt */
extern const char builtin_quote_markers[];  /* data/quote_markers.txt */
extern const char builtin_order_markers[];  /* data/order_markers.txt */
extern const char builtin_quote_patterns[]; /* data/quote_patterns.txt */
extern const char builtin_closings[];       /* data/closings.txt */
extern const char builtin_calling_codes[];  /* data/calling_codes.txt */
extern const char builtin_sheet_headers[];  /* data/sheet_headers.txt: field TAB header */

/* The built-in alert mails (data/template_*.txt): a Subject: line, a
 * blank line, the body (rules/template.h). */
extern const char builtin_template_warning[];
extern const char builtin_template_alert[];
extern const char builtin_template_escalation[];
extern const char builtin_template_digest[];
/* The alerts about the sheet's dates (rules/sheet.h). */
extern const char builtin_template_payment[];
extern const char builtin_template_next_action[];
extern const char builtin_template_silence[];
/* The same in Chinese (data/template_*.zh.txt), for a [person] with
 * language = zh. */
extern const char builtin_template_warning_zh[];
extern const char builtin_template_alert_zh[];
extern const char builtin_template_escalation_zh[];
extern const char builtin_template_digest_zh[];
extern const char builtin_template_payment_zh[];
extern const char builtin_template_next_action_zh[];
extern const char builtin_template_silence_zh[];

/* The words of the manager's report, key = text lines (rules/catalog.h),
 * in English and Chinese (core/report.c picks them). */
extern const char builtin_template_report[];
extern const char builtin_template_report_zh[];

#endif
