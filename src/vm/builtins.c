// smallpy: the builtins module: every built-in function (print, len, max,
// isinstance, exec, ...), the built-in types and exceptions, and the
// constants. Counterpart: CPython 3.11 Python/bltinmodule.c.
#include <stdint.h>
#include <string.h>

#include "compiler/compiler.h"
#include "core/abstract.h"
#include "core/err.h"
#include "core/mem.h"
#include "modules/sys.h"
#include "objects/bytes.h"
#include "objects/code.h"
#include "objects/cont.h"
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/float.h"
#include "objects/func.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/none.h"
#include "objects/range.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "vm/vm.h"

// ---------------------------------------------------------------------------
// Small helpers

// Attribute names must be str: "attribute name must be string, not 'int'".
static int check_attr_name(SpObject *name) {
    if (!SP_STR_CHECK(name)) {
        sp_err_format(&SpExc_TypeError, "attribute name must be string, not '%.200s'",
                      sp_object_type_name(name));
        return 0;
    }
    return 1;
}

// ---------------------------------------------------------------------------
// Functions of one argument

// Functions of one argument are SP_METH_O: the calling convention checks the argument count ("abs()
// takes exactly one argument (0 given)").
static SpObject *builtin_abs(SpObject *self, SpObject *x) { return sp_number_absolute(x); }

// all() and any(): stop at the first item whose truth is `stop_on`.
static SpObject *all_any(SpObject *iterable, int stop_on) {
    SpObject *it = sp_object_get_iter(iterable);
    if (it == NULL) {
        return NULL;
    }
    // The slot is fetched once: calling it directly skips sp_iter_next's checks
    // on every item, as CPython's builtin_all does.
    SpIterNextFunc next = SP_TYPE(it)->tp_iternext;
    for (;;) {
        SpObject *item = next(it);
        if (item == NULL) {
            break;
        }
        int ok = sp_object_is_true(item);
        SP_DECREF(item);
        if (ok < 0) {
            SP_DECREF(it);
            return NULL;
        }
        if (ok == stop_on) {
            SP_DECREF(it);
            return sp_bool_from_long(stop_on);
        }
    }
    SP_DECREF(it);
    // A NULL from tp_iternext is either quiet exhaustion or a real error; a
    // StopIteration raised by hand is also taken as the end.
    if (sp_err_occurred()) {
        if (!sp_err_matches_type(&SpExc_StopIteration)) {
            return NULL;
        }
        sp_err_clear();
    }
    return sp_bool_from_long(!stop_on);
}

static SpObject *builtin_all(SpObject *self, SpObject *iterable) { return all_any(iterable, 0); }
static SpObject *builtin_any(SpObject *self, SpObject *iterable) { return all_any(iterable, 1); }

static SpObject *builtin_ascii(SpObject *self, SpObject *o) { return sp_object_ascii(o); }

// bin/oct/hex accept anything with __index__.
static SpObject *format_base(SpObject *x, int base) {
    SpObject *n = sp_number_index(x);
    if (n == NULL) {
        return NULL;
    }
    SpObject *r = sp_int_format_base(n, base);
    SP_DECREF(n);
    return r;
}

static SpObject *builtin_bin(SpObject *self, SpObject *x) { return format_base(x, 2); }
static SpObject *builtin_oct(SpObject *self, SpObject *x) { return format_base(x, 8); }
static SpObject *builtin_hex(SpObject *self, SpObject *x) { return format_base(x, 16); }

static SpObject *builtin_callable(SpObject *self, SpObject *o) {
    return sp_bool_from_long(sp_callable_check(o));
}

// chr(i): values outside a C int overflow first (CPython converts to int before the range check),
// the rest outside 0..0x10FFFF is a ValueError.
static SpObject *builtin_chr(SpObject *self, SpObject *x) {
    SpObject *n = sp_number_index(x);
    if (n == NULL) {
        return NULL;
    }
    int overflow;
    long v = sp_int_as_long_and_overflow(n, &overflow);
    SP_DECREF(n);
    if (overflow || v > INT32_MAX || v < INT32_MIN) {
        sp_err_set_string(&SpExc_OverflowError, "Python int too large to convert to C int");
        return NULL;
    }
    if (v < 0 || v > 0x10ffff) {
        sp_err_set_string(&SpExc_ValueError, "chr() arg not in range(0x110000)");
        return NULL;
    }
    return sp_str_from_ordinal((SpUCS4)v);
}

static SpObject *builtin_hash(SpObject *self, SpObject *o) {
    SpHash h = sp_object_hash(o);
    if (h == -1) {
        return NULL;
    }
    return sp_int_from_ssize(h);
}

// id(o) is the object's address, as in CPython.
static SpObject *builtin_id(SpObject *self, SpObject *o) {
    return sp_int_from_ulong_long((unsigned long long)(uintptr_t)o);
}

static SpObject *builtin_len(SpObject *self, SpObject *o) {
    ssize_t n = sp_object_length(o);
    if (n < 0) {
        return NULL;
    }
    return sp_int_from_ssize(n);
}

static SpObject *builtin_repr(SpObject *self, SpObject *o) { return sp_object_repr(o); }

// ord(c) for str, bytes and bytearray of length 1.
static SpObject *builtin_ord(SpObject *self, SpObject *c) {
    ssize_t size;
    if (SP_STR_CHECK(c)) {
        size = SP_STR_LENGTH(c);
        if (size == 1) {
            return sp_int_from_long((long)SP_STR_READ_CHAR(c, 0));
        }
    } else if (SP_BYTES_CHECK(c)) {
        size = SP_BYTES_SIZE(c);
        if (size == 1) {
            return sp_int_from_long((unsigned char)SP_BYTES_DATA(c)[0]);
        }
    } else if (SP_BYTEARRAY_CHECK(c)) {
        size = SP_BYTEARRAY_SIZE(c);
        if (size == 1) {
            return sp_int_from_long((unsigned char)SP_BYTEARRAY_DATA(c)[0]);
        }
    } else {
        return sp_err_format(&SpExc_TypeError,
                             "ord() expected string of length 1, but %.200s found",
                             sp_object_type_name(c));
    }
    return sp_err_format(&SpExc_TypeError,
                         "ord() expected a character, but string of length %zd found", size);
}

// globals() and locals() of the calling Python frame (a C function has no frame of its own).
static SpObject *builtin_globals(SpObject *self, SpObject *unused) {
    SpObject *g = sp_vm_current_globals_borrow();
    if (g == NULL) {
        SP_RETURN_NONE;
    }
    return sp_newref(g);
}

static SpObject *builtin_locals(SpObject *self, SpObject *unused) {
    return sp_vm_current_locals();
}

// ---------------------------------------------------------------------------
// Attributes

// getattr(obj, name[, default]): with a default only AttributeError is swallowed (lookup_attr
// reports "missing" without raising).
static SpObject *builtin_getattr(SpObject *self, SpObject *const *args, ssize_t nargs,
                                 SpObject *kwnames) {
    if (!sp_arg_no_kwnames("getattr", kwnames) ||
        !sp_arg_check_positional("getattr", nargs, 2, 3)) {
        return NULL;
    }
    if (!check_attr_name(args[1])) {
        return NULL;
    }
    if (nargs == 3) {
        SpObject *r = sp_object_lookup_attr(args[0], args[1]);
        if (r == NULL && !sp_err_occurred()) {
            return sp_newref(args[2]);
        }
        return r;
    }
    return sp_object_getattr(args[0], args[1]);
}

