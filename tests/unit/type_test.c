// smallpy: unit tests of the type system through its C API: object, type(),
// classes made with sp_type_new_class from dicts of built-in functions, the
// MRO, attribute lookup and descriptors, slot dispatch both ways, super,
// property, __slots__, and the argument helpers. Expected texts were read
// from python3.11.
#include <stdio.h>
#include <string.h>

#include "core/abstract.h"
#include "core/err.h"
#include "core/runtime.h"
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/func.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/none.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"

static int passed, failed;

static void print_exception(void) {
    if (sp_err_occurred()) {
        SpObject *e = sp_err_fetch();
        SpObject *r = sp_object_repr(e);
        printf("  exception: %s\n", r ? sp_str_as_utf8(r, NULL) : "?");
        SP_XDECREF(r);
        SP_DECREF(e);
        sp_err_clear();
    }
}

#define CHECK(cond)                                                \
    do {                                                           \
        if (cond) {                                                \
            passed++;                                              \
        } else {                                                   \
            failed++;                                              \
            printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond); \
            print_exception();                                     \
        }                                                          \
    } while (0)

static int str_is(SpObject *s, const char *want) {
    if (s == NULL) {
        return 0;
    }
    int ok = SP_STR_CHECK(s) && sp_str_eq_cstr(s, want);
    if (!ok) {
        printf("  got %s, want %s\n", SP_STR_CHECK(s) ? sp_str_as_utf8(s, NULL) : "(non-str)",
               want);
    }
    return ok;
}

static int repr_is(SpObject *o, const char *want) {
    if (o == NULL) {
        return 0;
    }
    SpObject *r = sp_object_repr(o);
    int ok = str_is(r, want);
    SP_XDECREF(r);
    return ok;
}

// repr(o) starts with `prefix` (addresses vary).
static int repr_starts(SpObject *o, const char *prefix) {
    if (o == NULL) {
        return 0;
    }
    SpObject *r = sp_object_repr(o);
    if (r == NULL) {
        return 0;
    }
    const char *s = sp_str_as_utf8(r, NULL);
    int ok = s != NULL && strncmp(s, prefix, strlen(prefix)) == 0;
    if (!ok) {
        printf("  repr %s does not start with %s\n", s ? s : "?", prefix);
    }
    SP_DECREF(r);
    return ok;
}

// The pending exception is of type t with message msg; clears it.
static int raised(SpTypeObject *t, const char *msg) {
    SpObject *e = sp_err_fetch();
    if (e == NULL) {
        printf("  no exception raised\n");
        return 0;
    }
    int ok = SP_TYPE(e) == t;
    SpObject *s = sp_object_str(e);
    if (s == NULL) {
        sp_err_clear();
        ok = 0;
    } else {
        ok = ok && sp_str_eq_cstr(s, msg);
        if (!ok) {
            printf("  raised %s: %s; want %s: %s\n", SP_TYPE(e)->tp_name, sp_str_as_utf8(s, NULL),
                   t->tp_name, msg);
        }
        SP_DECREF(s);
    }
    SP_DECREF(e);
    return ok;
}

static SpObject *S(const char *s) { return sp_str_intern_cstr(s); }
static SpObject *I(long v) { return sp_int_from_long(v); }

static SpObject *getattr_s(SpObject *o, const char *name) {
    SpObject *n = S(name);
    SpObject *r = sp_object_getattr(o, n);
    SP_DECREF(n);
    return r;
}

// --- built-in functions used as methods of test classes --------------------

static SpObject *m_repr(SpObject *self, SpObject *unused) { return sp_str_from_cstr("<C!>"); }

// __add__(self, other): returns other + 100 for ints, NotImplemented else.
static SpObject *m_add(SpObject *self, SpObject *other) {
    if (!SP_INT_CHECK(other)) {
        SP_RETURN_NOTIMPLEMENTED;
    }
    return I(sp_int_as_long(other) + 100);
}

static SpObject *m_radd(SpObject *self, SpObject *other) {
    if (!SP_INT_CHECK(other)) {
        SP_RETURN_NOTIMPLEMENTED;
    }
    return I(sp_int_as_long(other) + 1000);
}

static SpObject *m_len(SpObject *self, SpObject *unused) { return I(7); }

