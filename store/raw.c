/*
 * raw: each raw message is kept compressed with zstd, so `followup
 * reparse` can rebuild every parsed field after a parser upgrade. zstd at
 * its default level compresses mail several times faster than zlib at a
 * better ratio (make bench showed zlib taking 44% of a sync's CPU).
 *
 * Compression is streamed in small pieces to a sink, so that a large
 * message is never held a second time, compressed, beside itself.
 *
 * A single message is too short for zstd to learn what mail looks like:
 * the same Received, DKIM and X-MS-* headers, MIME boilerplate, Outlook's
 * HTML and signatures are paid for again in every row. Once the store
 * holds RAW_DICT_TRAIN_AT messages, a dictionary is trained from the
 * start of the latest ones (zstd's fastCover trainer), kept in raw_dicts,
 * and every later message is compressed with it (raw_messages.dict_id);
 * the messages it was trained from are compressed again with it, in the
 * same transaction, so a crash keeps either all of it or none. Rows
 * without dict_id read as before. `followup forget` retires a dictionary
 * trained from a message it erases (store_raw_dicts_sweep()).
 * docs/DECISIONS.md, "Performance: the store's size (issue 12)".
 */
#include <string.h>
#include <time.h>
#include <zstd.h>
#define ZDICT_STATIC_LINKING_ONLY   /* the fast trainer with fixed parameters */
#include <zdict.h>

#include "store/store-private.h"

#define RAW_ZSTD_LEVEL 3
/* zstd's level 3 looks back 2 MiB in a message over 256 KiB, and the
 * store's one compression context keeps the 3.7 MB that takes after the
 * first such message; mail that large is attachments, already compressed
 * or base64, where 1 MiB finds what 2 MiB does. */
#define RAW_ZSTD_WINDOW_LOG 20
#define RAW_PIECE (256 * 1024)
/* zstd's own default dictionary size: big enough for the headers, MIME
 * and HTML boilerplate and phrases of a company's mail. */
#define RAW_DICT_SIZE (110 * 1024)
/* The head of each sample message: headers and the first text part;
 * the base64 of attachments further on teaches a dictionary nothing. */
#define RAW_DICT_SAMPLE_HEAD (8 * 1024)
/* Trained once the store holds this many messages, from that many. */
#define RAW_DICT_TRAIN_AT 1000
/* Fewer samples than this teach a dictionary nothing worth keeping. */
#define RAW_DICT_MIN_SAMPLES 50
/* The sampled messages compressed again with the new dictionary are those
 * up to this size: a dictionary of headers and boilerplate saves a few KB
 * a message, nothing against a large message's attachments, and compressing
 * a large one again would hold it four times over (packed, unpacked, packed
 * again, in SQLite) inside the first sync's peak of memory. */
#define RAW_DICT_REPACK_MAX (256 * 1024)

struct store_raw_dict {
	int64_t id;
	unsigned char *data;
	size_t len;
	ZSTD_DDict *ddict;       /* read-only: shared by reparse's threads */
	ZSTD_CDict *cdict;       /* made when first compressing with it */
};

static void raw_dict_free(gpointer p)
{
	struct store_raw_dict *d = p;

	ZSTD_freeDDict(d->ddict);
	ZSTD_freeCDict(d->cdict);
	g_free(d->data);
	g_free(d);
}

void store_raw_dicts_free(struct store *st)
{
	if (st->raw_dicts != NULL)
		g_hash_table_destroy(st->raw_dicts);
	st->raw_dicts = NULL;
	st->raw_dict_current = NULL;
	st->raw_dict_known = false;
}

int64_t store_raw_dict_id(const struct store_raw_dict *dict)
{
	return dict != NULL ? dict->id : 0;
}

/* Dictionary id from raw_dicts, checked against its SHA-256, cached for
 * the life of the store. */
