/* core/records: what people write into the follow-up sheet, checked field
 * by field (tags, dates, grades, owners, countries, phones …), and the
 * filters and sorts of `followup customers`. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <glib.h>

#include "core/records.h"
#include "core/stages.h"
#include "store/store.h"

/* A runtime with what the checks use: the team and the config's path. */
static const struct owner_person persons[] = {
	{ .email = "li.wei@example.com", .name = "Li Wei" },
	{ .email = "zhang@example.com", .name = "Zhang" },
};
static struct config cfg = { .path = (char *)"/etc/followup/followup.conf" };
static const struct core_runtime rt = {
	.cfg = &cfg,
	.team = { .persons = persons, .n_persons = G_N_ELEMENTS(persons) },
};

static char *tags_text(char **tags)
{
	return g_strjoinv(",", tags);
}

static void expect_tags(char **current, const char *spec, const char *want)
{
	char **tags = NULL, *error = NULL;

	if (core_tags_apply(current, spec, &tags, &error) != 0)
		fail_msg("tags '%s': %s", spec, error);
	char *got = tags_text(tags);
	if (strcmp(got, want) != 0)
		fail_msg("tags '%s': got '%s', want '%s'", spec, got, want);
	g_free(got);
	g_strfreev(tags);
}

static void expect_tags_refused(const char *spec, const char *words)
{
	char **tags = NULL, *error = NULL;

	if (core_tags_apply(NULL, spec, &tags, &error) == 0)
		fail_msg("tags '%s' accepted", spec);
	if (strstr(error, words) == NULL || strncmp(error, "tags: ", 6) != 0)
		fail_msg("tags '%s': '%s' does not say '%s'", spec, error, words);
	g_free(error);
}

static void test_tags(void **state)
{
	char *current[] = { "export", "vip", NULL };

	(void)state;
	expect_tags(current, "b, a", "a,b");
	expect_tags(current, "+new,-vip", "export,new");
	expect_tags(current, " +Export , +VIP", "export,vip");       /* no duplicates */
	expect_tags(current, "-nothere", "export,vip");
	expect_tags(current, "", "");
	expect_tags(NULL, "+a", "a");
	expect_tags(NULL, "Key Account,展会", "key account,展会");
	expect_tags_refused("a,+b", "not both");
	expect_tags_refused("a,,b", "empty");
	expect_tags_refused("+-x", "starts with");
	expect_tags_refused("a\x1b[2J", "control");
	expect_tags_refused("abcdefghijabcdefghijabcdefghijabcdefghijX", "40");
}

static void test_dates(void **state)
{
	char *out = NULL, *error = NULL;
	int64_t t;

	(void)state;
	assert_int_equal(core_sheet_date_parse("2026-11-24", &out, &error), 0);
	assert_string_equal(out, "2026-11-24");
	g_free(out);
	assert_int_equal(core_sheet_date_parse("2026-11-24T09:00:00+08:00", &out, &error), 0);
	assert_string_equal(out, "2026-11-24T01:00:00Z");
	g_free(out);
	static const char *const bad[] = { "2026-02-30", "24.11.2026", "2026-11-24T09:00:00",
	                                   "tomorrow", "", "1969-12-31", "2026-11-2" };
	for (size_t i = 0; i < G_N_ELEMENTS(bad); i++) {
		if (core_sheet_date_parse(bad[i], &out, &error) == 0)
			fail_msg("'%s' accepted as %s", bad[i], out);
		assert_non_null(strstr(error, "YYYY-MM-DD"));
		g_free(error);
		error = NULL;
	}
	/* A day starts at midnight in the company's time zone. */
	assert_int_equal(core_sheet_date_time("2026-11-24", "Asia/Shanghai", &t), 0);
	assert_int_equal(t, INT64_C(1795478400) - 8 * 3600);
	assert_int_equal(core_sheet_date_time("2026-11-24", NULL, &t), 0);
	assert_int_equal(t, INT64_C(1795478400));
	assert_int_equal(core_sheet_date_time("2026-11-24T01:00:00Z", "Asia/Shanghai", &t), 0);
	assert_int_equal(t, INT64_C(1795478400) + 3600);
}

