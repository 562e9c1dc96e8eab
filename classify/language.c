/* language: which language a message is written in (see language.h).
 *
 * The text is cleaned (addresses, links, numbers, contact lines and the
 * signature go), its letters are counted by Unicode script, and the
 * dominant script either names the language (Hangul, kana, Han, Thai,
 * Greek...) or picks the candidates that libexttextcat's fingerprints
 * choose among (Latin, Cyrillic, Arabic). Short or unclear Latin text is
 * left to greeting words and telltale letters (language_cues.c), and else
 * to the caller's country fallback: a wrong language is worse than none. */
#include <stdbool.h>
#include <string.h>
#include <glib.h>
#include <fingerprint.h>

#include "classify/language.h"
#include "classify/language_cues.h"
#include "lib/script.h"

/* Only the start of a message is read: the language shows in a few
 * sentences, and hostile input gets bounded work. */
#define TEXT_MAX_BYTES 4096

/* n-grams in a fingerprint: libexttextcat's files hold 400 each. */
#define NGRAMS_MAX 400

/* Below this many letters of their script, fingerprints guess: "ok" comes
 * out Slovak, "Thanks!" Finnish. Such text goes to the cues. */
#define NGRAM_MIN_LETTERS 20

/* The signature is cut off only after this many letters of body: a
 * message that is all closing and signature keeps them. */
#define SIGNATURE_MIN_BODY_LETTERS 30

/* A Han, kana or Hangul letter stands for about three Latin ones (a
 * syllable or a word), so Chinese with English product names counts as
 * Chinese. */
#define CJK_LETTER_WEIGHT 3

/* The candidate languages, one fingerprint file each. Only trade
 * languages, compared per script, so that close relatives outside trade
 * (Galician, Catalan, Asturian, Occitan) cannot take Spanish or Portuguese
 * text; a text in one of those comes out as its nearest trade language,
 * which is also the best template to answer it in.
 * Bokmål and Nynorsk are both Norwegian; libexttextcat's "sr-Cyrl" is
 * Serbian. Han, kana and Hangul need no fingerprints: their script tells.
 * The Cyrillic languages come by their weight in trade: when the text
 * cannot tell, the first whose alphabet fits is the answer. */
static const struct language_candidate candidates[] = {
	{ "en.lm", "en", LANGUAGE_SCRIPT_LATIN },
	{ "de.lm", "de", LANGUAGE_SCRIPT_LATIN },
	{ "es.lm", "es", LANGUAGE_SCRIPT_LATIN },
	{ "pt.lm", "pt", LANGUAGE_SCRIPT_LATIN },
	{ "fr.lm", "fr", LANGUAGE_SCRIPT_LATIN },
	{ "it.lm", "it", LANGUAGE_SCRIPT_LATIN },
	{ "nl.lm", "nl", LANGUAGE_SCRIPT_LATIN },
	{ "pl.lm", "pl", LANGUAGE_SCRIPT_LATIN },
	{ "tr.lm", "tr", LANGUAGE_SCRIPT_LATIN },
	{ "vi.lm", "vi", LANGUAGE_SCRIPT_LATIN },
	{ "id.lm", "id", LANGUAGE_SCRIPT_LATIN },
	{ "ms.lm", "ms", LANGUAGE_SCRIPT_LATIN },
	{ "cs.lm", "cs", LANGUAGE_SCRIPT_LATIN },
	{ "sk.lm", "sk", LANGUAGE_SCRIPT_LATIN },
	{ "sv.lm", "sv", LANGUAGE_SCRIPT_LATIN },
	{ "da.lm", "da", LANGUAGE_SCRIPT_LATIN },
	{ "nb.lm", "no", LANGUAGE_SCRIPT_LATIN },
	{ "nn.lm", "no", LANGUAGE_SCRIPT_LATIN },
	{ "fi.lm", "fi", LANGUAGE_SCRIPT_LATIN },
	{ "ro.lm", "ro", LANGUAGE_SCRIPT_LATIN },
	{ "hu.lm", "hu", LANGUAGE_SCRIPT_LATIN },
	{ "hr.lm", "hr", LANGUAGE_SCRIPT_LATIN },
	{ "sl.lm", "sl", LANGUAGE_SCRIPT_LATIN },
	{ "lt.lm", "lt", LANGUAGE_SCRIPT_LATIN },
	{ "lv.lm", "lv", LANGUAGE_SCRIPT_LATIN },
	{ "et.lm", "et", LANGUAGE_SCRIPT_LATIN },
	{ "ru.lm", "ru", LANGUAGE_SCRIPT_CYRILLIC },
	{ "uk.lm", "uk", LANGUAGE_SCRIPT_CYRILLIC },
	{ "kk.lm", "kk", LANGUAGE_SCRIPT_CYRILLIC },
	{ "bg.lm", "bg", LANGUAGE_SCRIPT_CYRILLIC },
	{ "sr-Cyrl.lm", "sr", LANGUAGE_SCRIPT_CYRILLIC },
	{ "be.lm", "be", LANGUAGE_SCRIPT_CYRILLIC },
	{ "mk.lm", "mk", LANGUAGE_SCRIPT_CYRILLIC },
	{ "ar.lm", "ar", LANGUAGE_SCRIPT_ARABIC },
	{ "fa.lm", "fa", LANGUAGE_SCRIPT_ARABIC },
	{ "ur.lm", "ur", LANGUAGE_SCRIPT_ARABIC },
};