int store_raw_dict_get(struct store *st, int64_t id, const struct store_raw_dict **dict_r,
                       char **error_r)
{
	struct store_raw_dict *d;
	sqlite3_stmt *stmt;
	char *sum = NULL;
	int ret = -1;

	if (st->raw_dicts == NULL)
		st->raw_dicts = g_hash_table_new_full(g_int64_hash, g_int64_equal, NULL,
		                                      raw_dict_free);
	d = g_hash_table_lookup(st->raw_dicts, &id);
	if (d != NULL) {
		*dict_r = d;
		return 0;
	}
	stmt = store_stmt(st, "SELECT sha256, data FROM raw_dicts WHERE id = ?1", error_r);
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, id);
	int rc = sqlite3_step(stmt);
	if (rc == SQLITE_DONE) {
		*error_r = g_strdup_printf("%s: compression dictionary %lld is missing", st->path,
		                           (long long)id);
		goto out;
	}
	if (rc != SQLITE_ROW) {
		*error_r = store_errmsg(st, "reading a compression dictionary");
		goto out;
	}
	const void *data = sqlite3_column_blob(stmt, 1);
	size_t len = (size_t)sqlite3_column_bytes(stmt, 1);
	const char *want = (const char *)sqlite3_column_text(stmt, 0);
	sum = store_raw_hash(data != NULL ? data : "", len);
	if (want == NULL || strcmp(sum, want) != 0) {
		*error_r = g_strdup_printf("%s: compression dictionary %lld is damaged", st->path,
		                           (long long)id);
		goto out;
	}
	d = g_new0(struct store_raw_dict, 1);
	d->id = id;
	d->len = len;
	d->data = g_memdup2(data != NULL ? data : "", len);
	d->ddict = ZSTD_createDDict(d->data, d->len);
	if (d->ddict == NULL) {
		raw_dict_free(d);
		*error_r = g_strdup_printf("%s: compression dictionary %lld is damaged", st->path,
		                           (long long)id);
		goto out;
	}
	g_hash_table_insert(st->raw_dicts, &d->id, d);
	*dict_r = d;
	ret = 0;
out:
	sqlite3_reset(stmt);
	g_free(sum);
	return ret;
}

int store_raw_pack(struct store *st, const struct store_raw_dict *dict,
                   const unsigned char *raw, size_t len, store_raw_sink_fn *sink, void *ctx)
{
	ZSTD_inBuffer in = { raw, len, 0 };
	unsigned char *piece = NULL;
	size_t left;
	int ret = -1;

	if (st->zstd == NULL && (st->zstd = ZSTD_createCCtx()) == NULL)
		return -1;
	ZSTD_CCtx_reset(st->zstd, ZSTD_reset_session_and_parameters);
	if (dict != NULL && dict->cdict == NULL) {
		/* The cache is the store's; the handle is const to its users. */
		struct store_raw_dict *d = (struct store_raw_dict *)dict;
		d->cdict = ZSTD_createCDict(d->data, d->len, RAW_ZSTD_LEVEL);
		if (d->cdict == NULL)
			return -1;
	}
	if (ZSTD_isError(ZSTD_CCtx_setParameter(st->zstd, ZSTD_c_compressionLevel,
	                                        RAW_ZSTD_LEVEL)) ||
	    (len > (1u << RAW_ZSTD_WINDOW_LOG) &&
	     ZSTD_isError(ZSTD_CCtx_setParameter(st->zstd, ZSTD_c_windowLog,
	                                         RAW_ZSTD_WINDOW_LOG))) ||
	    ZSTD_isError(ZSTD_CCtx_setPledgedSrcSize(st->zstd, len)) ||
	    (dict != NULL && ZSTD_isError(ZSTD_CCtx_refCDict(st->zstd, dict->cdict))))
		return -1;
	piece = g_malloc(RAW_PIECE);
	do {
		ZSTD_outBuffer out = { piece, RAW_PIECE, 0 };
		left = ZSTD_compressStream2(st->zstd, &out, &in, ZSTD_e_end);
		if (ZSTD_isError(left) || (out.pos > 0 && sink(piece, out.pos, ctx) < 0))
			goto out;
	} while (left != 0);
	ret = 0;
out:
	g_free(piece);
	return ret;
}

int store_raw_unpack(const struct store_raw_dict *dict, const unsigned char *data, size_t len,
                     size_t raw_len, unsigned char **out_r)
{
	/* One spare byte so an empty message still gets a buffer. */
	unsigned char *out = g_malloc(raw_len + 1);
	size_t n;

	if (dict == NULL) {
		n = ZSTD_decompress(out, raw_len, data, len);
	} else {
		ZSTD_DCtx *dctx = ZSTD_createDCtx();
		n = dctx == NULL ? (size_t)-1
		                 : ZSTD_decompress_usingDDict(dctx, out, raw_len, data, len,
		                                              dict->ddict);
		ZSTD_freeDCtx(dctx);
	}
	if (ZSTD_isError(n) || n != raw_len) {
		g_free(out);
		return -1;
	}
	out[raw_len] = '\0';
	*out_r = out;
	return 0;
}

char *store_raw_hash(const unsigned char *raw, size_t len)
{
	return g_compute_checksum_for_data(G_CHECKSUM_SHA256, raw, len);
}

/* ---- training ---- */

/* The first head bytes of a compressed message (fewer when it is
 * shorter), appended to samples; 0 when it does not decompress. */
