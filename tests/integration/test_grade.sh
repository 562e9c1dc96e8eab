#!/bin/sh
# Grades, computed and explained (issue 9, item 4): three customers'
# mail synced from a real Dovecot and their orders entered, then
# followupd grading them on its first pass and once a day after,
# `grade` (every customer, written), `grade --explain` (each criterion's
# value and points), a manual grade overriding and shown as manual,
# grade=auto, grades renamed in [grading], a [grading] error naming
# file, line and key, and a reparse that keeps the manual grade.
. "$(dirname "$0")/lib.sh"

NOW=2026-11-24T10:00:00Z
start_dovecot || { not_ok "dovecot starts"; exit 1; }

# mail NAME FOLDER DATE FROM TO SUBJECT MESSAGE-ID [IN-REPLY-TO]
mail() {
	{
		printf 'From: %s\nTo: %s\nSubject: %s\nDate: %s\nMessage-ID: <%s>\n' \
			"$4" "$5" "$6" "$(date -u -R -d "$3")" "$7"
		[ -n "${8:-}" ] && printf 'In-Reply-To: <%s>\nReferences: <%s>\n' "$8" "$8"
		printf 'MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n\n'
		printf 'Hello,\n\nplease see above about %s.\n\nBest regards\n' "$6"
	} > "$T/$1.eml"
	imaptool append "$2" "$T/$1.eml" "$3"
}
# kunde.de: writing with us since a year ago, answered one of our two
# mails of this year, last wrote 10 days ago.
check "kunde.de's first inquiry, a year ago" mail k1 INBOX 2025-11-24T10:00:00Z \
	"Hans Becker <hans@kunde.de>" "sales@example.com" "Inquiry for XP-200 pumps" k1@kunde.de
check "our offer in October" mail k2 Sent 2026-10-01T10:00:00Z \
	"Li Wei <li.wei@example.com>" "hans@kunde.de" "Offer for XP-200" k2@example.com
check "…which Hans answered 10 days ago" mail k3 INBOX 2026-11-14T10:00:00Z \
	"Hans Becker <hans@kunde.de>" "li.wei@example.com" "Re: Offer for XP-200" k3@kunde.de k2@example.com
check "our samples mail, not answered" mail k4 Sent 2026-11-16T10:00:00Z \
	"Li Wei <li.wei@example.com>" "hans@kunde.de" "Samples of XP-300 sent" k4@example.com
# zavod.pl: silent since March (268 days): dormant.
check "zavod.pl's inquiry in March" mail z1 INBOX 2026-03-01T10:00:00Z \
	"Jan Nowak <jan@zavod.pl>" "sales@example.com" "Inquiry for valves" z1@zavod.pl
# newlead.com: we wrote 4 days ago, they never did.
check "our first mail to newlead.com" mail n1 Sent 2026-11-20T10:00:00Z \
	"Li Wei <li.wei@example.com>" "buyer@newlead.com" "Our pumps for your plant" n1@example.com

CONF=$T/followup.conf
write_config "$CONF"
FU="$BIN/followup -c $CONF --now $NOW"

# ---- followupd grades on its first pass ----
check "followupd --once files the mail and grades every customer" sh -c \
	"'$BIN/followupd' -c '$CONF' --once --now $NOW --log-level info 2> '$T/daemon.log' &&
	 grep -q 'grades: 3 customers graded' '$T/daemon.log'"
check "customers --json" run c1 0 customers --json
# kunde.de: recency 20 + answers 7 (1 of 2) + tenure 7 (365 of 730 days) = 34: B.
check "…the computed grades, shown as computed" jcheck "$T/c1.out" '(
sorted((c["key"], c["grade"], c["grade_source"]) for c in j)
 == [("kunde.de", "B", "computed"), ("newlead.com", "C", "computed"), ("zavod.pl", "E", "computed")])'

# ---- orders make kunde.de an A ----
check "orders of kunde.de: 30000 and 20000 USD" sh -c "
	$FU order add kunde.de --no PI-1 --amount 30000 --currency USD >/dev/null &&
	$FU order add kunde.de --no PI-2 --amount 20000 --currency USD >/dev/null"
check "…and 10000 EUR (an order, but not of the grading's currency)" sh -c \
	"$FU order add kunde.de --no PI-3 --amount 10000 --currency EUR >/dev/null"
check "…and 200000 USD of zavod.pl" sh -c "$FU order add zavod.pl --no Z-1 --amount 200000 --currency USD >/dev/null"
check "…and a cancelled one of newlead.com, which counts for nothing" sh -c "
	$FU order add newlead.com --no N-1 --amount 90000 --currency USD >/dev/null &&
	$FU order set N-1 state=cancelled >/dev/null"
check "…and one of newlead.com entered 14 months ago, outside the window" sh -c \
	"'$BIN/followup' -c '$CONF' --now 2025-10-01T10:00:00Z order add newlead.com --no N-0 --amount 80000 --currency USD >/dev/null"
