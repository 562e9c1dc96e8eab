/*
 * followup rules: the loaded [rule] sections in plain words.
 */
#include <string.h>
#include <glib.h>

#include "cli/cli.h"
#include "core/rules_runtime.h"

int cmd_rules(struct cli_ctx *ctx)
{
	struct core_rules *rules = NULL;
	int ret;

	if (cli_expect_args(ctx, 0, 0) < 0)
		return CLI_USAGE;
	if ((ret = cli_rules_load(ctx, &rules)) != CLI_OK)
		return ret;
	json_t *arr = json_array();
	for (size_t i = 0; i < rules->set->n_rules; i++) {
		const struct rule *r = &rules->set->rules[i];
		char *text = rule_describe(r);
		if (ctx->json) {
			json_t *o = json_object();
			json_object_set_new(o, "name", cli_json_string(r->name));
			json_object_set_new(o, "on", json_string(rule_trigger_name(r->on)));
			json_object_set_new(o, "action", json_string(rule_action_name(r->action)));
			json_object_set_new(o, "description", cli_json_string(text));
			json_array_append_new(arr, o);
		} else {
			printf("%s%s\n  %s\n", i > 0 ? "\n" : "", r->name, text);
		}
		g_free(text);
	}
	if (ctx->json)
		cli_print_json(arr);
	else
		json_decref(arr);
	if (!ctx->json && rules->set->n_rules == 0)
		printf("no rules: add [rule NAME] sections to %s (see docs/RULES.md)\n",
		       ctx->cfg->path);
	core_rules_free(&rules);
	return CLI_OK;
}
