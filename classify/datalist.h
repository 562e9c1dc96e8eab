#ifndef FOLLOWUP_CLASSIFY_DATALIST_H
#define FOLLOWUP_CLASSIFY_DATALIST_H
/*
 * datalist: the line format of the shipped and configured data lists
 * (the data/ lists, [classify] freemail-file, quote-markers-file): one
 * entry a line, '#' starts a comment that runs to the end of the line,
 * surrounding blanks (space, tab, CR) are trimmed, empty lines are skipped,
 * a UTF-8 byte order mark at the very start is ignored. Pure.
 */
#include <stddef.h>

/* Called once per entry with a NUL-terminated copy the callback may read
 * (not keep: datalist frees it afterwards). A negative result stops the
 * walk and is returned by datalist_foreach(). */
typedef int datalist_entry_fn(const char *entry, void *context);

/* 0 when every entry was accepted (also for NULL or empty text), else the
 * callback's negative result. */
int datalist_foreach(const char *text, datalist_entry_fn *fn, void *context);

#endif