static SpObject *m_eq(SpObject *self, SpObject *other) { SP_RETURN_TRUE; }

static SpObject *m_name(SpObject *self, SpObject *unused) {
    return sp_str_from_cstr(sp_object_type_name(self));
}

static SpObject *m_getattr(SpObject *self, SpObject *name) {
    SpObject *suffix = S("-dyn");
    SpObject *r = sp_str_concat(name, suffix);
    SP_DECREF(suffix);
    return r;
}

static SpObject *m_prop(SpObject *unused, SpObject *obj) {
    return sp_str_from_cstr(sp_object_type_name(obj));
}

static int init_calls;
static SpObject *m_init(SpObject *self, SpObject *const *args, ssize_t nargs, SpObject *kwnames) {
    init_calls++;
    if (nargs == 1) {
        if (sp_object_setattr_str(self, "v", args[0]) < 0) {
            return NULL;
        }
    }
    SP_RETURN_NONE;
}

static SpMethodDef m_defs[] = {
    {"__repr__", SP_METH(m_repr), SP_METH_NOARGS, NULL},
    {"__add__", SP_METH(m_add), SP_METH_O, NULL},
    {"__radd__", SP_METH(m_radd), SP_METH_O, NULL},
    {"__len__", SP_METH(m_len), SP_METH_NOARGS, NULL},
    {"__eq__", SP_METH(m_eq), SP_METH_O, NULL},
    {"name", SP_METH(m_name), SP_METH_NOARGS, NULL},
    {"__getattr__", SP_METH(m_getattr), SP_METH_O, NULL},
    {"__init__", SP_METH(m_init), SP_METH_FASTCALL, NULL},
    {"prop_get", SP_METH(m_prop), SP_METH_O, NULL},
};

// A method descriptor on `object`, so it binds to instances of any class.
static SpObject *method(int i) { return sp_descr_new_method(&SpBaseObject_Type, &m_defs[i]); }

static SpObject *make_class(const char *name, SpObject *bases, SpObject *dict) {
    SpObject *n = sp_str_from_cstr(name);
    SpObject *b = bases != NULL ? sp_newref(bases) : sp_tuple_new(0);
    SpObject *c = sp_type_new_class(&SpType_Type, n, b, dict);
    SP_DECREF(n);
    SP_DECREF(b);
    return c;
}

static void dict_put(SpObject *d, const char *k, SpObject *v) {
    sp_dict_setitem_str(d, k, v);
    SP_DECREF(v);
}

// ===========================================================================

