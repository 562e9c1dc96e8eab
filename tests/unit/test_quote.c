/* quote: cutting quoted history and signatures. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <glib.h>

#include "parsers/quote.h"
#include "data/builtin.h"

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

/* ---- every language the data covers, table-driven ---- */

static const struct {
	const char *text;
	const char *expected;
} history_cases[] = {
	/* Attributions */
	{ "Si.\n\nIl giorno lun 5 feb 2024 alle ore 10:00 Mario <m@example.it> ha scritto:\n> vecchio\n", "Si." },
	{ "Tamam.\n\n5 \xc5\x9e" "ub 2024 Pzt, saat 10:00 tarihinde Ali <a@example.com.tr> \xc5\x9funu yazd\xc4\xb1:\n> eski\n", "Tamam." },
	{ "Dobrze.\n\npon., 5 lut 2024 o 10:00 Jan <j@example.pl> napisa\xc5\x82(a):\n> stare\n", "Dobrze." },
	{ "Dobrze.\n\nW dniu 5.02.2024 o 10:00, Jan Kowalski pisze:\n> stare\n", "Dobrze." },
	{ "\xd0\x94\xd0\xb0.\n\n05.02.2024 10:00, \xd0\x98\xd0\xb2\xd0\xb0\xd0\xbd \xd0\xbf\xd0\xb8\xd1\x88\xd0\xb5\xd1\x82:\n> \xd1\x81\xd1\x82\xd0\xb0\xd1\x80\xd0\xbe\xd0\xb5\n",
	  "\xd0\x94\xd0\xb0." },
	{ "Ok.\n\nOp ma 5 feb. 2024 om 10:00 schreef Jan <j@example.nl>:\n> oud\n", "Ok." },
	{ "\xc4\x90\xc6\xb0\xe1\xbb\xa3" "c.\n\nV\xc3\xa0o Th 2, 5 thg 2, 2024 v\xc3\xa0o l\xc3\xba" "c 10:00 Anh <a@example.vn> \xc4\x91\xc3\xa3 vi\xe1\xba\xbft:\n> c\xc5\xa9\n",
	  "\xc4\x90\xc6\xb0\xe1\xbb\xa3" "c." },
	/* Gmail (zh-TW): 於 2024年2月5日 週一 寫道： */
	{ "\xe5\xa5\xbd\n\n\xe6\x9d\x8e <l@example.tw> \xe6\x96\xbc 2024\xe5\xb9\xb4" "2\xe6\x9c\x88" "5\xe6\x97\xa5 \xe5\xaf\xab\xe9\x81\x93\xef\xbc\x9a\n> \xe8\x88\x8a\n",
	  "\xe5\xa5\xbd" },
	/* Gmail (ko): 2024년 2월 5일 (월) 오전 10:00, Kim <k@example.kr>님이 작성: */
	{ "\xeb\x84\xa4.\n\n2024\xeb\x85\x84 2\xec\x9b\x94 5\xec\x9d\xbc (\xec\x9b\x94) 10:00, Kim <k@example.kr>\xeb\x8b\x98\xec\x9d\xb4 \xec\x9e\x91\xec\x84\xb1:\n> \xec\x98\x9b\n",
	  "\xeb\x84\xa4." },
	/* Outlook blocks */
	{ "Ok.\n\nDe: Ana <a@example.es>\nEnviado el: lunes, 5 de febrero de 2024 10:00\nPara: x\nAsunto: y\n\nviejo\n", "Ok." },
	{ "D'accord.\n\nDe : Jean <j@example.fr>\nEnvoy\xc3\xa9 : lundi 5 f\xc3\xa9vrier 2024 10:00\n\xc3\x80 : x\nObjet : y\n\nancien\n", "D'accord." },
	{ "Certo.\n\nDe: Jo\xc3\xa3o <j@example.br>\nEnviada em: segunda-feira, 5 de fevereiro de 2024 10:00\nPara: x\nAssunto: y\n\nantigo\n", "Certo." },
	{ "\xd0\x9e\xd0\xba.\n\n\xd0\x9e\xd1\x82: \xd0\x98\xd0\xb2\xd0\xb0\xd0\xbd <i@example.ru>\n\xd0\x9e\xd1\x82\xd0\xbf\xd1\x80\xd0\xb0\xd0\xb2\xd0\xbb\xd0\xb5\xd0\xbd\xd0\xbe: 5 \xd1\x84\xd0\xb5\xd0\xb2\xd1\x80\xd0\xb0\xd0\xbb\xd1\x8f 2024 \xd0\xb3. 10:00\n\xd0\x9a\xd0\xbe\xd0\xbc\xd1\x83: x\n\nold\n",
	  "\xd0\x9e\xd0\xba." },
	{ "Va bene.\n\nDa: Mario <m@example.it>\nInviato: luned\xc3\xac 5 febbraio 2024 10:00\nA: x\n\nold\n", "Va bene." },
	/* 发件人: / 发送时间: (Chinese Outlook) */
	{ "\xe5\xa5\xbd\xe7\x9a\x84\n\n\xe5\x8f\x91\xe4\xbb\xb6\xe4\xba\xba: Li <l@example.cn>\n\xe5\x8f\x91\xe9\x80\x81\xe6\x97\xb6\xe9\x97\xb4: 2024\xe5\xb9\xb4" "2\xe6\x9c\x88" "5\xe6\x97\xa5 10:00\n\xe6\x94\xb6\xe4\xbb\xb6\xe4\xba\xba: x\n\nold\n",
	  "\xe5\xa5\xbd\xe7\x9a\x84" },
	/* Separators */
	{ "Ja.\n\n-----Urspr\xc3\xbcngliche Nachricht-----\nVon: Hans\nGesendet: Montag\n\nalt\n", "Ja." },
	{ "Oui.\n\n-------- Message d'origine --------\nDe : x\n\nancien\n", "Oui." },
	{ "OK\n\n------------------ Original ------------------\nFrom: \"z\"<z@qq.com>;\nDate: Mon, Feb 5, 2024 10:00 AM\n\nold\n", "OK" },
	{ "Thanks\n\n---------- Forwarded message ---------\nFrom: A <a@example.com>\n\nold\n", "Thanks" },
	{ "FYI\n\nBegin forwarded message:\n\nFrom: A <a@example.com>\nSubject: x\nDate: 5 Feb 2024\n\nold\n", "FYI" },
	{ "Bitte pr\xc3\xbc" "fen.\n\n---------- Weitergeleitete Nachricht ---------\nVon: A <a@example.de>\n\nalt\n", "Bitte pr\xc3\xbc" "fen." },
	/* Plain text that only looks a bit like history */
	{ "On Monday we ship.\nThe team wrote the manual.", "On Monday we ship.\nThe team wrote the manual." },
	{ "De: nada, gracias.\nFecha de entrega: mayo", "De: nada, gracias.\nFecha de entrega: mayo" },
};

