/*
 * holidays: the text of a holiday file into the local dates rules/bizcal
 * needs. Two formats, told apart by content: an iCalendar file (the first
 * thing in it is BEGIN:VCALENDAR), read with libical, or a plain list of
 * "YYYY-MM-DD" lines. Pure: core/holidays.c reads the file.
 *
 * The dates asked for (from_year..to_year) are a bitmap, so a calendar
 * that names the same day a thousand times, or an event lasting a century,
 * costs no more memory than the window; a work budget bounds the time
 * (recurrence steps plus days marked). Outside that window nothing is kept.
 *
 * libical does the iCalendar grammar and the recurrence rules. Before it
 * runs, one pass over the text checks the structure (content lines,
 * BEGIN/END nesting) so that errors can name the line, which libical does
 * not track, and records where each VEVENT and its properties are.
 */
#include "rules/holidays.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>
#include <libical/ical.h>

#define HOLIDAYS_MAX_YEARS 400
#define HOLIDAYS_MAX_DAYS_MARKED UINT64_C(20000000)
#define HOLIDAYS_MAX_RECUR_STEPS UINT64_C(500000)
#define HOLIDAYS_MAX_MESSAGE 400
#define ICS_MAX_DEPTH 16
#define QUOTE_MAX 60

/* The dates asked for, as GDate Julian day numbers. */
struct window {
	int64_t first, last;   /* inclusive */
	guint8 *bits;
	uint64_t days_marked;  /* up to HOLIDAYS_MAX_DAYS_MARKED */
	uint64_t recur_steps;  /* up to HOLIDAYS_MAX_RECUR_STEPS */
};

/* One unfolded iCalendar content line. */
struct ics_line {
	int lineno;            /* of its first physical line */
	char *text;
};

/* Where a VEVENT is: indexes into the content lines. */
struct ics_event {
	size_t begin, end;     /* the BEGIN:VEVENT and END:VEVENT lines */
};

struct holidays_ctx {
	const char *path;
	struct window win;
	char *error;
	/* iCalendar only */
	GArray *lines;         /* struct ics_line */
	GArray *events;        /* struct ics_event, in file order */
	GHashTable *overridden;/* "UID\nJULIAN" of instances a RECURRENCE-ID replaces */
};

/* A printable copy of at most max bytes of untrusted text, for an error
 * message. */
static char *quote_text(const char *text, size_t len, size_t max)
{
	GString *out = g_string_sized_new(max + 4);
	char *valid;

	for (size_t i = 0; i < len && out->len < max; i++) {
		unsigned char c = (unsigned char)text[i];
		g_string_append_c(out, c < 0x20 || c == 0x7f ? '?' : (char)c);
	}
	if (len > out->len)
		g_string_append(out, "...");
	valid = g_utf8_make_valid(out->str, -1);
	g_string_free(out, TRUE);
	return valid;
}

static void set_error(struct holidays_ctx *ctx, int lineno, const char *fmt, ...)
	G_GNUC_PRINTF(3, 4);

static void set_error(struct holidays_ctx *ctx, int lineno, const char *fmt, ...)
{
	va_list args;
	char *raw, *what;

	if (ctx->error != NULL)
		return;
	va_start(args, fmt);
	raw = g_strdup_vprintf(fmt, args);
	va_end(args);
	/* Parts of it come from the file: printable, valid UTF-8, bounded. */
	what = quote_text(raw, strlen(raw), HOLIDAYS_MAX_MESSAGE);
	g_free(raw);
	if (lineno > 0)
		ctx->error = g_strdup_printf("%s:%d: %s", ctx->path, lineno, what);
	else
		ctx->error = g_strdup_printf("%s: %s", ctx->path, what);
	g_free(what);
}

/* ---- dates ---- */

static int64_t julian_of(int year, int month, int mday)
{
	GDate date;

	g_date_clear(&date, 1);
	g_date_set_dmy(&date, (GDateDay)mday, (GDateMonth)month, (GDateYear)year);
	return g_date_get_julian(&date);
}

static bool date_valid(int year, int month, int mday)
{
	return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && mday >= 1 &&
	       g_date_valid_dmy((GDateDay)mday, (GDateMonth)month, (GDateYear)year);
}

/* "YYYY-MM-DD" at text[0..len): 0 and *julian_r; -1 not that shape; -2 the
 * shape but no such day. */