static SpObject *builtin_setattr(SpObject *self, SpObject *const *args, ssize_t nargs,
                                 SpObject *kwnames) {
    if (!sp_arg_no_kwnames("setattr", kwnames) ||
        !sp_arg_check_positional("setattr", nargs, 3, 3)) {
        return NULL;
    }
    if (!check_attr_name(args[1]) || sp_object_setattr(args[0], args[1], args[2]) < 0) {
        return NULL;
    }
    SP_RETURN_NONE;
}

static SpObject *builtin_delattr(SpObject *self, SpObject *const *args, ssize_t nargs,
                                 SpObject *kwnames) {
    if (!sp_arg_no_kwnames("delattr", kwnames) ||
        !sp_arg_check_positional("delattr", nargs, 2, 2)) {
        return NULL;
    }
    if (!check_attr_name(args[1]) || sp_object_setattr(args[0], args[1], NULL) < 0) {
        return NULL;
    }
    SP_RETURN_NONE;
}

// hasattr: True unless the lookup raised AttributeError; other errors propagate (Python 3
// semantics).
static SpObject *builtin_hasattr(SpObject *self, SpObject *const *args, ssize_t nargs,
                                 SpObject *kwnames) {
    if (!sp_arg_no_kwnames("hasattr", kwnames) ||
        !sp_arg_check_positional("hasattr", nargs, 2, 2)) {
        return NULL;
    }
    if (!check_attr_name(args[1])) {
        return NULL;
    }
    SpObject *r = sp_object_lookup_attr(args[0], args[1]);
    if (r == NULL) {
        return sp_err_occurred() ? NULL : sp_newref(sp_False);
    }
    SP_DECREF(r);
    SP_RETURN_TRUE;
}

static SpObject *builtin_dir(SpObject *self, SpObject *const *args, ssize_t nargs,
                             SpObject *kwnames) {
    if (!sp_arg_no_kwnames("dir", kwnames) || !sp_arg_check_positional("dir", nargs, 0, 1)) {
        return NULL;
    }
    if (nargs == 1) {
        return sp_object_dir(args[0]);
    }
    // dir(): the sorted names of the current local scope.
    SpObject *locals = sp_vm_current_locals();
    if (locals == NULL) {
        return NULL;
    }
    SpObject *names;
    if (SP_DICT_CHECK(locals)) {
        names = sp_dict_keys(locals);
    } else {
        SpObject *keys = sp_call_method(locals, sp_id(keys), NULL, 0);
        names = keys != NULL ? sp_sequence_list(keys) : NULL;
        SP_XDECREF(keys);
    }
    SP_DECREF(locals);
    if (names == NULL) {
        return NULL;
    }
    if (sp_list_sort(names, NULL, 0) < 0) {
        SP_DECREF(names);
        return NULL;
    }
    return names;
}

// vars() is locals(); vars(obj) is obj.__dict__.
static SpObject *builtin_vars(SpObject *self, SpObject *const *args, ssize_t nargs,
                              SpObject *kwnames) {
    if (!sp_arg_no_kwnames("vars", kwnames) || !sp_arg_check_positional("vars", nargs, 0, 1)) {
        return NULL;
    }
    if (nargs == 0) {
        return sp_vm_current_locals();
    }
    SpObject *d = sp_object_lookup_attr(args[0], sp_id(__dict__));
    if (d == NULL && !sp_err_occurred()) {
        sp_err_set_string(&SpExc_TypeError, "vars() argument must have __dict__ attribute");
    }
    return d;
}

// ---------------------------------------------------------------------------
// Numbers

static SpObject *builtin_divmod(SpObject *self, SpObject *const *args, ssize_t nargs,
                                SpObject *kwnames) {
    if (!sp_arg_no_kwnames("divmod", kwnames) ||
        !sp_arg_check_positional("divmod", nargs, 2, 2)) {
        return NULL;
    }
    return sp_number_divmod(args[0], args[1]);
}

// pow(base, exp, mod=None); all three may be passed by keyword.
static SpObject *builtin_pow(SpObject *self, SpObject *const *args, ssize_t nargs,
                             SpObject *kwnames) {
    static const char *const names[] = {"base", "exp", "mod", NULL};
    SpObject *out[3];
    if (sp_arg_parse_kw("pow", args, nargs, kwnames, names, out, 2) < 0) {
        return NULL;
    }
    return sp_number_power(out[0], out[1], out[2] != NULL ? out[2] : sp_None);
}

// round(number, ndigits=None) calls type(number).__round__, with no argument when ndigits is None
// (so round(2.5) is the int 2).
static SpObject *builtin_round(SpObject *self, SpObject *const *args, ssize_t nargs,
                               SpObject *kwnames) {
    static const char *const names[] = {"number", "ndigits", NULL};
    SpObject *out[2];
    if (sp_arg_parse_kw("round", args, nargs, kwnames, names, out, 1) < 0) {
        return NULL;
    }
    SpObject *number = out[0], *ndigits = out[1];
    if (sp_type_lookup_borrow(SP_TYPE(number), sp_id(__round__)) == NULL) {
        return sp_err_format(&SpExc_TypeError, "type %.100s doesn't define __round__ method",
                             SP_TYPE(number)->tp_name);
    }
    int found;
    if (ndigits == NULL || ndigits == sp_None) {
        return sp_call_special(number, sp_id(__round__), NULL, 0, &found);
    }
    return sp_call_special(number, sp_id(__round__), &ndigits, 1, &found);
}

