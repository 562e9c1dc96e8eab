/*
 * followup stats: what the store holds: messages by kind, customers,
 * threads, each folder's sync position, and the counters (limit hits).
 */
#include <glib.h>

#include "cli/cli.h"

static json_t *counts_json(const struct store_count *list, size_t n)
{
	json_t *o = json_object();

	for (size_t i = 0; i < n; i++)
		json_object_set_new(o, list[i].name, json_integer((json_int_t)list[i].value));
	return o;
}

static json_t *failures_json(const struct store_stats *s)
{
	json_t *arr = json_array();

	for (size_t i = 0; i < s->n_failures; i++) {
		const struct store_fetch_failure *f = &s->failures[i];
		json_t *o = json_object();
		json_object_set_new(o, "account", cli_json_string(f->account));
		json_object_set_new(o, "folder", cli_json_string(f->folder));
		json_object_set_new(o, "uidvalidity", json_integer(f->uidvalidity));
		json_object_set_new(o, "uid", json_integer(f->uid));
		json_object_set_new(o, "tries", json_integer(f->tries));
		json_object_set_new(o, "given_up", json_boolean(f->given_up));
		json_object_set_new(o, "first_at", cli_json_time(f->first_at));
		json_object_set_new(o, "last_at", cli_json_time(f->last_at));
		json_object_set_new(o, "error", cli_json_string(f->last_error));
		json_array_append_new(arr, o);
	}
	return arr;
}

static void print_failures(const struct store_stats *s)
{
	if (s->n_failures == 0)
		return;
	printf("\nmessages the server did not hand over:\n");
	for (size_t i = 0; i < s->n_failures; i++) {
		const struct store_fetch_failure *f = &s->failures[i];
		char last[32];
		cli_format_local(f->last_at, last, sizeof(last));
		printf("  %s/%s UID %u: %s after %u tries (last %s): %s\n", f->account, f->folder,
		       f->uid, f->given_up ? "given up" : "retrying", f->tries, last, f->last_error);
	}
}

static json_t *stats_json(const struct store_stats *s)
{
	json_t *o = json_object();
	json_t *folders = json_array();

	for (size_t i = 0; i < s->n_folders; i++) {
		const struct store_folder_stats *f = &s->folders[i];
		json_t *fo = json_object();
		json_object_set_new(fo, "account", cli_json_string(f->account));
		json_object_set_new(fo, "folder", cli_json_string(f->folder));
		json_object_set_new(fo, "uidvalidity", json_integer(f->uidvalidity));
		json_object_set_new(fo, "last_uid", json_integer(f->last_uid));
		json_object_set_new(fo, "messages", json_integer((json_int_t)f->messages));
		json_array_append_new(folders, fo);
	}
	json_object_set_new(o, "messages", json_integer((json_int_t)s->messages));
	json_object_set_new(o, "customers", json_integer((json_int_t)s->customers));
	json_object_set_new(o, "contacts", json_integer((json_int_t)s->contacts));
	json_object_set_new(o, "threads", json_integer((json_int_t)s->threads));
	json_object_set_new(o, "raw_bytes", json_integer((json_int_t)s->raw_bytes));
	json_object_set_new(o, "stored_bytes", json_integer((json_int_t)s->stored_bytes));
	json_object_set_new(o, "kinds", counts_json(s->kinds, s->n_kinds));
	json_object_set_new(o, "counters", counts_json(s->counters, s->n_counters));
	json_object_set_new(o, "folders", folders);
	json_object_set_new(o, "fetch_failures", failures_json(s));
	return o;
}

/* "  auto-reply        12": names are the store's, shown safe. */
static void print_count(const struct store_count *c, int width)
{
	char *name = safe_text_new(c->name, SAFE_TEXT_LINE);

	printf("  %-*s %8llu\n", width, name, (unsigned long long)c->value);
	g_free(name);
}

static void print_stats(const struct store_stats *s)
{
	char *raw = g_format_size(s->raw_bytes), *stored = g_format_size(s->stored_bytes);

	printf("%llu messages (%s, %s compressed), %llu customers, %llu contacts, "
	       "%llu threads\n", (unsigned long long)s->messages, raw, stored,
	       (unsigned long long)s->customers, (unsigned long long)s->contacts,
	       (unsigned long long)s->threads);
	g_free(raw);
	g_free(stored);
	printf("\nby kind:\n");
	for (size_t i = 0; i < s->n_kinds; i++)
		print_count(&s->kinds[i], 12);
	printf("\nfolders:\n");
	for (size_t i = 0; i < s->n_folders; i++) {
		const struct store_folder_stats *f = &s->folders[i];
		char *account = safe_text_new(f->account, SAFE_TEXT_LINE);
		char *folder = safe_text_new(f->folder, SAFE_TEXT_LINE);
		printf("  %s/%-20s %8llu copies, UIDVALIDITY %u, last UID %u\n", account, folder,
		       (unsigned long long)f->messages, f->uidvalidity, f->last_uid);
		g_free(account);
		g_free(folder);
	}
	if (s->n_counters > 0) {
		printf("\ncounters:\n");
		for (size_t i = 0; i < s->n_counters; i++)
			print_count(&s->counters[i], 24);
	}
	print_failures(s);
}

int cmd_stats(struct cli_ctx *ctx)
{
	struct store_stats *s = NULL;
	char *error = NULL;

	if (cli_expect_args(ctx, 0, 0) < 0)
		return CLI_USAGE;
	if (store_stats(ctx->st, &s, &error) < 0) {
		cli_error("%s", error);
		g_free(error);
		return CLI_STORE_ERROR;
	}
	if (ctx->json) {
		json_t *arr = json_array();
		json_array_append_new(arr, stats_json(s));
		cli_print_json(arr);
	} else {
		print_stats(s);
	}
	store_stats_free(&s);
	return CLI_OK;
}
