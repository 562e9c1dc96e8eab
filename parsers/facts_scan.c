/* facts_scan: see facts_scan.h. */
#include "parsers/facts_scan.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "data/lexicon.h"

/* A space in a keyword matches at most this many spaces in the text. */
#define KW_MAX_SPACES 8
/* Letters an inflected Cyrillic keyword may add. */
#define CYR_MAX_ENDING 3
/* Digits a number may have: more would not be exact in a double. */
#define NUMBER_MAX_DIGITS 15
#define NUMBER_MAX_GROUPS 8
#define CN_NUMBER_MAX 8
#define COUNT_MAX 100000

/* Ranges whose letters lose their accents: Latin-1, Latin Extended,
 * Vietnamese. (Cyrillic ё, й and Arabic hamza seats are done by hand.) */
static bool decomposable(gunichar c)
{
	return (c >= 0xC0 && c <= 0x24F) || (c >= 0x1E00 && c <= 0x1EFF);
}

gunichar facts_fold(gunichar c)
{
	gunichar d[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];

	if (c < 0x80)
		return c >= 'A' && c <= 'Z' ? c + 32 : c;
	/* Kana, CJK ideographs, Hangul syllables: caseless, kept as they are
	 * (the most common characters of text that is not ASCII). */
	if ((c >= 0x3040 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7A3))
		return c;
	if (c >= 0xFF01 && c <= 0xFF5E)         /* full-width ASCII */
		return facts_fold(c - 0xFEE0);
	if (c >= 0x660 && c <= 0x669)           /* Arabic-Indic digits */
		return '0' + (c - 0x660);
	if (c >= 0x6F0 && c <= 0x6F9)           /* Persian digits */
		return '0' + (c - 0x6F0);
	if ((c >= 0x64B && c <= 0x65F) || (c >= 0x200B && c <= 0x200F))
		return FACTS_FOLD_DROP;
	switch (c) {
	case 0xA0: case 0x2002: case 0x2003: case 0x2007: case 0x2009:
	case 0x202F: case 0x3000:
		return ' ';
	case 0x85: case 0x2028: case 0x2029:
		return '\n';
	case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
	case 0x2015: case 0x2212: case 0xFE63:
		return '-';
	case 0x2018: case 0x2019: case 0x2032: case 0xB4:
		return '\'';
	case 0x201C: case 0x201D: case 0x2033:
		return '"';
	case 0xD7:
		return 'x';
	case 0x301C:
		return '~';
	case 0xFFE5:
		return 0xA5;                    /* full-width yen sign */
	case 0x66B:
		return '.';                     /* Arabic decimal separator */
	case 0x66C: case 0x60C:
		return ',';
	case 0x61B:
		return ';';
	case 0x61F:
		return '?';
	case 0x629:
		return 0x647;                   /* teh marbuta, often written heh */
	case 0x649:
		return 0x64A;                   /* alef maksura, often written yeh */
	case 0x131:
		return 'i';                     /* Turkish dotless i */
	case 0x640: case 0x670: case 0x2060: case 0xFEFF: case 0xAD:
		return FACTS_FOLD_DROP;
	default:
		break;
	}
	if (c >= 0x400 && c <= 0x4FF) {
		c = g_unichar_tolower(c);
		if (c == 0x451)                 /* ё */
			return 0x435;
		if (c == 0x439)                 /* й */
			return 0x438;
		return c;
	}
	if (c >= 0x622 && c <= 0x625)           /* alef and waw with hamza, madda */
		return c == 0x624 ? 0x648 : 0x627;
	if (c == 0x626)                         /* yeh with hamza */
		return 0x64A;
	if (decomposable(c) &&
	    g_unichar_fully_decompose(c, FALSE, d, G_N_ELEMENTS(d)) > 0)
		c = d[0];
	return g_unichar_tolower(c);
}

bool facts_is_letter(gunichar c)
{
	if (c < 0x80)
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	return c != FACTS_FOLD_DROP && g_unichar_isalpha(c);
}

bool facts_is_hangul(gunichar c)
{
	return (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0x1100 && c <= 0x11FF) ||
	       (c >= 0x3130 && c <= 0x318F);
}

/* The end of particle p at i, or 0. */
static size_t particle_at(const struct facts_scan *s, size_t i, const char *p)
{
	size_t k = i;

	for (; *p != '\0'; p = g_utf8_next_char(p), k++)
		if (facts_at(s, k) != g_utf8_get_char(p))
			return 0;
	return k;
}

