/*
 * rules_runtime: see rules_runtime.h. The I/O the rules need (the tz
 * database, holiday files, template files) happens here, once.
 */
#include <string.h>

#include "core/rules_runtime.h"
#include "core/holidays.h"
#include "core/records.h"
#include "data/builtin.h"

/* A calendar of tz_name's time, the company's work hours and the holidays
 * (path NULL: none). An error about the holiday file says which key of the
 * config named it: "followup.conf:9: [company] holidays: /etc/….ics:4: …". */
static int load_calendar(const struct config *cfg, const char *tz_name,
                         const struct config_file_ref *holidays, int year, const char *what,
                         struct bizcal **cal_r, char **error_r)
{
	GTimeZone *tz = g_time_zone_new_identifier(tz_name);
	char **dates = NULL;
	const char *cal_error = NULL;
	int ret = -1;

	if (tz == NULL) {
		*error_r = g_strdup_printf("%s: %s timezone: unknown time zone '%s'", cfg->path, what,
		                           tz_name);
		return -1;
	}
	if (holidays->path != NULL) {
		char *file_error = NULL;
		if (holidays_load(holidays->path, year - 1, year + 2, &dates,
		                         &file_error) < 0) {
			*error_r = g_strdup_printf("%s:%d: %s holidays: %s", cfg->path, holidays->line,
			                           what, file_error);
			g_free(file_error);
			goto out;
		}
	}
	if (bizcal_new(tz, cfg->company.work_spans, cfg->company.n_work_spans,
	               (const char *const *)dates, cal_r, &cal_error) < 0) {
		*error_r = g_strdup_printf("%s: %s work-hours: %s", cfg->path, what, cal_error);
		goto out;
	}
	ret = 0;
out:
	g_strfreev(dates);
	g_time_zone_unref(tz);
	return ret;
}

static int load_alert_templates(struct core_rules *r, char **error_r)
{
	const char *sources[ALERT_TEMPLATE_COUNT] = {
		builtin_template_warning, builtin_template_alert, builtin_template_escalation,
		builtin_template_digest, builtin_template_payment, builtin_template_next_action,
		builtin_template_silence,
	};
	const char *chinese[ALERT_TEMPLATE_COUNT] = {
		builtin_template_warning_zh, builtin_template_alert_zh,
		builtin_template_escalation_zh, builtin_template_digest_zh,
		builtin_template_payment_zh, builtin_template_next_action_zh,
		builtin_template_silence_zh,
	};
	const char *error = NULL;

	for (int i = 0; i < ALERT_TEMPLATE_COUNT; i++) {
		const char *const *names = i >= ALERT_TEMPLATE_PAYMENT ? template_sheet_names
		                                                       : template_alert_names;
		struct template *en = NULL, *zh = NULL;
		if (template_parse(sources[i], names, &en, &error) < 0 ||
		    template_parse(chinese[i], names, &zh, &error) < 0) {
			template_free(&en);
			*error_r = g_strdup_printf("a built-in alert template is broken: %s", error);
			return -1;
		}
		r->alerts[i] = template_set_new(en);
		if (template_set_add(r->alerts[i], "zh", zh) < 0) {
			*error_r = g_strdup("a built-in alert template is given twice");
			return -1;
		}
	}
	return 0;
}

/* A silence rule's grades must be grades of the sheet. */
static int check_grades(const struct config *cfg, const struct rule *rule, char **error_r)
{
	size_t n = 0;
	const char *const *grades = core_grades(cfg, &n);

	for (size_t i = 0; rule->grades != NULL && rule->grades[i] != NULL; i++) {
		size_t j;
		for (j = 0; j < n && g_ascii_strcasecmp(grades[j], rule->grades[i]) != 0; j++)
			;
		if (j == n) {
			GString *list = g_string_new(NULL);
			for (j = 0; j < n; j++)
				g_string_append_printf(list, "%s%s", j > 0 ? ", " : "", grades[j]);
			*error_r = g_strdup_printf("%s:%d: [rule %s] grade: '%s' is no grade (one of "
			                           "%s)", cfg->path, rule->grades_line, rule->name,
			                           rule->grades[i], list->str);
			g_string_free(list, TRUE);
			return -1;
		}
	}
	return 0;
}

