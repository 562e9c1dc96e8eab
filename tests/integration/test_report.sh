#!/bin/sh
# followup report --html (issue 10, item 4) on the sample corpus synced
# from a real Dovecot, with a buyer who puts HTML in a subject and a name:
# the file contract (inline SVG, nothing loaded from elsewhere, a viewport
# and print CSS), the stranger's text escaped, the exit statuses; then the
# page rendered in headless Chromium: the screenshot is not blank and
# shows the charts' colours, and the DOM has the charts' SVG elements.
. "$(dirname "$0")/lib.sh"

NOW=2026-11-24T10:00:00+08:00
corpus_setup
cat > "$T/x.eml" <<'MSG'
From: "<img src=x onerror=alert(2)>" <buyer.x@gmail.com>
To: sales@example.com
Subject: Inquiry <script>alert(1)</script> pumps
Date: Tue, 20 Oct 2026 10:00:00 +0200
Message-ID: <xss-1@mail.gmail.com>
Content-Type: text/plain; charset=UTF-8

Hello, please send us your best price for 100 pumps XP-200, CIF Rotterdam.
MSG
check "a buyer's inquiry with HTML in the subject and the name" imaptool append INBOX "$T/x.eml" 2026-10-20T10:00:00+02:00
cat >> "$CONF" <<CONF
[rule first-answer]
on = inquiry
within = 24h business
notify = owner
CONF
check "followupd --once files the mail" sh -c "'$BIN/followupd' -c '$CONF' --once --now $NOW 2> '$T/daemon.log'"
check "order add naming the corpus's quote, due 20 Nov (overdue)" run add 0 order add kunde.de --no PI-2026-118 \
	--amount 82000 --currency USD --due 2026-11-20 --quote "<quote-1@example.com>"

check "an order due 1 Dec (within 14 days), part-paid" run add2 0 order add trading.ae --no PI-2026-120 \
	--amount 5000 --currency EUR --due 2026-12-01
check "…part-paid" run paid2 0 order paid PI-2026-120 --amount 1000 --date 2026-11-20
check "an order due 20 Dec (later than 14 days)" run add3 0 order add pompy.pl --no PI-2026-121 \
	--amount 700 --currency EUR --due 2026-12-20
check "report --html FILE --json" run rep 0 report --html "$T/report.html" --from 2026-10-01 --to 2026-11-30 --json
check "…says what it wrote" jcheck "$T/rep.out" "len(j) == 1 and j[0]['file'] == '$T/report.html' and j[0]['bytes'] > 1000"
check "…the file has inline SVG charts: weeks, funnel, countries, owners" "$PY" - "$T/report.html" <<'PYEOF'
import re, sys
h = open(sys.argv[1], encoding="utf-8").read()
for cls in ("weeks", "funnel", "countries", "owners"):
    assert re.search(r'<svg class="chart %s"' % cls, h), cls
assert h.count("<rect") >= 20, h.count("<rect")
PYEOF
check "…no http:// or https:// in any src= or href=, no script, no stylesheet link" "$PY" - "$T/report.html" <<'PYEOF'
import re, sys
h = open(sys.argv[1], encoding="utf-8").read()
assert not re.search(r'''(src|href)\s*=\s*["']?\s*(https?:)?//''', h, re.I), "a remote reference"
assert not re.search(r'<script|<link|<iframe|<img|@import|url\(', h, re.I), "something loaded"
PYEOF
check "…readable on a phone and printable: a viewport, @media print" sh -c "
	grep -q '<meta name=\"viewport\" content=\"width=device-width' '$T/report.html' &&
	grep -q '@media print' '$T/report.html'"
check "…the buyer's <script> subject and <img> name are escaped, as text" "$PY" - "$T/report.html" <<'PYEOF'
import sys
h = open(sys.argv[1], encoding="utf-8").read()
assert "Inquiry &lt;script&gt;alert(1)&lt;/script&gt; pumps" in h, "the subject is not in the overdue list, escaped"
assert "&lt;img src=x onerror=alert(2)&gt;" in h, "the name is not among the silent customers, escaped"
assert "<script" not in h.lower() and "<img" not in h.lower()
PYEOF
check "…the figures: 12 inquiries, the overdue payment, the period" sh -c "
	grep -q '<b>12</b><span>inquiries received' '$T/report.html' &&
	grep -q '<td>PI-2026-118</td><td>kunde.de</td><td>USD</td><td>82000.00</td>' '$T/report.html' &&
	grep -q '2026-10-01 to 2026-11-30 (Asia/Shanghai)' '$T/report.html'"

