// smallpy: the call protocol (vector calls, tp_call with tuple and dict,
// calling special methods) and the argument checkers of built-in functions
// with CPython 3.11's error messages. Counterpart: CPython 3.11
// Objects/call.c and the argument-clinic helpers of Python/getargs.c.
#define SP_TYPE_INTERNAL
#include "core/abstract.h"

#include <string.h>

#include "core/err.h"
#include "core/mem.h"
#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/func.h"
#include "objects/none.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "objects/type_internal.h"

// Arrays up to this size are built on the C stack when arguments have to be
// shifted (prepending self) or converted.
#define SMALL_STACK 8

// TypeError "'int' object is not callable". Returns NULL.
static SpObject *not_callable(SpObject *callable) {
    return sp_err_format(&SpExc_TypeError, "'%.200s' object is not callable",
                         SP_TYPE(callable)->tp_name);
}

// The vectorcall function stored in a callable object, or NULL. Types opt
// in with SP_TPFLAGS_HAVE_VECTORCALL and say where instances keep the
// pointer (tp_vectorcall_offset); an instance may still hold NULL there, in
// which case tp_call is used. Type objects keep theirs in tp_vectorcall.
static inline SpVectorcallFunc vectorcall_func(SpObject *callable) {
    SpTypeObject *t = SP_TYPE(callable);
    if (!(t->tp_flags & SP_TPFLAGS_HAVE_VECTORCALL) || t->tp_vectorcall_offset <= 0) {
        return NULL;
    }
    return *(SpVectorcallFunc *)((char *)callable + t->tp_vectorcall_offset);
}

// Keyword names and values side by side, as the vector call protocol passes
// them, become one dict for tp_call-style callees.
SpObject *sp_kwnames_to_dict(SpObject *const *kwvalues, SpObject *kwnames) {
    SpObject *d = sp_dict_new();
    if (d == NULL) {
        return NULL;
    }
    for (ssize_t i = 0; i < SP_TUPLE_SIZE(kwnames); i++) {
        if (sp_dict_setitem(d, SP_TUPLE_GET_ITEM(kwnames, i), kwvalues[i]) < 0) {
            SP_DECREF(d);
            return NULL;
        }
    }
    return d;
}

// The slow direction: pack the arguments into a tuple and a dict for a
// callee that only has tp_call (classes with __call__, old-style types).
SpObject *sp_vectorcall_via_tp_call(SpObject *callable, SpObject *const *args, size_t nargsf,
                                   SpObject *kwnames) {
    SpCallFunc call = SP_TYPE(callable)->tp_call;
    if (call == NULL) {
        return not_callable(callable);
    }
    ssize_t nargs = SP_VECTORCALL_NARGS(nargsf);
    // nargsf may carry SP_VECTORCALL_ARGUMENTS_OFFSET; it is irrelevant here,
    // since the arguments are copied into a fresh tuple anyway.
    SpObject *argtuple = sp_tuple_from_array(args, nargs);
    if (argtuple == NULL) {
        return NULL;
    }
    SpObject *kwdict = NULL;
    if (kwnames != NULL && SP_TUPLE_SIZE(kwnames) > 0) {
        kwdict = sp_kwnames_to_dict(args + nargs, kwnames);
        if (kwdict == NULL) {
            SP_DECREF(argtuple);
            return NULL;
        }
    }
    SpObject *res = call(callable, argtuple, kwdict);
    SP_DECREF(argtuple);
    SP_XDECREF(kwdict);
    return res;
}

// THE call entry point of the interpreter: every CALL of the VM and most C
// callers end here.
SpObject *sp_vectorcall(SpObject *callable, SpObject *const *args, size_t nargsf,
                        SpObject *kwnames) {
    if (kwnames != NULL && SP_TUPLE_SIZE(kwnames) == 0) {
        kwnames = NULL;  // callees may assume a non-NULL kwnames is non-empty
    }
    SpVectorcallFunc f = vectorcall_func(callable);
    SpObject *res;
    if (f != NULL) {
        res = f(callable, args, nargsf, kwnames);
    } else {
        res = sp_vectorcall_via_tp_call(callable, args, nargsf, kwnames);
    }
    // The central invariant of the C API, checked at its busiest point (debug
    // builds): CPython's _Py_CheckFunctionResult raises SystemError instead.
    SP_ASSERT((res != NULL) != (sp_err_occurred() != NULL),
              "a call returned a result with an exception set, or NULL without one");
    return res;
}

