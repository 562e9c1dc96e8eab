/* language_country: the language of a country and the country of a domain's
 * top-level domain (see language.h). Pure: tables only. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>

#include "classify/language.h"

/* Longest input looked at: a domain name is at most 253 bytes, an address
 * a little more; anything longer is no customer key. */
#define DOMAIN_MAX_BYTES 1024

struct country_language {
	const char *country;   /* ISO 3166-1 alpha-2, uppercase */
	const char *language;  /* ISO 639-1, or NULL: no one language */
};

/*
 * Every ISO 3166-1 alpha-2 country, sorted by code (bsearch), with the
 * language its business mail is most often written in: the fallback when a
 * message's text cannot tell, used to pick an acknowledgement template. So
 * where the main official language and the language of trade differ, the
 * table says the latter, deliberately:
 *  - BE: "nl": about 60% of Belgians, and most of the country's export
 *    trade (Flanders, the port of Antwerp), use Dutch;
 *  - CH: "de" (the majority); LU: "fr" (business and administration);
 *  - CA: "en" (the majority; Quebec's French is then told by the text);
 *  - English where it is official and the language of business mail: IN,
 *    PK, SG, PH, NG, KE, GH, TZ, UG, RW, ZA..., and also BD, LK and MY,
 *    whose trade mail is mostly English;
 *  - MA, DZ, TN, MG: "fr": business correspondence there is mostly French;
 *  - KZ, BY, KG, UZ, TJ, TM: "ru", the language of trade in the region;
 *  - HK, MO, TW: "zh" (written Chinese, traditional characters).
 * Uninhabited territories have no language.
 */
static const struct country_language countries[] = {
	{ "AD", "ca" }, { "AE", "ar" }, { "AF", "fa" }, { "AG", "en" },
	{ "AI", "en" }, { "AL", "sq" }, { "AM", "hy" }, { "AO", "pt" },
	{ "AQ", NULL }, { "AR", "es" }, { "AS", "en" }, { "AT", "de" },
	{ "AU", "en" }, { "AW", "nl" }, { "AX", "sv" }, { "AZ", "az" },
	{ "BA", "bs" }, { "BB", "en" }, { "BD", "en" }, { "BE", "nl" },
	{ "BF", "fr" }, { "BG", "bg" }, { "BH", "ar" }, { "BI", "fr" },
	{ "BJ", "fr" }, { "BL", "fr" }, { "BM", "en" }, { "BN", "ms" },
	{ "BO", "es" }, { "BQ", "nl" }, { "BR", "pt" }, { "BS", "en" },
	{ "BT", "dz" }, { "BV", NULL }, { "BW", "en" }, { "BY", "ru" },
	{ "BZ", "en" }, { "CA", "en" }, { "CC", "en" }, { "CD", "fr" },
	{ "CF", "fr" }, { "CG", "fr" }, { "CH", "de" }, { "CI", "fr" },
	{ "CK", "en" }, { "CL", "es" }, { "CM", "fr" }, { "CN", "zh" },
	{ "CO", "es" }, { "CR", "es" }, { "CU", "es" }, { "CV", "pt" },
	{ "CW", "nl" }, { "CX", "en" }, { "CY", "el" }, { "CZ", "cs" },
	{ "DE", "de" }, { "DJ", "fr" }, { "DK", "da" }, { "DM", "en" },
	{ "DO", "es" }, { "DZ", "fr" }, { "EC", "es" }, { "EE", "et" },
	{ "EG", "ar" }, { "EH", "ar" }, { "ER", "ti" }, { "ES", "es" },
	{ "ET", "am" }, { "FI", "fi" }, { "FJ", "en" }, { "FK", "en" },
	{ "FM", "en" }, { "FO", "fo" }, { "FR", "fr" }, { "GA", "fr" },
	{ "GB", "en" }, { "GD", "en" }, { "GE", "ka" }, { "GF", "fr" },
	{ "GG", "en" }, { "GH", "en" }, { "GI", "en" }, { "GL", "kl" },
	{ "GM", "en" }, { "GN", "fr" }, { "GP", "fr" }, { "GQ", "es" },
	{ "GR", "el" }, { "GS", NULL }, { "GT", "es" }, { "GU", "en" },
	{ "GW", "pt" }, { "GY", "en" }, { "HK", "zh" }, { "HM", NULL },
	{ "HN", "es" }, { "HR", "hr" }, { "HT", "fr" }, { "HU", "hu" },
	{ "ID", "id" }, { "IE", "en" }, { "IL", "he" }, { "IM", "en" },
	{ "IN", "en" }, { "IO", "en" }, { "IQ", "ar" }, { "IR", "fa" },
	{ "IS", "is" }, { "IT", "it" }, { "JE", "en" }, { "JM", "en" },
	{ "JO", "ar" }, { "JP", "ja" }, { "KE", "en" }, { "KG", "ru" },
	{ "KH", "km" }, { "KI", "en" }, { "KM", "fr" }, { "KN", "en" },
	{ "KP", "ko" }, { "KR", "ko" }, { "KW", "ar" }, { "KY", "en" },
	{ "KZ", "ru" }, { "LA", "lo" }, { "LB", "ar" }, { "LC", "en" },
	{ "LI", "de" }, { "LK", "en" }, { "LR", "en" }, { "LS", "en" },
	{ "LT", "lt" }, { "LU", "fr" }, { "LV", "lv" }, { "LY", "ar" },
	{ "MA", "fr" }, { "MC", "fr" }, { "MD", "ro" }, { "ME", "sr" },
	{ "MF", "fr" }, { "MG", "fr" }, { "MH", "en" }, { "MK", "mk" },
	{ "ML", "fr" }, { "MM", "my" }, { "MN", "mn" }, { "MO", "zh" },
	{ "MP", "en" }, { "MQ", "fr" }, { "MR", "ar" }, { "MS", "en" },
	{ "MT", "en" }, { "MU", "en" }, { "MV", "dv" }, { "MW", "en" },
	{ "MX", "es" }, { "MY", "en" }, { "MZ", "pt" }, { "NA", "en" },
	{ "NC", "fr" }, { "NE", "fr" }, { "NF", "en" }, { "NG", "en" },
	{ "NI", "es" }, { "NL", "nl" }, { "NO", "no" }, { "NP", "ne" },
	{ "NR", "en" }, { "NU", "en" }, { "NZ", "en" }, { "OM", "ar" },
	{ "PA", "es" }, { "PE", "es" }, { "PF", "fr" }, { "PG", "en" },
	{ "PH", "en" }, { "PK", "en" }, { "PL", "pl" }, { "PM", "fr" },
	{ "PN", "en" }, { "PR", "es" }, { "PS", "ar" }, { "PT", "pt" },
	{ "PW", "en" }, { "PY", "es" }, { "QA", "ar" }, { "RE", "fr" },
	{ "RO", "ro" }, { "RS", "sr" }, { "RU", "ru" }, { "RW", "en" },
	{ "SA", "ar" }, { "SB", "en" }, { "SC", "en" }, { "SD", "ar" },
	{ "SE", "sv" }, { "SG", "en" }, { "SH", "en" }, { "SI", "sl" },
	{ "SJ", "no" }, { "SK", "sk" }, { "SL", "en" }, { "SM", "it" },
	{ "SN", "fr" }, { "SO", "so" }, { "SR", "nl" }, { "SS", "en" },
	{ "ST", "pt" }, { "SV", "es" }, { "SX", "nl" }, { "SY", "ar" },
	{ "SZ", "en" }, { "TC", "en" }, { "TD", "fr" }, { "TF", "fr" },
	{ "TG", "fr" }, { "TH", "th" }, { "TJ", "ru" }, { "TK", "en" },
	{ "TL", "pt" }, { "TM", "ru" }, { "TN", "fr" }, { "TO", "en" },
	{ "TR", "tr" }, { "TT", "en" }, { "TV", "en" }, { "TW", "zh" },
	{ "TZ", "en" }, { "UA", "uk" }, { "UG", "en" }, { "UM", "en" },
	{ "US", "en" }, { "UY", "es" }, { "UZ", "ru" }, { "VA", "it" },
	{ "VC", "en" }, { "VE", "es" }, { "VG", "en" }, { "VI", "en" },
	{ "VN", "vi" }, { "VU", "en" }, { "WF", "fr" }, { "WS", "en" },
	{ "YE", "ar" }, { "YT", "fr" }, { "ZA", "en" }, { "ZM", "en" },
	{ "ZW", "en" },
};