static size_t unpack_head(ZSTD_DCtx *dctx, const void *packed, size_t len, size_t head,
                          GByteArray *samples)
{
	guint at = samples->len;
	ZSTD_inBuffer in = { packed, len, 0 };
	ZSTD_outBuffer out;
	size_t rc;

	g_byte_array_set_size(samples, at + (guint)head);
	out = (ZSTD_outBuffer){ samples->data + at, head, 0 };
	ZSTD_DCtx_reset(dctx, ZSTD_reset_session_only);
	do {
		rc = ZSTD_decompressStream(dctx, &out, &in);
	} while (!ZSTD_isError(rc) && rc != 0 && out.pos < out.size && in.pos < in.size);
	if (ZSTD_isError(rc))
		out.pos = 0;
	g_byte_array_set_size(samples, at + (guint)out.pos);
	return out.pos;
}

/* The heads of the latest max_rows rows, one after the other, their
 * sizes and their ids, and the ids of those to compress again (at most
 * RAW_DICT_REPACK_MAX). Rows that do not decompress (or whose dictionary
 * does not load) are left out: reparse names them. */
static int sample_heads(struct store *st, unsigned max_rows, GByteArray *samples,
                        GArray *sizes, GArray *ids, GArray *repack, char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st, "SELECT id, data, dict_id, size FROM raw_messages "
	                                    "ORDER BY id DESC LIMIT ?1", error_r);
	ZSTD_DCtx *dctx;
	int rc;

	if (stmt == NULL)
		return -1;
	if ((dctx = ZSTD_createDCtx()) == NULL) {
		*error_r = g_strdup("out of memory for zstd");
		return -1;
	}
	sqlite3_bind_int64(stmt, 1, max_rows);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(stmt, 0), dict_id = sqlite3_column_int64(stmt, 2);
		const struct store_raw_dict *dict = NULL;
		char *error = NULL;
		if (dict_id != 0 && store_raw_dict_get(st, dict_id, &dict, &error) < 0) {
			g_free(error);
			continue;
		}
		/* The last row may have stopped mid-frame: a new dictionary is
		 * only taken at the start of one. */
		ZSTD_DCtx_reset(dctx, ZSTD_reset_session_only);
		ZSTD_DCtx_refDDict(dctx, dict != NULL ? dict->ddict : NULL);
		size_t n = unpack_head(dctx, sqlite3_column_blob(stmt, 1),
		                       (size_t)sqlite3_column_bytes(stmt, 1), RAW_DICT_SAMPLE_HEAD,
		                       samples);
		if (n > 0) {
			g_array_append_val(sizes, n);
			g_array_append_val(ids, id);
			if (sqlite3_column_int64(stmt, 3) <= RAW_DICT_REPACK_MAX)
				g_array_append_val(repack, id);
		}
	}
	sqlite3_reset(stmt);
	ZSTD_freeDCtx(dctx);
	if (rc != SQLITE_DONE) {
		*error_r = store_errmsg(st, "reading raw messages to train a dictionary");
		return -1;
	}
	return 0;
}

static int sink_append(const unsigned char *piece, size_t n, void *ctx)
{
	g_byte_array_append(ctx, piece, (guint)n);
	return 0;
}

/* Row id compressed again with dict (NULL: alone), when that makes it
 * smaller or always; one message in memory at a time. A row that does
 * not decompress stays as it is, for reparse to name. */
static int repack_row(struct store *st, const struct store_raw_dict *dict, int64_t id,
                      bool always, char **error_r)
{
	const struct store_raw_dict *now = NULL;
	unsigned char *packed = NULL, *raw = NULL;
	size_t packed_len, size;
	GByteArray *again = g_byte_array_new();
	sqlite3_stmt *stmt;
	char *error = NULL;
	int ret = -1;

	if (store_raw_load(st, id, &packed, &packed_len, &size, &now, &error) < 0 ||
	    store_raw_unpack(now, packed, packed_len, size, &raw) < 0 || now == dict) {
		g_free(error);
		ret = 0;
		goto out;
	}
	if (store_raw_pack(st, dict, raw, size, sink_append, again) < 0) {
		*error_r = g_strdup("cannot compress a raw message");
		goto out;
	}
	if (!always && again->len >= packed_len) {
		ret = 0;
		goto out;
	}
	stmt = store_stmt(st, "UPDATE raw_messages SET data = ?2, dict_id = ?3 WHERE id = ?1",
	                  error_r);
	if (stmt == NULL)
		goto out;
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_blob64(stmt, 2, again->data, again->len, SQLITE_STATIC);
	if (dict != NULL)
		sqlite3_bind_int64(stmt, 3, dict->id);
	ret = store_step_done(st, stmt, "compressing a raw message again", error_r);
out:
	g_free(packed);
	g_free(raw);
	g_byte_array_free(again, TRUE);
	return ret;
}