check "grade --json" run g1 0 grade --json
check "…one object per customer with the contract keys" jcheck "$T/g1.out" '(
[g["key"] for g in j] == ["kunde.de", "newlead.com", "zavod.pl"]
and all({"key","computed","points","previous","grade","grade_source","dormant","manual"} <= set(g) for g in j))'
# kunde.de: value 15 (50000 of 100000) + orders 12 (3 of 5) + 20 + 7 + 7 = 61: A.
# zavod.pl: value 30 + orders 4 + recency 0 + answers 0 + tenure 5 = 39, but dormant: E.
check "…kunde.de A (61 points, B before), zavod.pl dormant E, newlead.com C" jcheck "$T/g1.out" '(
[(g["key"], g["computed"], g["points"], g["previous"], g["dormant"], g["grade"], g["grade_source"]) for g in j]
 == [("kunde.de", "A", 61, "B", False, "A", "computed"), ("newlead.com", "C", 0, "C", False, "C", "computed"),
     ("zavod.pl", "E", 39, "E", True, "E", "computed")])'
check "…written: customers --grade A" run ga 0 customers --grade A --json
check "…is kunde.de" jcheck "$T/ga.out" '[c["key"] for c in j] == ["kunde.de"]'
check "grade as text: a line per customer" run gtext 0 grade
check "…with the computed grade, points, the grade before (the run before) and where it comes from" sh -c "
	grep -q '^kunde.de  *A  *61 A  *A (computed)' '$T/gtext.out' &&
	grep -q '^zavod.pl  *E  *39 E  *E (computed, dormant)' '$T/gtext.out'"

# ---- --explain ----
check "grade --explain kunde.de --json" run ex 0 grade --explain kunde.de --json
check "…each criterion's value and points" jcheck "$T/ex.out" '(
len(j) == 1 and [(c["name"], c["value"], c["points"], c["max_points"]) for c in j[0]["criteria"]]
 == [("order-value", 50000, 15, 30), ("orders", 3, 12, 20), ("recency", 10, 20, 20),
     ("answers", 50, 7, 15), ("tenure", 365, 7, 15)]
and j[0]["criteria"][0]["currency"] == "USD"
and (j[0]["criteria"][3]["answered"], j[0]["criteria"][3]["ours"]) == (1, 2)
and j[0]["criteria"][2]["last_inbound"] == "2026-11-14T10:00:00Z")'
check "…the total, the grade, the thresholds, no manual grade" jcheck "$T/ex.out" '(
(j[0]["points"], j[0]["computed"], j[0]["grade"], j[0]["grade_source"], j[0]["manual"], j[0]["dormant"])
 == (61, "A", "A", "computed", None, False)
and [(t["grade"], t["points"]) for t in j[0]["thresholds"]] == [("S", 70), ("A", 50), ("B", 30), ("C", 0)]
and (j[0]["dormant_grade"], j[0]["dormant_after_days"], j[0]["window_days"]) == ("E", 180, 365))'
check "grade --explain newlead.com --json: never wrote, nothing answered" run exn 0 grade --explain newlead.com --json
check "…recency none, answers 0 of 1, neither the cancelled order nor the old one counted" jcheck "$T/exn.out" '(
[(c["name"], c["value"], c["points"]) for c in j[0]["criteria"]]
 == [("order-value", 0, 0), ("orders", 0, 0), ("recency", None, 0), ("answers", 0, 0), ("tenure", 4, 0)])'
check "grade --explain kunde.de as text" run extext 0 grade --explain kunde.de
check "…says each value in words, its points, the thresholds" sh -c "
	grep -q '^kunde.de: A, 61 points' '$T/extext.out' &&
	grep -q 'order-value  *50000.00 USD  *15 of 30' '$T/extext.out' &&
	grep -q 'recency  *10 days ago  *20 of 20' '$T/extext.out' &&
	grep -q 'answers  *50% (1 of 2)  *7 of 15' '$T/extext.out' &&
	grep -q 'thresholds: S 70, A 50, B 30, C 0; E below them, or after 180 days' '$T/extext.out'"
check "grade --explain of no customer: exit 1" run exnone 1 grade --explain nobody.example.org --json
check "grade --explain without a customer: exit 2 naming the option" refused exbad 2 "--explain" grade --explain
check "grade --bogus: exit 2 naming the option" refused gbad 2 "--bogus" grade --bogus
check "grade with a stray argument: exit 2" refused gstray 2 "usage" grade kunde.de

# ---- a manual grade overrides ----
check "customer set zavod.pl grade=s" run set 0 customer set zavod.pl grade=s
check "grade --json: zavod.pl shows S, manual; computed E still" run g2 0 grade --json
check "…S manual over a computed E" jcheck "$T/g2.out" '(
[(g["grade"], g["grade_source"], g["computed"], g["manual"]) for g in j if g["key"] == "zavod.pl"]
 == [("S", "manual", "E", "S")])'
