#ifndef FOLLOWUP_CORE_GRADE_H
#define FOLLOWUP_CORE_GRADE_H
/*
 * grade: every customer's grade as [grading] in followup.conf makes it
 * (`followup grade`, and followupd once a day), and one customer's grade
 * explained (`followup grade --explain`). The store gathers the facts
 * (store_grade_facts), rules/grade.c turns them into points and a grade;
 * a grade a person set (grade_manual) overrides the computed one when
 * shown, and is never written here.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "config/config.h"
#include "rules/grade.h"
#include "store/store.h"

/* One customer graded. */
struct core_grade {
	const struct store_grade_facts *facts;  /* the grading's */
	struct grade_result result;
	const char *computed;     /* the grade's name: the config's */
	const char *previous;     /* the computed grade before (facts); NULL: none */
};

/* A grading of every customer, or of one. Owns everything it points to
 * but the scale's names and thresholds (the config's). */
struct core_grading {
	struct store_grade_facts *facts;
	size_t n;
	struct core_grade *grades;    /* n, in the order of facts (by key) */
	struct grade_scale scale;
	const struct config_grading *cfg;
	int64_t now;
	int64_t since;                /* the window's start */
};

/* Grades every customer (customer_id 0) or one at now, writing nothing.
 * 0 with *grading_r, or -1 with *error_r. */
int core_grade_compute(struct store *st, const struct config *cfg, int64_t customer_id,
                       int64_t now, struct core_grading **grading_r, char **error_r);
/* Writes the computed grades and the grading's time; the caller runs the
 * transaction. 0 or -1. */
int core_grade_record(struct store *st, const struct core_grading *grading, char **error_r);
void core_grading_free(struct core_grading **grading);

/* followupd's daily grading: when no grade was computed in the 24 hours
 * before now (or ever), grades every customer and writes the grades in
 * one transaction of its own. 0 with *n_r the customers graded, 1 when
 * it is not due, -1 with *error_r (nothing written). */
int core_grade_daily(struct store *st, const struct config *cfg, int64_t now, size_t *n_r,
                     char **error_r);

#endif
