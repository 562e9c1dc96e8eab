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
	char *followupd;

	if (cli_expect_args(ctx, 1, 1, "oauth ACCOUNT|--smtp") < 0)
		return CLI_USAGE;
	if (ctx->json) {
		cli_error("oauth: --json: this command prints no data; it walks you through a "
		          "sign-in (run it without --json)");
		return CLI_USAGE;
	}
	const char *name = ctx->argv[0];
	if (name[0] == '-' && strcmp(name, "--smtp") != 0) {
		cli_error("oauth: unknown option '%s' (usage: followup oauth ACCOUNT|--smtp)", name);
		return CLI_USAGE;
	}
	followupd = followupd_path();
	char *const argv[] = { followupd, "-c", ctx->cfg->path, "--oauth-device", (char *)name,
	                       NULL };
	fflush(stdout);
	if (strchr(followupd, '/') != NULL)
		execv(followupd, argv);
	else
		execvp(followupd, argv);
	cli_error("oauth: cannot run %s: %s (is followupd installed?)", followupd,
	          g_strerror(errno));
	g_free(followupd);
	return CLI_CONFIG_ERROR;
}