static void test_object(void) {
    SpObject *o = sp_call_noargs((SpObject *)&SpBaseObject_Type);
    CHECK(repr_starts(o, "<object object at 0x"));
    CHECK(sp_object_hash(o) != -1);
    SpObject *args = sp_tuple_pack(1, I(1));
    CHECK(sp_call((SpObject *)&SpBaseObject_Type, args, NULL) == NULL &&
          raised(&SpExc_TypeError, "object() takes no arguments"));
    SP_DECREF(args);
    CHECK(sp_object_setattr_str(o, "x", sp_None) < 0 &&
          raised(&SpExc_AttributeError, "'object' object has no attribute 'x'"));
    CHECK(getattr_s(o, "x") == NULL &&
          raised(&SpExc_AttributeError, "'object' object has no attribute 'x'"));
    SpObject *cls = getattr_s(o, "__class__");
    CHECK(cls == (SpObject *)&SpBaseObject_Type);
    SP_XDECREF(cls);
    SpObject *t = sp_call_one_arg((SpObject *)&SpType_Type, o);
    CHECK(t == (SpObject *)&SpBaseObject_Type);
    SP_XDECREF(t);
    CHECK(repr_is((SpObject *)&SpType_Type, "<class 'type'>"));
    CHECK(repr_is((SpObject *)&SpInt_Type, "<class 'int'>"));
    SpObject *f = sp_object_format(o, S("x"));
    CHECK(f == NULL &&
          raised(&SpExc_TypeError, "unsupported format string passed to object.__format__"));
    CHECK(sp_object_richcompare_bool(o, o, SP_EQ) == 1);
    SpObject *r = sp_object_richcompare(o, I(1), SP_LT);
    CHECK(r == NULL &&
          raised(&SpExc_TypeError, "'<' not supported between instances of 'object' and 'int'"));
    CHECK(sp_object_is_true(o) == 1);
    CHECK(sp_object_is_true(sp_None) == 0);
    CHECK(repr_is(sp_None, "None") && repr_is(sp_NotImplemented, "NotImplemented") &&
          repr_is(sp_Ellipsis, "Ellipsis"));
    SpObject *none2 = sp_call_noargs((SpObject *)&SpNone_Type);
    CHECK(none2 == sp_None);
    SP_XDECREF(none2);
    SpObject *l = sp_list_new(0);
    CHECK(sp_object_hash(l) == -1 && raised(&SpExc_TypeError, "unhashable type: 'list'"));
    SpObject *append = getattr_s(l, "append");
    CHECK(repr_starts(append, "<built-in method append of list object at 0x"));
    SpObject *res = append != NULL ? sp_call_noargs(append) : NULL;
    CHECK(res == NULL &&
          raised(&SpExc_TypeError, "list.append() takes exactly one argument (0 given)"));
    SP_XDECREF(append);
    SpObject *ldescr = getattr_s((SpObject *)&SpList_Type, "append");
    CHECK(repr_is(ldescr, "<method 'append' of 'list' objects>"));
    res = ldescr != NULL ? sp_call_two_args(ldescr, I(1), I(2)) : NULL;
    CHECK(res == NULL && raised(&SpExc_TypeError, "descriptor 'append' for 'list' objects doesn't "
                                                  "apply to a 'int' object"));
    res = ldescr != NULL ? sp_call_two_args(ldescr, l, I(2)) : NULL;
    CHECK(res == sp_None && SP_LIST_SIZE(l) == 1);
    SP_XDECREF(res);
    SP_XDECREF(ldescr);
    SP_DECREF(l);
    SpObject *add = getattr_s((SpObject *)&SpInt_Type, "__add__");
    CHECK(repr_is(add, "<slot wrapper '__add__' of 'int' objects>"));
    res = add != NULL ? sp_call_two_args(add, I(2), I(3)) : NULL;
    CHECK(res != NULL && sp_int_as_long(res) == 5);
    SP_XDECREF(res);
    res = add != NULL ? sp_call_one_arg(add, I(2)) : NULL;
    CHECK(res == NULL && raised(&SpExc_TypeError, "expected 1 argument, got 0"));
    SP_XDECREF(add);
    SpObject *five = I(5);
    SpObject *badd = getattr_s(five, "__add__");
    CHECK(repr_starts(badd, "<method-wrapper '__add__' of int object at 0x"));
    res = badd != NULL ? sp_call_one_arg(badd, I(3)) : NULL;
    CHECK(res != NULL && sp_int_as_long(res) == 8);
    SP_XDECREF(res);
    SP_XDECREF(badd);
    SpObject *h = getattr_s((SpObject *)&SpList_Type, "__hash__");
    CHECK(h == sp_None);
    SP_XDECREF(h);
    SpObject *ini = getattr_s((SpObject *)&SpBaseObject_Type, "__init__");
    res = ini != NULL ? sp_call_noargs(ini) : NULL;
    CHECK(res == NULL && raised(&SpExc_TypeError,
                                "descriptor '__init__' of 'object' object needs an argument"));
    SP_XDECREF(ini);
    SP_DECREF(o);
}

