/* The parser corpus (tests/data/corpus, written by its generate.py): every
 * message goes through what the store does with it (message_parse,
 * classify, language_guess, facts_extract) and each field is compared with
 * the expected JSON next to it. Fails when fewer than 95% of the fields
 * match, when a mismatch is not listed in known-mismatches.txt, or when a
 * listed mismatch no longer happens. Every mismatch is printed as
 * "file field", expected, got. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <glib.h>
#include <jansson.h>
#include <libpsl.h>

#include "core/language_models.h"
#include "parsers/facts.h"
#include "parsers/message.h"
#include "classify/classify.h"
#include "classify/language.h"

#define PSL_FILE "/usr/share/publicsuffix/public_suffix_list.dat"
#define CORPUS_MIN_MESSAGES 160
#define MATCH_RATE_MIN 0.95
#define SNIPPET_CHARS 300
/* Amounts and quantities are compared with this relative tolerance. */
#define NUMBER_TOLERANCE 1e-6

static const char *const own_domains[] = { "example.com", NULL };

struct mismatch {
	char *file;       /* "042-de-reply-outlook" */
	char *field;      /* "snippet", "facts.quantities" */
	char *expected;   /* display forms */
	char *got;
};

struct known_entry {
	char *key;        /* "file field" */
	bool has_reason;
	bool seen;        /* a current mismatch */
	unsigned line;
};

struct corpus_run {
	char *dir;
	size_t messages;
	size_t fields;
	size_t matched;
	GPtrArray *mismatches;    /* struct mismatch * */
	GPtrArray *errors;        /* char *: files that could not be checked */
	GPtrArray *known;         /* struct known_entry * */
	GHashTable *known_by_key; /* key -> struct known_entry * (borrowed) */
};

/* Everything the comparison needs, set up once for the group. */
struct corpus_env {
	psl_ctx_t *psl;
	struct classify *cls;
	struct language_models *models;
	struct corpus_run run;
};

static struct corpus_env env;

/* ------------------------------------------------------------ helpers */

static void mismatch_free(gpointer data)
{
	struct mismatch *m = data;

	g_free(m->file);
	g_free(m->field);
	g_free(m->expected);
	g_free(m->got);
	g_free(m);
}

static void known_entry_free(gpointer data)
{
	struct known_entry *k = data;

	g_free(k->key);
	g_free(k);
}

/* A JSON value as one line of text, for the diff. */
static char *json_display(const json_t *value)
{
	char *dumped, *copy;

	if (value == NULL)
		return g_strdup("(none)");
	dumped = json_dumps(value, JSON_COMPACT | JSON_ENCODE_ANY);
	if (dumped == NULL)
		return g_strdup("(unprintable)");
	copy = g_strdup(dumped);
	free(dumped);
	return copy;
}

static char *string_display(const char *s)
{
	return s == NULL ? g_strdup("null") : g_strdup_printf("\"%s\"", s);
}

/* Case- and whitespace-insensitive form of a string, for names and places. */
static char *loose(const char *s)
{
	char *folded = g_utf8_casefold(s, -1);
	char **words = g_strsplit_set(folded, " \t\r\n", -1);
	GString *out = g_string_new(NULL);

	for (size_t i = 0; words[i] != NULL; i++) {
		if (words[i][0] == '\0')
			continue;
		if (out->len > 0)
			g_string_append_c(out, ' ');
		g_string_append(out, words[i]);
	}
	g_strfreev(words);
	g_free(folded);
	return g_string_free(out, FALSE);
}

static bool loose_equal(const char *a, const char *b)
{
	char *la = loose(a), *lb = loose(b);
	bool eq = strcmp(la, lb) == 0;

	g_free(la);
	g_free(lb);
	return eq;
}

/* Without libm: the tests link what the programs link. */
static double magnitude(double x)
{
	return x < 0 ? -x : x;
}

static bool numbers_equal(double a, double b)
{
	double scale = 1.0;

	if (magnitude(a) > scale)
		scale = magnitude(a);
	if (magnitude(b) > scale)
		scale = magnitude(b);
	return magnitude(a - b) <= NUMBER_TOLERANCE * scale;
}

