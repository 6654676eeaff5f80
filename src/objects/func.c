// smallpy: Python function objects, cells and bound methods. Calling a
// function is the VM's business (sp_function_vectorcall in vm/call.c);
// built-in functions are objects/cfunc.c's. Counterpart: CPython 3.11
// Objects/funcobject.c, Objects/cellobject.c, Objects/classobject.c.
#include "objects/func.h"

#include <stddef.h>
#include <string.h>

#include "core/abstract.h"
#include "core/err.h"
#include "core/gc.h"
#include "core/mem.h"
#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/int.h"
#include "objects/none.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "vm/vm.h"

// ---------------------------------------------------------------------------
// Calling a vectorcall object through tp_call (args tuple, kwargs dict).

static SpObject *call_vectorcall_from_tuple(SpVectorcallFunc vc, SpObject *callable,
                                            SpObject *args, SpObject *kwargs) {
    ssize_t nargs = SP_TUPLE_SIZE(args);
    ssize_t nkw = kwargs ? SP_DICT_SIZE(kwargs) : 0;
    if (nkw == 0) {
        return vc(callable, &SP_TUPLE_GET_ITEM(args, 0), (size_t)nargs, NULL);
    }
    SpObject *small[16];
    // One spare slot in front so the callee may use the arguments offset.
    SpObject **stack = (nargs + nkw + 1 <= 16)
                           ? small
                           : sp_mem_alloc((size_t)(nargs + nkw + 1) * sizeof(SpObject *));
    if (stack == NULL) {
        return sp_err_no_memory();
    }
    SpObject *kwnames = sp_tuple_new(nkw);
    SpObject *res = NULL;
    if (kwnames != NULL) {
        for (ssize_t i = 0; i < nargs; i++) {
            stack[1 + i] = SP_TUPLE_GET_ITEM(args, i);
        }
        ssize_t pos = 0, i = 0;
        SpObject *k, *v;
        while (sp_dict_next(kwargs, &pos, &k, &v)) {
            SP_INCREF(k);
            SP_TUPLE_SET_ITEM(kwnames, i, k);
            stack[1 + nargs + i] = v;
            i++;
            if (!SP_STR_CHECK(k)) {
                sp_err_set_string(&SpExc_TypeError, "keywords must be strings");
                break;
            }
        }
        if (i == nkw && !sp_err_occurred()) {
            res = vc(callable, stack + 1, (size_t)nargs | SP_VECTORCALL_ARGUMENTS_OFFSET,
                     kwnames);
        }
        for (; i < nkw; i++) {
            SP_TUPLE_SET_ITEM(kwnames, i, sp_newref(sp_None));
        }
        SP_DECREF(kwnames);
    }
    if (stack != small) {
        sp_mem_free(stack);
    }
    return res;
}

// ---------------------------------------------------------------------------
// Functions.

SpObject *sp_function_new(SpObject *code, SpObject *globals, SpObject *qualname) {
    SpCodeObject *co = (SpCodeObject *)code;
    SpFunctionObject *fn = (SpFunctionObject *)sp_object_alloc(&SpFunction_Type, 0);
    if (fn == NULL) {
        return NULL;
    }
    // The allocator promises a clean header only.
    memset((char *)fn + sizeof(SpObject), 0, sizeof(SpFunctionObject) - sizeof(SpObject));
    // Calls go through the VM's binder; the eval loop recognises the type
    // and pushes a frame itself.
    fn->vectorcall = sp_function_vectorcall;
    fn->func_globals = SP_NEWREF_OF(globals);
    // The builtins are fixed when the function is made, as in CPython 3.10+.
    fn->func_builtins = SP_NEWREF_OF(sp_vm_builtins_from_globals_borrow(globals));
    fn->func_name = SP_NEWREF_OF(co->co_name);
    if (qualname == NULL) {
        qualname = co->co_qualname ? co->co_qualname : co->co_name;
    }
    fn->func_qualname = SP_NEWREF_OF(qualname);
    fn->func_code = SP_NEWREF_OF(code);
    // As CPython: the docstring is the first constant when it is a str (the
    // compiler puts None there for functions without one).
    SpObject *doc = sp_None;
    if (co->co_consts != NULL && SP_TUPLE_SIZE(co->co_consts) > 0 &&
        SP_STR_CHECK(SP_TUPLE_GET_ITEM(co->co_consts, 0)) &&
        !sp_str_eq_cstr(co->co_name, "<lambda>")) {
        doc = SP_TUPLE_GET_ITEM(co->co_consts, 0);
    }
    fn->func_doc = SP_NEWREF_OF(doc);
    // __module__ is the defining module's __name__ at definition time.
    SpObject *module = sp_dict_getitem_borrow(globals, sp_id(__name__));
    if (module != NULL) {
        fn->func_module = SP_NEWREF_OF(module);
    } else if (sp_err_occurred()) {
        sp_err_clear();
    }
    sp_gc_track((SpObject *)fn);
    return (SpObject *)fn;
}

