// smallpy: private helpers shared by the str family of files (str.c,
// str_type.c, str_methods.c, str_case.c, str_codecs.c, str_format.c,
// str_ucd.c, format.c, bytes.c, bytes_methods.c, bytearray.c). Not part of
// any other folder's contract: only files of the str area include it. Counterpart: the static helpers of CPython 3.11
// Objects/unicodeobject.c, Objects/stringlib/, Python/pyhash.c.
#ifndef SP_OBJECTS_STR_INTERNAL_H
#define SP_OBJECTS_STR_INTERNAL_H

#include <string.h>

#include "objects/bytes.h"
#include "objects/str.h"

// Header sizes of the two compact forms: characters follow at these offsets.
#define SP_STR_ASCII_HEADER ((ssize_t)sizeof(SpASCIIObject))        // 48
#define SP_STR_COMPACT_HEADER ((ssize_t)sizeof(SpCompactStrObject))  // 72

// The shared one-character string for c < 256, borrowed.
extern SpObject *sp_str_latin1[256];
#define SP_STR_LATIN1_BORROW(c) (sp_str_latin1[(c)])
// The shared "" (borrowed).
extern SpObject *sp_str_empty;

// The upper bound of the storage class a character needs: 127 (ASCII), 255
// (1-byte), 0xFFFF (2-byte) or 0x10FFFF (4-byte).
static inline SpUCS4 sp_str_class_of(SpUCS4 c) {
    return c < 0x80 ? 0x7F : c < 0x100 ? 0xFF : c < 0x10000 ? 0xFFFF : 0x10FFFF;
}
// The class bound of a str (from its form, which is always the narrowest).
static inline SpUCS4 sp_str_class(SpObject *s) {
    if (SP_STR_IS_ASCII(s)) {
        return 0x7F;
    }
    int k = SP_STR_KIND(s);
    return k == 1 ? 0xFF : k == 2 ? 0xFFFF : 0x10FFFF;
}
// The storage class of len code points of the given kind (early exit at the
// widest class possible for the kind).
SP_FUNC SpUCS4 sp_str_find_class(int kind, const void *data, ssize_t len);
// Copy n characters converting between kinds; the destination kind must be
// wide enough for the characters copied.
SP_FUNC void sp_str_copy_chars(int to_kind, void *to, ssize_t to_start, int from_kind,
                               const void *from, ssize_t from_start, ssize_t n);
// A str from kind data that is already known to need at most class `cls`
// (sp_str_find_class computed by the caller); shares ""/Latin-1 chars.
SP_FUNC SP_MAY_RAISE SpObject *sp_str_from_kind_class(int kind, const void *data, ssize_t len,
                                                     SpUCS4 cls);
// A str from Latin-1 bytes (shares ""/one-char strings).
SP_FUNC SP_MAY_RAISE SpObject *sp_str_from_latin1(const char *s, ssize_t len);
// A str from ASCII bytes known to be < 0x80.
SP_FUNC SP_MAY_RAISE SpObject *sp_str_from_ascii(const char *s, ssize_t len);

// Remove a dying interned string from the interning set (str_dealloc).
SP_FUNC void sp_str_intern_forget(SpObject *s);

// --- Hashing ----------------------------------------------------------------

// SipHash-1-3 of raw memory with the per-run key (CPython's _Py_HashBytes:
// 0 for empty input, -1 mapped to -2). str hashes its kind-sized code units,
// bytes its bytes, so an ASCII str and the equal bytes hash alike.
SP_FUNC SpHash sp_hash_bytes(const void *data, ssize_t len);

// --- Codecs (str_codecs.c) -----------------------------------------------------

// Length of the ASCII prefix of s (a word at a time).
SP_FUNC ssize_t sp_ascii_prefix(const unsigned char *s, ssize_t len);
// UTF-8 to str with an error handler (SP_ERR_*). New str or NULL.
SP_FUNC SP_MAY_RAISE SpObject *sp_utf8_decode(const char *s, ssize_t len, int errors);

