#ifndef FOLLOWUP_DAEMON_SYNC_H
#define FOLLOWUP_DAEMON_SYNC_H
/*
 * sync: one account's mailboxes into the store, incrementally by UID.
 *
 * A cycle: connect and log in; for each configured folder EXAMINE it
 * (read-only: nothing can set \Seen), compare UIDVALIDITY with the store
 * (a new one re-scans the folder; dedupe keeps it free of duplicates),
 * list the UIDs above the stored position with their sizes, and fetch them
 * in batches with BODY.PEEK[]. Each batch is filed in one transaction
 * together with the folder's new position, so a crash at any moment loses
 * nothing and duplicates nothing. Then LOGOUT, and the next cycle after
 * the account's poll interval; after a failure, after a growing backoff.
 *
 * With IDLE (idle = yes, INBOX among the folders, the server offers it,
 * not --once) the connection stays open instead: IDLE on INBOX until new
 * mail (a pass of INBOX alone), the poll interval (a pass of every
 * folder) or 25 minutes (IDLE renewed). cycle_done is called after each
 * such pass as after a cycle. A server that refuses IDLE or keeps ending
 * it is polled for the rest of the run.
 *
 * A UID whose message the server does not hand over (BODY[] NIL, left out
 * of a FETCH, a FETCH refused with NO) is recorded as a fetch failure and
 * tried again at every sync; the position never moves past it until it is
 * given up (store/failures.c). UIDs already stored are not fetched again.
 */
#include <stdbool.h>
#include <stdint.h>
#include <uv.h>

struct config_account;
struct filing_options;
struct writer;
struct status;
struct sync_account;

struct sync_stats {
	uint64_t fetched;         /* messages fetched in the last cycle */
	uint64_t added;           /* new timeline entries */
	uint64_t duplicates;
	uint64_t unparsed;
};

/* Once per cycle, and after each pass while idling: error NULL on
 * success, else the reason (already logged). */
typedef void sync_cycle_fn(struct sync_account *sa, const char *error,
                           const struct sync_stats *stats, void *ctx);

struct sync_settings {
	const struct config_account *account;     /* borrowed, outlives sa */
	const struct filing_options *filing;      /* borrowed */
	struct writer *writer;                    /* borrowed */
	bool repeat;               /* false: one cycle, no retry (--once) */
	uint64_t max_message_size; /* larger messages: headers only; 0: 64 MiB */
	int64_t now;               /* --now, or INT64_MIN for the clock */
	sync_cycle_fn *cycle_done;
	void *ctx;
	struct status *status;     /* borrowed: what the account does; or NULL */
};

struct sync_account *sync_account_new(uv_loop_t *loop, const struct sync_settings *settings);
/* Starts the first cycle now. */
void sync_account_start(struct sync_account *sa);
/* Stops after the store job in flight, if any; stopped(ctx) is called
 * once nothing of this account runs any more (maybe at once). */
typedef void sync_stopped_fn(struct sync_account *sa, void *ctx);
void sync_account_stop(struct sync_account *sa, sync_stopped_fn *stopped, void *ctx);
/* Only after stopped. */
void sync_account_free(struct sync_account **sa);

#endif
