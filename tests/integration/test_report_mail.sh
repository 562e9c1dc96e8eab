#!/bin/sh
# followupd mails the weekly report (issue 10, item 4): `report = weekly
# Mon 08:30` on a [person], against a real Dovecot and a real SMTP server
# at fixed --now times on the Shanghai calendar: nothing before the time,
# one multipart/alternative mail (a plain-text part, then the HTML page
# with its SVG charts) once it has come, none again that week or on
# another day; a bad schedule is refused naming file, line and key. A
# person with language = zh gets it in Chinese (issue 10, item 6): the
# subject (RFC 2047 in the header), the text part and the page.
. "$(dirname "$0")/lib.sh"

start_dovecot || { not_ok "dovecot starts"; exit 1; }
start_smtpd || { not_ok "smtpd starts"; exit 1; }
"$PY" "$TOOLS/corpus.py" write "$T/corpus"
check "the corpus is in Dovecot" imaptool load "$T/corpus/manifest.json"
CONF=$T/followup.conf
write_config "$CONF"
sed -i "s|^url = smtp://127.0.0.1:2525|url = smtp://127.0.0.1:$SMTP_PORT|" "$CONF"
sed -i 's|^countries = DE, AE, PL|&\nreport = weekly Mon 08:30|' "$CONF"
cat >> "$CONF" <<CONF
[person wang.fang@example.com]
name = Wang Fang
language = zh
report = weekly Mon 08:30
[rule first-answer]
on = inquiry
within = 24h business
CONF
pass() { "$BIN/followupd" -c "$CONF" --once --now "$1" 2>> "$T/daemon.log"; }
reports() { grep -l '^Subject: Weekly report' "$SMTP_DIR"/*.eml 2>/dev/null | wc -l; }

check "a pass on Monday 30 Nov at 08:00 Shanghai files the mail" pass 2026-11-30T08:00:00+08:00
check "…and sends no report: 08:30 has not come" test "$(reports)" = 0
check "a pass at 08:31" pass 2026-11-30T08:31:00+08:00
check "…sends one report" test "$(reports)" = 1
mail=$(grep -l '^Subject: Weekly report' "$SMTP_DIR"/*.eml)
check "…to li.wei, the text part first, then the HTML page with the charts" "$PY" - "$mail" "${mail%.eml}.json" <<'PYEOF'
import email, email.policy, json, sys
m = email.message_from_binary_file(open(sys.argv[1], "rb"), policy=email.policy.default)
env = json.load(open(sys.argv[2]))
assert "li.wei@example.com" in json.dumps(env), env
assert m["Subject"] == "Weekly report: Acme Pumps, 2026-11-30", m["Subject"]
assert m["Auto-Submitted"] == "auto-generated"
assert m.get_content_type() == "multipart/alternative", m.get_content_type()
parts = list(m.iter_parts())
assert [p.get_content_type() for p in parts] == ["text/plain", "text/html"], parts
text, html = parts[0].get_content(), parts[1].get_content()
# 2 Nov 08:30 to 30 Nov 08:30: all eleven inquiries of the corpus
assert "Inquiries received                 11" in text, text
assert "First response, 90th percentile    2h00m" in text, text
assert "li.wei@example.com: 3, 2h00m, 1, 0" in text, text
assert "<b>11</b><span>inquiries received" in html
assert html.count('<svg class="chart') == 4
assert "2026-11-02 to 2026-11-30" in html
PYEOF
check "…and one in Chinese to wang.fang (language = zh)" "$PY" - "$SMTP_DIR" <<'PYEOF'
import email, email.policy, glob, json, re, sys
found = []
for path in glob.glob(sys.argv[1] + "/*.eml"):
    env = json.load(open(path[:-4] + ".json"))
    if "wang.fang@example.com" in json.dumps(env):
        found.append(path)
assert len(found) == 1, found
raw = open(found[0], "rb").read()
head = raw.split(b"\r\n\r\n", 1)[0].decode("ascii")   # the header is ASCII
subject = re.search(r"^Subject:(.*(?:\r\n[ \t].*)*)", head, re.M).group(1)
assert "=?utf-8?" in subject.lower(), subject                 # RFC 2047 encoded
m = email.message_from_bytes(raw, policy=email.policy.default)
assert m["Subject"] == "每周报告：Acme Pumps，2026-11-30", m["Subject"]
parts = list(m.iter_parts())
assert [p.get_content_type() for p in parts] == ["text/plain", "text/html"], parts
text, html = parts[0].get_content().replace("\r\n", "\n"), parts[1].get_content()
# the same figures as li.wei's, the labels in Chinese, lined up as in English
assert text.startswith("Acme Pumps：2026-11-02 至 2026-11-30\n"), text
assert "收到的询盘" + " " * 25 + "11\n" in text, text
assert re.search(r"^首次回复，第 90 百分位 +2h00m$", text, re.M), text
assert "业务员（询盘、首次回复中位数、报价、订单）：\n  （无人）: 8, 0h00m, 0, 0\n" in text, text
assert "\n  li.wei@example.com: 3, 2h00m, 1, 0\n" in text, text
assert "14 天内到期的付款：0；逾期：0\n" in text, text
assert "在服务时限内回复" in text and "18%（11 个中的 2 个）" in text, text
assert "Inquiries received" not in text and "(nobody)" not in text, text
assert '<html lang="zh">' in html
assert "<b>11</b><span>收到的询盘" in html
assert "<h2>每周首次回复时间</h2>" in html and "<h2>等待回复的报价</h2>" in html
assert html.count('<svg class="chart') == 4
assert "2026-11-02 至 2026-11-30" in html
assert "Quotes waiting" not in html
PYEOF
check "a pass at 09:00 the same Monday" pass 2026-11-30T09:00:00+08:00
check "…sends no second report" test "$(reports)" = 1
check "a pass on Tuesday at 08:31" pass 2026-12-01T08:31:00+08:00
check "…sends none: not the day" test "$(reports)" = 1
check "outbox --all: the report sent, kind report" sh -c "
	'$BIN/followup' -c '$CONF' outbox --all --json > '$T/outbox.json'"
check "…two: li.wei's and wang.fang's" jcheck "$T/outbox.json" '[(e["kind"], e["state"]) for e in j if e["kind"] == "report"] == [("report", "sent")] * 2'

sed -i 's|^report = weekly Mon 08:30|report = weekly Mnd 08:30|' "$CONF"
check "report = weekly Mnd 08:30 is refused naming the file, line and key" sh -c "
	! '$BIN/followupd' -c '$CONF' --check-config 2> '$T/bad.err' &&
	grep -q 'followup.conf:[0-9]*: \[person li.wei@example.com\] report: .weekly Mnd 08:30. is not a weekly time' '$T/bad.err'"
