// smallpy: module objects: a namespace dict with a name, attribute access
// through it (with PEP 562 module __getattr__), CPython's reprs and
// AttributeError text. Importing lives in vm/import.c. Counterpart: CPython
// 3.11 Objects/moduleobject.c.
#include "objects/module.h"

#include <stddef.h>

#include "core/abstract.h"
#include "core/err.h"
#include "core/gc.h"
#include "core/mem.h"
#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/func.h"
#include "objects/list.h"
#include "objects/none.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"

#define MOD(o) ((SpModuleObject *)(o))

// Fill a fresh module's dict with the attributes every module has.
static int module_init_dict(SpModuleObject *m, SpObject *name, SpObject *doc) {
    SpObject *d = m->md_dict;
    if (sp_dict_setitem(d, sp_id(__name__), name) < 0 ||
        sp_dict_setitem(d, sp_id(__doc__), doc ? doc : sp_None) < 0 ||
        sp_dict_setitem(d, sp_id(__package__), sp_None) < 0 ||
        sp_dict_setitem(d, sp_id(__loader__), sp_None) < 0 ||
        sp_dict_setitem(d, sp_id(__spec__), sp_None) < 0) {
        return -1;
    }
    SP_INCREF(name);
    SP_SETREF(m->md_name, name);
    return 0;
}

// A module with an empty namespace (ModuleType.__new__ and sp_module_new).
static SpModuleObject *module_alloc(SpTypeObject *type) {
    SpModuleObject *m = (SpModuleObject *)sp_object_alloc(type, 0);
    if (m == NULL) {
        return NULL;
    }
    m->md_name = NULL;
    m->md_dict = sp_dict_new();
    if (m->md_dict == NULL) {
        SP_DECREF(m);
        return NULL;
    }
    sp_gc_track((SpObject *)m);
    return m;
}

SpObject *sp_module_new(const char *name) {
    SpObject *n = sp_str_from_cstr(name);
    if (n == NULL) {
        return NULL;
    }
    SpModuleObject *m = module_alloc(&SpModule_Type);
    if (m == NULL || module_init_dict(m, n, NULL) < 0) {
        SP_XDECREF(m);
        SP_DECREF(n);
        return NULL;
    }
    SP_DECREF(n);
    return (SpObject *)m;
}

SpObject *sp_module_dict_borrow(SpObject *module) { return MOD(module)->md_dict; }

// Built-in functions know their module by name (their __module__).
int sp_module_add_functions(SpObject *module, const SpMethodDef *ml) {
    for (; ml->ml_name != NULL; ml++) {
        SpObject *fn = sp_cfunction_new(ml, module, MOD(module)->md_name);
        if (fn == NULL) {
            return -1;
        }
        int r = sp_dict_setitem_str(MOD(module)->md_dict, ml->ml_name, fn);
        SP_DECREF(fn);
        if (r < 0) {
            return -1;
        }
    }
    return 0;
}

int sp_module_add_object(SpObject *module, const char *name, SpObject *v) {
    return sp_dict_setitem_str(MOD(module)->md_dict, name, v);
}

// ---------------------------------------------------------------------------
// The type.

// The dict may outlive the module (functions keep their globals).
static void module_dealloc(SpObject *self) {
    sp_gc_untrack(self);
    SP_XDECREF(MOD(self)->md_dict);
    SP_XDECREF(MOD(self)->md_name);
    SP_TYPE(self)->tp_free(self);
}

static int module_traverse(SpObject *self, SpVisitProc visit, void *arg) {
    return MOD(self)->md_dict != NULL ? visit(MOD(self)->md_dict, arg) : 0;
}

static int module_clear(SpObject *self) {
    SP_CLEAR(MOD(self)->md_dict);
    return 0;
}

// <module 'x' from '/path/x.py'> for modules with a __file__,
// <module 'sys' (built-in)> for built-in ones, else <module 'x'>.
static SpObject *module_repr(SpObject *self) {
    SpObject *d = MOD(self)->md_dict;
    SpObject *name = d ? sp_dict_getitem_borrow(d, sp_id(__name__)) : NULL;
    if (name == NULL || !SP_STR_CHECK(name)) {
        sp_err_clear();
        name = NULL;
    }
    SpObject *file = d ? sp_dict_getitem_borrow(d, sp_id(__file__)) : NULL;
    if (file != NULL && SP_STR_CHECK(file)) {
        return sp_str_from_format("<module %R from %R>", name ? name : sp_str_empty_borrow(),
                                  file);
    }
    sp_err_clear();
    if (name == NULL) {
        return sp_str_from_cstr("<module '?'>");
    }
    if (sp_import_is_builtin_name(name)) {
        return sp_str_from_format("<module %R (built-in)>", name);
    }
    return sp_str_from_format("<module %R>", name);
}