// Error handlers understood by the built-in codecs.
// SP_ERR_UNKNOWN: a name no handler has; like CPython, that is only an
// error (LookupError) once a character actually needs handling.
enum { SP_ERR_STRICT, SP_ERR_IGNORE, SP_ERR_REPLACE, SP_ERR_SURROGATEESCAPE,
       SP_ERR_SURROGATEPASS, SP_ERR_BACKSLASHREPLACE, SP_ERR_XMLCHARREFREPLACE, SP_ERR_UNKNOWN };
// The handler for an `errors` argument (NULL = strict; SP_ERR_UNKNOWN for
// names without a handler). Cannot fail.
SP_FUNC SP_MAY_RAISE int sp_codec_error_handler(const char *errors);
// Codecs: normalized name -> id; -1 with LookupError "unknown encoding: x".
enum { SP_CODEC_UTF8, SP_CODEC_ASCII, SP_CODEC_LATIN1, SP_CODEC_UTF16, SP_CODEC_UTF16LE,
       SP_CODEC_UTF16BE, SP_CODEC_UTF32, SP_CODEC_UTF32LE, SP_CODEC_UTF32BE };
SP_FUNC SP_MAY_RAISE int sp_codec_lookup(const char *encoding);
// Decode bytes with a codec and error handler. New str or NULL.
SP_FUNC SP_MAY_RAISE SpObject *sp_codec_decode(const char *s, ssize_t len, int codec, int errors);
// Encode a str with a codec and error handler. New bytes or NULL.
SP_FUNC SP_MAY_RAISE SpObject *sp_codec_encode(SpObject *str, int codec, int errors);
// str(obj, encoding, errors) / bytes.decode: obj must be bytes-like; the
// encoding and errors are C strings (NULL = defaults).
SP_FUNC SP_MAY_RAISE SpObject *sp_str_decode(const char *s, ssize_t len, const char *encoding,
                                            const char *errors);
// str.encode(encoding, errors) with C-string arguments (NULL = utf-8 /
// strict): new bytes, or NULL with LookupError or UnicodeEncodeError.
SP_FUNC SP_MAY_RAISE SpObject *sp_str_encode(SpObject *str, const char *encoding,
                                            const char *errors);

// --- Writer extras (str.c) --------------------------------------------------------

// Make room for n more characters up to class `cls`. 0 or -1.
SP_FUNC SP_MAY_RAISE int sp_str_writer_prepare(SpStrWriter *w, ssize_t n, SpUCS4 cls);
// s[start:end] appended.
SP_FUNC SP_MAY_RAISE int sp_str_writer_write_substring(SpStrWriter *w, SpObject *s,
                                                      ssize_t start, ssize_t end);
// n copies of c.
SP_FUNC SP_MAY_RAISE int sp_str_writer_fill(SpStrWriter *w, SpUCS4 c, ssize_t n);
// UTF-8 text (invalid sequences become U+FFFD).
SP_FUNC SP_MAY_RAISE int sp_str_writer_write_utf8(SpStrWriter *w, const char *s, ssize_t len);
// Append one character whose class fits already (after sp_str_writer_prepare).
static inline void sp_str_writer_put(SpStrWriter *w, SpUCS4 c) {
    sp_str_write(w->kind, w->data, w->len++, c);
}

// --- Searching (str_methods.c) ---------------------------------------------------

// Find needle (kind data, length m) in haystack (same kind, length n):
// index of the first (dir > 0) or last (dir < 0) occurrence, or -1.
SP_FUNC ssize_t sp_str_search(int kind, const void *hay, ssize_t n, const void *needle,
                              ssize_t m, int dir);
// Non-overlapping occurrences, at most maxcount.
SP_FUNC ssize_t sp_str_count_in(int kind, const void *hay, ssize_t n, const void *needle,
                                ssize_t m, ssize_t maxcount);

// --- Unicode character database (str_ucd.c, generated tables) ---------------------

