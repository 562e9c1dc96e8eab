/*
 * reparse: see reparse.h. Messages are read in chunks of at most
 * REPARSE_CHUNK_MESSAGES messages and REPARSE_CHUNK_BYTES raw bytes. A
 * chunk is analysed on up to REPARSE_THREADS_MAX pool threads (the pure
 * part) while this thread writes the chunk before it, one message at a
 * time, in date order: analysis and writing overlap, so every core stays
 * busy. At most two chunks are in memory, which bounds it however large
 * the messages.
 */
#include <glib.h>

#include "core/reparse.h"

#define REPARSE_CHUNK_MESSAGES 200
#define REPARSE_CHUNK_BYTES (16u * 1024 * 1024)
#define REPARSE_THREADS_MAX 3
/* Messages a pool task analyses: small enough that the threads finish a
 * chunk together, large enough that handing out tasks costs nothing. */
#define REPARSE_TASK_MESSAGES 8
#define REPARSE_TASKS_MAX \
	((REPARSE_CHUNK_MESSAGES + REPARSE_TASK_MESSAGES - 1) / REPARSE_TASK_MESSAGES)

struct reparse_item {
	struct store_reparse_row row;
	unsigned char *packed;    /* the stored (compressed) bytes, a copy */
	size_t packed_len;
	size_t size;              /* of the raw message */
	const struct store_raw_dict *dict; /* to decompress with, or NULL */
	struct analyzed_message *am; /* NULL when the raw copy is damaged */
};

struct reparse_chunk;

/* items[begin..end) of a chunk, one task of the pool. */
struct reparse_task {
	struct reparse_chunk *chunk;
	guint begin, end;
};

struct reparse_chunk {
	const struct analyze_options *opts;
	struct reparse_item items[REPARSE_CHUNK_MESSAGES];
	guint n;
	size_t end;               /* ids[end] is where the next chunk starts */
	struct reparse_task tasks[REPARSE_TASKS_MAX];
	GMutex lock;
	GCond done;
	guint pending;            /* tasks not finished yet */
};

static void analyze_task(gpointer data, gpointer user_data)
{
	struct reparse_task *task = data;
	struct reparse_chunk *chunk = task->chunk;

	(void)user_data;
	for (guint i = task->begin; i < task->end; i++) {
		struct reparse_item *it = &chunk->items[i];
		unsigned char *raw = NULL;
		if (store_raw_unpack(it->dict, it->packed, it->packed_len, it->size, &raw) < 0)
			continue;
		it->am = core_analyze_as(chunk->opts, raw, it->size, it->row.sent_folder, false,
		                         it->row.own_kind);
		g_free(raw);
	}
	g_mutex_lock(&chunk->lock);
	if (--chunk->pending == 0)
		g_cond_signal(&chunk->done);
	g_mutex_unlock(&chunk->lock);
}

static struct reparse_chunk *chunk_new(const struct analyze_options *opts)
{
	struct reparse_chunk *chunk = g_new0(struct reparse_chunk, 1);

	chunk->opts = opts;
	g_mutex_init(&chunk->lock);
	g_cond_init(&chunk->done);
	return chunk;
}

/* Waits until the pool has analysed the whole chunk. */
static void chunk_wait(struct reparse_chunk *chunk)
{
	g_mutex_lock(&chunk->lock);
	while (chunk->pending > 0)
		g_cond_wait(&chunk->done, &chunk->lock);
	g_mutex_unlock(&chunk->lock);
}

/* Waits for the pool to be done with the chunk, then frees it. */
static void chunk_free(struct reparse_chunk **chunkp)
{
	struct reparse_chunk *chunk = *chunkp;

	if (chunk == NULL)
		return;
	*chunkp = NULL;
	chunk_wait(chunk);
	for (guint i = 0; i < chunk->n; i++) {
		g_free(chunk->items[i].packed);
		core_analyzed_free(&chunk->items[i].am);
	}
	g_cond_clear(&chunk->done);
	g_mutex_clear(&chunk->lock);
	g_free(chunk);
}

/* Hands the chunk to the pool (pool NULL: analyses it here). */
static void chunk_analyze(struct reparse_chunk *chunk, GThreadPool *pool)
{
	guint n_tasks = (chunk->n + REPARSE_TASK_MESSAGES - 1) / REPARSE_TASK_MESSAGES;

	chunk->pending = n_tasks;
	for (guint k = 0; k < n_tasks; k++) {
		struct reparse_task *task = &chunk->tasks[k];
		*task = (struct reparse_task){ .chunk = chunk, .begin = k * REPARSE_TASK_MESSAGES,
		                               .end = MIN(chunk->n, (k + 1) * REPARSE_TASK_MESSAGES) };
		/* A task the pool cannot take runs here. */
		if (pool == NULL || !g_thread_pool_push(pool, task, NULL))
			analyze_task(task, NULL);
	}
}

/* Reads the rows ids[from..to) that fit in one chunk, with their raw
 * copies. */
