// smallpy: str, in CPython 3.11's PEP 393 layout. ASCII strings are "compact
// ASCII": the characters start at offset 48, NUL-terminated. Other strings
// are compact with 1, 2 or 4 bytes a character starting at offset 72.
// One-character strings U+0000..U+00FF and "" are shared. Counterpart:
// CPython 3.11 Objects/unicodeobject.c, Include/cpython/unicodeobject.h.
#ifndef SP_OBJECTS_STR_H
#define SP_OBJECTS_STR_H

#include <stdarg.h>
#include <stdint.h>

#include "core/object.h"

typedef uint32_t SpUCS4;
typedef uint16_t SpUCS2;
typedef uint8_t SpUCS1;

enum { SP_STR_1BYTE_KIND = 1, SP_STR_2BYTE_KIND = 2, SP_STR_4BYTE_KIND = 4 };
enum { SP_STR_NOT_INTERNED = 0, SP_STR_INTERNED_MORTAL = 1, SP_STR_INTERNED_IMMORTAL = 2 };

typedef struct SpASCIIObject {
    SP_OBJECT_HEAD;
    ssize_t length;  // code points, offset 16
    SpHash hash;     // -1 until computed, offset 24
    struct {
        unsigned int interned : 2;
        unsigned int kind : 3;
        unsigned int compact : 1;
        unsigned int ascii : 1;
        unsigned int ready : 1;
        unsigned int : 24;
    } state;         // offset 32
    void *wstr;      // always NULL, offset 40
} SpASCIIObject;     // characters follow at 48 when state.ascii

typedef struct SpCompactStrObject {
    SpASCIIObject _base;
    ssize_t utf8_length;  // offset 48
    char *utf8;           // cached UTF-8 (owned) or NULL, offset 56
    ssize_t wstr_length;  // always 0, offset 64
} SpCompactStrObject;     // characters follow at 72

extern SpTypeObject SpStr_Type;

#define SP_STR_CHECK(o) sp_type_has_flag(SP_TYPE(o), SP_TPFLAGS_UNICODE_SUBCLASS)
#define SP_STR_CHECK_EXACT(o) (SP_TYPE(o) == &SpStr_Type)
#define SP_STR_LENGTH(o) (((SpASCIIObject *)(o))->length)
#define SP_STR_KIND(o) ((int)((SpASCIIObject *)(o))->state.kind)
#define SP_STR_IS_ASCII(o) (((SpASCIIObject *)(o))->state.ascii)
#define SP_STR_DATA(o)                                                       \
    (SP_STR_IS_ASCII(o) ? (void *)((SpASCIIObject *)(o) + 1)                 \
                        : (void *)((SpCompactStrObject *)(o) + 1))
static inline SpUCS4 sp_str_read(int kind, const void *data, ssize_t i) {
    return kind == 1 ? ((const SpUCS1 *)data)[i]
         : kind == 2 ? ((const SpUCS2 *)data)[i] : ((const SpUCS4 *)data)[i];
}
static inline void sp_str_write(int kind, void *data, ssize_t i, SpUCS4 c) {
    if (kind == 1) ((SpUCS1 *)data)[i] = (SpUCS1)c;
    else if (kind == 2) ((SpUCS2 *)data)[i] = (SpUCS2)c;
    else ((SpUCS4 *)data)[i] = c;
}
#define SP_STR_READ_CHAR(o, i) sp_str_read(SP_STR_KIND(o), SP_STR_DATA(o), (i))

// --- Construction: new reference or NULL ------------------------------------

// sp_str_new(length, maxchar): an uninitialised str able to hold `length`
// characters up to maxchar (picks ASCII/1/2/4-byte form). Fill it with
// sp_str_write before anyone else sees it. Never returns a shared object.
SP_FUNC SP_MAY_RAISE SpObject *sp_str_new(ssize_t length, SpUCS4 maxchar);
// From UTF-8 (strict: UnicodeDecodeError on bad input); len -1 = strlen.
SP_FUNC SP_MAY_RAISE SpObject *sp_str_from_utf8(const char *s, ssize_t len);
SP_FUNC SP_MAY_RAISE SpObject *sp_str_from_cstr(const char *s);
// From code points of the given kind; picks the narrowest form; shares
// "" and one Latin-1 character.
SP_FUNC SP_MAY_RAISE SpObject *sp_str_from_kind_and_data(int kind, const void *data,
                                                        ssize_t len);
