/* Rule sections checked and described (rules/rule_set.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "config/config.h"
#include "rules/rule_set.h"

#define CONF "/etc/followup/followup.conf"
#define H 3600
#define D (24 * H)

/* A struct config holding only [rule] sections, from text written like
 * the file: "[rule NAME]" and "key = value" lines, counted from line 1. */
static struct config *config_of_rules(const char *text)
{
	struct config *cfg = g_new0(struct config, 1);
	GArray *rules = g_array_new(FALSE, TRUE, sizeof(struct ini_section));
	char **lines = g_strsplit(text, "\n", -1);
	size_t i;

	cfg->path = g_strdup(CONF);
	for (i = 0; lines[i] != NULL; i++) {
		const char *line = lines[i];
		size_t len = strlen(line);

		if (g_str_has_prefix(line, "[rule ") && len > 6 && line[len - 1] == ']') {
			struct ini_section r = { 0 };

			r.name = g_strndup(line + 6, len - 7);
			r.line = (int)i + 1;
			g_array_append_val(rules, r);
			continue;
		}
		if (line[0] == '\0')
			continue;
		{
			struct ini_section *r = &g_array_index(rules, struct ini_section,
			                                       rules->len - 1);
			const char *eq = strchr(line, '=');
			struct ini_item item;

			assert_non_null(eq);
			item.key = g_strstrip(g_strndup(line, (gsize)(eq - line)));
			item.value = g_strstrip(g_strdup(eq + 1));
			item.line = (int)i + 1;
			r->items = g_renew(struct ini_item, r->items, r->n_items + 1);
			r->items[r->n_items++] = item;
		}
	}
	g_strfreev(lines);
	cfg->n_rules = rules->len;
	cfg->rules = (struct ini_section *)(void *)g_array_free(rules, FALSE);
	return cfg;
}

static void config_of_rules_free(struct config **cfg)
{
	size_t i, j;

	for (i = 0; i < (*cfg)->n_rules; i++) {
		for (j = 0; j < (*cfg)->rules[i].n_items; j++) {
			g_free((*cfg)->rules[i].items[j].key);
			g_free((*cfg)->rules[i].items[j].value);
		}
		g_free((*cfg)->rules[i].items);
		g_free((*cfg)->rules[i].name);
	}
	g_free((*cfg)->rules);
	g_free((*cfg)->path);
	g_free(*cfg);
	*cfg = NULL;
}

/* The rule set of text, which must be valid. */
static struct rule_set *rules_of(const char *text)
{
	struct config *cfg = config_of_rules(text);
	struct rule_set *set = NULL;
	char *error = NULL;

	if (rule_set_new(cfg->path, cfg->rules, cfg->n_rules, &set, &error) < 0)
		fail_msg("unexpected error: %s", error);
	assert_null(error);
	assert_non_null(set);
	config_of_rules_free(&cfg);
	return set;
}

static const char contract_rules[] =
	"[rule ack-inquiry]\n"
	"on = inquiry\n"
	"action = acknowledge\n"
	"template = /etc/followup/templates/ack\n"
	"max-age = 24h\n"
	"\n"
	"[rule first-response]\n"
	"on = inquiry\n"
	"until = our-reply\n"
	"within = 24h business\n"
	"notify = owner\n"
	"escalate = manager after 24h business\n"
	"\n"
	"[rule quote-follow-up]\n"
	"on = quote\n"
	"until = customer-reply\n"
	"within = 3d\n"
	"notify = owner\n";

static void test_contract_rules(void **state)
{
	struct rule_set *set = rules_of(contract_rules);
	const struct rule *r;

	(void)state;
	assert_int_equal(set->n_rules, 3);

	r = rule_set_find(set, "ack-inquiry");
	assert_non_null(r);
	assert_ptr_equal(r, &set->rules[0]);
	assert_string_equal(r->name, "ack-inquiry");
	assert_int_equal(r->line, 1);
	assert_int_equal(r->on, RULE_ON_INQUIRY);
	assert_int_equal(r->action, RULE_ACTION_ACKNOWLEDGE);
	assert_string_equal(r->template_base, "/etc/followup/templates/ack");
	assert_int_equal(r->max_age, 24 * H);
	assert_int_equal(r->ack_interval, 24 * H);
	assert_int_equal(r->ack_domain_cap, 5);
	assert_int_equal(r->ack_hourly_cap, 60);

	r = rule_set_find(set, "first-response");
	assert_ptr_equal(r, &set->rules[1]);
	assert_int_equal(r->line, 7);
	assert_int_equal(r->on, RULE_ON_INQUIRY);
	assert_int_equal(r->action, RULE_ACTION_SLA);
	assert_int_equal(r->until, RULE_UNTIL_OUR_REPLY);
	assert_int_equal(r->within.seconds, 24 * H);
	assert_true(r->within.business);
	assert_int_equal(r->warn_at_percent, 0);
	assert_int_equal(r->notify, RULE_WHO_OWNER);
	assert_null(r->notify_address);
	assert_true(r->has_escalate);
	assert_int_equal(r->escalate_to, RULE_WHO_MANAGER);
	assert_null(r->escalate_address);
	assert_int_equal(r->escalate_after.seconds, 24 * H);
	assert_true(r->escalate_after.business);
	assert_int_equal(r->pause_while, 0);
	assert_null(r->template_base);

	r = rule_set_find(set, "QUOTE-follow-up");   /* names: any case */
	assert_ptr_equal(r, &set->rules[2]);
	assert_int_equal(r->on, RULE_ON_QUOTE);
	assert_int_equal(r->until, RULE_UNTIL_CUSTOMER_REPLY);
	assert_int_equal(r->within.seconds, 3 * D);
	assert_false(r->within.business);
	assert_false(r->has_escalate);
	assert_int_equal(r->escalate_to, RULE_WHO_NONE);
	assert_int_equal(r->escalate_after.seconds, 0);

	assert_null(rule_set_find(set, "missing"));
	assert_null(rule_set_find(set, NULL));
	assert_null(rule_set_find(NULL, "ack-inquiry"));
	rule_set_free(&set);
	assert_null(set);
	rule_set_free(&set);   /* twice: harmless */
}

