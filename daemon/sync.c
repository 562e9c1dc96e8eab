/*
 * sync: see sync.h. A small state machine per account, driven by the
 * IMAP connection's callbacks and the writer's job completions.
 */
#include <stdatomic.h>
#include <malloc.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <glib.h>

#include "daemon/sync.h"
#include "daemon/imap.h"
#include "daemon/log.h"
#include "daemon/status.h"

#include "daemon/oauth.h"
#include "daemon/writer.h"
#include "config/config.h"
#include "core/filing.h"
#include "store/store.h"

#define BATCH_MAX_MESSAGES 200
#define BATCH_MAX_BYTES (8u * 1024 * 1024)
/* Fetched mail held at once (being parsed, waiting, being filed): the next
 * batch is fetched while what is held and a full batch stay within this,
 * and never more than INGESTS_MAX batches; so two batches of 8 MiB, or
 * more smaller ones, keep the parsing threads and the writer busy at once
 * with memory bounded whatever the mailbox. */
#define INFLIGHT_MAX_BYTES (2 * (uint64_t)BATCH_MAX_BYTES)
#define INGESTS_MAX 4
#define DEFAULT_MAX_MESSAGE (64u * 1024 * 1024)
#define BACKOFF_FIRST_S 5
#define BACKOFF_MAX_S 600
#define STORE_BACKOFF_MAX_S 60    /* a full disk is tried again at least this often */
/* IDLE (RFC 2177; docs/DECISIONS.md, "IMAP IDLE"): re-issued before the
 * 29 minutes after which a server may end it; FOLLOWUPD_IDLE_RENEW (1 to
 * 1740 seconds) shortens that for the tests. */
#define IDLE_RENEW_S (25 * 60)
#define IDLE_RENEW_MAX_S (29 * 60)
/* New mail wakes a pass at most this often: a server that floods EXISTS
 * cannot make followupd do anything else. */
#define IDLE_WAKE_GAP_MS 2000
/* The server ended this many IDLEs in a row (not followupd's DONE): the
 * account polls for the rest of the run. */
#define IDLE_DROPS_MAX 3

/* A poll lists the UIDs whose fetch failed by number (and new ones from the
 * folder's recorded UIDNEXT); with more failures than this it lists every
 * UID above the position instead, as one command. */
#define RETRY_LIST_MAX 256

#define PROGRESS_EVERY_MESSAGES 1000   /* a long fetch logs how far it is at least */
#define PROGRESS_EVERY_MS 10000        /* this often */

struct uid_size {
	uint32_t uid;
	uint64_t size;
};

struct batch_item {
	uint32_t uid;
	uint64_t size;
	bool answered;            /* the server sent a FETCH for it, body or not */
	int64_t internaldate;
	unsigned char *raw;       /* NULL until fetched */
	size_t raw_len;
	struct analyzed_message *am; /* analysed, before it is filed */
};

/* A fetched batch is parsed in at most this many parts at once, on the
 * pool threads the writer leaves free (libuv has four by default). */
#define PREPARE_PARTS_MAX 3

enum idle_state {
	IDLE_NONE = 0,            /* a pass runs, or none is planned */
	IDLE_CHECK,               /* EXAMINE INBOX: did mail come since the pass listed it? */
	IDLE_GAP,                 /* it did: the next pass waits for the wake gap */
	IDLE_WAIT,                /* IDLE sent, or idling */
	IDLE_ENDING,              /* DONE sent */
};

/* A store job and its answer; owned by the account while in flight. */
struct store_job {
	struct sync_account *sa;
	/* in */
	const char *folder;
	bool sent_folder;
	int64_t folder_id;
	uint32_t uidvalidity;
	uint32_t last_uid;
	bool reset;
	GArray *items;            /* struct batch_item, for an ingest job */
	char *fetch_end;          /* for an ingest job: how the FETCH ended, in the
	                           * server's words ("OK …", "NO …") */
	int64_t now;
	GArray *uids;             /* uint32_t listed above the position, for a filter job;
	                           * the failed UIDs to try again, for a folder job */
	size_t failed_total;      /* a folder job: how many failed UIDs there are */
	uint32_t uidnext;         /* nonzero: every UID below it is listed, and once this
	                           * job is stored, stored or recorded (the listing's
	                           * last job records it) */
	uint32_t messages;
	bool truncated;
	uint64_t bytes;           /* an ingest job: its raw mail */
	unsigned parts_pending;   /* prepare work still running */
	bool prepared;
	/* out */
	struct store_folder state;
	struct sync_stats stats;
	char *error;
};

struct sync_account {
	uv_loop_t *loop;
	struct sync_settings s;
	const struct config_account *acc;
	char *label;
	uint64_t max_message;

	struct imap_conn *conn;
	struct oauth_client *oauth; /* auth = xoauth2 or oauthbearer, else NULL */
	bool oauth_retried;       /* this cycle refreshed a refused token already */
	uv_timer_t timer;
	bool timer_closed;

	bool stopping;
	sync_stopped_fn *stopped;
	void *stopped_ctx;
	unsigned jobs_in_flight;  /* store jobs submitted and not yet finished */
	unsigned ingests_in_flight;
	uint64_t bytes_in_flight; /* the raw mail of those ingests */
	GQueue preparing;         /* ingest jobs in fetch order, until handed to the writer */
	bool fetch_waiting;       /* a fetch waits for an ingest to finish */
	bool in_cycle;
	bool ending;              /* the cycle is over once its jobs finish */
	char *cycle_error;
	bool store_failed;        /* the cycle failed because the store took no write */
	/* Set on the loop thread when a batch could not be filed; the batches
	 * after it, read on the writer's thread, are not filed either: a
	 * folder's position and UIDNEXT never pass what is not stored. */
	atomic_bool filing_broken;

	unsigned backoff_s;
	struct sync_stats stats;

	/* the folder being synced */
	size_t folder_idx;
	struct store_folder folder;
	bool server_has_uidvalidity;
	uint32_t server_uidvalidity;
	uint32_t server_uidnext;
	uint32_t server_exists;
	GArray *retry;            /* uint32_t: UIDs whose fetch failed, to try again */
	bool retry_all;           /* too many of them: list from the position */
	uint32_t list_uidnext;    /* recorded once what the listing found is stored */
	GArray *pending;          /* struct uid_size above the stored position */
	size_t pending_next;
	GArray *batch;            /* struct batch_item being fetched */
	bool batch_truncated;
	uint32_t listed_max;      /* the highest UID the server listed */
	uint32_t batch_ceiling;   /* how far the position may move once the batch
	                           * is stored: below the next UID left to fetch */

	/* IDLE on INBOX between passes, on the pass's connection */
	int inbox_idx;            /* INBOX among the folders, or -1 */
	bool idle_off;            /* this run polls: idle = no, --once, no INBOX,
	                           * or the server refused or kept ending IDLE */
	bool idle_told;           /* "waiting for new mail with IDLE" said once */
	bool no_idle_told;        /* "the server does not offer IDLE" said once */
	bool server_idle;         /* this connection's server offers IDLE */
	bool inbox_failed;        /* this connection could not open INBOX */
	unsigned idle_drops;      /* IDLEs in a row the server ended, not followupd */
	uint64_t renew_ms;
	enum idle_state idle;
	bool pass_inbox_only;
	bool pass_network_done;   /* the pass's folders are done; its store jobs may run */
	bool new_mail;            /* EXISTS while idling, or the check saw mail */
	uint64_t pass_started;    /* uv_now() */
	uint64_t pass_started_ns; /* uv_hrtime(), and the bytes then: for the debug line */
	uint64_t pass_bytes_in, pass_bytes_out;
	uint64_t poll_due;        /* uv_now() of the next pass of every folder */
	uint64_t renew_due;
	uint32_t inbox_uidnext;   /* as the last pass's EXAMINE INBOX saw them */
	uint32_t inbox_exists;
	uint32_t idle_exists;     /* the count while idling */

