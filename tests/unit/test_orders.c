/* core/orders: amounts, currencies, deposits and days as people enter
 * them, the state an order is in after its payments, a checked `order
 * set`, and which orders fall due or are overdue. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <glib.h>

#include "core/orders.h"
#include "core/proposals.h"

static void expect_amount(const char *text, int64_t want)
{
	int64_t got = -1;
	char *error = NULL;

	if (core_amount_parse(text, &got, &error) != 0)
		fail_msg("amount '%s': %s", text, error);
	assert_int_equal(got, want);
}

/* A refused value: the error quotes it and says why. */
static void expect_refused(int (*parse)(const char *, int64_t *, char **), const char *text,
                           const char *words)
{
	int64_t got = 0;
	char *error = NULL;

	if (parse(text, &got, &error) == 0)
		fail_msg("'%s' was taken as %lld", text, (long long)got);
	if (strstr(error, words) == NULL || strstr(error, text) == NULL)
		fail_msg("'%s': the error '%s' does not say '%s'", text, error, words);
	g_free(error);
}

static void test_amounts(void **state)
{
	(void)state;
	expect_amount("82000", 82000000);
	expect_amount("24600.5", 24600500);
	expect_amount("24600.50", 24600500);
	expect_amount("0.125", 125);
	expect_amount("1000000000000", CORE_AMOUNT_MAX_MILLI);
	expect_refused(core_amount_parse, "1.2345", "three decimal places");
	expect_refused(core_amount_parse, "-5", "negative");
	expect_refused(core_amount_parse, "0", "zero");
	expect_refused(core_amount_parse, "0.000", "zero");
	expect_refused(core_amount_parse, "1,000", "no number");
	expect_refused(core_amount_parse, "12.", "no number");
	expect_refused(core_amount_parse, "", "no number");
	expect_refused(core_amount_parse, "1000000000000.001", "too large");
	expect_refused(core_amount_parse, "99999999999999999999999", "too large");
}

static void test_currency_and_days(void **state)
{
	char *value = NULL, *error = NULL;

	(void)state;
	assert_int_equal(core_currency_parse("usd", &value, &error), 0);
	assert_string_equal(value, "USD");
	g_free(value);
	assert_int_equal(core_currency_parse("US$", &value, &error), -1);
	assert_non_null(strstr(error, "ISO 4217"));
	g_clear_pointer(&error, g_free);
	assert_int_equal(core_currency_parse("EURO", &value, &error), -1);
	g_clear_pointer(&error, g_free);
	assert_int_equal(core_day_parse("2026-12-15", &value, &error), 0);
	assert_string_equal(value, "2026-12-15");
	g_free(value);
	assert_int_equal(core_day_parse("2026-12-15T10:00:00Z", &value, &error), -1);
	assert_non_null(strstr(error, "YYYY-MM-DD"));
	g_clear_pointer(&error, g_free);
	assert_int_equal(core_day_parse("2026-02-30", &value, &error), -1);
	g_clear_pointer(&error, g_free);
	value = core_day_of(1795485600 /* 2026-11-24T02:00:00Z */, "Asia/Shanghai");
	assert_string_equal(value, "2026-11-24");
	g_free(value);
	value = core_day_of(1795485600 - 11 * 3600, "Asia/Shanghai"); /* 23:00 the day before */
	assert_string_equal(value, "2026-11-23");
	g_free(value);
	assert_null(core_order_number_invalid("PI-2026-118"));
	assert_non_null(core_order_number_invalid(""));
	assert_non_null(core_order_number_invalid("--amount"));
	assert_non_null(core_order_number_invalid("PI\033[31m"));
}

static void test_deposits(void **state)
{
	int64_t milli;
	double percent;
	char *error = NULL;

	(void)state;
	assert_int_equal(core_deposit_parse("30%", &milli, &percent, &error), 0);
	assert_true(milli == INT64_MIN && percent == 30.0);
	assert_int_equal(core_deposit_parse("12.5%", &milli, &percent, &error), 0);
	assert_true(milli == INT64_MIN && percent == 12.5);
	assert_int_equal(core_deposit_parse("5000", &milli, &percent, &error), 0);
	assert_true(milli == 5000000 && percent < 0);
	assert_int_equal(core_deposit_parse("101%", &milli, &percent, &error), -1);
	assert_non_null(strstr(error, "101%"));
	g_clear_pointer(&error, g_free);
	assert_int_equal(core_deposit_parse("0%", &milli, &percent, &error), -1);
	g_clear_pointer(&error, g_free);
	assert_int_equal(core_deposit_parse("%", &milli, &percent, &error), -1);
	g_clear_pointer(&error, g_free);
	assert_int_equal(core_deposit_parse("1.234%", &milli, &percent, &error), -1);
	g_clear_pointer(&error, g_free);
}

