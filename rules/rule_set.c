/* rule_set: checking the [rule NAME] sections and describing rules (see
 * rule_set.h). */
#include <errno.h>
#include <stdarg.h>
#include <string.h>
#include <glib.h>

#include "rules/rule_set.h"
#include "lib/address.h"
#include "lib/duration.h"

#define HOUR (60 * 60)
#define DAY (24 * HOUR)
#define WEEK (7 * DAY)
/* Longer durations are surely typing mistakes; the cap also keeps every
 * instant the SLA arithmetic adds up far from INT64_MAX. */
#define DURATION_MAX_DAYS 3650
#define DURATION_MAX ((int64_t)DURATION_MAX_DAYS * DAY)
#define CAP_MAX 100000

/* The kinds of rule a section can make (from on and action), as bits:
 * which kinds a key goes with, and which need it. */
#define KIND_ACK     (1u << 0)   /* on = inquiry, action = acknowledge */
#define KIND_SLA     (1u << 1)   /* on = inquiry or quote, no action */
#define KIND_PAYMENT (1u << 2)   /* on = payment-due, no action: tell people */
#define KIND_REMIND  (1u << 3)   /* on = payment-due, action = remind-customer */
#define KIND_NEXT    (1u << 4)   /* on = next-action */
#define KIND_SILENCE (1u << 5)   /* on = silence */
#define KIND_ANY     0x3fu
#define KIND_TELLS   (KIND_SLA | KIND_PAYMENT | KIND_REMIND | KIND_NEXT | KIND_SILENCE)

/* Parses value into rule. On error -1 and *msg_r: what follows "KEY: ". */
typedef int key_parse_fn(struct rule *rule, const char *value, char **msg_r);

struct key_def {
	const char *key;
	unsigned kinds;       /* KIND_* the key goes with */
	key_parse_fn *parse;
	const char *example;  /* a whole line, for messages */
	unsigned required;    /* KIND_* that need it */
};

static key_parse_fn parse_on, parse_action, parse_template, parse_max_age,
	parse_ack_interval, parse_domain_cap, parse_hourly_cap, parse_until, parse_within, parse_warn_at,
	parse_notify, parse_escalate, parse_pause_while, parse_before, parse_late_every,
	parse_grade;

static const struct key_def key_defs[] = {
	{ "on", KIND_ANY, parse_on, "on = inquiry", KIND_ANY },
	{ "action", KIND_ANY, parse_action, "action = acknowledge", 0 },
	{ "template", KIND_ACK | KIND_REMIND, parse_template,
	  "template = /etc/followup/templates/ack", KIND_ACK | KIND_REMIND },
	{ "max-age", KIND_ACK, parse_max_age, "max-age = 24h", 0 },
	{ "ack-interval", KIND_ACK, parse_ack_interval, "ack-interval = 24h", 0 },
	{ "ack-domain-cap", KIND_ACK, parse_domain_cap, "ack-domain-cap = 5", 0 },
	{ "ack-hourly-cap", KIND_ACK, parse_hourly_cap, "ack-hourly-cap = 60", 0 },
	{ "until", KIND_SLA, parse_until, "until = our-reply", 0 },
	{ "within", KIND_SLA | KIND_SILENCE, parse_within, "within = 24h business",
	  KIND_SLA | KIND_SILENCE },
	{ "warn-at", KIND_SLA, parse_warn_at, "warn-at = 75%", 0 },
	{ "notify", KIND_TELLS, parse_notify, "notify = owner", 0 },
	{ "escalate", KIND_SLA, parse_escalate, "escalate = manager after 24h business", 0 },
	{ "pause-while", KIND_SLA, parse_pause_while, "pause-while = waiting-on-customer", 0 },
	{ "before", KIND_PAYMENT | KIND_REMIND, parse_before, "before = 3d", 0 },
	{ "late-every", KIND_PAYMENT | KIND_REMIND, parse_late_every, "late-every = 3d", 0 },
	{ "grade", KIND_SILENCE, parse_grade, "grade = S, A", 0 },
};
#define N_KEYS G_N_ELEMENTS(key_defs)
#define KEY_ON 0

static const char duration_syntax_reason[] =
	"is not a duration (write 24h, 3d, 90m, or 24h business for working time)";
static const char duration_zero_reason[] = "is no time at all (write more than 0, e.g. 1h)";
static const char duration_long_reason[] = "is too long (write at most 3650d)";
static const char duration_business_days_reason[] =
	"counts working time in days or weeks, which is unclear (write working hours: "
	"24h business is 24 working hours)";

/* ---- values ---- */

static const char *skip_blanks(const char *p)
{
	while (*p == ' ' || *p == '\t')
		p++;
	return p;
}

/* The word at p when it is word (any case) and ends there; the text after
 * it, or NULL. */
static const char *match_word(const char *p, const char *word)
{
	size_t len = strlen(word);

	if (g_ascii_strncasecmp(p, word, len) != 0)
		return NULL;
	p += len;
	if (*p != '\0' && *p != ' ' && *p != '\t')
		return NULL;
	return p;
}

