// smallpy: unit tests of the containers through their C APIs: tuple, list,
// dict, set, range, slice. Expected sizes and hashes were read from
// python3.11 on 64-bit Linux.
#include <stdio.h>
#include <string.h>

#include "core/abstract.h"
#include "core/err.h"
#include "core/runtime.h"
#include "objects/cont.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/none.h"
#include "objects/range.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"


static int passed, failed;

#define CHECK(cond)                                                     \
    do {                                                                \
        if (cond) {                                                     \
            passed++;                                                   \
        } else {                                                        \
            failed++;                                                   \
            printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond);      \
            if (sp_err_occurred()) {                                    \
                SpObject *e_ = sp_err_fetch();                          \
                SpObject *r_ = sp_object_repr(e_);                      \
                printf("  exception: %s\n", r_ ? sp_str_as_utf8(r_, NULL) : "?"); \
                SP_XDECREF(r_);                                         \
                SP_DECREF(e_);                                          \
                sp_err_clear();                                         \
            }                                                           \
        }                                                               \
    } while (0)

// repr(o) compared with a C string.
static int repr_is(SpObject *o, const char *want) {
    SpObject *r = sp_object_repr(o);
    if (r == NULL) {
        return 0;
    }
    int ok = sp_str_eq_cstr(r, want);
    if (!ok) {
        printf("  repr: got %s, want %s\n", sp_str_as_utf8(r, NULL), want);
    }
    SP_DECREF(r);
    return ok;
}

static SpObject *I(long v) { return sp_int_from_long(v); }

// sys.getsizeof: __sizeof__ plus the GC header.
static long getsizeof(SpObject *o) {
    SpObject *r = sp_call_method_str(o, "__sizeof__", NULL, 0);
    if (r == NULL) {
        return -1;
    }
    long v = sp_int_as_long(r);
    SP_DECREF(r);
    return v + 16;
}

static void test_tuple(void) {
    SpObject *e = sp_tuple_new(0);
    CHECK(e == sp_tuple_new(0));
    SP_DECREF(e);
    CHECK(repr_is(e, "()"));
    SP_DECREF(e);
    SpObject *one = I(1), *two = I(2);
    SpObject *t = sp_tuple_pack(2, one, two);
    CHECK(t != NULL && SP_TUPLE_SIZE(t) == 2);
    CHECK(repr_is(t, "(1, 2)"));
    CHECK(sp_object_hash(t) == -3550055125485641917L);
    SpObject *t1 = sp_tuple_pack(1, one);
    CHECK(repr_is(t1, "(1,)"));
    CHECK(sp_object_hash(t1) == -6644214454873602895L);
    SpObject *t0 = sp_tuple_new(0);
    CHECK(sp_object_hash(t0) == 5740354900026072187L);
    CHECK(sp_object_richcompare_bool(t1, t, SP_LT) == 1);
    CHECK(sp_object_richcompare_bool(t, t, SP_EQ) == 1);
    CHECK(sp_sequence_contains(t, two) == 1);
    SpObject *s = sp_tuple_slice(t, 1, 5);
    CHECK(repr_is(s, "(2,)"));
    SP_DECREF(s);
    SpObject *cat = sp_number_add(t, t1);
    CHECK(cat != NULL && repr_is(cat, "(1, 2, 1)"));
    SP_XDECREF(cat);
    SP_DECREF(t);
    SP_DECREF(t1);
    SP_DECREF(t0);
    SP_DECREF(one);
    SP_DECREF(two);
}

