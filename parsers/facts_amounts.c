/* facts_amounts: prices, MOQ and quantities (see facts_int.h). */
#include <string.h>

#include "parsers/facts_int.h"
#include "data/lexicon.h"

/* How far a price looks back for "total", "每". */
#define TOTAL_LOOKBACK 24
#define PER_EACH_LOOKBACK 4
/* How far after "MOQ" its quantity may be. */
#define MOQ_WINDOW 48
#define MAX_CONTAINERS 1000
#define MAX_AMOUNT 1e12

static const struct facts_kw *unit_at(const struct facts_scan *s, size_t i,
                                      bool spaced, size_t *end_r)
{
	const struct facts_kw *u = facts_match_table(s, i, facts_units,
	                                             FACTS_KW_NO_LEFT, end_r);

	if (u != NULL && u->flags & FACTS_KW_SPACED && !spaced)
		return NULL;
	/* "5l", "20t" glued, but "304L" and "316L" are steel grades. */
	if (u != NULL && !spaced && *end_r == i + 1 && g_unichar_isupper(facts_orig(s, i)))
		return NULL;
	return u;
}

const char *facts_container_size_at(const struct facts_scan *s, size_t i,
                                    size_t *end_r)
{
	const unsigned glued = FACTS_KW_NO_LEFT | FACTS_KW_DIGIT_RIGHT;
	const char *unit;
	size_t k = i + 2, j, e;
	bool named = false;

	if (!facts_is_digit(facts_at(s, i)) || !facts_is_digit(facts_at(s, i + 1)) ||
	    facts_is_digit(facts_at(s, i + 2)))
		return NULL;
	if (s->cp[i] == '2' && s->cp[i + 1] == '0')
		unit = "20ft";
	else if (s->cp[i] == '4' && s->cp[i + 1] == '0')
		unit = "40ft";
	else if (s->cp[i] == '4' && s->cp[i + 1] == '5')
		unit = "45ft";
	else
		return NULL;
	/* "40HQ", "40'HQ", "40 ft HC", "20-GP", "40尺" */
	for (int part = 0; part < 2; part++) {
		j = k;
		if (facts_at(s, j) == ' ' || facts_at(s, j) == '-')
			j++;
		if (facts_match_table(s, j, facts_container_suffixes, glued, &e) == NULL)
			break;
		k = e;
		named = true;
	}
	/* "container", "柜" */
	j = facts_skip_hspace(s, k, 2);
	if (facts_match_table(s, j, facts_container_words, FACTS_KW_NO_LEFT, &e) != NULL) {
		k = e;
		named = true;
	}
	if (!named)
		return NULL;
	*end_r = k;
	return unit;
}

/* "1x40HQ", "2 x 20GP", "one 40ft container", "两个40尺柜". */
static const char *container_at(const struct facts_scan *s, size_t i,
                                double *count_r, size_t *end_r)
{
	const unsigned glued = FACTS_KW_NO_LEFT | FACTS_KW_DIGIT_RIGHT;
	size_t k, j, e;
	double count;

	if (!facts_count_at(s, i, &count, &k))
		return NULL;
	if (count < 1 || count > MAX_CONTAINERS || count != (double)(long)count)
		return NULL;
	j = facts_skip_hspace(s, k, 2);
	if (facts_match_table(s, j, facts_container_times, glued, &e) != NULL)
		j = facts_skip_hspace(s, e, 2);
	else if (j == k)
		return NULL;
	*count_r = count;
	return facts_container_size_at(s, j, end_r);
}

/* "containers of 40 ft", "contenedores de 40 pies", "containers (40HQ)":
 * the size said after the container word ending at i. */
static const char *size_after_containers(const struct facts_scan *s, size_t i,
                                         size_t *end_r)
{
	const char *size;
	size_t j = facts_skip_hspace(s, i, 2), e;
	bool paren = false;

	if (facts_at(s, j) == '(') {
		paren = true;
		j = facts_skip_hspace(s, j + 1, 1);
	} else if (facts_match_table(s, j, facts_phrase_skips, 0, &e) != NULL) {
		j = facts_skip_hspace(s, e, 2);
	}
	if ((size = facts_container_size_at(s, j, &e)) == NULL)
		return NULL;
	if (paren) {
		if (facts_at(s, e) != ')')
			return NULL;
		e++;
	}
	*end_r = e;
	return size;
}

