/* filing: see filing.h. */
#include <string.h>
#include <glib.h>

#include "core/filing.h"
#include "core/forget.h"
#include "rules/stage.h"

int core_thread_settle(struct store *st, int64_t thread, char **error_r)
{
	struct store_thread_members *t = NULL;
	size_t n;
	int ret;

	if (store_thread_members_load(st, thread, &t, error_r) < 0)
		return -1;
	struct thread_entry *entries = store_thread_members_entries(t, &n);
	enum msg_kind origin = classify_thread_kinds(entries, n);
	ret = store_thread_settle(st, t, origin, error_r);
	store_thread_members_free(&t);
	return ret;
}

int core_thread_join(struct store *st, const struct filing_options *opts, int64_t rowid,
                     char **error_r)
{
	int64_t settle[2];

	if (store_thread_join(st, rowid, opts->thread_window, settle, error_r) < 0)
		return -1;
	for (size_t i = 0; i < G_N_ELEMENTS(settle); i++) {
		if (settle[i] != 0 && core_thread_settle(st, settle[i], error_r) < 0)
			return -1;
	}
	return 0;
}

int core_stage_from_mail(struct store *st, const struct analyzed_message *am, int64_t rowid,
                         char **error_r)
{
	struct store_stage_at at;
	int found, ret = 0;

	if (am->stage_event == STAGE_EVENT_NONE)
		return 0;
	found = store_stage_of_message(st, rowid, &at, error_r);
	if (found <= 0)
		return found;
	/* The move is made as of the mail's date: mail synced late, or
	 * replayed by a reparse, goes into the history where it belongs, and
	 * changes the stage only when nothing moved it since. */
	const char *to = stage_after_event(at.stage, (enum stage_event)am->stage_event);
	if (to != NULL) {
		struct store_stage_move m = {
			.customer_id = at.customer_id,
			.from = at.stage,
			.to = to,
			.date = at.date,
			.message_id = at.message_id,
			.created = at.date,
			.current = at.last_move_at == INT64_MIN || at.date >= at.last_move_at,
		};
		ret = store_stage_move(st, &m, error_r);
	}
	store_stage_at_clear(&at);
	return ret;
}

int core_file_message(struct store *st, const struct filing_options *opts,
                      const struct analyzed_message *am, const unsigned char *raw, size_t len,
                      const struct ingest_source *src, struct ingest_report *report_r,
                      char **error_r)
{
	int64_t rowid;
	bool forgotten;

	if (core_forget_suppressed(st, am, &forgotten, error_r) < 0)
		return -1;
	if (forgotten) {
		*report_r = (struct ingest_report){ .outcome = INGEST_FORGOTTEN };
		return 0;
	}
	if (store_message_file(st, am, raw, len, src, report_r, &rowid, error_r) < 0)
		return -1;
	if (rowid == 0)
		return 0;   /* a copy: only its location */
	if (core_thread_join(st, opts, rowid, error_r) < 0)
		return -1;
	return core_stage_from_mail(st, am, rowid, error_r);
}

int core_file_raw(struct store *st, const struct filing_options *opts, const unsigned char *raw,
                  size_t len, const struct ingest_source *src, struct ingest_report *report_r,
                  char **error_r)
{
	struct analyzed_message *am = core_analyze(&opts->analyze, raw, len, src->sent_folder, true);
	int ret = core_file_message(st, opts, am, raw, len, src, report_r, error_r);

	core_analyzed_free(&am);
	return ret;
}

/* Our own mail on the thread it was sent about (thread 0: by its
 * references), with its own kind. */
static int file_own_mail(struct store *st, const struct filing_options *opts,
                         const struct store_sent_mail *m, int64_t date, char **error_r)
{
	int kind = msg_kind_from_name(m->kind);

	/* warning, escalation: alerts as well */
	if (!msg_kind_is_own(kind))
		kind = MSG_KIND_ALERT;
	struct analyzed_message *am = core_analyze_as(&opts->analyze, m->raw, m->len, false, true,
	                                              (int)kind);
	int64_t rowid;
	int ret = -1;

	if (store_own_mail_file(st, am, m->raw, m->len, m->thread, date, &rowid, error_r) < 0)
		goto out;
	if (rowid == 0)
		ret = 0;    /* filed already */
	else if (m->thread > 0)
		ret = store_thread_put(st, rowid, m->thread, error_r) < 0 ? -1
		      : core_thread_settle(st, m->thread, error_r);
	else
		ret = core_thread_join(st, opts, rowid, error_r);
out:
	core_analyzed_free(&am);
	return ret;
}

int core_outbox_sent(struct store *st, const struct filing_options *opts, int64_t id,
                     int64_t now, bool file, char **error_r)
{
	struct store_sent_mail m = { 0 };
	int ret;

	if (!file)
		return store_outbox_sent(st, id, now, NULL, error_r);
	if (store_outbox_sent(st, id, now, &m, error_r) < 0)
		return -1;
	/* Digests, and the alerts about a customer's dates (thread 0), are
	 * about no conversation and go to one of us: they stay off the
	 * timelines. Acknowledgements and reminders go to the customer. */
	bool to_customer = strcmp(m.kind, "ack") == 0 || strcmp(m.kind, "reminder") == 0;
	ret = strcmp(m.kind, "digest") == 0 || (m.thread == 0 && !to_customer)
	      ? 0 : file_own_mail(st, opts, &m, now, error_r);
	store_sent_mail_clear(&m);
	return ret;
}
