// Unit tests of the str core: layout offsets, sizes, sharing, interning,
// hashing, the writer, repr and sp_str_from_format. Expected values come
// from python3.11.
#include <stdio.h>
#include <string.h>

#include "core/abstract.h"
#include "core/err.h"
#include "core/runtime.h"
#include "objects/bytes.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/str.h"

static int passed, failed;

#define CHECK(cond)                                                        \
    do {                                                                   \
        if (cond) {                                                        \
            passed++;                                                      \
        } else {                                                           \
            failed++;                                                      \
            printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond);         \
        }                                                                  \
    } while (0)

// Compare a str object with expected UTF-8 text; consumes the reference.
static void check_text(SpObject *s, const char *want, int line) {
    if (s == NULL) {
        failed++;
        printf("FAIL line %d: NULL (want %s)\n", line, want);
        sp_err_clear();
        return;
    }
    const char *u = sp_str_as_utf8(s, NULL);
    if (u != NULL && strcmp(u, want) == 0) {
        passed++;
    } else {
        failed++;
        printf("FAIL line %d: got [%s] want [%s]\n", line, u ? u : "(null)", want);
    }
    SP_DECREF(s);
}
#define CHECK_TEXT(s, want) check_text((s), (want), __LINE__)

static ssize_t sizeof_str(SpObject *s) {
    ssize_t n = SP_STR_LENGTH(s);
    return SP_STR_IS_ASCII(s) ? 49 + n : 72 + (n + 1) * SP_STR_KIND(s);
}