static void test_classes(void) {
    SpObject *d = sp_dict_new();
    dict_put(d, "__repr__", method(0));
    dict_put(d, "__add__", method(1));
    dict_put(d, "__radd__", method(2));
    dict_put(d, "__len__", method(3));
    dict_put(d, "name", method(5));
    dict_put(d, "x", I(42));
    dict_put(d, "__module__", sp_str_from_cstr("__main__"));
    SpObject *C = make_class("C", NULL, d);
    SP_DECREF(d);
    CHECK(C != NULL);
    if (C == NULL) {
        return;
    }
    CHECK(repr_is(C, "<class '__main__.C'>"));
    CHECK(repr_is(getattr_s(C, "__mro__"), "(<class '__main__.C'>, <class 'object'>)"));
    SpObject *c = sp_call_noargs(C);
    CHECK(c != NULL && repr_is(c, "<C!>"));
    CHECK(sp_object_length(c) == 7);
    SpTypeObject *ct = (SpTypeObject *)C;
    SpObject *r = ct->tp_as_number->nb_add(c, I(1));
    CHECK(r != NULL && sp_int_as_long(r) == 101);
    SP_XDECREF(r);
    r = ct->tp_as_number->nb_add(I(1), c);
    CHECK(r != NULL && sp_int_as_long(r) == 1001);
    SP_XDECREF(r);
    CHECK(repr_is(getattr_s(c, "x"), "42"));
    CHECK(sp_object_setattr_str(c, "y", I(9)) == 0);
    CHECK(repr_is(getattr_s(c, "y"), "9"));
    CHECK(repr_is(getattr_s(c, "__dict__"), "{'y': 9}"));
    CHECK(getattr_s(c, "zz") == NULL &&
          raised(&SpExc_AttributeError, "'C' object has no attribute 'zz'"));
    SpObject *meth;
    SpObject *nm = S("name");
    CHECK(sp_object_get_method(c, nm, &meth) == 1 && SP_TYPE(meth) == &SpMethodDescr_Type);
    SP_XDECREF(meth);
    r = sp_call_method(c, nm, NULL, 0);
    CHECK(str_is(r, "C"));
    SP_XDECREF(r);
    SP_DECREF(nm);
    CHECK(sp_object_hash(c) != -1);
    CHECK(repr_starts(getattr_s(C, "__dict__"), "mappingproxy({"));
    CHECK(repr_is(getattr_s(C, "__doc__"), "None"));
    CHECK(repr_is(getattr_s(C, "__name__"), "'C'"));
    CHECK(repr_is(getattr_s(C, "__qualname__"), "'C'"));
    CHECK(repr_is(getattr_s(C, "__module__"), "'__main__'"));
    CHECK(repr_is(getattr_s(C, "__base__"), "<class 'object'>"));
    SpObject *args = sp_tuple_pack(1, I(1));
    CHECK(sp_call(C, args, NULL) == NULL && raised(&SpExc_TypeError, "C() takes no arguments"));
    SP_DECREF(args);
    // Class attribute assignment updates the slots.
    SpObject *eq = method(4);
    CHECK(sp_object_setattr_str(C, "__eq__", eq) == 0);
    SP_DECREF(eq);
    CHECK(sp_object_richcompare_bool(c, I(3), SP_EQ) == 1);
    CHECK(sp_object_setattr_str((SpObject *)&SpInt_Type, "x", I(1)) < 0 &&
          raised(&SpExc_TypeError, "cannot set 'x' attribute of immutable type 'int'"));
    // __getattr__ fallback.
    SpObject *ga = method(6);
    CHECK(sp_object_setattr_str(C, "__getattr__", ga) == 0);
    SP_DECREF(ga);
    CHECK(str_is(getattr_s(c, "nothing"), "nothing-dyn"));
    CHECK(repr_is(getattr_s(c, "x"), "42"));
    // __init__ with arguments, through the class's vectorcall.
    SpObject *ini = method(7);
    CHECK(sp_object_setattr_str(C, "__init__", ini) == 0);
    SP_DECREF(ini);
    SpObject *c2 = sp_call_one_arg(C, I(77));
    CHECK(c2 != NULL && init_calls == 1 && repr_is(getattr_s(c2, "v"), "77"));
    SP_XDECREF(c2);
    SP_XDECREF(c);
    SP_DECREF(C);
}

