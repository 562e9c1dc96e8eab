#!/usr/bin/python3
"""A deterministic, realistic export sales mailbox, written as a Maildir.

  gen_mailbox.py [--summary FILE.json] MAILDIR N

Writes N messages into MAILDIR (INBOX in MAILDIR/{cur,new,tmp}, Sent in
MAILDIR/.Sent/...), the layout of Dovecot's `mail_location = maildir:...`,
so that Dovecot serves them without one APPEND each. The same N gives the
same bytes (fixed seed, no clock, no host name); the file's mtime is the
message's date, which Dovecot takes as its INTERNALDATE.

The mailbox is that of an exporter of pumps and valves (sales@example.com)
writing with buyers in a dozen countries, each with its own domain,
contacts and language: threads of inquiry, quotation (Sent), replies and
orders, in several charsets and transfer encodings, some with an HTML
alternative or attachments (PDF, xlsx, jpg of realistic sizes; their
content is random bytes, as incompressible as the real ones), plus
out-of-office replies, bounces (multipart/report) and newsletters.
Standard library only. Prints a summary (counts, bytes, share of each kind).
"""
import argparse
import base64
import json
import os
import quopri
import random
import sys
import time
import unicodedata

SEED = 20261206
START = 1546300800   # 2019-01-01 00:00 UTC
END = 1764460800     # 2025-11-30 00:00 UTC
DAY = 86400
WDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

# country: (weight, language, tz minutes, domain suffixes, first names, last names)
COUNTRIES = {
    "Germany": (12, "de", 60, (".de", ".com"),
                "Jürgen Stefan Anja Katrin Matthias Sabine Thomas Ute Jörg Birgit".split(),
                "Müller Schmidt Weiß Schäfer Becker Hoffmann Köhler Krüger Wagner Fuchs".split()),
    "Colombia": (8, "es", -300, (".com.co", ".co", ".com"),
                 "Andrés Camila Juan Valentina Sebastián Luisa Carlos María Julián Paula".split(),
                 "Gómez Rodríguez Martínez López Hernández Díaz Ramírez Muñoz Castaño Peña".split()),
    "UAE": (8, "ar", 240, (".ae", ".com"),
            "Mohammed Ahmed Fatima Khalid Omar Aisha Yousef Rashid Mariam Hamdan".split(),
            "Al Mansoori|Al Hashimi|Al Nuaimi|Haddad|Khoury|Al Falasi|Saleh|Qasim|Al Zaabi|Nasser".split("|")),
    "Brazil": (9, "pt", -180, (".com.br", ".com"),
               "João Ana Pedro Letícia Lucas Fernanda Marcelo Tatiana Rafael Gabriela".split(),
               "Silva Santos Oliveira Souza Conceição Araújo Gonçalves Pereira Ribeiro Lima".split()),
    "USA": (12, "en", -300, (".com", ".us"),
            "Michael Jennifer David Sarah Robert Emily James Ashley Brian Megan".split(),
            "Johnson Miller Davis Wilson Anderson Taylor Thomas Moore Jackson White".split()),
    "Spain": (7, "es", 60, (".es", ".com"),
              "Javier Lucía Alejandro Carmen Álvaro Marta Sergio Nuria Íñigo Raquel".split(),
              "García Fernández González Sánchez Pérez Martín Jiménez Ruiz Ibáñez Núñez".split()),
    "India": (9, "en", 330, (".in", ".co.in", ".com"),
              "Rajesh Priya Amit Sunita Vikram Anjali Sanjay Deepa Arjun Kavita".split(),
              "Sharma Patel Singh Kumar Gupta Reddy Iyer Nair Mehta Joshi".split()),
    "Vietnam": (7, "vi", 420, (".vn", ".com.vn", ".com"),
                "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng".split(),
                "Văn Anh|Thị Hương|Minh Tuấn|Thu Trang|Quốc Bảo|Ngọc Lan|Đức Huy|Thanh Hà|Hải Long|Mai Linh".split("|")),
    "China": (16, "zh", 480, (".cn", ".com.cn", ".com"),
              "伟 芳 娜 敏 静 强 磊 军 洋 勇".split(),
              "王 李 张 刘 陈 杨 赵 黄 周 吴".split()),
    "Mexico": (5, "es", -360, (".com.mx", ".mx", ".com"),
               "Alejandro Guadalupe José Mariana Luis Daniela Jorge Sofía Ricardo Ximena".split(),
               "Hernández García Martínez López González Pérez Sánchez Ramírez Cruz Flores".split()),
    "Chile": (3, "es", -240, (".cl", ".com"),
              "Matías Constanza Felipe Catalina Tomás Javiera Cristóbal Francisca Diego Antonia".split(),
              "Muñoz Rojas Díaz Soto Contreras Silva Martínez Sepúlveda Morales Araya".split()),
}

PRODUCTS = {
    "en": ["centrifugal pump", "ball valve DN50", "gate valve DN100", "butterfly valve DN200",
           "stainless steel flange", "submersible pump", "check valve PN16", "gear pump"],
    "de": ["Kreiselpumpe", "Kugelhahn DN50", "Absperrschieber DN100", "Absperrklappe DN200",
           "Edelstahlflansch", "Tauchpumpe", "Rückschlagventil PN16", "Zahnradpumpe"],
    "es": ["bomba centrífuga", "válvula de bola DN50", "válvula de compuerta DN100",
           "válvula mariposa DN200", "brida de acero inoxidable", "bomba sumergible",
           "válvula de retención PN16", "bomba de engranajes"],
    "pt": ["bomba centrífuga", "válvula esfera DN50", "válvula gaveta DN100", "válvula borboleta DN200",
           "flange de aço inoxidável", "bomba submersível", "válvula de retenção PN16", "bomba de engrenagem"],
    "vi": ["bơm ly tâm", "van bi DN50", "van cổng DN100", "van bướm DN200", "mặt bích inox",
           "bơm chìm", "van một chiều PN16", "bơm bánh răng"],
    "zh": ["离心泵", "球阀DN50", "闸阀DN100", "蝶阀DN200", "不锈钢法兰", "潜水泵", "止回阀PN16", "齿轮泵"],
}
PRODUCTS["ar"] = PRODUCTS["en"]
PORTS = ["Hamburg", "Buenaventura", "Jebel Ali", "Santos", "Houston", "Valencia", "Nhava Sheva",
         "Hai Phong", "Manzanillo", "San Antonio", "Ningbo", "Shanghai"]

