/*
 * writer: see writer.h. One uv_work_t in flight at a time keeps the store
 * single-threaded without a lock.
 */
#include <glib.h>

#include "daemon/writer.h"
#include "daemon/log.h"
#include "store/store.h"

struct writer_job {
	uv_work_t work;
	struct writer *w;
	writer_job_fn *fn;
	writer_done_fn *done;
	void *job;
	int result;
	enum store_failure failure;   /* why it failed, when it did */
	bool wrote;                   /* it succeeded and changed rows */
};

struct writer {
	uv_loop_t *loop;
	struct store *st;
	GQueue queue;             /* struct writer_job * not yet started */
	struct writer_job *running;
	enum store_failure failing;   /* since the last write that succeeded */
};

static void start_next(struct writer *w);

static void run_job(uv_work_t *work)
{
	struct writer_job *j = work->data;
	struct store *st = j->w->st;
	uint64_t changes = store_changes(st);

	store_failure_clear(st);
	j->result = j->fn(st, j->job);
	j->failure = j->result < 0 ? store_last_failure(st) : STORE_FAILURE_NONE;
	j->wrote = j->result == 0 && store_changes(st) != changes;
}

static const char *failure_text(enum store_failure f)
{
	switch (f) {
	case STORE_FAILURE_FULL:
		return "the disk is full (or the store reached its size limit)";
	case STORE_FAILURE_IO:
		return "an I/O error";
	case STORE_FAILURE_BUSY:
		return "another process holds its write lock";
	default:
		return "an error";
	}
}

/* One line when the store stops taking writes and one when it takes them
 * again, however many jobs fail in between. */
static void note_health(struct writer *w, const struct writer_job *j)
{
	if (j->wrote && w->failing != STORE_FAILURE_NONE) {
		log_notice("store %s: writing again", store_path(w->st));
		w->failing = STORE_FAILURE_NONE;
	} else if (j->failure != STORE_FAILURE_NONE && j->failure != STORE_FAILURE_OTHER &&
	           j->failure != w->failing) {
		log_error("store %s: cannot write: %s; followupd keeps what it has in memory, "
		          "sends nothing it cannot record, and goes on by itself once the store "
		          "takes writes again", store_path(w->st), failure_text(j->failure));
		w->failing = j->failure;
	}
}

static void job_done(uv_work_t *work, int status)
{
	struct writer_job *j = work->data;
	struct writer *w = j->w;

	w->running = NULL;
	if (status != 0)
		j->result = -1;
	note_health(w, j);
	if (j->done != NULL)
		j->done(j->result, j->job);
	g_free(j);
	start_next(w);
}

static void start_next(struct writer *w)
{
	struct writer_job *j;

	if (w->running != NULL || (j = g_queue_pop_head(&w->queue)) == NULL)
		return;
	w->running = j;
	j->work.data = j;
	uv_queue_work(w->loop, &j->work, run_job, job_done);
}

struct writer *writer_new(uv_loop_t *loop, struct store *st)
{
	struct writer *w = g_new0(struct writer, 1);

	w->loop = loop;
	w->st = st;
	g_queue_init(&w->queue);
	return w;
}

void writer_submit(struct writer *w, writer_job_fn *fn, writer_done_fn *done, void *job)
{
	struct writer_job *j = g_new0(struct writer_job, 1);

	j->w = w;
	j->fn = fn;
	j->done = done;
	j->job = job;
	g_queue_push_tail(&w->queue, j);
	start_next(w);
}

bool writer_store_failing(const struct writer *w)
{
	return w->failing != STORE_FAILURE_NONE;
}

bool writer_idle(const struct writer *w)
{
	return w->running == NULL && w->queue.length == 0;
}

void writer_free(struct writer **wp)
{
	struct writer *w = *wp;

	if (w == NULL)
		return;
	*wp = NULL;
	g_free(w);
}
