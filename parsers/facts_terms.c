/* facts_terms: reference, delivery time, Incoterm and destination (see
 * facts_int.h). */
#include <string.h>

#include "parsers/facts_int.h"
#include "data/lexicon.h"

#define REFERENCE_MAX 40
#define DELIVERY_WINDOW 48
#define DELIVERY_MAX_WORDS 8
#define DELIVERY_MAX_DAYS 3650
#define DELIVERY_LEADIN 24
#define PLACE_MAX_WORDS 4
#define PLACE_MAX_CJK 8
#define DESTINATION_MAX_FILLERS 4
/* Document numbers looked for: each costs a pass over the text. */
#define MAX_DOCUMENTS 8

static bool anchor_start(const struct facts_scan *s, size_t i)
{
	return !s->claimed[i] && facts_anchor_start(s, i);
}

/* ---- reference ---- */

static bool is_token_sep(gunichar c)
{
	return c == '-' || c == '/' || c == '_' || c == '.';
}

/* A reference token at i: letters and digits with inner - / _ . and at
 * least one digit. Without a marker ("No.", "#") after a plain word, it
 * must look like a number of its own: letters with digits ("Q-2026-118",
 * "BJ20261118"), or digits split by separators ("2026-118"). */
static bool reference_token(const struct facts_scan *s, size_t i, bool marked,
                            size_t *end_r)
{
	size_t k = i, digits = 0, letters = 0, seps = 0;

	if (!facts_is_word(facts_at(s, i)))
		return false;
	while (k < s->n && k - i <= REFERENCE_MAX) {
		gunichar c = s->cp[k];

		if (facts_is_digit(c))
			digits++;
		else if (facts_is_hangul(c))
			break;          /* a particle: "Q-2026-1140을" */
		else if (facts_is_word(c))
			letters++;
		else if (is_token_sep(c) && facts_is_word(facts_at(s, k + 1)))
			seps++;
		else
			break;
		k++;
	}
	if (k - i > REFERENCE_MAX || digits == 0)
		return false;
	if (!marked && !(letters > 0 || (seps > 0 && digits >= 3 && k - i >= 4)))
		return false;
	*end_r = k;
	return true;
}

/* "PI-2026-118", "PI2026118" standing alone. */
static bool bare_pi_number(const struct facts_scan *s, size_t i, size_t *end_r)
{
	size_t k = i + 2, digits = 0;

	if (!facts_word_start(s, i) || facts_orig(s, i) != 'P' || facts_orig(s, i + 1) != 'I')
		return false;
	if (is_token_sep(facts_at(s, k)) || facts_at(s, k) == '_')
		k++;
	if (!facts_is_digit(facts_at(s, k)) || !reference_token(s, i, true, end_r))
		return false;
	for (k = i; k < *end_r; k++)
		digits += facts_is_digit(s->cp[k]);
	return digits >= 3;
}

/* After an anchor ending at i: [marker] [:] token. */
static bool reference_after(const struct facts_scan *s, size_t i, const char *kind,
                            size_t *start_r, size_t *end_r, bool *marked_r)
{
	bool marked = strcmp(kind, "marked") == 0;
	size_t j = facts_skip_hspace(s, i, 3), e;

	if (!marked && facts_match_table(s, j, facts_reference_markers,
	                                 FACTS_KW_NO_LEFT | FACTS_KW_DIGIT_RIGHT, &e) != NULL) {
		marked = true;
		j = facts_skip_hspace(s, e, 3);
	}
	if (strcmp(kind, "weak") == 0 && !marked)
		return false;
	while (j < s->n && (s->cp[j] == ':' || s->cp[j] == '#' || s->cp[j] == '=') &&
	       j - i < 8)
		j = facts_skip_hspace(s, j + 1, 3);
	if (!reference_token(s, j, marked, end_r))
		return false;
	*start_r = j;
	*marked_r = marked;
	return true;
}

/* Trailing dots and dashes are the sentence's, not the number's. */
static size_t token_trim(const struct facts_scan *s, size_t start, size_t end)
{
	while (end > start && is_token_sep(s->cp[end - 1]))
		end--;
	return end;
}

/* True when the token [start, end) is also written at i, as a whole
 * token. */
