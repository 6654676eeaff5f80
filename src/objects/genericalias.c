// smallpy: types.GenericAlias, the value of list[int], dict[str, int],
// type[C]: what annotations evaluate to. Enough of it for annotations,
// repr, equality, calling and subclassing (class C(list[int])).
// Counterpart: CPython 3.11 Objects/genericaliasobject.c.
#include <string.h>

#include "core/abstract.h"
#include "core/err.h"
#include "core/gc.h"
#include "core/mem.h"
#include "objects/cont.h"
#include "objects/dict.h"
#include "objects/func.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/none.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"

typedef struct {
    SP_OBJECT_HEAD;
    SpObject *origin;  // the class subscripted
    SpObject *args;    // tuple of the subscripts
} GenericAliasObject;

#define GA(o) ((GenericAliasObject *)(o))

// The subscript is kept as a tuple: list[int] has __args__ == (int,).
SpObject *sp_generic_alias_new(SpObject *origin, SpObject *args) {
    // dict[str, int] arrives as the tuple (str, int) (the subscript syntax
    // builds it); a single subscript is wrapped, so __args__ is always a tuple.
    SpObject *targs = SP_TUPLE_CHECK(args) ? sp_newref(args) : sp_tuple_pack(1, args);
    if (targs == NULL) {
        return NULL;
    }
    GenericAliasObject *ga = (GenericAliasObject *)sp_object_alloc(&SpGenericAlias_Type, 0);
    if (ga == NULL) {
        SP_DECREF(targs);
        return NULL;
    }
    ga->origin = sp_newref(origin);
    ga->args = targs;
    sp_gc_track((SpObject *)ga);
    return (SpObject *)ga;
}

// cls.__class_getitem__(item), the classmethod of list, dict, ...
SpObject *sp_generic_alias_class_getitem(SpObject *cls, SpObject *item) {
    return sp_generic_alias_new(cls, item);
}

static void ga_dealloc(SpObject *op) {
    sp_gc_untrack(op);
    SP_XDECREF(GA(op)->origin);
    SP_XDECREF(GA(op)->args);
    sp_object_free(op);
}

static int ga_traverse(SpObject *op, SpVisitProc visit, void *arg) {
    int r = GA(op)->origin ? visit(GA(op)->origin, arg) : 0;
    if (r == 0 && GA(op)->args) {
        r = visit(GA(op)->args, arg);
    }
    return r;
}

// One subscript as CPython writes it: classes by (module.)qualname, ... as
// "...", anything else by repr.
static int ga_repr_item(SpStrWriter *w, SpObject *p) {
    if (p == sp_Ellipsis) {
        return sp_str_writer_write_ascii(w, "...", 3);
    }
    // Nested aliases (list[dict[str, int]]) recurse through their own repr.
    if (SP_IS_TYPE(p, &SpGenericAlias_Type) || !SP_TYPE_CHECK(p)) {
        SpObject *r = sp_object_repr(p);
        if (r == NULL) {
            return -1;
        }
        int rc = sp_str_writer_write_str(w, r);
        SP_DECREF(r);
        return rc;
    }
    SpObject *qual = sp_object_getattr(p, sp_id(__qualname__));
    if (qual == NULL) {
        return -1;
    }
    // A missing __module__ is not an error: the bare qualname is written.
    SpObject *mod = sp_object_lookup_attr(p, sp_id(__module__));
    int rc = 0;
    if (mod == NULL && sp_err_occurred()) {
        rc = -1;
    } else if (mod != NULL && SP_STR_CHECK(mod) && !sp_str_eq_cstr(mod, "builtins")) {
        rc = sp_str_writer_write_str(w, mod);
        if (rc == 0) {
            rc = sp_str_writer_write_char(w, '.');
        }
    }
    if (rc == 0) {
        rc = sp_str_writer_write_str(w, qual);
    }
    SP_XDECREF(mod);
    SP_DECREF(qual);
    return rc;
}

static SpObject *ga_repr(SpObject *op) {
    SpStrWriter w;
    sp_str_writer_init(&w);
    if (ga_repr_item(&w, GA(op)->origin) < 0 || sp_str_writer_write_char(&w, '[') < 0) {
        goto error;
    }
    SpObject *args = GA(op)->args;
    ssize_t n = SP_TUPLE_SIZE(args);
    if (n == 0) {
        // list[()] is written with an empty tuple.
        if (sp_str_writer_write_ascii(&w, "()", 2) < 0) {
            goto error;
        }
    }
    for (ssize_t i = 0; i < n; i++) {
        if (i > 0 && sp_str_writer_write_ascii(&w, ", ", 2) < 0) {
            goto error;
        }
        SpObject *p = SP_TUPLE_GET_ITEM(args, i);
        if (SP_LIST_CHECK(p)) {
            // Callable[[int], str]: a list of types.
            if (sp_str_writer_write_char(&w, '[') < 0) {
                goto error;
            }
            for (ssize_t j = 0; j < SP_LIST_SIZE(p); j++) {
                if ((j > 0 && sp_str_writer_write_ascii(&w, ", ", 2) < 0) ||
                    ga_repr_item(&w, SP_LIST_GET_ITEM(p, j)) < 0) {
                    goto error;
                }
            }
            if (sp_str_writer_write_char(&w, ']') < 0) {
                goto error;
            }
        } else if (ga_repr_item(&w, p) < 0) {
            goto error;
        }
    }
    if (sp_str_writer_write_char(&w, ']') < 0) {
        goto error;
    }
    return sp_str_writer_finish(&w);
error:
    sp_str_writer_discard(&w);
    return NULL;
}