// tp_clear: drop what may take part in cycles (the code and names stay).
static int func_clear(SpObject *self) {
    SpFunctionObject *fn = (SpFunctionObject *)self;
    SP_CLEAR(fn->func_globals);
    SP_CLEAR(fn->func_builtins);
    SP_CLEAR(fn->func_module);
    SP_CLEAR(fn->func_defaults);
    SP_CLEAR(fn->func_kwdefaults);
    SP_CLEAR(fn->func_doc);
    SP_CLEAR(fn->func_dict);
    SP_CLEAR(fn->func_closure);
    SP_CLEAR(fn->func_annotations);
    return 0;
}

static void func_dealloc(SpObject *self) {
    SpFunctionObject *fn = (SpFunctionObject *)self;
    sp_gc_untrack(self);
    func_clear(self);
    SP_CLEAR(fn->func_code);
    SP_CLEAR(fn->func_name);
    SP_CLEAR(fn->func_qualname);
    SP_TYPE(self)->tp_free(self);
}

static int func_traverse(SpObject *self, SpVisitProc visit, void *arg) {
    SpFunctionObject *fn = (SpFunctionObject *)self;
    SpObject *fields[] = {fn->func_code, fn->func_globals, fn->func_builtins, fn->func_module,
                          fn->func_defaults, fn->func_kwdefaults, fn->func_doc, fn->func_name,
                          fn->func_dict, fn->func_closure, fn->func_annotations,
                          fn->func_qualname};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        if (fields[i] != NULL && visit(fields[i], arg)) {
            return -1;
        }
    }
    return 0;
}

static SpObject *func_repr(SpObject *self) {
    return sp_str_from_format("<function %U at %p>", ((SpFunctionObject *)self)->func_qualname,
                              self);
}

// tp_call, for callers holding a tuple and a dict (sp_call, f(*a, **k)).
static SpObject *func_call(SpObject *self, SpObject *args, SpObject *kwargs) {
    return call_vectorcall_from_tuple(sp_function_vectorcall, self, args, kwargs);
}

// Functions are descriptors: looked up on an instance they bind to it.
static SpObject *func_descr_get(SpObject *self, SpObject *obj, SpObject *type) {
    if (obj == NULL || obj == sp_None) {
        return sp_newref(self);
    }
    return sp_method_new(self, obj);
}

#define FN(o) ((SpFunctionObject *)(o))

static SpObject *func_get_code(SpObject *self, void *c) { return sp_newref(FN(self)->func_code); }

// The new code must want as many free variables as the closure has.
static int func_set_code(SpObject *self, SpObject *v, void *c) {
    if (v == NULL || !SP_CODE_CHECK(v)) {
        sp_err_set_string(&SpExc_TypeError, "__code__ must be set to a code object");
        return -1;
    }
    ssize_t nfree = ((SpCodeObject *)v)->co_nfreevars;
    ssize_t nclosure = FN(self)->func_closure ? SP_TUPLE_SIZE(FN(self)->func_closure) : 0;
    if (nfree != nclosure) {
        sp_err_format(&SpExc_ValueError, "%U() requires a code object with %zd free vars, not %zd",
                      FN(self)->func_name, nclosure, nfree);
        return -1;
    }
    SP_INCREF(v);
    SP_SETREF(FN(self)->func_code, v);
    return 0;
}

static SpObject *func_get_defaults(SpObject *self, void *c) {
    SpObject *d = FN(self)->func_defaults;
    return sp_newref(d ? d : sp_None);
}