static void test_defaults(void **state)
{
	struct rule_set *set = rules_of("[rule a]\n"
	                                "on = inquiry\n"
	                                "action = acknowledge\n"
	                                "template = t/ack\n"
	                                "[rule b]\n"
	                                "on = inquiry\n"
	                                "within = 90m\n"
	                                "[rule c]\n"
	                                "on = quote\n"
	                                "within = 2h\n"
	                                "[rule d]\n"
	                                "on = Quote\n"
	                                "until = OUR-REPLY\n"
	                                "within = 1w\n"
	                                "[rule e]\n"
	                                "on = inquiry\n"
	                                "until = customer-reply\n"
	                                "within = 45s\n");
	(void)state;
	assert_int_equal(set->n_rules, 5);
	assert_int_equal(set->rules[0].max_age, D);
	assert_int_equal(set->rules[0].ack_interval, D);
	assert_int_equal(set->rules[0].ack_domain_cap, 5);
	assert_int_equal(set->rules[0].ack_hourly_cap, 60);
	assert_string_equal(set->rules[0].template_base, "t/ack");   /* as written */
	assert_int_equal(set->rules[1].until, RULE_UNTIL_OUR_REPLY);
	assert_int_equal(set->rules[1].within.seconds, 90 * 60);
	assert_false(set->rules[1].within.business);
	assert_int_equal(set->rules[1].notify, RULE_WHO_OWNER);
	assert_int_equal(set->rules[1].warn_at_percent, 0);
	assert_false(set->rules[1].has_escalate);
	assert_int_equal(set->rules[2].until, RULE_UNTIL_CUSTOMER_REPLY);
	assert_int_equal(set->rules[3].on, RULE_ON_QUOTE);
	assert_int_equal(set->rules[3].until, RULE_UNTIL_OUR_REPLY);
	assert_int_equal(set->rules[3].within.seconds, 7 * D);
	assert_int_equal(set->rules[4].until, RULE_UNTIL_CUSTOMER_REPLY);
	assert_int_equal(set->rules[4].within.seconds, 45);
	rule_set_free(&set);
}

static void test_every_key(void **state)
{
	struct rule_set *set = rules_of("[rule ack]\n"
	                                "on = inquiry\n"
	                                "action = Acknowledge\n"
	                                "template = /srv/t/danke\n"
	                                "max-age = 3d\n"
	                                "ack-interval = 12h\n"
	                                "ack-domain-cap = 20\n"
	                                "ack-hourly-cap = 100000\n"
	                                "[rule sla]\n"
	                                "on = quote\n"
	                                "until = customer-reply\n"
	                                "within = 90m business\n"
	                                "warn-at = 80 %\n"
	                                "notify = Sales.Lead@Example.COM\n"
	                                "escalate = boss@example.com after 1d\n"
	                                "pause-while = out-of-office , waiting-on-customer\n"
	                                "[rule sla2]\n"
	                                "on = inquiry\n"
	                                "within = 8h business\n"
	                                "warn-at = 1%\n"
	                                "notify = manager\n"
	                                "escalate = owner AFTER 2d\n"
	                                "pause-while = waiting-on-customer\n"
	                                "[rule sla3]\n"
	                                "on = inquiry\n"
	                                "within = 1h\n"
	                                "warn-at = 99%\n"
	                                "pause-while = out-of-office\n");
	const struct rule *r;

	(void)state;
	r = &set->rules[0];
	assert_int_equal(r->action, RULE_ACTION_ACKNOWLEDGE);
	assert_string_equal(r->template_base, "/srv/t/danke");
	assert_int_equal(r->max_age, 3 * D);
	assert_int_equal(r->ack_interval, 12 * H);
	assert_int_equal(r->ack_domain_cap, 20);
	assert_int_equal(r->ack_hourly_cap, 100000);

	r = &set->rules[1];
	assert_int_equal(r->within.seconds, 90 * 60);
	assert_true(r->within.business);
	assert_int_equal(r->warn_at_percent, 80);
	assert_int_equal(r->notify, RULE_WHO_ADDRESS);
	assert_string_equal(r->notify_address, "sales.lead@example.com");
	assert_true(r->has_escalate);
	assert_int_equal(r->escalate_to, RULE_WHO_ADDRESS);
	assert_string_equal(r->escalate_address, "boss@example.com");
	assert_int_equal(r->escalate_after.seconds, D);
	assert_false(r->escalate_after.business);
	assert_int_equal(r->pause_while,
	                 RULE_PAUSE_OUT_OF_OFFICE | RULE_PAUSE_WAITING_ON_CUSTOMER);

	r = &set->rules[2];
	assert_int_equal(r->warn_at_percent, 1);
	assert_int_equal(r->notify, RULE_WHO_MANAGER);
	assert_int_equal(r->escalate_to, RULE_WHO_OWNER);
	assert_int_equal(r->escalate_after.seconds, 2 * D);
	assert_int_equal(r->pause_while, RULE_PAUSE_WAITING_ON_CUSTOMER);

	r = &set->rules[3];
	assert_int_equal(r->warn_at_percent, 99);
	assert_int_equal(r->pause_while, RULE_PAUSE_OUT_OF_OFFICE);
	rule_set_free(&set);
}