static int chunk_load(struct store *st, const int64_t *ids, size_t from, size_t to,
                      struct reparse_chunk *chunk, char **error_r)
{
	uint64_t bytes = 0;
	size_t i = from;

	for (; i < to && chunk->n < REPARSE_CHUNK_MESSAGES &&
	       (chunk->n == 0 || bytes < REPARSE_CHUNK_BYTES); i++) {
		struct reparse_item *it = &chunk->items[chunk->n];
		int found = store_reparse_row_get(st, ids[i], &it->row, error_r);
		if (found < 0)
			return -1;
		if (found == 0)
			continue;
		if (store_raw_load(st, it->row.raw_id, &it->packed, &it->packed_len, &it->size,
		                   &it->dict, error_r) < 0)
			return -1;
		bytes += it->size;
		chunk->n++;
	}
	chunk->end = i;
	return 0;
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

/* Writes an analysed chunk, in date order. */
static int chunk_write(struct store *st, const struct filing_options *opts,
                       struct reparse_chunk *chunk, char **error_r)
{
	chunk_wait(chunk);
	for (guint k = 0; k < chunk->n; k++) {
		struct reparse_item *it = &chunk->items[k];
		if (it->am == NULL) {
			*error_r = g_strdup_printf("%s: raw message %lld is damaged", store_path(st),
			                           (long long)it->row.raw_id);
			return -1;
		}
		/* An earlier message may have merged this one away. */
		int found = store_reparse_row_get(st, it->row.rowid, &it->row, error_r);
		if (found < 0 || (found == 1 && rewrite(st, opts, it, error_r) < 0))
			return -1;
	}
	return 0;
}

/* The analysing threads; NULL (no thread could start) has chunk_analyze()
 * analyse every chunk on this thread. */
static GThreadPool *pool_new(void)
{
	guint threads = MIN(g_get_num_processors(), REPARSE_THREADS_MAX);

	return g_thread_pool_new(analyze_task, NULL, (gint)threads, FALSE, NULL);
}

/* The rows rewritten, batch messages a transaction: while this thread
 * writes a chunk, the pool analyses the next one (read inside the open
 * transaction, so it sees what the daemon wrote before). */
static int rewrite_all(struct store *st, const struct filing_options *opts,
                       const int64_t *ids, size_t n, unsigned batch,
                       core_progress_fn *progress, void *progress_ctx, char **error_r)
{
	GThreadPool *pool;
	struct reparse_chunk *cur = NULL, *next = NULL;
	size_t batch_end = MIN(n, batch);
	int ret = -1;

	if (n == 0)
		return 0;
	pool = pool_new();
	if (store_begin(st, error_r) < 0)
		goto out;
	/* The mail's stage moves are made again, in date order. */
	if (store_stage_forget_mail_moves(st, error_r) < 0)
		goto fail;
	cur = chunk_new(&opts->analyze);
	if (chunk_load(st, ids, 0, batch_end, cur, error_r) < 0)
		goto fail;
	chunk_analyze(cur, pool);
	for (;;) {
		size_t next_from = cur->end;
		if (next_from < n) {
			next = chunk_new(&opts->analyze);
			if (chunk_load(st, ids, next_from,
			               next_from == batch_end ? MIN(n, batch_end + batch) : batch_end,
			               next, error_r) < 0)
				goto fail;
			chunk_analyze(next, pool);
		}
		if (chunk_write(st, opts, cur, error_r) < 0)
			goto fail;
		chunk_free(&cur);
		if (next_from == batch_end) {
			if (store_commit(st, error_r) < 0)
				goto out;
			if (progress != NULL)
				progress(batch_end, n, progress_ctx);
			if (batch_end == n)
				break;
			batch_end = MIN(n, batch_end + batch);
			if (store_begin(st, error_r) < 0)
				goto out;
		}
		cur = next;
		next = NULL;
	}
	ret = 0;
	goto out;
fail:
	/* The chunks analysed on the pool decompress with the store's cached
	 * dictionaries, which a rollback frees: their analysis ends first. */
	chunk_free(&next);
	chunk_free(&cur);
	store_rollback(st);
out:
	chunk_free(&next);
	chunk_free(&cur);
	if (pool != NULL)
		g_thread_pool_free(pool, FALSE, TRUE);
	return ret;
}

int core_reparse(struct store *st, const struct filing_options *opts, unsigned batch,
                 core_progress_fn *progress, void *progress_ctx, uint64_t *count_r,
                 char **error_r)
{
	int64_t *ids = NULL;
	size_t n = 0;
	int ret = -1;

	if (batch == 0)
		batch = 500;
	if (store_message_ids(st, &ids, &n, error_r) < 0)
		goto out;
	if (rewrite_all(st, opts, ids, n, batch, progress, progress_ctx, error_r) < 0)
		goto out;
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
	*count_r = n;
	ret = 0;
	goto out;
fail:
	store_rollback(st);
out:
	g_free(ids);
	return ret;
}
