#ifndef FOLLOWUP_CLASSIFY_LANGUAGE_H
#define FOLLOWUP_CLASSIFY_LANGUAGE_H
/*
 * language: the language (ISO 639-1) a buyer writes in, from the new
 * content of a message: the script first (Hangul, kana, Han, Thai, Greek,
 * Hebrew... name their language), then libexttextcat's n-gram
 * fingerprints among the trade languages of the script for Latin, Cyrillic
 * and Arabic text, then greeting words and telltale letters; when the text
 * is too short or unclear, the language of the customer's country (a
 * country given, or the ccTLD of its domain).
 *
 * The fingerprints are files, so they are loaded outside rules/ (by
 * config/language_models.c, with the config's runtime); detection itself
 * is pure.
 */
#include <stddef.h>

/* The scripts whose language libexttextcat tells apart. */
enum language_script {
	LANGUAGE_SCRIPT_LATIN = 0,
	LANGUAGE_SCRIPT_CYRILLIC,
	LANGUAGE_SCRIPT_ARABIC,
};

/* One language the detector considers: which libexttextcat fingerprint
 * file stands for it, and its ISO 639-1 code. */
struct language_candidate {
	const char *file;             /* "de.lm", in libexttextcat's data dir */
	const char *code;             /* "de"; "nb.lm" and "nn.lm" are "no" */
	enum language_script script;
};

/* The candidate languages (static table, in classify/language.c): the files
 * language_models_load() reads, in the order of language_models.textcat. */
const struct language_candidate *language_candidates(size_t *count_r);

/* libexttextcat's fingerprints, loaded by language_models_load()
 * (core/language_models.h): one fp_Read() handle (fingerprint.h) per
 * entry of language_candidates(), in that order, so that each text is
 * compared with the trade languages of its script only, not with all 160
 * of Debian's fpdb.conf. Owned by the struct; language_models_free(). */
struct language_models {
	void **textcat;
	size_t count;                 /* == language_candidates()'s count */
};

/* ISO 639-1 code of text ("de", "zh", "pt"...), or NULL when it cannot be
 * told (too short, no letters, not UTF-8). models may be NULL: script rules
 * and the greeting/letter cues only. Static strings. Reads at most the
 * first 4 KiB. */
const char *language_detect(const struct language_models *models, const char *text);

/* The main language of a country (ISO 3166-1 alpha-2, any case), e.g.
 * "BR" -> "pt", "AE" -> "ar", "CH" -> "de"; NULL when unknown. */
const char *language_of_country(const char *country);
/* The ISO 3166-1 alpha-2 code (uppercase, static) that code (any case)
 * is, "GB" for "UK" as people write it; NULL when it is none. */
const char *language_country_code(const char *code);
/* The country of a customer key by its top-level domain ("kunde.de" ->
 * "DE", "empresa.com.co" -> "CO", "x@gmail.com" -> NULL), or NULL. */
const char *language_country_of_domain(const char *domain_or_address);

/* language_detect(models, text), else language_of_country(country), else
 * the language of the country of customer_key's ccTLD, else NULL. Any
 * argument may be NULL. Static strings. */
const char *language_guess(const struct language_models *models, const char *text,
                           const char *country, const char *customer_key);

#endif