int main(int argc, char **argv) {
    if (sp_runtime_init(argc, argv) < 0) {
        sp_err_clear();
    }
    sp_str_init();

    // Layout: "abc" keeps its characters at offset 48.
    SpObject *abc = sp_str_from_cstr("abc");
    CHECK(((char *)abc)[48] == 'a' && ((char *)abc)[51] == '\0');
    CHECK(*(ssize_t *)((char *)abc + 16) == 3);
    CHECK(SP_STR_IS_ASCII(abc) && SP_STR_KIND(abc) == 1);
    CHECK(sizeof_str(abc) == 52);

    // Non-ASCII sizes as sys.getsizeof: 'é' 74, '€' 76, '😀' 80.
    SpObject *e = sp_str_from_cstr("\xc3\xa9");
    SpObject *euro = sp_str_from_cstr("\xe2\x82\xac");
    SpObject *smile = sp_str_from_cstr("\xf0\x9f\x98\x80");
    CHECK(sizeof_str(e) == 74 && sizeof_str(euro) == 76 && sizeof_str(smile) == 80);
    CHECK(SP_STR_KIND(euro) == 2 && SP_STR_KIND(smile) == 4 && !SP_STR_IS_ASCII(e));
    CHECK(((unsigned char *)e)[72] == 0xe9);

    // Sharing: one-character Latin-1 strings and "".
    SpObject *a1 = sp_str_from_ordinal(65), *a2 = sp_str_substring(abc, 0, 1);
    SpObject *A = sp_str_from_cstr("A"), *a = sp_str_from_cstr("a");
    CHECK(a1 == A && a2 == a);
    SpObject *c300a = sp_str_from_ordinal(300), *c300b = sp_str_from_ordinal(300);
    CHECK(c300a != c300b && sp_str_eq(c300a, c300b));
    SpObject *empty = sp_str_from_cstr("");
    CHECK(empty == sp_str_empty_borrow());
    SpObject *ab = sp_str_substring(abc, 0, 2);
    CHECK(SP_STR_LENGTH(ab) == 2 && sp_str_eq_cstr(ab, "ab"));
    // Substring of a wide string narrows: "a€"[0:1] is the shared 'a'.
    SpObject *aeuro = sp_str_from_cstr("a\xe2\x82\xac" "bc");
    SpObject *bc = sp_str_substring(aeuro, 2, 4);
    CHECK(SP_STR_IS_ASCII(bc) && sp_str_eq(bc, sp_str_substring(abc, 1, 3)) == 1);

    // Concatenation, comparison, hash.
    SpObject *abab = sp_str_concat(ab, ab);
    CHECK(sp_str_eq_cstr(abab, "abab"));
    SpObject *mixed = sp_str_concat(abc, euro);
    CHECK(SP_STR_KIND(mixed) == 2 && SP_STR_LENGTH(mixed) == 4);
    CHECK(sp_str_compare(abc, ab) > 0 && sp_str_compare(ab, abc) < 0);
    CHECK(sp_str_compare(e, euro) < 0 && sp_str_compare(smile, euro) > 0);
    SpObject *abc2 = sp_str_concat(ab, sp_str_from_ordinal('c'));
    CHECK(sp_str_hash(abc) == sp_str_hash(abc2) && abc != abc2);
    CHECK(sp_str_hash(empty) == 0);

    // Interning.
    SpObject *i1 = sp_str_intern_cstr("hello_world"), *i2 = sp_str_intern_cstr("hello_world");
    CHECK(i1 == i2);
    SpObject *i3 = sp_str_from_cstr("hello_world");
    sp_str_intern_in_place(&i3);
    CHECK(i3 == i1);
    CHECK(sp_id(__init__) != NULL && sp_str_eq_cstr(sp_id(__init__), "__init__"));
    SpObject *init = sp_str_intern_cstr("__init__");
    CHECK(init == sp_id(__init__));

    // repr with CPython's quote choice and escapes.
    CHECK_TEXT(sp_str_repr(abc), "'abc'");
    CHECK_TEXT(sp_str_repr(sp_str_from_cstr("it's")), "\"it's\"");
    CHECK_TEXT(sp_str_repr(sp_str_from_cstr("say \"x\"")), "'say \"x\"'");
    CHECK_TEXT(sp_str_repr(sp_str_from_cstr("both ' \"")), "'both \\' \"'");
    CHECK_TEXT(sp_str_repr(sp_str_from_cstr("a\nb\t\\\x01\x7f")), "'a\\nb\\t\\\\\\x01\\x7f'");
    CHECK_TEXT(sp_str_repr(sp_str_from_cstr("h\xc3\xa9 \xc2\xa0\xc2\xad")), "'h\xc3\xa9 \\xa0\\xad'");
    CHECK_TEXT(sp_str_repr(smile), "'\xf0\x9f\x98\x80'");
    CHECK_TEXT(sp_str_repr(sp_str_from_cstr("\xe2\x80\xa8")), "'\\u2028'");
    CHECK_TEXT(sp_str_repr(sp_str_from_ordinal(0xDC80)), "'\\udc80'");
    CHECK_TEXT(sp_str_repr(sp_str_from_ordinal(0xE0001)), "'\\U000e0001'");

    // The writer widens as needed and shares short results.
    SpStrWriter w;
    sp_str_writer_init(&w);
    sp_str_writer_write_ascii(&w, "x", 1);
    SpObject *x = sp_str_writer_finish(&w);
    CHECK(x == sp_str_from_ordinal('x'));
    sp_str_writer_init(&w);
    for (int i = 0; i < 100; i++) {
        sp_str_writer_write_ascii(&w, "ab", 2);
    }
    sp_str_writer_write_char(&w, 0xe9);
    sp_str_writer_write_str(&w, euro);
    sp_str_writer_write_char(&w, 0x1F600);
    SpObject *big = sp_str_writer_finish(&w);
    CHECK(SP_STR_LENGTH(big) == 203 && SP_STR_KIND(big) == 4);
    CHECK(SP_STR_READ_CHAR(big, 199) == 'b' && SP_STR_READ_CHAR(big, 200) == 0xe9 &&
          SP_STR_READ_CHAR(big, 201) == 0x20AC && SP_STR_READ_CHAR(big, 202) == 0x1F600);
    SP_DECREF(big);
    sp_str_writer_init(&w);
    sp_str_writer_write_ascii(&w, "abc", 3);
    sp_str_writer_write_char(&w, 0xe9);
    SpObject *abce = sp_str_writer_finish(&w);
    CHECK(!SP_STR_IS_ASCII(abce) && SP_STR_KIND(abce) == 1 && sizeof_str(abce) == 77);
    CHECK(((unsigned char *)abce)[72] == 'a' && ((unsigned char *)abce)[75] == 0xe9);

    // sp_str_from_format directives.
    CHECK_TEXT(sp_str_from_format("%d %i %u %ld %lu %lld %zd %zu %x %c %%", -1, 2, 3u, -4L, 5UL,
                                  -6LL, (ssize_t)-7, (size_t)8, 255u, 0xe9),
               "-1 2 3 -4 5 -6 -7 8 ff \xc3\xa9 %");
    CHECK_TEXT(sp_str_from_format("[%s] [%.3s] [%5s] [%-5s|]", "hi", "abcdef", "ab", "ab"),
               "[hi] [abc] [   ab] [ab   |]");
    CHECK_TEXT(sp_str_from_format("%U %R %V %V", abc, abc, NULL, "fb", abc, "no"),
               "abc 'abc' fb abc");
    CHECK_TEXT(sp_str_from_format("%.2U|%5d|%-4d|%03d", abc, 42, 7, 5), "ab|   42|7   |005");
    SpObject *p = sp_str_from_format("%p", (void *)0x1234);
    CHECK(p && sp_str_eq_cstr(p, "0x1234"));

    // UTF-8 round trip and errors.
    SpObject *bad = sp_str_from_utf8("\xff", 1);
    CHECK(bad == NULL && sp_err_occurred() != NULL);
    sp_err_clear();
    ssize_t size;
    const char *u = sp_str_as_utf8(mixed, &size);
    CHECK(u && size == 6 && memcmp(u, "abc\xe2\x82\xac", 6) == 0);

    // sp_str_append grows an unshared string in place and copies otherwise.
    SpObject *acc = sp_str_concat(abc, abc);  // fresh, refcount 1
    for (int i = 0; i < 100; i++) {
        sp_str_append(&acc, ab);
    }
    CHECK(acc != NULL && SP_STR_LENGTH(acc) == 206 && sp_str_hash(acc) != -1);
    SpObject *keep = sp_newref(acc);
    sp_str_append(&acc, euro);  // shared now: a new, wider string
    CHECK(acc != keep && SP_STR_KIND(acc) == 2 && SP_STR_LENGTH(keep) == 206);
    SP_DECREF(keep);
    SP_DECREF(acc);

    // bytes: layout, sharing, hash equal to the ASCII str's.
    SpObject *b = sp_bytes_from_data("abc", 3);
    CHECK(((char *)b)[32] == 'a' && ((char *)b)[35] == '\0' && SP_SIZE(b) == 3);
    CHECK(sp_bytes_from_data("x", 1) == sp_bytes_from_data("x", 1));
    CHECK(sp_bytes_from_data("", 0) == sp_bytes_from_data("", 0));
    CHECK(SP_TYPE(b)->tp_hash(b) == sp_str_hash(abc));
    CHECK_TEXT(sp_bytes_repr(sp_bytes_from_data("a'\"\\\n\x80", 6)), "b'a\\'\"\\\\\\n\\x80'");

    // bytearray: CPython's 56-byte header; an empty one owns no buffer.
    SpObject *ba = sp_bytearray_from_data("xyz", 3);
    SpByteArrayObject *bao = (SpByteArrayObject *)ba;
    CHECK(SP_SIZE(ba) == 3 && bao->ob_alloc == 4 && bao->ob_start == bao->ob_bytes &&
          memcmp(bao->ob_start, "xyz", 4) == 0);
    SpObject *eba = sp_bytearray_from_data(NULL, 0);
    CHECK(SP_SIZE(eba) == 0 && ((SpByteArrayObject *)eba)->ob_alloc == 0);
    SP_DECREF(ba);
    SP_DECREF(eba);

    // format(): the spec mini-language for int, float and str.
    SpObject *big_int = sp_int_from_long(-1234567);
    CHECK_TEXT(sp_int_format(big_int, sp_str_from_cstr(",")), "-1,234,567");
    CHECK_TEXT(sp_int_format(big_int, sp_str_from_cstr("015_")), "-00_001_234_567");
    CHECK_TEXT(sp_int_format(sp_int_from_long(255), sp_str_from_cstr("#010x")), "0x000000ff");
    CHECK_TEXT(sp_int_format(sp_int_from_long(65), sp_str_from_cstr("^5c")), "  A  ");
    CHECK_TEXT(sp_float_format(sp_float_from_double(3.14159), sp_str_from_cstr("*^12.3f")),
               "***3.142****");
    CHECK_TEXT(sp_float_format(sp_float_from_double(1e16), sp_str_from_cstr(".17")), "1e+16");
    CHECK_TEXT(sp_float_format(sp_float_from_double(-0.0), sp_str_from_cstr("z.1f")), "0.0");
    CHECK_TEXT(sp_float_format(sp_float_from_double(0.125), sp_str_from_cstr(".1%")), "12.5%");
    CHECK(sp_int_format(big_int, sp_str_from_cstr("q")) == NULL);
    sp_err_clear();

    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