static int parse_iso_date(const char *text, size_t len, int64_t *julian_r)
{
	static const char shape[] = "dddd-dd-dd";
	int year, month, mday;

	if (len < sizeof(shape) - 1)
		return -1;
	for (size_t i = 0; i < sizeof(shape) - 1; i++) {
		if (shape[i] == 'd' ? !g_ascii_isdigit(text[i]) : text[i] != '-')
			return -1;
	}
	year = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
	month = (text[5] - '0') * 10 + (text[6] - '0');
	mday = (text[8] - '0') * 10 + (text[9] - '0');
	if (!date_valid(year, month, mday))
		return -2;
	*julian_r = julian_of(year, month, mday);
	return 0;
}

/* ---- the window ---- */

/* Adds cost to *spent; -1 and an error past max. */
static int window_spend(struct holidays_ctx *ctx, uint64_t *spent, uint64_t cost, uint64_t max)
{
	*spent += cost;
	if (*spent > max) {
		set_error(ctx, 0, "expands to too many dates (over %" G_GUINT64_FORMAT " %s; "
		          "simplify the RRULEs, ask for fewer years or split the file)",
		          max, spent == &ctx->win.days_marked ? "days" : "recurrence steps");
		return -1;
	}
	return 0;
}

/* Marks n_days days from julian, as far as they are in the window. */
static int window_mark(struct holidays_ctx *ctx, int64_t julian, int64_t n_days)
{
	int64_t from = MAX(julian, ctx->win.first);
	int64_t to = MIN(julian + n_days - 1, ctx->win.last);

	if (to < from)
		return 0;
	if (window_spend(ctx, &ctx->win.days_marked, (uint64_t)(to - from + 1),
	                 HOLIDAYS_MAX_DAYS_MARKED) < 0)
		return -1;
	for (int64_t d = from; d <= to; d++) {
		int64_t bit = d - ctx->win.first;
		ctx->win.bits[bit / 8] |= (guint8)(1u << (bit % 8));
	}
	return 0;
}

static char **window_dates(const struct window *win)
{
	GPtrArray *dates = g_ptr_array_new();

	for (int64_t d = win->first; d <= win->last; d++) {
		int64_t bit = d - win->first;
		GDate date;
		if ((win->bits[bit / 8] & (1u << (bit % 8))) == 0)
			continue;
		g_date_clear(&date, 1);
		g_date_set_julian(&date, (guint32)d);
		g_ptr_array_add(dates, g_strdup_printf("%04u-%02u-%02u", (unsigned)g_date_get_year(&date),
		                                       (unsigned)g_date_get_month(&date),
		                                       (unsigned)g_date_get_day(&date)));
	}
	g_ptr_array_add(dates, NULL);
	return (char **)g_ptr_array_free(dates, FALSE);
}

/* ---- the plain list ---- */

static int parse_list_line(struct holidays_ctx *ctx, int lineno, const char *line, size_t len)
{
	size_t word = 0;
	int64_t julian;
	char *quoted;
	int ret;

	while (len > 0 && (*line == ' ' || *line == '\t')) {
		line++;
		len--;
	}
	if (len == 0 || *line == '#')
		return 0;
	if (memchr(line, '\0', len) != NULL) {
		set_error(ctx, lineno, "a NUL byte (the file must be text: one date YYYY-MM-DD a line)");
		return -1;
	}
	while (word < len && line[word] != ' ' && line[word] != '\t')
		word++;
	ret = word == 10 ? parse_iso_date(line, word, &julian) : -1;
	if (ret == 0)
		return window_mark(ctx, julian, 1);
	quoted = quote_text(line, word, QUOTE_MAX);
	if (ret == -2)
		set_error(ctx, lineno, "'%s' is not a real date (no such day in that month and year)",
		          quoted);
	else
		set_error(ctx, lineno,
		          "'%s' is not a date (write YYYY-MM-DD, optionally followed by a description)",
		          quoted);
	g_free(quoted);
	return -1;
}

static int parse_list(struct holidays_ctx *ctx, const char *text, size_t len)
{
	const char *p = text, *end = text + len;
	int lineno = 0;

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *line_end = nl != NULL ? nl : end;
		size_t line_len = (size_t)(line_end - p);

		lineno++;
		if (line_len > 0 && p[line_len - 1] == '\r')
			line_len--;
		if (parse_list_line(ctx, lineno, p, line_len) < 0)
			return -1;
		p = nl != NULL ? nl + 1 : end;
	}
	return 0;
}

/* ---- iCalendar: the structure pass ---- */

