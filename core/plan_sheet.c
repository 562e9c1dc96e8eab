/*
 * plan_sheet: the sheet's dates in the rules' pass (see plan-private.h).
 * Each occasion core/sheet.c finds is told once: a mail to each person
 * the rule names, and with action = remind-customer a reminder to the
 * buyer; then recorded in sheet_events, also when nobody could be told,
 * so a pass made again (each minute, or after a crash) adds nothing.
 */
#include <string.h>

#include "core/plan-private.h"
#include "core/orders.h"
#include "core/sheet.h"
#include "rules/ack.h"
#include "rules/template_set.h"

/* What the templates of an entry may say (template_sheet_names and
 * template_reminder_names); strings owned. */
struct sheet_words {
	char *owner, *due, *late, *command, *since, *action, *order, *currency;
	char amount[32], paid[32], outstanding[32];
	const char *state;
};

static void words_clear(struct sheet_words *w)
{
	g_free(w->owner);
	g_free(w->due);
	g_free(w->late);
	g_free(w->command);
	g_free(w->since);
	g_free(w->action);
	g_free(w->order);
	g_free(w->currency);
}

static void words_of(const struct core_plan *plan, const struct core_sheet_entry *e,
                     struct sheet_words *w)
{
	const struct bizcal *cal = core_rules_calendar(plan->rules, e->owner);
	const struct store_order *o = e->order;
	char when[32];

	memset(w, 0, sizeof(*w));
	w->owner = plan_person_label(&plan->rt->team, e->owner);
	w->state = e->occ.state == SHEET_DUE_SOON ? "due soon" : sheet_state_name(e->occ.state);
	w->late = e->occ.state == SHEET_DUE_SOON ? g_strdup("-")
	          : plan_human_duration(e->occ.overdue_seconds);
	w->command = g_strdup_printf("followup customer show %s", e->customer->key);
	if (o != NULL) {
		w->due = g_strdup(o->due);
	} else {
		core_sheet_due_shown(plan->rules, e, when, sizeof(when));
		w->due = g_strdup(when);
	}
	if (e->customer->last_inbound != INT64_MIN) {
		bizcal_format_local(cal, e->customer->last_inbound, when, sizeof(when));
		when[10] = '\0';
		w->since = g_strdup(when);
	} else {
		w->since = g_strdup("-");
	}
	w->action = g_strdup(e->customer->next_action != NULL ? e->customer->next_action : "");
	w->order = g_strdup(o != NULL ? o->number : "");
	w->currency = g_strdup(o != NULL ? o->currency : "");
	if (o != NULL) {
		core_amount_format(o->amount_milli, w->amount, sizeof(w->amount));
		core_amount_format(o->paid_milli, w->paid, sizeof(w->paid));
		core_amount_format(MAX(o->amount_milli - o->paid_milli, 0), w->outstanding,
		                   sizeof(w->outstanding));
	}
}

static enum alert_template template_of(const struct rule *rule)
{
	return rule->on == RULE_ON_PAYMENT_DUE ? ALERT_TEMPLATE_PAYMENT
	       : rule->on == RULE_ON_NEXT_ACTION ? ALERT_TEMPLATE_NEXT_ACTION
	       : ALERT_TEMPLATE_SILENCE;
}

/* One alert to one of ours. */
static int tell_one(struct store *st, struct core_plan *plan, const struct core_sheet_entry *e,
                    const struct sheet_words *w, const char *to_addr)
{
	const struct config *cfg = plan->cfg;
	const char *vars[] = {
		"rule", e->rule->name, "customer", e->customer->key, "owner", w->owner,
		"subject", e->subject, "due", w->due, "late", w->late, "state", w->state,
		"command", w->command, "company", cfg->company.name, "order", w->order,
		"amount", w->amount, "paid", w->paid, "outstanding", w->outstanding,
		"currency", w->currency, "action", w->action, "since", w->since,
		"grade", e->grade != NULL ? e->grade : "-", NULL,
	};
	const struct template *t = core_rules_alert(plan->rules, template_of(e->rule), to_addr);
	char *subject = template_render(t->subject, vars, 1);
	char *body = template_render(t->body, vars, 0);
	char *key = g_strdup_printf("sheet/%s/%s/%s/%s", e->rule->name, e->item, e->occ.occasion,
	                            to_addr);
	char *from = plan_address_of(cfg->smtp.from);
	struct msg_address to = { .name = (char *)"", .addr = (char *)to_addr };
	int64_t id = 0;
	int ret = plan_queue_mail(st, cfg, key, "alert", e->rule->name, 0, NULL, &to, from,
	                          subject, body, NULL, NULL, "auto-generated", plan->now, &id,
	                          &plan->error);

	if (ret == 0 && id > 0) {
		plan->queued++;
		plan_note(plan, CORE_NOTE_INFO, "rule %s: %s (%s, %s) to %s queued", e->rule->name,
		          w->state, e->customer->key, e->item, to_addr);
	}
	g_free(subject);
	g_free(body);
	g_free(key);
	g_free(from);
	return ret;
}

/* An alert to each person the rule names (each address once). */
static int tell_people(struct store *st, struct core_plan *plan,
                       const struct core_sheet_entry *e, const struct sheet_words *w)
{
	const struct rule *rule = e->rule;
	const char *told[RULE_MAX_RECIPIENTS] = { NULL };
	size_t n_told = 0;

	for (size_t i = 0; i < rule->n_recipients; i++) {
		const struct rule_recipient *r = &rule->recipients[i];
		const char *to = plan_recipient_of(&plan->rt->team, r->who, r->address, e->owner);
		size_t j;

		if (to == NULL) {
			plan_note(plan, CORE_NOTE_WARNING, "rule %s: %s (%s) is %s, but nobody can be "
			          "told: set [company] alerts-to or the customer's owner", rule->name,
			          e->item, e->customer->key, w->state);
			continue;
		}
		for (j = 0; j < n_told && g_ascii_strcasecmp(told[j], to) != 0; j++)
			;
		if (j < n_told)
			continue;
		told[n_told++] = to;
		if (tell_one(st, plan, e, w, to) < 0)
			return -1;
	}
	return 0;
}

