/*
 * plan_report: the weekly report in the rules' pass (see plan-private.h).
 * A person with `report = weekly Mon 08:30` gets, once their local
 * Monday 08:30 has come (and up to a day later), the report of the 28
 * days before that moment as a mail of a plain-text part and the HTML
 * page, keyed on the person and the day, so a pass made again (each
 * minute, or after a crash) adds nothing. In the person's `language =`
 * when the report is shipped in it, else in English.
 */
#include <stdio.h>
#include <string.h>

#include "core/plan-private.h"
#include "core/report.h"

#define REPORT_PERIOD_S (28 * 86400)

/* The person's weekday and time of day on cal when it came in the last
 * 24 hours (at or before now), else INT64_MIN: like the daily digest, a
 * report whose morning the daemon missed by a day is not sent late. */
static int64_t due_slot(const struct bizcal *cal, const struct config_weekly *w, int64_t now)
{
	int64_t at = bizcal_next_local_time(cal, now - 24 * 3600 + 1, w->minute / 60,
	                                    w->minute % 60);
	char local[32];
	int y = 0, m = 0, d = 0;
	int64_t found = INT64_MIN;

	if (at == INT64_MAX || at > now)
		return INT64_MIN;
	bizcal_format_local(cal, at, local, sizeof(local));
	if (sscanf(local, "%d-%d-%d", &y, &m, &d) == 3 && g_date_valid_dmy(d, m, y)) {
		GDate *date = g_date_new_dmy((GDateDay)d, (GDateMonth)m, (GDateYear)y);
		if ((int)g_date_get_weekday(date) == w->weekday)
			found = at;
		g_date_free(date);
	}
	return found;
}

static int plan_report(struct store *st, struct core_plan *plan, const struct config_person *p)
{
	const struct config *cfg = plan->cfg;
	const struct bizcal *cal = core_rules_calendar(plan->rules, p->email);
	int64_t at = due_slot(cal, &p->report, plan->now);
	struct core_report_set *set = NULL;
	char day[32];
	int ret = 0;

	if (at == INT64_MIN)
		return 0;
	bizcal_format_local(cal, at, day, sizeof(day));
	day[10] = '\0';
	char *key = g_strdup_printf("report/%s/%s", p->email, day);
	char *text = NULL, *html = NULL, *subject = NULL, *from = NULL;
	bool queued = false;
	if ((ret = store_outbox_has_key(st, key, &queued, &plan->error)) < 0 || queued)
		goto out;
	if ((ret = core_report_load(plan->rules, st, at - REPORT_PERIOD_S, at, plan->now,
	                            p->language, &set, &plan->error)) < 0)
		goto out;
	text = core_report_text(&set->report);
	html = core_report_html(&set->report);
	subject = core_report_subject(&set->report, day);
	from = plan_address_of(cfg->smtp.from);
	struct msg_address to = { .name = p->name != NULL ? p->name : (char *)"", .addr = p->email };
	int64_t id = 0;
	ret = plan_queue_html_mail(st, cfg, key, "report", &to, from, subject, text, html, plan->now,
	                           &id, &plan->error);
	if (ret == 0 && id > 0) {
		plan->queued++;
		plan_note(plan, CORE_NOTE_INFO, "weekly report of %s for %s queued", day, p->email);
	}
out:
	core_report_free(&set);
	g_free(key);
	g_free(text);
	g_free(html);
	g_free(subject);
	g_free(from);
	return ret;
}

int plan_reports(struct store *st, struct core_plan *plan)
{
	for (size_t i = 0; i < plan->cfg->n_persons; i++) {
		const struct config_person *p = &plan->cfg->persons[i];
		if (p->report.text != NULL && plan_report(st, plan, p) < 0)
			return -1;
	}
	return 0;
}