static size_t ics_name_length(const char *text)
{
	size_t n = 0;

	while (g_ascii_isalnum(text[n]) || text[n] == '-')
		n++;
	return n;
}

static bool ics_is_property(const char *text, const char *name)
{
	size_t n = strlen(name);

	return g_ascii_strncasecmp(text, name, n) == 0 && (text[n] == ':' || text[n] == ';');
}

/* The component a BEGIN: or END: line names, upper-cased and trimmed. */
static char *ics_component_name(const char *text)
{
	char *name = g_strstrip(g_strdup(strchr(text, ':') + 1));

	for (char *p = name; *p != '\0'; p++)
		*p = g_ascii_toupper(*p);
	return name;
}

struct ics_open {
	char *name;
	int lineno;
};

static void ics_open_clear(gpointer data)
{
	g_free(((struct ics_open *)data)->name);
}

static int ics_check_begin(struct holidays_ctx *ctx, GArray *stack, const char *name, int lineno)
{
	const char *parent = stack->len > 0 ? g_array_index(stack, struct ics_open, stack->len - 1).name
	                                    : NULL;

	if (stack->len >= ICS_MAX_DEPTH) {
		set_error(ctx, lineno, "components nested more than %d deep", ICS_MAX_DEPTH);
		return -1;
	}
	if (parent == NULL && strcmp(name, "VCALENDAR") != 0) {
		set_error(ctx, lineno, "BEGIN:%s outside BEGIN:VCALENDAR ... END:VCALENDAR", name);
		return -1;
	}
	if (parent != NULL && strcmp(name, "VCALENDAR") == 0) {
		set_error(ctx, lineno, "BEGIN:VCALENDAR inside %s (close it first with END:%s)", parent,
		          parent);
		return -1;
	}
	if (strcmp(name, "VEVENT") == 0 && strcmp(parent, "VCALENDAR") != 0) {
		set_error(ctx, lineno, "BEGIN:VEVENT inside %s (events belong directly in VCALENDAR)",
		          parent);
		return -1;
	}
	return 0;
}

/* One unfolded content line: BEGIN/END keep the nesting right, anything
 * else must be a property inside a component. */
static int ics_structure_line(struct holidays_ctx *ctx, GArray *stack, size_t index)
{
	const struct ics_line *line = &g_array_index(ctx->lines, struct ics_line, index);
	size_t name_len = ics_name_length(line->text);
	bool begin, end;
	char *name;
	int ret = 0;

	if (name_len == 0 || (line->text[name_len] != ':' && line->text[name_len] != ';')) {
		char *quoted = quote_text(line->text, strlen(line->text), QUOTE_MAX);
		set_error(ctx, line->lineno,
		          "'%s' is not an iCalendar line (NAME:VALUE or NAME;PARAM=...:VALUE)", quoted);
		g_free(quoted);
		return -1;
	}
	begin = name_len == 5 && g_ascii_strncasecmp(line->text, "BEGIN:", 6) == 0;
	end = name_len == 3 && g_ascii_strncasecmp(line->text, "END:", 4) == 0;
	if (!begin && !end) {
		if (stack->len == 0) {
			set_error(ctx, line->lineno,
			          "a property outside BEGIN:VCALENDAR ... END:VCALENDAR");
			return -1;
		}
		return 0;
	}
	name = ics_component_name(line->text);
	if (begin) {
		struct ics_open open = { .name = name, .lineno = line->lineno };
		if (ics_check_begin(ctx, stack, name, line->lineno) < 0) {
			ret = -1;
			goto out;
		}
		if (strcmp(name, "VEVENT") == 0) {
			struct ics_event event = { .begin = index, .end = index };
			g_array_append_val(ctx->events, event);
		}
		g_array_append_val(stack, open);
		name = NULL;  /* the stack owns it */
	} else {
		const struct ics_open *top = stack->len > 0
		                             ? &g_array_index(stack, struct ics_open, stack->len - 1)
		                             : NULL;
		if (top == NULL) {
			set_error(ctx, line->lineno, "END:%s without a BEGIN:%s", name, name);
			ret = -1;
			goto out;
		}
		if (strcmp(top->name, name) != 0) {
			set_error(ctx, line->lineno, "END:%s where END:%s was expected (BEGIN on line %d)",
			          name, top->name, top->lineno);
			ret = -1;
			goto out;
		}
		if (strcmp(name, "VEVENT") == 0)
			g_array_index(ctx->events, struct ics_event, ctx->events->len - 1).end = index;
		g_array_set_size(stack, stack->len - 1);
	}
out:
	g_free(name);
	return ret;
}