static void test_history_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < G_N_ELEMENTS(history_cases); i++) {
		char *res = quote_cut(history_cases[i].text);

		if (strcmp(res, history_cases[i].expected) != 0)
			fail_msg("case %zu: got \"%s\", expected \"%s\"", i, res,
			         history_cases[i].expected);
		g_free(res);
	}
}

static const struct {
	const char *text;
	const char *expected;
} closing_cases[] = {
	{ "We need 500 pcs.\n\nBest regards,\nAnna Schmidt\nPurchasing Manager\nACME GmbH\nTel. +49 40 123456\n",
	  "We need 500 pcs." },
	{ "We need 500 pcs.\nKind regards\nAnna", "We need 500 pcs." },
	{ "We need 500 pcs.\n\nThanks and best regards, Anna\n", "We need 500 pcs." },
	{ "Bitte um Angebot.\n\nMit freundlichen Gr\xc3\xbc\xc3\x9f" "en\n\nHans M\xc3\xbcller\nEinkauf\n", "Bitte um Angebot." },
	{ "Bitte um Angebot.\nViele Gr\xc3\xbc\xc3\x9f" "e, Hans\n", "Bitte um Angebot." },
	{ "Precio FOB por favor.\n\nSaludos cordiales,\nAna\n", "Precio FOB por favor." },
	{ "Precio FOB por favor.\nAtentamente\nAna Garc\xc3\xad" "a\n", "Precio FOB por favor." },
	{ "Pre\xc3\xa7o CIF.\n\nAtenciosamente,\nJo\xc3\xa3o\n", "Pre\xc3\xa7o CIF." },
	{ "Pre\xc3\xa7o CIF.\nAbra\xc3\xa7os\nJo\xc3\xa3o\n", "Pre\xc3\xa7o CIF." },
	{ "Merci.\n\nBien cordialement,\nJean Dupont\n", "Merci." },
	{ "Grazie.\n\nCordiali saluti\nMario Rossi\n", "Grazie." },
	{ "Grazie.\nDistinti saluti\n", "Grazie." },
	{ "\xd0\xa6\xd0\xb5\xd0\xbd\xd0\xb0?\n\n\xd0\xa1 \xd1\x83\xd0\xb2\xd0\xb0\xd0\xb6\xd0\xb5\xd0\xbd\xd0\xb8\xd0\xb5\xd0\xbc,\n\xd0\x98\xd0\xb2\xd0\xb0\xd0\xbd\n",
	  "\xd0\xa6\xd0\xb5\xd0\xbd\xd0\xb0?" },
	/* 请报价。 / 此致 / 敬礼！ / 张三 */
	{ "\xe8\xaf\xb7\xe6\x8a\xa5\xe4\xbb\xb7\xe3\x80\x82\n\xe6\xad\xa4\xe8\x87\xb4\n\xe6\x95\xac\xe7\xa4\xbc\xef\xbc\x81\n\xe5\xbc\xa0\xe4\xb8\x89\n",
	  "\xe8\xaf\xb7\xe6\x8a\xa5\xe4\xbb\xb7\xe3\x80\x82" },
	/* 请报价。 / 谢谢！ / 张三 / 宁波某某贸易有限公司 */
	{ "\xe8\xaf\xb7\xe6\x8a\xa5\xe4\xbb\xb7\xe3\x80\x82\n\xe8\xb0\xa2\xe8\xb0\xa2\xef\xbc\x81\n\xe5\xbc\xa0\xe4\xb8\x89\n\xe5\xae\x81\xe6\xb3\xa2\xe8\xb4\xb8\xe6\x98\x93\xe6\x9c\x89\xe9\x99\x90\xe5\x85\xac\xe5\x8f\xb8\n",
	  "\xe8\xaf\xb7\xe6\x8a\xa5\xe4\xbb\xb7\xe3\x80\x82" },
	/* 顺祝商祺 (full-width comma after it) */
	{ "\xe6\x94\xb6\xe5\x88\xb0\n\xe9\xa1\xba\xe7\xa5\x9d\xe5\x95\x86\xe7\xa5\xba\xef\xbc\x8c\n\xe6\x9d\x8e\xe5\x9b\x9b\n",
	  "\xe6\x94\xb6\xe5\x88\xb0" },
	/* Japanese, Korean, Arabic, Turkish, Polish, Vietnamese */
	{ "\xe8\xa6\x8b\xe7\xa9\x8d\xe3\x82\x82\xe3\x82\x8a\xe3\x82\x92\xe3\x81\x8a\xe9\xa1\x98\xe3\x81\x84\xe3\x81\x97\xe3\x81\xbe\xe3\x81\x99\xe3\x80\x82\n"
	  "\xe3\x82\x88\xe3\x82\x8d\xe3\x81\x97\xe3\x81\x8f\xe3\x81\x8a\xe9\xa1\x98\xe3\x81\x84\xe3\x81\x84\xe3\x81\x9f\xe3\x81\x97\xe3\x81\xbe\xe3\x81\x99\xe3\x80\x82\n\xe7\x94\xb0\xe4\xb8\xad\n",
	  "\xe8\xa6\x8b\xe7\xa9\x8d\xe3\x82\x82\xe3\x82\x8a\xe3\x82\x92\xe3\x81\x8a\xe9\xa1\x98\xe3\x81\x84\xe3\x81\x97\xe3\x81\xbe\xe3\x81\x99\xe3\x80\x82" },
	{ "\xea\xb2\xac\xec\xa0\x81 \xeb\xb6\x80\xed\x83\x81\xeb\x93\x9c\xeb\xa6\xbd\xeb\x8b\x88\xeb\x8b\xa4\n\xea\xb0\x90\xec\x82\xac\xed\x95\xa9\xeb\x8b\x88\xeb\x8b\xa4\n\xea\xb9\x80\xec\xb2\xa0\xec\x88\x98\n",
	  "\xea\xb2\xac\xec\xa0\x81 \xeb\xb6\x80\xed\x83\x81\xeb\x93\x9c\xeb\xa6\xbd\xeb\x8b\x88\xeb\x8b\xa4" },
	{ "\xd8\xa7\xd9\x84\xd8\xb3\xd8\xb9\xd8\xb1\n\n\xd9\x85\xd8\xb9 \xd8\xa3\xd8\xb7\xd9\x8a\xd8\xa8 \xd8\xa7\xd9\x84\xd8\xaa\xd8\xad\xd9\x8a\xd8\xa7\xd8\xaa\n\xd8\xa3\xd8\xad\xd9\x85\xd8\xaf\n",
	  "\xd8\xa7\xd9\x84\xd8\xb3\xd8\xb9\xd8\xb1" },
	{ "Fiyat l\xc3\xbctfen.\n\nSayg\xc4\xb1lar\xc4\xb1mla,\nAli Y\xc4\xb1lmaz\n", "Fiyat l\xc3\xbctfen." },
	{ "Prosz\xc4\x99 o cen\xc4\x99.\n\nPozdrawiam,\nJan\n", "Prosz\xc4\x99 o cen\xc4\x99." },
	{ "B\xc3\xa1o gi\xc3\xa1 FOB.\n\nTr\xc3\xa2n tr\xe1\xbb\x8dng,\nNguy\xe1\xbb\x85n\n", "B\xc3\xa1o gi\xc3\xa1 FOB." },
	{ "Price please.\n\nRegards\n", "Price please." },
	/* The closing and the history both go. */
	{ "Price please.\n\nBest regards\nAnna\n\nOn Mon, Feb 5, 2024 at 10:00 AM Bob <b@example.com> wrote:\n> Offer\n",
	  "Price please." },
	/* Not near the end: the text after it is more than a signature. */
	{ "Regards\nthe shipment: it left Ningbo on Monday and should reach Hamburg in five weeks, as agreed with your forwarder last month.\n",
	  "Regards\nthe shipment: it left Ningbo on Monday and should reach Hamburg in five weeks, as agreed with your forwarder last month." },
	{ "Hi,\nThanks\nCan you ship 500 units by May?\nAnd what about the price?\n",
	  "Hi,\nThanks\nCan you ship 500 units by May?\nAnd what about the price?" },
	{ "Best regards\nA\nB\nC\nD\nE\nF\nG\nH\nI\n", "Best regards\nA\nB\nC\nD\nE\nF\nG\nH\nI" },
	/* A closing with no text above it is kept (nothing would be left). */
	{ "Best regards,\nAnna\n", "Best regards,\nAnna" },
	/* A longer phrase that starts like a closing is no closing. */
	{ "Ok.\nRegards to your whole team in Ningbo and see you at the fair\n",
	  "Ok.\nRegards to your whole team in Ningbo and see you at the fair" },
};

