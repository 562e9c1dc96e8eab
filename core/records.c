/* records: see records.h. */
#include <stddef.h>
#include <string.h>
#include <glib.h>

#include "core/records.h"
#include "core/stages.h"
#include "classify/country.h"
#include "lib/phone.h"
#include "rules/owner.h"

#define NAME_MAX_CHARS 200
#define SHORT_MAX_CHARS 100      /* industry, title, source */
#define STAGE_MAX_CHARS 40
#define TAG_MAX_CHARS 40
#define ACTION_MAX_CHARS 500
#define NOTE_MAX_CHARS 10000

/* [grading] grades when a config has none (one built by hand);
 * NULL-terminated as the config's are. */
static const char *const default_grades[] = { "S", "A", "B", "C", "E", NULL };
static const char *const roles[] = { "buyer", "engineer", "finance", "decision-maker", "other" };
static const char *const sources[] = { "fair", "platform", "website", "referral", "mail" };
static const char *const note_kinds[] = { "call", "meeting", "visit", "sample", "whatsapp",
                                          "note" };

const char *const *core_grades(const struct config *cfg, size_t *n_r)
{
	if (cfg != NULL && cfg->grading.grades != NULL) {
		*n_r = cfg->grading.n_grades;
		return (const char *const *)cfg->grading.grades;
	}
	*n_r = G_N_ELEMENTS(default_grades) - 1;
	return default_grades;
}

/* The entry of list that s is (ASCII case ignored), or NULL. */
static const char *one_of(const char *const *list, size_t n, const char *s)
{
	for (size_t i = 0; i < n; i++) {
		if (g_ascii_strcasecmp(list[i], s) == 0)
			return list[i];
	}
	return NULL;
}

static char *joined(const char *const *list, size_t n)
{
	GString *out = g_string_new(NULL);

	for (size_t i = 0; i < n; i++)
		g_string_append_printf(out, "%s%s", i > 0 ? ", " : "", list[i]);
	return g_string_free(out, FALSE);
}

/* Controls would reach a terminal; lines: a block may break lines. */
const char *core_text_invalid(const char *text, size_t max, bool lines)
{
	if (!g_utf8_validate(text, -1, NULL))
		return "is not UTF-8 text";
	if ((size_t)g_utf8_strlen(text, -1) > max)
		return "is too long";
	for (const char *p = text; *p != '\0'; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		if (lines && (c == '\n' || c == '\t'))
			continue;
		if (c < 0x20 || (c >= 0x7f && c <= 0x9f))
			return lines ? "holds a control character" :
			               "holds a control character or a line break";
	}
	return NULL;
}

/* ---- dates ---- */

static bool digits_at(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (!g_ascii_isdigit(s[i]))
			return false;
	}
	return true;
}

static int parse_day(const char *text, int *y_r, int *m_r, int *d_r)
{
	if (strlen(text) != 10 || !digits_at(text, 4) || text[4] != '-' ||
	    !digits_at(text + 5, 2) || text[7] != '-' || !digits_at(text + 8, 2))
		return -1;
	*y_r = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 +
	       (text[3] - '0');
	*m_r = (text[5] - '0') * 10 + (text[6] - '0');
	*d_r = (text[8] - '0') * 10 + (text[9] - '0');
	if (*y_r < 1970 || !g_date_valid_dmy((GDateDay)*d_r, (GDateMonth)*m_r, (GDateYear)*y_r))
		return -1;
	return 0;
}

int core_sheet_date_parse(const char *text, char **canonical_r, char **error_r)
{
	int y, m, d;
	GDateTime *dt;

	if (parse_day(text, &y, &m, &d) == 0) {
		*canonical_r = g_strdup(text);
		return 0;
	}
	/* RFC 3339 says the zone; GLib would take a time without one as local. */
	dt = strlen(text) > 10 && (text[10] == 'T' || text[10] == 't' || text[10] == ' ')
	     ? g_date_time_new_from_iso8601(text, NULL) : NULL;
	if (dt == NULL || g_date_time_get_year(dt) < 1970) {
		if (dt != NULL)
			g_date_time_unref(dt);
		*error_r = g_strdup_printf("'%s' is no date: write YYYY-MM-DD or an RFC 3339 "
		                           "time (2026-11-24T09:00:00+08:00)", text);
		return -1;
	}
	GDateTime *utc = g_date_time_to_utc(dt);
	*canonical_r = g_date_time_format(utc, "%Y-%m-%dT%H:%M:%SZ");
	g_date_time_unref(utc);
	g_date_time_unref(dt);
	return 0;
}

