#ifndef FOLLOWUP_RULES_SLA_H
#define FOLLOWUP_RULES_SLA_H
/*
 * sla: where one conversation stands against one service-level rule at a
 * given moment. Pure: (rule, the thread's messages, calendar, now) ->
 * state. The daemon turns states into alert mails; `followup overdue`
 * lists them.
 *
 * The clock starts at the trigger: the thread's inquiry (on = inquiry) or
 * the latest quotation we sent (on = quote). It stops at the first
 * `until` event after the start (our reply / the customer's real reply).
 * It does not run while a pause-while condition holds. "within" is
 * working time of the calendar when business, else calendar time.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rules/bizcal.h"
#include "classify/classify.h"
#include "rules/rule_set.h"

struct sla_message {
	int64_t date;
	enum msg_direction dir;
	enum msg_kind kind;          /* as on the timeline */
};

enum sla_state {
	SLA_NOT_APPLICABLE = 0,      /* no trigger in the thread */
	SLA_STOPPED,                 /* the until event came */
	SLA_RUNNING,                 /* in time, before any warning */
	SLA_WARNING,                 /* past warn-at, not yet due */
	SLA_BREACHED,                /* past due */
	SLA_ESCALATED,               /* past due + escalate-after */
};

struct sla_result {
	enum sla_state state;
	int64_t since;               /* the trigger's date (clock start) */
	int64_t due;                 /* when it breaches (pauses included) */
	int64_t warn_at;             /* INT64_MAX when the rule has no warn-at */
	int64_t escalate_at;         /* INT64_MAX when the rule has no escalate */
	int64_t stopped_at;          /* SLA_STOPPED: the until event; else INT64_MAX */
	int64_t overdue_seconds;     /* now - due when breached or escalated, else 0 */
};

/* msgs: the thread, any order. cal: the calendar (used for business
 * durations). Fills *result; returns 0, or -1 when the rule is not a
 * service-level rule (or counts working time and cal is NULL).
 *
 * Only messages dated at or before now count: the rest has not happened
 * yet. Messages of the same date keep the order of msgs. Pauses last
 * until a later message ends them; while one lasts with time still to
 * run, due (and warn_at, escalate_at when not reached) is INT64_MAX.
 * When STOPPED, due is the one that held just before the stop event, so
 * stopped_at > due tells a late answer. */
int sla_evaluate(const struct rule *rule, const struct sla_message *msgs, size_t n,
                 const struct bizcal *cal, int64_t now, struct sla_result *result);

/* "warning", "breached", "escalated", "running", "stopped", "n/a". */
const char *sla_state_name(enum sla_state state);

#endif