/* The buyer's contact a reminder goes to: the customer's own, who wrote
 * to us, usable (no robot, not ours). 0 with *to_r filled (strings owned
 * by the caller), 1 when there is none, -1. */
static int reminder_to(struct store *st, struct core_plan *plan,
                       const struct store_customer *c, struct msg_address *to_r)
{
	struct store_reminder_contact *contacts = NULL;
	size_t n = 0;
	int ret = 1;

	if (store_reminder_contacts(st, c->id, &contacts, &n, &plan->error) < 0)
		return -1;
	for (size_t i = 0; i < n && ret == 1; i++) {
		struct msg_address a = { .name = contacts[i].name, .addr = contacts[i].address };
		if (!ack_is_usable_recipient(plan->rt->cls, &a))
			continue;
		to_r->name = g_strdup(a.name);
		to_r->addr = g_strdup(a.addr);
		ret = 0;
	}
	store_reminder_contacts_free(&contacts, n);
	return ret;
}

/* action = remind-customer: the polite reminder to the buyer, in their
 * language, in reply to the quotation the order came from. */
static int remind_customer(struct store *st, struct core_plan *plan,
                           const struct core_sheet_entry *e, const struct sheet_words *w)
{
	const struct config *cfg = plan->cfg;
	const struct store_order *o = e->order;
	struct msg_address to = { 0 };
	char *language = NULL, *subject = NULL, *body = NULL, *key = NULL;
	int ret = -1;

	int rc = reminder_to(st, plan, e->customer, &to);
	if (rc != 0) {
		if (rc > 0)
			plan_note(plan, CORE_NOTE_WARNING, "rule %s: nobody at %s to remind about "
			          "order %s (none of theirs has written to us)", e->rule->name,
			          e->customer->key, o->number);
		return rc < 0 ? -1 : 0;
	}
	if (store_customer_language(st, e->customer->id, &language, &plan->error) < 0)
		goto out;
	const char *used = "";
	const struct template *t = template_set_pick(core_rules_ack_templates(plan->rules, e->rule),
	                                             language, &used);
	const struct owner_person *p = owner_find(&plan->rt->team, e->owner);
	const char *owner_shown = p != NULL && p->name != NULL ? p->name : cfg->company.name;
	const char *vars[] = {
		"name", to.name, "company", cfg->company.name, "owner", owner_shown,
		"order", o->number, "amount", w->amount, "paid", w->paid,
		"outstanding", w->outstanding, "currency", o->currency, "due", o->due,
		"late", w->late, NULL,
	};
	subject = template_render(t->subject, vars, 1);
	body = template_render(t->body, vars, 0);
	key = g_strdup_printf("remind/%s/%s/%s/%s", e->rule->name, e->item, e->occ.occasion,
	                      to.addr);
	const char *refs[] = { o->quote_message_id, NULL };
	int64_t id = 0;
	if (plan_queue_mail(st, cfg, key, "reminder", e->rule->name, 0, o->quote_message_id, &to,
	                    cfg->smtp.envelope_from, subject, body, o->quote_message_id,
	                    o->quote_message_id != NULL ? refs : NULL, "auto-generated",
	                    plan->now, &id, &plan->error) < 0)
		goto out;
	if (id > 0) {
		plan->queued++;
		plan_note(plan, CORE_NOTE_INFO, "rule %s: payment reminder for order %s to %s "
		          "queued (template %s)", e->rule->name, o->number, to.addr,
		          used[0] != '\0' ? used : "default");
	}
	ret = 0;
out:
	g_free(to.name);
	g_free(to.addr);
	g_free(language);
	g_free(subject);
	g_free(body);
	g_free(key);
	return ret;
}

static int plan_entry(struct store *st, struct core_plan *plan, const struct core_sheet_entry *e)
{
	struct sheet_words w;
	bool has, added;
	int ret = -1;

	if (e->occ.occasion[0] == '\0' || plan->now < e->occ.mail_at)
		return 0;
	if (store_sheet_event_has(st, e->rule->name, e->item, e->occ.occasion, &has,
	                          &plan->error) < 0)
		return -1;
	if (has)
		return 0;
	words_of(plan, e, &w);
	if (e->rule->action == RULE_ACTION_REMIND_CUSTOMER && remind_customer(st, plan, e, &w) < 0)
		goto out;
	if (tell_people(st, plan, e, &w) < 0)
		goto out;
	ret = store_sheet_event_add(st, e->rule->name, e->item, e->occ.occasion, plan->now, &added,
	                            &plan->error);
out:
	words_clear(&w);
	return ret;
}

int plan_sheet(struct store *st, struct core_plan *plan)
{
	struct core_sheet_list *list = NULL;
	int ret = 0;

	if (core_sheet_list_new(plan->rules, st, plan->now, NULL, NULL, &list, &plan->error) < 0)
		return -1;
	for (guint i = 0; i < list->entries->len && ret == 0; i++)
		ret = plan_entry(st, plan, &g_array_index(list->entries, struct core_sheet_entry, i));
	core_sheet_list_free(&list);
	return ret;
}
