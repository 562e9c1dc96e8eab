#ifndef FOLLOWUP_RULES_SHEET_H
#define FOLLOWUP_RULES_SHEET_H
/*
 * sheet: when the follow-up sheet's own dates call for a mail under a
 * rule of on = payment-due, next-action or silence, and which occasion
 * that is. Pure: (rule, the item's dates, calendar, now) -> occasion; the
 * planner (core/plan_sheet.c) sends one mail per occasion, and `followup
 * overdue` lists what is due.
 *
 * Dates written as days ("2026-11-23") are local days of the calendar
 * (the owner's). A mail goes at the occasion's moment, or at the first
 * working moment after it (never at night or on a holiday).
 *
 *   payment-due  before = 3d: one occasion "before" from 00:00 three days
 *                before the due date; after the due day, "late-K" at
 *                due date + K * late-every (K = 1, 2 …), only the latest
 *                one; without late-every, one occasion "late" the day
 *                after the due date. Nothing once the order is settled.
 *   next-action  the next date itself (a day's 00:00, or the instant
 *                written): one occasion per date written.
 *   silence      the customer's latest mail + within: one occasion per
 *                silence (a new mail from them starts another).
 */
#include <stdbool.h>
#include <stdint.h>

#include "rules/bizcal.h"
#include "rules/rule_set.h"

enum sheet_state {
	SHEET_NONE = 0,      /* nothing to tell at now */
	SHEET_DUE_SOON,      /* a payment within `before` of its due date, or due today */
	SHEET_LATE,          /* a payment past its due day */
	SHEET_DUE,           /* a next-action date has come */
	SHEET_SILENT,        /* a customer has written nothing for `within` */
};

struct sheet_occasion {
	enum sheet_state state;
	int64_t due;             /* the payment's due day (its 00:00), the next-action
	                            moment, or when the silence became one */
	int64_t overdue_seconds; /* how late: now - end of the due day (payment), now -
	                            due (next action, silence); 0 when due soon */
	/* The occasion to mail about, if any: occasion[0] == '\0' when the
	 * state calls for none now (late, but before the first late-every
	 * step). */
	char occasion[32];       /* "before", "late", "late-2", the date, the silence's start */
	int64_t mail_at;         /* its first working moment: mail when now >= mail_at */
};

/* due: "YYYY-MM-DD"; settled: paid in full or cancelled. 0 and *o_r, or
 * -1 when due is no date (or the rule is no payment-due rule). */
int sheet_payment(const struct rule *rule, const char *due, bool settled,
                  const struct bizcal *cal, int64_t now, struct sheet_occasion *o_r);
/* next_date: "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SSZ"; NULL: none. 0, or -1
 * when it is neither. */
int sheet_next_action(const struct rule *rule, const char *next_date,
                      const struct bizcal *cal, int64_t now, struct sheet_occasion *o_r);
/* last_inbound: the customer's latest mail to us; INT64_MIN: never. */
int sheet_silence(const struct rule *rule, int64_t last_inbound, const struct bizcal *cal,
                  int64_t now, struct sheet_occasion *o_r);
/* True when grade (the customer's, NULL: none) is one of the rule's
 * grades, or the rule names none. ASCII case does not count. */
bool sheet_grade_matches(const struct rule *rule, const char *grade);

/* "due-soon", "late", "due", "silent", "none". */
const char *sheet_state_name(enum sheet_state state);

#endif