const struct language_candidate *language_candidates(size_t *count_r)
{
	*count_r = G_N_ELEMENTS(candidates);
	return candidates;
}

/* Letters are counted per group of scripts. */
enum script_group {
	GROUP_LATIN,
	GROUP_CYRILLIC,
	GROUP_ARABIC,
	GROUP_CJK,       /* Han and kana: Chinese or Japanese */
	GROUP_NAMED,     /* a script of one language: script_rules[].code */
	GROUP_ANY,       /* letters_only(): the letters of every script */
};

struct script_rule {
	GUnicodeScript script;
	enum script_group group;
	unsigned weight;
	const char *code;       /* GROUP_NAMED: the language */
};

static const struct script_rule script_rules[] = {
	{ G_UNICODE_SCRIPT_LATIN, GROUP_LATIN, 1, NULL },
	{ G_UNICODE_SCRIPT_CYRILLIC, GROUP_CYRILLIC, 1, NULL },
	{ G_UNICODE_SCRIPT_ARABIC, GROUP_ARABIC, 1, NULL },
	{ G_UNICODE_SCRIPT_HAN, GROUP_CJK, CJK_LETTER_WEIGHT, NULL },
	{ G_UNICODE_SCRIPT_HIRAGANA, GROUP_CJK, CJK_LETTER_WEIGHT, NULL },
	{ G_UNICODE_SCRIPT_KATAKANA, GROUP_CJK, CJK_LETTER_WEIGHT, NULL },
	{ G_UNICODE_SCRIPT_BOPOMOFO, GROUP_NAMED, CJK_LETTER_WEIGHT, "zh" },
	{ G_UNICODE_SCRIPT_HANGUL, GROUP_NAMED, CJK_LETTER_WEIGHT, "ko" },
	{ G_UNICODE_SCRIPT_HEBREW, GROUP_NAMED, 1, "he" },
	{ G_UNICODE_SCRIPT_GREEK, GROUP_NAMED, 1, "el" },
	{ G_UNICODE_SCRIPT_THAI, GROUP_NAMED, 1, "th" },
	{ G_UNICODE_SCRIPT_DEVANAGARI, GROUP_NAMED, 1, "hi" },
	{ G_UNICODE_SCRIPT_ARMENIAN, GROUP_NAMED, 1, "hy" },
	{ G_UNICODE_SCRIPT_GEORGIAN, GROUP_NAMED, 1, "ka" },
	{ G_UNICODE_SCRIPT_BENGALI, GROUP_NAMED, 1, "bn" },
	{ G_UNICODE_SCRIPT_GURMUKHI, GROUP_NAMED, 1, "pa" },
	{ G_UNICODE_SCRIPT_GUJARATI, GROUP_NAMED, 1, "gu" },
	{ G_UNICODE_SCRIPT_TAMIL, GROUP_NAMED, 1, "ta" },
	{ G_UNICODE_SCRIPT_TELUGU, GROUP_NAMED, 1, "te" },
	{ G_UNICODE_SCRIPT_KANNADA, GROUP_NAMED, 1, "kn" },
	{ G_UNICODE_SCRIPT_MALAYALAM, GROUP_NAMED, 1, "ml" },
	{ G_UNICODE_SCRIPT_SINHALA, GROUP_NAMED, 1, "si" },
	{ G_UNICODE_SCRIPT_LAO, GROUP_NAMED, 1, "lo" },
	{ G_UNICODE_SCRIPT_KHMER, GROUP_NAMED, 1, "km" },
	{ G_UNICODE_SCRIPT_MYANMAR, GROUP_NAMED, 1, "my" },
	{ G_UNICODE_SCRIPT_ETHIOPIC, GROUP_NAMED, 1, "am" },
};