static bool same_token_at(const struct facts_scan *s, size_t i, size_t start,
                          size_t end)
{
	size_t len = end - start, k;

	if (i + len > s->n || (i > 0 && (facts_is_word(s->cp[i - 1]) ||
	                                 is_token_sep(s->cp[i - 1]))))
		return false;
	for (k = 0; k < len; k++)
		if (s->cp[i + k] != s->cp[start + k])
			return false;
	k = i + len;
	/* "Q-2026-118.pdf" is the same number; "Q-2026-118-A" another. */
	return !facts_is_word(facts_at(s, k)) &&
	       !(is_token_sep(facts_at(s, k)) && facts_is_digit(facts_at(s, k + 1))) &&
	       !(is_token_sep(facts_at(s, k)) && facts_at(s, k) != '.' &&
	         facts_is_word(facts_at(s, k + 1)));
}

/* A document number is one wherever it is written: "Q-2026-118" in the
 * subject is no model number because the text says "Quotation No.
 * Q-2026-118". Only one with letters could be taken for a model; "118"
 * elsewhere may well be a quantity. */
static void claim_everywhere(struct facts_scan *s, size_t start, size_t end)
{
	bool letter = false;

	facts_claim(s, start, end);
	for (size_t k = start; k < end; k++)
		letter |= facts_is_letter(s->cp[k]);
	if (!letter)
		return;
	for (size_t i = 0; i + (end - start) <= s->n; i++)
		if (s->cp[i] == s->cp[start] && same_token_at(s, i, start, end))
			facts_claim(s, i, i + (end - start));
}

/* Tender, RFQ, order and invoice numbers: no quotation reference, but no
 * model number or quantity either. Unmarked ones need 4 digits, so that
 * "Tender: XP-500 pumps" still names a model. */
static void find_documents(struct facts_ctx *ctx)
{
	struct facts_scan *s = &ctx->scan;
	const struct facts_kw *a;
	size_t e, start, end, digits;
	bool marked;
	int found = 0;

	for (size_t i = 0; i < s->n && found < MAX_DOCUMENTS; i++) {
		if (!anchor_start(s, i) ||
		    (a = facts_match_table(s, i, facts_document_anchors, 0, &e)) == NULL ||
		    !reference_after(s, e, a->value, &start, &end, &marked))
			continue;
		end = token_trim(s, start, end);
		digits = 0;
		for (size_t k = start; k < end; k++)
			digits += facts_is_digit(s->cp[k]);
		if (!marked && digits < 4)
			continue;
		claim_everywhere(s, start, end);
		found++;
		i = end - 1;
	}
}

void facts_find_reference(struct facts_ctx *ctx)
{
	struct facts_scan *s = &ctx->scan;
	const struct facts_kw *a;
	size_t e, start, end;
	bool marked;

	for (size_t i = 0; i < s->n; i++) {
		if (!anchor_start(s, i))
			continue;
		a = facts_match_table(s, i, facts_reference_anchors, 0, &e);
		if (a != NULL && reference_after(s, e, a->value, &start, &end, &marked)) {
			;
		} else if (bare_pi_number(s, i, &end)) {
			start = i;
		} else {
			continue;
		}
		end = token_trim(s, start, end);
		ctx->facts->reference = facts_slice(s, start, end, FACTS_MAX_TEXT_BYTES);
		facts_claim(s, i, end);
		claim_everywhere(s, start, end);
		break;
	}
	find_documents(ctx);
}

/* ---- delivery time ---- */

/* The second number of a range ("4-6", "30 to 45", "四至六"). */
static bool range_upper(const struct facts_scan *s, size_t i, double low,
                        double *high_r, size_t *end_r)
{
	struct facts_number num;
	size_t j = facts_skip_hspace(s, i, 2), e;

	if (facts_match_table(s, j, facts_range_words, FACTS_KW_NO_LEFT, &e) == NULL)
		return false;
	j = facts_skip_hspace(s, e, 2);
	if (facts_is_digit(facts_at(s, j))) {
		if (facts_is_digit(facts_at(s, j - 1)) || !facts_number_at(s, j, &num))
			return false;
		*high_r = num.value;
		*end_r = num.end;
	} else if (!facts_count_at(s, j, high_r, end_r)) {
		return false;
	}
	return *high_r >= low;
}