// chr(c): shared for c < 256. ValueError for c > 0x10FFFF.
SP_FUNC SP_MAY_RAISE SpObject *sp_str_from_ordinal(SpUCS4 c);
// printf-like: %s (UTF-8 char*), %d %i %u %ld %lu %lld %zd %zu %x %c (code
// point) %p %%, and object formats %R repr(obj), %S str(obj), %A ascii(obj),
// %U a str object, %T the type name of an object (type(obj).__name__),
// %V (str object or NULL, then a char* fallback). Widths/precision on %s and
// %U/%S/%R as "%.200s" truncate.
SP_FUNC SP_MAY_RAISE SpObject *sp_str_from_format(const char *fmt, ...);
SP_FUNC SP_MAY_RAISE SpObject *sp_str_from_formatv(const char *fmt, va_list ap);
// The empty string, borrowed (immortal for practical purposes).
SP_FUNC SpObject *sp_str_empty_borrow(void);

// --- Access -------------------------------------------------------------------

// The UTF-8 form, borrowed: valid while o lives (cached in the object for
// non-ASCII strings). NULL with UnicodeEncodeError for lone surrogates.
// *size may be NULL.
SP_FUNC SP_MAY_RAISE const char *sp_str_as_utf8(SpObject *o, ssize_t *size);
// Equality of two str objects (fast: identity, length, kind, memcmp).
SP_FUNC int sp_str_eq(SpObject *a, SpObject *b);
// Equality with a NUL-terminated ASCII/UTF-8 C string.
SP_FUNC int sp_str_eq_cstr(SpObject *a, const char *s);
// Hash (SipHash-1-3 family as CPython, seeded per run) with caching.
SP_FUNC SpHash sp_str_hash(SpObject *o);
// a + b; new reference or NULL.
SP_FUNC SP_MAY_RAISE SpObject *sp_str_concat(SpObject *a, SpObject *b);
// sep.join(iterable); TypeError for non-str items as CPython.
SP_FUNC SP_MAY_RAISE SpObject *sp_str_join(SpObject *sep, SpObject *iterable);
// o[start:end] with 0 <= start <= end <= len.
SP_FUNC SP_MAY_RAISE SpObject *sp_str_substring(SpObject *o, ssize_t start, ssize_t end);
// repr(str) with CPython's quote choice and escapes.
SP_FUNC SP_MAY_RAISE SpObject *sp_str_repr(SpObject *o);
// Rich comparison of two str objects by code point: <0, 0, >0.
SP_FUNC int sp_str_compare(SpObject *a, SpObject *b);

// --- Interning ------------------------------------------------------------------

// sp_str_intern_in_place(&s): replace *s by the interned equal string
// (stealing and returning references as needed). Identifiers, attribute
// names and names of the compiler are interned so dict lookups hit by identity.
SP_FUNC void sp_str_intern_in_place(SpObject **s);
// sp_str_intern_cstr(s): the interned str for the C string s, new reference.
SP_FUNC SP_MAY_RAISE SpObject *sp_str_intern_cstr(const char *s);

// A growable text buffer for building strings (repr of containers, join,
// formatting). Starts as 1-byte and widens on demand.
typedef struct SpStrWriter {
    void *data;
    int kind;
    SpUCS4 maxchar;
    ssize_t len, cap;
} SpStrWriter;
SP_FUNC void sp_str_writer_init(SpStrWriter *w);
// Append text; 0 or -1 with MemoryError.
SP_FUNC SP_MAY_RAISE int sp_str_writer_write_str(SpStrWriter *w, SpObject *s);
SP_FUNC SP_MAY_RAISE int sp_str_writer_write_ascii(SpStrWriter *w, const char *s, ssize_t len);
SP_FUNC SP_MAY_RAISE int sp_str_writer_write_char(SpStrWriter *w, SpUCS4 c);
// Finish: a new str (the writer is emptied), or NULL.
SP_FUNC SP_MAY_RAISE SpObject *sp_str_writer_finish(SpStrWriter *w);
// Abandon: free the buffer.
SP_FUNC void sp_str_writer_discard(SpStrWriter *w);