static struct core_customer_change *change(const struct store_customer *c, const char *a,
                                           const char *b)
{
	char *argv[] = { (char *)a, (char *)b, NULL };
	struct core_customer_change *ch = NULL;
	char *error = NULL;

	if (core_customer_change_parse(&rt, c, argv, b != NULL ? 2 : 1, &ch, &error) != 0)
		fail_msg("'%s' refused: %s", a, error);
	return ch;
}

static void expect_refused(const char *assignment, const char *words)
{
	char *argv[] = { (char *)assignment, NULL };
	struct core_customer_change *ch = NULL;
	char *error = NULL;

	if (core_customer_change_parse(&rt, NULL, argv, 1, &ch, &error) == 0)
		fail_msg("'%s' accepted", assignment);
	assert_null(ch);
	if (strstr(error, words) == NULL)
		fail_msg("'%s': '%s' does not say '%s'", assignment, error, words);
	g_free(error);
}

static void test_customer_fields(void **state)
{
	char *tags[] = { "vip", NULL };
	struct store_customer c = { .key = (char *)"kunde.de", .tags = tags };
	struct core_customer_change *ch;

	(void)state;
	ch = change(&c, "country=de", "grade=a");
	assert_string_equal(ch->edit.country, "DE");
	assert_string_equal(ch->edit.grade, "A");
	assert_null(ch->edit.name);
	assert_false(ch->edit.tags_set);
	core_customer_change_free(&ch);
	ch = change(&c, "grade=auto", "owner=LI.WEI@example.com");
	assert_string_equal(ch->edit.grade, "");
	assert_string_equal(ch->edit.owner, "li.wei@example.com");
	core_customer_change_free(&ch);
	ch = change(&c, "owner=none", "tags=+export");
	assert_string_equal(ch->edit.owner, "");
	assert_true(ch->edit.tags_set);
	assert_string_equal(ch->edit.tags[0], "export");
	assert_string_equal(ch->edit.tags[1], "vip");
	core_customer_change_free(&ch);
	ch = change(&c, "website=www.kunde.de/en", "next-date=2026-12-01");
	assert_string_equal(ch->edit.website, "https://www.kunde.de/en");
	assert_string_equal(ch->edit.next_date, "2026-12-01");
	core_customer_change_free(&ch);
	ch = change(&c, "source=Fair", "stage=Quoted");
	assert_string_equal(ch->edit.source, "fair");
	assert_string_equal(ch->edit.stage, "quoted");
	core_customer_change_free(&ch);
	ch = change(&c, "source=LinkedIn group", "name=Kunde GmbH & Co. KG");
	assert_string_equal(ch->edit.source, "LinkedIn group");
	assert_string_equal(ch->edit.name, "Kunde GmbH & Co. KG");
	core_customer_change_free(&ch);
	ch = change(&c, "industry=", "next-action=call Hans about = signs");
	assert_string_equal(ch->edit.industry, "");
	assert_string_equal(ch->edit.next_action, "call Hans about = signs");
	core_customer_change_free(&ch);

	expect_refused("country=XX", "country: 'XX' is no ISO 3166-1");
	expect_refused("grade=D", "grade: 'D' is no grade (one of S, A, B, C, E");
	expect_refused("owner=boss@example.com", "owner: 'boss@example.com' is not a [person]");
	expect_refused("website=ftp://kunde.de", "website:");
	expect_refused("website=localhost", "website:");
	expect_refused("website=https://user:pw@kunde.de", "website:");
	expect_refused("next-date=next week", "next-date: 'next week' is no date");
	expect_refused("colour=red", "'colour' is no field of a customer");
	expect_refused("country", "write field=value");
	expect_refused("=DE", "write field=value");
	expect_refused("name=evil\x1b]0;x\x07", "name: ");
	expect_refused("tags=a,+b", "tags: ");
	expect_refused("stage=verhandlung", "stage: 'verhandlung' is no stage (one of lead, "
	               "inquiry, quoted, sampling, negotiating, ordered, shipped, paid, lost, "
	               "dormant)");

	/* One bad value refuses the whole change; a field twice too. */
	char *argv[] = { "country=DE", "grade=Z", NULL };
	char *error = NULL;
	assert_int_equal(core_customer_change_parse(&rt, &c, argv, 2, &ch, &error), -1);
	assert_non_null(strstr(error, "grade"));
	g_free(error);
	char *twice[] = { "grade=A", "grade=B", NULL };
	assert_int_equal(core_customer_change_parse(&rt, &c, twice, 2, &ch, &error), -1);
	assert_non_null(strstr(error, "twice"));
	g_free(error);
}

