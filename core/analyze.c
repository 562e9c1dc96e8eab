/*
 * analyze: see analyze.h. What used to be worked out while the store
 * wrote the rows; the store now persists the result as it is.
 */
#include <string.h>
#include <glib.h>

#include "core/analyze.h"
#include "classify/language.h"
#include "classify/platform.h"
#include "parsers/facts.h"
#include "rules/ack.h"
#include "rules/stage.h"
#include "store/store.h"

#define SNIPPET_CHARS 300

static bool is_sales_kind(enum msg_kind kind)
{
	return kind == MSG_KIND_INQUIRY || kind == MSG_KIND_REPLY || kind == MSG_KIND_QUOTE;
}

static const char *new_text(const struct parsed_message *msg)
{
	return msg->body_new != NULL ? msg->body_new : msg->body_text;
}

static bool is_customer_address(const struct classify *cls, const struct msg_address *a,
                                const char *customer_key)
{
	if (a->addr == NULL || a->addr[0] == '\0')
		return false;
	char *key = classify_customer_key(cls, a->addr);
	bool same = key != NULL && strcmp(key, customer_key) == 0;
	g_free(key);
	return same;
}

/* The display name of the Reply-To that is the buyer, else "". */
static char *buyer_name(const struct parsed_message *msg, const char *buyer)
{
	static char none[] = "";

	for (size_t i = 0; i < msg->reply_to.count; i++) {
		const struct msg_address *a = &msg->reply_to.items[i];
		if (a->addr != NULL && a->name != NULL && g_ascii_strcasecmp(a->addr, buyer) == 0)
			return a->name;
	}
	return none;
}

/* The counterpart's customer and every address of it in From, To, Cc. */
static void find_customer(const struct classify *cls, struct analyzed_message *am)
{
	const struct parsed_message *msg = am->msg;
	const struct msg_address_list *lists[] = { &msg->to, &msg->cc };
	const struct msg_address *who = &am->counterpart;

	const struct classify_source *source = am->dir == MSG_DIR_IN
	                                       ? classify_platform(cls, msg) : NULL;
	if (source != NULL) {
		/* Each platform buyer is a customer, never the platform. */
		am->platform = source;
		am->platform_buyer = platform_buyer(cls, source, msg);
		if (am->platform_buyer == NULL)
			return;
		am->counterpart = (struct msg_address){ .name = buyer_name(msg, am->platform_buyer),
		                                        .addr = am->platform_buyer };
	} else if (!classify_find_counterpart(cls, msg, am->dir, &am->counterpart) ||
	           who->addr == NULL || who->addr[0] == '\0') {
		return;
	}
	am->customer_key = classify_customer_key(cls, who->addr);
	if (am->customer_key == NULL)
		return;
	am->customer_is_address = strchr(am->customer_key, '@') != NULL;
	if (am->platform != NULL)
		am->customer_source = am->platform->name;
	else if (am->dir == MSG_DIR_IN && classify_web_form_buyer(cls, msg) != NULL)
		am->customer_source = "website";
	else
		am->customer_source = "mail";
	am->customer_name = am->customer_is_address && who->name != NULL && who->name[0] != '\0'
	                    ? who->name : am->customer_key;

	size_t max = 2 + msg->to.count + msg->cc.count;
	am->contacts = g_new0(const struct msg_address *, max);
	am->contacts[am->n_contacts++] = who;
	if (is_customer_address(cls, &msg->from, am->customer_key))
		am->contacts[am->n_contacts++] = &msg->from;
	for (size_t l = 0; l < G_N_ELEMENTS(lists); l++) {
		for (size_t i = 0; i < lists[l]->count; i++) {
			if (is_customer_address(cls, &lists[l]->items[i], am->customer_key))
				am->contacts[am->n_contacts++] = &lists[l]->items[i];
		}
	}
}

/* The buyer's language of an inbound message: its new text, else the
 * customer's country, else the country of the customer's domain. */
static const char *buyer_language(const struct analyze_options *opts,
                                  const struct analyzed_message *am)
{
	if (am->dir != MSG_DIR_IN)
		return NULL;
	return language_guess(opts->lang, new_text(am->msg), NULL, am->customer_key);
}

