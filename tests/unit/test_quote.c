/* quote: cutting quoted history and signatures. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <glib.h>

#include "parsers/quote.h"

static void assert_cut(const char *text, const char *expected)
{
	char *res = quote_cut(text);

	assert_true(g_utf8_validate(res, -1, NULL));
	assert_string_equal(res, expected);
	g_free(res);
}

static void test_gmail_attribution(void **state)
{
	(void)state;
	assert_cut("Thanks, will do.\n\nOn Mon, Feb 5, 2024 at 10:00 AM John Smith <john@example.com> wrote:\n"
	           "> Can you ship 100 units?\n> John\n",
	           "Thanks, will do.");
	/* Wrapped by the sender's mailer over two lines. */
	assert_cut("Thanks, will do.\n\nOn Mon, Feb 5, 2024 at 10:00 AM John Smith <\njohn@example.com> wrote:\n\n"
	           "> Can you ship 100 units?\n",
	           "Thanks, will do.");
}

static void test_attributions_in_other_languages(void **state)
{
	(void)state;
	assert_cut("Passt.\n\nAm 05.02.2024 um 10:00 schrieb Hans M\xc3\xbcller <hm@example.de>:\n> alt\n", "Passt.");
	assert_cut("Vale.\n\nEl lun, 5 feb 2024 a las 10:00, Ana <ana@example.es> escribi\xc3\xb3:\n> viejo\n", "Vale.");
	assert_cut("D'accord.\n\nLe lun. 5 f\xc3\xa9vr. 2024 \xc3\xa0 10:00, Jean <j@example.fr> a \xc3\xa9" "crit\xc2\xa0:\n> ancien\n", "D'accord.");
	assert_cut("Ok.\n\nEm seg., 5 de fev. de 2024 \xc3\xa0s 10:00, Jo\xc3\xa3o <j@example.br> escreveu:\n> antigo\n", "Ok.");
	/* 163 Mail: 在 2024-02-05 10:00:00，"张三" <z@163.com> 写道： */
	assert_cut("\xe6\x94\xb6\xe5\x88\xb0\n\n\xe5\x9c\xa8 2024-02-05 10:00:00\xef\xbc\x8c\"\xe5\xbc\xa0\xe4\xb8\x89\" <z@163.com> \xe5\x86\x99\xe9\x81\x93\xef\xbc\x9a\n> \xe6\x97\xa7\n",
	           "\xe6\x94\xb6\xe5\x88\xb0");
}

static void test_outlook_blocks(void **state)
{
	(void)state;
	assert_cut("Price is OK.\n\n-----Original Message-----\nFrom: John\nSent: Monday\n\nold\n", "Price is OK.");
	assert_cut("Price is OK.\n\n________________________________\nFrom: John Smith <john@example.com>\n"
	           "Sent: Monday, February 5, 2024 10:00 AM\nTo: Sales <sales@example.com>\nSubject: RE: offer\n\nold text\n",
	           "Price is OK.");
	assert_cut("Preis ok.\n\nVon: Hans <h@example.de>\nGesendet: Montag, 5. Februar 2024 10:00\nAn: x\nBetreff: y\n\nalt\n",
	           "Preis ok.");
	/* Bold header labels from HTML mail and a wrapped From line. */
	assert_cut("Fine.\n\n*From:* John Smith [mailto:\njohn@example.com]\n*Sent:* Monday\n\nold\n", "Fine.");
	/* A From: line alone is not a header block. */
	assert_cut("From: our factory in Ningbo\nShipping next week.", "From: our factory in Ningbo\nShipping next week.");
}

