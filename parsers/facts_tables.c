/* facts_tables: see facts_tables.h. */
#include "parsers/facts_tables.h"

#define KW(w, v) { w, v, 0, NULL }
#define KWF(w, v, f) { w, v, f, NULL }
#define KWN(w, v, nb) { w, v, 0, nb }
#define END { NULL, NULL, 0, NULL }

#define UP FACTS_KW_UPPER
#define LOW FACTS_KW_LOWER
#define STEM FACTS_KW_STEM
#define DIG FACTS_KW_DIGIT_RIGHT
#define ASC FACTS_KW_ASCII

/* A one-letter unit must not start "T/T", "m/s", "5-m". */
#define ONE_LETTER "/-'"

const struct facts_kw facts_units[] = {
	/* pieces */
	KW("pc", "pcs"), KW("pcs", "pcs"), KW("pce", "pcs"), KW("pces", "pcs"),
	KW("piece", "pcs"), KW("pieces", "pcs"), KW("pz", "pcs"),
	KW("Stück", "pcs"), KW("Stueck", "pcs"), KW("Stücke", "pcs"),
	KW("Stk", "pcs"), KW("Stck", "pcs"), KWF("St.", "pcs", FACTS_KW_SPACED),
	KW("pieza", "pcs"), KW("piezas", "pcs"), KW("peça", "pcs"), KW("peças", "pcs"),
	KW("pièce", "pcs"), KW("pièces", "pcs"), KW("pezzo", "pcs"), KW("pezzi", "pcs"),
	KW("adet", "pcs"), KW("nos.", "pcs"), KWF("Nos", "pcs", FACTS_KW_CAPITAL),
	KW("szt", "pcs"), KW("szt.", "pcs"), KW("sztuk", "pcs"), KW("sztuki", "pcs"),
	KW("sztuka", "pcs"), KW("chiếc", "pcs"), KW("cái", "pcs"), KW("개", "pcs"),
	KWN("本", "pcs", "月日年週周人"),
	KW("шт", "pcs"), KW("штук", "pcs"), KW("штука", "pcs"), KW("штуки", "pcs"),
	KW("قطعة", "pcs"), KW("قطع", "pcs"), KW("حبة", "pcs"),
	KWN("个", "pcs", "月工星礼禮小钟半"), KWN("個", "pcs", "月工星礼禮小鐘半"),
	KWN("件", "pcs", "事"), KWN("只", "pcs", "是要有能"), KWN("隻", "pcs", "是要有能"),
	KWN("支", "pcs", "付持援票"), KW("片", "pcs"), KWN("根", "pcs", "据據本"),
	KWN("条", "pcs", "款件"), KWN("條", "pcs", "款件"), KW("颗", "pcs"), KW("顆", "pcs"),
	KW("张", "pcs"), KW("張", "pcs"),
	/* units (machines, devices) */
	KW("unit", "units"), KW("units", "units"), KW("unidad", "units"),
	KW("unidades", "units"), KW("unidade", "units"), KW("uds", "units"),
	KW("unità", "units"), KW("unité", "units"), KW("unités", "units"),
	KW("Einheit", "units"), KW("Einheiten", "units"),
	KW("единица", "units"), KW("единицы", "units"), KW("единиц", "units"),
	KW("وحدة", "units"), KW("وحدات", "units"),
	KWN("台", "units", "币幣湾灣"), KWN("部", "units", "分门門"), KW("대", "units"),
	KW("đơn vị", "units"), KW("jednostek", "units"), KW("jednostki", "units"),
	/* sets */
	KW("set", "sets"), KW("sets", "sets"), KW("juego", "sets"), KW("juegos", "sets"),
	KW("conjunto", "sets"), KW("conjuntos", "sets"), KW("jogo", "sets"), KW("jogos", "sets"),
	KW("Satz", "sets"), KW("Sätze", "sets"), KW("takım", "sets"),
	KW("комплект", "sets"), KW("комплекта", "sets"), KW("комплектов", "sets"),
	KW("طقم", "sets"), KW("أطقم", "sets"), KW("套", "sets"), KW("セット", "sets"),
	KW("세트", "sets"), KW("bộ", "sets"), KW("komplet", "sets"), KW("komplety", "sets"),
	KW("kompletów", "sets"), KW("kpl", "sets"), KW("kpl.", "sets"), KW("zestaw", "sets"),
	KW("zestawy", "sets"), KW("zestawów", "sets"),
	/* kilograms */
	KW("kg", "kg"), KW("kgs", "kg"), KW("kilo", "kg"), KW("kilos", "kg"),
	KW("kilogram", "kg"), KW("kilograms", "kg"), KW("Kilogramm", "kg"),
	KW("kilogramo", "kg"), KW("kilogramos", "kg"), KW("quilo", "kg"), KW("quilos", "kg"),
	KW("quilograma", "kg"), KW("quilogramas", "kg"), KW("kilogramme", "kg"),
	KW("kilogrammes", "kg"), KW("кг", "kg"), KW("килограмм", "kg"),
	KW("килограммов", "kg"), KW("كغ", "kg"), KW("كجم", "kg"), KW("كيلو", "kg"),
	KW("كيلوغرام", "kg"), KW("公斤", "kg"), KW("千克", "kg"),
	/* tonnes */
	KWN("t", "t", ONE_LETTER), KW("ton", "t"), KW("tons", "t"), KW("tonne", "t"),
	KW("tonnes", "t"), KW("Tonnen", "t"), KW("mt", "t"), KW("mts", "t"), KW("m/t", "t"),
	KW("tonelada", "t"), KW("toneladas", "t"), KW("tonnellata", "t"),
	KW("tonnellate", "t"), KWN("т", "t", ONE_LETTER), KW("тонн", "t"),
	KW("тонна", "t"), KW("тонны", "t"), KW("тонну", "t"), KW("tony", "t"), KW("tấn", "t"),
	KW("톤", "t"), KW("طن", "t"),
	KW("أطنان", "t"), KWN("吨", "t", "位"), KWN("噸", "t", "位"),
	/* metres, square and cubic metres, litres */
	{ "m", "m", LOW, ONE_LETTER }, KW("meter", "m"), KW("meters", "m"), KW("metre", "m"),
	KW("metres", "m"), KW("metro", "m"), KW("metros", "m"), KW("mètre", "m"),
	KW("mètres", "m"), KW("metri", "m"), { "м", "m", LOW, ONE_LETTER },
	KW("метр", "m"), KW("метров", "m"), KW("метра", "m"), KW("متر", "m"),
	KW("أمتار", "m"), KW("米", "m"),
	KW("m2", "m2"), KW("m²", "m2"), KW("sqm", "m2"), KW("sq.m", "m2"), KW("sq m", "m2"),
	KW("square meters", "m2"), KW("square metres", "m2"),
	KW("metros cuadrados", "m2"), KW("metros quadrados", "m2"),
	KW("Quadratmeter", "m2"), KW("м2", "m2"), KW("м²", "m2"), KW("кв.м", "m2"),
	KW("кв. м", "m2"), KW("متر مربع", "m2"), KW("㎡", "m2"), KW("平方米", "m2"),
	KW("平米", "m2"), KW("平方", "m2"),
	KW("m3", "m3"), KW("m³", "m3"), KW("cbm", "m3"), KW("cubic meters", "m3"),
	KW("cubic metres", "m3"), KW("metros cúbicos", "m3"), KW("Kubikmeter", "m3"),
	KW("м3", "m3"), KW("м³", "m3"), KW("куб.м", "m3"), KW("куб. м", "m3"),
	KW("кубометров", "m3"), KW("متر مكعب", "m3"), KW("立方米", "m3"), KW("立方", "m3"),
	KWN("方", "m3", "案面式法便向"),
	KWN("l", "l", ONE_LETTER), KW("liter", "l"), KW("liters", "l"), KW("litre", "l"),
	KW("litres", "l"), KW("litro", "l"), KW("litros", "l"), KW("litri", "l"),
	KWN("л", "l", ONE_LETTER), KW("литр", "l"), KW("литров", "l"), KW("литра", "l"),
	KW("لتر", "l"), KWN("升", "l", "级級"),
	/* containers (a size makes it "20ft"/"40ft": see facts_amounts.c) */
	KW("container", "containers"), KW("containers", "containers"), KW("cntr", "containers"),
	KW("cntrs", "containers"), KW("FCL", "containers"), KW("contenedor", "containers"),
	KW("contenedores", "containers"), KW("contêiner", "containers"),
	KW("contêineres", "containers"), KW("conteneur", "containers"),
	KW("conteneurs", "containers"), KW("контейнер", "containers"),
	KW("контейнера", "containers"), KW("контейнеров", "containers"),
	KW("حاوية", "containers"), KW("حاويات", "containers"), KWN("柜", "containers", "子台"),
	KWN("櫃", "containers", "子台"), KW("货柜", "containers"), KW("貨櫃", "containers"),
	KW("集装箱", "containers"), KW("集裝箱", "containers"),
	/* pallets */
	KW("pallet", "pallets"), KW("pallets", "pallets"), KW("Palette", "pallets"),
	KW("Paletten", "pallets"), KW("palettes", "pallets"), KW("paleta", "pallets"),
	KW("paletas", "pallets"), KW("palete", "pallets"), KW("paletes", "pallets"),
	KW("паллет", "pallets"), KW("паллета", "pallets"), KW("паллеты", "pallets"),
	KW("паллетов", "pallets"), KW("поддон", "pallets"), KW("поддона", "pallets"),
	KW("поддонов", "pallets"), KW("منصة", "pallets"), KW("منصات", "pallets"),
	KW("طبلية", "pallets"), KWN("托", "pallets", "运運"), KW("托盘", "pallets"),
	KW("托盤", "pallets"), KW("卡板", "pallets"),
	/* cartons and boxes */
	KW("carton", "cartons"), KW("cartons", "cartons"), KW("ctn", "cartons"),
	KW("ctns", "cartons"), KW("cartón", "cartons"), KW("cartones", "cartons"),
	KW("Karton", "cartons"), KW("Kartons", "cartons"), KW("короб", "cartons"),
	KW("коробов", "cartons"), KW("كرتون", "cartons"), KW("كرتونة", "cartons"),
	KWN("箱", "cartons", "子"),
	KW("box", "boxes"), KW("boxes", "boxes"), KW("caja", "boxes"), KW("cajas", "boxes"),
	KW("caixa", "boxes"), KW("caixas", "boxes"), KW("boîte", "boxes"),
	KW("boîtes", "boxes"), KW("Schachtel", "boxes"), KW("Schachteln", "boxes"),
	KW("Kiste", "boxes"), KW("Kisten", "boxes"), KW("коробка", "boxes"),
	KW("коробки", "boxes"), KW("коробок", "boxes"), KW("علبة", "boxes"),
	KW("علب", "boxes"), KW("صندوق", "boxes"), KWN("盒", "boxes", "子"),
	/* rolls, pairs, bags, drums, lots */
	KW("roll", "rolls"), KW("rolls", "rolls"), KW("rollo", "rolls"), KW("rollos", "rolls"),
	KW("rolo", "rolls"), KW("rolos", "rolls"), KW("Rolle", "rolls"), KW("Rollen", "rolls"),
	KW("rouleau", "rolls"), KW("rouleaux", "rolls"), KW("рулон", "rolls"),
	KW("рулона", "rolls"), KW("рулонов", "rolls"), KW("لفة", "rolls"), KW("卷", "rolls"),
	KW("捲", "rolls"),
	KW("pair", "pairs"), KW("pairs", "pairs"), KW("pares", "pairs"), KW("Paar", "pairs"),
	KW("Paare", "pairs"), KW("paire", "pairs"), KW("paires", "pairs"), KW("пар", "pairs"),
	KW("пары", "pairs"), KW("пара", "pairs"), KW("زوج", "pairs"), KW("أزواج", "pairs"),
	KWN("双", "pairs", "方"), KWN("雙", "pairs", "方"), KWN("对", "pairs", "于於方"),
	KWN("對", "pairs", "于於方"),
	KW("bag", "bags"), KW("bags", "bags"), KW("bolsa", "bags"), KW("bolsas", "bags"),
	KW("saco", "bags"), KW("sacos", "bags"), KW("Sack", "bags"), KW("Säcke", "bags"),
	KW("Beutel", "bags"), KW("sac", "bags"), KW("sacs", "bags"), KW("мешок", "bags"),
	KW("мешка", "bags"), KW("мешков", "bags"), KW("كيس", "bags"), KW("أكياس", "bags"),
	KW("袋", "bags"),
	KW("drum", "drums"), KW("drums", "drums"), KW("tambor", "drums"),
	KW("tambores", "drums"), KW("Fass", "drums"), KW("Fässer", "drums"),
	KW("fût", "drums"), KW("fûts", "drums"), KW("бочка", "drums"), KW("бочки", "drums"),
	KW("бочек", "drums"), KW("برميل", "drums"), KW("براميل", "drums"), KW("桶", "drums"),
	KW("lot", "lots"), KW("lots", "lots"), KW("lote", "lots"), KW("lotes", "lots"),
	KW("партия", "lots"), KW("партии", "lots"), KWN("批", "lots", "量准發发"),
	END
};

