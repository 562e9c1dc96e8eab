#ifndef FOLLOWUP_CORE_REPORT_H
#define FOLLOWUP_CORE_REPORT_H
/*
 * report: what the manager's report shows, read from the store once
 * (core/kpi.c's data and rows, the overdue list, the sheet's dates, the
 * team's stage names), for `followup report` and followupd's weekly mail;
 * and the report's plain-text part. core/report_html.c draws the page.
 */
#include <stdint.h>

#include "core/report_html.h"
#include "core/rules_runtime.h"
#include "store/store.h"

struct core_report_set {
	struct core_report report;           /* borrows from the rest */
	struct core_kpi_data *data;
	struct core_stage_names *names;
	struct core_sheet_list *sheet;
	struct catalog *words;
};

/* The report of [from, to) at now, in the words of language (see
 * core_report_words_language(); NULL or not shipped: English). 0 and
 * *set_r, or -1 with *error_r (g_free). */
int core_report_load(const struct core_rules *rules, struct store *st, int64_t from, int64_t to,
                     int64_t now, const char *language, struct core_report_set **set_r,
                     char **error_r);
void core_report_free(struct core_report_set **set);

/* The report in words for a mail's text/plain part: the team's figures,
 * each owner's line, how many items each list holds. Pure. New string. */
char *core_report_text(const struct core_report *r);

/* The weekly report mail's subject for the day (YYYY-MM-DD), in the
 * report's words. New string. */
char *core_report_subject(const struct core_report *r, const char *day);

#endif