enum {
    SP_UCD_ALPHA = 0x1, SP_UCD_DECIMAL = 0x2, SP_UCD_DIGIT = 0x4, SP_UCD_NUMERIC = 0x8,
    SP_UCD_LOWER = 0x10, SP_UCD_UPPER = 0x20, SP_UCD_TITLE = 0x40, SP_UCD_SPACE = 0x80,
    SP_UCD_PRINTABLE = 0x100, SP_UCD_CASED = 0x200, SP_UCD_CASE_IGNORABLE = 0x400,
    SP_UCD_XID_START = 0x800, SP_UCD_XID_CONTINUE = 0x1000, SP_UCD_LINEBREAK = 0x2000,
};
// The property flags of c (SP_UCD_*).
SP_FUNC unsigned sp_ucd_flags(SpUCS4 c);
// Full case mappings: writes 1-3 characters to out, returns how many.
SP_FUNC int sp_ucd_lower_full(SpUCS4 c, SpUCS4 *out);
SP_FUNC int sp_ucd_upper_full(SpUCS4 c, SpUCS4 *out);
SP_FUNC int sp_ucd_title_full(SpUCS4 c, SpUCS4 *out);
SP_FUNC int sp_ucd_fold_full(SpUCS4 c, SpUCS4 *out);
// Decimal digit value (0-9) or -1; digit value (isdigit) or -1.
SP_FUNC int sp_ucd_decimal(SpUCS4 c);
SP_FUNC int sp_ucd_digit(SpUCS4 c);

static inline int sp_ucd_has(SpUCS4 c, unsigned f) { return (sp_ucd_flags(c) & f) != 0; }
// Python's str.isspace() per character (whitespace or bidi class WS/B/S).
static inline int sp_ucd_isspace(SpUCS4 c) {
    if (c < 128) {
        return c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F);
    }
    return sp_ucd_has(c, SP_UCD_SPACE);
}
static inline int sp_ucd_isprintable(SpUCS4 c) {
    if (c < 128) {
        return c >= 0x20 && c < 0x7F;
    }
    return sp_ucd_has(c, SP_UCD_PRINTABLE);
}
// Line boundaries of str.splitlines().
static inline int sp_ucd_islinebreak(SpUCS4 c) {
    if (c < 128) {
        return c == '\n' || c == '\r' || (c >= 0x0B && c <= 0x0C) || (c >= 0x1C && c <= 0x1E);
    }
    return c == 0x85 || c == 0x2028 || c == 0x2029;
}

// --- Formatting (str_format.c) -------------------------------------------------------

// str % args and bytes % args.
SP_FUNC SP_MAY_RAISE SpObject *sp_str_percent_format(SpObject *format, SpObject *args);
SP_FUNC SP_MAY_RAISE SpObject *sp_bytes_percent_format(SpObject *format, SpObject *args);
// str.format(*args, **kwargs) core: args a tuple, kwargs a dict or NULL.
SP_FUNC SP_MAY_RAISE SpObject *sp_str_format_method(SpObject *format, SpObject *args,
                                                   SpObject *kwargs);
// ascii(s) of a str: repr with non-ASCII escaped.
SP_FUNC SP_MAY_RAISE SpObject *sp_str_ascii_repr(SpObject *s);
// repr into a writer (ascii_only escapes every non-ASCII character).
SP_FUNC SP_MAY_RAISE int sp_str_repr_write(SpStrWriter *w, SpObject *s, int ascii_only);

// --- Case mapping and predicates (str_case.c), METH_NOARGS methods -----------------

#define SP_STR_CASE_METHODS(X)                                                            \
    X(lower) X(upper) X(title) X(capitalize) X(swapcase) X(casefold) X(isascii)           \
    X(islower) X(isupper) X(istitle) X(isspace) X(isdecimal) X(isdigit) X(isnumeric)      \
    X(isalpha) X(isalnum) X(isidentifier_meth) X(isprintable)
#define SP_STR_CASE_DECL_(n) \
    SP_FUNC SP_MAY_RAISE SpObject *sp_str_##n(SpObject *self, SpObject *unused);
SP_STR_CASE_METHODS(SP_STR_CASE_DECL_)
#undef SP_STR_CASE_DECL_
// s.isidentifier() as a C truth value (the compiler's rules for names).
SP_FUNC int sp_str_isidentifier(SpObject *s);

// --- bytes and bytearray (bytes.c, bytes_methods.c, bytearray.c) -----------------

