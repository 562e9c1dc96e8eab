/*
 * followup oauth ACCOUNT|--smtp: the first refresh token of an OAuth2
 * login, by the device flow. The CLI never reads secrets nor speaks HTTP
 * (only followupd links libcurl and reads the client secret), so this
 * hands over to `followupd --oauth-device NAME` (daemon/oauth_device.c),
 * run as the caller: the administrator, as followupd's user or root, who
 * may write the token file.
 */
#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <glib.h>

#include "cli/cli.h"

/* followupd beside this program (a build's bin/, or /usr/bin), in the
 * sbin beside its bin (/usr/sbin), else the PATH's. A new string. */
static char *followupd_path(void)
{
	char *self = g_file_read_link("/proc/self/exe", NULL), *dir, *path = NULL;
	const char *const tries[] = { "followupd", "../sbin/followupd" };

	if (self == NULL)
		return g_strdup("followupd");
	dir = g_path_get_dirname(self);
	for (size_t i = 0; path == NULL && i < G_N_ELEMENTS(tries); i++) {
		char *candidate = g_build_filename(dir, tries[i], NULL);
		if (access(candidate, X_OK) == 0)
			path = candidate;
		else
			g_free(candidate);
	}
	g_free(dir);
	g_free(self);
	return path != NULL ? path : g_strdup("followupd");
}

int cmd_oauth(struct cli_ctx *ctx)
{
	bool smtp = cli_take_flag(ctx, "smtp");
	char *followupd;

	if (cli_expect_args(ctx, smtp ? 0 : 1, smtp ? 0 : 1) < 0)
		return CLI_USAGE;
	if (ctx->json) {
		cli_error("oauth: --json: this command prints no data; it walks you through a "
		          "sign-in (run it without --json)");
		return CLI_USAGE;
	}
	/* followupd --oauth-device takes "--smtp" as the name of [smtp]. */
	const char *name = smtp ? "--smtp" : ctx->argv[0];
	followupd = followupd_path();
	/* One word, so that getopt cannot read a name as an option. */
	char *option = g_strdup_printf("--oauth-device=%s", name);
	char *const argv[] = { followupd, "-c", ctx->cfg->path, option, NULL };
	fflush(stdout);
	if (strchr(followupd, '/') != NULL)
		execv(followupd, argv);
	else
		execvp(followupd, argv);
	cli_error("oauth: cannot run %s: %s (is followupd installed?)", followupd,
	          g_strerror(errno));
	g_free(option);
	g_free(followupd);
	return CLI_CONFIG_ERROR;
}
