#!/usr/bin/env python3
"""size_mail.py OUT N [CORPUS_DIR]: a deterministic export mailbox for
measuring the store's size (bench/size.sh): OUT/*.eml and OUT/manifest.json
for imaptool load. Realistic bytes matter here more than realistic
semantics: the headers real mail carries (Received, DKIM, Outlook's X-MS-*),
threads that quote what came before, 30% HTML alternatives in Outlook's
verbose markup, 10% PDF-like attachments (incompressible, 20-400 KB), 20%
Chinese text, auto-replies, bounces and newsletters. The .eml files of
CORPUS_DIR are added as they are."""
import base64, glob, json, os, random, sys

out, n = sys.argv[1], int(sys.argv[2])
corpus = sys.argv[3] if len(sys.argv) > 3 else None
os.makedirs(out, exist_ok=True)
rnd = random.Random(12)

COUNTRIES = [("de", "GmbH", ["Klaus Meyer", "Anna Schmidt", "Jörg Weber"]),
             ("es", "S.L.", ["Carlos García", "Lucía Fernández"]),
             ("fr", "SARL", ["Pierre Martin", "Élodie Bernard"]),
             ("com.br", "Ltda", ["João Silva", "Mariana Costa"]),
             ("ae", "LLC", ["Ahmed Al Mansoori", "Fatima Hassan"]),
             ("pl", "Sp. z o.o.", ["Piotr Nowak", "Agnieszka Wójcik"]),
             ("com", "Inc.", ["John Smith", "Emily Johnson", "Michael Brown"]),
             ("co.uk", "Ltd", ["Oliver Taylor", "Sophie Wilson"]),
             ("cn", "有限公司", ["王伟", "李娜", "张敏"])]
STEMS = ["nordpump", "aquatech", "fluidserv", "hidraulica", "valvex", "pipeline",
         "industrial", "marinetec", "agroflow", "petrochem", "waterworks", "steelmach"]
customers = []
for i in range(300):
    tld, form, names = COUNTRIES[i % len(COUNTRIES)]
    stem = STEMS[i % len(STEMS)] + str(i)
    customers.append((stem + "." + tld, stem.capitalize() + " " + form, names, tld))

EN = ["Please send us your best price for the items below.",
      "We need 200 pieces of the DN50 stainless steel valve, PN16, flanged.",
      "Could you confirm the delivery time to Hamburg port, FOB Ningbo?",
      "Attached is our quotation No. {q} valid for 30 days.",
      "Payment terms: 30% T/T in advance, 70% against copy of B/L.",
      "Thank you for your inquiry, we are pleased to offer as follows.",
      "Please find the technical data sheet and the drawings attached.",
      "Our customer asks whether the pump can run at 60 Hz as well.",
      "Kindly advise the packing details and the gross weight per carton.",
      "We have received the samples and the quality is acceptable.",
      "Looking forward to your early reply.", "Best regards,",
      "The order will be placed next week after the final approval.",
      "Could you offer a discount for a 40ft container load?"]
DE = ["Bitte senden Sie uns Ihr Angebot für folgende Positionen.",
      "Wir benötigen 150 Stück Kugelhähne DN80 aus Edelstahl.",
      "Wie lange ist die Lieferzeit bis Hamburg?",
      "Vielen Dank für Ihre Anfrage, anbei unser Angebot Nr. {q}.",
      "Mit freundlichen Grüßen", "Die Zahlung erfolgt per Überweisung innerhalb von 30 Tagen."]
ES = ["Por favor envíenos su mejor precio para los siguientes artículos.",
      "Necesitamos 300 unidades de la bomba centrífuga modelo CP-40.",
      "¿Cuál es el plazo de entrega a Valencia?", "Saludos cordiales,",
      "Adjunto encontrará nuestra cotización n.º {q}."]
