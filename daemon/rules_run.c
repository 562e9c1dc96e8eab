/*
 * rules_run: see rules_run.h. Planning (core/plan.c) runs as a store job
 * on the thread pool; sending runs on the loop, one SMTP transaction at a
 * time, each answer recorded by a store job.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <glib.h>

#include "daemon/rules_run.h"
#include "daemon/log.h"
#include "daemon/smtp.h"
#include "daemon/status.h"
#include "daemon/writer.h"
#include "config/config.h"
#include "core/rules_runtime.h"
#include "core/filing.h"
#include "core/grade.h"
#include "core/plan.h"
#include "core/runtime.h"
#include "store/store.h"

#define PASS_INTERVAL_S 60
#define SEND_BATCH 50
#define GIVE_UP_AFTER (3 * 24 * 3600)     /* temporary failures for this long: give up */
#define RECORD_DELAY_MAX_S 60             /* a full disk is checked again at least this often */

struct rules_runner {
	uv_loop_t *loop;
	struct rules_settings s;
	struct smtp_client *smtp;
	uv_timer_t timer;
	bool running;             /* a pass is under way */
	bool again;               /* another pass was asked for meanwhile */
	bool stopping;
	rules_done_fn *done, *next_done, *stopped;
	void *done_ctx, *next_done_ctx, *stopped_ctx;

	/* the send phase */
	struct store_outbox_item *item;   /* claimed, being sent */
	struct result_job *unrecorded;    /* an answer not yet recorded */
	uv_timer_t record_timer;          /* the next try to record it */
	unsigned record_delay_s;          /* 0 while answers are recorded */
	unsigned sent_in_pass;
	bool recovered;                   /* rows a stopped run left "sending" are pending again */
	unsigned open_handles;            /* while closing */
};

/* A store job of a pass: the plan (core/plan.c), its lines told once
 * the plan committed. */
struct plan_job {
	struct rules_runner *rr;
	struct core_plan plan;
	char *error;
	int graded;               /* core_grade_daily(): 0 graded, 1 not due, -1 */
	size_t n_graded;
	char *grade_error;
	int64_t waiting;          /* the outbox after the plan; -1: not counted */
};

/* Logs the plan's notes (when told) and frees them. */
static void plan_notes_flush(struct plan_job *job, bool tell)
{
	GArray *notes = job->plan.notes;

	for (guint i = 0; tell && notes != NULL && i < notes->len; i++) {
		const struct core_plan_note *n = &g_array_index(notes, struct core_plan_note, i);
		log_msg(n->level == CORE_NOTE_WARNING ? LOG_LEVEL_WARNING : LOG_LEVEL_INFO, "%s",
		        n->text);
	}
	core_plan_notes_free(&job->plan);
}

struct result_job {
	struct rules_runner *rr;
	int64_t id;
	int64_t now;
	enum smtp_result result;
	char *detail;
	int64_t created;
	unsigned attempts;        /* counting this one */
	char *what;               /* "ack to x@y <id>", for the log */
	char *error;
};

static int64_t clock_now(const struct rules_runner *rr)
{
	return rr->s.now != INT64_MIN ? rr->s.now : (int64_t)time(NULL);
}

static void pass_begin(struct rules_runner *rr);

/* ---- grading, once a day ---- */

/* In the pass's store job, before the plan: every customer graded when
 * no grade was computed in the last 24 hours. Its own transaction: a
 * failure here stops nothing of the plan. */
static void run_grading(struct store *st, struct plan_job *job)
{
	job->graded = core_grade_daily(st, job->plan.cfg, job->plan.now, &job->n_graded,
	                               &job->grade_error);
}

/* On the loop: what the grading did, told. */
static void grading_told(struct plan_job *job)
{
	/* An empty store grades no one at every pass: nothing to tell. */
	if (job->graded == 0 && job->n_graded > 0)
		log_info("grades: %zu customers graded", job->n_graded);
	else if (job->graded < 0 && !writer_store_failing(job->rr->s.writer))
		log_error("grades: %s", job->grade_error != NULL ? job->grade_error : "failed");
	g_free(job->grade_error);
	job->grade_error = NULL;
}

