/*
 * orders: checking what people enter of orders and payments, and which
 * orders fall due (see orders.h).
 */
#include <stddef.h>
#include <string.h>
#include <glib.h>

#include "core/orders.h"
#include "core/records.h"

#define NUMBER_MAX_CHARS 64
#define INCOTERM_MAX_CHARS 80
#define DAY_SECONDS (24 * 3600)

/* Digits, then optionally '.' and up to `places` digits: 0 with the
 * value scaled by 10^places, or -1 with why not (static). */
static const char *decimal_parse(const char *text, int places, int64_t max, int64_t *value_r)
{
	const char *p = text;
	int64_t v = 0;
	int got = 0;

	if (!g_ascii_isdigit(*p))
		return *p == '-' ? "is negative" : "is no number";
	for (; g_ascii_isdigit(*p); p++) {
		if (v > max / 10)
			return "is too large";
		v = v * 10 + (*p - '0');
	}
	if (*p == '.') {
		p++;
		if (!g_ascii_isdigit(*p))
			return "is no number";
		for (; g_ascii_isdigit(*p); p++, got++) {
			if (got == places)
				return places == 3 ? "has more than three decimal places"
				                   : "has more than two decimal places";
			v = v * 10 + (*p - '0');
		}
	}
	if (*p != '\0')
		return "is no number";
	for (; got < places; got++) {
		if (v > max / 10)
			return "is too large";
		v *= 10;
	}
	if (v > max)
		return "is too large";
	*value_r = v;
	return NULL;
}

int core_amount_parse(const char *text, int64_t *milli_r, char **error_r)
{
	int64_t v = 0;
	const char *why = decimal_parse(text, 3, CORE_AMOUNT_MAX_MILLI, &v);

	if (why == NULL && v == 0)
		why = "is zero";
	if (why != NULL) {
		*error_r = g_strdup_printf("'%s' %s: write a positive amount with at most three "
		                           "decimal places (82000, 24600.50)", text, why);
		return -1;
	}
	*milli_r = v;
	return 0;
}

int core_currency_parse(const char *text, char **currency_r, char **error_r)
{
	if (strlen(text) != 3 || !g_ascii_isalpha(text[0]) || !g_ascii_isalpha(text[1]) ||
	    !g_ascii_isalpha(text[2])) {
		*error_r = g_strdup_printf("'%s' is no currency: write its ISO 4217 code (USD, "
		                           "EUR, CNY …)", text);
		return -1;
	}
	*currency_r = g_ascii_strup(text, -1);
	return 0;
}

int core_deposit_parse(const char *text, int64_t *milli_r, double *percent_r, char **error_r)
{
	size_t len = strlen(text);

	*milli_r = INT64_MIN;
	*percent_r = -1.0;
	if (len > 0 && text[len - 1] == '%') {
		char *number = g_strndup(text, len - 1);
		int64_t hundredths = 0;
		const char *why = decimal_parse(number, 2, 100 * 100, &hundredths);
		g_free(number);
		if (why == NULL && hundredths == 0)
			why = "is zero";
		if (why != NULL) {
			*error_r = g_strdup_printf("'%s' %s: write an amount (5000) or a share of "
			                           "the order up to 100%% (30%%)", text, why);
			return -1;
		}
		*percent_r = (double)hundredths / 100.0;
		return 0;
	}
	return core_amount_parse(text, milli_r, error_r);
}

int core_day_parse(const char *text, char **day_r, char **error_r)
{
	char *canonical = NULL, *error = NULL;

	/* The sheet's dates, but a day only: a due day is no instant. */
	if (strlen(text) != 10 || core_sheet_date_parse(text, &canonical, &error) < 0) {
		g_free(error);
		*error_r = g_strdup_printf("'%s' is no day: write YYYY-MM-DD", text);
		return -1;
	}
	*day_r = canonical;
	return 0;
}

