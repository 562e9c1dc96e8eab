#ifndef FOLLOWUP_RULES_GRADE_H
#define FOLLOWUP_RULES_GRADE_H
/*
 * grade: a customer's grade from what the store knows of them, with the
 * points of each criterion so that the grade can be explained.
 *
 * Each criterion earns points in a straight line from 0 to its maximum
 * at its "full" value, and no more beyond it (rounded down):
 *
 *   value     the value of their orders in the window (one currency)
 *   orders    the number of their orders in the window
 *   recency   how recently they wrote: all points within recency_full,
 *             falling to 0 at dormant_after; none when they never wrote
 *   answers   the share of our mails in the window they answered
 *   tenure    how long since the first mail either way
 *
 * The grade is the first whose threshold the total reaches; below every
 * threshold, or dormant (nothing from them for dormant_after; when they
 * never wrote, nothing since the first mail), the last grade. Pure: the
 * caller gathers the input (store/) and gives the clock.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum grade_criterion {
	GRADE_VALUE = 0,
	GRADE_ORDERS,
	GRADE_RECENCY,
	GRADE_ANSWERS,
	GRADE_TENURE,
	GRADE_N_CRITERIA,
};

/* How points are earned; the names and thresholds are borrowed. */
struct grade_scale {
	const char *const *names;      /* best first; the last is the dormant grade */
	size_t n_names;                /* at least 2 */
	const unsigned *thresholds;    /* n_names - 1, descending */
	unsigned max_points[GRADE_N_CRITERIA];
	int64_t value_full_milli;      /* > 0 */
	uint64_t orders_full;          /* > 0 */
	int64_t recency_full;          /* seconds, < dormant_after */
	int64_t dormant_after;         /* seconds, > 0 */
	int64_t tenure_full;           /* seconds, > 0 */
};

/* What is known of one customer. INT64_MIN: never. */
struct grade_input {
	int64_t value_milli;           /* orders in the window in the scale's currency */
	uint64_t n_orders;             /* orders in the window, any currency */
	int64_t last_inbound;          /* their last sales mail */
	int64_t first_contact;         /* the first mail either way */
	uint64_t n_ours;               /* our mails in the window, a person's */
	uint64_t n_answered;           /* of them, answered by the customer */
};

/* One criterion explained: its value and what it earned. */
struct grade_line {
	int64_t value;                 /* milli; orders; seconds since; percent; seconds.
	                                * -1: none (never wrote, nothing to answer) */
	unsigned points;
	unsigned max_points;
};

struct grade_result {
	struct grade_line lines[GRADE_N_CRITERIA];
	unsigned total;
	size_t grade;                  /* index in the scale's names */
	bool dormant;
};

/* Grades in at now. */
void grade_compute(const struct grade_scale *scale, const struct grade_input *in, int64_t now,
                   struct grade_result *result_r);

/* "order-value", "orders", "recency", "answers", "tenure": how docs and
 * output name a criterion. Static. */
const char *grade_criterion_name(enum grade_criterion criterion);

#endif