static size_t particles_end(const struct facts_scan *s, size_t i, int depth)
{
	size_t e, next;

	/* In the order of data/facts/korean_particles.txt: where one
	 * particle starts another, the longer is tried first. */
	for (const char *const *p = facts_korean_particles; *p != NULL; p++) {
		e = particle_at(s, i, *p);
		if (e == 0)
			continue;
		if (!facts_is_word(facts_at(s, e)))
			return e;
		if (depth < 1 && (next = particles_end(s, e, depth + 1)) != 0)
			return next;
	}
	return 0;
}

size_t facts_korean_particles_end(const struct facts_scan *s, size_t i)
{
	if (!facts_is_hangul(facts_at(s, i)))
		return 0;
	return particles_end(s, i, 0);
}

static bool is_cyrillic(gunichar c)
{
	return c >= 0x400 && c <= 0x4FF;
}

/* Russian endings that inflection replaces: а я й ь о е и ы у ю
 * (й and ё are folded to и and е). */
static bool is_cyrillic_ending(gunichar c)
{
	switch (c) {
	case 0x430: case 0x44F: case 0x44C: case 0x43E: case 0x435:
	case 0x438: case 0x44B: case 0x443: case 0x44E:
		return true;
	default:
		return false;
	}
}

size_t facts_skip_hspace(const struct facts_scan *s, size_t i, size_t max)
{
	size_t k = i;

	while (k < s->n && k - i < max && facts_is_hspace(s->cp[k]))
		k++;
	return k;
}

size_t facts_word_end(const struct facts_scan *s, size_t i)
{
	size_t k = i;

	while (k < s->n) {
		if (facts_is_word(s->cp[k]))
			k++;
		else if (s->cp[k] == '\'' && k > i && facts_is_word(facts_at(s, k + 1)))
			k++;
		else
			break;
	}
	return k;
}

bool facts_is_stop(const struct facts_scan *s, size_t i)
{
	gunichar c = facts_at(s, i), next;

	switch (c) {
	case 0:
	case '\n': case '\r': case ';': case '!': case '?': case '|':
	case 0x3002: case 0x2026: case 0xFF61:
		return true;
	case '.':
		next = facts_at(s, i + 1);
		if (next == 0 || facts_is_space(next) == false)
			return next == 0;
		/* "ca. 4 Wochen" goes on; ". The" or a line end stops. */
		next = facts_orig(s, facts_skip_hspace(s, i + 1, 4));
		return next == 0 || next == '\n' || g_unichar_isupper(next);
	default:
		return false;
	}
}

/* ---- keywords ---- */

static bool case_ok(const struct facts_scan *s, size_t i, size_t end,
                    unsigned flags)
{
	if (flags & FACTS_KW_CAPITAL && !g_unichar_isupper(facts_orig(s, i)))
		return false;
	if (!(flags & (FACTS_KW_UPPER | FACTS_KW_LOWER | FACTS_KW_ASCII)))
		return true;
	for (size_t k = i; k < end; k++) {
		gunichar o = facts_orig(s, k);

		if (flags & FACTS_KW_UPPER && g_unichar_islower(o))
			return false;
		if (flags & FACTS_KW_LOWER && g_unichar_isupper(o))
			return false;
		if (flags & FACTS_KW_ASCII && o >= 0x80)
			return false;
	}
	return true;
}

/* Past 1..CYR_MAX_ENDING Cyrillic letters at k that end a word, or 0. */
static size_t cyrillic_ending(const struct facts_scan *s, size_t k)
{
	size_t e = k;

	while (e < s->n && e - k < CYR_MAX_ENDING && is_cyrillic(s->cp[e]) &&
	       facts_is_letter(s->cp[e]))
		e++;
	if (e == k || facts_is_word(facts_at(s, e)))
		return 0;
	return e;
}

/* Where a match ending at k really ends, given what follows; 0 when the
 * keyword is only the start of a longer word. */
static size_t right_edge(const struct facts_scan *s, size_t k, gunichar last,
                         size_t nchars, unsigned flags)
{
	size_t e;

	if (!facts_is_word(last) || k >= s->n || !facts_is_word(s->cp[k]))
		return k;
	if (flags & FACTS_KW_STEM) {
		for (e = k; e < s->n && e - k < 24 && facts_is_letter(s->cp[e]) &&
		     !facts_is_cjk(s->cp[e]); e++)
			;
		return e;
	}
	if (flags & FACTS_KW_DIGIT_RIGHT && facts_is_digit(s->cp[k]))
		return k;
	if (facts_is_hangul(last))
		return facts_korean_particles_end(s, k) != 0 ? k : 0;
	if (is_cyrillic(last) && nchars >= 4)
		return cyrillic_ending(s, k);
	return 0;
}

