/* language_cues: greeting words and telltale letters (see language_cues.h). */
#include <stdbool.h>
#include <string.h>
#include <glib.h>

#include "classify/language_cues.h"

struct cue_phrase {
	const char *words;  /* lowercase, single spaces */
	const char *code;
	bool closing;       /* a signature follows it */
};

/*
 * What people open, thank and close business mail with. A phrase that two
 * languages write alike is left out ("cordialmente": es/pt/it; "hallo":
 * de/nl; "hei": fi/no; "tak": da/pl), and so are words common inside other
 * languages' sentences. Indonesian and Malay share "terima kasih": it
 * counts as Indonesian, by far the larger of the two in trade.
 */
static const struct cue_phrase phrases[] = {
	{ "dear", "en", false },
	{ "hello", "en", false },
	{ "please", "en", false },
	{ "thanks", "en", false },
	{ "thank you", "en", false },
	{ "regards", "en", true },
	{ "best regards", "en", true },
	{ "kind regards", "en", true },
	{ "best wishes", "en", true },
	{ "warm regards", "en", true },
	{ "thanks and regards", "en", true },
	{ "thanks regards", "en", true },       /* "Thanks & Regards" */
	{ "sincerely", "en", true },
	{ "yours sincerely", "en", true },
	{ "yours faithfully", "en", true },

	{ "sehr geehrte", "de", false },
	{ "sehr geehrter", "de", false },
	{ "guten tag", "de", false },
	{ "guten morgen", "de", false },
	{ "danke", "de", false },
	{ "vielen dank", "de", false },
	{ "bitte", "de", false },
	{ "mit freundlichen grüßen", "de", true },
	{ "mit freundlichen grüssen", "de", true },
	{ "freundliche grüße", "de", true },
	{ "viele grüße", "de", true },
	{ "beste grüße", "de", true },

	{ "estimado", "es", false },
	{ "estimada", "es", false },
	{ "estimados", "es", false },
	{ "hola", "es", false },
	{ "buenos días", "es", false },
	{ "buenos dias", "es", false },
	{ "buenas tardes", "es", false },
	{ "gracias", "es", false },
	{ "muchas gracias", "es", false },
	{ "saludos", "es", true },
	{ "un saludo", "es", true },
	{ "saludos cordiales", "es", true },
	{ "atentamente", "es", true },

	{ "prezado", "pt", false },
	{ "prezada", "pt", false },
	{ "prezados", "pt", false },
	{ "exmo", "pt", false },               /* "Excelentíssimo": Portugal */
	{ "exma", "pt", false },
	{ "exmos", "pt", false },
	{ "exmas", "pt", false },
	{ "olá", "pt", false },
	{ "bom dia", "pt", false },
	{ "boa tarde", "pt", false },
	{ "obrigado", "pt", false },
	{ "obrigada", "pt", false },
	{ "atenciosamente", "pt", true },
	{ "abraços", "pt", true },
	{ "cumprimentos", "pt", true },

	{ "madame", "fr", false },
	{ "monsieur", "fr", false },
	{ "bonjour", "fr", false },
	{ "bonsoir", "fr", false },
	{ "merci", "fr", false },
	{ "merci beaucoup", "fr", false },
	{ "cordialement", "fr", true },
	{ "bien cordialement", "fr", true },
	{ "bien à vous", "fr", true },

	{ "gentile", "it", false },
	{ "gentili", "it", false },
	{ "egregio", "it", false },
	{ "spettabile", "it", false },
	{ "buongiorno", "it", false },
	{ "buonasera", "it", false },
	{ "grazie", "it", false },
	{ "grazie mille", "it", false },
	{ "cordiali saluti", "it", true },
	{ "distinti saluti", "it", true },

	{ "geachte", "nl", false },
	{ "goedemorgen", "nl", false },
	{ "goedemiddag", "nl", false },
	{ "bedankt", "nl", false },
	{ "dank u", "nl", false },
	{ "dank je", "nl", false },
	{ "hartelijk dank", "nl", false },
	{ "met vriendelijke groet", "nl", true },
	{ "met vriendelijke groeten", "nl", true },

	{ "szanowny", "pl", false },
	{ "szanowna", "pl", false },
	{ "szanowni", "pl", false },
	{ "dzień dobry", "pl", false },
	{ "dziękuję", "pl", false },
	{ "dziękujemy", "pl", false },
	{ "pozdrawiam", "pl", true },
	{ "z poważaniem", "pl", true },

	{ "sayın", "tr", false },
	{ "merhaba", "tr", false },
	{ "teşekkürler", "tr", false },
	{ "teşekkür ederim", "tr", false },
	{ "teşekkür ederiz", "tr", false },
	{ "saygılarımla", "tr", true },
	{ "iyi çalışmalar", "tr", true },

	{ "kính gửi", "vi", false },
	{ "xin chào", "vi", false },
	{ "cảm ơn", "vi", false },
	{ "trân trọng", "vi", true },

	{ "dengan hormat", "id", false },
	{ "terima kasih", "id", false },
	{ "hormat kami", "id", true },

	{ "dobrý den", "cs", false },
	{ "vážený", "cs", false },
	{ "vážená", "cs", false },
	{ "děkuji", "cs", false },
	{ "děkujeme", "cs", false },
	{ "s pozdravem", "cs", true },
	{ "dobrý deň", "sk", false },
	{ "ďakujem", "sk", false },
	{ "s pozdravom", "sk", true },

	{ "tack", "sv", false },
	{ "vänliga hälsningar", "sv", true },
	{ "med vänliga hälsningar", "sv", true },
	{ "kære", "da", false },
	{ "venlig hilsen", "da", true },
	{ "med venlig hilsen", "da", true },
	{ "takk", "no", false },
	{ "vennlig hilsen", "no", true },
	{ "med vennlig hilsen", "no", true },
	{ "kiitos", "fi", false },
	{ "ystävällisin terveisin", "fi", true },

	{ "stimate", "ro", false },
	{ "bună ziua", "ro", false },
	{ "mulțumesc", "ro", false },
	{ "mulţumesc", "ro", false },
	{ "cu stimă", "ro", true },
	{ "tisztelt", "hu", false },
	{ "köszönöm", "hu", false },
	{ "köszönjük", "hu", false },
	{ "üdvözlettel", "hu", true },

	{ "здравствуйте", "ru", false },
	{ "добрый день", "ru", false },
	{ "уважаемый", "ru", false },
	{ "уважаемая", "ru", false },
	{ "уважаемые", "ru", false },
	{ "спасибо", "ru", false },
	{ "с уважением", "ru", true },
	{ "добрий день", "uk", false },
	{ "шановний", "uk", false },
	{ "шановна", "uk", false },
	{ "шановні", "uk", false },
	{ "дякую", "uk", false },
	{ "дякуємо", "uk", false },
	{ "з повагою", "uk", true },
	{ "здравейте", "bg", false },
	{ "уважаеми", "bg", false },
	{ "благодаря", "bg", false },
	{ "поздрави", "bg", true },
	{ "това", "bg", false },
	{ "моля", "bg", false },
	{ "сме", "bg", false },
	{ "молиме", "mk", false },
	{ "поштовани", "sr", false },
	{ "хвала", "sr", false },
	{ "срдачан поздрав", "sr", true },
};

