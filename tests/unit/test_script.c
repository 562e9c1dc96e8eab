/* lib/script: which writing systems are cut into words without spaces,
 * and which let a phrase be found inside a word. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <glib.h>

#include "lib/script.h"

static gunichar first(const char *utf8)
{
	return g_utf8_get_char(utf8);
}

static void test_unspaced(void **state)
{
	(void)state;
	assert_true(script_is_unspaced(first("报")));   /* Han */
	assert_true(script_is_unspaced(first("み")));   /* Hiragana */
	assert_true(script_is_unspaced(first("カ")));   /* Katakana */
	assert_true(script_is_unspaced(first("ส")));    /* Thai */
	assert_false(script_is_unspaced(first("견")));  /* Hangul: spaced */
	assert_false(script_is_unspaced('a'));
	assert_false(script_is_unspaced(first("ж")));
	assert_false(script_is_unspaced('7'));
}

static void test_inside_words(void **state)
{
	(void)state;
	assert_true(script_matches_inside_words(first("报")));
	assert_true(script_matches_inside_words(first("ส")));
	assert_true(script_matches_inside_words(first("견")));
	assert_false(script_matches_inside_words('a'));
	assert_false(script_matches_inside_words(first("ü")));
	assert_false(script_matches_inside_words(first("ع")));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_unspaced),
		cmocka_unit_test(test_inside_words),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
