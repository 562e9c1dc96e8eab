/*
 * charset: see charset.h. Everything ends up as valid UTF-8; the only
 * question is how much of the original meaning survives, so the order of
 * attempts matters more than the mechanics.
 */
#include "parsers/charset.h"

#include <errno.h>
#include <string.h>
#include <glib.h>

#define REPLACEMENT_CHAR "\xEF\xBF\xBD" /* U+FFFD in UTF-8 */
#define CHARSET_NAME_MAX 64

const char *const charset_default_fallbacks[] = {
	"GB18030", "windows-1252", NULL
};

/*
 * Labels mailers get wrong, mapped to what they really send. The targets
 * are supersets of the labels, so correctly labelled text still converts
 * the same. A NULL target means "as good as undeclared".
 */
static const struct {
	const char *label;   /* lowercase */
	const char *iconv;   /* NULL: treat as undeclared */
} charset_aliases[] = {
	/* Chinese mailers say GB2312 and send GBK (or GB18030). */
	{ "gb2312", "GB18030" }, { "gbk", "GB18030" }, { "x-gbk", "GB18030" },
	{ "cp936", "GB18030" }, { "ms936", "GB18030" }, { "windows-936", "GB18030" },
	{ "euc-cn", "GB18030" }, { "x-euc-cn", "GB18030" }, { "csgb2312", "GB18030" },
	{ "gb_2312-80", "GB18030" }, { "chinese", "GB18030" },
	/* Korean: Outlook's label for Unified Hangul Code. */
	{ "ks_c_5601-1987", "CP949" }, { "ks_c_5601-1989", "CP949" },
	{ "ksc5601", "CP949" }, { "ksc_5601", "CP949" }, { "euc-kr", "CP949" },
	{ "windows-949", "CP949" }, { "csksc56011987", "CP949" },
	/* Western: windows-1252 only adds printable characters in 0x80-0x9f. */
	{ "iso-8859-1", "WINDOWS-1252" }, { "iso8859-1", "WINDOWS-1252" },
	{ "iso_8859-1", "WINDOWS-1252" }, { "latin1", "WINDOWS-1252" },
	{ "l1", "WINDOWS-1252" }, { "cp819", "WINDOWS-1252" },
	{ "ibm819", "WINDOWS-1252" }, { "cp1252", "WINDOWS-1252" },
	{ "iso-8859-9", "WINDOWS-1254" }, { "latin5", "WINDOWS-1254" },
	{ "iso-8859-11", "WINDOWS-874" }, { "tis-620", "WINDOWS-874" },
	/* Japanese: "Shift_JIS" mail is Windows-31J (NEC/IBM extensions). */
	{ "shift_jis", "CP932" }, { "shift-jis", "CP932" }, { "sjis", "CP932" },
	{ "x-sjis", "CP932" }, { "ms_kanji", "CP932" }, { "windows-31j", "CP932" },
	{ "csshiftjis", "CP932" },
	/* Traditional Chinese: HKSCS is the superset in practice. */
	{ "big5", "BIG5-HKSCS" }, { "x-x-big5", "BIG5-HKSCS" },
	{ "cn-big5", "BIG5-HKSCS" }, { "csbig5", "BIG5-HKSCS" },
	{ "utf8", "UTF-8" }, { "x-utf8", "UTF-8" }, { "utf-8", "UTF-8" },
	/* Labels that carry no information about 8-bit bytes. */
	{ "us-ascii", NULL }, { "ascii", NULL }, { "ansi_x3.4-1968", NULL },
	{ "iso646-us", NULL }, { "646", NULL }, { "unknown-8bit", NULL },
	{ "x-unknown", NULL }, { "unknown", NULL }, { "default", NULL },
	{ "charset", NULL }, { "us", NULL },
};

/*
 * ISO 8859 labels whose Windows sibling has printable characters where ISO
 * has C1 controls (0x80-0x9F), which no mail text means. Outlook and
 * others label windows-125x text with the ISO name; when the bytes hold a
 * C1 byte and convert cleanly as the sibling, the sibling is what was
 * meant. Unlike ISO-8859-1 (aliased to windows-1252 above, its superset),
 * these pairs also differ above 0xA0 (ISO-8859-2 and windows-1250 put
 * ą, ś, ź... apart; ISO-8859-5 and windows-1251 put all of Cyrillic at
 * different places), so without a C1 byte the label is trusted.
 */
