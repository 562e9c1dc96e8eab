#ifndef FOLLOWUP_CLASSIFY_ANALYZED_H
#define FOLLOWUP_CLASSIFY_ANALYZED_H
/*
 * analyzed: one message with everything worked out about it, as
 * core_analyze() (core/analyze.h) makes it and the store persists it.
 * Data only: the store reads it and calls no classification or language
 * identification of its own. Made and freed by core/analyze.c.
 */
#include <stdbool.h>
#include <stddef.h>

#include "classify/classify.h"
#include "parsers/message.h"

struct analyzed_message {
	struct parsed_message *msg;
	char *hash;                     /* lowercase hex SHA-256 of the raw bytes, or NULL */
	enum msg_direction dir;
	enum msg_kind kind;             /* intrinsic: the thread may make a reply an inquiry */

	/* The customer: none when customer_key is NULL. */
	char *customer_key;             /* registrable domain, or an address of free mail */
	bool customer_is_address;
	const char *customer_name;      /* borrowed (msg or customer_key) */
	/* The customer's addresses in the message: the counterpart first,
	 * then From, To and Cc where they are the same customer's. Borrowed
	 * from msg (the counterpart of a bounce: from msg's strings too). */
	struct msg_address counterpart;
	const struct classify_source *platform; /* the [source] a platform's mail came
	                                 * through (borrowed from the classifier), or NULL */
	const char *customer_source;    /* how the customer came: the [source]'s name,
	                                 * "website" for a web form, "mail" */
	char *platform_buyer;           /* the buyer it names (counterpart.addr then), or NULL */
	const struct msg_address **contacts;
	size_t n_contacts;

	char *subject_norm;             /* without Re:/AW:/… and blanks, or "" */
	bool reply_subject;             /* the subject says it is a reply */
	char *snippet;                  /* the start of the new text */
	const char *language;           /* of an inbound message: static, or NULL */
	char *facts_json;               /* trade facts of sales mail, or NULL */
	bool order_marker;              /* sales mail naming itself a proforma invoice or
	                                 * an order confirmation (data/order_markers.txt) */
	int stage_event;                /* enum stage_event (rules/stage.h): how it moves
	                                 * the customer's stage */

	/* An inbound message's acknowledgement screening (rules/ack.h
	 * ack_screen): why none may go to it whatever the rule (a static
	 * text), "" when one may; NULL for outbound mail. ack_to: where one
	 * would go (borrowed from msg; addr NULL when nowhere). */
	const char *ack_block;
	struct msg_address ack_to;
};

#endif