// Either byte type (the "bytes-like objects" smallpy knows).
static inline int sp_buf_check(SpObject *o) { return SP_BYTES_CHECK(o) || SP_BYTEARRAY_CHECK(o); }
// An empty bytearray owns no buffer; its data is then this empty array, so
// that memcpy and friends never see a NULL pointer.
extern char sp_buf_no_data[1];
static inline char *sp_buf_data(SpObject *o) {
    if (SP_BYTES_CHECK(o)) {
        return SP_BYTES_DATA(o);
    }
    char *p = SP_BYTEARRAY_DATA(o);
    return p != NULL ? p : sp_buf_no_data;
}
static inline ssize_t sp_buf_size(SpObject *o) { return SP_SIZE(o); }
// A new object of self's kind (bytes or bytearray) with a copy of n bytes of
// s (s NULL: zeroed, never a shared bytes).
SP_FUNC SP_MAY_RAISE SpObject *sp_buf_new_like(SpObject *self, const char *s, ssize_t n);
// A needle argument: an int in range(256) (stored in *byte) or a bytes-like
// object. find_style picks find()'s TypeError message. 0 or -1.
SP_FUNC SP_MAY_RAISE int sp_buf_needle(SpObject *x, char *byte, const char **data, ssize_t *len,
                                      int find_style);
// Shared slots: comparison, `in`, concatenation of any two byte objects
// (the result takes a's type), construction from bytes() arguments.
SP_FUNC SP_MAY_RAISE SpObject *sp_buf_richcompare(SpObject *a, SpObject *b, int op);
SP_FUNC SP_MAY_RAISE int sp_buf_contains(SpObject *o, SpObject *x);
SP_FUNC SP_MAY_RAISE SpObject *sp_buf_concat(SpObject *a, SpObject *b);
// The bytes value of bytes(x) / bytes(x, encoding, errors); `who` names the
// constructor in messages ("bytes", "bytearray").
SP_FUNC SP_MAY_RAISE SpObject *sp_bytes_from_args(const char *who, SpObject *x, SpObject *encoding,
                                                 SpObject *errors);
// Method tables (bytes_methods.c) and bytearray's mutating methods.
extern SpMethodDef sp_bytes_methods[], sp_bytearray_methods[];
// Their bodies (bytearray.c), listed in sp_bytearray_methods: each returns
// a new reference (None for the mutators) or NULL with CPython's error.
SP_FUNC SP_MAY_RAISE SpObject *sp_bytearray_append(SpObject *self, SpObject *arg);
SP_FUNC SP_MAY_RAISE SpObject *sp_bytearray_clear(SpObject *self, SpObject *unused);
SP_FUNC SP_MAY_RAISE SpObject *sp_bytearray_copy(SpObject *self, SpObject *unused);
SP_FUNC SP_MAY_RAISE SpObject *sp_bytearray_extend(SpObject *self, SpObject *arg);
SP_FUNC SP_MAY_RAISE SpObject *sp_bytearray_insert(SpObject *self, SpObject *const *args,
                                                  ssize_t nargs, SpObject *kwnames);
SP_FUNC SP_MAY_RAISE SpObject *sp_bytearray_pop(SpObject *self, SpObject *const *args,
                                               ssize_t nargs, SpObject *kwnames);
SP_FUNC SP_MAY_RAISE SpObject *sp_bytearray_remove(SpObject *self, SpObject *arg);
SP_FUNC SP_MAY_RAISE SpObject *sp_bytearray_reverse(SpObject *self, SpObject *unused);
SP_FUNC SP_MAY_RAISE SpObject *sp_bytearray_alloc(SpObject *self, SpObject *unused);
SP_FUNC SP_MAY_RAISE SpObject *sp_bytearray_sizeof(SpObject *self, SpObject *unused);

// --- Methods and slots of str exported to bytes/format ---------------------------------

// The str iterator type.
extern SpTypeObject SpStrIter_Type, SpStrAsciiIter_Type, SpBytesIter_Type;
// Methods table of str (str_methods.c) used by SpStr_Type in str_type.c.
extern SpMethodDef sp_str_methods[];
// str.__format__ implementation (format.c).
SP_FUNC SP_MAY_RAISE SpObject *sp_str_format_spec(SpObject *s, SpObject *spec);

#endif  // SP_OBJECTS_STR_INTERNAL_H
