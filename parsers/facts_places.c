/* facts_places: see facts_places.h. */
#include "parsers/facts_places.h"

#include <stddef.h>

#include "data/lexicon.h"

/* The names of facts_places (data/facts/places.txt) as a keyword table
 * (entry k is facts_places[k]) and its index, made once per process. */
static struct facts_kw *places_kw;
static struct facts_kw_index *places_index;

static void places_init(void)
{
	static gsize once;

	if (g_once_init_enter(&once)) {
		size_t n = 0;

		while (facts_places[n].name != NULL)
			n++;

		places_kw = g_new0(struct facts_kw, n + 1);
		for (size_t k = 0; k < n; k++) {
			places_kw[k].word = facts_places[k].name;
			places_kw[k].flags = facts_places[k].flags;
		}
		places_index = facts_kw_index_new(places_kw);
		g_once_init_leave(&once, 1);
	}
}

const struct facts_place *facts_place_at(const struct facts_scan *s, size_t i,
                                         size_t *end_r)
{
	const struct facts_kw *kw;
	size_t end;
	gunichar c = facts_at(s, i);

	if (c == 0 || facts_is_space(c) || facts_is_digit(c))
		return NULL;
	places_init();
	kw = facts_match_index(s, i, places_index, 0, &end);
	if (kw == NULL)
		return NULL;
	*end_r = end;
	return &facts_places[kw - places_kw];
}