static bool blank(const char *text, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (text[i] != ' ' && text[i] != '\t')
			return false;
	}
	return true;
}

/* Splits the text into unfolded content lines (a physical line starting
 * with a space or a tab continues the one before). */
static void ics_unfold(struct holidays_ctx *ctx, const char *text, size_t len)
{
	const char *p = text, *end = text + len;
	GString *current = NULL;
	int lineno = 0, current_lineno = 0;

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = (size_t)((nl != NULL ? nl : end) - p);

		lineno++;
		if (n > 0 && p[n - 1] == '\r')
			n--;
		if (n > 0 && (p[0] == ' ' || p[0] == '\t') && current != NULL) {
			g_string_append_len(current, p + 1, (gssize)(n - 1));
		} else {
			if (current != NULL) {
				struct ics_line line = { current_lineno, g_string_free(current, FALSE) };
				g_array_append_val(ctx->lines, line);
				current = NULL;
			}
			/* Blank lines are not allowed by RFC 5545 but harmless. */
			if (!blank(p, n)) {
				current = g_string_new_len(p, (gssize)n);
				current_lineno = lineno;
			}
		}
		p = nl != NULL ? nl + 1 : end;
	}
	if (current != NULL) {
		struct ics_line line = { current_lineno, g_string_free(current, FALSE) };
		g_array_append_val(ctx->lines, line);
	}
}

static int ics_structure(struct holidays_ctx *ctx, const char *text, size_t len)
{
	GArray *stack = g_array_new(FALSE, TRUE, sizeof(struct ics_open));
	int ret = -1;

	g_array_set_clear_func(stack, ics_open_clear);
	ics_unfold(ctx, text, len);
	for (size_t i = 0; i < ctx->lines->len; i++) {
		if (ics_structure_line(ctx, stack, i) < 0)
			goto out;
	}
	if (stack->len > 0) {
		const struct ics_open *top = &g_array_index(stack, struct ics_open, stack->len - 1);
		set_error(ctx, top->lineno, "BEGIN:%s is never closed (add END:%s)", top->name,
		          top->name);
		goto out;
	}
	if (ctx->lines->len == 0) {
		set_error(ctx, 0, "no calendar in the file");
		goto out;
	}
	ret = 0;
out:
	g_array_free(stack, TRUE);
	return ret;
}

/* The line of an event's property `name`, else of its BEGIN:VEVENT. */
static int ics_property_line(const struct holidays_ctx *ctx, size_t event_index, const char *name)
{
	const struct ics_event *event;

	if (event_index >= ctx->events->len)
		return 0;
	event = &g_array_index(ctx->events, struct ics_event, event_index);
	for (size_t i = event->begin + 1; name != NULL && i < event->end; i++) {
		const struct ics_line *line = &g_array_index(ctx->lines, struct ics_line, i);
		if (ics_is_property(line->text, name))
			return line->lineno;
	}
	return g_array_index(ctx->lines, struct ics_line, event->begin).lineno;
}

/* ---- iCalendar: the events ---- */

struct event_info {
	icalcomponent *comp;
	size_t index;          /* among the file's VEVENTs */
	const char *uid;
	struct icaltimetype start;
	int64_t start_julian;
	int64_t n_days;        /* days each occurrence covers, >= 1 */
	GHashTable *excluded;  /* EXDATE Julian days */
};

static int64_t time_julian(struct icaltimetype t)
{
	return julian_of(t.year, t.month, t.day);
}

static bool time_valid(struct icaltimetype t)
{
	if (icaltime_is_null_time(t) || !date_valid(t.year, t.month, t.day))
		return false;
	return t.is_date || (t.hour >= 0 && t.hour < 24 && t.minute >= 0 && t.minute < 60 &&
	                     t.second >= 0 && t.second <= 60);
}

static int event_error(struct holidays_ctx *ctx, const struct event_info *ev, const char *property,
                       const char *fmt, ...) G_GNUC_PRINTF(4, 5);

static int event_error(struct holidays_ctx *ctx, const struct event_info *ev, const char *property,
                       const char *fmt, ...)
{
	va_list args;
	char *what;

	va_start(args, fmt);
	what = g_strdup_vprintf(fmt, args);
	va_end(args);
	set_error(ctx, ics_property_line(ctx, ev->index, property), "%s", what);
	g_free(what);
	return -1;
}

/* libical keeps what it could not parse as X-LIC-ERROR properties
 * ("Can't parse as DATE value in DTSTART property. ..."). */