static void test_no_rules(void **state)
{
	struct config cfg = { .path = (char *)CONF };
	struct rule_set *set = NULL;
	char *error = NULL;

	(void)state;
	assert_int_equal(rule_set_new(cfg.path, cfg.rules, cfg.n_rules, &set, &error), 0);
	assert_non_null(set);
	assert_int_equal(set->n_rules, 0);
	assert_null(error);
	assert_null(rule_set_find(set, "x"));
	rule_set_free(&set);

	assert_int_equal(rule_set_new(CONF, NULL, 1, &set, &error), -1);
	assert_null(set);
	assert_string_equal(error, "no configuration to read rules from");
	g_free(error);
	error = rule_describe(NULL);
	assert_string_equal(error, "");
	g_free(error);
}

struct error_case {
	const char *text;
	const char *error;
};

#define SLA "[rule r]\non = inquiry\nwithin = 1h\n"
#define ACK "[rule r]\non = inquiry\naction = acknowledge\ntemplate = /t/ack\n"
#define P CONF ":"

static const struct error_case error_cases[] = {
	/* the file's syntax, per key */
	{ SLA "bogus = 1",
	  P "4: [rule r] bogus: unknown key (known keys: on, action, template, max-age, "
	  "ack-interval, ack-domain-cap, ack-hourly-cap, until, within, warn-at, notify, "
	  "escalate, "
	  "pause-while, before, late-every, grade)" },
	{ SLA "within = 2h",
	  P "4: [rule r] within: given twice (first at line 3; keep one)" },
	{ "[rule r]\non =\nwithin = 1h",
	  P "2: [rule r] on: empty value (write e.g. 'on = inquiry')" },
	{ SLA "warn-at =",
	  P "4: [rule r] warn-at: empty value (write e.g. 'warn-at = 75%')" },
	/* on, action */
	{ "[rule r]\non = order\nwithin = 1h",
	  P "2: [rule r] on: 'order' is not a trigger (write on = inquiry, quote, payment-due, "
	  "next-action or silence)" },
	{ SLA "action = reply",
	  P "4: [rule r] action: 'reply' is not an action (write action = acknowledge or "
	  "action = remind-customer, or leave the line out for a service level or an alert)" },
	/* the sheet's dates */
	{ "[rule r]\non = silence\n",
	  P "1: [rule r] within: missing (add a line 'within = 24h business')" },
	{ "[rule r]\non = silence\nwithin = 8h business",
	  P "3: [rule r] within: '8h business': silence is counted in calendar time (write "
	  "e.g. within = 60d)" },
	{ "[rule r]\non = next-action\nwithin = 1d",
	  P "3: [rule r] within: not for a rule on = next-action (remove it; such a rule takes "
	  "on, action, notify)" },
	{ "[rule r]\non = payment-due\ngrade = S",
	  P "3: [rule r] grade: not for a rule on = payment-due (remove it; such a rule takes "
	  "on, action, notify, before, late-every)" },
	{ "[rule r]\non = payment-due\ntemplate = /t/pay",
	  P "3: [rule r] template: only for action = remind-customer (remove it, or add "
	  "action = remind-customer)" },
	{ "[rule r]\non = payment-due\naction = remind-customer",
	  P "1: [rule r] template: missing (add a line 'template = "
	  "/etc/followup/templates/ack')" },
	{ "[rule r]\non = next-action\naction = remind-customer\ntemplate = /t/pay",
	  P "2: [rule r] on: 'next-action': only a payment-due rule reminds the customer "
	  "(write on = payment-due, or remove action = remind-customer)" },
	{ "[rule r]\non = inquiry\nwithin = 1h\nbefore = 3d",
	  P "4: [rule r] before: not for a rule on = inquiry (remove it; such a rule takes on, "
	  "action, until, within, warn-at, notify, escalate, pause-while)" },
	{ "[rule r]\non = payment-due\nbefore = 90m",
	  P "3: [rule r] before: '90m' is finer than an hour (write hours or days, e.g. 3d)" },
	{ "[rule r]\non = payment-due\nlate-every = 3d business",
	  P "3: [rule r] late-every: '3d business' counts working time in days or weeks, which "
	  "is unclear (write working hours: 24h business is 24 working hours)" },
	{ "[rule r]\non = payment-due\nnotify = owner, nobody",
	  P "3: [rule r] notify: 'nobody' is nobody to tell (write notify = owner, notify = "
	  "manager or an e-mail address; several separated by commas)" },
	{ "[rule r]\non = payment-due\nnotify = owner, Owner",
	  P "3: [rule r] notify: 'Owner' is named twice (keep one)" },
	{ "[rule r]\non = inquiry\nwithin = 1h\nnotify = owner, boss@example.com",
	  P "4: [rule r] notify: a service level tells one person, and escalates to another "
	  "(write notify = owner and escalate = manager after 24h business)" },
	{ "[rule r]\non = silence\nwithin = 60d\ngrade = S,,A",
	  P "4: [rule r] grade: 'S,,A' is not a list of grades (write e.g. grade = S, A)" },
	/* template */
	{ ACK "template = /t/ack.txt",
	  P "5: [rule r] template: given twice (first at line 4; keep one)" },
	{ "[rule r]\non = inquiry\naction = acknowledge\ntemplate = /t/ack.txt",
	  P "4: [rule r] template: '/t/ack.txt' names one file (write the common start of "
	  "the files: template = /t/ack stands for /t/ack.txt, /t/ack.de.txt …)" },
	{ "[rule r]\non = inquiry\naction = acknowledge\ntemplate = /t/",
	  P "4: [rule r] template: '/t/' is a directory (add the start of the file names: "
	  "/t/ack for ack.txt, ack.de.txt …)" },
	{ "[rule r]\non = inquiry\naction = acknowledge\ntemplate = /t/a\tb",
	  P "4: [rule r] template: not a usable path (write template = "
	  "/etc/followup/templates/ack)" },
	/* max-age, ack-interval, ack-domain-cap */
	{ ACK "max-age = 1 day",
	  P "5: [rule r] max-age: '1 day' is not a duration (write 24h, 3d, 90m, or 24h "
	  "business for working time)" },
	{ ACK "max-age = 24h business",
	  P "5: [rule r] max-age: '24h business' cannot be working time here (write "
	  "calendar time, e.g. 24h)" },
	{ ACK "ack-interval = 0h",
	  P "5: [rule r] ack-interval: '0h' is no time at all (write more than 0, e.g. 1h)" },
	{ ACK "ack-domain-cap = 0",
	  P "5: [rule r] ack-domain-cap: '0' is not a number of acknowledgements (write a "
	  "whole number from 1 to 100000, e.g. ack-domain-cap = 5)" },
	{ ACK "ack-domain-cap = 5x",
	  P "5: [rule r] ack-domain-cap: '5x' is not a number of acknowledgements (write a "
	  "whole number from 1 to 100000, e.g. ack-domain-cap = 5)" },
	{ ACK "ack-domain-cap = 100001",
	  P "5: [rule r] ack-domain-cap: '100001' is not a number of acknowledgements "
	  "(write a whole number from 1 to 100000, e.g. ack-domain-cap = 5)" },
	{ ACK "ack-hourly-cap = 0",
	  P "5: [rule r] ack-hourly-cap: '0' is not a number of acknowledgements (write a "
	  "whole number from 1 to 100000, e.g. ack-hourly-cap = 60)" },
	{ ACK "ack-hourly-cap = 60/h",
	  P "5: [rule r] ack-hourly-cap: '60/h' is not a number of acknowledgements (write a "
	  "whole number from 1 to 100000, e.g. ack-hourly-cap = 60)" },
	{ ACK "ack-hourly-cap = 1000000",
	  P "5: [rule r] ack-hourly-cap: '1000000' is not a number of acknowledgements "
	  "(write a whole number from 1 to 100000, e.g. ack-hourly-cap = 60)" },
	{ ACK "ack-hourly-cap = 30\nack-hourly-cap = 40",
	  P "6: [rule r] ack-hourly-cap: given twice (first at line 5; keep one)" },
	{ ACK "ack-domain-cap = -1",
	  P "5: [rule r] ack-domain-cap: '-1' is not a number of acknowledgements (write a "
	  "whole number from 1 to 100000, e.g. ack-domain-cap = 5)" },
	/* until, within */
	{ SLA "until = reply",
	  P "4: [rule r] until: 'reply' is not what stops the clock (write until = "
	  "our-reply or until = customer-reply)" },
	{ "[rule r]\non = inquiry\nwithin = 24",
	  P "3: [rule r] within: '24' is not a duration (write 24h, 3d, 90m, or 24h "
	  "business for working time)" },
	{ "[rule r]\non = inquiry\nwithin = 24h busy",
	  P "3: [rule r] within: '24h busy' is not a duration (write 24h, 3d, 90m, or 24h "
	  "business for working time)" },
	{ "[rule r]\non = inquiry\nwithin = 2d business",
	  P "3: [rule r] within: '2d business' counts working time in days or weeks, which "
	  "is unclear (write working hours: 24h business is 24 working hours)" },
	{ "[rule r]\non = inquiry\nwithin = 3651d",
	  P "3: [rule r] within: '3651d' is too long (write at most 3650d)" },
	/* warn-at */
	{ SLA "warn-at = 75",
	  P "4: [rule r] warn-at: '75' is not a percentage from 1% to 99% (write "
	  "warn-at = 75%)" },
	{ SLA "warn-at = 0%",
	  P "4: [rule r] warn-at: '0%' is not a percentage from 1% to 99% (write "
	  "warn-at = 75%)" },
	{ SLA "warn-at = 100%",
	  P "4: [rule r] warn-at: '100%' is not a percentage from 1% to 99% (write "
	  "warn-at = 75%)" },
	{ SLA "warn-at = 7.5%",
	  P "4: [rule r] warn-at: '7.5%' is not a percentage from 1% to 99% (write "
	  "warn-at = 75%)" },
	/* notify, escalate */
	{ SLA "notify = the boss",
	  P "4: [rule r] notify: 'the boss' is nobody to tell (write notify = owner, notify = "
	  "manager or an e-mail address; several separated by commas)" },
	{ SLA "notify = boss@localhost",
	  P "4: [rule r] notify: 'boss@localhost' is nobody to tell (write notify = owner, notify = "
	  "manager or an e-mail address; several separated by commas)" },
	{ SLA "escalate = manager",
	  P "4: [rule r] escalate: 'manager' is not an escalation (write escalate = manager "
	  "after 24h business, or WHO after DURATION with WHO owner, manager or an e-mail "
	  "address)" },
	{ SLA "escalate = manager in 24h",
	  P "4: [rule r] escalate: 'manager in 24h' is not an escalation (write escalate = "
	  "manager after 24h business, or WHO after DURATION with WHO owner, manager or an "
	  "e-mail address)" },
	{ SLA "escalate = manager after",
	  P "4: [rule r] escalate: 'manager after' is not an escalation (write escalate = "
	  "manager after 24h business, or WHO after DURATION with WHO owner, manager or an "
	  "e-mail address)" },
	{ SLA "escalate = ceo after 1d",
	  P "4: [rule r] escalate: 'ceo' is nobody to tell (write escalate = manager after "
	  "24h business, or WHO after DURATION with WHO owner, manager or an e-mail "
	  "address)" },
	{ SLA "escalate = manager after soon",
	  P "4: [rule r] escalate: 'soon' is not a duration (write 24h, 3d, 90m, or 24h "
	  "business for working time)" },
	/* pause-while */
	{ SLA "pause-while = weekend",
	  P "4: [rule r] pause-while: 'weekend' is not a reason to pause (write "
	  "waiting-on-customer, out-of-office, or both separated by a comma)" },
	{ SLA "pause-while = out-of-office,",
	  P "4: [rule r] pause-while: '' is not a reason to pause (write "
	  "waiting-on-customer, out-of-office, or both separated by a comma)" },
	/* keys that do not go with the action */
	{ SLA "template = /t/ack",
	  P "4: [rule r] template: only for action = acknowledge (remove it, or add "
	  "action = acknowledge)" },
	{ SLA "ack-hourly-cap = 3",
	  P "4: [rule r] ack-hourly-cap: only for action = acknowledge (remove it, or add "
	  "action = acknowledge)" },
	{ SLA "ack-domain-cap = 3",
	  P "4: [rule r] ack-domain-cap: only for action = acknowledge (remove it, or add "
	  "action = acknowledge)" },
	{ ACK "within = 24h",
	  P "5: [rule r] within: not for action = acknowledge (remove it; a service level "
	  "is a rule of its own, without action)" },
	{ ACK "notify = owner",
	  P "5: [rule r] notify: not for action = acknowledge (remove it; a service level "
	  "is a rule of its own, without action)" },
	/* the action is told wherever it is written */
	{ "[rule r]\non = inquiry\nwithin = 2h\naction = acknowledge\ntemplate = /t/ack",
	  P "3: [rule r] within: not for action = acknowledge (remove it; a service level "
	  "is a rule of its own, without action)" },
	{ "[rule r]\non = quote\naction = acknowledge\ntemplate = /t/ack",
	  P "2: [rule r] on: 'quote': only inquiries are acknowledged (write on = inquiry, "
	  "or remove action = acknowledge for a service level)" },
	/* missing keys: the section's line */
	{ "\n[rule r]\nwithin = 1h",
	  P "2: [rule r] on: missing (add a line 'on = inquiry')" },
	{ "[rule r]\non = inquiry\nwarn-at = 75%",
	  P "1: [rule r] within: missing (add a line 'within = 24h business')" },
	{ "[rule r]\naction = acknowledge\non = inquiry",
	  P "1: [rule r] template: missing (add a line "
	  "'template = /etc/followup/templates/ack')" },
	{ "[rule r]",
	  P "1: [rule r] on: missing (add a line 'on = inquiry')" },
	/* names */
	{ SLA "[rule a]\non = quote\nwithin = 1d\n[rule R]\non = quote\nwithin = 2d",
	  P "7: [rule R]: given twice (first at line 1; rename one of them)" },
	{ "[rule ]\non = quote\nwithin = 1d",
	  P "1: [rule ]: a rule needs a name (write e.g. [rule first-response])" },
	{ "[rule first response]\non = quote\nwithin = 1d",
	  P "1: [rule first response]: a name holds only letters, digits, '-', '_' and '.' "
	  "(write e.g. [rule first-response])" },
	/* the first error in the file wins */
	{ "[rule a]\non = inquiry\nwithin = 1h\n[rule b]\nwithin = 1x\non = nothing",
	  P "5: [rule b] within: '1x' is not a duration (write 24h, 3d, 90m, or 24h "
	  "business for working time)" },
};