static void test_qq_mail(void **state)
{
	(void)state;
	/* 好的，明天发货。 / ------------------ 原始邮件 ------------------ */
	assert_cut("\xe5\xa5\xbd\xe7\x9a\x84\xef\xbc\x8c\xe6\x98\x8e\xe5\xa4\xa9\xe5\x8f\x91\xe8\xb4\xa7\xe3\x80\x82\n\n"
	           "------------------ \xe5\x8e\x9f\xe5\xa7\x8b\xe9\x82\xae\xe4\xbb\xb6 ------------------\n"
	           "\xe5\x8f\x91\xe4\xbb\xb6\xe4\xba\xba: \"\xe5\xbc\xa0\xe4\xb8\x89\"<z@qq.com>;\n"
	           "\xe5\x8f\x91\xe9\x80\x81\xe6\x97\xb6\xe9\x97\xb4: 2024\xe5\xb9\xb4" "2\xe6\x9c\x88" "5\xe6\x97\xa5\n\nold\n",
	           "\xe5\xa5\xbd\xe7\x9a\x84\xef\xbc\x8c\xe6\x98\x8e\xe5\xa4\xa9\xe5\x8f\x91\xe8\xb4\xa7\xe3\x80\x82");
	/* 发件人: / 发送时间: without the separator line (full-width colons). */
	assert_cut("OK\n\xe5\x8f\x91\xe4\xbb\xb6\xe4\xba\xba\xef\xbc\x9a z@qq.com\n"
	           "\xe5\x8f\x91\xe9\x80\x81\xe6\x97\xb6\xe9\x97\xb4\xef\xbc\x9a 2024-02-05\nold\n", "OK");
}

static void test_gmail_forward_marker(void **state)
{
	(void)state;
	assert_cut("Please see below.\n\n---------- Forwarded message ---------\nFrom: A <a@example.com>\n"
	           "Date: Mon, Feb 5, 2024\nSubject: offer\n\nold\n",
	           "Please see below.");
}

static void test_signature(void **state)
{
	(void)state;
	assert_cut("Hi,\nsee attached.\n-- \nBob Smith\nSales Manager\n", "Hi,\nsee attached.");
	/* "--" without the space is not the separator. */
	assert_cut("Hi\n--\nBob", "Hi\n--\nBob");
	/* The earliest marker wins. */
	assert_cut("Hi\n-- \nBob\n\nOn Mon, Feb 5, 2024, Ann wrote:\n> x\n", "Hi");
}

static void test_quoted_lines(void **state)
{
	(void)state;
	assert_cut("Yes.\n\n> Can you?\n> Please?\n\n", "Yes.");
	/* Interleaved answers are kept. */
	assert_cut("> Price?\n$5\n> Delivery?\nMay", "> Price?\n$5\n> Delivery?\nMay");
}

static void test_nothing_left_keeps_all(void **state)
{
	(void)state;
	assert_cut("> only\n> quoted\n", "> only\n> quoted\n");
	/* A forward without a note: the forwarded message's own text. */
	assert_cut("---------- Forwarded message ---------\nFrom: a\nDate: b\n\nbody",
	           "body");
	assert_cut("---------- Forwarded message ---------\nFrom: a\nDate: b\n\n",
	           "---------- Forwarded message ---------\nFrom: a\nDate: b\n\n");
	assert_cut("", "");
	assert_cut("\n\n", "\n\n");
}

static void test_invalid_utf8_and_null(void **state)
{
	char *res = quote_cut(NULL);

	(void)state;
	assert_string_equal(res, "");
	g_free(res);
	assert_cut("caf\xe9\n-- \nsig", "caf\xef\xbf\xbd");
}

/* Long inputs and long lines stay bounded and safe. */
static void test_large_input(void **state)
{
	GString *text = g_string_new(NULL);
	char *res;

	(void)state;
	for (int i = 0; i < 30000; i++)
		g_string_append(text, "On and on it goes, nobody wrote this\n");
	g_string_append_len(text, "x", 1);
	for (int i = 0; i < 5000; i++)
		g_string_append(text, "On a very long line ");
	g_string_append(text, " wrote:\n");
	res = quote_cut(text->str);
	assert_true(g_utf8_validate(res, -1, NULL));
	assert_true(strlen(res) > 0);
	g_free(res);
	g_string_free(text, TRUE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_gmail_attribution),
		cmocka_unit_test(test_attributions_in_other_languages),
		cmocka_unit_test(test_outlook_blocks),
		cmocka_unit_test(test_qq_mail),
		cmocka_unit_test(test_gmail_forward_marker),
		cmocka_unit_test(test_signature),
		cmocka_unit_test(test_quoted_lines),
		cmocka_unit_test(test_nothing_left_keeps_all),
		cmocka_unit_test(test_invalid_utf8_and_null),
		cmocka_unit_test(test_large_input),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