/* A keyword folded once: its code points as facts_fold() gives them,
 * FACTS_FOLD_DROP left out (a ' ' matches 1..KW_MAX_SPACES spaces). */
struct kw_word {
	const gunichar *cp;
	guint32 len;
	/* The last code point is the word's last character (no dropped one
	 * after it): only then may an inflected Cyrillic ending replace it. */
	bool last_is_end;
	const gunichar *not_before;  /* folded, 0-terminated, or NULL */
	guint32 entry;               /* its place in the table */
	/* The second code point, which the text's must equal; 0 when any may
	 * follow the first (one character, or a space first or second). */
	gunichar second;
};

/* Folds word into cp (room for strlen(word) code points). */
static void fold_word(const char *word, gunichar *cp, struct kw_word *w_r)
{
	guint32 n = 0;
	bool last_is_end = false;

	for (const char *p = word; *p != '\0'; p = g_utf8_next_char(p)) {
		gunichar wc = facts_fold(g_utf8_get_char(p));

		last_is_end = wc != FACTS_FOLD_DROP;
		if (wc != FACTS_FOLD_DROP)
			cp[n++] = wc;
	}
	w_r->cp = cp;
	w_r->len = n;
	w_r->last_is_end = last_is_end;
	w_r->not_before = NULL;
	w_r->entry = 0;
	w_r->second = n >= 2 && cp[0] != ' ' && cp[1] != ' ' ? cp[1] : 0;
}

/* The end of the folded keyword w matched at i, or 0. */
static size_t match_folded(const struct facts_scan *s, size_t i, const struct kw_word *w,
                           unsigned flags)
{
	gunichar first = 0, last = 0;
	size_t k = i, nchars = 0, end;

	if (i >= s->n)
		return 0;
	for (guint32 j = 0; j < w->len; j++) {
		gunichar wc = w->cp[j];

		if (wc == ' ') {
			size_t sp = k;

			while (k < s->n && facts_is_space(s->cp[k]) && k - sp < KW_MAX_SPACES)
				k++;
			if (k == sp || (k < s->n && facts_is_space(s->cp[k])))
				return 0;
			continue;
		}
		if (k >= s->n || s->cp[k] != wc) {
			/* "Германия" also matches "Германию", "Москва" "Москву". */
			if (j + 1 == w->len && w->last_is_end && is_cyrillic_ending(wc) &&
			    nchars >= 3 && is_cyrillic(facts_at(s, k)) && !(flags & FACTS_KW_STEM)) {
				end = cyrillic_ending(s, k);
				if (end != 0 && (i == 0 || flags & FACTS_KW_NO_LEFT ||
				                 !(s->cls[i - 1] & FACTS_CLS_WORD)) &&
				    case_ok(s, i, end, flags))
					return end;
			}
			return 0;
		}
		if (nchars == 0)
			first = wc;
		last = wc;
		nchars++;
		k++;
	}
	if (nchars == 0)
		return 0;
	if (!(flags & FACTS_KW_NO_LEFT) && facts_is_word(first) && i > 0 &&
	    s->cls[i - 1] & FACTS_CLS_WORD)
		return 0;
	end = right_edge(s, k, last, nchars, flags);
	if (end == 0 || !case_ok(s, i, k, flags))
		return 0;
	return end;
}

size_t facts_match(const struct facts_scan *s, size_t i, const char *word,
                   unsigned flags)
{
	gunichar stack[64], *cp;
	size_t len, end;
	struct kw_word w;

	if (i >= s->n)
		return 0;
	/* Most calls end here: an ASCII first letter that is not the text's
	 * (or an empty word). */
	if ((guchar)word[0] < 0x80 && word[0] != ' ' &&
	    s->cp[i] != (gunichar)g_ascii_tolower(word[0]))
		return 0;
	len = strlen(word);
	cp = len <= G_N_ELEMENTS(stack) ? stack : g_new(gunichar, len);
	fold_word(word, cp, &w);
	end = match_folded(s, i, &w, flags);
	if (cp != stack)
		g_free(cp);
	return end;
}

/* ---- keyword tables, indexed ---- */

#define FIRSTS_BITS 4096

