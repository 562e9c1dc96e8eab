/*
 * plan: see plan.h. Runs as a store job on a pool thread, inside the
 * job's transaction.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/plan.h"
#include "core/plan-private.h"
#include "core/analyze.h"
#include "core/sheet.h"
#include "core/report_words.h"
#include "lib/duration.h"
#include "compose/compose.h"
#include "parsers/message.h"
#include "rules/ack.h"
#include "rules/owner.h"

#define SLA_WINDOW (90 * 24 * 3600)       /* older conversations are settled */

void plan_note(struct core_plan *plan, enum core_note_level level, const char *fmt, ...)
{
	va_list args;
	struct core_plan_note n = { .level = level };

	if (plan->notes == NULL)
		plan->notes = g_array_new(FALSE, FALSE, sizeof(struct core_plan_note));
	va_start(args, fmt);
	n.text = g_strdup_vprintf(fmt, args);
	va_end(args);
	g_array_append_val(plan->notes, n);
}

void core_plan_notes_free(struct core_plan *plan)
{
	if (plan->notes == NULL)
		return;
	for (guint i = 0; i < plan->notes->len; i++)
		g_free(g_array_index(plan->notes, struct core_plan_note, i).text);
	g_array_free(plan->notes, TRUE);
	plan->notes = NULL;
}

/* ---- helpers ---- */

char *plan_address_of(const char *from)
{
	const char *lt = strrchr(from, '<'), *gt = lt != NULL ? strchr(lt, '>') : NULL;

	if (lt != NULL && gt != NULL)
		return g_ascii_strdown(lt + 1, gt - lt - 1);
	return g_ascii_strdown(from, -1);
}

/* The domain of our Message-IDs: the sender's, else the company's. New string. */
static char *mail_domain(const struct config *cfg)
{
	char *from = plan_address_of(cfg->smtp.from != NULL ? cfg->smtp.from : "");
	const char *at = strrchr(from, '@');
	char *domain = g_strdup(at != NULL && at[1] != '\0' ? at + 1 : cfg->company.domains[0]);

	g_free(from);
	return domain;
}

char *plan_person_label(const struct owner_team *team, const char *email)
{
	const struct owner_person *p = owner_find(team, email);

	if (p != NULL && p->name != NULL)
		return g_strdup(p->name);
	return g_strdup(email != NULL ? email : "team");
}

static const char *person_name(const struct owner_team *team, const char *email)
{
	const struct owner_person *p = owner_find(team, email);

	return p != NULL && p->name != NULL ? p->name : NULL;
}

char *plan_human_duration(int64_t seconds)
{
	char text[32];

	/* the one way every list and mail writes a span (lib/duration.h) */
	duration_format_hm(MAX(seconds, 0), "-", text, sizeof(text));
	return g_strdup(text);
}

/* Composes in (its Message-ID made from key here) and adds it to the
 * outbox under key. */
static int queue_composed(struct store *st, const struct config *cfg, const char *key,
                          const char *kind, const char *rule, int64_t thread,
                          const char *regarding, const char *envelope_from,
                          struct compose_input *in, int64_t *outbox_id_r, char **error_r)
{
	char *domain = mail_domain(cfg);
	char *mid = compose_message_id(domain, key);
	const char *extra[] = { "X-Followup-Rule", rule != NULL ? rule : kind, NULL };
	const char *cerr = NULL;
	char *raw = NULL;
	size_t len = 0;
	int ret = -1;

	in->from = cfg->smtp.from;
	in->message_id = mid;
	in->extra_headers = extra;
	if (compose_message(in, &raw, &len, &cerr) < 0) {
		*error_r = g_strdup_printf("cannot compose a %s to %s: %s", kind, in->to_addr, cerr);
		goto out;
	}
	struct store_outbox_new m = {
		.key = key,
		.kind = kind,
		.rule = rule,
		.thread = thread,
		.regarding = regarding,
		.recipient = in->to_addr,
		.envelope_from = envelope_from,
		.message_id = mid,
		.subject = in->subject,
		.raw = raw,
		.len = len,
		.created = in->date,
	};
	ret = store_outbox_add(st, &m, outbox_id_r, error_r);
out:
	g_free(raw);
	g_free(mid);
	g_free(domain);
	return ret;
}