# Sentences of each language; {p} product, {q} quantity, {port}, {inc} incoterm,
# {price}, {d} days, {ref} a reference.
SENT = {
    "en": ["Please quote your best price for {q} pcs {p}, {inc} {port}.",
           "Could you advise the delivery time and payment terms for {q} units of {p}?",
           "We are interested in your {p} and would like to receive a catalogue.",
           "Our client needs the goods within {d} days, please confirm if possible.",
           "Attached please find our drawing with the required dimensions.",
           "The price of USD {price} per piece is a little high for our market.",
           "Kindly send the proforma invoice so that we can arrange the payment.",
           "We confirm the order for {q} pcs {p} as per your quotation {ref}.",
           "Please make sure the packing is suitable for sea freight to {port}.",
           "Can you offer a discount if we increase the quantity to {q} pieces?",
           "The material certificate EN 10204 3.1 is required for every batch.",
           "We have received the samples and our engineers are testing them now.",
           "Please let us know the earliest shipment date from Ningbo.",
           "Our end user asks for a warranty of 18 months after installation."],
    "de": ["Bitte senden Sie uns Ihr bestes Angebot für {q} Stück {p}, {inc} {port}.",
           "Können Sie uns die Lieferzeit und die Zahlungsbedingungen für {q} Stück {p} mitteilen?",
           "Wir interessieren uns für Ihre {p} und bitten um einen aktuellen Katalog.",
           "Unser Kunde benötigt die Ware innerhalb von {d} Tagen, bitte bestätigen Sie das.",
           "Anbei erhalten Sie unsere Zeichnung mit den geforderten Maßen.",
           "Der Preis von USD {price} pro Stück ist für unseren Markt leider zu hoch.",
           "Bitte schicken Sie uns die Proforma-Rechnung, damit wir die Zahlung veranlassen können.",
           "Hiermit bestätigen wir die Bestellung über {q} Stück {p} gemäß Ihrem Angebot {ref}.",
           "Bitte achten Sie auf eine seemäßige Verpackung für den Versand nach {port}.",
           "Gewähren Sie einen Rabatt, wenn wir die Menge auf {q} Stück erhöhen?",
           "Für jede Charge benötigen wir ein Abnahmeprüfzeugnis nach EN 10204 3.1.",
           "Die Muster sind angekommen, unsere Techniker prüfen sie gerade.",
           "Wann ist der früheste Verschiffungstermin ab Ningbo möglich?"],
    "es": ["Por favor envíenos su mejor precio para {q} piezas de {p}, {inc} {port}.",
           "¿Podrían indicarnos el plazo de entrega y las condiciones de pago para {q} unidades de {p}?",
           "Estamos interesados en su {p} y quisiéramos recibir un catálogo.",
           "Nuestro cliente necesita la mercancía en {d} días, por favor confirme si es posible.",
           "Adjunto encontrará nuestro plano con las dimensiones requeridas.",
           "El precio de USD {price} por pieza es un poco alto para nuestro mercado.",
           "Le agradecemos enviar la factura proforma para gestionar el pago.",
           "Confirmamos el pedido de {q} piezas de {p} según su cotización {ref}.",
           "Asegúrese de que el embalaje sea apto para transporte marítimo a {port}.",
           "¿Pueden ofrecer un descuento si aumentamos la cantidad a {q} piezas?",
           "Recibimos las muestras y nuestros ingenieros las están probando.",
           "¿Cuál es la fecha de embarque más próxima desde Ningbo?"],
    "pt": ["Por favor, envie o seu melhor preço para {q} peças de {p}, {inc} {port}.",
           "Poderiam informar o prazo de entrega e as condições de pagamento para {q} unidades de {p}?",
           "Temos interesse na sua {p} e gostaríamos de receber um catálogo.",
           "O nosso cliente precisa da mercadoria em {d} dias, por favor confirme.",
           "Segue em anexo o nosso desenho com as dimensões exigidas.",
           "O preço de USD {price} por peça está um pouco alto para o nosso mercado.",
           "Favor enviar a fatura proforma para providenciarmos o pagamento.",
           "Confirmamos o pedido de {q} peças de {p} conforme a sua cotação {ref}.",
           "A embalagem deve ser adequada para transporte marítimo até {port}.",
           "Recebemos as amostras e os nossos engenheiros estão testando agora.",
           "Qual é a data de embarque mais próxima a partir de Ningbo?"],
    "vi": ["Vui lòng báo giá tốt nhất cho {q} cái {p}, {inc} {port}.",
           "Xin cho biết thời gian giao hàng và điều kiện thanh toán cho {q} bộ {p}.",
           "Chúng tôi quan tâm đến {p} của quý công ty và muốn nhận catalogue.",
           "Khách hàng của chúng tôi cần hàng trong vòng {d} ngày, xin vui lòng xác nhận.",
           "Đính kèm là bản vẽ với kích thước yêu cầu.",
           "Giá USD {price} mỗi cái hơi cao so với thị trường của chúng tôi.",
           "Xin gửi hóa đơn chiếu lệ để chúng tôi thu xếp thanh toán.",
           "Chúng tôi xác nhận đơn hàng {q} cái {p} theo báo giá {ref}.",
           "Chúng tôi đã nhận được mẫu và kỹ sư đang kiểm tra."],
    "zh": ["请报{q}台{p}的最优价格，{inc} {port}。",
           "请告知{q}台{p}的交货期和付款方式。",
           "我们对贵公司的{p}很感兴趣，请发一份产品目录。",
           "我们的客户需要在{d}天内收到货物，请确认是否可以。",
           "附件是我们的图纸，请按要求的尺寸生产。",
           "每台{price}美元的价格对我们的市场来说有点高。",
           "请发形式发票，我们安排付款。",
           "我们确认按照贵司报价单{ref}订购{q}台{p}。",
           "请确保包装适合海运到{port}。",
           "如果数量增加到{q}台，能否给些折扣？",
           "每批货物都需要提供EN 10204 3.1材质证明。",
           "样品已经收到，我们的工程师正在测试。",
           "请告知宁波最早的船期。"],
}
SENT["ar"] = SENT["en"]
GREET = {
    "en": ["Dear Sir or Madam,", "Dear {n},", "Hello {n},", "Hi {n},"],
    "de": ["Sehr geehrte Damen und Herren,", "Hallo {n},", "Sehr geehrter Herr {n},", "Guten Tag {n},"],
    "es": ["Estimados señores:", "Estimado {n}:", "Hola {n},", "Buenos días {n},"],
    "pt": ["Prezados senhores,", "Prezado {n},", "Olá {n},", "Bom dia {n},"],
    "vi": ["Kính gửi quý công ty,", "Chào anh {n},", "Kính gửi chị {n},"],
    "zh": ["您好！", "{n}您好，", "尊敬的{n}：", "{n}经理，您好！"],
    "ar": ["Dear {n}, Assalamu alaikum,", "Marhaba {n},", "Dear Brother {n},", "Salam {n},"],
}
CLOSE = {
    "en": ["Best regards,", "Kind regards,", "Thanks and regards,", "Looking forward to your reply."],
    "de": ["Mit freundlichen Grüßen", "Viele Grüße", "Beste Grüße aus {city}"],
    "es": ["Saludos cordiales,", "Atentamente,", "Quedo atento a sus comentarios."],
    "pt": ["Atenciosamente,", "Abraços,", "Aguardo o seu retorno."],
    "vi": ["Trân trọng,", "Cảm ơn và trân trọng,"],
    "zh": ["此致\n敬礼！", "谢谢！", "期待您的回复。"],
    "ar": ["Shukran and best regards,", "Best regards, Inshallah we do business together.",
           "Jazak Allah khair,"],
}
CITIES = {"Germany": "Hamburg", "Colombia": "Bogotá", "UAE": "Dubai", "Brazil": "São Paulo",
          "USA": "Houston", "Spain": "Valencia", "India": "Mumbai", "Vietnam": "Hồ Chí Minh",
          "China": "上海", "Mexico": "Monterrey", "Chile": "Santiago"}
