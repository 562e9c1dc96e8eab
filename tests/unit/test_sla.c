/* Where a conversation stands against a service level, and which of
 * many are late or due soon (rules/sla.c).
 *
 * Every expected instant was worked out by hand; the comments show the
 * sums. Business time: Mon-Fri 09:00-18:00, 9 working hours a day. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <glib.h>
#include <string.h>

#include "rules/bizcal.h"
#include "rules/sla.h"

#define M 60
#define H (60 * M)
#define D (24 * H)
#define NEVER INT64_MAX

#define IN MSG_DIR_IN
#define OUT MSG_DIR_OUT
#define INQUIRY MSG_KIND_INQUIRY
#define REPLY MSG_KIND_REPLY
#define QUOTE MSG_KIND_QUOTE
#define AUTO MSG_KIND_AUTO_REPLY
#define BOUNCE MSG_KIND_BOUNCE
#define BULK MSG_KIND_BULK
#define ACK MSG_KIND_ACK
#define ALERT MSG_KIND_ALERT

/* 2026-11-20 10:00 UTC, a Friday: the start of the calendar-time cases. */
#define T0 INT64_C(1795168800)

/* [rule first-response] on = inquiry, until = our-reply, within = 24h
 * business, notify = owner, escalate = manager after 24h business. */
static const struct rule first_response = {
	.name = (char *)"first-response", .on = RULE_ON_INQUIRY, .action = RULE_ACTION_SLA,
	.until = RULE_UNTIL_OUR_REPLY, .within = { 24 * H, true }, .notify = RULE_WHO_OWNER,
	.has_escalate = true, .escalate_to = RULE_WHO_MANAGER,
	.escalate_after = { 24 * H, true },
};

/* [rule quote-follow-up] on = quote, until = customer-reply, within = 3d,
 * notify = owner. */
static const struct rule quote_follow_up = {
	.name = (char *)"quote-follow-up", .on = RULE_ON_QUOTE, .action = RULE_ACTION_SLA,
	.until = RULE_UNTIL_CUSTOMER_REPLY, .within = { 3 * D, false },
	.notify = RULE_WHO_OWNER,
};

/* first-response in calendar time, with a warning and an escalation. */
static const struct rule first_response_calendar = {
	.name = (char *)"fr-cal", .on = RULE_ON_INQUIRY, .action = RULE_ACTION_SLA,
	.until = RULE_UNTIL_OUR_REPLY, .within = { 24 * H, false }, .warn_at_percent = 75,
	.notify = RULE_WHO_OWNER, .has_escalate = true, .escalate_to = RULE_WHO_MANAGER,
	.escalate_after = { 12 * H, false },
};

static GTimeZone *shanghai, *berlin;
static struct bizcal *cal_shanghai, *cal_shanghai_holidays, *cal_berlin;

static int64_t local(GTimeZone *tz, int y, int mo, int d, int h, int mi)
{
	GDateTime *dt = g_date_time_new(tz, y, mo, d, h, mi, 0);
	int64_t t;

	assert_non_null(dt);
	t = g_date_time_to_unix(dt);
	g_date_time_unref(dt);
	return t;
}

#define SH(y, mo, d, h, mi) local(shanghai, y, mo, d, h, mi)
#define BER(y, mo, d, h, mi) local(berlin, y, mo, d, h, mi)

static int group_setup(void **state)
{
	static const char *const china_national_days[] = {
		"2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06", "2026-10-07", NULL,
	};
	struct work_span spans[5];
	const char *error = NULL;
	int i;

	(void)state;
	for (i = 0; i < 5; i++) {
		spans[i].weekday = i + 1;          /* Monday to Friday */
		spans[i].start_min = 9 * 60;
		spans[i].end_min = 18 * 60;
	}
	shanghai = g_time_zone_new_identifier("Asia/Shanghai");
	berlin = g_time_zone_new_identifier("Europe/Berlin");
	if (shanghai == NULL || berlin == NULL)
		return -1;
	if (bizcal_new(shanghai, spans, 5, NULL, &cal_shanghai, &error) < 0 ||
	    bizcal_new(shanghai, spans, 5, china_national_days, &cal_shanghai_holidays,
	               &error) < 0 ||
	    bizcal_new(berlin, spans, 5, NULL, &cal_berlin, &error) < 0)
		return -1;
	return 0;
}

static int group_teardown(void **state)
{
	(void)state;
	bizcal_free(&cal_shanghai);
	bizcal_free(&cal_shanghai_holidays);
	bizcal_free(&cal_berlin);
	g_time_zone_unref(shanghai);
	g_time_zone_unref(berlin);
	return 0;
}

/* One evaluation and what it must give. */
struct expect {
	int64_t now;
	enum sla_state state;
	int64_t since, due, warn_at, escalate_at, stopped_at, overdue;
};

static void check(const struct rule *rule, const struct sla_message *msgs, size_t n,
                  const struct bizcal *cal, const struct expect *e)
{
	struct sla_result r;

	memset(&r, 0x5a, sizeof(r));
	assert_int_equal(sla_evaluate(rule, msgs, n, cal, e->now, &r), 0);
	if (r.state != e->state)
		fail_msg("%s at %" G_GINT64_FORMAT ": state %s, expected %s", rule->name, e->now,
		         sla_state_name(r.state), sla_state_name(e->state));
	assert_int_equal(r.since, e->since);
	assert_int_equal(r.due, e->due);
	assert_int_equal(r.warn_at, e->warn_at);
	assert_int_equal(r.escalate_at, e->escalate_at);
	assert_int_equal(r.stopped_at, e->stopped_at);
	assert_int_equal(r.overdue_seconds, e->overdue);
}