/* In a store job, for the status line: -1 when it cannot be counted
 * (nothing to log: the status line just keeps the last count). */
static int64_t outbox_waiting(struct store *st)
{
	int64_t n = -1;
	char *error = NULL;

	if (store_outbox_waiting(st, &n, &error) < 0)
		n = -1;
	g_free(error);
	return n;
}

static int run_plan(struct store *st, void *p)
{
	struct plan_job *job = p;

	/* The grades first: a silence rule keyed on grades sees today's. */
	job->graded = 1;
	run_grading(st, job);
	if (store_begin(st, &job->error) < 0)
		return -1;
	log_debug("rules: planning a pass");
	if (core_plan_pass(st, &job->plan, &job->error) < 0) {
		store_rollback(st);
		return -1;
	}
	if (store_commit(st, &job->error) < 0)
		return -1;
	job->waiting = outbox_waiting(st);
	return 0;
}

/* ---- sending ---- */

/*
 * One message at a time: claim it (a committed transaction), send it,
 * record the answer. What cannot be claimed is not sent. An answer that
 * cannot be recorded (a full disk) is kept here and recorded again and
 * again, with a growing pause, and nothing else is sent meanwhile: a
 * message the server took is never sent twice while followupd runs.
 */

struct claim_job {
	struct rules_runner *rr;
	int64_t now;
	struct store_outbox_item *item;   /* NULL: nothing due */
	int64_t waiting;                  /* pending after the claim; -1: not counted */
	char *error;
};

static void pass_end(struct rules_runner *rr);
static void claim_next(struct rules_runner *rr);

/* Retry after 1, 5, 15, 60 minutes, then every 2 hours. */
static int64_t backoff(unsigned failures)
{
	static const int64_t steps[] = { 60, 300, 900, 3600 };

	return failures < G_N_ELEMENTS(steps) ? steps[failures] : 7200;
}

static int run_result(struct store *st, void *p)
{
	struct result_job *job = p;
	int ret = -1;

	g_free(job->error);
	job->error = NULL;
	if (store_begin(st, &job->error) < 0)
		return -1;
	switch (job->result) {
	case SMTP_SENT:
		ret = core_outbox_sent(st, &job->rr->s.rt->filing, job->id, job->now, true,
		                       &job->error);
		if (ret < 0 && store_last_failure(st) == STORE_FAILURE_OTHER) {
			/* Not the disk: filing our own mail failed for a reason that
			 * trying again will not cure. That it was sent is what must
			 * be recorded; the timeline goes without it. */
			log_error("outbox: %s was sent but cannot be filed on the timeline: %s",
			          job->what, job->error);
			store_rollback(st);
			g_free(job->error);
			job->error = NULL;
			if (store_begin(st, &job->error) < 0)
				return -1;
			ret = core_outbox_sent(st, NULL, job->id, job->now, false, &job->error);
		}
		break;
	case SMTP_TEMPFAIL:
		if (job->now - job->created > GIVE_UP_AFTER)
			ret = store_outbox_failed(st, job->id, job->detail, &job->error);
		else
			ret = store_outbox_retry(st, job->id,
			                         job->now + backoff(job->attempts > 0
			                                            ? job->attempts - 1 : 0),
			                         job->detail, &job->error);
		break;
	case SMTP_PERMFAIL:
		ret = store_outbox_failed(st, job->id, job->detail, &job->error);
		break;
	}
	if (ret < 0) {
		store_rollback(st);
		return -1;
	}
	return store_commit(st, &job->error);
}

static void result_job_free(struct result_job **jobp)
{
	struct result_job *job = *jobp;

	if (job == NULL)
		return;
	*jobp = NULL;
	g_free(job->what);
	g_free(job->detail);
	g_free(job->error);
	g_free(job);
}