check "…payments due: PI-2026-120 only; overdue: PI-2026-118 only" "$PY" - "$T/report.html" <<'PYEOF'
import re, sys
h = open(sys.argv[1], encoding="utf-8").read()
due = h[h.index("Payments due in the next 14 days"):h.index("Payments overdue")]
late = h[h.index("Payments overdue"):h.index("Overdue and due soon")]
assert re.findall(r"<td>(PI-[0-9-]+)</td>", due) == ["PI-2026-120"], due
assert "<td>1000.00</td><td>2026-12-01</td>" in due
assert re.findall(r"<td>(PI-[0-9-]+)</td>", late) == ["PI-2026-118"], late
PYEOF
check "report without --html: exit 2 naming it" refused nohtml 2 "--html" report
check "report --html with a bad --from: exit 2 naming it" refused badfrom 2 "--from" report --html "$T/x.html" --from yesterday
check "report --bogus: exit 2 naming the option" refused bogus 2 "--bogus" report --html "$T/x.html" --bogus
check "report --html into a folder that does not exist: exit 1, nothing written" refused nodir 1 "--html" \
	report --html "$T/no/such/dir/r.html"

# ---- the report in the team's language (issue 10, item 6) ----
check "report --html --language zh --json" run repzh 0 report --html "$T/report_zh.html" \
	--from 2026-10-01 --to 2026-11-30 --language zh --json
check "…says it wrote Chinese" jcheck "$T/repzh.out" "j[0]['language'] == 'zh' and j[0]['bytes'] > 1000"
check "…<html lang=zh>, Chinese headings, table heads, cards and period; the same figures" "$PY" - "$T/report_zh.html" <<'PYEOF'
import re, sys
h = open(sys.argv[1], encoding="utf-8").read()
assert '<html lang="zh">' in h
for words in ("<h2>每周首次回复时间</h2>", "<h2>销售漏斗</h2>", "<h2>各国询盘</h2>",
              "<h2>业务员对比</h2>", "<h2>等待回复的报价</h2>", "<h2>未来 14 天内到期的付款</h2>",
              "<h2>逾期付款</h2>", "<h2>已逾期和即将到期</h2>", "<th>订单号</th><th>客户</th>",
              "<b>12</b><span>收到的询盘", "2026-10-01 至 2026-11-30（Asia/Shanghai）"):
    assert words in h, words
assert re.search(r"<h2>沉默的客户（[0-9]+ 天没有销售邮件）</h2>", h)
# the funnel's stages and the group of no country in Chinese too
assert re.search(r'class="label">已报价</text>', h) and re.search(r'class="label">（未知）</text>', h)
# no English word of the page is left (the docs' file name aside)
for english in ("Quotes waiting", "The funnel", "inquiries received", "Payments overdue",
                "no data in this period", "(nobody)", " to 2026-11-30"):
    assert english not in h, english
# numbers, amounts and durations keep their one format; mail's text stays escaped
assert "<td>PI-2026-118</td><td>kunde.de</td><td>USD</td><td>82000.00</td>" in h
assert "Inquiry &lt;script&gt;alert(1)&lt;/script&gt; pumps" in h
assert "&lt;img src=x onerror=alert(2)&gt;" in h
assert "<script" not in h.lower() and "<img" not in h.lower()
assert len(re.findall(r'<svg class="chart', h)) == 4
PYEOF
check "report --language ZH-cn is Chinese too" run repzh2 0 report --html "$T/report_zh2.html" --language ZH-cn
check "…" grep -q '<html lang="zh">' "$T/report_zh2.html"
check "report --language xx: exit 2 naming the option, nothing written" sh -c "
	! [ -e '$T/xx.html' ] && $FU report --html '$T/xx.html' --language xx > '$T/xx.out' 2> '$T/xx.err';
	[ \$? = 2 ] && grep -q -- '--language' '$T/xx.err' && grep -q 'en, zh' '$T/xx.err' && ! [ -e '$T/xx.html' ]"
check "report --language without a value: exit 2 naming it" refused nolang 2 "--language" \
	report --html "$T/x.html" --language
check "root, no --language: English" grep -q '<html lang="en">' "$T/report.html"
sed -i 's|^countries = DE, AE, PL|&\nlanguage = zh|' "$CONF"
check "li.wei (language = zh) runs it without --language: Chinese" sh -c "
	'$BIN/followup' -c '$CONF' --now $NOW --actor li.wei@example.com report --html '$T/liwei.html' &&
	grep -q '<html lang=\"zh\">' '$T/liwei.html' && grep -q '等待回复的报价' '$T/liwei.html'"
check "…and with --language en: English" sh -c "
	'$BIN/followup' -c '$CONF' --now $NOW --actor li.wei@example.com report --html '$T/liwei_en.html' \
		--language en && grep -q 'Quotes waiting for an answer' '$T/liwei_en.html'"