static void test_state_after_payments(void **state)
{
	(void)state;
	assert_string_equal(core_order_state_after(82000000, 0, "open"), "open");
	assert_string_equal(core_order_state_after(82000000, 24600500, "open"), "part-paid");
	assert_string_equal(core_order_state_after(82000000, 82000000, "part-paid"), "paid");
	assert_string_equal(core_order_state_after(82000000, 24600500, "shipped"), "part-paid");
	assert_string_equal(core_order_state_after(82000000, 82000000, "cancelled"), "cancelled");
	/* A larger amount set after the payments: no longer paid. */
	assert_string_equal(core_order_state_after(90000000, 82000000, "paid"), "part-paid");
	assert_string_equal(core_order_state_after(90000000, 0, "paid"), "open");
	assert_true(core_order_state_valid("shipped"));
	assert_false(core_order_state_valid("done"));
}

static struct store_order order(const char *due, int64_t amount, int64_t paid, const char *st)
{
	return (struct store_order){
		.number = (char *)"PI-1", .customer = (char *)"kunde.de",
		.amount_milli = amount, .paid_milli = paid, .currency = (char *)"USD",
		.due = (char *)due, .state = (char *)st, .deposit_milli = INT64_MIN,
		.deposit_percent = -1.0,
	};
}

static void test_change(void **state)
{
	struct store_order o = order("2026-12-15", 82000000, 24600500, "part-paid");
	struct core_order_change *c = NULL;
	char *error = NULL;
	char *good[] = { "amount=90000.5", "currency=eur", "due=", "deposit=30%",
	                 "incoterm= CIF Hamburg ", "quote=<q@x>" };
	char *bad_amount[] = { "due=2026-12-01", "amount=lots" };
	char *bad_field[] = { "number=PI-2" };
	char *bad_deposit[] = { "deposit=100000" };
	char *bad_state[] = { "state=done" };

	(void)state;
	assert_int_equal(core_order_change_parse(&o, good, G_N_ELEMENTS(good), &c, &error), 0);
	assert_int_equal(c->fields.amount_milli, 90000500);
	assert_string_equal(c->fields.currency, "EUR");
	assert_null(c->fields.due);
	assert_true(c->fields.deposit_percent == 30.0 && c->fields.deposit_milli == INT64_MIN);
	assert_string_equal(c->fields.incoterm, "CIF Hamburg");
	assert_true(c->quote_changed);
	assert_string_equal(c->fields.state, "part-paid");
	assert_string_equal(c->fields.number, "PI-1");
	core_order_change_free(&c);
	assert_null(c);
	assert_int_equal(core_order_change_parse(&o, bad_amount, 2, &c, &error), -1);
	assert_true(g_str_has_prefix(error, "amount: 'lots'"));
	g_clear_pointer(&error, g_free);
	assert_int_equal(core_order_change_parse(&o, bad_field, 1, &c, &error), -1);
	assert_true(g_str_has_prefix(error, "number: is no field"));
	g_clear_pointer(&error, g_free);
	assert_int_equal(core_order_change_parse(&o, bad_deposit, 1, &c, &error), -1);
	assert_true(g_str_has_prefix(error, "deposit:"));
	g_clear_pointer(&error, g_free);
	assert_int_equal(core_order_change_parse(&o, bad_state, 1, &c, &error), -1);
	assert_true(g_str_has_prefix(error, "state: 'done'"));
	g_clear_pointer(&error, g_free);
	assert_null(c);
}