struct cue_letter {
	gunichar c;         /* lowercase */
	const char *code;
	unsigned weight;    /* 2: only this language; 1: mostly this one */
};

/*
 * Letters few trade languages write. Weight 2 decides alone, weight 1 needs
 * company: "ç" is Portuguese as much as French (and Turkish), so it counts
 * for both and decides nothing by itself; "ã" decides Portuguese.
 * Vietnamese is told by its tone marks (the U+1EA0..U+1EF9 block, "ơ",
 * "ư"), which outnumber the "ă" and "ì" it shares with Romanian and
 * Italian.
 */
static const struct cue_letter letters[] = {
	{ 0x00F1, "es", 2 },  /* ñ */
	{ 0x00BF, "es", 2 },  /* ¿ */
	{ 0x00A1, "es", 2 },  /* ¡ */
	{ 0x00E3, "pt", 2 },  /* ã */
	{ 0x00F5, "pt", 1 },  /* õ (also Estonian) */
	{ 0x00E7, "pt", 1 },  /* ç */
	{ 0x00E7, "fr", 1 },
	{ 0x0153, "fr", 2 },  /* œ */
	{ 0x00DF, "de", 2 },  /* ß */
	{ 0x00E4, "de", 1 },  /* ä */
	{ 0x00F6, "de", 1 },  /* ö */
	{ 0x00FC, "de", 1 },  /* ü */
	{ 0x00EC, "it", 1 },  /* ì */
	{ 0x00F2, "it", 1 },  /* ò */
	{ 0x0142, "pl", 2 },  /* ł */
	{ 0x0105, "pl", 2 },  /* ą */
	{ 0x0119, "pl", 2 },  /* ę */
	{ 0x017C, "pl", 2 },  /* ż */
	{ 0x017A, "pl", 2 },  /* ź */
	{ 0x015B, "pl", 1 },  /* ś */
	{ 0x0144, "pl", 1 },  /* ń */
	{ 0x0159, "cs", 2 },  /* ř */
	{ 0x011B, "cs", 2 },  /* ě */
	{ 0x016F, "cs", 2 },  /* ů */
	{ 0x013E, "sk", 2 },  /* ľ */
	{ 0x013A, "sk", 2 },  /* ĺ */
	{ 0x0155, "sk", 2 },  /* ŕ */
	{ 0x011F, "tr", 2 },  /* ğ */
	{ 0x0131, "tr", 2 },  /* ı */
	{ 0x015F, "tr", 1 },  /* ş (also old Romanian) */
	{ 0x0219, "ro", 2 },  /* ș */
	{ 0x021B, "ro", 2 },  /* ț */
	{ 0x0163, "ro", 1 },  /* ţ */
	{ 0x0103, "ro", 1 },  /* ă (also Vietnamese) */
	{ 0x0151, "hu", 2 },  /* ő */
	{ 0x0171, "hu", 2 },  /* ű */
	{ 0x01A1, "vi", 2 },  /* ơ */
	{ 0x01B0, "vi", 2 },  /* ư */
	{ 0x0117, "lt", 2 },  /* ė */
	{ 0x012F, "lt", 2 },  /* į */
	{ 0x0173, "lt", 2 },  /* ų */
	{ 0x0137, "lv", 2 },  /* ķ */
	{ 0x013C, "lv", 2 },  /* ļ */
	{ 0x0146, "lv", 2 },  /* ņ */
	{ 0x0123, "lv", 2 },  /* ģ */
	{ 0x0454, "uk", 2 },  /* є */
	{ 0x0457, "uk", 2 },  /* ї */
	{ 0x0491, "uk", 2 },  /* ґ */
	{ 0x045E, "be", 2 },  /* ў */
	{ 0x04D9, "kk", 2 },  /* ә */
	{ 0x0493, "kk", 2 },  /* ғ */
	{ 0x049B, "kk", 2 },  /* қ */
	{ 0x04A3, "kk", 2 },  /* ң */
	{ 0x04E9, "kk", 2 },  /* ө */
	{ 0x04B1, "kk", 2 },  /* ұ */
	{ 0x04AF, "kk", 2 },  /* ү */
	{ 0x04BB, "kk", 2 },  /* һ */
	{ 0x0452, "sr", 2 },  /* ђ */
	{ 0x045B, "sr", 2 },  /* ћ */
	{ 0x045F, "sr", 2 },  /* џ */
	{ 0x0458, "sr", 1 },  /* ј (also Macedonian) */
	{ 0x0453, "mk", 2 },  /* ѓ */
	{ 0x045C, "mk", 2 },  /* ќ */
	{ 0x0455, "mk", 2 },  /* ѕ */
	{ 0x044B, "ru", 1 },  /* ы (also Belarusian) */
	{ 0x044D, "ru", 1 },  /* э */
	{ 0x0451, "ru", 1 },  /* ё */
};