int rule_parse_duration(const char *text, struct rule_duration *d_r, const char **error_r)
{
	const char *p, *after, *reason;
	uint64_t seconds, unit;
	bool business = false;

	if (text == NULL)
		goto syntax;
	p = skip_blanks(text);
	/* 12 digits hold any allowed duration in seconds. */
	if (strspn(p, "0123456789") > 12) {
		*error_r = duration_long_reason;
		return -1;
	}
	if (duration_parse(p, &seconds, &p, &unit, &reason) < 0 || unit == 0)
		goto syntax;
	if (*p != '\0' && *p != ' ' && *p != '\t')
		goto syntax;
	p = skip_blanks(p);
	if (*p != '\0') {
		after = match_word(p, "business");
		if (after == NULL)
			goto syntax;
		business = true;
		if (*skip_blanks(after) != '\0')
			goto syntax;
	}
	if (seconds == 0) {
		*error_r = duration_zero_reason;
		return -1;
	}
	if (seconds > (uint64_t)DURATION_MAX) {
		*error_r = duration_long_reason;
		return -1;
	}
	if (business && unit >= DAY) {
		*error_r = duration_business_days_reason;
		return -1;
	}
	d_r->seconds = (int64_t)seconds;
	d_r->business = business;
	return 0;
syntax:
	*error_r = duration_syntax_reason;
	return -1;
}

/* owner, manager or an address; 0 or -1. */
static int parse_who(const char *text, enum rule_who *who_r, char **address_r)
{
	if (g_ascii_strcasecmp(text, "owner") == 0) {
		*who_r = RULE_WHO_OWNER;
		return 0;
	}
	if (g_ascii_strcasecmp(text, "manager") == 0) {
		*who_r = RULE_WHO_MANAGER;
		return 0;
	}
	if (!address_is_valid(text))
		return -1;
	*who_r = RULE_WHO_ADDRESS;
	g_free(*address_r);
	*address_r = g_ascii_strdown(text, -1);
	return 0;
}

/* ---- keys ---- */

static int parse_on(struct rule *rule, const char *value, char **msg_r)
{
	if (g_ascii_strcasecmp(value, "inquiry") == 0)
		rule->on = RULE_ON_INQUIRY;
	else if (g_ascii_strcasecmp(value, "quote") == 0)
		rule->on = RULE_ON_QUOTE;
	else if (g_ascii_strcasecmp(value, "payment-due") == 0)
		rule->on = RULE_ON_PAYMENT_DUE;
	else if (g_ascii_strcasecmp(value, "next-action") == 0)
		rule->on = RULE_ON_NEXT_ACTION;
	else if (g_ascii_strcasecmp(value, "silence") == 0)
		rule->on = RULE_ON_SILENCE;
	else {
		*msg_r = g_strdup_printf("'%s' is not a trigger (write on = inquiry, quote, "
		                         "payment-due, next-action or silence)", value);
		return -1;
	}
	return 0;
}

static int parse_action(struct rule *rule, const char *value, char **msg_r)
{
	if (g_ascii_strcasecmp(value, "acknowledge") == 0)
		rule->action = RULE_ACTION_ACKNOWLEDGE;
	else if (g_ascii_strcasecmp(value, "remind-customer") == 0)
		rule->action = RULE_ACTION_REMIND_CUSTOMER;
	else {
		*msg_r = g_strdup_printf("'%s' is not an action (write action = acknowledge or "
		                         "action = remind-customer, or leave the line out for a "
		                         "service level or an alert)", value);
		return -1;
	}
	return 0;
}

static bool has_control(const char *text)
{
	for (; *text != '\0'; text++) {
		if ((unsigned char)*text < 0x20 || *text == 0x7f)
			return true;
	}
	return false;
}

static int parse_template(struct rule *rule, const char *value, char **msg_r)
{
	size_t len = strlen(value);

	if (has_control(value) || !g_utf8_validate(value, -1, NULL)) {
		*msg_r = g_strdup("not a usable path (write template = "
		                  "/etc/followup/templates/ack)");
		return -1;
	}
	/* "ack.txt" would make the loader look for ack.txt.txt. */
	if (len > 4 && g_ascii_strcasecmp(value + len - 4, ".txt") == 0) {
		*msg_r = g_strdup_printf("'%s' names one file (write the common start of the "
		                         "files: template = %.*s stands for %.*s.txt, "
		                         "%.*s.de.txt …)", value, (int)(len - 4), value,
		                         (int)(len - 4), value, (int)(len - 4), value);
		return -1;
	}
	if (value[len - 1] == '/') {
		*msg_r = g_strdup_printf("'%s' is a directory (add the start of the file "
		                         "names: %sack for ack.txt, ack.de.txt …)", value, value);
		return -1;
	}
	g_free(rule->template_base);
	rule->template_base = g_strdup(value);
	return 0;
}