/* A quantity at the number starting at i: value, unit, end. */
static const char *number_quantity_at(const struct facts_scan *s, size_t i,
                                      double *value_r, size_t *end_r)
{
	struct facts_number num, upper;
	const struct facts_kw *u;
	const char *size;
	size_t k, j, e;
	gunichar c;

	if (!facts_number_at(s, i, &num))
		return NULL;
	*value_r = num.value;
	k = num.end;
	/* "500-1000 pcs": the upper bound. */
	c = facts_at(s, k);
	if ((c == '-' || c == '~') && facts_number_at(s, k + 1, &upper) &&
	    upper.value > num.value) {
		*value_r = upper.value;
		k = upper.end;
	}
	if (*value_r <= 0 || *value_r > MAX_AMOUNT)
		return NULL;
	c = facts_at(s, k);
	if (c == '%' || ((c == ':' || c == '/' || c == '.' || c == ',') &&
	                 facts_is_digit(facts_at(s, k + 1))))
		return NULL;
	j = facts_skip_hspace(s, k, 1);
	if ((u = unit_at(s, j, j > k, end_r)) == NULL)
		return NULL;
	if (strcmp(u->value, "containers") == 0 &&
	    (size = size_after_containers(s, *end_r, &e)) != NULL) {
		*end_r = e;
		return size;
	}
	return u->value;
}

/* The unit a price is per, after its amount ending at i. */
static const char *per_at(const struct facts_scan *s, size_t i, size_t *end_r)
{
	const struct facts_kw *w, *u;
	const char *size;
	size_t j = facts_skip_hspace(s, i, 2), e;

	if (facts_at(s, j) == '/') {
		j = facts_skip_hspace(s, j + 1, 1);
	} else if ((w = facts_match_table(s, j, facts_per_units, 0, &e)) != NULL) {
		*end_r = e;
		return w->value;
	} else if (facts_match_table(s, j, facts_per_words, 0, &e) != NULL) {
		j = facts_skip_hspace(s, e, 2);
		if (facts_match_table(s, j, facts_articles, 0, &e) != NULL &&
		    facts_is_hspace(facts_at(s, e)))
			j = facts_skip_hspace(s, e, 2);
	} else {
		return NULL;
	}
	if ((size = facts_container_size_at(s, j, end_r)) != NULL)
		return size;
	u = unit_at(s, j, true, end_r);
	return u != NULL ? u->value : NULL;
}

/* "每台410美元": the unit is said before the price. */
static const char *per_before(const struct facts_scan *s, size_t start)
{
	size_t from = start > PER_EACH_LOOKBACK ? start - PER_EACH_LOOKBACK : 0, e;
	const struct facts_kw *u;

	for (size_t k = from; k < start; k++) {
		if (s->cp[k] != 0x6BCF)         /* 每 */
			continue;
		u = unit_at(s, k + 1, false, &e);
		if (u != NULL && e <= start)
			return u->value;
	}
	return NULL;
}

/* The total word said with the amount [start, end): before it on its line
 * ("Total: USD 12,345.00", "TOTAL CIF Hamburg USD 12,000"), else "in
 * total" after it; NULL when none. */
static const struct facts_kw *said_total(const struct facts_scan *s, size_t start,
                                         size_t end)
{
	const struct facts_kw *kw;
	size_t from = start;

	while (from > 0 && start - from < TOTAL_LOOKBACK && s->cp[from - 1] != '\n')
		from--;
	if ((kw = facts_table_in(s, from, start, facts_total_words)) != NULL)
		return kw;
	/* "USD 82,000 in total" */
	from = facts_skip_hspace(s, end, 2);
	return facts_match_table(s, from, facts_total_words, 0, &from);
}

/* The amount after a currency said first ("USD 410", "$4.10", "€12,50"). */
static bool amount_after(const struct facts_scan *s, size_t i, struct facts_number *num_r)
{
	size_t j = facts_skip_hspace(s, i, 2);

	if (facts_at(s, j) == ':')
		j = facts_skip_hspace(s, j + 1, 2);
	if (!facts_is_digit(facts_at(s, j)) || facts_is_digit(facts_at(s, j - 1)))
		return false;
	return facts_number_at(s, j, num_r);
}