/* Weighted letters per rule of script_rules, and the kana among them. */
struct script_counts {
	unsigned weighted[G_N_ELEMENTS(script_rules)];
	unsigned han, kana;
};

static const struct script_rule *rule_of(gunichar c)
{
	GUnicodeScript script = g_unichar_get_script(c);

	for (size_t i = 0; i < G_N_ELEMENTS(script_rules); i++) {
		if (script_rules[i].script == script)
			return &script_rules[i];
	}
	return NULL;
}

static bool is_letter(gunichar c)
{
	return g_unichar_isalpha(c);
}

/*
 * The first TEXT_MAX_BYTES of text, NFKC (composed accents, full-width
 * Latin as Latin), or NULL when text is not UTF-8. A character cut by the
 * limit is dropped; a broken one before it makes the text invalid.
 */
static char *take_window(const char *text)
{
	size_t len = strnlen(text, TEXT_MAX_BYTES + 1);
	const char *end;

	if (len > TEXT_MAX_BYTES) {
		len = TEXT_MAX_BYTES;
		if (!g_utf8_validate_len(text, len, &end)) {
			/* Only a sequence the limit cut short may be dropped. */
			if ((size_t)(end - text) + 4 <= len ||
			    g_utf8_get_char_validated(end, (gssize)(len - (size_t)(end - text))) !=
			        (gunichar)-2)
				return NULL;
			len = (size_t)(end - text);
		}
	} else if (!g_utf8_validate_len(text, len, NULL)) {
		return NULL;
	}
	return g_utf8_normalize(text, (gssize)len, G_NORMALIZE_ALL_COMPOSE);
}

/* Lowercase letters of s, non-letters as single spaces, with a space at
 * each end (" sehr geehrte "), into out. Letters of other groups than
 * group are left out, unless group is GROUP_ANY. Returns how many letters
 * it kept. */
static unsigned letters_only(const char *s, enum script_group group, GString *out)
{
	unsigned n = 0;
	bool in_word = false;

	g_string_assign(out, " ");
	for (const char *p = s; *p != '\0'; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		bool keep = false;

		if (is_letter(c)) {
			const struct script_rule *rule = rule_of(c);
			keep = group == GROUP_ANY || (rule != NULL && rule->group == group);
		} else if (g_unichar_ismark(c)) {
			keep = in_word;   /* vowel signs, harakat: part of the word */
		}
		if (keep) {
			g_string_append_unichar(out, g_unichar_tolower(c));
			if (is_letter(c))
				n++;
			in_word = true;
		} else if (in_word) {
			g_string_append_c(out, ' ');
			in_word = false;
		}
	}
	if (in_word)
		g_string_append_c(out, ' ');
	return n;
}

