/* A customer's grade from its criteria (rules/grade.c): the points of
 * each criterion, the thresholds, dormancy, and the explanation. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <glib.h>

#include "rules/grade.h"

#define DAY INT64_C(86400)
static const int64_t now = INT64_C(1795478400);   /* 2026-11-24T00:00Z */

static const char *const sabce[] = { "S", "A", "B", "C", "E" };
static const unsigned thresholds[] = { 70, 50, 30, 0 };

/* The defaults of docs/CONFIG.md. */
static const struct grade_scale scale = {
	.names = sabce, .n_names = 5, .thresholds = thresholds,
	.max_points = { [GRADE_VALUE] = 30, [GRADE_ORDERS] = 20, [GRADE_RECENCY] = 20,
	                [GRADE_ANSWERS] = 15, [GRADE_TENURE] = 15 },
	.value_full_milli = INT64_C(100000) * 1000, .orders_full = 5,
	.recency_full = 30 * DAY, .dormant_after = 180 * DAY, .tenure_full = 730 * DAY,
};

static void expect_points(const struct grade_result *r, const unsigned want[GRADE_N_CRITERIA])
{
	for (size_t i = 0; i < GRADE_N_CRITERIA; i++) {
		if (r->lines[i].points != want[i])
			fail_msg("%s: %u points, want %u", grade_criterion_name((enum grade_criterion)i),
			         r->lines[i].points, want[i]);
	}
}

/* The example of docs/CONFIG.md: 15 + 8 + 20 + 11 + 7 = 61, an A. */
static void test_documented_example(void **state)
{
	const struct grade_input in = {
		.value_milli = INT64_C(50000) * 1000, .n_orders = 2, .last_inbound = now - 10 * DAY,
		.first_contact = now - 365 * DAY, .n_ours = 4, .n_answered = 3,
	};
	struct grade_result r;

	(void)state;
	grade_compute(&scale, &in, now, &r);
	expect_points(&r, (const unsigned[]){ 15, 8, 20, 11, 7 });
	assert_int_equal(r.total, 61);
	assert_int_equal(r.grade, 1);
	assert_false(r.dormant);
	assert_int_equal(r.lines[GRADE_VALUE].value, INT64_C(50000) * 1000);
	assert_int_equal(r.lines[GRADE_ORDERS].value, 2);
	assert_int_equal(r.lines[GRADE_RECENCY].value, 10 * DAY);
	assert_int_equal(r.lines[GRADE_ANSWERS].value, 75);
	assert_int_equal(r.lines[GRADE_TENURE].value, 365 * DAY);
	assert_int_equal(r.lines[GRADE_ANSWERS].max_points, 15);
}

/* Beyond full, a criterion earns its maximum and no more: 100 points, S. */
static void test_capped(void **state)
{
	const struct grade_input in = {
		.value_milli = INT64_C(900000) * 1000, .n_orders = 40, .last_inbound = now,
		.first_contact = now - 3000 * DAY, .n_ours = 10, .n_answered = 12,
	};
	struct grade_result r;

	(void)state;
	grade_compute(&scale, &in, now, &r);
	expect_points(&r, (const unsigned[]){ 30, 20, 20, 15, 15 });
	assert_int_equal(r.total, 100);
	assert_int_equal(r.grade, 0);
	assert_int_equal(r.lines[GRADE_ANSWERS].value, 100);
}

/* Recency falls in a straight line from recency_full to dormant_after. */
static void test_recency(void **state)
{
	struct grade_input in = { .last_inbound = now - 105 * DAY, .first_contact = now - DAY,
	                          .n_orders = 0 };
	struct grade_result r;

	(void)state;
	grade_compute(&scale, &in, now, &r);
	assert_int_equal(r.lines[GRADE_RECENCY].points, 10);   /* halfway from 30d to 180d */
	in.last_inbound = now - 30 * DAY;
	grade_compute(&scale, &in, now, &r);
	assert_int_equal(r.lines[GRADE_RECENCY].points, 20);
	in.last_inbound = now - 179 * DAY;
	grade_compute(&scale, &in, now, &r);
	assert_int_equal(r.lines[GRADE_RECENCY].points, 0);
	assert_false(r.dormant);
	assert_int_equal(r.grade, 3);                           /* C: 0 points reach 0 */
	/* A mail dated after now (a clock skewed) counts as today. */
	in.last_inbound = now + DAY;
	grade_compute(&scale, &in, now, &r);
	assert_int_equal(r.lines[GRADE_RECENCY].value, 0);
	assert_int_equal(r.lines[GRADE_RECENCY].points, 20);
}

