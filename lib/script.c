#include "lib/script.h"

bool script_is_unspaced(gunichar c)
{
	switch (g_unichar_get_script(c)) {
	case G_UNICODE_SCRIPT_HAN:
	case G_UNICODE_SCRIPT_HIRAGANA:
	case G_UNICODE_SCRIPT_KATAKANA:
	case G_UNICODE_SCRIPT_THAI:
	case G_UNICODE_SCRIPT_LAO:
	case G_UNICODE_SCRIPT_KHMER:
	case G_UNICODE_SCRIPT_MYANMAR:
		return true;
	default:
		return false;
	}
}

bool script_matches_inside_words(gunichar c)
{
	return script_is_unspaced(c) || g_unichar_get_script(c) == G_UNICODE_SCRIPT_HANGUL;
}