/* A duration in calendar time, for the acknowledgement keys. */
static int parse_calendar_duration(const char *value, int64_t *seconds_r, char **msg_r)
{
	struct rule_duration d;
	const char *reason;

	if (rule_parse_duration(value, &d, &reason) < 0) {
		*msg_r = g_strdup_printf("'%s' %s", value, reason);
		return -1;
	}
	if (d.business) {
		*msg_r = g_strdup_printf("'%s' cannot be working time here (write calendar "
		                         "time, e.g. 24h)", value);
		return -1;
	}
	*seconds_r = d.seconds;
	return 0;
}

static int parse_max_age(struct rule *rule, const char *value, char **msg_r)
{
	return parse_calendar_duration(value, &rule->max_age, msg_r);
}

static int parse_ack_interval(struct rule *rule, const char *value, char **msg_r)
{
	return parse_calendar_duration(value, &rule->ack_interval, msg_r);
}

/* A number of acknowledgements, 1 to CAP_MAX; example: "ack-domain-cap = 5". */
static int parse_cap(const char *value, const char *example, unsigned *cap_r, char **msg_r)
{
	guint64 n = 0;
	char *end = NULL;

	errno = 0;
	if (g_ascii_isdigit(value[0]) && strspn(value, "0123456789") <= 6)
		n = g_ascii_strtoull(value, &end, 10);
	if (end == NULL || *end != '\0' || errno != 0 || n < 1 || n > CAP_MAX) {
		*msg_r = g_strdup_printf("'%s' is not a number of acknowledgements (write a "
		                         "whole number from 1 to %d, e.g. %s)", value, CAP_MAX,
		                         example);
		return -1;
	}
	*cap_r = (unsigned)n;
	return 0;
}

static int parse_domain_cap(struct rule *rule, const char *value, char **msg_r)
{
	return parse_cap(value, "ack-domain-cap = 5", &rule->ack_domain_cap, msg_r);
}

static int parse_hourly_cap(struct rule *rule, const char *value, char **msg_r)
{
	return parse_cap(value, "ack-hourly-cap = 60", &rule->ack_hourly_cap, msg_r);
}

static int parse_until(struct rule *rule, const char *value, char **msg_r)
{
	if (g_ascii_strcasecmp(value, "our-reply") == 0)
		rule->until = RULE_UNTIL_OUR_REPLY;
	else if (g_ascii_strcasecmp(value, "customer-reply") == 0)
		rule->until = RULE_UNTIL_CUSTOMER_REPLY;
	else {
		*msg_r = g_strdup_printf("'%s' is not what stops the clock (write "
		                         "until = our-reply or until = customer-reply)", value);
		return -1;
	}
	return 0;
}

static int parse_within(struct rule *rule, const char *value, char **msg_r)
{
	const char *reason;

	if (rule_parse_duration(value, &rule->within, &reason) < 0) {
		*msg_r = g_strdup_printf("'%s' %s", value, reason);
		return -1;
	}
	return 0;
}

static int parse_warn_at(struct rule *rule, const char *value, char **msg_r)
{
	guint64 n = 0;
	char *end = NULL;

	if (g_ascii_isdigit(value[0]) && strspn(value, "0123456789") <= 2)
		n = g_ascii_strtoull(value, &end, 10);
	if (end != NULL)
		end = (char *)skip_blanks(end);
	if (end == NULL || strcmp(end, "%") != 0 || n < 1 || n > 99) {
		*msg_r = g_strdup_printf("'%s' is not a percentage from 1%% to 99%% (write "
		                         "warn-at = 75%%)", value);
		return -1;
	}
	rule->warn_at_percent = (unsigned)n;
	return 0;
}

static void recipients_clear(struct rule *rule)
{
	for (size_t i = 0; i < rule->n_recipients; i++)
		g_free(rule->recipients[i].address);
	g_free(rule->recipients);
	rule->recipients = NULL;
	rule->n_recipients = 0;
}

/* "owner", "owner, finance@example.com": each once, at most
 * RULE_MAX_RECIPIENTS. The first is also notify / notify_address. */
static int parse_notify(struct rule *rule, const char *value, char **msg_r)
{
	char **items = g_strsplit(value, ",", -1);
	size_t n = g_strv_length(items);
	int ret = -1;

	recipients_clear(rule);
	if (n > RULE_MAX_RECIPIENTS) {
		*msg_r = g_strdup_printf("names %zu people (at most %d)", n, RULE_MAX_RECIPIENTS);
		goto out;
	}
	rule->recipients = g_new0(struct rule_recipient, n);
	for (size_t i = 0; i < n; i++) {
		char *item = g_strstrip(items[i]);
		struct rule_recipient *r = &rule->recipients[rule->n_recipients];

		if (parse_who(item, &r->who, &r->address) < 0) {
			*msg_r = g_strdup_printf("'%s' is nobody to tell (write notify = owner, "
			                         "notify = manager or an e-mail address; several "
			                         "separated by commas)", item);
			goto out;
		}
		rule->n_recipients++;
		for (size_t j = 0; j + 1 < rule->n_recipients; j++) {
			if (rule->recipients[j].who == r->who &&
			    g_strcmp0(rule->recipients[j].address, r->address) == 0) {
				*msg_r = g_strdup_printf("'%s' is named twice (keep one)", item);
				goto out;
			}
		}
	}
	rule->notify = rule->recipients[0].who;
	g_free(rule->notify_address);
	rule->notify_address = g_strdup(rule->recipients[0].address);
	ret = 0;
out:
	g_strfreev(items);
	return ret;
}

