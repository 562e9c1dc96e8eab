#!/usr/bin/python3
"""The mailbox of the crash test: an export sales team's INBOX and Sent,
generated deterministically (the same bytes on every run and machine).

  mailbox.py OUTDIR

writes OUTDIR/wave1/ and OUTDIR/wave2/, each a folder of .eml files with
a manifest.json for `imaptool.py load`, and OUTDIR/expected.json: what the
generator put in, the only source of the test's expectations.

Wave 1 is the mailbox at the start: months of conversations (inquiries,
our quotes in Sent, the buyers' replies, auto-replies, newsletters, some
with a PDF attached) and the fresh inquiries of the last day, which the
`ack-inquiry` rule must acknowledge. Wave 2 is mail that arrives while
the test runs: more fresh inquiries, more replies.

Fresh inquiries come from distinct senders, at most three per company
domain (the default ack-domain-cap is five), each opening a thread of its
own. Next to them sit fresh messages that must not be acknowledged:
auto-replies (Auto-Submitted), newsletters (List-Id, Precedence: bulk),
a noreply@ sender, mail from a colleague, and buyers' replies in old
threads.
"""
import base64
import datetime
import json
import os
import random
import sys
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime

# The test's clock (followupd --now): Tuesday 2026-11-24 10:00 in Shanghai.
NOW = datetime.datetime(2026, 11, 24, 2, 0, 0, tzinfo=datetime.timezone.utc)
NOW_RFC3339 = "2026-11-24T10:00:00+08:00"
MAX_AGE_H = 24

# language: (tlds, subject, body, signature)
LANGS = {
    "en": ([".com", ".co.uk", ".ae", ".com.au", ".in"],
           "RFQ {ref}: {product}",
           "Dear Sir or Madam,\n\nwe are interested in {qty} pcs of {product}. "
           "Please send us your best price FOB Ningbo and the delivery time.\n",
           "Best regards,\n{name}\n{company}\n"),
    "de": ([".de", ".at"],
           "Anfrage {ref}: {product}",
           "Sehr geehrte Damen und Herren,\n\nwir benötigen {qty} Stück {product}. "
           "Bitte senden Sie uns Ihr Angebot FOB Ningbo mit Lieferzeit.\n",
           "Mit freundlichen Grüßen\n{name}\n{company}\n"),
    "es": ([".com.co", ".es", ".com.mx"],
           "Solicitud de cotización {ref}: {product}",
           "Buenos días,\n\nnecesitamos {qty} unidades de {product}. ¿Nos puede enviar "
           "su cotización CIF Cartagena y el plazo de entrega?\n",
           "Saludos cordiales,\n{name}\n{company}\n"),
    "pt": ([".com.br"],
           "Pedido de cotação {ref}: {product}",
           "Prezados,\n\nprecisamos de {qty} unidades de {product}. Poderiam nos enviar "
           "a cotação CIF Santos e o prazo de entrega?\n",
           "Atenciosamente,\n{name}\n{company}\n"),
    "fr": ([".fr"],
           "Demande de prix {ref} : {product}",
           "Madame, Monsieur,\n\nnous souhaitons recevoir votre meilleure offre pour "
           "{qty} pièces de {product}, livraison CIF Marseille, avec le délai.\n",
           "Cordialement,\n{name}\n{company}\n"),
    "pl": ([".pl"],
           "Zapytanie ofertowe {ref}: {product}",
           "Dzień dobry,\n\nprosimy o ofertę na {qty} sztuk {product}, dostawa CIF "
           "Gdańsk, oraz o termin dostawy.\n",
           "Pozdrawiam,\n{name}\n{company}\n"),
    "ru": ([".ru"],
           "Запрос цены {ref}: {product}",
           "Здравствуйте,\n\nпросим прислать коммерческое предложение на {qty} шт. "
           "{product}, условия поставки CIF Новороссийск, и срок поставки.\n",
           "С уважением,\n{name}\n{company}\n"),
    "zh": ([".cn", ".com.cn"],
           "询价 {ref}：{product}",
           "您好，\n\n我们需要{qty}台{product}，请报FOB宁波的价格和交货期。\n",
           "谢谢！\n{name}\n{company}\n"),
    "it": ([".it"],
           "Richiesta di offerta {ref}: {product}",
           "Buongiorno,\n\nvi chiediamo la vostra migliore offerta per {qty} pezzi di "
           "{product}, resa CIF Genova, con i tempi di consegna.\n",
           "Cordiali saluti,\n{name}\n{company}\n"),
}
FREEMAIL = ["gmail.com", "qq.com", "163.com", "outlook.com", "yahoo.com", "mail.ru"]
PRODUCTS = ["centrifugal pumps XP-200", "submersible pumps SP-75", "gear pumps GP-12",
            "diaphragm pumps DP-40", "booster pumps BP-9", "slurry pumps SL-300",
            "magnetic drive pumps MD-55", "vacuum pumps VP-8"]
