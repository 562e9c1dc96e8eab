#ifndef FOLLOWUP_CORE_RULES_RUNTIME_H
#define FOLLOWUP_CORE_RULES_RUNTIME_H
/*
 * rules_runtime: what the [rule] sections need before they can run: the
 * checked rule set, the business calendars (the company's, and a person's
 * own when they have their own time zone or holidays), the
 * acknowledgement templates of each ack rule, and the alert templates.
 * Loaded once at start; errors name the file, line and key.
 */
#include <stdint.h>

#include "config/config.h"
#include "core/runtime.h"
#include "core/templates.h"
#include "rules/bizcal.h"
#include "rules/rule_set.h"
#include "rules/template.h"
#include "rules/sla.h"
#include "store/store.h"

enum alert_template {
	ALERT_TEMPLATE_WARNING = 0,
	ALERT_TEMPLATE_BREACH,
	ALERT_TEMPLATE_ESCALATION,
	ALERT_TEMPLATE_DIGEST,
	ALERT_TEMPLATE_PAYMENT,     /* the sheet's dates (template_sheet_names) */
	ALERT_TEMPLATE_NEXT_ACTION,
	ALERT_TEMPLATE_SILENCE,
	ALERT_TEMPLATE_COUNT
};

struct core_rules {
	const struct config *cfg;          /* borrowed */
	const struct owner_team *team;     /* borrowed from the runtime */
	struct rule_set *set;
	struct sla_calendars *calendars;   /* the company's and the persons' own */
	struct template_set **ack_templates; /* per rule of set: NULL unless acknowledge or
	                                        remind-customer */
	struct template_set *alerts[ALERT_TEMPLATE_COUNT]; /* English, and Chinese */
};

/* now: the clock (holidays are expanded around its year). 0, or -1 with
 * *error_r (g_free). */
int core_rules_load(const struct core_runtime *rt, int64_t now, struct core_rules **rules_r,
                    char **error_r);
void core_rules_free(struct core_rules **rules);

/* The alert template which for person (an email; their [person]
 * language, English when none or not shipped). */
const struct template *core_rules_alert(const struct core_rules *rules,
                                        enum alert_template which, const char *person);
/* The calendar of a person (their own, else the company's; NULL: the
 * company's). */
const struct bizcal *core_rules_calendar(const struct core_rules *rules, const char *person);
/* The templates of an acknowledge or remind-customer rule (NULL for other
 * rules). */
const struct template_set *core_rules_ack_templates(const struct core_rules *rules,
                                                      const struct rule *rule);

/* sla_overdue() with this configuration's rules, team and calendars:
 * every (service-level rule, thread) at a warning, a breach or an
 * escalation at now, most overdue first (then soonest due). owner and
 * rule (may be NULL) filter. A new GArray of struct overdue_entry
 * (rules/sla.h). */
GArray *core_rules_overdue(const struct core_rules *rules, const struct sla_thread *threads,
                           size_t n, int64_t now, const char *owner, const char *rule);

#endif