/* A whole duration in calendar time for the sheet's dates ("3d", "36h"). */
static int parse_sheet_duration(const char *value, int64_t *seconds_r, char **msg_r)
{
	if (parse_calendar_duration(value, seconds_r, msg_r) < 0)
		return -1;
	if (*seconds_r % HOUR != 0) {
		*msg_r = g_strdup_printf("'%s' is finer than an hour (write hours or days, "
		                         "e.g. 3d)", value);
		return -1;
	}
	return 0;
}

static int parse_before(struct rule *rule, const char *value, char **msg_r)
{
	return parse_sheet_duration(value, &rule->before, msg_r);
}

static int parse_late_every(struct rule *rule, const char *value, char **msg_r)
{
	return parse_sheet_duration(value, &rule->late_every, msg_r);
}

/* "S, A": names as the configuration's [grading] writes them; core/
 * checks they are grades. */
static int parse_grade(struct rule *rule, const char *value, char **msg_r)
{
	char **items = g_strsplit(value, ",", -1);
	GPtrArray *out = g_ptr_array_new_with_free_func(g_free);

	for (size_t i = 0; items[i] != NULL; i++) {
		char *item = g_strstrip(items[i]);
		if (item[0] == '\0' || has_control(item) || !g_utf8_validate(item, -1, NULL) ||
		    strlen(item) > 32) {
			*msg_r = g_strdup_printf("'%s' is not a list of grades (write e.g. "
			                         "grade = S, A)", value);
			g_ptr_array_free(out, TRUE);
			g_strfreev(items);
			return -1;
		}
		g_ptr_array_add(out, g_strdup(item));
	}
	g_ptr_array_add(out, NULL);
	g_strfreev(rule->grades);
	rule->grades = (char **)g_ptr_array_free(out, FALSE);
	g_strfreev(items);
	return 0;
}

/* "WHO after DURATION". */
static int parse_escalate(struct rule *rule, const char *value, char **msg_r)
{
	static const char example[] = "write escalate = manager after 24h business, or "
	                              "WHO after DURATION with WHO owner, manager or an "
	                              "e-mail address";
	const char *p = value, *who_end, *after, *reason;
	char *who = NULL;
	int ret = -1;

	while (*p != '\0' && *p != ' ' && *p != '\t')
		p++;
	who_end = p;
	after = match_word(skip_blanks(p), "after");
	if (who_end == value || after == NULL || *skip_blanks(after) == '\0') {
		*msg_r = g_strdup_printf("'%s' is not an escalation (%s)", value, example);
		goto out;
	}
	who = g_strndup(value, (gsize)(who_end - value));
	if (parse_who(who, &rule->escalate_to, &rule->escalate_address) < 0) {
		*msg_r = g_strdup_printf("'%s' is nobody to tell (%s)", who, example);
		goto out;
	}
	if (rule_parse_duration(skip_blanks(after), &rule->escalate_after, &reason) < 0) {
		*msg_r = g_strdup_printf("'%s' %s", skip_blanks(after), reason);
		goto out;
	}
	rule->has_escalate = true;
	ret = 0;
out:
	g_free(who);
	return ret;
}

static int parse_pause_while(struct rule *rule, const char *value, char **msg_r)
{
	char **items = g_strsplit(value, ",", -1);
	unsigned bits = 0;
	size_t i;
	int ret = -1;

	for (i = 0; items[i] != NULL; i++) {
		char *item = g_strstrip(items[i]);

		if (g_ascii_strcasecmp(item, "waiting-on-customer") == 0)
			bits |= RULE_PAUSE_WAITING_ON_CUSTOMER;
		else if (g_ascii_strcasecmp(item, "out-of-office") == 0)
			bits |= RULE_PAUSE_OUT_OF_OFFICE;
		else {
			*msg_r = g_strdup_printf("'%s' is not a reason to pause (write "
			                         "waiting-on-customer, out-of-office, or both "
			                         "separated by a comma)", item);
			goto out;
		}
	}
	rule->pause_while = bits;
	ret = 0;
out:
	g_strfreev(items);
	return ret;
}

/* ---- rules ---- */

static int key_index(const char *key)
{
	size_t i;

	for (i = 0; i < N_KEYS; i++) {
		if (strcmp(key_defs[i].key, key) == 0)
			return (int)i;
	}
	return -1;
}

static char *known_keys(void)
{
	GString *s = g_string_new(NULL);
	size_t i;

	for (i = 0; i < N_KEYS; i++)
		g_string_append_printf(s, "%s%s", i > 0 ? ", " : "", key_defs[i].key);
	return g_string_free(s, FALSE);
}