#define CHECK(rule, msgs, cal, ...) \
	check(rule, msgs, G_N_ELEMENTS(msgs), cal, &(struct expect){ __VA_ARGS__ })

/* ---- calendar time ---- */

static void test_calendar_states(void **state)
{
	/* Inquiry T0; due T0+24h, warning at 75% (T0+18h), the manager
	 * 12 hours after the breach (T0+36h). */
	const struct sla_message thread[] = { { T0, IN, INQUIRY } };

	(void)state;
	CHECK(&first_response_calendar, thread, NULL, .now = T0, .state = SLA_RUNNING,
	      .since = T0, .due = T0 + D, .warn_at = T0 + 18 * H, .escalate_at = T0 + 36 * H,
	      .stopped_at = NEVER);
	CHECK(&first_response_calendar, thread, NULL, .now = T0 + 18 * H - 1,
	      .state = SLA_RUNNING, .since = T0, .due = T0 + D, .warn_at = T0 + 18 * H,
	      .escalate_at = T0 + 36 * H, .stopped_at = NEVER);
	CHECK(&first_response_calendar, thread, NULL, .now = T0 + 18 * H, .state = SLA_WARNING,
	      .since = T0, .due = T0 + D, .warn_at = T0 + 18 * H, .escalate_at = T0 + 36 * H,
	      .stopped_at = NEVER);
	CHECK(&first_response_calendar, thread, NULL, .now = T0 + D, .state = SLA_BREACHED,
	      .since = T0, .due = T0 + D, .warn_at = T0 + 18 * H, .escalate_at = T0 + 36 * H,
	      .stopped_at = NEVER, .overdue = 0);
	CHECK(&first_response_calendar, thread, NULL, .now = T0 + 30 * H,
	      .state = SLA_BREACHED, .since = T0, .due = T0 + D, .warn_at = T0 + 18 * H,
	      .escalate_at = T0 + 36 * H, .stopped_at = NEVER, .overdue = 6 * H);
	CHECK(&first_response_calendar, thread, NULL, .now = T0 + 36 * H,
	      .state = SLA_ESCALATED, .since = T0, .due = T0 + D, .warn_at = T0 + 18 * H,
	      .escalate_at = T0 + 36 * H, .stopped_at = NEVER, .overdue = 12 * H);
	CHECK(&first_response_calendar, thread, NULL, .now = T0 + 40 * D,
	      .state = SLA_ESCALATED, .since = T0, .due = T0 + D, .warn_at = T0 + 18 * H,
	      .escalate_at = T0 + 36 * H, .stopped_at = NEVER, .overdue = 39 * D);
}

static void test_answered(void **state)
{
	const struct sla_message in_time[] = {
		{ T0, IN, INQUIRY }, { T0 + 2 * H, OUT, REPLY },
	};
	const struct sla_message late[] = {
		{ T0 + 30 * H, OUT, QUOTE }, { T0, IN, INQUIRY },   /* any order */
	};

	(void)state;
	CHECK(&first_response_calendar, in_time, NULL, .now = T0 + 3 * H,
	      .state = SLA_STOPPED, .since = T0, .due = T0 + D, .warn_at = T0 + 18 * H,
	      .escalate_at = T0 + 36 * H, .stopped_at = T0 + 2 * H);
	/* Years later it is still answered, never breached. */
	CHECK(&first_response_calendar, in_time, NULL, .now = T0 + 400 * D,
	      .state = SLA_STOPPED, .since = T0, .due = T0 + D, .warn_at = T0 + 18 * H,
	      .escalate_at = T0 + 36 * H, .stopped_at = T0 + 2 * H);
	/* The reply at the very moment counts. */
	CHECK(&first_response_calendar, in_time, NULL, .now = T0 + 2 * H,
	      .state = SLA_STOPPED, .since = T0, .due = T0 + D, .warn_at = T0 + 18 * H,
	      .escalate_at = T0 + 36 * H, .stopped_at = T0 + 2 * H);
	/* A quotation is an answer too; a late one shows against its due date. */
	CHECK(&first_response_calendar, late, NULL, .now = T0 + 31 * H, .state = SLA_STOPPED,
	      .since = T0, .due = T0 + D, .warn_at = T0 + 18 * H, .escalate_at = T0 + 36 * H,
	      .stopped_at = T0 + 30 * H);
	/* Before it was sent, it is not known: the thread is late. */
	CHECK(&first_response_calendar, late, NULL, .now = T0 + 29 * H,
	      .state = SLA_BREACHED, .since = T0, .due = T0 + D, .warn_at = T0 + 18 * H,
	      .escalate_at = T0 + 36 * H, .stopped_at = NEVER, .overdue = 5 * H);
}