/* [stages]: the team's names, checked as the config is loaded; the ids
 * stored, the names shown and accepted. */
static struct ini_item stage_items[] = {
	{ (char *)"quoted", (char *)" 已报价 ", 40 },
	{ (char *)"Negotiating", (char *)"In Talks", 41 },
};

static char *stage_names_error(struct ini_item *items, size_t n)
{
	struct config bad = { .path = (char *)"/etc/followup/followup.conf",
	                      .stages = { .items = items, .n_items = n } };
	struct core_stage_names *names = NULL;
	char *error = NULL;

	assert_int_equal(core_stage_names_new(&bad, &names, &error), -1);
	assert_null(names);
	assert_non_null(error);
	return error;
}

static void expect_stages_refused(struct ini_item *items, size_t n, const char *want)
{
	char *error = stage_names_error(items, n);

	if (strcmp(error, want) != 0)
		fail_msg("'%s' is not '%s'", error, want);
	g_free(error);
}

static void test_stage_names(void **state)
{
	struct config named = { .path = (char *)"/etc/followup/followup.conf",
	                        .stages = { .items = stage_items, .n_items = 2 } };
	struct core_stage_names *names = NULL;
	struct core_runtime rt_named = rt;
	struct core_customer_change *ch = NULL;
	char *error = NULL, *list;

	(void)state;
	assert_int_equal(core_stage_names_new(&named, &names, &error), 0);
	assert_null(error);
	/* What people write: the name or the id, case and blanks aside. */
	assert_string_equal(core_stage_id(names, "已报价"), "quoted");
	assert_string_equal(core_stage_id(names, "QUOTED"), "quoted");
	assert_string_equal(core_stage_id(names, " in talks "), "negotiating");
	assert_string_equal(core_stage_id(names, "Lost"), "lost");
	assert_null(core_stage_id(names, "verhandlung"));
	assert_null(core_stage_id(names, ""));
	/* What is shown: the name, else the id; a word from before as it is. */
	assert_string_equal(core_stage_display(names, "quoted"), "已报价");
	assert_string_equal(core_stage_display(names, "negotiating"), "In Talks");
	assert_string_equal(core_stage_display(names, "ordered"), "ordered");
	assert_string_equal(core_stage_display(names, "trial run"), "trial run");
	assert_null(core_stage_display(names, NULL));
	assert_string_equal(core_stage_display(NULL, "quoted"), "quoted");
	assert_string_equal(core_stage_id(NULL, "quoted"), "quoted");
	assert_null(core_stage_id(NULL, "已报价"));
	list = core_stage_list(names);
	assert_string_equal(list, "lead, inquiry, 已报价, sampling, In Talks, ordered, shipped, "
	                          "paid, lost, dormant");
	g_free(list);

	/* customer set stores the id of the name. */
	rt_named.stages = names;
	char *argv[] = { "stage=已报价", NULL };
	assert_int_equal(core_customer_change_parse(&rt_named, NULL, argv, 1, &ch, &error), 0);
	assert_string_equal(ch->edit.stage, "quoted");
	core_customer_change_free(&ch);
	char *bad[] = { "stage=Verhandlung", NULL };
	assert_int_equal(core_customer_change_parse(&rt_named, NULL, bad, 1, &ch, &error), -1);
	assert_non_null(strstr(error, "stage: 'Verhandlung' is no stage (one of lead, inquiry, "
	                              "已报价, sampling, In Talks"));
	g_free(error);

	/* The moves on a timeline in the team's names; other entries alone. */
	struct store_entry move = { .kind = "stage", .direction = "note", .stage_to = "quoted",
	                            .snippet = g_strdup("lead → quoted") };
	struct store_entry call = { .kind = "call", .direction = "note",
	                            .snippet = g_strdup("called Hans") };
	struct store_entry *entries[] = { &move, &call };
	core_stage_entries_name(names, entries, 2);
	assert_string_equal(move.snippet, "lead → 已报价");
	assert_string_equal(call.snippet, "called Hans");
	g_free(move.snippet);
	g_free(call.snippet);
	core_stage_names_free(&names);
	assert_null(names);

	/* Errors name the file, the line and the key. */
	struct ini_item unknown[] = { { (char *)"quotd", (char *)"Angebot", 7 } };
	expect_stages_refused(unknown, 1, "/etc/followup/followup.conf:7: [stages] quotd: no such "
	                      "stage (the stages: lead, inquiry, quoted, sampling, negotiating, "
	                      "ordered, shipped, paid, lost, dormant)");
	struct ini_item twice[] = { { (char *)"quoted", (char *)"Angebot", 7 },
	                            { (char *)"QUOTED", (char *)"Offerte", 9 } };
	expect_stages_refused(twice, 2, "/etc/followup/followup.conf:9: [stages] QUOTED: given "
	                      "twice (first at line 7)");
	struct ini_item clash[] = { { (char *)"quoted", (char *)"Angebot", 7 },
	                            { (char *)"sampling", (char *)"ANGEBOT", 8 } };
	expect_stages_refused(clash, 2, "/etc/followup/followup.conf:8: [stages] sampling: "
	                      "'ANGEBOT' stands for the stage quoted already (each name may "
	                      "stand for one stage)");
	struct ini_item id_clash[] = { { (char *)"lost", (char *)"Ordered", 7 } };
	error = stage_names_error(id_clash, 1);
	assert_non_null(strstr(error, "stands for the stage ordered already"));
	g_free(error);
	struct ini_item empty[] = { { (char *)"lost", (char *)"  ", 7 } };
	error = stage_names_error(empty, 1);
	assert_non_null(strstr(error, ":7: [stages] lost: an empty name"));
	g_free(error);
	struct ini_item control[] = { { (char *)"lost", (char *)"x\x1b[2J", 7 } };
	error = stage_names_error(control, 1);
	assert_non_null(strstr(error, ":7: [stages] lost: "));
	g_free(error);
	/* Its own id is no clash: "quoted = Quoted" only capitalises it. */
	struct ini_item self[] = { { (char *)"quoted", (char *)"Quoted", 7 } };
	named.stages.items = self;
	named.stages.n_items = 1;
	assert_int_equal(core_stage_names_new(&named, &names, &error), 0);
	assert_string_equal(core_stage_display(names, "quoted"), "Quoted");
	core_stage_names_free(&names);
}

