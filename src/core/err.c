// smallpy: setting, fetching and matching the current exception.
// Counterpart: CPython 3.11 Python/errors.c.
#include "core/err.h"

#include <stdio.h>
#include <stdlib.h>

#include "core/abstract.h"
#include "objects/exc.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"

SpThreadState sp_tstate = {.recursion_limit = SP_CFG_RECURSION_LIMIT};

// Link `raised` to the exception being handled, as CPython does when an
// exception is raised inside an except block: raised.__context__ = handled,
// breaking any cycle that would create (handled's context chain reaching
// raised).
void sp_err_set_context(SpObject *raised, SpObject *context) {
    if (context == NULL || context == raised) {
        return;
    }
    // Walk the context chain of `context`; cut it where it reaches `raised`.
    SpObject *o = context;
    int steps = 0;
    for (;;) {
        SpObject *c = sp_exc_get_context_borrow(o);
        if (c == NULL) {
            break;
        }
        if (c == raised) {
            sp_exc_set_context(o, NULL);
            break;
        }
        o = c;
        if (++steps > 10000) {
            break;  // a cycle not involving `raised`: leave it, as CPython
        }
    }
    SP_INCREF(context);
    sp_exc_set_context(raised, context);
}

// Build the instance for sp_err_set_object: value is an instance of type, a
// tuple of arguments, NULL, or a single argument.
static SpObject *make_instance(SpTypeObject *type, SpObject *value) {
    if (value != NULL && SP_EXC_CHECK(value) &&
        sp_type_is_subtype(SP_TYPE(value), type)) {
        return sp_newref(value);
    }
    SpObject *args;
    if (value == NULL) {
        args = sp_tuple_new(0);
    } else if (SP_TUPLE_CHECK(value)) {
        args = sp_newref(value);
    } else {
        args = sp_tuple_pack(1, value);
    }
    if (args == NULL) {
        return NULL;
    }
    SpObject *exc = sp_call((SpObject *)type, args, NULL);
    SP_DECREF(args);
    if (exc != NULL && !SP_EXC_CHECK(exc)) {
        sp_err_format(&SpExc_TypeError,
                      "calling %R should have returned an instance of BaseException, not %s",
                      (SpObject *)type, sp_object_type_name(exc));
        SP_DECREF(exc);
        return NULL;
    }
    return exc;
}

void sp_err_set_object(SpTypeObject *type, SpObject *value) {
    SpObject *exc = make_instance(type, value);
    if (exc == NULL) {
        return;  // the failure to build it is now the current exception
    }
    sp_err_restore(exc);
}

void sp_err_set_none(SpTypeObject *type) { sp_err_set_object(type, NULL); }

void sp_err_set_string(SpTypeObject *type, const char *msg) {
    SpObject *s = sp_str_from_utf8(msg, -1);
    if (s == NULL) {
        return;
    }
    sp_err_set_object(type, s);
    SP_DECREF(s);
}

SpObject *sp_err_formatv(SpTypeObject *type, const char *fmt, va_list ap) {
    SpObject *msg = sp_str_from_formatv(fmt, ap);
    if (msg != NULL) {
        sp_err_set_object(type, msg);
        SP_DECREF(msg);
    }
    return NULL;
}

SpObject *sp_err_format(SpTypeObject *type, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    sp_err_formatv(type, fmt, ap);
    va_end(ap);
    return NULL;
}

SpObject *sp_exc_memory_error_instance;

SpObject *sp_err_no_memory(void) {
    if (sp_exc_memory_error_instance == NULL) {
        sp_err_fatal("out of memory during start-up");
    }
    // The preallocated instance: raising must not allocate. Its traceback
    // from an earlier raise is dropped first.
    sp_exc_set_traceback(sp_exc_memory_error_instance, NULL);
    sp_err_restore(sp_newref(sp_exc_memory_error_instance));
    return NULL;
}

SpObject *sp_err_bad_internal_call(const char *where) {
    return sp_err_format(&SpExc_SystemError, "bad argument to internal function %s", where);
}

int sp_exception_matches(SpObject *exc, SpObject *spec) {
    if (exc == NULL || spec == NULL) {
        return 0;
    }
    if (SP_TUPLE_CHECK(spec)) {
        for (ssize_t i = 0; i < SP_TUPLE_SIZE(spec); i++) {
            if (sp_exception_matches(exc, SP_TUPLE_GET_ITEM(spec, i))) {
                return 1;
            }
        }
        return 0;
    }
    if (SP_TYPE_CHECK(spec)) {
        return sp_type_is_subtype(SP_TYPE(exc), (SpTypeObject *)spec);
    }
    return exc == spec;
}

int sp_err_matches(SpObject *spec) { return sp_exception_matches(sp_tstate.curexc, spec); }

int sp_err_matches_type(SpTypeObject *t) {
    return sp_tstate.curexc != NULL && sp_type_is_subtype(SP_TYPE(sp_tstate.curexc), t);
}

SpObject *sp_err_fetch(void) {
    SpObject *e = sp_tstate.curexc;
    sp_tstate.curexc = NULL;
    return e;
}

void sp_err_restore(SpObject *exc) {
    SpObject *old = sp_tstate.curexc;
    if (exc != NULL && sp_tstate.exc_info != NULL && exc != sp_tstate.exc_info &&
        sp_exc_get_context_borrow(exc) == NULL) {
        sp_err_set_context(exc, sp_tstate.exc_info);
    }
    sp_tstate.curexc = exc;
    SP_XDECREF(old);
}

void sp_err_clear(void) {
    SpObject *old = sp_tstate.curexc;
    sp_tstate.curexc = NULL;
    SP_XDECREF(old);
}

void sp_err_fatal(const char *msg) {
    fflush(stdout);
    fprintf(stderr, "Fatal Python error: %s\n", msg);
    abort();
}

int sp_enter_recursive_call(const char *where) {
    if (++sp_tstate.c_recursion_depth > sp_tstate.recursion_limit + 50) {
        sp_tstate.c_recursion_depth--;
        sp_err_format(&SpExc_RecursionError, "maximum recursion depth exceeded%s", where);
        return -1;
    }
    return 0;
}