// Attributes come from the type, then the namespace (generic getattr with
// tp_dictoffset); a miss tries a module-level __getattr__ (PEP 562) and then
// raises "module 'x' has no attribute 'y'".
static SpObject *module_getattro(SpObject *self, SpObject *name) {
    SpObject *v = sp_object_generic_getattr(self, name);
    if (v != NULL || !sp_err_matches_type(&SpExc_AttributeError)) {
        return v;
    }
    sp_err_clear();
    SpObject *d = MOD(self)->md_dict;
    if (d != NULL) {
        // PEP 562: a module-level __getattr__(name).
        SpObject *hook = sp_dict_getitem_str_borrow(d, "__getattr__");
        if (hook != NULL) {
            return sp_call_one_arg(hook, name);
        }
        SpObject *mname = sp_dict_getitem_borrow(d, sp_id(__name__));
        if (mname != NULL && SP_STR_CHECK(mname)) {
            sp_err_format(&SpExc_AttributeError, "module '%U' has no attribute '%U'", mname,
                          name);
            goto set_fields;
        }
    }
    sp_err_format(&SpExc_AttributeError, "module has no attribute '%U'", name);
set_fields: {
    // For "Did you mean" suggestions in tracebacks.
    SpObject *exc = sp_err_occurred();
    if (exc != NULL && SP_TYPE(exc) == &SpExc_AttributeError) {
        SpAttributeErrorObject *ae = (SpAttributeErrorObject *)exc;
        SP_INCREF(name);
        SP_SETREF(ae->name, name);
        SP_INCREF(self);
        SP_SETREF(ae->obj, self);
    }
}
    return NULL;
}

// ModuleType(name, doc=None).
static SpObject *module_new(SpTypeObject *type, SpObject *args, SpObject *kwargs) {
    return (SpObject *)module_alloc(type);
}

// ModuleType(name, doc=None): name must be a str.
static int module_init(SpObject *self, SpObject *args, SpObject *kwargs) {
    static const char *const names[] = {"name", "doc", NULL};
    SpObject *out[2] = {NULL, NULL};
    ssize_t nargs = SP_TUPLE_SIZE(args);
    SpObject *kwnames = NULL;
    SpObject *stack[2];
    ssize_t nkw = kwargs ? SP_DICT_SIZE(kwargs) : 0;
    if (nargs + nkw > 2) {
        sp_err_format(&SpExc_TypeError, "module() takes at most 2 arguments (%zd given)",
                      nargs + nkw);
        return -1;
    }
    for (ssize_t i = 0; i < nargs; i++) {
        stack[i] = SP_TUPLE_GET_ITEM(args, i);
    }
    if (nkw) {
        kwnames = sp_tuple_new(nkw);
        if (kwnames == NULL) {
            return -1;
        }
        ssize_t pos = 0, i = 0;
        SpObject *k, *v;
        while (sp_dict_next(kwargs, &pos, &k, &v)) {
            SP_INCREF(k);
            SP_TUPLE_SET_ITEM(kwnames, i, k);
            stack[nargs + i] = v;
            i++;
        }
    }
    int r = sp_arg_parse_kw("module", stack, nargs, kwnames, names, out, 1);
    SP_XDECREF(kwnames);
    if (r < 0) {
        return -1;
    }
    if (!SP_STR_CHECK(out[0])) {
        sp_err_format(&SpExc_TypeError, "module.__init__() argument 'name' must be str, not %s",
                      sp_object_type_name(out[0]));
        return -1;
    }
    return module_init_dict(MOD(self), out[0], out[1]);
}

// dir(module): a module-level __dir__ if defined, else the namespace's keys.
static SpObject *module_dir(SpObject *self, SpObject *unused) {
    SpObject *d = MOD(self)->md_dict;
    SpObject *dirfunc = d ? sp_dict_getitem_str_borrow(d, "__dir__") : NULL;
    if (dirfunc != NULL) {
        return sp_call_noargs(dirfunc);
    }
    SpObject *keys = d ? sp_dict_keys(d) : sp_list_new(0);
    return keys;
}

static SpMethodDef module_methods[] = {
    {"__dir__", SP_METH(module_dir), SP_METH_NOARGS, "__dir__() -> list\nspecialized dir() implementation"},
    {NULL, NULL, 0, NULL},
};

static SpMemberDef module_members[] = {
    {"__dict__", SP_T_OBJECT, offsetof(SpModuleObject, md_dict), SP_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

SpTypeObject SpModule_Type = {
    SP_TYPE_HEAD_INIT,
    .tp_name = "module",
    .tp_basicsize = sizeof(SpModuleObject),
    .tp_dealloc = module_dealloc,
    .tp_repr = module_repr,
    .tp_getattro = module_getattro,
    .tp_setattro = sp_object_generic_setattr,
    .tp_flags = SP_TPFLAGS_HAVE_GC | SP_TPFLAGS_BASETYPE,
    .tp_doc = "Create a module object.\n\nThe name must be a string; the optional doc argument "
              "can have any type.",
    .tp_traverse = module_traverse,
    .tp_clear = module_clear,
    .tp_methods = module_methods,
    .tp_members = module_members,
    .tp_dictoffset = offsetof(SpModuleObject, md_dict),
    .tp_init = module_init,
    .tp_new = module_new,
    .tp_free = sp_object_free,
};
