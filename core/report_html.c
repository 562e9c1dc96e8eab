/*
 * report_html: the page, section by section, and the three charts it
 * draws (bars across, bars up, a funnel) as inline SVG. Sizes are in the
 * SVG's own units; the viewBox lets a phone scale the picture down.
 */
#include <string.h>
#include <glib.h>

#include "lib/duration.h"

#include "core/orders.h"
#include "core/records.h"
#include "core/report_html.h"
#include "lib/safe_text.h"

#define CHART_W 640
#define LABEL_W 170
#define ROW_H 26
#define MAX_BARS 40

static const char *const colours[] = { "#2b6cb0", "#dd6b20", "#38a169" };

void core_report_escape(GString *out, const char *text)
{
	if (text == NULL)
		return;
	char *safe = safe_text_new(text, SAFE_TEXT_LINE);
	for (const char *p = safe; *p != '\0'; p++) {
		switch (*p) {
		case '&': g_string_append(out, "&amp;"); break;
		case '<': g_string_append(out, "&lt;"); break;
		case '>': g_string_append(out, "&gt;"); break;
		case '"': g_string_append(out, "&quot;"); break;
		case '\'': g_string_append(out, "&#39;"); break;
		default: g_string_append_c(out, *p); break;
		}
	}
	g_free(safe);
}

/* ---- small formats ---- */

/* The report's word for key; the key itself if no catalogue has it. */
static const char *word(const struct core_report *r, const char *key)
{
	const char *text = catalog_get(r->words, key);

	return text != NULL ? text : key;
}

/* The text of key with one number put in as {{name}}. New string. */
static char *word_n(const struct core_report *r, const char *key, const char *name,
                    long long value)
{
	char num[32];

	snprintf(num, sizeof(num), "%lld", value);
	const char *vars[] = { name, num, NULL };
	return catalog_format(r->words, key, vars);
}

/* An owner's group (core_kpi_rows by owner): the kpi's word for no
 * owner in the report's words. */
static const char *owner_word(const struct core_report *r, const char *group)
{
	return strcmp(group, CORE_KPI_NOBODY) == 0 ? word(r, "nobody") : group;
}

/* A stage of the funnel: the team's name for it ([stages]), else the
 * report's word for the stage, else its id. */
static const char *stage_word(const struct core_report *r, const char *id)
{
	const char *shown = core_stage_display(r->names, id);
	char key[64];

	if (strcmp(shown, id) != 0)
		return shown;
	snprintf(key, sizeof(key), "stage.%s", id);
	const char *text = catalog_get(r->words, key);
	return text != NULL ? text : id;
}

/* A state's name (sla_state_name, sheet_state_name) in the report's
 * words; the name itself when they have none for it. */
static const char *state_word(const struct core_report *r, const char *state)
{
	char key[64];

	snprintf(key, sizeof(key), "state.%s", state);
	const char *text = catalog_get(r->words, key);
	return text != NULL ? text : state;
}

static void day_text(int64_t t, const char *tz, char *buf, size_t size)
{
	char *day = t == INT64_MIN ? NULL : core_day_of(t, tz);

	g_strlcpy(buf, day != NULL ? day : "–", size);
	g_free(day);
}

/* ---- charts ---- */

struct bar {
	const char *label;          /* from mail or people: escaped when drawn */
	double value[3];
	char text[48];              /* the value as written beside the bar */
};

/* A round top for an axis that holds max: 1, 2 or 5 times a power of ten. */
static double axis_top(double max)
{
	double step = 1;

	if (max <= 0)
		return 1;
	while (step * 10 <= max)
		step *= 10;
	if (max <= step)
		return step;
	if (max <= 2 * step)
		return 2 * step;
	if (max <= 5 * step)
		return 5 * step;
	return 10 * step;
}

static void axis_number(double v, char *buf, size_t size)
{
	if (v == (double)(int64_t)v)
		snprintf(buf, size, "%lld", (long long)v);
	else
		snprintf(buf, size, "%.1f", v);
}

static void svg_open(GString *o, const char *cls, int height, const char *title)
{
	g_string_append_printf(o, "<svg class=\"chart %s\" "
	                       "viewBox=\"0 0 %d %d\" role=\"img\"><title>", cls, CHART_W, height);
	core_report_escape(o, title);
	g_string_append(o, "</title>\n");
}

