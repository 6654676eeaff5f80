// smallpy: raising, fetching and matching exceptions; the thread state.
// The current exception is always a normalised instance (CPython 3.12's
// model: no (type, value, tb) triple to normalise lazily). Iterators signal
// exhaustion by returning NULL with *no* exception set, so the hot path never
// builds a StopIteration. Counterpart: CPython 3.11 Python/errors.c,
// Include/cpython/pystate.h.
#ifndef SP_CORE_ERR_H
#define SP_CORE_ERR_H

#include <stdarg.h>

#include "core/object.h"

struct SpFrame;

// The state of the (single) interpreter thread.
typedef struct SpThreadState {
    SpObject *curexc;          // the exception being raised, or NULL
    SpObject *exc_info;        // the exception being handled (sys.exc_info()), or NULL
    struct SpFrame *frame;     // the innermost executing frame (owned by vm/)
    int recursion_depth;       // Python-level call depth
    int recursion_limit;       // sys.getrecursionlimit()
    int c_recursion_depth;     // C-level depth (repr of nested containers, ...)
    volatile int signal_pending;  // set by the SIGINT handler, polled by the VM
} SpThreadState;

extern SpThreadState sp_tstate;

// sp_err_set_object(type, value): raise `type`. value may be NULL (no
// arguments), an instance of type (raised as is), a tuple (the arguments) or
// any other object (the single argument). Borrows both.
SP_FUNC void sp_err_set_object(SpTypeObject *type, SpObject *value);
// sp_err_set_none(type): raise type().
SP_FUNC void sp_err_set_none(SpTypeObject *type);
// sp_err_set_string(type, msg): raise type(msg), msg UTF-8.
SP_FUNC void sp_err_set_string(SpTypeObject *type, const char *msg);
// sp_err_format(type, fmt, ...): raise type(message); the message is built by
// sp_str_from_format (printf-like plus %R repr, %S str, %T type name of an
// object, %U a str object). Always returns NULL, for `return sp_err_format(..)`.
SP_FUNC SpObject *sp_err_format(SpTypeObject *type, const char *fmt, ...);
SP_FUNC SpObject *sp_err_formatv(SpTypeObject *type, const char *fmt, va_list ap);
// sp_err_no_memory(): raise MemoryError (preallocated; never allocates).
// Returns NULL.
SP_FUNC SpObject *sp_err_no_memory(void);
// sp_err_bad_internal_call(): raise SystemError for API misuse. Returns NULL.
SP_FUNC SpObject *sp_err_bad_internal_call(const char *where);

// sp_err_occurred(): the current exception, borrowed, or NULL.
static inline SpObject *sp_err_occurred(void) { return sp_tstate.curexc; }
// sp_err_matches(spec): 1 if an exception is set and it is an instance of
// spec (a type or a tuple of types, searched recursively), else 0.
SP_FUNC int sp_err_matches(SpObject *spec);
// sp_err_matches_type(t): sp_err_matches for one type; the common case.
SP_FUNC int sp_err_matches_type(SpTypeObject *t);
// sp_exception_matches(exc, spec): is exception instance exc an instance of spec?
SP_FUNC int sp_exception_matches(SpObject *exc, SpObject *spec);
// sp_err_fetch(): take the current exception (new reference) and clear it.
SP_FUNC SpObject *sp_err_fetch(void);
// sp_err_restore(exc): make exc (stolen, may be NULL) the current exception,
// dropping any exception already set.
SP_FUNC void sp_err_restore(SP_STEALS SpObject *exc);
// sp_err_clear(): drop the current exception, if any.
SP_FUNC void sp_err_clear(void);
// sp_err_chain(exc): when raising while `exc` is being handled: set the
// current exception's __context__ to exc (borrowed) unless that would cycle.
SP_FUNC void sp_err_set_context(SpObject *raised, SpObject *context);

// sp_err_fatal(msg): print msg and abort. Only for broken invariants at
// start-up, never for anything a program can cause.
SP_FUNC SP_NORETURN void sp_err_fatal(const char *msg);

// sp_enter_recursive_call(where): bump the C recursion depth; on overflow
// raise RecursionError("maximum recursion depth exceeded" + where) and return
// -1. Pair with sp_leave_recursive_call().
SP_FUNC int sp_enter_recursive_call(const char *where);
static inline void sp_leave_recursive_call(void) { sp_tstate.c_recursion_depth--; }

#endif  // SP_CORE_ERR_H