static int func_set_defaults(SpObject *self, SpObject *v, void *c) {
    if (v == sp_None) {
        v = NULL;
    }
    if (v != NULL && !SP_TUPLE_CHECK(v)) {
        sp_err_set_string(&SpExc_TypeError, "__defaults__ must be set to a tuple object");
        return -1;
    }
    SP_XINCREF(v);
    SP_SETREF(FN(self)->func_defaults, v);
    return 0;
}

static SpObject *func_get_kwdefaults(SpObject *self, void *c) {
    SpObject *d = FN(self)->func_kwdefaults;
    return sp_newref(d ? d : sp_None);
}

static int func_set_kwdefaults(SpObject *self, SpObject *v, void *c) {
    if (v == sp_None) {
        v = NULL;
    }
    if (v != NULL && !SP_DICT_CHECK(v)) {
        sp_err_set_string(&SpExc_TypeError, "__kwdefaults__ must be set to a dict object");
        return -1;
    }
    SP_XINCREF(v);
    SP_SETREF(FN(self)->func_kwdefaults, v);
    return 0;
}

// __annotations__: made on first access; MAKE_FUNCTION may have stored the
// compact (name, value, name, value, ...) tuple form.
static SpObject *func_get_annotations(SpObject *self, void *c) {
    SpFunctionObject *fn = FN(self);
    if (fn->func_annotations == NULL) {
        fn->func_annotations = sp_dict_new();
        if (fn->func_annotations == NULL) {
            return NULL;
        }
    } else if (SP_TUPLE_CHECK(fn->func_annotations)) {
        SpObject *t = fn->func_annotations;
        SpObject *d = sp_dict_new();
        if (d == NULL) {
            return NULL;
        }
        for (ssize_t i = 0; i + 1 < SP_TUPLE_SIZE(t); i += 2) {
            if (sp_dict_setitem(d, SP_TUPLE_GET_ITEM(t, i), SP_TUPLE_GET_ITEM(t, i + 1)) < 0) {
                SP_DECREF(d);
                return NULL;
            }
        }
        SP_SETREF(fn->func_annotations, d);
    }
    return sp_newref(fn->func_annotations);
}

static int func_set_annotations(SpObject *self, SpObject *v, void *c) {
    if (v == sp_None) {
        v = NULL;
    }
    if (v != NULL && !SP_DICT_CHECK(v)) {
        sp_err_set_string(&SpExc_TypeError, "__annotations__ must be set to a dict object");
        return -1;
    }
    SP_XINCREF(v);
    SP_SETREF(FN(self)->func_annotations, v);
    return 0;
}

static SpObject *func_get_name(SpObject *self, void *c) {
    return sp_newref(c ? FN(self)->func_qualname : FN(self)->func_name);
}

static int func_set_name(SpObject *self, SpObject *v, void *c) {
    if (v == NULL || !SP_STR_CHECK(v)) {
        sp_err_format(&SpExc_TypeError, "%s must be set to a string object",
                      c ? "__qualname__" : "__name__");
        return -1;
    }
    SP_INCREF(v);
    if (c) {
        SP_SETREF(FN(self)->func_qualname, v);
    } else {
        SP_SETREF(FN(self)->func_name, v);
    }
    return 0;
}

// Arbitrary function attributes live in a dict made on first use.
static SpObject *func_get_dict(SpObject *self, void *c) {
    SpFunctionObject *fn = FN(self);
    if (fn->func_dict == NULL) {
        fn->func_dict = sp_dict_new();
        if (fn->func_dict == NULL) {
            return NULL;
        }
    }
    return sp_newref(fn->func_dict);
}

static int func_set_dict(SpObject *self, SpObject *v, void *c) {
    if (v == NULL) {
        sp_err_set_string(&SpExc_TypeError, "cannot delete __dict__");
        return -1;
    }
    if (!SP_DICT_CHECK(v)) {
        sp_err_format(&SpExc_TypeError, "__dict__ must be set to a dictionary, not a '%s'",
                      sp_object_type_name(v));
        return -1;
    }
    SP_INCREF(v);
    SP_SETREF(FN(self)->func_dict, v);
    return 0;
}

static SpObject *func_get_builtins(SpObject *self, void *c) {
    return sp_newref(FN(self)->func_builtins);
}