char *core_day_of(int64_t t, const char *timezone)
{
	GTimeZone *tz = timezone != NULL ? g_time_zone_new_identifier(timezone) : NULL;
	GDateTime *utc = g_date_time_new_from_unix_utc(t), *local;
	char *day;

	if (tz == NULL)
		tz = g_time_zone_new_utc();
	local = g_date_time_to_timezone(utc, tz);
	day = g_date_time_format(local, "%Y-%m-%d");
	g_date_time_unref(local);
	g_date_time_unref(utc);
	g_time_zone_unref(tz);
	return day;
}

int core_incoterm_parse(const char *text, char **incoterm_r, char **error_r)
{
	const char *why = core_text_invalid(text, INCOTERM_MAX_CHARS, false);
	char *value;

	if (why == NULL && *(value = g_strstrip(g_strdup(text))) == '\0') {
		g_free(value);
		why = "is empty";
	}
	if (why != NULL) {
		*error_r = g_strdup_printf("'%s' %s (the rule and place on one line, at most %d "
		                           "characters: FOB Ningbo)", text, why, INCOTERM_MAX_CHARS);
		return -1;
	}
	*incoterm_r = value;
	return 0;
}

const char *core_order_number_invalid(const char *number)
{
	const char *why = core_text_invalid(number, NUMBER_MAX_CHARS, false);

	if (why != NULL)
		return why;
	if (number[0] == '\0' || g_ascii_isspace(number[0]))
		return "is empty or starts with a space";
	if (number[0] == '-')
		return "starts with '-'";
	return NULL;
}

static const char *const states[] = { "open", "part-paid", "paid", "shipped", "cancelled" };

bool core_order_state_valid(const char *state)
{
	for (size_t i = 0; i < G_N_ELEMENTS(states); i++) {
		if (strcmp(states[i], state) == 0)
			return true;
	}
	return false;
}

const char *core_order_state_after(int64_t amount_milli, int64_t paid_milli,
                                   const char *current)
{
	if (strcmp(current, "cancelled") == 0)
		return current;
	if (paid_milli >= amount_milli)
		return "paid";
	if (paid_milli > 0)
		return "part-paid";
	/* Payments taken back (a person's order set): paid no longer holds. */
	if (strcmp(current, "paid") == 0 || strcmp(current, "part-paid") == 0)
		return "open";
	return current;
}

void core_order_fields_of(const struct store_order *o, struct store_order_fields *f_r)
{
	*f_r = (struct store_order_fields){
		.number = o->number,
		.amount_milli = o->amount_milli,
		.currency = o->currency,
		.incoterm = o->incoterm,
		.due = o->due,
		.deposit_milli = o->deposit_milli,
		.deposit_percent = o->deposit_percent,
		.quote_message_id = o->quote_message_id,
		.state = o->state,
	};
}

const char *core_order_fields_invalid(const struct store_order_fields *f)
{
	if (f->deposit_milli != INT64_MIN && f->deposit_milli > f->amount_milli)
		return "deposit: more than the order's amount";
	return NULL;
}

/* One field=value of `order set` into c; -1 with *why_r (after
 * "FIELD: "). */