static void on_result_recorded(int result, void *p);

static void record_result(struct rules_runner *rr)
{
	writer_submit(rr->s.writer, run_result, on_result_recorded, rr->unrecorded);
}

static void on_record_timer(uv_timer_t *timer)
{
	record_result(timer->data);
}

/* The answer stays in memory; the outbox waits until it is recorded. */
static void keep_unrecorded(struct rules_runner *rr, struct result_job *job)
{
	if (rr->stopping) {
		log_error("outbox: %s: the server's answer (%s) could not be recorded before "
		          "stopping: %s; it will be sent again when followupd starts",
		          job->what, job->detail, job->error);
		result_job_free(&rr->unrecorded);
		pass_end(rr);
		return;
	}
	if (rr->record_delay_s == 0 && !writer_store_failing(rr->s.writer))
		log_error("outbox: %s: cannot record the server's answer (%s): %s; keeping it, "
		          "and sending nothing more until it is recorded", job->what, job->detail,
		          job->error);
	else
		log_debug("outbox: %s: still cannot record the answer: %s", job->what, job->error);
	rr->record_delay_s = rr->record_delay_s == 0 ? 1 : MIN(rr->record_delay_s * 2,
	                                                        RECORD_DELAY_MAX_S);
	uv_timer_start(&rr->record_timer, on_record_timer, (uint64_t)rr->record_delay_s * 1000, 0);
}

static void on_result_recorded(int result, void *p)
{
	struct result_job *job = p;
	struct rules_runner *rr = job->rr;

	if (result < 0) {
		keep_unrecorded(rr, job);
		return;
	}
	if (rr->record_delay_s != 0)
		log_notice("outbox: %s: the server's answer is recorded now; sending again",
		           job->what);
	rr->record_delay_s = 0;
	result_job_free(&rr->unrecorded);
	/* A daemon ends a pass after a batch, so that planning is not held up
	 * by a long queue (the next pass goes on); --once sends all that is due. */
	if (++rr->sent_in_pass >= SEND_BATCH && rr->s.repeat) {
		rr->again = true;
		pass_end(rr);
	} else {
		claim_next(rr);
	}
}

static void on_sent(enum smtp_result result, const char *detail, void *ctx)
{
	struct rules_runner *rr = ctx;
	struct store_outbox_item *it = rr->item;
	struct result_job *job = g_new0(struct result_job, 1);

	job->rr = rr;
	job->id = it->id;
	job->now = clock_now(rr);
	job->result = result;
	job->detail = g_strdup(detail);
	job->created = it->created;
	job->attempts = it->attempts;
	job->what = g_strdup_printf("%s to %s <%s>", it->kind, it->recipient, it->message_id);
	/* The rule that queued it and the mail's own Message-ID, for
	 * `journalctl FOLLOWUP_RULE=…`. */
	struct log_fields fields = { .rule = it->rule, .message_id = it->message_id };
	switch (result) {
	case SMTP_SENT:
		log_fields_msg(LOG_LEVEL_INFO, &fields, "sent %s", job->what);
		break;
	case SMTP_TEMPFAIL:
		log_fields_msg(LOG_LEVEL_WARNING, &fields, "%s not sent, will retry: %s", job->what,
		               detail);
		break;
	case SMTP_PERMFAIL:
		log_fields_msg(LOG_LEVEL_ERROR, &fields, "%s given up: %s", job->what, detail);
		break;
	}
	store_outbox_items_free(&rr->item, 1);
	rr->unrecorded = job;
	record_result(rr);
}

static int run_claim(struct store *st, void *p)
{
	struct claim_job *job = p;
	int rc;

	if (store_begin(st, &job->error) < 0)
		return -1;
	rc = store_outbox_claim(st, job->now, &job->item, &job->error);
	if (rc < 0 || store_commit(st, &job->error) < 0) {
		store_rollback(st);
		store_outbox_items_free(&job->item, 1);
		return -1;
	}
	job->waiting = outbox_waiting(st);
	return 0;
}

