// smallpy: run-time options, set with -X name[=value] on the command line.
// One table (options.c) lists every option with its default and help line;
// an unknown name is an error. Counterpart: CPython 3.11 Python/initconfig.c.
#ifndef SP_CORE_OPTIONS_H
#define SP_CORE_OPTIONS_H

#include "core/object.h"

typedef struct SpOptions {
    long int_cache_lo, int_cache_hi;  // shared small-int range; lo > hi: off
    int int_max_str_digits;           // -1: not given (use the default 4300)
    int dis;                          // print the bytecode before running
    int inspect, quiet;               // -i and -q, for sys.flags
    const char *int_stats_file;       // -X int-stats=FILE, or NULL
    long int_stats_lo, int_stats_hi;  // the window counted value by value
} SpOptions;

extern SpOptions sp_options;

// sp_options_set(arg): apply one "-X" argument ("name" or "name=value").
// 0, or -1 after writing a message to *err (a static string or one built in
// a static buffer).
SP_FUNC int sp_options_set(const char *arg, const char **err);
// sp_options_help(f): print the -X table (for -h / -X help).
SP_FUNC void sp_options_help(void *file);

#endif  // SP_CORE_OPTIONS_H