static void test_closing_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < G_N_ELEMENTS(closing_cases); i++) {
		char *res = quote_cut(closing_cases[i].text);

		if (strcmp(res, closing_cases[i].expected) != 0)
			fail_msg("case %zu: got \"%s\", expected \"%s\"", i, res,
			         closing_cases[i].expected);
		g_free(res);
	}
}

/* ---- quote_split: what the history is ---- */

static void test_split_reply(void **state)
{
	struct quote_split split;

	(void)state;
	quote_split(NULL, "Yes.\n\nOn Mon, Feb 5, 2024 at 10:00 AM Bob <b@example.com> wrote:\n> x\n", &split);
	assert_string_equal(split.new_text, "Yes.");
	assert_int_equal(split.history, QUOTE_HISTORY_REPLY);
	assert_false(split.nothing_new);
	assert_false(split.closing_cut);
	assert_null(split.quoted_from);
	quote_split_clear(&split);
	assert_null(split.new_text);

	quote_split(NULL, "Yes.\n-- \nBob\n", &split);
	assert_int_equal(split.history, QUOTE_HISTORY_SIGNATURE);
	quote_split_clear(&split);

	quote_split(NULL, "Yes.\nBest regards\nBob\n", &split);
	assert_int_equal(split.history, QUOTE_HISTORY_NONE);
	assert_true(split.closing_cut);
	assert_string_equal(split.new_text, "Yes.");
	quote_split_clear(&split);
}