/* Every word of a table folded, sorted by first code point, then by
 * second (those open to any second first), then in table order: a
 * position is only tried against the entries that start with its two
 * characters. */
struct facts_kw_index {
	const struct facts_kw *table;
	struct kw_word *words;
	size_t n;
	/* words[ascii[c]] .. words[ascii[c + 1]]: those starting with c < 0x80;
	 * from words[ascii[0x80]] on, the others, still sorted. */
	guint32 ascii[0x81];
	/* Bit b of pairs[a][b / 32]: some word may start with a, b (both
	 * ASCII); most positions of a text are turned down with it alone. */
	guint32 pairs[0x80][4];
	/* Bit (c % FIRSTS_BITS) set: some word may start with c >= 0x80. */
	guint32 firsts[FIRSTS_BITS / 32];
	gunichar *storage;       /* the code points of all words */
};

static gunichar first_cp(const struct kw_word *w)
{
	return w->len > 0 ? w->cp[0] : 0;
}

static int by_first_second_entry(const void *a, const void *b)
{
	const struct kw_word *wa = a, *wb = b;
	gunichar fa = first_cp(wa), fb = first_cp(wb);

	if (fa != fb)
		return fa < fb ? -1 : 1;
	if (wa->second != wb->second)
		return wa->second < wb->second ? -1 : 1;
	return wa->entry < wb->entry ? -1 : wa->entry > wb->entry;
}

struct facts_kw_index *facts_kw_index_new(const struct facts_kw *table)
{
	struct facts_kw_index *x = g_new0(struct facts_kw_index, 1);
	size_t total = 0, used = 0, k;

	x->table = table;
	while (table[x->n].word != NULL) {
		total += strlen(table[x->n].word);
		if (table[x->n].not_before != NULL)
			total += strlen(table[x->n].not_before) + 1;
		x->n++;
	}
	x->words = g_new0(struct kw_word, x->n + 1);
	x->storage = g_new(gunichar, total + 1);
	for (k = 0; k < x->n; k++) {
		struct kw_word *w = &x->words[k];
		const char *nb = table[k].not_before;

		fold_word(table[k].word, x->storage + used, w);
		used += w->len;
		w->entry = (guint32)k;
		if (nb != NULL) {
			gunichar *out = x->storage + used;

			w->not_before = out;
			for (const char *q = nb; *q != '\0'; q = g_utf8_next_char(q))
				*out++ = facts_fold(g_utf8_get_char(q));
			*out++ = 0;
			used = (size_t)(out - x->storage);
		}
	}
	/* Sorted in place: the words' code points stay where they are. */
	qsort(x->words, x->n, sizeof(*x->words), by_first_second_entry);
	k = 0;
	for (gunichar c = 0; c <= 0x80; c++) {
		while (k < x->n && first_cp(&x->words[k]) < c)
			k++;
		x->ascii[c] = (guint32)k;
	}
	for (k = 0; k < x->ascii[0x80]; k++) {
		const struct kw_word *w = &x->words[k];
		gunichar a = first_cp(w);

		if (w->second == 0)
			memset(x->pairs[a], 0xff, sizeof(x->pairs[a]));
		else if (w->second < 0x80)
			x->pairs[a][w->second / 32] |= 1u << (w->second % 32);
	}
	for (k = x->ascii[0x80]; k < x->n; k++) {
		gunichar a = first_cp(&x->words[k]) % FIRSTS_BITS;

		x->firsts[a / 32] |= 1u << (a % 32);
	}
	return x;
}

void facts_kw_index_free(struct facts_kw_index **index)
{
	if (*index == NULL)
		return;
	g_free((*index)->words);
	g_free((*index)->storage);
	g_free(*index);
	*index = NULL;
}

/* The words of x starting with c: [*from_r, *to_r). */
static void bucket(const struct facts_kw_index *x, gunichar c, size_t *from_r, size_t *to_r)
{
	size_t lo, hi;

	if (c < 0x80) {
		*from_r = x->ascii[c];
		*to_r = x->ascii[c + 1];
		return;
	}
	lo = x->ascii[0x80];
	hi = x->n;
	while (lo < hi) {            /* the first word starting with c or after */
		size_t mid = lo + (hi - lo) / 2;

		if (first_cp(&x->words[mid]) < c)
			lo = mid + 1;
		else
			hi = mid;
	}
	*from_r = lo;
	while (hi < x->n && first_cp(&x->words[hi]) == c)
		hi++;
	*to_r = hi;
}