/* Noise, not language: a token with a digit (prices, model numbers,
 * phone numbers, dates), a link, an e-mail address. */
static bool is_noise_token(const char *token, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (g_ascii_isdigit(token[i]) || token[i] == '@')
			return true;
	}
	return g_strstr_len(token, (gssize)len, "://") != NULL ||
	       g_strstr_len(token, (gssize)len, "www.") != NULL;
}

/* Appends the tokens of line that are no noise, each followed by a space.
 * Runs of non-space characters are tokens, except that each letter of an
 * unspaced script (Han, Thai...) is one: "500件" is "500" and "件". */
static void append_clean_tokens(const char *line, GString *out)
{
	const char *p = line;

	while (*p != '\0') {
		const char *start = p;
		gunichar c = g_utf8_get_char(p);

		if (g_unichar_isspace(c)) {
			p = g_utf8_next_char(p);
			continue;
		}
		if (script_is_unspaced(c)) {
			p = g_utf8_next_char(p);
		} else {
			while (*p != '\0') {
				c = g_utf8_get_char(p);
				if (g_unichar_isspace(c) || script_is_unspaced(c))
					break;
				p = g_utf8_next_char(p);
			}
		}
		if (!is_noise_token(start, (size_t)(p - start))) {
			g_string_append_len(out, start, p - start);
			g_string_append_c(out, ' ');
		}
	}
}

/* Contact lines say nothing about the language of the message. */
static const char *const contact_labels[] = {
	" tel ", " tél ", " phone ", " telephone ", " telefon ", " teléfono ", " telefone ",
	" fax ", " mob ", " mobile ", " cell ", " email ", " e mail ", " mail ", " web ",
	" website ", " skype ", " wechat ", " whatsapp ", " тел ",
};

/* A contact line is short once its numbers and addresses are gone:
 * "Tel./Fax: +49 ..." is " tel fax ", where "Mail us the price list" is a
 * sentence. */
#define CONTACT_MAX_WORDS 3

static unsigned word_count(const char *words)
{
	unsigned n = 0;

	for (const char *p = words; *p != '\0'; p++) {
		if (*p != ' ' && (p == words || p[-1] == ' '))
			n++;
	}
	return n;
}

static bool is_contact_line(const char *words)
{
	if (word_count(words) > CONTACT_MAX_WORDS)
		return false;
	for (size_t i = 0; i < G_N_ELEMENTS(contact_labels); i++) {
		if (g_str_has_prefix(words, contact_labels[i]))
			return true;
	}
	return false;
}

/* "-- " (RFC 3676; trailing space already chomped), or a rule of dashes,
 * underscores or equals signs, after which mail clients put the signature
 * or the quoted message. */
static bool is_signature_delimiter(const char *line)
{
	size_t len = strlen(line);

	if (len < 2)
		return false;
	for (size_t i = 0; i < len; i++) {
		if (line[i] != '-' && line[i] != '_' && line[i] != '=')
			return false;
	}
	return true;
}

/* The text cut into what detection reads: body, the cleaned lines before
 * the signature; whole, all cleaned lines (the cues' second chance). */
struct cleaned {
	GString *body;
	GString *whole;
};

static void clean_text(const char *window, struct cleaned *c)
{
	char **lines = g_strsplit(window, "\n", -1);
	GString *line_clean = g_string_new(NULL);
	GString *words = g_string_new(NULL);
	unsigned body_letters = 0;
	bool in_signature = false;

	for (char **l = lines; *l != NULL; l++) {
		char *line = g_strchomp(*l);   /* also the '\r' of CRLF */
		unsigned letters;

		if (line[0] == '>')
			continue;   /* quoted */
		if (is_signature_delimiter(line) && body_letters >= SIGNATURE_MIN_BODY_LETTERS)
			in_signature = true;
		g_string_truncate(line_clean, 0);
		append_clean_tokens(line, line_clean);
		letters = letters_only(line_clean->str, GROUP_ANY, words);
		if (letters == 0 || is_contact_line(words->str))
			continue;
		if (!in_signature && body_letters >= SIGNATURE_MIN_BODY_LETTERS &&
		    language_cue_is_closing(words->str))
			in_signature = true;
		if (!in_signature) {
			g_string_append(c->body, line_clean->str);
			g_string_append_c(c->body, '\n');
			body_letters += letters;
		}
		g_string_append(c->whole, line_clean->str);
		g_string_append_c(c->whole, '\n');
	}
	g_string_free(words, TRUE);
	g_string_free(line_clean, TRUE);
	g_strfreev(lines);
}