static int duration_days(double value, const char *kind)
{
	double days = value;

	if (strcmp(kind, "w") == 0)
		days = value * 7;
	else if (strcmp(kind, "m") == 0)
		days = value * 30;
	else if (strcmp(kind, "wd") == 0)
		days = value * 7 / 5;      /* working days as calendar days */
	if (!(days >= 0) || days > DELIVERY_MAX_DAYS)
		return -1;
	/* Rounded up: 25 working days are 35 days, 1.5 weeks 11. */
	return (int)days + (days - (int)days > 1e-9);
}

/* "11月30日", "11월 30일": a date, not 30 days. */
static bool after_month(const struct facts_scan *s, size_t i)
{
	size_t k = i;

	if (k > 0 && facts_is_hspace(s->cp[k - 1]))
		k--;
	return k > 0 && (s->cp[k - 1] == 0x6708 || s->cp[k - 1] == 0xC6D4);   /* 月 월 */
}

/* "30 days", "4-6 weeks", "25 working days", "两周", "30天", "45 dias
 * úteis": the duration at i, its end and its length in days. */
static bool duration_at(const struct facts_scan *s, size_t i, size_t *end_r,
                        int *days_r)
{
	const struct facts_kw *before = NULL, *unit, *after;
	const char *kind;
	double value, high;
	size_t e, j;

	if (!facts_count_at(s, i, &value, &e) || after_month(s, i))
		return false;
	if (range_upper(s, e, value, &high, &j)) {
		value = high;
		e = j;
	}
	j = facts_skip_hspace(s, e, 2);
	before = facts_match_table(s, j, facts_workday_before, 0, &e);
	if (before != NULL)
		j = facts_skip_hspace(s, e, 2);
	unit = facts_match_table(s, j, facts_duration_units, FACTS_KW_NO_LEFT, &e);
	if (unit == NULL)
		return false;
	kind = unit->value;
	if (before != NULL && strcmp(kind, "d") == 0)
		kind = before->value;
	after = facts_match_table(s, facts_skip_hspace(s, e, 1), facts_workday_after, 0, &j);
	if (after != NULL && strcmp(kind, "d") == 0) {
		kind = after->value;
		e = j;
	}
	*end_r = e;
	*days_r = duration_days(value, kind);
	return true;
}

/* Past the words that may stand between an anchor and what it says:
 * ":", "is", "will be"; a known place is never skipped ("Le Havre"). */
static size_t skip_fillers(const struct facts_scan *s, size_t i)
{
	size_t j = facts_skip_hspace(s, i, 3), e;

	for (int n = 0; n < DESTINATION_MAX_FILLERS; n++) {
		if (facts_place_at(s, j, &e) != NULL ||
		    facts_match_table(s, j, facts_destination_fillers, FACTS_KW_NO_LEFT, &e) == NULL)
			break;
		j = facts_skip_hspace(s, e, 3);
	}
	return j;
}

/* Where the delivery time as written starts: the duration at i, with
 * "within", "ca.", "в течение" before it (from `from` on); i when none
 * is there, or when `bounding` and the one there does not say "within". */
static size_t delivery_text_start(const struct facts_scan *s, size_t from, size_t i,
                                  bool bounding)
{
	const struct facts_kw *l;
	size_t k = i > DELIVERY_LEADIN ? i - DELIVERY_LEADIN : 0, e;

	for (k = k < from ? from : k; k < i; k++)
		if (facts_anchor_start(s, k) &&
		    (l = facts_match_table(s, k, facts_delivery_leadins, 0, &e)) != NULL &&
		    facts_skip_hspace(s, e, 2) == i)
			return !bounding || strcmp(l->value, "within") == 0 ? k : i;
	return i;
}

/* "30天内", "60日以内", "40일 이내": "within" said after the duration. */
static bool bounded_after(const struct facts_scan *s, size_t end)
{
	size_t e;

	return facts_match_table(s, facts_skip_hspace(s, end, 1), facts_within_after,
	                         FACTS_KW_NO_LEFT, &e) != NULL;
}

/* After an anchor ending at i, the first duration in the clause. After
 * a verb or the goods ("entregar", "die Ware"), a payment, validity or
 * warranty word in between makes it no delivery time; after the goods,
 * only a duration said with "within" is one: "we'd need the goods within
 * 45 days". */
