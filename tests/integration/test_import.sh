#!/bin/sh
# Spreadsheets in (issue 10, item 5): the corpus synced from a real
# Dovecot, then `import customers|contacts` of a Chinese-header sheet
# saved in GB18030, of an English one in UTF-8 with a BOM that merges
# with a customer the mail made (kunde.de), a dry run with two bad rows
# (both line numbers told, nothing imported), a real run with one bad
# row (nothing imported: all or none), --map, `import orders`, an .xlsx refused, and an
# export imported back.
. "$(dirname "$0")/lib.sh"

NOW=2026-11-24T10:00:00+08:00
corpus_setup
check "followupd --once files the mail" sh -c "'$BIN/followupd' -c '$CONF' --once --now $NOW 2> '$T/daemon.log'"
check "customers before" run before 0 customers --json
count() { "$PY" -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$1"; }
# customers_now N: `customers` lists N customers.
customers_now() { $FU customers --json > "$T/now.out" && test "$(count "$T/now.out")" = "$1"; }
# customers_without N TEXT: N customers, none of them TEXT.
customers_without() { customers_now "$1" && ! grep -q "$2" "$T/now.out"; }
N0=$(count "$T/before.out")

# writefile FILE ENCODING TEXT: TEXT (\n as CRLF) in ENCODING, "utf-8-sig" with a BOM.
writefile() {
	"$PY" -c 'import sys; open(sys.argv[1], "wb").write(sys.argv[3].replace("\n", "\r\n").encode(sys.argv[2]))' "$1" "$2" "$3"
}

# ---- a Chinese sheet in GB18030 ----
writefile "$T/cn.csv" gb18030 '客户名称,国家,等级,联系人,邮箱,电话,负责人,下次跟进,跟进内容,行业,备注
李先生,CN,A,李明,li.ming@163.com,13812345678,li.wei@example.com,2026-12-01,发报价,液压,老客户
"Stahl, Müller GmbH",DE,B,Anna Stahl,anna@stahl-mueller.de,030 1234567,,2026-12-05,"电话跟进, 寄样品",机械,
'
check "the sheet is not UTF-8 (GB18030 for real)" sh -c "! '$PY' -c 'open(\"$T/cn.csv\", encoding=\"utf-8\").read()' 2>/dev/null"
check "import customers --dry-run of the Chinese sheet" run cndry 0 import customers "$T/cn.csv" --dry-run --json
check "…GB18030 detected, 2 rows, 2 new customers, 备注 ignored, nothing imported" jcheck "$T/cndry.out" "(
[(r['encoding'], r['rows'], r['created'], r['merged'], r['dry_run'], r['imported'], r['ignored_columns'], r['problems']) for r in j]
 == [('GB18030', 2, 2, 0, True, False, ['备注'], [])])"
check "…and the store has not changed" customers_now $N0
check "import customers of the Chinese sheet" run cn 0 import customers "$T/cn.csv"
check "…says what it did" grep -q "2 rows imported: 2 new customers" "$T/cn.out"
check "customers --json after" run after 0 customers --json
check "…the free-mail buyer is a customer of its own address, with the record" jcheck "$T/after.out" "(
[(c['name'], c['country'], c['grade'], c['owner'], c['next_date'], c['next_action'], c['industry']) for c in j if c['key'] == 'li.ming@163.com']
 == [('李先生', 'CN', 'A', 'li.wei@example.com', '2026-12-01', '发报价', '液压')])"
check "…the contact: its name, the phone made E.164 in the row's country" jcheck "$T/after.out" "(
[(k['address'], k['name'], k['phone']) for c in j if c['key'] == 'li.ming@163.com' for k in c['contacts']]
 == [('li.ming@163.com', '李明', '+8613812345678')])"
check "…the company address's customer is its domain; quoted commas kept" jcheck "$T/after.out" "(
[(c['name'], c['country'], c['next_action']) for c in j if c['key'] == 'stahl-mueller.de']
 == [('Stahl, Müller GmbH', 'DE', '电话跟进, 寄样品')]
and [k['phone'] for c in j if c['key'] == 'stahl-mueller.de' for k in c['contacts']] == ['+49301234567'])"
check "timeline of the imported customer: exit 0, no mail yet" run tl 0 timeline li.ming@163.com --json

