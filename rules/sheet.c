/* sheet: the occasions of the sheet's dates (see sheet.h). Pure. */
#include <stdio.h>
#include <string.h>
#include <glib.h>

#include "rules/sheet.h"

#define DAY INT64_C(86400)

static void occasion_clear(struct sheet_occasion *o)
{
	memset(o, 0, sizeof(*o));
	o->state = SHEET_NONE;
	o->mail_at = INT64_MAX;
}

/* The moment `seconds` after (or before, when negative) the start of the
 * local day `date`: whole days counted as local days, so that "3d before"
 * is 00:00 three days before even across a DST change. 0 or -1. */
static int day_offset(const struct bizcal *cal, const char *date, int64_t seconds,
                      int64_t *t_r)
{
	if (seconds % DAY == 0)
		return bizcal_day_start(cal, date, seconds / DAY, t_r);
	if (bizcal_day_start(cal, date, 0, t_r) < 0)
		return -1;
	*t_r += seconds;
	return 0;
}

static void set_mail(struct sheet_occasion *o, const struct bizcal *cal, const char *occasion,
                     int64_t moment)
{
	g_strlcpy(o->occasion, occasion, sizeof(o->occasion));
	o->mail_at = bizcal_add(cal, moment, 0);
}

/* The latest late-every step at or before now (K >= 1), or 0. */
static int64_t late_step(const struct rule *rule, const char *due, const struct bizcal *cal,
                         int64_t due_start, int64_t now, int64_t *moment_r)
{
	int64_t k = (now - due_start) / rule->late_every, t = 0;

	/* local days are 23 to 25 hours: the guess is off by one at most */
	for (k = k + 1; k >= 1; k--) {
		if (day_offset(cal, due, k * rule->late_every, &t) == 0 && t <= now)
			break;
	}
	*moment_r = t;
	return k;
}

int sheet_payment(const struct rule *rule, const char *due, bool settled,
                  const struct bizcal *cal, int64_t now, struct sheet_occasion *o_r)
{
	int64_t due_start, due_end, moment;

	occasion_clear(o_r);
	if (rule == NULL || rule->on != RULE_ON_PAYMENT_DUE ||
	    bizcal_day_start(cal, due, 0, &due_start) < 0 ||
	    bizcal_day_start(cal, due, 1, &due_end) < 0)
		return -1;
	o_r->due = due_start;
	if (settled)
		return 0;
	if (now >= due_end) {
		o_r->state = SHEET_LATE;
		o_r->overdue_seconds = now - due_end;
		if (rule->late_every == 0) {
			set_mail(o_r, cal, "late", due_end);
			return 0;
		}
		int64_t k = late_step(rule, due, cal, due_start, now, &moment);
		if (k >= 1) {
			char occasion[32];
			snprintf(occasion, sizeof(occasion), "late-%lld", (long long)k);
			set_mail(o_r, cal, occasion, moment);
		}
		return 0;
	}
	if (rule->before > 0) {
		if (day_offset(cal, due, -rule->before, &moment) < 0)
			return -1;
		if (now >= moment) {
			o_r->state = SHEET_DUE_SOON;
			set_mail(o_r, cal, "before", moment);
		}
	} else if (now >= due_start) {
		o_r->state = SHEET_DUE_SOON;    /* listed on its day, nothing mailed */
	}
	return 0;
}

/* "YYYY-MM-DDTHH:MM:SSZ" exactly: 0 and *t_r, or -1. */
static int parse_instant(const char *text, int64_t *t_r)
{
	if (strlen(text) != 20 || text[10] != 'T' || text[19] != 'Z')
		return -1;
	GDateTime *dt = g_date_time_new_from_iso8601(text, NULL);
	if (dt == NULL)
		return -1;
	*t_r = g_date_time_to_unix(dt);
	g_date_time_unref(dt);
	return 0;
}

int sheet_next_action(const struct rule *rule, const char *next_date,
                      const struct bizcal *cal, int64_t now, struct sheet_occasion *o_r)
{
	int64_t moment;

	occasion_clear(o_r);
	if (rule == NULL || rule->on != RULE_ON_NEXT_ACTION)
		return -1;
	if (next_date == NULL)
		return 0;
	if (bizcal_day_start(cal, next_date, 0, &moment) < 0 &&
	    parse_instant(next_date, &moment) < 0)
		return -1;
	o_r->due = moment;
	if (now < moment)
		return 0;
	o_r->state = SHEET_DUE;
	o_r->overdue_seconds = now - moment;
	set_mail(o_r, cal, next_date, moment);
	return 0;
}

int sheet_silence(const struct rule *rule, int64_t last_inbound, const struct bizcal *cal,
                  int64_t now, struct sheet_occasion *o_r)
{
	char occasion[32];

	occasion_clear(o_r);
	if (rule == NULL || rule->on != RULE_ON_SILENCE)
		return -1;
	/* never wrote, or a date the arithmetic cannot hold */
	if (last_inbound == INT64_MIN || last_inbound > INT64_MAX - rule->within.seconds)
		return 0;
	int64_t moment = last_inbound + rule->within.seconds;
	o_r->due = moment;
	if (now < moment)
		return 0;
	o_r->state = SHEET_SILENT;
	o_r->overdue_seconds = now - moment;
	snprintf(occasion, sizeof(occasion), "%lld", (long long)last_inbound);
	set_mail(o_r, cal, occasion, moment);
	return 0;
}

bool sheet_grade_matches(const struct rule *rule, const char *grade)
{
	if (rule->grades == NULL)
		return true;
	if (grade == NULL)
		return false;
	for (size_t i = 0; rule->grades[i] != NULL; i++) {
		if (g_ascii_strcasecmp(rule->grades[i], grade) == 0)
			return true;
	}
	return false;
}

const char *sheet_state_name(enum sheet_state state)
{
	switch (state) {
	case SHEET_DUE_SOON:
		return "due-soon";
	case SHEET_LATE:
		return "late";
	case SHEET_DUE:
		return "due";
	case SHEET_SILENT:
		return "silent";
	case SHEET_NONE:
		break;
	}
	return "none";
}