// sum(iterable, /, start=0) with CPython's fast paths: a C long accumulator
// while the items are ints that do not overflow, then a double while they
// are floats, then generic addition.
static SpObject *builtin_sum(SpObject *self, SpObject *const *args, ssize_t nargs,
                             SpObject *kwnames) {
    static const char *const names[] = {"", "start", NULL};
    SpObject *out[2];
    if (sp_arg_parse_kw("sum", args, nargs, kwnames, names, out, 1) < 0) {
        return NULL;
    }
    SpObject *result = out[1];
    if (result == NULL) {
        result = sp_int_from_long(0);
        if (result == NULL) {
            return NULL;
        }
    } else {
        // CPython rejects these start values up front (whatever the items are),
        // because repeated + on them would be quadratic.
        if (SP_STR_CHECK(result)) {
            sp_err_set_string(&SpExc_TypeError,
                              "sum() can't sum strings [use ''.join(seq) instead]");
            return NULL;
        }
        if (SP_BYTES_CHECK(result)) {
            sp_err_set_string(&SpExc_TypeError,
                              "sum() can't sum bytes [use b''.join(seq) instead]");
            return NULL;
        }
        if (SP_BYTEARRAY_CHECK(result)) {
            sp_err_set_string(&SpExc_TypeError,
                              "sum() can't sum bytearray [use b''.join(seq) instead]");
            return NULL;
        }
        SP_INCREF(result);
    }
    SpObject *it = sp_object_get_iter(out[0]);
    if (it == NULL) {
        SP_DECREF(result);
        return NULL;
    }
    SpObject *item;
    // Fast path 1: while start and items are exact ints (or bools) that fit a C
    // long, add in a machine word. result == NULL means "the sum is in acc".
    if (SP_INT_CHECK_EXACT(result)) {
        int overflow;
        long acc = sp_int_as_long_and_overflow(result, &overflow);
        if (!overflow) {
            SP_CLEAR(result);
        }
        while (result == NULL) {
            item = sp_iter_next(it);
            if (item == NULL) {
                SP_DECREF(it);
                return sp_err_occurred() ? NULL : sp_int_from_long(acc);
            }
            if (SP_INT_CHECK_EXACT(item) || SP_BOOL_CHECK(item)) {
                long b;
                if (SP_INT_IS_COMPACT(item)) {
                    b = sp_int_compact_value(item);
                    overflow = 0;
                } else {
                    b = sp_int_as_long_and_overflow(item, &overflow);
                }
                // Overflow test without overflowing: compare against the room left.
                if (!overflow && (acc >= 0 ? b <= LONG_MAX - acc : b >= LONG_MIN - acc)) {
                    acc += b;
                    SP_DECREF(item);
                    continue;
                }
            }
            // Overflow or not an int: back to objects.
            result = sp_int_from_long(acc);
            if (result != NULL) {
                SP_SETREF(result, sp_number_add(result, item));
            }
            SP_DECREF(item);
            if (result == NULL) {
                SP_DECREF(it);
                return NULL;
            }
        }
    }
    // Fast path 2: exact floats, plus ints that fit a long, summed in a double.
    // This is CPython 3.11's plain left-to-right addition (not fsum and not the
    // Neumaier compensation 3.12 added), so results match 3.11 bit for bit.
    if (SP_FLOAT_CHECK_EXACT(result)) {
        double acc = SP_FLOAT_VALUE(result);
        SP_CLEAR(result);
        while (result == NULL) {
            item = sp_iter_next(it);
            if (item == NULL) {
                SP_DECREF(it);
                return sp_err_occurred() ? NULL : sp_float_from_double(acc);
            }
            if (SP_FLOAT_CHECK_EXACT(item)) {
                acc += SP_FLOAT_VALUE(item);
                SP_DECREF(item);
                continue;
            }
            if (SP_INT_CHECK(item)) {
                int overflow;
                long v = sp_int_as_long_and_overflow(item, &overflow);
                if (!overflow) {
                    acc += (double)v;
                    SP_DECREF(item);
                    continue;
                }
            }
            result = sp_float_from_double(acc);
            if (result != NULL) {
                SP_SETREF(result, sp_number_add(result, item));
            }
            SP_DECREF(item);
            if (result == NULL) {
                SP_DECREF(it);
                return NULL;
            }
        }
    }
    // Generic path: result + item through the number protocol, so __add__ and
    // __radd__ of any type take part.
    while ((item = sp_iter_next(it)) != NULL) {
        SP_SETREF(result, sp_number_add(result, item));
        SP_DECREF(item);
        if (result == NULL) {
            SP_DECREF(it);
            return NULL;
        }
    }
    SP_DECREF(it);
    if (sp_err_occurred()) {
        SP_DECREF(result);
        return NULL;
    }
    return result;
}

// ---------------------------------------------------------------------------
// min, max, sorted

// min() and max(): one iterable or several arguments; key= and default= are keyword-only. The first
// of equal extremes wins (strict comparison).
static SpObject *min_max(SpObject *const *args, ssize_t nargs, SpObject *kwnames, int op) {
    const char *name = op == SP_LT ? "min" : "max";
    if (nargs == 0) {
        return sp_err_format(&SpExc_TypeError, "%s expected at least 1 argument, got 0", name);
    }
    // "$" marks keyword-only names; the keywords follow the positionals in args.
    static const char *const names[] = {"$key", "$default", NULL};
    SpObject *kw[2] = {NULL, NULL};
    if (kwnames != NULL && sp_arg_parse_kw(name, args + nargs, 0, kwnames, names, kw, 0) < 0) {
        return NULL;
    }
    SpObject *keyfunc = kw[0], *defaultval = kw[1];
    // max(a, b, ...) compares the arguments; max(iterable) iterates.
    int positional = nargs > 1;
    if (positional && defaultval != NULL) {
        return sp_err_format(&SpExc_TypeError,
                             "Cannot specify a default for %s() with multiple positional "
                             "arguments",
                             name);
    }
    if (keyfunc == sp_None) {
        keyfunc = NULL;
    }
    SpObject *it = NULL;
    ssize_t pos = 0;
    if (!positional) {
        it = sp_object_get_iter(args[0]);
        if (it == NULL) {
            return NULL;
        }
    }
    SpObject *maxitem = NULL, *maxval = NULL;
    for (;;) {
        SpObject *item;
        if (positional) {
            if (pos >= nargs) {
                break;
            }
            item = sp_newref(args[pos++]);
        } else {
            item = sp_iter_next(it);
            if (item == NULL) {
                if (sp_err_occurred()) {
                    goto fail;
                }
                break;
            }
        }
        SpObject *val;
        if (keyfunc != NULL) {
            val = sp_call_one_arg(keyfunc, item);
            if (val == NULL) {
                SP_DECREF(item);
                goto fail;
            }
        } else {
            val = sp_newref(item);
        }
        if (maxval == NULL) {
            maxitem = item;
            maxval = val;
            continue;
        }
        // Strict < (min) or > (max): on ties the earlier item stays, so max() and
        // min() return the first of equal extremes, as CPython documents.
        int cmp = sp_object_richcompare_bool(val, maxval, op);
        if (cmp < 0) {
            SP_DECREF(item);
            SP_DECREF(val);
            goto fail;
        }
        if (cmp > 0) {
            // Only the item is returned; the key value was a private reference.
            SP_DECREF(maxval);
            SP_DECREF(maxitem);
            maxval = val;
            maxitem = item;
        } else {
            SP_DECREF(item);
            SP_DECREF(val);
        }
    }
    SP_XDECREF(it);
    if (maxval == NULL) {
        if (defaultval != NULL) {
            return sp_newref(defaultval);
        }
        return sp_err_format(&SpExc_ValueError, "%s() arg is an empty sequence", name);
    }
    SP_DECREF(maxval);
    return maxitem;
fail:
    SP_XDECREF(maxval);
    SP_XDECREF(maxitem);
    SP_XDECREF(it);
    return NULL;
}

static SpObject *builtin_min(SpObject *self, SpObject *const *args, ssize_t nargs,
                             SpObject *kwnames) {
    return min_max(args, nargs, kwnames, SP_LT);
}

static SpObject *builtin_max(SpObject *self, SpObject *const *args, ssize_t nargs,
                             SpObject *kwnames) {
    return min_max(args, nargs, kwnames, SP_GT);
}