SYLL = "ka lo ri ta ne vo mar sol te ba nor in dus tri gen flu ax pro tec hy dra mec".split()
SUFFIX = {"de": "GmbH", "es": "S.A.S.", "pt": "Ltda.", "en": "Inc.", "ar": "LLC", "vi": "Co., Ltd",
          "zh": "有限公司"}
OOO = {
    "en": ("Automatic reply: ", "I am out of the office until {d} with limited access to email."),
    "ar": ("Out of Office: ", "I am on annual leave until {d}. For urgent matters please call the office."),
    "de": ("Abwesenheitsnotiz: ", "Ich bin bis zum {d} nicht im Büro und habe keinen Zugriff auf E-Mails."),
    "es": ("Respuesta automática: ", "Estaré fuera de la oficina hasta el {d} con acceso limitado al correo."),
    "pt": ("Resposta automática: ", "Estou fora do escritório até {d} com acesso limitado ao e-mail."),
    "vi": ("Trả lời tự động: ", "Tôi đang nghỉ phép đến ngày {d}."),
    "zh": ("自动回复: ", "您好，我{d}前休假，邮件将延迟回复。"),
}
NEWSLETTERS = [
    ("Canton Fair", "newsletter@cantonfair.org.cn", "zh", "第{n}届广交会邀请函"),
    ("Pump Industry Weekly", "news@pumpindustryweekly.com", "en", "Pump Industry Weekly #{n}"),
    ("Alibaba.com", "noreply@service.alibaba.com", "en", "New buyer requests for valves ({n})"),
    ("Hannover Messe", "newsletter@hannovermesse.de", "de", "Hannover Messe Newsletter {n}"),
    ("Made-in-China.com", "service@made-in-china.com", "zh", "本周采购需求 第{n}期"),
    ("Feria Internacional", "boletin@feriainternacional.com.co", "es", "Boletín {n}: novedades de la feria"),
]
MAILERS = ["Microsoft Outlook 16.0", "Foxmail 7.2.25.228[cn]", "Mozilla Thunderbird 115.3.1",
           "iPhone Mail (20G75)", "Coremail Webmail Server Version XT5.0.14", "Roundcube Webmail/1.6.1"]
ATTACH_KINDS = [("pdf", "application/pdf", b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n"),
                ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                 b"PK\x03\x04\x14\x00\x06\x00"),
                ("jpg", "image/jpeg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")]


