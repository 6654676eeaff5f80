// smallpy: bringing the runtime up and down, in dependency order.
// Counterpart: CPython 3.11 Python/pylifecycle.c.
#include "core/runtime.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/abstract.h"
#include "core/err.h"
#include "core/options.h"
#include "core/stats.h"
#include "modules/sys.h"
#include "objects/exc.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/type.h"
#include "vm/vm.h"

int sp_runtime_argc;
char **sp_runtime_argv;

// Ctrl-C: only note it; the VM raises KeyboardInterrupt at the next poll.
static void on_sigint(int sig) {
    (void)sig;
    sp_tstate.signal_pending = 1;
}

int sp_runtime_init(int argc, char **argv) {
    sp_runtime_argc = argc;
    sp_runtime_argv = argv;
    const char *stage = "str";
    if (sp_str_init() < 0) {
        goto fail;
    }
    stage = "int cache";
    if (sp_int_cache_init(sp_options.int_cache_lo, sp_options.int_cache_hi) < 0) {
        goto fail;
    }
    stage = "types";
    if (sp_init_types() < 0) {
        goto fail;
    }
    stage = "exceptions";
    if (sp_exc_init_types() < 0) {
        goto fail;
    }
    // The limit of int<->str conversions: -X int_max_str_digits wins over
    // PYTHONINTMAXSTRDIGITS, as in CPython.
    const char *env = getenv("PYTHONINTMAXSTRDIGITS");
    if (sp_options.int_max_str_digits >= 0) {
        sp_int_max_str_digits = sp_options.int_max_str_digits;
    } else if (env != NULL && *env) {
        char *end;
        long n = strtol(env, &end, 10);
        if (*end != '\0' || n < 0 || (n > 0 && n < 640)) {
            fprintf(stderr, "Fatal Python error: config_init_int_max_str_digits: "
                            "PYTHONINTMAXSTRDIGITS: invalid limit; must be >= 640 or 0 for "
                            "unlimited.\n");
            return -1;
        }
        sp_int_max_str_digits = (int)n;
    }
    stage = "instrumentation";
    if (sp_stats_init() < 0) {
        goto fail;
    }
    stage = "vm";
    if (sp_vm_init() < 0) {
        goto fail;
    }
    // No SA_RESTART: a blocking read (input(), the prompt) returns EINTR so
    // Ctrl-C interrupts it at once, as in CPython.
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigint;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    return 0;
fail:
    fprintf(stderr, "smallpy: start-up failed (%s)\n", stage);
    if (sp_err_occurred()) {
        SpObject *e = sp_err_fetch();
        fprintf(stderr, "  %s\n", sp_object_type_name(e));
        SP_DECREF(e);
    }
    return -1;
}

void sp_runtime_fini(void) {
    sp_sys_flush_std();
    sp_stats_fini();
}
