#ifndef FOLLOWUP_CORE_REPARSE_H
#define FOLLOWUP_CORE_REPARSE_H
/*
 * reparse: every stored message analysed again from its raw copy (after
 * a parser or classifier change) and its rows, customer and thread
 * rewritten, in date order, `batch` messages a transaction.
 */
#include <stdint.h>

#include "core/filing.h"

/* progress (may be NULL) is called after each batch with (done, total). */
typedef void core_progress_fn(uint64_t done, uint64_t total, void *ctx);
int core_reparse(struct store *st, const struct filing_options *opts, unsigned batch,
                 core_progress_fn *progress, void *progress_ctx, uint64_t *count_r,
                 char **error_r);

#endif