/*
 * TLD handling. A ccTLD names the customer's country, except:
 *  - "uk" is GB's, and "su" (the Soviet Union's, still sold) is Russian;
 *  - "eu" and the gTLDs (com, net, org, info, biz...) name no country:
 *    they are not in the table above;
 *  - the ccTLDs sold worldwide as generic names (io, ai, co, tv, me, cc...)
 *    name no country on their own, but do under a second-level category
 *    label, as their own companies use them: "startup.co" -> NULL,
 *    "empresa.com.co" -> "CO". ".co" is Colombia's, but most ".co" names
 *    are start-ups anywhere, and Colombian firms mostly use ".com.co".
 */
static const char *const generic_cctlds[] = {
	"ac", "ag", "ai", "bz", "cc", "co", "cx", "fm", "gg", "gs", "io", "la",
	"ly", "me", "ms", "nu", "sh", "so", "st", "tk", "to", "tv", "vc", "ws",
};

static const char *const category_labels[] = {
	"ac", "biz", "co", "com", "edu", "go", "gob", "gov", "info", "ltd",
	"mil", "ne", "net", "nom", "or", "org", "plc", "sch",
};

struct tld_alias {
	const char *tld;       /* lowercase, Unicode for IDN ccTLDs */
	const char *country;
};

static const struct tld_alias tld_aliases[] = {
	{ "uk", "GB" },
	{ "su", "RU" },
	{ "рф", "RU" },
	{ "укр", "UA" },
	{ "бел", "BY" },
	{ "қаз", "KZ" },
	{ "срб", "RS" },
	{ "мкд", "MK" },
	{ "ελ", "GR" },
	{ "中国", "CN" },
	{ "中國", "CN" },
	{ "香港", "HK" },
	{ "澳門", "MO" },
	{ "台灣", "TW" },
	{ "台湾", "TW" },
	{ "新加坡", "SG" },
	{ "한국", "KR" },
	{ "ไทย", "TH" },
	{ "भारत", "IN" },
	{ "السعودية", "SA" },
	{ "امارات", "AE" },
	{ "مصر", "EG" },
	{ "قطر", "QA" },
	{ "ایران", "IR" },
};

