/* lib/search_text and lib/search_query: the indexed form of text (CJK as
 * characters and bigrams), the query made into FTS5 (never FTS5 syntax
 * from the input), and the highlighted excerpt; every query checked
 * against a real FTS5 table. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <glib.h>
#include <sqlite3.h>

#include "lib/search_query.h"
#include "lib/search_text.h"

static void test_index_text(void **state)
{
	static const struct { const char *in, *out; } cases[] = {
		{ "液压泵报价", " 液 压 泵 报 价 液压 压泵 泵报 报价 " },
		{ "请报价DN100阀门。", " 请 报 价 请报 报价 DN100 阀 门 阀门 。" },
		{ "ポンプの見積", " ポ ン プ の 見 積 ポン ンプ プの の見 見積 " },
		{ "견적서 요청", " 견 적 서 견적 적서   요 청 요청 " },
		{ "Anfrage für Ölförderung", "Anfrage für Ölförderung" },
		{ "泵", " 泵 " },
		{ "", "" },
		{ "a\xff" "b", "a\xef\xbf\xbd" "b" },   /* invalid UTF-8 made valid */
	};

	(void)state;
	for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
		char *got = search_index_text(cases[i].in);
		assert_string_equal(got, cases[i].out);
		g_free(got);
	}
	char *none = search_index_text(NULL);
	assert_string_equal(none, "");
	g_free(none);
	assert_true(search_is_cjk(0x6db2));     /* 液 */
	assert_true(search_is_cjk(0x30fc));     /* ー */
	assert_true(search_is_cjk(0xac00));     /* 가 */
	assert_false(search_is_cjk(0x3002));    /* 。 */
	assert_false(search_is_cjk('a'));
	assert_int_equal(search_fold_char(0xd6), 'o');     /* Ö */
	assert_int_equal(search_fold_char(0xdf), 0xdf);    /* ß stays */
	assert_int_equal(search_fold_char(0xac00), 0xac00);/* Hangul is not decomposed */
}

static void parses(const char *in, const char *match, const char *customer)
{
	struct search_query q;
	char *error = NULL;

	if (search_query_parse(in, &q, &error) < 0)
		fail_msg("'%s': %s", in, error);
	if (g_strcmp0(q.match, match) != 0)
		fail_msg("'%s' gave '%s', not '%s'", in, q.match, match);
	assert_string_equal(q.customer != NULL ? q.customer : "-", customer != NULL ? customer : "-");
	search_query_clear(&q);
}

static void refused(const char *in, const char *words)
{
	struct search_query q;
	char *error = NULL;

	if (search_query_parse(in, &q, &error) == 0)
		fail_msg("'%s' parsed as '%s'", in, q.match);
	if (strstr(error, words) == NULL)
		fail_msg("'%s': '%s' does not say '%s'", in, error, words);
	assert_null(q.match);
	g_free(error);
}

#define T SEARCH_TEXT_COLUMNS " : "

static void test_query(void **state)
{
	(void)state;
	parses("报价", T "(\"报价\")", NULL);
	parses("液压", T "(\"液压\")", NULL);
	parses("液压泵", T "(\"液压 压泵\")", NULL);
	parses("泵", T "(\"泵\")", NULL);
	parses("見積", T "(\"見積\")", NULL);
	parses("ポンプ", T "(\"ポン ンプ\")", NULL);
	parses("견적서", T "(\"견적 적서\")", NULL);
	parses("Ölförderung", T "(\"olforderung\")", NULL);
	parses("Pumpe XP-200", T "(\"pumpe\" AND \"xp 200\")", NULL);
	parses("\"benötigen 200 Stück\"", T "(\"benotigen 200 stuck\")", NULL);
	parses("\"hydraulic pump\"*", T "(\"hydraulic pump\"*)", NULL);
	parses("pum*", T "(\"pum\"*)", NULL);
	parses("XP200型号*", T "(\"xp200\" AND \"型号\"*)", NULL);
	parses("液压泵 pump", T "(\"液压 压泵\" AND \"pump\")", NULL);
	parses("报价 from:zhao@valve.cn", T "(\"报价\") AND who : (\"zhao valve cn\")", NULL);
	parses("from:\"王经理\"", "who : (\"王经 经理\")", NULL);
	parses("FROM:li.wei@example.com", "who : (\"li wei example com\")", NULL);
	parses("customer:kunde.de", NULL, "kunde.de");
	parses("报价 customer:valve.cn", T "(\"报价\")", "valve.cn");
	/* FTS5 syntax is words, or nothing. */
	parses("OR NEAR( * AND", T "(\"or\" AND \"near\" AND \"and\")", NULL);
	parses("subject:pump", T "(\"subject pump\")", NULL);
	parses("{who}:x ^y -z", T "(\"who x\" AND \"y\" AND \"z\")", NULL);
	parses("a\"\"b", T "(\"a\" AND \"b\")", NULL);
}

