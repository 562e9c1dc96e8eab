/*
 * libFuzzer target for rules/sheet.c (and bizcal_day_start): the input
 * chooses a zone, working hours, a payment rule's before and late-every,
 * a due date (well formed or any text), whether the order is settled, and
 * the moment; also a next-action date as any text and a silence. The
 * answers must agree with the rule:
 *   - settled: nothing; bad dates: -1 and nothing;
 *   - an occasion to mail is never before its moment's working time, and
 *     a late step is at or before now and after the due day;
 *   - due soon only before the end of the due day, late only after.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <glib.h>

#include "rules/sheet.h"
#include "lib/work_hours.h"

#include "tests/fuzz/fuzz_check.h"
#include "tests/fuzz/fuzz_reader.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const zone_names[] = {
	"UTC", "Europe/Berlin", "America/Sao_Paulo", "Asia/Shanghai", "Pacific/Apia",
	"America/St_Johns",
};


/* A date 2008..2031, or (one time in 16) up to 19 bytes of anything. */
static void take_date(struct fuzz_reader *r, char *buf, size_t size)
{
	if (fuzz_take(r, 1) % 16 == 0) {
		size_t want = (size_t)(fuzz_take(r, 1) % 20);
		size_t n = MIN(want, r->size);
		memcpy(buf, r->data, n);
		buf[n] = '\0';
		r->data += n;
		r->size -= n;
		return;
	}
	GDate date;
	g_date_clear(&date, 1);
	g_date_set_dmy(&date, 1, 1, 2008);
	g_date_add_days(&date, (guint)(fuzz_take(r, 2) % (24 * 366)));
	snprintf(buf, size, "%04u-%02u-%02u", (unsigned)g_date_get_year(&date),
	         (unsigned)g_date_get_month(&date), (unsigned)g_date_get_day(&date));
}

static void check_payment(const struct rule *rule, const char *due, bool settled,
                          const struct bizcal *cal, int64_t now)
{
	struct sheet_occasion o;
	int64_t start, end;

	if (sheet_payment(rule, due, settled, cal, now, &o) < 0) {
		CHECK(o.state == SHEET_NONE && o.occasion[0] == '\0');
		return;
	}
	CHECK(bizcal_day_start(cal, due, 0, &start) == 0 && bizcal_day_start(cal, due, 1, &end) == 0);
	CHECK(end >= start && end - start <= 49 * 3600);
	if (settled) {
		CHECK(o.state == SHEET_NONE && o.occasion[0] == '\0');
		return;
	}
	CHECK(o.state != SHEET_LATE || now >= end);
	CHECK(o.state != SHEET_DUE_SOON || now < end);
	CHECK(o.state == SHEET_NONE || o.state == SHEET_LATE || o.state == SHEET_DUE_SOON);
	CHECK(o.overdue_seconds >= 0);
	if (o.occasion[0] == '\0')
		return;
	CHECK(o.mail_at == INT64_MAX || bizcal_is_working(cal, o.mail_at) ||
	      bizcal_add(cal, o.mail_at, 0) == o.mail_at);
	if (strncmp(o.occasion, "late-", 5) == 0) {
		long long k = g_ascii_strtoll(o.occasion + 5, NULL, 10);
		int64_t moment = 0;
		CHECK(k >= 1 && rule->late_every > 0);
		/* the step's moment has come, the next one has not */
		if (rule->late_every % 86400 == 0) {
			CHECK(bizcal_day_start(cal, due, k * (rule->late_every / 86400), &moment) == 0);
			CHECK(moment <= now);
			if (bizcal_day_start(cal, due, (k + 1) * (rule->late_every / 86400), &moment) == 0)
				CHECK(moment > now);
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_reader r = { data, size };
	GTimeZone *tz = g_time_zone_new_identifier(zone_names[fuzz_take(&r, 1) % G_N_ELEMENTS(zone_names)]);
	struct work_span span = { .weekday = (int)(fuzz_take(&r, 1) % 7),
	                          .start_min = (int)(fuzz_take(&r, 2) % 1440) };
	struct bizcal *cal = NULL;
	const char *error = NULL;
	char due[32], next[32];
	struct sheet_occasion o;

	span.end_min = span.start_min + 1 + (int)(fuzz_take(&r, 2) % (1440 - span.start_min));
	if (tz == NULL || bizcal_new(tz, &span, fuzz_take(&r, 1) % 2, NULL, &cal, &error) < 0) {
		if (tz != NULL)
			g_time_zone_unref(tz);
		return 0;
	}
	g_time_zone_unref(tz);
	struct rule pay = { .name = (char *)"p", .on = RULE_ON_PAYMENT_DUE,
	                    .before = (int64_t)(fuzz_take(&r, 2) % 2000) * 3600,
	                    .late_every = (int64_t)(fuzz_take(&r, 2) % 2000) * 3600 };
	take_date(&r, due, sizeof(due));
	bool settled = fuzz_take(&r, 1) % 4 == 0;
	int64_t now = INT64_C(1199145600) + (int64_t)(fuzz_take(&r, 4) % (UINT64_C(24) * 366 * 86400));
	check_payment(&pay, due, settled, cal, now);

	struct rule na = { .name = (char *)"n", .on = RULE_ON_NEXT_ACTION };
	take_date(&r, next, sizeof(next));
	if (sheet_next_action(&na, next, cal, now, &o) == 0 && o.state == SHEET_DUE) {
		CHECK(o.due <= now && o.overdue_seconds == now - o.due);
		CHECK(strcmp(o.occasion, next) == 0 || strlen(next) >= sizeof(o.occasion));
	}
	struct rule quiet = { .name = (char *)"q", .on = RULE_ON_SILENCE,
	                      .within = { (int64_t)(fuzz_take(&r, 2) % 400 + 1) * 86400, false } };
	int64_t last = (int64_t)fuzz_take(&r, 8);
	if (sheet_silence(&quiet, last, cal, now, &o) == 0 && o.state == SHEET_SILENT)
		CHECK(last <= now - quiet.within.seconds && o.occasion[0] != '\0');
	bizcal_free(&cal);
	return 0;
}