static void test_what_is_no_answer(void **state)
{
	/* Our automatic acknowledgement, our own alerts, the customer writing
	 * again, a bounce: none of them is our first reply. */
	const struct sla_message thread[] = {
		{ T0, IN, INQUIRY },
		{ T0 + 1 * M, OUT, ACK },
		{ T0 + 2 * H, IN, REPLY },
		{ T0 + 3 * H, IN, BOUNCE },
		{ T0 + 5 * H, IN, INQUIRY },           /* the first inquiry starts the clock */
		{ T0 + 19 * H, OUT, ALERT },
		{ T0 + 25 * H, OUT, ALERT },
		{ T0 + 26 * H, OUT, BULK },
		{ T0 - 2 * H, OUT, REPLY },            /* before the inquiry */
	};
	const struct sla_message none[] = {
		{ T0, OUT, QUOTE }, { T0 + H, IN, REPLY }, { T0 + 2 * H, IN, AUTO },
	};
	const struct sla_message future[] = { { T0 + H, IN, INQUIRY } };
	struct sla_result r;

	(void)state;
	CHECK(&first_response_calendar, thread, NULL, .now = T0 + 27 * H,
	      .state = SLA_BREACHED, .since = T0, .due = T0 + D, .warn_at = T0 + 18 * H,
	      .escalate_at = T0 + 36 * H, .stopped_at = NEVER, .overdue = 3 * H);
	CHECK(&first_response_calendar, none, NULL, .now = T0 + 3 * H,
	      .state = SLA_NOT_APPLICABLE, .since = 0, .due = NEVER, .warn_at = NEVER,
	      .escalate_at = NEVER, .stopped_at = NEVER);
	/* An inquiry dated after now has not come yet. */
	CHECK(&first_response_calendar, future, NULL, .now = T0, .state = SLA_NOT_APPLICABLE,
	      .since = 0, .due = NEVER, .warn_at = NEVER, .escalate_at = NEVER,
	      .stopped_at = NEVER);
	assert_int_equal(sla_evaluate(&first_response_calendar, NULL, 0, NULL, T0, &r), 0);
	assert_int_equal(r.state, SLA_NOT_APPLICABLE);
}

static void test_quote_follow_up(void **state)
{
	/* Quote T0, due T0+3d; the customer's auto-reply, a bounce and bulk
	 * mail leave the clock running; their real reply stops it. */
	const struct sla_message thread[] = {
		{ T0 - 2 * D, IN, INQUIRY },
		{ T0 - D, OUT, REPLY },
		{ T0, OUT, QUOTE },
		{ T0 + H, IN, AUTO },
		{ T0 + 2 * H, IN, BOUNCE },
		{ T0 + 3 * H, IN, BULK },
		{ T0 + 4 * H, OUT, ACK },
		{ T0 + 5 * H, OUT, REPLY },           /* ours: not the customer's reply */
		{ T0 + 80 * H, IN, REPLY },
	};

	(void)state;
	CHECK(&quote_follow_up, thread, NULL, .now = T0 + D, .state = SLA_RUNNING, .since = T0,
	      .due = T0 + 3 * D, .warn_at = NEVER, .escalate_at = NEVER, .stopped_at = NEVER);
	CHECK(&quote_follow_up, thread, NULL, .now = T0 + 3 * D + 5 * H,
	      .state = SLA_BREACHED, .since = T0, .due = T0 + 3 * D, .warn_at = NEVER,
	      .escalate_at = NEVER, .stopped_at = NEVER, .overdue = 5 * H);
	CHECK(&quote_follow_up, thread, NULL, .now = T0 + 80 * H, .state = SLA_STOPPED,
	      .since = T0, .due = T0 + 3 * D, .warn_at = NEVER, .escalate_at = NEVER,
	      .stopped_at = T0 + 80 * H);
}

static void test_newer_quote_restarts(void **state)
{
	/* The customer answered the first quote (T0) and we sent a revised
	 * one at T0+2d: the clock starts again there, due T0+5d. */
	const struct sla_message thread[] = {
		{ T0 + 2 * D, OUT, QUOTE },
		{ T0 - D, IN, INQUIRY },
		{ T0, OUT, QUOTE },
		{ T0 + D, IN, REPLY },
		{ T0 + 2 * D + H, IN, QUOTE },        /* theirs: no quotation of ours */
	};

	(void)state;
	CHECK(&quote_follow_up, thread, NULL, .now = T0 + 4 * D, .state = SLA_RUNNING,
	      .since = T0 + 2 * D, .due = T0 + 5 * D, .warn_at = NEVER, .escalate_at = NEVER,
	      .stopped_at = NEVER);
	CHECK(&quote_follow_up, thread, NULL, .now = T0 + 6 * D, .state = SLA_BREACHED,
	      .since = T0 + 2 * D, .due = T0 + 5 * D, .warn_at = NEVER, .escalate_at = NEVER,
	      .stopped_at = NEVER, .overdue = D);
	/* Before the revised quote, the first one was answered. */
	CHECK(&quote_follow_up, thread, NULL, .now = T0 + D + H, .state = SLA_STOPPED,
	      .since = T0, .due = T0 + 3 * D, .warn_at = NEVER, .escalate_at = NEVER,
	      .stopped_at = T0 + D);
}

static void test_pause_waiting_on_customer(void **state)
{
	struct rule rule = quote_follow_up;
	/* Quote T0; we write again at T0+1d: the ball is with the customer,
	 * the clock stands at 1 day of 3. */
	const struct sla_message waiting[] = {
		{ T0, OUT, QUOTE }, { T0 + D, OUT, REPLY }, { T0 + 2 * D, IN, AUTO },
	};
	/* ... until a sales message of theirs that does not stop it (their
	 * own quotation, T0+2d): 1 day ran, 2 to go, due T0+4d. */
	const struct sla_message resumed[] = {
		{ T0, OUT, QUOTE }, { T0 + D, OUT, REPLY }, { T0 + 2 * D, IN, QUOTE },
		{ T0 + 5 * D, IN, REPLY },
	};

	(void)state;
	rule.name = (char *)"quote-waiting";
	rule.pause_while = RULE_PAUSE_WAITING_ON_CUSTOMER;
	rule.warn_at_percent = 50;                  /* 36 hours of clock */
	CHECK(&rule, waiting, NULL, .now = T0 + 10 * D, .state = SLA_RUNNING, .since = T0,
	      .due = NEVER, .warn_at = NEVER, .escalate_at = NEVER, .stopped_at = NEVER);
	/* Without the pause it would be late. */
	CHECK(&quote_follow_up, waiting, NULL, .now = T0 + 10 * D, .state = SLA_BREACHED,
	      .since = T0, .due = T0 + 3 * D, .warn_at = NEVER, .escalate_at = NEVER,
	      .stopped_at = NEVER, .overdue = 7 * D);
	/* warn at 36h: 24h ran before the pause, 12h after T0+2d. */
	CHECK(&rule, resumed, NULL, .now = T0 + 2 * D + 12 * H, .state = SLA_WARNING,
	      .since = T0, .due = T0 + 4 * D, .warn_at = T0 + 2 * D + 12 * H,
	      .escalate_at = NEVER, .stopped_at = NEVER);
	CHECK(&rule, resumed, NULL, .now = T0 + 4 * D + H, .state = SLA_BREACHED, .since = T0,
	      .due = T0 + 4 * D, .warn_at = T0 + 2 * D + 12 * H, .escalate_at = NEVER,
	      .stopped_at = NEVER, .overdue = H);
	CHECK(&rule, resumed, NULL, .now = T0 + 6 * D, .state = SLA_STOPPED, .since = T0,
	      .due = T0 + 4 * D, .warn_at = T0 + 2 * D + 12 * H, .escalate_at = NEVER,
	      .stopped_at = T0 + 5 * D);
}

