// smallpy: built-in functions and built-in methods bound to their self
// (`len`, `[].append`): a method table entry plus self, called through a
// vectorcall function picked by the entry's calling convention. Also the
// call helper shared with method descriptors. Counterpart: CPython 3.11
// Objects/methodobject.c.
#define SP_TYPE_INTERNAL
#include "core/abstract.h"
#include "core/err.h"
#include "core/gc.h"
#include "core/mem.h"
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/func.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/none.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "objects/type_internal.h"

#include <stdio.h>

// ===========================================================================
// Names for error messages

// The name of `who` (a built-in function or a method descriptor) as error
// messages show it: "len", "list.append", "math.sqrt".
SpObject *sp_cfunction_qualname(SpObject *who) {
    if (SP_TYPE(who) == &SpMethodDescr_Type || SP_TYPE(who) == &SpClassMethodDescr_Type) {
        SpMethodDescrObject *d = (SpMethodDescrObject *)who;
        SpObject *tq = sp_type_qualname(d->d_type);
        if (tq == NULL) {
            return NULL;
        }
        SpObject *res = sp_str_from_format("%U.%s", tq, d->d_method->ml_name);
        SP_DECREF(tq);
        return res;
    }
    SpCFunctionObject *f = (SpCFunctionObject *)who;
    SpObject *self = f->m_self;
    // Module-level functions: qualified by module unless it is builtins, so
    // errors say "len()" but "math.sqrt()".
    if (self == NULL || SP_MODULE_CHECK(self)) {
        if (f->m_module != NULL && SP_STR_CHECK(f->m_module) &&
            !sp_str_eq_cstr(f->m_module, "builtins")) {
            return sp_str_from_format("%U.%s", f->m_module, f->m_ml->ml_name);
        }
        return sp_str_from_cstr(f->m_ml->ml_name);
    }
    // A bound built-in method names its class: "list.append" for [].append,
    // and the class itself for class methods bound to a type (dict.fromkeys).
    SpTypeObject *t = SP_TYPE_CHECK(self) ? (SpTypeObject *)self : SP_TYPE(self);
    SpObject *tq = sp_type_qualname(t);
    if (tq == NULL) {
        return NULL;
    }
    SpObject *res = sp_str_from_format("%U.%s", tq, f->m_ml->ml_name);
    SP_DECREF(tq);
    return res;
}

// Raise TypeError with `fmt` whose first conversion is %U, the callable's
// name. Returns NULL.
static SpObject *arg_error(SpObject *who, const char *fmt, ssize_t n) {
    SpObject *name = sp_cfunction_qualname(who);
    if (name == NULL) {
        return NULL;
    }
    // Formats that do not use %zd ignore n; the varargs call is still safe.
    sp_err_format(&SpExc_TypeError, fmt, name, n);
    SP_DECREF(name);
    return NULL;
}

static int has_keywords(SpObject *kwnames) {
    return kwnames != NULL && SP_TUPLE_SIZE(kwnames) > 0;
}

// ===========================================================================
// Calling a method table entry

// Call ml's C function for self with vector call arguments, checking the
// argument count its convention implies. `who` names the callable in
// errors.
SpObject *sp_ml_call(const SpMethodDef *ml, SpObject *self, SpObject *const *args,
                     ssize_t nargs, SpObject *kwnames, SpObject *who) {
    // Exactly one convention bit may be set; the binding flags
    // (SP_METH_CLASS, SP_METH_STATIC) are masked off here.
    int conv = ml->ml_flags & (SP_METH_NOARGS | SP_METH_O | SP_METH_FASTCALL | SP_METH_VARARGS);
    switch (conv) {
    case SP_METH_NOARGS:
        if (has_keywords(kwnames)) {
            return arg_error(who, "%U() takes no keyword arguments", 0);
        }
        if (nargs != 0) {
            return arg_error(who, "%U() takes no arguments (%zd given)", nargs);
        }
        // The detour through void (*)(void) silences -Wcast-function-type: the
        // table stores one pointer type for every convention.
        return ((SpCFunction)(void (*)(void))ml->ml_meth)(self, NULL);
    case SP_METH_O:
        if (has_keywords(kwnames)) {
            return arg_error(who, "%U() takes no keyword arguments", 0);
        }
        if (nargs != 1) {
            return arg_error(who, "%U() takes exactly one argument (%zd given)", nargs);
        }
        return ((SpCFunction)(void (*)(void))ml->ml_meth)(self, args[0]);
    case SP_METH_FASTCALL:
        return ((SpCFunctionFast)(void (*)(void))ml->ml_meth)(
            // FASTCALL functions check their own arguments (sp_arg_* helpers); an
            // empty kwnames tuple is normalised to NULL so they only test for NULL.
            self, args, nargs, has_keywords(kwnames) ? kwnames : NULL);
    // The legacy convention: build the tuple (and dict) the C function wants.
    case SP_METH_VARARGS: {
        SpObject *argtuple = sp_tuple_from_array(args, nargs);
        if (argtuple == NULL) {
            return NULL;
        }
        SpObject *kwdict = NULL;
        if (has_keywords(kwnames)) {
            kwdict = sp_kwnames_to_dict(args + nargs, kwnames);
            if (kwdict == NULL) {
                SP_DECREF(argtuple);
                return NULL;
            }
        }
        SpObject *res = ((SpCFunctionVarargs)(void (*)(void))ml->ml_meth)(self, argtuple, kwdict);
        SP_DECREF(argtuple);
        SP_XDECREF(kwdict);
        return res;
    }
    default:
        return sp_err_format(&SpExc_SystemError, "%s() method: bad call flags", ml->ml_name);
    }
}