static int event_check_parse_errors(struct holidays_ctx *ctx, const struct event_info *ev)
{
	icalproperty *prop = icalcomponent_get_first_property(ev->comp, ICAL_XLICERROR_PROPERTY);
	const char *message, *in, *prop_end;
	char *property = NULL, *quoted;

	if (prop == NULL)
		return 0;
	message = icalproperty_get_xlicerror(prop);
	if (message == NULL)
		message = "unreadable property";
	/* Find the line of the property it names, when it names one. */
	in = strstr(message, " in ");
	prop_end = in != NULL ? strstr(in + 4, " property") : NULL;
	if (prop_end != NULL && prop_end - (in + 4) < 64)
		property = g_strndup(in + 4, (gsize)(prop_end - (in + 4)));
	quoted = quote_text(message, strlen(message), 3 * QUOTE_MAX);
	event_error(ctx, ev, property, "%s (fix this event)", quoted);
	g_free(quoted);
	g_free(property);
	return -1;
}

/* How many days each occurrence covers: through DTEND (exclusive for an
 * all-day event; a timed event ending at midnight does not touch that
 * day), or DTSTART plus DURATION, else one. */
static int event_days(struct holidays_ctx *ctx, struct event_info *ev)
{
	icalproperty *end_prop = icalcomponent_get_first_property(ev->comp, ICAL_DTEND_PROPERTY);
	icalproperty *dur_prop = icalcomponent_get_first_property(ev->comp, ICAL_DURATION_PROPERTY);
	int64_t n = 1;

	if (end_prop != NULL) {
		struct icaltimetype end = icalproperty_get_dtend(end_prop);
		int64_t end_julian;
		if (!time_valid(end))
			return event_error(ctx, ev, "DTEND", "DTEND is not a real date or time");
		end_julian = time_julian(end);
		if (end_julian < ev->start_julian)
			return event_error(ctx, ev, "DTEND", "DTEND is before DTSTART");
		if (ev->start.is_date || end.is_date)
			n = end_julian - ev->start_julian;
		else if (end.hour == 0 && end.minute == 0 && end.second == 0)
			n = end_julian - ev->start_julian;
		else
			n = end_julian - ev->start_julian + 1;
	} else if (dur_prop != NULL) {
		struct icaldurationtype dur = icalproperty_get_duration(dur_prop);
		int64_t days = (int64_t)dur.weeks * 7 + dur.days;
		int64_t secs = (int64_t)dur.hours * 3600 + (int64_t)dur.minutes * 60 + dur.seconds;
		if (dur.is_neg)
			return event_error(ctx, ev, "DURATION", "DURATION is negative");
		if (ev->start.is_date) {
			n = days;
		} else {
			int64_t until = ev->start.hour * INT64_C(3600) + ev->start.minute * INT64_C(60) +
			                ev->start.second + days * INT64_C(86400) + secs;
			/* The last second of the event decides its last day. */
			n = until > 0 ? (until - 1) / 86400 + 1 : 1;
		}
	}
	/* Dates are within 0001..9999, so n is small; the window clips it. */
	ev->n_days = MAX(n, 1);
	return 0;
}

static void event_collect_exdates(struct event_info *ev)
{
	for (icalproperty *p = icalcomponent_get_first_property(ev->comp, ICAL_EXDATE_PROPERTY);
	     p != NULL; p = icalcomponent_get_next_property(ev->comp, ICAL_EXDATE_PROPERTY)) {
		struct icaltimetype t = icalproperty_get_exdate(p);
		if (time_valid(t))
			g_hash_table_add(ev->excluded, GSIZE_TO_POINTER((gsize)time_julian(t)));
	}
}

static char *override_key(const char *uid, int64_t julian)
{
	return g_strdup_printf("%s\n%" G_GINT64_FORMAT, uid, julian);
}

/* Marks one occurrence starting on julian, unless EXDATE or a RECURRENCE-ID
 * event removed it. */
static int event_occurrence(struct holidays_ctx *ctx, const struct event_info *ev, int64_t julian)
{
	bool replaced = false;

	if (g_hash_table_contains(ev->excluded, GSIZE_TO_POINTER((gsize)julian)))
		return 0;
	if (ev->uid != NULL && g_hash_table_size(ctx->overridden) > 0) {
		char *key = override_key(ev->uid, julian);
		replaced = g_hash_table_contains(ctx->overridden, key);
		g_free(key);
	}
	return replaced ? 0 : window_mark(ctx, julian, ev->n_days);
}