static void test_due(void **state)
{
	/* 2026-11-24T10:00:00+08:00; days in Shanghai. */
	const int64_t now = 1795485600;
	const uint64_t week = 7 * 24 * 3600;
	struct store_order today = order("2026-11-24", 1000, 0, "open");
	struct store_order yesterday = order("2026-11-23", 1000, 500, "part-paid");
	struct store_order next_week = order("2026-12-01", 1000, 0, "open");
	struct store_order later = order("2026-12-02", 1000, 0, "open");
	struct store_order paid = order("2026-11-01", 1000, 1000, "paid");
	struct store_order cancelled = order("2026-11-01", 1000, 0, "cancelled");
	struct store_order undated = order(NULL, 1000, 0, "open");
	const char *tz = "Asia/Shanghai";

	(void)state;
	assert_false(core_order_overdue(&today, now, tz));
	assert_true(core_order_due_within(&today, now, week, tz));
	assert_true(core_order_overdue(&yesterday, now, tz));
	assert_false(core_order_due_within(&yesterday, now, week, tz));
	assert_true(core_order_due_within(&next_week, now, week, tz));
	assert_false(core_order_due_within(&later, now, week, tz));
	assert_false(core_order_overdue(&paid, now, tz));
	assert_false(core_order_overdue(&cancelled, now, tz));
	assert_false(core_order_overdue(&undated, now, tz));
	assert_false(core_order_due_within(&undated, now, week, tz));
	/* Yesterday in Shanghai is still today in New York. */
	assert_false(core_order_overdue(&yesterday, now, "America/New_York"));
}

/* An order proposed by mail: its facts go through the checks a person's
 * `order add` goes through; what fails them proposes nothing. */
static bool proposal(const char *facts, struct core_proposal *p)
{
	struct store_proposal row = { .message_id = (char *)"pi@example.com", .date = 1,
	                              .customer_id = 7, .customer = (char *)"kunde.de",
	                              .subject = (char *)"Proforma Invoice",
	                              .facts = (char *)facts };

	return core_proposal_of(&row, p);
}

static void expect_no_proposal(const char *facts)
{
	struct core_proposal p;

	if (proposal(facts, &p))
		fail_msg("proposed: %s", facts);
}

static void test_proposal_from_facts(void **state)
{
	struct core_proposal p, *one;

	(void)state;
	assert_true(proposal("{\"reference\":\"PI-2026-118\",\"incoterm\":\"CIF\","
	                     "\"incoterm_place\":\"Hamburg\",\"total\":{\"currency\":\"usd\","
	                     "\"amount\":12345.67,\"text\":\"USD 12,345.67\"}}", &p));
	assert_string_equal(p.number, "PI-2026-118");
	assert_int_equal(p.amount_milli, 12345670);     /* not 12345669 */
	assert_string_equal(p.currency, "USD");
	assert_string_equal(p.incoterm, "CIF Hamburg");
	assert_string_equal(p.message_id, "pi@example.com");
	assert_int_equal(p.customer_id, 7);
	one = g_memdup2(&p, sizeof(p));
	core_proposals_free(&one, 1);
	assert_null(one);

	/* No Incoterm is no reason to propose nothing. */
	assert_true(proposal("{\"reference\":\"PI-1\",\"total\":{\"currency\":\"EUR\","
	                     "\"amount\":0.5}}", &p));
	assert_null(p.incoterm);
	assert_int_equal(p.amount_milli, 500);
	one = g_memdup2(&p, sizeof(p));
	core_proposals_free(&one, 1);

	expect_no_proposal("{\"reference\":\"PI-1\"}");
	expect_no_proposal("{\"total\":{\"currency\":\"USD\",\"amount\":100}}");
	expect_no_proposal("{\"reference\":\"PI-1\",\"total\":{\"currency\":\"USD\"}}");
	expect_no_proposal("{\"reference\":\"PI-1\",\"total\":{\"currency\":\"US\","
	                   "\"amount\":100}}");
	expect_no_proposal("{\"reference\":\"PI-1\",\"total\":{\"currency\":\"USD\","
	                   "\"amount\":0.0001}}");
	expect_no_proposal("{\"reference\":\"PI-1\",\"total\":{\"currency\":\"USD\","
	                   "\"amount\":1e13}}");
	expect_no_proposal("{\"reference\":\"-rf\",\"total\":{\"currency\":\"USD\","
	                   "\"amount\":100}}");
	expect_no_proposal("{\"reference\":\"PI\\u001b[2J\",\"total\":{\"currency\":\"USD\","
	                   "\"amount\":100}}");
	expect_no_proposal("not json");
	expect_no_proposal("[]");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_amounts),
		cmocka_unit_test(test_currency_and_days),
		cmocka_unit_test(test_deposits),
		cmocka_unit_test(test_state_after_payments),
		cmocka_unit_test(test_change),
		cmocka_unit_test(test_due),
		cmocka_unit_test(test_proposal_from_facts),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
