#ifndef FOLLOWUP_CORE_TARGET_H
#define FOLLOWUP_CORE_TARGET_H
/*
 * target: the customer a name given by a person stands for (an address,
 * a domain, a customer key or a numeric id): known contacts first, else
 * the customer key the classifier gives the address or domain.
 */
#include "core/runtime.h"
#include "store/store.h"

/* The customer a new address would belong to: the customer of its key
 * (its registrable domain, or itself for free mail), for `contact set`
 * of an address the mail never named. 0, 1 or -1 as below. */
int core_resolve_address_customer(struct store *st, const struct core_runtime *rt,
                                  const char *address, struct store_target *target_r,
                                  char **error_r);
/* 0 with *target_r, 1 when nothing matches, -1 with *error_r (g_free).
 * An address names its contact's customer only. */
int core_resolve_target(struct store *st, const struct core_runtime *rt, const char *target,
                        struct store_target *target_r, char **error_r);

#endif