/* The dictionary, with the ids its samples span and how many rows that
 * span held (store_raw_dicts_sweep() compares). */
static int insert_dict(struct store *st, const unsigned char *data, size_t len, const GArray *ids,
                       int64_t *id_r, char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st, "INSERT INTO raw_dicts (trained_at, samples, sha256, "
	                                    "data, sample_from, sample_to, span_rows) "
	                                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, (SELECT count(*) "
	                                    "FROM raw_messages WHERE id BETWEEN ?5 AND ?6))",
	                                error_r);
	char *sum = store_raw_hash(data, len);
	int ret;

	if (stmt == NULL) {
		g_free(sum);
		return -1;
	}
	sqlite3_bind_int64(stmt, 1, (sqlite3_int64)time(NULL));
	sqlite3_bind_int64(stmt, 2, ids->len);
	store_bind_text(stmt, 3, sum);
	sqlite3_bind_blob64(stmt, 4, data, len, SQLITE_STATIC);
	/* Newest first. */
	sqlite3_bind_int64(stmt, 5, g_array_index(ids, int64_t, ids->len - 1));
	sqlite3_bind_int64(stmt, 6, g_array_index(ids, int64_t, 0));
	ret = store_step_done(st, stmt, "storing a compression dictionary", error_r);
	*id_r = sqlite3_last_insert_rowid(st->db);
	g_free(sum);
	return ret;
}

/* zstd's fast trainer with fixed parameters: the default trainer tries
 * several and took 1 s on 1,000 message heads for a dictionary 0.5%
 * better; this one takes under 0.2 s (bench/size.sh). */
static size_t train(unsigned char *dict, const GByteArray *samples, const GArray *sizes)
{
	ZDICT_fastCover_params_t p = {
		.k = 1000, .d = 8, .f = 18, .accel = 4, .splitPoint = 1.0,
		.zParams = { .compressionLevel = RAW_ZSTD_LEVEL },
	};

	if (sizes->len < RAW_DICT_MIN_SAMPLES)
		return 0;
	size_t len = ZDICT_trainFromBuffer_fastCover(dict, RAW_DICT_SIZE, samples->data,
	                                             (const size_t *)(void *)sizes->data,
	                                             sizes->len, p);
	return ZDICT_isError(len) ? 0 : len;
}

int store_raw_train(struct store *st, unsigned max_rows, char **error_r)
{
	GByteArray *samples = g_byte_array_new();
	GArray *sizes = g_array_new(FALSE, FALSE, sizeof(size_t));
	GArray *ids = g_array_new(FALSE, FALSE, sizeof(int64_t));
	GArray *repack = g_array_new(FALSE, FALSE, sizeof(int64_t));
	unsigned char *dict = g_malloc(RAW_DICT_SIZE);
	const struct store_raw_dict *d;
	int64_t id;
	size_t len;
	int ret = -1;

	if (sample_heads(st, max_rows, samples, sizes, ids, repack, error_r) < 0)
		goto out;
	if ((len = train(dict, samples, sizes)) == 0) {
		ret = 0;
		goto out;
	}
	g_byte_array_free(samples, TRUE);    /* not needed while compressing again */
	samples = NULL;
	if (insert_dict(st, dict, len, ids, &id, error_r) < 0 ||
	    store_raw_dict_get(st, id, &d, error_r) < 0)
		goto out;
	for (guint i = 0; i < repack->len; i++) {
		if (repack_row(st, d, g_array_index(repack, int64_t, i), false, error_r) < 0)
			goto out;
	}
	st->raw_dict_current = d;
	st->raw_dict_known = true;
	ret = 1;
out:
	if (samples != NULL)
		g_byte_array_free(samples, TRUE);
	g_array_free(sizes, TRUE);
	g_array_free(ids, TRUE);
	g_array_free(repack, TRUE);
	g_free(dict);
	return ret;
}

/* The latest dictionary, or none. A damaged one is left to the rows
 * that use it to report: new mail is stored alone, and a new dictionary
 * trained when due. */
static int load_current(struct store *st, char **error_r)
{
	char *error = NULL;
	int64_t id;

	if (store_scalar(st, "SELECT max(id) FROM raw_dicts", "reading compression dictionaries",
	                 0, &id, error_r) < 0)
		return -1;
	st->raw_dict_current = NULL;
	if (id > 0 && store_raw_dict_get(st, id, &st->raw_dict_current, &error) < 0)
		g_free(error);
	st->raw_dict_known = true;
	return 0;
}