class Customer:
    def __init__(self, rnd, idx):
        names = list(COUNTRIES)
        self.country = rnd.choices(names, weights=[COUNTRIES[c][0] for c in names])[0]
        _, self.lang, self.tz, suffixes, firsts, lasts = COUNTRIES[self.country]
        stem = "".join(rnd.choice(SYLL) for _ in range(rnd.randint(2, 3)))
        self.domain = "%s%s%s" % (stem, rnd.choice(["", "-trade", "tech", "flow", "-ind"]),
                                  rnd.choice(suffixes))
        if self.lang == "zh":
            self.company = "%s（%s）%s" % (stem.capitalize(), rnd.choice(["上海", "宁波", "广州", "天津", "温州"]),
                                         SUFFIX["zh"])
        else:
            self.company = "%s %s" % (stem.capitalize(), SUFFIX[self.lang])
        self.contacts = []
        for _ in range(rnd.randint(1, 4)):
            first, last = rnd.choice(firsts), rnd.choice(lasts)
            if self.lang == "zh":
                display = last + first
                local = "%s%d" % (rnd.choice(["wang", "li", "zhang", "sales", "purchase", "info"]),
                                  rnd.randint(1, 99))
            elif self.lang == "vi":
                display = first + " " + last
                local = rnd.choice(["purchasing", "info", "sales", "kinhdoanh"]) + str(rnd.randint(1, 9))
            else:
                display = first + " " + last
                local = ascii_fold(first).lower() + "." + ascii_fold(last).lower().replace(" ", "")
            self.contacts.append((display, local + "@" + self.domain, first))
        self.idx = idx


def ascii_fold(s):
    """Letters without their accents, as people write them in addresses."""
    s = unicodedata.normalize("NFKD", s.replace("ß", "ss").replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in s if c.isascii() and (c.isalnum() or c in " ._-"))


OUR_PEOPLE = [("Li Wei", "李伟"), ("Chen Jing", "陈静"), ("Anna Zhou", "周安娜"), ("Tom Wang", "王涛")]