static bool json_numbers_equal(const json_t *a, const json_t *b)
{
	return json_is_number(a) && json_is_number(b) &&
	       numbers_equal(json_number_value(a), json_number_value(b));
}

/* Two JSON strings, or both null/absent. */
static bool json_loose_strings_equal(const json_t *a, const json_t *b)
{
	if (json_is_null(a) || a == NULL)
		return b == NULL || json_is_null(b);
	if (!json_is_string(a) || !json_is_string(b))
		return false;
	return loose_equal(json_string_value(a), json_string_value(b));
}

/* expected is a string, or an array of accepted spellings ("Genova",
 * "Genoa"); got a string. */
static bool place_matches(const json_t *expected, const json_t *got)
{
	size_t i;
	json_t *alt;

	if (!json_is_array(expected))
		return json_loose_strings_equal(expected, got);
	json_array_foreach(expected, i, alt) {
		if (json_loose_strings_equal(alt, got))
			return true;
	}
	return false;
}

/* Arrays of strings as sets (order, case and duplicates ignored). */
static bool string_sets_equal(const json_t *a, const json_t *b)
{
	size_t i, j;
	json_t *x, *y;

	if (!json_is_array(a) || !json_is_array(b))
		return false;
	json_array_foreach(a, i, x) {
		bool found = false;
		json_array_foreach(b, j, y) {
			if (json_loose_strings_equal(x, y)) {
				found = true;
				break;
			}
		}
		if (!found)
			return false;
	}
	json_array_foreach(b, i, y) {
		bool found = false;
		json_array_foreach(a, j, x) {
			if (json_loose_strings_equal(y, x)) {
				found = true;
				break;
			}
		}
		if (!found)
			return false;
	}
	return true;
}

/* {"value","unit"} or {"currency","amount","per"}: the members that carry
 * meaning, "text" ignored. Numbers with a tolerance, strings loosely;
 * a missing member equals null. */
static bool fact_objects_equal(const json_t *a, const json_t *b)
{
	static const char *const numeric[] = { "value", "amount" };
	static const char *const textual[] = { "unit", "currency", "per" };

	if (!json_is_object(a) || !json_is_object(b))
		return false;
	for (size_t i = 0; i < G_N_ELEMENTS(numeric); i++) {
		const json_t *x = json_object_get(a, numeric[i]);
		const json_t *y = json_object_get(b, numeric[i]);

		if ((x == NULL) != (y == NULL))
			return false;
		if (x != NULL && !json_numbers_equal(x, y))
			return false;
	}
	for (size_t i = 0; i < G_N_ELEMENTS(textual); i++) {
		if (!json_loose_strings_equal(json_object_get(a, textual[i]),
		                              json_object_get(b, textual[i])))
			return false;
	}
	return true;
}

/* Arrays of fact objects as multisets: each expected one is matched by a
 * distinct got one, and the counts agree. */
static bool fact_multisets_equal(const json_t *a, const json_t *b)
{
	size_t n, i, j;
	bool *used;
	bool equal = true;

	if (!json_is_array(a) || !json_is_array(b))
		return false;
	n = json_array_size(b);
	if (json_array_size(a) != n)
		return false;
	used = g_new0(bool, n + 1);
	for (i = 0; i < n && equal; i++) {
		bool found = false;

		for (j = 0; j < n; j++) {
			if (!used[j] && fact_objects_equal(json_array_get(a, i), json_array_get(b, j))) {
				used[j] = found = true;
				break;
			}
		}
		equal = found;
	}
	g_free(used);
	return equal;
}

/* Whether the extracted value of one facts key matches the expected one.
 * Either may be NULL (absent). */
static bool fact_matches(const char *key, const json_t *expected, const json_t *got)
{
	if (expected == NULL || got == NULL || json_is_null(expected) || json_is_null(got))
		return (expected == NULL || json_is_null(expected)) &&
		       (got == NULL || json_is_null(got));
	if (strcmp(key, "products") == 0)
		return string_sets_equal(expected, got);
	if (strcmp(key, "quantities") == 0 || strcmp(key, "prices") == 0)
		return fact_multisets_equal(expected, got);
	if (strcmp(key, "moq") == 0)
		return fact_objects_equal(expected, got);
	if (strcmp(key, "incoterm_place") == 0 || strcmp(key, "destination_port") == 0)
		return place_matches(expected, got);
	if (strcmp(key, "delivery_time") == 0)
		/* as written: where the phrase starts and ends is the
		 * extractor's choice; delivery_days carries the value */
		return json_is_string(expected) && json_is_string(got);
	if (json_is_number(expected))
		return json_numbers_equal(expected, got);
	if (json_is_string(expected))
		return json_loose_strings_equal(expected, got);
	return json_equal(expected, got) != 0;
}