/* 1 when dictionary id is in raw_dicts, 0 when not, -1. */
static int still_there(struct store *st, int64_t id, char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st, "SELECT 1 FROM raw_dicts WHERE id = ?1", error_r);
	int rc;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, id);
	rc = sqlite3_step(stmt);
	sqlite3_reset(stmt);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	*error_r = store_errmsg(st, "reading compression dictionaries");
	return -1;
}

int store_raw_dict_for_new(struct store *st, const struct store_raw_dict **dict_r,
                           char **error_r)
{
	int64_t last;

	*dict_r = NULL;
	if (st->raw_train_at == 0)
		st->raw_train_at = RAW_DICT_TRAIN_AT;
	if (st->raw_dict_known && st->raw_dict_current != NULL && st->in_transaction) {
		/* `followup forget` in another process may have retired it. */
		int found = still_there(st, st->raw_dict_current->id, error_r);
		if (found < 0)
			return -1;
		if (found == 0)
			store_raw_dicts_free(st);
	}
	if (!st->raw_dict_known && load_current(st, error_r) < 0)
		return -1;
	if (st->raw_dict_current == NULL && st->in_transaction) {
		/* The highest id, not a count: counting would read the table. */
		if (store_scalar(st, "SELECT max(id) FROM raw_messages", "counting raw messages", 0,
		                 &last, error_r) < 0)
			return -1;
		if (last >= st->raw_train_at) {
			int trained = store_raw_train(st, RAW_DICT_TRAIN_AT, error_r);
			if (trained < 0)
				return -1;
			if (trained == 0)   /* try again when there is more mail */
				st->raw_train_at = last + RAW_DICT_TRAIN_AT;
		}
	}
	*dict_r = st->raw_dict_current;
	return 0;
}

/* ---- forgetting ---- */

/* The rows of dictionary id, compressed again with the newest one (or
 * alone), and the dictionary gone. */
static int retire(struct store *st, int64_t id, char **error_r)
{
	const struct store_raw_dict *now = NULL;
	sqlite3_stmt *stmt;
	GArray *rows = g_array_new(FALSE, FALSE, sizeof(int64_t));
	int ret = -1;
	int rc;

	st->raw_dict_known = true;   /* no training but the one here */
	st->raw_dict_current = NULL;
	if (store_raw_train(st, RAW_DICT_TRAIN_AT, error_r) < 0)
		goto out;
	now = st->raw_dict_current;
	stmt = store_stmt(st, "SELECT id FROM raw_messages WHERE dict_id = ?1", error_r);
	if (stmt == NULL)
		goto out;
	sqlite3_bind_int64(stmt, 1, id);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		int64_t row = sqlite3_column_int64(stmt, 0);
		g_array_append_val(rows, row);
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE) {
		*error_r = store_errmsg(st, "reading raw messages");
		goto out;
	}
	for (guint i = 0; i < rows->len; i++) {
		if (repack_row(st, now, g_array_index(rows, int64_t, i), true, error_r) < 0)
			goto out;
	}
	/* A row that did not decompress keeps its (damaged) reference. */
	ret = store_run_with_id(st, "DELETE FROM raw_dicts WHERE id = ?1 AND NOT EXISTS "
	                        "(SELECT 1 FROM raw_messages WHERE dict_id = ?1)", id,
	                        "retiring a compression dictionary", error_r);
out:
	g_array_free(rows, TRUE);
	return ret;
}

int store_raw_dicts_sweep(struct store *st, int *retired_r, char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st, "SELECT d.id FROM raw_dicts d WHERE (SELECT count(*) "
	                                    "FROM raw_messages r WHERE r.id BETWEEN d.sample_from "
	                                    "AND d.sample_to) < d.span_rows", error_r);
	GArray *gone = g_array_new(FALSE, FALSE, sizeof(int64_t));
	int ret = -1;
	int rc;

	*retired_r = 0;
	if (stmt == NULL)
		goto out;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(stmt, 0);
		g_array_append_val(gone, id);
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE) {
		*error_r = store_errmsg(st, "reading compression dictionaries");
		goto out;
	}
	for (guint i = 0; i < gone->len; i++) {
		if (retire(st, g_array_index(gone, int64_t, i), error_r) < 0)
			goto out;
	}
	*retired_r = (int)gone->len;
	ret = 0;
out:
	/* Whatever was trained or dropped, the next use reads raw_dicts again. */
	store_raw_dicts_free(st);
	g_array_free(gone, TRUE);
	return ret;
}