static void test_contact_fields(void **state)
{
	struct core_contact_change *ch = NULL;
	char *error = NULL;

	(void)state;
	char *good[] = { "phone=089 1234-567", "role=Decision-Maker", "title=Einkauf",
	                 "name=Hans Müller", NULL };
	assert_int_equal(core_contact_change_parse(good, 4, "DE", &ch, &error), 0);
	assert_string_equal(ch->edit.phone, "+49891234567");
	assert_string_equal(ch->edit.role, "decision-maker");
	assert_string_equal(ch->edit.title, "Einkauf");
	assert_string_equal(ch->edit.name, "Hans Müller");
	core_contact_change_free(&ch);
	char *intl[] = { "phone=+86 (0)21 6888 1234", NULL };
	assert_int_equal(core_contact_change_parse(intl, 1, NULL, &ch, &error), 0);
	assert_string_equal(ch->edit.phone, "+862168881234");
	core_contact_change_free(&ch);

	static const struct { const char *a, *country, *words; } bad[] = {
		{ "phone=089 1234567", NULL, "phone: '089 1234567' cannot be made E.164: a "
		                             "national number needs the customer's country" },
		{ "phone=+999 1234 5678", "DE", "phone: '+999 1234 5678' cannot be made E.164: "
		                                "+99912345678 starts with no country's calling code" },
		{ "phone=call me", "DE", "phone: 'call me' cannot be made E.164" },
		{ "role=boss", "DE", "role: 'boss' is no role (one of buyer, engineer, finance, "
		                     "decision-maker, other)" },
		{ "email=x@y.z", "DE", "'email' is no field of a contact" },
	};
	for (size_t i = 0; i < G_N_ELEMENTS(bad); i++) {
		char *argv[] = { (char *)bad[i].a, NULL };
		if (core_contact_change_parse(argv, 1, bad[i].country, &ch, &error) == 0)
			fail_msg("'%s' accepted", bad[i].a);
		if (strstr(error, bad[i].words) == NULL)
			fail_msg("'%s': '%s' does not say '%s'", bad[i].a, error, bad[i].words);
		g_free(error);
		error = NULL;
	}
}