static void count_scripts(const char *s, struct script_counts *counts)
{
	memset(counts, 0, sizeof(*counts));
	for (const char *p = s; *p != '\0'; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		const struct script_rule *rule;
		GUnicodeScript script;

		if (!is_letter(c) || (rule = rule_of(c)) == NULL)
			continue;
		counts->weighted[rule - script_rules] += rule->weight;
		script = g_unichar_get_script(c);
		if (script == G_UNICODE_SCRIPT_HIRAGANA || script == G_UNICODE_SCRIPT_KATAKANA)
			counts->kana++;
		else if (script == G_UNICODE_SCRIPT_HAN)
			counts->han++;
	}
}

/* The rule whose group weighs most (groups of several scripts summed), or
 * NULL when there are no letters. */
static const struct script_rule *dominant_rule(const struct script_counts *counts)
{
	unsigned group_weight[GROUP_NAMED] = { 0 };
	const struct script_rule *best = NULL;
	unsigned best_weight = 0;

	for (size_t i = 0; i < G_N_ELEMENTS(script_rules); i++) {
		if (script_rules[i].group != GROUP_NAMED)
			group_weight[script_rules[i].group] += counts->weighted[i];
	}
	for (size_t i = 0; i < G_N_ELEMENTS(script_rules); i++) {
		unsigned weight = script_rules[i].group == GROUP_NAMED ?
		                  counts->weighted[i] : group_weight[script_rules[i].group];
		if (weight > best_weight) {
			best_weight = weight;
			best = &script_rules[i];
		}
	}
	return best;
}

/* Which candidates (bit i: candidates[i]) a comparison considers. */
typedef guint64 candidate_set;
G_STATIC_ASSERT(G_N_ELEMENTS(candidates) <= 64);

static candidate_set candidates_of_script(enum language_script script)
{
	candidate_set set = 0;

	for (size_t i = 0; i < G_N_ELEMENTS(candidates); i++) {
		if (candidates[i].script == script)
			set |= (candidate_set)1 << i;
	}
	return set;
}

static bool set_has_code(candidate_set set, const char *code)
{
	for (size_t i = 0; i < G_N_ELEMENTS(candidates); i++) {
		if ((set & ((candidate_set)1 << i)) != 0 && strcmp(candidates[i].code, code) == 0)
			return true;
	}
	return false;
}

/* The fingerprints' distances from a text, best (smallest) first, one per
 * language (the better of Bokmål and Nynorsk for Norwegian). */
struct ngram_ranking {
	const char *code[G_N_ELEMENTS(candidates)];
	int score[G_N_ELEMENTS(candidates)];
	size_t n;
};

static void ranking_add(struct ngram_ranking *r, const char *code, int score)
{
	size_t i;

	for (i = 0; i < r->n; i++) {
		if (strcmp(r->code[i], code) == 0) {
			if (score >= r->score[i])
				return;
			/* A better score for a language ranked already: re-insert. */
			memmove(&r->code[i], &r->code[i + 1], (r->n - i - 1) * sizeof(r->code[0]));
			memmove(&r->score[i], &r->score[i + 1], (r->n - i - 1) * sizeof(r->score[0]));
			r->n--;
			break;
		}
	}
	for (i = r->n; i > 0 && r->score[i - 1] > score; i--) {
		r->code[i] = r->code[i - 1];
		r->score[i] = r->score[i - 1];
	}
	r->code[i] = code;
	r->score[i] = score;
	r->n++;
}