int plan_queue_mail(struct store *st, const struct config *cfg, const char *key,
                      const char *kind, const char *rule, int64_t thread, const char *regarding,
                      const struct msg_address *to, const char *envelope_from,
                      const char *subject, const char *body, const char *in_reply_to,
                      const char *const *references, const char *auto_submitted, int64_t now,
                      int64_t *outbox_id_r, char **error_r)
{
	struct compose_input in = {
		.to_name = to->name,
		.to_addr = to->addr,
		.subject = subject,
		.body = body,
		.in_reply_to = in_reply_to,
		.references = references,
		.auto_submitted = auto_submitted,
		.date = now,
	};

	return queue_composed(st, cfg, key, kind, rule, thread, regarding, envelope_from, &in,
	                      outbox_id_r, error_r);
}

int plan_queue_html_mail(struct store *st, const struct config *cfg, const char *key,
                         const char *kind, const struct msg_address *to,
                         const char *envelope_from, const char *subject, const char *text,
                         const char *html, int64_t now, int64_t *outbox_id_r, char **error_r)
{
	struct compose_input in = {
		.to_name = to->name,
		.to_addr = to->addr,
		.subject = subject,
		.body = text,
		.html_body = html,
		.auto_submitted = "auto-generated",
		.date = now,
	};

	return queue_composed(st, cfg, key, kind, NULL, 0, NULL, envelope_from, &in, outbox_id_r,
	                      error_r);
}

/* ---- acknowledgements ---- */

/* An inquiry as the planner needs it: what analysing it found when it was
 * filed (the store keeps it), so it is not parsed again. A row filed
 * before the store kept that is analysed once more, here. */
struct ack_inquiry {
	enum ack_verdict screened;
	struct msg_address to;            /* addr NULL: nowhere */
	const char *subject;
	const char *message_id;           /* to refer to; NULL when made up by us */
	struct analyzed_message *again;   /* owned: the row analysed once more */
};

static bool screening_known(const struct store_ack_candidate *c, enum ack_verdict *verdict_r)
{
	if (!c->screened)
		return false;
	if (c->ack_block[0] == '\0') {
		*verdict_r = ACK_SEND;
		return true;
	}
	int v = ack_verdict_from_text(c->ack_block);
	*verdict_r = (enum ack_verdict)v;
	return v >= 0;     /* a text of another version: analysed again */
}

static int ack_inquiry_get(struct store *st, struct core_plan *plan,
                           const struct store_ack_candidate *c, struct ack_inquiry *q)
{
	unsigned char *raw = NULL;
	size_t len = 0;

	memset(q, 0, sizeof(*q));
	if (screening_known(c, &q->screened)) {
		q->to.addr = c->ack_to_addr;
		q->to.name = c->ack_to_name;
		q->subject = c->subject;
		q->message_id = c->message_id_derived ? NULL : c->message_id;
		return 0;
	}
	if (store_raw_get(st, c->message_id, &raw, &len, &plan->error) != 0)
		return -1;
	q->again = core_analyze(&plan->rt->filing.analyze, raw, len, false, false);
	g_free(raw);
	const struct parsed_message *msg = q->again->msg;
	const struct msg_address *to;
	q->screened = ack_screen(plan->rt->cls, msg, &to);
	if (to != NULL)
		q->to = *to;
	q->subject = msg->subject;
	q->message_id = msg->message_id_derived ? NULL : msg->message_id;
	return 0;
}

