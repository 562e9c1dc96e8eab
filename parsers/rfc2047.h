#ifndef FOLLOWUP_PARSERS_RFC2047_H
#define FOLLOWUP_PARSERS_RFC2047_H
/*
 * rfc2047: header values as found on the wire (folded, encoded-words, raw
 * 8-bit bytes) to UTF-8. Pure: no I/O.
 *
 * Written because Debian's GMime 3.2.13 drops the second of two adjacent
 * base64 encoded-words of the same charset. Here, encoded-words separated
 * only by whitespace are joined without it (RFC 2047 6.2), and the decoded
 * bytes of neighbours in the same charset are concatenated before charset
 * conversion, since mailers split multibyte characters across words.
 *
 * Tolerances: encoded-words are recognised even when glued to other text
 * and when their payload holds spaces; the charset may carry an RFC 2231
 * language suffix ("UTF-8*en"); an unknown charset is treated as
 * undeclared. Raw 8-bit text outside encoded-words is UTF-8 when valid,
 * else in the first of `fallbacks` (NULL-terminated; NULL for
 * charset_default_fallbacks) that converts the header's raw bytes cleanly.
 *
 * Both functions return a newly allocated, valid UTF-8 string (g_free()),
 * never NULL, with CR and LF removed (unfolding; rfc2047_decode() turns
 * encoded ones into spaces) and other whitespace left as it is.
 */
#include <stddef.h>

/* For unstructured text (Subject, display names): everything decoded. */
char *rfc2047_decode(const char *raw, size_t len, const char *const *fallbacks);

/* For structured headers that GMime parses afterwards (address lists,
 * Content-Type, Content-Disposition): each run of adjacent encoded-words
 * becomes a single "=?UTF-8?B?...?=" word, so GMime decodes it whole and
 * cannot drop a part; everything else is kept as written, in UTF-8. */
char *rfc2047_normalize(const char *raw, size_t len,
                        const char *const *fallbacks);

#endif