	/* progress of the folder's fetch, for the log and the status line */
	uint64_t progress_done, progress_total, progress_logged;
	uint64_t progress_logged_ms;
};

static void cycle_begin(struct sync_account *sa);
static void folder_begin(struct sync_account *sa);
static void fetch_next_batch(struct sync_account *sa);
static void pass_maybe_complete(struct sync_account *sa);

static const char *folder_name(const struct sync_account *sa)
{
	return sa->acc->folders[sa->folder_idx];
}

static bool is_sent_folder(const struct sync_account *sa, const char *folder)
{
	for (char **f = sa->acc->sent_folders; f != NULL && *f != NULL; f++) {
		if (strcmp(*f, folder) == 0)
			return true;
	}
	return false;
}

static void batch_clear(GArray *batch)
{
	for (guint i = 0; i < batch->len; i++) {
		struct batch_item *it = &g_array_index(batch, struct batch_item, i);
		g_free(it->raw);
		core_analyzed_free(&it->am);
	}
	g_array_set_size(batch, 0);
}

static void maybe_stopped(struct sync_account *sa)
{
	if (!sa->stopping || sa->in_cycle || sa->stopped == NULL)
		return;
	sync_stopped_fn *stopped = sa->stopped;
	sa->stopped = NULL;
	stopped(sa, sa->stopped_ctx);
}

/* ---- progress ---- */

/* The listing is known: `total` messages of the folder to fetch. */
static void progress_begin(struct sync_account *sa, uint64_t total)
{
	sa->progress_done = sa->progress_logged = 0;
	sa->progress_total = total;
	sa->progress_logged_ms = uv_now(sa->loop);
	status_syncing(sa->s.status, sa->acc->name, folder_name(sa), 0, total);
}

/* The server answered for n more of the folder's messages (with the
 * message, or without: then it is tried again next time). */
static void progress_add(struct sync_account *sa, uint64_t n)
{
	char done[32], total[32];
	const char *folder = folder_name(sa);
	uint64_t now = uv_now(sa->loop);

	sa->progress_done += n;
	status_syncing(sa->s.status, sa->acc->name, folder, sa->progress_done,
	               sa->progress_total);
	/* At each thousand (4,000, 5,000 …, also after a line for the time),
	 * and 10 s after the last line. */
	if (sa->progress_done / PROGRESS_EVERY_MESSAGES ==
	            sa->progress_logged / PROGRESS_EVERY_MESSAGES &&
	    now - sa->progress_logged_ms < PROGRESS_EVERY_MS)
		return;
	sa->progress_logged = sa->progress_done;
	sa->progress_logged_ms = now;
	status_count_format(sa->progress_done, done, sizeof(done));
	status_count_format(sa->progress_total, total, sizeof(total));
	log_fields_msg(LOG_LEVEL_INFO, &(struct log_fields){ .account = sa->acc->name,
	                                                    .folder = folder },
	               "%s: %s: %s of %s fetched", sa->label, folder, done, total);
}

/* ---- cycle end ---- */

static void on_timer(uv_timer_t *timer)
{
	cycle_begin(timer->data);
}

static void log_stats(const struct sync_account *sa)
{
	if (sa->stats.fetched > 0)
		log_info("%s: %llu fetched, %llu new, %llu duplicates, %llu unparsed", sa->label,
		         (unsigned long long)sa->stats.fetched,
		         (unsigned long long)sa->stats.added,
		         (unsigned long long)sa->stats.duplicates,
		         (unsigned long long)sa->stats.unparsed);
}

/* Reports the cycle once the last of its store jobs has finished. */
static void cycle_complete(struct sync_account *sa)
{
	const char *error = sa->cycle_error;
	unsigned next_s;

	if (!sa->ending || sa->jobs_in_flight > 0)
		return;
	sa->ending = false;
	sa->in_cycle = false;
	if (error == NULL) {
		sa->backoff_s = 0;
		next_s = sa->acc->poll_seconds;
		log_stats(sa);
	} else {
		sa->backoff_s = sa->backoff_s == 0 ? BACKOFF_FIRST_S : MIN(sa->backoff_s * 2,
		                                                           BACKOFF_MAX_S);
		next_s = sa->backoff_s;
		if (sa->store_failed && writer_store_failing(sa->s.writer)) {
			/* The writer said so once; space may come back any moment. */
			next_s = MIN(next_s, STORE_BACKOFF_MAX_S);
			if (sa->s.repeat && !sa->stopping)
				log_debug("%s; retrying in %u s", error, next_s);
			else
				log_error("%s", error);
		} else if (sa->s.repeat && !sa->stopping) {
			log_warning("%s; retrying in %u s", error, next_s);
		} else {
			log_error("%s", error);
		}
	}
	sa->store_failed = false;
	if (sa->s.repeat && !sa->stopping)
		status_idle(sa->s.status, sa->acc->name, (int64_t)time(NULL) + next_s);
	if (sa->s.cycle_done != NULL)
		sa->s.cycle_done(sa, error, &sa->stats, sa->s.ctx);
	g_free(sa->cycle_error);
	sa->cycle_error = NULL;
	if (sa->stopping) {
		maybe_stopped(sa);
		return;
	}
	if (sa->s.repeat)
		uv_timer_start(&sa->timer, on_timer, (uint64_t)next_s * 1000, 0);
}

/* Ends the cycle's network side at once (what was fetched but not yet
 * handed to the store is fetched again next time); the cycle is reported
 * when the store jobs already submitted have finished. */
static void cycle_end(struct sync_account *sa, const char *error)
{
	if (sa->oauth != NULL)
		oauth_client_cancel(sa->oauth);
	imap_conn_free(&sa->conn);
	uv_timer_stop(&sa->timer);    /* IDLE's; the next cycle's is set once it is over */
	sa->idle = IDLE_NONE;
	sa->pass_network_done = false;
	batch_clear(sa->batch);
	g_array_set_size(sa->pending, 0);
	sa->fetch_waiting = false;
	if (error != NULL && sa->cycle_error == NULL)
		sa->cycle_error = g_strdup(error);
	sa->ending = true;
	cycle_complete(sa);
}