static void test_pause_out_of_office(void **state)
{
	struct rule rule = first_response_calendar;
	/* Inquiry T0; their auto-reply at T0+1h (away); they write again at
	 * T0+5h: 1h ran, 23h to go from T0+5h: due T0+28h, warning at 18h of
	 * clock = T0+22h, the manager at T0+40h. */
	const struct sla_message away[] = {
		{ T0, IN, INQUIRY }, { T0 + H, IN, AUTO }, { T0 + 2 * H, IN, AUTO },
		{ T0 + 3 * H, IN, BOUNCE }, { T0 + 5 * H, IN, REPLY },
	};
	/* Quote follow-up: away from T0+6h until our next message at T0+30h:
	 * 6h ran, 66h to go from T0+30h: due T0+96h. */
	const struct sla_message quote_away[] = {
		{ T0, OUT, QUOTE }, { T0 + 6 * H, IN, AUTO }, { T0 + 7 * H, OUT, ACK },
		{ T0 + 30 * H, OUT, REPLY },
	};
	struct rule quote_rule = quote_follow_up;

	(void)state;
	rule.name = (char *)"fr-ooo";
	rule.pause_while = RULE_PAUSE_OUT_OF_OFFICE;
	CHECK(&rule, away, NULL, .now = T0 + 27 * H, .state = SLA_WARNING, .since = T0,
	      .due = T0 + 28 * H, .warn_at = T0 + 22 * H, .escalate_at = T0 + 40 * H,
	      .stopped_at = NEVER);
	/* Still away at T0+4h: the due date is not known yet. */
	CHECK(&rule, away, NULL, .now = T0 + 4 * H, .state = SLA_RUNNING, .since = T0,
	      .due = NEVER, .warn_at = NEVER, .escalate_at = NEVER, .stopped_at = NEVER);
	CHECK(&first_response_calendar, away, NULL, .now = T0 + 27 * H, .state = SLA_BREACHED,
	      .since = T0, .due = T0 + D, .warn_at = T0 + 18 * H, .escalate_at = T0 + 36 * H,
	      .stopped_at = NEVER, .overdue = 3 * H);

	quote_rule.name = (char *)"quote-ooo";
	quote_rule.pause_while = RULE_PAUSE_OUT_OF_OFFICE;
	CHECK(&quote_rule, quote_away, NULL, .now = T0 + 3 * D + H, .state = SLA_RUNNING,
	      .since = T0, .due = T0 + 96 * H, .warn_at = NEVER, .escalate_at = NEVER,
	      .stopped_at = NEVER);
	CHECK(&quote_rule, quote_away, NULL, .now = T0 + 96 * H, .state = SLA_BREACHED,
	      .since = T0, .due = T0 + 96 * H, .warn_at = NEVER, .escalate_at = NEVER,
	      .stopped_at = NEVER);
}

static void test_pause_both(void **state)
{
	struct rule rule = quote_follow_up;
	/* Quote T0 (runs 10h); their auto-reply at T0+10h (away); our
	 * follow-up at T0+20h ends the absence but we now wait on them;
	 * their quotation-kind message at T0+40h resumes: 10h ran, 62h to go
	 * from T0+40h, due T0+102h. An auto-reply at T0+50h pauses again,
	 * with 10h more run: then the due date is unknown. */
	const struct sla_message thread[] = {
		{ T0, OUT, QUOTE }, { T0 + 10 * H, IN, AUTO }, { T0 + 20 * H, OUT, REPLY },
		{ T0 + 40 * H, IN, QUOTE }, { T0 + 50 * H, IN, AUTO },
	};

	(void)state;
	rule.name = (char *)"quote-both";
	rule.pause_while = RULE_PAUSE_OUT_OF_OFFICE | RULE_PAUSE_WAITING_ON_CUSTOMER;
	CHECK(&rule, thread, NULL, .now = T0 + 45 * H, .state = SLA_RUNNING, .since = T0,
	      .due = T0 + 102 * H, .warn_at = NEVER, .escalate_at = NEVER, .stopped_at = NEVER);
	CHECK(&rule, thread, NULL, .now = T0 + 200 * H, .state = SLA_RUNNING, .since = T0,
	      .due = NEVER, .warn_at = NEVER, .escalate_at = NEVER, .stopped_at = NEVER);
	/* One kind of pause only: waiting-on-customer from T0+20h to T0+40h,
	 * the auto-replies ignored: 20h ran, 52h from T0+40h: due T0+92h. */
	rule.pause_while = RULE_PAUSE_WAITING_ON_CUSTOMER;
	CHECK(&rule, thread, NULL, .now = T0 + 200 * H, .state = SLA_BREACHED, .since = T0,
	      .due = T0 + 92 * H, .warn_at = NEVER, .escalate_at = NEVER, .stopped_at = NEVER,
	      .overdue = 108 * H);
}

