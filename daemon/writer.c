/*
 * writer: see writer.h. One uv_work_t in flight at a time keeps the store
 * single-threaded without a lock.
 */
#include <glib.h>

#include "daemon/writer.h"

struct writer_job {
	uv_work_t work;
	struct writer *w;
	writer_job_fn *fn;
	writer_done_fn *done;
	void *job;
	int result;
};

struct writer {
	uv_loop_t *loop;
	struct store *st;
	GQueue queue;             /* struct writer_job * not yet started */
	struct writer_job *running;
};

static void start_next(struct writer *w);

static void run_job(uv_work_t *work)
{
	struct writer_job *j = work->data;

	j->result = j->fn(j->w->st, j->job);
}

static void job_done(uv_work_t *work, int status)
{
	struct writer_job *j = work->data;
	struct writer *w = j->w;

	w->running = NULL;
	if (status != 0)
		j->result = -1;
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
