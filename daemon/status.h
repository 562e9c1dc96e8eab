#ifndef FOLLOWUP_DAEMON_STATUS_H
#define FOLLOWUP_DAEMON_STATUS_H
/*
 * status: the one line `systemctl status followupd` shows (STATUS= of
 * daemon/notify.c), from what the accounts and the outbox report:
 *
 *   syncing sales/INBOX 4,200 of 18,000
 *   syncing sales/INBOX 4,200 of 18,000, support; outbox: 2 waiting
 *   idle; next poll 12:01
 *
 * An account in a cycle is "syncing NAME[/FOLDER[ DONE of TOTAL]]"; when
 * none is, "idle; next poll HH:MM", the soonest, in the company's zone;
 * "outbox: N waiting" when mail waits to be sent. Sent at most once a
 * second (a change within the second goes out at its end). Loop thread
 * only.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <glib.h>
#include <uv.h>

struct status;

/* tz: the company's zone, borrowed (outlives the status). */
struct status *status_new(uv_loop_t *loop, GTimeZone *tz);
/* Closes its timer; the memory goes in the close callback. */
void status_free(struct status **s);

/* An account began a cycle (folder NULL), a folder (total 0: not yet
 * listed), or fetched `done` of the folder's `total` messages. */
void status_syncing(struct status *s, const char *account, const char *folder, uint64_t done,
                    uint64_t total);
/* An account waits for its next cycle, at next_poll (Unix time). */
void status_idle(struct status *s, const char *account, int64_t next_poll);
/* Messages waiting in the outbox (not sent nor given up). */
void status_outbox(struct status *s, int64_t waiting);

/* Pure, for the line and the logs: n with a comma every three digits
 * ("18,000"). 32 bytes are enough. */
void status_count_format(uint64_t n, char *buf, size_t size);

/* Pure: the line for these accounts. */
struct status_account {
	char *name;
	bool syncing;
	char *folder;             /* NULL: none yet */
	uint64_t done, total;
	int64_t next_poll;        /* when idle */
};
void status_line(const struct status_account *accounts, size_t n, int64_t outbox_waiting,
                 GTimeZone *tz, GString *out);

#endif
