// smallpy: calling Python functions: binding arguments into a new frame's
// slots with CPython 3.11's TypeErrors, the vectorcall entry point used from
// C, and the class-body call. The eval loop inlines the common case itself.
// Counterpart: CPython 3.11 Python/ceval.c (initialize_locals,
// too_many_positional, missing_arguments), Objects/call.c.
#define SP_VM_INTERNAL 1
#include "vm/frame.h"

#include <stdio.h>

#include "core/abstract.h"
#include "core/mem.h"
#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/list.h"
#include "objects/none.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "vm/vm.h"

// ---------------------------------------------------------------------------
// Error messages of argument binding.

// "'a'", "'a' and 'b'", "'a', 'b', and 'c'": names a list of str.
static SpObject *join_missing_names(SpObject *names) {
    ssize_t n = SP_LIST_SIZE(names);
    SpStrWriter w;
    sp_str_writer_init(&w);
    for (ssize_t i = 0; i < n; i++) {
        const char *sep = "";
        if (i > 0) {
            sep = (n == 2) ? " and " : (i == n - 1 ? ", and " : ", ");
        }
        SpObject *r = sp_object_repr(SP_LIST_GET_ITEM(names, i));
        if (r == NULL || sp_str_writer_write_ascii(&w, sep, -1) < 0 ||
            sp_str_writer_write_str(&w, r) < 0) {
            SP_XDECREF(r);
            sp_str_writer_discard(&w);
            return NULL;
        }
        SP_DECREF(r);
    }
    return sp_str_writer_finish(&w);
}

// "f() missing 2 required positional arguments: 'a' and 'b'". Positional
// slots [0, argcount - defcount) or keyword-only ones (defcount < 0).
static void missing_arguments(SpFunctionObject *fn, SpObject **lp, ssize_t defcount) {
    SpCodeObject *co = (SpCodeObject *)fn->func_code;
    int positional = defcount >= 0;
    ssize_t start = positional ? 0 : co->co_argcount;
    ssize_t end = positional ? co->co_argcount - defcount : start + co->co_kwonlyargcount;
    SpObject *names = sp_list_new(0);
    if (names == NULL) {
        return;
    }
    for (ssize_t i = start; i < end; i++) {
        if (lp[i] == NULL &&
            sp_list_append(names, SP_TUPLE_GET_ITEM(co->co_localsplusnames, i)) < 0) {
            SP_DECREF(names);
            return;
        }
    }
    ssize_t n = SP_LIST_SIZE(names);
    SpObject *joined = join_missing_names(names);
    SP_DECREF(names);
    if (joined == NULL) {
        return;
    }
    sp_err_format(&SpExc_TypeError, "%U() missing %zd required %s argument%s: %U",
                  fn->func_qualname, n, positional ? "positional" : "keyword-only",
                  n == 1 ? "" : "s", joined);
    SP_DECREF(joined);
}

// "f() takes from 1 to 2 positional arguments but 3 were given".
static void too_many_positional(SpFunctionObject *fn, SpObject **lp, ssize_t given) {
    SpCodeObject *co = (SpCodeObject *)fn->func_code;
    ssize_t defcount = fn->func_defaults ? SP_TUPLE_SIZE(fn->func_defaults) : 0;
    ssize_t kwonly_given = 0;
    for (int i = co->co_argcount; i < co->co_argcount + co->co_kwonlyargcount; i++) {
        kwonly_given += lp[i] != NULL;
    }
    int plural = co->co_argcount != 1;
    char sig[64], kwsig[96];
    if (defcount) {
        plural = 1;
        snprintf(sig, sizeof sig, "from %zd to %d", co->co_argcount - defcount,
                 co->co_argcount);
    } else {
        snprintf(sig, sizeof sig, "%d", co->co_argcount);
    }
    kwsig[0] = '\0';
    if (kwonly_given) {
        snprintf(kwsig, sizeof kwsig, " positional argument%s (and %zd keyword-only argument%s)",
                 given != 1 ? "s" : "", kwonly_given, kwonly_given != 1 ? "s" : "");
    }
    sp_err_format(&SpExc_TypeError, "%U() takes %s positional argument%s but %zd%s %s given",
                  fn->func_qualname, sig, plural ? "s" : "", given, kwsig,
                  given == 1 && !kwonly_given ? "was" : "were");
}