const struct facts_kw facts_container_suffixes[] = {
	KW("ft", "ft"), KW("feet", "ft"), KW("foot", "ft"), KW("'", "ft"), KW("\"", "ft"),
	KW("gp", "gp"), KW("hq", "hq"), KW("hc", "hq"), KW("dc", "gp"), KW("ot", "ot"),
	KW("fr", "fr"), KW("rf", "rf"), KW("rh", "rf"),
	KW("pies", "ft"), KW("pés", "ft"), KW("pieds", "ft"), KW("Fuß", "ft"), KW("Fuss", "ft"),
	KWF("футов", "ft", STEM), KW("尺", "ft"), KW("英尺", "ft"), KW("呎", "ft"),
	KW("قدم", "ft"), KW("قدما", "ft"),
	END
};

const struct facts_kw facts_container_words[] = {
	KW("container", "c"), KW("containers", "c"), KW("contenedor", "c"),
	KW("contenedores", "c"), KW("contêiner", "c"), KW("contêineres", "c"),
	KW("conteneur", "c"), KW("conteneurs", "c"), KW("контейнер", "c"),
	KW("контейнера", "c"), KW("контейнеров", "c"), KW("حاوية", "c"), KW("حاويات", "c"),
	KW("柜", "c"), KW("櫃", "c"), KW("货柜", "c"), KW("貨櫃", "c"), KW("集装箱", "c"),
	KW("集裝箱", "c"), KW("高柜", "c"), KW("高櫃", "c"), KW("平柜", "c"), KW("平櫃", "c"),
	KW("cntr", "c"), KW("FCL", "c"),
	END
};

const struct facts_kw facts_container_times[] = {
	KW("x", "x"), KW("*", "x"), KW("个", "x"), KW("個", "x"), KW("只", "x"),
	KW("条", "x"), KW("條", "x"),
	END
};

const struct facts_kw facts_currencies[] = {
	/* symbols */
	KW("$", "USD"), KW("US$", "USD"), KW("USD$", "USD"), KW("R$", "BRL"),
	KW("A$", "AUD"), KW("AU$", "AUD"), KW("C$", "CAD"), KW("CA$", "CAD"),
	KW("HK$", "HKD"), KW("S$", "SGD"), KW("SG$", "SGD"), KW("NT$", "TWD"),
	KW("NZ$", "NZD"), KW("MX$", "MXN"), KW("€", "EUR"), KW("£", "GBP"),
	KW("¥", "CNY"), KW("JP¥", "JPY"), KW("円", "JPY"), KW("₽", "RUB"), KW("₺", "TRY"),
	KW("₹", "INR"), KW("₩", "KRW"), KW("₫", "VND"), KW("฿", "THB"), KW("zł", "PLN"),
	/* codes; those that are also words only in capitals */
	KWF("USD", "USD", DIG), KWF("EUR", "EUR", DIG), KWF("CNY", "CNY", DIG),
	KWF("RMB", "CNY", DIG), KWF("GBP", "GBP", DIG), KWF("JPY", "JPY", DIG),
	KWF("BRL", "BRL", DIG), KWF("AED", "AED", DIG), KWF("RUB", "RUB", DIG),
	KWF("INR", "INR", DIG), KWF("AUD", "AUD", DIG), KWF("CAD", "CAD", DIG),
	KWF("SAR", "SAR", DIG | UP), KWF("TRY", "TRY", DIG | UP), KWF("HKD", "HKD", DIG | UP),
	KWF("SGD", "SGD", DIG | UP), KWF("CHF", "CHF", DIG | UP), KWF("MXN", "MXN", DIG | UP),
	KWF("COP", "COP", DIG | UP), KWF("CLP", "CLP", DIG | UP), KWF("PEN", "PEN", DIG | UP),
	KWF("ARS", "ARS", DIG | UP), KWF("ZAR", "ZAR", DIG | UP), KWF("EGP", "EGP", DIG | UP),
	KWF("KRW", "KRW", DIG | UP), KWF("TWD", "TWD", DIG | UP), KWF("THB", "THB", DIG | UP),
	KWF("VND", "VND", DIG | UP), KWF("IDR", "IDR", DIG | UP), KWF("MYR", "MYR", DIG | UP),
	KWF("PHP", "PHP", DIG | UP), KWF("PLN", "PLN", DIG | UP), KWF("SEK", "SEK", DIG | UP),
	KWF("NOK", "NOK", DIG | UP), KWF("DKK", "DKK", DIG | UP), KWF("CZK", "CZK", DIG | UP),
	KWF("HUF", "HUF", DIG | UP), KWF("KWD", "KWD", DIG | UP), KWF("QAR", "QAR", DIG | UP),
	KWF("OMR", "OMR", DIG | UP), KWF("BHD", "BHD", DIG | UP), KWF("NGN", "NGN", DIG | UP),
	KWF("KES", "KES", DIG | UP), KWF("PKR", "PKR", DIG | UP), KWF("BDT", "BDT", DIG | UP),
	KWF("ILS", "ILS", DIG | UP), KWF("NZD", "NZD", DIG | UP), KWF("UAH", "UAH", DIG | UP),
	KWF("KZT", "KZT", DIG | UP), KWF("MAD", "MAD", DIG | UP), KWF("DZD", "DZD", DIG | UP),
	KWF("JOD", "JOD", DIG | UP), KWF("RON", "RON", DIG | UP), KWF("UYU", "UYU", DIG | UP),
	KWF("TL", "TRY", DIG | UP),
	/* words */
	KW("dollar", "USD"), KW("dollars", "USD"), KW("US dollar", "USD"),
	KW("US dollars", "USD"), KW("dólar", "USD"), KW("dólares", "USD"),
	KW("dollaro", "USD"), KW("dollari", "USD"), KW("euro", "EUR"), KW("euros", "EUR"),
	KW("avro", "EUR"), KW("yuan", "CNY"), KW("renminbi", "CNY"), KW("reais", "BRL"),
	KW("rupees", "INR"), KW("dirham", "AED"), KW("dirhams", "AED"), KW("riyal", "SAR"),
	KW("riyals", "SAR"), KW("roubles", "RUB"), KW("rubles", "RUB"), KW("rublos", "RUB"),
	KW("yen", "JPY"), KW("lira", "TRY"),
	KWF("долл", "USD", STEM), KW("евро", "EUR"), KWF("руб", "RUB", STEM),
	KWF("юан", "CNY", STEM), KWF("дирхам", "AED", STEM),
	KW("美元", "USD"), KW("美金", "USD"), KW("欧元", "EUR"), KW("歐元", "EUR"),
	KW("人民币", "CNY"), KW("人民幣", "CNY"), KWN("元", "CNY", "旦素件器"),
	KW("英镑", "GBP"), KW("英鎊", "GBP"), KW("日元", "JPY"), KW("日圓", "JPY"),
	KW("卢布", "RUB"), KW("盧布", "RUB"), KW("港币", "HKD"), KW("港幣", "HKD"),
	KW("港元", "HKD"), KW("迪拉姆", "AED"), KW("雷亚尔", "BRL"),
	KW("دولار", "USD"), KW("دولارات", "USD"), KW("دولار أمريكي", "USD"),
	KW("يورو", "EUR"), KW("درهم", "AED"), KW("دراهم", "AED"), KW("ريال", "SAR"),
	KW("ريالات", "SAR"), KW("يوان", "CNY"), KW("روبل", "RUB"),
	END
};