static void test_split_outlook_block_fields(void **state)
{
	struct quote_split split;

	(void)state;
	quote_split(NULL, "See below.\n\n________________________________\n"
	            "From: Smith, John <John.Smith@Example.com>\n"
	            "Sent: Monday, February 5, 2024 10:00 AM\n"
	            "To: Sales <sales@example.org>\n"
	            "Subject: RE: Inquiry 500 pcs\n\nold\n", &split);
	assert_int_equal(split.history, QUOTE_HISTORY_REPLY);
	assert_string_equal(split.new_text, "See below.");
	assert_string_equal(split.quoted_from, "Smith, John <John.Smith@Example.com>");
	assert_string_equal(split.quoted_subject, "RE: Inquiry 500 pcs");
	quote_split_clear(&split);

	/* A From line wrapped by the mailer. */
	quote_split(NULL, "Fine.\n\n*From:* John Smith [mailto:\njohn@example.com]\n*Sent:* Monday\n*Subject:* offer\n\nold\n",
	            &split);
	assert_string_equal(split.quoted_from, "John Smith [mailto:john@example.com]");
	assert_string_equal(split.quoted_subject, "offer");
	quote_split_clear(&split);
}

static void test_split_forward(void **state)
{
	struct quote_split split;

	(void)state;
	quote_split(NULL, "---------- Forwarded message ---------\n"
	            "From: Buyer <buyer@example.de>\n"
	            "Date: Mon, Feb 5, 2024 at 10:00 AM\n"
	            "Subject: Inquiry XP-200\n"
	            "To: <sales@example.com>\n\n"
	            "Please quote 500 pcs.\n\nBest regards\nHans\n", &split);
	assert_int_equal(split.history, QUOTE_HISTORY_FORWARD);
	assert_true(split.nothing_new);
	/* Nothing above the forward: the forwarded message's own new text. */
	assert_string_equal(split.new_text, "Please quote 500 pcs.");
	assert_string_equal(split.quoted_from, "Buyer <buyer@example.de>");
	assert_string_equal(split.quoted_subject, "Inquiry XP-200");
	quote_split_clear(&split);

	/* Apple Mail, blank line after the marker; a note above it. */
	quote_split(NULL, "FYI\n\nBegin forwarded message:\n\n"
	            "From: Ana <ana@example.es>\nSubject: Pedido\nDate: 5 February 2024\n\nHola\n", &split);
	assert_int_equal(split.history, QUOTE_HISTORY_FORWARD);
	assert_false(split.nothing_new);
	assert_string_equal(split.new_text, "FYI");
	assert_string_equal(split.quoted_from, "Ana <ana@example.es>");
	assert_string_equal(split.quoted_subject, "Pedido");
	quote_split_clear(&split);

	/* Thunderbird's forward marker and QQ's Chinese header fields. */
	quote_split(NULL, "-------- Original Message --------\n"
	            "\xe5\x8f\x91\xe4\xbb\xb6\xe4\xba\xba: \"\xe5\xbc\xa0\xe4\xb8\x89\"<z@qq.com>;\n"
	            "\xe4\xb8\xbb\xe9\xa2\x98: \xe6\x8a\xa5\xe4\xbb\xb7\n\nhello\n", &split);
	assert_int_equal(split.history, QUOTE_HISTORY_FORWARD);
	assert_string_equal(split.quoted_from, "\"\xe5\xbc\xa0\xe4\xb8\x89\"<z@qq.com>;");
	assert_string_equal(split.quoted_subject, "\xe6\x8a\xa5\xe4\xbb\xb7");
	assert_string_equal(split.new_text, "hello");
	quote_split_clear(&split);
}

