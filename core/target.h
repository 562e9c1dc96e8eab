#ifndef FOLLOWUP_CORE_TARGET_H
#define FOLLOWUP_CORE_TARGET_H
/*
 * target: the customer a name given by a person stands for (an address,
 * a domain, a customer key or a numeric id): known contacts first, else
 * the customer key the classifier gives the address or domain.
 */
#include "core/runtime.h"
#include "store/store.h"

/* 0 with *target_r, 1 when nothing matches, -1 with *error_r (g_free). */
int core_resolve_target(struct store *st, const struct core_runtime *rt, const char *target,
                        struct store_target *target_r, char **error_r);

#endif
