// smallpy unit test of the number objects: int/float layout, the shared
// small-int range (identity, stride, custom ranges), big-int arithmetic,
// hashing and float repr against results recorded from CPython 3.11
// (int_test_vectors.h, made by int_test_vectors.py).
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/abstract.h"
#include "core/err.h"
#include "core/mem.h"
#include "core/runtime.h"
#include "objects/exc.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/int_impl.h"
#include "objects/none.h"
#include "objects/str.h"
#include "objects/tuple.h"

#include "int_test_vectors.h"

static int passed, failed;

#define CHECK(cond, ...)                                   \
    do {                                                   \
        if (cond) {                                        \
            passed++;                                      \
        } else {                                           \
            failed++;                                      \
            printf("FAIL %s:%d: ", __FILE__, __LINE__);    \
            printf(__VA_ARGS__);                           \
            printf("\n");                                  \
        }                                                  \
    } while (0)

// The text of an int result, "Type: message" of a pending exception, or
// "NULL". Returns a static buffer; consumes the reference.
static const char *text_of(SpObject *o) {
    static char buf[1 << 16];
    if (o == NULL) {
        SpObject *e = sp_err_fetch();
        if (e == NULL) {
            return "NULL";
        }
        SpObject *args = sp_exc_get_args_borrow(e);
        const char *msg = "";
        if (args != NULL && SP_TUPLE_SIZE(args) > 0 && SP_STR_CHECK(SP_TUPLE_GET_ITEM(args, 0))) {
            msg = sp_str_as_utf8(SP_TUPLE_GET_ITEM(args, 0), NULL);
        }
        snprintf(buf, sizeof buf, "%s: %s", sp_object_type_name(e), msg);
        SP_DECREF(e);
        return buf;
    }
    if (SP_FLOAT_CHECK(o)) {
        sp_float_repr_buf(SP_FLOAT_VALUE(o), buf, sizeof buf);
    } else if (SP_INT_CHECK(o)) {
        ssize_t len;
        char *s = sp_int_to_cstr(o, 10, 0, &len);
        snprintf(buf, sizeof buf, "%s", s ? s : "<to_cstr failed>");
        sp_mem_free(s);
    } else {
        snprintf(buf, sizeof buf, "<%s>", sp_object_type_name(o));
    }
    SP_DECREF(o);
    return buf;
}

static SpObject *num(const char *s) {
    SpObject *o = sp_int_from_string(s, -1, 10);
    if (o == NULL) {
        printf("cannot parse %s\n", s);
        exit(2);
    }
    return o;
}

static void test_layout(void) {
    CHECK(offsetof(SpIntObject, ob_digit) == 24, "digits at 24");
    CHECK(sizeof(SpIntObject) == 32, "int struct 32 bytes");
    CHECK(offsetof(SpFloatObject, ob_fval) == 16, "double at 16");
    CHECK(sizeof(SpFloatObject) == 24, "float 24 bytes");
    SpObject *z = sp_int_from_long(0);
    CHECK(SP_SIZE(z) == 0 && SP_INT_DIGITS(z)[0] == 0, "zero has size 0, one zero digit");
    SP_DECREF(z);
    SpObject *big = num("1329227995784915872903807060280344575");  // 2**120 - 1
    CHECK(SP_SIZE(big) == 4, "2**120-1 has 4 digits");
    for (int i = 0; i < 4; i++) {
        CHECK(SP_INT_DIGITS(big)[i] == 0x3fffffff, "digit %d is 3fffffff", i);
    }
    SP_DECREF(big);
    SpObject *m = sp_int_from_long(-1000);
    CHECK(SP_SIZE(m) == -1 && SP_INT_DIGITS(m)[0] == 1000, "-1000: size -1, digit 1000");
    SP_DECREF(m);
    CHECK(SP_SIZE(sp_True) == 1 && SP_INT_DIGITS(sp_True)[0] == 1, "True is a one-digit 1");
    CHECK(SP_SIZE(sp_False) == 0, "False is zero");
}

