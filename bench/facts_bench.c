/*
 * facts_bench: how long facts_extract() takes, without IMAP or SQLite.
 *
 *   facts_bench [-n TEXTS] [-r PASSES] [FILE.eml...]
 *
 * Texts: TEXTS generated inquiries (default 3000) of 40-400 words drawn
 * from the same trade vocabulary as bench/run.sh, always the same (fixed
 * seed); and, when files are given, the subject and new text of each
 * message (message_parse(), as store/ingest.c does). Each set is run
 * PASSES times (default 5); the fastest pass is reported. Built and run
 * by `sh bench/run.sh facts`.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <glib.h>

#include "parsers/facts.h"
#include "parsers/message.h"

#define DEFAULT_TEXTS 3000
#define DEFAULT_PASSES 5
#define MIN_WORDS 40
#define MAX_WORDS 400

struct sample {
	char *subject;
	char *text;
};

static const char *const vocabulary[] = {
	"pump", "valve", "flange", "quotation", "price", "delivery", "FOB", "CIF",
	"Ningbo", "Hamburg", "order", "sample", "stainless", "steel", "pressure",
	"DN50", "DN100", "pieces", "container", "payment", "terms",
};

/* A linear congruential generator: the same texts on every machine. */
static guint32 next_random(guint64 *state)
{
	*state = *state * G_GUINT64_CONSTANT(6364136223846793005) +
	         G_GUINT64_CONSTANT(1442695040888963407);
	return (guint32)(*state >> 33);
}

static void generate(GArray *samples, size_t count)
{
	guint64 state = 42;

	for (size_t k = 0; k < count; k++) {
		GString *text = g_string_new(NULL);
		guint32 words = MIN_WORDS + next_random(&state) % (MAX_WORDS - MIN_WORDS + 1);
		struct sample s;

		for (guint32 w = 0; w < words; w++) {
			if (w > 0)
				g_string_append_c(text, ' ');
			g_string_append(text, vocabulary[next_random(&state) % G_N_ELEMENTS(vocabulary)]);
		}
		s.subject = g_strdup_printf("Inquiry %zu: %s", k,
		                            vocabulary[next_random(&state) % G_N_ELEMENTS(vocabulary)]);
		s.text = g_string_free(text, FALSE);
		g_array_append_val(samples, s);
	}
}

static int load_message(GArray *samples, const char *path)
{
	struct parsed_message *msg = NULL;
	GError *error = NULL;
	struct sample s;
	char *raw;
	gsize len;

	if (!g_file_get_contents(path, &raw, &len, &error)) {
		fprintf(stderr, "facts_bench: %s\n", error->message);
		g_error_free(error);
		return -1;
	}
	message_parse((const unsigned char *)raw, len, NULL, &msg);
	s.subject = g_strdup(msg->subject);
	s.text = g_strdup(msg->body_new != NULL ? msg->body_new : msg->body_text);
	g_array_append_val(samples, s);
	message_free(&msg);
	g_free(raw);
	return 0;
}

static double seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The fastest of `passes` passes over the samples, in seconds. */
static double time_passes(const GArray *samples, int passes)
{
	double best = -1;

	for (int p = 0; p < passes; p++) {
		double start = seconds(), took;

		for (guint k = 0; k < samples->len; k++) {
			const struct sample *s = &g_array_index(samples, struct sample, k);
			struct trade_facts *f = facts_extract(s->subject, s->text);

			facts_free(&f);
		}
		took = seconds() - start;
		if (best < 0 || took < best)
			best = took;
	}
	return best;
}

static void report(const char *what, const GArray *samples, int passes)
{
	size_t bytes = 0;
	double took;

	if (samples->len == 0)
		return;
	for (guint k = 0; k < samples->len; k++) {
		const struct sample *s = &g_array_index(samples, struct sample, k);

		bytes += (s->subject != NULL ? strlen(s->subject) : 0) +
		         (s->text != NULL ? strlen(s->text) : 0);
	}
	took = time_passes(samples, passes);
	printf("%-10s %6u texts %8.2f MB %9.4f s %9.1f us/text %8.1f MB/s\n", what,
	       samples->len, (double)bytes / 1e6, took, took / samples->len * 1e6,
	       took > 0 ? (double)bytes / 1e6 / took : 0);
}

static void clear_samples(GArray *samples)
{
	for (guint k = 0; k < samples->len; k++) {
		struct sample *s = &g_array_index(samples, struct sample, k);

		g_free(s->subject);
		g_free(s->text);
	}
	g_array_free(samples, TRUE);
}

/* A count option's value: a positive integer, else -1. */
static long count_arg(const char *arg)
{
	guint64 value;

	if (arg == NULL || !g_ascii_string_to_unsigned(arg, 10, 1, 10000000, &value, NULL))
		return -1;
	return (long)value;
}

int main(int argc, char **argv)
{
	GArray *generated = g_array_new(FALSE, FALSE, sizeof(struct sample));
	GArray *messages = g_array_new(FALSE, FALSE, sizeof(struct sample));
	long texts = DEFAULT_TEXTS, passes = DEFAULT_PASSES;
	int status = 0, k;

	for (k = 1; k < argc && argv[k][0] == '-'; k += 2) {
		long *target = strcmp(argv[k], "-n") == 0 ? &texts :
		               strcmp(argv[k], "-r") == 0 ? &passes : NULL;

		if (target == NULL || (*target = count_arg(argv[k + 1])) < 0) {
			fprintf(stderr, "usage: facts_bench [-n TEXTS] [-r PASSES] [FILE.eml...]\n");
			status = 2;
			goto out;
		}
	}
	message_parser_init();
	for (; k < argc; k++)
		if (load_message(messages, argv[k]) < 0)
			status = 1;
	generate(generated, (size_t)texts);
	/* The tables are indexed on first use: not part of what is timed. */
	time_passes(generated, 1);
	report("generated", generated, (int)passes);
	report("messages", messages, (int)passes);
	message_parser_deinit();
out:
	clear_samples(generated);
	clear_samples(messages);
	return status;
}