/* How much farther (relative) rank j is than rank 0; 1.0 when there is no
 * rank j. */
static double ranking_gap(const struct ngram_ranking *r, size_t j)
{
	if (j >= r->n)
		return 1.0;
	return (double)(r->score[j] - r->score[0]) / (double)MAX(r->score[0], 1);
}

/* No verdict looks farther than SIBLING_MIN_GAP behind the best language
 * (below): a fingerprint that is more than this much farther from the text
 * than the best one so far cannot change the answer, so fp_Compare() may
 * stop counting there and rank it last (its score is then the library's
 * maximum). The languages come in order of trade, so the likely best is
 * compared first and most of the others stop early. */
#define RANKING_CUTOFF_PERCENT 115

static int ranking_cutoff(int best)
{
	if (best >= G_MAXINT / RANKING_CUTOFF_PERCENT)
		return G_MAXINT;
	return best * RANKING_CUTOFF_PERCENT / 100 + 1;
}

/* Compares words (lowercase letters, as letters_only() makes them) with
 * the fingerprints of set; false when there are no models or no n-grams. */
static bool ngram_rank(const struct language_models *models, candidate_set set,
                       const char *words, struct ngram_ranking *r)
{
	int best = G_MAXINT;
	void *unknown;

	r->n = 0;
	if (models == NULL || models->count != G_N_ELEMENTS(candidates))
		return false;
	unknown = fp_Init(NULL);
	fp_SetProperty(unknown, TCPROP_UTF8AWARE, TC_TRUE);
	if (fp_Create(unknown, words, (uint4)strlen(words), NGRAMS_MAX) == 0) {
		fp_Done(unknown);
		return false;
	}
	for (size_t i = 0; i < G_N_ELEMENTS(candidates); i++) {
		if ((set & ((candidate_set)1 << i)) == 0 || models->textcat[i] == NULL)
			continue;
		int score = fp_Compare(models->textcat[i], unknown, ranking_cutoff(best));
		ranking_add(r, candidates[i].code, score);
		best = MIN(best, score);
	}
	fp_Done(unknown);
	return r->n > 0;
}

/* The shorter the text, the fewer n-grams it has and the closer the
 * distances: the lead the best language needs. */
static double min_gap(unsigned letters)
{
	if (letters < 40)
		return 0.04;
	if (letters < 80)
		return 0.03;
	return 0.02;
}

/* The lead over a close relative below which only function words decide:
 * Norwegian text often fits Danish fingerprints by 4 or 5%. */
#define SIBLING_MIN_GAP 0.10

/* The first rank that is no sibling of rank 0's language. */
static size_t first_non_sibling(const struct ngram_ranking *r)
{
	size_t j = 1;

	while (j < r->n && language_cue_are_siblings(r->code[0], r->code[j]))
		j++;
	return j;
}

/* The fingerprints' answer for Latin text, or NULL when they are unsure. */
static const char *latin_ranking_verdict(const struct ngram_ranking *r, const char *words,
                                         unsigned letters)
{
	const char *sibling;

	if (!language_cue_has_siblings(r->code[0]))
		return ranking_gap(r, 1) >= min_gap(letters) ? r->code[0] : NULL;
	/* Which of the family: the fingerprints say it, or the words. */
	if (ranking_gap(r, first_non_sibling(r)) < min_gap(letters))
		return NULL;
	sibling = language_cue_sibling(words, r->code[0]);
	if (sibling != NULL)
		return sibling;
	if (first_non_sibling(r) == 1 || ranking_gap(r, 1) >= SIBLING_MIN_GAP)
		return r->code[0];
	return NULL;
}

/* Latin script: the fingerprints when the text is long and they are sure;
 * else the cues; and when the fingerprints did speak, only a cue for one
 * of their two best. */