static void test_not_a_service_level(void **state)
{
	struct rule ack = { .name = (char *)"ack", .on = RULE_ON_INQUIRY,
	                    .action = RULE_ACTION_ACKNOWLEDGE };
	const struct sla_message thread[] = { { T0, IN, INQUIRY } };
	struct sla_result r;

	(void)state;
	assert_int_equal(sla_evaluate(&ack, thread, 1, cal_shanghai, T0, &r), -1);
	/* A business rule needs a calendar. */
	assert_int_equal(sla_evaluate(&first_response, thread, 1, NULL, T0, &r), -1);
	assert_int_equal(sla_evaluate(NULL, thread, 1, cal_shanghai, T0, &r), -1);

	assert_string_equal(sla_state_name(SLA_NOT_APPLICABLE), "n/a");
	assert_string_equal(sla_state_name(SLA_STOPPED), "stopped");
	assert_string_equal(sla_state_name(SLA_RUNNING), "running");
	assert_string_equal(sla_state_name(SLA_WARNING), "warning");
	assert_string_equal(sla_state_name(SLA_BREACHED), "breached");
	assert_string_equal(sla_state_name(SLA_ESCALATED), "escalated");
}

static void test_hostile_dates(void **state)
{
	/* Dates at the ends of time must not overflow anything. */
	const struct sla_message thread[] = {
		{ INT64_MIN + 1, IN, INQUIRY }, { INT64_MIN, OUT, REPLY }, { INT64_MAX, OUT, REPLY },
	};
	struct sla_result r;

	(void)state;
	assert_int_equal(sla_evaluate(&first_response_calendar, thread, 3, NULL, T0, &r), 0);
	assert_int_equal(r.state, SLA_ESCALATED);
	assert_int_equal(r.since, INT64_MIN + 1);
	assert_int_equal(r.due, INT64_MIN + 1 + D);
	assert_int_equal(r.overdue_seconds, INT64_MAX);   /* saturated */
	assert_int_equal(sla_evaluate(&quote_follow_up, thread, 3, NULL, INT64_MAX, &r), 0);
	assert_int_equal(r.state, SLA_NOT_APPLICABLE);
}

/* ---- business time ---- */

static void test_business_states(void **state)
{
	/* Inquiry Monday 2026-11-23 10:00 in Shanghai. 24 working hours:
	 * Mon 10-18 8h, Tue 9h (17h), Wed 7h: Wednesday 16:00. The manager 24
	 * working hours later: Wed 16-18 2h, Thu 9h, Fri 9h (20h), Mon 4h:
	 * Monday 2026-11-30 13:00. */
	const struct sla_message thread[] = { { SH(2026, 11, 23, 10, 0), IN, INQUIRY } };
	int64_t since = SH(2026, 11, 23, 10, 0), due = SH(2026, 11, 25, 16, 0),
		esc = SH(2026, 11, 30, 13, 0);
	struct rule warned = first_response;

	(void)state;
	CHECK(&first_response, thread, cal_shanghai, .now = SH(2026, 11, 24, 12, 0),
	      .state = SLA_RUNNING, .since = since, .due = due, .warn_at = NEVER,
	      .escalate_at = esc, .stopped_at = NEVER);
	CHECK(&first_response, thread, cal_shanghai, .now = due, .state = SLA_BREACHED,
	      .since = since, .due = due, .warn_at = NEVER, .escalate_at = esc,
	      .stopped_at = NEVER, .overdue = 0);
	/* Overdue is real time: Wed 16:00 to Thu 10:00 is 18 hours. */
	CHECK(&first_response, thread, cal_shanghai, .now = SH(2026, 11, 26, 10, 0),
	      .state = SLA_BREACHED, .since = since, .due = due, .warn_at = NEVER,
	      .escalate_at = esc, .stopped_at = NEVER, .overdue = 18 * H);
	CHECK(&first_response, thread, cal_shanghai, .now = esc - 1, .state = SLA_BREACHED,
	      .since = since, .due = due, .warn_at = NEVER, .escalate_at = esc,
	      .stopped_at = NEVER, .overdue = esc - 1 - due);
	CHECK(&first_response, thread, cal_shanghai, .now = esc, .state = SLA_ESCALATED,
	      .since = since, .due = due, .warn_at = NEVER, .escalate_at = esc,
	      .stopped_at = NEVER, .overdue = esc - due);

	/* warn-at 75%: 18 working hours: Mon 8h, Tue 9h, Wed 1h: 10:00. */
	warned.name = (char *)"fr-warn";
	warned.warn_at_percent = 75;
	CHECK(&warned, thread, cal_shanghai, .now = SH(2026, 11, 25, 9, 59),
	      .state = SLA_RUNNING, .since = since, .due = due,
	      .warn_at = SH(2026, 11, 25, 10, 0), .escalate_at = esc, .stopped_at = NEVER);
	CHECK(&warned, thread, cal_shanghai, .now = SH(2026, 11, 25, 10, 0),
	      .state = SLA_WARNING, .since = since, .due = due,
	      .warn_at = SH(2026, 11, 25, 10, 0), .escalate_at = esc, .stopped_at = NEVER);
}

static void test_business_answered(void **state)
{
	const struct sla_message thread[] = {
		{ SH(2026, 11, 23, 10, 0), IN, INQUIRY },
		{ SH(2026, 11, 23, 10, 5), OUT, ACK },
		{ SH(2026, 11, 24, 17, 30), OUT, REPLY },
	};

	(void)state;
	CHECK(&first_response, thread, cal_shanghai, .now = SH(2026, 12, 1, 9, 0),
	      .state = SLA_STOPPED, .since = SH(2026, 11, 23, 10, 0),
	      .due = SH(2026, 11, 25, 16, 0), .warn_at = NEVER,
	      .escalate_at = SH(2026, 11, 30, 13, 0), .stopped_at = SH(2026, 11, 24, 17, 30));
}