/* "FILE:LINE: [rule NAME] KEY: message", or "…[rule NAME]: message" when
 * no key applies. */
static char *G_GNUC_PRINTF(5, 6)
rule_error(const char *path, int line, const char *name, const char *key,
           const char *fmt, ...)
{
	GString *msg = g_string_new(path != NULL ? path : "followup.conf");
	va_list args;

	g_string_append_printf(msg, ":%d: [rule %s]", line, name);
	if (key != NULL)
		g_string_append_printf(msg, " %s", key);
	g_string_append(msg, ": ");
	va_start(args, fmt);
	g_string_append_vprintf(msg, fmt, args);
	va_end(args);
	return g_string_free(msg, FALSE);
}

static void rule_clear(struct rule *rule)
{
	g_free(rule->name);
	g_free(rule->template_base);
	g_free(rule->notify_address);
	g_free(rule->escalate_address);
	recipients_clear(rule);
	g_strfreev(rule->grades);
	memset(rule, 0, sizeof(*rule));
}

/* Names appear in alert mails and on the command line (--rule NAME):
 * letters and digits of any script, '-', '_' and '.'. */
static bool rule_name_ok(const char *name)
{
	const char *p;

	if (name == NULL || name[0] == '\0' || !g_utf8_validate(name, -1, NULL))
		return false;
	for (p = name; *p != '\0'; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);

		if (!g_unichar_isalnum(c) && c != '-' && c != '_' && c != '.')
			return false;
	}
	return true;
}

static void rule_set_defaults(struct rule *rule)
{
	rule->action = RULE_ACTION_SLA;
	rule->max_age = RULE_DEFAULT_MAX_AGE;
	rule->ack_interval = RULE_DEFAULT_ACK_INTERVAL;
	rule->ack_domain_cap = RULE_DEFAULT_ACK_DOMAIN_CAP;
	rule->ack_hourly_cap = RULE_DEFAULT_ACK_HOURLY_CAP;
	rule->notify = RULE_WHO_OWNER;
	rule->escalate_to = RULE_WHO_NONE;
}

/* Each item on its own: known key, given once, a value that parses. */
static int rule_parse_items(const char *path, const struct ini_section *src,
                            struct rule *rule, int *seen, char **error_r)
{
	size_t i;
	char *msg = NULL;

	for (i = 0; i < src->n_items; i++) {
		const struct ini_item *item = &src->items[i];
		int k = key_index(item->key);

		if (k < 0) {
			char *known = known_keys();

			*error_r = rule_error(path, item->line, src->name, item->key,
			                      "unknown key (known keys: %s)", known);
			g_free(known);
			return -1;
		}
		if (seen[k] != 0) {
			*error_r = rule_error(path, item->line, src->name, item->key,
			                      "given twice (first at line %d; keep one)", seen[k]);
			return -1;
		}
		seen[k] = item->line;
		if (item->value[0] == '\0') {
			*error_r = rule_error(path, item->line, src->name, item->key,
			                      "empty value (write e.g. '%s')", key_defs[k].example);
			return -1;
		}
		if (key_defs[k].parse(rule, item->value, &msg) < 0) {
			*error_r = rule_error(path, item->line, src->name, item->key, "%s", msg);
			g_free(msg);
			return -1;
		}
	}
	return 0;
}

/* The kind of rule on and action make (KIND_*), or 0 when they do not
 * go together. */
static unsigned rule_kind(const struct rule *rule)
{
	bool sheet = rule_is_sheet(rule);

	switch (rule->action) {
	case RULE_ACTION_ACKNOWLEDGE:
		return rule->on == RULE_ON_INQUIRY ? KIND_ACK : 0;
	case RULE_ACTION_REMIND_CUSTOMER:
		return rule->on == RULE_ON_PAYMENT_DUE ? KIND_REMIND : 0;
	case RULE_ACTION_SLA:
	case RULE_ACTION_NOTIFY:
		break;
	}
	if (!sheet)
		return KIND_SLA;
	return rule->on == RULE_ON_PAYMENT_DUE ? KIND_PAYMENT
	       : rule->on == RULE_ON_NEXT_ACTION ? KIND_NEXT : KIND_SILENCE;
}

/* The keys a kind of rule takes, for messages. New string. */
static char *keys_of_kind(unsigned kind)
{
	GString *s = g_string_new(NULL);

	for (size_t i = 0; i < N_KEYS; i++) {
		if (key_defs[i].kinds & kind)
			g_string_append_printf(s, "%s%s", s->len > 0 ? ", " : "", key_defs[i].key);
	}
	return g_string_free(s, FALSE);
}

