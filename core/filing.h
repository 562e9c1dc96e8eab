#ifndef FOLLOWUP_CORE_FILING_H
#define FOLLOWUP_CORE_FILING_H
/*
 * filing: an analysed message onto the timeline. The store persists the
 * message (store_message_file) and joins it to a thread; the thread's
 * kinds are then worked out here (classify_thread_kinds: an inbound
 * message is an inquiry by its place in the thread) and settled in the
 * store. Everything inside the caller's transaction.
 */
#include <stdbool.h>
#include <stdint.h>

#include "core/analyze.h"
#include "store/store.h"

struct filing_options {
	struct analyze_options analyze;
	int64_t thread_window;       /* seconds: subject threading */
};

/* Files am (core_analyze with the hash) found at src. 0 or -1 with
 * *error_r (g_free). */
int core_file_message(struct store *st, const struct filing_options *opts,
                      const struct analyzed_message *am, const unsigned char *raw, size_t len,
                      const struct ingest_source *src, struct ingest_report *report_r,
                      char **error_r);
/* core_analyze() then core_file_message(): one message, in one step. */
int core_file_raw(struct store *st, const struct filing_options *opts, const unsigned char *raw,
                  size_t len, const struct ingest_source *src, struct ingest_report *report_r,
                  char **error_r);
/* Joins message rowid to its thread and settles what it touched. */
int core_thread_join(struct store *st, const struct filing_options *opts, int64_t rowid,
                     char **error_r);
/* Moves the customer of message rowid on as the mail tells
 * (rules/stage.h), with the move on its timeline. */
int core_stage_from_mail(struct store *st, const struct analyzed_message *am, int64_t rowid,
                         char **error_r);
/* Works a thread's kinds out again and stores them. */
int core_thread_settle(struct store *st, int64_t thread, char **error_r);

/* The server took outbox message id: marked sent and, when file, filed
 * on its thread's timeline (our acknowledgements and alerts; digests are
 * about no conversation). */
int core_outbox_sent(struct store *st, const struct filing_options *opts, int64_t id,
                     int64_t now, bool file, char **error_r);

#endif