static void on_claimed(int result, void *p)
{
	struct claim_job *job = p;
	struct rules_runner *rr = job->rr;

	if (result < 0 && !writer_store_failing(rr->s.writer))
		log_error("outbox: %s", job->error);
	if (result == 0 && job->waiting >= 0)
		status_outbox(rr->s.status, job->waiting);
	rr->item = job->item;
	g_free(job->error);
	g_free(job);
	/* Once claimed it is sent, even when a stop came meanwhile: the stop
	 * waits for this one transaction, as for any in flight. */
	if (rr->item == NULL) {
		pass_end(rr);
		return;
	}
	/* A transfer that cannot even start is a temporary failure: recorded
	 * like one, so that the claim does not outlive this pass. */
	if (smtp_client_send(rr->smtp, rr->item->envelope_from, rr->item->recipient,
	                     rr->item->raw, rr->item->len, on_sent, rr) < 0)
		on_sent(SMTP_TEMPFAIL, "cannot start an SMTP transaction", rr);
}

static void claim_next(struct rules_runner *rr)
{
	if (rr->stopping) {
		pass_end(rr);
		return;
	}
	struct claim_job *job = g_new0(struct claim_job, 1);
	job->rr = rr;
	job->now = clock_now(rr);
	writer_submit(rr->s.writer, run_claim, on_claimed, job);
}

static void on_planned(int result, void *p)
{
	struct plan_job *job = p;
	struct rules_runner *rr = job->rr;

	plan_notes_flush(job, result == 0);
	grading_told(job);
	if (result == 0 && job->waiting >= 0)
		status_outbox(rr->s.status, job->waiting);
	if (result < 0 && !writer_store_failing(rr->s.writer))
		log_error("rules: %s", job->error != NULL ? job->error : "failed");
	g_free(job->error);
	g_free(job);
	if (rr->stopping || rr->smtp == NULL) {
		pass_end(rr);
		return;
	}
	rr->sent_in_pass = 0;
	claim_next(rr);
}

/* ---- recovery at start ---- */

struct recover_job {
	struct rules_runner *rr;
	int64_t now;
	struct store_outbox_item *items;
	size_t n;
	char *error;
};

static int run_recover(struct store *st, void *p)
{
	struct recover_job *job = p;

	if (store_begin(st, &job->error) < 0)
		return -1;
	if (store_outbox_recover(st, job->now, &job->items, &job->n, &job->error) < 0 ||
	    store_commit(st, &job->error) < 0) {
		store_rollback(st);
		return -1;
	}
	return 0;
}

static void on_recovered(int result, void *p)
{
	struct recover_job *job = p;

	/* Until it succeeds, each pass tries again first. */
	job->rr->recovered = result == 0;
	if (result < 0 && !writer_store_failing(job->rr->s.writer))
		log_error("outbox: %s", job->error);
	for (size_t i = 0; i < job->n; i++)
		log_warning("outbox: %s to %s <%s> was being sent when followupd stopped; sending "
		            "it again with the same Message-ID", job->items[i].kind,
		            job->items[i].recipient, job->items[i].message_id);
	store_outbox_items_free(&job->items, job->n);
	g_free(job->error);
	g_free(job);
}

static void recover(struct rules_runner *rr)
{
	struct recover_job *job = g_new0(struct recover_job, 1);

	job->rr = rr;
	job->now = clock_now(rr);
	writer_submit(rr->s.writer, run_recover, on_recovered, job);
}

/* ---- passes ---- */

static void on_timer(uv_timer_t *timer)
{
	rules_runner_pass(timer->data, NULL, NULL);
}

