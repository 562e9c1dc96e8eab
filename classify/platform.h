#ifndef FOLLOWUP_CLASSIFY_PLATFORM_H
#define FOLLOWUP_CLASSIFY_PLATFORM_H
/*
 * platform: the buyer behind a platform's notification mail ([source
 * NAME]: a B2B marketplace writes "you have a new inquiry" from its own
 * address). The buyer is in the Reply-To, or in the text; each buyer is a
 * customer of their own, never the platform's domain. Pure.
 */
#include "classify/classify.h"

/* The buyer's address (a new string), or NULL when the mail names none:
 * the first Reply-To, or the first address in the text, that is outside
 * our domains and not on the platform's own registrable domain. */
char *platform_buyer(const struct classify *cls, const struct classify_source *source,
                     const struct parsed_message *msg);

/* The first address in text that keep(address, ctx) accepts, as a new
 * lowercased string, or NULL. Addresses are found around each '@' and
 * must be valid (lib/address.h). */
typedef bool platform_keep_fn(const char *address, void *ctx);
char *platform_find_address(const char *text, platform_keep_fn *keep, void *ctx);

#endif
