#ifndef FOLLOWUP_RULES_RULE_SET_H
#define FOLLOWUP_RULES_RULE_SET_H
/*
 * rule_set: the [rule NAME] sections of followup.conf (kept verbatim by
 * config/ as struct ini_section) checked and turned into rules.
 *
 *   [rule ack-inquiry]                 [rule first-response]
 *   on = inquiry                       on = inquiry
 *   action = acknowledge               until = our-reply
 *   template = /etc/followup/templates/ack
 *   max-age = 24h                      within = 24h business
 *                                      notify = owner
 *                                      escalate = manager after 24h business
 *   [rule quote-follow-up]             [rule payment-reminder]
 *   on = quote                         on = payment-due
 *   until = customer-reply             before = 3d
 *   within = 3d                        late-every = 3d
 *   notify = owner                     notify = owner, finance@example.com
 *   warn-at = 75%
 *                                      [rule key-customer-silent]
 *   [rule next-action]                 on = silence
 *   on = next-action                   within = 60d
 *                                      grade = S, A
 *
 * A payment-due rule with action = remind-customer and a template writes
 * to the buyer instead (templates/payment-reminder*.txt).
 *
 * Pure: paths are kept as written (relative ones resolved against the
 * config's directory by the caller); errors say "FILE:LINE: [rule NAME]
 * KEY: what is wrong (what to write)".
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lib/ini_section.h"

enum rule_trigger {
	RULE_ON_INQUIRY = 0,      /* an inquiry starts the clock / is acknowledged */
	RULE_ON_QUOTE,            /* a quotation we sent */
	RULE_ON_PAYMENT_DUE,      /* an order's payment due date (the sheet) */
	RULE_ON_NEXT_ACTION,      /* a customer's next-action date (the sheet) */
	RULE_ON_SILENCE,          /* a customer who has written nothing for `within` */
};

enum rule_action {
	RULE_ACTION_ACKNOWLEDGE = 0, /* action = acknowledge */
	RULE_ACTION_SLA,             /* no action key: a service level (within = ...) */
	RULE_ACTION_NOTIFY,          /* no action key on a sheet trigger: tell people */
	RULE_ACTION_REMIND_CUSTOMER, /* action = remind-customer (on = payment-due) */
};

enum rule_until {
	RULE_UNTIL_OUR_REPLY = 0,    /* our first outbound message after the trigger */
	RULE_UNTIL_CUSTOMER_REPLY,   /* the customer's first real message after it:
	                                auto-replies, bounces and bulk do not count */
};

enum rule_who {
	RULE_WHO_NONE = 0,
	RULE_WHO_OWNER,              /* the thread's owner (rules/owner.h) */
	RULE_WHO_MANAGER,            /* the owner's manager ([person] manager) */
	RULE_WHO_ADDRESS,            /* a fixed address */
};

/* pause-while conditions: the clock does not run while ... */
#define RULE_PAUSE_WAITING_ON_CUSTOMER (1u << 0) /* "waiting-on-customer": the
                                                   thread's last sales message is ours */
#define RULE_PAUSE_OUT_OF_OFFICE (1u << 1)       /* "out-of-office": the customer's
                                                   latest message is an auto-reply */

struct rule_duration {
	int64_t seconds;
	bool business;               /* "24h business": working time of the calendar */
};

/* One of the people a rule tells ("notify = owner, finance@example.com"). */
struct rule_recipient {
	enum rule_who who;
	char *address;               /* RULE_WHO_ADDRESS */
};
#define RULE_MAX_RECIPIENTS 8

/* An acknowledgement rule's limits when its keys are left out (and when
 * rules/ack.c is given no rule). */
#define RULE_DEFAULT_MAX_AGE (24 * 3600)
#define RULE_DEFAULT_ACK_INTERVAL (24 * 3600)
#define RULE_DEFAULT_ACK_DOMAIN_CAP 5
#define RULE_DEFAULT_ACK_HOURLY_CAP 60