// sorted(iterable, /, *, key=None, reverse=False): a new list, sorted in place. Keyword errors name
// sort(), as in CPython (which forwards them).
static SpObject *builtin_sorted(SpObject *self, SpObject *const *args, ssize_t nargs,
                                SpObject *kwnames) {
    if (!sp_arg_check_positional("sorted", nargs, 1, 1)) {
        return NULL;
    }
    static const char *const names[] = {"$key", "$reverse", NULL};
    SpObject *kw[2] = {NULL, NULL};
    if (kwnames != NULL && sp_arg_parse_kw("sort", args + nargs, 0, kwnames, names, kw, 0) < 0) {
        return NULL;
    }
    // Always a fresh list (a copy even when given a list), so sorting it in place
    // cannot disturb the caller's object.
    SpObject *list = sp_sequence_list(args[0]);
    if (list == NULL) {
        return NULL;
    }
    int reverse = 0;
    if (kw[1] != NULL) {
        reverse = sp_object_is_true(kw[1]);
        if (reverse < 0) {
            SP_DECREF(list);
            return NULL;
        }
    }
    if (sp_list_sort(list, kw[0] == sp_None ? NULL : kw[0], reverse) < 0) {
        SP_DECREF(list);
        return NULL;
    }
    return list;
}

// ---------------------------------------------------------------------------
// Iteration

// iter(obj) or iter(callable, sentinel).
static SpObject *builtin_iter(SpObject *self, SpObject *const *args, ssize_t nargs,
                              SpObject *kwnames) {
    if (!sp_arg_no_kwnames("iter", kwnames) || !sp_arg_check_positional("iter", nargs, 1, 2)) {
        return NULL;
    }
    if (nargs == 1) {
        return sp_object_get_iter(args[0]);
    }
    if (!sp_callable_check(args[0])) {
        sp_err_set_string(&SpExc_TypeError, "iter(v, w): v must be callable");
        return NULL;
    }
    // The two-argument form: call args[0]() until it returns something equal to
    // the sentinel (iterobject.c's callable iterator).
    return sp_calliter_new(args[0], args[1]);
}

// next(it[, default]): tp_iternext is called directly; a quiet exhaustion becomes StopIteration()
// unless a default is given.
static SpObject *builtin_next(SpObject *self, SpObject *const *args, ssize_t nargs,
                              SpObject *kwnames) {
    if (!sp_arg_no_kwnames("next", kwnames) || !sp_arg_check_positional("next", nargs, 1, 2)) {
        return NULL;
    }
    SpObject *it = args[0];
    SpIterNextFunc f = SP_TYPE(it)->tp_iternext;
    if (f == NULL) {
        return sp_err_format(&SpExc_TypeError, "'%.200s' object is not an iterator",
                             sp_object_type_name(it));
    }
    SpObject *res = f(it);
    if (res != NULL) {
        return res;
    }
    // With a default, both quiet exhaustion and an explicit StopIteration give
    // the default; any other exception propagates.
    if (nargs > 1) {
        if (sp_err_occurred()) {
            if (!sp_err_matches_type(&SpExc_StopIteration)) {
                return NULL;
            }
            sp_err_clear();
        }
        return sp_newref(args[1]);
    }
    if (!sp_err_occurred()) {
        sp_err_set_none(&SpExc_StopIteration);
    }
    return NULL;
}

// ---------------------------------------------------------------------------
// isinstance / issubclass

// cls.__bases__ if it is a tuple (borrowed semantics: new reference or NULL
// with no exception when absent).
static SpObject *abstract_get_bases(SpObject *cls) {
    SpObject *bases = sp_object_lookup_attr(cls, sp_id(__bases__));
    if (bases != NULL && !SP_TUPLE_CHECK(bases)) {
        SP_DECREF(bases);
        return NULL;
    }
    return bases;
}

// derived's __bases__ chain reaches cls. 1, 0, -1.
static int abstract_issubclass(SpObject *derived, SpObject *cls) {
    for (;;) {
        if (derived == cls) {
            return 1;
        }
        SpObject *bases = abstract_get_bases(derived);
        if (bases == NULL) {
            return sp_err_occurred() ? -1 : 0;
        }
        ssize_t n = SP_TUPLE_SIZE(bases);
        if (n == 0) {
            SP_DECREF(bases);
            return 0;
        }
        if (n == 1) {
            // Avoid recursing for the common single-inheritance chain.
            derived = SP_TUPLE_GET_ITEM(bases, 0);
            SP_DECREF(bases);
            continue;
        }
        int r = 0;
        for (ssize_t i = 0; i < n; i++) {
            r = abstract_issubclass(SP_TUPLE_GET_ITEM(bases, i), cls);
            if (r != 0) {
                break;
            }
        }
        SP_DECREF(bases);
        return r;
    }
}

// CPython's "is it a class?" test for the non-type path: anything with a
// tuple __bases__ counts, so proxy classes work. Returns 1 or 0 (raised).
static int check_class(SpObject *cls, const char *error) {
    SpObject *bases = abstract_get_bases(cls);
    if (bases == NULL) {
        if (!sp_err_occurred()) {
            sp_err_set_string(&SpExc_TypeError, error);
        }
        return 0;
    }
    SP_DECREF(bases);
    return 1;
}

// isinstance without __instancecheck__: the type's MRO, then a differing __class__ (proxies); for
// non-type cls, __class__ and __bases__ chains.
static int object_isinstance(SpObject *inst, SpObject *cls) {
    if (SP_TYPE_CHECK(cls)) {
        if (SP_OBJECT_TYPE_CHECK(inst, (SpTypeObject *)cls)) {
            return 1;
        }
        SpObject *icls = sp_object_lookup_attr(inst, sp_id(__class__));
        if (icls == NULL) {
            return sp_err_occurred() ? -1 : 0;
        }
        int r = 0;
        // Only a __class__ that differs from the real type is consulted: this is
        // how mock and proxy objects claim to be instances of the proxied class.
        if (icls != (SpObject *)SP_TYPE(inst) && SP_TYPE_CHECK(icls)) {
            r = sp_type_is_subtype((SpTypeObject *)icls, (SpTypeObject *)cls);
        }
        SP_DECREF(icls);
        return r;
    }
    if (!check_class(cls, "isinstance() arg 2 must be a type, a tuple of types, or a union")) {
        return -1;
    }
    SpObject *icls = sp_object_lookup_attr(inst, sp_id(__class__));
    if (icls == NULL) {
        return sp_err_occurred() ? -1 : 0;
    }
    int r = abstract_issubclass(icls, cls);
    SP_DECREF(icls);
    return r;
}

// The args of a types.UnionType (int | str), borrowed, or NULL.
static SpObject *union_args(SpObject *cls) {
    // Compared by name so builtins need not include union.c's private type.
    if (strcmp(SP_TYPE(cls)->tp_name, "types.UnionType") != 0) {
        return NULL;
    }
    SpObject *args = sp_object_lookup_attr(cls, sp_id(args));
    if (args == NULL) {
        sp_err_clear();
        return NULL;
    }
    SP_DECREF(args);  // the union keeps it alive
    return SP_TUPLE_CHECK(args) ? args : NULL;
}