static void test_shared(void) {
    for (long v = -5; v <= 256; v++) {
        SpObject *a = sp_int_from_long(v), *b = sp_int_from_long(v);
        CHECK(a == b, "%ld shared", v);
        CHECK(a == sp_int_small_borrow(v), "%ld is the cache object", v);
        if (v > -5) {
            CHECK((char *)a - (char *)sp_int_small_borrow(v - 1) == 32, "stride 32 at %ld", v);
        }
        SP_DECREF(a);
        SP_DECREF(b);
    }
    long outside[] = {-6, 257, 1000, -1000, 1L << 40};
    for (size_t i = 0; i < sizeof outside / sizeof outside[0]; i++) {
        SpObject *a = sp_int_from_long(outside[i]), *b = sp_int_from_long(outside[i]);
        CHECK(a != b, "%ld not shared", outside[i]);
        SP_DECREF(a);
        SP_DECREF(b);
    }
    // Results of arithmetic in range are the shared objects.
    SpObject *x = num("1099511627776"), *y = num("1099511627676");  // 2**40, 2**40 - 100
    SpObject *d = sp_number_subtract(x, y);
    CHECK(d == sp_int_small_borrow(100), "2**40 - (2**40-100) is the shared 100");
    SP_DECREF(d);
    SpObject *q = sp_number_floor_divide(x, y);
    CHECK(q == sp_int_small_borrow(1), "big // big == shared 1");
    SP_DECREF(q);
    SpObject *r = sp_number_remainder(x, y);
    CHECK(r == sp_int_small_borrow(100), "big %% big == shared 100");
    SP_DECREF(r);
    SpObject *two = sp_number_add(sp_True, sp_True);
    CHECK(two == sp_int_small_borrow(2), "True + True is the shared 2");
    SP_DECREF(two);
    SpObject *one = sp_number_and(sp_True, sp_True);
    CHECK(one == sp_True, "True & True is True");
    SP_DECREF(one);
    SpObject *s = sp_int_from_string("  +255 ", -1, 10);
    CHECK(s == sp_int_small_borrow(255), "int(' +255 ') shared");
    SP_DECREF(s);
    SpObject *f = sp_int_from_double(-5.9);
    CHECK(f == sp_int_small_borrow(-5), "int(-5.9) shared");
    SP_DECREF(f);
    SpObject *bl = sp_int_bit_length(x);
    CHECK(bl == sp_int_small_borrow(41), "bit_length shared");
    SP_DECREF(bl);
    SP_DECREF(x);
    SP_DECREF(y);
    // Reference counts of shared objects are real.
    SpObject *k = sp_int_small_borrow(7);
    ssize_t before = SP_REFCNT(k);
    SpObject *k2 = sp_int_from_long(7);
    CHECK(SP_REFCNT(k) == before + 1, "refcount of 7 goes up");
    SP_DECREF(k2);
    CHECK(SP_REFCNT(k) == before, "and down");
}

static void test_custom_range(void) {
    CHECK(sp_int_cache_init(-100, 1000) == 0, "cache_init(-100, 1000)");
    SpObject *a = sp_int_from_long(1000), *b = sp_int_from_long(1000);
    CHECK(a == b && sp_int_is_small(1000), "1000 shared in custom range");
    SP_DECREF(a);
    SP_DECREF(b);
    a = sp_int_from_long(1001);
    b = sp_int_from_long(1001);
    CHECK(a != b, "1001 not shared");
    SP_DECREF(a);
    SP_DECREF(b);
    a = sp_int_from_long(-100);
    b = sp_int_from_long(-100);
    CHECK(a == b, "-100 shared");
    CHECK((char *)sp_int_small_borrow(-99) - (char *)a == 32, "stride in custom range");
    SP_DECREF(a);
    SP_DECREF(b);
    CHECK(sp_int_cache_init(1, 0) == 0, "cache off");
    a = sp_int_from_long(0);
    b = sp_int_from_long(0);
    CHECK(a != b && SP_SIZE(a) == 0, "0 not shared when off");
    SP_DECREF(a);
    SP_DECREF(b);
    CHECK(sp_int_cache_init(SP_CFG_SMALL_INT_LO, SP_CFG_SMALL_INT_HI) == 0, "default again");
    a = sp_int_from_long(256);
    b = sp_int_from_long(256);
    CHECK(a == b, "256 shared again");
    SP_DECREF(a);
    SP_DECREF(b);
}