static int plan_ack(struct store *st, struct core_plan *plan, const struct rule *rule,
                    const struct store_ack_candidate *c)
{
	const struct config *cfg = plan->cfg;
	const struct core_rules *rules = plan->rules;
	struct ack_inquiry q;
	struct ack_history history;
	char *subject = NULL, *body = NULL, *key = NULL, *owner = NULL;
	int ret = -1;

	if (ack_inquiry_get(st, plan, c, &q) < 0)
		goto out;
	const struct msg_address *to = q.to.addr != NULL ? &q.to : NULL;
	if (store_ack_history(st, rule->name, c->thread, to != NULL ? to->addr : NULL,
	                      plan->now - rule->ack_interval, plan->now - ACK_HOURLY_WINDOW,
	                      &history, &plan->error) < 0)
		goto out;
	enum ack_verdict verdict = ack_decide_screened(plan->rt->cls, rule, q.screened,
	                                               to != NULL ? to->addr : NULL, c->date,
	                                               plan->now, &history);
	if (verdict == ACK_SEND) {
		const char *used = "";
		const struct template *t = template_set_pick(core_rules_ack_templates(rules, rule),
		                                             c->language, &used);
		const struct owner_team *team = &plan->rt->team;
		owner = g_strdup(owner_of_thread(team, NULL, NULL, NULL, c->customer));
		const char *owner_shown = person_name(team, owner);
		const char *vars[] = {
			"subject", q.subject, "name", to->name != NULL ? to->name : "",
			"company", cfg->company.name, "owner",
			owner_shown != NULL ? owner_shown : cfg->company.name, NULL,
		};
		subject = template_render(t->subject, vars, 1);
		body = template_render(t->body, vars, 0);
		key = g_strdup_printf("ack/%s/%s/%s", rule->name, to->addr, c->message_id);
		/* An inquiry refers to nothing (else it would be a reply): the
		 * acknowledgement's References is the inquiry alone. */
		const char *refs[] = { q.message_id, NULL };
		int64_t id = 0;
		if (plan_queue_mail(st, cfg, key, "ack", rule->name, c->thread, c->message_id, to,
		               cfg->smtp.envelope_from, subject, body, q.message_id, refs,
		               "auto-replied", plan->now, &id, &plan->error) < 0)
			goto out;
		if (id > 0) {
			plan->queued++;
			plan_note(plan, CORE_NOTE_INFO,
			          "rule %s: acknowledgement to %s for <%s> queued (template %s)",
			          rule->name, to->addr, c->message_id,
			          used[0] != '\0' ? used : "default");
		}
	} else {
		plan_note(plan, CORE_NOTE_INFO, "rule %s: no acknowledgement for <%s>: %s",
		          rule->name, c->message_id, ack_verdict_text(verdict));
	}
	ret = store_ack_record(st, rule->name, c->message,
	                       verdict == ACK_SEND ? "sent" : ack_verdict_text(verdict), plan->now,
	                       &plan->error);
out:
	g_free(subject);
	g_free(body);
	g_free(key);
	g_free(owner);
	core_analyzed_free(&q.again);
	return ret;
}

static int plan_acks(struct store *st, struct core_plan *plan, const struct rule *rule)
{
	struct store_ack_candidate *cands = NULL;
	size_t n = 0;
	int ret = 0;

	if (store_ack_candidates(st, rule->name, plan->now - rule->max_age, &cands, &n,
	                         &plan->error) < 0)
		return -1;
	for (size_t i = 0; i < n && ret == 0; i++)
		ret = plan_ack(st, plan, rule, &cands[i]);
	store_ack_candidates_free(&cands, n);
	return ret;
}

/* ---- alerts ---- */

struct alert_level {
	const char *level;        /* sla_events level */
	const char *kind;         /* outbox kind */
	enum alert_template tmpl;
	bool to_manager;          /* the escalation target instead of notify */
};

static const struct alert_level LEVEL_WARNING = { "warning", "warning", ALERT_TEMPLATE_WARNING, false };
static const struct alert_level LEVEL_BREACH = { "breached", "alert", ALERT_TEMPLATE_BREACH, false };
static const struct alert_level LEVEL_ESCALATION = { "escalated", "escalation",
                                                     ALERT_TEMPLATE_ESCALATION, true };

const char *plan_recipient_of(const struct owner_team *team, enum rule_who who,
                                const char *address, const char *owner)
{
	switch (who) {
	case RULE_WHO_OWNER:
		return owner;
	case RULE_WHO_MANAGER:
		return owner_escalation_to(team, owner);
	case RULE_WHO_ADDRESS:
		return address;
	case RULE_WHO_NONE:
		break;
	}
	return NULL;
}