int core_sheet_date_time(const char *canonical, const char *timezone, int64_t *t_r)
{
	int y, m, d;
	GDateTime *dt;

	if (canonical == NULL)
		return -1;
	if (parse_day(canonical, &y, &m, &d) == 0) {
		GTimeZone *tz = timezone != NULL ? g_time_zone_new_identifier(timezone) : NULL;
		if (tz == NULL)
			tz = g_time_zone_new_utc();
		dt = g_date_time_new(tz, y, m, d, 0, 0, 0);
		g_time_zone_unref(tz);
	} else {
		dt = g_date_time_new_from_iso8601(canonical, NULL);
	}
	if (dt == NULL)
		return -1;
	*t_r = g_date_time_to_unix(dt);
	g_date_time_unref(dt);
	return 0;
}

/* ---- tags ---- */

static int tag_cmp(gconstpointer a, gconstpointer b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The tag an item of a list names (lowercased, trimmed), or NULL with
 * *error_r. */
static char *tag_of(const char *item, char **error_r)
{
	char *copy = g_strstrip(g_strdup(item));
	char *tag = NULL;
	const char *why;

	if (copy[0] == '\0')
		why = "is empty";
	else if (copy[0] == '+' || copy[0] == '-')
		why = "starts with '+' or '-'";
	else
		why = core_text_invalid(copy, TAG_MAX_CHARS, false);
	if (why != NULL)
		*error_r = g_strdup_printf("tags: the tag '%s' %s (a tag has 1 to %d characters, "
		                           "no comma)", copy, why, TAG_MAX_CHARS);
	else
		tag = g_utf8_strdown(copy, -1);
	g_free(copy);
	return tag;
}

static bool has_tag(GPtrArray *tags, const char *tag)
{
	for (guint i = 0; i < tags->len; i++) {
		if (strcmp(g_ptr_array_index(tags, i), tag) == 0)
			return true;
	}
	return false;
}

static void remove_tag(GPtrArray *tags, const char *tag)
{
	for (guint i = 0; i < tags->len; i++) {
		if (strcmp(g_ptr_array_index(tags, i), tag) == 0) {
			g_ptr_array_remove_index(tags, i);
			return;
		}
	}
}

int core_tags_apply(char *const *current, const char *spec, char ***tags_r, char **error_r)
{
	char **items = g_strsplit(spec, ",", -1);
	GPtrArray *tags = g_ptr_array_new_with_free_func(g_free);
	size_t n = g_strv_length(items), edits = 0;
	int ret = -1;

	for (size_t i = 0; i < n; i++) {
		const char *s = items[i];
		while (*s == ' ' || *s == '\t')
			s++;
		if (*s == '+' || *s == '-')
			edits++;
	}
	if (edits > 0 && edits < n) {
		*error_r = g_strdup_printf("tags: '%s': write a new set (tags=a,b) or changes "
		                           "(tags=+a,-b), not both", spec);
		goto out;
	}
	if (edits > 0) {
		for (; current != NULL && *current != NULL; current++)
			g_ptr_array_add(tags, g_strdup(*current));
	}
	/* "tags=" clears: one empty item is no tag. */
	for (size_t i = 0; i < n && !(n == 1 && g_strstrip(items[0])[0] == '\0'); i++) {
		char *item = g_strstrip(items[i]);
		bool remove = item[0] == '-';
		char *tag = tag_of(edits > 0 ? item + 1 : item, error_r);
		if (tag == NULL)
			goto out;
		if (remove)
			remove_tag(tags, tag);
		else if (!has_tag(tags, tag))
			g_ptr_array_add(tags, g_steal_pointer(&tag));
		g_free(tag);
	}
	g_ptr_array_sort(tags, tag_cmp);
	g_ptr_array_add(tags, NULL);
	g_ptr_array_set_free_func(tags, NULL);
	*tags_r = (char **)g_ptr_array_free(tags, FALSE);
	tags = NULL;
	ret = 0;
out:
	if (tags != NULL)
		g_ptr_array_free(tags, TRUE);
	g_strfreev(items);
	return ret;
}

/* ---- checking a customer's fields ---- */

/* A field's checker: 0 with *value_r (a new string; "" clears), or -1
 * with *why_r (what it takes, after "FIELD: 'value' "). */
typedef int field_check_fn(const struct core_runtime *rt, const char *value, char **value_r,
                           char **why_r);

static int check_plain(const char *value, size_t max, char **value_r, char **why_r)
{
	const char *why = core_text_invalid(value, max, false);

	if (why != NULL) {
		*why_r = g_strdup_printf("%s (at most %zu characters on one line)", why, max);
		return -1;
	}
	*value_r = g_strstrip(g_strdup(value));
	return 0;
}

static int check_name(const struct core_runtime *rt, const char *value, char **value_r,
                      char **why_r)
{
	return check_plain(value, NAME_MAX_CHARS, value_r, why_r);
}

static int check_short(const struct core_runtime *rt, const char *value, char **value_r,
                       char **why_r)
{
	return check_plain(value, SHORT_MAX_CHARS, value_r, why_r);
}

static int check_action(const struct core_runtime *rt, const char *value, char **value_r,
                        char **why_r)
{
	return check_plain(value, ACTION_MAX_CHARS, value_r, why_r);
}

static int check_country(const struct core_runtime *rt, const char *value, char **value_r,
                         char **why_r)
{
	const char *code = value[0] != '\0' ? country_code(value) : "";

	if (code == NULL) {
		*why_r = g_strdup("is no ISO 3166-1 alpha-2 country code (DE, CN, US …; empty: "
		                  "guess from the domain again)");
		return -1;
	}
	*value_r = g_strdup(code);
	return 0;
}

static int check_website(const struct core_runtime *rt, const char *value, char **value_r,
                         char **why_r)
{
	char *url;
	GUri *uri;

	if (value[0] == '\0') {
		*value_r = g_strdup("");
		return 0;
	}
	/* "kunde.de" is what people write for https://kunde.de. */
	url = strstr(value, "://") != NULL ? g_strdup(value) : g_strconcat("https://", value, NULL);
	uri = g_uri_parse(url, G_URI_FLAGS_NONE, NULL);
	if (uri == NULL || core_text_invalid(url, 2000, false) != NULL || strchr(url, ' ') != NULL ||
	    (g_strcmp0(g_uri_get_scheme(uri), "http") != 0 &&
	     g_strcmp0(g_uri_get_scheme(uri), "https") != 0) ||
	    g_uri_get_host(uri) == NULL || strchr(g_uri_get_host(uri), '.') == NULL ||
	    g_uri_get_userinfo(uri) != NULL) {
		*why_r = g_strdup("is no web address (https://www.kunde.de, or kunde.de)");
		g_free(url);
		url = NULL;
	}
	if (uri != NULL)
		g_uri_unref(uri);
	*value_r = url;
	return url != NULL ? 0 : -1;
}

static int check_grade(const struct core_runtime *rt, const char *value, char **value_r,
                       char **why_r)
{
	size_t n;
	const char *const *grades = core_grades(rt->cfg, &n);
	const char *grade = value[0] == '\0' || g_ascii_strcasecmp(value, "auto") == 0
	                    ? "" : one_of(grades, n, value);

	if (grade == NULL) {
		char *list = joined(grades, n);
		*why_r = g_strdup_printf("is no grade (one of %s, or auto: the computed grade)",
		                         list);
		g_free(list);
		return -1;
	}
	*value_r = g_strdup(grade);
	return 0;
}

static int check_owner(const struct core_runtime *rt, const char *value, char **value_r,
                       char **why_r)
{
	const struct owner_person *p;

	if (value[0] == '\0' || strcmp(value, "none") == 0) {
		*value_r = g_strdup("");
		return 0;
	}
	p = owner_find(&rt->team, value);
	if (p == NULL) {
		*why_r = g_strdup_printf("is not a [person] of %s (or none)", rt->cfg->path);
		return -1;
	}
	*value_r = g_strdup(p->email);
	return 0;
}

/* A stage by its id or the team's name ([stages]); the id is stored, so
 * renaming a stage rewrites nothing. "" clears it (a lead). */
static int check_stage(const struct core_runtime *rt, const char *value, char **value_r,
                       char **why_r)
{
	const char *id;
	char *known;

	if (check_plain(value, STAGE_MAX_CHARS, value_r, why_r) < 0)
		return -1;
	if ((*value_r)[0] == '\0')
		return 0;
	id = core_stage_id(rt->stages, *value_r);
	g_free(*value_r);
	*value_r = NULL;
	if (id == NULL) {
		known = core_stage_list(rt->stages);
		*why_r = g_strdup_printf("is no stage (one of %s)", known);
		g_free(known);
		return -1;
	}
	*value_r = g_strdup(id);
	return 0;
}

static int check_source(const struct core_runtime *rt, const char *value, char **value_r,
                        char **why_r)
{
	const char *known = one_of(sources, G_N_ELEMENTS(sources), value);

	if (known != NULL) {
		*value_r = g_strdup(known);
		return 0;
	}
	return check_plain(value, SHORT_MAX_CHARS, value_r, why_r);
}

static int check_date(const struct core_runtime *rt, const char *value, char **value_r,
                      char **why_r)
{
	char *error = NULL;

	if (value[0] == '\0') {
		*value_r = g_strdup("");
		return 0;
	}
	if (core_sheet_date_parse(value, value_r, &error) < 0) {
		/* The message quotes the value itself: keep what follows it. */
		const char *rest = strstr(error, "' ");
		*why_r = g_strdup(rest != NULL ? rest + 2 : error);
		g_free(error);
		return -1;
	}
	return 0;
}

/* The fields of `customer set`, as people name them. */
static const struct {
	const char *name;
	size_t offset;                /* in struct store_customer_edit */
	field_check_fn *check;
} customer_fields[] = {
	{ "name", offsetof(struct store_customer_edit, name), check_name },
	{ "country", offsetof(struct store_customer_edit, country), check_country },
	{ "industry", offsetof(struct store_customer_edit, industry), check_short },
	{ "website", offsetof(struct store_customer_edit, website), check_website },
	{ "grade", offsetof(struct store_customer_edit, grade), check_grade },
	{ "owner", offsetof(struct store_customer_edit, owner), check_owner },
	{ "stage", offsetof(struct store_customer_edit, stage), check_stage },
	{ "source", offsetof(struct store_customer_edit, source), check_source },
	{ "next-action", offsetof(struct store_customer_edit, next_action), check_action },
	{ "next-date", offsetof(struct store_customer_edit, next_date), check_date },
};

/* "field=value" split: 0, or -1 with *error_r. */
static int split_assignment(const char *assignment, const char *fields, char **field_r,
                            const char **value_r, char **error_r)
{
	const char *eq = strchr(assignment, '=');

	if (eq == NULL || eq == assignment) {
		*error_r = g_strdup_printf("'%s': write field=value (fields: %s)", assignment,
		                           fields);
		return -1;
	}
	*field_r = g_strndup(assignment, (gsize)(eq - assignment));
	*value_r = eq + 1;
	return 0;
}

static const char CUSTOMER_FIELD_NAMES[] =
	"name country industry website tags grade owner stage source next-action next-date";

/* The field at offset of an edit, as a settable pointer. */
static const char **edit_slot(void *edit, size_t offset)
{
	return (const char **)(void *)((char *)edit + offset);
}

static int customer_assignment(const struct core_runtime *rt, const struct store_customer *c,
                               const char *assignment, struct core_customer_change *ch,
                               char **error_r)
{
	char *field = NULL, *value = NULL, *why = NULL;
	const char *raw;
	int ret = -1;

	if (split_assignment(assignment, CUSTOMER_FIELD_NAMES, &field, &raw, error_r) < 0)
		return -1;
	if (strcmp(field, "tags") == 0) {
		char **tags = NULL;
		if (ch->edit.tags_set) {
			*error_r = g_strdup("tags: given twice");
			goto out;
		}
		if (core_tags_apply(c != NULL ? c->tags : NULL, raw, &tags, error_r) < 0)
			goto out;
		g_ptr_array_add(ch->owned, tags);
		ch->edit.tags = tags;
		ch->edit.tags_set = true;
		ret = 0;
		goto out;
	}
	for (size_t i = 0; i < G_N_ELEMENTS(customer_fields); i++) {
		if (strcmp(field, customer_fields[i].name) != 0)
			continue;
		const char **slot = edit_slot(&ch->edit, customer_fields[i].offset);
		if (*slot != NULL) {
			*error_r = g_strdup_printf("%s: given twice", field);
			goto out;
		}
		if (customer_fields[i].check(rt, raw, &value, &why) < 0) {
			*error_r = g_strdup_printf("%s: '%s' %s", field, raw, why);
			goto out;
		}
		*slot = value;
		g_ptr_array_add(ch->owned, value);
		ret = 0;
		goto out;
	}
	*error_r = g_strdup_printf("'%s' is no field of a customer (fields: %s)", field,
	                           CUSTOMER_FIELD_NAMES);
out:
	g_free(field);
	g_free(why);
	return ret;
}

/* Frees what a change owns: strings, and the tag vector. */
static void owned_free(gpointer p, gpointer tags)
{
	if (p == tags)
		g_strfreev(p);
	else
		g_free(p);
}

int core_customer_change_parse(const struct core_runtime *rt, const struct store_customer *c,
                               char *const *assignments, size_t n,
                               struct core_customer_change **change_r, char **error_r)
{
	struct core_customer_change *ch = g_new0(struct core_customer_change, 1);

	ch->owned = g_ptr_array_new();
	for (size_t i = 0; i < n; i++) {
		if (customer_assignment(rt, c, assignments[i], ch, error_r) < 0) {
			core_customer_change_free(&ch);
			return -1;
		}
	}
	*change_r = ch;
	return 0;
}

void core_customer_change_free(struct core_customer_change **chp)
{
	struct core_customer_change *ch = *chp;

	if (ch == NULL)
		return;
	*chp = NULL;
	g_ptr_array_foreach(ch->owned, owned_free, (gpointer)ch->edit.tags);
	g_ptr_array_free(ch->owned, TRUE);
	g_free(ch);
}

/* ---- checking a contact's fields ---- */

static int contact_phone(const char *value, const char *country, char **value_r,
                         char **why_r)
{
	struct phone_plan plan;
	char *error = NULL;

	if (value[0] == '\0') {
		*value_r = g_strdup("");
		return 0;
	}
	bool have_plan = country != NULL && country_phone_plan(country, &plan) == 0;
	if (phone_to_e164(value, have_plan ? &plan : NULL, value_r, &error) < 0) {
		*why_r = g_strdup_printf("cannot be made E.164: %s", error);
		g_free(error);
		return -1;
	}
	if (!country_calling_code_known(*value_r)) {
		*why_r = g_strdup_printf("cannot be made E.164: %s starts with no country's "
		                         "calling code", *value_r);
		g_free(*value_r);
		*value_r = NULL;
		return -1;
	}
	return 0;
}

static int contact_field(const char *field, const char *raw, const char *country,
                         char **value_r, char **why_r)
{
	if (strcmp(field, "name") == 0)
		return check_plain(raw, NAME_MAX_CHARS, value_r, why_r);
	if (strcmp(field, "title") == 0)
		return check_plain(raw, SHORT_MAX_CHARS, value_r, why_r);
	if (strcmp(field, "phone") == 0)
		return contact_phone(raw, country, value_r, why_r);
	/* role */
	const char *role = raw[0] == '\0' ? "" : one_of(roles, G_N_ELEMENTS(roles), raw);
	if (role == NULL) {
		char *list = joined(roles, G_N_ELEMENTS(roles));
		*why_r = g_strdup_printf("is no role (one of %s)", list);
		g_free(list);
		return -1;
	}
	*value_r = g_strdup(role);
	return 0;
}

static const char CONTACT_FIELD_NAMES[] = "name role title phone";

int core_contact_change_parse(char *const *assignments, size_t n, const char *country,
                              struct core_contact_change **change_r, char **error_r)
{
	static const struct {
		const char *name;
		size_t offset;
	} fields[] = {
		{ "name", offsetof(struct store_contact_edit, name) },
		{ "role", offsetof(struct store_contact_edit, role) },
		{ "title", offsetof(struct store_contact_edit, title) },
		{ "phone", offsetof(struct store_contact_edit, phone) },
	};
	struct core_contact_change *ch = g_new0(struct core_contact_change, 1);

	ch->owned = g_ptr_array_new_with_free_func(g_free);
	for (size_t i = 0; i < n; i++) {
		char *field = NULL, *value = NULL, *why = NULL;
		const char *raw;
		size_t k;
		if (split_assignment(assignments[i], CONTACT_FIELD_NAMES, &field, &raw, error_r) < 0)
			goto fail;
		for (k = 0; k < G_N_ELEMENTS(fields) && strcmp(fields[k].name, field) != 0; k++)
			;
		if (k == G_N_ELEMENTS(fields))
			*error_r = g_strdup_printf("'%s' is no field of a contact (fields: %s)",
			                           field, CONTACT_FIELD_NAMES);
		else if (*edit_slot(&ch->edit, fields[k].offset) != NULL)
			*error_r = g_strdup_printf("%s: given twice", field);
		else if (contact_field(field, raw, country, &value, &why) < 0)
			*error_r = g_strdup_printf("%s: '%s' %s", field, raw, why);
		if (value != NULL) {
			*edit_slot(&ch->edit, fields[k].offset) = value;
			g_ptr_array_add(ch->owned, value);
		}
		g_free(field);
		g_free(why);
		if (value == NULL)
			goto fail;
	}
	*change_r = ch;
	return 0;
fail:
	core_contact_change_free(&ch);
	return -1;
}

void core_contact_change_free(struct core_contact_change **chp)
{
	struct core_contact_change *ch = *chp;

	if (ch == NULL)
		return;
	*chp = NULL;
	g_ptr_array_free(ch->owned, TRUE);
	g_free(ch);
}

/* ---- notes ---- */

bool core_note_kind_valid(const char *kind)
{
	for (size_t i = 0; kind != NULL && i < G_N_ELEMENTS(note_kinds); i++) {
		if (strcmp(note_kinds[i], kind) == 0)
			return true;
	}
	return false;
}

const char *core_note_text_invalid(const char *text)
{
	const char *p = text;

	while (*p == ' ' || *p == '\t' || *p == '\n')
		p++;
	if (*p == '\0')
		return "is empty";
	return core_text_invalid(text, NOTE_MAX_CHARS, true);
}

/* ---- what the sheet shows ---- */

const char *core_country_code(const char *text)
{
	return country_code(text);
}

const char *core_customer_country(const struct store_customer *c, const char **source_r)
{
	const char *guess;

	if (c->country != NULL) {
		*source_r = "manual";
		return c->country;
	}
	guess = country_of_domain(c->key);
	*source_r = guess != NULL ? "domain" : NULL;
	return guess;
}

const char *core_customer_grade(const struct store_customer *c, const char **source_r)
{
	if (c->grade_manual != NULL) {
		*source_r = "manual";
		return c->grade_manual;
	}
	*source_r = "computed";
	return c->grade_computed;
}

int64_t core_customer_last_contact(const struct store_customer *c)
{
	return MAX(c->last_inbound, c->last_outbound);
}

int core_customer_sort_parse(const char *text, enum core_customer_sort *sort_r)
{
	static const struct {
		const char *name;
		enum core_customer_sort sort;
	} sorts[] = {
		{ "last-contact", CORE_SORT_LAST_CONTACT },
		{ "grade", CORE_SORT_GRADE },
		{ "next-date", CORE_SORT_NEXT_DATE },
		{ "name", CORE_SORT_NAME },
	};

	for (size_t i = 0; i < G_N_ELEMENTS(sorts); i++) {
		if (strcmp(text, sorts[i].name) == 0) {
			*sort_r = sorts[i].sort;
			return 0;
		}
	}
	return -1;
}

static bool has_tag_v(char *const *tags, const char *tag)
{
	for (; tags != NULL && *tags != NULL; tags++) {
		if (strcmp(*tags, tag) == 0)
			return true;
	}
	return false;
}

struct sort_item {
	struct store_customer *c;
	char *name;               /* casefolded: "acme" before "Beta" */
	int64_t next;             /* INT64_MAX: no next action */
	size_t grade;             /* index in the grades; their count: none */
};

static bool keep(const struct sort_item *it, const struct core_customer_filter *f,
                 const char *tag, const char *stage, int64_t now)
{
	const struct store_customer *c = it->c;
	const char *source;

	if (f->grade != NULL && g_strcmp0(core_customer_grade(c, &source), f->grade) != 0)
		return false;
	/* A customer whose stage nobody moved is a lead. */
	if (stage != NULL && strcmp(c->stage != NULL ? c->stage : "lead", stage) != 0)
		return false;
	if (f->owner != NULL &&
	    (strcmp(f->owner, "none") == 0 ? c->owner != NULL
	                                   : g_ascii_strcasecmp(c->owner != NULL ? c->owner : "",
	                                                        f->owner) != 0))
		return false;
	if (f->country != NULL) {
		const char *country = core_customer_country(c, &source);
		if (country == NULL || g_ascii_strcasecmp(country, f->country) != 0)
			return false;
	}
	if (tag != NULL && !has_tag_v(c->tags, tag))
		return false;
	if (f->silent && core_customer_last_contact(c) != INT64_MIN &&
	    core_customer_last_contact(c) > now - (int64_t)MIN(f->silent_for, (uint64_t)now))
		return false;
	if (f->next_due && (it->next == INT64_MAX || it->next > now + (int64_t)f->next_due_within))
		return false;
	return true;
}

static int cmp_int64(int64_t a, int64_t b)
{
	return (a > b) - (a < b);
}

static gint sort_cmp(gconstpointer pa, gconstpointer pb, gpointer data)
{
	const struct sort_item *a = pa, *b = pb;
	enum core_customer_sort sort = *(const enum core_customer_sort *)data;
	int r = 0;

	switch (sort) {
	case CORE_SORT_LAST_CONTACT:
		r = cmp_int64(core_customer_last_contact(b->c), core_customer_last_contact(a->c));
		break;
	case CORE_SORT_GRADE:
		r = (a->grade > b->grade) - (a->grade < b->grade);
		break;
	case CORE_SORT_NEXT_DATE:
		r = cmp_int64(a->next, b->next);
		break;
	case CORE_SORT_NAME:
		r = g_utf8_collate(a->name, b->name);
		if (r == 0)
			r = strcmp(a->c->key, b->c->key);
		break;
	case CORE_SORT_ACTIVITY:
		break;
	}
	return r;
}

/* A grade no longer among the grades (renamed since) ranks as none. */
static size_t grade_rank(const struct store_customer *c, const char *const *grades, size_t n)
{
	const char *source;
	const char *grade = core_customer_grade(c, &source);
	size_t i;

	for (i = 0; grade != NULL && i < n; i++) {
		if (strcmp(grades[i], grade) == 0)
			break;
	}
	return grade != NULL ? i : n;
}

void core_customers_select(struct store_customer **list, size_t n,
                           const struct core_customer_filter *filter, int64_t now,
                           const char *timezone, size_t *n_r)
{
	struct sort_item *items = g_new0(struct sort_item, n > 0 ? n : 1);
	char *tag = filter->tag != NULL ? g_utf8_strdown(filter->tag, -1) : NULL;
	char *stage = filter->stage != NULL ? g_utf8_strdown(filter->stage, -1) : NULL;
	size_t kept = 0, n_grades = filter->n_grades;
	const char *const *grades = filter->grades != NULL ? filter->grades
	                                                   : core_grades(NULL, &n_grades);

	for (size_t i = 0; i < n; i++) {
		struct sort_item it = { .c = list[i], .next = INT64_MAX,
		                        .grade = grade_rank(list[i], grades, n_grades),
		                        .name = g_utf8_casefold(list[i]->name, -1) };
		if (list[i]->next_date != NULL &&
		    core_sheet_date_time(list[i]->next_date, timezone, &it.next) < 0)
			it.next = INT64_MAX;
		if (keep(&it, filter, tag, stage, now)) {
			items[kept++] = it;
		} else {
			store_customer_free(&list[i]);
			g_free(it.name);
		}
	}
	/* Stable: equals stay in the store's order (latest mail first). */
	g_qsort_with_data(items, (gint)kept, sizeof(*items), sort_cmp,
	                  (gpointer)&filter->sort);
	for (size_t i = 0; i < kept; i++) {
		list[i] = items[i].c;
		g_free(items[i].name);
	}
	for (size_t i = kept; i < n; i++)
		list[i] = NULL;
	*n_r = kept;
	g_free(items);
	g_free(tag);
	g_free(stage);
}