// ===========================================================================
// The builtin_function_or_method type

// One vectorcall entry per calling convention, so the common cases skip
// the switch.
static SpObject *cfunction_vectorcall_noargs(SpObject *func, SpObject *const *args,
                                             size_t nargsf, SpObject *kwnames) {
    SpCFunctionObject *f = (SpCFunctionObject *)func;
    ssize_t nargs = SP_VECTORCALL_NARGS(nargsf);
    if (SP_LIKELY(nargs == 0 && kwnames == NULL)) {
        return ((SpCFunction)(void (*)(void))f->m_ml->ml_meth)(f->m_self, NULL);
    }
    return sp_ml_call(f->m_ml, f->m_self, args, nargs, kwnames, func);
}

static SpObject *cfunction_vectorcall_o(SpObject *func, SpObject *const *args, size_t nargsf,
                                        SpObject *kwnames) {
    SpCFunctionObject *f = (SpCFunctionObject *)func;
    ssize_t nargs = SP_VECTORCALL_NARGS(nargsf);
    if (SP_LIKELY(nargs == 1 && kwnames == NULL)) {
        return ((SpCFunction)(void (*)(void))f->m_ml->ml_meth)(f->m_self, args[0]);
    }
    return sp_ml_call(f->m_ml, f->m_self, args, nargs, kwnames, func);
}

// FASTCALL functions check their own arguments (sp_arg_* helpers).
static SpObject *cfunction_vectorcall_fast(SpObject *func, SpObject *const *args, size_t nargsf,
                                           SpObject *kwnames) {
    SpCFunctionObject *f = (SpCFunctionObject *)func;
    return ((SpCFunctionFast)(void (*)(void))f->m_ml->ml_meth)(f->m_self, args,
                                                                SP_VECTORCALL_NARGS(nargsf),
                                                                kwnames);
}

// VARARGS: the C function wants a tuple and a dict.
static SpObject *cfunction_vectorcall_generic(SpObject *func, SpObject *const *args,
                                              size_t nargsf, SpObject *kwnames) {
    SpCFunctionObject *f = (SpCFunctionObject *)func;
    return sp_ml_call(f->m_ml, f->m_self, args, SP_VECTORCALL_NARGS(nargsf), kwnames, func);
}

// A built-in function bound to self: a module's functions (self = the
// module) and built-in methods made by method descriptors (self = the
// instance). The table entry outlives it (tables are static).
SpObject *sp_cfunction_new(const SpMethodDef *ml, SpObject *self, SpObject *module) {
    SpCFunctionObject *f = (SpCFunctionObject *)sp_object_alloc(&SpCFunction_Type, 0);
    if (f == NULL) {
        return NULL;
    }
    f->m_ml = ml;
    f->m_self = self;
    SP_XINCREF(self);
    f->m_module = module;
    SP_XINCREF(module);
    switch (ml->ml_flags & (SP_METH_NOARGS | SP_METH_O | SP_METH_FASTCALL | SP_METH_VARARGS)) {
    case SP_METH_NOARGS:
        f->vectorcall = cfunction_vectorcall_noargs;
        break;
    case SP_METH_O:
        f->vectorcall = cfunction_vectorcall_o;
        break;
    case SP_METH_FASTCALL:
        f->vectorcall = cfunction_vectorcall_fast;
        break;
    default:
        f->vectorcall = cfunction_vectorcall_generic;
        break;
    }
    sp_gc_track((SpObject *)f);
    return (SpObject *)f;
}

// Built-in methods hold their self, which may hold them back: GC type.
static void cfunction_dealloc(SpObject *self) {
    SpCFunctionObject *f = (SpCFunctionObject *)self;
    sp_gc_untrack(self);
    SP_XDECREF(f->m_self);
    SP_XDECREF(f->m_module);
    SP_TYPE(self)->tp_free(self);
}

static int cfunction_traverse(SpObject *self, SpVisitProc visit, void *arg) {
    SpCFunctionObject *f = (SpCFunctionObject *)self;
    if (f->m_self != NULL && visit(f->m_self, arg)) {
        return 1;
    }
    if (f->m_module != NULL && visit(f->m_module, arg)) {
        return 1;
    }
    return 0;
}