static void test_errors(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < G_N_ELEMENTS(error_cases); i++) {
		struct config *cfg = config_of_rules(error_cases[i].text);
		struct rule_set *set = (struct rule_set *)&set;  /* must be reset */
		char *error = NULL;

		if (rule_set_new(cfg->path, cfg->rules, cfg->n_rules, &set, &error) != -1)
			fail_msg("case %zu accepted:\n%s", i, error_cases[i].text);
		assert_null(set);
		assert_non_null(error);
		if (strcmp(error, error_cases[i].error) != 0)
			fail_msg("case %zu:\n%s\n  got:      %s\n  expected: %s", i,
			         error_cases[i].text, error, error_cases[i].error);
		g_free(error);
		config_of_rules_free(&cfg);
	}
}

struct duration_case {
	const char *text;
	int64_t seconds;      /* 0: an error */
	bool business;
	const char *error;
};

static const struct duration_case duration_cases[] = {
	{ "24h business", 24 * H, true, NULL },
	{ "3d", 3 * D, false, NULL },
	{ "90m", 90 * 60, false, NULL },
	{ "45s", 45, false, NULL },
	{ "2w", 14 * D, false, NULL },
	{ " 2 h ", 2 * H, false, NULL },
	{ "24H Business", 24 * H, true, NULL },
	{ "30m  business", 30 * 60, true, NULL },
	{ "90s business", 90, true, NULL },
	{ "3650d", 3650LL * D, false, NULL },
	{ "87600h business", 87600LL * H, true, NULL },
	{ "", 0, false, "is not a duration (write 24h, 3d, 90m, or 24h business for "
	                "working time)" },
	{ "h", 0, false, "is not a duration (write 24h, 3d, 90m, or 24h business for "
	                 "working time)" },
	{ "24", 0, false, "is not a duration (write 24h, 3d, 90m, or 24h business for "
	                  "working time)" },
	{ "-1h", 0, false, "is not a duration (write 24h, 3d, 90m, or 24h business for "
	                   "working time)" },
	{ "1.5h", 0, false, "is not a duration (write 24h, 3d, 90m, or 24h business for "
	                    "working time)" },
	{ "24hbusiness", 0, false, "is not a duration (write 24h, 3d, 90m, or 24h business "
	                           "for working time)" },
	{ "24h business days", 0, false, "is not a duration (write 24h, 3d, 90m, or 24h "
	                                 "business for working time)" },
	{ "business", 0, false, "is not a duration (write 24h, 3d, 90m, or 24h business "
	                        "for working time)" },
	{ "0m", 0, false, "is no time at all (write more than 0, e.g. 1h)" },
	{ "3651d", 0, false, "is too long (write at most 3650d)" },
	{ "522w", 0, false, "is too long (write at most 3650d)" },
	{ "999999999999s", 0, false, "is too long (write at most 3650d)" },
	{ "9999999999999s", 0, false, "is too long (write at most 3650d)" },
	{ "99999999999999999999999h", 0, false, "is too long (write at most 3650d)" },
	{ "1d business", 0, false, "counts working time in days or weeks, which is unclear "
	                           "(write working hours: 24h business is 24 working hours)" },
	{ "1w business", 0, false, "counts working time in days or weeks, which is unclear "
	                           "(write working hours: 24h business is 24 working hours)" },
};