// With positional-only parameters passed by keyword and no **kwargs: the
// message naming all of them. Returns 1 if it raised, 0 if none matched,
// -1 on another error.
static int positional_only_as_keyword(SpFunctionObject *fn, SpObject *kwnames) {
    SpCodeObject *co = (SpCodeObject *)fn->func_code;
    SpObject *found = sp_list_new(0);
    if (found == NULL) {
        return -1;
    }
    for (int k = 0; k < co->co_posonlyargcount; k++) {
        SpObject *pname = SP_TUPLE_GET_ITEM(co->co_localsplusnames, k);
        for (ssize_t i = 0; i < SP_TUPLE_SIZE(kwnames); i++) {
            SpObject *kw = SP_TUPLE_GET_ITEM(kwnames, i);
            int eq = kw == pname ? 1 : sp_object_richcompare_bool(kw, pname, SP_EQ);
            if (eq < 0) {
                SP_DECREF(found);
                return -1;
            }
            if (eq) {
                if (sp_list_append(found, kw) < 0) {
                    SP_DECREF(found);
                    return -1;
                }
                break;
            }
        }
    }
    if (SP_LIST_SIZE(found) == 0) {
        SP_DECREF(found);
        return 0;
    }
    SpObject *sep = sp_str_from_cstr(", ");
    SpObject *joined = sep ? sp_str_join(sep, found) : NULL;
    SP_XDECREF(sep);
    SP_DECREF(found);
    if (joined == NULL) {
        return -1;
    }
    sp_err_format(&SpExc_TypeError,
                  "%U() got some positional-only arguments passed as keyword arguments: '%U'",
                  fn->func_qualname, joined);
    SP_DECREF(joined);
    return 1;
}

// ---------------------------------------------------------------------------
// Binding.

// Index of keyword `kw` among the parameters that may be passed by keyword,
// or -1 if none; -2 on error.
static ssize_t find_keyword(SpCodeObject *co, SpObject *kw) {
    SpObject *const *names = &SP_TUPLE_GET_ITEM(co->co_localsplusnames, 0);
    int total = co->co_argcount + co->co_kwonlyargcount;
    // Names are interned on both sides: identity almost always decides.
    for (int j = co->co_posonlyargcount; j < total; j++) {
        if (names[j] == kw) {
            return j;
        }
    }
    for (int j = co->co_posonlyargcount; j < total; j++) {
        int eq = sp_object_richcompare_bool(kw, names[j], SP_EQ);
        if (eq < 0) {
            return -2;
        }
        if (eq) {
            return j;
        }
    }
    return -1;
}