static void svg_text(GString *o, int x, int y, const char *anchor, const char *cls,
                     const char *text)
{
	g_string_append_printf(o, "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\" class=\"%s\">", x, y,
	                       anchor, cls);
	core_report_escape(o, text);
	g_string_append(o, "</text>\n");
}

static void svg_empty(GString *o, const char *cls, const char *title, const char *none)
{
	svg_open(o, cls, 60, title);
	svg_text(o, CHART_W / 2, 35, "middle", "note", none);
	g_string_append(o, "</svg>\n");
}

/* What a chart is: its class, title, the unit of its axis (may be "")
 * and the note drawn when it has nothing to show. */
struct chart {
	const char *cls, *title, *unit, *none;
};

/* Bars across, one row per label, `series` bars a row (owners side by
 * side), with an axis of c->unit below. */
static void svg_hbars(GString *o, const struct chart *c, const struct bar *bars, size_t n,
                      size_t series)
{
	const char *cls = c->cls, *title = c->title, *unit = c->unit;
	double max = 0;
	int row_h = ROW_H + (int)(series - 1) * 12;
	int plot_w = CHART_W - LABEL_W - 70;

	if (n == 0) {
		svg_empty(o, cls, title, c->none);
		return;
	}
	for (size_t i = 0; i < n; i++)
		for (size_t s = 0; s < series; s++)
			max = MAX(max, bars[i].value[s]);
	double top = axis_top(max);
	int height = (int)n * row_h + 40;
	svg_open(o, cls, height, title);
	for (size_t i = 0; i < n; i++) {
		int y = (int)i * row_h + 8;
		svg_text(o, LABEL_W - 8, y + row_h / 2 + 2, "end", "label", bars[i].label);
		int bar_h = (row_h - 8) / (int)series;
		for (size_t s = 0; s < series; s++) {
			int w = (int)(bars[i].value[s] / top * plot_w + 0.5);
			g_string_append_printf(o, "<rect class=\"bar\" x=\"%d\" y=\"%d\" width=\"%d\" "
			                       "height=\"%d\" fill=\"%s\"/>\n", LABEL_W,
			                       y + (int)s * bar_h, MAX(w, 1), bar_h - 2, colours[s % 3]);
		}
		svg_text(o, LABEL_W + (int)(MAX(bars[i].value[0], 0) / top * plot_w) + 6,
		         y + row_h / 2 + 2, "start", "value", bars[i].text);
	}
	int axis_y = (int)n * row_h + 10;
	g_string_append_printf(o, "<line class=\"axis\" x1=\"%d\" y1=\"4\" x2=\"%d\" y2=\"%d\"/>\n"
	                       "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>\n",
	                       LABEL_W, LABEL_W, axis_y, LABEL_W, axis_y, LABEL_W + plot_w, axis_y);
	for (int k = 0; k <= 4; k++) {
		char num[32], tick[64];
		axis_number(top * k / 4, num, sizeof(num));
		snprintf(tick, sizeof(tick), "%s%s%s", num, k == 4 && unit[0] != '\0' ? " " : "",
		         k == 4 ? unit : "");
		svg_text(o, LABEL_W + plot_w * k / 4, axis_y + 16, "middle", "tick", tick);
	}
	g_string_append(o, "</svg>\n");
}

/* Bars up, `series` side by side per label (weeks), with an axis of
 * c->unit at the left; the first series' text above its bar. */