static void test_friday_evening(void **state)
{
	/* Friday 2026-11-27 19:30, after hours: counting starts Monday 09:00.
	 * Mon 9h, Tue 9h, Wed 6h: Wednesday 2026-12-02 15:00. The manager:
	 * Wed 3h, Thu 9h, Fri 9h (21h), Mon 3h: Monday 2026-12-07 12:00. */
	const struct sla_message evening[] = { { SH(2026, 11, 27, 19, 30), IN, INQUIRY } };
	/* Friday 17:00: Fri 1h, Mon 9h, Tue 9h (19h), Wed 5h: Wednesday 14:00. */
	const struct sla_message five[] = { { SH(2026, 11, 27, 17, 0), IN, INQUIRY } };
	/* In calendar time the same inquiry is late on Saturday evening. */
	struct rule calendar = first_response;

	(void)state;
	CHECK(&first_response, evening, cal_shanghai, .now = SH(2026, 11, 30, 17, 0),
	      .state = SLA_RUNNING, .since = SH(2026, 11, 27, 19, 30),
	      .due = SH(2026, 12, 2, 15, 0), .warn_at = NEVER,
	      .escalate_at = SH(2026, 12, 7, 12, 0), .stopped_at = NEVER);
	CHECK(&first_response, evening, cal_shanghai, .now = SH(2026, 12, 2, 15, 30),
	      .state = SLA_BREACHED, .since = SH(2026, 11, 27, 19, 30),
	      .due = SH(2026, 12, 2, 15, 0), .warn_at = NEVER,
	      .escalate_at = SH(2026, 12, 7, 12, 0), .stopped_at = NEVER, .overdue = 30 * M);
	CHECK(&first_response, five, cal_shanghai, .now = SH(2026, 11, 28, 12, 0),
	      .state = SLA_RUNNING, .since = SH(2026, 11, 27, 17, 0),
	      .due = SH(2026, 12, 2, 14, 0), .warn_at = NEVER,
	      .escalate_at = SH(2026, 12, 7, 11, 0), .stopped_at = NEVER);

	calendar.name = (char *)"fr-calendar";
	calendar.within.business = false;
	calendar.escalate_after.business = false;
	CHECK(&calendar, evening, cal_shanghai, .now = SH(2026, 11, 28, 20, 0),
	      .state = SLA_BREACHED, .since = SH(2026, 11, 27, 19, 30),
	      .due = SH(2026, 11, 28, 19, 30), .warn_at = NEVER,
	      .escalate_at = SH(2026, 11, 29, 19, 30), .stopped_at = NEVER, .overdue = 30 * M);
}

static void test_holiday_week(void **state)
{
	/* Wednesday 2026-09-30 16:00, the eve of National Day: Wed 2h, the
	 * holidays of 1-7 October (with the weekend), Thu 8th 9h (11h), Fri
	 * 9th 9h (20h), Mon 12th 4h: Monday 2026-10-12 13:00. */
	const struct sla_message thread[] = { { SH(2026, 9, 30, 16, 0), IN, INQUIRY } };

	(void)state;
	CHECK(&first_response, thread, cal_shanghai_holidays, .now = SH(2026, 10, 7, 12, 0),
	      .state = SLA_RUNNING, .since = SH(2026, 9, 30, 16, 0),
	      .due = SH(2026, 10, 12, 13, 0), .warn_at = NEVER,
	      /* Mon 5h, Tue 9h (14h), Wed 9h (23h), Thu 1h: Thursday 10:00 */
	      .escalate_at = SH(2026, 10, 15, 10, 0), .stopped_at = NEVER);
	/* Without the holidays: Wed 2h, Thu 9h, Fri 9h, Mon 4h: 5 October 13:00. */
	CHECK(&first_response, thread, cal_shanghai, .now = SH(2026, 10, 7, 12, 0),
	      .state = SLA_BREACHED, .since = SH(2026, 9, 30, 16, 0),
	      .due = SH(2026, 10, 5, 13, 0), .warn_at = NEVER,
	      .escalate_at = SH(2026, 10, 8, 10, 0), .stopped_at = NEVER,
	      .overdue = 2 * D - H);
}

static void test_dst_berlin(void **state)
{
	/* Friday 2026-03-27 17:00 CET; the clocks go forward on Sunday the
	 * 29th. Fri 1h, Mon 9h, Tue 9h (19h), Wed 5h: Wednesday 1 April 14:00
	 * CEST, which is 12:00 UTC. */
	const struct sla_message thread[] = { { BER(2026, 3, 27, 17, 0), IN, INQUIRY } };
	int64_t due = BER(2026, 4, 1, 14, 0);

	(void)state;
	assert_int_equal(due, INT64_C(1775044800));   /* 2026-04-01T12:00:00Z */
	CHECK(&first_response, thread, cal_berlin, .now = BER(2026, 4, 1, 15, 0),
	      .state = SLA_BREACHED, .since = BER(2026, 3, 27, 17, 0), .due = due,
	      .warn_at = NEVER,
	      /* Wed 4h, Thu 9h (13h), Fri 9h (22h), Mon 2h: Monday 6 April 11:00 */
	      .escalate_at = BER(2026, 4, 6, 11, 0), .stopped_at = NEVER, .overdue = H);
}

