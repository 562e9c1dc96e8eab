#ifndef FOLLOWUP_RULES_SLA_H
#define FOLLOWUP_RULES_SLA_H
/*
 * sla: where one conversation stands against one service-level rule at a
 * given moment. Pure: (rule, the thread's messages, calendar, now) ->
 * state; and over every rule and conversation, the ones late or due soon
 * (sla_overdue). The daemon turns them into alert mails; `followup
 * overdue` lists them.
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

#include <glib.h>

#include "rules/bizcal.h"
#include "classify/classify.h"
#include "rules/owner.h"
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

/* ---- every rule over every conversation ---- */

/* A conversation as the service-level rules (and the alerts they send)
 * see it. The store fills an array of them (store_sla_threads(), which
 * owns the strings and msgs: store_sla_threads_free()). */
struct sla_thread {
	int64_t thread;
	char *customer;           /* key, or NULL */
	int64_t customer_id;
	char *customer_owner;     /* assigned by `followup assign`, or NULL */
	char *country;            /* set on the customer, or NULL */
	char *subject;
	char *last_writer;        /* From of our latest outbound message, or NULL */
	int64_t last_message;     /* id of the latest message not our own automatic
	                           * mail (msg_kind_is_own()), or 0 */
	struct sla_message *msgs;
	size_t n_msgs;
};

/* The owner of a thread (owner_of_thread() with its writer, assignment,
 * country and customer), borrowed from team; NULL when nobody is found. */
const char *sla_thread_owner(const struct owner_team *team, const struct sla_thread *thread);

/* Whose working time counts: a person's own calendar when they have one
 * (their time zone or holidays), else the company's. Owns the calendars. */
struct sla_calendars;

/* Takes company (not NULL). */
struct sla_calendars *sla_calendars_new(struct bizcal *company);
/* Takes cal as the calendar of person (an email as the team writes it:
 * lowercase), replacing an earlier one. */
void sla_calendars_add(struct sla_calendars *cals, const char *person, struct bizcal *cal);
void sla_calendars_free(struct sla_calendars **cals);
/* The calendar of person (NULL: the company's). Borrowed. */
const struct bizcal *sla_calendars_of(const struct sla_calendars *cals, const char *person);

/* A conversation late or due soon under a service-level rule. */
struct overdue_entry {
	const struct rule *rule;               /* borrowed from the rule set */
	const struct sla_thread *thread;       /* borrowed from the caller */
	const char *owner;                     /* borrowed from the team; NULL when nobody is found */
	struct sla_result result;              /* state warning, breached or escalated */
};

/* Every (service-level rule of set, thread) at a warning, a breach or an
 * escalation at now, each measured on the calendar of the thread's owner:
 * most overdue first, then soonest due, then by thread id. owner (any
 * case) and rule (a rule's name) filter when not NULL. A new GArray of
 * struct overdue_entry (g_array_free(…, TRUE)), borrowing from set,
 * threads and team. */
GArray *sla_overdue(const struct rule_set *set, const struct owner_team *team,
                    const struct sla_calendars *cals, const struct sla_thread *threads,
                    size_t n, int64_t now, const char *owner, const char *rule);

#endif