static void test_list(void) {
    // sys.getsizeof(l) after each append, from python3.11.
    static const long sizes[] = {88, 88, 88, 88, 120, 120, 120, 120, 184, 184, 184, 184, 184, 184,
                                 184, 184, 248, 248, 248, 248, 248, 248, 248, 248, 312};
    SpObject *l = sp_list_new(0);
    CHECK(getsizeof(l) == 56);
    int ok = 1;
    for (long i = 0; i < 25; i++) {
        SpObject *v = I(i);
        sp_list_append(l, v);
        SP_DECREF(v);
        if (getsizeof(l) != sizes[i]) {
            printf("  append %ld: size %ld want %ld\n", i, getsizeof(l), sizes[i]);
            ok = 0;
        }
    }
    CHECK(ok);
    CHECK(SP_LIST_SIZE(l) == 25);
    SpObject *key = I(-1);
    SpObject *last = sp_object_getitem(l, key);
    CHECK(last != NULL && sp_int_as_long(last) == 24);
    SP_XDECREF(last);
    SP_DECREF(key);
    // l[2:5] = []
    SpObject *sl = sp_slice_new(I(2), I(5), NULL);
    SpObject *empty = sp_list_new(0);
    CHECK(sp_object_setitem(l, sl, empty) == 0);
    CHECK(SP_LIST_SIZE(l) == 22);
    SP_DECREF(sl);
    // sort reversed, then reverse back
    CHECK(sp_list_sort(l, NULL, 1) == 0);
    SpObject *first = SP_LIST_GET_ITEM(l, 0);
    CHECK(sp_int_as_long(first) == 24);
    sp_list_reverse(l);
    CHECK(sp_int_as_long(SP_LIST_GET_ITEM(l, 0)) == 0);
    CHECK(sp_int_as_long(SP_LIST_GET_ITEM(l, 2)) == 5);
    SP_DECREF(l);
    // list([1, 2, 3]) preallocates 4 slots: 88 bytes.
    SpObject *src = sp_list_new(3);
    for (int i = 0; i < 3; i++) {
        SP_LIST_SET_ITEM(src, i, I(i + 1));
    }
    SpObject *args = sp_tuple_pack(1, src);
    SpObject *copy = sp_call((SpObject *)&SpList_Type, args, NULL);
    CHECK(copy != NULL && getsizeof(copy) == 88);
    CHECK(repr_is(copy, "[1, 2, 3]"));
    SP_XDECREF(copy);
    SP_DECREF(args);
    // [1, 2, 3] * 2 -> 104
    SpObject *n2 = I(2);
    SpObject *rep = sp_number_multiply(src, n2);
    CHECK(rep != NULL && getsizeof(rep) == 104);
    SP_XDECREF(rep);
    SP_DECREF(n2);
    // recursive repr
    sp_list_append(src, src);
    CHECK(repr_is(src, "[1, 2, 3, [...]]"));
    SP_DECREF(empty);
    // break the cycle by hand
    SpObject *zero_sl = sp_slice_new(NULL, NULL, NULL);
    CHECK(sp_object_delitem(src, zero_sl) == 0);
    SP_DECREF(zero_sl);
    SP_DECREF(src);
}

static void test_dict(void) {
    SpObject *d = sp_dict_new();
    CHECK(getsizeof(d) == 64);
    CHECK(repr_is(d, "{}"));
    SpObject *one = I(1);
    CHECK(sp_dict_setitem_str(d, "a", one) == 0);
    CHECK(getsizeof(d) == 184);
    CHECK(repr_is(d, "{'a': 1}"));
    CHECK(sp_dict_getitem_str_borrow(d, "a") == one);
    SpObject *k = I(1);
    CHECK(sp_dict_setitem(d, k, one) == 0);
    CHECK(getsizeof(d) == 352);
    CHECK(sp_dict_delitem(d, k) == 0);
    CHECK(sp_dict_delitem(d, k) == -1 && sp_err_matches_type(&SpExc_KeyError));
    sp_err_clear();
    SP_DECREF(k);
    sp_dict_clear(d);
    CHECK(getsizeof(d) == 64);
    // {i: i for i in range(6)} -> 352; 100 ints -> 4688
    for (long i = 0; i < 100; i++) {
        SpObject *v = I(i);
        sp_dict_setitem(d, v, v);
        SP_DECREF(v);
        if (i == 5) {
            CHECK(getsizeof(d) == 352);
        }
    }
    CHECK(getsizeof(d) == 4688);
    CHECK(SP_DICT_SIZE(d) == 100);
    // order kept after deletions
    for (long i = 0; i < 100; i += 2) {
        SpObject *v = I(i);
        sp_dict_delitem(d, v);
        SP_DECREF(v);
    }
    ssize_t pos = 0;
    SpObject *key, *value;
    long expect = 1;
    int ok = 1;
    while (sp_dict_next(d, &pos, &key, &value)) {
        ok &= sp_int_as_long(key) == expect;
        expect += 2;
    }
    CHECK(ok && expect == 101);
    SpObject *copy = sp_dict_copy(d);
    CHECK(copy != NULL && SP_DICT_SIZE(copy) == 50);
    CHECK(sp_object_richcompare_bool(copy, d, SP_EQ) == 1);
    SP_XDECREF(copy);
    // unhashable key
    SpObject *l = sp_list_new(0);
    CHECK(sp_dict_setitem(d, l, l) == -1 && sp_err_matches_type(&SpExc_TypeError));
    sp_err_clear();
    SP_DECREF(l);
    SP_DECREF(d);
    SP_DECREF(one);
    // 100 str keys -> 3328
    d = sp_dict_new();
    for (int i = 0; i < 100; i++) {
        char buf[16];
        snprintf(buf, sizeof buf, "%d", i);
        sp_dict_setitem_str(d, buf, sp_None);
    }
    CHECK(getsizeof(d) == 3328);
    SP_DECREF(d);
}

