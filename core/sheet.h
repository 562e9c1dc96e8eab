#ifndef FOLLOWUP_CORE_SHEET_H
#define FOLLOWUP_CORE_SHEET_H
/*
 * sheet: every rule of the sheet's dates (on = payment-due, next-action,
 * silence) over every order and customer at a moment: what is due, late
 * or silent, whose it is, and the occasion to tell about. The planner
 * (core/plan_sheet.c) mails the occasions; `followup overdue` lists the
 * entries beside the service levels'. One evaluation for both.
 */
#include <stdint.h>
#include <glib.h>

#include "core/rules_runtime.h"
#include "rules/sheet.h"
#include "store/store.h"

struct core_sheet_entry {
	const struct rule *rule;                 /* borrowed from the rule set */
	const struct store_customer *customer;   /* borrowed from the list */
	const struct store_order *order;         /* payment-due; else NULL */
	const char *owner;                       /* borrowed from the team; NULL: nobody */
	const char *grade;                       /* the customer's, or NULL */
	char *item;                              /* "order:12", "customer:kunde.de" */
	char *subject;                           /* what it is about, in words */
	char *due_local;                         /* the due day as written ("2026-11-26"), or
	                                            the moment in the owner's time */
	struct sheet_occasion occ;
};

struct core_sheet_list {
	GArray *entries;                         /* struct core_sheet_entry, most overdue first */
	struct store_customer **customers;       /* what the entries borrow */
	size_t n_customers;
	struct store_order *orders;
	size_t n_orders;
};

/* Every (sheet rule, order or customer) due, late or silent at now. owner
 * (any case) and rule (a rule's name) filter when not NULL. 0 and
 * *list_r, or -1 with *error_r. */
int core_sheet_list_new(const struct core_rules *rules, struct store *st, int64_t now,
                        const char *owner, const char *rule, struct core_sheet_list **list_r,
                        char **error_r);
void core_sheet_list_free(struct core_sheet_list **list);

/* When e falls due, as a mail to its owner says it: a day as written
 * stays a day, a moment is shown with the owner's zone. */
void core_sheet_due_shown(const struct core_rules *rules, const struct core_sheet_entry *e,
                          char *buf, size_t size);

#endif