const struct facts_kw facts_per_words[] = {
	KW("per", "per"), KW("pro", "per"), KW("por", "per"), KW("par", "per"),
	KW("je", "per"), KW("al", "per"), KW("за", "per"), KW("на", "per"),
	KW("لكل", "per"), KW("each", "per"), KW("cada", "per"),
	END
};

const struct facts_kw facts_per_units[] = {
	KW("each", "pcs"), KW("ea", "pcs"), KW("cada uno", "pcs"), KW("cada una", "pcs"),
	KW("chacun", "pcs"), KW("cad", "pcs"), KW("cadauno", "pcs"), KW("pro Stück", "pcs"),
	KW("للقطعة", "pcs"), KW("للحبة", "pcs"), KW("للوحدة", "units"), KW("للطن", "t"),
	KW("للكيلو", "kg"), KW("للمتر", "m"), KW("للطقم", "sets"),
	END
};

const struct facts_kw facts_total_words[] = {
	KW("total", "t"), KW("totally", "t"), KW("in total", "t"), KW("grand total", "t"),
	KW("subtotal", "t"), KW("sum", "t"), KW("gesamt", "t"), KW("Gesamtpreis", "t"),
	KW("Gesamtbetrag", "t"), KW("Gesamtsumme", "t"), KW("Summe", "t"),
	KW("insgesamt", "t"), KW("totale", "t"), KW("toplam", "t"), KW("итого", "t"),
	KW("всего", "t"), KW("общая сумма", "t"), KW("общая стоимость", "t"),
	KW("сумма", "t"), KW("الإجمالي", "t"), KW("إجمالي", "t"), KW("المجموع", "t"),
	KW("总价", "t"), KW("總價", "t"), KW("总金额", "t"), KW("總金額", "t"),
	KW("合计", "t"), KW("合計", "t"), KW("总计", "t"), KW("總計", "t"),
	KW("共计", "t"), KW("共計", "t"), KW("总额", "t"), KW("總額", "t"),
	END
};

const struct facts_kw facts_articles[] = {
	KW("a", "1"), KW("an", "1"), KW("one", "1"), KW("1", "1"), KW("un", "1"),
	KW("una", "1"), KW("uno", "1"), KW("um", "1"), KW("uma", "1"), KW("une", "1"),
	KW("la", "1"), KW("el", "1"), KW("le", "1"), KW("ein", "1"), KW("eine", "1"),
	KW("einen", "1"), KW("o", "1"), KW("the", "1"), KW("1 шт", "1"),
	END
};

const struct facts_kw facts_number_words[] = {
	KW("a", "1"), KW("an", "1"), KW("one", "1"), KW("two", "2"), KW("three", "3"),
	KW("four", "4"), KW("five", "5"), KW("six", "6"), KW("seven", "7"),
	KW("eight", "8"), KW("nine", "9"), KW("ten", "10"), KW("eleven", "11"),
	KW("twelve", "12"), KW("fifteen", "15"), KW("twenty", "20"), KW("thirty", "30"),
	KW("forty", "40"), KW("forty-five", "45"), KW("sixty", "60"), KW("ninety", "90"),
	KW("un", "1"), KW("uno", "1"), KW("una", "1"), KW("dos", "2"), KW("tres", "3"),
	KW("cuatro", "4"), KW("cinco", "5"), KW("seis", "6"), KW("siete", "7"),
	KW("ocho", "8"), KW("nueve", "9"), KW("diez", "10"), KW("quince", "15"),
	KW("veinte", "20"), KW("treinta", "30"), KW("cuarenta", "40"), KW("sesenta", "60"),
	KW("noventa", "90"),
	KW("um", "1"), KW("uma", "1"), KW("dois", "2"), KW("duas", "2"), KW("três", "3"),
	KW("quatro", "4"), KW("sete", "7"), KW("oito", "8"), KW("nove", "9"), KW("dez", "10"),
	KW("quinze", "15"), KW("vinte", "20"), KW("trinta", "30"), KW("quarenta", "40"),
	KW("sessenta", "60"),
	KW("ein", "1"), KW("eine", "1"), KW("einen", "1"), KW("einem", "1"), KW("einer", "1"),
	KW("zwei", "2"), KW("drei", "3"), KW("vier", "4"), KW("fünf", "5"), KW("sechs", "6"),
	KW("sieben", "7"), KW("acht", "8"), KW("neun", "9"), KW("zehn", "10"),
	KW("zwölf", "12"), KW("fünfzehn", "15"), KW("zwanzig", "20"), KW("dreißig", "30"),
	KW("vierzig", "40"), KW("sechzig", "60"), KW("neunzig", "90"),
	KW("une", "1"), KW("deux", "2"), KW("trois", "3"), KW("quatre", "4"), KW("cinq", "5"),
	KW("sept", "7"), KW("huit", "8"), KW("neuf", "9"), KW("dix", "10"),
	KW("vingt", "20"), KW("trente", "30"), KW("quarante", "40"), KW("soixante", "60"),
	KW("due", "2"), KW("tre", "3"), KW("quattro", "4"), KW("cinque", "5"), KW("sei", "6"),
	KW("sette", "7"), KW("otto", "8"), KW("dieci", "10"), KW("quindici", "15"),
	KW("venti", "20"), KW("trenta", "30"),
	KW("один", "1"), KW("одна", "1"), KW("одну", "1"), KW("два", "2"), KW("две", "2"),
	KW("три", "3"), KW("четыре", "4"), KW("пять", "5"), KW("шесть", "6"), KW("семь", "7"),
	KW("восемь", "8"), KW("девять", "9"), KW("десять", "10"), KW("пятнадцать", "15"),
	KW("двадцать", "20"), KW("тридцать", "30"), KW("сорок", "40"),
	KW("шестьдесят", "60"), KW("девяносто", "90"),
	KW("واحد", "1"), KW("واحدة", "1"), KW("اثنين", "2"), KW("اثنان", "2"),
	KW("ثلاثة", "3"), KW("أربعة", "4"), KW("خمسة", "5"), KW("ستة", "6"), KW("سبعة", "7"),
	KW("ثمانية", "8"), KW("تسعة", "9"), KW("عشرة", "10"), KW("خمسة عشر", "15"),
	KW("عشرين", "20"), KW("عشرون", "20"), KW("ثلاثين", "30"), KW("ثلاثون", "30"),
	KW("أربعين", "40"), KW("ستين", "60"), KW("تسعين", "90"),
	KW("bir", "1"), KW("iki", "2"), KW("üç", "3"), KW("dört", "4"), KW("beş", "5"),
	KW("altı", "6"), KW("yedi", "7"), KW("sekiz", "8"), KW("dokuz", "9"),
	KW("yirmi", "20"), KW("otuz", "30"), KW("kırk", "40"), KW("altmış", "60"),
	END
};

const struct facts_kw facts_range_words[] = {
	KW("-", "-"), KW("~", "-"), KW("to", "-"), KW("a", "-"), KW("al", "-"),
	KW("bis", "-"), KW("até", "-"), KW("e", "-"), KW("y", "-"), KW("and", "-"),
	KW("und", "-"), KW("et", "-"), KW("or", "-"), KW("o", "-"), KW("ou", "-"),
	KW("oder", "-"), KW("до", "-"), KW("или", "-"), KW("и", "-"), KW("إلى", "-"),
	KW("الى", "-"), KW("至", "-"), KW("到", "-"), KW("/", "-"),
	END
};

