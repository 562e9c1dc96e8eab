/* facts_products: model numbers and the product named after a quantity
 * (see facts_int.h). */
#include <string.h>

#include "parsers/facts_int.h"
#include "data/lexicon.h"

#define MODEL_MIN 2
#define MODEL_MAX 32
#define PHRASE_MAX_WORDS 5
#define PHRASE_MAX_CJK 12
#define PHRASE_MIN_CJK 2
#define PHRASE_MAX_SKIPS 2

bool facts_is_cjk_stop(gunichar c)
{
	for (const char *p = facts_phrase_cjk_stops; *p != '\0'; p = g_utf8_next_char(p))
		if (g_utf8_get_char(p) == c)
			return true;
	return false;
}

static bool is_ascii_alnum(gunichar c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

static bool is_model_sep(gunichar c)
{
	return c == '-' || c == '/' || c == '.' || c == '_';
}

/* E-mail addresses and links hold letters and digits that are no model:
 * the whole space-separated chunk is skipped. */
static size_t link_chunk_end(const struct facts_scan *s, size_t i)
{
	size_t k = i;
	bool link = false;

	while (k < s->n && !facts_is_space(s->cp[k])) {
		gunichar c = s->cp[k];

		if (c == '@' || (c == ':' && facts_at(s, k + 1) == '/' && facts_at(s, k + 2) == '/') ||
		    (c == 'w' && facts_at(s, k + 1) == 'w' && facts_at(s, k + 2) == 'w' &&
		     facts_at(s, k + 3) == '.'))
			link = true;
		k++;
	}
	return link ? k : i;
}

/* True when the whole letter run [i, end) is an entry of the table. */
static bool run_in(const struct facts_scan *s, size_t i, size_t end,
                   const struct facts_kw *table)
{
	size_t e;

	return facts_match_table(s, i, table, FACTS_KW_NO_LEFT | FACTS_KW_DIGIT_RIGHT, &e) != NULL &&
	       e == end;
}

/* Letters and digits, but a unit, a date, an amount, a time or a
 * numbered thing rather than a model: "200pcs", "1x40HQ", "24-Nov-2026",
 * "USD410", "Q3", "ISO9001", "PI-2026-118". */
static bool model_excluded(const struct facts_scan *s, size_t i, size_t end)
{
	bool digit_first = facts_is_digit(s->cp[i]), first_run = true;
	bool first_excluded = false, later_letters = false;

	for (size_t k = i; k < end;) {
		size_t r = k;

		if (is_model_sep(s->cp[k])) {
			k++;
			continue;
		}
		if (facts_is_digit(s->cp[k])) {
			while (r < end && facts_is_digit(s->cp[r]))
				r++;
			k = r;
			first_run = false;
			continue;
		}
		while (r < end && facts_is_letter(s->cp[r]))
			r++;
		if (digit_first) {
			if (!run_in(s, k, r, facts_model_suffix_excludes) &&
			    !run_in(s, k, r, facts_model_prefix_excludes))
				return false;
		} else if (first_run) {
			first_excluded = run_in(s, k, r, facts_model_prefix_excludes);
		} else {
			later_letters = true;
		}
		first_run = false;
		k = r;
	}
	return digit_first || (first_excluded && !later_letters);
}

/* "XP-200.pdf" names a file: the model is its stem. */
static size_t file_name_stem(const struct facts_scan *s, size_t i, size_t end)
{
	size_t dot = end, e;

	while (dot > i && s->cp[dot - 1] != '.' && end - dot < 5)
		dot--;
	if (dot <= i + 1 || s->cp[dot - 1] != '.')
		return end;
	if (facts_match_table(s, dot, facts_file_extensions, 0, &e) == NULL || e != end)
		return end;
	return dot - 1;
}

/* True when [i, end) is a model number: letters and digits, neither
 * claimed by another fact nor excluded. */
static bool is_model(const struct facts_scan *s, size_t i, size_t end)
{
	bool letter = false, digit = false;

	if (end - i < MODEL_MIN || end - i > MODEL_MAX || facts_any_claimed(s, i, end))
		return false;
	for (size_t k = i; k < end; k++) {
		letter |= facts_is_letter(s->cp[k]);
		digit |= facts_is_digit(s->cp[k]);
	}
	return letter && digit && !model_excluded(s, i, end);
}

/* facts_orig(s, i) < 0x80 (an ASCII letter, not a full-width form). */
static bool orig_ascii(const struct facts_scan *s, size_t i)
{
	return i >= s->n || (guchar)s->src[s->off[i]] < 0x80;
}

/* A token of ASCII letters and digits (with inner - / . _) standing on
 * its own at i: its end, or i. */
static size_t model_token_end(const struct facts_scan *s, size_t i)
{
	size_t k = i;

	if (!is_ascii_alnum(facts_at(s, i)) || !orig_ascii(s, i) ||
	    (i > 0 && (facts_is_word(s->cp[i - 1]) || is_model_sep(s->cp[i - 1]))))
		return i;
	while (k < s->n && ((is_ascii_alnum(s->cp[k]) && orig_ascii(s, k)) ||
	                    (is_model_sep(s->cp[k]) && is_ascii_alnum(facts_at(s, k + 1)))))
		k++;
	return facts_is_word(facts_at(s, k)) ? i : k;
}

void facts_find_models(struct facts_ctx *ctx)
{
	struct facts_scan *s = &ctx->scan;
	size_t i = 0, k, end;

	while (i < s->n) {
		if (i == 0 || facts_is_space(s->cp[i - 1])) {
			k = link_chunk_end(s, i);
			if (k > i) {
				i = k;
				continue;
			}
		}
		k = model_token_end(s, i);
		if (k == i) {
			/* Past the rest of a token glued to a word. */
			while (is_ascii_alnum(facts_at(s, i)) && orig_ascii(s, i))
				i++;
			i += i < s->n;
			continue;
		}
		end = file_name_stem(s, i, k);
		if (is_model(s, i, end))
			facts_add_product(ctx, i, facts_slice(s, i, end, FACTS_MAX_PRODUCT_BYTES));
		i = k + 1;
	}
}

/* After a phrase ending at i: [connector] ["model", "型号", "طراز"] [:] a
 * catalogue model number (one with - / or .). Then the phrase is only the
 * model's generic name ("la bomba XP-350", "mechanical seals MS-35"), and
 * the model is the product. A size or grade glued to its letters ("DN50",
 * "SS304") rather qualifies the phrase: "Kugelhähne DN50" keeps both. */
static bool model_follows(const struct facts_scan *s, size_t i)
{
	size_t j = facts_skip_hspace(s, i, 2), e, end;
	bool sep = false;

	if (facts_match_table(s, j, facts_phrase_skips, 0, &e) != NULL)
		j = facts_skip_hspace(s, e, 2);
	if (facts_match_table(s, j, facts_model_intros, 0, &e) != NULL) {
		j = facts_skip_hspace(s, e, 2);
		if (facts_at(s, j) == ':' || facts_at(s, j) == '.' || facts_at(s, j) == 0xFF1A)
			j = facts_skip_hspace(s, j + 1, 2);
	}
	end = model_token_end(s, j);
	if (end == j)
		return false;
	end = file_name_stem(s, j, end);
	for (size_t k = j; k < end; k++)
		sep |= is_model_sep(s->cp[k]);
	return sep && is_model(s, j, end);
}

/* The end of a phrase word at i (letters, inner - and '), or i when it
 * holds digits. */
static size_t phrase_word_end(const struct facts_scan *s, size_t i)
{
	size_t k = i;

	while (k < s->n && k - i < 40) {
		gunichar c = s->cp[k];

		if (facts_is_letter(c) && !facts_is_cjk(c))
			k++;
		else if ((c == '-' || c == '\'') && k > i && facts_is_letter(facts_at(s, k + 1)))
			k++;
		else
			break;
	}
	/* "XP" of "XP-200" is a model's, not a word of the phrase. */
	if (facts_is_word(facts_at(s, k)) ||
	    (is_model_sep(facts_at(s, k)) && facts_is_digit(facts_at(s, k + 1))))
		return i;
	return k;
}

/* "de" in "válvulas de bola": kept inside a phrase, never at its end. */
static bool phrase_connector(const struct facts_scan *s, size_t i, size_t end)
{
	size_t e;

	return facts_match_table(s, i, facts_phrase_skips, 0, &e) != NULL && e == end;
}

static bool phrase_stop(const struct facts_scan *s, size_t i, size_t end)
{
	size_t e;

	if (facts_match_table(s, i, facts_phrase_stops, 0, &e) != NULL && e == end)
		return true;
	return facts_match_table(s, i, facts_currencies, 0, &e) != NULL ||
	       facts_match_table(s, i, facts_incoterms, 0, &e) != NULL;
}

static bool is_hiragana(gunichar c)
{
	return c >= 0x3040 && c <= 0x309F;
}

/* Chinese puts the product after its counter ("200台水泵"), Japanese
 * before it ("ポンプを100台購入"): what follows a counter and runs into
 * kana particles is the rest of a Japanese sentence, never a product. */
static size_t cjk_phrase_end(const struct facts_scan *s, size_t i)
{
	size_t k = i;

	if (is_hiragana(facts_at(s, i)))
		return i;
	while (k < s->n && k - i < PHRASE_MAX_CJK && facts_is_cjk(s->cp[k]) &&
	       !facts_is_cjk_stop(s->cp[k]) && !is_hiragana(s->cp[k]))
		k++;
	if (is_hiragana(facts_at(s, k)))
		return i;
	return k - i >= PHRASE_MIN_CJK ? k : i;
}

/* Past "of", "de la", "من" between a quantity and its product: at most
 * PHRASE_MAX_SKIPS connectors, then at most one article. */
static size_t skip_connectors(const struct facts_scan *s, size_t j)
{
	size_t e;

	for (int n = 0; n < PHRASE_MAX_SKIPS; n++) {
		if (facts_match_table(s, j, facts_phrase_skips, FACTS_KW_NO_LEFT, &e) == NULL)
			break;
		j = facts_skip_hspace(s, e, 2);
	}
	if (facts_match_table(s, j, facts_phrase_articles, 0, &e) != NULL &&
	    facts_is_hspace(facts_at(s, e)))
		j = facts_skip_hspace(s, e, 2);
	return j;
}

void facts_find_phrase(struct facts_ctx *ctx, size_t i)
{
	struct facts_scan *s = &ctx->scan;
	size_t j = skip_connectors(s, facts_skip_hspace(s, i, 2)), k, end;
	int words = 0;

	/* Korean, like Japanese, names the product before its counter. */
	if ((i > 0 && facts_is_hangul(s->cp[i - 1])) || facts_is_hangul(facts_at(s, j)))
		return;
	if (facts_is_cjk(facts_at(s, j))) {
		end = cjk_phrase_end(s, j);
		if (end > j && !model_follows(s, end))
			facts_add_product(ctx, j, facts_slice(s, j, end, FACTS_MAX_PRODUCT_BYTES));
		return;
	}
	for (k = j, end = j; words < PHRASE_MAX_WORDS && facts_is_letter(facts_at(s, k));) {
		size_t we = phrase_word_end(s, k);

		bool connector;

		if (we == k || phrase_stop(s, k, we))
			break;
		connector = phrase_connector(s, k, we);
		if (connector && words == 0)
			break;
		if (!connector)
			end = we;
		words++;
		if (!facts_is_hspace(facts_at(s, we)) || !facts_is_letter(facts_at(s, we + 1)))
			break;
		k = we + 1;
	}
	if (end > j && end - j >= 3 && !model_follows(s, end))
		facts_add_product(ctx, j, facts_slice(s, j, end, FACTS_MAX_PRODUCT_BYTES));
}