static const char *detect_latin(const struct language_models *models, const char *body,
                                const char *whole, GString *scratch)
{
	struct ngram_ranking r;
	const char *code, *cue;
	unsigned letters = letters_only(body, GROUP_LATIN, scratch);
	bool spoke = letters >= NGRAM_MIN_LETTERS &&
	             ngram_rank(models, candidates_of_script(LANGUAGE_SCRIPT_LATIN),
	                        scratch->str, &r);

	if (spoke && (code = latin_ranking_verdict(&r, scratch->str, letters)) != NULL)
		return code;
	letters_only(body, GROUP_ANY, scratch);
	cue = language_cue_words(scratch->str);
	if (cue == NULL)
		cue = language_cue_letters(body);
	if (cue == NULL && !spoke) {
		letters_only(whole, GROUP_ANY, scratch);
		cue = language_cue_words(scratch->str);
	}
	if (cue == NULL || !spoke)
		return cue;
	if (strcmp(cue, r.code[0]) == 0 || (r.n > 1 && strcmp(cue, r.code[1]) == 0))
		return cue;
	return NULL;
}

/* The letters each Cyrillic candidate does not write. A text with more
 * than a few of them is not in that language: "ы" and "э" rule out
 * Ukrainian, Bulgarian, Serbian and Macedonian, "і" and "ї" Russian. The
 * fingerprints alone tell short Cyrillic texts apart badly. */
static const struct {
	const char *code;
	const char *foreign;
} cyrillic_alphabets[] = {
	{ "ru", "ієїґўјљњђћџѓќѕәғқңөұүһ" },
	{ "uk", "ыэъёўјљњђћџѓќѕәғқңөұүһ" },
	{ "bg", "ыэёієїґўјљњђћџѓќѕәғқңөұүһ" },
	{ "sr", "ыэъщёйяюьієїґўѓќѕәғқңөұүһ" },
	{ "be", "ищъїєґјљњђћџѓќѕәғқңөұүһ" },
	{ "kk", "їєґўјљњђћџѓќѕ" },
	{ "mk", "ыэъщёйяюьієїґўђћәғқңөұүһ" },
};

/* Foreign letters allowed per hundred letters: a Ukrainian place name in
 * Russian text. */
#define FOREIGN_LETTERS_PERCENT 1

static unsigned count_foreign(const char *words, const char *foreign)
{
	unsigned n = 0;

	for (const char *p = words; *p != '\0'; p = g_utf8_next_char(p)) {
		if (*p != ' ' && g_utf8_strchr(foreign, -1, g_utf8_get_char(p)) != NULL)
			n++;
	}
	return n;
}

/* The Cyrillic candidates whose alphabet fits words (lowercase). */
static candidate_set cyrillic_fitting(const char *words, unsigned letters)
{
	candidate_set set = 0;

	for (size_t i = 0; i < G_N_ELEMENTS(candidates); i++) {
		if (candidates[i].script != LANGUAGE_SCRIPT_CYRILLIC)
			continue;
		for (size_t a = 0; a < G_N_ELEMENTS(cyrillic_alphabets); a++) {
			if (strcmp(cyrillic_alphabets[a].code, candidates[i].code) == 0 &&
			    count_foreign(words, cyrillic_alphabets[a].foreign) * 100 <=
			        letters * FOREIGN_LETTERS_PERCENT)
				set |= (candidate_set)1 << i;
		}
	}
	return set;
}

/* The first candidate of set, in the table's order (by trade). */
static const char *first_of(candidate_set set)
{
	for (size_t i = 0; i < G_N_ELEMENTS(candidates); i++) {
		if ((set & ((candidate_set)1 << i)) != 0)
			return candidates[i].code;
	}
	return NULL;
}

/* Cyrillic script: the languages whose alphabet fits; among them the cue
 * words or telltale letters, else the fingerprints when sure, and else
 * Russian, the language of trade wherever Cyrillic is written. */
