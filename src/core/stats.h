// smallpy: instrumentation of the small-object machinery (the lab): per-value
// counts of int requests and how many the shared objects served, written at
// exit by -X int-stats=FILE. Counters elsewhere (sp_mem_stats) are printed
// from here too.
#ifndef SP_CORE_STATS_H
#define SP_CORE_STATS_H

#include "core/object.h"

// sp_stats_init(): allocate the counters requested by the options. 0 or -1
// (after printing why).
SP_FUNC int sp_stats_init(void);
// sp_stats_fini(): write the files the options asked for. 0 or -1.
SP_FUNC int sp_stats_fini(void);

#endif  // SP_CORE_STATS_H