const struct facts_kw facts_moq_anchors[] = {
	KW("MOQ", "moq"), KW("M.O.Q.", "moq"), KW("M.O.Q", "moq"),
	KW("minimum order quantity", "moq"), KW("minimum order qty", "moq"),
	KW("minimum order", "moq"), KW("min. order", "moq"), KW("min order", "moq"),
	KW("minimum quantity", "moq"), KW("minimum qty", "moq"), KW("min. qty", "moq"),
	KW("min qty", "moq"), KW("min. order quantity", "moq"),
	KW("minimum purchase quantity", "moq"),
	KW("最小起订量", "moq"), KW("最低起订量", "moq"), KW("起订量", "moq"),
	KW("最小起訂量", "moq"), KW("最低起訂量", "moq"), KW("起訂量", "moq"),
	KW("最小订购量", "moq"), KW("最小訂購量", "moq"), KW("最小订单量", "moq"),
	KW("最低订购量", "moq"), KW("起订数量", "moq"), KW("起訂數量", "moq"),
	KW("Mindestbestellmenge", "moq"), KW("Mindestabnahmemenge", "moq"),
	KW("Mindestabnahme", "moq"), KW("Mindestmenge", "moq"),
	KW("Mindestbestellung", "moq"),
	KW("pedido mínimo", "moq"), KW("cantidad mínima de pedido", "moq"),
	KW("cantidad mínima", "moq"), KW("quantidade mínima de pedido", "moq"),
	KW("quantidade mínima", "moq"), KW("encomenda mínima", "moq"),
	KW("quantité minimale de commande", "moq"), KW("quantité minimale", "moq"),
	KW("quantité minimum", "moq"), KW("commande minimale", "moq"),
	KW("commande minimum", "moq"), KW("quantità minima", "moq"),
	KW("ordine minimo", "moq"), KW("minimum sipariş", "moq"),
	KW("minimum sipariş miktarı", "moq"), KW("asgari sipariş", "moq"),
	KW("минимальный заказ", "moq"), KW("минимальная партия", "moq"),
	KW("минимальное количество", "moq"), KW("минимальный объем заказа", "moq"),
	KW("мин. заказ", "moq"), KW("мин заказ", "moq"),
	KW("الحد الأدنى للطلب", "moq"), KW("الحد الأدنى لكمية الطلب", "moq"),
	KW("الحد الأدنى", "moq"), KW("أقل كمية", "moq"), KW("أدنى كمية", "moq"),
	KW("最小発注数量", "moq"), KW("最低発注数量", "moq"), KW("最小注文数量", "moq"),
	KW("最低注文数量", "moq"), KW("最小発注単位", "moq"), KW("最小ロット", "moq"),
	KW("最低ロット", "moq"), KW("最小発注量", "moq"),
	KW("최소 주문 수량", "moq"), KW("최소 주문량", "moq"), KW("최소 발주 수량", "moq"),
	KW("최소 발주량", "moq"), KW("최소 수량", "moq"), KW("최소주문수량", "moq"),
	KW("최소주문량", "moq"), KW("최소발주량", "moq"),
	KW("minimalne zamówienie", "moq"), KW("minimalna ilość zamówienia", "moq"),
	KW("minimalna wielkość zamówienia", "moq"), KW("minimalna ilość", "moq"),
	KW("minimalna partia", "moq"),
	KW("số lượng đặt hàng tối thiểu", "moq"), KW("số lượng tối thiểu", "moq"),
	KW("đơn hàng tối thiểu", "moq"), KW("đặt hàng tối thiểu", "moq"),
	END
};

const struct facts_kw facts_moq_after[] = {
	KW("起订", "moq"), KW("起訂", "moq"), KW("起批", "moq"), KW("起售", "moq"),
	END
};

const struct facts_kw facts_quantity_anchors[] = {
	KW("quantity", "q"), KW("qty", "q"), KW("qty.", "q"), KW("q'ty", "q"),
	KW("cantidad", "q"), KW("quantidade", "q"), KW("qtd", "q"), KW("qtde", "q"),
	KW("Menge", "q"), KW("Anzahl", "q"), KW("Stückzahl", "q"), KW("quantité", "q"),
	KW("quantità", "q"), KW("количество", "q"), KW("кол-во", "q"), KW("الكمية", "q"),
	KW("كمية", "q"), KW("数量", "q"), KW("數量", "q"), KW("采购量", "q"),
	KW("採購量", "q"), KW("miktar", "q"), KW("ilość", "q"), KW("수량", "q"),
	KW("số lượng", "q"),
	END
};

const struct facts_kw facts_delivery_anchors[] = {
	KW("delivery time", "d"), KW("delivery period", "d"), KW("delivery lead time", "d"),
	KW("delivery", "d"), KW("deliver", "d"), KW("lead time", "d"), KW("leadtime", "d"),
	KW("lead-time", "d"), KW("production time", "d"), KW("production lead time", "d"),
	KW("manufacturing time", "d"), KW("shipment time", "d"), KW("shipping time", "d"),
	KW("ship within", "d"), KW("shipment within", "d"),
	KW("交货期", "d"), KW("交货时间", "d"), KW("交货周期", "d"), KW("交期", "d"),
	KW("货期", "d"), KW("交貨期", "d"), KW("交貨時間", "d"), KW("交貨週期", "d"),
	KW("貨期", "d"), KW("生产周期", "d"), KW("生產週期", "d"), KW("生产时间", "d"),
	KW("生產時間", "d"), KW("发货时间", "d"), KW("發貨時間", "d"), KW("出货时间", "d"),
	KW("出貨時間", "d"), KW("交付时间", "d"), KW("交付時間", "d"),
	KW("Lieferzeit", "d"), KW("Lieferfrist", "d"), KW("Lieferdauer", "d"),
	KW("Produktionszeit", "d"), KW("Fertigungszeit", "d"), KW("Vorlaufzeit", "d"),
	KW("Lieferung", "d"), KW("Versand", "d"),
	KW("plazo de entrega", "d"), KW("tiempo de entrega", "d"),
	KW("plazo de fabricación", "d"), KW("tiempo de producción", "d"),
	KW("plazo de producción", "d"), KW("entrega", "d"),
	KW("prazo de entrega", "d"), KW("tempo de entrega", "d"),
	KW("prazo de produção", "d"), KW("tempo de produção", "d"),
	KW("prazo de fabricação", "d"),
	KW("délai de livraison", "d"), KW("délais de livraison", "d"),
	KW("délai de fabrication", "d"), KW("délai de production", "d"),
	 KW("livraison", "d"),
	KW("tempi di consegna", "d"), KW("tempo di consegna", "d"),
	KW("termine di consegna", "d"), KW("consegna", "d"),
	KW("teslim süresi", "d"), KW("teslimat süresi", "d"), KW("teslimat", "d"),
	KW("teslim", "d"),
	KW("срок поставки", "d"), KW("сроки поставки", "d"), KW("срок изготовления", "d"),
	KW("сроки изготовления", "d"), KW("срок производства", "d"),
	KW("срок доставки", "d"), KW("сроки доставки", "d"), KW("срок отгрузки", "d"),
	KW("поставка", "d"), KW("отгрузка", "d"),
	KW("مدة التسليم", "d"), KW("وقت التسليم", "d"), KW("موعد التسليم", "d"),
	KW("فترة التسليم", "d"), KW("مدة التوريد", "d"), KW("مدة الشحن", "d"),
	KW("مدة الإنتاج", "d"), KW("وقت الإنتاج", "d"), KW("التسليم", "d"),
	KW("التوريد", "d"),
	KW("納期", "d"), KW("納入期間", "d"), KW("納品", "d"), KW("リードタイム", "d"),
	KW("出荷", "d"), KW("納入", "d"),
	KW("납기", "d"), KW("납품 기간", "d"), KW("납품", "d"), KW("리드타임", "d"),
	KW("배송 기간", "d"), KW("선적", "d"),
	KW("termin dostawy", "d"), KW("czas dostawy", "d"), KW("termin realizacji", "d"),
	KW("czas realizacji", "d"), KW("dostawa", "d"),
	KW("thời gian giao hàng", "d"), KW("giao hàng", "d"), KW("thời hạn giao hàng", "d"),
	KW("thời gian sản xuất", "d"),
	/* Verbs. */
	KW("delivered", "verb"), KW("ship", "verb"), KW("shipped", "verb"), KW("dispatch", "verb"),
	KW("dispatched", "verb"), KW("entregar", "verb"), KW("entregarlo", "verb"),
	KW("entregarlos", "verb"), KW("entregarla", "verb"), KW("entregarlas", "verb"),
	KW("entregan", "verb"), KW("entreguen", "verb"), KW("entregamos", "verb"),
	KW("entregaremos", "verb"), KW("entregado", "verb"), KW("entregados", "verb"),
	KW("entregue", "verb"), KW("entregues", "verb"), KW("entregam", "verb"),
	KW("liefern", "verb"), KW("geliefert", "verb"), KW("ausliefern", "verb"),
	KW("ausgeliefert", "verb"), KW("lieferbar", "verb"), KW("versenden", "verb"),
	KW("versendet", "verb"), KW("livrer", "verb"), KW("livré", "verb"), KW("livrés", "verb"),
	KW("livrée", "verb"), KW("livrées", "verb"), KW("livrons", "verb"), KW("expédier", "verb"),
	KW("consegnare", "verb"), KW("consegnato", "verb"), KW("consegnati", "verb"),
	KW("spedire", "verb"), KW("доставить", "verb"), KW("поставить", "verb"),
	KW("отгрузить", "verb"), KW("поставим", "verb"), KW("отгрузим", "verb"),
	KW("teslim edilir", "verb"), KW("dostarczyć", "verb"), KW("dostarczymy", "verb"),
	KW("发货", "verb"), KW("發貨", "verb"), KW("交货", "verb"), KW("交貨", "verb"), KW("出货", "verb"),
	KW("出貨", "verb"),
	/* The goods: only with "within". */
	KW("goods", "goods"), KW("the goods", "goods"), KW("merchandise", "goods"),
	KW("cargo", "goods"), KW("Ware", "goods"), KW("Waren", "goods"),
	KW("mercancía", "goods"), KW("mercancías", "goods"), KW("mercadería", "goods"),
	KW("mercaderías", "goods"), KW("mercadoria", "goods"), KW("mercadorias", "goods"),
	KW("marchandise", "goods"), KW("marchandises", "goods"), KW("merce", "goods"),
KW("товар", "goods"), KW("груз", "goods"),
	KW("البضاعة", "goods"), KW("البضائع", "goods"), KW("货物", "goods"),
	KW("貨物", "goods"), KW("商品", "goods"), KW("towar", "goods"), KW("hàng hóa", "goods"),
	KW("물품", "goods"), KW("제품", "goods"),
	KW("ürünler", "goods"),
	END
};