// CPython 3.11's initialize_locals, step by step, since the order decides
// which error a bad call reports: the **kwargs dict and the positional
// arguments first, *args, then the keywords (unknown, duplicate,
// positional-only ones), then too many positionals, then missing ones
// (filling defaults), then keyword-only defaults. Every reference stored
// into f's slots is a new one; on failure the caller clears the frame, which
// releases whatever was bound so far.
int sp_frame_bind(SpFrame *f, SpFunctionObject *fn, SpObject *const *args, ssize_t npos,
                  SpObject *kwnames) {
    SpCodeObject *co = (SpCodeObject *)fn->func_code;
    SpObject **lp = f->localsplus;
    int argcount = co->co_argcount;
    int total = argcount + co->co_kwonlyargcount;
    SpObject *kwdict = NULL;

    if (co->co_flags & SP_CO_VARKEYWORDS) {
        kwdict = sp_dict_new();
        if (kwdict == NULL) {
            return -1;
        }
        lp[total + ((co->co_flags & SP_CO_VARARGS) ? 1 : 0)] = kwdict;
    }
    ssize_t n = npos < argcount ? npos : argcount;
    for (ssize_t i = 0; i < n; i++) {
        lp[i] = sp_newref(args[i]);
    }
    if (co->co_flags & SP_CO_VARARGS) {
        SpObject *rest = sp_tuple_from_array(args + n, npos - n);
        if (rest == NULL) {
            return -1;
        }
        lp[total] = rest;
    }

    if (kwnames != NULL) {
        ssize_t nkw = SP_TUPLE_SIZE(kwnames);
        for (ssize_t i = 0; i < nkw; i++) {
            SpObject *kw = SP_TUPLE_GET_ITEM(kwnames, i);
            SpObject *value = args[npos + i];
            if (!SP_STR_CHECK(kw)) {
                sp_err_format(&SpExc_TypeError, "%U() keywords must be strings",
                              fn->func_qualname);
                return -1;
            }
            ssize_t j = find_keyword(co, kw);
            if (j == -2) {
                return -1;
            }
            if (j < 0) {
                if (kwdict == NULL) {
                    if (co->co_posonlyargcount) {
                        int r = positional_only_as_keyword(fn, kwnames);
                        if (r != 0) {
                            return -1;
                        }
                    }
                    sp_err_format(&SpExc_TypeError, "%U() got an unexpected keyword argument '%S'",
                                  fn->func_qualname, kw);
                    return -1;
                }
                if (sp_dict_setitem(kwdict, kw, value) < 0) {
                    return -1;
                }
                continue;
            }
            if (lp[j] != NULL) {
                sp_err_format(&SpExc_TypeError, "%U() got multiple values for argument '%S'",
                              fn->func_qualname, kw);
                return -1;
            }
            lp[j] = sp_newref(value);
        }
    }

    if (npos > argcount && !(co->co_flags & SP_CO_VARARGS)) {
        too_many_positional(fn, lp, npos);
        return -1;
    }
    if (npos < argcount) {
        ssize_t defcount = fn->func_defaults ? SP_TUPLE_SIZE(fn->func_defaults) : 0;
        ssize_t m = argcount - defcount;
        for (ssize_t i = npos; i < m; i++) {
            if (lp[i] == NULL) {
                missing_arguments(fn, lp, defcount);
                return -1;
            }
        }
        for (ssize_t i = (n > m ? n - m : 0); i < defcount; i++) {
            if (lp[m + i] == NULL) {
                lp[m + i] = sp_newref(SP_TUPLE_GET_ITEM(fn->func_defaults, i));
            }
        }
    }
    if (co->co_kwonlyargcount > 0) {
        int missing = 0;
        for (int i = argcount; i < total; i++) {
            if (lp[i] != NULL) {
                continue;
            }
            if (fn->func_kwdefaults != NULL) {
                SpObject *name = SP_TUPLE_GET_ITEM(co->co_localsplusnames, i);
                SpObject *def = sp_dict_getitem_borrow(fn->func_kwdefaults, name);
                if (def != NULL) {
                    lp[i] = sp_newref(def);
                    continue;
                }
                if (sp_err_occurred()) {
                    return -1;
                }
            }
            missing++;
        }
        if (missing) {
            missing_arguments(fn, lp, -1);
            return -1;
        }
    }
    return sp_frame_finish_setup(f, fn, sp_code_extra(co));
}

