#ifndef FOLLOWUP_CORE_PROPOSALS_H
#define FOLLOWUP_CORE_PROPOSALS_H
/*
 * proposals: the orders our sent mail proposes. A proforma invoice or an
 * order confirmation we sent, with a PI number and a total in its trade
 * facts (store_order_proposals), proposes an order of that number, amount
 * and currency (and its Incoterm); a person confirms it with `followup
 * order confirm`. Nothing is made of a proposal by itself, and a message
 * whose facts do not give a usable number, amount and currency proposes
 * nothing: nothing is guessed.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/store.h"

struct core_proposal {
	char *message_id;
	int64_t date;
	int64_t customer_id;
	char *customer;          /* the customer's key */
	char *subject;           /* as the mail wrote it: not yet safe to print */
	char *number;            /* the PI number (facts' reference), a valid order number */
	int64_t amount_milli;    /* the facts' total, in thousandths */
	char *currency;          /* ISO 4217 */
	char *incoterm;          /* "CIF Hamburg" (rule and place), or NULL */
};

/* The order the facts of one proposing message give (its row as the
 * store read it), into *out_r (free its strings with core_proposals_free
 * on an array, or one by one); false, and nothing allocated, when they
 * give none an order may have: no reference or total, a number, amount or
 * currency that `order add` would refuse. Pure. */
bool core_proposal_of(const struct store_proposal *row, struct core_proposal *out_r);

/* The proposals of one customer, or of all (customer_id 0), or only that
 * message's (message_id without angle brackets; NULL: any), by date.
 * 0 with *props_r (free with core_proposals_free), or -1 with *error_r. */
int core_order_proposals(struct store *st, int64_t customer_id, const char *message_id,
                         struct core_proposal **props_r, size_t *n_r, char **error_r);
void core_proposals_free(struct core_proposal **props, size_t n);

#endif