static bool in_not_before(const gunichar *nb, gunichar c)
{
	for (; *nb != 0; nb++)
		if (*nb == c)
			return true;
	return false;
}

/* Within words[from, to) (one first code point), those whose second is
 * c: [*from_r, *to_r). */
static void second_range(const struct facts_kw_index *x, size_t from, size_t to,
                         gunichar c, size_t *from_r, size_t *to_r)
{
	size_t lo = from, hi = to;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (x->words[mid].second < c)
			lo = mid + 1;
		else
			hi = mid;
	}
	*from_r = lo;
	while (hi < to && x->words[hi].second == c)
		hi++;
	*to_r = hi;
}

struct best_match {
	const struct facts_kw *entry;
	size_t end;
};

/* Keeps w when it matches at i and further than the best so far. */
static void try_word(const struct facts_scan *s, size_t i, const struct facts_kw_index *x,
                     const struct kw_word *w, unsigned flags, struct best_match *best)
{
	const struct facts_kw *e = &x->table[w->entry];
	size_t end = match_folded(s, i, w, flags | e->flags);

	if (end == 0 || end <= best->end)
		return;
	if (w->not_before != NULL && end < s->n && in_not_before(w->not_before, s->cp[end]))
		return;
	best->entry = e;
	best->end = end;
}

const struct facts_kw *facts_match_index(const struct facts_scan *s, size_t i,
                                         const struct facts_kw_index *x,
                                         unsigned flags, size_t *end_r)
{
	struct best_match best = { NULL, 0 };
	size_t from, to, any_end, sf = 0, st = 0;
	gunichar c = facts_at(s, i), next;

	if (c == 0)
		return NULL;
	next = facts_at(s, i + 1);
	if (c < 0x80) {
		if (next < 0x80 && !(x->pairs[c][next / 32] & (1u << (next % 32))))
			return NULL;
	} else if (!(x->firsts[c % FIRSTS_BITS / 32] & (1u << (c % FIRSTS_BITS % 32)))) {
		return NULL;
	}
	bucket(x, c, &from, &to);
	if (from == to)
		return NULL;
	/* Those open to any second character, then those with the text's. */
	for (any_end = from; any_end < to && x->words[any_end].second == 0; any_end++)
		;
	if (next != 0 && any_end < to)
		second_range(x, any_end, to, next, &sf, &st);
	/* Both in table order, tried merged in table order: the first of the
	 * longest matches wins. */
	while (from < any_end || sf < st) {
		if (sf >= st || (from < any_end && x->words[from].entry < x->words[sf].entry))
			try_word(s, i, x, &x->words[from++], flags, &best);
		else
			try_word(s, i, x, &x->words[sf++], flags, &best);
	}
	if (best.entry != NULL && end_r != NULL)
		*end_r = best.end;
	return best.entry;
}

/* The tables of facts_kw_tables (data/lexicon.h), indexed once per
 * process; found by their address with open addressing (a table left out
 * is matched through a throwaway index). */
#define REGISTRY_SLOTS 256      /* a power of two over twice the tables */
#define REGISTRY_SHIFT 56       /* 64 - log2(REGISTRY_SLOTS) */

struct registry {
	struct {
		const struct facts_kw *table;
		const struct facts_kw_index *index;
	} slot[REGISTRY_SLOTS];
};

static struct registry *registry;

static size_t registry_slot(const struct facts_kw *table)
{
	/* Fibonacci hashing: the top bits of the address times 2^64 / phi. */
	return (size_t)(((guint64)(guintptr)table * G_GUINT64_CONSTANT(0x9E3779B97F4A7C15)) >>
	                REGISTRY_SHIFT);
}

static void registry_init(void)
{
	static gsize once;

	if (g_once_init_enter(&once)) {
		struct registry *r = g_new0(struct registry, 1);

		for (const struct facts_kw *const *t = facts_kw_tables; *t != NULL; t++) {
			size_t slot = registry_slot(*t), tries = 0;

			while (r->slot[slot].table != NULL && r->slot[slot].table != *t &&
			       tries++ < REGISTRY_SLOTS)
				slot = (slot + 1) % REGISTRY_SLOTS;
			if (r->slot[slot].table != NULL)
				continue;       /* listed twice, or (never) no room left */
			r->slot[slot].table = *t;
			r->slot[slot].index = facts_kw_index_new(*t);
		}
		registry = r;
		g_once_init_leave(&once, 1);
	}
}

