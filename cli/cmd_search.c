/*
 * followup search QUERY [--customer KEY] [--kind K] [--since DATE]
 * [--limit N]: the timeline entries (messages, notes, customer records)
 * whose words match, best first, each with the match shown in its text.
 * The query's syntax: lib/search_query.h; the index: store/search.c.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <glib.h>

#include "cli/cli.h"
#include "core/records.h"
#include "core/stages.h"
#include "lib/search_query.h"

#define HIGHLIGHT_WIDTH 90

/* The excerpt of the first of the hit's texts that shows a query word;
 * else its first text (a match on the sender or a customer filter only),
 * made safe. */
static char *hit_highlight(const struct store_search_hit *h, const struct search_query *q,
                           const char *open, const char *close)
{
	for (char **t = h->texts; t != NULL && *t != NULL; t++) {
		char *s = search_highlight(*t, q->terms, q->n_terms, open, close, HIGHLIGHT_WIDTH);
		if (s != NULL)
			return s;
	}
	const char *first = h->texts != NULL && h->texts[0] != NULL ? h->texts[0] : "";
	char *safe = safe_text_new(first, SAFE_TEXT_LINE);
	char *text = g_strdup(safe);
	g_free(safe);
	/* Blanks folded and cut as search_highlight() would. */
	char **words = g_strsplit_set(g_strstrip(text), " \t", -1);
	GString *out = g_string_new(NULL);
	for (char **w = words; *w != NULL; w++) {
		if (**w == '\0')
			continue;
		if (out->len > 0)
			g_string_append_c(out, ' ');
		g_string_append(out, *w);
	}
	g_strfreev(words);
	g_free(text);
	if (g_utf8_strlen(out->str, -1) > HIGHLIGHT_WIDTH) {
		char *end = g_utf8_offset_to_pointer(out->str, HIGHLIGHT_WIDTH);
		g_string_truncate(out, (gsize)(end - out->str));
		g_string_append(out, "…");
	}
	return g_string_free(out, FALSE);
}

static void print_hit(const struct store_search_hit *h, const char *highlight)
{
	const struct store_entry *e = h->entry;
	GString *line = g_string_new(NULL);
	bool out = strcmp(e->direction, "out") == 0;
	const char *who, *what;

	switch (h->source) {
	case STORE_SEARCH_NOTE:
		who = e->from_addr;
		what = e->snippet;
		break;
	case STORE_SEARCH_CUSTOMER:
		who = e->customer != NULL ? e->customer : "";
		what = e->subject;
		break;
	default:
		who = out ? (e->to != NULL && e->to[0] != NULL ? e->to[0] : "") : e->from_addr;
		what = e->subject[0] != '\0' ? e->subject : "(no subject)";
		break;
	}
	cli_pad_date(line, e->date);
	g_string_append_c(line, ' ');
	cli_pad(line, e->direction, 9);
	cli_pad(line, e->kind, 11);
	cli_pad(line, who, 28);
	g_string_append_c(line, ' ');
	cli_pad(line, e->customer != NULL ? e->customer : "-", 18);
	g_string_append_c(line, ' ');
	cli_pad(line, what, 50);
	g_strchomp(line->str);
	printf("%s\n", line->str);
	/* Made safe already; only the markers are ours. */
	printf("    %s\n", highlight);
	g_string_free(line, TRUE);
}

/* --since: a day is its start in the company's time zone. */
static int since_time(struct cli_ctx *ctx, const char *text, int64_t *t_r)
{
	char *canonical = NULL, *error = NULL;
	int ret = 0;

	*t_r = INT64_MIN;
	if (text == NULL)
		return 0;
	if (core_sheet_date_parse(text, &canonical, &error) < 0 ||
	    core_sheet_date_time(canonical, ctx->cfg->company.timezone, t_r) < 0) {
		cli_error("--since: %s", error != NULL ? error : text);
		ret = -1;
	}
	g_free(canonical);
	g_free(error);
	return ret;
}