// Call vectorcall function f of callable with a tuple (NULL = ()) and a
// dict of keywords (NULL or empty = none).
static SpObject *vectorcall_with_dict(SpVectorcallFunc f, SpObject *callable, SpObject *args,
                                      SpObject *kwargs) {
    ssize_t nargs = args == NULL ? 0 : SP_TUPLE_SIZE(args);
    SpObject *const *argv = args == NULL ? NULL : &SP_TUPLE_GET_ITEM(args, 0);
    if (kwargs == NULL || SP_DICT_SIZE(kwargs) == 0) {
        return f(callable, argv, (size_t)nargs, NULL);
    }
    // Flatten the dict into values after the positional arguments plus a
    // tuple of names.
    ssize_t nkw = SP_DICT_SIZE(kwargs);
    SpObject *small[SMALL_STACK];
    SpObject **stack = small;
    if (nargs + nkw > SMALL_STACK) {
        stack = sp_mem_alloc(sizeof(SpObject *) * (size_t)(nargs + nkw));
        if (stack == NULL) {
            return sp_err_no_memory();
        }
    }
    SpObject *res = NULL;
    SpObject *kwnames = sp_tuple_new(nkw);
    if (kwnames == NULL) {
        goto done;
    }
    if (nargs > 0) {
        memcpy(stack, argv, sizeof(SpObject *) * (size_t)nargs);
    }
    ssize_t pos = 0, i = 0;
    SpObject *key, *value;
    while (sp_dict_next(kwargs, &pos, &key, &value)) {
        // f(**{1: 2}): the message is CPython's for non-str keys in a ** dict.
        if (!SP_STR_CHECK(key)) {
            sp_err_set_string(&SpExc_TypeError, "keywords must be strings");
            goto done;
        }
        SP_TUPLE_SET_ITEM(kwnames, i, sp_newref(key));
        // Borrowed from the dict, which the caller keeps alive; the callee
        // takes its own references.
        stack[nargs + i] = value;
        i++;
    }
    // No SP_VECTORCALL_ARGUMENTS_OFFSET: stack[-1] does not belong to us, so
    // the callee must copy if it wants to prepend self.
    res = f(callable, stack, (size_t)nargs, kwnames);
done:
    SP_XDECREF(kwnames);
    if (stack != small) {
        sp_mem_free(stack);
    }
    return res;
}

// tp_call of vectorcall types: a tuple-and-dict caller (sp_call of old C
// code, a slot wrapper's __call__) reaches the vectorcall function.
SpObject *sp_vectorcall_call(SpObject *callable, SpObject *args, SpObject *kwargs) {
    SpVectorcallFunc f = vectorcall_func(callable);
    if (f == NULL) {
        return not_callable(callable);
    }
    return vectorcall_with_dict(f, callable, args, kwargs);
}

// callable(*args, **kwargs): prefers the vectorcall function (flattening
// the dict), so that a callable behaves the same however it is reached.
SpObject *sp_call(SpObject *callable, SpObject *args, SpObject *kwargs) {
    SpVectorcallFunc f = vectorcall_func(callable);
    if (f != NULL) {
        return vectorcall_with_dict(f, callable, args, kwargs);
    }
    SpCallFunc call = SP_TYPE(callable)->tp_call;
    if (call == NULL) {
        return not_callable(callable);
    }
    // tp_call takes the tuple and dict as they are.
    if (args != NULL) {
        return call(callable, args, kwargs);
    }
    SpObject *empty = sp_tuple_new(0);
    if (empty == NULL) {
        return NULL;
    }
    SpObject *res = call(callable, empty, kwargs);
    SP_DECREF(empty);
    return res;
}

// The shorthands build their argument arrays on the C stack.
SpObject *sp_call_noargs(SpObject *callable) { return sp_vectorcall(callable, NULL, 0, NULL); }

SpObject *sp_call_one_arg(SpObject *callable, SpObject *arg) {
    // One spare slot in front lets the callee prepend self in place.
    SpObject *stack[2] = {NULL, arg};
    return sp_vectorcall(callable, stack + 1, 1 | SP_VECTORCALL_ARGUMENTS_OFFSET, NULL);
}

SpObject *sp_call_two_args(SpObject *callable, SpObject *a, SpObject *b) {
    SpObject *stack[3] = {NULL, a, b};
    return sp_vectorcall(callable, stack + 1, 2 | SP_VECTORCALL_ARGUMENTS_OFFSET, NULL);
}

