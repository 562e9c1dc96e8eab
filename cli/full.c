/*
 * full: followup hands the commands it does not run itself (those that
 * parse mail, write spreadsheets or calendars, or change the store) to
 * followup-full, the CLI with every library linked (cli/main.c).
 */
#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <glib.h>

#include "cli/cli.h"

#define FULL_NAME "followup-full"

/* Where followup-full may be, most local first: beside this program (a
 * build's bin/), in the libexec beside its bin (an installed tree
 * under any PREFIX or DESTDIR: /usr/bin -> /usr/libexec/followup), then
 * the LIBEXECDIR it was built for. Only the places the program itself
 * came from are looked in: never the PATH or the working directory. */
static GPtrArray *full_candidates(void)
{
	GPtrArray *tries = g_ptr_array_new_with_free_func(g_free);
	char *self = g_file_read_link("/proc/self/exe", NULL);

	if (self != NULL) {
		char *dir = g_path_get_dirname(self), *prefix = g_path_get_dirname(dir);
		g_ptr_array_add(tries, g_build_filename(dir, FULL_NAME, NULL));
		g_ptr_array_add(tries, g_build_filename(prefix, "libexec", "followup", FULL_NAME,
		                                        NULL));
		g_free(prefix);
		g_free(dir);
		g_free(self);
	}
	g_ptr_array_add(tries, g_build_filename(FOLLOWUP_LIBEXECDIR, FULL_NAME, NULL));
	return tries;
}

int cli_full_exec(char **argv)
{
	GPtrArray *tries = full_candidates();
	GString *looked = g_string_new(NULL);
	int err = ENOENT;

	fflush(stdout);
	for (size_t i = 0; i < tries->len; i++) {
		const char *path = g_ptr_array_index(tries, i);
		/* argv as given, argv[0] included: it parses them as we did. */
		execv(path, argv);
		if (errno != ENOENT || err == ENOENT)
			err = errno;
		g_string_append_printf(looked, "%s%s", looked->len > 0 ? ", " : "", path);
	}
	cli_error("cannot run %s (looked for it as %s): %s", FULL_NAME, looked->str,
	          g_strerror(err));
	g_string_free(looked, TRUE);
	g_ptr_array_free(tries, TRUE);
	return CLI_CONFIG_ERROR;
}