static void test_forward_subject(void **state)
{
	static const struct {
		const char *subject;
		bool forward;
	} cases[] = {
		{ "Fwd: offer", true }, { "FW: offer", true }, { "fw : offer", true },
		{ "WG: Angebot", true }, { "TR: devis", true }, { "RV: pedido", true },
		{ "ENC: pedido", true }, { "[sales] Fwd: x", true }, { "Fwd[2]: x", true },
		{ "\xe8\xbd\xac\xe5\x8f\x91\xef\xbc\x9a\xe6\x8a\xa5\xe4\xbb\xb7", true },
		{ "\xe8\xbd\xac\xe5\x8f\x91: x", true },
		{ "Re: Fwd: offer", false }, { "Forward planning", false },
		{ "offer", false }, { "", false }, { NULL, false },
		/* Invalid UTF-8 is repaired first (found by fuzzing). */
		{ "Fwd: \xe4\xba", true }, { "\xed", false },
	};

	(void)state;
	for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
		if (quote_is_forward_subject(NULL, cases[i].subject) != cases[i].forward)
			fail_msg("case %zu: \"%s\"", i, cases[i].subject ? cases[i].subject : "(null)");
	}
}

/* ---- the data files ---- */

static void test_builtin_data_compiles(void **state)
{
	struct quote_rules *rules = NULL;
	char *error = NULL;

	(void)state;
	if (quote_rules_new(builtin_quote_patterns, builtin_closings, &rules, &error) < 0)
		fail_msg("%s", error);
	assert_non_null(rules);
	quote_rules_free(&rules);
	assert_null(rules);
	assert_non_null(quote_rules_builtin());
	assert_ptr_equal(quote_rules_builtin(), quote_rules_builtin());
}