static void svg_vbars(GString *o, const struct chart *c, const struct bar *bars, size_t n,
                      size_t series)
{
	const char *cls = c->cls, *title = c->title, *unit = c->unit;
	const int left = 56, bottom = 40, height = 260;
	int plot_h = height - bottom - 20, plot_w = CHART_W - left - 10;
	double max = 0;

	if (n == 0) {
		svg_empty(o, cls, title, c->none);
		return;
	}
	for (size_t i = 0; i < n; i++)
		for (size_t s = 0; s < series; s++)
			max = MAX(max, bars[i].value[s]);
	double top = axis_top(max);
	int slot = plot_w / (int)n, base = height - bottom;
	int bar_w = slot * 2 / 3 / (int)series;
	svg_open(o, cls, height, title);
	for (int k = 0; k <= 4; k++) {
		char num[32];
		int y = base - plot_h * k / 4;
		axis_number(top * k / 4, num, sizeof(num));
		g_string_append_printf(o, "<line class=\"grid\" x1=\"%d\" y1=\"%d\" x2=\"%d\" "
		                       "y2=\"%d\"/>\n", left, y, left + plot_w, y);
		svg_text(o, left - 6, y + 4, "end", "tick", num);
	}
	svg_text(o, 4, 14, "start", "tick", unit);
	for (size_t i = 0; i < n; i++) {
		int x = left + (int)i * slot + slot / 6;
		for (size_t s = 0; s < series; s++) {
			int h = MAX((int)(bars[i].value[s] / top * plot_h + 0.5), 1);
			g_string_append_printf(o, "<rect class=\"bar\" x=\"%d\" y=\"%d\" width=\"%d\" "
			                       "height=\"%d\" fill=\"%s\"/>\n", x + (int)s * bar_w,
			                       base - h, bar_w - 2, h, colours[s % 3]);
		}
		int h0 = MAX((int)(bars[i].value[0] / top * plot_h + 0.5), 1);
		svg_text(o, x + bar_w / 2, base - h0 - 4, "middle", "value", bars[i].text);
		svg_text(o, x + slot / 3, base + 16, "middle", "label", bars[i].label);
	}
	g_string_append_printf(o, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>\n"
	                       "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>\n",
	                       left, base, left + plot_w, base, left, base, left, base - plot_h);
	g_string_append(o, "</svg>\n");
}

/* The way to an order, widest at the top, each stage centred. */
static void svg_funnel(GString *o, const struct core_report *r, const struct bar *bars,
                       size_t n)
{
	double max = 0;
	const int width = CHART_W - 200;

	for (size_t i = 0; i < n; i++)
		max = MAX(max, bars[i].value[0]);
	if (max <= 0) {
		svg_empty(o, "funnel", word(r, "funnel.heading"), word(r, "chart.no-data"));
		return;
	}
	svg_open(o, "funnel", (int)n * 30 + 10, word(r, "funnel.chart"));
	for (size_t i = 0; i < n; i++) {
		int w = MAX((int)(bars[i].value[0] / max * width + 0.5), 2);
		int y = (int)i * 30 + 5;
		g_string_append_printf(o, "<rect class=\"stage\" x=\"%d\" y=\"%d\" width=\"%d\" "
		                       "height=\"26\" fill=\"%s\"/>\n", 100 + (width - w) / 2, y, w,
		                       colours[0]);
		svg_text(o, 92, y + 18, "end", "label", bars[i].label);
		svg_text(o, 100 + width + 8, y + 18, "start", "value", bars[i].text);
	}
	g_string_append(o, "</svg>\n");
}

/* ---- sections ---- */

static const char style[] =
	"body{font-family:system-ui,-apple-system,'Segoe UI','Noto Sans','Noto Sans CJK SC',"
	"sans-serif;margin:0 auto;max-width:960px;padding:12px;color:#1a202c;background:#fff}"
	"h1{font-size:1.5em;margin:.2em 0}h2{font-size:1.15em;margin:1.4em 0 .4em;"
	"border-bottom:2px solid #2b6cb0}p.period{color:#4a5568;margin:0 0 1em}"
	".cards{display:flex;flex-wrap:wrap;gap:8px}.card{flex:1 1 130px;border:1px solid #cbd5e0;"
	"border-radius:6px;padding:8px}.card b{display:block;font-size:1.4em}.card span{color:#4a5568;"
	"font-size:.85em}svg.chart{width:100%;height:auto;display:block}"
	"svg text{font-size:12px;fill:#1a202c}svg text.tick{fill:#4a5568;font-size:11px}"
	"svg text.note{fill:#718096}svg line.axis{stroke:#2d3748;stroke-width:1}"
	"svg line.grid{stroke:#e2e8f0;stroke-width:1}"
	".legend span{display:inline-block;margin-right:1em}.legend i{display:inline-block;"
	"width:.8em;height:.8em;margin-right:.3em}"
	"table{border-collapse:collapse;width:100%;font-size:.9em}th,td{text-align:left;"
	"padding:4px 6px;border-bottom:1px solid #e2e8f0;vertical-align:top}"
	"td.n,th.n{text-align:right}.wrap{overflow-x:auto}p.none{color:#718096}"
	"@media (max-width:600px){body{padding:6px}table{font-size:.8em}}"
	"@media print{body{max-width:none;padding:0}section{break-inside:avoid}"
	"h2{break-after:avoid}.card{border-color:#000}}";