ZH = ["您好，请报价以下产品：不锈钢球阀 DN50，数量 500 个。",
      "我们需要了解交货期和付款方式。", "附件是我们的报价单，有效期三十天。",
      "请确认包装细节以及每箱毛重。", "谢谢您的询价，我们很高兴为您报价。",
      "此致敬礼", "样品已经收到，质量可以接受，下周下订单。"]


def b64(data, width=76):
    s = base64.b64encode(data).decode()
    return "\r\n".join(s[i:i + width] for i in range(0, len(s), width)) + "\r\n"


def rand_b64(k):
    return base64.b64encode(bytes(rnd.getrandbits(8) for _ in range(k))).decode()


def received(i, day, host):
    ip = "%d.%d.%d.%d" % (rnd.randint(20, 220), rnd.randint(0, 255), rnd.randint(0, 255), rnd.randint(1, 254))
    return ("Received: from %s (%s [%s])\r\n\tby mx.example.com (Postfix) with ESMTPS id %s\r\n"
            "\tfor <sales@example.com>; %s\r\n" % (host, host, ip, rand_b64(8)[:10].upper(), day))


def text_for(lang, q):
    bank = {"en": EN, "de": DE, "es": ES, "zh": ZH}[lang]
    k = rnd.randint(3, 12)
    return "\r\n\r\n".join(rnd.choice(bank).format(q=q) for _ in range(k))


def html_of(text):
    paras = "".join('<p class="MsoNormal"><span style="font-size:11.0pt;font-family:&quot;Calibri&quot;,sans-serif;color:#1F497D">%s<o:p></o:p></span></p>\r\n' % p
                    for p in text.split("\r\n\r\n"))
    return ('<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
            'xmlns:w="urn:schemas-microsoft-com:office:word" xmlns:m="http://schemas.microsoft.com/office/2004/12/omml" '
            'xmlns="http://www.w3.org/TR/REC-html40"><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">'
            '<meta name="Generator" content="Microsoft Word 15 (filtered medium)"><style><!--\r\n'
            '/* Font Definitions */\r\n@font-face\r\n\t{font-family:"Cambria Math";\r\n\tpanose-1:2 4 5 3 5 4 6 3 2 4;}\r\n'
            '@font-face\r\n\t{font-family:Calibri;\r\n\tpanose-1:2 15 5 2 2 2 4 3 2 4;}\r\n'
            'p.MsoNormal, li.MsoNormal, div.MsoNormal\r\n\t{margin:0cm;\r\n\tfont-size:11.0pt;\r\n\tfont-family:"Calibri",sans-serif;}\r\n'
            'a:link, span.MsoHyperlink\r\n\t{mso-style-priority:99;\r\n\tcolor:#0563C1;\r\n\ttext-decoration:underline;}\r\n'
            'span.EmailStyle17\r\n\t{mso-style-type:personal-compose;\r\n\tfont-family:"Calibri",sans-serif;\r\n\tcolor:windowtext;}\r\n'
            '.MsoChpDefault\r\n\t{mso-style-type:export-only;\r\n\tfont-family:"Calibri",sans-serif;}\r\n'
            '@page WordSection1\r\n\t{size:612.0pt 792.0pt;\r\n\tmargin:72.0pt 72.0pt 72.0pt 72.0pt;}\r\n'
            'div.WordSection1\r\n\t{page:WordSection1;}\r\n--></style></head>'
            '<body lang="EN-US" link="#0563C1" vlink="#954F72" style="word-wrap:break-word"><div class="WordSection1">\r\n'
            + paras + '</div></body></html>\r\n')


