/*
 * runtime: see runtime.h. This is the one place that reads the data files
 * the classifier uses, so rules/ stays free of I/O. The language models
 * are runtime_languages.c's: a program that never loads them (followup's
 * front, cli/front.c) links neither them nor libexttextcat.
 */
#include <glib.h>

#include "core/runtime.h"
#include "core/stages.h"
#include "classify/classify.h"
#include "lib/file.h"

#define DEFAULT_THREAD_WINDOW (30 * 24 * 3600)
/* A word list (free-mail domains, quotation markers) of more is not one. */
#define LIST_MAX_BYTES (16 * 1024 * 1024)

static psl_ctx_t *load_psl(char **error_r)
{
	/* The system's list (Debian's publicsuffix package) is updated with
	 * the distribution; the copy built into libpsl is the fallback. */
	psl_ctx_t *psl = psl_latest(NULL);

	if (psl == NULL)
		psl = (psl_ctx_t *)psl_builtin();
	if (psl == NULL)
		*error_r = g_strdup("no public suffix list found: install Debian's publicsuffix package");
	return psl;
}

static int read_list(const char *path, const char *key, char **text_r, char **error_r)
{
	size_t len = 0;
	int rc;

	*text_r = NULL;
	if (path == NULL)
		return 0;
	rc = file_read_all(path, LIST_MAX_BYTES, text_r, &len, NULL);
	if (rc < 0) {
		*error_r = g_strdup_printf("[classify] %s: cannot read %s: %s", key, path,
		                           file_error_text(rc));
		return -1;
	}
	if (!g_utf8_validate(*text_r, -1, NULL)) {
		*error_r = g_strdup_printf("[classify] %s: %s is not valid UTF-8", key, path);
		g_free(*text_r);
		*text_r = NULL;
		return -1;
	}
	return 0;
}

/* The [person]s as the owner rules see them, borrowing the config's strings. */
static void team_from_config(const struct config *cfg, struct owner_team *team)
{
	struct owner_person *persons = g_new0(struct owner_person, MAX(cfg->n_persons, 1));

	for (size_t i = 0; i < cfg->n_persons; i++) {
		const struct config_person *p = &cfg->persons[i];
		persons[i] = (struct owner_person){
			.email = p->email,
			.name = p->name,
			.manager = p->manager,
			.countries = p->countries,
		};
	}
	team->persons = persons;
	team->n_persons = cfg->n_persons;
	team->alerts_to = cfg->company.alerts_to;
}

int core_runtime_new_lazy(const struct config *cfg, struct core_runtime **rt_r,
                          char **error_r)
{
	struct core_runtime *rt = g_new0(struct core_runtime, 1);
	char *freemail = NULL, *markers = NULL;
	const char *cls_error = NULL;
	int ret = -1;

	rt->cfg = cfg;
	team_from_config(cfg, &rt->team);
	if (core_stage_names_new(cfg, &rt->stages, error_r) < 0)
		goto out;
	rt->psl = load_psl(error_r);
	if (rt->psl == NULL)
		goto out;
	if (read_list(cfg->classify.freemail_file, "freemail-file", &freemail, error_r) < 0 ||
	    read_list(cfg->classify.quote_markers_file, "quote-markers-file", &markers,
	              error_r) < 0)
		goto out;
	const char **persons = g_new0(const char *, cfg->n_persons + 1);
	for (size_t i = 0; i < cfg->n_persons; i++)
		persons[i] = cfg->persons[i].email;
	rt->sources = g_new0(struct classify_source, cfg->n_sources + 1);
	for (size_t i = 0; i < cfg->n_sources; i++) {
		rt->sources[i] = (struct classify_source){
			.name = cfg->sources[i].name,
			.senders = (const char *const *)cfg->sources[i].senders,
			.buyer_in_body = cfg->sources[i].buyer == CONFIG_BUYER_BODY,
			.acknowledge = cfg->sources[i].acknowledge,
		};
	}
	struct classify_options copts = {
		.sources = rt->sources,
		.n_sources = cfg->n_sources,
		.persons = persons,
		.own_domains = (const char *const *)cfg->company.domains,
		.freemail_list = freemail,
		.quote_markers = markers,
		.psl = rt->psl,
	};
	int rc = classify_new(&copts, &rt->cls, &cls_error);
	g_free(persons);
	if (rc < 0) {
		*error_r = g_strdup_printf("%s: %s", cfg->path, cls_error);
		goto out;
	}
	rt->parse.charset_fallbacks = (const char *const *)cfg->classify.charset_fallbacks;
	rt->parse.max_mime_depth = cfg->limits.max_mime_depth;
	rt->parse.max_parts = cfg->limits.max_parts;
	rt->parse.max_header_bytes = cfg->limits.max_header_bytes;
	rt->parse.max_body_text = cfg->limits.max_body_text;
	rt->filing.analyze.cls = rt->cls;
	rt->filing.analyze.parse = &rt->parse;
	rt->filing.thread_window = cfg->classify.thread_window_seconds != 0
	                           ? cfg->classify.thread_window_seconds : DEFAULT_THREAD_WINDOW;
	ret = 0;
out:
	g_free(freemail);
	g_free(markers);
	if (ret < 0)
		core_runtime_free(&rt);
	*rt_r = rt;
	return ret;
}

void core_runtime_free(struct core_runtime **rtp)
{
	struct core_runtime *rt = *rtp;

	if (rt == NULL)
		return;
	*rtp = NULL;
	classify_free(&rt->cls);
	if (rt->lang_free != NULL)
		rt->lang_free(&rt->lang);
	core_stage_names_free(&rt->stages);
	g_free((struct owner_person *)rt->team.persons);
	g_free(rt->sources);
	if (rt->psl != NULL && rt->psl != psl_builtin())
		psl_free(rt->psl);
	g_free(rt);
}