// Interned names used across the interpreter (`__init__`, `__name__`, ...):
// sp_id(__init__) is the interned str, borrowed. Filled at start-up.
#define SP_IDENTIFIERS(X)                                                            \
    X(__abs__) X(__add__) X(__aenter__) X(__aexit__) X(__all__) X(__and__)            \
    X(__annotations__) X(__bool__) X(__build_class__) X(__builtins__) X(__call__)     \
    X(__class__) X(__class_getitem__) X(__contains__) X(__del__) X(__delattr__)       \
    X(__delete__) X(__delitem__) X(__dict__) X(__dir__) X(__divmod__) X(__doc__)      \
    X(__enter__) X(__eq__) X(__exit__) X(__file__) X(__float__) X(__floordiv__)       \
    X(__format__) X(__ge__) X(__get__) X(__getattr__) X(__getattribute__)             \
    X(__getitem__) X(__gt__) X(__hash__) X(__iadd__) X(__iand__) X(__ifloordiv__)     \
    X(__ilshift__) X(__imatmul__) X(__imod__) X(__import__) X(__imul__) X(__index__)  \
    X(__init__) X(__init_subclass__) X(__int__) X(__invert__) X(__ior__) X(__ipow__)  \
    X(__irshift__) X(__isub__) X(__iter__) X(__itruediv__) X(__ixor__) X(__le__)      \
    X(__len__) X(__length_hint__) X(__loader__) X(__lshift__) X(__lt__) X(__main__)   \
    X(__matmul__) X(__missing__) X(__mod__) X(__module__) X(__mro__) X(__mul__)       \
    X(__name__) X(__ne__) X(__neg__) X(__new__) X(__next__) X(__or__) X(__package__)  \
    X(__pos__) X(__pow__) X(__qualname__) X(__radd__) X(__rand__) X(__rdivmod__)      \
    X(__repr__) X(__reversed__) X(__rfloordiv__) X(__rlshift__) X(__rmatmul__)        \
    X(__rmod__) X(__rmul__) X(__ror__) X(__round__) X(__rpow__) X(__rrshift__)        \
    X(__rshift__) X(__rsub__) X(__rtruediv__) X(__rxor__) X(__set__)                  \
    X(__set_name__) X(__setattr__) X(__setitem__) X(__slots__) X(__spec__)            \
    X(__str__) X(__sub__) X(__subclasshook__) X(__truediv__) X(__trunc__) X(__xor__)  \
    X(__bases__) X(__base__) X(__traceback__) X(__cause__) X(__context__)             \
    X(__weakref__) X(__self__) X(__func__) X(__wrapped__) X(__closure__)              \
    X(__code__) X(__defaults__) X(__kwdefaults__) X(__globals__)  \
    X(args) X(close) X(encoding) X(end) X(errors) X(file) X(fileno) X(flush)          \
    X(items) X(keys) X(metaclass) X(mro) X(name) X(obj) X(readline) X(send)           \
    X(sep) X(stderr) X(stdin) X(stdout) X(throw) X(values) X(write) X(__orig_bases__) \
    X(__mro_entries__) X(__prepare__) X(__instancecheck__) X(__subclasscheck__)       \
    X(__ceil__) X(__floor__) X(__complex__) X(__bytes__) X(__sizeof__) X(__reduce__)  \
    X(__getstate__) X(__setstate__) X(__reduce_ex__) X(__getnewargs__) X(__await__)   \
    X(__aiter__) X(__anext__) X(key) X(reverse) X(default) X(strict) X(start) X(copy)   \
    X(__abstractmethods__)

enum {
#define SP_ID_ENUM_(n) SP_ID_##n,
    SP_IDENTIFIERS(SP_ID_ENUM_)
#undef SP_ID_ENUM_
    SP_ID_COUNT_
};
extern SpObject *sp_identifiers[SP_ID_COUNT_];
#define sp_id(n) (sp_identifiers[SP_ID_##n])
// sp_str_init(): create the shared one-character strings, "" and the
// identifiers. Called once at start-up, before anything else uses str.
SP_FUNC SP_MAY_RAISE int sp_str_init(void);

// sp_str_append(&left, right): left += right for the VM's BINARY_OP +=
// (CPython's PyUnicode_Append). Steals the reference in *left and stores the
// result there (NULL on error, exception set). When *left is an exact,
// unshared (refcount 1), non-interned str wide enough for right, it grows in
// place, so `s += t` in a loop is amortised linear.
SP_FUNC SP_MAY_RAISE void sp_str_append(SpObject **left, SpObject *right);

#endif  // SP_OBJECTS_STR_H