static void test_mro(void) {
    SpObject *d = sp_dict_new();
    SpObject *A = make_class("A", NULL, d);
    SpObject *bases = sp_tuple_pack(1, A);
    SpObject *B = make_class("B", bases, d);
    SpObject *C = make_class("C", bases, d);
    SP_DECREF(bases);
    bases = sp_tuple_pack(2, B, C);
    SpObject *D = make_class("D", bases, d);
    SP_DECREF(bases);
    CHECK(D != NULL);
    CHECK(repr_is(getattr_s(D, "__mro__"),
                  "(<class 'D'>, <class 'B'>, <class 'C'>, <class 'A'>, <class 'object'>)"));
    bases = sp_tuple_pack(2, A, B);
    CHECK(make_class("E", bases, d) == NULL &&
          raised(&SpExc_TypeError, "Cannot create a consistent method resolution\norder (MRO) "
                                   "for bases A, B"));
    SP_DECREF(bases);
    bases = sp_tuple_pack(2, A, A);
    CHECK(make_class("E", bases, d) == NULL && raised(&SpExc_TypeError, "duplicate base class A"));
    SP_DECREF(bases);
    bases = sp_tuple_pack(1, (SpObject *)&SpBool_Type);
    CHECK(make_class("E", bases, d) == NULL &&
          raised(&SpExc_TypeError, "type 'bool' is not an acceptable base type"));
    SP_DECREF(bases);
    SpObject *subs = sp_call_method_str(A, "__subclasses__", NULL, 0);
    CHECK(repr_is(subs, "[<class 'B'>, <class 'C'>]"));
    SP_XDECREF(subs);
    // super(B, d).name resolves in C, the next class in D's MRO after B.
    SpObject *nm = method(5);
    CHECK(sp_object_setattr_str(C, "name", nm) == 0);
    SP_DECREF(nm);
    SpObject *inst = sp_call_noargs(D);
    SpObject *sargs[2] = {B, inst};
    SpObject *sup = sp_vectorcall((SpObject *)&SpSuper_Type, sargs, 2, NULL);
    CHECK(repr_is(sup, "<super: <class 'B'>, <D object>>"));
    SpObject *m = sup != NULL ? getattr_s(sup, "name") : NULL;
    SpObject *r = m != NULL ? sp_call_noargs(m) : NULL;
    CHECK(str_is(r, "D"));
    SP_XDECREF(r);
    SP_XDECREF(m);
    SP_XDECREF(sup);
    sargs[0] = C;
    sup = sp_vectorcall((SpObject *)&SpSuper_Type, sargs, 2, NULL);
    CHECK(sup != NULL && getattr_s(sup, "name") == NULL &&
          raised(&SpExc_AttributeError, "'super' object has no attribute 'name'"));
    SP_XDECREF(sup);
    sargs[1] = I(1);
    CHECK(sp_vectorcall((SpObject *)&SpSuper_Type, sargs, 2, NULL) == NULL &&
          raised(&SpExc_TypeError, "super(type, obj): obj must be an instance or subtype of type"));
    SP_XDECREF(inst);
    SP_DECREF(d);
}

static void test_builtin_subclass(void) {
    SpObject *d = sp_dict_new();
    dict_put(d, "__module__", sp_str_from_cstr("m"));
    SpObject *bases = sp_tuple_pack(1, (SpObject *)&SpInt_Type);
    SpObject *I2 = make_class("I2", bases, d);
    SP_DECREF(bases);
    CHECK(I2 != NULL);
    if (I2 == NULL) {
        return;
    }
    SpTypeObject *t = (SpTypeObject *)I2;
    CHECK(t->tp_as_number->nb_add == SpInt_Type.tp_as_number->nb_add);
    CHECK(t->tp_hash == SpInt_Type.tp_hash);
    CHECK(t->tp_dictoffset < 0 && sp_type_has_flag(t, SP_TPFLAGS_LONG_SUBCLASS));
    SpObject *v = sp_call_one_arg(I2, I(12345678));
    CHECK(v != NULL && SP_TYPE(v) == t);
    if (v != NULL) {
        CHECK(sp_object_setattr_str(v, "tag", I(5)) == 0);
        CHECK(repr_is(getattr_s(v, "tag"), "5"));
        CHECK(repr_is(v, "12345678"));
        SP_DECREF(v);
    }
    bases = sp_tuple_pack(1, (SpObject *)&SpList_Type);
    SpObject *L = make_class("L", bases, d);
    SP_DECREF(bases);
    SpObject *l = L != NULL ? sp_call_noargs(L) : NULL;
    CHECK(l != NULL && SP_LIST_CHECK(l));
    if (l != NULL) {
        SpObject *r = sp_call_method_str(l, "append", &d, 1);
        SP_XDECREF(r);
        CHECK(SP_LIST_SIZE(l) == 1);
        CHECK(sp_object_setattr_str(l, "a", I(1)) == 0);
        CHECK(sp_object_hash(l) == -1 && raised(&SpExc_TypeError, "unhashable type: 'L'"));
        SP_DECREF(l);
    }
    SP_XDECREF(L);
    SP_DECREF(d);
}