static void test_parse_duration(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < G_N_ELEMENTS(duration_cases); i++) {
		const struct duration_case *c = &duration_cases[i];
		struct rule_duration d = { -1, false };
		const char *error = NULL;
		int ret = rule_parse_duration(c->text, &d, &error);

		if (c->error == NULL) {
			if (ret != 0)
				fail_msg("'%s': %s", c->text, error);
			assert_int_equal(d.seconds, c->seconds);
			assert_int_equal(d.business, c->business);
		} else {
			if (ret != -1)
				fail_msg("'%s' accepted", c->text);
			assert_non_null(error);
			assert_string_equal(error, c->error);
			assert_int_equal(d.seconds, -1);   /* untouched */
		}
	}
	assert_int_equal(rule_parse_duration(NULL, &(struct rule_duration){ 0, false },
	                                     &(const char *){ NULL }), -1);
}

static void assert_describes(const char *text, const char *name, const char *expected)
{
	struct rule_set *set = rules_of(text);
	char *words = rule_describe(rule_set_find(set, name));

	if (strcmp(words, expected) != 0)
		fail_msg("%s:\n  got:      %s\n  expected: %s", name, words, expected);
	g_free(words);
	rule_set_free(&set);
}

static void test_describe_contract(void **state)
{
	(void)state;
	assert_describes(contract_rules, "ack-inquiry",
	                 "Acknowledge each new inquiry once, in the buyer's language, with the "
	                 "templates /etc/followup/templates/ack*.txt, unless it is older than "
	                 "24 hours; at most one per sender per 24 hours, 5 per domain and 60 an "
	                 "hour in all.");
	assert_describes(contract_rules, "first-response",
	                 "Every inquiry must get our first reply within 24 working hours; tell "
	                 "the owner when it is late, and the owner's manager 24 working hours "
	                 "after that.");
	assert_describes(contract_rules, "quote-follow-up",
	                 "Each quotation we send must get the customer's reply within 3 days; "
	                 "tell the owner when it is late.");
}