/* ---------------------------------------------------------- recording */

static void record(struct corpus_run *run, const char *file, const char *field,
                   bool matched, char *expected_display, char *got_display)
{
	run->fields++;
	if (matched) {
		run->matched++;
		g_free(expected_display);
		g_free(got_display);
		return;
	}
	struct mismatch *m = g_new0(struct mismatch, 1);
	m->file = g_strdup(file);
	m->field = g_strdup(field);
	m->expected = expected_display;
	m->got = got_display;
	g_ptr_array_add(run->mismatches, m);
}

static void record_string(struct corpus_run *run, const char *file, const char *field,
                          const json_t *expected, const char *got)
{
	const char *exp = json_string_value(expected);   /* NULL for null */
	bool matched = (exp == NULL && got == NULL) ||
	               (exp != NULL && got != NULL && strcmp(exp, got) == 0);

	record(run, file, field, matched, string_display(exp), string_display(got));
}

static void record_error(struct corpus_run *run, const char *file, const char *what)
{
	g_ptr_array_add(run->errors, g_strdup_printf("%s: %s", file, what));
}

/* ------------------------------------------------- one message, checked */

struct outcome {
	const char *direction;
	const char *kind;
	char *snippet;
	const char *language;
	json_t *facts;    /* NULL when not extracted */
};

static enum msg_kind thread_kind(const struct parsed_message *msg, enum msg_direction dir)
{
	struct thread_entry entry = {
		.date = msg->date,
		.seq = 1,
		.dir = dir,
		.intrinsic = classify_kind(env.cls, msg, dir),
		.has_references = msg->in_reply_to != NULL || msg->n_references > 0,
		.reply_subject = classify_subject_is_reply(msg->subject),
	};

	classify_thread_kinds(&entry, 1);
	return entry.kind;
}

static const char *guess_language(const struct parsed_message *msg, enum msg_direction dir)
{
	struct msg_address counterpart;
	char *key = NULL;
	const char *lang;

	if (classify_find_counterpart(env.cls, msg, dir, &counterpart))
		key = classify_customer_key(env.cls, counterpart.addr);
	lang = language_guess(env.models, msg->body_new, NULL, key);
	g_free(key);
	return lang;
}

static json_t *extract_facts(const struct parsed_message *msg)
{
	struct trade_facts *facts = facts_extract(msg->subject, msg->body_new);
	char *text = facts_to_json(facts);
	json_error_t error;
	json_t *json = json_loads(text, 0, &error);

	g_free(text);
	facts_free(&facts);
	return json;
}

/* What followup makes of the message, the way the store does it. */
static void analyse(const struct parsed_message *msg, bool in_sent, bool wants_facts,
                    struct outcome *out_r)
{
	enum msg_direction dir = classify_direction(env.cls, msg, in_sent);

	out_r->direction = msg_direction_name(dir);
	out_r->kind = msg_kind_name(thread_kind(msg, dir));
	out_r->snippet = message_snippet(msg->body_new, SNIPPET_CHARS);
	out_r->language = dir == MSG_DIR_IN ? guess_language(msg, dir) : NULL;
	out_r->facts = wants_facts ? extract_facts(msg) : NULL;
}

static void compare_facts(struct corpus_run *run, const char *file,
                          const json_t *expected, const json_t *got)
{
	GPtrArray *keys = g_ptr_array_new();
	const char *key;
	json_t *value;

	/* every key either side has, expected ones first, in their order */
	json_object_foreach((json_t *)expected, key, value)
		g_ptr_array_add(keys, (gpointer)key);
	json_object_foreach((json_t *)got, key, value) {
		if (json_object_get(expected, key) == NULL)
			g_ptr_array_add(keys, (gpointer)key);
	}
	for (size_t i = 0; i < keys->len; i++) {
		const char *k = keys->pdata[i];
		const json_t *e = json_object_get(expected, k);
		const json_t *g = json_object_get(got, k);
		char *field = g_strconcat("facts.", k, NULL);

		record(run, file, field, fact_matches(k, e, g), json_display(e), json_display(g));
		g_free(field);
	}
	g_ptr_array_free(keys, TRUE);
}

