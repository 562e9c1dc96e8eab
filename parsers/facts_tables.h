#ifndef FOLLOWUP_PARSERS_FACTS_TABLES_H
#define FOLLOWUP_PARSERS_FACTS_TABLES_H
/*
 * facts_tables: the words parsers/facts*.c look for, one table per kind of
 * fact, in English, Chinese (simplified and traditional), Spanish,
 * Portuguese, German, French, Russian and Arabic, Japanese, Korean, Polish
 * and Vietnamese, and Italian and Turkish where it was cheap. Entries are written as in their language (accents,
 * capitals) and matched folded (see facts_scan.h). Each table ends with an
 * entry whose word is NULL. Ports and countries are in facts_places.h.
 */
#include "parsers/facts_scan.h"

/* Units after a quantity; value: the normalised unit ("pcs", "kg"...). */
extern const struct facts_kw facts_units[];
/* After a container size ("40HQ", "20'GP", "40尺"); value: "gp", "hq"... */
extern const struct facts_kw facts_container_suffixes[];
/* Container words after a size ("container", "柜"). */
extern const struct facts_kw facts_container_words[];
/* Between a count and a container size: "x", "*", "个". */
extern const struct facts_kw facts_container_times[];
/* value: the ISO 4217 code. */
extern const struct facts_kw facts_currencies[];
/* "per", "pro", "por", "за"...: a unit follows. */
extern const struct facts_kw facts_per_words[];
/* "each", "cada", "للقطعة", "每台"...: a whole per-unit; value: the unit. */
extern const struct facts_kw facts_per_units[];
/* Words saying an amount is a total. */
extern const struct facts_kw facts_total_words[];
/* "a", "one", "un", "la"...: skipped before a unit or a place. */
extern const struct facts_kw facts_articles[];
/* Small numbers in words; value: the number. */
extern const struct facts_kw facts_number_words[];
/* Range connectors between two numbers: "-", "to", "bis", "至". */
extern const struct facts_kw facts_range_words[];

extern const struct facts_kw facts_moq_anchors[];
/* After a quantity, making it the MOQ: "起订". */
extern const struct facts_kw facts_moq_after[];
/* "quantity", "Menge", "数量": a quantity that may have no unit follows. */
extern const struct facts_kw facts_quantity_anchors[];

/* value: "d" (a duration in the clause after it is the delivery time),
 * "verb" ("entregar", "liefern": the same, unless payment or validity is
 * said in between) or "goods" ("the goods", "die Ware": as "verb", and
 * only a duration said with "within"). */
extern const struct facts_kw facts_delivery_anchors[];
/* "within", "ca.", "в течение": kept with the duration they precede;
 * value "within" for those that bound a time ("within", "innerhalb",
 * "dentro de", "в течение"), else "l". */
extern const struct facts_kw facts_delivery_leadins[];
/* "内", "以内", "이내": "within" said after a duration. */
extern const struct facts_kw facts_within_after[];
/* Payment, validity, warranty, reply: a duration after them is no
 * delivery time. */
extern const struct facts_kw facts_not_delivery_words[];
/* value: "d" days, "w" weeks, "m" months, "wd" working days. */
extern const struct facts_kw facts_duration_units[];
/* "working", "рабочих" before the unit; "úteis", "ouvrables" after it. */
extern const struct facts_kw facts_workday_before[];
extern const struct facts_kw facts_workday_after[];

/* value: "strong" (may stand before the number without a marker) or
 * "weak" ("offer", "quote": only with "No.", "#"...), "marked" (the
 * marker is part of the anchor: "Angebotsnummer", "报价单号"). */
extern const struct facts_kw facts_reference_anchors[];
/* Numbers of other documents (tender, RFQ, order, invoice): claimed so
 * that they are no model number, but no reference. Values as in
 * facts_reference_anchors. */
extern const struct facts_kw facts_document_anchors[];
/* "No.", "Nr.", "n°", "#", "№", "رقم", "编号"... */
extern const struct facts_kw facts_reference_markers[];

/* value: the Incoterms 2020 rule. */
extern const struct facts_kw facts_incoterms[];
/* "port of", "puerto de", "港" before a named place (skipped). */
extern const struct facts_kw facts_place_prefixes[];
/* "port", "harbour", "港" after a named place (dropped). */
extern const struct facts_kw facts_place_suffixes[];
/* Words that end a named place: "price", "and", "for"... */
extern const struct facts_kw facts_place_stops[];
/* Lower-case words a named place may start with: "our factory". */
extern const struct facts_kw facts_place_lower_starts[];
/* value: "port" (an unknown name after it is taken as the port),
 * "country", "any" (only known ports and countries). */
extern const struct facts_kw facts_destination_anchors[];
/* "is", "will be", ":": skipped after a destination anchor. */
extern const struct facts_kw facts_destination_fillers[];

/* Words a product phrase stops at; words skipped before it ("of"). */
extern const struct facts_kw facts_phrase_stops[];
extern const struct facts_kw facts_phrase_skips[];
/* "the", "la", "die": skipped once after "of", "de". */
extern const struct facts_kw facts_phrase_articles[];
/* "model", "modelo", "型号", "طراز" before a model number. */
extern const struct facts_kw facts_model_intros[];
/* CJK characters a product phrase stops at. */
extern const char facts_phrase_cjk_stops[];

/* Letter parts that make a letters+digits token no model number: units
 * after digits ("5mm", "24h", "3rd"), and prefixes before digits ("USD410",
 * "Q3", "Nov24", "ISO9001"). */
extern const struct facts_kw facts_model_suffix_excludes[];
extern const struct facts_kw facts_model_prefix_excludes[];
/* "pdf", "xlsx": after the last dot of a file name. */
extern const struct facts_kw facts_file_extensions[];

/* Every table above, NULL-terminated: facts_match_table() indexes these
 * once (facts_scan.h). A table left out still works, slowly. */
extern const struct facts_kw *const facts_kw_tables[];

#endif