threads = {}
manifest = []
for i in range(n):
    ci = rnd.randrange(len(customers))
    dom, company, names, tld = customers[ci]
    person = rnd.choice(names)
    local = "sales" if tld == "cn" else person.split()[0].lower().encode("ascii", "replace").decode().replace("?", "o")
    lang = "zh" if rnd.random() < 0.2 else {"de": "de", "es": "es"}.get(tld, "en")
    day_n = 1 + i * 27 // max(n, 1)
    date = "%s, %02d Oct 2026 %02d:%02d:%02d +0200" % (["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"][(day_n - 1) % 7],
                                                       day_n, rnd.randint(7, 19), rnd.randint(0, 59), rnd.randint(0, 59))
    mid = "<%s.%d.%s@%s>" % (rand_b64(9).replace("/", "x").replace("+", "y"), i, "JavaMail" if i % 3 else "SMTP", dom)
    outbound = rnd.random() < 0.3
    sender = ("Li Wei <li.wei@example.com>" if outbound else "%s <%s@%s>" % (person, local, dom))
    rcpt = ("%s <%s@%s>" % (person, local, dom) if outbound else "Acme Pumps Sales <sales@example.com>")
    r = rnd.random()
    kind = "newsletter" if r < 0.05 else "auto" if r < 0.08 else "bounce" if r < 0.10 else "mail"
    q = "Q-2026-%04d" % i
    prev = threads.get(ci)
    subject = "Inquiry for %s valves %s" % (rnd.choice(["ball", "gate", "check", "butterfly"]), q)
    refs = ""
    text = text_for(lang, q)
    if prev and kind == "mail" and rnd.random() < 0.6:
        psub, pmid, ptext, pfrom, pdate = prev
        subject = "RE: " + psub.replace("RE: ", "")
        refs = "In-Reply-To: %s\r\nReferences: %s\r\n" % (pmid, pmid)
        quoted = "\r\n".join("> " + l for l in ptext.split("\r\n"))[:6000]
        text += "\r\n\r\n-----Original Message-----\r\nFrom: %s\r\nSent: %s\r\nTo: %s\r\nSubject: %s\r\n\r\n%s" % (
            pfrom, pdate, rcpt, psub, quoted)
    if kind == "newsletter":
        subject = "%s news: new product catalogue October 2026" % company
        text = "\r\n".join(rnd.choice(EN) for _ in range(40))
    elif kind == "auto":
        subject = "Automatic reply: " + subject
        text = "I am out of the office until 20 October with limited access to e-mail. " \
               "For urgent matters please contact my colleague."
    elif kind == "bounce":
        subject = "Undelivered Mail Returned to Sender"
        sender = "MAILER-DAEMON@mx.example.com (Mail Delivery System)"
        text = ("This is the mail system at host mx.example.com.\r\n\r\nI'm sorry to have to inform you that your message "
                "could not be delivered to one or more recipients.\r\n\r\n<nobody@%s>: host mx.%s said: 550 5.1.1 "
                "User unknown (in reply to RCPT TO command)" % (dom, dom))
    threads[ci] = (subject, mid, text[:3000], sender, date)
    sig = "\r\n\r\n%s\r\n%s\r\nTel: +%d %d %d\r\nwww.%s" % (person, company, rnd.randint(1, 99),
                                                         rnd.randint(100, 999), rnd.randint(100000, 9999999), dom)
    text += sig
    hdr = "Return-Path: <%s@%s>\r\n" % (local, dom)
    for h in range(rnd.randint(2, 4)):
        hdr += received(i, date, "mail%d.%s" % (h, dom))
    hdr += ("DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=%s; s=selector1;\r\n"
            "\th=From:Date:Subject:Message-ID:Content-Type:MIME-Version;\r\n\tbh=%s;\r\n\tb=%s\r\n"
            % (dom, rand_b64(32), "\r\n\t".join(rand_b64(256)[i:i + 70] for i in range(0, 344, 70))))
    hdr += "From: %s\r\nTo: %s\r\nSubject: %s\r\nDate: %s\r\nMessage-ID: %s\r\n%s" % (
        sender, rcpt, subject, date, mid, refs)
    if rnd.random() < 0.5:
        hdr += ("Thread-Topic: %s\r\nThread-Index: %s\r\nX-MS-Has-Attach: %s\r\nX-MS-TNEF-Correlator:\r\n"
                "X-MS-Exchange-Organization-SCL: 1\r\nX-MS-Exchange-CrossTenant-originalarrivaltime: %s\r\n"
                "X-MS-Exchange-CrossTenant-fromentityheader: Hosted\r\nX-MS-Exchange-CrossTenant-id: %s\r\n"
                "X-Microsoft-Antispam: BCL:0;\r\nX-Forefront-Antispam-Report: CIP:255.255.255.255;CTRY:;LANG:en;SCL:1;SRV:;IPV:NLI;SFV:NSPM;H:%s;PTR:;CAT:NONE;SFS:(13230040)(4636009)(366004)(136003);DIR:OUT;SFP:1101;\r\n"
                "Accept-Language: en-US\r\nContent-Language: en-US\r\n"
                % (subject, rand_b64(22), "yes" if i % 10 == 0 else "no", date, rand_b64(27), dom))
    elif kind == "newsletter":
        hdr += "List-Unsubscribe: <https://news.%s/unsubscribe?u=%s>\r\nPrecedence: bulk\r\n" % (dom, rand_b64(18))
    else:
        hdr += "User-Agent: Mozilla Thunderbird\r\n"
    if kind == "auto":
        hdr += "Auto-Submitted: auto-replied\r\nX-Auto-Response-Suppress: All\r\n"
    hdr += "MIME-Version: 1.0\r\n"
    enc_text = text.encode("utf-8")
    plain = ("Content-Type: text/plain; charset=\"utf-8\"\r\nContent-Transfer-Encoding: %s\r\n\r\n%s"
             % (("base64", b64(enc_text)) if lang == "zh" or rnd.random() < 0.3
                else ("8bit", text + "\r\n")))
    body = plain
    if rnd.random() < 0.3 or kind == "newsletter":
        h = html_of(text)
        hpart = "Content-Type: text/html; charset=\"utf-8\"\r\nContent-Transfer-Encoding: base64\r\n\r\n" + b64(h.encode())
        body = ("Content-Type: multipart/alternative;\r\n\tboundary=\"_000_alt%d_\"\r\n\r\n--_000_alt%d_\r\n%s--_000_alt%d_\r\n%s--_000_alt%d_--\r\n"
                % (i, i, plain, i, hpart, i))
    if rnd.random() < 0.1 and kind == "mail":
        size = min(int(rnd.lognormvariate(11.3, 0.8)), 1500000)
        pdf = b"%PDF-1.5\n" + bytes(rnd.getrandbits(8) for _ in range(size))
        body = ("Content-Type: multipart/mixed;\r\n\tboundary=\"_004_mix%d_\"\r\n\r\n--_004_mix%d_\r\n%s--_004_mix%d_\r\n"
                "Content-Type: application/pdf; name=\"%s.pdf\"\r\nContent-Description: %s.pdf\r\n"
                "Content-Disposition: attachment; filename=\"%s.pdf\"; size=%d\r\nContent-Transfer-Encoding: base64\r\n\r\n%s--_004_mix%d_--\r\n"
                % (i, i, body, i, q, q, q, len(pdf), b64(pdf), i))
    name = "%05d.eml" % i
    with open(os.path.join(out, name), "wb") as f:
        f.write((hdr + body).encode("utf-8"))
    manifest.append({"folder": "INBOX", "file": name, "internaldate": "2026-10-%02dT10:00:00+00:00" % day_n})

if corpus:
    for path in sorted(glob.glob(os.path.join(corpus, "*.eml"))):
        name = "corpus-" + os.path.basename(path)
        with open(path, "rb") as src, open(os.path.join(out, name), "wb") as dst:
            dst.write(src.read())
        manifest.append({"folder": "INBOX", "file": name, "internaldate": "2026-10-15T10:00:00+00:00"})
json.dump(manifest, open(os.path.join(out, "manifest.json"), "w"))
