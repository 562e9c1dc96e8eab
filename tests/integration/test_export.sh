#!/bin/sh
# Spreadsheets out (issue 10, item 5): the corpus synced from a real
# Dovecot, a customer renamed to a formula, an order entered; then every
# list exported to CSV (UTF-8 BOM, CRLF, a header row, RFC 4180 quoting,
# the formula neutralised) and to .xlsx (read back with openpyxl: dates
# are date cells, amounts and counts numbers, the formula a text cell),
# the --json summary and the exit statuses 1 and 2.
. "$(dirname "$0")/lib.sh"

NOW=2026-11-24T10:00:00+08:00
corpus_setup
check "followupd --once files the mail" sh -c "'$BIN/followupd' -c '$CONF' --once --now $NOW 2> '$T/daemon.log'"
check "a buyer named as a formula" run name 0 customer set kunde.de 'name==HYPERLINK("http://x")' \
	next-date=2026-12-01 'next-action=call, then "send samples"'
check "an order of kunde.de" run order 0 order add kunde.de --no PI-2026-118 --amount 82000.5 \
	--currency USD --due 2026-12-15 --deposit 12.5%

# csvcheck FILE PYTHON: PYTHON is true of the CSV file: b its bytes,
# rows the rows Python's csv module reads after the BOM.
csvcheck() {
	"$PY" - "$1" "$2" <<'PYEOF'
import csv, io, sys
b = open(sys.argv[1], "rb").read()
rows = list(csv.reader(io.StringIO(b[3:].decode("utf-8"), newline="")))
ok = eval(sys.argv[2], {"b": b, "rows": rows})
if not ok:
    print("false: %s" % sys.argv[2]); print(b[:800])
sys.exit(0 if ok else 1)
PYEOF
}
# The CSV contract: the BOM, every line ending in CRLF, no bare LF outside quotes.
FORM='b.startswith(b"\xef\xbb\xbf") and b.endswith(b"\r\n") and b.count(b"\n") == b.count(b"\r\n")'