// Cells for the SP_FAST_CELL slots (wrapping an argument's value when the
// slot is an argument too: the cell takes over the slot's reference), then
// the closure's cells into the SP_FAST_FREE slots, the last ones.
int sp_frame_finish_setup(SpFrame *f, SpFunctionObject *fn, SpCodeExtra *x) {
    SpObject **lp = f->localsplus;
    for (int i = 0; i < x->ncells; i++) {
        int slot = x->cells[i];
        SpObject *cell = sp_cell_new(lp[slot]);
        if (cell == NULL) {
            return -1;
        }
        SP_XDECREF(lp[slot]);
        lp[slot] = cell;
    }
    if (x->nfree) {
        SpObject *closure = fn ? fn->func_closure : NULL;
        int base = f->code->co_nlocalsplus - x->nfree;
        if (closure == NULL || SP_TUPLE_SIZE(closure) < x->nfree) {
            sp_err_set_string(&SpExc_SystemError, "function closure does not match its code");
            return -1;
        }
        for (int i = 0; i < x->nfree; i++) {
            lp[base + i] = sp_newref(SP_TUPLE_GET_ITEM(closure, i));
        }
    }
    return 0;
}

// ---------------------------------------------------------------------------
// Entry points.

// Calls from C (and from the loop for anything not inlined): a frame on the
// data stack marked as an entry frame, so sp_eval_frame returns when the
// function does. Exactly positional calls of simple functions copy the
// arguments without the general binder.
SpObject *sp_function_vectorcall(SpObject *func, SpObject *const *args, size_t nargsf,
                                 SpObject *kwnames) {
    SpFunctionObject *fn = (SpFunctionObject *)func;
    SpCodeObject *co = (SpCodeObject *)fn->func_code;
    ssize_t npos = SP_VECTORCALL_NARGS(nargsf);
    if (kwnames != NULL && SP_TUPLE_SIZE(kwnames) == 0) {
        kwnames = NULL;
    }
    SpCodeExtra *x = sp_code_extra(co);
    if (x == NULL) {
        return NULL;
    }
    if (co->co_flags & (SP_CO_GENERATOR | SP_CO_COROUTINE)) {
        return sp_gen_new_from_call(fn, args, npos, kwnames);
    }
    if (sp_recursion_check() < 0) {
        return NULL;
    }
    SpFrame *f = sp_datastack_push(x->nslots);
    if (f == NULL) {
        sp_tstate.recursion_depth--;
        return NULL;
    }
    sp_frame_init(f, fn, co, NULL);
    int ok;
    if (kwnames == NULL && x->simple && npos == co->co_argcount) {
        for (ssize_t i = 0; i < npos; i++) {
            f->localsplus[i] = sp_newref(args[i]);
        }
        ok = (x->ncells || x->nfree) ? sp_frame_finish_setup(f, fn, x) : 0;
    } else {
        ok = sp_frame_bind(f, fn, args, npos, kwnames);
    }
    if (ok < 0) {
        sp_frame_clear(f);
        sp_datastack_pop(f);
        sp_tstate.recursion_depth--;
        return NULL;
    }
    f->entry = 1;
    SpObject *res = sp_eval_frame(f, 0);
    sp_datastack_pop(f);
    return res;
}

