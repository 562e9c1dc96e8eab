/* grade: see grade.h. */
#include <glib.h>

#include "rules/grade.h"

/* max * value / full, value clamped to [0, full]; rounded down. The
 * product stays far inside 64 bits: the config keeps max at most 1000
 * and full below 2^32 units (of seconds, orders, or thousands of milli). */
static unsigned scaled(unsigned max, int64_t value, int64_t full)
{
	if (full <= 0 || value <= 0)
		return 0;
	if (value >= full)
		return max;
	return (unsigned)((int64_t)max * value / full);
}

/* All points within full, none at zero, a straight line between. */
static unsigned recency_points(unsigned max, int64_t age, int64_t full, int64_t zero)
{
	if (age <= full)
		return max;
	if (age >= zero)
		return 0;
	return scaled(max, zero - age, zero - full);
}

void grade_compute(const struct grade_scale *s, const struct grade_input *in, int64_t now,
                   struct grade_result *result_r)
{
	struct grade_result *r = result_r;
	struct grade_line *l = r->lines;
	int64_t since;

	*r = (struct grade_result){ 0 };
	for (size_t i = 0; i < GRADE_N_CRITERIA; i++)
		l[i].max_points = s->max_points[i];

	l[GRADE_VALUE].value = in->value_milli;
	l[GRADE_VALUE].points = scaled(s->max_points[GRADE_VALUE], in->value_milli,
	                               s->value_full_milli);
	l[GRADE_ORDERS].value = (int64_t)MIN(in->n_orders, (uint64_t)INT64_MAX);
	l[GRADE_ORDERS].points = scaled(s->max_points[GRADE_ORDERS], l[GRADE_ORDERS].value,
	                                (int64_t)MIN(s->orders_full, (uint64_t)INT64_MAX));

	l[GRADE_RECENCY].value = -1;
	if (in->last_inbound != INT64_MIN) {
		l[GRADE_RECENCY].value = MAX(now - in->last_inbound, 0);
		l[GRADE_RECENCY].points = recency_points(s->max_points[GRADE_RECENCY],
		                                         l[GRADE_RECENCY].value, s->recency_full,
		                                         s->dormant_after);
	}

	l[GRADE_ANSWERS].value = -1;
	if (in->n_ours > 0) {
		uint64_t answered = MIN(in->n_answered, in->n_ours);
		l[GRADE_ANSWERS].value = (int64_t)(answered * 100 / in->n_ours);
		l[GRADE_ANSWERS].points = (unsigned)(s->max_points[GRADE_ANSWERS] * answered /
		                                     in->n_ours);
	}

	l[GRADE_TENURE].value = -1;
	if (in->first_contact != INT64_MIN) {
		l[GRADE_TENURE].value = MAX(now - in->first_contact, 0);
		l[GRADE_TENURE].points = scaled(s->max_points[GRADE_TENURE], l[GRADE_TENURE].value,
		                                s->tenure_full);
	}

	for (size_t i = 0; i < GRADE_N_CRITERIA; i++)
		r->total += l[i].points;

	/* Silence is measured from their last mail, or from the first mail
	 * of a customer who never wrote: a lead we wrote to yesterday is not
	 * dormant, one we wrote to a year ago and never heard from is. */
	since = in->last_inbound != INT64_MIN ? in->last_inbound : in->first_contact;
	r->dormant = since != INT64_MIN && now - since >= s->dormant_after;
	r->grade = s->n_names - 1;
	for (size_t i = 0; !r->dormant && i + 1 < s->n_names; i++) {
		if (r->total >= s->thresholds[i]) {
			r->grade = i;
			break;
		}
	}
}

const char *grade_criterion_name(enum grade_criterion criterion)
{
	static const char *const names[GRADE_N_CRITERIA] = {
		[GRADE_VALUE] = "order-value",
		[GRADE_ORDERS] = "orders",
		[GRADE_RECENCY] = "recency",
		[GRADE_ANSWERS] = "answers",
		[GRADE_TENURE] = "tenure",
	};

	return (unsigned)criterion < GRADE_N_CRITERIA ? names[criterion] : "?";
}