// CPython's PyObject_IsInstance: exact type match, exact `type` classes without hooks, unions and
// tuples element by element, then the metaclass __instancecheck__ hook.
static int recursive_isinstance(SpObject *inst, SpObject *cls) {
    if (SP_TYPE(inst) == (SpTypeObject *)cls) {
        return 1;
    }
    // An exact `type` as cls has type.__instancecheck__, which is
    // object_isinstance itself: skip the method call (CPython does the same).
    if (SP_IS_TYPE(cls, &SpType_Type)) {
        return object_isinstance(inst, cls);
    }
    SpObject *uargs = union_args(cls);
    if (uargs != NULL) {
        cls = uargs;
    }
    if (SP_TUPLE_CHECK(cls)) {
        // Nested tuples can be arbitrarily deep: ((int, (str, ...)),). The recursion
        // guard turns a self-containing structure into RecursionError.
        if (sp_enter_recursive_call(" in __instancecheck__") < 0) {
            return -1;
        }
        int r = 0;
        for (ssize_t i = 0; i < SP_TUPLE_SIZE(cls); i++) {
            r = recursive_isinstance(inst, SP_TUPLE_GET_ITEM(cls, i));
            if (r != 0) {
                break;
            }
        }
        sp_leave_recursive_call();
        return r;
    }
    int found = 0;
    // The hook is looked up on the metaclass (type(cls)), never on cls itself,
    // which is how ABCMeta.__instancecheck__ takes over for abc classes.
    if (sp_type_lookup_borrow(SP_TYPE(cls), sp_id(__instancecheck__)) != NULL) {
        if (sp_enter_recursive_call(" in __instancecheck__") < 0) {
            return -1;
        }
        SpObject *res = sp_call_special(cls, sp_id(__instancecheck__), &inst, 1, &found);
        sp_leave_recursive_call();
        if (res == NULL) {
            return -1;
        }
        int ok = sp_object_is_true(res);
        SP_DECREF(res);
        return ok;
    }
    return object_isinstance(inst, cls);
}

// issubclass without __subclasscheck__.
static int recursive_issubclass(SpObject *derived, SpObject *cls) {
    if (SP_TYPE_CHECK(cls) && SP_TYPE_CHECK(derived)) {
        return sp_type_is_subtype((SpTypeObject *)derived, (SpTypeObject *)cls);
    }
    if (!check_class(derived, "issubclass() arg 1 must be a class")) {
        return -1;
    }
    // A union has no __bases__ but is a valid arg 2 (object_issubclass
    // checks its members), so it must not fail the class check.
    if (union_args(cls) == NULL &&
        !check_class(cls, "issubclass() arg 2 must be a class, a tuple of classes, or a union")) {
        return -1;
    }
    return abstract_issubclass(derived, cls);
}

// CPython's PyObject_IsSubclass, structured like recursive_isinstance.
static int object_issubclass(SpObject *derived, SpObject *cls) {
    if (SP_IS_TYPE(cls, &SpType_Type)) {
        if (derived == cls) {
            return 1;
        }
        return recursive_issubclass(derived, cls);
    }
    SpObject *uargs = union_args(cls);
    if (uargs != NULL) {
        cls = uargs;
    }
    if (SP_TUPLE_CHECK(cls)) {
        if (sp_enter_recursive_call(" in __subclasscheck__") < 0) {
            return -1;
        }
        int r = 0;
        for (ssize_t i = 0; i < SP_TUPLE_SIZE(cls); i++) {
            r = object_issubclass(derived, SP_TUPLE_GET_ITEM(cls, i));
            if (r != 0) {
                break;
            }
        }
        sp_leave_recursive_call();
        return r;
    }
    int found = 0;
    if (sp_type_lookup_borrow(SP_TYPE(cls), sp_id(__subclasscheck__)) != NULL) {
        if (sp_enter_recursive_call(" in __subclasscheck__") < 0) {
            return -1;
        }
        SpObject *res = sp_call_special(cls, sp_id(__subclasscheck__), &derived, 1, &found);
        sp_leave_recursive_call();
        if (res == NULL) {
            return -1;
        }
        int ok = sp_object_is_true(res);
        SP_DECREF(res);
        return ok;
    }
    return recursive_issubclass(derived, cls);
}

static SpObject *builtin_isinstance(SpObject *self, SpObject *const *args, ssize_t nargs,
                                    SpObject *kwnames) {
    if (!sp_arg_no_kwnames("isinstance", kwnames) ||
        !sp_arg_check_positional("isinstance", nargs, 2, 2)) {
        return NULL;
    }
    int r = recursive_isinstance(args[0], args[1]);
    return r < 0 ? NULL : sp_bool_from_long(r);
}

static SpObject *builtin_issubclass(SpObject *self, SpObject *const *args, ssize_t nargs,
                                    SpObject *kwnames) {
    if (!sp_arg_no_kwnames("issubclass", kwnames) ||
        !sp_arg_check_positional("issubclass", nargs, 2, 2)) {
        return NULL;
    }
    int r = object_issubclass(args[0], args[1]);
    return r < 0 ? NULL : sp_bool_from_long(r);
}

// ---------------------------------------------------------------------------
// Text: format, print, input

// format(value, format_spec='') (both positional-only).
static SpObject *builtin_format(SpObject *self, SpObject *const *args, ssize_t nargs,
                                SpObject *kwnames) {
    static const char *const names[] = {"", "", NULL};
    SpObject *out[2];
    if (sp_arg_parse_kw("format", args, nargs, kwnames, names, out, 1) < 0) {
        return NULL;
    }
    if (out[1] != NULL && !SP_STR_CHECK(out[1])) {
        return sp_err_format(&SpExc_TypeError, "format() argument 2 must be str, not %.200s",
                             sp_object_type_name(out[1]));
    }
    return sp_object_format(out[0], out[1]);
}

// print(*objects, sep=' ', end='\n', file=None, flush=False). Everything goes through file.write,
// so sys.stdout can be any object with a write method; str objects are written as they are, others
// through str().
static SpObject *builtin_print(SpObject *self, SpObject *const *args, ssize_t nargs,
                               SpObject *kwnames) {
    static const char *const names[] = {"$sep", "$end", "$file", "$flush", NULL};
    SpObject *kw[4] = {NULL, NULL, NULL, NULL};
    if (kwnames != NULL && sp_arg_parse_kw("print", args + nargs, 0, kwnames, names, kw, 0) < 0) {
        return NULL;
    }
    SpObject *sep = kw[0], *end = kw[1], *file = kw[2], *flush = kw[3];
    if (file == NULL || file == sp_None) {
        file = sp_sys_get_borrow("stdout");
        if (file == NULL) {
            sp_err_set_string(&SpExc_RuntimeError, "lost sys.stdout");
            return NULL;
        }
        // sys.stdout = None: print does nothing.
        if (file == sp_None) {
            SP_RETURN_NONE;
        }
    }
    if (sep == sp_None) {
        sep = NULL;
    } else if (sep != NULL && !SP_STR_CHECK(sep)) {
        return sp_err_format(&SpExc_TypeError, "sep must be None or a string, not %.200s",
                             sp_object_type_name(sep));
    }
    if (end == sp_None) {
        end = NULL;
    } else if (end != NULL && !SP_STR_CHECK(end)) {
        return sp_err_format(&SpExc_TypeError, "end must be None or a string, not %.200s",
                             sp_object_type_name(end));
    }
    // " " and "\n" are shared one-character strings: no allocation.
    SpObject *space = sp_str_from_ordinal(' '), *newline = sp_str_from_ordinal('\n');
    if (space == NULL || newline == NULL) {
        SP_XDECREF(space);
        SP_XDECREF(newline);
        return NULL;
    }
    if (sep == NULL) {
        sep = space;
    }
    if (end == NULL) {
        end = newline;
    }
    SP_INCREF(file);  // the writes may replace sys.stdout
    int err = 0;
    for (ssize_t i = 0; i < nargs && err == 0; i++) {
        if (i > 0) {
            err = sp_file_write_object(file, sep);
            if (err) {
                break;
            }
        }
        SpObject *s = SP_STR_CHECK_EXACT(args[i]) ? sp_newref(args[i]) : sp_object_str(args[i]);
        if (s == NULL) {
            err = -1;
            break;
        }
        err = sp_file_write_object(file, s);
        SP_DECREF(s);
    }
    if (err == 0) {
        err = sp_file_write_object(file, end);
    }
    if (err == 0 && flush != NULL) {
        int f = sp_object_is_true(flush);
        if (f < 0) {
            err = -1;
        } else if (f) {
            SpObject *r = sp_call_method(file, sp_id(flush), NULL, 0);
            if (r == NULL) {
                err = -1;
            }
            SP_XDECREF(r);
        }
    }
    SP_DECREF(file);
    SP_DECREF(space);
    SP_DECREF(newline);
    if (err) {
        return NULL;
    }
    SP_RETURN_NONE;
}