static void card(GString *o, const char *value, const char *what)
{
	g_string_append(o, "<div class=\"card\"><b>");
	core_report_escape(o, value);
	g_string_append(o, "</b><span>");
	core_report_escape(o, what);
	g_string_append(o, "</span></div>\n");
}

static void summary(GString *o, const struct core_report *r)
{
	const struct core_kpi_row *t = r->team->pdata[0];
	char buf[64];

	g_string_append(o, "<section><div class=\"cards\">\n");
	snprintf(buf, sizeof(buf), "%lld", (long long)t->inquiries);
	card(o, buf, word(r, "card.inquiries"));
	duration_format_hm(t->first_response_median_s, "–", buf, sizeof(buf));
	card(o, buf, word(r, "card.median"));
	duration_format_hm(t->first_response_p90_s, "–", buf, sizeof(buf));
	card(o, buf, word(r, "card.p90"));
	if (r->data->sla_rule != NULL)
		duration_format_share(t->sla_within, t->sla_decided, "–", buf, sizeof(buf));
	else
		g_strlcpy(buf, word(r, "card.no-rule"), sizeof(buf));
	card(o, buf, word(r, "card.sla"));
	snprintf(buf, sizeof(buf), "%lld", (long long)t->quotes);
	card(o, buf, word(r, "card.quotes"));
	duration_format_share(t->orders, t->quotes, "–", buf, sizeof(buf));
	card(o, buf, word(r, "card.quote-to-order"));
	if (t->followed_customers > 0)
		snprintf(buf, sizeof(buf), "%.1f", (double)t->follow_ups / (double)t->followed_customers);
	else
		g_strlcpy(buf, "–", sizeof(buf));
	card(o, buf, word(r, "card.follow-ups"));
	snprintf(buf, sizeof(buf), "%lld", (long long)t->silent);
	card(o, buf, word(r, "card.silent"));
	snprintf(buf, sizeof(buf), "%lld", (long long)t->payments_overdue);
	card(o, buf, word(r, "card.payments-overdue"));
	g_string_append(o, "</div></section>\n");
}

/* "<section><h2>HEADING</h2>\n", the heading in the page's words. */
static void section_open(GString *o, const char *heading)
{
	g_string_append(o, "<section><h2>");
	core_report_escape(o, heading);
	g_string_append(o, "</h2>\n");
}

static void section_weeks(GString *o, const struct core_report *r)
{
	struct bar bars[MAX_BARS];
	size_t n = 0;

	section_open(o, word(r, "weeks.heading"));
	g_string_append_printf(o, "<p class=\"legend\"><span><i style=\"background:%s\">"
	                       "</i>", colours[0]);
	core_report_escape(o, word(r, "legend.median"));
	g_string_append_printf(o, "</span><span><i style=\"background:%s\"></i>", colours[1]);
	core_report_escape(o, word(r, "legend.p90"));
	g_string_append(o, "</span></p>\n");
	for (guint i = 1; i < r->weeks->len && n < MAX_BARS; i++) {
		const struct core_kpi_row *w = r->weeks->pdata[i];
		struct bar *b = &bars[n++];
		b->label = w->group;
		b->value[0] = w->first_response_median_s < 0 ? 0 :
		              (double)w->first_response_median_s / 3600.0;
		b->value[1] = w->first_response_p90_s < 0 ? 0 :
		              (double)w->first_response_p90_s / 3600.0;
		if (w->first_response_median_s < 0) {
			char *none = word_n(r, "weeks.none-answered", "count",
			                    (long long)w->inquiries);
			g_strlcpy(b->text, none, sizeof(b->text));
			g_free(none);
		} else
			duration_format_hm(w->first_response_median_s, "–", b->text, sizeof(b->text));
	}
	const struct chart c = { "weeks", word(r, "weeks.chart"), word(r, "weeks.unit"),
	                         word(r, "chart.no-data") };
	svg_vbars(o, &c, bars, n, 2);
	g_string_append(o, "</section>\n");
}

