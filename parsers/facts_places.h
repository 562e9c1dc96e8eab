#ifndef FOLLOWUP_PARSERS_FACTS_PLACES_H
#define FOLLOWUP_PARSERS_FACTS_PLACES_H
/*
 * facts_places: the main ports of the big trade lanes and the countries
 * export mail most often names, in English, Spanish, Portuguese, German,
 * French, Italian, Chinese (simplified and traditional), Russian and
 * Arabic (and the main ones in Japanese, Korean, Polish and Vietnamese),
 * mapped to an English port name and an ISO 3166-1 alpha-2 code
 * (struct facts_place: data/lexicon.h).
 * Private to parsers/facts*.c.
 */
#include "parsers/facts_scan.h"

/* The longest port or country name at i (a whole word), or NULL. */
const struct facts_place *facts_place_at(const struct facts_scan *s, size_t i,
                                         size_t *end_r);

#endif