/* The mail an alert is about, the thread's latest not of our own making
 * (its last_message): read when the entry's first alert is composed,
 * shared by its levels (a breach and its escalation). */
struct alert_about {
	bool read;
	char *message_id;
	char *snippet;
};

static int alert_about_read(struct store *st, struct core_plan *plan,
                            const struct sla_thread *t, struct alert_about *about)
{
	if (about->read || t->last_message == 0)
		return 0;
	about->read = true;
	return store_sla_message_about(st, t->last_message, &about->message_id, &about->snippet,
	                               &plan->error);
}

static int queue_alert(struct store *st, struct core_plan *plan, const struct overdue_entry *e,
                       const struct alert_level *lv, struct alert_about *about)
{
	const struct config *cfg = plan->cfg;
	const struct owner_team *team = &plan->rt->team;
	const struct rule *rule = e->rule;
	const struct sla_thread *t = e->thread;
	const struct bizcal *cal = core_rules_calendar(plan->rules, e->owner);
	bool has;
	int ret = -1;

	if (store_sla_event_has(st, rule->name, t->thread, e->result.since, lv->level, &has,
	                        &plan->error) < 0)
		return -1;
	if (has)
		return 0;
	const char *to_addr = lv->to_manager
		? plan_recipient_of(team, rule->escalate_to, rule->escalate_address, e->owner)
		: plan_recipient_of(team, rule->notify, rule->notify_address, e->owner);
	int64_t outbox_id = 0;
	char since[32], due[32];
	char *late = plan_human_duration(MAX(plan->now - e->result.due, 0));
	char *owner = plan_person_label(team, e->owner), *manager = NULL;
	char *command = g_strdup_printf("followup timeline %s", t->customer != NULL
	                                ? t->customer : "?");
	char *key = g_strdup_printf("sla/%s/%lld/%lld/%s", rule->name, (long long)t->thread,
	                            (long long)e->result.since, lv->level);
	char *subject = NULL, *body = NULL, *from = plan_address_of(cfg->smtp.from);

	bizcal_format_zoned(cal, e->result.since, since, sizeof(since));
	bizcal_format_zoned(cal, e->result.due, due, sizeof(due));
	manager = plan_person_label(team, owner_escalation_to(team, e->owner));
	if (to_addr == NULL) {
		plan_note(plan, CORE_NOTE_WARNING,
		          "rule %s: thread %lld (%s) is %s, but nobody can be told: set "
		          "[company] alerts-to or a person's countries", rule->name,
		          (long long)t->thread, t->customer != NULL ? t->customer : "?", lv->level);
	} else {
		if (alert_about_read(st, plan, t, about) < 0)
			goto out;
		const char *vars[] = {
			"rule", rule->name, "customer", t->customer != NULL ? t->customer : "",
			"subject", t->subject, "since", since, "due", due, "late", late,
			"owner", owner, "manager", manager, "snippet",
			about->snippet != NULL ? about->snippet : "", "command", command,
			"company", cfg->company.name, "state", lv->level, NULL,
		};
		const struct template *tmpl = core_rules_alert(plan->rules, lv->tmpl, to_addr);
		struct msg_address to = { .name = (char *)"", .addr = (char *)to_addr };
		subject = template_render(tmpl->subject, vars, 1);
		body = template_render(tmpl->body, vars, 0);
		if (plan_queue_mail(st, cfg, key, lv->kind, rule->name, t->thread, about->message_id, &to,
		               from, subject, body, NULL, NULL, "auto-generated", plan->now,
		               &outbox_id, &plan->error) < 0)
			goto out;
		if (outbox_id > 0) {
			plan->queued++;
			plan_note(plan, CORE_NOTE_INFO, "rule %s: %s for thread %lld (%s) to %s queued",
			          rule->name, lv->kind, (long long)t->thread,
			          t->customer != NULL ? t->customer : "?", to_addr);
		}
	}
	bool added;
	ret = store_sla_event_add(st, rule->name, t->thread, e->result.since, lv->level, outbox_id,
	                          plan->now, &added, &plan->error);
out:
	g_free(late);
	g_free(owner);
	g_free(manager);
	g_free(command);
	g_free(key);
	g_free(subject);
	g_free(body);
	g_free(from);
	return ret;
}

