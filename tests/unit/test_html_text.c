/* html_text: HTML bodies made readable. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <glib.h>
#include <libxml/parser.h>

#include "parsers/html_text.h"

static int group_setup(void **state)
{
	(void)state;
	xmlInitParser();
	return 0;
}

static int group_teardown(void **state)
{
	(void)state;
	xmlCleanupParser();
	return 0;
}

static void assert_text(const char *html, const char *expected)
{
	char *text = html_text_from_html(html, strlen(html));

	assert_true(g_utf8_validate(text, -1, NULL));
	assert_string_equal(text, expected);
	g_free(text);
}

static void test_entities(void **state)
{
	(void)state;
	assert_text("<p>Fish &amp; Chips, &eacute;t&eacute;, &#8364;5&nbsp;each &lt;ok&gt;</p>",
	            "Fish & Chips, \xc3\xa9t\xc3\xa9, \xe2\x82\xac" "5 each <ok>");
}

static void test_skips_invisible_parts(void **state)
{
	(void)state;
	assert_text("<html><head><title>Title</title><style>p { color: red }</style>"
	            "<script>alert('x')</script></head>"
	            "<body><script>var a = 1;</script>Visible<template>t</template></body></html>",
	            "Visible");
}

static void test_blocks_make_lines(void **state)
{
	(void)state;
	assert_text("<div>one</div><div>two</div>three<br>four<br><br>five",
	            "one\ntwo\nthree\nfour\n\nfive");
	assert_text("<h1>Title</h1><p>Para one.</p><p>Para two.</p>",
	            "Title\n\nPara one.\n\nPara two.");
	assert_text("<ul><li>apples</li><li>pears</li></ul>", "- apples\n- pears");
	assert_text("<table><tr><td>Qty</td><td>Price</td></tr><tr><td>10</td><td>$5</td></tr></table>",
	            "Qty Price\n10 $5");
}

static void test_whitespace_collapsed(void **state)
{
	(void)state;
	assert_text("  <p>  lots   of\n\n   space  </p>  ", "lots of space");
	assert_text("<p>a</p><p></p><p></p><div></div><p>b</p>", "a\n\nb");
	assert_text("<pre>keep\n  this   as is</pre>", "keep\n  this   as is");
}

static void test_blockquote_marked(void **state)
{
	(void)state;
	assert_text("<div>New text</div><blockquote>old <b>text</b><blockquote>older</blockquote></blockquote>",
	            "New text\n\n> old text\n>\n>> older");
}

static void test_broken_and_empty_html(void **state)
{
	(void)state;
	assert_text("", "");
	assert_text("<p>unclosed <b>bold <i>both", "unclosed bold both");
	assert_text("5 < 6 & 7 > 3", "5 < 6 & 7 > 3");
	assert_text("<!-- only a comment -->", "");
}

/* Deep nesting costs neither stack nor memory: the parser streams. */
static void test_deep_nesting(void **state)
{
	GString *html = g_string_new("before");
	char *text;

	(void)state;
	for (int i = 0; i < 100; i++)
		g_string_append(html, "<div><span>");
	g_string_append(html, "deep");
	for (int i = 0; i < 20000; i++)
		g_string_append(html, "<blockquote><li>");
	g_string_append(html, "deeper");
	text = html_text_from_html(html->str, html->len);
	assert_true(g_utf8_validate(text, -1, NULL));
	assert_true(g_str_has_prefix(text, "before"));
	assert_non_null(strstr(text, "deep"));
	/* Every level's text is kept, its quote prefix capped at 32 '>'. */
	assert_true(g_str_has_suffix(text, ">>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>> - deeper"));
	assert_null(strstr(text, ">>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>"));
	assert_true(strlen(text) < 20000 * 100);
	g_free(text);
	g_string_free(html, TRUE);
}

/* The text is UTF-8 already: a <meta> charset must not re-decode it. */
static void test_meta_charset_ignored(void **state)
{
	(void)state;
	assert_text("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">"
	            "</head><body><p>\xe4\xbd\xa0\xe5\xa5\xbd Gr\xc3\xbc\xc3\x9f" "e</p></body></html>",
	            "\xe4\xbd\xa0\xe5\xa5\xbd Gr\xc3\xbc\xc3\x9f" "e");
	assert_text("<meta charset=\"koi8-r\"><div>\xd0\x9f\xd1\x80\xd0\xb8</div>",
	            "\xd0\x9f\xd1\x80\xd0\xb8");
}

static void test_skipped_elements_nest(void **state)
{
	(void)state;
	/* Elements inside a skipped one, void ones included, stay hidden. */
	assert_text("<style><b>x</b><br><img src=a></style>after", "after");
	assert_text("<head><title>T<b>bold</b></title><script>if (a < b) { x(); }</script></head>"
	            "<body>shown<br>line</body>", "shown\nline");
	assert_text("<template><div><p>hidden</p></div></template><p>seen</p>", "seen");
}

/* A long document is converted in chunks; nothing is lost at the seams. */
static void test_long_document(void **state)
{
	GString *html = g_string_new("<html><body>");
	GString *expected = g_string_new(NULL);
	char *text;

	(void)state;
	for (int i = 0; i < 20000; i++) {
		g_string_append_printf(html, "<p>Line &amp; %d</p>\n", i);
		g_string_append_printf(expected, "%sLine & %d", i > 0 ? "\n\n" : "", i);
	}
	g_string_append(html, "</body></html>");
	text = html_text_from_html(html->str, html->len);
	assert_string_equal(text, expected->str);
	g_free(text);
	g_string_free(html, TRUE);
	g_string_free(expected, TRUE);
}

static void test_sniff_charset(void **state)
{
	static const struct {
		const char *html;
		const char *expected;
	} cases[] = {
		{ "<html><head><meta charset=\"gb2312\"></head>", "gb2312" },
		{ "<META http-equiv=\"Content-Type\" content=\"text/html; charset=Big5\">", "big5" },
		{ "<meta charset='utf-8'/>", "utf-8" },
		{ "<meta name=\"x\" content=\"y\"><p>charset=koi8-r</p>", NULL },
		{ "<p>no meta</p>", NULL },
		{ "<meta charset=>", NULL },
	};

	(void)state;
	/* An empty part has no buffer at all (found by fuzzing). */
	assert_null(html_text_sniff_charset(NULL, 0));
	assert_null(html_text_sniff_charset("", 0));
	for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
		char *cs = html_text_sniff_charset(cases[i].html, strlen(cases[i].html));

		if (cases[i].expected == NULL) {
			assert_null(cs);
		} else {
			assert_non_null(cs);
			assert_string_equal(cs, cases[i].expected);
		}
		g_free(cs);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_entities),
		cmocka_unit_test(test_skips_invisible_parts),
		cmocka_unit_test(test_blocks_make_lines),
		cmocka_unit_test(test_whitespace_collapsed),
		cmocka_unit_test(test_blockquote_marked),
		cmocka_unit_test(test_broken_and_empty_html),
		cmocka_unit_test(test_deep_nesting),
		cmocka_unit_test(test_meta_charset_ignored),
		cmocka_unit_test(test_skipped_elements_nest),
		cmocka_unit_test(test_long_document),
		cmocka_unit_test(test_sniff_charset),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
