/*
 * output: formatting shared by the commands.
 */
#include <stdarg.h>
#include <sys/types.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <glib.h>

#include "cli/cli.h"
#include "core/orders.h"
#include "core/proposals.h"
#include "core/records.h"
#include "core/stages.h"
#include "core/rules_runtime.h"
#include "core/sheet.h"
#include "lib/zonetime.h"

void cli_format_utc(int64_t t, char *buf, size_t size)
{
	struct tm tm;
	time_t tt = (time_t)t;

	if (t == INT64_MIN || gmtime_r(&tt, &tm) == NULL) {
		buf[0] = '\0';
		return;
	}
	strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* The zone every date is shown in (cli_display_zone_set); UTC before. */
static GTimeZone *display_zone;

int cli_display_zone_set(const char *name)
{
	GTimeZone *tz = g_time_zone_new_identifier(name != NULL ? name : "UTC");

	if (tz == NULL)
		return -1;
	cli_display_zone_free();
	display_zone = tz;
	return 0;
}

void cli_display_zone_free(void)
{
	g_clear_pointer(&display_zone, g_time_zone_unref);
}

static GTimeZone *zone(void)
{
	if (display_zone == NULL)
		display_zone = g_time_zone_new_utc();
	return display_zone;
}

void cli_format_local(int64_t t, char *buf, size_t size)
{
	zonetime_format(zone(), t, true, "-", buf, size);
}

void cli_pad_date(GString *out, int64_t t)
{
	char date[32];

	cli_format_local(t, date, sizeof(date));
	size_t len = strlen(date);
	g_string_append_len(out, date, (gssize)len);
	for (; len < CLI_DATE_WIDTH; len++)
		g_string_append_c(out, ' ');
}

bool cli_local_tm(int64_t t, struct tm *tm_r)
{
	return t != INT64_MIN && zonetime_tm(zone(), t, tm_r);
}

/* Terminal columns of one character of safe text. */
static int char_width(gunichar c)
{
	if (c >= 0x20 && c < 0x7f)
		return 1;
	if (g_unichar_iszerowidth(c))
		return 0;
	if (g_unichar_iswide(c))
		return 2;
	return 1;
}

/* The length of s when it is printable ASCII alone (shown as it is, one
 * column a byte), else -1. */
static ssize_t plain_length(const char *s)
{
	const char *p = s;

	for (; *p != '\0'; p++) {
		if ((unsigned char)*p < 0x20 || (unsigned char)*p > 0x7e)
			return -1;
	}
	return p - s;
}

/* Where the part of s ends that can take up to width columns and one
 * more once made safe: each character of s, valid or not, stepped over as
 * safe_text does, counted by the fewest columns it can take (a control is
 * counted as none, though safe_text shows most as two: only the count's
 * being no more than the truth matters). A cut there is a cut between two
 * of safe_text's characters, past the last column cli_pad can show. */
static const char *shown_part_end(const char *s, int width)
{
	const char *end = s + strlen(s), *p = s;
	int least = 0;

	while (p < end && least <= width) {
		gunichar c = g_utf8_get_char_validated(p, end - p);
		if (c == (gunichar)-1 || c == (gunichar)-2) {
			least++;   /* U+FFFD, one byte at a time */
			p++;
			continue;
		}
		if (c >= 0x20 && c != 0x7f && !safe_text_shown_as_code_point(c))
			least += char_width(c);
		p = g_utf8_next_char(p);
	}
	return p;
}

void cli_pad(GString *out, const char *s, int width)
{
	/* Most fields (addresses, kinds, keys) are plain ASCII: copied as
	 * they are, with no character-by-character measuring, which was
	 * half of a long timeline's time. NULL is shown as nothing. */
	ssize_t len = plain_length(s != NULL ? s : "");
	if (len >= 0 && width > 0) {
		if (len <= width) {
			g_string_append_len(out, s, len);
			for (ssize_t i = len; i < width; i++)
				g_string_append_c(out, ' ');
		} else {
			g_string_append_len(out, s, width - 1);
			g_string_append_unichar(out, 0x2026);   /* … */
		}
		return;
	}
	/* Measured and cut as it will be shown: "^[" takes two columns. Only
	 * the part of s that can be shown is made safe (a snippet of a
	 * thousand characters shows 94 columns). */
	const char *shown_end = shown_part_end(s, width);
	char *part = g_strndup(s, (gsize)(shown_end - s));
	char *safe = safe_text_new(part, SAFE_TEXT_LINE);
	int used = 0, total = 0, cut_used = 0;
	const char *cut = NULL, *p = safe;

	/* One pass: the columns of the whole, and where it is cut when it
	 * does not fit (before the column the ellipsis takes). */
	for (; *p != '\0' && total <= width; p = g_utf8_next_char(p)) {
		int w = char_width(g_utf8_get_char(p));
		if (cut == NULL && total + w > width - 1) {
			cut = p;
			cut_used = total;
		}
		total += w;
	}
	if (total <= width && *p == '\0') {
		g_string_append(out, safe);   /* safe: valid UTF-8 */
		used = total;
	} else {
		g_string_append_len(out, safe, cut - safe);
		used = cut_used;
		if (used < width) {
			g_string_append_unichar(out, 0x2026);   /* … */
			used++;
		}
	}
	for (; used < width; used++)
		g_string_append_c(out, ' ');
	g_free(safe);
	g_free(part);
}

json_t *cli_json_string(const char *s)
{
	if (s == NULL)
		return json_null();
	if (g_utf8_validate(s, -1, NULL))
		return json_string(s);
	char *valid = g_utf8_make_valid(s, -1);
	json_t *j = json_string(valid);
	g_free(valid);
	return j;
}

json_t *cli_json_strv(char **v)
{
	json_t *arr = json_array();

	for (; v != NULL && *v != NULL; v++)
		json_array_append_new(arr, cli_json_string(*v));
	return arr;
}

json_t *cli_json_time(int64_t t)
{
	char buf[32];

	if (t == INT64_MIN)
		return json_null();
	cli_format_utc(t, buf, sizeof(buf));
	return json_string(buf);
}

char *cli_json_dumps(const json_t *value)
{
	char *text = json_dumps(value, JSON_INDENT(2) | JSON_ENCODE_ANY);
	GString *out;
	size_t len;

	if (text == NULL)
		return NULL;
	/* jansson escapes C0 only. Outside its strings JSON is plain ASCII,
	 * so DEL, C1 and bidi controls stand inside a string, where \uXXXX
	 * means the same to every JSON reader and nothing to a terminal.
	 * jansson checks that strings are UTF-8; were a byte not, it would be
	 * U+FFFD here, never raw. */
	len = strlen(text);
	out = g_string_sized_new(len + 1);
	for (const char *p = text, *end = text + len; p < end;) {
		gunichar c = g_utf8_get_char_validated(p, end - p);
		const char *next = c < 0x110000 ? g_utf8_next_char(p) : p + 1;
		if (c >= 0x110000)
			g_string_append_unichar(out, 0xfffd);
		else if (c == 0x7f || safe_text_shown_as_code_point(c))
			g_string_append_printf(out, "\\u%04X", c);
		else
			g_string_append_len(out, p, next - p);
		p = next;
	}
	free(text);
	return g_string_free(out, FALSE);
}

int cli_print_json(json_t *value)
{
	char *text = cli_json_dumps(value);
	int rc = -1;

	json_decref(value);
	if (text != NULL && fputs(text, stdout) != EOF && fputc('\n', stdout) != EOF)
		rc = 0;
	g_free(text);
	return rc;
}

void cli_error(const char *fmt, ...)
{
	va_list args;
	char *message, *safe;

	/* Messages quote what was asked for and what the store holds. */
	va_start(args, fmt);
	message = g_strdup_vprintf(fmt, args);
	va_end(args);
	safe = safe_text_new(message, SAFE_TEXT_BLOCK);
	fprintf(stderr, "followup: %s\n", safe);
	g_free(safe);
	g_free(message);
}

void cli_json_add_findings(json_t *o, const struct store_entry *e)
{
	json_object_set_new(o, "language", cli_json_string(e->language));
	if (e->facts != NULL) {
		json_t *facts = json_loads(e->facts, 0, NULL);
		if (facts != NULL)
			json_object_set_new(o, "facts", facts);
	}
	json_object_set_new(o, "forwarded", json_boolean(e->forwarded));
	if (e->forwarded) {
		json_object_set_new(o, "original_from", cli_json_string(e->original_from));
		json_object_set_new(o, "original_subject", cli_json_string(e->original_subject));
	}
	if (e->calendar_method != NULL)
		json_object_set_new(o, "calendar", cli_json_string(e->calendar_method));
	if (e->bounce_of != NULL)
		json_object_set_new(o, "bounce_of", cli_json_string(e->bounce_of));
	if (e->truncated || e->limits_hit != 0) {
		char *limits = store_limits_text(e->limits_hit, e->truncated);
		json_object_set_new(o, "limits", cli_json_string(limits));
		g_free(limits);
	}
}

json_t *cli_json_entry(const struct store_entry *e)
{
	json_t *o = json_object();

	json_object_set_new(o, "date", cli_json_time(e->date));
	json_object_set_new(o, "direction", cli_json_string(e->direction));
	json_object_set_new(o, "kind", cli_json_string(e->kind));
	json_object_set_new(o, "from", cli_json_string(e->from_addr));
	json_object_set_new(o, "from_name", cli_json_string(e->from_name));
	json_object_set_new(o, "to", cli_json_strv(e->to));
	json_object_set_new(o, "cc", cli_json_strv(e->cc));
	json_object_set_new(o, "subject", cli_json_string(e->subject));
	json_object_set_new(o, "snippet", cli_json_string(e->snippet));
	json_object_set_new(o, "message_id", cli_json_string(e->message_id));
	json_object_set_new(o, "thread", json_integer(e->thread));
	json_object_set_new(o, "customer", cli_json_string(e->customer));
	json_object_set_new(o, "attachments", json_integer(e->n_attachments));
	json_object_set_new(o, "header_date", cli_json_time(e->header_date));
	json_object_set_new(o, "internal_date", cli_json_time(e->internal_date));
	if (e->parse_error != NULL)
		json_object_set_new(o, "parse_error", cli_json_string(e->parse_error));
	cli_json_add_findings(o, e);
	return o;
}


json_t *cli_json_contact(const struct store_contact *c)
{
	json_t *o = json_object();

	json_object_set_new(o, "address", cli_json_string(c->address));
	json_object_set_new(o, "name", cli_json_string(c->name));
	json_object_set_new(o, "role", cli_json_string(c->role));
	json_object_set_new(o, "title", cli_json_string(c->title));
	json_object_set_new(o, "phone", cli_json_string(c->phone));
	if (c->undeliverable != NULL)
		json_object_set_new(o, "undeliverable", cli_json_string(c->undeliverable));
	return o;
}

json_t *cli_json_customer(const struct store_customer *c, const struct core_stage_names *stages)
{
	json_t *o = json_object();
	json_t *contacts = json_array();
	const char *country_source, *grade_source;
	const char *country = core_customer_country(c, &country_source);
	const char *grade = core_customer_grade(c, &grade_source);

	for (size_t i = 0; i < c->n_contacts; i++)
		json_array_append_new(contacts, cli_json_contact(&c->contacts[i]));
	json_object_set_new(o, "id", json_integer(c->id));
	json_object_set_new(o, "key", cli_json_string(c->key));
	json_object_set_new(o, "name", cli_json_string(c->name));
	json_object_set_new(o, "country", cli_json_string(country));
	json_object_set_new(o, "country_source", cli_json_string(country_source));
	json_object_set_new(o, "industry", cli_json_string(c->industry));
	json_object_set_new(o, "website", cli_json_string(c->website));
	json_object_set_new(o, "tags", cli_json_strv(c->tags));
	json_object_set_new(o, "grade", cli_json_string(grade));
	json_object_set_new(o, "grade_source", cli_json_string(grade_source));
	json_object_set_new(o, "owner", cli_json_string(c->owner));
	json_object_set_new(o, "stage", cli_json_string(core_stage_display(stages, c->stage)));
	json_object_set_new(o, "stage_id", cli_json_string(c->stage));
	json_object_set_new(o, "source", cli_json_string(c->source));
	json_object_set_new(o, "next_action", cli_json_string(c->next_action));
	json_object_set_new(o, "next_date", cli_json_string(c->next_date));
	json_object_set_new(o, "contacts", contacts);
	json_object_set_new(o, "first_seen", cli_json_time(c->first_seen));
	json_object_set_new(o, "last_inbound", cli_json_time(c->last_inbound));
	json_object_set_new(o, "last_outbound", cli_json_time(c->last_outbound));
	json_object_set_new(o, "messages", json_integer((json_int_t)c->n_messages));
	json_object_set_new(o, "threads", json_integer((json_int_t)c->n_threads));
	return o;
}

json_t *cli_json_thread(const struct store_thread *t)
{
	json_t *o = json_object();

	json_object_set_new(o, "id", json_integer(t->id));
	json_object_set_new(o, "customer", cli_json_string(t->customer));
	json_object_set_new(o, "subject", cli_json_string(t->subject));
	json_object_set_new(o, "origin", cli_json_string(t->origin));
	json_object_set_new(o, "first_date", cli_json_time(t->first_date));
	json_object_set_new(o, "last_date", cli_json_time(t->last_date));
	json_object_set_new(o, "messages", json_integer((json_int_t)t->n_messages));
	json_object_set_new(o, "last_direction", cli_json_string(t->last_direction));
	json_object_set_new(o, "last_kind", cli_json_string(t->last_kind));
	return o;
}

json_t *cli_json_overdue(const struct overdue_entry *e)
{
	json_t *o = json_object();
	const struct sla_result *r = &e->result;

	json_object_set_new(o, "rule", cli_json_string(e->rule->name));
	json_object_set_new(o, "customer", cli_json_string(e->thread->customer));
	json_object_set_new(o, "thread", json_integer(e->thread->thread));
	json_object_set_new(o, "owner", cli_json_string(e->owner));
	json_object_set_new(o, "subject", cli_json_string(e->thread->subject));
	json_object_set_new(o, "since", cli_json_time(r->since));
	json_object_set_new(o, "due", cli_json_time(r->due));
	json_object_set_new(o, "overdue_seconds", json_integer(r->overdue_seconds));
	json_object_set_new(o, "state", json_string(sla_state_name(r->state)));
	json_object_set_new(o, "on", json_string(rule_trigger_name(e->rule->on)));
	if (r->escalate_at != INT64_MAX)
		json_object_set_new(o, "escalate_at", cli_json_time(r->escalate_at));
	return o;
}

json_t *cli_json_sheet_entry(const struct core_sheet_entry *e)
{
	json_t *o = json_object();

	json_object_set_new(o, "rule", cli_json_string(e->rule->name));
	json_object_set_new(o, "customer", cli_json_string(e->customer->key));
	json_object_set_new(o, "thread", json_null());
	json_object_set_new(o, "owner", cli_json_string(e->owner));
	json_object_set_new(o, "subject", cli_json_string(e->subject));
	json_object_set_new(o, "due", cli_json_time(e->occ.due));
	json_object_set_new(o, "due_local", cli_json_string(e->due_local));
	json_object_set_new(o, "overdue_seconds", json_integer(e->occ.overdue_seconds));
	json_object_set_new(o, "state", json_string(sheet_state_name(e->occ.state)));
	json_object_set_new(o, "on", json_string(rule_trigger_name(e->rule->on)));
	if (e->order != NULL)
		json_object_set_new(o, "order", cli_json_string(e->order->number));
	return o;
}

/* ---- quotes and orders (customer show, quotes, orders) ---- */

/* An amount in thousandths as a JSON number (whole numbers as integers). */
json_t *cli_json_amount(int64_t milli)
{
	if (milli % 1000 == 0)
		return json_integer(milli / 1000);
	return json_real((double)milli / 1000.0);
}

static json_t *facts_member(json_t *facts, const char *key, bool array)
{
	json_t *v = facts != NULL ? json_object_get(facts, key) : NULL;

	if (v != NULL)
		return json_incref(v);
	return array ? json_array() : json_null();
}

json_t *cli_json_quote(const struct store_quote *q)
{
	json_t *o = json_object();
	json_t *facts = q->facts != NULL ? json_loads(q->facts, 0, NULL) : NULL;

	json_object_set_new(o, "message_id", cli_json_string(q->message_id));
	json_object_set_new(o, "date", cli_json_time(q->date));
	json_object_set_new(o, "subject", cli_json_string(q->subject));
	json_object_set_new(o, "thread", json_integer(q->thread));
	json_object_set_new(o, "products", facts_member(facts, "products", true));
	json_object_set_new(o, "quantities", facts_member(facts, "quantities", true));
	json_object_set_new(o, "prices", facts_member(facts, "prices", true));
	json_object_set_new(o, "incoterm", facts_member(facts, "incoterm", false));
	json_object_set_new(o, "incoterm_place", facts_member(facts, "incoterm_place", false));
	json_object_set_new(o, "reference", facts_member(facts, "reference", false));
	json_object_set_new(o, "answered_at", cli_json_time(q->answered_at));
	json_decref(facts);
	return o;
}

json_t *cli_json_order(const struct store_order *o)
{
	json_t *j = json_object(), *payments = json_array();

	for (size_t i = 0; i < o->n_payments; i++) {
		json_t *p = json_object();
		json_object_set_new(p, "amount", cli_json_amount(o->payments[i].amount_milli));
		json_object_set_new(p, "date", cli_json_string(o->payments[i].date));
		json_array_append_new(payments, p);
	}
	json_object_set_new(j, "number", cli_json_string(o->number));
	json_object_set_new(j, "customer", cli_json_string(o->customer));
	json_object_set_new(j, "amount", cli_json_amount(o->amount_milli));
	json_object_set_new(j, "currency", cli_json_string(o->currency));
	json_object_set_new(j, "incoterm", cli_json_string(o->incoterm));
	json_object_set_new(j, "due", cli_json_string(o->due));
	json_object_set_new(j, "paid", cli_json_amount(o->paid_milli));
	json_object_set_new(j, "state", cli_json_string(o->state));
	json_object_set_new(j, "deposit", o->deposit_milli != INT64_MIN
	                                  ? cli_json_amount(o->deposit_milli) : json_null());
	json_object_set_new(j, "deposit_percent", o->deposit_percent >= 0
	                                          ? json_real(o->deposit_percent) : json_null());
	json_object_set_new(j, "quote", cli_json_string(o->quote_message_id));
	json_object_set_new(j, "payments", payments);
	return j;
}

/* "XP-200, XP-300  USD 410/pc  FOB Ningbo  ref PI-1" from a quote's facts. */
char *cli_quote_summary(const char *facts_json)
{
	json_t *facts = facts_json != NULL ? json_loads(facts_json, 0, NULL) : NULL;
	GString *s = g_string_new(NULL);
	size_t i;
	json_t *v;

	json_array_foreach(json_object_get(facts, "products"), i, v)
		g_string_append_printf(s, "%s%s", i > 0 ? ", " : "", json_string_value(v));
	json_array_foreach(json_object_get(facts, "prices"), i, v)
		g_string_append_printf(s, "%s%s", s->len > 0 ? (i > 0 ? ", " : "  ") : "",
		                       json_string_value(json_object_get(v, "text")));
	if (json_is_string(json_object_get(facts, "incoterm")))
		g_string_append_printf(s, "%s%s %s", s->len > 0 ? "  " : "",
		                       json_string_value(json_object_get(facts, "incoterm")),
		                       json_is_string(json_object_get(facts, "incoterm_place"))
		                       ? json_string_value(json_object_get(facts, "incoterm_place"))
		                       : "");
	if (json_is_string(json_object_get(facts, "reference")))
		g_string_append_printf(s, "%sref %s", s->len > 0 ? "  " : "",
		                       json_string_value(json_object_get(facts, "reference")));
	json_decref(facts);
	return g_string_free(s, FALSE);
}

void cli_order_header(void)
{
	printf("%-16s %-20s %-3s %14s %14s %-10s %s\n", "ORDER", "CUSTOMER", "CUR", "AMOUNT",
	       "PAID", "DUE", "STATE");
}

void cli_order_line(GString *out, const struct store_order *o)
{
	char amount[32], paid[32];

	core_amount_format(o->amount_milli, amount, sizeof(amount));
	core_amount_format(o->paid_milli, paid, sizeof(paid));
	cli_pad(out, o->number, 16);
	g_string_append_c(out, ' ');
	cli_pad(out, o->customer, 20);
	g_string_append_c(out, ' ');
	cli_pad(out, o->currency, 3);
	g_string_append_printf(out, " %14s %14s ", amount, paid);
	cli_pad(out, o->due != NULL ? o->due : "-", 10);
	g_string_append_c(out, ' ');
	safe_text_append(out, o->state, SAFE_TEXT_LINE);
}

json_t *cli_json_proposal(const struct core_proposal *p)
{
	json_t *j = json_object();

	json_object_set_new(j, "message_id", cli_json_string(p->message_id));
	json_object_set_new(j, "date", cli_json_time(p->date));
	json_object_set_new(j, "customer", cli_json_string(p->customer));
	json_object_set_new(j, "number", cli_json_string(p->number));
	json_object_set_new(j, "amount", cli_json_amount(p->amount_milli));
	json_object_set_new(j, "currency", cli_json_string(p->currency));
	json_object_set_new(j, "incoterm", cli_json_string(p->incoterm));
	json_object_set_new(j, "subject", cli_json_string(p->subject));
	return j;
}

void cli_proposal_header(void)
{
	printf("%-*s %-28s %-20s %-16s %-3s %14s %-16s %s\n", CLI_DATE_WIDTH, "SENT", "MESSAGE-ID",
	       "CUSTOMER", "NUMBER", "CUR", "AMOUNT", "INCOTERM", "SUBJECT");
}

void cli_proposal_line(GString *out, const struct core_proposal *p)
{
	char sent[32], amount[32];

	cli_format_local(p->date, sent, sizeof(sent));
	core_amount_format(p->amount_milli, amount, sizeof(amount));
	g_string_append_printf(out, "%-*s ", CLI_DATE_WIDTH, sent);
	cli_pad(out, p->message_id, 28);
	g_string_append_c(out, ' ');
	cli_pad(out, p->customer, 20);
	g_string_append_c(out, ' ');
	cli_pad(out, p->number, 16);
	g_string_append_c(out, ' ');
	cli_pad(out, p->currency, 3);
	g_string_append_printf(out, " %14s ", amount);
	cli_pad(out, p->incoterm != NULL ? p->incoterm : "-", 16);
	g_string_append_c(out, ' ');
	safe_text_append(out, p->subject, SAFE_TEXT_LINE);
}

void cli_payment_line(GString *out, const struct store_payment *p)
{
	char amount[32];

	core_amount_format(p->amount_milli, amount, sizeof(amount));
	g_string_append_printf(out, "    payment %14s on ", amount);
	safe_text_append(out, p->date, SAFE_TEXT_LINE);
}