int cmd_search(struct cli_ctx *ctx)
{
	const char *customer = NULL, *kind = NULL, *since = NULL, *limit_text = NULL;
	struct search_query q = { 0 };
	struct store_target target = { 0 };
	struct store_search_hit *hits = NULL;
	size_t n = 0;
	char *error = NULL, *input = NULL;
	int64_t since_t;
	int ret = CLI_USAGE;

	if (cli_take_option(ctx, "customer", &customer) < 0 ||
	    cli_take_option(ctx, "kind", &kind) < 0 ||
	    cli_take_option(ctx, "since", &since) < 0 ||
	    cli_take_option(ctx, "limit", &limit_text) < 0 ||
	    cli_expect_args(ctx, 1, 64) < 0)
		return CLI_USAGE;
	char *end = NULL;
	long limit = limit_text != NULL ? strtol(limit_text, &end, 10) : 20;
	if (limit_text != NULL && (*end != '\0' || limit < 1 || limit > 10000)) {
		cli_error("--limit: a number from 1 to 10000, not '%s'", limit_text);
		return CLI_USAGE;
	}
	if (since_time(ctx, since, &since_t) < 0)
		return CLI_USAGE;
	input = g_strjoinv(" ", ctx->argv);
	if (search_query_parse(input, &q, &error) < 0) {
		char *safe = safe_text_new(error, SAFE_TEXT_LINE);
		cli_error("search: %s", safe);
		g_free(safe);
		goto out;
	}
	if (customer != NULL && q.customer != NULL && strcmp(customer, q.customer) != 0) {
		cli_error("search: --customer %s and customer:%s name two customers", customer,
		          q.customer);
		goto out;
	}
	if (customer == NULL)
		customer = q.customer;
	if (customer != NULL) {
		ret = cli_resolve_listing_target(ctx, customer, &target);
		if (ret != CLI_OK)
			goto out;
	}
	struct store_search_query sq = {
		.match = q.match,
		.customer_id = target.customer_id,
		.kind = kind,
		.since = since_t,
		.limit = (size_t)limit,
	};
	if (store_search(ctx->st, &sq, &hits, &n, &error) < 0) {
		cli_error("%s", error);
		ret = CLI_STORE_ERROR;
		goto out;
	}
	struct store_entry **entries = g_new0(struct store_entry *, n + 1);
	for (size_t i = 0; i < n; i++)
		entries[i] = hits[i].entry;
	core_stage_entries_name(ctx->rt->stages, entries, n);
	g_free(entries);
	if (ctx->json) {
		json_t *arr = json_array();
		for (size_t i = 0; i < n; i++) {
			json_t *o = cli_json_entry(hits[i].entry);
			char *hl = hit_highlight(&hits[i], &q, "[", "]");
			json_object_set_new(o, "rank", json_real(hits[i].rank));
			json_object_set_new(o, "highlight", cli_json_string(hl));
			json_array_append_new(arr, o);
			g_free(hl);
		}
		cli_print_json(arr);
	} else {
		bool tty = isatty(STDOUT_FILENO) != 0;
		char *shown = safe_text_new(input, SAFE_TEXT_LINE);
		if (n == 0)
			printf("no entries match %s\n", shown);
		else
			printf("%zu %s %s, best first\n\n", n,
			       n == 1 ? "entry matches" : "entries match", shown);
		g_free(shown);
		for (size_t i = 0; i < n; i++) {
			char *hl = hit_highlight(&hits[i], &q, tty ? "\033[1m" : "[",
			                         tty ? "\033[0m" : "]");
			print_hit(&hits[i], hl);
			g_free(hl);
		}
	}
	ret = CLI_OK;
out:
	store_search_hits_free(&hits, n);
	store_target_clear(&target);
	search_query_clear(&q);
	g_free(input);
	g_free(error);
	return ret;
}
