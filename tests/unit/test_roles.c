/* Who may change what (core/roles.c): every role against every kind of
 * change, on a customer of their own, of their team, of someone else,
 * and nobody's. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <glib.h>

#include "core/roles.h"

static struct config_person persons[] = {
	{ .email = (char *)"li@example.com", .manager = (char *)"boss@example.com",
	  .role = CONFIG_ROLE_SALES },
	{ .email = (char *)"wang@example.com", .role = CONFIG_ROLE_SALES },
	{ .email = (char *)"boss@example.com", .role = CONFIG_ROLE_MANAGER },
	{ .email = (char *)"fin@example.com", .role = CONFIG_ROLE_FINANCE },
	{ .email = (char *)"admin@example.com", .role = CONFIG_ROLE_ADMIN },
};

static bool may(int who, enum core_change_kind kind, const char *owner)
{
	struct config cfg = { .persons = persons, .n_persons = G_N_ELEMENTS(persons) };
	struct core_actor a = { .name = persons[who].email, .person = &persons[who] };
	const char *why = NULL;
	int rc = core_may_change(&cfg, &a, kind, owner, &why);

	assert_true(rc == 0 || (why != NULL && why[0] != '\0'));
	return rc == 0;
}

enum { LI, WANG, BOSS, FIN, ADMIN };
#define LI_S "li@example.com"
#define WANG_S "wang@example.com"

static void test_sales(void **state)
{
	(void)state;
	assert_true(may(LI, CORE_CHANGE_RECORD, LI_S));
	assert_true(may(LI, CORE_CHANGE_RECORD, "LI@example.com"));   /* case aside */
	assert_true(may(LI, CORE_CHANGE_RECORD, NULL));
	assert_false(may(LI, CORE_CHANGE_RECORD, WANG_S));
	assert_true(may(LI, CORE_CHANGE_ORDER, LI_S));
	assert_false(may(LI, CORE_CHANGE_ORDER, WANG_S));
	assert_true(may(LI, CORE_CHANGE_CLAIM, NULL));
	assert_false(may(LI, CORE_CHANGE_CLAIM, WANG_S));
	assert_false(may(LI, CORE_CHANGE_ASSIGN, LI_S));
	assert_false(may(LI, CORE_CHANGE_IMPORT, NULL));
	assert_false(may(LI, CORE_CHANGE_FORGET, NULL));
}

static void test_manager(void **state)
{
	(void)state;
	assert_true(may(BOSS, CORE_CHANGE_RECORD, LI_S));          /* his team */
	assert_false(may(BOSS, CORE_CHANGE_RECORD, WANG_S));       /* not his team */
	assert_true(may(BOSS, CORE_CHANGE_ASSIGN, NULL));
	assert_true(may(BOSS, CORE_CHANGE_ASSIGN, LI_S));
	assert_false(may(BOSS, CORE_CHANGE_ASSIGN, WANG_S));
	assert_true(may(BOSS, CORE_CHANGE_ORDER, "boss@example.com"));
	assert_false(may(BOSS, CORE_CHANGE_IMPORT, NULL));
}

static void test_finance_admin_root(void **state)
{
	(void)state;
	assert_true(may(FIN, CORE_CHANGE_ORDER, WANG_S));
	assert_true(may(FIN, CORE_CHANGE_ORDER, NULL));
	assert_false(may(FIN, CORE_CHANGE_RECORD, NULL));
	assert_false(may(FIN, CORE_CHANGE_CLAIM, NULL));
	assert_false(may(FIN, CORE_CHANGE_ASSIGN, NULL));
	for (int k = CORE_CHANGE_RECORD; k <= CORE_CHANGE_FORGET; k++)
		assert_true(may(ADMIN, (enum core_change_kind)k, WANG_S));

	struct config cfg = { .persons = persons, .n_persons = G_N_ELEMENTS(persons) };
	struct core_actor root = { .name = "root", .root = true };
	struct core_actor stranger = { .name = NULL };
	const char *why = NULL;
	assert_int_equal(core_may_change(&cfg, &root, CORE_CHANGE_FORGET, WANG_S, &why), 0);
	assert_int_equal(core_may_change(&cfg, &stranger, CORE_CHANGE_RECORD, NULL, &why), -1);
	assert_non_null(strstr(why, "no [person]"));
	assert_int_equal(core_may_change(&cfg, &stranger, CORE_CHANGE_NONE, NULL, &why), 0);
}

static void test_commands(void **state)
{
	(void)state;
	char *set[] = { (char *)"customer", (char *)"set", (char *)"kunde.de" };
	char *show[] = { (char *)"customer", (char *)"show" };
	char *claim[] = { (char *)"claim", (char *)"x" };
	char *paid[] = { (char *)"order", (char *)"paid" };
	char *order[] = { (char *)"order" };
	int words = -1;

	assert_int_equal(core_change_of_command(3, set, &words), CORE_CHANGE_RECORD);
	assert_int_equal(words, 2);
	assert_int_equal(core_change_of_command(2, show, &words), CORE_CHANGE_NONE);
	assert_int_equal(words, 0);
	assert_int_equal(core_change_of_command(2, claim, &words), CORE_CHANGE_CLAIM);
	assert_int_equal(words, 1);
	assert_int_equal(core_change_of_command(2, paid, &words), CORE_CHANGE_ORDER);
	assert_int_equal(core_change_of_command(1, order, &words), CORE_CHANGE_NONE);
	assert_int_equal(core_change_of_command(0, order, &words), CORE_CHANGE_NONE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sales),
		cmocka_unit_test(test_manager),
		cmocka_unit_test(test_finance_admin_root),
		cmocka_unit_test(test_commands),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