static char *trade_facts(const struct analyzed_message *am)
{
	struct trade_facts *facts;
	char *json = NULL;

	if (!is_sales_kind(am->kind))
		return NULL;
	facts = facts_extract(am->msg->subject, new_text(am->msg));
	if (!facts_empty(facts))
		json = facts_to_json(facts);
	facts_free(&facts);
	return json;
}

/* A platform's notification: the buyer it names, when its [source] says
 * acknowledge = yes; the platform's own headers (bulk, auto-generated)
 * are the platform's, not the buyer's. */
static void platform_screen(const struct analyze_options *opts, struct analyzed_message *am)
{
	if (!am->platform->acknowledge) {
		am->ack_block = ack_verdict_text(ACK_SKIP_PLATFORM);
		return;
	}
	if (am->platform_buyer == NULL || !ack_is_usable_recipient(opts->cls, &am->counterpart)) {
		am->ack_block = ack_verdict_text(ACK_SKIP_NO_ADDRESS);
		return;
	}
	am->ack_block = "";
	am->ack_to = am->counterpart;
}

/* Kept with the message, so the acknowledgement planner reads it rather
 * than parsing the message again. */
static void screen_for_ack(const struct analyze_options *opts, struct analyzed_message *am)
{
	const struct msg_address *to;
	enum ack_verdict verdict;

	if (am->dir != MSG_DIR_IN)
		return;
	if (am->platform != NULL) {
		platform_screen(opts, am);
		return;
	}
	verdict = ack_screen(opts->cls, am->msg, &to);
	am->ack_block = verdict == ACK_SEND ? "" : ack_verdict_text(verdict);
	if (to != NULL)
		am->ack_to = *to;
}

/* Sales mail from the customer is an inquiry for a lead; our quote is a
 * quote; our proforma invoice or order confirmation is an order. */
static enum stage_event stage_event_of(const struct analyzed_message *am)
{
	if (!is_sales_kind(am->kind))
		return STAGE_EVENT_NONE;
	if (am->dir == MSG_DIR_IN)
		return STAGE_EVENT_INQUIRY;
	if (am->order_marker)
		return STAGE_EVENT_ORDER;
	return am->kind == MSG_KIND_QUOTE ? STAGE_EVENT_QUOTE : STAGE_EVENT_NONE;
}

struct analyzed_message *core_analyze_as(const struct analyze_options *opts,
                                         const unsigned char *raw, size_t len, bool sent_folder,
                                         bool with_hash, int kind)
{
	struct analyzed_message *am = g_new0(struct analyzed_message, 1);

	if (with_hash)
		am->hash = store_raw_hash(raw, len);
	message_parse(raw, len, opts->parse, &am->msg);
	am->dir = classify_direction(opts->cls, am->msg, sent_folder);
	am->kind = kind >= 0 ? (enum msg_kind)kind : classify_kind(opts->cls, am->msg, am->dir);
	find_customer(opts->cls, am);
	/* A platform's notification is its buyer's message, whatever bulk
	 * headers the platform puts on it. */
	if (kind < 0 && am->platform_buyer != NULL)
		am->kind = MSG_KIND_REPLY;
	am->subject_norm = classify_subject_normalize(am->msg->subject);
	am->reply_subject = classify_subject_is_reply(am->msg->subject);
	am->snippet = message_snippet(new_text(am->msg), SNIPPET_CHARS);
	am->language = buyer_language(opts, am);
	am->facts_json = trade_facts(am);
	screen_for_ack(opts, am);
	am->order_marker = is_sales_kind(am->kind) && classify_has_order_marker(opts->cls, am->msg);
	am->stage_event = stage_event_of(am);
	return am;
}

struct analyzed_message *core_analyze(const struct analyze_options *opts,
                                      const unsigned char *raw, size_t len, bool sent_folder,
                                      bool with_hash)
{
	return core_analyze_as(opts, raw, len, sent_folder, with_hash, -1);
}

void core_analyzed_free(struct analyzed_message **amp)
{
	struct analyzed_message *am = *amp;

	if (am == NULL)
		return;
	*amp = NULL;
	g_free(am->hash);
	g_free(am->customer_key);
	g_free(am->platform_buyer);
	g_free(am->contacts);
	g_free(am->subject_norm);
	g_free(am->snippet);
	g_free(am->facts_json);
	message_free(&am->msg);
	g_free(am);
}

void core_analyze_init(void)
{
	message_parser_init();
}

void core_analyze_deinit(void)
{
	message_parser_deinit();
}