static const struct facts_kw_index *registered_index(const struct facts_kw *table)
{
	size_t slot = registry_slot(table);

	for (size_t tries = 0; tries < REGISTRY_SLOTS && registry->slot[slot].table != NULL;
	     tries++) {
		if (registry->slot[slot].table == table)
			return registry->slot[slot].index;
		slot = (slot + 1) % REGISTRY_SLOTS;
	}
	return NULL;
}

const struct facts_kw *facts_match_table(const struct facts_scan *s, size_t i,
                                         const struct facts_kw *table,
                                         unsigned flags, size_t *end_r)
{
	const struct facts_kw_index *x;
	struct facts_kw_index *tmp;
	const struct facts_kw *best;

	if (i >= s->n)
		return NULL;
	registry_init();
	if ((x = registered_index(table)) != NULL)
		return facts_match_index(s, i, x, flags, end_r);
	/* A table facts_kw_tables does not list: the same, only slower. */
	tmp = facts_kw_index_new(table);
	best = facts_match_index(s, i, tmp, flags, end_r);
	facts_kw_index_free(&tmp);
	return best;
}

const struct facts_kw *facts_table_in(const struct facts_scan *s, size_t from, size_t to,
                                      const struct facts_kw *table)
{
	const struct facts_kw *kw, *last = NULL;
	size_t end;

	for (size_t k = from; k < to && k < s->n; k++) {
		if ((kw = facts_match_table(s, k, table, 0, &end)) == NULL)
			continue;
		/* "sub total" is one entry, not "total" after it. */
		last = kw;
		k = end - 1;
	}
	return last;
}

/* ---- numbers ---- */

bool facts_number_start_at_digit(const struct facts_scan *s, size_t i)
{
	gunichar prev, prev2;

	if (i == 0)
		return true;
	prev = s->cp[i - 1];
	prev2 = i >= 2 ? s->cp[i - 2] : 0;
	if (facts_is_word(prev))
		return false;
	/* "1.5" and "1,000" go on; "XP-200", "3/4", "2026-11-24" are not a
	 * number here. */
	if ((prev == '.' || prev == ',') && facts_is_digit(prev2))
		return false;
	if ((prev == '-' || prev == '/' || prev == '_' || prev == '\'') &&
	    facts_is_word(prev2))
		return false;
	/* Phone numbers, item numbers. */
	if (prev == '+' || prev == '#' || prev == 0x2116 || prev == '@')
		return false;
	if (prev == '(' && i >= 2 && prev2 == '+')
		return false;
	return true;
}

static bool three_digits_then_end(const struct facts_scan *s, size_t k)
{
	return facts_is_digit(facts_at(s, k)) && facts_is_digit(facts_at(s, k + 1)) &&
	       facts_is_digit(facts_at(s, k + 2)) && !facts_is_digit(facts_at(s, k + 3));
}

struct number_groups {
	size_t start[NUMBER_MAX_GROUPS + 1];
	size_t len[NUMBER_MAX_GROUPS + 1];
	gunichar sep[NUMBER_MAX_GROUPS];
	size_t n;
};

/* Digit groups and the separators between them; false when too long. */
static bool read_groups(const struct facts_scan *s, size_t i,
                        struct number_groups *groups_r, size_t *end_r)
{
	struct number_groups *g = groups_r;
	size_t k = i, digits = 0;

	g->n = 0;
	for (;;) {
		size_t g0 = k;
		gunichar c;

		while (facts_is_digit(facts_at(s, k)))
			k++;
		digits += k - g0;
		if (digits > NUMBER_MAX_DIGITS)
			return false;
		g->start[g->n] = g0;
		g->len[g->n] = k - g0;
		g->n++;
		if (g->n > NUMBER_MAX_GROUPS)
			return false;
		c = facts_at(s, k);
		if ((c == '.' || c == ',' || c == '\'') && facts_is_digit(facts_at(s, k + 1))) {
			g->sep[g->n - 1] = c;
			k++;
			continue;
		}
		if (c == ' ' && three_digits_then_end(s, k + 1) && g->len[0] <= 3) {
			bool spaces_only = true;

			for (size_t j = 0; j + 1 < g->n; j++)
				if (g->sep[j] != ' ')
					spaces_only = false;
			if (spaces_only) {
				g->sep[g->n - 1] = ' ';
				k++;
				continue;
			}
		}
		break;
	}
	*end_r = k;
	return true;
}

/* Which separator is the decimal one (its index), -1 when none; -2 when
 * the groups make no number ("24.11.2026"). */