static int change_field(struct core_order_change *c, const char *field, const char *value,
                        char **why_r)
{
	struct store_order_fields *f = &c->fields;
	char *owned = NULL;

	if (strcmp(field, "amount") == 0)
		return core_amount_parse(value, &f->amount_milli, why_r);
	if (strcmp(field, "deposit") == 0) {
		if (value[0] == '\0') {
			f->deposit_milli = INT64_MIN;
			f->deposit_percent = -1.0;
			return 0;
		}
		return core_deposit_parse(value, &f->deposit_milli, &f->deposit_percent, why_r);
	}
	if (strcmp(field, "currency") == 0) {
		if (core_currency_parse(value, &owned, why_r) < 0)
			return -1;
		f->currency = owned;
	} else if (strcmp(field, "due") == 0) {
		if (value[0] != '\0' && core_day_parse(value, &owned, why_r) < 0)
			return -1;
		f->due = owned;
	} else if (strcmp(field, "incoterm") == 0) {
		if (value[0] != '\0' && core_incoterm_parse(value, &owned, why_r) < 0)
			return -1;
		f->incoterm = owned;
	} else if (strcmp(field, "quote") == 0) {
		owned = value[0] != '\0' ? g_strdup(value) : NULL;
		f->quote_message_id = owned;
		c->quote_changed = true;
	} else if (strcmp(field, "state") == 0) {
		if (!core_order_state_valid(value)) {
			*why_r = g_strdup_printf("'%s' is no state (open, part-paid, paid, shipped or "
			                         "cancelled)", value);
			return -1;
		}
		f->state = value;
		c->state_set = true;
	} else {
		*why_r = g_strdup("is no field of an order (amount currency incoterm due deposit "
		                  "quote state)");
		return -1;
	}
	if (owned != NULL)
		g_ptr_array_add(c->owned, owned);
	return 0;
}

int core_order_change_parse(const struct store_order *o, char *const *assignments, size_t n,
                            struct core_order_change **change_r, char **error_r)
{
	struct core_order_change *c = g_new0(struct core_order_change, 1);
	const char *why;

	c->owned = g_ptr_array_new_with_free_func(g_free);
	core_order_fields_of(o, &c->fields);
	for (size_t i = 0; i < n; i++) {
		const char *eq = strchr(assignments[i], '=');
		char *field, *reason = NULL;
		if (eq == NULL) {
			*error_r = g_strdup_printf("'%s' is no FIELD=VALUE", assignments[i]);
			goto fail;
		}
		field = g_strndup(assignments[i], (size_t)(eq - assignments[i]));
		if (change_field(c, field, eq + 1, &reason) < 0) {
			*error_r = g_strdup_printf("%s: %s", field, reason);
			g_free(reason);
			g_free(field);
			goto fail;
		}
		g_free(field);
	}
	/* A new amount moves paid and part-paid unless the state is given. */
	if (!c->state_set)
		c->fields.state = core_order_state_after(c->fields.amount_milli, o->paid_milli,
		                                         o->state);
	if ((why = core_order_fields_invalid(&c->fields)) != NULL) {
		*error_r = g_strdup(why);
		goto fail;
	}
	*change_r = c;
	return 0;
fail:
	core_order_change_free(&c);
	return -1;
}

void core_order_change_free(struct core_order_change **change)
{
	if (*change == NULL)
		return;
	g_ptr_array_free((*change)->owned, TRUE);
	g_free(*change);
	*change = NULL;
}

/* Integers throughout, so no amount is rounded. */
void core_amount_format(int64_t milli, char *buf, size_t size)
{
	int64_t units = milli / 1000, rest = milli % 1000;

	if (rest % 10 != 0)
		g_snprintf(buf, size, "%lld.%03lld", (long long)units, (long long)rest);
	else
		g_snprintf(buf, size, "%lld.%02lld", (long long)units, (long long)(rest / 10));
}

bool core_order_settled(const struct store_order *o)
{
	return o->paid_milli >= o->amount_milli || strcmp(o->state, "cancelled") == 0 ||
	       strcmp(o->state, "paid") == 0;
}

/* When the order's due day starts; false when it has none. */
static bool due_start(const struct store_order *o, const char *timezone, int64_t *t_r)
{
	return o->due != NULL && core_sheet_date_time(o->due, timezone, t_r) == 0;
}

bool core_order_overdue(const struct store_order *o, int64_t now, const char *timezone)
{
	int64_t start;

	return !core_order_settled(o) && due_start(o, timezone, &start) &&
	       now >= start + DAY_SECONDS;
}

bool core_order_due_within(const struct store_order *o, int64_t now, uint64_t within,
                           const char *timezone)
{
	int64_t start;

	return !core_order_settled(o) && due_start(o, timezone, &start) &&
	       now < start + DAY_SECONDS && start <= now + (int64_t)within;
}