# ---- CSV ----
check "export customers --csv" run cust 0 export customers --csv "$T/customers.csv"
check "…says how many rows it wrote" grep -q "rows of customers written to" "$T/cust.out"
check "…BOM, CRLF, the header row" csvcheck "$T/customers.csv" "$FORM and rows[0][:4] == ['customer', 'name', 'grade', 'stage']"
check "…the formula is neutralised, quotes doubled, the comma quoted" csvcheck "$T/customers.csv" "(
[r[1] for r in rows if r[0] == 'kunde.de'] == ['\\'=HYPERLINK(\"http://x\")']
and b'\"\\'=HYPERLINK(\"\"http://x\"\")\"' in b
and [r[10] for r in rows if r[0] == 'kunde.de'] == ['call, then \"send samples\"']
and [r[11] for r in rows if r[0] == 'kunde.de'] == ['2026-12-01'])"
check "…no cell of any row starts a formula" csvcheck "$T/customers.csv" "all(not c[:1] in ('=', '+', '-', '@', '\t', '\r') for r in rows for c in r)"
check "…one row per customer of \`customers\`" sh -c "
	'$BIN/followup' -c '$CONF' --now $NOW customers --json > '$T/cj.out' &&
	'$PY' -c 'import json,csv,io,sys; j=json.load(open(sys.argv[1])); b=open(sys.argv[2],\"rb\").read(); rows=list(csv.reader(io.StringIO(b[3:].decode(),newline=\"\"))); sys.exit(0 if [c[\"key\"] for c in j] == [r[0] for r in rows[1:]] and len(j) > 3 else 1)' '$T/cj.out' '$T/customers.csv'"
check "export contacts --csv" run cont 0 export contacts --csv "$T/contacts.csv"
check "…the contacts with their customers" csvcheck "$T/contacts.csv" "$FORM and rows[0][:3] == ['customer', 'address', 'name'] and any(r[0] == 'kunde.de' and r[1].endswith('@kunde.de') for r in rows)"
check "export orders --csv" run ord 0 export orders --csv "$T/orders.csv"
check "…the order: its amount as a list writes it, its due day" csvcheck "$T/orders.csv" "$FORM and rows[1][:8] == ['PI-2026-118', 'kunde.de', '82000.50', 'USD', '', '2026-12-15', '', '12.50']"
check "export quotes --csv" run quo 0 export quotes --csv "$T/quotes.csv"
check "…the quote we sent" csvcheck "$T/quotes.csv" "$FORM and rows[0][0] == 'date' and any(r[1] == 'kunde.de' and r[5] == 'quote-1@example.com' for r in rows)"
check "export timeline kunde.de --csv" run tl 0 export timeline kunde.de --csv "$T/timeline.csv"
check "…the customer's mail by date" csvcheck "$T/timeline.csv" "$FORM and rows[0][:3] == ['date', 'direction', 'kind'] and len(rows) > 2 and [r[0] for r in rows[1:]] == sorted(r[0] for r in rows[1:])"
check "export overdue --csv" run od 0 export overdue --csv "$T/overdue.csv"
check "…the overdue list's header and rows as \`overdue --json\` has them" sh -c "
	'$BIN/followup' -c '$CONF' --now $NOW overdue --json > '$T/oj.out' &&
	'$PY' -c 'import json,csv,io,sys; j=json.load(open(sys.argv[1])); b=open(sys.argv[2],\"rb\").read(); rows=list(csv.reader(io.StringIO(b[3:].decode(),newline=\"\"))); sys.exit(0 if rows[0][:3] == [\"state\",\"rule\",\"customer\"] and len(rows) - 1 == len(j) else 1)' '$T/oj.out' '$T/overdue.csv'"

# ---- xlsx ----
# xlsxcheck FILE PYTHON: PYTHON is true of the workbook's first sheet, as
# rows of openpyxl cells (c.value, c.data_type, c.is_date).
xlsxcheck() {
	"$PY" - "$1" "$2" <<'PYEOF'
import sys, datetime, openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]
rows = [list(r) for r in ws.iter_rows()]
ok = eval(sys.argv[2], {"rows": rows, "datetime": datetime, "ws": ws})
if not ok:
    print("false: %s" % sys.argv[2])
    for r in rows[:6]: print([(c.value, c.data_type, c.is_date) for c in r])
sys.exit(0 if ok else 1)
PYEOF
}
check "export customers --xlsx --json" run cx 0 export customers --xlsx "$T/customers.xlsx" --json
check "…the summary: list, file, format, rows" jcheck "$T/cx.out" "len(j) == 1 and j[0]['list'] == 'customers' and j[0]['format'] == 'xlsx' and j[0]['rows'] > 3 and j[0]['file'].endswith('customers.xlsx')"
check "…printed landscape with the header on each page; the formula a text cell, the next date a date cell, counts numbers" xlsxcheck "$T/customers.xlsx" "(
ws.title == 'customers' and [c.value for c in rows[0][:2]] == ['customer', 'name']
and ws.page_setup.orientation == 'landscape' and ws.print_title_rows == '\$1:\$1'
and [(r[1].value, r[1].data_type) for r in rows if r[0].value == 'kunde.de'] == [('=HYPERLINK(\"http://x\")', 's')]
and [(r[11].is_date, r[11].value) for r in rows if r[0].value == 'kunde.de'] == [(True, datetime.datetime(2026, 12, 1))]
and all(r[14].data_type == 'n' and isinstance(r[14].value, (int, float)) for r in rows[1:])
and all(r[12].value is None or r[12].is_date for r in rows[1:]))"
check "export orders --xlsx" run ox 0 export orders --xlsx "$T/orders.xlsx"
check "…the amount a number, the due day a date" xlsxcheck "$T/orders.xlsx" "(
(rows[1][0].value, rows[1][2].value, rows[1][2].data_type, rows[1][5].is_date, rows[1][5].value, rows[1][7].value)
 == ('PI-2026-118', 82000.5, 'n', True, datetime.datetime(2026, 12, 15), 12.5))"
check "export timeline kunde.de --xlsx: the dates are date cells" run tx 0 export timeline kunde.de --xlsx "$T/tl.xlsx"
check "…every date a date cell" xlsxcheck "$T/tl.xlsx" "len(rows) > 2 and all(r[0].is_date for r in rows[1:])"
for list in contacts quotes overdue; do
	check "export $list --xlsx" run "x$list" 0 export $list --xlsx "$T/$list.xlsx"
	check "…a workbook with its header row" xlsxcheck "$T/$list.xlsx" "ws.title == '$list' and rows[0][0].value is not None"
done

# ---- errors ----
check "export timeline of nobody: exit 1" run tlnone 1 export timeline nobody.example.org --csv "$T/none.csv"
check "…and no file" test ! -e "$T/none.csv"
check "export without a file: exit 2 naming the options" refused nofile 2 "--csv FILE or --xlsx FILE" export customers
check "export with both: exit 2" refused both 2 "--csv FILE or --xlsx FILE" export customers --csv a --xlsx b
check "export of no list: exit 2 naming it" refused nolist 2 "'bogus' is no list" export bogus --csv "$T/x.csv"
check "export timeline without a target: exit 2" refused notarget 2 "needs TARGET" export timeline --csv "$T/x.csv"
check "export --bogus: exit 2 naming the option" refused bogus 2 "--bogus" export customers --csv "$T/x.csv" --bogus
check "a file that cannot be written: exit 3 saying why" refused nodir 3 "No such file" export customers --csv "$T/nodir/x.csv"