const struct facts_kw facts_delivery_leadins[] = {
	KW("within", "within"), KW("in", "l"), KW("about", "l"), KW("approx.", "l"),
	KW("approx", "l"), KW("approximately", "l"), KW("around", "l"), KW("ca.", "l"),
	KW("circa", "l"), KW("max.", "l"), KW("maximum", "l"), KW("up to", "l"),
	KW("innerhalb", "within"), KW("innerhalb von", "within"), KW("binnen", "within"), KW("etwa", "l"),
	KW("dentro de", "within"), KW("en", "l"), KW("em", "l"), KW("até", "l"),
	KW("dans", "l"), KW("sous", "l"), KW("environ", "l"), KW("entro", "within"),
	KW("в течение", "within"), KW("около", "l"), KW("до", "l"), KW("за", "l"),
	KW("خلال", "within"), KW("في غضون", "within"), KW("حوالي", "l"), KW("约", "l"),
	KW("大约", "l"), KW("大概", "l"), KW("約", "l"), KW("약", "l"),
	KW("maksymalnie", "l"), KW("w ciągu", "within"), KW("w terminie", "l"), KW("około", "l"),
	KW("ok.", "l"), KW("do", "l"), KW("trong vòng", "within"), KW("trong", "l"),
	KW("khoảng", "l"), KW("tối đa", "l"), KW("no prazo de", "within"),
	KW("em até", "within"), KW("dans un délai de", "within"), KW("sous", "l"),
	KW("no later than", "within"), KW("not later than", "within"),
	KW("spätestens in", "within"), KW("a más tardar en", "within"),
	KW("不超过", "within"), KW("以内", "l"),
	END
};

const struct facts_kw facts_duration_units[] = {
	KW("day", "d"), KW("days", "d"), KW("día", "d"), KW("días", "d"), KW("dia", "d"),
	KW("dias", "d"), KW("Tag", "d"), KW("Tage", "d"), KW("Tagen", "d"), KW("jour", "d"),
	KW("jours", "d"), KW("giorno", "d"), KW("giorni", "d"), KW("gün", "d"),
	KW("день", "d"), KW("дня", "d"), KW("дней", "d"), KW("суток", "d"),
	KW("يوم", "d"), KW("أيام", "d"), KW("يوما", "d"), KW("天", "d"), KW("自然日", "d"),
	KWN("日", "d", "本曜"), KW("日間", "d"), KW("일", "d"), KW("dzień", "d"), KW("dni", "d"),
	KW("dnia", "d"), KW("ngày", "d"),
	KW("week", "w"), KW("weeks", "w"), KW("wk", "w"), KW("wks", "w"),
	KW("semana", "w"), KW("semanas", "w"), KW("Woche", "w"), KW("Wochen", "w"),
	KW("semaine", "w"), KW("semaines", "w"), KW("settimana", "w"),
	KW("settimane", "w"), KW("hafta", "w"), KW("неделя", "w"), KW("недели", "w"),
	KW("недель", "w"), KW("неделю", "w"), KW("أسبوع", "w"), KW("أسابيع", "w"),
	KW("周", "w"), KW("週", "w"), KW("星期", "w"), KW("个星期", "w"), KW("個星期", "w"),
	KW("礼拜", "w"), KW("禮拜", "w"), KW("个礼拜", "w"), KW("個禮拜", "w"),
	KW("个周", "w"), KW("週間", "w"), KW("주", "w"), KW("주일", "w"), KW("tydzień", "w"),
	KW("tygodnie", "w"), KW("tygodni", "w"), KW("tygodnia", "w"), KW("tuần", "w"),
	KW("month", "m"), KW("months", "m"), KW("mes", "m"), KW("meses", "m"),
	KW("mês", "m"), KW("Monat", "m"), KW("Monate", "m"), KW("Monaten", "m"),
	KW("mois", "m"), KW("mese", "m"), KW("mesi", "m"), KW("ay", "m"),
	KW("месяц", "m"), KW("месяца", "m"), KW("месяцев", "m"), KW("شهر", "m"),
	KW("أشهر", "m"), KW("شهور", "m"), KW("个月", "m"), KW("個月", "m"),
	KW("ヶ月", "m"), KW("か月", "m"), KW("カ月", "m"), KW("ヵ月", "m"), KW("ケ月", "m"),
	KW("개월", "m"), KW("miesiąc", "m"), KW("miesiące", "m"), KW("miesięcy", "m"),
	KW("tháng", "m"),
	KW("working days", "wd"), KW("working day", "wd"), KW("work days", "wd"),
	KW("workdays", "wd"), KW("business days", "wd"), KW("business day", "wd"),
	KW("Arbeitstage", "wd"), KW("Arbeitstagen", "wd"), KW("Werktage", "wd"),
	KW("Werktagen", "wd"), KW("工作日", "wd"), KW("个工作日", "wd"),
	KW("個工作日", "wd"), KW("工作天", "wd"), KW("个工作天", "wd"),
	KW("iş günü", "wd"), KW("рабочих дней", "wd"), KW("рабочих дня", "wd"),
	KW("рабочих", "wd"), KW("営業日", "wd"), KW("稼働日", "wd"), KW("영업일", "wd"),
	KW("근무일", "wd"), KW("dni roboczych", "wd"), KW("dni robocze", "wd"),
	KW("ngày làm việc", "wd"),
	END
};

const struct facts_kw facts_workday_before[] = {
	KW("working", "wd"), KW("work", "wd"), KW("business", "wd"), KW("calendar", "d"),
	KW("рабочих", "wd"), KW("рабочие", "wd"), KW("календарных", "d"),
	END
};

const struct facts_kw facts_workday_after[] = {
	KW("úteis", "wd"), KW("hábiles", "wd"), KW("laborables", "wd"),
	KW("ouvrables", "wd"), KW("ouvrés", "wd"), KW("lavorativi", "wd"),
	KW("عمل", "wd"), KW("corridos", "d"), KW("calendario", "d"),
	END
};

const struct facts_kw facts_reference_anchors[] = {
	KW("quotation", "strong"), KW("quotation sheet", "strong"),
	KW("proforma invoice", "strong"), KW("pro forma invoice", "strong"),
	KW("pro-forma invoice", "strong"), KW("proforma", "strong"),
	KW("pro-forma", "strong"), KWF("PI", "strong", UP), KWF("P/I", "strong", UP),
	KW("报价单", "strong"), KW("報價單", "strong"), KW("形式发票", "strong"),
	KW("形式發票", "strong"), KW("cotización", "strong"), KW("cotação", "strong"),
	KW("devis", "strong"), KW("Angebot", "strong"), KW("Proformarechnung", "strong"),
	KW("Proforma-Rechnung", "strong"), KW("factura proforma", "strong"),
	KW("fatura proforma", "strong"), KW("facture proforma", "strong"),
	KW("fattura proforma", "strong"), KW("preventivo", "strong"),
	KW("счет-проформа", "strong"), KW("коммерческое предложение", "strong"),
	KWF("КП", "strong", UP), KW("فاتورة مبدئية", "strong"),
	KW("فاتورة أولية", "strong"), KW("عرض سعر", "strong"), KW("عرض أسعار", "strong"),
	KW("teklif", "strong"),
	KW("offer", "weak"), KW("quote", "weak"), KW("oferta", "weak"),
	KW("proposta", "weak"), KW("presupuesto", "weak"), KW("orçamento", "weak"),
	KW("offre", "weak"), KW("offerta", "weak"), KW("предложение", "weak"),
	KW("عرض", "weak"),
	KW("Angebotsnummer", "marked"), KW("Angebots-Nr", "marked"),
	KW("Angebots-Nr.", "marked"), KW("Angebot-Nr", "marked"),
	KW("Angebot-Nr.", "marked"), KW("Angebotsnr", "marked"),
	KW("Angebotsnr.", "marked"), KW("报价单号", "marked"), KW("报价单编号", "marked"),
	KW("报价编号", "marked"), KW("报价号", "marked"), KW("報價單號", "marked"),
	KW("報價編號", "marked"), KW("形式发票号", "marked"), KW("形式發票號", "marked"),
	KW("número de cotización", "marked"), KW("número de la cotización", "marked"),
	KW("número de presupuesto", "marked"), KW("número da cotação", "marked"),
	KW("número de cotação", "marked"), KW("número do orçamento", "marked"),
	KW("numéro de devis", "marked"), KW("numéro du devis", "marked"),
	KW("numéro d'offre", "marked"), KW("numero preventivo", "marked"),
	KW("номер предложения", "marked"), KW("номер КП", "marked"),
	KW("номер коммерческого предложения", "marked"),
	KW("رقم عرض السعر", "marked"), KW("رقم الفاتورة المبدئية", "marked"),
	KW("رقم العرض", "marked"), KW("quotation number", "marked"),
	KW("quote number", "marked"), KW("offer number", "marked"),
	KW("見積書", "strong"), KW("御見積書", "strong"), KW("見積番号", "marked"),
	KW("見積書番号", "marked"), KW("見積No", "marked"), KW("見積No.", "marked"),
	KW("견적서", "strong"), KW("견적 번호", "marked"), KW("견적번호", "marked"),
	KW("견적서 번호", "marked"), KW("견적서번호", "marked"),
	KW("ofertę", "weak"), KW("oferty", "weak"), KW("ofercie", "weak"),
	KW("wycena", "weak"), KW("wyceny", "weak"), KW("faktura proforma", "strong"),
	KW("numer oferty", "marked"), KW("báo giá", "weak"), KW("báo giá số", "marked"),
	KW("số báo giá", "marked"), KW("hóa đơn chiếu lệ", "strong"),
	END
};