/* Past a range's upper bound: "4.10-4.50" keeps 4.10 as the price. */
static size_t skip_range(const struct facts_scan *s, size_t i)
{
	struct facts_number upper;
	size_t j = facts_skip_hspace(s, i, 1);

	if ((facts_at(s, j) == '-' || facts_at(s, j) == '~') &&
	    facts_number_at(s, facts_skip_hspace(s, j + 1, 1), &upper))
		return upper.end;
	return i;
}

static void price_found(struct facts_ctx *ctx, const char *currency,
                        double amount, size_t start, size_t end)
{
	struct facts_scan *s = &ctx->scan;
	const struct facts_kw *total;
	const char *per;
	size_t per_end;

	end = skip_range(s, end);
	per = per_at(s, end, &per_end);
	if (per != NULL)
		end = per_end;
	else
		per = per_before(s, start);
	facts_claim(s, start, end);
	if (amount <= 0 || amount > MAX_AMOUNT)
		return;
	/* A total is no price of the goods; the document's total is kept as
	 * such, a subtotal not at all. */
	if (per == NULL && (total = said_total(s, start, end)) != NULL) {
		if (strcmp(total->value, "total") == 0)
			facts_set_total(ctx, currency, amount, start, end);
		return;
	}
	facts_add_price(ctx, currency, amount, per, start, end);
}

void facts_find_prices(struct facts_ctx *ctx)
{
	struct facts_scan *s = &ctx->scan;
	struct facts_number num;
	const struct facts_kw *cur;
	size_t i = 0, e, j;

	while (i < s->n) {
		if (s->claimed[i]) {
			i++;
			continue;
		}
		/* A currency never starts inside a word ("USD" in "XUSD"). */
		cur = NULL;
		if (!facts_is_word(s->cp[i]) || facts_word_start(s, i))
			cur = facts_match_table(s, i, facts_currencies, 0, &e);
		/* "$" after letters is some other dollar ("NZ$" is listed). */
		if (cur != NULL && s->cp[i] == '$' && i > 0 && facts_is_letter(s->cp[i - 1]))
			cur = NULL;
		if (cur != NULL && amount_after(s, e, &num)) {
			price_found(ctx, cur->value, num.value, i, num.end);
			i = num.end;
			continue;
		}
		if (facts_number_start(s, i) && facts_number_at(s, i, &num)) {
			j = facts_skip_hspace(s, num.end, 1);
			cur = facts_match_table(s, j, facts_currencies, FACTS_KW_NO_LEFT, &e);
			if (cur != NULL)
				price_found(ctx, cur->value, num.value, i, e);
			i = cur != NULL ? e : num.end;
			continue;
		}
		i++;
	}
}

/* A quantity, with or without unit, at i; false when none. */
static bool any_quantity_at(const struct facts_scan *s, size_t i, double *value_r,
                            const char **unit_r, bool *has_unit_r, size_t *end_r)
{
	struct facts_number num;
	gunichar c;

	if ((*unit_r = container_at(s, i, value_r, end_r)) != NULL) {
		*has_unit_r = true;
		return true;
	}
	if (!facts_number_start(s, i))
		return false;
	if ((*unit_r = number_quantity_at(s, i, value_r, end_r)) != NULL) {
		*has_unit_r = true;
		return true;
	}
	if (!facts_number_at(s, i, &num) || num.value <= 0 || num.value > MAX_AMOUNT)
		return false;
	c = facts_at(s, num.end);
	if (c == '%' || c == ':' || c == '/')
		return false;
	*value_r = num.value;
	*unit_r = NULL;
	*has_unit_r = false;
	*end_r = num.end;
	return true;
}

/* "MOQ: 500 pcs", "minimum order quantity 500", "起订量500台": the first
 * quantity with a unit in the clause after the anchor, else the first
 * number. */