static SpMemberDef func_members[] = {
    {"__closure__", SP_T_OBJECT, offsetof(SpFunctionObject, func_closure), SP_READONLY, NULL},
    {"__doc__", SP_T_OBJECT, offsetof(SpFunctionObject, func_doc), 0, NULL},
    {"__globals__", SP_T_OBJECT, offsetof(SpFunctionObject, func_globals), SP_READONLY, NULL},
    {"__module__", SP_T_OBJECT, offsetof(SpFunctionObject, func_module), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};

static SpGetSetDef func_getset[] = {
    {"__code__", func_get_code, func_set_code, NULL, NULL},
    {"__defaults__", func_get_defaults, func_set_defaults, NULL, NULL},
    {"__kwdefaults__", func_get_kwdefaults, func_set_kwdefaults, NULL, NULL},
    {"__annotations__", func_get_annotations, func_set_annotations, NULL, NULL},
    {"__dict__", func_get_dict, func_set_dict, NULL, NULL},
    {"__name__", func_get_name, func_set_name, NULL, NULL},
    {"__qualname__", func_get_name, func_set_name, NULL, (void *)1},
    {"__builtins__", func_get_builtins, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

SpTypeObject SpFunction_Type = {
    SP_TYPE_HEAD_INIT,
    .tp_name = "function",
    .tp_basicsize = sizeof(SpFunctionObject),
    .tp_dealloc = func_dealloc,
    .tp_vectorcall_offset = offsetof(SpFunctionObject, vectorcall),
    .tp_repr = func_repr,
    .tp_call = func_call,
    .tp_getattro = sp_object_generic_getattr,
    .tp_setattro = sp_object_generic_setattr,
    .tp_flags = SP_TPFLAGS_HAVE_GC | SP_TPFLAGS_METHOD_DESCRIPTOR | SP_TPFLAGS_HAVE_VECTORCALL,
    .tp_doc = "Create a function object.",
    .tp_traverse = func_traverse,
    .tp_clear = func_clear,
    .tp_members = func_members,
    .tp_getset = func_getset,
    .tp_descr_get = func_descr_get,
    .tp_dictoffset = offsetof(SpFunctionObject, func_dict),
    .tp_free = sp_object_free,
};

// ---------------------------------------------------------------------------
// Cells.

// Cells hold a variable shared between a function and its inner ones.
SpObject *sp_cell_new(SpObject *value) {
    SpCellObject *c = (SpCellObject *)sp_object_alloc(&SpCell_Type, 0);
    if (c == NULL) {
        return NULL;
    }
    c->ob_ref = value;
    SP_XINCREF(value);
    sp_gc_track((SpObject *)c);
    return (SpObject *)c;
}

static void cell_dealloc(SpObject *self) {
    sp_gc_untrack(self);
    SP_XDECREF(((SpCellObject *)self)->ob_ref);
    SP_TYPE(self)->tp_free(self);
}

static int cell_traverse(SpObject *self, SpVisitProc visit, void *arg) {
    SpObject *v = ((SpCellObject *)self)->ob_ref;
    return v != NULL ? visit(v, arg) : 0;
}

static int cell_clear(SpObject *self) {
    SP_CLEAR(((SpCellObject *)self)->ob_ref);
    return 0;
}

// <cell at 0x...: int object at 0x...> or <cell at 0x...: empty>.
static SpObject *cell_repr(SpObject *self) {
    SpObject *v = ((SpCellObject *)self)->ob_ref;
    if (v == NULL) {
        return sp_str_from_format("<cell at %p: empty>", self);
    }
    return sp_str_from_format("<cell at %p: %s object at %p>", self, sp_object_type_name(v), v);
}

static SpObject *cell_get_contents(SpObject *self, void *c) {
    SpObject *v = ((SpCellObject *)self)->ob_ref;
    if (v == NULL) {
        sp_err_set_string(&SpExc_ValueError, "Cell is empty");
        return NULL;
    }
    return sp_newref(v);
}

static int cell_set_contents(SpObject *self, SpObject *v, void *c) {
    SP_XINCREF(v);
    SP_SETREF(((SpCellObject *)self)->ob_ref, v);
    return 0;
}

// Cells compare by contents, as CPython's.
static SpObject *cell_richcompare(SpObject *a, SpObject *b, int op) {
    if (SP_TYPE(b) != &SpCell_Type) {
        SP_RETURN_NOTIMPLEMENTED;
    }
    SpObject *x = ((SpCellObject *)a)->ob_ref, *y = ((SpCellObject *)b)->ob_ref;
    if (x != NULL && y != NULL) {
        return sp_object_richcompare(x, y, op);
    }
    // An empty cell sorts before a full one.
    int c = (x != NULL) - (y != NULL);
    int r;
    switch (op) {
    case SP_LT: r = c < 0; break;
    case SP_LE: r = c <= 0; break;
    case SP_EQ: r = c == 0; break;
    case SP_NE: r = c != 0; break;
    case SP_GT: r = c > 0; break;
    default: r = c >= 0; break;
    }
    return sp_bool_from_long(r);
}

static SpGetSetDef cell_getset[] = {
    {"cell_contents", cell_get_contents, cell_set_contents, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

SpTypeObject SpCell_Type = {
    SP_TYPE_HEAD_INIT,
    .tp_name = "cell",
    .tp_basicsize = sizeof(SpCellObject),
    .tp_dealloc = cell_dealloc,
    .tp_repr = cell_repr,
    .tp_hash = sp_object_hash_not_implemented,
    .tp_flags = SP_TPFLAGS_HAVE_GC,
    .tp_traverse = cell_traverse,
    .tp_clear = cell_clear,
    .tp_richcompare = cell_richcompare,
    .tp_getset = cell_getset,
    .tp_free = sp_object_free,
};

// ---------------------------------------------------------------------------
// Bound methods.

static SpObject *method_vectorcall(SpObject *self, SpObject *const *args, size_t nargsf,
                                   SpObject *kwnames) {
    SpMethodObject *m = (SpMethodObject *)self;
    ssize_t nargs = SP_VECTORCALL_NARGS(nargsf);
    SpObject *res;
    // Prepend self: in place when the caller allows, else on a copy.
    if (nargsf & SP_VECTORCALL_ARGUMENTS_OFFSET) {
        // The caller lent us args[-1]: put self there, no copy.
        SpObject **newargs = (SpObject **)args - 1;
        SpObject *saved = newargs[0];
        newargs[0] = m->im_self;
        res = sp_vectorcall(m->im_func, newargs, (size_t)(nargs + 1), kwnames);
        newargs[0] = saved;
        return res;
    }
    ssize_t total = nargs + (kwnames ? SP_TUPLE_SIZE(kwnames) : 0);
    SpObject *small[9];
    SpObject **stack = total + 1 <= 9 ? small
                                      : sp_mem_alloc((size_t)(total + 1) * sizeof(SpObject *));
    if (stack == NULL) {
        return sp_err_no_memory();
    }
    stack[0] = m->im_self;
    for (ssize_t i = 0; i < total; i++) {
        stack[i + 1] = args[i];
    }
    res = sp_vectorcall(m->im_func, stack, (size_t)(nargs + 1), kwnames);
    if (stack != small) {
        sp_mem_free(stack);
    }
    return res;
}

// obj.f for a function f on obj's class: f bound to obj.
SpObject *sp_method_new(SpObject *func, SpObject *self) {
    if (self == NULL) {
        return sp_err_bad_internal_call("sp_method_new");
    }
    SpMethodObject *m = (SpMethodObject *)sp_object_alloc(&SpMethod_Type, 0);
    if (m == NULL) {
        return NULL;
    }
    m->im_func = SP_NEWREF_OF(func);
    m->im_self = SP_NEWREF_OF(self);
    m->vectorcall = method_vectorcall;
    sp_gc_track((SpObject *)m);
    return (SpObject *)m;
}

static void method_dealloc(SpObject *self) {
    SpMethodObject *m = (SpMethodObject *)self;
    sp_gc_untrack(self);
    SP_XDECREF(m->im_func);
    SP_XDECREF(m->im_self);
    SP_TYPE(self)->tp_free(self);
}

static int method_traverse(SpObject *self, SpVisitProc visit, void *arg) {
    SpMethodObject *m = (SpMethodObject *)self;
    if (m->im_func != NULL && visit(m->im_func, arg)) {
        return -1;
    }
    return m->im_self != NULL ? visit(m->im_self, arg) : 0;
}

static SpObject *method_call(SpObject *self, SpObject *args, SpObject *kwargs) {
    return call_vectorcall_from_tuple(method_vectorcall, self, args, kwargs);
}

// <bound method C.m of <repr of the object>>.
static SpObject *method_repr(SpObject *self) {
    SpMethodObject *m = (SpMethodObject *)self;
    SpObject *name = sp_object_lookup_attr(m->im_func, sp_id(__qualname__));
    if (name == NULL && !sp_err_occurred()) {
        name = sp_object_lookup_attr(m->im_func, sp_id(__name__));
    }
    if (name == NULL && sp_err_occurred()) {
        return NULL;
    }
    SpObject *r;
    if (name != NULL && SP_STR_CHECK(name)) {
        r = sp_str_from_format("<bound method %U of %R>", name, m->im_self);
    } else {
        r = sp_str_from_format("<bound method ? of %R>", m->im_self);
    }
    SP_XDECREF(name);
    return r;
}

// Equal when bound to the same object (identity, since 3.8) and equal
// functions.
static SpObject *method_richcompare(SpObject *a, SpObject *b, int op) {
    if ((op != SP_EQ && op != SP_NE) || SP_TYPE(b) != &SpMethod_Type) {
        SP_RETURN_NOTIMPLEMENTED;
    }
    SpMethodObject *x = (SpMethodObject *)a, *y = (SpMethodObject *)b;
    int eq = x->im_self == y->im_self;
    if (eq) {
        eq = sp_object_richcompare_bool(x->im_func, y->im_func, SP_EQ);
        if (eq < 0) {
            return NULL;
        }
    }
    return sp_bool_from_long(op == SP_EQ ? eq : !eq);
}

// Consistent with equality: the object's identity and the function's hash.
static SpHash method_hash(SpObject *self) {
    SpMethodObject *m = (SpMethodObject *)self;
    SpHash y = sp_object_hash(m->im_func);
    if (y == -1) {
        return -1;
    }
    SpHash x = (SpHash)((uintptr_t)m->im_self >> 4 | (uintptr_t)m->im_self << 60);
    x ^= y;
    return x == -1 ? -2 : x;
}

// Attributes of the type first (__func__, __self__, ...), then the
// function's own (__name__, __doc__, arbitrary ones).
static SpObject *method_getattro(SpObject *self, SpObject *name) {
    SpTypeObject *tp = SP_TYPE(self);
    SpObject *descr = sp_type_lookup_borrow(tp, name);
    if (descr != NULL) {
        SpDescrGetFunc get = SP_TYPE(descr)->tp_descr_get;
        if (get != NULL) {
            return get(descr, self, (SpObject *)tp);
        }
        return sp_newref(descr);
    }
    return sp_object_getattr(((SpMethodObject *)self)->im_func, name);
}

// A bound method stored on a class stays bound to its object.
static SpObject *method_descr_get(SpObject *self, SpObject *obj, SpObject *type) {
    return sp_newref(self);
}

static SpObject *method_get_doc(SpObject *self, void *c) {
    return sp_object_getattr(((SpMethodObject *)self)->im_func, sp_id(__doc__));
}

static SpMemberDef method_members[] = {
    {"__func__", SP_T_OBJECT, offsetof(SpMethodObject, im_func), SP_READONLY, NULL},
    {"__self__", SP_T_OBJECT, offsetof(SpMethodObject, im_self), SP_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static SpGetSetDef method_getset[] = {
    {"__doc__", method_get_doc, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

SpTypeObject SpMethod_Type = {
    SP_TYPE_HEAD_INIT,
    .tp_name = "method",
    .tp_basicsize = sizeof(SpMethodObject),
    .tp_dealloc = method_dealloc,
    .tp_vectorcall_offset = offsetof(SpMethodObject, vectorcall),
    .tp_repr = method_repr,
    .tp_hash = method_hash,
    .tp_call = method_call,
    .tp_getattro = method_getattro,
    .tp_setattro = sp_object_generic_setattr,
    .tp_flags = SP_TPFLAGS_HAVE_GC | SP_TPFLAGS_HAVE_VECTORCALL,
    .tp_traverse = method_traverse,
    .tp_richcompare = method_richcompare,
    .tp_members = method_members,
    .tp_getset = method_getset,
    .tp_descr_get = method_descr_get,
    .tp_free = sp_object_free,
};