// input([prompt]): stderr is flushed, the prompt written to stdout and stdout flushed, then one
// line is read from stdin without its newline. An empty read (end of file) is EOFError.
static SpObject *builtin_input(SpObject *self, SpObject *const *args, ssize_t nargs,
                               SpObject *kwnames) {
    if (!sp_arg_no_kwnames("input", kwnames) || !sp_arg_check_positional("input", nargs, 0, 1)) {
        return NULL;
    }
    SpObject *stdin_ = sp_sys_get_borrow("stdin");
    SpObject *stdout_ = sp_sys_get_borrow("stdout");
    SpObject *stderr_ = sp_sys_get_borrow("stderr");
    if (stdin_ == NULL || stdin_ == sp_None) {
        sp_err_set_string(&SpExc_RuntimeError, "input(): lost sys.stdin");
        return NULL;
    }
    if (stdout_ == NULL || stdout_ == sp_None) {
        sp_err_set_string(&SpExc_RuntimeError, "input(): lost sys.stdout");
        return NULL;
    }
    if (stderr_ != NULL && stderr_ != sp_None) {
        SpObject *r = sp_call_method(stderr_, sp_id(flush), NULL, 0);
        if (r == NULL) {
            sp_err_clear();
        }
        SP_XDECREF(r);
    }
    if (nargs == 1) {
        SpObject *prompt = sp_object_str(args[0]);
        if (prompt == NULL) {
            return NULL;
        }
        int err = sp_file_write_object(stdout_, prompt);
        SP_DECREF(prompt);
        if (err < 0) {
            return NULL;
        }
    }
    SpObject *r = sp_call_method(stdout_, sp_id(flush), NULL, 0);
    if (r == NULL) {
        sp_err_clear();
    }
    SP_XDECREF(r);
    SpObject *line = sp_sys_readline_stdin();
    if (line == NULL) {
        return NULL;
    }
    if (!SP_STR_CHECK(line)) {
        SP_DECREF(line);
        sp_err_set_string(&SpExc_TypeError, "object.readline() returned non-string");
        return NULL;
    }
    ssize_t n = SP_STR_LENGTH(line);
    if (n == 0) {
        SP_DECREF(line);
        sp_err_set_string(&SpExc_EOFError, "EOF when reading a line");
        return NULL;
    }
    if (SP_STR_READ_CHAR(line, n - 1) == '\n') {
        SpObject *s = sp_str_substring(line, 0, n - 1);
        SP_DECREF(line);
        return s;
    }
    return line;
}

// ---------------------------------------------------------------------------
// compile, eval, exec

// The source of eval/exec/compile as UTF-8 (borrowed from the object).
static const char *source_text(SpObject *src, const char *fname, ssize_t *len) {
    if (SP_STR_CHECK(src)) {
        return sp_str_as_utf8(src, len);
    }
    if (SP_BYTES_CHECK(src)) {
        *len = SP_BYTES_SIZE(src);
        return SP_BYTES_DATA(src);
    }
    sp_err_format(&SpExc_TypeError, "%s() arg 1 must be a string, bytes or code object", fname);
    return NULL;
}

// PyMapping_Check: has __getitem__ through the mapping slot.
static int is_mapping(SpObject *o) {
    SpMappingMethods *mp = SP_TYPE(o)->tp_as_mapping;
    return mp != NULL && mp->mp_subscript != NULL;
}

// Run code (a code object or source) for eval/exec.
static SpObject *eval_exec(const char *fname, SpObject *source, SpObject *globals,
                           SpObject *locals, SpCompileMode mode) {
    if (globals == sp_None) {
        globals = NULL;
    }
    if (locals == sp_None) {
        locals = NULL;
    }
    // CPython checks eval's locals first and exec's globals first.
    int eval = mode == SP_COMPILE_EVAL;
    if (eval && locals != NULL && !is_mapping(locals)) {
        sp_err_set_string(&SpExc_TypeError, "locals must be a mapping");
        return NULL;
    }
    if (globals != NULL && !SP_DICT_CHECK(globals)) {
        if (!eval) {
            return sp_err_format(&SpExc_TypeError, "exec() globals must be a dict, not %.100s",
                                 sp_object_type_name(globals));
        }
        sp_err_set_string(&SpExc_TypeError,
                          is_mapping(globals)
                              ? "globals must be a real dict; try eval(expr, {}, mapping)"
                              : "globals must be a dict");
        return NULL;
    }
    if (!eval && locals != NULL && !is_mapping(locals)) {
        return sp_err_format(&SpExc_TypeError, "locals must be a mapping or None, not %.100s",
                             sp_object_type_name(locals));
    }
    SpObject *own_locals = NULL;
    if (globals == NULL) {
        globals = sp_vm_current_globals_borrow();
        if (globals == NULL) {
            sp_err_set_string(&SpExc_SystemError, "globals and locals cannot be NULL");
            return NULL;
        }
        if (locals == NULL) {
            own_locals = sp_vm_current_locals();
            if (own_locals == NULL) {
                return NULL;
            }
            locals = own_locals;
        }
    } else if (locals == NULL) {
        locals = globals;
    }
    if (sp_dict_getitem_borrow(globals, sp_id(__builtins__)) == NULL) {
        if (sp_err_occurred() ||
            sp_dict_setitem(globals, sp_id(__builtins__), sp_builtins_dict_borrow()) < 0) {
            SP_XDECREF(own_locals);
            return NULL;
        }
    }
    SpObject *code;
    if (SP_CODE_CHECK(source)) {
        code = sp_newref(source);
    } else {
        ssize_t len;
        const char *text = source_text(source, fname, &len);
        if (text == NULL) {
            SP_XDECREF(own_locals);
            return NULL;
        }
        if (mode == SP_COMPILE_EVAL) {
            // eval() ignores leading blanks.
            while (len > 0 && (*text == ' ' || *text == '\t')) {
                text++;
                len--;
            }
        }
        SpObject *filename = sp_str_from_cstr("<string>");
        if (filename == NULL) {
            SP_XDECREF(own_locals);
            return NULL;
        }
        code = sp_compile(text, len, filename, mode, 0, NULL);
        SP_DECREF(filename);
        if (code == NULL) {
            SP_XDECREF(own_locals);
            return NULL;
        }
    }
    SpObject *res = sp_eval_code(code, globals, locals);
    SP_DECREF(code);
    SP_XDECREF(own_locals);
    return res;
}