/* The iterator starts at DTSTART; when that is long before the window it
 * is moved close to it (libical allows that only without COUNT). */
static void rrule_skip_ahead(const struct holidays_ctx *ctx, const struct event_info *ev,
                             const struct icalrecurrencetype *rule, icalrecur_iterator *it)
{
	int64_t want = ctx->win.first - ev->n_days;
	struct icaltimetype start = ev->start;
	GDate date;

	if (rule->count > 0 || want <= ev->start_julian + 1)
		return;
	if (!icaltime_is_null_time(rule->until) &&
	    (!time_valid(rule->until) || time_julian(rule->until) < want))
		return;
	g_date_clear(&date, 1);
	g_date_set_julian(&date, (guint32)want);
	start.year = g_date_get_year(&date);
	start.month = g_date_get_month(&date);
	start.day = g_date_get_day(&date);
	(void)icalrecur_iterator_set_start(it, start);
}

/* False when BYMONTH and BYMONTHDAY can never meet (February 30th):
 * libical searches centuries for such a date before it gives up. */
static bool rrule_month_days_possible(const struct icalrecurrencetype *rule)
{
	static const int longest[13] = { 0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	bool any_month = rule->by_month[0] == ICAL_RECURRENCE_ARRAY_MAX;

	if (rule->by_month_day[0] == ICAL_RECURRENCE_ARRAY_MAX)
		return true;
	for (int m = 1; m <= 12; m++) {
		bool month_listed = any_month;
		for (size_t i = 0; !month_listed && i < ICAL_BY_MONTH_SIZE &&
		                   rule->by_month[i] != ICAL_RECURRENCE_ARRAY_MAX; i++)
			month_listed = icalrecurrencetype_month_month(rule->by_month[i]) == m;
		for (size_t i = 0; month_listed && i < ICAL_BY_MONTHDAY_SIZE &&
		                   rule->by_month_day[i] != ICAL_RECURRENCE_ARRAY_MAX; i++) {
			int day = abs(rule->by_month_day[i]);
			if (day >= 1 && day <= longest[m])
				return true;
		}
	}
	return false;
}

/* Nothing after the window matters: without COUNT, an UNTIL at its end
 * lets libical stop there instead of searching on. */
static void rrule_stop_at_window(const struct holidays_ctx *ctx, const struct event_info *ev,
                                 struct icalrecurrencetype *rule)
{
	struct icaltimetype until = ev->start;
	GDate date;

	if (rule->count > 0)
		return;
	if (!icaltime_is_null_time(rule->until) && time_valid(rule->until) &&
	    time_julian(rule->until) <= ctx->win.last)
		return;
	g_date_clear(&date, 1);
	g_date_set_julian(&date, (guint32)ctx->win.last);
	until.year = g_date_get_year(&date);
	until.month = g_date_get_month(&date);
	until.day = g_date_get_day(&date);
	if (!until.is_date) {
		until.hour = 23;
		until.minute = 59;
		until.second = 59;
	}
	rule->until = until;
}

static int event_rrule(struct holidays_ctx *ctx, const struct event_info *ev, icalproperty *prop)
{
	struct icalrecurrencetype rule = icalproperty_get_rrule(prop);
	icalrecur_iterator *it;
	int ret = 0;

	if (rule.freq < ICAL_DAILY_RECURRENCE || rule.freq > ICAL_YEARLY_RECURRENCE)
		return event_error(ctx, ev, "RRULE",
		                   "RRULE FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY for holidays");
	if (!rrule_month_days_possible(&rule))
		return event_error(ctx, ev, "RRULE",
		                   "RRULE can never give a date (no month in BYMONTH has a day in "
		                   "BYMONTHDAY)");
	if (ev->start_julian > ctx->win.last)
		return 0;
	rrule_stop_at_window(ctx, ev, &rule);
	it = icalrecur_iterator_new(rule, ev->start);
	if (it == NULL)
		return event_error(ctx, ev, "RRULE",
		                   "RRULE can never give a date, or libical does not support it "
		                   "(check its BYMONTH, BYMONTHDAY and BYDAY parts)");
	rrule_skip_ahead(ctx, ev, &rule, it);
	for (;;) {
		struct icaltimetype t = icalrecur_iterator_next(it);
		if (!time_valid(t) || time_julian(t) > ctx->win.last)
			break;
		if ((ret = window_spend(ctx, &ctx->win.recur_steps, 1, HOLIDAYS_MAX_RECUR_STEPS)) < 0 ||
		    (ret = event_occurrence(ctx, ev, time_julian(t))) < 0)
			break;
	}
	icalrecur_iterator_free(it);
	return ret;
}

static int event_rdates(struct holidays_ctx *ctx, const struct event_info *ev)
{
	for (icalproperty *p = icalcomponent_get_first_property(ev->comp, ICAL_RDATE_PROPERTY);
	     p != NULL; p = icalcomponent_get_next_property(ev->comp, ICAL_RDATE_PROPERTY)) {
		struct icaldatetimeperiodtype rdate = icalproperty_get_rdate(p);
		struct icaltimetype t = icaltime_is_null_time(rdate.time) ? rdate.period.start
		                                                          : rdate.time;
		if (!time_valid(t))
			return event_error(ctx, ev, "RDATE", "RDATE is not a real date or time");
		if (event_occurrence(ctx, ev, time_julian(t)) < 0)
			return -1;
	}
	return 0;
}

static int process_event(struct holidays_ctx *ctx, icalcomponent *comp, size_t index)
{
	struct event_info ev = { .comp = comp, .index = index };
	icalproperty *start_prop;
	int ret = -1;

	ev.excluded = g_hash_table_new(g_direct_hash, g_direct_equal);
	if (event_check_parse_errors(ctx, &ev) < 0)
		goto out;
	if (icalcomponent_get_status(comp) == ICAL_STATUS_CANCELLED) {
		ret = 0;
		goto out;
	}
	start_prop = icalcomponent_get_first_property(comp, ICAL_DTSTART_PROPERTY);
	if (start_prop == NULL) {
		event_error(ctx, &ev, NULL, "an event without DTSTART (add DTSTART;VALUE=DATE:YYYYMMDD)");
		goto out;
	}
	ev.start = icalproperty_get_dtstart(start_prop);
	if (!time_valid(ev.start)) {
		event_error(ctx, &ev, "DTSTART", "DTSTART is not a real date or time");
		goto out;
	}
	ev.start_julian = time_julian(ev.start);
	ev.uid = icalcomponent_get_uid(comp);
	/* A RECURRENCE-ID event is itself one occurrence: its own dates count,
	 * the ones it replaced were removed from its series. */
	if (icalcomponent_get_first_property(comp, ICAL_RECURRENCEID_PROPERTY) != NULL)
		ev.uid = NULL;
	if (event_days(ctx, &ev) < 0)
		goto out;
	event_collect_exdates(&ev);
	if (event_occurrence(ctx, &ev, ev.start_julian) < 0)
		goto out;
	for (icalproperty *p = icalcomponent_get_first_property(comp, ICAL_RRULE_PROPERTY);
	     p != NULL; p = icalcomponent_get_next_property(comp, ICAL_RRULE_PROPERTY)) {
		if (event_rrule(ctx, &ev, p) < 0)
			goto out;
	}
	if (event_rdates(ctx, &ev) < 0)
		goto out;
	ret = 0;
out:
	g_hash_table_destroy(ev.excluded);
	return ret;
}

/* Calls fn on every VEVENT in file order, whether the root is the
 * VCALENDAR or libical's XROOT holding several. */
static int for_each_event(struct holidays_ctx *ctx, icalcomponent *root,
                          int (*fn)(struct holidays_ctx *, icalcomponent *, size_t))
{
	icalcomponent_kind kind = icalcomponent_isa(root);
	size_t index = 0;

	for (icalcomponent *cal = kind == ICAL_XROOT_COMPONENT
	                          ? icalcomponent_get_first_component(root, ICAL_VCALENDAR_COMPONENT)
	                          : root;
	     cal != NULL;
	     cal = kind == ICAL_XROOT_COMPONENT
	           ? icalcomponent_get_next_component(root, ICAL_VCALENDAR_COMPONENT)
	           : NULL) {
		for (icalcomponent *ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
		     ev != NULL; ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
			if (fn(ctx, ev, index++) < 0)
				return -1;
		}
	}
	return 0;
}

static int collect_override(struct holidays_ctx *ctx, icalcomponent *comp, size_t index)
{
	icalproperty *prop = icalcomponent_get_first_property(comp, ICAL_RECURRENCEID_PROPERTY);
	const char *uid = icalcomponent_get_uid(comp);
	struct icaltimetype t;

	(void)index;
	if (prop == NULL || uid == NULL)
		return 0;
	t = icalproperty_get_recurrenceid(prop);
	if (time_valid(t))
		g_hash_table_add(ctx->overridden, override_key(uid, time_julian(t)));
	return 0;
}

static int parse_ics(struct holidays_ctx *ctx, const char *text, size_t len)
{
	int fatal = icalerror_get_errors_are_fatal();
	icalcomponent *root = NULL;
	char *copy = NULL;
	int ret = -1;

	if (ics_structure(ctx, text, len) < 0)
		return -1;
	/* A library built to abort on errors must not abort on a bad file. */
	icalerror_set_errors_are_fatal(0);
	copy = g_strndup(text, len);   /* libical wants a string; there is no NUL inside */
	root = icalparser_parse_string(copy);
	if (root == NULL) {
		set_error(ctx, 0, "libical could not read the calendar (is it an iCalendar file?)");
		goto out;
	}
	if (icalcomponent_isa(root) != ICAL_VCALENDAR_COMPONENT &&
	    icalcomponent_isa(root) != ICAL_XROOT_COMPONENT) {
		set_error(ctx, 0, "the file does not hold a VCALENDAR");
		goto out;
	}
	if (for_each_event(ctx, root, collect_override) < 0 ||
	    for_each_event(ctx, root, process_event) < 0)
		goto out;
	ret = 0;
out:
	if (root != NULL)
		icalcomponent_free(root);
	g_free(copy);
	icalmemory_free_ring();
	icalerror_set_errors_are_fatal(fatal);
	return ret;
}

/* ---- the text ---- */

static bool looks_like_ics(const char *text, size_t len)
{
	size_t i = 0;

	while (i < len && g_ascii_isspace(text[i]))
		i++;
	return len - i >= 15 && g_ascii_strncasecmp(text + i, "BEGIN:VCALENDAR", 15) == 0;
}

static int parse_text(struct holidays_ctx *ctx, const char *text, size_t len)
{
	bool ics;

	/* Editors on some systems begin a file with a UTF-8 byte order mark. */
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
		text += 3;
		len -= 3;
	}
	ics = looks_like_ics(text, len);
	if (ics && memchr(text, '\0', len) != NULL) {
		set_error(ctx, 0, "a NUL byte in an iCalendar file (the file must be text)");
		return -1;
	}
	return ics ? parse_ics(ctx, text, len) : parse_list(ctx, text, len);
}