static bool delivery_after(struct facts_ctx *ctx, size_t i, const char *kind)
{
	bool goods = strcmp(kind, "goods") == 0, guarded = strcmp(kind, "d") != 0;

	struct facts_scan *s = &ctx->scan;
	size_t from = skip_fillers(s, i), k = from, end;
	int words = 0, days;

	while (k < s->n && k - from < DELIVERY_WINDOW && words < DELIVERY_MAX_WORDS &&
	       !facts_is_stop(s, k)) {
		if (!s->claimed[k] && duration_at(s, k, &end, &days)) {
			size_t start = delivery_text_start(s, from, k, goods);

			if ((goods && start == k && !bounded_after(s, end)) ||
			    (guarded && facts_table_in(s, i, k, facts_not_delivery_words)))
				return false;

			ctx->facts->delivery_time = facts_slice(s, start, end, FACTS_MAX_TEXT_BYTES);
			ctx->facts->delivery_days = days;
			/* Only the duration: "delivery to Brazil" is a destination. */
			facts_claim(s, k, end);
			return true;
		}
		if (facts_is_word(s->cp[k])) {
			k = facts_word_end(s, k);
			words++;
		} else {
			k++;
		}
	}
	return false;
}

struct delivery_anchor {
	const struct facts_kw *kw;
	size_t end;
};

void facts_find_delivery(struct facts_ctx *ctx)
{
	struct facts_scan *s = &ctx->scan;
	const struct facts_kw *a;
	GArray *later = NULL;
	size_t e;

	/* "Delivery time: 30 days" wins over "we can ship in 4 weeks" or "the
	 * goods within 45 days" said before it: those are kept for after. (Only
	 * a delivery time found claims anything, so they are the anchors a
	 * second pass over the text would find.) */
	for (size_t i = 0; i < s->n; i++) {
		if (!anchor_start(s, i) ||
		    (a = facts_match_table(s, i, facts_delivery_anchors, 0, &e)) == NULL)
			continue;
		if (strcmp(a->value, "d") != 0) {
			struct delivery_anchor d = { a, e };

			if (later == NULL)
				later = g_array_new(FALSE, FALSE, sizeof(d));
			g_array_append_val(later, d);
		} else if (delivery_after(ctx, e, a->value)) {
			goto out;
		}
	}
	for (guint k = 0; later != NULL && k < later->len; k++) {
		const struct delivery_anchor *d = &g_array_index(later, struct delivery_anchor, k);

		if (delivery_after(ctx, d->end, d->kw->value))
			break;
	}
out:
	if (later != NULL)
		g_array_free(later, TRUE);
}

/* ---- named places ---- */

static bool has_case(gunichar c)
{
	return g_unichar_isupper(c) || g_unichar_islower(c);
}

/* The end of a place word at i (letters, inner ' and -), or i. */
static size_t place_word_end(const struct facts_scan *s, size_t i)
{
	size_t k = i;

	while (k < s->n && k - i < 40) {
		gunichar c = s->cp[k];

		if (facts_is_letter(c) && !facts_is_cjk(c))
			k++;
		else if ((c == '-' || c == '\'' || c == '.') && k > i &&
		         facts_is_letter(facts_at(s, k + 1)) && !facts_is_cjk(facts_at(s, k + 1)))
			k++;
		else
			break;
	}
	/* "B12345678", "B-12345678": a code, not a name. */
	if (facts_is_digit(facts_at(s, k)) ||
	    (facts_at(s, k) == '-' && facts_is_digit(facts_at(s, k + 1))) || k - i < 2)
		return i;
	return k;
}

static bool place_stop_word(const struct facts_scan *s, size_t i, size_t word_end)
{
	size_t e;

	if (facts_match_table(s, i, facts_place_stops, 0, &e) != NULL && e == word_end)
		return true;
	if (facts_match_table(s, i, facts_currencies, 0, &e) != NULL)
		return true;
	return facts_match_table(s, i, facts_incoterms, 0, &e) != NULL;
}

static bool is_hiragana(gunichar c)
{
	return c >= 0x3040 && c <= 0x309F;
}

/* A Korean name is one word, without the particles glued to it
 * ("목포이며" is 목포): the longest particle ending the word that leaves
 * two syllables. */
static size_t hangul_place(const struct facts_scan *s, size_t i)
{
	size_t we = place_word_end(s, i);

	if (we == i || place_stop_word(s, i, we))
		return i;
	for (size_t k = i + 2; k < we; k++)
		if (facts_korean_particles_end(s, k) == we)
			return k;
	return we;
}