// eval(source, globals=None, locals=None, /).
static SpObject *builtin_eval(SpObject *self, SpObject *const *args, ssize_t nargs,
                              SpObject *kwnames) {
    // All positional-only in 3.11 (exec, unlike eval, takes keywords).
    if (!sp_arg_no_kwnames("eval", kwnames) || !sp_arg_check_positional("eval", nargs, 1, 3)) {
        return NULL;
    }
    return eval_exec("eval", args[0], nargs > 1 ? args[1] : NULL, nargs > 2 ? args[2] : NULL,
                     SP_COMPILE_EVAL);
}

// exec(source, globals=None, locals=None, *, closure=None): always None.
static SpObject *builtin_exec(SpObject *self, SpObject *const *args, ssize_t nargs,
                              SpObject *kwnames) {
    static const char *const names[] = {"", "globals", "locals", "$closure", NULL};
    SpObject *out[4];
    if (sp_arg_parse_kw("exec", args, nargs, kwnames, names, out, 1) < 0) {
        return NULL;
    }
    SpObject *r = eval_exec("exec", out[0], out[1], out[2], SP_COMPILE_EXEC);
    if (r == NULL) {
        return NULL;
    }
    SP_DECREF(r);
    SP_RETURN_NONE;
}

// compile(source, filename, mode, ...): flags, dont_inherit and optimize are accepted and ignored.
static SpObject *builtin_compile(SpObject *self, SpObject *const *args, ssize_t nargs,
                                 SpObject *kwnames) {
    static const char *const names[] = {"source", "filename", "mode", "flags", "dont_inherit",
                                        "optimize", "$_feature_version", NULL};
    SpObject *out[7];
    if (sp_arg_parse_kw("compile", args, nargs, kwnames, names, out, 3) < 0) {
        return NULL;
    }
    if (!SP_STR_CHECK(out[2])) {
        return sp_err_format(&SpExc_TypeError, "compile() argument 'mode' must be str, not %.200s",
                             sp_object_type_name(out[2]));
    }
    SpCompileMode mode;
    if (sp_str_eq_cstr(out[2], "exec")) {
        mode = SP_COMPILE_EXEC;
    } else if (sp_str_eq_cstr(out[2], "eval")) {
        mode = SP_COMPILE_EVAL;
    } else if (sp_str_eq_cstr(out[2], "single")) {
        mode = SP_COMPILE_SINGLE;
    } else {
        sp_err_set_string(&SpExc_ValueError, "compile() mode must be 'exec', 'eval' or 'single'");
        return NULL;
    }
    if (SP_CODE_CHECK(out[0])) {
        return sp_newref(out[0]);
    }
    ssize_t len;
    const char *text = source_text(out[0], "compile", &len);
    if (text == NULL) {
        return NULL;
    }
    SpObject *filename = SP_STR_CHECK(out[1]) ? sp_newref(out[1]) : sp_object_str(out[1]);
    if (filename == NULL) {
        return NULL;
    }
    SpObject *code = sp_compile(text, len, filename, mode, 0, NULL);
    SP_DECREF(filename);
    return code;
}

// ---------------------------------------------------------------------------
// exit and quit: the site module's Quitter objects. Calling one raises
// SystemExit(code); its repr tells the user how to leave the REPL.

typedef struct {
    SP_OBJECT_HEAD;
    const char *name;  // "exit" or "quit"
} QuitterObject;

static SpObject *quitter_repr(SpObject *self) {
    return sp_str_from_format("Use %s() or Ctrl-D (i.e. EOF) to exit",
                              ((QuitterObject *)self)->name);
}

static SpObject *quitter_call(SpObject *self, SpObject *args, SpObject *kwargs) {
    ssize_t n = SP_TUPLE_SIZE(args);
    if (n > 1 || (kwargs != NULL && SP_DICT_SIZE(kwargs) > 0)) {
        return sp_err_format(&SpExc_TypeError,
                             "Quitter.__call__() takes from 1 to 2 positional arguments but "
                             "%zd were given",
                             n + 1);
    }
    sp_err_set_object(&SpExc_SystemExit, n == 1 ? SP_TUPLE_GET_ITEM(args, 0) : sp_None);
    return NULL;
}

static SpTypeObject Quitter_Type = {
    SP_TYPE_HEAD_INIT,
    .tp_name = "_sitebuiltins.Quitter",
    .tp_basicsize = sizeof(QuitterObject),
    .tp_repr = quitter_repr,
    .tp_call = quitter_call,
    .tp_getattro = sp_object_generic_getattr,
};

// Static instances: never freed (refcount starts at 1 and stays above 0).
static QuitterObject exit_obj = {{1, &Quitter_Type}, "exit"};
static QuitterObject quit_obj = {{1, &Quitter_Type}, "quit"};

// ---------------------------------------------------------------------------
// The module