static void check_message(struct corpus_run *run, const char *name, const json_t *expected,
                          const unsigned char *raw, size_t len)
{
	struct parsed_message *msg = NULL;
	struct outcome got = { 0 };
	const json_t *facts = json_object_get(expected, "facts");
	const char *folder = json_string_value(json_object_get(expected, "folder"));
	const json_t *language = json_object_get(expected, "language");

	if (folder == NULL || message_parse(raw, len, NULL, &msg) != 0) {
		record_error(run, name, "no folder in the JSON, or message_parse() refused the input");
		goto out;
	}
	analyse(msg, strcmp(folder, "Sent") == 0, facts != NULL, &got);

	record_string(run, name, "direction", json_object_get(expected, "direction"), got.direction);
	record_string(run, name, "kind", json_object_get(expected, "kind"), got.kind);
	record_string(run, name, "subject", json_object_get(expected, "subject"), msg->subject);
	record_string(run, name, "snippet", json_object_get(expected, "snippet"), got.snippet);
	if (language != NULL)
		record_string(run, name, "language", language, got.language);
	if (facts != NULL) {
		if (got.facts == NULL)
			record_error(run, name, "facts_to_json() gave no valid JSON");
		else
			compare_facts(run, name, facts, got.facts);
	}
out:
	g_free(got.snippet);
	json_decref(got.facts);
	message_free(&msg);
}

/* --------------------------------------------------------- the corpus */