/* Languages that libexttextcat's fingerprints tell apart badly: its
 * Norwegian fingerprints lose most Norwegian text to Danish. */
static const char *const sibling_groups[][3] = {
	{ "da", "no", "sv" },
	{ "id", "ms", NULL },
	{ "cs", "sk", NULL },
};

struct sibling_word {
	const char *word;
	const char *codes[2];   /* a word can be written in two of a group */
};

/* Short, frequent words that are spelled differently among siblings. */
static const struct sibling_word sibling_words[] = {
	{ "af", { "da" } }, { "av", { "no", "sv" } },
	{ "mig", { "da", "sv" } }, { "meg", { "no" } },
	{ "dig", { "da", "sv" } }, { "deg", { "no" } },
	{ "sig", { "da", "sv" } }, { "seg", { "no" } },
	{ "hvad", { "da" } }, { "hva", { "no" } }, { "vad", { "sv" } },
	{ "nu", { "da", "sv" } }, { "nå", { "no" } },
	{ "os", { "da" } }, { "oss", { "no", "sv" } },
	{ "jer", { "da" } }, { "jeres", { "da" } }, { "dere", { "no" } },
	{ "är", { "sv" } },
	{ "jeg", { "da", "no" } }, { "jag", { "sv" } },
	{ "ikke", { "da", "no" } }, { "inte", { "sv" } },
	{ "og", { "da", "no" } }, { "och", { "sv" } }, { "att", { "sv" } },
	{ "meget", { "da" } }, { "mye", { "no" } }, { "mycket", { "sv" } },
	{ "efter", { "da", "sv" } }, { "etter", { "no" } },
	{ "gerne", { "da" } }, { "gjerne", { "no" } }, { "gärna", { "sv" } },
	{ "fået", { "da" } }, { "fått", { "no", "sv" } },
	{ "noget", { "da" } }, { "noe", { "no" } }, { "något", { "sv" } },
	{ "nogen", { "da" } }, { "noen", { "no" } }, { "någon", { "sv" } },
	{ "tak", { "da" } }, { "takk", { "no" } }, { "tack", { "sv" } },
	{ "venligst", { "da" } }, { "vennligst", { "no" } }, { "vänligen", { "sv" } },
	{ "købe", { "da" } }, { "kjøpe", { "no" } }, { "köpa", { "sv" } },
	{ "bisa", { "id" } }, { "boleh", { "ms" } },
	{ "karena", { "id" } }, { "kerana", { "ms" } },
	{ "perusahaan", { "id" } }, { "syarikat", { "ms" } },
	{ "mohon", { "id" } }, { "silakan", { "id" } }, { "sila", { "ms" } },
	{ "kirim", { "id" } }, { "kirimkan", { "id" } }, { "mengirimkan", { "id" } },
	{ "hantar", { "ms" } }, { "menghantar", { "ms" } },
	{ "pengiriman", { "id" } }, { "penghantaran", { "ms" } },
	{ "tanggal", { "id" } }, { "tarikh", { "ms" } },
	{ "saja", { "id" } }, { "sahaja", { "ms" } },
	{ "kapan", { "id" } }, { "bapak", { "id" } },
	{ "tuan", { "ms" } }, { "puan", { "ms" } }, { "encik", { "ms" } },
	{ "jsme", { "cs" } }, { "jsou", { "cs" } }, { "jste", { "cs" } },
	{ "také", { "cs" } }, { "sme", { "sk" } }, { "sú", { "sk" } },
	{ "ste", { "sk" } }, { "tiež", { "sk" } },
};