static void pass_end(struct rules_runner *rr)
{
	store_outbox_items_free(&rr->item, 1);
	rr->running = false;
	rules_done_fn *done = rr->done;
	void *ctx = rr->done_ctx;
	rr->done = NULL;
	if (done != NULL)
		done(rr, ctx);
	if (rr->stopping) {
		if (rr->stopped != NULL) {
			rules_done_fn *stopped = rr->stopped;
			rr->stopped = NULL;
			stopped(rr, rr->stopped_ctx);
		}
		return;
	}
	if (rr->again) {
		rr->again = false;
		rr->done = rr->next_done;
		rr->done_ctx = rr->next_done_ctx;
		rr->next_done = NULL;
		pass_begin(rr);
		return;
	}
	if (rr->s.repeat)
		uv_timer_start(&rr->timer, on_timer, PASS_INTERVAL_S * 1000, 0);
}

static void pass_begin(struct rules_runner *rr)
{
	struct plan_job *job = g_new0(struct plan_job, 1);

	if (!rr->recovered)
		recover(rr);

	rr->running = true;
	uv_timer_stop(&rr->timer);
	job->rr = rr;
	job->plan = (struct core_plan){
		.cfg = rr->s.cfg,
		.rt = rr->s.rt,
		.rules = rr->s.rules,
		.now = clock_now(rr),
	};
	writer_submit(rr->s.writer, run_plan, on_planned, job);
}

struct rules_runner *rules_runner_new(uv_loop_t *loop, const struct rules_settings *s)
{
	struct rules_runner *rr = g_new0(struct rules_runner, 1);

	rr->loop = loop;
	rr->s = *s;
	uv_timer_init(loop, &rr->timer);
	rr->timer.data = rr;
	uv_timer_init(loop, &rr->record_timer);
	rr->record_timer.data = rr;
	if (s->cfg->smtp.present) {
		struct smtp_settings ss = {
			.url = s->cfg->smtp.url,
			.tls = s->cfg->smtp.tls,
			.user = s->cfg->smtp.user,
			.password = s->cfg->smtp.password,
			.oauth = &s->cfg->smtp.oauth,
			.ca_file = s->cfg->smtp.ca_file,
			.timeout_seconds = s->cfg->smtp.timeout_seconds,
		};
		rr->smtp = smtp_client_new(loop, &ss);
	}
	/* Before any pass: what the last run left half-sent is due again. */
	recover(rr);
	return rr;
}

void rules_runner_pass(struct rules_runner *rr, rules_done_fn *done, void *ctx)
{
	if (rr->stopping) {
		if (done != NULL)
			done(rr, ctx);
		return;
	}
	if (rr->running) {
		/* One pass at a time; the asker waits for the next. */
		rr->again = true;
		if (done != NULL) {
			rr->next_done = done;
			rr->next_done_ctx = ctx;
		}
		return;
	}
	rr->done = done;
	rr->done_ctx = ctx;
	pass_begin(rr);
}

void rules_runner_stop(struct rules_runner *rr, rules_done_fn *stopped, void *ctx)
{
	rr->stopping = true;
	uv_timer_stop(&rr->timer);
	if (rr->unrecorded != NULL && uv_is_active((uv_handle_t *)&rr->record_timer)) {
		/* One last try to record the answer before stopping. */
		uv_timer_stop(&rr->record_timer);
		record_result(rr);
	}
	if (!rr->running) {
		if (stopped != NULL)
			stopped(rr, ctx);
		return;
	}
	rr->stopped = stopped;
	rr->stopped_ctx = ctx;
}

static void on_timer_closed(uv_handle_t *handle)
{
	struct rules_runner *rr = handle->data;

	if (--rr->open_handles == 0)
		g_free(rr);
}

void rules_runner_free(struct rules_runner **rrp)
{
	struct rules_runner *rr = *rrp;

	if (rr == NULL)
		return;
	*rrp = NULL;
	smtp_client_free(&rr->smtp);
	store_outbox_items_free(&rr->item, 1);
	result_job_free(&rr->unrecorded);
	rr->open_handles = 2;
	uv_close((uv_handle_t *)&rr->timer, on_timer_closed);
	uv_close((uv_handle_t *)&rr->record_timer, on_timer_closed);
}