// callable(self, *args) with keywords after args (kwnames), copying into a
// fresh array with one spare slot in front.
static SpObject *call_prepend(SpObject *callable, SpObject *self, SpObject *const *args,
                              ssize_t nargs, SpObject *kwnames) {
    ssize_t nkw = kwnames == NULL ? 0 : SP_TUPLE_SIZE(kwnames);
    ssize_t total = nargs + nkw + 2;
    SpObject *small[SMALL_STACK + 2];
    SpObject **stack = small;
    if (total > SMALL_STACK + 2) {
        stack = sp_mem_alloc(sizeof(SpObject *) * (size_t)total);
        if (stack == NULL) {
            return sp_err_no_memory();
        }
    }
    stack[0] = NULL;
    stack[1] = self;
    if (nargs + nkw > 0) {
        memcpy(stack + 2, args, sizeof(SpObject *) * (size_t)(nargs + nkw));
    }
    SpObject *res = sp_vectorcall(callable, stack + 1,
                                  (size_t)(nargs + 1) | SP_VECTORCALL_ARGUMENTS_OFFSET, kwnames);
    if (stack != small) {
        sp_mem_free(stack);
    }
    return res;
}

// o.name(*args) the way LOAD_METHOD + CALL do it: an unbound function found
// on the type is called with o prepended, so no bound method is created.
SpObject *sp_call_method(SpObject *o, SpObject *name, SpObject *const *args, ssize_t nargs) {
    SpObject *meth;
    int unbound = sp_object_get_method(o, name, &meth);
    if (unbound < 0) {
        return NULL;
    }
    SpObject *res;
    if (unbound) {
        res = call_prepend(meth, o, args, nargs, NULL);
    } else {
        res = sp_vectorcall(meth, args, (size_t)nargs, NULL);
    }
    SP_DECREF(meth);
    return res;
}

SpObject *sp_call_method_str(SpObject *o, const char *name, SpObject *const *args,
                             ssize_t nargs) {
    SpObject *s = sp_str_intern_cstr(name);
    if (s == NULL) {
        return NULL;
    }
    SpObject *res = sp_call_method(o, s, args, nargs);
    SP_DECREF(s);
    return res;
}

// callable(o): has tp_call, or a vectorcall function (types implemented
// with only the latter still count).
int sp_callable_check(SpObject *o) {
    return SP_TYPE(o)->tp_call != NULL || vectorcall_func(o) != NULL;
}

// Special methods are looked up on the type, never on the instance (as
// CPython's lookup_maybe_method): an instance attribute named __len__ does
// not make the object sized.
SpObject *sp_call_special(SpObject *o, SpObject *name, SpObject *const *args, ssize_t nargs,
                          int *found) {
    SpTypeObject *t = SP_TYPE(o);
    SpObject *descr = sp_type_lookup_borrow(t, name);
    if (found != NULL) {
        *found = descr != NULL;
    }
    if (descr == NULL) {
        return NULL;
    }
    SP_INCREF(descr);
    SpObject *res;
    if (sp_type_has_flag(SP_TYPE(descr), SP_TPFLAGS_METHOD_DESCRIPTOR)) {
        res = call_prepend(descr, o, args, nargs, NULL);
    } else if (SP_TYPE(descr)->tp_descr_get != NULL) {
        SpObject *bound = SP_TYPE(descr)->tp_descr_get(descr, o, (SpObject *)t);
        if (bound == NULL) {
            SP_DECREF(descr);
            return NULL;
        }
        res = sp_vectorcall(bound, args, (size_t)nargs, NULL);
        SP_DECREF(bound);
    } else {
        res = sp_vectorcall(descr, args, (size_t)nargs, NULL);
    }
    SP_DECREF(descr);
    return res;
}

// ===========================================================================
// Argument checking for built-in functions

// CPython's _PyArg_CheckPositional: "sorted expected 1 argument, got 0",
// "range expected at most 3 arguments, got 4". `name` has no parentheses.
int sp_arg_check_positional(const char *name, ssize_t nargs, ssize_t min, ssize_t max) {
    if (nargs < min) {
        sp_err_format(&SpExc_TypeError, "%.200s expected %s%zd argument%s, got %zd", name,
                      min == max ? "" : "at least ", min, min == 1 ? "" : "s", nargs);
        return 0;
    }
    if (nargs > max) {
        sp_err_format(&SpExc_TypeError, "%.200s expected %s%zd argument%s, got %zd", name,
                      min == max ? "" : "at most ", max, max == 1 ? "" : "s", nargs);
        return 0;
    }
    return 1;
}