static SpMethodDef builtin_methods[] = {
    {"__build_class__", SP_METH(sp_vm_build_class), SP_METH_FASTCALL,
     "__build_class__(func, name, /, *bases, [metaclass], **kwds) -> class\n\n"
     "Internal helper function used by the class statement."},
    {"abs", SP_METH(builtin_abs), SP_METH_O, "Return the absolute value of the argument."},
    {"all", SP_METH(builtin_all), SP_METH_O,
     "Return True if bool(x) is True for all values x in the iterable.\n\n"
     "If the iterable is empty, return True."},
    {"any", SP_METH(builtin_any), SP_METH_O,
     "Return True if bool(x) is True for any x in the iterable.\n\n"
     "If the iterable is empty, return False."},
    {"ascii", SP_METH(builtin_ascii), SP_METH_O,
     "Return an ASCII-only representation of an object."},
    {"bin", SP_METH(builtin_bin), SP_METH_O,
     "Return the binary representation of an integer."},
    {"callable", SP_METH(builtin_callable), SP_METH_O,
     "Return whether the object is callable (i.e., some kind of function)."},
    {"chr", SP_METH(builtin_chr), SP_METH_O,
     "Return a Unicode string of one character with ordinal i; 0 <= i <= 0x10ffff."},
    {"compile", SP_METH(builtin_compile), SP_METH_FASTCALL,
     "Compile source into a code object that can be executed by exec() or eval()."},
    {"delattr", SP_METH(builtin_delattr), SP_METH_FASTCALL,
     "Deletes the named attribute from the given object."},
    {"dir", SP_METH(builtin_dir), SP_METH_FASTCALL,
     "dir([object]) -> list of strings"},
    {"divmod", SP_METH(builtin_divmod), SP_METH_FASTCALL,
     "Return the tuple (x//y, x%y).  Invariant: div*y + mod == x."},
    {"eval", SP_METH(builtin_eval), SP_METH_FASTCALL,
     "Evaluate the given source in the context of globals and locals."},
    {"exec", SP_METH(builtin_exec), SP_METH_FASTCALL,
     "Execute the given source in the context of globals and locals."},
    {"format", SP_METH(builtin_format), SP_METH_FASTCALL,
     "Return value.__format__(format_spec)"},
    {"getattr", SP_METH(builtin_getattr), SP_METH_FASTCALL,
     "getattr(object, name[, default]) -> value"},
    {"globals", SP_METH(builtin_globals), SP_METH_NOARGS,
     "Return the dictionary containing the current scope's global variables."},
    {"hasattr", SP_METH(builtin_hasattr), SP_METH_FASTCALL,
     "Return whether the object has an attribute with the given name."},
    {"hash", SP_METH(builtin_hash), SP_METH_O, "Return the hash value for the given object."},
    {"hex", SP_METH(builtin_hex), SP_METH_O,
     "Return the hexadecimal representation of an integer."},
    {"id", SP_METH(builtin_id), SP_METH_O, "Return the identity of an object."},
    {"input", SP_METH(builtin_input), SP_METH_FASTCALL,
     "Read a string from standard input.  The trailing newline is stripped."},
    {"isinstance", SP_METH(builtin_isinstance), SP_METH_FASTCALL,
     "Return whether an object is an instance of a class or of a subclass thereof."},
    {"issubclass", SP_METH(builtin_issubclass), SP_METH_FASTCALL,
     "Return whether 'cls' is derived from another class or is the same class."},
    {"iter", SP_METH(builtin_iter), SP_METH_FASTCALL,
     "iter(iterable) -> iterator\niter(callable, sentinel) -> iterator"},
    {"len", SP_METH(builtin_len), SP_METH_O, "Return the number of items in a container."},
    {"locals", SP_METH(builtin_locals), SP_METH_NOARGS,
     "Return a dictionary containing the current scope's local variables."},
    {"max", SP_METH(builtin_max), SP_METH_FASTCALL,
     "max(iterable, *[, default=obj, key=func]) -> value\n"
     "max(arg1, arg2, *args, *[, key=func]) -> value"},
    {"min", SP_METH(builtin_min), SP_METH_FASTCALL,
     "min(iterable, *[, default=obj, key=func]) -> value\n"
     "min(arg1, arg2, *args, *[, key=func]) -> value"},
    {"next", SP_METH(builtin_next), SP_METH_FASTCALL,
     "next(iterator[, default])\n\nReturn the next item from the iterator."},
    {"oct", SP_METH(builtin_oct), SP_METH_O,
     "Return the octal representation of an integer."},
    {"ord", SP_METH(builtin_ord), SP_METH_O,
     "Return the Unicode code point for a one-character string."},
    {"pow", SP_METH(builtin_pow), SP_METH_FASTCALL,
     "Equivalent to base**exp with 2 arguments or base**exp % mod with 3 arguments"},
    {"print", SP_METH(builtin_print), SP_METH_FASTCALL,
     "print(value, ..., sep=' ', end='\\n', file=sys.stdout, flush=False)"},
    {"repr", SP_METH(builtin_repr), SP_METH_O,
     "Return the canonical string representation of the object."},
    {"round", SP_METH(builtin_round), SP_METH_FASTCALL,
     "Round a number to a given precision in decimal digits."},
    {"setattr", SP_METH(builtin_setattr), SP_METH_FASTCALL,
     "Sets the named attribute on the given object to the specified value."},
    {"sorted", SP_METH(builtin_sorted), SP_METH_FASTCALL,
     "Return a new list containing all items from the iterable in ascending order."},
    {"sum", SP_METH(builtin_sum), SP_METH_FASTCALL,
     "Return the sum of a 'start' value (default: 0) plus an iterable of numbers"},
    {"vars", SP_METH(builtin_vars), SP_METH_FASTCALL,
     "vars([object]) -> dictionary"},
    {NULL, NULL, 0, NULL},
};

// The builtins module: the functions above, the built-in types, every exception of
// SP_EXCEPTION_TYPES, exit/quit and the constants. The container types are readied here (they have
// no other start-up hook).
SpObject *sp_builtins_module_init(void) {
    if (sp_cont_init_types() < 0) {
        return NULL;
    }
    SpObject *m = sp_module_new("builtins");
    if (m == NULL) {
        return NULL;
    }
    if (sp_module_add_functions(m, builtin_methods) < 0) {
        goto fail;
    }
    static const struct {
        const char *name;
        SpTypeObject *type;
    } types[] = {
        {"bool", &SpBool_Type},
        {"bytearray", &SpByteArray_Type},
        {"bytes", &SpBytes_Type},
        {"classmethod", &SpClassMethod_Type},
        {"dict", &SpDict_Type},
        {"enumerate", &SpEnumerate_Type},
        {"filter", &SpFilter_Type},
        {"float", &SpFloat_Type},
        {"frozenset", &SpFrozenSet_Type},
        {"property", &SpProperty_Type},
        {"int", &SpInt_Type},
        {"list", &SpList_Type},
        {"map", &SpMap_Type},
        {"object", &SpBaseObject_Type},
        {"range", &SpRange_Type},
        {"reversed", &SpReversed_Type},
        {"set", &SpSet_Type},
        {"slice", &SpSlice_Type},
        {"staticmethod", &SpStaticMethod_Type},
        {"str", &SpStr_Type},
        {"super", &SpSuper_Type},
        {"tuple", &SpTuple_Type},
        {"type", &SpType_Type},
        {"zip", &SpZip_Type},
    };
    for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
        if (sp_type_ready(types[i].type) < 0 ||
            sp_module_add_object(m, types[i].name, (SpObject *)types[i].type) < 0) {
            goto fail;
        }
    }
#define SP_ADD_EXC_(name, base, st)                                                 \
    if (sp_module_add_object(m, #name, (SpObject *)&SpExc_##name) < 0) {           \
        goto fail;                                                                  \
    }
    SP_EXCEPTION_TYPES(SP_ADD_EXC_)
#undef SP_ADD_EXC_
    if (sp_type_ready(&Quitter_Type) < 0 ||
        sp_module_add_object(m, "exit", (SpObject *)&exit_obj) < 0 ||
        sp_module_add_object(m, "quit", (SpObject *)&quit_obj) < 0) {
        goto fail;
    }
    // EnvironmentError and IOError are other names of OSError.
    if (sp_module_add_object(m, "EnvironmentError", (SpObject *)&SpExc_OSError) < 0 ||
        sp_module_add_object(m, "IOError", (SpObject *)&SpExc_OSError) < 0) {
        goto fail;
    }
    if (sp_module_add_object(m, "None", sp_None) < 0 ||
        sp_module_add_object(m, "Ellipsis", sp_Ellipsis) < 0 ||
        sp_module_add_object(m, "NotImplemented", sp_NotImplemented) < 0 ||
        sp_module_add_object(m, "True", sp_True) < 0 ||
        sp_module_add_object(m, "False", sp_False) < 0 ||
        sp_module_add_object(m, "__debug__", sp_True) < 0) {
        goto fail;
    }
    return m;
fail:
    SP_DECREF(m);
    return NULL;
}