struct sibling_letter {
	gunichar c;            /* lowercase */
	const char *codes[2];
};

/* Letters the orthographies of siblings do not share. */
static const struct sibling_letter sibling_letters[] = {
	{ 0x00E4, { "sv", "sk" } },  /* ä */
	{ 0x00F6, { "sv" } },        /* ö */
	{ 0x00E6, { "da", "no" } },  /* æ */
	{ 0x00F8, { "da", "no" } },  /* ø */
	{ 0x0159, { "cs" } },        /* ř */
	{ 0x011B, { "cs" } },        /* ě */
	{ 0x016F, { "cs" } },        /* ů */
	{ 0x013E, { "sk" } },        /* ľ */
	{ 0x013A, { "sk" } },        /* ĺ */
	{ 0x0155, { "sk" } },        /* ŕ */
	{ 0x00F4, { "sk" } },        /* ô */
};

static const char *const *sibling_group_of(const char *code)
{
	for (size_t g = 0; g < G_N_ELEMENTS(sibling_groups); g++) {
		for (size_t i = 0; i < 3 && sibling_groups[g][i] != NULL; i++) {
			if (strcmp(sibling_groups[g][i], code) == 0)
				return sibling_groups[g];
		}
	}
	return NULL;
}

static bool in_group(const char *const *group, const char *code)
{
	for (size_t i = 0; i < 3 && group[i] != NULL; i++) {
		if (strcmp(group[i], code) == 0)
			return true;
	}
	return false;
}