sed -i 's|^language = zh|language = de|' "$CONF"
check "li.wei with language = de (not shipped): English" sh -c "
	'$BIN/followup' -c '$CONF' --now $NOW --actor li.wei@example.com report --html '$T/liwei_de.html' &&
	grep -q '<html lang=\"en\">' '$T/liwei_de.html'"
sed -i '/^language = de$/d' "$CONF"

# ---- rendered in headless Chromium ----
CHROMIUM=/usr/bin/chromium
if [ -x "$CHROMIUM" ]; then
	render() { # render PNG HTML: a screenshot of a page, 900 px wide
		HOME=$T "$CHROMIUM" --headless --no-sandbox --disable-gpu --hide-scrollbars \
			--user-data-dir="$T/chromium" --screenshot="$1" --window-size=900,2600 "file://$2" \
			> "$T/chromium.log" 2>&1
	}
	check "chromium renders the report" render "$T/report.png" "$T/report.html"
	check "…the picture is not blank, the bars' blue, orange and green are in it" sh -c "
		'$PY' '$TOOLS/png_colours.py' '$T/report.png' '#2b6cb0' '#dd6b20' '#38a169' > '$T/png.json'"
	check "…100+ colours (text, charts), 5% or more not white, each chart colour on 500+ pixels" jcheck "$T/png.json" '(
(j["width"], j["height"]) == (900, 2600) and j["colours"] > 100 and j["not_white"] > 0.05
and min(j["count"].values()) >= 500)'
	printf '<!DOCTYPE html><html><body></body></html>\n' > "$T/blank.html"
	check "…while a blank page (the same check's control) is seen as blank" sh -c "
		HOME='$T' '$CHROMIUM' --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir='$T/chromium' \
			--screenshot='$T/blank.png' --window-size=900,2600 'file://$T/blank.html' > /dev/null 2>&1 &&
		'$PY' '$TOOLS/png_colours.py' '$T/blank.png' '#2b6cb0' > '$T/blank.json'"
	check "…1 colour, nothing not white" jcheck "$T/blank.json" 'j["colours"] <= 2 and j["not_white"] < 0.001 and j["count"]["#2b6cb0"] == 0'
	check "chromium --dump-dom" sh -c "HOME='$T' '$CHROMIUM' --headless --no-sandbox --disable-gpu \
		--user-data-dir='$T/chromium' --dump-dom 'file://$T/report.html' > '$T/dom.html' 2> '$T/dom.err'"
	check "…the DOM has the four charts' svg with their bars, and no script element" "$PY" - "$T/dom.html" <<'PYEOF'
import re, sys
h = open(sys.argv[1], encoding="utf-8").read()
svgs = re.findall(r'<svg class="chart (\w+)".*?</svg>', h, re.S)
assert svgs == ["weeks", "funnel", "countries", "owners"], svgs
assert len(re.findall(r"<rect ", h)) >= 20
assert "<script" not in h.lower()
PYEOF
	check "chromium renders the Chinese report" render "$T/report_zh.png" "$T/report_zh.html"
	check "…not blank, the charts' colours in it" sh -c "
		'$PY' '$TOOLS/png_colours.py' '$T/report_zh.png' '#2b6cb0' '#dd6b20' '#38a169' > '$T/png_zh.json'"
	check "…100+ colours, 5% or more not white, each chart colour on 500+ pixels" jcheck "$T/png_zh.json" '(
j["colours"] > 100 and j["not_white"] > 0.05 and min(j["count"].values()) >= 500)'
	check "chromium --dump-dom of the Chinese report" sh -c "HOME='$T' '$CHROMIUM' --headless --no-sandbox \
		--disable-gpu --user-data-dir='$T/chromium' --dump-dom 'file://$T/report_zh.html' > '$T/dom_zh.html' 2> '$T/dom_zh.err'"
	check "…lang zh, the Chinese headings and the four charts in the DOM" "$PY" - "$T/dom_zh.html" <<'PYEOF'
import re, sys
h = open(sys.argv[1], encoding="utf-8").read()
assert re.search(r'<html lang="zh">', h)
assert "<h2>等待回复的报价</h2>" in h and "<h2>销售漏斗</h2>" in h
svgs = re.findall(r'<svg class="chart (\w+)".*?</svg>', h, re.S)
assert svgs == ["weeks", "funnel", "countries", "owners"], svgs
PYEOF
	if [ -n "${FOLLOWUP_SCREENSHOT:-}" ]; then cp "$T/report.png" "$FOLLOWUP_SCREENSHOT"; fi
else
	echo "# SKIP chromium is not installed ($CHROMIUM; apt-get install chromium): the report was not rendered, nothing counted"
fi