static void test_sheet_rules(void **state)
{
	(void)state;
	struct rule_set *set = rules_of(
		"[rule pay]\non = payment-due\nbefore = 3d\nlate-every = 3d\n"
		"notify = owner, finance@example.com\n"
		"[rule remind]\non = payment-due\naction = remind-customer\n"
		"template = /t/payment-reminder\nbefore = 2d\n"
		"[rule next]\non = next-action\n"
		"[rule quiet]\non = silence\nwithin = 60d\ngrade = S, A\n");
	const struct rule *pay = rule_set_find(set, "pay");
	const struct rule *remind = rule_set_find(set, "remind");
	const struct rule *next = rule_set_find(set, "next");
	const struct rule *quiet = rule_set_find(set, "quiet");

	assert_true(pay->on == RULE_ON_PAYMENT_DUE && pay->action == RULE_ACTION_NOTIFY);
	assert_true(pay->before == 3 * D && pay->late_every == 3 * D);
	assert_int_equal(pay->n_recipients, 2);
	assert_true(pay->recipients[0].who == RULE_WHO_OWNER);
	assert_true(pay->recipients[1].who == RULE_WHO_ADDRESS);
	assert_string_equal(pay->recipients[1].address, "finance@example.com");
	assert_true(rule_is_sheet(pay) && rule_is_sheet(next) && rule_is_sheet(quiet));
	assert_true(remind->action == RULE_ACTION_REMIND_CUSTOMER);
	assert_int_equal(remind->n_recipients, 0);     /* tells nobody of ours unless asked */
	assert_true(remind->late_every == 0 && remind->before == 2 * D);
	assert_int_equal(next->n_recipients, 1);       /* the owner, left out */
	assert_true(next->recipients[0].who == RULE_WHO_OWNER);
	assert_true(quiet->within.seconds == 60 * D);
	assert_string_equal(quiet->grades[0], "S");
	assert_string_equal(quiet->grades[1], "A");
	assert_null(quiet->grades[2]);
	assert_int_equal(quiet->grades_line, 16);
	assert_string_equal(rule_trigger_name(quiet->on), "silence");
	assert_string_equal(rule_action_name(remind->action), "remind-customer");
	assert_string_equal(rule_action_name(pay->action), "notify");
	rule_set_free(&set);

	assert_describes("[rule pay]\non = payment-due\nbefore = 3d\nlate-every = 3d\n"
	                 "notify = owner, finance@example.com", "pay",
	                 "Tell the owner and finance@example.com about an unpaid order 3 days "
	                 "before its payment is due, and every 3 days after the due date while "
	                 "it stays unpaid; once each time, never after it is paid.");
	assert_describes("[rule r]\non = payment-due\naction = remind-customer\n"
	                 "template = /t/pay\nnotify = owner", "r",
	                 "Remind the buyer of an unpaid order, in their language, with the "
	                 "templates /t/pay*.txt, once the day after the due date if it is still "
	                 "unpaid; once each time, never after it is paid. Tell the owner each "
	                 "time too.");
	assert_describes("[rule n]\non = next-action\nnotify = manager", "n",
	                 "Tell the owner's manager when a customer's next-action date arrives, "
	                 "once for each date.");
	assert_describes("[rule q]\non = silence\nwithin = 60d\ngrade = S, A, B", "q",
	                 "Tell the owner when a customer of grade S, A or B has written nothing "
	                 "for 60 days, once for each silence.");
	assert_describes("[rule q]\non = silence\nwithin = 2w", "q",
	                 "Tell the owner when a customer has written nothing for 2 weeks, once "
	                 "for each silence.");
}

