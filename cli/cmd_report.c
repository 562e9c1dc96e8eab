/*
 * followup report --html FILE [--from DATE --to DATE] [--language LANG]:
 * the manager's report as one self-contained HTML page (core/report.c
 * gathers it, core/report_html.c draws it), written whole or not at all,
 * in LANG, else the language = of the person who runs it, else English.
 * With --json, what was written: [{"file", "bytes", "from", "to",
 * "language"}].
 */
#include <string.h>
#include <glib.h>

#include "cli/cli.h"
#include "core/report.h"
#include "core/report_words.h"

static void print_written(const char *file, size_t bytes, int64_t from, int64_t to,
                          const char *language)
{
	json_t *o = json_object();
	json_t *arr = json_array();

	json_object_set_new(o, "file", cli_json_string(file));
	json_object_set_new(o, "bytes", json_integer((json_int_t)bytes));
	json_object_set_new(o, "from", cli_json_time(from));
	json_object_set_new(o, "to", cli_json_time(to));
	json_object_set_new(o, "language", cli_json_string(language));
	json_array_append_new(arr, o);
	cli_print_json(arr);
}

/* The report's language: --language (which must be shipped), else the
 * running person's language = when it is shipped, else English. NULL
 * after an error message. */
static const char *pick_language(const struct cli_ctx *ctx, const char *option)
{
	const char *language;

	if (option != NULL) {
		if ((language = core_report_words_language(option)) == NULL) {
			GString *known = g_string_new(NULL);
			for (size_t i = 0; core_report_words_languages[i] != NULL; i++)
				g_string_append_printf(known, "%s%s", i > 0 ? ", " : "",
				                       core_report_words_languages[i]);
			cli_error("--language: the report is not written in '%s' (one of %s)", option,
			          known->str);
			g_string_free(known, TRUE);
		}
		return language;
	}
	const struct config_person *p = ctx->actor.person;
	language = core_report_words_language(p != NULL ? p->language : NULL);
	return language != NULL ? language : "en";
}

int cmd_report(struct cli_ctx *ctx)
{
	struct core_rules *rules = NULL;
	struct core_report_set *set = NULL;
	const char *file = NULL, *option = NULL, *language;
	GError *gerror = NULL;
	char *html = NULL, *error = NULL;
	int64_t from = 0, to = 0;
	int ret;

	if (cli_take_option(ctx, "html", &file) < 0 || cli_take_period(ctx, &from, &to) < 0 ||
	    cli_take_option(ctx, "language", &option) < 0 ||
	    cli_expect_args(ctx, 0, 0) < 0)
		return CLI_USAGE;
	if (file == NULL || file[0] == '\0') {
		cli_error("--html: the file to write is missing (report --html FILE)");
		return CLI_USAGE;
	}
	if ((language = pick_language(ctx, option)) == NULL)
		return CLI_USAGE;
	if ((ret = cli_rules_load(ctx, &rules)) != CLI_OK)
		return ret;
	if (core_report_load(rules, ctx->st, from, to, ctx->now, language, &set, &error) < 0) {
		cli_error("%s", error);
		g_free(error);
		ret = CLI_STORE_ERROR;
		goto out;
	}
	html = core_report_html(&set->report);
	if (!g_file_set_contents(file, html, -1, &gerror)) {
		cli_error("--html: %s", gerror->message);
		g_error_free(gerror);
		ret = CLI_NOT_FOUND;
		goto out;
	}
	if (ctx->json)
		print_written(file, strlen(html), from, to, language);
	ret = CLI_OK;
out:
	g_free(html);
	core_report_free(&set);
	core_rules_free(&rules);
	return ret;
}