static int decimal_separator(const struct facts_scan *s, const struct number_groups *g)
{
	size_t m = g->n - 1, int_groups;
	gunichar last;
	bool mixed = false;
	int dec = -1;

	if (m == 0)
		return -1;
	last = g->sep[m - 1];
	for (size_t j = 0; j + 1 < m; j++)
		if (g->sep[j] != last)
			mixed = true;
	if (!mixed) {
		/* "1.500" and "2,000" are thousands; "1.5", "12,50", "0.500"
		 * decimals. */
		if (m == 1 && last != ' ' && last != '\'' &&
		    (g->len[1] != 3 || g->len[0] > 3 ||
		     (g->len[0] == 1 && s->cp[g->start[0]] == '0')))
			dec = 0;
	} else {
		if (last == ' ' || last == '\'')
			return -2;
		dec = (int)m - 1;
		for (size_t j = 0; j + 1 < m; j++)
			if (g->sep[j] != g->sep[0] || g->sep[j] == last)
				return -2;
	}
	int_groups = dec >= 0 ? (size_t)dec + 1 : g->n;
	if (int_groups > 1) {
		if (g->len[0] > 3)
			return -2;
		for (size_t j = 1; j < int_groups; j++)
			if (g->len[j] != 3)
				return -2;
	}
	return dec;
}

bool facts_number_at(const struct facts_scan *s, size_t i, struct facts_number *num_r)
{
	struct number_groups g;
	size_t end, int_groups;
	guint64 whole = 0, frac = 0, scale = 1;
	int dec;

	if (!facts_is_digit(facts_at(s, i)) || !read_groups(s, i, &g, &end))
		return false;
	dec = decimal_separator(s, &g);
	if (dec == -2)
		return false;
	int_groups = dec >= 0 ? (size_t)dec + 1 : g.n;
	for (size_t j = 0; j < int_groups; j++)
		for (size_t k = g.start[j]; k < g.start[j] + g.len[j]; k++)
			whole = whole * 10 + (s->cp[k] - '0');
	if (dec >= 0) {
		size_t j = (size_t)dec + 1;

		for (size_t k = g.start[j]; k < g.start[j] + g.len[j]; k++) {
			frac = frac * 10 + (s->cp[k] - '0');
			scale *= 10;
		}
	}
	num_r->value = (double)whole + (double)frac / (double)scale;
	num_r->start = i;
	num_r->end = end;
	num_r->integer = dec < 0;
	return true;
}

static int cn_digit(gunichar c)
{
	static const gunichar digits[] = {
		0x96F6, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94,   /* 零一二三四五 */
		0x516D, 0x4E03, 0x516B, 0x4E5D,                   /* 六七八九 */
	};

	if (c == 0x4E24 || c == 0x5169)                           /* 两 兩 */
		return 2;
	if (c == 0x3007)                                          /* 〇 */
		return 0;
	for (int d = 0; d < 10; d++)
		if (digits[d] == c)
			return d;
	return -1;
}

static guint cn_multiplier(gunichar c)
{
	switch (c) {
	case 0x5341: return 10;     /* 十 */
	case 0x767E: return 100;    /* 百 */
	case 0x5343: return 1000;   /* 千 */
	default: return 0;
	}
}

/* "三十", "两", "十五", "一百二十": small Chinese numerals. */
static bool cn_number_at(const struct facts_scan *s, size_t i, double *value_r,
                         size_t *end_r)
{
	guint section = 0;
	int digit = -1;
	size_t k = i;

	while (k < s->n && k - i < CN_NUMBER_MAX) {
		gunichar c = s->cp[k];
		int d = cn_digit(c);
		guint mult;

		if (d == 0) {           /* 零 only separates: 一百零五 */
			k++;
			continue;
		}
		if (d > 0) {
			if (digit >= 0)
				break;
			digit = d;
			k++;
			continue;
		}
		mult = cn_multiplier(c);
		if (mult == 0)
			break;
		if (digit < 0 && mult != 10)
			break;
		section += (guint)(digit < 0 ? 1 : digit) * mult;
		digit = -1;
		k++;
	}
	if (k == i || (section == 0 && digit <= 0))
		return false;
	*value_r = (double)(section + (guint)(digit > 0 ? digit : 0));
	*end_r = k;
	return true;
}

