#ifndef FOLLOWUP_CORE_CHANGES_H
#define FOLLOWUP_CORE_CHANGES_H
/*
 * changes: what a change of the sheet altered, field by field, and its
 * line in the change log (`followup log`): who, when, what, the value
 * before and after. The commands record in the transaction of the change
 * itself, so the log and the sheet never disagree.
 */
#include <stdint.h>
#include <glib.h>

#include "core/roles.h"
#include "store/store.h"

/* One command's change to one customer. */
struct core_change_ctx {
	struct store *st;
	const struct core_actor *actor;
	int64_t now;
	int64_t customer_id;
	const char *customer;     /* its key */
	const char *command;      /* "customer set", "order paid" … */
};

/* Records one field's change (old, new: NULL for none). 0 or -1. */
int core_change_record(const struct core_change_ctx *c, const char *field,
                       const char *old_value, const char *new_value, char **error_r);
/* Records every field of the record that differs between before and
 * after (name country industry website tags grade owner stage source
 * next-action next-date). */
int core_change_record_customer(const struct core_change_ctx *c,
                                const struct store_customer *before,
                                const struct store_customer *after, char **error_r);
/* The same for a contact (name role title phone), field names prefixed
 * with its address ("hans@kunde.de role"). */
int core_change_record_contact(const struct core_change_ctx *c,
                               const struct store_contact *before,
                               const struct store_contact *after, char **error_r);
/* The same for an order (amount currency incoterm due deposit state),
 * prefixed with its number; before NULL: a new order, one line. */
int core_change_record_order(const struct core_change_ctx *c, const struct store_order *before,
                             const struct store_order *after, char **error_r);

#endif