const struct facts_kw facts_document_anchors[] = {
	KW("tender", "strong"), KW("bid", "weak"), KW("RFQ", "weak"), KW("RFP", "weak"),
	KW("enquiry", "weak"), KW("inquiry", "weak"), KW("purchase order", "weak"),
	KWF("PO", "weak", UP), KWF("P.O.", "weak", UP), KW("order", "weak"),
	KW("invoice", "weak"), KW("contract", "weak"), KW("project", "weak"),
	KW("licitación", "strong"), KW("licitação", "strong"), KW("concurso", "weak"),
	KW("pedido", "weak"), KW("solicitud", "weak"), KW("factura", "weak"),
	KW("fatura", "weak"), KW("contrato", "weak"),
	KW("Ausschreibung", "strong"), KW("Anfrage", "weak"), KW("Bestellung", "weak"),
	KW("Auftrag", "weak"), KW("Rechnung", "weak"), KW("Vertrag", "weak"),
	KW("appel d'offres", "strong"), KW("demande", "weak"), KW("commande", "weak"),
	KW("facture", "weak"), KW("contrat", "weak"), KW("gara", "strong"),
	KW("ordine", "weak"), KW("fattura", "weak"), KW("ihale", "strong"),
	KW("sipariş", "weak"), KW("przetarg", "strong"),
	KW("zamówienie", "weak"), KW("faktura", "weak"),
	KW("тендер", "strong"), KW("заявка", "weak"), KW("заказ", "weak"),
	KW("счет", "weak"), KW("договор", "weak"), KW("контракт", "weak"),
	KW("مناقصة", "strong"), KW("طلب", "weak"), KW("فاتورة", "weak"), KW("عقد", "weak"),
	KW("招标", "strong"), KW("招標", "strong"), KW("询价单", "weak"), KW("詢價單", "weak"),
	KW("订单", "weak"), KW("訂單", "weak"), KW("合同", "weak"), KW("发票", "weak"),
	KW("發票", "weak"),
	KW("入札", "strong"), KW("注文", "weak"), KW("입찰", "strong"), KW("주문", "weak"),
	KW("đấu thầu", "strong"), KW("đơn hàng", "weak"),
	END
};

const struct facts_kw facts_reference_markers[] = {
	KW("no", "m"), KW("no.", "m"), KW("nos", "m"), KW("n°", "m"), KW("nº", "m"),
	KW("n.°", "m"), KW("n.º", "m"), KW("nr", "m"), KW("nr.", "m"), KW("n.", "m"),
	KW("num", "m"), KW("num.", "m"), KW("number", "m"), KW("Nummer", "m"),
	KW("número", "m"), KW("numéro", "m"), KW("numero", "m"), KW("#", "m"),
	KW("№", "m"), KW("ref", "m"), KW("ref.", "m"), KW("reference", "m"),
	KW("référence", "m"), KW("referencia", "m"), KW("referência", "m"),
	KW("номер", "m"), KW("رقم", "m"), KW("编号", "m"), KW("編號", "m"), KW("号", "m"),
	KW("號", "m"), KW("单号", "m"), KW("單號", "m"), KW("番号", "m"), KW("번호", "m"),
	KW("numer", "m"),
	END
};

const struct facts_kw facts_incoterms[] = {
	KWF("EXW", "EXW", ASC), KWF("FCA", "FCA", ASC), KWF("CPT", "CPT", ASC),
	KWF("CIP", "CIP", ASC), KWF("DAP", "DAP", ASC), KWF("DPU", "DPU", ASC),
	KWF("DDP", "DDP", ASC), KWF("FAS", "FAS", ASC), KWF("FOB", "FOB", ASC),
	KWF("CFR", "CFR", ASC), KWF("CIF", "CIF", ASC), KWF("C&F", "CFR", ASC),
	KWF("CNF", "CFR", ASC), KWF("C+F", "CFR", ASC),
	/* Incoterms 2010's DAT became DPU in 2020. */
	KWF("DAT", "DPU", ASC | UP),
	END
};

const struct facts_kw facts_place_prefixes[] = {
	KW("port of", "p"), KW("the port of", "p"), KW("puerto de", "p"),
	KW("porto de", "p"), KW("porto di", "p"), KW("port de", "p"),
	KWF("port", "p", LOW), KWF("puerto", "p", LOW), KWF("porto", "p", LOW),
	KW("Hafen", "p"), KWF("порт", "p", LOW), KW("ميناء", "p"),
	END
};

const struct facts_kw facts_place_suffixes[] = {
	KW("port", "p"), KW("harbour", "p"), KW("harbor", "p"), KW("seaport", "p"),
	KW("sea port", "p"), KW("Hafen", "p"), KW("港", "p"), KW("港口", "p"),
	KW("порт", "p"),
	END
};

const struct facts_kw facts_place_stops[] = {
	KW("price", "s"), KW("prices", "s"), KW("pricing", "s"), KW("term", "s"),
	KW("terms", "s"), KW("basis", "s"), KW("base", "s"), KW("incoterms", "s"),
	KW("incoterm", "s"), KW("condition", "s"), KW("conditions", "s"),
	KW("and", "s"), KW("or", "s"), KW("for", "s"), KW("with", "s"), KW("is", "s"),
	KW("are", "s"), KW("was", "s"), KW("will", "s"), KW("by", "s"), KW("to", "s"),
	KW("in", "s"), KW("at", "s"), KW("on", "s"), KW("per", "s"), KW("please", "s"),
	KW("pls", "s"), KW("plus", "s"), KW("including", "s"), KW("incl", "s"),
	KW("only", "s"), KW("via", "s"), KW("from", "s"), KW("shipment", "s"),
	KW("shipping", "s"), KW("delivery", "s"), KW("quotation", "s"), KW("quote", "s"),
	KW("offer", "s"), KW("we", "s"), KW("i", "s"), KW("you", "s"), KW("it", "s"),
	KW("precio", "s"), KW("precios", "s"), KW("preço", "s"), KW("preços", "s"),
	KW("Preis", "s"), KW("Preise", "s"), KW("prix", "s"), KW("prezzo", "s"),
	KW("condiciones", "s"), KW("condições", "s"), KW("Bedingungen", "s"),
	KW("y", "s"), KW("e", "s"), KW("et", "s"), KW("und", "s"), KW("oder", "s"),
	KW("ou", "s"), KW("o", "s"), KW("de", "s"), KW("para", "s"), KW("pour", "s"),
	KW("für", "s"), KW("con", "s"), KW("com", "s"), KW("avec", "s"), KW("mit", "s"),
	KW("en", "s"), KW("em", "s"), KW("dans", "s"), KW("im", "s"), KW("nach", "s"),
	KW("a", "s"), KW("цена", "s"), KW("цены", "s"), KW("цене", "s"), KW("и", "s"),
	KW("или", "s"), KW("по", "s"), KW("на", "s"), KW("السعر", "s"), KW("سعر", "s"),
	KW("و", "s"), KW("أو", "s"), KW("조건", "s"), KW("가격", "s"), KW("및", "s"),
	KW("điều kiện", "s"), KW("giá", "s"), KW("cena", "s"), KW("warunki", "s"),
	END
};

const struct facts_kw facts_place_lower_starts[] = {
	KW("our", "o"), KW("your", "o"), KW("the", "o"), KW("buyer's", "o"),
	KW("seller's", "o"), KW("factory", "o"), KW("warehouse", "o"), KW("works", "o"),
	KW("mill", "o"), KW("plant", "o"), KW("nuestra", "o"), KW("nuestro", "o"),
	KW("nossa", "o"), KW("nosso", "o"), KW("fábrica", "o"), KW("unser", "o"),
	KW("unsere", "o"), KW("unserem", "o"), KW("Werk", "o"), KW("Lager", "o"),
	KW("notre", "o"), KW("votre", "o"), KW("usine", "o"), KW("entrepôt", "o"),
	KW("наш", "o"), KW("наша", "o"), KW("нашего", "o"), KW("склад", "o"),
	KW("завод", "o"), KW("fabrika", "o"), KW("magazzino", "o"),
	KW("stabilimento", "o"),
	END
};

const struct facts_kw facts_destination_anchors[] = {
	KW("destination port", "port"), KW("port of destination", "port"),
	KW("port of discharge", "port"), KW("discharge port", "port"),
	KW("port of delivery", "port"), KWF("POD", "port", UP),
	KW("puerto de destino", "port"), KW("puerto destino", "port"),
	KW("puerto de descarga", "port"), KW("porto de destino", "port"),
	KW("porto destino", "port"), KW("porto de descarga", "port"),
	KW("Bestimmungshafen", "port"), KW("Zielhafen", "port"),
	KW("Entladehafen", "port"), KW("port de destination", "port"),
	KW("port de déchargement", "port"), KW("port d'arrivée", "port"),
	KW("porto di destinazione", "port"), KW("porto di scarico", "port"),
	KW("varış limanı", "port"), KW("порт назначения", "port"),
	KW("порт выгрузки", "port"), KW("порт разгрузки", "port"),
	KW("ميناء الوصول", "port"), KW("ميناء الوجهة", "port"),
	KW("ميناء التفريغ", "port"), KW("ميناء المقصد", "port"), KW("إلى ميناء", "port"),
	KW("目的港", "port"), KW("卸货港", "port"), KW("卸貨港", "port"),
	KW("destination country", "country"), KW("country of destination", "country"),
	KW("país de destino", "country"), KW("Bestimmungsland", "country"),
	KW("Zielland", "country"), KW("pays de destination", "country"),
	KW("paese di destinazione", "country"), KW("страна назначения", "country"),
	KW("بلد الوجهة", "country"), KW("دولة الوجهة", "country"),
	KW("目的国", "country"), KW("目的國", "country"), KW("目的地国家", "country"),
	KW("destination", "any"), KW("final destination", "any"),
	KW("shipping to", "any"), KW("ship to", "any"), KW("shipped to", "any"),
	KW("shipment to", "any"), KW("deliver to", "any"), KW("delivered to", "any"),
	KW("delivery to", "any"), KW("export to", "any"), KW("exporting to", "any"),
	KW("destino", "any"), KW("envío a", "any"), KW("enviar a", "any"),
	KW("entrega en", "any"), KW("exportar a", "any"), KW("con destino a", "any"),
	KW("envio para", "any"), KW("enviar para", "any"), KW("entrega em", "any"),
	KW("exportar para", "any"), KW("com destino a", "any"),
	KW("puesto en", "any"), KW("puesta en", "any"), KW("puestos en", "any"),
	KW("puestas en", "any"), KW("entregado en", "any"), KW("entregada en", "any"),
	KW("entregados en", "any"), KW("entregadas en", "any"), KW("posto em", "any"),
	KW("posta em", "any"), KW("postos em", "any"), KW("entregue em", "any"),
	KW("entregues em", "any"), KW("delivered at", "any"), KW("geliefert nach", "any"),
	KW("livré à", "any"), KW("livrés à", "any"), KW("livrée à", "any"),
	KW("consegnato a", "any"), KW("consegnati a", "any"), KW("reso a", "any"),
	KW("Lieferung nach", "any"), KW("Versand nach", "any"), KW("liefern nach", "any"),
	KW("Export nach", "any"), KW("Bestimmungsort", "any"), KW("Zielort", "any"),
	KW("livraison à", "any"), KW("livraison en", "any"), KW("expédition vers", "any"),
	KW("envoi vers", "any"), KW("à destination de", "any"),
	KW("destinazione", "any"), KW("spedizione a", "any"), KW("consegna a", "any"),
	KW("доставка в", "any"), KW("доставка до", "any"), KW("отгрузка в", "any"),
	KW("отправка в", "any"), KW("поставка в", "any"), KW("пункт назначения", "any"),
	KW("место назначения", "any"), KW("الوجهة", "any"), KW("الشحن إلى", "any"),
	KW("شحن إلى", "any"), KW("التسليم في", "any"), KW("توصيل إلى", "any"),
	KW("目的地", "any"), KW("发往", "any"), KW("發往", "any"), KW("发到", "any"),
	KW("运往", "any"), KW("運往", "any"), KW("运到", "any"), KW("運到", "any"),
	KW("出口到", "any"), KW("出口至", "any"), KW("寄往", "any"), KW("送往", "any"),
	KW("仕向港", "port"), KW("揚地", "port"), KW("到着港", "port"), KW("荷揚港", "port"),
	KW("仕向地", "any"), KW("納入先", "any"),
	KW("도착항", "port"), KW("목적항", "port"), KW("양하항", "port"), KW("도착지", "any"),
	KW("목적지", "any"),
	KW("port docelowy", "port"), KW("port przeznaczenia", "port"),
	KW("port rozładunku", "port"), KW("miejsce przeznaczenia", "any"),
	KW("dostawa do", "any"), KW("wysyłka do", "any"),
	KW("cảng đến", "port"), KW("cảng đích", "port"), KW("cảng dỡ hàng", "port"),
	KW("giao đến", "any"), KW("giao tới", "any"), KW("nơi đến", "any"),
	END
};

