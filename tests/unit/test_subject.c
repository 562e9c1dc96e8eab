/* Subject normalisation and reply detection (classify/subject.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <glib.h>

#include "classify/classify.h"
#include "classify/subject.h"

struct normalize_case {
	const char *subject;
	const char *expected;
};

static const struct normalize_case normalize_cases[] = {
	{ "Pump Quotation", "pump quotation" },
	{ "Re: Pump Quotation", "pump quotation" },
	{ "RE: Pump Quotation", "pump quotation" },
	{ "re：pump  quotation", "pump quotation" },
	{ "rE:Pump\tQuotation ", "pump quotation" },
	{ "Fw: Price", "price" },
	{ "FW: Price", "price" },
	{ "Fwd: Price", "price" },
	{ "AW: Preis", "preis" },
	{ "WG: Preis", "preis" },
	{ "SV: Pris", "pris" },
	{ "VS: Hinta", "hinta" },
	{ "RV: Precio", "precio" },
	{ "TR: Prix", "prix" },
	{ "Ref: Order 7", "order 7" },
	{ "Antw: Prijs", "prijs" },
	{ "Odp: Cena", "cena" },
	{ "R: Prezzo", "prezzo" },
	{ "RES: Preço", "preço" },
	{ "ENC: Preço", "preço" },
	{ "回复：价格", "价格" },
	{ "回复: 价格", "价格" },
	{ "回覆：價格", "價格" },
	{ "答复：价格", "价格" },
	{ "转发：价格", "价格" },
	{ "轉寄：價格", "價格" },
	{ "Re: AW: Fwd: 回复：Price", "price" },
	{ "Re[2]: Price", "price" },
	{ "RE(3): Price", "price" },
	{ "Re [2]: Price", "re [2]: price" },   /* not a counter: kept */
	{ "Re[]: Price", "re[]: price" },
	{ "RE : Prix", "prix" },                /* French spacing */
	{ "ＲＥ：Ｐｒｉｃｅ", "price" },      /* full width */
	{ "[EXT] Re: Price", "price" },
	{ "[External] Price", "price" },
	{ "RE: [EXTERNAL] FW: Price", "price" },
	{ "Re: Re: Re: Re: Price", "price" },
	{ "Reply needed", "reply needed" },
	{ "Rebate: 5%", "rebate: 5%" },
	{ "Return: goods", "return: goods" },
	{ "Price: Re: x", "price: re: x" },     /* prefixes only at the start */
	{ "Re:", "" },
	{ "", "" },
	{ "  PUMP   Quotation  ", "pump quotation" },
	{ "Straße", "strasse" },                /* case folding, not lowering */
};

static void test_normalize_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < G_N_ELEMENTS(normalize_cases); i++) {
		char *got = classify_subject_normalize(normalize_cases[i].subject);
		if (strcmp(got, normalize_cases[i].expected) != 0)
			fail_msg("normalize(\"%s\") = \"%s\", want \"%s\"",
			         normalize_cases[i].subject, got, normalize_cases[i].expected);
		g_free(got);
	}
}

static void test_normalize_equal_forms(void **state)
{
	(void)state;
	char *a = classify_subject_normalize("RE: Pump Quotation");
	char *b = classify_subject_normalize("re：pump  quotation");
	assert_string_equal(a, b);
	g_free(a);
	g_free(b);
}

static void test_normalize_null_and_invalid(void **state)
{
	(void)state;
	char *empty = classify_subject_normalize(NULL);
	assert_string_equal(empty, "");
	g_free(empty);

	char *invalid = classify_subject_normalize("Re: caf\xe9 \xff price");
	assert_true(g_utf8_validate(invalid, -1, NULL));
	assert_non_null(strstr(invalid, "price"));
	assert_null(strstr(invalid, "re:"));
	g_free(invalid);
}

static void test_normalize_long_chain_is_bounded(void **state)
{
	(void)state;
	GString *subject = g_string_new(NULL);
	for (int i = 0; i < 200000; i++)
		g_string_append(subject, "Re: ");
	g_string_append(subject, "Price");
	char *got = classify_subject_normalize(subject->str);
	/* the first 16 KiB are all prefixes: nothing is left */
	assert_string_equal(got, "");
	assert_true(strlen(got) <= 16 * 1024);
	g_free(got);
	g_string_free(subject, TRUE);
}

struct reply_case {
	const char *subject;
	bool is_reply;
	enum subject_prefix first;
};

static const struct reply_case reply_cases[] = {
	{ "Re: x", true, SUBJECT_PREFIX_REPLY },
	{ "RE: x", true, SUBJECT_PREFIX_REPLY },
	{ "AW: x", true, SUBJECT_PREFIX_REPLY },
	{ "SV: x", true, SUBJECT_PREFIX_REPLY },
	{ "Antw: x", true, SUBJECT_PREFIX_REPLY },
	{ "Odp: x", true, SUBJECT_PREFIX_REPLY },
	{ "R: x", true, SUBJECT_PREFIX_REPLY },
	{ "回复：x", true, SUBJECT_PREFIX_REPLY },
	{ "答复: x", true, SUBJECT_PREFIX_REPLY },
	{ "Re[2]: x", true, SUBJECT_PREFIX_REPLY },
	{ "[EXT] Re: x", true, SUBJECT_PREFIX_REPLY },
	{ "Re: Fwd: x", true, SUBJECT_PREFIX_REPLY },
	{ "Fwd: Re: x", false, SUBJECT_PREFIX_FORWARD },
	{ "FW: x", false, SUBJECT_PREFIX_FORWARD },
	{ "WG: x", false, SUBJECT_PREFIX_FORWARD },
	{ "RV: x", false, SUBJECT_PREFIX_FORWARD },
	{ "TR: x", false, SUBJECT_PREFIX_FORWARD },
	{ "转发：x", false, SUBJECT_PREFIX_FORWARD },
	{ "轉寄：x", false, SUBJECT_PREFIX_FORWARD },
	{ "Inquiry for pumps", false, SUBJECT_PREFIX_NONE },
	{ "Reply needed", false, SUBJECT_PREFIX_NONE },
	{ "[EXT] Pumps", false, SUBJECT_PREFIX_NONE },
	{ "", false, SUBJECT_PREFIX_NONE },
	{ NULL, false, SUBJECT_PREFIX_NONE },
};

static void test_is_reply_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < G_N_ELEMENTS(reply_cases); i++) {
		const struct reply_case *c = &reply_cases[i];
		if (classify_subject_is_reply(c->subject) != c->is_reply)
			fail_msg("is_reply(\"%s\") != %d", c->subject ? c->subject : "(null)",
			         c->is_reply);
		if (subject_first_prefix(c->subject) != c->first)
			fail_msg("first_prefix(\"%s\") != %d", c->subject ? c->subject : "(null)",
			         (int)c->first);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_normalize_table),
		cmocka_unit_test(test_normalize_equal_forms),
		cmocka_unit_test(test_normalize_null_and_invalid),
		cmocka_unit_test(test_normalize_long_chain_is_bounded),
		cmocka_unit_test(test_is_reply_table),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