static void fail_cycle(struct sync_account *sa, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

static void fail_cycle(struct sync_account *sa, const char *fmt, ...)
{
	va_list args;
	char *text;

	va_start(args, fmt);
	text = g_strdup_vprintf(fmt, args);
	va_end(args);
	cycle_end(sa, text);
	g_free(text);
}

static void on_logout(struct imap_conn *conn, enum imap_resp_status status, const char *text,
                      void *ctx)
{
	struct sync_account *sa = ctx;

	(void)conn;
	(void)status;
	(void)text;
	cycle_end(sa, NULL);
}

static void cycle_finish(struct sync_account *sa)
{
	if (imap_conn_command(sa->conn, "LOGOUT", NULL, on_logout, sa) < 0)
		cycle_end(sa, NULL);
}

/* ---- store jobs ---- */

static struct store_job *job_new(struct sync_account *sa)
{
	struct store_job *job = g_new0(struct store_job, 1);

	job->sa = sa;
	job->folder = folder_name(sa);
	job->sent_folder = is_sent_folder(sa, job->folder);
	job->folder_id = sa->folder.id;
	job->uidvalidity = sa->server_uidvalidity;
	sa->jobs_in_flight++;
	return job;
}

static void job_free(struct store_job *job)
{
	if (job->items != NULL) {
		batch_clear(job->items);
		g_array_free(job->items, TRUE);
	}
	if (job->uids != NULL)
		g_array_free(job->uids, TRUE);
	g_free(job->fetch_end);
	g_free(job->error);
	g_free(job);
}

/* On the loop thread after every store job: true when the account goes
 * on with the job's result. Otherwise (the cycle is ending, or the job
 * failed: then the cycle fails saying `what`) the job is freed. */
static bool job_succeeded(struct store_job *job, int result, const char *what)
{
	struct sync_account *sa = job->sa;

	sa->jobs_in_flight--;
	if (sa->ending) {
		job_free(job);
		cycle_complete(sa);
		return false;
	}
	if (result < 0) {
		sa->store_failed = true;
		fail_cycle(sa, "%s: %s: %s: %s", sa->label, job->folder, what,
		           job->error != NULL ? job->error : "unknown error");
		job_free(job);
		return false;
	}
	return true;
}

/* True when an IMAP command succeeded; otherwise the cycle fails, saying
 * what the server refused. */
static bool command_succeeded(struct sync_account *sa, enum imap_resp_status status,
                              const char *text, const char *what)
{
	if (status == IMAP_STATUS_NONE) {
		fail_cycle(sa, "%s", text);   /* the connection failed: text says how */
		return false;
	}
	if (status != IMAP_STATUS_OK) {
		fail_cycle(sa, "%s: %s: the server refused to %s: %s", sa->label, folder_name(sa),
		           what, text);
		return false;
	}
	return true;
}

static int run_folder_get(struct store *st, void *p)
{
	struct store_job *job = p;
	const char *account = job->sa->acc->name;

	uint32_t *failed = NULL;
	size_t n = 0;

	if (store_folder_get(st, account, job->folder, &job->state, &job->error) < 0)
		return -1;
	/* A poll tries these again by number; the listing of the rest starts
	 * at the recorded UIDNEXT. */
	if (store_folder_failed_uids(st, job->state.id, job->state.uidvalidity,
	                             job->state.last_uid, RETRY_LIST_MAX, &failed, &n,
	                             &job->error) < 0)
		return -1;
	job->failed_total = n;
	job->uids = g_array_sized_new(FALSE, FALSE, sizeof(uint32_t), (guint)MIN(n, RETRY_LIST_MAX));
	g_array_append_vals(job->uids, failed, (guint)MIN(n, RETRY_LIST_MAX));
	g_free(failed);
	return 0;
}

static int run_folder_reset(struct store *st, void *p)
{
	struct store_job *job = p;
	int ret = -1;

	if (store_begin(st, &job->error) < 0)
		return -1;
	if (store_folder_reset(st, job->folder_id, job->uidvalidity, &job->error) < 0)
		goto out;
	ret = store_commit(st, &job->error);
	return ret;
out:
	store_rollback(st);
	return ret;
}

/* A UID the server listed and then did not hand over. */
static int record_missing(struct store *st, struct store_job *job, const struct batch_item *it)
{
	const char *label = job->sa->label;
	bool given_up = false;
	char *why = it->answered
		? g_strdup_printf("the server sent no message for it (BODY[] NIL); its FETCH "
		                  "ended \"%s\"", job->fetch_end)
		: g_strdup_printf("the server left it out of its FETCH answer, which ended \"%s\"",
		                  job->fetch_end);
	unsigned tries = 0;
	int ret = store_fetch_failed(st, job->folder_id, job->uidvalidity, it->uid, why, job->now,
	                             &tries, &given_up, &job->error);

	/* One line when it starts and one when it is given up; the tries in
	 * between only at debug level (followup stats counts them). */
	struct log_fields fields = { .account = job->sa->acc->name, .folder = job->folder,
	                             .uid = it->uid };
	if (ret == 0 && given_up)
		log_fields_msg(LOG_LEVEL_WARNING, &fields, "%s: %s: UID %u given up after %u tries "
		               "over %d hours or more: %s (followup stats lists it)", label,
		               job->folder, it->uid, tries, STORE_FETCH_GIVE_UP_AFTER / 3600, why);
	else if (ret == 0)
		log_fields_msg(tries == 1 ? LOG_LEVEL_NOTICE : LOG_LEVEL_DEBUG, &fields,
		               "%s: %s: UID %u: %s; trying again at each sync (try %u)", label,
		               job->folder, it->uid, why, tries);
	g_free(why);
	return ret;
}

/* The listing's last job: every UID below its UIDNEXT is stored, given up
 * or a failure now, so the position may move up to it (never past a
 * failure) and the next poll lists from it. */
static int record_listed(struct store *st, struct store_job *job)
{
	if (job->uidnext == 0)
		return 0;
	if (store_folder_advance(st, job->folder_id, job->uidnext - 1, &job->error) < 0)
		return -1;
	return store_folder_listed(st, job->folder_id, job->uidnext, job->messages, &job->error);
}

static int run_ingest(struct store *st, void *p)
{
	struct store_job *job = p;
	const struct filing_options *opts = job->sa->s.filing;
	uint32_t max_uid = 0;

	if (atomic_load(&job->sa->filing_broken)) {
		job->error = g_strdup("an earlier batch was not stored");
		return -1;
	}
	if (store_begin(st, &job->error) < 0)
		return -1;
	for (guint i = 0; i < job->items->len; i++) {
		struct batch_item *it = &g_array_index(job->items, struct batch_item, i);
		max_uid = MAX(max_uid, it->uid);
		if (it->raw == NULL) {
			if (record_missing(st, job, it) < 0)
				goto fail;
			continue;
		}
		struct ingest_source src = {
			.folder_id = job->folder_id,
			.uidvalidity = job->uidvalidity,
			.uid = it->uid,
			.internaldate = it->internaldate,
			.sent_folder = job->sent_folder,
			.truncated = job->truncated,
			.full_size = it->size,
		};
		struct ingest_report report;
		int rc = it->am != NULL
		         ? core_file_message(st, opts, it->am, it->raw, it->raw_len, &src, &report,
		                             &job->error)
		         : core_file_raw(st, opts, it->raw, it->raw_len, &src, &report, &job->error);
		if (rc < 0)
			goto fail;
		job->stats.fetched++;
		struct log_fields fields = { .account = job->sa->acc->name, .folder = job->folder,
		                             .uid = it->uid, .message_id = report.message_id };
		if (report.outcome == INGEST_NEW)
			job->stats.added++;
		else if (report.outcome == INGEST_DUPLICATE)
			job->stats.duplicates++;
		else if (report.outcome == INGEST_FORGOTTEN)
			log_fields_msg(LOG_LEVEL_INFO, &fields, "%s: %s: UID %u not filed: its sender "
			               "or customer was forgotten (followup forget)", job->sa->label,
			               job->folder, it->uid);
		else {
			job->stats.unparsed++;
			job->stats.added++;
			log_fields_msg(LOG_LEVEL_WARNING, &fields,
			               "%s: %s: UID %u <%s> could not be parsed; stored as unparsed",
			               job->sa->label, job->folder, it->uid,
			               report.message_id != NULL ? report.message_id : "?");
		}
		if (report.limits_hit != 0) {
			char *limits = store_limits_text(report.limits_hit, false);
			log_fields_msg(LOG_LEVEL_WARNING, &fields, "%s: %s: UID %u <%s> hit the limits: "
			               "%s (filed with what fits; see [limits])", job->sa->label,
			               job->folder, it->uid,
			               report.message_id != NULL ? report.message_id : "?", limits);
			g_free(limits);
		}
		g_free(report.message_id);
		if (store_fetch_succeeded(st, job->folder_id, job->uidvalidity, it->uid,
		                          &job->error) < 0)
			goto fail;
	}
	if (store_folder_advance(st, job->folder_id, MAX(max_uid, job->last_uid), &job->error) < 0 ||
	    record_listed(st, job) < 0)
		goto fail;
	return store_commit(st, &job->error);
fail:
	store_rollback(st);
	return -1;
}

/* ---- fetching ---- */

static void on_fetch_untagged(struct imap_conn *conn, const struct imap_response *resp, void *ctx)
{
	struct sync_account *sa = ctx;
	const struct imap_fetch *f = &resp->fetch;

	if (resp->data != IMAP_DATA_FETCH || !f->has_uid)
		return;
	for (guint i = 0; i < sa->batch->len; i++) {
		struct batch_item *it = &g_array_index(sa->batch, struct batch_item, i);
		if (it->uid != f->uid || it->raw != NULL)
			continue;
		if (!it->answered)
			progress_add(sa, 1);
		it->answered = true;
		if (!f->has_body)
			return;
		it->raw = imap_conn_take_literal(conn, f->body, f->body_len);
		it->raw_len = f->body_len;
		it->internaldate = f->has_internaldate ? f->internaldate : INT64_MIN;
		return;
	}
}

static int64_t sync_now(const struct sync_account *sa)
{
	return sa->s.now != INT64_MIN ? sa->s.now : (int64_t)time(NULL);
}

static void add_stats(struct sync_stats *to, const struct sync_stats *from)
{
	to->fetched += from->fetched;
	to->added += from->added;
	to->duplicates += from->duplicates;
	to->unparsed += from->unparsed;
}

/* Whether another batch may be fetched while the others are parsed and
 * filed (INFLIGHT_MAX_BYTES). */
static bool may_fetch_more(const struct sync_account *sa)
{
	return sa->ingests_in_flight < 2 ||
	       (sa->ingests_in_flight < INGESTS_MAX &&
	        sa->bytes_in_flight + BATCH_MAX_BYTES <= INFLIGHT_MAX_BYTES);
}

/* A filed batch's mail (up to BATCH_MAX_BYTES) was freed in the arenas
 * of whichever threads parsed and filed it, between blocks that live on:
 * glibc gives back only what is free at the top of an arena, so the free
 * pages in between are returned here, once a batch: a first sync of
 * 5,000 messages peaked at 54 MB with it, 61 MB without, for CPU within
 * the noise. docs/DECISIONS.md, "Performance: followupd's memory
 * (issue 12)". */
static void give_back_memory(void)
{
	malloc_trim(0);
}

static void on_ingested(int result, void *p)
{
	struct store_job *job = p;
	struct sync_account *sa = job->sa;

	sa->ingests_in_flight--;
	sa->bytes_in_flight -= job->bytes;
	/* What a finished job filed counts even when the cycle is ending. */
	if (result == 0)
		add_stats(&sa->stats, &job->stats);
	else
		atomic_store(&sa->filing_broken, true);
	if (!job_succeeded(job, result, "cannot store messages"))
		return;
	job_free(job);
	give_back_memory();
	if (sa->fetch_waiting && may_fetch_more(sa)) {
		sa->fetch_waiting = false;
		fetch_next_batch(sa);
		return;
	}
	pass_maybe_complete(sa);
}

/* ---- preparing: parsing a batch on several threads ---- */

struct prepare_part {
	uv_work_t req;
	struct store_job *job;
	guint begin, end;         /* items of the job */
};

/* On a pool thread: the part's items are the part's alone. */
static void prepare_work(uv_work_t *req)
{
	struct prepare_part *part = req->data;
	struct store_job *job = part->job;
	const struct filing_options *opts = job->sa->s.filing;

	for (guint i = part->begin; i < part->end; i++) {
		struct batch_item *it = &g_array_index(job->items, struct batch_item, i);
		if (it->raw != NULL)
			it->am = core_analyze(&opts->analyze, it->raw, it->raw_len, job->sent_folder, true);
	}
}

/* Hands prepared jobs to the writer in fetch order: a folder's position
 * only ever moves forward. */
static void submit_prepared(struct sync_account *sa)
{
	struct store_job *job;

	while ((job = g_queue_peek_head(&sa->preparing)) != NULL && job->prepared) {
		g_queue_pop_head(&sa->preparing);
		writer_submit(sa->s.writer, run_ingest, on_ingested, job);
	}
}

static void prepare_done(uv_work_t *req, int status)
{
	struct prepare_part *part = req->data;
	struct store_job *job = part->job;

	(void)status;   /* never cancelled: the job waits for every part */
	g_free(part);
	if (--job->parts_pending > 0)
		return;
	job->prepared = true;
	submit_prepared(job->sa);
}

static void prepare_job(struct sync_account *sa, struct store_job *job)
{
	guint n = job->items->len;
	unsigned parts = MIN(MIN(uv_available_parallelism(), PREPARE_PARTS_MAX), n);

	g_queue_push_tail(&sa->preparing, job);
	if (parts == 0) {
		job->prepared = true;
		submit_prepared(sa);
		return;
	}
	job->parts_pending = parts;
	for (unsigned k = 0; k < parts; k++) {
		struct prepare_part *part = g_new0(struct prepare_part, 1);
		part->req.data = part;
		part->job = job;
		part->begin = (guint)((uint64_t)n * k / parts);
		part->end = (guint)((uint64_t)n * (k + 1) / parts);
		uv_queue_work(sa->loop, &part->req, prepare_work, prepare_done);
	}
}

static void on_fetch_done(struct imap_conn *conn, enum imap_resp_status status,
                          const char *text, void *ctx)
{
	struct sync_account *sa = ctx;

	(void)conn;
	/* A NO refuses these UIDs, not the session: they are recorded as
	 * failures and tried again next time, and the folder goes on. */
	if (status != IMAP_STATUS_NO && !command_succeeded(sa, status, text, "send messages"))
		return;
	struct store_job *job = job_new(sa);
	job->items = sa->batch;
	job->fetch_end = g_strdup_printf("%s %s", status == IMAP_STATUS_NO ? "NO" : "OK", text);
	job->last_uid = sa->batch_ceiling;
	job->now = sync_now(sa);
	job->truncated = sa->batch_truncated;
	if (sa->pending_next >= sa->pending->len) {
		job->uidnext = sa->list_uidnext;
		job->messages = sa->server_exists;
	}
	for (guint i = 0; i < job->items->len; i++)
		job->bytes += g_array_index(job->items, struct batch_item, i).raw_len;
	sa->batch = g_array_new(FALSE, TRUE, sizeof(struct batch_item));
	sa->ingests_in_flight++;
	sa->bytes_in_flight += job->bytes;
	prepare_job(sa, job);
	/* Fetch the next batch while this one is parsed and filed, within
	 * the budget of memory. */
	if (may_fetch_more(sa))
		fetch_next_batch(sa);
	else
		sa->fetch_waiting = true;
}

/* Appends "a:b" or "a" ranges of ascending UIDs. */
static void append_uid_ranges(GString *cmd, const uint32_t *uids, guint n)
{
	for (guint i = 0; i < n;) {
		uint32_t first = uids[i], last = first;
		guint j = i + 1;
		while (j < n && uids[j] == last + 1)
			last = uids[j++];
		if (cmd->len > 0 && cmd->str[cmd->len - 1] != ' ')
			g_string_append_c(cmd, ',');
		if (first == last)
			g_string_append_printf(cmd, "%u", first);
		else
			g_string_append_printf(cmd, "%u:%u", first, last);
		i = j;
	}
}

/* Appends the batch's UIDs as ranges. */
static void append_uid_set(GString *cmd, GArray *batch)
{
	uint32_t *uids = g_new(uint32_t, batch->len);

	for (guint i = 0; i < batch->len; i++)
		uids[i] = g_array_index(batch, struct batch_item, i).uid;
	append_uid_ranges(cmd, uids, batch->len);
	g_free(uids);
}

static void folder_next(struct sync_account *sa);

static void fetch_next_batch(struct sync_account *sa)
{
	uint64_t bytes = 0;

	if (sa->pending_next >= sa->pending->len) {
		folder_next(sa);
		return;
	}
	batch_clear(sa->batch);
	sa->batch_truncated = false;
	/* A message over the size limit goes alone, headers only. */
	const struct uid_size *first = &g_array_index(sa->pending, struct uid_size, sa->pending_next);
	if (first->size > sa->max_message) {
		struct batch_item it = { .uid = first->uid, .size = first->size };
		g_array_append_val(sa->batch, it);
		sa->pending_next++;
		sa->batch_truncated = true;
		log_warning("%s: %s: UID %u is %llu bytes, over the limit of %llu: "
		            "storing its header only", sa->label, folder_name(sa), first->uid,
		            (unsigned long long)first->size, (unsigned long long)sa->max_message);
	} else {
		while (sa->pending_next < sa->pending->len && sa->batch->len < BATCH_MAX_MESSAGES) {
			const struct uid_size *u =
				&g_array_index(sa->pending, struct uid_size, sa->pending_next);
			if (u->size > sa->max_message ||
			    (sa->batch->len > 0 && bytes + u->size > BATCH_MAX_BYTES))
				break;
			struct batch_item it = { .uid = u->uid, .size = u->size };
			g_array_append_val(sa->batch, it);
			bytes += u->size;
			sa->pending_next++;
		}
	}
	/* Listed UIDs between this batch and the next UID to fetch are stored
	 * or given up already (the filter took them out). */
	sa->batch_ceiling = sa->pending_next < sa->pending->len
		? g_array_index(sa->pending, struct uid_size, sa->pending_next).uid - 1
		: sa->listed_max;
	GString *cmd = g_string_new("UID FETCH ");
	append_uid_set(cmd, sa->batch);
	g_string_append(cmd, sa->batch_truncated
	                ? " (UID INTERNALDATE RFC822.SIZE BODY.PEEK[HEADER])"
	                : " (UID INTERNALDATE RFC822.SIZE BODY.PEEK[])");
	/* What the answer should weigh, for its deadline: the listed sizes
	 * (a header is at most the limit of a literal) and a line each. */
	uint64_t expected = sa->batch_truncated ? sa->max_message : bytes;
	expected += (uint64_t)sa->batch->len * 128;
	int rc = imap_conn_command_sized(sa->conn, cmd->str, expected, on_fetch_untagged,
	                                 on_fetch_done, sa);
	g_string_free(cmd, TRUE);
	if (rc < 0)
		fail_cycle(sa, "%s: the connection is gone", sa->label);
}

static gint uid_cmp(gconstpointer a, gconstpointer b)
{
	uint32_t x = ((const struct uid_size *)a)->uid, y = ((const struct uid_size *)b)->uid;

	return x < y ? -1 : x > y;
}

static void on_list_untagged(struct imap_conn *conn, const struct imap_response *resp, void *ctx)
{
	struct sync_account *sa = ctx;
	const struct imap_fetch *f = &resp->fetch;

	(void)conn;
	/* "n:*" also returns the last message when n is above every UID. */
	if (resp->data != IMAP_DATA_FETCH || !f->has_uid || f->uid <= sa->folder.last_uid)
		return;
	struct uid_size u = { .uid = f->uid, .size = f->has_size ? f->rfc822_size : 0 };
	g_array_append_val(sa->pending, u);
}

/* A server may name a UID twice (an unsolicited FETCH among the listing). */
static void uniq_uids(GArray *pending)
{
	guint kept = 0;

	for (guint i = 0; i < pending->len; i++) {
		struct uid_size u = g_array_index(pending, struct uid_size, i);
		if (kept > 0 && g_array_index(pending, struct uid_size, kept - 1).uid == u.uid)
			continue;
		g_array_index(pending, struct uid_size, kept++) = u;
	}
	g_array_set_size(pending, kept);
}

static uint32_t list_start(const struct sync_account *sa);

static int run_filter(struct store *st, void *p)
{
	struct store_job *job = p;
	size_t n = 0;

	if (store_begin(st, &job->error) < 0)
		return -1;
	if (store_folder_filter_new(st, job->folder_id, job->uidvalidity, job->last_uid,
	                            (uint32_t *)(void *)job->uids->data, job->uids->len, &n,
	                            &job->error) < 0 ||
	    (n == 0 && record_listed(st, job) < 0) ||
	    store_commit(st, &job->error) < 0) {
		store_rollback(st);
		return -1;
	}
	g_array_set_size(job->uids, (guint)n);
	return 0;
}

/* Keeps the listed UIDs the filter left, with their sizes. */
static void on_filtered(int result, void *p)
{
	struct store_job *job = p;
	struct sync_account *sa = job->sa;
	guint kept = 0;

	if (!job_succeeded(job, result, "cannot look up stored UIDs"))
		return;
	for (guint i = 0, k = 0; i < sa->pending->len && k < job->uids->len; i++) {
		struct uid_size u = g_array_index(sa->pending, struct uid_size, i);
		if (u.uid != g_array_index(job->uids, uint32_t, k))
			continue;
		g_array_index(sa->pending, struct uid_size, kept++) = u;
		k++;
	}
	g_array_set_size(sa->pending, kept);
	job_free(job);
	sa->pending_next = 0;
	if (sa->pending->len > 0)
		log_info("%s: %s: %u new messages above UID %u", sa->label, folder_name(sa),
		         sa->pending->len, sa->folder.last_uid);
	progress_begin(sa, sa->pending->len);
	fetch_next_batch(sa);
}

static void on_list_done(struct imap_conn *conn, enum imap_resp_status status, const char *text,
                         void *ctx)
{
	struct sync_account *sa = ctx;

	(void)conn;
	if (!command_succeeded(sa, status, text, "list messages"))
		return;
	g_array_sort(sa->pending, uid_cmp);
	uniq_uids(sa->pending);
	sa->listed_max = sa->pending->len > 0
		? g_array_index(sa->pending, struct uid_size, sa->pending->len - 1).uid : 0;
	/* Drop what is stored already (after a UID the server did not send,
	 * the position stays below it, and what came after is not fetched
	 * twice) and what was given up. */
	/* Every UID below this was listed (the failures by number). */
	sa->list_uidnext = MAX(MAX(sa->server_uidnext, sa->listed_max + 1), list_start(sa));
	struct store_job *job = job_new(sa);
	job->last_uid = sa->folder.last_uid;
	job->uidnext = sa->list_uidnext;
	job->messages = sa->server_exists;
	job->uids = g_array_sized_new(FALSE, FALSE, sizeof(uint32_t), sa->pending->len);
	for (guint i = 0; i < sa->pending->len; i++)
		g_array_append_val(job->uids, g_array_index(sa->pending, struct uid_size, i).uid);
	writer_submit(sa->s.writer, run_filter, on_filtered, job);
}

/* The first UID not listed yet: every UID below it is stored, given up or
 * a failure to try again by number (sa->retry). */
static uint32_t list_start(const struct sync_account *sa)
{
	if (sa->retry_all || sa->folder.uidnext <= sa->folder.last_uid)
		return sa->folder.last_uid + 1;
	return sa->folder.uidnext;
}

/* A poll of an unchanged folder ends at EXAMINE: its UIDNEXT is the one
 * recorded and no fetch failed. New mail: only the UIDs from the recorded
 * UIDNEXT on (and the failures by number) are listed. */
static void list_new(struct sync_account *sa)
{
	uint32_t start = list_start(sa);
	bool retry = !sa->retry_all && sa->retry->len > 0;
	bool new_mail = sa->server_uidnext == 0 || sa->server_uidnext > start;

	g_array_set_size(sa->pending, 0);
	if (sa->server_exists == 0 || (!new_mail && !retry)) {
		log_debug("%s: %s: nothing new (UIDNEXT %u, %u messages)", sa->label,
		          folder_name(sa), sa->server_uidnext, sa->server_exists);
		folder_next(sa);
		return;
	}
	GString *cmd = g_string_new("UID FETCH ");
	if (retry)
		append_uid_ranges(cmd, (const uint32_t *)(void *)sa->retry->data, sa->retry->len);
	if (new_mail)
		g_string_append_printf(cmd, "%s%u:*", retry ? "," : "", start);
	g_string_append(cmd, " (UID RFC822.SIZE)");
	/* About 64 bytes a message ("* n FETCH (UID u RFC822.SIZE s)"). */
	int rc = imap_conn_command_sized(sa->conn, cmd->str, (uint64_t)sa->server_exists * 64,
	                                 on_list_untagged, on_list_done, sa);
	g_string_free(cmd, TRUE);
	if (rc < 0)
		fail_cycle(sa, "%s: the connection is gone", sa->label);
}

/* ---- folders ---- */

static void on_reset(int result, void *p)
{
	struct store_job *job = p;
	struct sync_account *sa = job->sa;

	if (!job_succeeded(job, result, "cannot reset the folder"))
		return;
	sa->folder.uidvalidity = sa->server_uidvalidity;
	sa->folder.last_uid = sa->folder.uidnext = sa->folder.messages = 0;
	g_array_set_size(sa->retry, 0);
	sa->retry_all = false;
	job_free(job);
	list_new(sa);
}

static void on_examine_untagged(struct imap_conn *conn, const struct imap_response *resp,
                                void *ctx)
{
	struct sync_account *sa = ctx;

	(void)conn;
	if (resp->has_uidvalidity) {
		sa->server_has_uidvalidity = true;
		sa->server_uidvalidity = resp->uidvalidity;
	}
	if (resp->has_uidnext)
		sa->server_uidnext = resp->uidnext;
	if (resp->data == IMAP_DATA_EXISTS)
		sa->server_exists = resp->number;
}

static void on_examine_done(struct imap_conn *conn, enum imap_resp_status status,
                            const char *text, void *ctx)
{
	struct sync_account *sa = ctx;

	(void)conn;
	if (status == IMAP_STATUS_NONE) {
		fail_cycle(sa, "%s", text);
		return;
	}
	if (status != IMAP_STATUS_OK) {
		/* One missing folder does not stop the others. */
		log_warning("%s: cannot open folder \"%s\": %s (check folders = in the config)",
		            sa->label, folder_name(sa), text);
		if ((int)sa->folder_idx == sa->inbox_idx)
			sa->inbox_failed = true;
		folder_next(sa);
		return;
	}
	if ((int)sa->folder_idx == sa->inbox_idx) {
		sa->inbox_uidnext = sa->server_uidnext;
		sa->inbox_exists = sa->server_exists;
	}
	if (!sa->server_has_uidvalidity) {
		fail_cycle(sa, "%s: %s: the server sent no UIDVALIDITY", sa->label, folder_name(sa));
		return;
	}
	if (sa->folder.uidvalidity == sa->server_uidvalidity) {
		list_new(sa);
		return;
	}
	if (sa->folder.uidvalidity != 0)
		log_notice("%s: %s: UIDVALIDITY changed from %u to %u: scanning the folder again",
		           sa->label, folder_name(sa), sa->folder.uidvalidity,
		           sa->server_uidvalidity);
	writer_submit(sa->s.writer, run_folder_reset, on_reset, job_new(sa));
}

static void on_folder_state(int result, void *p)
{
	struct store_job *job = p;
	struct sync_account *sa = job->sa;
	char quoted[1024], cmd[1100];

	if (!job_succeeded(job, result, "cannot read the sync position"))
		return;
	sa->folder = job->state;
	sa->retry_all = job->failed_total > RETRY_LIST_MAX;
	g_array_set_size(sa->retry, 0);
	if (!sa->retry_all)
		g_array_append_vals(sa->retry, job->uids->data, job->uids->len);
	job_free(job);
	sa->server_has_uidvalidity = false;
	sa->server_uidvalidity = sa->server_uidnext = sa->server_exists = 0;
	if (imap_quote_mailbox(folder_name(sa), quoted, sizeof(quoted)) < 0) {
		log_warning("%s: folder name \"%s\" cannot be sent to the server", sa->label,
		            folder_name(sa));
		folder_next(sa);
		return;
	}
	snprintf(cmd, sizeof(cmd), "EXAMINE %s", quoted);
	if (imap_conn_command(sa->conn, cmd, on_examine_untagged, on_examine_done, sa) < 0)
		fail_cycle(sa, "%s: the connection is gone", sa->label);
}

static void folder_begin(struct sync_account *sa)
{
	status_syncing(sa->s.status, sa->acc->name, folder_name(sa), 0, 0);
	writer_submit(sa->s.writer, run_folder_get, on_folder_state, job_new(sa));
}

static void pass_network_end(struct sync_account *sa);

static void folder_next(struct sync_account *sa)
{
	if (!sa->pass_inbox_only)
		sa->folder_idx++;
	if (sa->pass_inbox_only || sa->acc->folders[sa->folder_idx] == NULL) {
		pass_network_end(sa);
		return;
	}
	folder_begin(sa);
}

/* ---- passes and IDLE ---- */

/* A pass: every folder, or INBOX alone when IDLE woke it. */
static void pass_start(struct sync_account *sa, bool inbox_only)
{
	sa->idle = IDLE_NONE;
	sa->pass_inbox_only = inbox_only;
	sa->pass_started = uv_now(sa->loop);
	sa->pass_started_ns = uv_hrtime();
	imap_conn_bytes(sa->conn, &sa->pass_bytes_in, &sa->pass_bytes_out);
	sa->new_mail = false;
	sa->folder_idx = inbox_only ? (size_t)sa->inbox_idx : 0;
	if (sa->acc->folders[sa->folder_idx] == NULL) {
		pass_network_end(sa);
		return;
	}
	folder_begin(sa);
}

/* INBOX alone, unless the other folders' poll is due too. */
static void pass_next(struct sync_account *sa)
{
	pass_start(sa, uv_now(sa->loop) < sa->poll_due);
}

static bool idle_usable(const struct sync_account *sa)
{
	return !sa->idle_off && sa->server_idle && !sa->inbox_failed && !sa->stopping;
}

static void idle_dropped(struct sync_account *sa)
{
	if (++sa->idle_drops < IDLE_DROPS_MAX || sa->idle_off)
		return;
	sa->idle_off = true;
	log_warning("%s: the server ended IDLE %u times in a row: polling every %u s instead "
	            "until followupd restarts (idle = no in the config says so for good)",
	            sa->label, sa->idle_drops, sa->acc->poll_seconds);
}

static void on_idle_timer(uv_timer_t *timer);
static void idle_start(struct sync_account *sa);
static void idle_check(struct sync_account *sa);

/* The next thing IDLE waits for: after new mail, the wake gap (the pass
 * it starts covers every folder if their poll is due by then); else the
 * other folders' poll or renewing IDLE. */
static void idle_arm_timer(struct sync_account *sa)
{
	uint64_t now = uv_now(sa->loop), next;

	if (sa->new_mail || sa->idle == IDLE_GAP)
		next = sa->pass_started + IDLE_WAKE_GAP_MS;
	else
		next = MIN(sa->poll_due, sa->renew_due);
	uv_timer_start(&sa->timer, on_idle_timer, next > now ? next - now : 0, 0);
}

static void idle_end(struct sync_account *sa, const char *why)
{
	log_debug("%s: ending IDLE: %s", sa->label, why);
	sa->idle = IDLE_ENDING;
	uv_timer_stop(&sa->timer);
	if (imap_conn_idle_done(sa->conn) < 0)
		fail_cycle(sa, "%s: the connection is gone", sa->label);
}

static void on_idle_timer(uv_timer_t *timer)
{
	struct sync_account *sa = timer->data;
	uint64_t now = uv_now(sa->loop);

	if (sa->idle == IDLE_GAP) {
		pass_next(sa);
	} else if (sa->idle != IDLE_WAIT) {
		return;
	} else if (sa->new_mail) {
		idle_end(sa, "new mail");
	} else if (now >= sa->poll_due) {
		idle_end(sa, "the other folders' poll is due");
	} else if (now >= sa->renew_due) {
		idle_end(sa, "renewing it");
	} else {
		idle_arm_timer(sa);
	}
}

static void on_idle_untagged(struct imap_conn *conn, const struct imap_response *resp,
                             void *ctx)
{
	struct sync_account *sa = ctx;

	(void)conn;
	if (resp->kind == IMAP_RESP_CONTINUATION) {
		log_debug("%s: %s: idling (IDLE)", sa->label, sa->acc->folders[sa->inbox_idx]);
		return;
	}
	if (resp->status == IMAP_STATUS_BYE) {
		idle_dropped(sa);
		fail_cycle(sa, "%s: the server closed the connection while idling: %s", sa->label,
		           resp->text);
		return;
	}
	/* New mail is a count that grows; flags and expunges wait for the poll. */
	if (resp->data == IMAP_DATA_EXPUNGE && sa->idle_exists > 0) {
		sa->idle_exists--;
	} else if (resp->data == IMAP_DATA_EXISTS) {
		bool grew = resp->number > sa->idle_exists;
		sa->idle_exists = resp->number;
		if (grew && !sa->new_mail) {
			sa->new_mail = true;
			if (sa->idle == IDLE_WAIT)
				idle_arm_timer(sa);
		}
	}
}

static void on_idle_done(struct imap_conn *conn, enum imap_resp_status status,
                         const char *text, void *ctx)
{
	struct sync_account *sa = ctx;
	bool asked = sa->idle == IDLE_ENDING;

	(void)conn;
	uv_timer_stop(&sa->timer);
	sa->idle = IDLE_NONE;
	if (status == IMAP_STATUS_NONE) {
		idle_dropped(sa);
		fail_cycle(sa, "%s", text);
		return;
	}
	if (status != IMAP_STATUS_OK) {
		sa->idle_off = true;
		log_warning("%s: the server refused IDLE (%s): polling every %u s instead",
		            sa->label, text, sa->acc->poll_seconds);
		cycle_finish(sa);
		return;
	}
	if (asked) {
		sa->idle_drops = 0;
	} else {
		/* Ended by the server: perhaps for new mail, so a pass now. */
		idle_dropped(sa);
		sa->new_mail = true;
	}
	if (sa->idle_off) {
		cycle_finish(sa);
		return;
	}
	if (sa->new_mail || uv_now(sa->loop) >= sa->poll_due) {
		pass_next(sa);
		return;
	}
	/* Renewing: INBOX is examined again first, so that mail a server
	 * failed to announce is found at the latest now. */
	idle_check(sa);
}

static void idle_start(struct sync_account *sa)
{
	uint64_t now = uv_now(sa->loop);

	sa->idle = IDLE_WAIT;
	sa->renew_due = now + sa->renew_ms;
	/* INBOX wakes it at once; the other folders wait for the poll. */
	uint64_t poll_in_ms = sa->poll_due > now ? sa->poll_due - now : 0;
	status_idle(sa->s.status, sa->acc->name, (int64_t)time(NULL) + (int64_t)(poll_in_ms / 1000));
	if (imap_conn_idle(sa->conn, on_idle_untagged, on_idle_done, sa) < 0) {
		fail_cycle(sa, "%s: the connection is gone", sa->label);
		return;
	}
	idle_arm_timer(sa);
}

static void on_check_done(struct imap_conn *conn, enum imap_resp_status status,
                          const char *text, void *ctx)
{
	struct sync_account *sa = ctx;
	bool grown;

	(void)conn;
	if (status == IMAP_STATUS_NONE) {
		fail_cycle(sa, "%s", text);
		return;
	}
	if (status != IMAP_STATUS_OK) {
		fail_cycle(sa, "%s: %s: the server refused to open it for IDLE: %s", sa->label,
		           sa->acc->folders[sa->inbox_idx], text);
		return;
	}
	/* Mail that came after the pass listed INBOX was announced then, not
	 * again in IDLE: the check catches it. */
	grown = sa->server_uidnext != 0 && sa->inbox_uidnext != 0
	        ? sa->server_uidnext > sa->inbox_uidnext
	        : sa->server_exists != sa->inbox_exists;
	sa->idle_exists = sa->server_exists;
	if (!grown) {
		idle_start(sa);
		return;
	}
	sa->idle = IDLE_GAP;
	idle_arm_timer(sa);
}

/* INBOX examined again, then IDLE on it. */
static void idle_check(struct sync_account *sa)
{
	char quoted[1024], cmd[1100];

	sa->idle = IDLE_CHECK;
	sa->server_has_uidvalidity = false;
	sa->server_uidvalidity = sa->server_uidnext = sa->server_exists = 0;
	if (imap_quote_mailbox(sa->acc->folders[sa->inbox_idx], quoted, sizeof(quoted)) < 0) {
		sa->inbox_failed = true;  /* the pass said so already */
		cycle_finish(sa);
		return;
	}
	snprintf(cmd, sizeof(cmd), "EXAMINE %s", quoted);
	if (imap_conn_command(sa->conn, cmd, on_examine_untagged, on_check_done, sa) < 0)
		fail_cycle(sa, "%s: the connection is gone", sa->label);
}

/* Once the pass's folders are done and its store jobs have finished: the
 * pass is reported (the rules run on what it filed), then IDLE. */
static void pass_maybe_complete(struct sync_account *sa)
{
	if (!sa->pass_network_done || sa->jobs_in_flight > 0)
		return;
	sa->pass_network_done = false;
	if (!sa->pass_inbox_only)
		sa->poll_due = uv_now(sa->loop) + (uint64_t)sa->acc->poll_seconds * 1000;
	sa->backoff_s = 0;
	log_stats(sa);
	if (sa->s.cycle_done != NULL)
		sa->s.cycle_done(sa, NULL, &sa->stats, sa->s.ctx);
	memset(&sa->stats, 0, sizeof(sa->stats));
	if (sa->stopping || sa->conn == NULL || sa->ending)
		return;
	if (!sa->idle_told) {
		sa->idle_told = true;
		log_info("%s: %s: waiting for new mail with IDLE; %s every %u s", sa->label,
		         sa->acc->folders[sa->inbox_idx],
		         sa->acc->folders[1] != NULL ? "all folders" : "checking it",
		         sa->acc->poll_seconds);
	}
	idle_check(sa);
}

/* The pass's last folder is done: IDLE when it can, else LOGOUT and poll. */
static void pass_network_end(struct sync_account *sa)
{
	uint64_t in, out;

	imap_conn_bytes(sa->conn, &in, &out);
	log_debug("%s: the pass's IMAP dialogue: %llu bytes received, %llu sent, %.1f ms",
	          sa->label, (unsigned long long)(in - sa->pass_bytes_in),
	          (unsigned long long)(out - sa->pass_bytes_out),
	          (double)(uv_hrtime() - sa->pass_started_ns) / 1e6);
	if (!idle_usable(sa)) {
		cycle_finish(sa);
		return;
	}
	sa->pass_network_done = true;
	pass_maybe_complete(sa);
}

/* ---- connecting ---- */

static void on_capability_untagged(struct imap_conn *conn, const struct imap_response *resp,
                                   void *ctx)
{
	struct sync_account *sa = ctx;

	(void)conn;
	if (resp->has_idle)
		sa->server_idle = true;
}

static void on_capability_done(struct imap_conn *conn, enum imap_resp_status status,
                               const char *text, void *ctx)
{
	struct sync_account *sa = ctx;

	(void)conn;
	if (status == IMAP_STATUS_NONE) {
		fail_cycle(sa, "%s", text);
		return;
	}
	if (!sa->server_idle && !sa->no_idle_told) {
		sa->no_idle_told = true;
		log_notice("%s: the server does not offer IDLE: polling every %u s", sa->label,
		           sa->acc->poll_seconds);
	}
	pass_start(sa, false);
}

static void cycle_connect(struct sync_account *sa);

static void on_ready(struct imap_conn *conn, const char *error, void *ctx)
{
	struct sync_account *sa = ctx;

	if (error != NULL && sa->oauth != NULL && !sa->oauth_retried &&
	    imap_conn_login_denied(conn)) {
		/* Revoked, or expired sooner than it said: one fresh token. */
		log_info("%s: the server refused the access token; refreshing it", sa->label);
		sa->oauth_retried = true;
		oauth_client_invalidate(sa->oauth);
		imap_conn_free(&sa->conn);
		cycle_connect(sa);
		return;
	}
	if (error != NULL && sa->oauth != NULL && imap_conn_login_denied(conn) &&
	    sa->acc->oauth.external) {
		fail_cycle(sa, "%s: %s refused the access token in %s for %s (the program that "
		           "keeps it fresh must write a current one there)", sa->label,
		           sa->acc->url, sa->acc->oauth.token_file, sa->acc->user);
		return;
	}
	if (error != NULL && sa->oauth != NULL && imap_conn_login_denied(conn)) {
		fail_cycle(sa, "%s: %s refused a fresh OAuth2 access token for %s (is user = the "
		           "mailbox that signed in with followup oauth %s? may the application "
		           "use IMAP?)", sa->label, sa->acc->url, sa->acc->user, sa->acc->name);
		return;
	}
	if (error != NULL) {
		fail_cycle(sa, "%s", error);
		return;
	}
	log_debug("%s: logged in", sa->label);
	if (sa->idle_off) {
		pass_start(sa, false);
		return;
	}
	/* The login's capabilities stayed with libcurl: asked again. */
	if (imap_conn_command(sa->conn, "CAPABILITY", on_capability_untagged, on_capability_done,
	                      sa) < 0)
		fail_cycle(sa, "%s: the connection is gone", sa->label);
}

/* bearer: an OAuth2 access token, or NULL to log in with the password. */
static void connect_with(struct sync_account *sa, const char *bearer)
{
	struct imap_settings settings = {
		.label = sa->label,
		.url = sa->acc->url,
		.tls = sa->acc->tls,
		.user = sa->acc->user,
		.password = sa->acc->password,
		.bearer = bearer,
		.sasl_mech = sa->acc->oauth.auth == CONFIG_AUTH_OAUTHBEARER ? "OAUTHBEARER"
		                                                             : "XOAUTH2",
		.ca_file = sa->acc->ca_file,
		.timeout_seconds = sa->acc->timeout_seconds,
		.max_literal = (size_t)sa->max_message + 65536,
	};

	sa->conn = imap_conn_new(sa->loop, &settings);
	if (imap_conn_connect(sa->conn, on_ready, sa) < 0)
		fail_cycle(sa, "%s: cannot start a connection to %s", sa->label, sa->acc->url);
}

static void on_token(const char *token, const char *error, void *ctx)
{
	struct sync_account *sa = ctx;

	if (error != NULL)
		fail_cycle(sa, "%s", error);
	else
		connect_with(sa, token);
}

static void cycle_connect(struct sync_account *sa)
{
	if (sa->oauth == NULL)
		connect_with(sa, NULL);
	else if (oauth_client_token(sa->oauth, on_token, sa) < 0)
		fail_cycle(sa, "%s: cannot ask %s for an access token", sa->label,
		           sa->acc->oauth.token_endpoint);
}

static void cycle_begin(struct sync_account *sa)
{
	if (sa->stopping)
		return;
	memset(&sa->stats, 0, sizeof(sa->stats));
	status_syncing(sa->s.status, sa->acc->name, NULL, 0, 0);
	sa->in_cycle = true;
	sa->ending = false;
	atomic_store(&sa->filing_broken, false);   /* no store job is left */
	sa->server_idle = false;
	sa->inbox_failed = false;
	sa->oauth_retried = false;
	cycle_connect(sa);
}

static int inbox_index(const struct config_account *acc)
{
	for (int i = 0; acc->folders[i] != NULL; i++) {
		if (g_ascii_strcasecmp(acc->folders[i], "INBOX") == 0)
			return i;
	}
	return -1;
}

static uint64_t idle_renew_seconds(void)
{
	const char *text = g_getenv("FOLLOWUPD_IDLE_RENEW");
	guint64 seconds = IDLE_RENEW_S;

	if (text != NULL &&
	    !g_ascii_string_to_unsigned(text, 10, 1, IDLE_RENEW_MAX_S, &seconds, NULL)) {
		log_warning("FOLLOWUPD_IDLE_RENEW='%s' is not 1 to %d seconds: ignored", text,
		            IDLE_RENEW_MAX_S);
		seconds = IDLE_RENEW_S;
	}
	return seconds;
}

struct sync_account *sync_account_new(uv_loop_t *loop, const struct sync_settings *settings)
{
	struct sync_account *sa = g_new0(struct sync_account, 1);

	sa->loop = loop;
	sa->s = *settings;
	sa->acc = settings->account;
	sa->label = g_strdup_printf("account %s", sa->acc->name);
	sa->max_message = settings->max_message_size != 0 ? settings->max_message_size
	                                                   : DEFAULT_MAX_MESSAGE;
	sa->pending = g_array_new(FALSE, TRUE, sizeof(struct uid_size));
	sa->retry = g_array_new(FALSE, FALSE, sizeof(uint32_t));
	sa->batch = g_array_new(FALSE, TRUE, sizeof(struct batch_item));
	g_queue_init(&sa->preparing);
	sa->inbox_idx = inbox_index(sa->acc);
	sa->idle_off = !sa->acc->idle || !sa->s.repeat || sa->inbox_idx < 0;
	sa->renew_ms = idle_renew_seconds() * 1000;

	if (sa->acc->oauth.auth != CONFIG_AUTH_PASSWORD) {
		struct oauth_settings os = { .label = sa->label, .who = sa->acc->name,
		                             .oauth = &sa->acc->oauth,
		                             .timeout_seconds = sa->acc->timeout_seconds };
		sa->oauth = oauth_client_new(loop, &os);
	}
	uv_timer_init(loop, &sa->timer);
	sa->timer.data = sa;
	return sa;
}

void sync_account_start(struct sync_account *sa)
{
	if (!sa->in_cycle)
		cycle_begin(sa);
}

void sync_account_stop(struct sync_account *sa, sync_stopped_fn *stopped, void *ctx)
{
	sa->stopping = true;
	sa->stopped = stopped;
	sa->stopped_ctx = ctx;
	uv_timer_stop(&sa->timer);
	if (sa->in_cycle) {
		/* Drop the connection now; store jobs already submitted finish
		 * (each is one transaction), then the account reports stopped. */
		cycle_end(sa, NULL);
		return;
	}
	maybe_stopped(sa);
}

static void on_timer_closed(uv_handle_t *handle)
{
	struct sync_account *sa = handle->data;

	g_array_free(sa->pending, TRUE);
	g_array_free(sa->retry, TRUE);
	g_array_free(sa->batch, TRUE);
	g_free(sa->label);
	g_free(sa);
}

void sync_account_free(struct sync_account **sap)
{
	struct sync_account *sa = *sap;

	if (sa == NULL)
		return;
	*sap = NULL;
	imap_conn_free(&sa->conn);
	oauth_client_free(&sa->oauth);
	batch_clear(sa->batch);
	uv_close((uv_handle_t *)&sa->timer, on_timer_closed);
}