bool facts_count_at(const struct facts_scan *s, size_t i, double *value_r,
                    size_t *end_r)
{
	struct facts_number num;
	const struct facts_kw *w;
	size_t end;

	if (facts_number_start(s, i) && facts_number_at(s, i, &num)) {
		if (num.value <= 0 || num.value > COUNT_MAX)
			return false;
		*value_r = num.value;
		*end_r = num.end;
		return true;
	}
	if (cn_number_at(s, i, value_r, end_r))
		return true;
	if (!facts_word_start(s, i))
		return false;
	w = facts_match_table(s, i, facts_number_words, 0, &end);
	if (w == NULL)
		return false;
	*value_r = g_ascii_strtod(w->value, NULL);
	*end_r = end;
	return true;
}

/* ---- output ---- */

char *facts_slice(const struct facts_scan *s, size_t start, size_t end,
                  size_t max_bytes)
{
	GString *out = g_string_new(NULL);
	bool space = false;

	if (end > s->n)
		end = s->n;
	for (size_t k = start; k < end; k++) {
		size_t from = s->off[k], to = s->off[k + 1];

		if (facts_is_space(s->cp[k])) {
			space = out->len > 0;
			continue;
		}
		if (out->len + (space ? 1 : 0) + (to - from) > max_bytes)
			break;
		if (space)
			g_string_append_c(out, ' ');
		space = false;
		g_string_append_len(out, s->src + from, (gssize)(to - from));
	}
	if (out->len == 0) {
		g_string_free(out, TRUE);
		return NULL;
	}
	return g_string_free(out, FALSE);
}

void facts_claim(struct facts_scan *s, size_t start, size_t end)
{
	for (size_t k = start; k < end && k < s->n; k++)
		s->claimed[k] = 1;
}

bool facts_any_claimed(const struct facts_scan *s, size_t start, size_t end)
{
	for (size_t k = start; k < end && k < s->n; k++)
		if (s->claimed[k])
			return true;
	return false;
}

/* ---- the buffer ---- */

/* The valid UTF-8 prefix of at most max bytes of str. */
static size_t valid_prefix(const char *str, size_t max)
{
	const char *end;
	size_t len;

	if (str == NULL)
		return 0;
	len = strnlen(str, max);
	g_utf8_validate(str, (gssize)len, &end);
	return (size_t)(end - str);
}

void facts_scan_init(struct facts_scan *s, const char *subject, const char *text)
{
	size_t subject_len = valid_prefix(subject, FACTS_MAX_SUBJECT);
	size_t text_len = valid_prefix(text, FACTS_MAX_TEXT);
	GString *src = g_string_sized_new(subject_len + text_len + 2);
	size_t n = 0;
	const char *p;

	g_string_append_len(src, subject != NULL ? subject : "", (gssize)subject_len);
	g_string_append_c(src, '\n');
	g_string_append_len(src, text != NULL ? text : "", (gssize)text_len);
	/* As many code points as bytes at most; cut to size after. */
	s->cp = g_new(gunichar, src->len + 1);
	s->off = g_new(guint32, src->len + 1);
	for (p = src->str; *p != '\0';) {
		guchar b = (guchar)*p;
		guint32 at = (guint32)(p - src->str);
		gunichar c;

		if (b < 0x80) {         /* facts_fold() of ASCII, without a call */
			c = b >= 'A' && b <= 'Z' ? b + 32u : b;
			p++;
		} else {
			c = facts_fold(g_utf8_get_char(p));
			p = g_utf8_next_char(p);
		}
		if (c == FACTS_FOLD_DROP)
			continue;
		s->cp[n] = c;
		s->off[n] = at;
		n++;
	}
	s->cp[n] = 0;
	s->off[n] = (guint32)src->len;
	if (n < src->len) {
		s->cp = g_renew(gunichar, s->cp, n + 1);
		s->off = g_renew(guint32, s->off, n + 1);
	}
	s->n = n;
	s->claimed = g_new0(guint8, n + 1);
	s->cls = g_new0(guint8, n + 1);
	for (size_t k = 0; k < n; k++) {
		if (facts_is_word(s->cp[k]))
			s->cls[k] |= FACTS_CLS_WORD;
		if ((s->cls[k] & FACTS_CLS_WORD && (k == 0 || !(s->cls[k - 1] & FACTS_CLS_WORD))) ||
		    facts_is_cjk(s->cp[k]))
			s->cls[k] |= FACTS_CLS_START;
	}
	s->src = g_string_free(src, FALSE);
}

void facts_scan_clear(struct facts_scan *s)
{
	g_free(s->src);
	g_free(s->cp);
	g_free(s->off);
	g_free(s->claimed);
	g_free(s->cls);
	memset(s, 0, sizeof(*s));
}