static void ics_line_clear(gpointer data)
{
	g_free(((struct ics_line *)data)->text);
}

int holidays_parse(const char *name, const char *text, size_t len, int from_year,
                   int to_year, char ***dates_r, char **error_r)
{
	struct holidays_ctx ctx = { .path = name != NULL ? name : "(no file)" };
	int ret = -1;

	*dates_r = NULL;
	*error_r = NULL;
	if (text == NULL && len > 0) {
		set_error(&ctx, 0, "no text");
		goto out;
	}
	if (name == NULL) {
		set_error(&ctx, 0, "no holiday file given");
		goto out;
	}
	if (from_year < 1 || to_year > 9999 || from_year > to_year ||
	    to_year - from_year >= HOLIDAYS_MAX_YEARS) {
		set_error(&ctx, 0, "years %d..%d: ask for at most %d years within 1..9999", from_year,
		          to_year, HOLIDAYS_MAX_YEARS);
		goto out;
	}
	ctx.win.first = julian_of(from_year, 1, 1);
	ctx.win.last = julian_of(to_year, 12, 31);
	ctx.win.bits = g_malloc0((size_t)((ctx.win.last - ctx.win.first) / 8 + 1));
	ctx.lines = g_array_new(FALSE, TRUE, sizeof(struct ics_line));
	g_array_set_clear_func(ctx.lines, ics_line_clear);
	ctx.events = g_array_new(FALSE, TRUE, sizeof(struct ics_event));
	ctx.overridden = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	if (parse_text(&ctx, text != NULL ? text : "", len) < 0)
		goto out;
	*dates_r = window_dates(&ctx.win);
	ret = 0;
out:
	if (ret < 0)
		*error_r = ctx.error != NULL ? ctx.error : g_strdup_printf("%s: unreadable", ctx.path);
	else
		g_free(ctx.error);
	g_free(ctx.win.bits);
	if (ctx.lines != NULL)
		g_array_free(ctx.lines, TRUE);
	if (ctx.events != NULL)
		g_array_free(ctx.events, TRUE);
	if (ctx.overridden != NULL)
		g_hash_table_destroy(ctx.overridden);
	return ret;
}