static void test_business_pause(void **state)
{
	/* Shanghai. Inquiry Monday 2026-11-23 10:00; their auto-reply Monday
	 * 12:00 (2h ran); they write again Tuesday 15:00 (away until then):
	 * Tue 15-18 3h (5h), Wed 9h (14h), Thu 9h (23h), Fri 1h: Friday
	 * 2026-11-27 10:00. */
	struct rule rule = first_response;
	const struct sla_message thread[] = {
		{ SH(2026, 11, 23, 10, 0), IN, INQUIRY },
		{ SH(2026, 11, 23, 12, 0), IN, AUTO },
		{ SH(2026, 11, 24, 15, 0), IN, REPLY },
	};

	(void)state;
	rule.name = (char *)"fr-ooo-business";
	rule.pause_while = RULE_PAUSE_OUT_OF_OFFICE;
	CHECK(&rule, thread, cal_shanghai, .now = SH(2026, 11, 26, 9, 0), .state = SLA_RUNNING,
	      .since = SH(2026, 11, 23, 10, 0), .due = SH(2026, 11, 27, 10, 0),
	      .warn_at = NEVER,
	      /* Fri 8h, Mon 9h (17h), Tue 7h: Tuesday 2026-12-01 16:00 */
	      .escalate_at = SH(2026, 12, 1, 16, 0), .stopped_at = NEVER);
}

static void test_business_exact_end(void **state)
{
	/* The clock reaches its time exactly as a pause starts, or exactly at
	 * the end of a working day: due is that instant, not the next
	 * working moment. */
	struct rule rule = first_response;
	const struct sla_message paused_at_due[] = {
		{ SH(2026, 11, 23, 10, 0), IN, INQUIRY }, { SH(2026, 11, 23, 12, 0), IN, AUTO },
	};
	const struct sla_message whole_day[] = {
		{ SH(2026, 11, 23, 9, 0), IN, INQUIRY }, { SH(2026, 11, 24, 10, 0), IN, AUTO },
	};

	(void)state;
	rule.name = (char *)"fr-2h";
	rule.within.seconds = 2 * H;
	rule.has_escalate = false;
	rule.escalate_to = RULE_WHO_NONE;
	rule.pause_while = RULE_PAUSE_OUT_OF_OFFICE;
	CHECK(&rule, paused_at_due, cal_shanghai, .now = SH(2026, 11, 23, 13, 0),
	      .state = SLA_BREACHED, .since = SH(2026, 11, 23, 10, 0),
	      .due = SH(2026, 11, 23, 12, 0), .warn_at = NEVER, .escalate_at = NEVER,
	      .stopped_at = NEVER, .overdue = H);
	rule.within.seconds = 9 * H;
	CHECK(&rule, whole_day, cal_shanghai, .now = SH(2026, 11, 24, 12, 0),
	      .state = SLA_BREACHED, .since = SH(2026, 11, 23, 9, 0),
	      .due = SH(2026, 11, 23, 18, 0), .warn_at = NEVER, .escalate_at = NEVER,
	      .stopped_at = NEVER, .overdue = 18 * H);
}

/* ---- every rule over every conversation (sla_overdue) ---- */

/* One expected entry of sla_overdue(). */
struct expect_overdue {
	const char *rule;
	int64_t thread;
	const char *owner;
	enum sla_state state;
	int64_t due, overdue;
};

static void check_overdue(GArray *got, const struct expect_overdue *want, size_t n)
{
	if (got->len != n)
		fail_msg("%u entries, expected %zu", got->len, n);
	for (size_t i = 0; i < n; i++) {
		const struct overdue_entry *e = &g_array_index(got, struct overdue_entry, i);
		if (strcmp(e->rule->name, want[i].rule) != 0 || e->thread->thread != want[i].thread)
			fail_msg("entry %zu: %s/%" G_GINT64_FORMAT ", expected %s/%" G_GINT64_FORMAT, i,
			         e->rule->name, e->thread->thread, want[i].rule, want[i].thread);
		assert_string_equal(e->owner, want[i].owner);
		assert_int_equal(e->result.state, want[i].state);
		assert_int_equal(e->result.due, want[i].due);
		assert_int_equal(e->result.overdue_seconds, want[i].overdue);
	}
	g_array_free(got, TRUE);
}