static void test_describe_combinations(void **state)
{
	(void)state;
	/* the header's example */
	assert_describes("[rule r]\non = inquiry\nwithin = 24h business\nwarn-at = 75%\n"
	                 "escalate = manager after 24h business",
	                 "r",
	                 "Every inquiry must get our first reply within 24 working hours; warn "
	                 "the owner at 75%, tell the owner when it is late, and the owner's "
	                 "manager 24 working hours after that.");
	assert_describes("[rule r]\non = quote\nwithin = 3d\nwarn-at = 75%\n", "r",
	                 "Each quotation we send must get the customer's reply within 3 days; "
	                 "warn the owner at 75% and tell the owner when it is late.");
	assert_describes("[rule r]\non = quote\nuntil = our-reply\nwithin = 48h\n"
	                 "notify = manager\nescalate = boss@example.com after 1w",
	                 "r",
	                 "After each quotation we send, we must write again within 48 hours; "
	                 "tell the owner's manager when it is late, and boss@example.com 1 week "
	                 "after that.");
	assert_describes("[rule r]\non = inquiry\nuntil = customer-reply\nwithin = 90m\n"
	                 "notify = desk@example.com\nescalate = owner after 1h business\n"
	                 "pause-while = waiting-on-customer",
	                 "r",
	                 "After every inquiry, the customer must write again within 90 minutes; "
	                 "tell desk@example.com when it is late, and the owner 1 working hour "
	                 "after that. The clock stops while we wait for the customer.");
	assert_describes("[rule r]\non = inquiry\nwithin = 1h business\n"
	                 "pause-while = out-of-office",
	                 "r",
	                 "Every inquiry must get our first reply within 1 working hour; tell "
	                 "the owner when it is late. The clock stops while the customer is "
	                 "away (an auto-reply).");
	assert_describes("[rule r]\non = quote\nwithin = 30s\n"
	                 "pause-while = waiting-on-customer, out-of-office",
	                 "r",
	                 "Each quotation we send must get the customer's reply within 30 "
	                 "seconds; tell the owner when it is late. The clock stops while we "
	                 "wait for the customer and while the customer is away (an "
	                 "auto-reply).");
	assert_describes("[rule r]\non = inquiry\naction = acknowledge\ntemplate = ack\n"
	                 "max-age = 2w\nack-interval = 90m\nack-domain-cap = 1\n"
	                 "ack-hourly-cap = 12",
	                 "r",
	                 "Acknowledge each new inquiry once, in the buyer's language, with the "
	                 "templates ack*.txt, unless it is older than 2 weeks; at most one per "
	                 "sender per 90 minutes, 1 per domain and 12 an hour in all.");
	assert_describes("[rule r]\non = inquiry\nwithin = 100s business\n"
	                 "escalate = manager after 1s",
	                 "r",
	                 "Every inquiry must get our first reply within 100 working seconds; "
	                 "tell the owner when it is late, and the owner's manager 1 second "
	                 "after that.");
}