// CPython's _PyArg_NoKwnames: "len() takes no keyword arguments".
int sp_arg_no_kwnames(const char *name, SpObject *kwnames) {
    if (kwnames == NULL || SP_TUPLE_SIZE(kwnames) == 0) {
        return 1;
    }
    sp_err_format(&SpExc_TypeError, "%.200s() takes no keyword arguments", name);
    return 0;
}

// Index of keyword `key` (a str) in the parameter names from `first` on
// (names stripped of their '$' marker), or -1.
static ssize_t find_param(const char *const *names, ssize_t first, ssize_t n, SpObject *key) {
    for (ssize_t i = first; i < n; i++) {
        const char *nm = names[i][0] == '$' ? names[i] + 1 : names[i];
        if (nm[0] != '\0' && sp_str_eq_cstr(key, nm)) {
            return i;
        }
    }
    return -1;
}

// The argument-clinic binding of CPython's _PyArg_UnpackKeywords, with its
// messages. Parameters: [0, posonly) positional-only (named ""), then
// positional-or-keyword up to the first '$' name, then keyword-only.
int sp_arg_parse_kw(const char *fname, SpObject *const *args, ssize_t nargs,
                    SpObject *kwnames, const char *const *names, SpObject **out,
                    ssize_t npos_min) {
    ssize_t maxargs = 0, posonly = 0, maxpos = -1;
    while (names[maxargs] != NULL) {
        if (names[maxargs][0] == '\0') {
            posonly = maxargs + 1;
        }
        if (names[maxargs][0] == '$' && maxpos < 0) {
            maxpos = maxargs;
        }
        maxargs++;
    }
    if (maxpos < 0) {
        maxpos = maxargs;
    }
    ssize_t nkw = kwnames == NULL ? 0 : SP_TUPLE_SIZE(kwnames);
    SpObject *const *kwvalues = args + nargs;
    for (ssize_t i = 0; i < maxargs; i++) {
        out[i] = NULL;
    }
    if (nargs + nkw > maxargs) {
        sp_err_format(&SpExc_TypeError, "%.200s() takes at most %zd %sargument%s (%zd given)",
                      fname, maxargs, nargs == 0 ? "keyword " : "", maxargs == 1 ? "" : "s",
                      nargs + nkw);
        return -1;
    }
    if (nargs > maxpos) {
        if (maxpos == 0) {
            sp_err_format(&SpExc_TypeError, "%.200s() takes no positional arguments", fname);
        } else {
            sp_err_format(&SpExc_TypeError,
                          "%.200s() takes %s %zd positional argument%s (%zd given)", fname,
                          npos_min < maxpos ? "at most" : "exactly", maxpos,
                          maxpos == 1 ? "" : "s", nargs);
        }
        return -1;
    }
    ssize_t minposonly = npos_min < posonly ? npos_min : posonly;
    if (nargs < minposonly) {
        sp_err_format(&SpExc_TypeError, "%.200s() takes %s %zd positional argument%s (%zd given)",
                      fname, minposonly < maxpos ? "at least" : "exactly", minposonly,
                      minposonly == 1 ? "" : "s", nargs);
        return -1;
    }
    for (ssize_t i = 0; i < nargs; i++) {
        out[i] = args[i];
    }
    // Place each keyword; anything unplaced is an unexpected keyword.
    ssize_t placed = 0;
    for (ssize_t k = 0; k < nkw; k++) {
        SpObject *key = SP_TUPLE_GET_ITEM(kwnames, k);
        ssize_t i = find_param(names, posonly, maxargs, key);
        if (i < 0) {
            continue;
        }
        if (i < nargs) {
            sp_err_format(&SpExc_TypeError,
                          "argument for %.200s() given by name ('%U') and position (%zd)", fname,
                          key, i + 1);
            return -1;
        }
        out[i] = kwvalues[k];
        placed++;
    }
    for (ssize_t i = nargs; i < npos_min && i < maxargs; i++) {
        if (out[i] == NULL) {
            const char *nm = names[i][0] == '$' ? names[i] + 1 : names[i];
            sp_err_format(&SpExc_TypeError, "%.200s() missing required argument '%s' (pos %zd)",
                          fname, nm, i + 1);
            return -1;
        }
    }
    if (placed < nkw) {
        for (ssize_t k = 0; k < nkw; k++) {
            SpObject *key = SP_TUPLE_GET_ITEM(kwnames, k);
            if (find_param(names, posonly, maxargs, key) < 0) {
                sp_err_format(&SpExc_TypeError, "'%U' is an invalid keyword argument for %.200s()",
                              key, fname);
                return -1;
            }
        }
    }
    return 0;
}