/* Why key does not go with a rule of kind. New string. */
static char *key_misplaced(const struct key_def *def, const struct rule *rule, unsigned kind)
{
	if ((def->kinds & KIND_ACK) && kind == KIND_SLA)
		return g_strdup("only for action = acknowledge (remove it, or add "
		                "action = acknowledge)");
	if ((def->kinds & KIND_REMIND) && kind == KIND_PAYMENT)
		return g_strdup("only for action = remind-customer (remove it, or add "
		                "action = remind-customer)");
	if (kind == KIND_ACK)
		return g_strdup("not for action = acknowledge (remove it; a service level is a "
		                "rule of its own, without action)");
	char *keys = keys_of_kind(kind);
	char *msg = g_strdup_printf("not for a rule on = %s%s (remove it; such a rule takes %s)",
	                            rule_trigger_name(rule->on),
	                            kind == KIND_REMIND ? " with action = remind-customer" : "",
	                            keys);
	g_free(keys);
	return msg;
}

/* on and action that do not go together. */
static char *action_misplaced(const struct rule *rule)
{
	if (rule->action == RULE_ACTION_ACKNOWLEDGE)
		return g_strdup_printf("'%s': only inquiries are acknowledged (write on = inquiry, "
		                       "or remove action = acknowledge for a service level)",
		                       rule_trigger_name(rule->on));
	return g_strdup_printf("'%s': only a payment-due rule reminds the customer (write "
	                       "on = payment-due, or remove action = remind-customer)",
	                       rule_trigger_name(rule->on));
}

/* Keys that do not go with the rule's kind, then missing keys. */
static int rule_check_keys(const char *path, const struct ini_section *src,
                           struct rule *rule, const int *seen, char **error_r)
{
	unsigned kind = rule_kind(rule);
	size_t i;

	if (seen[KEY_ON] == 0) {
		*error_r = rule_error(path, src->line, src->name, "on",
		                      "missing (add a line '%s')", key_defs[KEY_ON].example);
		return -1;
	}
	if (kind == 0) {
		char *msg = action_misplaced(rule);
		*error_r = rule_error(path, seen[KEY_ON], src->name, "on", "%s", msg);
		g_free(msg);
		return -1;
	}
	for (i = 0; i < src->n_items; i++) {
		const struct ini_item *item = &src->items[i];
		int k = key_index(item->key);

		if ((key_defs[k].kinds & kind) == 0) {
			char *msg = key_misplaced(&key_defs[k], rule, kind);
			*error_r = rule_error(path, item->line, src->name, item->key, "%s", msg);
			g_free(msg);
			return -1;
		}
		if (strcmp(item->key, "notify") == 0 && kind == KIND_SLA && rule->n_recipients > 1) {
			*error_r = rule_error(path, item->line, src->name, item->key,
			                      "a service level tells one person, and escalates to "
			                      "another (write notify = owner and escalate = manager "
			                      "after 24h business)");
			return -1;
		}
		if (strcmp(item->key, "within") == 0 && kind == KIND_SILENCE &&
		    rule->within.business) {
			*error_r = rule_error(path, item->line, src->name, item->key,
			                      "'%s': silence is counted in calendar time (write "
			                      "e.g. within = 60d)", item->value);
			return -1;
		}
	}
	for (i = 0; i < N_KEYS; i++) {
		const struct key_def *def = &key_defs[i];

		if ((def->required & kind) != 0 && seen[i] == 0) {
			*error_r = rule_error(path, src->line, src->name, def->key,
			                      "missing (add a line '%s')", def->example);
			return -1;
		}
	}
	return 0;
}

static int rule_from_section(const char *path, const struct ini_section *src,
                            struct rule *rule, char **error_r)
{
	int seen[N_KEYS] = { 0 };

	rule_set_defaults(rule);
	rule->name = g_strdup(src->name);
	rule->line = src->line;
	if (rule_parse_items(path, src, rule, seen, error_r) < 0)
		return -1;
	if (rule_check_keys(path, src, rule, seen, error_r) < 0)
		return -1;
	if (seen[key_index("until")] == 0)
		rule->until = rule->on == RULE_ON_QUOTE ? RULE_UNTIL_CUSTOMER_REPLY
		                                        : RULE_UNTIL_OUR_REPLY;
	if (rule_is_sheet(rule) && rule->action == RULE_ACTION_SLA)
		rule->action = RULE_ACTION_NOTIFY;
	/* Left out, notify means the owner, but a reminder to the customer
	 * tells nobody of ours unless asked to. */
	if (rule->n_recipients == 0 && rule->action != RULE_ACTION_ACKNOWLEDGE &&
	    rule->action != RULE_ACTION_REMIND_CUSTOMER) {
		rule->recipients = g_new0(struct rule_recipient, 1);
		rule->recipients[0].who = RULE_WHO_OWNER;
		rule->n_recipients = 1;
	}
	rule->grades_line = seen[key_index("grade")];
	return 0;
}

int rule_set_new(const char *path, const struct ini_section *sections, size_t n,
                 struct rule_set **set_r, char **error_r)
{
	struct rule_set *set;
	size_t i, j;