/* Arabic-script letters of Persian and Urdu that Arabic does not write. */
static const gunichar persian_letters[] = {
	0x067E,  /* پ */
	0x0686,  /* چ */
	0x0698,  /* ژ */
	0x06AF,  /* گ */
	0x06A9,  /* ک (keheh: Arabic writes ك) */
	0x06CC,  /* ی (Farsi yeh: Arabic writes ي) */
	0x0679,  /* ٹ */
	0x0688,  /* ڈ */
	0x0691,  /* ڑ */
	0x06BA,  /* ں */
	0x06D2,  /* ے */
};

/* Tallies per language code; the cue tables use a few dozen codes. */
struct tally {
	const char *code[64];
	unsigned score[64];
	size_t n;
};

static void tally_add(struct tally *t, const char *code, unsigned score)
{
	for (size_t i = 0; i < t->n; i++) {
		if (strcmp(t->code[i], code) == 0) {
			t->score[i] += score;
			return;
		}
	}
	if (t->n < G_N_ELEMENTS(t->code)) {
		t->code[t->n] = code;
		t->score[t->n] = score;
		t->n++;
	}
}

/* The code with the highest score when it reaches min_score and beats the
 * runner-up by the factor margin; else NULL. */
static const char *tally_winner(const struct tally *t, unsigned min_score, unsigned margin)
{
	const char *best = NULL;
	unsigned best_score = 0, second_score = 0;

	for (size_t i = 0; i < t->n; i++) {
		if (t->score[i] > best_score) {
			second_score = best_score;
			best_score = t->score[i];
			best = t->code[i];
		} else if (t->score[i] > second_score) {
			second_score = t->score[i];
		}
	}
	if (best_score < min_score || best_score <= second_score * margin)
		return NULL;
	return best;
}

/* Whether words contains phrase as whole words: " phrase ". */
static bool has_phrase(const char *words, const char *phrase)
{
	size_t len = strlen(phrase);
	const char *p = words;

	while ((p = strstr(p, phrase)) != NULL) {
		if (p > words && p[-1] == ' ' && p[len] == ' ')
			return true;
		p++;
	}
	return false;
}

const char *language_cue_words(const char *words)
{
	struct tally t = { .n = 0 };

	for (size_t i = 0; i < G_N_ELEMENTS(phrases); i++) {
		if (has_phrase(words, phrases[i].words))
			tally_add(&t, phrases[i].code, 1);
	}
	return tally_winner(&t, 1, 1);
}

/* At most this many words after a closing phrase on its line: a name
 * ("Best regards, Anna Li"), not a sentence ("regards the delivery..."). */
#define CLOSING_MAX_TRAILING_WORDS 3

