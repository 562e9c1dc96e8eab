#ifndef FOLLOWUP_CORE_PLAN_H
#define FOLLOWUP_CORE_PLAN_H
/*
 * plan: what the rules want sent, decided and queued in the outbox inside
 * the caller's transaction: acknowledgements of new inquiries (rules/ack.c
 * decides from what analysing the inquiry found, the template of its
 * language is rendered, compose/ builds the mail), alerts for
 * conversations at a warning, a breach or an escalation (rules/sla.c),
 * and the daily digests. Each under a key that makes it unique, so a plan
 * made twice queues nothing twice. Sending is the daemon's.
 */
#include <stdint.h>
#include <glib.h>

#include "config/config.h"
#include "core/rules_runtime.h"
#include "core/runtime.h"
#include "store/store.h"

enum core_note_level {
	CORE_NOTE_INFO = 0,
	CORE_NOTE_WARNING,
};

/* A line for the log about what was planned. The caller tells the notes
 * only once the transaction committed: a plan rolled back (a crash, a
 * full disk) is made again, and its lines would be told twice. */
struct core_plan_note {
	enum core_note_level level;
	char *text;
};

struct core_plan {
	const struct config *cfg;          /* borrowed, all of them */
	const struct core_runtime *rt;
	const struct core_rules *rules;
	int64_t now;
	unsigned queued;                   /* out: mails queued */
	GArray *notes;                     /* out: struct core_plan_note, or NULL */
	char *error;                       /* private */
};

/* One pass over every rule. 0, or -1 with *error_r (g_free); the caller
 * rolls back then. */
int core_plan_pass(struct store *st, struct core_plan *plan, char **error_r);
/* Frees the notes (and sets plan->notes NULL). */
void core_plan_notes_free(struct core_plan *plan);

#endif