# ---- an English sheet in UTF-8 with a BOM, merging with the mail's kunde.de ----
writefile "$T/en.csv" utf-8-sig 'Company Name,E-mail,Contact Person,Role,Job Title,Country,Tags,Stage,Website
Kunde GmbH,hans.mueller@kunde.de,Hans Müller,buyer,Einkauf,AT,"vip,export",,
Water Tech,,,,,GB,,,https://www.watertech.co.uk/en
New Site,,,,,,,,http://new-site.example.net
'
check "import customers of the English sheet" run en 0 import customers "$T/en.csv" --json
check "…UTF-8, kunde.de and watertech.co.uk (by its website) already known: merged; the new site new" jcheck "$T/en.out" "(
[(r['encoding'], r['rows'], r['created'], r['merged'], r['imported']) for r in j] == [('UTF-8', 3, 1, 2, True)])"
check "…the website's customer named by the sheet" sh -c "$FU customer show watertech.co.uk --json | grep -q '\"name\": \"Water Tech\"'"
check "customer show kunde.de --json" run kd 0 customer show kunde.de --json
check "…the mail's customer has the sheet's record, its mail still on it" jcheck "$T/kd.out" "(
(j[0]['name'], j[0]['country'], j[0]['tags'], j[0]['messages'] > 0) == ('Kunde GmbH', 'AT', ['export', 'vip'], True)
and [(k['name'], k['role'], k['title']) for k in j[0]['contacts'] if k['address'] == 'hans.mueller@kunde.de'] == [('Hans Müller', 'buyer', 'Einkauf')])"
check "…and no second kunde.de (one new customer: watertech.co.uk is the mail's)" customers_now $((N0 + 3))

# ---- bad rows ----
writefile "$T/bad.csv" utf-8 'name,email,country,grade,next date
Good One,buyer@good-one.com,FR,A,2026-12-01
Bad Country,x@bad-country.com,XX,A,
Good Two,buyer@good-two.com,IT,B,
Bad Date,y@bad-date.com,ES,A,tomorrow
'
check "a dry run with two bad rows: exit 2" run baddry 2 import customers "$T/bad.csv" --dry-run
check "…and imports nothing" customers_without $((N0 + 3)) good-one.com
check "…tells both rows by line, and what is wrong" sh -c "
	grep -q \"^line 3: country: 'XX'\" '$T/baddry.out' && grep -q \"^line 5: next-date: 'tomorrow' is no date\" '$T/baddry.out' &&
	test \$(grep -c '^line ' '$T/baddry.out') = 2 && grep -q '2 bad rows of 4: nothing imported' '$T/baddry.out'"
check "…the same as JSON" run baddryj 2 import customers "$T/bad.csv" --dry-run --json
check "…problems with their lines" jcheck "$T/baddryj.out" "[p['line'] for p in j[0]['problems']] == [3, 5] and j[0]['imported'] is False"
writefile "$T/bad1.csv" utf-8 'name,email,grade
Good Three,buyer@good-three.com,A
No Address,not-an-address,A
'
check "a real run with one bad row: exit 2" run bad1 2 import customers "$T/bad1.csv"
check "…names it" grep -q "^line 3: email: 'not-an-address' is no e-mail address" "$T/bad1.out"
check "…and imports nothing, not even the good rows" customers_without $((N0 + 3)) good-three.com

