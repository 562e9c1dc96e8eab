/*
 * runtime_languages: the language models of a runtime (runtime.h). Apart
 * from runtime.c so that a program which never analyses mail does not
 * link libexttextcat: runtime.c frees the models through rt->lang_free,
 * which only this file sets.
 */
#include <glib.h>

#include "core/runtime.h"
#include "core/language_models.h"

int core_runtime_new(const struct config *cfg, struct core_runtime **rt_r, char **error_r)
{
	if (core_runtime_new_lazy(cfg, rt_r, error_r) < 0)
		return -1;
	if (core_runtime_languages(*rt_r, error_r) < 0) {
		core_runtime_free(rt_r);
		return -1;
	}
	return 0;
}

int core_runtime_languages(struct core_runtime *rt, char **error_r)
{
	if (rt->lang == NULL && language_models_load(NULL, &rt->lang, error_r) < 0)
		return -1;
	rt->lang_free = language_models_free;
	rt->filing.analyze.lang = rt->lang;
	return 0;
}