/* An unknown name: "Ningbo Beilun", "our factory", "宁波北仑", "جدة". */
static size_t unknown_place(const struct facts_scan *s, size_t i)
{
	size_t k = i, end = i, e;
	bool lower_ok, caseless = !has_case(facts_orig(s, i));
	int words = 0;

	if (facts_is_cjk(facts_at(s, i))) {
		/* Japanese kana particles end a name: "横浜での". */
		while (k < s->n && k - i < PLACE_MAX_CJK && facts_is_cjk(s->cp[k]) &&
		       !facts_is_cjk_stop(s->cp[k]) && !is_hiragana(s->cp[k]) &&
		       facts_match_table(s, k, facts_place_suffixes, 0, &e) == NULL)
			k++;
		return k - i >= 2 ? k : i;
	}
	if (facts_is_hangul(facts_at(s, i)))
		return hangul_place(s, i);
	if (!facts_is_letter(facts_at(s, i)))
		return i;
	lower_ok = facts_match_table(s, i, facts_place_lower_starts, 0, &e) != NULL;
	if (!lower_ok && g_unichar_islower(facts_orig(s, i)))
		return i;
	while (words < (caseless ? 2 : PLACE_MAX_WORDS)) {
		size_t we = place_word_end(s, k);

		if (we == k || place_stop_word(s, k, we))
			break;
		if (facts_match_table(s, k, facts_place_suffixes, 0, &e) != NULL && e == we &&
		    words > 0)
			break;
		if (!lower_ok && !caseless && g_unichar_islower(facts_orig(s, k)))
			break;
		end = we;
		words++;
		if (!facts_is_hspace(facts_at(s, we)) || facts_is_hspace(facts_at(s, we + 1)))
			break;
		k = we + 1;
	}
	return end;
}

bool facts_place_after(const struct facts_scan *s, size_t i, size_t *start_r,
                       size_t *end_r, const struct facts_place **place_r,
                       const char **country_r)
{
	const struct facts_place *p, *c;
	size_t j = facts_skip_hspace(s, i, 3), end, e;

	if (facts_at(s, j) == ':' || (facts_at(s, j) == '-' && j > i))
		j = facts_skip_hspace(s, j + 1, 3);
	/* "port of Santos", but "Port Klang" is a name. */
	if (facts_place_at(s, j, &end) == NULL &&
	    facts_match_table(s, j, facts_place_prefixes, 0, &e) != NULL)
		j = facts_skip_hspace(s, e, 2);
	*place_r = NULL;
	*country_r = NULL;
	if ((p = facts_place_at(s, j, &end)) != NULL) {
		*place_r = p;
	} else {
		if (facts_match_table(s, j, facts_place_stops, 0, &e) != NULL)
			return false;
		end = unknown_place(s, j);
		if (end == j)
			return false;
	}
	/* "Shanghai, China" */
	e = facts_skip_hspace(s, end, 1);
	if (facts_at(s, e) == ',' &&
	    (c = facts_place_at(s, facts_skip_hspace(s, e + 1, 2), &e)) != NULL &&
	    c->port == NULL) {
		*country_r = c->country;
		end = e;
	}
	*start_r = j;
	*end_r = end;
	return true;
}

/* ---- Incoterm and destination ---- */

static bool destination_set(const struct trade_facts *f)
{
	return f->destination_port != NULL || f->destination_country != NULL;
}

/* Port and country from a place: the table's English name and code when
 * known; an unknown name only when `unknown_is_port`. */
static void set_destination(struct facts_ctx *ctx, size_t start, size_t end,
                            const struct facts_place *p, const char *country,
                            bool unknown_is_port)
{
	struct trade_facts *f = ctx->facts;
	struct facts_scan *s = &ctx->scan;

	if (p != NULL) {
		f->destination_port = g_strdup(p->port);
		f->destination_country = g_strdup(p->country);
	} else if (unknown_is_port && !g_unichar_islower(facts_orig(s, start))) {
		f->destination_port = facts_slice(s, start, end, FACTS_MAX_TEXT_BYTES);
	}
	if (f->destination_country == NULL && country != NULL)
		f->destination_country = g_strdup(country);
}

/* Not an Incoterm although written like one: a Spanish tax number
 * ("CIF: B12345678", whose number is claimed), an acronym being spelt out
 * ("Financial Conduct Authority (FCA)"). */
