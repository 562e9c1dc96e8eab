#ifndef FOLLOWUP_DATA_LEXICON_H
#define FOLLOWUP_DATA_LEXICON_H
/*
 * The lexicons of the trade-facts extractor (parsers/facts*.c): what an
 * entry of its keyword tables and of its table of ports and countries is.
 */

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

/* A keyword. A table ends with an entry whose word is NULL. */
struct facts_kw {
	const char *word;
	const char *value;       /* what the keyword stands for */
	unsigned flags;
	const char *not_before;  /* characters that must not follow it */
};

/* A port or a country. */
struct facts_place {
	const char *name;     /* as written in some language */
	const char *port;     /* English port (or city) name; NULL for a country */
	const char *country;  /* ISO 3166-1 alpha-2 */
	unsigned flags;       /* facts_kw_flags */
};

#endif