check "customer show zavod.pl --json: grade S, grade_source manual" run show 0 customer show zavod.pl --json
check "…so" jcheck "$T/show.out" '(j[0]["grade"], j[0]["grade_source"]) == ("S", "manual")'
check "grade --explain zavod.pl --json: the manual grade overrides" run exz 0 grade --explain zavod.pl --json
check "…computed E (dormant, 39 points), shown S manual" jcheck "$T/exz.out" '(
(j[0]["computed"], j[0]["points"], j[0]["dormant"], j[0]["manual"], j[0]["grade"], j[0]["grade_source"])
 == ("E", 39, True, "S", "S", "manual"))'
check "…and the text says so" sh -c "$FU grade --explain zavod.pl | grep -q 'manual grade S overrides it'"
check "a grade that is none: exit 2 naming the field" refused setbad 2 "grade: 'Q' is no grade" customer set zavod.pl grade=Q

# ---- reparse keeps the manual grade ----
check "followup reparse" run reparse 0 reparse
check "…zavod.pl still S, manual" sh -c "$FU customer show zavod.pl --json > '$T/show2.out'"
check "…so" jcheck "$T/show2.out" '(j[0]["grade"], j[0]["grade_source"]) == ("S", "manual")'

# ---- grade=auto ----
check "customer set zavod.pl grade=auto" run auto 0 customer set zavod.pl grade=auto
check "…back to the computed E" sh -c "$FU customer show zavod.pl --json > '$T/show3.out'"
check "…so" jcheck "$T/show3.out" '(j[0]["grade"], j[0]["grade_source"]) == ("E", "computed")'

# ---- followupd: once a day ----
check "another order makes kunde.de worth an S" sh -c "$FU order add kunde.de --no PI-4 --amount 50000 --currency USD >/dev/null"
check "followupd an hour later: not due, nothing graded" sh -c \
	"'$BIN/followupd' -c '$CONF' --once --now 2026-11-24T11:00:00Z --log-level info 2> '$T/daemon2.log' &&
	 ! grep -q 'grades:' '$T/daemon2.log'"
check "…kunde.de still A" sh -c "$FU customers --grade A --json | grep -q '\"key\": \"kunde.de\"'"
check "followupd a day later grades again" sh -c \
	"'$BIN/followupd' -c '$CONF' --once --now 2026-11-25T11:00:00Z --log-level info 2> '$T/daemon3.log' &&
	 grep -q 'grades: 3 customers graded' '$T/daemon3.log'"
check "…kunde.de now S" sh -c "$FU customers --grade S --json > '$T/gs.out'"
check "…so" jcheck "$T/gs.out" '[(c["key"], c["grade_source"]) for c in j] == [("kunde.de", "computed")]'

# ---- grades renamed ----
RCONF=$T/renamed.conf
write_config "$RCONF"
printf '[grading]\ngrades = Gold, Silver, Sleeping\nthresholds = 60 0\n' >> "$RCONF"
FR="$BIN/followup -c $RCONF --now 2026-11-25T11:00:00Z"
check "grade --json with grades renamed" sh -c "$FR grade --json > '$T/gr.out'"
check "…Gold, Silver and the dormant Sleeping" jcheck "$T/gr.out" '(
[(g["key"], g["computed"]) for g in j] == [("kunde.de", "Gold"), ("newlead.com", "Silver"), ("zavod.pl", "Sleeping")])'
check "customer set takes a renamed grade (any case)" sh -c "$FR customer set newlead.com grade=gold >/dev/null"
check "…shown as manual Gold" sh -c "$FR customers --grade Gold --json > '$T/gg.out'"
check "…so" jcheck "$T/gg.out" '(
sorted((c["key"], c["grade"], c["grade_source"]) for c in j) == [("kunde.de", "Gold", "computed"), ("newlead.com", "Gold", "manual")])'
check "…and refuses the old names, listing the new" sh -c "
	$FR customer set newlead.com grade=A > '$T/old.out' 2>&1; [ \$? = 2 ] &&
	grep -q \"grade: 'A' is no grade (one of Gold, Silver, Sleeping\" '$T/old.out'"
check "customers --grade of an old name: exit 2 naming --grade" sh -c "
	$FR customers --grade B > '$T/oldg.out' 2>&1; [ \$? = 2 ] && grep -q -- '--grade' '$T/oldg.out'"

# ---- a [grading] error names file, line and key ----
BCONF=$T/bad.conf
write_config "$BCONF"
printf '[grading]\ngrades = S A B C E\nthresholds = 70 50\n' >> "$BCONF"
LINE=$(grep -n '^thresholds' "$BCONF" | cut -d: -f1)
check "a config with 2 thresholds for 5 grades: exit 78" sh -c "
	'$BIN/followup' -c '$BCONF' grade > '$T/bad.out' 2>&1; [ \$? = 78 ]"
check "…naming the file, the line and the key" grep -qF \
	"$BCONF:$LINE: [grading] thresholds: 5 grades (S A B C E) take 4 thresholds" "$T/bad.out"
check "followupd --check-config says the same" sh -c "
	'$BIN/followupd' -c '$BCONF' --check-config > '$T/badd.out' 2>&1; [ \$? != 0 ] &&
	grep -qF '$BCONF:$LINE: [grading] thresholds:' '$T/badd.out'"

