#!/bin/sh
# followup kpi (issue 10, item 3) on the sample corpus synced from a real
# Dovecot, at a fixed --now, on the Shanghai office calendar (Mon-Fri
# 09:00-18:00) with a 24h-business first-response rule: each figure of
# docs/KPI.md checked against the value worked out by hand from the
# corpus (see the comments), by group, and the exit statuses.
. "$(dirname "$0")/lib.sh"

NOW=2026-11-24T10:00:00+08:00
corpus_setup
cat >> "$CONF" <<CONF
[rule first-answer]
on = inquiry
within = 24h business
notify = owner
CONF
check "followupd --once files the mail" sh -c "'$BIN/followupd' -c '$CONF' --once --now $NOW 2> '$T/daemon.log'"
check "order add naming the corpus's quote" run add 0 order add kunde.de --no PI-2026-118 --amount 82000 \
	--currency USD --due 2026-11-20 --quote "<quote-1@example.com>"
check "kpi --json over November" run all 0 kpi --from 2026-11-01 --to 2026-11-30 --json
KEYS='{"group","inquiries","first_response_median_s","first_response_p90_s","answered_within_sla","quotes","orders","quote_to_order"}'
# Eleven threads begin with a buyer's inquiry in November (threads 1, 3-7,
# 10-14 of the corpus); two are answered by a person:
# - kunde.de asked Mon 2 Nov 16:00 Shanghai, Li Wei quoted 23:30: 16:00 to
#   18:00 is 7200 working seconds;
# - joao.silva asked Sat 7 Nov 21:00 Shanghai, answered Mon 9 Nov 09:00:
#   0 working seconds (a weekend and the night before opening).
# Median (nearest rank) of [0, 7200] is 0, the 90th percentile 7200. The
# nine others got no answer within 24 working hours by 24 Nov: breached.
check "…one object, the team's (group null), with the contract keys" jcheck "$T/all.out" "len(j) == 1 and j[0]['group'] is None and $KEYS <= set(j[0])"
check "…11 inquiries, 2 answered, median 0 s, 90th percentile 7200 s" jcheck "$T/all.out" '(
(j[0]["inquiries"], j[0]["answered"], j[0]["first_response_median_s"], j[0]["first_response_p90_s"]) == (11, 2, 0, 7200))'
check "…2 of 11 answered within the 24h business rule" jcheck "$T/all.out" '(
(j[0]["sla_met"], j[0]["sla_decided"]) == (2, 11) and abs(j[0]["answered_within_sla"] - 2 / 11) < 1e-9)'
check "…1 quote (quote-1), 1 order naming it: quote_to_order 1.0" jcheck "$T/all.out" '(
(j[0]["quotes"], j[0]["orders"], j[0]["quote_to_order"]) == (1, 1, 1.0))'
check "…2 person-written mails to 2 customers; 1 payment overdue (due 20 Nov, unpaid); none silent yet" jcheck "$T/all.out" '(
(j[0]["follow_ups"], j[0]["followed_customers"], j[0]["follow_ups_per_customer"], j[0]["payments_overdue"], j[0]["gone_silent"]) == (2, 2, 1.0, 1, 0))'
check "…the funnel: 1 lead (pumpexpo.com), 10 at inquiry, 1 quoted (kunde.de)" jcheck "$T/all.out" '(
[(s["stage"], s["customers"]) for s in j[0]["funnel"]][:3] == [("lead", 1), ("inquiry", 10), ("quoted", 1)]
and sum(s["customers"] for s in j[0]["funnel"]) == 12)'

check "kpi --by owner --json" run owner 0 kpi --from 2026-11-01 --to 2026-11-30 --by owner --json
# Li Wei's countries are DE, AE, PL: kunde.de, trading.ae, pompy.pl.
check "…the team, then (nobody) with 8 inquiries and li.wei with 3 (median 7200 s, the quote)" jcheck "$T/owner.out" '(
[(r["group"], r["inquiries"], r["first_response_median_s"], r["quotes"], r["orders"]) for r in j]
 == [(None, 11, 0, 1, 1), ("(nobody)", 8, 0, 0, 0), ("li.wei@example.com", 3, 7200, 1, 1)])'