static void section_funnel(GString *o, const struct core_report *r)
{
	struct bar bars[MAX_BARS];
	size_t n = 0, n_stages = 0;
	int64_t *counts = core_kpi_funnel(r->data, &n_stages);

	section_open(o, word(r, "funnel.heading"));
	for (size_t i = 0; i < n_stages && n < MAX_BARS; i++) {
		struct bar *b = &bars[n++];
		b->label = stage_word(r, core_kpi_funnel_stage(i));
		b->value[0] = (double)counts[i];
		snprintf(b->text, sizeof(b->text), "%lld", (long long)counts[i]);
	}
	svg_funnel(o, r, bars, n);
	g_free(counts);
	g_string_append(o, "</section>\n");
}

static void section_countries(GString *o, const struct core_report *r)
{
	struct bar bars[MAX_BARS];
	size_t n = 0;

	section_open(o, word(r, "countries.heading"));
	for (guint i = 1; i < r->countries->len && n < MAX_BARS; i++) {
		const struct core_kpi_row *c = r->countries->pdata[i];
		if (c->inquiries == 0)
			continue;
		struct bar *b = &bars[n++];
		b->label = strcmp(c->group, CORE_KPI_UNKNOWN_COUNTRY) == 0 ? word(r, "country.unknown")
		                                                           : c->group;
		b->value[0] = (double)c->inquiries;
		snprintf(b->text, sizeof(b->text), "%lld", (long long)c->inquiries);
	}
	const struct chart c = { "countries", word(r, "countries.heading"),
	                         word(r, "countries.unit"), word(r, "chart.no-data") };
	svg_hbars(o, &c, bars, n, 1);
	g_string_append(o, "</section>\n");
}

static void section_owners(GString *o, const struct core_report *r)
{
	struct bar bars[MAX_BARS];
	size_t n = 0;
	static const char *const names[] = { "legend.inquiries", "legend.quotes", "legend.orders" };
	static const char *const heads[] = { "col.owner", "col.inquiries", "col.median", "col.p90",
	                                     "col.sla", "col.quotes", "col.orders" };

	section_open(o, word(r, "owners.heading"));
	g_string_append(o, "<p class=\"legend\">");
	for (size_t s = 0; s < 3; s++) {
		g_string_append_printf(o, "<span><i style=\"background:%s\"></i>", colours[s]);
		core_report_escape(o, word(r, names[s]));
		g_string_append(o, "</span>");
	}
	g_string_append(o, "</p>\n");
	for (guint i = 1; i < r->owners->len && n < MAX_BARS; i++) {
		const struct core_kpi_row *w = r->owners->pdata[i];
		struct bar *b = &bars[n++];
		b->label = owner_word(r, w->group);
		b->value[0] = (double)w->inquiries;
		b->value[1] = (double)w->quotes;
		b->value[2] = (double)w->orders;
		snprintf(b->text, sizeof(b->text), "%lld / %lld / %lld", (long long)w->inquiries,
		         (long long)w->quotes, (long long)w->orders);
	}
	const struct chart c = { "owners", word(r, "owners.chart"), "", word(r, "chart.no-data") };
	svg_hbars(o, &c, bars, n, 3);
	g_string_append(o, "<div class=\"wrap\"><table><tr>");
	for (size_t i = 0; i < G_N_ELEMENTS(heads); i++) {
		g_string_append(o, i == 0 ? "<th>" : "<th class=\"n\">");
		core_report_escape(o, word(r, heads[i]));
		g_string_append(o, "</th>");
	}
	g_string_append(o, "</tr>\n");
	for (guint i = 1; i < r->owners->len; i++) {
		const struct core_kpi_row *w = r->owners->pdata[i];
		char med[32], p90[32], sla[16];
		duration_format_hm(w->first_response_median_s, "–", med, sizeof(med));
		duration_format_hm(w->first_response_p90_s, "–", p90, sizeof(p90));
		duration_format_share(w->sla_within, r->data->sla_rule != NULL ? w->sla_decided : 0,
		                      "–", sla, sizeof(sla));
		g_string_append(o, "<tr><td>");
		core_report_escape(o, owner_word(r, w->group));
		g_string_append_printf(o, "</td><td class=\"n\">%lld</td><td class=\"n\">%s</td>"
		                       "<td class=\"n\">%s</td><td class=\"n\">%s</td><td class=\"n\">"
		                       "%lld</td><td class=\"n\">%lld</td></tr>\n",
		                       (long long)w->inquiries, med, p90, sla, (long long)w->quotes,
		                       (long long)w->orders);
	}
	g_string_append(o, "</table></div></section>\n");
}