const struct facts_kw facts_destination_fillers[] = {
	KW(":", "f"), KW("-", "f"), KW("=", "f"), KW("is", "f"), KW("will be", "f"),
	KW("de", "f"), KW("di", "f"), KW("von", "f"),
	KW("would be", "f"), KW("es", "f"), KW("será", "f"), KW("é", "f"), KW("ist", "f"),
	KW("est", "f"), KW("sera", "f"), KW("是", "f"), KW("为", "f"), KW("為", "f"),
	KW("the", "f"), KW("el", "f"), KW("la", "f"), KW("o", "f"), KW("a", "f"),
	KW("le", "f"), KW("der", "f"), KW("den", "f"), KW("dem", "f"), KW("port of", "f"),
	KW("puerto de", "f"), KW("porto de", "f"), KW("port de", "f"),
	KW("puerto del", "f"), KW("porto do", "f"), KW("porto da", "f"), KW("port du", "f"),
	KW("los", "f"), KW("las", "f"), KW("os", "f"), KW("as", "f"),
	KW("ميناء", "f"), KW("порт", "f"),
	END
};

const struct facts_kw facts_phrase_stops[] = {
	KW("for", "s"), KW("with", "s"), KW("in", "s"), KW("at", "s"), KW("to", "s"),
	KW("and", "s"), KW("or", "s"), KW("by", "s"), KW("per", "s"), KW("from", "s"),
	KW("please", "s"), KW("pls", "s"), KW("each", "s"), KW("every", "s"),
	KW("only", "s"), KW("total", "s"), KW("totally", "s"), KW("monthly", "s"),
	KW("urgently", "s"), KW("asap", "s"), KW("as", "s"), KW("if", "s"), KW("we", "s"),
	KW("i", "s"), KW("you", "s"), KW("need", "s"), KW("needed", "s"),
	KW("required", "s"), KW("is", "s"), KW("are", "s"), KW("be", "s"), KW("will", "s"),
	KW("would", "s"), KW("can", "s"), KW("could", "s"), KW("should", "s"),
	KW("price", "s"), KW("prices", "s"), KW("quote", "s"), KW("quotation", "s"),
	KW("delivery", "s"), KW("shipment", "s"), KW("order", "s"), KW("the", "s"),
	KW("a", "s"), KW("an", "s"), KW("of", "s"), KW("about", "s"), KW("approx", "s"),
	KW("para", "s"), KW("con", "s"), KW("en", "s"), KW("por", "s"), KW("y", "s"),
	KW("o", "s"), KW("cada", "s"), KW("precio", "s"), KW("entrega", "s"),
	KW("com", "s"), KW("em", "s"), KW("e", "s"), KW("ou", "s"), KW("preço", "s"),
	KW("für", "s"), KW("mit", "s"), KW("zu", "s"), KW("und", "s"), KW("oder", "s"),
	KW("pro", "s"), KW("je", "s"), KW("bitte", "s"), KW("zum", "s"), KW("zur", "s"),
	KW("im", "s"), KW("ab", "s"), KW("Preis", "s"), KW("Lieferung", "s"),
	KW("pour", "s"), KW("avec", "s"), KW("et", "s"), KW("par", "s"),
	KW("chaque", "s"), KW("prix", "s"), KW("livraison", "s"), KW("dans", "s"),
	KW("sous", "s"), KW("для", "s"), KW("с", "s"), KW("со", "s"), KW("в", "s"),
	KW("на", "s"), KW("и", "s"), KW("или", "s"), KW("по", "s"), KW("за", "s"),
	KW("от", "s"), KW("до", "s"), KW("цена", "s"), KW("في", "s"), KW("مع", "s"),
	KW("إلى", "s"), KW("على", "s"), KW("و", "s"), KW("أو", "s"), KW("لكل", "s"),
	KW("السعر", "s"), KW("بسعر", "s"), KW("من", "s"), KW("prezzo", "s"),
	KW("için", "s"), KW("ile", "s"), KW("ve", "s"), KW("veya", "s"),
	KW("model", "s"), KW("modelo", "s"), KW("Modell", "s"), KW("modèle", "s"),
	KW("modello", "s"), KW("модель", "s"), KW("модели", "s"), KW("موديل", "s"),
	KW("type", "s"), KW("tipo", "s"), KW("Typ", "s"), KW("size", "s"), KW("طراز", "s"),
	KW("Größe", "s"), KW("taille", "s"), KW("размер", "s"), KW("مقاس", "s"),
	END
};

const struct facts_kw facts_phrase_skips[] = {
	KW("of", "k"), KW("de", "k"), KW("da", "k"), KW("do", "k"), KW("des", "k"),
	KW("du", "k"), KW("di", "k"), KW("del", "k"), KW("x", "k"), KW("*", "k"),
	KW("من", "k"), KW("-", "k"), KW(":", "k"),
	END
};

const struct facts_kw facts_phrase_articles[] = {
	KW("the", "a"), KW("a", "a"), KW("an", "a"), KW("el", "a"), KW("la", "a"),
	KW("los", "a"), KW("las", "a"), KW("lo", "a"), KW("o", "a"), KW("os", "a"),
	KW("as", "a"), KW("le", "a"), KW("les", "a"), KW("il", "a"),
	KW("gli", "a"), KW("i", "a"), KW("der", "a"), KW("die", "a"), KW("das", "a"),
	KW("den", "a"), KW("dem", "a"), KW("un", "a"), KW("una", "a"), KW("une", "a"),
	KW("um", "a"), KW("uma", "a"), KW("ein", "a"), KW("eine", "a"), KW("einen", "a"),
	KW("vuestra", "a"), KW("vuestras", "a"), KW("su", "a"), KW("sus", "a"),
	KW("your", "a"), KW("our", "a"), KW("this", "a"), KW("these", "a"),
	KW("sua", "a"), KW("suas", "a"), KW("seu", "a"), KW("seus", "a"),
	KW("Ihre", "a"), KW("Ihrer", "a"), KW("Ihren", "a"), KW("votre", "a"), KW("vos", "a"),
	END
};

const struct facts_kw facts_model_intros[] = {
	KW("model", "m"), KW("models", "m"), KW("model no", "m"), KW("model no.", "m"),
	KW("type", "m"), KW("item", "m"), KW("part no", "m"), KW("part no.", "m"),
	KW("ref", "m"), KW("ref.", "m"), KW("art.", "m"), KW("Art.-Nr.", "m"),
	KW("modelo", "m"), KW("modelos", "m"), KW("tipo", "m"), KW("Modell", "m"),
	KW("Typ", "m"), KW("modèle", "m"), KW("modello", "m"),
	KW("модель", "m"), KW("модели", "m"), KW("марка", "m"), KW("типа", "m"),
	KW("موديل", "m"), KW("طراز", "m"), KW("نوع", "m"), KW("型号", "m"), KW("型號", "m"),
	KW("型番", "m"), KW("모델", "m"), KW("mẫu", "m"),
	KW("kiểu", "m"), KW("typu", "m"),
	END
};

const char facts_phrase_cjk_stops[] =
	"的和及与與或请請为為是在到给給每共需要用左以起价價报報交吗嗎呢了，、";

