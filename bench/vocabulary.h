/*
 * vocabulary.h: the trade words the generated stores' messages are made
 * of (Chinese, English and German, as an exporter's mail mixes them), one
 * list for bench/search_bench.c and bench/store_bench.c.
 */
#ifndef BENCH_VOCABULARY_H
#define BENCH_VOCABULARY_H

static const char *const vocabulary[] = {
	"pump", "valve", "flange", "quotation", "price", "delivery", "FOB", "CIF", "Ningbo",
	"Hamburg", "order", "sample", "stainless", "steel", "pressure", "DN50", "DN100",
	"pieces", "container", "payment", "terms", "Anfrage", "Pumpe", "Lieferung", "Angebot",
	"Menge", "Stück", "Qualität", "报价", "液压泵", "阀门", "不锈钢", "离心泵", "订单",
	"样品", "付款", "交货", "集装箱", "价格", "询价", "数量", "型号", "请", "我们需要",
};

#endif