static void test_rules_format_errors(void **state)
{
	static const struct {
		const char *patterns;
		const char *closings;
		const char *error;
	} cases[] = {
		{ "bogus * ^x", NULL, "quote patterns line 1: unknown kind \"bogus\"" },
		{ "# c\nsignature --", NULL, "quote patterns line 2: expected KIND NEEDLE PATTERN" },
		{ "signature * ^(unclosed", NULL, "quote patterns line 1: bad pattern" },
		{ "then * ^Sent:", NULL, "quote patterns line 1: \"then\" without a \"header\"" },
		{ "header from ^From:\nsignature * ^--", NULL, "quote patterns line 2: the \"header\" rule" },
		{ "header from ^From:", NULL, "quote patterns: the last \"header\" rule has no \"then\"" },
		{ "from * ^From:", NULL, "quote patterns line 1: a from or subject pattern needs a capture group" },
		{ NULL, "Regards\n,;!\n", "closings line 2: a closing needs a letter" },
		{ "signature * ^\xff", NULL, "quote patterns: not valid UTF-8" },
	};

	(void)state;
	for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
		struct quote_rules *rules = NULL;
		char *error = NULL;

		assert_int_equal(quote_rules_new(cases[i].patterns, cases[i].closings,
		                                 &rules, &error), -1);
		assert_null(rules);
		assert_non_null(error);
		if (!g_str_has_prefix(error, cases[i].error))
			fail_msg("case %zu: \"%s\"", i, error);
		g_free(error);
	}
}

/* Rules of one's own: the format as documented in the data files. */
static void test_custom_rules(void **state)
{
	struct quote_rules *rules = NULL;
	char *error = NULL;
	struct quote_split split;

	(void)state;
	assert_int_equal(quote_rules_new("# mine\n"
	                                 "separator  ====  ^=+ old =+$\n"
	                                 "header  sender  ^Sender:\n"
	                                 "then  *  ^When:\n"
	                                 "from  *  ^Sender:\\s*(.*)$\n",
	                                 "Cheerio\n", &rules, &error), 0);
	quote_split(rules, "new\n==== old ====\nx\n", &split);
	assert_string_equal(split.new_text, "new");
	quote_split_clear(&split);
	quote_split(rules, "new\nSender: a@b.example\nWhen: today\n\nold\n", &split);
	assert_string_equal(split.new_text, "new");
	assert_string_equal(split.quoted_from, "a@b.example");
	quote_split_clear(&split);
	quote_split(rules, "new\ncheerio!\nBob\n", &split);
	assert_string_equal(split.new_text, "new");
	quote_split_clear(&split);
	/* The built-in rules are not in this set. */
	quote_split(rules, "new\n-- \nsig\n", &split);
	assert_string_equal(split.new_text, "new\n-- \nsig");
	quote_split_clear(&split);
	quote_rules_free(&rules);
}

