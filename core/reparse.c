/*
 * reparse: see reparse.h. Messages are read in chunks of at most
 * REPARSE_CHUNK_MESSAGES messages and REPARSE_CHUNK_BYTES raw bytes; each
 * chunk is analysed on up to REPARSE_THREADS_MAX threads at once (the
 * pure part) and then written one message at a time, in date order. The
 * chunk bounds the memory however large the messages.
 */
#include <glib.h>

#include "core/reparse.h"

#define REPARSE_CHUNK_MESSAGES 200
#define REPARSE_CHUNK_BYTES (16u * 1024 * 1024)
#define REPARSE_THREADS_MAX 3

struct reparse_item {
	struct store_reparse_row row;
	unsigned char *packed;    /* the stored (compressed) bytes, a copy */
	size_t packed_len;
	size_t size;              /* of the raw message */
	const struct store_raw_dict *dict; /* to decompress with, or NULL */
	struct analyzed_message *am; /* NULL when the raw copy is damaged */
};

struct reparse_part {
	const struct analyze_options *opts;
	struct reparse_item *items;
	guint begin, end;
};

static gpointer analyze_part(gpointer data)
{
	struct reparse_part *part = data;

	for (guint i = part->begin; i < part->end; i++) {
		struct reparse_item *it = &part->items[i];
		unsigned char *raw = NULL;
		if (store_raw_unpack(it->dict, it->packed, it->packed_len, it->size, &raw) < 0)
			continue;
		it->am = core_analyze_as(part->opts, raw, it->size, it->row.sent_folder, false,
		                         it->row.own_kind);
		g_free(raw);
	}
	return NULL;
}

static void analyze_items(const struct analyze_options *opts, struct reparse_item *items,
                          guint n)
{
	guint parts = MIN(MIN(g_get_num_processors(), REPARSE_THREADS_MAX), n);
	struct reparse_part part[REPARSE_THREADS_MAX];
	GThread *threads[REPARSE_THREADS_MAX] = { NULL };

	for (guint k = 0; k < parts; k++) {
		part[k] = (struct reparse_part){ .opts = opts, .items = items,
		                                 .begin = n * k / parts, .end = n * (k + 1) / parts };
		/* The last part runs here; a thread that cannot start runs here too. */
		if (k + 1 < parts)
			threads[k] = g_thread_try_new("reparse", analyze_part, &part[k], NULL);
		if (threads[k] == NULL)
			analyze_part(&part[k]);
	}
	for (guint k = 0; k < parts; k++) {
		if (threads[k] != NULL)
			g_thread_join(threads[k]);
	}
}

static void items_free(struct reparse_item *items, guint n)
{
	for (guint i = 0; i < n; i++) {
		g_free(items[i].packed);
		core_analyzed_free(&items[i].am);
	}
	g_free(items);
}

/* Rewrites one message; our acks and alerts stay on the thread they were
 * sent about. */
static int rewrite(struct store *st, const struct filing_options *opts,
                   const struct reparse_item *it, char **error_r)
{
	bool merged;

	if (store_message_rewrite(st, &it->row, it->am, &merged, error_r) < 0)
		return -1;
	if (merged || it->row.own_kind >= 0)
		return 0;
	if (core_thread_join(st, opts, it->row.rowid, error_r) < 0)
		return -1;
	return core_stage_from_mail(st, it->am, it->row.rowid, error_r);
}

/* Reparses the rows ids[from..to) that fit in one chunk; *next_r is where
 * the next chunk starts. */
static int reparse_chunk(struct store *st, const struct filing_options *opts,
                         const int64_t *ids, size_t from, size_t to, size_t *next_r,
                         char **error_r)
{
	struct reparse_item *items = g_new0(struct reparse_item, REPARSE_CHUNK_MESSAGES);
	guint n = 0;
	size_t i = from;
	uint64_t bytes = 0;
	int ret = -1;

	for (; i < to && n < REPARSE_CHUNK_MESSAGES && (n == 0 || bytes < REPARSE_CHUNK_BYTES); i++) {
		struct reparse_item *it = &items[n];
		int found = store_reparse_row_get(st, ids[i], &it->row, error_r);
		if (found < 0)
			goto out;
		if (found == 0)
			continue;
		if (store_raw_load(st, it->row.raw_id, &it->packed, &it->packed_len, &it->size,
		                   &it->dict, error_r) < 0)
			goto out;
		bytes += it->size;
		n++;
	}
	analyze_items(&opts->analyze, items, n);
	for (guint k = 0; k < n; k++) {
		struct reparse_item *it = &items[k];
		if (it->am == NULL) {
			*error_r = g_strdup_printf("%s: raw message %lld is damaged", store_path(st),
			                           (long long)it->row.raw_id);
			goto out;
		}
		/* An earlier message of the chunk may have merged this one away. */
		int found = store_reparse_row_get(st, it->row.rowid, &it->row, error_r);
		if (found < 0 || (found == 1 && rewrite(st, opts, it, error_r) < 0))
			goto out;
	}
	*next_r = i;
	ret = 0;
out:
	items_free(items, REPARSE_CHUNK_MESSAGES);
	return ret;
}

int core_reparse(struct store *st, const struct filing_options *opts, unsigned batch,
                 core_progress_fn *progress, void *progress_ctx, uint64_t *count_r,
                 char **error_r)
{
	int64_t *ids = NULL;
	size_t n = 0;
	uint64_t done = 0;
	int ret = -1;

	if (batch == 0)
		batch = 500;
	if (store_message_ids(st, &ids, &n, error_r) < 0)
		goto out;
	for (size_t start = 0; start < n; start += batch) {
		size_t end = MIN(n, start + batch);
		if (store_begin(st, error_r) < 0)
			goto out;
		/* The mail's stage moves are made again, in date order. */
		if (start == 0 && store_stage_forget_mail_moves(st, error_r) < 0)
			goto fail;
		for (size_t i = start; i < end;) {
			if (reparse_chunk(st, opts, ids, i, end, &i, error_r) < 0)
				goto fail;
		}
		if (store_commit(st, error_r) < 0)
			goto out;
		done = end;
		if (progress != NULL)
			progress(done, n, progress_ctx);
	}
	if (store_begin(st, error_r) < 0)
		goto out;
	if (store_reparse_finish(st, error_r) < 0)
		goto fail;
	if (store_commit(st, error_r) < 0)
		goto out;
	/* The search index, made again from what was rewritten, a batch of
	 * messages a transaction (the rewrites above left it alone). */
	if (store_begin(st, error_r) < 0)
		goto out;
	if (store_search_rebuild_begin(st, error_r) < 0)
		goto fail;
	if (store_commit(st, error_r) < 0)
		goto out;
	for (int64_t after = 0, last;; after = last) {
		if (store_begin(st, error_r) < 0)
			goto out;
		int more = store_search_rebuild_messages(st, after, 10 * batch, &last, error_r);
		if (more < 0)
			goto fail;
		if (store_commit(st, error_r) < 0)
			goto out;
		if (more == 0)
			break;
	}
	*count_r = done;
	ret = 0;
	goto out;
fail:
	store_rollback(st);
out:
	g_free(ids);
	return ret;
}