FIRST = ["Hans", "Maria", "Li", "Olga", "Jean", "Piotr", "Ana", "Marco", "Ahmed", "Yuki",
         "Carlos", "Eva", "Wei", "Ivan", "Sofia", "Tomasz", "Lucia", "Omar", "Lena", "Paulo"]
LAST = ["Müller", "Gomez", "Wang", "Petrova", "Dupont", "Nowak", "Silva", "Rossi",
        "Al Mansouri", "Tanaka", "Pérez", "Schmidt", "Zhang", "Ivanov", "Costa", "Kowalski"]
STEMS = ["kunde", "empresa", "import", "trading", "handel", "industria", "tech", "agro",
         "hydro", "mining", "water", "energia", "bau", "maquinas", "zavod", "gongsi"]
OURS = [("Li Wei", "li.wei@example.com"), ("Zhang Wei", "zhang@example.com"),
        ("Acme Pumps Sales", "sales@example.com")]


class Gen:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.n = 0
        self.pdf = self.rng.randbytes(12000)

    def mid(self, tag, domain):
        self.n += 1
        return "crash-%05d.%s@%s" % (self.n, tag, domain)

    def message(self, frm, to, subject, date, mid, body, *, reply_to=None, refs=None,
                headers=(), attach=False):
        m = EmailMessage(policy=SMTP)
        m["From"] = frm
        m["To"] = to
        if reply_to:
            m["Reply-To"] = reply_to
        m["Subject"] = subject
        m["Date"] = format_datetime(date)
        m["Message-ID"] = "<%s>" % mid
        if refs:
            m["In-Reply-To"] = "<%s>" % refs[-1]
            m["References"] = " ".join("<%s>" % r for r in refs)
        for k, v in headers:
            m[k] = v
        m.set_content(body)
        if attach:
            m.add_attachment(self.pdf, maintype="application", subtype="pdf",
                             filename="catalogue-%d.pdf" % self.n)
            m.set_boundary("=_crash_%d" % self.n)
        return m.as_bytes()


def rfc_date(d):
    return d.isoformat()