static void test_vectors(void) {
    size_t n = sizeof int_vectors / sizeof int_vectors[0];
    for (size_t i = 0; i < n; i++) {
        const char *const *v = int_vectors[i];
        SpObject *a = num(v[0]), *b = num(v[1]);
        SpObject *k = num(v[13]), *e = num(v[15]), *m = num(v[16]);
        SpObject *q = NULL, *r = NULL;
        const char *t;
#define EXPECT(expr, idx, what)                                                        \
    t = text_of(expr);                                                                  \
    CHECK(strcmp(t, v[idx]) == 0, "row %zu %s: got %.80s want %.80s", i, what, t, v[idx])
        EXPECT(sp_number_add(a, b), 2, "a+b");
        EXPECT(sp_number_subtract(a, b), 3, "a-b");
        EXPECT(sp_number_multiply(a, b), 4, "a*b");
        CHECK(sp_int_divmod_floor(a, b, &q, &r) == 0, "divmod");
        EXPECT(q, 5, "a//b");
        EXPECT(r, 6, "a%b");
        EXPECT(sp_number_and(a, b), 7, "a&b");
        EXPECT(sp_number_or(a, b), 8, "a|b");
        EXPECT(sp_number_xor(a, b), 9, "a^b");
        EXPECT(sp_number_invert(a), 10, "~a");
        EXPECT(sp_number_lshift(a, k), 11, "a<<k");
        EXPECT(sp_number_rshift(a, k), 12, "a>>k");
        EXPECT(sp_number_power(a, e, m), 14, "pow(a,e,m)");
        char hb[32];
        snprintf(hb, sizeof hb, "%zd", sp_int_hash(a));
        CHECK(strcmp(hb, v[17]) == 0, "row %zu hash: got %s want %s", i, hb, v[17]);
        SpObject *tq = sp_number_true_divide(a, b);
        t = tq ? text_of(tq) : (sp_err_clear(), "OverflowError");
        CHECK(strcmp(t, v[18]) == 0, "row %zu a/b: got %s want %s", i, t, v[18]);
        double fa = sp_int_as_double(a);
        char fb[40];
        if (fa == -1.0 && sp_err_occurred()) {
            sp_err_clear();
            strcpy(fb, "OverflowError");
        } else {
            sp_float_repr_buf(fa, fb, sizeof fb);
        }
        CHECK(strcmp(fb, v[19]) == 0, "row %zu float(a): got %s want %s", i, fb, v[19]);
        // Round trip through a double where exact, and comparisons.
        CHECK(sp_int_compare(a, a) == 0 && sp_int_compare_double(a, INFINITY) < 0,
              "row %zu compare", i);
        int sa = sp_int_sign(a);
        CHECK(sa == 0 || (sp_int_compare_double(a, 6.7e-9) == sa &&
                          sp_int_compare_double(a, -1e-300) == sa),
              "row %zu compare with tiny doubles", i);
#undef EXPECT
        SP_DECREF(a);
        SP_DECREF(b);
        SP_DECREF(k);
        SP_DECREF(e);
        SP_DECREF(m);
    }
}

static void test_floats(void) {
    size_t n = sizeof float_vectors / sizeof float_vectors[0];
    for (size_t i = 0; i < n; i++) {
        double d;
        memcpy(&d, &float_vectors[i].bits, sizeof d);
        char buf[40];
        sp_float_repr_buf(d, buf, sizeof buf);
        CHECK(strcmp(buf, float_vectors[i].repr) == 0, "repr of %016llx: got %s want %s",
              float_vectors[i].bits, buf, float_vectors[i].repr);
        if (d != 0.0 && isfinite(d)) {
            char fast[32], slow[32];
            int e1 = sp_float_shortest_digits(fabs(d), fast, 0);
            int e2 = sp_float_shortest_digits(fabs(d), slow, 1);
            CHECK(e1 == e2 && strcmp(fast, slow) == 0, "shortest digits of %s: %s/%d vs %s/%d",
                  float_vectors[i].repr, fast, e1, slow, e2);
        }
        SpHash h = sp_float_hash_double(NULL, d);
        CHECK(h == float_vectors[i].hash, "hash of %s: got %zd want %lld", float_vectors[i].repr,
              h, float_vectors[i].hash);
    }
    CHECK(sp_float_hash_double(NULL, 0.5) == 1152921504606846976, "hash(0.5)");
    SpObject *one = sp_int_from_long(1);
    CHECK(sp_float_hash_double(NULL, 1.0) == sp_int_hash(one), "hash(1.0) == hash(1)");
    SP_DECREF(one);
}

