// smallpy: the -X option table. Each row: name, whether it takes a value, a
// help line and the function that applies it.
#include "core/options.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

SpOptions sp_options = {
    .int_cache_lo = SP_CFG_SMALL_INT_LO,
    .int_cache_hi = SP_CFG_SMALL_INT_HI,
    .int_max_str_digits = -1,
    .int_stats_lo = -1000,
    .int_stats_hi = 1000,
};

static char errbuf[256];

// Parse a whole decimal long; 0 on success.
static int parse_long(const char *s, long *out) {
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno != 0 || end == s || *end != '\0') {
        return -1;
    }
    *out = v;
    return 0;
}

// Parse "LO:HI" into two longs with LO <= HI and a span of at most `span`.
static int parse_range(const char *v, long *lo, long *hi, long span) {
    const char *colon = v ? strchr(v, ':') : NULL;
    char first[64];
    if (colon == NULL || (size_t)(colon - v) >= sizeof first) {
        return -1;
    }
    memcpy(first, v, (size_t)(colon - v));
    first[colon - v] = '\0';
    if (parse_long(first, lo) < 0 || parse_long(colon + 1, hi) < 0 || *lo > *hi ||
        *hi - *lo > span) {
        return -1;
    }
    return 0;
}

// int-cache=LO:HI shares ints LO..HI (inclusive); int-cache=off shares none.
static int opt_int_cache(const char *v, const char **err) {
    if (v == NULL) {
        *err = "-X int-cache needs a value: LO:HI or off";
        return -1;
    }
    if (strcmp(v, "off") == 0) {
        sp_options.int_cache_lo = 1;
        sp_options.int_cache_hi = 0;
        return 0;
    }
    long lo, hi;
    if (parse_range(v, &lo, &hi, 10000000L) < 0 || lo < -(1L << 40) || hi > (1L << 40)) {
        snprintf(errbuf, sizeof errbuf,
                 "-X int-cache=%s: expected LO:HI with LO <= HI and at most 10000001 values "
                 "(e.g. -5:256), or off", v);
        *err = errbuf;
        return -1;
    }
    sp_options.int_cache_lo = lo;
    sp_options.int_cache_hi = hi;
    return 0;
}

static int opt_int_stats(const char *v, const char **err) {
    if (v == NULL || *v == '\0') {
        *err = "-X int-stats needs a file name: -X int-stats=FILE";
        return -1;
    }
    sp_options.int_stats_file = v;
    return 0;
}

static int opt_int_stats_window(const char *v, const char **err) {
    if (parse_range(v, &sp_options.int_stats_lo, &sp_options.int_stats_hi, 100000000L) < 0) {
        *err = "-X int-stats-window: expected LO:HI with LO <= HI (e.g. -1000:1000)";
        return -1;
    }
    return 0;
}

static int opt_int_max_str_digits(const char *v, const char **err) {
    long n;
    if (v == NULL || parse_long(v, &n) < 0 || n < 0 || (n > 0 && n < 640) || n > INT_MAX) {
        *err = "-X int_max_str_digits: invalid limit; must be >= 640 or 0 for unlimited.";
        return -1;
    }
    sp_options.int_max_str_digits = (int)n;
    return 0;
}

static int opt_dis(const char *v, const char **err) {
    if (v != NULL) {
        *err = "-X dis takes no value";
        return -1;
    }
    sp_options.dis = 1;
    return 0;
}

typedef struct SpOptionDef {
    const char *name;
    const char *help;
    int (*apply)(const char *value, const char **err);
} SpOptionDef;

static const SpOptionDef option_table[] = {
    {"int-cache", "=LO:HI|off  share the ints LO..HI (default -5:256), or none", opt_int_cache},
    {"int_max_str_digits", "=N  limit of int<->str conversion digits (default 4300, 0 = none)",
     opt_int_max_str_digits},
    {"int-stats", "=FILE  at exit, write per-value int request counts (CSV) to FILE",
     opt_int_stats},
    {"int-stats-window", "=LO:HI  values counted one by one by int-stats (default -1000:1000)",
     opt_int_stats_window},
    {"dis", "  print the disassembled bytecode of the program before running it", opt_dis},
};

int sp_options_set(const char *arg, const char **err) {
    const char *eq = strchr(arg, '=');
    size_t nlen = eq ? (size_t)(eq - arg) : strlen(arg);
    for (size_t i = 0; i < sizeof option_table / sizeof option_table[0]; i++) {
        if (strlen(option_table[i].name) == nlen &&
            strncmp(option_table[i].name, arg, nlen) == 0) {
            return option_table[i].apply(eq ? eq + 1 : NULL, err);
        }
    }
    snprintf(errbuf, sizeof errbuf, "unknown -X option '%.*s' (smallpy -X help lists them)",
             (int)nlen, arg);
    *err = errbuf;
    return -1;
}

void sp_options_help(void *file) {
    FILE *f = file;
    fprintf(f, "-X options:\n");
    for (size_t i = 0; i < sizeof option_table / sizeof option_table[0]; i++) {
        fprintf(f, "  -X %s%s\n", option_table[i].name, option_table[i].help);
    }
}
