#ifndef FOLLOWUP_CORE_RECORDS_H
#define FOLLOWUP_CORE_RECORDS_H
/*
 * records: the follow-up sheet's customer records as people change and
 * read them. What a person writes (`followup customer set KEY
 * field=value…`, `contact set`, `note add`) is checked here, field by
 * field, before anything is written: an error names the field and says
 * what it takes. And what the sheet shows beyond the stored values: the
 * country guessed from the domain until someone sets it, the grade and
 * where it comes from, the filters and sorts of `followup customers`.
 *
 * Strings handed back are owned by the caller unless said otherwise.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/runtime.h"
#include "store/store.h"

/* ---- values ---- */

/* The grades a person may give, best first: [grading] grades of cfg
 * (borrowed), or S A B C E for a config without them (NULL too); the
 * last is the dormant grade. NULL-terminated; *n_r is their count. */
const char *const *core_grades(const struct config *cfg, size_t *n_r);

/* Why text is no fit for a field of at most max characters (UTF-8,
 * no control character; lines: line breaks and tabs allowed), or NULL.
 * Static. */
const char *core_text_invalid(const char *text, size_t max, bool lines);

/* A date as people write it: YYYY-MM-DD (a day), or an RFC 3339 time
 * (written back in UTC, "2026-11-24T01:00:00Z"). 0 with *canonical_r
 * (g_free), or -1 with *error_r (g_free) saying what it takes. */
int core_sheet_date_parse(const char *text, char **canonical_r, char **error_r);
/* The instant a canonical sheet date stands for: a day starts at 00:00
 * in timezone (an IANA name; NULL or unknown: UTC). 0 or -1. */
int core_sheet_date_time(const char *canonical, const char *timezone, int64_t *t_r);

/* Applies an edit of tags to the current set (NULL-terminated, may be
 * NULL): "a,b" is the new set, "+x,-y" adds x and removes y, "" is none.
 * Tags are lowercased and trimmed; a tag has 1 to 40 characters, no
 * comma and no control character, and does not start with '+' or '-'.
 * 0 with *tags_r (sorted, unique, NULL-terminated; g_strfreev), or -1
 * with *error_r. */
int core_tags_apply(char *const *current, const char *spec, char ***tags_r, char **error_r);

/* ---- changes people make ---- */

/* A checked change to a customer's record: `edit` is what the store
 * writes (its strings are owned here). */
struct core_customer_change {
	struct store_customer_edit edit;
	GPtrArray *owned;
};
/* Checks each "field=value" of assignments (fields: name country
 * industry website tags grade owner stage source next-action next-date)
 * for the customer c (whose tags an edit of tags applies to). 0 with
 * *change_r, or -1 with *error_r naming the field and saying what it
 * takes; nothing of a change with any bad value is to be written. */
int core_customer_change_parse(const struct core_runtime *rt, const struct store_customer *c,
                               char *const *assignments, size_t n,
                               struct core_customer_change **change_r, char **error_r);
void core_customer_change_free(struct core_customer_change **change);

/* A checked change to a contact (fields: name role title phone); a
 * national phone number is read with the calling code of country (the
 * customer's, may be NULL). */
struct core_contact_change {
	struct store_contact_edit edit;
	GPtrArray *owned;
};
int core_contact_change_parse(char *const *assignments, size_t n, const char *country,
                              struct core_contact_change **change_r, char **error_r);
void core_contact_change_free(struct core_contact_change **change);

/* A note's kind: call, meeting, visit, sample, whatsapp or note. */
bool core_note_kind_valid(const char *kind);
/* A note's text (1 to 10000 characters of UTF-8, no control but line
 * breaks and tabs): NULL when fine, else why not (static). */
const char *core_note_text_invalid(const char *text);

/* ---- what the sheet shows ---- */

/* The ISO 3166-1 alpha-2 code text is ("de" -> "DE", "UK" -> "GB"),
 * static; NULL when it is none. */
const char *core_country_code(const char *text);

/* The customer's country: the one a person set, else the one its
 * domain's ccTLD suggests (NULL: none). *source_r: "manual", "domain" or
 * NULL. Static or borrowed from c. */
const char *core_customer_country(const struct store_customer *c, const char **source_r);
/* The customer's grade: a person's, else the computed one (NULL: none
 * yet). *source_r "manual" or "computed". Borrowed from c. */
const char *core_customer_grade(const struct store_customer *c, const char **source_r);
/* The last time a person wrote with them either way (INT64_MIN: never). */
int64_t core_customer_last_contact(const struct store_customer *c);

enum core_customer_sort {
	CORE_SORT_ACTIVITY = 0,   /* as the store lists them: latest mail first */
	CORE_SORT_LAST_CONTACT,   /* latest contact either way first */
	CORE_SORT_GRADE,          /* best grade first, no grade last */
	CORE_SORT_NEXT_DATE,      /* soonest next action first, none last */
	CORE_SORT_NAME,
};
/* "last-contact", "grade", "next-date", "name": 0 with *sort_r, or -1. */
int core_customer_sort_parse(const char *text, enum core_customer_sort *sort_r);

/* What `followup customers` keeps; NULL / false: no filter. */
struct core_customer_filter {
	const char *grade;        /* one of core_grades() */
	const char *const *grades;/* core_grades(), for --sort grade; NULL: the default */
	size_t n_grades;
	const char *stage;        /* a built-in id (core_stage_id); "lead" keeps those never moved */
	const char *owner;        /* a person's email, or "none": no owner */
	const char *country;      /* ISO code, as set or guessed */
	const char *tag;
	bool silent;              /* no contact either way since now - silent_for */
	uint64_t silent_for;
	bool next_due;            /* a next action dated by now + next_due */
	uint64_t next_due_within;
	enum core_customer_sort sort;
};
/* Keeps in list (n customers, *n_r left) those the filter keeps, freeing
 * the others, and sorts them. timezone: the company's, for days. */
void core_customers_select(struct store_customer **list, size_t n,
                           const struct core_customer_filter *filter, int64_t now,
                           const char *timezone, size_t *n_r);

#endif