static bool not_a_rule(struct facts_scan *s, size_t i, size_t end)
{
	size_t j = facts_skip_hspace(s, end, 2), k, digits = 0;

	if (i > 0 && s->cp[i - 1] == '(' && facts_at(s, end) == ')')
		return true;
	if (facts_at(s, j) == ':' || facts_at(s, j) == '.' || facts_at(s, j) == '-')
		j = facts_skip_hspace(s, j + 1, 2);
	for (k = j; k < s->n && k - j < 16 && (facts_is_word(s->cp[k]) || s->cp[k] == '-'); k++)
		digits += facts_is_digit(s->cp[k]);
	/* Tax numbers have 8 or 9 digits; "FOB 2026" is a year. */
	if (digits < 7 || facts_place_at(s, j, &end) != NULL)
		return false;
	facts_claim(s, j, k);
	return true;
}

/* C- and D-terms name the destination; E- and F-terms the origin. */
static bool names_destination(const char *rule)
{
	return rule[0] == 'C' || rule[0] == 'D';
}

void facts_find_incoterm(struct facts_ctx *ctx)
{
	struct facts_scan *s = &ctx->scan;
	struct trade_facts *f = ctx->facts;
	const struct facts_kw *t;
	const struct facts_place *p;
	const char *country;
	size_t e, start, end;
	bool have_dest = false;
	size_t dest_start = 0, dest_end = 0;
	const struct facts_place *dest_p = NULL;
	const char *dest_country = NULL;

	for (size_t i = 0; i < s->n; i++) {
		if (!facts_word_start(s, i) ||
		    (t = facts_match_table(s, i, facts_incoterms, 0, &e)) == NULL ||
		    not_a_rule(s, i, e))
			continue;
		if (f->incoterm == NULL)
			f->incoterm = g_strdup(t->value);
		if (!facts_place_after(s, e, &start, &end, &p, &country)) {
			i = e - 1;
			continue;
		}
		if (f->incoterm_place == NULL && strcmp(f->incoterm, t->value) == 0)
			f->incoterm_place = facts_slice(s, start, end, FACTS_MAX_TEXT_BYTES);
		if (!have_dest && names_destination(t->value)) {
			have_dest = true;
			dest_start = start;
			dest_end = end;
			dest_p = p;
			dest_country = country;
		}
		i = end - 1;
	}
	/* An explicit destination (found before) wins. */
	if (have_dest && !destination_set(f))
		set_destination(ctx, dest_start, dest_end, dest_p, dest_country, true);
}

/* "to Hamburg port", "to the port of Santos". */
static bool to_port_at(struct facts_ctx *ctx, size_t i)
{
	struct facts_scan *s = &ctx->scan;
	const struct facts_place *p;
	const char *country;
	size_t e = facts_match(s, i, "to", 0), start, end, sfx;

	if (e == 0)
		return false;
	if (facts_match(s, facts_skip_hspace(s, e, 2), "the port of", 0) != 0 ||
	    facts_match(s, facts_skip_hspace(s, e, 2), "port of", 0) != 0) {
		if (!facts_place_after(s, e, &start, &end, &p, &country))
			return false;
		set_destination(ctx, start, end, p, country, true);
		return destination_set(ctx->facts);
	}
	if (!facts_place_after(s, e, &start, &end, &p, &country))
		return false;
	sfx = facts_skip_hspace(s, end, 1);
	if (facts_match_table(s, sfx, facts_place_suffixes, 0, &sfx) == NULL)
		return false;
	set_destination(ctx, start, end, p, country, true);
	return destination_set(ctx->facts);
}

void facts_find_destination(struct facts_ctx *ctx)
{
	struct facts_scan *s = &ctx->scan;
	const struct facts_kw *a;
	const struct facts_place *p;
	const char *country;
	size_t e, j, start, end;

	for (size_t i = 0; i < s->n && !destination_set(ctx->facts); i++) {
		if (!anchor_start(s, i))
			continue;
		a = facts_match_table(s, i, facts_destination_anchors, 0, &e);
		if (a == NULL) {
			if (facts_word_start(s, i) && to_port_at(ctx, i))
				return;
			continue;
		}
		j = skip_fillers(s, e);
		if (!facts_place_after(s, j, &start, &end, &p, &country))
			continue;
		if (p == NULL && strcmp(a->value, "port") != 0)
			continue;
		set_destination(ctx, start, end, p, country, true);
	}
}