# ---- --map, contacts ----
writefile "$T/map.csv" utf-8 'Firma,Kontakt-Mail,Telefonnummer
Mapped AG,info@mapped-ag.de,+49 89 123456
'
check "a sheet whose headers nobody knows: exit 2 saying what is missing" refused nomap 2 "no column names the customer" import customers "$T/map.csv"
check "import with --map" run map 0 import customers "$T/map.csv" --map 'Firma=name' --map 'Kontakt-Mail=email' --map 'Telefonnummer=phone' --json
check "…imported as mapped" sh -c "$FU customers --json > '$T/c4.out' && '$PY' -c '
import json,sys; j=json.load(open(sys.argv[1]))
sys.exit(0 if [(c[\"name\"], [k[\"phone\"] for k in c[\"contacts\"]]) for c in j if c[\"key\"] == \"mapped-ag.de\"] == [(\"Mapped AG\", [\"+4989123456\"])] else 1)' '$T/c4.out'"
check "--map of no field: exit 2 naming it" refused badmap 2 "'colour' is no field" import customers "$T/map.csv" --map 'Firma=colour'
check "--map of no column: exit 2" refused badcol 2 "no column 'Nope'" import customers "$T/map.csv" --map 'Nope=name'
writefile "$T/contacts.csv" utf-8 '邮箱,联系人,职位
sara@pompy.pl,Sara Ali,Purchasing Manager
,Nobody,
'
check "import contacts: a row without email is bad" run ct1 2 import contacts "$T/contacts.csv"
check "…line 3" grep -q "^line 3: email: a contact needs one" "$T/ct1.out"
writefile "$T/contacts.csv" utf-8 '邮箱,联系人,职位
sara@pompy.pl,Sara Ali,Purchasing Manager
'
check "import contacts" run ct2 0 import contacts "$T/contacts.csv"
check "…the contact on the mail's pompy.pl" sh -c "$FU customer show pompy.pl --json > '$T/gp.out' && grep -q 'Purchasing Manager' '$T/gp.out'"

# ---- orders ----
writefile "$T/orders.csv" gb18030 '订单号,邮箱,金额,币种,价格条款,付款日期,定金
PI-2026-200,hans.mueller@kunde.de,12500.50,usd,FOB Ningbo,2026-12-20,30%
PI-2026-201,li.ming@163.com,8000,CNY,,2026-12-31,
'
writefile "$T/badorders.csv" utf-8 'Order No,E-mail,Amount,Currency,Due Date
PI-2026-300,hans.mueller@kunde.de,100,USD,2026-12-20
PI-2026-301,hans.mueller@kunde.de,100,,2026-12-20
PI-2026-302,hans.mueller@kunde.de,lots,USD,2026-12-20
'
check "import orders with two bad rows: exit 2" run badord 2 import orders "$T/badorders.csv" --json
check "…lines 3 (no currency) and 4 (no amount), nothing imported" jcheck "$T/badord.out" "(
[p['line'] for p in j[0]['problems']] == [3, 4] and j[0]['problems'][0]['problem'].startswith('currency: an order needs one')
and j[0]['problems'][1]['problem'].startswith(\"amount: 'lots' is no number\") and j[0]['imported'] is False)"
check "…and no order PI-2026-300" sh -c "! $FU orders --json | grep -q PI-2026-300"
check "import orders of a Chinese sheet" run ord 0 import orders "$T/orders.csv" --json
check "…both, on the customers of their addresses" jcheck "$T/ord.out" "j[0]['rows'] == 2 and j[0]['merged'] == 2 and j[0]['imported'] is True"
check "orders --json" run ordl 0 orders --json
check "…checked as order add checks them: currency upper case, the deposit a share" jcheck "$T/ordl.out" "(
[(o['number'], o['customer'], o['amount'], o['currency'], o['incoterm'], o['due'], o['deposit_percent'], o['state']) for o in j]
 == [('PI-2026-200', 'kunde.de', 12500.5, 'USD', 'FOB Ningbo', '2026-12-20', 30.0, 'open'),
     ('PI-2026-201', 'li.ming@163.com', 8000, 'CNY', None, '2026-12-31', None, 'open')])"
check "the same orders again: exit 2, each number taken" run ordagain 2 import orders "$T/orders.csv"
check "…both rows told" sh -c "grep -q '^line 2: number: there is an order PI-2026-200 already' '$T/ordagain.out' && grep -q '^line 3: number: there is an order PI-2026-201' '$T/ordagain.out'"

# ---- files that are no CSV ----
check "an export of customers" run exp 0 export customers --csv "$T/export.csv"
check "…imports back unchanged (the neutralised cells too)" run back 0 import customers "$T/export.csv" --dry-run --json
check "…no problem, every row known" jcheck "$T/back.out" "j[0]['problems'] == [] and j[0]['created'] == 0 and j[0]['rows'] == j[0]['merged']"
printf 'PK\003\004rest' > "$T/sheet.xlsx"
check "an .xlsx: exit 2 saying to save as CSV UTF-8" refused xlsx 2 'save the sheet as "CSV UTF-8"' import customers "$T/sheet.xlsx"
check "a file that does not exist: exit 1" refused nofile 1 "No such file" import customers "$T/none.csv"
printf 'a,b\n\377\376\000x\n' > "$T/binary.csv"
check "bytes that are no text: exit 2" refused binary 2 "NUL bytes" import customers "$T/binary.csv"
check "import of no list: exit 2" refused nolist 2 "'orders2' is no list" import orders2 "$T/en.csv"
check "import --bogus: exit 2 naming the option" refused bogus 2 "--bogus" import customers "$T/en.csv" --bogus
