#ifndef FOLLOWUP_DAEMON_WRITER_H
#define FOLLOWUP_DAEMON_WRITER_H
/*
 * writer: every store access of the daemon runs here, one job at a time,
 * on libuv's thread pool, so the loop thread never waits on SQLite or on
 * parsing a large message. Jobs run in submission order; each job's done
 * callback runs on the loop thread.
 */
#include <stdbool.h>
#include <uv.h>

struct store;
struct writer;

/* Runs on a pool thread with the store to itself. 0 or -1. */
typedef int writer_job_fn(struct store *st, void *job);
/* Runs on the loop thread with the job's result. */
typedef void writer_done_fn(int result, void *job);

struct writer *writer_new(uv_loop_t *loop, struct store *st);
void writer_submit(struct writer *w, writer_job_fn *fn, writer_done_fn *done, void *job);
/* The store stopped taking writes (a full disk, an I/O error, a write
 * lock held elsewhere) and has not taken one since. The writer has logged
 * it once; callers retry without logging each failure again. */
bool writer_store_failing(const struct writer *w);
/* No job queued or running. */
bool writer_idle(const struct writer *w);
/* Only when idle. */
void writer_free(struct writer **w);

#endif