check "kpi --by week --json" run week 0 kpi --from 2026-11-01 --to 2026-11-30 --by week --json
# ISO weeks in Shanghai: 2-8 Nov (W45) has 8 inquiries, 9-15 Nov (W46) 3.
check "…W45: 8 inquiries, both answers; W46: 3, none answered (null median)" jcheck "$T/week.out" '(
[(r["group"], r["inquiries"], r["first_response_median_s"], r["first_response_p90_s"]) for r in j]
 == [(None, 11, 0, 7200), ("2026-W45", 8, 0, 7200), ("2026-W46", 3, None, None)]
and j[1]["gone_silent"] is None)'
check "kpi --by country --json" run country 0 kpi --from 2026-11-01 --to 2026-11-30 --by country --json
check "…one group per country (CN twice), the free-mail buyer (unknown)" jcheck "$T/country.out" '(
{r["group"]: r["inquiries"] for r in j[1:]} == {"(unknown)": 1, "AE": 1, "CN": 2, "CO": 1, "DE": 1, "GB": 1, "JP": 1, "PL": 1, "RU": 1, "TW": 1})'
check "kpi --by grade --json" run grade 0 kpi --from 2026-11-01 --to 2026-11-30 --by grade --json
check "…B (kunde.de) 1, C 10" jcheck "$T/grade.out" '[(r["group"], r["inquiries"]) for r in j[1:]] == [("B", 1), ("C", 10)]'
check "a period with nothing: zeros and nulls, not an error" run empty 0 kpi --from 2026-10-01 --to 2026-10-15 --json
check "…0 inquiries, null median, null shares" jcheck "$T/empty.out" '(
(j[0]["inquiries"], j[0]["first_response_median_s"], j[0]["answered_within_sla"], j[0]["quote_to_order"]) == (0, None, None, None))'
check "kpi as text: the team's line" run text 0 kpi --from 2026-11-01 --to 2026-11-30
check "…11 inquiries, 0h00m and 2h00m, 18%" grep -Eq '^\(team\) +11 +0h00m +2h00m +18% +1 +1 +100%' "$T/text.out"

# Gone silent: on 6 Dec 00:00 UTC, 30 days back is 6 Nov 00:00 UTC;
# kunde.de (3 Nov), factory.com.cn, trade.com.tw, shoji.co.jp (4 Nov),
# zavod.ru and empresa.com.co (5 Nov) wrote nothing since.
check "kpi at 6 Dec: 6 customers gone silent (30 days, no silence rule)" sh -c "
	$BIN/followup -c $CONF --now 2026-12-06T08:00:00+08:00 kpi --json > '$T/silent.out'"
check "…6" jcheck "$T/silent.out" 'j[0]["gone_silent"] == 6'
cp "$CONF" "$T/silence.conf"
printf '[rule quiet]\non = silence\nwithin = 32d\n' >> "$T/silence.conf"
# With within = 32d: the last sales mail before 4 Nov 00:00 UTC: factory.com.cn
# (4 Nov 00:00 exactly) and kunde.de.
check "with an on = silence rule of 32d: its within counts (2)" sh -c "
	$BIN/followup -c '$T/silence.conf' --now 2026-12-06T08:00:00+08:00 kpi --json > '$T/silent2.out'"
check "…2" jcheck "$T/silent2.out" 'j[0]["gone_silent"] == 2'
grep -v '^\[rule first-answer\]\|^on = inquiry\|^within = 24h business\|^notify = owner' "$CONF" > "$T/nosla.conf"
check "without an on = inquiry service level: answered_within_sla null" sh -c "
	$BIN/followup -c '$T/nosla.conf' --now $NOW kpi --from 2026-11-01 --to 2026-11-30 --json > '$T/nosla.out'"
check "…null, the response times still there" jcheck "$T/nosla.out" '(
j[0]["answered_within_sla"] is None and j[0]["first_response_p90_s"] == 7200)'

check "kpi --by bogus: exit 2 naming the option" refused bad1 2 "--by" kpi --by bogus
check "kpi --from not a date: exit 2 naming it" refused bad2 2 "--from" kpi --from 2026-13-01
check "kpi --from after --to: exit 2" refused bad3 2 "--from" kpi --from 2026-11-30 --to 2026-11-01
check "kpi with a stray argument: exit 2" refused bad4 2 "usage" kpi extra
check "kpi --bogus: exit 2 naming the option" refused bad5 2 "--bogus" kpi --bogus