static int plan_alert(struct store *st, struct core_plan *plan, const struct overdue_entry *e)
{
	struct alert_about about = { false, NULL, NULL };
	int ret = 0;

	switch (e->result.state) {
	case SLA_WARNING:
		ret = queue_alert(st, plan, e, &LEVEL_WARNING, &about);
		break;
	case SLA_BREACHED:
		ret = queue_alert(st, plan, e, &LEVEL_BREACH, &about);
		break;
	case SLA_ESCALATED:
		ret = queue_alert(st, plan, e, &LEVEL_BREACH, &about);
		if (ret == 0 && e->rule->has_escalate)
			ret = queue_alert(st, plan, e, &LEVEL_ESCALATION, &about);
		break;
	default:
		break;
	}
	g_free(about.message_id);
	g_free(about.snippet);
	return ret;
}

/* One line of a digest in the reader's words (the report's catalogue:
 * its states and "digest.item"). */
static void digest_item(GString *list, const struct catalog *words, const char *customer,
                        const char *subject, const char *state, const char *rule,
                        const char *due)
{
	char *key = g_strdup_printf("state.%s", state);
	const char *state_word = catalog_get(words, key);
	const char *vars[] = {
		"customer", customer, "subject", subject, "state",
		state_word != NULL ? state_word : state, "rule", rule, "due", due, NULL,
	};
	char *line = catalog_format(words, "digest.item", vars);

	g_string_append_printf(list, "  - %s\n", line);
	g_free(line);
	g_free(key);
}

/* The sheet's items of person (their payments due, next actions,
 * silences) as digest lines; how many. */
static unsigned digest_sheet_items(const struct core_plan *plan, const struct config_person *p,
                                   const struct catalog *words,
                                   const struct core_sheet_list *sheet, GString *list)
{
	unsigned count = 0;

	for (guint i = 0; sheet != NULL && i < sheet->entries->len; i++) {
		const struct core_sheet_entry *e = &g_array_index(sheet->entries,
		                                                  struct core_sheet_entry, i);
		if (e->owner == NULL || g_ascii_strcasecmp(e->owner, p->email) != 0)
			continue;
		char due[32];
		core_sheet_due_shown(plan->rules, e, due, sizeof(due));
		digest_item(list, words, e->customer->key, e->subject, sheet_state_name(e->occ.state),
		            e->rule->name, due);
		count++;
	}
	return count;
}

/* One digest a day per person with a digest time and something open. */
static int plan_digest(struct store *st, struct core_plan *plan, const struct config_person *p,
                       GArray *entries, const struct core_sheet_list *sheet)
{
	const struct config *cfg = plan->cfg;
	const struct bizcal *cal = core_rules_calendar(plan->rules, p->email);
	int hh = 0, mm = 0;
	GString *list = g_string_new(NULL);
	struct catalog *words = NULL;
	unsigned count = 0;
	int ret = 0;

	if (sscanf(p->digest, "%d:%d", &hh, &mm) != 2)
		goto out;
	int64_t at = bizcal_next_local_time(cal, plan->now - 24 * 3600 + 1, hh, mm);
	if (at > plan->now)
		goto out;
	if ((ret = core_report_words_load(core_report_words_language(p->language), &words,
	                                  &plan->error)) < 0)
		goto out;
	for (guint i = 0; i < entries->len; i++) {
		const struct overdue_entry *e = &g_array_index(entries, struct overdue_entry, i);
		if (e->owner == NULL || g_ascii_strcasecmp(e->owner, p->email) != 0)
			continue;
		char due[32];
		bizcal_format_zoned(cal, e->result.due, due, sizeof(due));
		digest_item(list, words, e->thread->customer != NULL ? e->thread->customer : "?",
		            e->thread->subject, sla_state_name(e->result.state), e->rule->name, due);
		count++;
	}
	count += digest_sheet_items(plan, p, words, sheet, list);
	if (count == 0)
		goto out;
	char day[32], countbuf[16];
	bizcal_format_local(cal, at, day, sizeof(day));
	day[10] = '\0';
	snprintf(countbuf, sizeof(countbuf), "%u", count);
	char *key = g_strdup_printf("digest/%s/%s", p->email, day);
	char *command = g_strdup_printf("followup overdue --owner %s", p->email);
	g_strchomp(list->str);
	const char *vars[] = {
		"owner", p->name != NULL ? p->name : p->email, "count", countbuf, "items", list->str,
		"date", day, "command", command, "company", cfg->company.name, NULL,
	};
	const struct template *tmpl = core_rules_alert(plan->rules, ALERT_TEMPLATE_DIGEST, p->email);
	char *subject = template_render(tmpl->subject, vars, 1);
	char *body = template_render(tmpl->body, vars, 0);
	char *from = plan_address_of(cfg->smtp.from);
	struct msg_address to = { .name = p->name != NULL ? p->name : (char *)"", .addr = p->email };
	int64_t id = 0;
	ret = plan_queue_mail(st, cfg, key, "digest", NULL, 0, NULL, &to, from, subject, body, NULL,
	                 NULL, "auto-generated", plan->now, &id, &plan->error);
	if (ret == 0 && id > 0) {
		plan->queued++;
		plan_note(plan, CORE_NOTE_INFO, "digest for %s (%u conversations) queued", p->email,
		          count);
	}
	g_free(key);
	g_free(subject);
	g_free(body);
	g_free(from);
	g_free(command);
out:
	catalog_free(&words);
	g_string_free(list, TRUE);
	return ret;
}