static void test_query_refused(void **state)
{
	(void)state;
	refused("\" OR * NEAR(", "not closed");
	refused("\"Pumpe XP", "not closed");
	refused("", "nothing to search for");
	refused("   ", "nothing to search for");
	refused("* ( ) : ^", "nothing to search for");
	refused("\"\"", "nothing to search for");
	refused("from:", "from:");
	refused("from:@.", "names no address");
	refused("customer:", "customer: needs");
	refused("customer:a.de customer:b.de", "twice");
	refused("from:\"unclosed", "not closed");
}

/* Each query, hostile or not, is an FTS5 expression SQLite accepts. */
static void test_queries_compile(void **state)
{
	static const char *const inputs[] = {
		"\" OR * NEAR(\"", "OR AND NOT", "NEAR(a b, 3)", "a:b", "{a b}:c", "^first",
		"col : word", "*", "a*b*c", "\"x\"\"y\"", "-x +y", "a OR b", "(a) (b)",
		"Ölförderung*", "液压泵报价*", "from:x\"y\"", "\x01\x1b[31m", "NEAR", "\"\"*",
		"a\xff\xfe", "😀 emoji", "'single' quotes", "back\\slash", "semi;colon --",
	};
	sqlite3 *db;

	(void)state;
	assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "CREATE VIRTUAL TABLE search USING fts5(subject, body, "
	                              "attach, who, cust, tokenize = 'unicode61 remove_diacritics 2');"
	                              "INSERT INTO search VALUES ('a', 'b', 'c', 'd', 'cid1')",
	                              NULL, NULL, NULL), SQLITE_OK);
	sqlite3_stmt *stmt;
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT count(*) FROM search WHERE search MATCH ?1",
	                                    -1, &stmt, NULL), SQLITE_OK);
	for (size_t i = 0; i < G_N_ELEMENTS(inputs); i++) {
		struct search_query q;
		char *error = NULL;
		if (search_query_parse(inputs[i], &q, &error) < 0) {
			g_free(error);
			continue;
		}
		if (q.match == NULL) {
			search_query_clear(&q);
			continue;
		}
		sqlite3_bind_text(stmt, 1, q.match, -1, SQLITE_STATIC);
		if (sqlite3_step(stmt) != SQLITE_ROW)
			fail_msg("'%s' -> '%s': %s", inputs[i], q.match, sqlite3_errmsg(db));
		sqlite3_reset(stmt);
		search_query_clear(&q);
	}
	sqlite3_finalize(stmt);
	sqlite3_close(db);
}

static char *hl(const char *query, const char *text)
{
	struct search_query q;
	char *error = NULL;

	assert_int_equal(search_query_parse(query, &q, &error), 0);
	char *s = search_highlight(text, q.terms, q.n_terms, "[", "]", 40);
	search_query_clear(&q);
	return s;
}

static void highlights(const char *query, const char *text, const char *want)
{
	char *got = hl(query, text);
	if (g_strcmp0(got, want) != 0)
		fail_msg("'%s' in '%s': '%s', not '%s'", query, text, got, want);
	g_free(got);
}

static void test_highlight(void **state)
{
	(void)state;
	highlights("报价", "您好，我们需要500台不锈钢离心泵，请报价。", "您好，我们需要500台不锈钢离心泵，请[报价]。");
	highlights("olforderung", "für Ölförderung, FOB", "für [Ölförderung], FOB");
	highlights("PUMPE", "Pumpen und Pumpe", "Pumpen und [Pumpe]");
	highlights("pump*", "Pumpen und Pumpe", "[Pumpen] und [Pumpe]");
	highlights("\"xp-200 pumps\"", "our XP-200 pumps", "our [XP]-[200] [pumps]");
	highlights("ポンプ", "ポンプ100台の見積", "[ポンプ]100台の見積");
	highlights("pump", "no match here", NULL);
	/* Blanks folded, the window cut with an ellipsis. */
	highlights("target", "one two three four five six seven eight nine ten eleven "
	           "twelve\n\n\tthirteen target fourteen fifteen sixteen seventeen eighteen",
	           "…lve thirteen [target] fourteen fifteen six…");
	/* What a stranger wrote is made safe before the markers go in. */
	char *s = hl("evil", "an \x1b]52;c;ZXZpbA==\x07 evil \xc2\x9b subject");
	assert_non_null(s);
	assert_null(strchr(s, '\x1b'));
	assert_null(strchr(s, '\x07'));
	assert_null(strstr(s, "\xc2\x9b"));
	assert_non_null(strstr(s, "[evil]"));
	g_free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_index_text),
		cmocka_unit_test(test_query),
		cmocka_unit_test(test_query_refused),
		cmocka_unit_test(test_queries_compile),
		cmocka_unit_test(test_highlight),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
