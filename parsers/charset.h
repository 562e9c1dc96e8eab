#ifndef FOLLOWUP_PARSERS_CHARSET_H
#define FOLLOWUP_PARSERS_CHARSET_H
/*
 * charset: bytes in some (declared, mislabelled or undeclared) charset to
 * valid UTF-8. Pure: no I/O; conversions go through GLib's g_iconv.
 *
 * Every function returning char * returns a newly allocated (g_malloc)
 * string the caller frees with g_free(); it is valid UTF-8 and contains no
 * NUL byte before its terminator (an input NUL becomes U+FFFD).
 */
#include <stdbool.h>
#include <stddef.h>

/* Tried, in order, for undeclared 8-bit text that is not valid UTF-8. */
extern const char *const charset_default_fallbacks[];

/* The iconv name to use for a charset declared in a message: known
 * mislabels mapped to the superset mailers really mean (GB2312/GBK ->
 * GB18030, ks_c_5601-1987 -> CP949, ISO-8859-1 -> windows-1252, ...; the
 * table is in charset.c). NULL when the declaration says nothing useful:
 * absent, empty, US-ASCII (8-bit text labelled ASCII is common), a
 * syntactically implausible name, or a charset iconv does not know.
 * The result is a static string or `declared` itself. */
const char *charset_canonical(const char *declared);

/* Which charset undeclared bytes are in: "UTF-8" when they are valid UTF-8
 * (pure ASCII included), else the first of `fallbacks` (NULL-terminated;
 * NULL means charset_default_fallbacks) that converts them without error,
 * else NULL. The result points into `fallbacks` or is static. */
const char *charset_detect(const char *bytes, size_t len,
                           const char *const *fallbacks);

/* bytes[0..len) to UTF-8. `declared` may be NULL (undeclared). A declared,
 * known charset is used as is, with one exception: an ISO 8859 label (-2,
 * -4, -5, -6, -7, -8, -13) on bytes holding 0x80-0x9F (C1 controls in ISO,
 * never meant in mail) means its windows-125x sibling when the bytes
 * convert cleanly as that; ISO-8859-5 becomes windows-1251 only then,
 * since the two place Cyrillic differently and the label is otherwise the
 * best evidence. If the bytes do not convert cleanly and are
 * valid UTF-8, they are taken as mislabelled UTF-8; otherwise the declared
 * charset is applied with U+FFFD for what does not convert. Undeclared
 * (or unknown) text follows charset_detect(); when nothing converts
 * cleanly, invalid sequences become U+FFFD. Never NULL. */
char *charset_to_utf8(const char *bytes, size_t len, const char *declared,
                      const char *const *fallbacks);

/* Strict conversion from the iconv charset `from`; NULL when iconv does not
 * know it or the bytes do not convert without error. */
char *charset_convert_strict(const char *bytes, size_t len, const char *from);

/* bytes[0..len) as UTF-8, each invalid sequence and each NUL replaced by
 * U+FFFD. Never NULL. */
char *charset_make_valid(const char *bytes, size_t len);

/* True when s[0..len) is valid UTF-8 without NUL bytes. */
bool charset_is_valid_utf8(const char *s, size_t len);

#endif