static const char *detect_cyrillic(const struct language_models *models, const char *body,
                                   GString *scratch)
{
	struct ngram_ranking r;
	const char *cue;
	unsigned letters = letters_only(body, GROUP_CYRILLIC, scratch);
	candidate_set fitting = cyrillic_fitting(scratch->str, letters);

	if (fitting == 0)
		fitting = candidates_of_script(LANGUAGE_SCRIPT_CYRILLIC);
	if ((fitting & (fitting - 1)) == 0)
		return first_of(fitting);
	cue = language_cue_words(scratch->str);
	if (cue == NULL || !set_has_code(fitting, cue))
		cue = language_cue_letters(body);
	if (cue != NULL && set_has_code(fitting, cue))
		return cue;
	if (letters >= NGRAM_MIN_LETTERS && ngram_rank(models, fitting, scratch->str, &r) &&
	    (strcmp(r.code[0], "ru") == 0 || ranking_gap(&r, 1) >= min_gap(letters) ||
	     !set_has_code(fitting, "ru")))
		return r.code[0];
	return set_has_code(fitting, "ru") ? "ru" : first_of(fitting);
}

/* Persian and Urdu letters the fingerprints must be backed by: a few
 * loanwords in Arabic text have none. */
#define PERSIAN_MIN_LETTERS 2

/* Arabic script: Arabic, unless the fingerprints clearly say Persian or
 * Urdu and the letters Arabic does not write are there. */
static const char *detect_arabic(const struct language_models *models, const char *body,
                                 GString *scratch)
{
	struct ngram_ranking r;
	unsigned letters = letters_only(body, GROUP_ARABIC, scratch);

	if (letters >= NGRAM_MIN_LETTERS &&
	    ngram_rank(models, candidates_of_script(LANGUAGE_SCRIPT_ARABIC), scratch->str, &r) &&
	    strcmp(r.code[0], "ar") != 0 && ranking_gap(&r, 1) >= min_gap(letters) &&
	    language_cue_persian_letters(body) >= PERSIAN_MIN_LETTERS)
		return r.code[0];
	return "ar";
}

/* Chinese or Japanese: Japanese writes kana between its kanji, Chinese
 * none; one percent of kana allows a stray "の" in Chinese. */
static const char *detect_cjk(const struct script_counts *counts)
{
	if (counts->kana > 0 && counts->kana * 100 >= counts->han)
		return "ja";
	return "zh";
}

const char *language_detect(const struct language_models *models, const char *text)
{
	struct cleaned c = { NULL, NULL };
	struct script_counts counts;
	const struct script_rule *rule;
	GString *scratch = NULL;
	const char *code = NULL;
	char *window;

	if (text == NULL || (window = take_window(text)) == NULL)
		return NULL;
	c.body = g_string_new(NULL);
	c.whole = g_string_new(NULL);
	scratch = g_string_new(NULL);
	clean_text(window, &c);
	count_scripts(c.body->str, &counts);
	rule = dominant_rule(&counts);
	if (rule == NULL)
		goto out;
	switch (rule->group) {
	case GROUP_LATIN:
		code = detect_latin(models, c.body->str, c.whole->str, scratch);
		break;
	case GROUP_CYRILLIC:
		code = detect_cyrillic(models, c.body->str, scratch);
		break;
	case GROUP_ARABIC:
		code = detect_arabic(models, c.body->str, scratch);
		break;
	case GROUP_CJK:
		code = detect_cjk(&counts);
		break;
	case GROUP_NAMED:
		code = rule->code;
		break;
	case GROUP_ANY:
		break;   /* no script rule has it */
	}
out:
	g_string_free(scratch, TRUE);
	g_string_free(c.whole, TRUE);
	g_string_free(c.body, TRUE);
	g_free(window);
	return code;
}

const char *language_guess(const struct language_models *models, const char *text,
                           const char *country, const char *customer_key)
{
	const char *code = language_detect(models, text);

	if (code == NULL && country != NULL)
		code = language_of_country(country);
	if (code == NULL) {
		const char *tld_country = language_country_of_domain(customer_key);
		if (tld_country != NULL)
			code = language_of_country(tld_country);
	}
	return code;
}