SpFrame *sp_vm_push_frame_ex(SpFunctionObject *fn, SpObject *args, SpObject *kwargs) {
    SpCodeObject *co = (SpCodeObject *)fn->func_code;
    SpCodeExtra *x = sp_code_extra(co);
    if (x == NULL) {
        return NULL;
    }
    ssize_t npos = SP_TUPLE_SIZE(args);
    ssize_t nkw = kwargs ? SP_DICT_SIZE(kwargs) : 0;
    SpObject *kwnames = NULL;
    SpFrame *f = NULL;
    SpObject *small[16];
    SpObject **argv = (SpObject **)&SP_TUPLE_GET_ITEM(args, 0);
    if (nkw > 0) {
        // The binder wants positional values then keyword values in one
        // array, and the keyword names as a tuple.
        argv = npos + nkw <= 16 ? small : sp_mem_alloc((size_t)(npos + nkw) * sizeof(SpObject *));
        kwnames = sp_tuple_new(nkw);
        if (argv == NULL || kwnames == NULL) {
            if (argv != NULL && argv != small) {
                sp_mem_free(argv);
            }
            SP_XDECREF(kwnames);
            return (SpFrame *)sp_err_no_memory();
        }
        for (ssize_t i = 0; i < npos; i++) {
            argv[i] = SP_TUPLE_GET_ITEM(args, i);
        }
        ssize_t pos = 0, i = 0;
        SpObject *k, *v;
        while (sp_dict_next(kwargs, &pos, &k, &v)) {
            if (!SP_STR_CHECK(k)) {
                // As CPython's _PyStack_UnpackDict: no function name here.
                sp_err_set_string(&SpExc_TypeError, "keywords must be strings");
                goto done;
            }
            SP_TUPLE_SET_ITEM(kwnames, i, sp_newref(k));
            argv[npos + i] = v;
            i++;
        }
    }
    if (sp_recursion_check() < 0) {
        goto done;
    }
    f = sp_datastack_push(x->nslots);
    if (f == NULL) {
        sp_tstate.recursion_depth--;
        goto done;
    }
    sp_frame_init(f, fn, co, NULL);
    f->state = SP_FRAME_EXECUTING;
    if (sp_frame_bind(f, fn, argv, npos, kwnames) < 0) {
        sp_frame_clear(f);
        sp_datastack_pop(f);
        sp_tstate.recursion_depth--;
        f = NULL;
    }
done:
    if (kwnames != NULL) {
        // Slots left empty by an early exit (tuples hold no NULLs).
        for (ssize_t i = 0; i < nkw; i++) {
            if (SP_TUPLE_GET_ITEM(kwnames, i) == NULL) {
                SP_TUPLE_SET_ITEM(kwnames, i, sp_newref(sp_None));
            }
        }
    }
    if (argv != small && argv != (SpObject **)&SP_TUPLE_GET_ITEM(args, 0)) {
        sp_mem_free(argv);
    }
    SP_XDECREF(kwnames);
    return f;
}

// The class body runs as the function's code with `ns` as its locals
// mapping; it returns the __class__ cell (or None).
SpObject *sp_vm_run_class_body(SpFunctionObject *fn, SpObject *ns) {
    SpCodeObject *co = (SpCodeObject *)fn->func_code;
    SpCodeExtra *x = sp_code_extra(co);
    if (x == NULL || sp_recursion_check() < 0) {
        return NULL;
    }
    SpFrame *f = sp_datastack_push(x->nslots);
    if (f == NULL) {
        sp_tstate.recursion_depth--;
        return NULL;
    }
    sp_frame_init(f, fn, co, ns);
    if (sp_frame_finish_setup(f, fn, x) < 0) {
        sp_frame_clear(f);
        sp_datastack_pop(f);
        sp_tstate.recursion_depth--;
        return NULL;
    }
    f->entry = 1;
    SpObject *res = sp_eval_frame(f, 0);
    sp_datastack_pop(f);
    return res;
}

// CPython's _PyObject_FunctionStr: "qualname()" with the module prefixed
// unless it is builtins; for objects without __qualname__, "'T' object".
SpObject *sp_function_str(SpObject *callable) {
    SpObject *qualname = sp_object_lookup_attr(callable, sp_id(__qualname__));
    if (qualname == NULL) {
        if (sp_err_occurred()) {
            return NULL;
        }
        return sp_str_from_format("%s object", sp_object_type_name(callable));
    }
    SpObject *result = NULL;
    SpObject *module = sp_object_lookup_attr(callable, sp_id(__module__));
    if (module == NULL && sp_err_occurred()) {
        goto done;
    }
    if (module != NULL && module != sp_None && SP_STR_CHECK(module) &&
        !sp_str_eq_cstr(module, "builtins")) {
        result = sp_str_from_format("%S.%S()", module, qualname);
    } else {
        result = sp_str_from_format("%S()", qualname);
    }
done:
    SP_XDECREF(module);
    SP_DECREF(qualname);
    return result;
}