static void test_parse(void) {
    size_t n = sizeof parse_vectors / sizeof parse_vectors[0];
    for (size_t i = 0; i < n; i++) {
        const char *s = parse_vectors[i].text;
        SpObject *o = sp_int_from_string(s, (ssize_t)strlen(s), parse_vectors[i].base);
        const char *t = text_of(o);
        char shown[200];
        size_t len = strlen(t);
        if (len > 60 && strncmp(t, "ValueError", 10) != 0) {
            snprintf(shown, sizeof shown, "len%zu:%s", len, t + len - 20);
            t = shown;
        }
        CHECK(strcmp(t, parse_vectors[i].expect) == 0, "int(%.40s, %d): got %.100s want %.100s",
              s, parse_vectors[i].base, t, parse_vectors[i].expect);
    }
    const char *t = text_of(sp_int_from_string("12\0", 3, 10));
    CHECK(strcmp(t, "ValueError: invalid literal for int() with base 10: '12\\x00'") == 0,
          "embedded NUL: %s", t);
    char *nines = malloc(4302);
    memset(nines, '9', 4301);
    nines[4301] = 0;
    t = text_of(sp_int_from_string(nines, 4301, 10));
    CHECK(strcmp(t, "ValueError: Exceeds the limit (4300 digits) for integer string "
                    "conversion: value has 4301 digits; use sys.set_int_max_str_digits() to "
                    "increase the limit") == 0,
          "4301 digits: %s", t);
    SpObject *ok = sp_int_from_string(nines, 4300, 10);
    CHECK(ok != NULL, "4300 digits parse");
    SpObject *s = sp_int_to_decimal_string(ok);
    CHECK(s != NULL && SP_STR_LENGTH(s) == 4300, "4300 digits print");
    SP_XDECREF(s);
    SpObject *one = sp_int_from_long(1);
    SpObject *big = sp_number_add(ok, one);  // 10**4300: 4301 digits
    t = text_of(sp_int_to_decimal_string(big));
    CHECK(strcmp(t, "ValueError: Exceeds the limit (4300 digits) for integer string "
                    "conversion; use sys.set_int_max_str_digits() to increase the limit") == 0,
          "str(10**4300): %s", t);
    SP_DECREF(big);
    SP_DECREF(one);
    SP_DECREF(ok);
    free(nines);
    SpObject *h = sp_int_from_string("-0x1F", -1, 0);
    t = text_of(sp_int_format_base(h, 16));
    CHECK(strcmp(t, "<str>") == 0, "hex gives a str");
    SpObject *hs = sp_int_format_base(h, 16);
    CHECK(hs && strcmp(sp_str_as_utf8(hs, NULL), "-0x1f") == 0, "hex(-31)");
    SP_XDECREF(hs);
    hs = sp_int_format_base(h, 2);
    CHECK(hs && strcmp(sp_str_as_utf8(hs, NULL), "-0b11111") == 0, "bin(-31)");
    SP_XDECREF(hs);
    SP_DECREF(h);
}

int main(int argc, char **argv) {
    if (sp_runtime_init(argc, argv) < 0) {
        printf("runtime init failed\n0 passed, 1 failed\n");
        return 1;
    }
    test_layout();
    test_shared();
    test_custom_range();
    test_vectors();
    test_floats();
    test_parse();
    printf("%d passed, %d failed\n", passed, failed);
    return failed != 0;
}