static void test_notes(void **state)
{
	(void)state;
	assert_true(core_note_kind_valid("call"));
	assert_true(core_note_kind_valid("whatsapp"));
	assert_false(core_note_kind_valid("Call"));
	assert_false(core_note_kind_valid("stage"));   /* followupd's, not a person's */
	assert_false(core_note_kind_valid(NULL));
	assert_null(core_note_text_invalid("Called Hans.\nHe wants a sample."));
	assert_non_null(core_note_text_invalid("  \n "));
	assert_non_null(core_note_text_invalid("bad \x1b[2J"));
}

static struct store_customer *cust(const char *key, const char *grade, int64_t last_in,
                                   const char *next_date, const char *owner, const char *tag)
{
	struct store_customer *c = g_new0(struct store_customer, 1);

	c->key = g_strdup(key);
	c->name = g_strdup(key);
	c->grade_manual = g_strdup(grade);
	c->last_inbound = last_in;
	c->last_outbound = INT64_MIN;
	c->next_date = g_strdup(next_date);
	c->owner = g_strdup(owner);
	c->tags = g_new0(char *, 2);
	c->tags[0] = g_strdup(tag);
	return c;
}

/* Selects from a fresh list; returns the keys kept, in order. */
static char *select_keys(const struct core_customer_filter *f)
{
	const int64_t day = 24 * 3600, now = INT64_C(1795478400);   /* 2026-11-24T00:00Z */
	struct store_customer *list[] = {
		cust("kunde.de", "A", now - 40 * day, "2026-11-26", NULL, "vip"),
		cust("zavod.ru", NULL, now - 2 * day, NULL, "li.wei@example.com", NULL),
		cust("factory.com.cn", "S", INT64_MIN, "2026-11-20", "zhang@example.com", "vip"),
		cust("alpha.com", "C", now - 10 * day, "2026-12-30", NULL, NULL),
	};
	size_t n = 0;
	GString *out = g_string_new(NULL);

	core_customers_select(list, G_N_ELEMENTS(list), f, now, "UTC", &n);
	for (size_t i = 0; i < n; i++)
		g_string_append_printf(out, "%s%s", i > 0 ? " " : "", list[i]->key);
	for (size_t i = 0; i < n; i++)
		store_customer_free(&list[i]);
	for (size_t i = n; i < G_N_ELEMENTS(list); i++)
		assert_null(list[i]);
	return g_string_free(out, FALSE);
}

static void expect_select(const struct core_customer_filter *f, const char *want)
{
	char *got = select_keys(f);

	if (strcmp(got, want) != 0)
		fail_msg("got '%s', want '%s'", got, want);
	g_free(got);
}

static void test_select(void **state)
{
	(void)state;
	expect_select(&(struct core_customer_filter){ 0 },
	              "kunde.de zavod.ru factory.com.cn alpha.com");
	expect_select(&(struct core_customer_filter){ .grade = "A" }, "kunde.de");
	expect_select(&(struct core_customer_filter){ .owner = "none" }, "kunde.de alpha.com");
	expect_select(&(struct core_customer_filter){ .owner = "Zhang@example.com" },
	              "factory.com.cn");
	expect_select(&(struct core_customer_filter){ .country = "de" }, "kunde.de");
	expect_select(&(struct core_customer_filter){ .country = "CN" }, "factory.com.cn");
	expect_select(&(struct core_customer_filter){ .tag = "VIP" }, "kunde.de factory.com.cn");
	expect_select(&(struct core_customer_filter){ .silent = true, .silent_for = 30 * 86400 },
	              "kunde.de factory.com.cn");
	expect_select(&(struct core_customer_filter){ .next_due = true,
	                                              .next_due_within = 7 * 86400 },
	              "kunde.de factory.com.cn");
	expect_select(&(struct core_customer_filter){ .sort = CORE_SORT_GRADE },
	              "factory.com.cn kunde.de alpha.com zavod.ru");
	expect_select(&(struct core_customer_filter){ .sort = CORE_SORT_NEXT_DATE },
	              "factory.com.cn kunde.de alpha.com zavod.ru");
	expect_select(&(struct core_customer_filter){ .sort = CORE_SORT_LAST_CONTACT },
	              "zavod.ru alpha.com kunde.de factory.com.cn");
	expect_select(&(struct core_customer_filter){ .sort = CORE_SORT_NAME },
	              "alpha.com factory.com.cn kunde.de zavod.ru");
	expect_select(&(struct core_customer_filter){ .tag = "vip", .sort = CORE_SORT_NAME,
	                                              .silent = true, .silent_for = 86400 },
	              "factory.com.cn kunde.de");

	enum core_customer_sort s;
	assert_int_equal(core_customer_sort_parse("grade", &s), 0);
	assert_int_equal(s, CORE_SORT_GRADE);
	assert_int_equal(core_customer_sort_parse("size", &s), -1);
}

