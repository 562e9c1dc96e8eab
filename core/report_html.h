#ifndef FOLLOWUP_CORE_REPORT_HTML_H
#define FOLLOWUP_CORE_REPORT_HTML_H
/*
 * report_html: the manager's report as one self-contained HTML page: the
 * period's figures, first-response time by week, the funnel, inquiries by
 * country, owners side by side (charts as inline SVG drawn here), then
 * quotes waiting, payments due, overdue items and customers gone silent.
 * Nothing is loaded from elsewhere (no script, no link, no image file);
 * the CSS is in a <style>, with a viewport for phones and @media print.
 *
 * Pure: it writes what the caller gathered. Every text that comes from
 * mail or people (subjects, names, keys, groups) is HTML-escaped.
 */
#include <stdbool.h>
#include <stdint.h>
#include <glib.h>

#include "core/kpi.h"
#include "core/sheet.h"
#include "core/stages.h"
#include "rules/catalog.h"

/* Days ahead within which an unsettled order's payment is "due". */
#define CORE_REPORT_DUE_AHEAD_DAYS 14

struct core_report {
	const char *company;                  /* the company's name */
	const char *language;                 /* ISO 639-1 of words, for <html lang> */
	const struct catalog *words;          /* the report's words (core/report_words.h) */
	int64_t from, to;                     /* the period, [from, to) */
	const struct core_kpi_data *data;     /* the store's data at data->now */
	const struct core_stage_names *names; /* the team's stage names */
	GPtrArray *team;                      /* core_kpi_rows(…, NONE) */
	GPtrArray *weeks;                     /* core_kpi_rows(…, WEEK) */
	GPtrArray *countries;                 /* core_kpi_rows(…, COUNTRY) */
	GPtrArray *owners;                    /* core_kpi_rows(…, OWNER) */
	GArray *overdue;                      /* struct overdue_entry (core_rules_overdue) */
	const struct core_sheet_list *sheet;  /* the sheet's dates due or late */
};

/* Whether order o is unsettled, not overdue and due within
 * CORE_REPORT_DUE_AHEAD_DAYS of d->now. */
bool core_report_payment_due_soon(const struct core_kpi_data *d, const struct store_order *o);

/* The page. New string (g_free). */
char *core_report_html(const struct core_report *r);

/* Appends text HTML-escaped (& < > " ' as references), invalid UTF-8
 * replaced and control characters dropped: safe in an element's text and
 * in a quoted attribute. NULL appends nothing. */
void core_report_escape(GString *out, const char *text);

#endif
