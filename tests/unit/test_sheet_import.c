/* core/sheet_import: the header list (English and Chinese, folded),
 * --map overrides and what a header row must hold. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <glib.h>

#include "core/sheet_import.h"

static void test_headers(void **state)
{
	static const struct { const char *header, *field; } cases[] = {
		{ "客户名称", "name" }, { "公司名称", "name" }, { "国家", "country" },
		{ "国家/地区", "country" }, { "等级", "grade" }, { "客户等级", "grade" },
		{ "联系人", "contact" }, { "邮箱", "email" }, { "电子邮件", "email" },
		{ "电话", "phone" }, { "手机", "phone" }, { "负责人", "owner" },
		{ "业务员", "owner" }, { "下次跟进", "next-date" }, { "下次跟进时间", "next-date" },
		{ "跟进内容", "next-action" }, { "行业", "industry" }, { "官网", "website" },
		{ "来源", "source" }, { "标签", "tags" }, { "阶段", "stage" },
		{ "Company Name", "name" }, { "E-mail", "email" }, { "next_date", "next-date" },
		{ "NEXT-DATE:", "next-date" }, { " Next  Action ", "next-action" },
		{ "邮箱：", "email" }, { "*客户名称", "name" }, { "customer", "customer" },
		{ "订单号", "number" }, { "PI No.", NULL }, { "PI No", "number" }, { "金额", "amount" },
		{ "币种", "currency" }, { "价格条款", "incoterm" }, { "付款日期", "due" },
		{ "定金", "deposit" },
		{ "备注", NULL }, { "", NULL }, { "namex", NULL },
	};

	(void)state;
	for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
		const char *got = core_import_header_field(cases[i].header);
		if (cases[i].field == NULL)
			assert_null(got);
		else
			assert_string_equal(got, cases[i].field);
	}
}

static struct core_import_columns *map_ok(const char *const *header, size_t n,
                                          char *const *maps, size_t n_maps)
{
	struct core_import_columns *cols = NULL;
	char *error = NULL;

	assert_int_equal(core_import_columns_map(header, n, maps, n_maps, &cols, &error), 0);
	assert_null(error);
	return cols;
}

static void map_fails(const char *const *header, size_t n, char *const *maps, size_t n_maps,
                      const char *part)
{
	struct core_import_columns *cols = NULL;
	char *error = NULL;

	assert_int_equal(core_import_columns_map(header, n, maps, n_maps, &cols, &error), -1);
	assert_null(cols);
	assert_non_null(strstr(error, part));
	g_free(error);
}

static void test_map(void **state)
{
	const char *const header[] = { "客户名称", "Kontakt-Mail", "备注", "邮箱" };
	char *maps[] = { "Kontakt-Mail=email", "邮箱=ignore" };
	struct core_import_columns *cols;

	(void)state;
	cols = map_ok(header, 4, maps, 2);
	assert_string_equal(cols->fields[0], "name");
	assert_string_equal(cols->fields[1], "email");
	assert_null(cols->fields[2]);
	assert_null(cols->fields[3]);
	assert_string_equal(cols->ignored[0], "备注");
	assert_string_equal(cols->ignored[1], "邮箱");
	assert_null(cols->ignored[2]);
	core_import_columns_free(&cols);
	assert_null(cols);

	/* Without the maps: 邮箱 is the email, Kontakt-Mail unknown. */
	cols = map_ok(header, 4, NULL, 0);
	assert_null(cols->fields[1]);
	assert_string_equal(cols->fields[3], "email");
	core_import_columns_free(&cols);

	/* A map by the folded header. */
	char *folded[] = { "kontakt mail=email", "邮箱=ignore" };
	cols = map_ok(header, 4, folded, 2);
	assert_string_equal(cols->fields[1], "email");
	core_import_columns_free(&cols);
}

static void test_map_errors(void **state)
{
	const char *const header[] = { "客户名称", "邮箱", "E-mail" };
	const char *const no_key[] = { "客户名称", "国家" };
	char *bad_field[] = { "客户名称=colour" };
	char *bad_column[] = { "Nope=name" };
	char *no_eq[] = { "客户名称" };
	char *fix[] = { "E-mail=ignore" };

	(void)state;
	map_fails(header, 3, NULL, 0, "columns '邮箱' and 'E-mail' both give email");
	struct core_import_columns *cols = map_ok(header, 3, fix, 1);
	core_import_columns_free(&cols);
	map_fails(no_key, 2, NULL, 0, "no column names the customer");
	map_fails(header, 3, bad_field, 1, "'colour' is no field");
	map_fails(header, 3, bad_column, 1, "no column 'Nope'");
	map_fails(header, 3, no_eq, 1, "write 'Column=field'");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_headers),
		cmocka_unit_test(test_map),
		cmocka_unit_test(test_map_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