	*set_r = NULL;
	*error_r = NULL;
	if (sections == NULL && n > 0) {
		*error_r = g_strdup("no configuration to read rules from");
		return -1;
	}
	set = g_new0(struct rule_set, 1);
	set->rules = g_new0(struct rule, n > 0 ? n : 1);
	for (i = 0; i < n; i++) {
		const struct ini_section *src = &sections[i];

		if (!rule_name_ok(src->name)) {
			bool empty = src->name == NULL || src->name[0] == '\0';

			*error_r = rule_error(path, src->line, empty ? "" : src->name, NULL,
			                      "%s (write e.g. [rule first-response])",
			                      empty
			                      ? "a rule needs a name"
			                      : "a name holds only letters, digits, '-', '_' and '.'");
			goto fail;
		}
		for (j = 0; j < i; j++) {
			if (g_ascii_strcasecmp(sections[j].name, src->name) == 0) {
				*error_r = rule_error(path, src->line, src->name, NULL,
				                      "given twice (first at line %d; rename one "
				                      "of them)", sections[j].line);
				goto fail;
			}
		}
		set->n_rules++;
		if (rule_from_section(path, src, &set->rules[i], error_r) < 0)
			goto fail;
	}
	*set_r = set;
	return 0;
fail:
	rule_set_free(&set);
	return -1;
}

void rule_set_free(struct rule_set **set)
{
	size_t i;

	if (*set == NULL)
		return;
	for (i = 0; i < (*set)->n_rules; i++)
		rule_clear(&(*set)->rules[i]);
	g_free((*set)->rules);
	g_free(*set);
	*set = NULL;
}

const struct rule *rule_set_find(const struct rule_set *set, const char *name)
{
	size_t i;

	if (set == NULL || name == NULL)
		return NULL;
	for (i = 0; i < set->n_rules; i++) {
		if (g_ascii_strcasecmp(set->rules[i].name, name) == 0)
			return &set->rules[i];
	}
	return NULL;
}

/* ---- plain words ---- */

static void append_count(GString *s, int64_t n, const char *working, const char *unit)
{
	g_string_append_printf(s, "%" G_GINT64_FORMAT " %s%s%s", n, working, unit,
	                       n == 1 ? "" : "s");
}

/* "24 hours", "3 days", "90 minutes", "24 working hours". Hours are kept
 * below three days, as people say them ("48 hours"); working time is never
 * said in days, which would be unclear. */
static void append_duration(GString *s, int64_t seconds, bool business)
{
	const char *working = business ? "working " : "";

	if (!business && seconds % WEEK == 0)
		append_count(s, seconds / WEEK, "", "week");
	else if (!business && seconds % DAY == 0 && seconds >= 3 * DAY)
		append_count(s, seconds / DAY, "", "day");
	else if (seconds % HOUR == 0)
		append_count(s, seconds / HOUR, working, "hour");
	else if (seconds % 60 == 0)
		append_count(s, seconds / 60, working, "minute");
	else
		append_count(s, seconds, working, "second");
}

static void append_who(GString *s, enum rule_who who, const char *address)
{
	switch (who) {
	case RULE_WHO_OWNER:
		g_string_append(s, "the owner");
		break;
	case RULE_WHO_MANAGER:
		g_string_append(s, "the owner's manager");
		break;
	case RULE_WHO_ADDRESS:
		g_string_append(s, address != NULL ? address : "nobody");
		break;
	case RULE_WHO_NONE:
	default:
		g_string_append(s, "nobody");
		break;
	}
}

static void describe_acknowledge(GString *s, const struct rule *rule)
{
	g_string_append_printf(s, "Acknowledge each new inquiry once, in the buyer's "
	                       "language, with the templates %s*.txt, unless it is older "
	                       "than ", rule->template_base != NULL ? rule->template_base : "");
	append_duration(s, rule->max_age, false);
	g_string_append(s, "; at most one per sender per ");
	append_duration(s, rule->ack_interval, false);
	g_string_append_printf(s, ", %u per domain and %u an hour in all.", rule->ack_domain_cap,
	                       rule->ack_hourly_cap);
}

/* What must happen, by when. */
static void describe_goal(GString *s, const struct rule *rule)
{
	bool inquiry = rule->on == RULE_ON_INQUIRY;
	bool ours = rule->until == RULE_UNTIL_OUR_REPLY;

	if (inquiry && ours)
		g_string_append(s, "Every inquiry must get our first reply within ");
	else if (inquiry)
		g_string_append(s, "After every inquiry, the customer must write again within ");
	else if (ours)
		g_string_append(s, "After each quotation we send, we must write again within ");
	else
		g_string_append(s, "Each quotation we send must get the customer's reply "
		                   "within ");
	append_duration(s, rule->within.seconds, rule->within.business);
}