static void test_descriptors(void) {
    SpObject *get = sp_cfunction_new(&m_defs[8], NULL, NULL);
    SpObject *prop = sp_call_one_arg((SpObject *)&SpProperty_Type, get);
    CHECK(prop != NULL);
    SpObject *d = sp_dict_new();
    dict_put(d, "p", prop);
    dict_put(d, "__slots__", sp_tuple_pack(1, S("a")));
    SpObject *C = make_class("P", NULL, d);
    SP_DECREF(d);
    SpObject *c = C != NULL ? sp_call_noargs(C) : NULL;
    CHECK(c != NULL);
    if (c != NULL) {
        CHECK(str_is(getattr_s(c, "p"), "P"));
        CHECK(sp_object_setattr_str(c, "p", I(1)) < 0 &&
              raised(&SpExc_AttributeError, "property 'p' of 'P' object has no setter"));
        CHECK(getattr_s(c, "a") == NULL &&
              raised(&SpExc_AttributeError, "'P' object has no attribute 'a'"));
        CHECK(sp_object_setattr_str(c, "a", I(3)) == 0 && repr_is(getattr_s(c, "a"), "3"));
        CHECK(sp_object_setattr_str(c, "b", I(3)) < 0 &&
              raised(&SpExc_AttributeError, "'P' object has no attribute 'b'"));
        CHECK(repr_is(getattr_s(C, "a"), "<member 'a' of 'P' objects>"));
        SP_DECREF(c);
    }
    SP_XDECREF(C);
    SP_DECREF(get);
    SpObject *sm = sp_staticmethod_new((SpObject *)&SpInt_Type);
    CHECK(repr_is(sm, "<staticmethod(<class 'int'>)>"));
    SP_XDECREF(sm);
    SpObject *fk = getattr_s((SpObject *)&SpDict_Type, "fromkeys");
    CHECK(repr_starts(fk, "<built-in method fromkeys of type object at 0x"));
    SP_XDECREF(fk);
}

static void test_args(void) {
    CHECK(!sp_arg_check_positional("sorted", 0, 1, 1) &&
          raised(&SpExc_TypeError, "sorted expected 1 argument, got 0"));
    SpObject *kw = sp_tuple_pack(1, S("x"));
    CHECK(!sp_arg_no_kwnames("len", kw) &&
          raised(&SpExc_TypeError, "len() takes no keyword arguments"));
    static const char *const names[] = {"bytes", "byteorder", "$signed", NULL};
    SpObject *out[3];
    SpObject *args[3] = {I(1), I(2), I(3)};
    CHECK(sp_arg_parse_kw("from_bytes", args, 0, NULL, names, out, 1) < 0 &&
          raised(&SpExc_TypeError, "from_bytes() missing required argument 'bytes' (pos 1)"));
    CHECK(sp_arg_parse_kw("from_bytes", args, 2, kw, names, out, 1) < 0 &&
          raised(&SpExc_TypeError, "'x' is an invalid keyword argument for from_bytes()"));
    SP_DECREF(kw);
    kw = sp_tuple_pack(1, S("byteorder"));
    CHECK(sp_arg_parse_kw("from_bytes", args, 2, kw, names, out, 1) < 0 &&
          raised(&SpExc_TypeError, "argument for from_bytes() given by name ('byteorder') and "
                                   "position (2)"));
    SP_DECREF(kw);
    kw = sp_tuple_pack(1, S("signed"));
    CHECK(sp_arg_parse_kw("from_bytes", args, 2, kw, names, out, 1) == 0 && out[2] == args[2]);
    CHECK(sp_arg_parse_kw("from_bytes", args, 3, NULL, names, out, 1) < 0 &&
          raised(&SpExc_TypeError, "from_bytes() takes at most 2 positional arguments (3 given)"));
    SP_DECREF(kw);
}

int main(int argc, char **argv) {
    if (sp_runtime_init(argc, argv) < 0) {
        printf("runtime init failed\n0 passed, 1 failed\n");
        return 1;
    }
    test_object();
    test_classes();
    test_mro();
    test_builtin_subclass();
    test_descriptors();
    test_args();
    printf("%d passed, %d failed\n", passed, failed);
    return failed != 0;
}