static unsigned count_words(const char *words)
{
	unsigned n = 0;

	for (const char *p = words; *p != '\0'; p++) {
		if (*p != ' ' && (p == words || p[-1] == ' '))
			n++;
	}
	return n;
}

bool language_cue_is_closing(const char *words)
{
	if (words[0] != ' ')
		return false;
	for (size_t i = 0; i < G_N_ELEMENTS(phrases); i++) {
		size_t len = strlen(phrases[i].words);

		if (phrases[i].closing && strncmp(words + 1, phrases[i].words, len) == 0 &&
		    words[len + 1] == ' ' &&
		    count_words(words + len + 1) <= CLOSING_MAX_TRAILING_WORDS)
			return true;
	}
	return false;
}

bool language_cue_has_siblings(const char *code)
{
	return sibling_group_of(code) != NULL;
}

bool language_cue_are_siblings(const char *a, const char *b)
{
	const char *const *group = sibling_group_of(a);

	return group != NULL && strcmp(a, b) != 0 && in_group(group, b);
}

static void tally_codes(struct tally *t, const char *const *group, const char *const codes[2])
{
	for (size_t j = 0; j < 2 && codes[j] != NULL; j++) {
		if (in_group(group, codes[j]))
			tally_add(t, codes[j], 1);
	}
}

const char *language_cue_sibling(const char *words, const char *code)
{
	const char *const *group = sibling_group_of(code);
	struct tally t = { .n = 0 };

	if (group == NULL)
		return NULL;
	for (size_t i = 0; i < G_N_ELEMENTS(sibling_words); i++) {
		if (has_phrase(words, sibling_words[i].word))
			tally_codes(&t, group, sibling_words[i].codes);
	}
	/* A letter counts once: "Göteborg" in a Danish mail is one vote. */
	for (size_t i = 0; i < G_N_ELEMENTS(sibling_letters); i++) {
		char utf8[8];

		utf8[g_unichar_to_utf8(sibling_letters[i].c, utf8)] = '\0';
		if (strstr(words, utf8) != NULL)
			tally_codes(&t, group, sibling_letters[i].codes);
	}
	return tally_winner(&t, 1, 1);
}

static bool is_vietnamese_tone_letter(gunichar c)
{
	return c >= 0x1EA0 && c <= 0x1EF9;
}

/* Russian writes "ъ" only before "е", "ё", "ю", "я" ("объявление");
 * Bulgarian anywhere ("контейнерът", "във"). */
static bool is_bulgarian_hard_sign(gunichar c, const char *next)
{
	gunichar n;

	if (c != 0x044A)
		return false;
	n = g_unichar_tolower(g_utf8_get_char(next));
	return n != 0x0435 && n != 0x0451 && n != 0x044E && n != 0x044F;
}

const char *language_cue_letters(const char *text)
{
	struct tally t = { .n = 0 };

	for (const char *p = text; *p != '\0'; p = g_utf8_next_char(p)) {
		gunichar c = g_unichar_tolower(g_utf8_get_char(p));

		if (c < 0x80)
			continue;
		if (is_vietnamese_tone_letter(c)) {
			tally_add(&t, "vi", 2);
			continue;
		}
		if (is_bulgarian_hard_sign(c, g_utf8_next_char(p))) {
			tally_add(&t, "bg", 2);
			continue;
		}
		for (size_t i = 0; i < G_N_ELEMENTS(letters); i++) {
			if (letters[i].c == c)
				tally_add(&t, letters[i].code, letters[i].weight);
		}
	}
	/* Twice the runner-up: a Spanish name in a Portuguese line is no
	 * Spanish text. */
	return tally_winner(&t, 2, 2);
}

unsigned language_cue_persian_letters(const char *text)
{
	unsigned n = 0;

	for (const char *p = text; *p != '\0'; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);

		for (size_t i = 0; i < G_N_ELEMENTS(persian_letters); i++) {
			if (persian_letters[i] == c) {
				n++;
				break;
			}
		}
	}
	return n;
}