// "<built-in function len>", "<built-in method append of list object at
// 0x...>".
static SpObject *cfunction_repr(SpObject *self) {
    SpCFunctionObject *f = (SpCFunctionObject *)self;
    if (f->m_self == NULL || SP_MODULE_CHECK(f->m_self)) {
        return sp_str_from_format("<built-in function %s>", f->m_ml->ml_name);
    }
    char addr[32];
    snprintf(addr, sizeof addr, "%p", (void *)f->m_self);
    return sp_str_from_format("<built-in method %s of %s object at %s>", f->m_ml->ml_name,
                              SP_TYPE(f->m_self)->tp_name, addr);
}

// Two built-in methods are equal when they wrap the same C function bound to
// the same object.
static SpObject *cfunction_richcompare(SpObject *a, SpObject *b, int op) {
    if ((op != SP_EQ && op != SP_NE) || !SP_CFUNCTION_CHECK(a) || !SP_CFUNCTION_CHECK(b)) {
        SP_RETURN_NOTIMPLEMENTED;
    }
    SpCFunctionObject *fa = (SpCFunctionObject *)a, *fb = (SpCFunctionObject *)b;
    int eq = fa->m_self == fb->m_self && fa->m_ml->ml_meth == fb->m_ml->ml_meth;
    return sp_bool_from_long(op == SP_EQ ? eq : !eq);
}

// Consistent with equality: self's identity and the C function.
static SpHash cfunction_hash(SpObject *self) {
    SpCFunctionObject *f = (SpCFunctionObject *)self;
    SpHash x = f->m_self == NULL ? 0 : sp_baseobject_hash(f->m_self);
    SpHash y = sp_baseobject_hash((SpObject *)(void *)f->m_ml->ml_meth);
    x ^= y;
    return x == -1 ? -2 : x;
}

static SpObject *cfunction_get_name(SpObject *self, void *closure) {
    return sp_str_from_cstr(((SpCFunctionObject *)self)->m_ml->ml_name);
}

// __qualname__: "len" for module functions, "list.append" for methods,
// "dict.fromkeys" for class methods (self is the type).
static SpObject *cfunction_get_qualname(SpObject *self, void *closure) {
    SpCFunctionObject *f = (SpCFunctionObject *)self;
    if (f->m_self == NULL || SP_MODULE_CHECK(f->m_self)) {
        return sp_str_from_cstr(f->m_ml->ml_name);
    }
    SpTypeObject *t = SP_TYPE_CHECK(f->m_self) ? (SpTypeObject *)f->m_self : SP_TYPE(f->m_self);
    SpObject *tq = sp_type_qualname(t);
    if (tq == NULL) {
        return NULL;
    }
    SpObject *res = sp_str_from_format("%U.%s", tq, f->m_ml->ml_name);
    SP_DECREF(tq);
    return res;
}

// __self__: the module or bound object; None when there is none.
static SpObject *cfunction_get_self(SpObject *self, void *closure) {
    SpObject *s = ((SpCFunctionObject *)self)->m_self;
    return sp_newref(s != NULL ? s : sp_None);
}

static SpObject *cfunction_get_doc(SpObject *self, void *closure) {
    const char *doc = ((SpCFunctionObject *)self)->m_ml->ml_doc;
    if (doc == NULL) {
        SP_RETURN_NONE;
    }
    return sp_str_from_cstr(doc);
}

static SpObject *cfunction_get_text_signature(SpObject *self, void *closure) {
    SP_RETURN_NONE;
}

// __module__: the defining module's name for functions, None for methods.
static SpObject *cfunction_get_module(SpObject *self, void *closure) {
    SpObject *m = ((SpCFunctionObject *)self)->m_module;
    return sp_newref(m != NULL ? m : sp_None);
}

static int cfunction_set_module(SpObject *self, SpObject *value, void *closure) {
    SpCFunctionObject *f = (SpCFunctionObject *)self;
    SP_XINCREF(value);
    SP_SETREF(f->m_module, value);
    return 0;
}

static SpGetSetDef cfunction_getset[] = {
    {"__name__", cfunction_get_name, NULL, NULL, NULL},
    {"__qualname__", cfunction_get_qualname, NULL, NULL, NULL},
    {"__self__", cfunction_get_self, NULL, NULL, NULL},
    {"__doc__", cfunction_get_doc, NULL, NULL, NULL},
    {"__text_signature__", cfunction_get_text_signature, NULL, NULL, NULL},
    {"__module__", cfunction_get_module, cfunction_set_module, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

SpTypeObject SpCFunction_Type = {
    .ob_base = SP_TYPE_HEAD_INIT,
    .tp_name = "builtin_function_or_method",
    .tp_basicsize = sizeof(SpCFunctionObject),
    .tp_dealloc = cfunction_dealloc,
    .tp_vectorcall_offset = offsetof(SpCFunctionObject, vectorcall),
    .tp_repr = cfunction_repr,
    .tp_hash = cfunction_hash,
    .tp_call = sp_vectorcall_call,
    .tp_getattro = sp_object_generic_getattr,
    .tp_flags = SP_TPFLAGS_HAVE_GC | SP_TPFLAGS_HAVE_VECTORCALL,
    .tp_traverse = cfunction_traverse,
    .tp_richcompare = cfunction_richcompare,
    .tp_getset = cfunction_getset,
};