static void describe_service_level(GString *s, const struct rule *rule)
{
	describe_goal(s, rule);
	g_string_append(s, "; ");
	if (rule->warn_at_percent > 0) {
		g_string_append(s, "warn ");
		append_who(s, rule->notify, rule->notify_address);
		g_string_append_printf(s, " at %u%%%s", rule->warn_at_percent,
		                       rule->has_escalate ? ", " : " and ");
	}
	g_string_append(s, "tell ");
	append_who(s, rule->notify, rule->notify_address);
	g_string_append(s, " when it is late");
	if (rule->has_escalate) {
		g_string_append(s, ", and ");
		append_who(s, rule->escalate_to, rule->escalate_address);
		g_string_append(s, " ");
		append_duration(s, rule->escalate_after.seconds, rule->escalate_after.business);
		g_string_append(s, " after that");
	}
	g_string_append(s, ".");
	if (rule->pause_while == (RULE_PAUSE_WAITING_ON_CUSTOMER | RULE_PAUSE_OUT_OF_OFFICE))
		g_string_append(s, " The clock stops while we wait for the customer and "
		                   "while the customer is away (an auto-reply).");
	else if (rule->pause_while & RULE_PAUSE_WAITING_ON_CUSTOMER)
		g_string_append(s, " The clock stops while we wait for the customer.");
	else if (rule->pause_while & RULE_PAUSE_OUT_OF_OFFICE)
		g_string_append(s, " The clock stops while the customer is away "
		                   "(an auto-reply).");
}

/* "the owner and finance@example.com" */
static void append_recipients(GString *s, const struct rule *rule)
{
	for (size_t i = 0; i < rule->n_recipients; i++) {
		if (i > 0)
			g_string_append(s, i + 1 == rule->n_recipients ? " and " : ", ");
		append_who(s, rule->recipients[i].who, rule->recipients[i].address);
	}
}

static void describe_payment(GString *s, const struct rule *rule)
{
	if (rule->action == RULE_ACTION_REMIND_CUSTOMER)
		g_string_append_printf(s, "Remind the buyer of an unpaid order, in their language, "
		                       "with the templates %s*.txt, ", rule->template_base);
	else {
		g_string_append(s, "Tell ");
		append_recipients(s, rule);
		g_string_append(s, " about an unpaid order ");
	}
	if (rule->before > 0) {
		append_duration(s, rule->before, false);
		g_string_append(s, " before its payment is due, and ");
	}
	if (rule->late_every > 0) {
		g_string_append(s, "every ");
		append_duration(s, rule->late_every, false);
		g_string_append(s, " after the due date while it stays unpaid");
	} else {
		g_string_append(s, "once the day after the due date if it is still unpaid");
	}
	g_string_append(s, "; once each time, never after it is paid.");
	if (rule->action == RULE_ACTION_REMIND_CUSTOMER && rule->n_recipients > 0) {
		g_string_append(s, " Tell ");
		append_recipients(s, rule);
		g_string_append(s, " each time too.");
	}
}

static void describe_next_action(GString *s, const struct rule *rule)
{
	g_string_append(s, "Tell ");
	append_recipients(s, rule);
	g_string_append(s, " when a customer's next-action date arrives, once for each date.");
}

static void describe_silence(GString *s, const struct rule *rule)
{
	g_string_append(s, "Tell ");
	append_recipients(s, rule);
	g_string_append(s, " when a customer");
	if (rule->grades != NULL) {
		g_string_append(s, " of grade ");
		for (size_t i = 0; rule->grades[i] != NULL; i++) {
			if (i > 0)
				g_string_append(s, rule->grades[i + 1] == NULL ? " or " : ", ");
			g_string_append(s, rule->grades[i]);
		}
	}
	g_string_append(s, " has written nothing for ");
	append_duration(s, rule->within.seconds, false);
	g_string_append(s, ", once for each silence.");
}

char *rule_describe(const struct rule *rule)
{
	GString *s = g_string_new(NULL);

	if (rule == NULL)
		return g_string_free(s, FALSE);
	if (rule->action == RULE_ACTION_ACKNOWLEDGE)
		describe_acknowledge(s, rule);
	else if (rule->on == RULE_ON_PAYMENT_DUE)
		describe_payment(s, rule);
	else if (rule->on == RULE_ON_NEXT_ACTION)
		describe_next_action(s, rule);
	else if (rule->on == RULE_ON_SILENCE)
		describe_silence(s, rule);
	else
		describe_service_level(s, rule);
	return g_string_free(s, FALSE);
}

const char *rule_trigger_name(enum rule_trigger on)
{
	switch (on) {
	case RULE_ON_INQUIRY:
		return "inquiry";
	case RULE_ON_QUOTE:
		return "quote";
	case RULE_ON_PAYMENT_DUE:
		return "payment-due";
	case RULE_ON_NEXT_ACTION:
		return "next-action";
	case RULE_ON_SILENCE:
		return "silence";
	}
	return "?";
}

const char *rule_action_name(enum rule_action action)
{
	switch (action) {
	case RULE_ACTION_ACKNOWLEDGE:
		return "acknowledge";
	case RULE_ACTION_SLA:
		return "service-level";
	case RULE_ACTION_NOTIFY:
		return "notify";
	case RULE_ACTION_REMIND_CUSTOMER:
		return "remind-customer";
	}
	return "?";
}

bool rule_is_sheet(const struct rule *rule)
{
	return rule->on == RULE_ON_PAYMENT_DUE || rule->on == RULE_ON_NEXT_ACTION ||
	       rule->on == RULE_ON_SILENCE;
}