/* A table's cells: each text escaped. */
static void row(GString *o, const char *const *cells, size_t n)
{
	g_string_append(o, "<tr>");
	for (size_t i = 0; i < n; i++) {
		g_string_append(o, "<td>");
		core_report_escape(o, cells[i]);
		g_string_append(o, "</td>");
	}
	g_string_append(o, "</tr>\n");
}

/* A table's heading and heads: heads are keys of the report's words. */
static void table_open(GString *o, const struct core_report *r, const char *title,
                       const char *const *heads, size_t n)
{
	section_open(o, title);
	g_string_append(o, "<div class=\"wrap\"><table><tr>");
	for (size_t i = 0; i < n; i++) {
		g_string_append(o, "<th>");
		core_report_escape(o, word(r, heads[i]));
		g_string_append(o, "</th>");
	}
	g_string_append(o, "</tr>\n");
}

static void table_close(GString *o, size_t rows, const char *none)
{
	g_string_append(o, "</table></div>\n");
	if (rows == 0) {
		g_string_append(o, "<p class=\"none\">");
		core_report_escape(o, none);
		g_string_append(o, "</p>\n");
	}
	g_string_append(o, "</section>\n");
}

static void section_quotes(GString *o, const struct core_report *r)
{
	const struct core_kpi_data *d = r->data;
	static const char *const heads[] = { "col.sent", "col.customer", "col.subject", "col.days" };
	size_t rows = 0;

	table_open(o, r, word(r, "quotes.heading"), heads, 4);
	for (size_t i = 0; i < d->n_quotes; i++) {
		const struct store_quote *q = &d->quotes[i];
		if (q->answered_at != INT64_MIN || q->date > d->now ||
		    (q->message_id != NULL && g_hash_table_contains(d->orders_by_quote, q->message_id)))
			continue;
		char day[32], age[32];
		day_text(q->date, d->timezone, day, sizeof(day));
		snprintf(age, sizeof(age), "%lld", (long long)((d->now - q->date) / 86400));
		const char *cells[] = { day, q->customer, q->subject, age };
		row(o, cells, 4);
		rows++;
	}
	table_close(o, rows, word(r, "quotes.none"));
}

bool core_report_payment_due_soon(const struct core_kpi_data *d, const struct store_order *o)
{
	int64_t due = 0;

	return o->due != NULL && !core_order_settled(o) &&
	       !core_order_overdue(o, d->now, d->timezone) &&
	       core_sheet_date_time(o->due, d->timezone, &due) == 0 &&
	       due <= d->now + CORE_REPORT_DUE_AHEAD_DAYS * 86400;
}

static void order_row(GString *o, const struct store_order *ord)
{
	char amount[48], paid[48];

	core_amount_format(ord->amount_milli, amount, sizeof(amount));
	core_amount_format(ord->paid_milli, paid, sizeof(paid));
	const char *cells[] = { ord->number, ord->customer, ord->currency, amount, paid, ord->due };
	row(o, cells, 6);
}

static void section_payments(GString *o, const struct core_report *r)
{
	const struct core_kpi_data *d = r->data;
	static const char *const heads[] = { "col.order", "col.customer", "col.currency",
	                                     "col.amount", "col.paid", "col.due" };
	char *title = word_n(r, "payments-due.heading", "days", CORE_REPORT_DUE_AHEAD_DAYS);
	size_t rows = 0;

	table_open(o, r, title, heads, 6);
	g_free(title);
	for (size_t i = 0; i < d->n_orders; i++) {
		if (!core_report_payment_due_soon(d, &d->orders[i]))
			continue;
		order_row(o, &d->orders[i]);
		rows++;
	}
	table_close(o, rows, word(r, "payments-due.none"));

	rows = 0;
	table_open(o, r, word(r, "payments-overdue.heading"), heads, 6);
	for (size_t i = 0; i < d->n_orders; i++) {
		if (!core_order_overdue(&d->orders[i], d->now, d->timezone))
			continue;
		order_row(o, &d->orders[i]);
		rows++;
	}
	table_close(o, rows, word(r, "payments-overdue.none"));
}

