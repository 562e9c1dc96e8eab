#ifndef FOLLOWUP_CLASSIFY_SUBJECT_H
#define FOLLOWUP_CLASSIFY_SUBJECT_H
/*
 * subject: reply/forward prefixes of a Subject (classify/subject.c implements
 * classify_subject_normalize() and classify_subject_is_reply() of
 * classify/classify.h with these). Pure.
 */

enum subject_prefix {
	SUBJECT_PREFIX_NONE = 0,
	SUBJECT_PREFIX_REPLY,
	SUBJECT_PREFIX_FORWARD,
};

/* Kind of the first reply/forward prefix of subject (ignoring leading
 * "[EXT]"-style tags); NONE for NULL or a subject without one. */
enum subject_prefix subject_first_prefix(const char *subject);

#endif