static const struct {
	const char *iso;       /* lowercase, without punctuation */
	const char *windows;
} c1_siblings[] = {
	{ "iso88592", "WINDOWS-1250" }, { "latin2", "WINDOWS-1250" },
	{ "iso88595", "WINDOWS-1251" }, { "cyrillic", "WINDOWS-1251" },
	{ "iso88597", "WINDOWS-1253" }, { "greek", "WINDOWS-1253" },
	{ "iso88598", "WINDOWS-1255" }, { "iso88598i", "WINDOWS-1255" },
	{ "hebrew", "WINDOWS-1255" },
	{ "iso88596", "WINDOWS-1256" }, { "arabic", "WINDOWS-1256" },
	{ "iso88594", "WINDOWS-1257" }, { "iso885913", "WINDOWS-1257" },
	{ "latin4", "WINDOWS-1257" }, { "latin7", "WINDOWS-1257" },
};

static const char *c1_sibling(const char *charset)
{
	char key[CHARSET_NAME_MAX + 1];
	size_t n = 0;

	for (const char *p = charset; *p != '\0' && n < CHARSET_NAME_MAX; p++) {
		if (g_ascii_isalnum(*p))
			key[n++] = g_ascii_tolower(*p);
	}
	key[n] = '\0';
	for (size_t i = 0; i < G_N_ELEMENTS(c1_siblings); i++) {
		if (strcmp(key, c1_siblings[i].iso) == 0)
			return c1_siblings[i].windows;
	}
	return NULL;
}

static bool has_c1_byte(const char *bytes, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)bytes[i];

		if (c >= 0x80 && c <= 0x9F)
			return true;
	}
	return false;
}

bool charset_is_valid_utf8(const char *s, size_t len)
{
	/* g_utf8_validate_len() also rejects embedded NULs. */
	return g_utf8_validate_len(s, len, NULL);
}

char *charset_make_valid(const char *bytes, size_t len)
{
	GString *out = g_string_sized_new(len + 1);
	const char *p = bytes;
	size_t left = len;

	while (left > 0) {
		const char *end;

		if (g_utf8_validate_len(p, left, &end)) {
			g_string_append_len(out, p, (gssize)left);
			break;
		}
		g_string_append_len(out, p, end - p);
		g_string_append(out, REPLACEMENT_CHAR);
		/* Skip one byte: the next one may start a valid sequence. */
		left -= (size_t)(end - p) + 1;
		p = end + 1;
	}
	return g_string_free(out, FALSE);
}

/* Valid UTF-8 apart from NUL bytes (which charset_make_valid() replaces):
 * a stray NUL must not send UTF-8 text down the fallback path. */
static bool is_utf8_except_nul(const char *bytes, size_t len)
{
	const char *p = bytes;
	size_t left = len;

	while (left > 0) {
		const char *end;

		if (g_utf8_validate_len(p, left, &end))
			return true;
		if (*end != '\0')
			return false;
		left -= (size_t)(end - p) + 1;
		p = end + 1;
	}
	return true;
}

static bool is_plausible_name(const char *name)
{
	size_t len = strlen(name);

	if (len == 0 || len > CHARSET_NAME_MAX)
		return false;
	for (const char *p = name; *p != '\0'; p++) {
		if (!g_ascii_isalnum(*p) && strchr("-_.:+()", *p) == NULL)
			return false;
	}
	return true;
}

static bool iconv_knows(const char *name)
{
	GIConv cd = g_iconv_open("UTF-8", name);

	if (cd == (GIConv)-1)
		return false;
	g_iconv_close(cd);
	return true;
}

const char *charset_canonical(const char *declared)
{
	char lower[CHARSET_NAME_MAX + 1];

	if (declared == NULL || !is_plausible_name(declared))
		return NULL;
	g_strlcpy(lower, declared, sizeof(lower));
	for (char *p = lower; *p != '\0'; p++)
		*p = g_ascii_tolower(*p);
	for (size_t i = 0; i < G_N_ELEMENTS(charset_aliases); i++) {
		if (strcmp(lower, charset_aliases[i].label) == 0)
			return charset_aliases[i].iconv;
	}
	return iconv_knows(declared) ? declared : NULL;
}

/*
 * Runs bytes through cd into out. Strict: false at the first byte that
 * does not convert. Lossy: each such byte becomes U+FFFD and conversion
 * resumes right after it.
 */
static bool iconv_run(GIConv cd, const char *bytes, size_t len, bool lossy,
                      GString *out)
{
	char buf[4096];
	gchar *in = (gchar *)bytes;
	gsize inleft = len;

	while (inleft > 0) {
		gchar *o = buf;
		gsize oleft = sizeof(buf);
		gsize rc = g_iconv(cd, &in, &inleft, &o, &oleft);
		int err = errno;

		g_string_append_len(out, buf, o - buf);
		if (rc != (gsize)-1 || err == E2BIG)
			continue;
		if (!lossy)
			return false;
		g_string_append(out, REPLACEMENT_CHAR);
		in++;
		inleft--;
		g_iconv(cd, NULL, NULL, NULL, NULL);
	}
	/* Stateful encodings (ISO-2022-JP, UTF-7) may still hold output. */
	{
		gchar *o = buf;
		gsize oleft = sizeof(buf);

		if (g_iconv(cd, NULL, NULL, &o, &oleft) == (gsize)-1 && !lossy)
			return false;
		g_string_append_len(out, buf, o - buf);
	}
	return true;
}