static int plan_alerts(struct store *st, struct core_plan *plan)
{
	struct sla_thread *threads = NULL;
	size_t n = 0;
	GArray *entries = NULL;
	struct core_sheet_list *sheet = NULL;
	bool digests = false;
	int ret = -1;

	for (size_t i = 0; i < plan->cfg->n_persons; i++)
		digests |= plan->cfg->persons[i].digest != NULL;
	if (store_sla_threads(st, plan->now - SLA_WINDOW, &threads, &n, &plan->error) < 0)
		return -1;
	/* the digest also lists the sheet's dates of its reader */
	if (digests && core_sheet_list_new(plan->rules, st, plan->now, NULL, NULL, &sheet,
	                                   &plan->error) < 0)
		goto out;
	entries = core_rules_overdue(plan->rules, threads, n, plan->now, NULL, NULL);
	for (guint i = 0; i < entries->len; i++) {
		if (plan_alert(st, plan, &g_array_index(entries, struct overdue_entry, i)) < 0)
			goto out;
	}
	for (size_t i = 0; i < plan->cfg->n_persons; i++) {
		const struct config_person *p = &plan->cfg->persons[i];
		if (p->digest != NULL && plan_digest(st, plan, p, entries, sheet) < 0)
			goto out;
	}
	ret = 0;
out:
	if (entries != NULL)
		g_array_free(entries, TRUE);
	core_sheet_list_free(&sheet);
	store_sla_threads_free(&threads, n);
	return ret;
}

int core_plan_pass(struct store *st, struct core_plan *plan, char **error_r)
{
	const struct rule_set *set = plan->rules->set;
	bool any_sla = false, any_sheet = false;
	int ret = -1;

	plan->error = NULL;
	for (size_t i = 0; i < set->n_rules; i++) {
		const struct rule *rule = &set->rules[i];
		if (rule->action == RULE_ACTION_ACKNOWLEDGE) {
			if (plan_acks(st, plan, rule) < 0)
				goto out;
		} else if (rule_is_sheet(rule)) {
			any_sheet = true;
		} else {
			any_sla = true;
		}
	}
	if ((any_sla || plan->cfg->n_persons > 0) && plan_alerts(st, plan) < 0)
		goto out;
	if (plan_reports(st, plan) < 0)
		goto out;
	if (any_sheet && plan_sheet(st, plan) < 0)
		goto out;
	ret = 0;
out:
	if (ret < 0) {
		*error_r = plan->error != NULL ? plan->error : g_strdup("planning failed");
		plan->error = NULL;
	}
	g_free(plan->error);
	plan->error = NULL;
	return ret;
}
