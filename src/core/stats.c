// smallpy: the int request counters behind -X int-stats=FILE. Every int
// produced from a machine value passes sp_int_from_long, which calls
// sp_int_stats_record when counting is on: the value's request count goes
// up, and its shared count too when the cache served it. Values outside the
// window are totalled. At exit the table is written as CSV:
//     value,requests,shared
// followed by comment lines with the totals.
#include "core/stats.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "core/options.h"
#include "objects/int.h"

int sp_int_stats_enabled;

typedef struct IntCounts {
    unsigned long long requests, shared;
} IntCounts;

static IntCounts *window;  // counts for values lo..hi
static long win_lo, win_hi;
static IntCounts below, above;  // totals outside the window

void sp_int_stats_record(long v, int served_shared) {
    IntCounts *c = v < win_lo ? &below : v > win_hi ? &above : &window[v - win_lo];
    c->requests++;
    c->shared += served_shared != 0;
}

int sp_stats_init(void) {
    if (sp_options.int_stats_file == NULL) {
        return 0;
    }
    win_lo = sp_options.int_stats_lo;
    win_hi = sp_options.int_stats_hi;
    window = sp_mem_calloc(sizeof(IntCounts) * (size_t)(win_hi - win_lo + 1));
    if (window == NULL) {
        fprintf(stderr, "smallpy: -X int-stats: out of memory for the window\n");
        return -1;
    }
    sp_int_stats_enabled = 1;
    return 0;
}

int sp_stats_fini(void) {
    if (!sp_int_stats_enabled) {
        return 0;
    }
    sp_int_stats_enabled = 0;
    FILE *f = fopen(sp_options.int_stats_file, "w");
    if (f == NULL) {
        fprintf(stderr, "smallpy: -X int-stats: can't write '%s': %s\n",
                sp_options.int_stats_file, strerror(errno));
        return -1;
    }
    unsigned long long req = below.requests + above.requests;
    unsigned long long shr = below.shared + above.shared;
    fprintf(f, "value,requests,shared\n");
    for (long v = win_lo; v <= win_hi; v++) {
        IntCounts *c = &window[v - win_lo];
        req += c->requests;
        shr += c->shared;
        if (c->requests) {
            fprintf(f, "%ld,%llu,%llu\n", v, c->requests, c->shared);
        }
    }
    fprintf(f, "# below %ld: %llu requests, %llu shared\n", win_lo, below.requests, below.shared);
    fprintf(f, "# above %ld: %llu requests, %llu shared\n", win_hi, above.requests, above.shared);
    fprintf(f, "# total: %llu requests, %llu shared, cache %ld..%ld\n", req, shr,
            sp_small_int_lo, sp_small_int_hi);
    fclose(f);
    sp_mem_free(window);
    window = NULL;
    return 0;
}