static bool moq_after_anchor(struct facts_ctx *ctx, size_t anchor, size_t i)
{
	struct facts_scan *s = &ctx->scan;
	struct trade_facts *f = ctx->facts;
	double value, bare_value = 0;
	const char *unit;
	size_t end, bare_end = 0;
	bool has_unit;

	for (size_t k = i; k < s->n && k - i < MOQ_WINDOW && !facts_is_stop(s, k); k++) {
		if (s->claimed[k])
			continue;
		if (!facts_is_digit(s->cp[k]) && !facts_word_start(s, k) &&
		    !facts_is_cjk(s->cp[k]))
			continue;
		if (!any_quantity_at(s, k, &value, &unit, &has_unit, &end))
			continue;
		if (has_unit) {
			f->moq.value = value;
			f->moq.unit = g_strdup(unit);
			f->moq.text = facts_slice(s, anchor, end, FACTS_MAX_TEXT_BYTES);
			f->has_moq = true;
			facts_claim(s, anchor, end);
			return true;
		}
		if (bare_end == 0) {
			bare_value = value;
			bare_end = end;
		}
		k = end - 1;
	}
	if (bare_end == 0)
		return false;
	f->moq.value = bare_value;
	f->moq.text = facts_slice(s, anchor, bare_end, FACTS_MAX_TEXT_BYTES);
	f->has_moq = true;
	facts_claim(s, anchor, bare_end);
	return true;
}

/* "500台起订": the MOQ said after its quantity. */
static bool moq_before_marker(struct facts_ctx *ctx, size_t i)
{
	struct facts_scan *s = &ctx->scan;
	struct trade_facts *f = ctx->facts;
	const char *unit;
	double value;
	size_t end, e;

	if (!facts_number_start(s, i) ||
	    (unit = number_quantity_at(s, i, &value, &end)) == NULL)
		return false;
	if (facts_match_table(s, facts_skip_hspace(s, end, 1), facts_moq_after,
	                      FACTS_KW_NO_LEFT, &e) == NULL)
		return false;
	f->moq.value = value;
	f->moq.unit = g_strdup(unit);
	f->moq.text = facts_slice(s, i, e, FACTS_MAX_TEXT_BYTES);
	f->has_moq = true;
	facts_claim(s, i, e);
	return true;
}

void facts_find_moq(struct facts_ctx *ctx)
{
	struct facts_scan *s = &ctx->scan;
	size_t e;

	for (size_t i = 0; i < s->n; i++) {
		if (s->claimed[i])
			continue;
		if (facts_anchor_start(s, i) &&
		    facts_match_table(s, i, facts_moq_anchors, 0, &e) != NULL &&
		    moq_after_anchor(ctx, i, e))
			return;
		if (moq_before_marker(ctx, i))
			return;
	}
}

/* "Qty: 500" with no unit: the quantity as the anchor says it. */
static size_t bare_quantity_at(struct facts_ctx *ctx, size_t anchor, size_t i)
{
	struct facts_scan *s = &ctx->scan;
	double value;
	const char *unit;
	size_t j = facts_skip_hspace(s, i, 2), end;
	bool has_unit;

	if (facts_at(s, j) == ':' || facts_at(s, j) == '=' || facts_at(s, j) == '-')
		j = facts_skip_hspace(s, j + 1, 2);
	if (s->claimed[j] || !facts_is_digit(facts_at(s, j)) ||
	    !any_quantity_at(s, j, &value, &unit, &has_unit, &end) || has_unit)
		return i;
	facts_add_quantity(ctx, value, NULL, anchor, end);
	facts_claim(s, anchor, end);
	return end;
}

void facts_find_quantities(struct facts_ctx *ctx)
{
	struct facts_scan *s = &ctx->scan;
	const char *unit;
	double value;
	size_t i = 0, end;

	while (i < s->n) {
		if (s->claimed[i]) {
			i++;
			continue;
		}
		if (facts_anchor_start(s, i) &&
		    facts_match_table(s, i, facts_quantity_anchors, 0, &end) != NULL) {
			size_t next = bare_quantity_at(ctx, i, end);

			i = next > end ? next : end;
			continue;
		}
		if ((unit = container_at(s, i, &value, &end)) != NULL &&
		    !facts_any_claimed(s, i, end)) {
			facts_add_quantity(ctx, value, unit, i, end);
			facts_claim(s, i, end);
			i = end;
			continue;
		}
		if (facts_number_start(s, i) &&
		    (unit = number_quantity_at(s, i, &value, &end)) != NULL &&
		    !facts_any_claimed(s, i, end)) {
			facts_add_quantity(ctx, value, unit, i, end);
			facts_claim(s, i, end);
			facts_find_phrase(ctx, end);
			i = end;
			continue;
		}
		/* Past the rest of a number or word: each is tried once. */
		if (facts_is_word(s->cp[i]))
			i = facts_word_end(s, i);
		else
			i++;
	}
}