/* iconv output is UTF-8 already; this only turns NULs into U+FFFD. */
static char *finish_utf8(GString *out)
{
	char *res;

	if (charset_is_valid_utf8(out->str, out->len))
		return g_string_free(out, FALSE);
	res = charset_make_valid(out->str, out->len);
	g_string_free(out, TRUE);
	return res;
}

static char *iconv_convert(const char *bytes, size_t len, const char *from,
                           bool lossy)
{
	GIConv cd = g_iconv_open("UTF-8", from);
	GString *out;
	bool ok;

	if (cd == (GIConv)-1)
		return NULL;
	out = g_string_sized_new(len + len / 2 + 1);
	ok = iconv_run(cd, bytes, len, lossy, out);
	g_iconv_close(cd);
	if (!ok) {
		g_string_free(out, TRUE);
		return NULL;
	}
	return finish_utf8(out);
}

char *charset_convert_strict(const char *bytes, size_t len, const char *from)
{
	return iconv_convert(bytes, len, from, false);
}

static bool is_utf8_name(const char *name)
{
	return g_ascii_strcasecmp(name, "UTF-8") == 0 ||
	       g_ascii_strcasecmp(name, "UTF8") == 0;
}

/* The first fallback (as written) that reads bytes without a fault, with
 * the text it reads in *text_r (g_free); NULL when none does. UTF-8 in
 * the list is passed over: the callers tried it first. */
static const char *clean_fallback(const char *bytes, size_t len, const char *const *fallbacks,
                                  char **text_r)
{
	for (size_t i = 0; fallbacks[i] != NULL; i++) {
		const char *canon = charset_canonical(fallbacks[i]);

		if (canon == NULL || is_utf8_name(canon))
			continue;
		*text_r = charset_convert_strict(bytes, len, canon);
		if (*text_r != NULL)
			return fallbacks[i];
	}
	*text_r = NULL;
	return NULL;
}

/* The undeclared rule: UTF-8 if valid, else the first clean fallback. */
static char *convert_undeclared(const char *bytes, size_t len,
                                const char *const *fallbacks)
{
	char *text;

	if (fallbacks == NULL)
		fallbacks = charset_default_fallbacks;
	if (is_utf8_except_nul(bytes, len))
		return charset_make_valid(bytes, len);
	if (clean_fallback(bytes, len, fallbacks, &text) != NULL)
		return text;
	return charset_make_valid(bytes, len);
}

const char *charset_detect(const char *bytes, size_t len,
                           const char *const *fallbacks)
{
	const char *name;
	char *text;

	if (fallbacks == NULL)
		fallbacks = charset_default_fallbacks;
	if (is_utf8_except_nul(bytes, len))
		return "UTF-8";
	name = clean_fallback(bytes, len, fallbacks, &text);
	g_free(text);
	return name;
}

char *charset_to_utf8(const char *bytes, size_t len, const char *declared,
                      const char *const *fallbacks)
{
	const char *canon = charset_canonical(declared);
	char *res;

	if (bytes == NULL)
		return g_strdup("");
	if (canon == NULL)
		return convert_undeclared(bytes, len, fallbacks);
	if (is_utf8_name(canon)) {
		/* A broken byte in UTF-8 text is far likelier than a wrong
		 * label: keep the rest of the text readable. */
		return charset_make_valid(bytes, len);
	}
	if (c1_sibling(canon) != NULL && has_c1_byte(bytes, len) &&
	    !is_utf8_except_nul(bytes, len)) {
		res = charset_convert_strict(bytes, len, c1_sibling(canon));
		if (res != NULL)
			return res;
	}
	if (c1_sibling(canon) != NULL && has_c1_byte(bytes, len) &&
	    !is_utf8_except_nul(bytes, len)) {
		res = charset_convert_strict(bytes, len, c1_sibling(canon));
		if (res != NULL)
			return res;
	}
	res = charset_convert_strict(bytes, len, canon);
	if (res != NULL)
		return res;
	if (is_utf8_except_nul(bytes, len))
		return charset_make_valid(bytes, len);
	res = iconv_convert(bytes, len, canon, true);
	return res != NULL ? res : charset_make_valid(bytes, len);
}