static void section_overdue(GString *o, const struct core_report *r)
{
	static const char *const heads[] = { "col.state", "col.rule", "col.customer", "col.owner",
	                                     "col.late", "col.subject" };
	const char *nobody = word(r, "nobody");
	size_t rows = 0;

	table_open(o, r, word(r, "overdue.heading"), heads, 6);
	for (guint i = 0; i < r->overdue->len; i++) {
		const struct overdue_entry *e = &g_array_index(r->overdue, struct overdue_entry, i);
		char late[32];
		duration_format_hm(e->result.overdue_seconds > 0 ? e->result.overdue_seconds : -1, "–",
		                   late, sizeof(late));
		const char *cells[] = { state_word(r, sla_state_name(e->result.state)), e->rule->name,
		                        e->thread->customer, e->owner != NULL ? e->owner : nobody,
		                        late, e->thread->subject };
		row(o, cells, 6);
		rows++;
	}
	for (guint i = 0; r->sheet != NULL && i < r->sheet->entries->len; i++) {
		const struct core_sheet_entry *e =
			&g_array_index(r->sheet->entries, struct core_sheet_entry, i);
		char late[32];
		duration_format_hm(e->occ.overdue_seconds > 0 ? e->occ.overdue_seconds : -1, "–",
		                   late, sizeof(late));
		const char *cells[] = { state_word(r, sheet_state_name(e->occ.state)), e->rule->name,
		                        e->customer->key, e->owner != NULL ? e->owner : nobody,
		                        late, e->subject };
		row(o, cells, 6);
		rows++;
	}
	table_close(o, rows, word(r, "overdue.none"));
}

static void section_silent(GString *o, const struct core_report *r)
{
	const struct core_kpi_data *d = r->data;
	static const char *const heads[] = { "col.customer", "col.name", "col.owner",
	                                     "col.last-mail", "col.days" };
	int64_t end = MIN(r->to, d->now);
	size_t rows = 0;
	char *title = word_n(r, "silent.heading", "days", (long long)(d->silent_after_s / 86400));

	table_open(o, r, title, heads, 5);
	g_free(title);
	for (size_t i = 0; i < d->n_customers; i++) {
		const struct store_customer *c = d->customers[i];
		if (!core_kpi_silent(d, c, end))
			continue;
		char day[32], days[32];
		day_text(c->last_inbound, d->timezone, day, sizeof(day));
		snprintf(days, sizeof(days), "%lld", (long long)((end - c->last_inbound) / 86400));
		const char *cells[] = { c->key, c->name, c->owner != NULL ? c->owner : word(r, "nobody"),
		                        day,
		                        days };
		row(o, cells, 5);
		rows++;
	}
	table_close(o, rows, word(r, "silent.none"));
}

char *core_report_html(const struct core_report *r)
{
	GString *o = g_string_new(NULL);
	char from[32], to[32], now[32];

	day_text(r->from, r->data->timezone, from, sizeof(from));
	day_text(r->to - 1, r->data->timezone, to, sizeof(to));
	day_text(r->data->now, r->data->timezone, now, sizeof(now));
	const char *vars[] = { "company", r->company, "from", from, "to", to, "zone",
	                       r->data->timezone != NULL ? r->data->timezone : "UTC", "now", now,
	                       NULL };
	char *title = catalog_format(r->words, "page.title", vars);
	char *period = catalog_format(r->words, "page.period", vars);

	g_string_append(o, "<!DOCTYPE html>\n<html lang=\"");
	core_report_escape(o, r->language != NULL ? r->language : "en");
	g_string_append(o, "\"><head><meta charset=\"utf-8\">\n"
	                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	                   "<title>");
	core_report_escape(o, title);
	g_string_append_printf(o, "</title>\n<style>%s</style>\n</head><body>\n<h1>", style);
	core_report_escape(o, r->company);
	g_string_append(o, "</h1>\n<p class=\"period\">");
	core_report_escape(o, period);
	g_string_append(o, "</p>\n");
	g_free(title);
	g_free(period);
	summary(o, r);
	section_weeks(o, r);
	section_funnel(o, r);
	section_countries(o, r);
	section_owners(o, r);
	section_quotes(o, r);
	section_payments(o, r);
	section_overdue(o, r);
	section_silent(o, r);
	g_string_append(o, "</body></html>\n");
	return g_string_free(o, FALSE);
}