int core_rules_load(const struct core_runtime *rt, int64_t now, struct core_rules **rules_r,
                    char **error_r)
{
	const struct config *cfg = rt->cfg;
	struct core_rules *r = g_new0(struct core_rules, 1);
	struct bizcal *company_cal = NULL;
	GDateTime *dt = g_date_time_new_from_unix_utc(now);
	int year = dt != NULL ? g_date_time_get_year(dt) : 2026;

	if (dt != NULL)
		g_date_time_unref(dt);
	r->cfg = cfg;
	r->team = &rt->team;
	if (rule_set_new(cfg->path, cfg->rules, cfg->n_rules, &r->set, error_r) < 0)
		goto fail;
	if (r->set->n_rules > 0 && !cfg->smtp.present) {
		*error_r = g_strdup_printf("%s:%d: [rule %s]: rules send mail: add an [smtp] section "
		                           "(url, from)", cfg->path, r->set->rules[0].line,
		                           r->set->rules[0].name);
		goto fail;
	}
	if (load_calendar(cfg, cfg->company.timezone, &cfg->company.holidays, year, "[company]",
	                  &company_cal, error_r) < 0)
		goto fail;
	r->calendars = sla_calendars_new(company_cal);
	if (load_alert_templates(r, error_r) < 0)
		goto fail;
	for (size_t i = 0; i < cfg->n_persons; i++) {
		const struct config_person *p = &cfg->persons[i];
		struct bizcal *cal;
		if (p->timezone == NULL && p->holidays.path == NULL)
			continue;
		char *what = g_strdup_printf("[person %s]", p->email);
		int rc = load_calendar(cfg, p->timezone != NULL ? p->timezone : cfg->company.timezone,
		                       p->holidays.path != NULL ? &p->holidays : &cfg->company.holidays, year,
		                       what, &cal, error_r);
		g_free(what);
		if (rc < 0)
			goto fail;
		sla_calendars_add(r->calendars, p->email, cal);
	}
	r->ack_templates = g_new0(struct template_set *, r->set->n_rules + 1);
	for (size_t i = 0; i < r->set->n_rules; i++) {
		const struct rule *rule = &r->set->rules[i];
		if (check_grades(cfg, rule, error_r) < 0)
			goto fail;
		if (rule->action != RULE_ACTION_ACKNOWLEDGE &&
		    rule->action != RULE_ACTION_REMIND_CUSTOMER)
			continue;
		char *error = NULL;
		/* A relative template is taken from the config file's directory. */
		char *dir = g_path_get_dirname(cfg->path);
		char *base = g_path_is_absolute(rule->template_base) ? g_strdup(rule->template_base)
		             : g_build_filename(dir, rule->template_base, NULL);
		int rc = template_set_load_names(base, rule->action == RULE_ACTION_ACKNOWLEDGE
		                                 ? template_ack_names : template_reminder_names,
		                                 &r->ack_templates[i], &error);
		g_free(dir);
		g_free(base);
		if (rc < 0) {
			*error_r = g_strdup_printf("%s:%d: [rule %s] template: %s", cfg->path,
			                           rule->line, rule->name, error);
			g_free(error);
			goto fail;
		}
	}
	*rules_r = r;
	return 0;
fail:
	core_rules_free(&r);
	return -1;
}

void core_rules_free(struct core_rules **rp)
{
	struct core_rules *r = *rp;

	if (r == NULL)
		return;
	*rp = NULL;
	if (r->ack_templates != NULL && r->set != NULL) {
		for (size_t i = 0; i < r->set->n_rules; i++)
			template_set_free(&r->ack_templates[i]);
	}
	g_free(r->ack_templates);
	for (int i = 0; i < ALERT_TEMPLATE_COUNT; i++)
		template_set_free(&r->alerts[i]);
	rule_set_free(&r->set);
	sla_calendars_free(&r->calendars);
	g_free(r);
}

const struct template *core_rules_alert(const struct core_rules *r, enum alert_template which,
                                        const char *person)
{
	const char *language = NULL;

	for (size_t i = 0; person != NULL && i < r->cfg->n_persons; i++) {
		if (g_ascii_strcasecmp(r->cfg->persons[i].email, person) == 0)
			language = r->cfg->persons[i].language;
	}
	return template_set_pick(r->alerts[which], language, NULL);
}

const struct bizcal *core_rules_calendar(const struct core_rules *r, const char *person)
{
	return sla_calendars_of(r->calendars, person);
}

const struct template_set *core_rules_ack_templates(const struct core_rules *r,
                                                      const struct rule *rule)
{
	ptrdiff_t i = rule - r->set->rules;

	if (i < 0 || (size_t)i >= r->set->n_rules)
		return NULL;
	return r->ack_templates[i];
}

GArray *core_rules_overdue(const struct core_rules *r, const struct sla_thread *threads,
                           size_t n, int64_t now, const char *owner, const char *rule)
{
	return sla_overdue(r->set, r->team, r->calendars, threads, n, now, owner, rule);
}
