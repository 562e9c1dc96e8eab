#ifndef FOLLOWUP_CORE_FORGET_H
#define FOLLOWUP_CORE_FORGET_H
/*
 * forget: a person's or a customer's data erased on request (GDPR art.
 * 17), what is held about a person exported (art. 15), and the mail of
 * the forgotten kept out of the store afterwards.
 *
 * What stays: one line in `forgotten` (when, by whom, what kind of thing,
 * how many items) and, unless the caller lets their mail in again, a
 * SHA-256 of "address:ADDRESS" or "customer:KEY", so that new mail from
 * or about them is recognised and not filed. The hash is pseudonymous,
 * not anonymous: someone who guesses the address can check it; it is the
 * least that can keep the promise not to file their mail again.
 */
#include <stdbool.h>
#include <stdint.h>

#include "classify/analyzed.h"
#include "core/roles.h"
#include "store/store.h"

/* The hash kept for kind ("address", "customer") and value. New string. */
char *core_forget_suppress_hash(const char *kind, const char *value);

/* *suppressed_r: am's counterpart address or customer was forgotten and
 * its mail stays out. 0 or -1. */
int core_forget_suppressed(struct store *st, const struct analyzed_message *am,
                           bool *suppressed_r, char **error_r);

#endif