static void test_country_and_grade(void **state)
{
	struct store_customer c = { .key = (char *)"kunde.de" };
	const char *source;

	(void)state;
	assert_string_equal(core_customer_country(&c, &source), "DE");
	assert_string_equal(source, "domain");
	c.country = (char *)"AT";
	assert_string_equal(core_customer_country(&c, &source), "AT");
	assert_string_equal(source, "manual");
	c.key = (char *)"bob@gmail.com";
	c.country = NULL;
	assert_null(core_customer_country(&c, &source));
	assert_null(source);
	assert_null(core_customer_grade(&c, &source));
	assert_string_equal(source, "computed");
	c.grade_computed = (char *)"B";
	assert_string_equal(core_customer_grade(&c, &source), "B");
	c.grade_manual = (char *)"S";
	assert_string_equal(core_customer_grade(&c, &source), "S");
	assert_string_equal(source, "manual");
}

/* Grades renamed in [grading]: what customer set takes, and the order
 * --sort grade follows (a grade of a name no longer configured last). */
static void test_renamed_grades(void **state)
{
	static char *names[] = { "Gold", "Silver", "Sleeping", NULL };
	static struct config renamed = {
		.path = (char *)"/etc/followup/followup.conf",
		.grading = { .grades = names, .n_grades = 3 },
	};
	const struct core_runtime rt2 = { .cfg = &renamed };
	struct core_customer_change *ch = NULL;
	char *argv[] = { "grade=silver", NULL }, *old[] = { "grade=A", NULL }, *error = NULL;
	size_t n;

	(void)state;
	assert_ptr_equal(core_grades(&renamed, &n), names);
	assert_int_equal(n, 3);
	assert_string_equal(core_grades(NULL, &n)[4], "E");
	assert_int_equal(n, 5);
	assert_null(core_grades(NULL, &n)[5]);

	assert_int_equal(core_customer_change_parse(&rt2, NULL, argv, 1, &ch, &error), 0);
	assert_string_equal(ch->edit.grade, "Silver");
	core_customer_change_free(&ch);
	assert_int_equal(core_customer_change_parse(&rt2, NULL, old, 1, &ch, &error), -1);
	assert_non_null(strstr(error, "grade: 'A' is no grade (one of Gold, Silver, Sleeping"));
	g_free(error);

	struct store_customer *list[] = {
		cust("a.com", "A", INT64_MIN, NULL, NULL, NULL),
		cust("b.com", "Sleeping", INT64_MIN, NULL, NULL, NULL),
		cust("c.com", "Gold", INT64_MIN, NULL, NULL, NULL),
	};
	const struct core_customer_filter f = { .sort = CORE_SORT_GRADE,
	                                        .grades = (const char *const *)names, .n_grades = 3 };
	core_customers_select(list, 3, &f, INT64_C(1795478400), "UTC", &n);
	assert_int_equal(n, 3);
	assert_string_equal(list[0]->key, "c.com");
	assert_string_equal(list[1]->key, "b.com");
	assert_string_equal(list[2]->key, "a.com");
	for (size_t i = 0; i < n; i++)
		store_customer_free(&list[i]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_renamed_grades),
		cmocka_unit_test(test_tags),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_customer_fields),
		cmocka_unit_test(test_stage_names),
		cmocka_unit_test(test_contact_fields),
		cmocka_unit_test(test_notes),
		cmocka_unit_test(test_select),
		cmocka_unit_test(test_country_and_grade),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