struct rule {
	char *name;
	int line;                    /* of the section header */
	enum rule_trigger on;
	enum rule_action action;

	/* action = acknowledge */
	char *template_base;         /* "…/templates/ack": ack.txt, ack.de.txt … */
	int64_t max_age;             /* never acknowledge older mail; default 24h */
	int64_t ack_interval;        /* at most one ack per sender per this; default 24h
	                                ("ack-interval") */
	unsigned ack_domain_cap;     /* at most this many acks per sender domain per
	                                ack_interval, free mail not counted as a
	                                domain; default 5 ("ack-domain-cap") */
	unsigned ack_hourly_cap;     /* at most this many acks in all per hour;
	                                default 60 ("ack-hourly-cap") */

	/* service level */
	enum rule_until until;
	struct rule_duration within;
	unsigned warn_at_percent;    /* 0: no warning; "warn-at = 75%" */
	enum rule_who notify;
	char *notify_address;        /* RULE_WHO_ADDRESS */
	bool has_escalate;
	enum rule_who escalate_to;
	char *escalate_address;
	struct rule_duration escalate_after; /* counted from the breach */
	unsigned pause_while;        /* RULE_PAUSE_* bits */

	/* Everyone notify names, in order (a service level names one: it is
	 * also notify / notify_address above). Sheet triggers without action
	 * tell the owner when the key is left out; remind-customer tells
	 * nobody of ours unless the key is given. */
	struct rule_recipient *recipients;
	size_t n_recipients;

	/* the sheet's dates */
	int64_t before;              /* payment-due: first reminder this long before the
	                                due date (calendar time); 0: none before */
	int64_t late_every;          /* payment-due: after the due date, every this long
	                                while unpaid; 0: once, the day after it */
	char **grades;               /* silence: only customers of these grades, as
	                                written (core/ checks the names); NULL: all */
	int grades_line;             /* the line of the grade key */
};

struct rule_set {
	struct rule *rules;
	size_t n_rules;
};

/* Checks the n [rule NAME] sections of the configuration file at path.
 * 0 and *set_r, or -1 with *error_r (g_free): the first error, naming the
 * path, the line, the rule and the key. Unknown keys, missing required
 * keys, wrong values, a rule name given twice and keys that do not go with
 * the action are errors. */
int rule_set_new(const char *path, const struct ini_section *sections, size_t n,
                 struct rule_set **set_r, char **error_r);
void rule_set_free(struct rule_set **set);
const struct rule *rule_set_find(const struct rule_set *set, const char *name);

/* "24h business", "3d", "90m" (business only with "business"). 0 / -1.
 * Units s m h d w; more than 0 and at most 3650d. Working time is counted
 * in s, m or h only ("2d business" is refused: 48 working hours or two
 * working days?). On -1, *error_r is a static reason that reads after
 * the quoted value: "'2x' is not a duration (write 24h, …)". */
int rule_parse_duration(const char *text, struct rule_duration *d_r, const char **error_r);

/* The rule in plain words, for `followup rules`, e.g.
 * "Acknowledge each new inquiry once, in the buyer's language, with the
 *  templates /etc/followup/templates/ack*.txt, unless it is older than 24
 *  hours; at most one per sender per 24 hours and 5 per domain."
 * "Every inquiry must get our first reply within 24 working hours; warn the
 *  owner at 75%, tell the owner when it is late, and the owner's manager
 *  24 working hours after that."  New string. */
char *rule_describe(const struct rule *rule);

/* "inquiry", "quote", "payment-due", "next-action", "silence". */
const char *rule_trigger_name(enum rule_trigger on);
/* "acknowledge", "service-level", "notify", "remind-customer". */
const char *rule_action_name(enum rule_action action);
/* True for the triggers of the sheet's dates (payment-due, next-action,
 * silence): core/plan_sheet.c runs them, not the service levels. */
bool rule_is_sheet(const struct rule *rule);

#endif
