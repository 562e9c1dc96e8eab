#ifndef FOLLOWUP_DATA_LEXICON_H
#define FOLLOWUP_DATA_LEXICON_H
/*
 * The lexicons of the trade-facts extractor (parsers/facts*.c): the words
 * it looks for, one table per kind of fact, in English, Chinese
 * (simplified and traditional), Spanish, Portuguese, German, French,
 * Russian and Arabic, Japanese, Korean, Polish and Vietnamese, and Italian
 * and Turkish where it was cheap; and the ports and countries it knows.
 *
 * Each is a file data/facts/NAME.txt, one entry a line, that data/lexicon.sh
 * turns into the table facts_NAME at build time (the format is explained
 * there; each file says what its table is for). Entries are written as in
 * their language (accents, capitals) and matched folded (see
 * parsers/facts_scan.h). A new word is a new line; a new table is a new
 * file and its declaration here.
 */

/* The flags column of a lexicon names these in lower case ("upper",
 * "digit_right"); data/lexicon.sh reads the names from here. */
enum facts_kw_flags {
	FACTS_KW_UPPER = 1u << 0,       /* written without lower-case letters */
	FACTS_KW_LOWER = 1u << 1,       /* written without capitals */
	FACTS_KW_NO_LEFT = 1u << 2,     /* no word boundary needed before */
	FACTS_KW_DIGIT_RIGHT = 1u << 3, /* a digit may follow right away */
	FACTS_KW_STEM = 1u << 4,        /* any letters may follow */
	FACTS_KW_ASCII = 1u << 5,       /* written in plain ASCII letters */
	FACTS_KW_SPACED = 1u << 6,      /* units: only after a space */
	FACTS_KW_CAPITAL = 1u << 7,     /* first letter written as a capital */
};

/* A keyword: a line "word value flags not_before". A table ends with an
 * entry whose word is NULL. */
struct facts_kw {
	const char *word;
	const char *value;       /* what the keyword stands for */
	unsigned flags;
	const char *not_before;  /* characters that must not follow it */
};

/* A port or a country: a line "name port country flags". */
struct facts_place {
	const char *name;     /* as written in some language */
	const char *port;     /* English port (or city) name; NULL for a country */
	const char *country;  /* ISO 3166-1 alpha-2 */
	unsigned flags;       /* facts_kw_flags */
};

/* Keyword tables, each data/facts/NAME.txt for facts_NAME. */
extern const struct facts_kw facts_units[];
extern const struct facts_kw facts_container_suffixes[];
extern const struct facts_kw facts_container_words[];
extern const struct facts_kw facts_container_times[];
extern const struct facts_kw facts_currencies[];
extern const struct facts_kw facts_per_words[];
extern const struct facts_kw facts_per_units[];
extern const struct facts_kw facts_total_words[];
extern const struct facts_kw facts_articles[];
extern const struct facts_kw facts_number_words[];
extern const struct facts_kw facts_range_words[];
extern const struct facts_kw facts_moq_anchors[];
extern const struct facts_kw facts_moq_after[];
extern const struct facts_kw facts_quantity_anchors[];
extern const struct facts_kw facts_delivery_anchors[];
extern const struct facts_kw facts_delivery_leadins[];
extern const struct facts_kw facts_within_after[];
extern const struct facts_kw facts_not_delivery_words[];
extern const struct facts_kw facts_duration_units[];
extern const struct facts_kw facts_workday_before[];
extern const struct facts_kw facts_workday_after[];
extern const struct facts_kw facts_reference_anchors[];
extern const struct facts_kw facts_document_anchors[];
extern const struct facts_kw facts_reference_markers[];
extern const struct facts_kw facts_incoterms[];
extern const struct facts_kw facts_place_prefixes[];
extern const struct facts_kw facts_place_suffixes[];
extern const struct facts_kw facts_place_stops[];
extern const struct facts_kw facts_place_lower_starts[];
extern const struct facts_kw facts_destination_anchors[];
extern const struct facts_kw facts_destination_fillers[];
extern const struct facts_kw facts_phrase_stops[];
extern const struct facts_kw facts_phrase_skips[];
extern const struct facts_kw facts_phrase_articles[];
extern const struct facts_kw facts_model_intros[];
extern const struct facts_kw facts_model_suffix_excludes[];
extern const struct facts_kw facts_model_prefix_excludes[];
extern const struct facts_kw facts_file_extensions[];

/* Every keyword table, NULL-terminated (made by data/lexicon.sh from the
 * files' headers): facts_match_table() indexes these once
 * (parsers/facts_scan.h). */
extern const struct facts_kw *const facts_kw_tables[];

/* data/facts/places.txt: ports and countries, ended by a NULL name. */
extern const struct facts_place facts_places[];
/* data/facts/korean_particles.txt, NULL-terminated. */
extern const char *const facts_korean_particles[];
/* data/facts/phrase_cjk_stops.txt: the characters in one string. */
extern const char facts_phrase_cjk_stops[];

#endif