static void test_overdue(void **state)
{
	static char *const cn[] = { (char *)"CN", NULL }, *const de[] = { (char *)"DE", NULL };
	const struct owner_person persons[] = {
		{ .email = "li@acme.example", .countries = cn },
		{ .email = "anna@acme.example", .countries = de },
	};
	const struct owner_team team = { persons, 2, "boss@acme.example" };
	struct rule rules[] = {
		first_response,
		{ .name = (char *)"ack", .action = RULE_ACTION_ACKNOWLEDGE },
		quote_follow_up,
		first_response_calendar,
	};
	const struct rule_set set = { rules, G_N_ELEMENTS(rules) };
	/* Thursday 2026-11-26 10:00 in Berlin, 17:00 in Shanghai. */
	const int64_t now = BER(2026, 11, 26, 10, 0);
	const int64_t monday = SH(2026, 11, 23, 10, 0);   /* 03:00 in Berlin */
	struct sla_message inquiry[] = { { monday, IN, INQUIRY } };
	struct sla_message answered[] = { { monday, IN, INQUIRY }, { monday + H, OUT, REPLY } };
	struct sla_message fresh[] = { { now - H, IN, INQUIRY } };
	struct sla_message warned[] = { { now - 20 * H, IN, INQUIRY } };
	struct sla_message quoted[] = { { now - 3 * D - 2 * H, OUT, QUOTE } };
	/* The owner: Anna covers DE, Li CN, nobody FR (the alerts go to the
	 * boss); the last writer counts first. */
	struct sla_thread threads[] = {
		{ .thread = 40, .customer = (char *)"kunde.fr", .msgs = quoted, .n_msgs = 1 },
		{ .thread = 20, .customer = (char *)"kunde.cn", .msgs = inquiry, .n_msgs = 1 },
		{ .thread = 10, .customer = (char *)"kunde.de", .msgs = inquiry, .n_msgs = 1 },
		{ .thread = 30, .customer = (char *)"kunde.fr", .msgs = quoted, .n_msgs = 1 },
		{ .thread = 50, .customer = (char *)"kunde.cn", .msgs = answered, .n_msgs = 2 },
		{ .thread = 60, .customer = (char *)"kunde.de", .last_writer = (char *)"li@acme.example",
		  .msgs = fresh, .n_msgs = 1 },
		{ .thread = 70, .customer = (char *)"kunde.cn", .msgs = warned, .n_msgs = 1 },
	};
	struct bizcal *company = NULL, *anna = NULL;
	struct work_span spans[5];
	const char *error = NULL;

	(void)state;
	for (int i = 0; i < 5; i++)
		spans[i] = (struct work_span){ .weekday = i + 1, .start_min = 9 * 60,
		                               .end_min = 18 * 60 };
	assert_int_equal(bizcal_new(shanghai, spans, 5, NULL, &company, &error), 0);
	assert_int_equal(bizcal_new(berlin, spans, 5, NULL, &anna, &error), 0);
	struct sla_calendars *cals = sla_calendars_new(company);
	sla_calendars_add(cals, "anna@acme.example", anna);
	assert_ptr_equal(sla_calendars_of(cals, "anna@acme.example"), anna);
	assert_ptr_equal(sla_calendars_of(cals, "li@acme.example"), company);
	assert_ptr_equal(sla_calendars_of(cals, NULL), company);

	assert_string_equal(sla_thread_owner(&team, &threads[2]), "anna@acme.example");
	assert_string_equal(sla_thread_owner(&team, &threads[5]), "li@acme.example");
	assert_string_equal(sla_thread_owner(&team, &threads[0]), "boss@acme.example");

	/* fr-cal (24 hours): Monday 02:00 UTC is due Tuesday 02:00 UTC, 55 hours
	 * ago; thread 70 is past its warning (18 hours), due in 4. first-response
	 * (24 working hours) in Shanghai: Wednesday 16:00, 25 hours ago; in
	 * Anna's Berlin, from Monday 09:00: Mon 9h, Tue 9h, Wed 6h: Wednesday
	 * 15:00, 19 hours ago. The quotes are 2 hours past their 3 days. Ties
	 * go by thread id; the answered, the fresh thread and the ack rule
	 * are not listed. */
	const int64_t tuesday = monday + D;
	const struct expect_overdue all[] = {
		{ "fr-cal", 10, "anna@acme.example", SLA_ESCALATED, tuesday, 55 * H },
		{ "fr-cal", 20, "li@acme.example", SLA_ESCALATED, tuesday, 55 * H },
		{ "first-response", 20, "li@acme.example", SLA_BREACHED, SH(2026, 11, 25, 16, 0), 25 * H },
		{ "first-response", 10, "anna@acme.example", SLA_BREACHED, BER(2026, 11, 25, 15, 0),
		  19 * H },
		{ "quote-follow-up", 30, "boss@acme.example", SLA_BREACHED, now - 2 * H, 2 * H },
		{ "quote-follow-up", 40, "boss@acme.example", SLA_BREACHED, now - 2 * H, 2 * H },
		{ "fr-cal", 70, "li@acme.example", SLA_WARNING, now + 4 * H, 0 },
	};
	size_t n = G_N_ELEMENTS(threads);
	check_overdue(sla_overdue(&set, &team, cals, threads, n, now, NULL, NULL), all,
	              G_N_ELEMENTS(all));

	/* The filters: an owner in any case, a rule by name. */
	const struct expect_overdue annas[] = { all[0], all[3] };
	check_overdue(sla_overdue(&set, &team, cals, threads, n, now, "ANNA@acme.example", NULL),
	              annas, G_N_ELEMENTS(annas));
	const struct expect_overdue quotes[] = { all[4], all[5] };
	check_overdue(sla_overdue(&set, &team, cals, threads, n, now, NULL, "quote-follow-up"),
	              quotes, G_N_ELEMENTS(quotes));
	check_overdue(sla_overdue(&set, &team, cals, threads, n, now, "boss@acme.example",
	                          "first-response"), NULL, 0);
	check_overdue(sla_overdue(&set, &team, cals, threads, n, now, NULL, "ack"), NULL, 0);
	check_overdue(sla_overdue(&set, &team, cals, NULL, 0, now, NULL, NULL), NULL, 0);

	sla_calendars_free(&cals);
	assert_null(cals);
	sla_calendars_free(&cals);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_calendar_states),
		cmocka_unit_test(test_answered),
		cmocka_unit_test(test_what_is_no_answer),
		cmocka_unit_test(test_quote_follow_up),
		cmocka_unit_test(test_newer_quote_restarts),
		cmocka_unit_test(test_pause_waiting_on_customer),
		cmocka_unit_test(test_pause_out_of_office),
		cmocka_unit_test(test_pause_both),
		cmocka_unit_test(test_not_a_service_level),
		cmocka_unit_test(test_hostile_dates),
		cmocka_unit_test(test_business_states),
		cmocka_unit_test(test_business_answered),
		cmocka_unit_test(test_friday_evening),
		cmocka_unit_test(test_holiday_week),
		cmocka_unit_test(test_dst_berlin),
		cmocka_unit_test(test_business_pause),
		cmocka_unit_test(test_business_exact_end),
		cmocka_unit_test(test_overdue),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
