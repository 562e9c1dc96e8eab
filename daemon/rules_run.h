#ifndef FOLLOWUP_DAEMON_RULES_RUN_H
#define FOLLOWUP_DAEMON_RULES_RUN_H
/*
 * rules_run: followupd's rules engine. A pass:
 *
 *  1. plan (core/plan.c, in a store job): acknowledgements for new
 *     inquiries, alerts for conversations at a warning, a breach or an
 *     escalation, and the daily digests; each queued in the outbox in the
 *     same transaction as the decision, under a key that makes it unique;
 *  2. send what is due in the outbox, one message at a time (daemon/smtp.c),
 *     and record each answer: sent (filed on the timeline), retry later,
 *     or given up.
 * A pass runs after every sync cycle and at least every minute.
 */
#include <stdbool.h>
#include <stdint.h>
#include <uv.h>

struct config;
struct core_runtime;
struct core_rules;
struct writer;
struct status;
struct rules_runner;

struct rules_settings {
	const struct config *cfg;             /* borrowed, all of them */
	const struct core_runtime *rt;
	const struct core_rules *rules;
	struct writer *writer;
	int64_t now;                          /* --now, or INT64_MIN for the clock */
	bool repeat;                          /* false (--once): no timer */
	struct status *status;                /* borrowed: "outbox: N waiting"; or NULL */
};

typedef void rules_done_fn(struct rules_runner *rr, void *ctx);

struct rules_runner *rules_runner_new(uv_loop_t *loop, const struct rules_settings *s);
/* Runs a pass now (or right after the one running); done (may be NULL)
 * is called when that pass has finished. */
void rules_runner_pass(struct rules_runner *rr, rules_done_fn *done, void *ctx);
/* Stops after the store job or SMTP transaction in flight; stopped is
 * called when nothing runs any more. */
void rules_runner_stop(struct rules_runner *rr, rules_done_fn *stopped, void *ctx);
void rules_runner_free(struct rules_runner **rr);

#endif