/* The three rules as the loader hands them over, from a real file. */
static void test_from_loaded_file(void **state)
{
	static const char head[] = "[company]\n"
	                           "name = Acme Pumps\n"
	                           "domains = example.com\n"
	                           "[account sales]\n"
	                           "url = imaps://mail.example.com\n"
	                           "user = sales@example.com\n"
	                           "password = hunter2\n"
	                           "\n";
	char *dir = g_dir_make_tmp("followup-rules-XXXXXX", NULL);
	char *path = g_build_filename(dir, "followup.conf", NULL);
	char *text = g_strconcat(head, contract_rules,
	                         "[rule late]\non = quote\nwithin = 3 days ; oops\n", NULL);
	struct config *cfg = NULL;
	struct rule_set *set = NULL;
	char *error = NULL, *expected;

	(void)state;
	assert_non_null(dir);
	assert_true(g_file_set_contents(path, text, -1, NULL));
	if (config_load(path, &cfg, &error) < 0)
		fail_msg("%s", error);
	assert_int_equal(rule_set_new(cfg->path, cfg->rules, cfg->n_rules, &set, &error), -1);
	expected = g_strdup_printf("%s:29: [rule late] within: '3 days' is not a duration "
	                           "(write 24h, 3d, 90m, or 24h business for working time)",
	                           path);
	assert_string_equal(error, expected);
	g_free(expected);
	g_free(error);
	config_free(&cfg);

	g_free(text);
	text = g_strconcat(head, contract_rules, NULL);
	assert_true(g_file_set_contents(path, text, -1, NULL));
	if (config_load(path, &cfg, &error) < 0)
		fail_msg("%s", error);
	assert_int_equal(rule_set_new(cfg->path, cfg->rules, cfg->n_rules, &set, &error), 0);
	assert_int_equal(set->n_rules, 3);
	assert_int_equal(rule_set_find(set, "first-response")->line, 15);
	assert_int_equal(rule_set_find(set, "quote-follow-up")->within.seconds, 3 * D);
	rule_set_free(&set);
	config_free(&cfg);

	g_remove(path);
	g_rmdir(dir);
	g_free(text);
	g_free(path);
	g_free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_contract_rules),
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_every_key),
		cmocka_unit_test(test_no_rules),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_parse_duration),
		cmocka_unit_test(test_describe_contract),
		cmocka_unit_test(test_describe_combinations),
		cmocka_unit_test(test_sheet_rules),
		cmocka_unit_test(test_from_loaded_file),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