/* Parsing runs on worker threads: the lazily built table is shared. */
static gpointer cut_in_thread(gpointer data)
{
	char *res = quote_cut(data);
	gboolean ok = strcmp(res, "Thanks, will do.") == 0;

	g_free(res);
	return GINT_TO_POINTER(ok);
}

static void test_threads_share_rules(void **state)
{
	static const char text[] =
		"Thanks, will do.\n\nOn Mon, Feb 5, 2024 at 10:00 AM John <john@example.com> wrote:\n> x\n";
	GThread *threads[8];

	(void)state;
	for (size_t i = 0; i < G_N_ELEMENTS(threads); i++)
		threads[i] = g_thread_new("cut", cut_in_thread, (gpointer)text);
	for (size_t i = 0; i < G_N_ELEMENTS(threads); i++)
		assert_true(GPOINTER_TO_INT(g_thread_join(threads[i])));
}

/* Every closing the product promises, followed by a name. */
static void test_every_promised_closing(void **state)
{
	static const char *const closings[] = {
		"Best regards", "Kind regards", "Regards", "Thanks and best regards",
		"Mit freundlichen Gr\xc3\xbc\xc3\x9f" "en", "Viele Gr\xc3\xbc\xc3\x9f" "e", "Saludos",
		"Saludos cordiales", "Atentamente", "Atenciosamente", "Abra\xc3\xa7os", "Cordialement",
		"Bien cordialement", "Distinti saluti", "Cordiali saluti",
		"\xd0\xa1 \xd1\x83\xd0\xb2\xd0\xb0\xd0\xb6\xd0\xb5\xd0\xbd\xd0\xb8\xd0\xb5\xd0\xbc",
		"\xe6\xad\xa4\xe8\x87\xb4 \xe6\x95\xac\xe7\xa4\xbc", "\xe7\xa5\x9d\xe5\xa5\xbd",
		"\xe8\xb0\xa2\xe8\xb0\xa2", "\xe9\xa1\xba\xe7\xa5\x9d\xe5\x95\x86\xe7\xa5\xba",
		"\xd9\x85\xd8\xb9 \xd8\xa3\xd8\xb7\xd9\x8a\xd8\xa8 \xd8\xa7\xd9\x84\xd8\xaa\xd8\xad\xd9\x8a\xd8\xa7\xd8\xaa",
		"\xe3\x82\x88\xe3\x82\x8d\xe3\x81\x97\xe3\x81\x8f\xe3\x81\x8a\xe9\xa1\x98\xe3\x81\x84"
		"\xe3\x81\x84\xe3\x81\x9f\xe3\x81\x97\xe3\x81\xbe\xe3\x81\x99",
		"\xea\xb0\x90\xec\x82\xac\xed\x95\xa9\xeb\x8b\x88\xeb\x8b\xa4",
		"Sayg\xc4\xb1lar\xc4\xb1mla", "Pozdrawiam", "Tr\xc3\xa2n tr\xe1\xbb\x8dng",
		/* Case, punctuation and full-width forms do not matter. */
		"BEST REGARDS!", "kind regards,", "\xef\xbc\xa2\xef\xbd\x85\xef\xbd\x93\xef\xbd\x94 regards",
	};

	(void)state;
	for (size_t i = 0; i < G_N_ELEMENTS(closings); i++) {
		char *text = g_strconcat("Please send the price list.\n\n", closings[i],
		                         "\nMaria Rossi\nSales\n", NULL);
		char *res = quote_cut(text);

		if (strcmp(res, "Please send the price list.") != 0)
			fail_msg("\"%s\": got \"%s\"", closings[i], res);
		g_free(res);
		g_free(text);
	}
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
		cmocka_unit_test(test_history_table),
		cmocka_unit_test(test_closing_table),
		cmocka_unit_test(test_every_promised_closing),
		cmocka_unit_test(test_split_reply),
		cmocka_unit_test(test_split_outlook_block_fields),
		cmocka_unit_test(test_split_forward),
		cmocka_unit_test(test_forward_subject),
		cmocka_unit_test(test_builtin_data_compiles),
		cmocka_unit_test(test_rules_format_errors),
		cmocka_unit_test(test_custom_rules),
		cmocka_unit_test(test_threads_share_rules),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