/* Dormant: the last grade whatever the points; a customer who never
 * wrote is measured from the first mail. */
static void test_dormant(void **state)
{
	struct grade_input in = {
		.value_milli = INT64_C(900000) * 1000, .n_orders = 9, .last_inbound = now - 180 * DAY,
		.first_contact = now - 900 * DAY,
	};
	struct grade_result r;

	(void)state;
	grade_compute(&scale, &in, now, &r);
	assert_true(r.dormant);
	assert_int_equal(r.total, 65);
	assert_int_equal(r.grade, 4);

	in = (struct grade_input){ .last_inbound = INT64_MIN, .first_contact = now - 2 * DAY,
	                           .n_ours = 1 };
	grade_compute(&scale, &in, now, &r);
	assert_false(r.dormant);
	assert_int_equal(r.lines[GRADE_RECENCY].value, -1);
	assert_int_equal(r.lines[GRADE_RECENCY].points, 0);
	assert_int_equal(r.lines[GRADE_ANSWERS].value, 0);
	assert_int_equal(r.grade, 3);
	in.first_contact = now - 200 * DAY;
	grade_compute(&scale, &in, now, &r);
	assert_true(r.dormant);
	assert_int_equal(r.grade, 4);

	/* Nothing known at all: no points, not dormant. */
	in = (struct grade_input){ .last_inbound = INT64_MIN, .first_contact = INT64_MIN };
	grade_compute(&scale, &in, now, &r);
	assert_false(r.dormant);
	assert_int_equal(r.total, 0);
	assert_int_equal(r.lines[GRADE_ANSWERS].value, -1);
	assert_int_equal(r.lines[GRADE_TENURE].value, -1);
	assert_int_equal(r.grade, 3);
}

/* Renamed grades and thresholds: below every threshold is the last. */
static void test_renamed(void **state)
{
	static const char *const names[] = { "Gold", "Silver", "Sleeping" };
	static const unsigned two[] = { 40, 20 };
	struct grade_scale s = scale;
	struct grade_input in = { .last_inbound = now - 100 * DAY, .first_contact = now - 100 * DAY };
	struct grade_result r;

	(void)state;
	s.names = names;
	s.n_names = 3;
	s.thresholds = two;
	grade_compute(&s, &in, now, &r);
	assert_int_equal(r.total, 12);       /* recency 10, tenure 2 */
	assert_int_equal(r.grade, 2);
	assert_false(r.dormant);
	in.n_orders = 2;                     /* + 8 */
	in.last_inbound = now;               /* recency 20 */
	grade_compute(&s, &in, now, &r);
	assert_int_equal(r.total, 30);
	assert_int_equal(r.grade, 1);
	/* A criterion worth nothing earns nothing. */
	s.max_points[GRADE_RECENCY] = 0;
	grade_compute(&s, &in, now, &r);
	assert_int_equal(r.lines[GRADE_RECENCY].points, 0);
	assert_int_equal(r.total, 10);
	assert_int_equal(r.grade, 2);
}

static void test_names(void **state)
{
	(void)state;
	assert_string_equal(grade_criterion_name(GRADE_VALUE), "order-value");
	assert_string_equal(grade_criterion_name(GRADE_TENURE), "tenure");
	assert_string_equal(grade_criterion_name(GRADE_N_CRITERIA), "?");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_documented_example),
		cmocka_unit_test(test_capped),
		cmocka_unit_test(test_recency),
		cmocka_unit_test(test_dormant),
		cmocka_unit_test(test_renamed),
		cmocka_unit_test(test_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