// Equal aliases hash alike: origin and args combined.
static SpHash ga_hash(SpObject *op) {
    SpHash h0 = sp_object_hash(GA(op)->origin);
    if (h0 == -1) {
        return -1;
    }
    SpHash h1 = sp_object_hash(GA(op)->args);
    if (h1 == -1) {
        return -1;
    }
    // -1 is the error return of hash functions, so it is never a hash value.
    SpHash h = h0 ^ h1;
    return h == -1 ? -2 : h;
}

static SpObject *ga_richcompare(SpObject *a, SpObject *b, int op) {
    if (!SP_IS_TYPE(b, &SpGenericAlias_Type) || (op != SP_EQ && op != SP_NE)) {
        SP_RETURN_NOTIMPLEMENTED;
    }
    // Equal when origin and args are: list[int] == list[int], list[int] !=
    // list[str]. A plain origin (list) is not equal to any alias of it.
    int eq = sp_object_richcompare_bool(GA(a)->origin, GA(b)->origin, SP_EQ);
    if (eq > 0) {
        eq = sp_object_richcompare_bool(GA(a)->args, GA(b)->args, SP_EQ);
    }
    if (eq < 0) {
        return NULL;
    }
    return sp_bool_from_long(op == SP_EQ ? eq : !eq);
}

// list[int]() makes a list.
static SpObject *ga_call(SpObject *op, SpObject *args, SpObject *kwargs) {
    return sp_call(GA(op)->origin, args, kwargs);
}

// Attributes not of the alias itself come from the origin (list[int].append).
// The same exception list as CPython's attr_exceptions: every other name is
// forwarded, so list[int].__name__ is 'list' and list[int].append works.
static const char *const ga_own_attrs[] = {
    "__origin__", "__args__", "__parameters__", "__mro_entries__", "__reduce_ex__",
    "__reduce__", "__copy__", "__deepcopy__", "__unpacked__", "__typing_unpacked_tuple_args__",
    "__class__", "__instancecheck__", "__subclasscheck__", NULL,
};

static SpObject *ga_getattro(SpObject *op, SpObject *name) {
    if (SP_STR_CHECK(name)) {
        int own = 0;
        for (const char *const *p = ga_own_attrs; *p != NULL; p++) {
            if (sp_str_eq_cstr(name, *p)) {
                own = 1;
                break;
            }
        }
        if (!own) {
            return sp_object_getattr(GA(op)->origin, name);
        }
    }
    return sp_object_generic_getattr(op, name);
}

// class C(list[int]) subclasses list: the alias stands for its origin.
static SpObject *ga_mro_entries(SpObject *op, SpObject *bases) {
    return sp_tuple_pack(1, GA(op)->origin);
}

// isinstance/issubclass refuse parameterized generics, as CPython.
static SpObject *ga_instancecheck(SpObject *op, SpObject *obj) {
    sp_err_set_string(&SpExc_TypeError,
                      "isinstance() argument 2 cannot be a parameterized generic");
    return NULL;
}

static SpObject *ga_subclasscheck(SpObject *op, SpObject *obj) {
    sp_err_set_string(&SpExc_TypeError,
                      "issubclass() argument 2 cannot be a parameterized generic");
    return NULL;
}

// No type variables exist here (no typing module): always ().
static SpObject *ga_parameters(SpObject *op, void *closure) { return sp_tuple_new(0); }

static SpMethodDef ga_methods[] = {
    {"__mro_entries__", SP_METH(ga_mro_entries), SP_METH_O, NULL},
    {"__instancecheck__", SP_METH(ga_instancecheck), SP_METH_O, NULL},
    {"__subclasscheck__", SP_METH(ga_subclasscheck), SP_METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static SpMemberDef ga_members[] = {
    {"__origin__", SP_T_OBJECT, offsetof(GenericAliasObject, origin), SP_READONLY, NULL},
    {"__args__", SP_T_OBJECT, offsetof(GenericAliasObject, args), SP_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static SpGetSetDef ga_getset[] = {
    {"__parameters__", ga_parameters, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static SpObject *ga_new(SpTypeObject *type, SpObject *args, SpObject *kwargs) {
    if (SP_TUPLE_SIZE(args) != 2) {
        return sp_err_format(&SpExc_TypeError, "GenericAlias expected 2 arguments, got %zd",
                             SP_TUPLE_SIZE(args));
    }
    return sp_generic_alias_new(SP_TUPLE_GET_ITEM(args, 0), SP_TUPLE_GET_ITEM(args, 1));
}

SpTypeObject SpGenericAlias_Type = {
    SP_TYPE_HEAD_INIT,
    .tp_name = "types.GenericAlias",
    .tp_basicsize = sizeof(GenericAliasObject),
    .tp_dealloc = ga_dealloc,
    .tp_repr = ga_repr,
    .tp_hash = ga_hash,
    .tp_call = ga_call,
    .tp_getattro = ga_getattro,
    .tp_flags = SP_TPFLAGS_HAVE_GC,
    .tp_doc = "Represent a PEP 585 generic type\n\nE.g. for t = list[int], t.__origin__ is list "
              "and t.__args__ is (int,).",
    .tp_traverse = ga_traverse,
    .tp_richcompare = ga_richcompare,
    .tp_methods = ga_methods,
    .tp_members = ga_members,
    .tp_getset = ga_getset,
    .tp_new = ga_new,
    .tp_free = sp_object_free,
};
