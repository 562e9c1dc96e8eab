#ifndef FOLLOWUP_PARSERS_FACTS_PLACES_H
#define FOLLOWUP_PARSERS_FACTS_PLACES_H
/*
 * facts_places: finding the ports and countries of data/facts/places.txt
 * (facts_places, struct facts_place: data/lexicon.h) in the text.
 * Private to parsers/facts*.c.
 */
#include "parsers/facts_scan.h"

/* The longest port or country name at i (a whole word), or NULL. */
const struct facts_place *facts_place_at(const struct facts_scan *s, size_t i,
                                         size_t *end_r);

#endif
