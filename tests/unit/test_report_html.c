/* core/report_html: text from strangers is escaped (a <script> in a
 * subject, an <img> in a name, quotes, control characters, invalid
 * UTF-8), and the page is whole: charts, no script, nothing remote. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <glib.h>

#include "core/report_html.h"
#include "core/report_words.h"

static void expect_escaped(const char *text, const char *want)
{
	GString *out = g_string_new(NULL);

	core_report_escape(out, text);
	assert_string_equal(out->str, want);
	g_string_free(out, TRUE);
}

static void test_escape(void **state)
{
	(void)state;
	expect_escaped("<script>alert(\"x\")</script>",
	               "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
	expect_escaped("Tom & Jerry's", "Tom &amp; Jerry&#39;s");
	expect_escaped("询价：不锈钢离心泵", "询价：不锈钢离心泵");
	/* an escape sequence is shown, never passed on; a line break is a space */
	expect_escaped("a\033]0;x\007b\nc", "a^[]0;x^Gb c");
	/* invalid UTF-8 becomes U+FFFD */
	expect_escaped("a\xff" "b", "a\xef\xbf\xbd" "b");
	/* a bidi override is named, its brackets escaped */
	expect_escaped("x\xe2\x80\xaey", "x&lt;U+202E&gt;y");
	expect_escaped(NULL, "");
	expect_escaped("", "");
}

static struct core_kpi_row *row_new(const char *group, int64_t inquiries)
{
	struct core_kpi_row *r = g_new0(struct core_kpi_row, 1);

	r->group = g_strdup(group);
	r->inquiries = inquiries;
	r->first_response_median_s = -1;
	r->first_response_p90_s = -1;
	return r;
}

static void row_free(gpointer p)
{
	struct core_kpi_row *r = p;

	g_free(r->group);
	g_free(r);
}

static GPtrArray *rows_of(const char *group, int64_t inquiries)
{
	GPtrArray *rows = g_ptr_array_new_with_free_func(row_free);

	g_ptr_array_add(rows, row_new(NULL, inquiries));
	if (group != NULL)
		g_ptr_array_add(rows, row_new(group, inquiries));
	return rows;
}

/* A page over one silent customer whose name and whose quote's subject
 * carry HTML, and a group named by a stranger's country field. */
static void test_page(void **state)
{
	(void)state;
	struct store_customer c = { .id = 1, .key = "evil.example",
	                            .name = "<img src=x onerror=alert(2)>",
	                            .last_inbound = 1000, .last_outbound = INT64_MIN };
	struct store_customer *customers[] = { &c };
	struct store_quote q = { .message_id = "q1@example.com", .date = 2000,
	                         .subject = "Quote </td><script>alert(1)</script>",
	                         .answered_at = INT64_MIN, .customer = "evil.example" };
	struct core_kpi_data d = { .timezone = "UTC", .now = 100 * 86400,
	                           .silent_after_s = 30 * 86400, .quotes = &q, .n_quotes = 1,
	                           .customers = customers, .n_customers = 1 };
	d.orders_by_quote = g_hash_table_new(g_str_hash, g_str_equal);
	struct catalog *en = NULL, *zh = NULL, *bad = NULL;
	char *error = NULL;
	assert_int_equal(core_report_words_load("en", &en, &error), 0);
	assert_int_equal(core_report_words_load("zh", &zh, &error), 0);
	assert_int_equal(core_report_words_load("en", &bad, &error), 0);
	/* a translator's markup is text too */
	assert_int_equal(catalog_parse("weeks.heading = <b>Wochen</b> & \"Zeit\"\n",
	                               core_report_words_names, bad, &bad, &error), 0);
	struct core_report r = { .company = "Acme <Pumps>", .from = 0, .to = 100 * 86400,
	                         .data = &d, .words = en, .language = "en" };
	r.team = rows_of(NULL, 3);
	r.weeks = rows_of("1970-W02", 3);
	r.countries = rows_of("<b>XX</b>", 3);
	r.owners = rows_of("li.wei@example.com", 3);
	r.overdue = g_array_new(FALSE, FALSE, sizeof(struct overdue_entry));

	char *html = core_report_html(&r);
	assert_non_null(strstr(html, "<meta name=\"viewport\""));
	assert_non_null(strstr(html, "@media print"));
	assert_non_null(strstr(html, "Acme &lt;Pumps&gt;"));
	assert_non_null(strstr(html, "Quote &lt;/td&gt;&lt;script&gt;alert(1)&lt;/script&gt;"));
	assert_non_null(strstr(html, "&lt;img src=x onerror=alert(2)&gt;"));
	assert_non_null(strstr(html, "&lt;b&gt;XX&lt;/b&gt;"));
	assert_null(strstr(html, "<script"));
	assert_null(strstr(html, "<img"));
	assert_null(strstr(html, "<b>XX"));
	assert_null(strstr(html, "http"));
	for (const char *cls = "weeks"; cls != NULL;
	     cls = strcmp(cls, "weeks") == 0 ? "funnel" : strcmp(cls, "funnel") == 0 ?
	           "countries" : strcmp(cls, "countries") == 0 ? "owners" : NULL) {
		char *want = g_strdup_printf("<svg class=\"chart %s\"", cls);
		assert_non_null(strstr(html, want));
		g_free(want);
	}
	assert_non_null(strstr(html, "<html lang=\"en\">"));
	assert_non_null(strstr(html, "<h2>Quotes waiting for an answer</h2>"));
	assert_non_null(strstr(html, "<h2>Customers gone silent (no sales mail for 30 days)</h2>"));
	g_free(html);

	r.words = zh;
	r.language = "zh";
	html = core_report_html(&r);
	assert_non_null(strstr(html, "<html lang=\"zh\">"));
	assert_non_null(strstr(html, "<h2>等待回复的报价</h2>"));
	assert_non_null(strstr(html, "<h2>沉默的客户（30 天没有销售邮件）</h2>"));
	assert_non_null(strstr(html, "<th>客户</th>"));
	assert_non_null(strstr(html, "Quote &lt;/td&gt;&lt;script&gt;alert(1)&lt;/script&gt;"));
	assert_null(strstr(html, "Quotes waiting"));
	assert_null(strstr(html, "<script"));
	g_free(html);

	r.words = bad;
	html = core_report_html(&r);
	assert_non_null(strstr(html, "<h2>&lt;b&gt;Wochen&lt;/b&gt; &amp; &quot;Zeit&quot;</h2>"));
	assert_null(strstr(html, "<b>Wochen"));
	g_free(html);
	catalog_free(&en);
	catalog_free(&zh);
	catalog_free(&bad);
	g_array_free(r.overdue, TRUE);
	g_ptr_array_unref(r.team);
	g_ptr_array_unref(r.weeks);
	g_ptr_array_unref(r.countries);
	g_ptr_array_unref(r.owners);
	g_hash_table_destroy(d.orders_by_quote);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_escape),
		cmocka_unit_test(test_page),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
