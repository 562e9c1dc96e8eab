#ifndef FOLLOWUP_CORE_ORDERS_H
#define FOLLOWUP_CORE_ORDERS_H
/*
 * orders: the orders and payments of the follow-up sheet as people enter
 * them (`followup order add|set|paid`) and as `followup orders` selects
 * them. Every value is checked here before anything is written; an error
 * says what the value takes (the caller names the option or field).
 * Amounts are integers in thousandths of the currency's unit.
 *
 * Strings handed back are owned by the caller unless said otherwise.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/store.h"

/* The largest amount: a thousand billion units keeps sums of thousandths
 * far inside int64_t. */
#define CORE_AMOUNT_MAX_MILLI (INT64_C(1000000000000) * 1000)

/* "82000", "24600.5", "0.125": a positive decimal with at most three
 * places (no sign, no thousands separator). 0 with *milli_r, or -1 with
 * *error_r. */
int core_amount_parse(const char *text, int64_t *milli_r, char **error_r);
/* "usd" -> "USD": three ASCII letters (ISO 4217). 0 with *currency_r, or
 * -1 with *error_r. */
int core_currency_parse(const char *text, char **currency_r, char **error_r);
/* A deposit: an amount ("5000", *milli_r set, *percent_r -1) or a share
 * of the order ("30%", 0 < share <= 100 with at most two places;
 * *percent_r set, *milli_r INT64_MIN). 0, or -1 with *error_r. */
int core_deposit_parse(const char *text, int64_t *milli_r, double *percent_r,
                       char **error_r);
/* A day: YYYY-MM-DD. 0 with *day_r, or -1 with *error_r. */
int core_day_parse(const char *text, char **day_r, char **error_r);
/* An Incoterm with its place, as the team writes it ("FOB Ningbo"): one
 * line of at most 80 characters, trimmed. 0 with *incoterm_r, or -1. */
int core_incoterm_parse(const char *text, char **incoterm_r, char **error_r);
/* The day (YYYY-MM-DD) t falls on in timezone (an IANA name; NULL or
 * unknown: UTC). New string. */
char *core_day_of(int64_t t, const char *timezone);
/* An order number: 1 to 64 characters, one line, not starting with '-'.
 * NULL when fine, else why not (static). */
const char *core_order_number_invalid(const char *number);

/* The states an order may be in; paid and part-paid also follow from its
 * payments. */
bool core_order_state_valid(const char *state);
/* The state once paid_milli of amount_milli is paid: "paid" when the
 * payments reach the amount, "part-paid" when some are in, else the
 * current state (static, or current). A cancelled order stays so. */
const char *core_order_state_after(int64_t amount_milli, int64_t paid_milli,
                                   const char *current);

/* A checked change to an order (`order set NUMBER field=value…`, fields:
 * amount currency incoterm due deposit quote state; "" clears incoterm,
 * due, deposit and quote). `fields` starts as the order's and is what the
 * store writes; its strings are the order's or owned here. The quote is
 * checked against the store by the caller: quote_changed says so. */
struct core_order_change {
	struct store_order_fields fields;
	bool quote_changed;
	bool state_set;          /* state= given; else it follows the payments */
	GPtrArray *owned;
};
/* The fields of an order as they stand (borrowed from o). */
void core_order_fields_of(const struct store_order *o, struct store_order_fields *f_r);
/* 0 with *change_r, or -1 with *error_r naming the field and saying what
 * it takes: nothing of a change with any bad value is to be written. */
int core_order_change_parse(const struct store_order *o, char *const *assignments, size_t n,
                            struct core_order_change **change_r, char **error_r);
void core_order_change_free(struct core_order_change **change);
/* NULL when the fields hold together (a deposit no larger than the
 * amount), else why not (static). */
const char *core_order_fields_invalid(const struct store_order_fields *f);

/* "12000.00", "0.125": an amount in thousandths as written in a list
 * (two decimals, three when the thousandths need them). */
void core_amount_format(int64_t milli, char *buf, size_t size);

/* ---- what `followup orders` keeps ---- */

/* Settled: paid in full or cancelled; nothing more falls due. */
bool core_order_settled(const struct store_order *o);
/* Overdue: not settled and its due day (in timezone, an IANA name; NULL:
 * UTC) ended before now. */
bool core_order_overdue(const struct store_order *o, int64_t now, const char *timezone);
/* Falls due within `within` seconds: not settled, not overdue, and its
 * due day starts before now + within. */
bool core_order_due_within(const struct store_order *o, int64_t now, uint64_t within,
                           const char *timezone);

#endif
