// Unit tests of the core: the memory layout read back from live objects, the
// shared small ints, reference-count balance, errors and exceptions.
#include <stdio.h>
#include <string.h>

#include "core/abstract.h"
#include "core/err.h"
#include "core/gc.h"
#include "core/options.h"
#include "core/runtime.h"
#include "objects/exc.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/none.h"
#include "objects/str.h"
#include "objects/tuple.h"

static int passed, failed;

#define CHECK(cond)                                                    \
    do {                                                               \
        if (cond) {                                                    \
            passed++;                                                  \
        } else {                                                       \
            failed++;                                                  \
            printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond);     \
        }                                                              \
    } while (0)

// The bytes at `offset` of an object, as the ctypes experiments read them.
static uint32_t u32_at(SpObject *o, size_t offset) {
    uint32_t v;
    memcpy(&v, (char *)o + offset, sizeof v);
    return v;
}

static int64_t i64_at(SpObject *o, size_t offset) {
    int64_t v;
    memcpy(&v, (char *)o + offset, sizeof v);
    return v;
}

static void test_int_layout(void) {
    SpObject *a = sp_int_from_long(1000);
    CHECK(i64_at(a, 16) == 1);              // ob_size: one digit
    CHECK(u32_at(a, 24) == 1000);           // the digit
    SP_DECREF(a);
    SpObject *n = sp_int_from_long(-7);
    CHECK(i64_at(n, 16) == -1);             // negative: size -1
    CHECK(u32_at(n, 24) == 7);
    SP_DECREF(n);
    // 2**120 - 1: four digits of 0x3fffffff.
    SpObject *big = sp_int_from_string("1329227995784915872903807060280344575", -1, 10);
    CHECK(big != NULL && i64_at(big, 16) == 4);
    for (int i = 0; big && i < 4; i++) {
        CHECK(u32_at(big, 24 + 4 * (size_t)i) == 0x3fffffff);
    }
    SP_XDECREF(big);
}

static void test_shared_ints(void) {
    SpObject *a = sp_int_from_long(256), *b = sp_int_from_long(256);
    CHECK(a == b);
    SpObject *c = sp_int_from_long(257), *d = sp_int_from_long(257);
    CHECK(c != d);
    SpObject *e = sp_int_from_long(-5), *f = sp_int_from_long(-5);
    CHECK(e == f);
    SpObject *g = sp_int_from_long(-6), *h = sp_int_from_long(-6);
    CHECK(g != h);
    // Consecutive shared ints sit 32 bytes apart, as in CPython.
    SpObject *one = sp_int_from_long(1), *two = sp_int_from_long(2);
    CHECK((char *)two - (char *)one == 32);
    SpObject *objs[] = {a, b, c, d, e, f, g, h, one, two};
    for (size_t i = 0; i < sizeof objs / sizeof objs[0]; i++) {
        SP_DECREF(objs[i]);
    }
}

static void test_refcounts(void) {
    SpObject *v = sp_int_from_long(100);
    ssize_t before = SP_REFCNT(v);
    SpObject *l = sp_list_new(0);
    for (int i = 0; i < 10; i++) {
        sp_list_append(l, v);
    }
    CHECK(SP_REFCNT(v) == before + 10);
    SP_DECREF(l);
    CHECK(SP_REFCNT(v) == before);
    SpObject *t = sp_tuple_pack(3, v, v, v);
    CHECK(SP_REFCNT(v) == before + 3);
    SP_DECREF(t);
    CHECK(SP_REFCNT(v) == before);
    SP_DECREF(v);
}

static void test_sizes(void) {
    SpObject *l = sp_list_new(0);
    CHECK(SP_OBJECT_IS_GC(l));
    SpObject *s = sp_str_from_cstr("abc");
    CHECK(SP_STR_IS_ASCII(s) && memcmp((char *)s + 48, "abc", 4) == 0);
    SpObject *fl = sp_float_from_double(1.5);
    double d;
    memcpy(&d, (char *)fl + 16, sizeof d);
    CHECK(d == 1.5);
    SP_DECREF(l);
    SP_DECREF(s);
    SP_DECREF(fl);
}

static void test_errors(void) {
    CHECK(sp_err_occurred() == NULL);
    sp_err_format(&SpExc_ValueError, "bad value %d", 42);
    CHECK(sp_err_matches_type(&SpExc_ValueError));
    CHECK(sp_err_matches_type(&SpExc_Exception));
    CHECK(!sp_err_matches_type(&SpExc_TypeError));
    SpObject *e = sp_err_fetch();
    CHECK(e != NULL && sp_err_occurred() == NULL);
    SpObject *s = sp_object_str(e);
    CHECK(s != NULL && sp_str_eq_cstr(s, "bad value 42"));
    SP_XDECREF(s);
    SpObject *r = sp_object_repr(e);
    CHECK(r != NULL && sp_str_eq_cstr(r, "ValueError('bad value 42')"));
    SP_XDECREF(r);
    SP_DECREF(e);
    // KeyError's str is the repr of its key.
    SpObject *k = sp_str_from_cstr("k");
    sp_err_set_object(&SpExc_KeyError, k);
    e = sp_err_fetch();
    s = sp_object_str(e);
    CHECK(s != NULL && sp_str_eq_cstr(s, "'k'"));
    SP_XDECREF(s);
    SP_DECREF(e);
    SP_DECREF(k);
    // SystemExit(3).code == 3
    SpObject *three = sp_int_from_long(3);
    sp_err_set_object(&SpExc_SystemExit, three);
    e = sp_err_fetch();
    CHECK(((SpSystemExitObject *)e)->code == three);
    SP_DECREF(e);
    SP_DECREF(three);
}

int main(int argc, char **argv) {
    if (sp_runtime_init(argc, argv) < 0) {
        printf("0 passed, 1 failed\n");
        return 1;
    }
    test_int_layout();
    test_shared_ints();
    test_refcounts();
    test_sizes();
    test_errors();
    // A custom range: re-initialising the cache is a start-up operation, so
    // only check the current one here; -X int-cache is covered by golden tests.
    CHECK(sp_small_int_lo == SP_CFG_SMALL_INT_LO && sp_small_int_hi == SP_CFG_SMALL_INT_HI);
    printf("%d passed, %d failed\n", passed, failed);
    return failed != 0;
}