const struct facts_kw facts_model_suffix_excludes[] = {
	KW("pcs", "x"), KW("pc", "x"), KW("pce", "x"), KW("kg", "x"), KW("kgs", "x"),
	KW("g", "x"), KW("mg", "x"), KW("t", "x"), KW("mt", "x"), KW("ton", "x"),
	KW("tons", "x"), KW("m", "x"), KW("mm", "x"), KW("cm", "x"), KW("km", "x"),
	KW("m2", "x"), KW("m3", "x"), KW("ml", "x"), KWF("l", "x", LOW), KW("lt", "x"),
	KW("ltr", "x"), KW("ft", "x"), KW("in", "x"), KW("inch", "x"), KW("hq", "x"),
	KW("gp", "x"), KW("hc", "x"), KW("dc", "x"), KW("ot", "x"), KW("w", "x"),
	KW("kw", "x"), KW("kva", "x"), KW("mw", "x"), KW("v", "x"), KW("kv", "x"),
	KW("a", "x"), KW("ma", "x"), KW("hz", "x"), KW("khz", "x"), KW("mhz", "x"),
	KW("ghz", "x"), KW("mah", "x"), KW("wh", "x"), KW("kwh", "x"), KW("bar", "x"),
	KW("mpa", "x"), KW("psi", "x"), KW("h", "x"), KW("hr", "x"), KW("hrs", "x"),
	KW("min", "x"), KW("mins", "x"), KW("s", "x"), KW("sec", "x"), KW("d", "x"),
	KW("day", "x"), KW("days", "x"), KW("wk", "x"), KW("wks", "x"), KW("week", "x"),
	KW("weeks", "x"), KW("month", "x"), KW("months", "x"), KW("yr", "x"),
	KW("yrs", "x"), KW("st", "x"), KW("nd", "x"), KW("rd", "x"), KW("th", "x"),
	KW("am", "x"), KW("pm", "x"), KW("x", "x"), KW("k", "x"), KW("kb", "x"),
	KW("mb", "x"), KW("gb", "x"), KW("tb", "x"), KW("lbs", "x"), KW("lb", "x"),
	KW("oz", "x"), KW("sets", "x"), KW("set", "x"), KW("ctn", "x"), KW("ctns", "x"),
	KW("cbm", "x"), KW("sqm", "x"), KW("nm", "x"), KW("um", "x"), KW("db", "x"),
	KW("mbps", "x"), KW("gbps", "x"), KW("fps", "x"), KW("rpm", "x"), KW("c", "x"),
	KW("f", "x"), KW("dpi", "x"), KW("p", "x"), KW("units", "x"), KW("unit", "x"),
	KW("mp", "x"),
	END
};

const struct facts_kw facts_model_prefix_excludes[] = {
	KW("usd", "x"), KW("eur", "x"), KW("cny", "x"), KW("rmb", "x"), KW("gbp", "x"),
	KW("jpy", "x"), KW("brl", "x"), KW("aed", "x"), KW("sar", "x"), KW("rub", "x"),
	KW("inr", "x"), KW("aud", "x"), KW("cad", "x"), KW("hkd", "x"), KW("sgd", "x"),
	KW("chf", "x"), KW("us", "x"), KW("q", "x"), KW("no", "x"), KW("nr", "x"),
	KW("tel", "x"), KW("fax", "x"), KW("ph", "x"), KW("mob", "x"), KW("kw", "x"),
	KW("cw", "x"), KW("wk", "x"), KW("pi", "x"), KW("po", "x"), KW("ref", "x"),
	KW("iso", "x"), KW("utf", "x"), KW("v", "x"), KW("ver", "x"), KW("rev", "x"),
	KW("win", "x"), KW("page", "x"), KW("p", "x"), KW("item", "x"), KW("fy", "x"),
	KW("h", "x"), KW("incoterms", "x"), KW("fob", "x"), KW("cif", "x"),
	KW("exw", "x"), KW("cfr", "x"), KW("ddp", "x"), KW("dap", "x"),
	KW("jan", "x"), KW("feb", "x"), KW("mar", "x"), KW("apr", "x"), KW("may", "x"),
	KW("jun", "x"), KW("jul", "x"), KW("aug", "x"), KW("sep", "x"), KW("sept", "x"),
	KW("oct", "x"), KW("nov", "x"), KW("dec", "x"), KW("january", "x"),
	KW("february", "x"), KW("march", "x"), KW("april", "x"), KW("june", "x"),
	KW("july", "x"), KW("august", "x"), KW("september", "x"), KW("october", "x"),
	KW("november", "x"), KW("december", "x"), KW("ene", "x"), KW("abr", "x"),
	KW("ago", "x"), KW("dic", "x"), KW("dez", "x"), KW("okt", "x"), KW("mai", "x"),
	KW("fev", "x"), KW("set", "x"), KW("out", "x"), KW("mrz", "x"), KW("avr", "x"),
	KW("juil", "x"), KW("covid", "x"), KW("tt", "x"), KW("t", "x"),
	END
};

const struct facts_kw facts_file_extensions[] = {
	KW("pdf", "f"), KW("doc", "f"), KW("docx", "f"), KW("xls", "f"), KW("xlsx", "f"),
	KW("csv", "f"), KW("txt", "f"), KW("zip", "f"), KW("rar", "f"), KW("7z", "f"),
	KW("jpg", "f"), KW("jpeg", "f"), KW("png", "f"), KW("gif", "f"), KW("tif", "f"),
	KW("dwg", "f"), KW("dxf", "f"), KW("step", "f"), KW("stp", "f"), KW("eml", "f"),
	END
};

const struct facts_kw facts_within_after[] = {
	KW("内", "within"), KW("內", "within"), KW("以内", "within"), KW("以內", "within"),
	KW("이내", "within"), KW("안에", "within"),
	END
};

const struct facts_kw facts_not_delivery_words[] = {
	KW("payment", "n"), KW("pay", "n"), KW("paid", "n"), KW("balance", "n"),
	KW("deposit", "n"), KW("valid", "n"), KW("validity", "n"), KW("reply", "n"),
	KW("answer", "n"), KW("respond", "n"), KW("response", "n"), KW("warranty", "n"),
	KW("guarantee", "n"), KW("invoice", "n"), KW("return", "n"), KW("returned", "n"),
	KW("Zahlung", "n"), KW("zahlbar", "n"), KW("bezahlt", "n"), KW("gültig", "n"),
	KW("Gültigkeit", "n"), KW("Garantie", "n"), KW("Gewährleistung", "n"),
	KW("Rechnung", "n"), KW("Antwort", "n"),
	KW("pago", "n"), KW("pagar", "n"), KW("pagado", "n"), KW("validez", "n"),
	KW("válido", "n"), KW("válida", "n"), KW("garantía", "n"), KW("respuesta", "n"),
	KW("factura", "n"), KW("pagamento", "n"), KW("validade", "n"),
	KW("garantia", "n"), KW("resposta", "n"), KW("fatura", "n"),
	KW("paiement", "n"), KW("payer", "n"), KW("payé", "n"), KW("validité", "n"),
	KW("valable", "n"), KW("facture", "n"), KW("réponse", "n"),
	KW("validità", "n"), KW("valido", "n"), KW("garanzia", "n"),
	KW("оплата", "n"), KW("оплаты", "n"), KW("оплату", "n"), KW("оплатить", "n"),
	KW("гарантия", "n"), KW("действительно", "n"), KW("действительна", "n"),
	KW("الدفع", "n"), KW("السداد", "n"), KW("صالح", "n"), KW("صلاحية", "n"),
	KW("الضمان", "n"), KW("付款", "n"), KW("支付", "n"), KW("有效期", "n"),
	KW("有效", "n"), KW("保修", "n"), KW("质保", "n"), KW("質保", "n"),
	KW("ödeme", "n"), KW("geçerli", "n"), KW("garanti", "n"),
	KW("płatność", "n"), KW("ważna", "n"), KW("ważność", "n"), KW("gwarancja", "n"),
	KW("thanh toán", "n"), KW("hiệu lực", "n"), KW("bảo hành", "n"),
	KW("支払", "n"), KW("有効期限", "n"), KW("保証", "n"), KW("결제", "n"),
	KW("유효", "n"), KW("보증", "n"),
	/* Sending an answer or an offer is no delivery of the goods. */
	KW("répondre", "n"), KW("responder", "n"), KW("antworten", "n"),
	KW("rispondere", "n"), KW("ответить", "n"), KW("ответ", "n"),
	KW("quotation", "n"), KW("quote", "n"), KW("offer", "n"), KW("proposal", "n"),
	KW("cotización", "n"), KW("presupuesto", "n"),
	KW("oferta", "n"), KW("cotação", "n"), KW("orçamento", "n"), KW("proposta", "n"),
	KW("Angebot", "n"), KW("devis", "n"), KW("offre", "n"), KW("offerta", "n"),
	KW("preventivo", "n"), KW("предложение", "n"), KW("КП", "n"), KW("عرض", "n"),
	KW("报价", "n"), KW("報價", "n"), KW("見積", "n"), KW("견적", "n"),
	KW("báo giá", "n"), KW("teklif", "n"), KW("documents", "n"), KW("samples", "n"),
	KW("sample", "n"), KW("drawings", "n"), KW("Muster", "n"), KW("muestras", "n"),
	KW("amostras", "n"), KW("échantillons", "n"), KW("образцы", "n"), KW("样品", "n"),
	KW("樣品", "n"), KW("العينات", "n"),
	END
};

const struct facts_kw *const facts_kw_tables[] = {
	facts_units, facts_container_suffixes, facts_container_words,
	facts_container_times, facts_currencies, facts_per_words,
	facts_per_units, facts_total_words, facts_articles, facts_number_words,
	facts_range_words, facts_moq_anchors, facts_moq_after,
	facts_quantity_anchors, facts_delivery_anchors, facts_delivery_leadins,
	facts_duration_units, facts_workday_before, facts_workday_after,
	facts_reference_anchors, facts_document_anchors,
	facts_reference_markers, facts_incoterms, facts_place_prefixes,
	facts_place_suffixes, facts_place_stops, facts_place_lower_starts,
	facts_destination_anchors, facts_destination_fillers,
	facts_phrase_stops, facts_phrase_skips, facts_phrase_articles,
	facts_model_intros, facts_model_suffix_excludes,
	facts_model_prefix_excludes, facts_file_extensions, facts_within_after,
	facts_not_delivery_words,
	NULL
};