def fmt_date(t, tzmin):
    lt = time.gmtime(t + tzmin * 60)
    sign = "+" if tzmin >= 0 else "-"
    return "%s, %02d %s %d %02d:%02d:%02d %s%02d%02d" % (
        WDAYS[lt.tm_wday], lt.tm_mday, MONTHS[lt.tm_mon - 1], lt.tm_year, lt.tm_hour, lt.tm_min,
        lt.tm_sec, sign, abs(tzmin) // 60, abs(tzmin) % 60)


# --- the plan: every message's metadata, made first so that dates are known --

class Msg:
    __slots__ = ("t", "folder", "kind", "cust", "contact", "msgid", "irt", "refs", "subject",
                 "seed", "lang", "extra")


def plan(n, rnd):
    ncust = max(40, n // 45)
    customers = [Customer(rnd, i) for i in range(ncust)]
    msgs = []
    serial = [0]

    def new(t, folder, kind, cust, contact, subject, lang, irt=None, refs=(), extra=None):
        m = Msg()
        serial[0] += 1
        m.t, m.folder, m.kind, m.cust, m.contact = int(t), folder, kind, cust, contact
        dom = "example.com" if folder == "Sent" else (cust.domain if cust else extra[1].split("@")[1])
        m.msgid = "<%s.%06d.%x@%s>" % (time.strftime("%Y%m%d%H%M%S", time.gmtime(t)), serial[0],
                                        rnd.getrandbits(32), dom)
        m.irt, m.refs, m.subject, m.lang = irt, list(refs), subject, lang
        m.seed, m.extra = rnd.getrandbits(48), extra
        msgs.append(m)
        return m

    while len(msgs) < n:
        if rnd.random() < 0.27:   # a thread is ~4.5 messages: ~8% newsletters
            name, addr, lang, subj = rnd.choice(NEWSLETTERS)
            new(rnd.uniform(START, END), "INBOX", "newsletter", None, None,
                subj.format(n=rnd.randint(100, 999)), lang, extra=(name, addr))
            continue
        cust = rnd.choice(customers)
        contact = rnd.choice(cust.contacts)
        t = rnd.uniform(START, END - 30 * DAY)
        p = rnd.randrange(8)
        ref = "Q%d-%04d" % (time.gmtime(t).tm_year, rnd.randint(1, 9999))
        subj = {"en": "Inquiry: %s", "ar": "RFQ - %s", "de": "Anfrage %s", "es": "Solicitud de cotización %s",
                "pt": "Pedido de cotação - %s", "vi": "Yêu cầu báo giá %s", "zh": "询价：%s"}[cust.lang] \
            % PRODUCTS[cust.lang][p]
        thread = [new(t, "INBOX", "inquiry", cust, contact, subj, cust.lang, extra=(p, ref))]

        def reply(kind, folder, gap_lo, gap_hi, prefix="Re: "):
            last = thread[-1]
            m = new(last.t + rnd.uniform(gap_lo, gap_hi), folder, kind, cust, contact,
                    prefix + subj, cust.lang, irt=last.msgid,
                    refs=[x.msgid for x in thread[-8:]], extra=(p, ref))
            thread.append(m)
            return m

        def after_sent(m):
            r = rnd.random()
            if r < 0.05:
                new(m.t + rnd.uniform(10, 300), "INBOX", "autoreply", cust, contact,
                    OOO[cust.lang][0] + m.subject, cust.lang, irt=m.msgid, refs=[m.msgid])
            elif r < 0.07:
                new(m.t + rnd.uniform(5, 120), "INBOX", "bounce", cust, contact,
                    "Undelivered Mail Returned to Sender", "en", irt=None,
                    extra=(m.msgid, m.subject, fmt_date(m.t, 480)))

        if rnd.random() < 0.85:
            after_sent(reply("quote", "Sent", 3600, 3 * DAY))
            for _ in range(rnd.choice([0, 0, 1, 1, 2, 3])):
                reply("reply", "INBOX", 2 * 3600, 6 * DAY)
                after_sent(reply("reply", "Sent", 1800, 2 * DAY))
            if rnd.random() < 0.3:
                reply("order", "INBOX", DAY, 20 * DAY)
                after_sent(reply("confirm", "Sent", 3600, 2 * DAY))
            elif rnd.random() < 0.3:
                after_sent(reply("followup", "Sent", 5 * DAY, 15 * DAY, prefix="Follow-up: "))
    del msgs[n:]
    msgs.sort(key=lambda m: (m.t, m.msgid))
    return msgs


# --- rendering -----------------------------------------------------------------

class Pool:
    """Base64 lines of random bytes, sliced into attachments (fast and still
    incompressible; each slice starts at its own offset)."""

    def __init__(self, rnd, size=6 << 20):
        raw = rnd.randbytes(size)
        self.lines = base64.encodebytes(raw)   # 76 characters + "\n" a line
        self.nlines = len(self.lines) // 77

    def take(self, rnd, nbytes, magic):
        nl = (nbytes + 56) // 57
        start = rnd.randrange(0, self.nlines - nl) if nl < self.nlines else 0
        head = base64.encodebytes(magic + rnd.randbytes(57 - len(magic)))
        return head + self.lines[(start + 1) * 77:(start + nl) * 77]


def attachment_size(rnd):
    r = rnd.random()
    if r < 0.02:
        return rnd.randint(1 << 20, 3 << 20)
    if r < 0.08:
        return rnd.randint(300 << 10, 1 << 20)
    # mostly 50-200 KB, more of the small ones
    return int(50 * 1024 * (4 ** rnd.random()))


def encode_word(text, charset, enc):
    """RFC 2047 encoded words of at most ~75 characters, whole characters each."""
    if text.isascii():
        return text
    out, chunk = [], ""
    for ch in text:
        if len((chunk + ch).encode(charset, "replace")) > (36 if enc == "B" else 20):
            out.append(chunk)
            chunk = ""
        chunk += ch
    out.append(chunk)
    words = []
    for c in out:
        raw = c.encode(charset, "replace")
        if enc == "B":
            words.append("=?%s?B?%s?=" % (charset, base64.b64encode(raw).decode()))
        else:
            q = "".join(chr(b) if (chr(b).isalnum() and b < 128) else ("_" if b == 32 else "=%02X" % b)
                        for b in raw)
            words.append("=?%s?Q?%s?=" % (charset, q))
    return "\n ".join(words)


def addr(display, email, charset, enc):
    if display.isascii():
        return '"%s" <%s>' % (display, email) if "," in display else "%s <%s>" % (display, email)
    return "%s <%s>" % (encode_word(display, charset, enc), email)


def choose_charset(rnd, lang):
    """(charset, transfer encoding for the body, header encoding)."""
    r = rnd.random()
    if lang == "zh":
        if r < 0.45:
            return "utf-8", rnd.choice(["base64", "base64", "quoted-printable"]), "B"
        return ("gb2312" if r < 0.8 else "gbk"), "base64", "B"
    if lang in ("de", "es", "pt"):
        if r < 0.4:
            return "iso-8859-1", "quoted-printable", "Q"
        if r < 0.6:
            return "windows-1252", "quoted-printable", "Q"
        return "utf-8", rnd.choice(["quoted-printable", "8bit", "base64"]), "Q"
    if lang == "vi":
        return "utf-8", rnd.choice(["base64", "quoted-printable"]), "B"
    return ("us-ascii", "7bit", "Q") if r < 0.5 else ("utf-8", "quoted-printable", "Q")


def body_encode(text, charset, cte):
    raw = text.encode(charset, "replace")
    if cte == "base64":
        return base64.encodebytes(raw)
    if cte == "quoted-printable":
        return quopri.encodestring(raw)
    return raw if raw.endswith(b"\n") else raw + b"\n"


def paragraphs(rnd, lang, p, ref, count):
    vals = {"p": PRODUCTS[lang][p], "q": rnd.choice([10, 20, 50, 100, 200, 500, 1000]),
            "port": rnd.choice(PORTS), "inc": rnd.choice(["FOB", "CIF", "CFR", "EXW", "DAP"]),
            "price": "%d.%02d" % (rnd.randint(8, 900), rnd.randrange(100)), "d": rnd.choice([15, 30, 45, 60]),
            "ref": ref}
    sep = "" if lang == "zh" else " "
    paras = []
    for _ in range(count):
        paras.append(sep.join(rnd.choice(SENT[lang]).format(**vals) for _ in range(rnd.randint(1, 4))))
    return paras


def signature(rnd, m, ours):
    if ours:
        en, zh = OUR_PEOPLE[m.seed % len(OUR_PEOPLE)]
        lines = [en + (" " + zh if m.lang == "zh" else ""), "Export Sales Manager", "Acme Pumps Co., Ltd.",
                 "No. 88 Industrial Road, Wenzhou, Zhejiang, China",
                 "Tel: +86 577 8888 %04d  WhatsApp/WeChat: +86 138 %04d %04d" % (
                     m.seed % 10000, (m.seed >> 14) % 10000, (m.seed >> 28) % 10000),
                 "www.example.com"]
    else:
        c = m.cust
        lines = [m.contact[0], rnd.choice(["Purchasing Manager", "Procurement", "Technical Buyer",
                                           "General Manager", "Import Department"]),
                 c.company, CITIES[c.country] + ", " + c.country,
                 "Tel: +%d %d %d" % (rnd.randint(1, 99), rnd.randint(100, 999), rnd.randint(100000, 9999999))]
    return lines


def text_body(rnd, m):
    """The plain text of a thread message, and whether it is written to a customer (ours)."""
    ours = m.folder == "Sent"
    lang = m.lang
    if ours and lang not in ("zh",):
        lang = "en" if lang in ("ar", "vi") or rnd.random() < 0.5 else lang
    p, ref = m.extra
    greet = rnd.choice(GREET[lang]).format(n=m.contact[2] if not ours else m.contact[2])
    body = [greet, ""]
    size = {"inquiry": (2, 6), "quote": (3, 8), "reply": (1, 5), "order": (2, 5), "confirm": (2, 5),
            "followup": (1, 3)}[m.kind]
    for para in paragraphs(rnd, lang, p, ref, rnd.randint(*size)):
        body += [para, ""]
    if m.kind == "quote":
        body.append("Item  Description  Qty  Unit price (USD)  Amount")
        for i in range(rnd.randint(2, 12)):
            q = rnd.choice([10, 20, 50, 100, 200])
            u = rnd.randint(8, 900)
            body.append("%d  %s  %d  %d.00  %d.00" % (i + 1, PRODUCTS["en"][rnd.randrange(8)], q, u, q * u))
        body.append("")
    body.append(rnd.choice(CLOSE[lang]).format(city=CITIES[m.cust.country]))
    body += signature(rnd, m, ours)
    if m.irt and m.kind != "autoreply":
        # the quoted history most mailers append
        body += ["", "-----Original Message-----" if rnd.random() < 0.5 else
                 "On %s, %s wrote:" % (fmt_date(m.t - rnd.randint(3600, 5 * DAY), 0), m.contact[0])]
        for para in paragraphs(rnd, m.lang, p, ref, rnd.randint(2, 10)):
            body.append("> " + para)
            body.append(">")
    return "\n".join(body) + "\n"


def html_of(text, lang):
    esc = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    paras = "".join('<p class="MsoNormal" style="margin:0;font-family:Calibri,Arial,sans-serif;'
                    'font-size:11pt">%s</p>\n' % (line or "&nbsp;") for line in esc.split("\n"))
    return ('<html xmlns:o="urn:schemas-microsoft-com:office:office"><head>\n'
            '<meta http-equiv="Content-Type" content="text/html; charset=%%CS%%">\n'
            '<style><!-- p.MsoNormal {margin:0cm;font-size:11.0pt;font-family:"Calibri",sans-serif;} '
            '--></style></head>\n<body lang="%s" link="#0563C1" vlink="#954F72">\n'
            '<div class="WordSection1">\n%s</div>\n</body></html>\n' % (lang, paras))


def newsletter_html(rnd, m):
    lang = m.lang
    items = []
    for _ in range(rnd.randint(8, 30)):
        items.append('<tr><td style="padding:12px;border-bottom:1px solid #e5e5e5">'
                     '<a href="https://%s/item/%d?utm_source=newsletter&amp;utm_medium=email" '
                     'style="color:#1a73e8;text-decoration:none;font-weight:bold">%s</a>'
                     '<p style="margin:4px 0 0 0;color:#555555;font-size:13px">%s</p></td></tr>\n'
                     % (m.extra[1].split("@")[1], rnd.randint(1, 10 ** 7),
                        PRODUCTS[lang if lang in PRODUCTS else "en"][rnd.randrange(8)],
                        " ".join(paragraphs(rnd, lang, rnd.randrange(8), "", 1))))
    return ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>%s</title></head>'
            '<body style="margin:0;background:#f4f4f4">\n<table width="600" align="center" '
            'cellpadding="0" cellspacing="0" style="background:#ffffff;font-family:Arial">\n%s'
            '<tr><td style="font-size:11px;color:#999999">Unsubscribe: https://%s/u</td></tr>'
            '</table></body></html>\n' % (m.subject.replace("<", ""), "".join(items),
                                           m.extra[1].split("@")[1]))


def strip_tags(html):
    out, inside = [], False
    for ch in html:
        if ch == "<":
            inside = True
        elif ch == ">":
            inside = False
            out.append(" ")
        elif not inside:
            out.append(ch)
    return " ".join("".join(out).split()) + "\n"


def received(rnd, m, tzmin):
    """Received lines, newest first, as our MX and the sender's relay add them."""
    if m.folder == "Sent":
        return ["Received: from [192.168.1.%d] (unknown [192.168.1.%d])\n\tby mail.example.com "
                "(Postfix) with ESMTPSA id %X\n\tfor <%s>; %s" % (
                    m.seed % 250 + 2, m.seed % 250 + 2, m.seed & 0xFFFFFFFFFF,
                    m.contact[1] if m.contact else "list", fmt_date(m.t, 480))]
    dom = m.cust.domain if m.cust else m.extra[1].split("@")[1]
    ip = "%d.%d.%d.%d" % (rnd.randint(11, 223), rnd.randrange(256), rnd.randrange(256), rnd.randint(1, 254))
    return ["Received: from mail.%s (mail.%s [%s])\n\tby mx.example.com (Postfix) with ESMTPS id %X\n"
            "\tfor <sales@example.com>; %s" % (dom, dom, ip, m.seed & 0xFFFFFFFFFF, fmt_date(m.t + 2, 480)),
            "Received: from [10.0.%d.%d] by mail.%s with ESMTPSA id %x;\n\t%s" % (
                rnd.randrange(256), rnd.randint(1, 254), dom, m.seed >> 8, fmt_date(m.t, tzmin))]


def render(m, pool, stats):
    rnd = random.Random(m.seed)
    hdr = []
    parts = None   # [(headers, body bytes)] of a multipart, or None
    c = m.cust
    tz = 480 if m.folder == "Sent" else (COUNTRIES[c.country][2] if c else 0)
    charset, cte, henc = choose_charset(rnd, m.lang)
    if m.kind in ("newsletter",):
        charset, cte, henc = "utf-8", "quoted-printable", "B"
    hdr += received(rnd, m, tz)
    html = False
    attach = None
    ctype_main = None
    if m.kind == "newsletter":
        name, email = m.extra
        hdr.append("From: %s" % addr(name, email, charset, henc))
        hdr.append("To: sales@example.com")
        hdr.append("List-Unsubscribe: <mailto:unsubscribe@%s?subject=unsubscribe>, <https://%s/u/%x>"
                   % (email.split("@")[1], email.split("@")[1], m.seed))
        hdr.append("List-Unsubscribe-Post: List-Unsubscribe=One-Click")
        hdr.append("List-Id: <news.%s>" % email.split("@")[1])
        hdr.append("Precedence: bulk")
        h = newsletter_html(rnd, m)
        parts = [("text/plain", strip_tags(h)), ("text/html", h)]
        html = True
    elif m.kind == "bounce":
        orig_id, orig_subj, orig_date = m.extra
        hdr.append("From: Mail Delivery System <MAILER-DAEMON@mx.example.com>")
        hdr.append("To: sales@example.com")
        hdr.append("Auto-Submitted: auto-replied")
        bad = m.contact[1].replace("@", "@mail.", 1) if rnd.random() < 0.5 else "x" + m.contact[1]
        charset, cte = "us-ascii", "7bit"
        text = ("This is the mail system at host mx.example.com.\n\nI'm sorry to have to inform you that "
                "your message could not\nbe delivered to one or more recipients.\n\n<%s>: host %s said: "
                "550 5.1.1 <%s>: Recipient address rejected: User unknown\n" % (bad, c.domain, bad))
        status = ("Reporting-MTA: dns; mx.example.com\nArrival-Date: %s\n\nFinal-Recipient: rfc822; %s\n"
                  "Original-Recipient: rfc822;%s\nAction: failed\nStatus: 5.1.1\nRemote-MTA: dns; mail.%s\n"
                  "Diagnostic-Code: smtp; 550 5.1.1 <%s>: Recipient address rejected: User unknown\n"
                  % (orig_date, bad, bad, c.domain, bad))
        orig = ("From: Li Wei <sales@example.com>\nTo: %s\nSubject: %s\nDate: %s\nMessage-ID: %s\n"
                "MIME-Version: 1.0\n" % (bad, encode_word(orig_subj, "utf-8", "B"), orig_date, orig_id))
        b = "=_bounce_%x" % m.seed
        body = ("This is a MIME-encapsulated message.\n\n--%s\nContent-Description: Notification\n"
                "Content-Type: text/plain; charset=us-ascii\n\n%s\n--%s\nContent-Description: Delivery report\n"
                "Content-Type: message/delivery-status\n\n%s\n--%s\nContent-Description: Undelivered Message "
                "Headers\nContent-Type: text/rfc822-headers\n\n%s\n--%s--\n" % (b, text, b, status, b, orig, b))
        ctype_main = 'multipart/report; report-type=delivery-status;\n\tboundary="%s"' % b
        parts = body.encode()
    else:
        if m.folder == "Sent":
            en, zh = OUR_PEOPLE[m.seed % len(OUR_PEOPLE)]
            hdr.append("From: %s" % addr(zh if m.lang == "zh" else en, "sales@example.com", charset, henc))
            hdr.append("To: %s" % addr(m.contact[0], m.contact[1], charset, henc))
            if rnd.random() < 0.3 and len(c.contacts) > 1:
                o = c.contacts[(c.contacts.index(m.contact) + 1) % len(c.contacts)]
                hdr.append("Cc: %s" % addr(o[0], o[1], charset, henc))
        else:
            hdr.append("From: %s" % addr(m.contact[0], m.contact[1], charset, henc))
            hdr.append("To: sales@example.com")
        if m.kind == "autoreply":
            hdr.append("Auto-Submitted: auto-replied")
            hdr.append("X-Autoreply: yes")
            text = OOO[m.lang][1].format(d="%d.%d." % (rnd.randint(1, 28), rnd.randint(1, 12))) + "\n"
        else:
            text = text_body(rnd, m)
            html = rnd.random() < 0.25
            r = rnd.random()
            pa = {"inquiry": 0.08, "quote": 0.22, "reply": 0.03, "order": 0.35, "confirm": 0.3,
                  "followup": 0.05}[m.kind]
            if r < pa:
                attach = rnd.choice({"inquiry": [0, 2, 2], "quote": [0, 0, 1], "reply": [0, 1, 2],
                                     "order": [0, 1], "confirm": [0], "followup": [0]}[m.kind])
        if html:
            parts = [("text/plain", text), ("text/html", html_of(text, m.lang))]
        else:
            parts = [("text/plain", text)]
        hdr.append("User-Agent: %s" % MAILERS[m.seed % len(MAILERS)] if m.seed % 3 == 0 else
                   "X-Mailer: %s" % MAILERS[m.seed % len(MAILERS)])
    hdr.append("Subject: %s" % encode_word(m.subject, charset if charset != "us-ascii" else "utf-8", henc))
    hdr.append("Date: %s" % fmt_date(m.t, tz))
    hdr.append("Message-ID: %s" % m.msgid)
    if m.irt:
        hdr.append("In-Reply-To: %s" % m.irt)
        hdr.append("References: %s" % "\n ".join(m.refs))
    hdr.append("MIME-Version: 1.0")
    if m.lang != "en" and m.kind != "bounce":
        hdr.append("Content-Language: %s" % {"zh": "zh-CN", "ar": "en-US"}.get(m.lang, m.lang))

    def leaf(ctype, text):
        cs, te = charset, cte
        if cs == "us-ascii" and not text.isascii():
            cs, te = "utf-8", "quoted-printable"   # a name with accents in an English mail
        body = text.replace("%CS%", cs) if ctype == "text/html" else text
        return ("Content-Type: %s; charset=\"%s\"\nContent-Transfer-Encoding: %s\n\n" % (ctype, cs, te)).encode() \
            + body_encode(body, cs, te)

    if isinstance(parts, bytes):
        hdr.append("Content-Type: %s" % ctype_main)
        payload = parts
    else:
        if len(parts) == 1:
            alt = leaf(*parts[0])
        else:
            b = "----=_Part_%x_alt" % m.seed
            alt = ('Content-Type: multipart/alternative;\n\tboundary="%s"\n\n' % b).encode()
            for p in parts:
                alt += ("--%s\n" % b).encode() + leaf(*p) + b"\n"
            alt += ("--%s--\n" % b).encode()
        if attach is not None:
            ext, ctype, magic = ATTACH_KINDS[attach]
            size = attachment_size(rnd)
            base = {"pdf": ["Quotation_%s" % m.extra[1], "PI_%s" % m.extra[1], "PO-%d" % rnd.randint(1000, 99999),
                            "drawing_%d" % rnd.randint(1, 99), "catalogue_2024"],
                    "xlsx": ["price list %d" % rnd.randint(2019, 2025), "PO_%d" % rnd.randint(1000, 9999),
                             "packing list"],
                    "jpg": ["IMG_%04d" % rnd.randint(1, 9999), "nameplate", "photo %d" % rnd.randint(1, 9)]}[ext]
            fname = rnd.choice(base) + "." + ext
            if m.lang == "zh" and rnd.random() < 0.5:
                fname = {"pdf": "报价单", "xlsx": "价格表", "jpg": "产品图片"}[ext] + "." + ext
            if fname.isascii():
                disp = 'attachment; filename="%s"' % fname
            else:
                disp = "attachment; filename*=utf-8''%s" % "".join(
                    "%%%02X" % b for b in fname.encode("utf-8"))
            b = "----=_NextPart_%x_mix" % m.seed
            payload = ("This is a multi-part message in MIME format.\n\n--%s\n" % b).encode() + alt \
                + ("\n--%s\nContent-Type: %s; name=\"%s\"\nContent-Disposition: %s\n"
                   "Content-Transfer-Encoding: base64\n\n" % (b, ctype, ascii_fold(fname) or "file." + ext,
                                                             disp)).encode() \
                + pool.take(rnd, size, magic) + ("\n--%s--\n" % b).encode()
            hdr.append('Content-Type: multipart/mixed;\n\tboundary="%s"' % b)
            stats["attachment"] += 1
            stats["attach_" + ext] += 1
            stats["attachment_bytes"] += size
        else:
            # the single part's or the alternative's own headers become the message's
            payload = alt
    head = "\n".join(hdr).encode("ascii", "replace") + b"\n"
    if isinstance(parts, bytes) or attach is not None:
        raw = head + b"\n" + payload     # a multipart's preamble follows a blank line
    else:
        raw = head + payload             # the part's own Content-* headers end the header
    stats["html"] += html
    stats["chinese"] += m.lang == "zh"
    stats[m.kind] += 1
    stats["charset " + charset] += 1
    stats["cte " + cte] += 1
    return raw


class Counter(dict):
    def __missing__(self, key):
        return 0


def write_maildir(root, msgs, pool):
    for sub in ("", ".Sent"):
        for d in ("cur", "new", "tmp"):
            os.makedirs(os.path.join(root, sub, d), exist_ok=True)
    with open(os.path.join(root, ".Sent", "maildirfolder"), "w"):
        pass
    stats = Counter()
    total = 0
    for seq, m in enumerate(msgs):
        raw = render(m, pool, stats)
        # S= size on disk, W= size with CRLF line ends: Dovecot then needs
        # not open the file to answer RFC822.SIZE.
        name = "%d.M%dP1.bench,S=%d,W=%d:2,S" % (m.t, seq, len(raw), len(raw) + raw.count(b"\n"))
        path = os.path.join(root, ".Sent" if m.folder == "Sent" else "", "cur", name)
        with open(path, "wb") as f:
            f.write(raw)
        os.utime(path, (m.t, m.t))
        total += len(raw)
        stats[m.folder] += 1
    stats["bytes"] = total
    return stats


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--summary", help="also write the summary as JSON to this file")
    ap.add_argument("maildir")
    ap.add_argument("n", type=int)
    a = ap.parse_args()
    if a.n < 1:
        sys.exit("gen_mailbox: N must be at least 1")
    t0 = time.monotonic()
    rnd = random.Random(SEED)
    msgs = plan(a.n, rnd)
    pool = Pool(random.Random(SEED + 1))
    stats = write_maildir(a.maildir, msgs, pool)
    secs = time.monotonic() - t0
    n = len(msgs)
    kinds = ["inquiry", "quote", "reply", "order", "confirm", "followup", "autoreply", "bounce", "newsletter"]
    summary = {"messages": n, "bytes": stats["bytes"], "avg_kb": round(stats["bytes"] / n / 1024, 1),
               "seconds": round(secs, 1), "INBOX": stats["INBOX"], "Sent": stats["Sent"],
               "share": {k: round(100.0 * stats[k] / n, 1) for k in
                         ["html", "attachment", "chinese"] + kinds},
               "attachments": {"pdf": stats["attach_pdf"], "xlsx": stats["attach_xlsx"],
                               "jpg": stats["attach_jpg"],
                               "avg_kb": round(stats["attachment_bytes"] / max(1, stats["attachment"]) / 1024)},
               "charsets": {k[8:]: v for k, v in sorted(stats.items()) if k.startswith("charset ")},
               "transfer_encodings": {k[4:]: v for k, v in sorted(stats.items()) if k.startswith("cte ")}}
    print("gen_mailbox: %d messages (INBOX %d, Sent %d), %.1f MB, %.1f KB a message, %.1f s" % (
        n, stats["INBOX"], stats["Sent"], stats["bytes"] / 1e6, stats["bytes"] / n / 1024, secs))
    print("  share %: " + ", ".join("%s %.1f" % kv for kv in summary["share"].items()))
    print("  attachments: %(pdf)d pdf, %(xlsx)d xlsx, %(jpg)d jpg, %(avg_kb)d KB on average" % summary["attachments"])
    print("  charsets: " + ", ".join("%s %d" % kv for kv in summary["charsets"].items()))
    print("  transfer encodings: " + ", ".join("%s %d" % kv for kv in summary["transfer_encodings"].items()))
    if a.summary:
        with open(a.summary, "w") as f:
            json.dump(summary, f, indent=1)


if __name__ == "__main__":
    main()