def build(seed=20261124):
    g = Gen(seed)
    rng = g.rng
    waves = {1: [], 2: []}          # (folder, bytes, date)
    expected = {"now": NOW_RFC3339, "fresh": [], "no_ack": [], "messages": {1: 0, 2: 0}}

    # Customers: companies (one language each) and free-mail buyers.
    companies = []
    for i in range(170):
        lang = list(LANGS)[i % len(LANGS)]
        tlds = LANGS[lang][0]
        domain = "%s%d%s" % (STEMS[i % len(STEMS)], i, tlds[(i // len(LANGS)) % len(tlds)])
        companies.append({"domain": domain, "lang": lang,
                          "name": "%s %d" % (STEMS[i % len(STEMS)].title(), i),
                          "fresh": 0})

    def person(k):
        return "%s %s" % (FIRST[k % len(FIRST)], LAST[(k * 7) % len(LAST)])

    def inquiry(c, k, when, wave, local=None, freemail=None, reply_to=None):
        lang = c["lang"] if c else rng.choice(list(LANGS))
        _, subj, body, sig = LANGS[lang]
        name = person(k)
        addr = freemail or "%s@%s" % (local or "buyer%d" % k, c["domain"])
        company = c["name"] if c else ""
        ref = "R%05d" % (g.n + 1)
        product = PRODUCTS[k % len(PRODUCTS)]
        qty = 10 + (k * 13) % 490
        mid = g.mid("inq", addr.split("@")[1])
        text = body.format(qty=qty, product=product) + "\n" + sig.format(name=name, company=company)
        raw = g.message("%s <%s>" % (name, addr), "sales@example.com",
                        subj.format(ref=ref, product=product), when, mid, text,
                        reply_to=reply_to, attach=rng.random() < 0.08)
        waves[wave].append(("INBOX", raw, when))
        return mid, addr, name, subj.format(ref=ref, product=product)

    def quote(to_addr, to_name, subject, when, refs, wave):
        who = OURS[len(refs) % len(OURS)]
        mid = g.mid("quote", "example.com")
        text = ("Dear %s,\n\nthank you for your inquiry. Please find our offer attached: "
                "USD %d per unit, FOB Ningbo, delivery in %d days. Quotation no. Q-%05d.\n\n"
                "Best regards,\n%s\nAcme Pumps\n" % (to_name, 100 + g.n % 900, 20 + g.n % 40,
                                                    g.n, who[0]))
        raw = g.message("%s <%s>" % who, "%s <%s>" % (to_name, to_addr), "Re: " + subject,
                        when, mid, text, refs=refs, attach=rng.random() < 0.3)
        waves[wave].append(("Sent", raw, when))
        return mid

    def reply(frm_addr, frm_name, subject, when, refs, wave, text=None):
        mid = g.mid("re", frm_addr.split("@")[1])
        text = text or ("Thank you, we will check the offer with our engineers and come "
                        "back to you next week.\n\n%s\n" % frm_name)
        raw = g.message("%s <%s>" % (frm_name, frm_addr), "sales@example.com",
                        "Re: Re: " + subject, when, mid, text, refs=refs)
        waves[wave].append(("INBOX", raw, when))
        return mid

    def days_ago(lo, hi):
        return NOW - datetime.timedelta(seconds=rng.randint(int(lo * 86400), int(hi * 86400)))

    # Old conversations: an inquiry, mostly our quote, often the buyer's answer.
    k = 0
    for t in range(640):
        c = companies[rng.randrange(len(companies))]
        k += 1
        start = days_ago(3, 85)
        mid, addr, name, subject = inquiry(c, k, start, 1)
        if rng.random() < 0.85:
            qmid = quote(addr, name, subject, start + datetime.timedelta(hours=20), [mid], 1)
            if rng.random() < 0.6:
                reply(addr, name, subject, start + datetime.timedelta(days=1, hours=8),
                      [mid, qmid], 1)
    # Old free-mail inquiries, never answered.
    for t in range(150):
        k += 1
        fm = "buyer%d@%s" % (k, FREEMAIL[t % len(FREEMAIL)])
        inquiry(None, k, days_ago(2, 60), 1, freemail=fm)
    # Old robots: auto-replies and newsletters.
    for t in range(60):
        c = companies[t]
        when = days_ago(2, 80)
        raw = g.message("Office <office@%s>" % c["domain"], "sales@example.com",
                        "Automatic reply: out of office", when, g.mid("oof", c["domain"]),
                        "I am out of the office until next Monday.\n",
                        headers=[("Auto-Submitted", "auto-replied")])
        waves[1].append(("INBOX", raw, when))
        raw = g.message("Pump World News <news@pumpworld%d.com>" % t, "sales@example.com",
                        "Pump World weekly %d" % t, when, g.mid("news", "pumpworld%d.com" % t),
                        "This week: new pump standards, trade fairs, prices.\n",
                        headers=[("List-Id", "<weekly.pumpworld%d.com>" % t),
                                 ("List-Unsubscribe", "<mailto:leave@pumpworld%d.com>" % t),
                                 ("Precedence", "bulk")])
        waves[1].append(("INBOX", raw, when))

    # Fresh inquiries: younger than max-age, each to be acknowledged once.
    def fresh(wave, count):
        nonlocal k
        made = 0
        while made < count:
            k += 1
            when = NOW - datetime.timedelta(seconds=rng.randint(600, (MAX_AGE_H - 1) * 3600))
            if made % 5 == 4:
                fm = "fresh%d@%s" % (k, FREEMAIL[made % len(FREEMAIL)])
                mid, addr, _, _ = inquiry(None, k, when, wave, freemail=fm)
                rcpt = addr
            else:
                c = companies[rng.randrange(len(companies))]
                if c["fresh"] >= 3:
                    continue
                c["fresh"] += 1
                if made % 7 == 3:
                    # Written from a subdomain, answered at the Reply-To on the company's domain.
                    sub = {"domain": "mail." + c["domain"], "lang": c["lang"], "name": c["name"]}
                    rt = "einkauf%d@%s" % (k, c["domain"])
                    mid, addr, _, _ = inquiry(sub, k, when, wave, reply_to=rt)
                    rcpt = rt
                else:
                    mid, addr, _, _ = inquiry(c, k, when, wave)
                    rcpt = addr
            expected["fresh"].append({"inquiry": mid, "recipient": rcpt.lower(), "wave": wave})
            made += 1

    # Fresh mail that must get no acknowledgement.
    def fresh_negatives(wave, count):
        for t in range(count):
            c = companies[(t * 11 + wave * 5) % len(companies)]
            when = NOW - datetime.timedelta(seconds=rng.randint(600, 20 * 3600))
            kind = t % 5
            if kind == 0:
                mid = g.mid("oof", c["domain"])
                raw = g.message("Buyer <oof%d@%s>" % (t, c["domain"]), "sales@example.com",
                                "Automatic reply: Anfrage", when, mid,
                                "Ich bin bis 30.11. nicht im Büro.\n",
                                headers=[("Auto-Submitted", "auto-replied")])
            elif kind == 1:
                mid = g.mid("news", "fairnews%d.com" % t)
                raw = g.message("Fair News <info@fairnews%d.com>" % t, "sales@example.com",
                                "Please quote for the fair %d" % t, when, mid,
                                "Register now for the pump fair and send us your quote.\n",
                                headers=[("List-Id", "<fair%d.fairnews.com>" % t),
                                         ("Precedence", "bulk")])
            elif kind == 2:
                mid = g.mid("inq", c["domain"])
                raw = g.message("Portal <noreply@%s>" % c["domain"], "sales@example.com",
                                "RFQ N%05d: gear pumps" % g.n, when, mid,
                                "Please quote 20 gear pumps GP-12 FOB Ningbo.\n")
            elif kind == 3:
                mid = g.mid("int", "example.com")
                raw = g.message("Zhang Wei <zhang@example.com>", "sales@example.com",
                                "Price list 2027 %d" % t, when, mid,
                                "Colleagues, the new price list is attached.\n")
            else:
                mid = g.mid("re", c["domain"])
                raw = g.message("Buyer <buyer%d@%s>" % (t, c["domain"]), "sales@example.com",
                                "Re: Re: our order %d" % t, when, mid,
                                "Thanks, the order is confirmed.\n",
                                refs=["crash-%05d.quote@example.com" % (t * 3 + 2)])
            waves[wave].append(("INBOX", raw, when))
            expected["no_ack"].append(mid)

    fresh(1, 300)
    fresh_negatives(1, 30)
    # Wave 2: more of the same, arriving while followupd runs.
    fresh(2, 90)
    fresh_negatives(2, 10)
    for t in range(200):
        c = companies[(t * 7) % len(companies)]
        k += 1
        start = days_ago(2, 20)
        mid, addr, name, subject = inquiry(c, k, start, 2)
        quote(addr, name, subject, start + datetime.timedelta(hours=20), [mid], 2)
    for w in (1, 2):
        expected["messages"][w] = len(waves[w])
    return waves, expected


def main():
    out = sys.argv[1]
    waves, expected = build()
    for w, msgs in waves.items():
        d = os.path.join(out, "wave%d" % w)
        os.makedirs(d, exist_ok=True)
        manifest = []
        # Mail reaches a mailbox in date order.
        for i, (folder, raw, when) in enumerate(sorted(msgs, key=lambda m: m[2])):
            name = "%05d.eml" % i
            with open(os.path.join(d, name), "wb") as f:
                f.write(raw)
            manifest.append({"folder": folder, "file": name, "internaldate": rfc_date(when)})
        with open(os.path.join(d, "manifest.json"), "w") as f:
            json.dump(manifest, f)
    with open(os.path.join(out, "expected.json"), "w") as f:
        json.dump(expected, f, indent=1)
    print("wave 1: %d messages, wave 2: %d messages, %d fresh inquiries, %d fresh no-ack" % (
        expected["messages"][1], expected["messages"][2], len(expected["fresh"]),
        len(expected["no_ack"])))


if __name__ == "__main__":
    main()