static gint compare_names(gconstpointer a, gconstpointer b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The expected files (NNN-name.json), sorted. */
static GPtrArray *expected_files(const char *dir)
{
	GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
	GDir *d = g_dir_open(dir, 0, NULL);
	const char *entry;

	if (d == NULL)
		return names;
	while ((entry = g_dir_read_name(d)) != NULL) {
		if (g_ascii_isdigit(entry[0]) && g_str_has_suffix(entry, ".json"))
			g_ptr_array_add(names, g_strndup(entry, strlen(entry) - strlen(".json")));
	}
	g_dir_close(d);
	g_ptr_array_sort(names, compare_names);
	return names;
}

static void check_one(struct corpus_run *run, const char *name)
{
	char *json_path = g_strdup_printf("%s/%s.json", run->dir, name);
	char *eml_path = g_strdup_printf("%s/%s.eml", run->dir, name);
	json_error_t error;
	json_t *expected = json_load_file(json_path, 0, &error);
	gchar *raw = NULL;
	gsize len = 0;

	if (expected == NULL || !json_is_object(expected)) {
		record_error(run, name, "the .json does not parse");
		goto out;
	}
	if (!g_file_get_contents(eml_path, &raw, &len, NULL)) {
		record_error(run, name, "no .eml next to the .json");
		goto out;
	}
	run->messages++;
	check_message(run, name, expected, (const unsigned char *)raw, len);
out:
	g_free(raw);
	json_decref(expected);
	g_free(eml_path);
	g_free(json_path);
}

/* known-mismatches.txt: "file field  # why" per line; '#' lines are comments. */
static void load_known(struct corpus_run *run)
{
	char *path = g_strdup_printf("%s/known-mismatches.txt", run->dir);
	gchar *text = NULL;
	char **lines;

	if (!g_file_get_contents(path, &text, NULL, NULL)) {
		g_free(path);
		return;
	}
	lines = g_strsplit(text, "\n", -1);
	for (unsigned i = 0; lines[i] != NULL; i++) {
		char *line = g_strstrip(lines[i]);
		char *hash = strchr(line, '#');
		char **words;
		struct known_entry *k;

		if (line[0] == '\0' || line[0] == '#')
			continue;
		if (hash != NULL)
			*hash = '\0';
		words = g_strsplit_set(g_strstrip(line), " \t", -1);
		k = g_new0(struct known_entry, 1);
		k->line = i + 1;
		k->has_reason = hash != NULL && hash[1] != '\0';
		/* the file and the field; extra words make the entry invalid */
		k->key = g_strjoinv(" ", words);
		g_strfreev(words);
		g_ptr_array_add(run->known, k);
		g_hash_table_insert(run->known_by_key, k->key, k);
	}
	g_strfreev(lines);
	g_free(text);
	g_free(path);
}

static void mark_known(struct corpus_run *run)
{
	for (size_t i = 0; i < run->mismatches->len; i++) {
		const struct mismatch *m = run->mismatches->pdata[i];
		char *key = g_strdup_printf("%s %s", m->file, m->field);
		struct known_entry *k = g_hash_table_lookup(run->known_by_key, key);

		if (k != NULL)
			k->seen = true;
		g_free(key);
	}
}

static void run_corpus(struct corpus_run *run)
{
	GPtrArray *names = expected_files(run->dir);

	for (size_t i = 0; i < names->len; i++)
		check_one(run, names->pdata[i]);
	g_ptr_array_free(names, TRUE);
	load_known(run);
	mark_known(run);
}

static bool is_known(const struct corpus_run *run, const struct mismatch *m)
{
	char *key = g_strdup_printf("%s %s", m->file, m->field);
	bool known = g_hash_table_contains(run->known_by_key, key);

	g_free(key);
	return known;
}

/* Index of the first character where a and b differ. */
static long first_difference(const char *a, const char *b)
{
	long n = 0;

	while (*a != '\0' && *b != '\0' && g_utf8_get_char(a) == g_utf8_get_char(b)) {
		a = g_utf8_next_char(a);
		b = g_utf8_next_char(b);
		n++;
	}
	return n;
}

static void print_mismatch(const struct corpus_run *run, const struct mismatch *m)
{
	printf("# %s %s%s\n", m->file, m->field, is_known(run, m) ? "  (known)" : "  (NEW)");
	printf("#   expected: %s\n", m->expected);
	printf("#   got:      %s\n", m->got);
	/* quoted strings: say where they part, counting after the quote */
	if (m->expected[0] == '"' && m->got[0] == '"' &&
	    g_utf8_validate(m->expected, -1, NULL) && g_utf8_validate(m->got, -1, NULL))
		printf("#   first difference at character %ld\n",
		       first_difference(m->expected + 1, m->got + 1));
}

/* ---------------------------------------------------------------- setup */

static int setup_group(void **state)
{
	const char *data = g_getenv("FOLLOWUP_TEST_DATA");
	struct classify_options opts = { .own_domains = own_domains };
	const char *cls_error = NULL;
	char *models_error = NULL;

	(void)state;
	message_parser_init();
	env.psl = psl_load_file(PSL_FILE);
	opts.psl = env.psl != NULL ? env.psl : psl_builtin();
	if (opts.psl == NULL || classify_new(&opts, &env.cls, &cls_error) != 0) {
		fprintf(stderr, "classify_new: %s\n", cls_error != NULL ? cls_error : "no PSL");
		return -1;
	}
	if (language_models_load(NULL, &env.models, &models_error) != 0) {
		fprintf(stderr, "language_models_load: %s\n", models_error);
		g_free(models_error);
		return -1;
	}
	env.run.dir = g_strdup_printf("%s/corpus", data != NULL ? data : "tests/data");
	env.run.mismatches = g_ptr_array_new_with_free_func(mismatch_free);
	env.run.errors = g_ptr_array_new_with_free_func(g_free);
	env.run.known = g_ptr_array_new_with_free_func(known_entry_free);
	env.run.known_by_key = g_hash_table_new(g_str_hash, g_str_equal);
	run_corpus(&env.run);
	return 0;
}

static int teardown_group(void **state)
{
	(void)state;
	g_hash_table_destroy(env.run.known_by_key);
	g_ptr_array_free(env.run.known, TRUE);
	g_ptr_array_free(env.run.errors, TRUE);
	g_ptr_array_free(env.run.mismatches, TRUE);
	g_free(env.run.dir);
	language_models_free(&env.models);
	classify_free(&env.cls);
	psl_free(env.psl);
	message_parser_deinit();
	return 0;
}

/* ---------------------------------------------------------------- tests */

static void test_corpus_is_complete(void **state)
{
	(void)state;
	for (size_t i = 0; i < env.run.errors->len; i++)
		printf("# error: %s\n", (char *)env.run.errors->pdata[i]);
	printf("# %zu messages in %s\n", env.run.messages, env.run.dir);
	assert_int_equal(env.run.errors->len, 0);
	assert_true(env.run.messages >= CORPUS_MIN_MESSAGES);
}

static void test_match_rate(void **state)
{
	double rate;

	(void)state;
	assert_true(env.run.fields > 0);
	rate = (double)env.run.matched / (double)env.run.fields;
	printf("# %zu of %zu fields match: %.2f%% (at least %.0f%% required), %u mismatches\n",
	       env.run.matched, env.run.fields, 100.0 * rate, 100.0 * MATCH_RATE_MIN,
	       env.run.mismatches->len);
	assert_true(rate >= MATCH_RATE_MIN);
}

static void test_every_mismatch_is_known(void **state)
{
	size_t unknown = 0;

	(void)state;
	for (size_t i = 0; i < env.run.mismatches->len; i++) {
		const struct mismatch *m = env.run.mismatches->pdata[i];

		print_mismatch(&env.run, m);
		if (!is_known(&env.run, m))
			unknown++;
	}
	if (unknown > 0)
		printf("# %zu mismatch(es) not listed in known-mismatches.txt\n", unknown);
	assert_int_equal(unknown, 0);
}

static void test_known_list_is_current(void **state)
{
	size_t stale = 0;

	(void)state;
	for (size_t i = 0; i < env.run.known->len; i++) {
		const struct known_entry *k = env.run.known->pdata[i];

		if (!k->seen) {
			printf("# known-mismatches.txt:%u: \"%s\" matches now (or is no "
			       "\"file field\" pair): remove it\n", k->line, k->key);
			stale++;
		} else if (!k->has_reason) {
			printf("# known-mismatches.txt:%u: \"%s\" says not why (# reason)\n",
			       k->line, k->key);
			stale++;
		}
	}
	assert_int_equal(stale, 0);
}

/* The comparison itself must be able to fail. */
static void test_comparison_rules(void **state)
{
	json_t *a, *b;

	(void)state;
	a = json_loads("[\"XP-200\",\"ms-35\"]", 0, NULL);
	b = json_loads("[\"MS-35\",\"XP-200\",\"XP-200\"]", 0, NULL);
	assert_true(fact_matches("products", a, b));
	json_decref(b);
	b = json_loads("[\"XP-200\"]", 0, NULL);
	assert_false(fact_matches("products", a, b));
	json_decref(a);
	json_decref(b);

	a = json_loads("[{\"value\":200,\"unit\":\"pcs\"},{\"value\":2,\"unit\":\"40ft\"}]", 0, NULL);
	b = json_loads("[{\"value\":2.0,\"unit\":\"40ft\",\"text\":\"2 x 40HQ\"},"
	               "{\"value\":200.0000000001,\"unit\":\"PCS\"}]", 0, NULL);
	assert_true(fact_matches("quantities", a, b));
	json_decref(b);
	b = json_loads("[{\"value\":200,\"unit\":\"pcs\"},{\"value\":200,\"unit\":\"pcs\"}]", 0, NULL);
	assert_false(fact_matches("quantities", a, b));
	json_decref(b);
	b = json_loads("[{\"value\":201,\"unit\":\"pcs\"},{\"value\":2,\"unit\":\"40ft\"}]", 0, NULL);
	assert_false(fact_matches("quantities", a, b));
	json_decref(a);
	json_decref(b);

	a = json_loads("[{\"currency\":\"EUR\",\"amount\":612.5,\"per\":\"pcs\"}]", 0, NULL);
	b = json_loads("[{\"currency\":\"EUR\",\"amount\":612.5}]", 0, NULL);
	assert_false(fact_matches("prices", a, b));
	json_decref(a);
	json_decref(b);

	a = json_loads("[\"Genova\",\"Genoa\"]", 0, NULL);
	b = json_string("GENOA");
	assert_true(fact_matches("destination_port", a, b));
	json_decref(b);
	b = json_string("Naples");
	assert_false(fact_matches("destination_port", a, b));
	json_decref(a);
	json_decref(b);

	a = json_integer(42);
	assert_false(fact_matches("delivery_days", a, NULL));
	assert_false(fact_matches("delivery_days", NULL, a));
	assert_true(fact_matches("delivery_days", NULL, NULL));
	b = json_real(42.0);
	assert_true(fact_matches("delivery_days", a, b));
	json_decref(a);
	json_decref(b);

	assert_int_equal(first_difference("abc", "abd"), 2);
	assert_int_equal(first_difference("询价", "询问"), 1);
}

/* ------------------------------------------------------------ threads */

/* followupd parses a batch on several pool threads at once: the pure
 * pipeline (MIME, classification, language, facts) must give every thread
 * the answer one thread gets. */
#define PARALLEL_THREADS 3

struct parallel_run {
	GPtrArray *raws;          /* GBytes of every corpus message */
	GPtrArray *expected;      /* char *: the one-thread summary of each */
	guint offset;             /* where a thread starts in the list */
	gint mismatches;
};

static char *summary_of(GBytes *raw)
{
	gsize len;
	const unsigned char *data = g_bytes_get_data(raw, &len);
	struct parsed_message *msg = NULL;
	struct outcome o;

	message_parse(data, len, NULL, &msg);
	analyse(msg, false, true, &o);
	char *facts = o.facts != NULL ? json_dumps(o.facts, JSON_SORT_KEYS) : NULL;
	char *summary = g_strdup_printf("%s|%s|%s|%s|%s|%s|%s|%zu|%s", msg->message_id,
	                                msg->subject, o.direction, o.kind, o.snippet,
	                                o.language != NULL ? o.language : "-",
	                                msg->body_new != NULL ? msg->body_new : "-",
	                                msg->n_attachments, facts != NULL ? facts : "-");
	free(facts);
	json_decref(o.facts);
	g_free(o.snippet);
	message_free(&msg);
	return summary;
}

static gpointer parallel_worker(gpointer data)
{
	struct parallel_run *run = data;
	guint n = run->raws->len;
	guint start = (guint)g_atomic_int_add((gint *)&run->offset, (gint)(n / PARALLEL_THREADS));

	for (guint k = 0; k < n; k++) {
		guint i = (start + k) % n;
		char *got = summary_of(g_ptr_array_index(run->raws, i));
		if (strcmp(got, g_ptr_array_index(run->expected, i)) != 0)
			g_atomic_int_inc(&run->mismatches);
		g_free(got);
	}
	return NULL;
}

static void test_threads_agree(void **state)
{
	struct parallel_run run = {
		.raws = g_ptr_array_new_with_free_func((GDestroyNotify)g_bytes_unref),
		.expected = g_ptr_array_new_with_free_func(g_free),
	};
	GPtrArray *names = expected_files(env.run.dir);
	GThread *threads[PARALLEL_THREADS];

	(void)state;
	for (guint i = 0; i < names->len; i++) {
		char *path = g_strdup_printf("%s/%s.eml", env.run.dir,
		                             (const char *)g_ptr_array_index(names, i));
		char *raw;
		gsize len;
		if (g_file_get_contents(path, &raw, &len, NULL)) {
			GBytes *bytes = g_bytes_new_take(raw, len);
			g_ptr_array_add(run.raws, bytes);
			g_ptr_array_add(run.expected, summary_of(bytes));
		}
		g_free(path);
	}
	assert_true(run.raws->len >= 150);
	for (int t = 0; t < PARALLEL_THREADS; t++)
		threads[t] = g_thread_new("parse", parallel_worker, &run);
	for (int t = 0; t < PARALLEL_THREADS; t++)
		g_thread_join(threads[t]);
	assert_int_equal(g_atomic_int_get(&run.mismatches), 0);
	g_ptr_array_unref(run.raws);
	g_ptr_array_unref(run.expected);
	g_ptr_array_unref(names);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_comparison_rules),
		cmocka_unit_test(test_corpus_is_complete),
		cmocka_unit_test(test_match_rate),
		cmocka_unit_test(test_every_mismatch_is_known),
		cmocka_unit_test(test_known_list_is_current),
		cmocka_unit_test(test_threads_agree),
	};

	return cmocka_run_group_tests(tests, setup_group, teardown_group);
}