static void test_set(void) {
    SpObject *s = sp_set_new(NULL);
    CHECK(getsizeof(s) == 216);
    CHECK(repr_is(s, "set()"));
    long vals[] = {3, 1, 2};
    for (int i = 0; i < 3; i++) {
        SpObject *v = I(vals[i]);
        sp_set_add(s, v);
        SP_DECREF(v);
    }
    CHECK(repr_is(s, "{1, 2, 3}"));
    SpObject *two = I(2), *ten = I(10);
    CHECK(sp_set_discard(s, two) == 1);
    sp_set_add(s, ten);
    CHECK(repr_is(s, "{1, 10, 3}"));
    SP_DECREF(two);
    SP_DECREF(ten);
    SP_DECREF(s);
    // set(range(10)) -> 728
    SpObject *r = sp_range_new(I(0), I(10), I(1));
    s = sp_set_new(r);
    CHECK(s != NULL && getsizeof(s) == 728);
    SpObject *fs = sp_frozenset_new(s);
    CHECK(fs != NULL && repr_is(fs, "frozenset({0, 1, 2, 3, 4, 5, 6, 7, 8, 9})"));
    SP_XDECREF(fs);
    SP_XDECREF(s);
    SP_DECREF(r);
    // hash(frozenset({1, 2})) and hash(frozenset())
    SpObject *a = I(1), *b = I(2);
    SpObject *t = sp_tuple_pack(2, a, b);
    fs = sp_frozenset_new(t);
    CHECK(sp_object_hash(fs) == -1826646154956904602L);
    SP_DECREF(fs);
    fs = sp_frozenset_new(NULL);
    CHECK(sp_object_hash(fs) == 133146708735736L);
    SP_DECREF(fs);
    SP_DECREF(t);
    SP_DECREF(a);
    SP_DECREF(b);
}

static void test_range_slice(void) {
    SpObject *r = sp_range_new(I(0), I(10), I(2));
    CHECK(repr_is(r, "range(0, 10, 2)"));
    CHECK(sp_object_length(r) == 5);
    CHECK(sp_object_hash(r) != -1);
    SpObject *it = sp_object_get_iter(r);
    long sum = 0;
    SpObject *x;
    while ((x = sp_iter_next(it)) != NULL) {
        sum += sp_int_as_long(x);
        SP_DECREF(x);
    }
    CHECK(sum == 20 && !sp_err_occurred());
    SP_DECREF(it);
    SpObject *four = I(4), *five = I(5);
    CHECK(sp_sequence_contains(r, four) == 1);
    CHECK(sp_sequence_contains(r, five) == 0);
    SP_DECREF(four);
    SP_DECREF(five);
    SP_DECREF(r);
    r = sp_range_new(I(0), I(10), I(1));
    CHECK(sp_object_hash(r) == -7546101314042312252L);
    SP_DECREF(r);
    SpObject *sl = sp_slice_new(I(1), I(2), NULL);
    CHECK(repr_is(sl, "slice(1, 2, None)"));
    ssize_t start, stop, step;
    CHECK(sp_slice_unpack(sl, &start, &stop, &step) == 0 && start == 1 && stop == 2 && step == 1);
    SP_DECREF(sl);
    sl = sp_slice_new(NULL, NULL, I(-1));
    CHECK(sp_slice_unpack(sl, &start, &stop, &step) == 0);
    CHECK(sp_slice_adjust_indices(5, &start, &stop, step) == 5 && start == 4 && stop == -1);
    SP_DECREF(sl);
}

int main(int argc, char **argv) {
    if (sp_runtime_init(argc, argv) < 0) {
        printf("runtime init failed\n0 passed, 1 failed\n");
        return 1;
    }
    test_tuple();
    test_list();
    test_dict();
    test_set();
    test_range_slice();
    printf("%d passed, %d failed\n", passed, failed);
    return failed != 0;
}
