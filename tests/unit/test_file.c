/* lib/file: the one way configuration files are read: regular files only,
 * no FIFO can hang it, never more than the caller's limit. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "lib/file.h"
#include "tests/unit/tmp_tree.h"

static char *dir;

static char *path_of(const char *name)
{
	return g_build_filename(dir, name, NULL);
}

static char *write_file(const char *name, const char *text, size_t len)
{
	char *p = path_of(name);

	assert_true(g_file_set_contents(p, text, (gssize)len, NULL));
	return p;
}

static void test_reads_a_regular_file(void **state)
{
	char *p = write_file("a.txt", "zwei\0drei", 9), *text = NULL;
	size_t len = 0;
	struct stat st;

	(void)state;
	assert_int_equal(file_read_all(p, 9, &text, &len, &st), 0);
	assert_int_equal(len, 9);
	assert_memory_equal(text, "zwei\0drei", 9);
	assert_int_equal(text[9], '\0');
	assert_true(S_ISREG(st.st_mode));
	g_free(text);
	g_free(p);
}

static void test_empty_file(void **state)
{
	char *p = write_file("empty", "", 0), *text = NULL;
	size_t len = 1;

	(void)state;
	assert_int_equal(file_read_all(p, 100, &text, &len, NULL), 0);
	assert_int_equal(len, 0);
	assert_string_equal(text, "");
	g_free(text);
	g_free(p);
}

static void test_over_the_limit(void **state)
{
	char *p = write_file("big", "0123456789", 10), *text = NULL;
	size_t len = 0;

	(void)state;
	assert_int_equal(file_read_all(p, 9, &text, &len, NULL), FILE_ERR_TOO_LARGE);
	assert_null(text);
	assert_string_equal(file_error_text(FILE_ERR_TOO_LARGE), "too large");
	g_free(p);
}

/* A FIFO is refused at once, not waited on (the test would hang). */
static void test_fifo_does_not_hang(void **state)
{
	char *p = path_of("fifo"), *text = NULL;
	size_t len = 0;

	(void)state;
	assert_int_equal(mkfifo(p, 0600), 0);
	assert_int_equal(file_read_all(p, 100, &text, &len, NULL), FILE_ERR_NOT_REGULAR);
	assert_int_equal(file_open_regular(p, NULL), FILE_ERR_NOT_REGULAR);
	assert_string_equal(file_error_text(FILE_ERR_NOT_REGULAR), "not a regular file");
	g_unlink(p);
	g_free(p);
}

static void test_directory_and_missing(void **state)
{
	char *missing = path_of("missing");

	(void)state;
	assert_int_equal(file_open_regular(dir, NULL), -EISDIR);
	assert_int_equal(file_open_regular(missing, NULL), -ENOENT);
	assert_string_equal(file_error_text(-ENOENT), g_strerror(ENOENT));
	g_free(missing);
}

static void test_descriptor_is_readable(void **state)
{
	char *p = write_file("b.txt", "TZif", 4);
	char buf[4];
	struct stat st;
	int fd;

	(void)state;
	fd = file_open_regular(p, &st);
	assert_true(fd >= 0);
	assert_int_equal(st.st_size, 4);
	assert_int_equal(read(fd, buf, 4), 4);
	assert_memory_equal(buf, "TZif", 4);
	close(fd);
	g_free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reads_a_regular_file),
		cmocka_unit_test(test_empty_file),
		cmocka_unit_test(test_over_the_limit),
		cmocka_unit_test(test_fifo_does_not_hang),
		cmocka_unit_test(test_directory_and_missing),
		cmocka_unit_test(test_descriptor_is_readable),
	};
	dir = g_dir_make_tmp("followup-file-XXXXXX", NULL);
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	test_tmp_tree_remove(dir);
	g_free(dir);
	return rc;
}