static int compare_country(const void *key, const void *elem)
{
	const char *code = key;
	const struct country_language *row = elem;

	return strcmp(code, row->country);
}

/* The table row of a two-letter code (any case), or NULL. */
static const struct country_language *find_country(const char *code, size_t len)
{
	char upper[3];

	if (len != 2 || !g_ascii_isalpha(code[0]) || !g_ascii_isalpha(code[1]))
		return NULL;
	upper[0] = g_ascii_toupper(code[0]);
	upper[1] = g_ascii_toupper(code[1]);
	upper[2] = '\0';
	return bsearch(upper, countries, G_N_ELEMENTS(countries), sizeof(countries[0]),
	               compare_country);
}

const char *language_of_country(const char *country)
{
	const struct country_language *row;

	if (country == NULL)
		return NULL;
	/* "UK" is no ISO code, but people write it. */
	if (g_ascii_strcasecmp(country, "uk") == 0)
		country = "GB";
	row = find_country(country, strlen(country));
	return row != NULL ? row->language : NULL;
}

static bool in_list(const char *const *list, size_t n, const char *s, size_t len)
{
	for (size_t i = 0; i < n; i++) {
		if (strlen(list[i]) == len && g_ascii_strncasecmp(list[i], s, len) == 0)
			return true;
	}
	return false;
}

/* The label before the last one, ASCII case kept: its start and length. */
static size_t second_label(const char *domain, size_t tld_start, const char **start_r)
{
	size_t end = tld_start - 1;   /* the '.' before the TLD */
	size_t start = end;

	while (start > 0 && domain[start - 1] != '.')
		start--;
	*start_r = domain + start;
	return end - start;
}

/* An IDN ccTLD (Unicode, or its "xn--" ACE form) or an alias: the country. */
static const char *country_of_alias(const char *tld, size_t len)
{
	char *label = g_strndup(tld, len);
	char *unicode = NULL;
	char *lower = NULL;
	const char *country = NULL;

	if (g_ascii_strncasecmp(label, "xn--", 4) == 0) {
		unicode = g_hostname_to_unicode(label);
		if (unicode == NULL)
			goto out;
	}
	if (!g_utf8_validate(unicode != NULL ? unicode : label, -1, NULL))
		goto out;
	lower = g_utf8_strdown(unicode != NULL ? unicode : label, -1);
	for (size_t i = 0; i < G_N_ELEMENTS(tld_aliases); i++) {
		if (strcmp(lower, tld_aliases[i].tld) == 0) {
			country = tld_aliases[i].country;
			break;
		}
	}
out:
	g_free(label);
	g_free(unicode);
	g_free(lower);
	return country;
}

const char *language_country_of_domain(const char *domain_or_address)
{
	const char *domain, *at, *second;
	const struct country_language *row;
	size_t len, tld_start, second_len;

	if (domain_or_address == NULL)
		return NULL;
	len = strnlen(domain_or_address, DOMAIN_MAX_BYTES + 1);
	if (len > DOMAIN_MAX_BYTES)
		return NULL;
	at = memrchr(domain_or_address, '@', len);
	domain = at != NULL ? at + 1 : domain_or_address;
	len -= (size_t)(domain - domain_or_address);
	/* "kunde.de." and "kunde.de>" name the same domain. */
	while (len > 0 && (domain[len - 1] == '.' || domain[len - 1] == '>' ||
	                   g_ascii_isspace(domain[len - 1])))
		len--;
	tld_start = len;
	while (tld_start > 0 && domain[tld_start - 1] != '.')
		tld_start--;
	/* A bare host name or TLD is no domain of a customer. */
	if (tld_start == 0 || tld_start == len || tld_start == 1)
		return NULL;

	row = find_country(domain + tld_start, len - tld_start);
	if (row == NULL)
		return country_of_alias(domain + tld_start, len - tld_start);
	if (in_list(generic_cctlds, G_N_ELEMENTS(generic_cctlds), domain + tld_start, 2)) {
		second_len = second_label(domain, tld_start, &second);
		/* "com.co" itself is a public suffix, not a customer. */
		if (second == domain)
			return NULL;
		if (!in_list(category_labels, G_N_ELEMENTS(category_labels), second, second_len))
			return NULL;
	}
	return row->country;
}

const char *language_country_code(const char *code)
{
	const struct country_language *row;

	if (code == NULL)
		return NULL;
	if (g_ascii_strcasecmp(code, "uk") == 0)
		return "GB";
	row = find_country(code, strlen(code));
	return row != NULL ? row->country : NULL;
}
