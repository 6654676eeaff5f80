// smallpy: the built-in codecs of str and bytes: UTF-8 (the internal
// encoding: sp_str_from_utf8, sp_str_as_utf8), ASCII, Latin-1, UTF-16 and
// UTF-32, with the error handlers strict, ignore, replace, surrogateescape,
// surrogatepass, backslashreplace and xmlcharrefreplace; UnicodeDecodeError
// and UnicodeEncodeError carry CPython's positions and reasons.
// Counterpart: CPython 3.11 Objects/unicodeobject.c (codecs), Python/codecs.c.
#include <stdio.h>
#include <string.h>

#include "core/abstract.h"
#include "core/err.h"
#include "core/mem.h"
#include "objects/bytes.h"
#include "objects/exc.h"
#include "objects/int.h"
#include "objects/str_internal.h"
#include "objects/tuple.h"

// =============================================================================
// UTF-8
// =============================================================================

// Decode one UTF-8 sequence at p (p < end). Returns its length and stores the
// code point, or returns 0 for an invalid sequence, storing in *bad the
// number of bytes that form the maximal invalid prefix and in *why the reason.
// Strict UTF-8 as CPython reads it: no overlong forms (C0, C1, E0 80..9F,
// F0 80..8F), no surrogates (ED A0..BF), nothing above U+10FFFF (F4 90..,
// F5..FF). The invalid prefix length and the reason decide the error's
// start/end positions and message, which tests compare with CPython's
// ("invalid start byte", "invalid continuation byte", "unexpected end of
// data").
static int utf8_decode_one(const unsigned char *p, const unsigned char *end, SpUCS4 *out,
                           int *bad, const char **why) {
    unsigned c = p[0];
    int need;
    SpUCS4 cp;
    unsigned lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (c < 0x80) {
        *out = c;
        return 1;
    } else if (c >= 0xC2 && c <= 0xDF) {
        need = 1;
        cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        cp = c & 0x0F;
        if (c == 0xE0) {
            lo = 0xA0;  // overlong
        } else if (c == 0xED) {
            hi = 0x9F;  // surrogates
        }
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        cp = c & 0x07;
        if (c == 0xF0) {
            lo = 0x90;
        } else if (c == 0xF4) {
            hi = 0x8F;
        }
    } else {
        *bad = 1;
        *why = "invalid start byte";
        return 0;
    }
    for (int i = 1; i <= need; i++) {
        if (p + i >= end) {
            *bad = i;
            *why = "unexpected end of data";
            return 0;
        }
        unsigned b = p[i];
        unsigned l = i == 1 ? lo : 0x80, h = i == 1 ? hi : 0xBF;
        if (b < l || b > h) {
            *bad = i;
            *why = "invalid continuation byte";
            return 0;
        }
        cp = (cp << 6) | (b & 0x3F);
    }
    *out = cp;
    return need + 1;
}

// Raise UnicodeDecodeError(encoding, bytes(data), start, end, reason).
// The exception's __str__ (exc.c) builds "'utf-8' codec can't decode byte
// 0xff in position 0: invalid start byte" from these five arguments.
static void raise_decode_error(const char *encoding, const char *data, ssize_t len,
                               ssize_t start, ssize_t end, const char *reason) {
    SpObject *b = sp_bytes_from_data(data, len);
    if (b == NULL) {
        return;
    }
    SpObject *args = NULL, *exc = NULL;
    SpObject *enc = sp_str_from_cstr(encoding);
    SpObject *st = sp_int_from_ssize(start), *en = sp_int_from_ssize(end);
    SpObject *rs = sp_str_from_cstr(reason);
    if (enc && st && en && rs) {
        args = sp_tuple_pack(5, enc, b, st, en, rs);
    }
    if (args != NULL) {
        exc = sp_exc_new(&SpExc_UnicodeDecodeError, args);
    }
    if (exc != NULL) {
        sp_err_set_object(&SpExc_UnicodeDecodeError, exc);
    }
    SP_XDECREF(exc);
    SP_XDECREF(args);
    SP_XDECREF(enc);
    SP_XDECREF(st);
    SP_XDECREF(en);
    SP_XDECREF(rs);
    SP_DECREF(b);
}

// Raise UnicodeEncodeError(encoding, str, start, end, reason).
static void raise_encode_error(const char *encoding, SpObject *str, ssize_t start, ssize_t end,
                               const char *reason) {
    SpObject *args = NULL, *exc = NULL;
    SpObject *enc = sp_str_from_cstr(encoding);
    SpObject *st = sp_int_from_ssize(start), *en = sp_int_from_ssize(end);
    SpObject *rs = sp_str_from_cstr(reason);
    if (enc && st && en && rs) {
        args = sp_tuple_pack(5, enc, str, st, en, rs);
    }
    if (args != NULL) {
        exc = sp_exc_new(&SpExc_UnicodeEncodeError, args);
    }
    if (exc != NULL) {
        sp_err_set_object(&SpExc_UnicodeEncodeError, exc);
    }
    SP_XDECREF(exc);
    SP_XDECREF(args);
    SP_XDECREF(enc);
    SP_XDECREF(st);
    SP_XDECREF(en);
    SP_XDECREF(rs);
}

// Length of the ASCII prefix of s (word at a time).
ssize_t sp_ascii_prefix(const unsigned char *s, ssize_t len) {
    ssize_t i = 0;
    while (i + 8 <= len) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        if (w & 0x8080808080808080ULL) {
            break;
        }
        i += 8;
    }
    while (i < len && s[i] < 0x80) {
        i++;
    }
    return i;
}

// UTF-8 decoding with an error handler, in two passes: the first validates,
// counts and finds the storage class, the second writes.
// Pure ASCII input (the usual case: source code, identifiers, most data)
// is detected a word at a time and copied in one go.
SpObject *sp_utf8_decode(const char *str, ssize_t len, int errors) {
    const unsigned char *s = (const unsigned char *)str, *end = s + len;
    ssize_t pre = sp_ascii_prefix(s, len);
    if (pre == len) {
        return sp_str_from_ascii(str, len);
    }
    // Pass 1: count characters and find the storage class, applying the
    // error handler's effect on both (replace adds U+FFFD, which needs two
    // bytes a character; ignore adds nothing).
    ssize_t count = pre;
    SpUCS4 cls = 0x7F;
    const unsigned char *p = s + pre;
    while (p < end) {
        if (*p < 0x80) {
            p++;
            count++;
            continue;
        }
        SpUCS4 c;
        int bad;
        const char *why;
        int n = utf8_decode_one(p, end, &c, &bad, &why);
        if (n > 0) {
            p += n;
            count++;
            if (c > cls) {
                cls = sp_str_class_of(c);
            }
            continue;
        }
        switch (errors) {
        case SP_ERR_IGNORE:
            break;
        case SP_ERR_REPLACE:
            count++;
            cls = cls < 0xFFFF ? 0xFFFF : cls;
            break;
        case SP_ERR_SURROGATEESCAPE:
            // Each undecodable byte becomes U+DC80..U+DCFF.
            bad = 1;
            count++;
            cls = cls < 0xFFFF ? 0xFFFF : cls;
            break;
        case SP_ERR_BACKSLASHREPLACE:
            bad = 1;
            count += 4;
            break;
        default:
            raise_decode_error("utf-8", str, len, p - s, p - s + bad, why);
            return NULL;
        }
        p += bad;
    }
    if (count == 0) {
        return sp_newref(sp_str_empty);  // everything was ignored
    }
    // Pass 2: decode into a string of exactly the right size and form.
    SpObject *r = sp_str_new(count, cls);
    if (r == NULL) {
        return NULL;
    }
    int kind = SP_STR_KIND(r);
    void *data = SP_STR_DATA(r);
    ssize_t o = 0;
    for (p = s; p < s + pre; p++) {
        sp_str_write(kind, data, o++, *p);
    }
    while (p < end) {
        if (*p < 0x80) {
            sp_str_write(kind, data, o++, *p++);
            continue;
        }
        SpUCS4 c;
        int bad;
        const char *why;
        int n = utf8_decode_one(p, end, &c, &bad, &why);
        if (n > 0) {
            sp_str_write(kind, data, o++, c);
            p += n;
            continue;
        }
        if (errors == SP_ERR_REPLACE) {
            sp_str_write(kind, data, o++, 0xFFFD);
        } else if (errors == SP_ERR_SURROGATEESCAPE) {
            sp_str_write(kind, data, o++, 0xDC00 + *p);
            bad = 1;
        } else if (errors == SP_ERR_BACKSLASHREPLACE) {
            static const char hex[] = "0123456789abcdef";
            sp_str_write(kind, data, o++, '\\');
            sp_str_write(kind, data, o++, 'x');
            sp_str_write(kind, data, o++, (SpUCS4)hex[*p >> 4]);
            sp_str_write(kind, data, o++, (SpUCS4)hex[*p & 15]);
            bad = 1;
        }
        p += bad;
    }
    if (count == 1) {
        SpUCS4 c = sp_str_read(kind, data, 0);
        if (c < 256) {
            SP_DECREF(r);
            return sp_newref(sp_str_latin1[c]);
        }
    }
    return r;
}

SpObject *sp_str_from_utf8(const char *s, ssize_t len) {
    if (len < 0) {
        len = (ssize_t)strlen(s);
    }
    return sp_utf8_decode(s, len, SP_ERR_STRICT);
}

SpObject *sp_str_from_cstr(const char *s) {
    return sp_utf8_decode(s, (ssize_t)strlen(s), SP_ERR_STRICT);
}

// Bytes needed to encode s as UTF-8, or -1 at the first surrogate (its index
// in *bad_at) when surrogates are not allowed.
static ssize_t utf8_size(SpObject *s, int allow_surrogates, ssize_t *bad_at) {
    int kind = SP_STR_KIND(s);
    const void *data = SP_STR_DATA(s);
    ssize_t n = SP_STR_LENGTH(s), size = 0;
    for (ssize_t i = 0; i < n; i++) {
        SpUCS4 c = sp_str_read(kind, data, i);
        if (c < 0x80) {
            size += 1;
        } else if (c < 0x800) {
            size += 2;
        } else if (c < 0x10000) {
            if (c >= 0xD800 && c <= 0xDFFF && !allow_surrogates) {
                *bad_at = i;
                return -1;
            }
            size += 3;
        } else {
            size += 4;
        }
    }
    return size;
}

static char *utf8_put(char *out, SpUCS4 c) {
    if (c < 0x80) {
        *out++ = (char)c;
    } else if (c < 0x800) {
        *out++ = (char)(0xC0 | (c >> 6));
        *out++ = (char)(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        *out++ = (char)(0xE0 | (c >> 12));
        *out++ = (char)(0x80 | ((c >> 6) & 0x3F));
        *out++ = (char)(0x80 | (c & 0x3F));
    } else {
        *out++ = (char)(0xF0 | (c >> 18));
        *out++ = (char)(0x80 | ((c >> 12) & 0x3F));
        *out++ = (char)(0x80 | ((c >> 6) & 0x3F));
        *out++ = (char)(0x80 | (c & 0x3F));
    }
    return out;
}

// Range of consecutive surrogates starting at i (for the error's end).
static ssize_t surrogate_run_end(SpObject *s, ssize_t i) {
    ssize_t n = SP_STR_LENGTH(s);
    while (i < n) {
        SpUCS4 c = SP_STR_READ_CHAR(s, i);
        if (c < 0xD800 || c > 0xDFFF) {
            break;
        }
        i++;
    }
    return i;
}

// ASCII strings are their own UTF-8. Others encode once and keep the result
// in the object (freed with it); lone surrogates cannot be encoded and raise
// UnicodeEncodeError covering the whole run of surrogates, as CPython.
const char *sp_str_as_utf8(SpObject *o, ssize_t *size) {
    if (SP_STR_IS_ASCII(o)) {
        if (size != NULL) {
            *size = SP_STR_LENGTH(o);
        }
        return (const char *)SP_STR_DATA(o);
    }
    SpCompactStrObject *c = (SpCompactStrObject *)o;
    if (c->utf8 == NULL) {
        ssize_t bad_at;
        ssize_t n = utf8_size(o, 0, &bad_at);
        if (n < 0) {
            raise_encode_error("utf-8", o, bad_at, surrogate_run_end(o, bad_at),
                               "surrogates not allowed");
            return NULL;
        }
        char *buf = sp_mem_alloc((size_t)n + 1);
        if (buf == NULL) {
            sp_err_no_memory();
            return NULL;
        }
        char *p = buf;
        int kind = SP_STR_KIND(o);
        const void *data = SP_STR_DATA(o);
        for (ssize_t i = 0; i < SP_STR_LENGTH(o); i++) {
            p = utf8_put(p, sp_str_read(kind, data, i));
        }
        *p = '\0';
        c->utf8 = buf;
        c->utf8_length = n;
    }
    if (size != NULL) {
        *size = c->utf8_length;
    }
    return c->utf8;
}

// =============================================================================
// Codecs: utf-8, ascii, latin-1 with the common error handlers.
// =============================================================================

int sp_codec_error_handler(const char *errors) {
    static const struct {
        const char *name;
        int id;
    } table[] = {
        {"strict", SP_ERR_STRICT}, {"ignore", SP_ERR_IGNORE}, {"replace", SP_ERR_REPLACE},
        {"surrogateescape", SP_ERR_SURROGATEESCAPE}, {"surrogatepass", SP_ERR_SURROGATEPASS},
        {"backslashreplace", SP_ERR_BACKSLASHREPLACE},
        {"xmlcharrefreplace", SP_ERR_XMLCHARREFREPLACE},
    };
    if (errors == NULL) {
        return SP_ERR_STRICT;
    }
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
        if (strcmp(errors, table[i].name) == 0) {
            return table[i].id;
        }
    }
    return SP_ERR_UNKNOWN;
}

// The codecs smallpy has built in, under the aliases of CPython's
// encodings.aliases table that name them.
int sp_codec_lookup(const char *encoding) {
    static const struct {
        const char *name;
        int id;
    } aliases[] = {
        {"utf_8", SP_CODEC_UTF8}, {"utf8", SP_CODEC_UTF8}, {"u8", SP_CODEC_UTF8},
        {"utf", SP_CODEC_UTF8}, {"cp65001", SP_CODEC_UTF8}, {"utf8_ucs2", SP_CODEC_UTF8},
        {"utf8_ucs4", SP_CODEC_UTF8},
        {"ascii", SP_CODEC_ASCII}, {"us_ascii", SP_CODEC_ASCII}, {"646", SP_CODEC_ASCII},
        {"us", SP_CODEC_ASCII}, {"ansi_x3.4_1968", SP_CODEC_ASCII}, {"cp367", SP_CODEC_ASCII},
        {"latin_1", SP_CODEC_LATIN1}, {"latin1", SP_CODEC_LATIN1}, {"latin", SP_CODEC_LATIN1},
        {"l1", SP_CODEC_LATIN1}, {"iso_8859_1", SP_CODEC_LATIN1}, {"iso8859_1", SP_CODEC_LATIN1},
        {"8859", SP_CODEC_LATIN1}, {"cp819", SP_CODEC_LATIN1}, {"iso_ir_100", SP_CODEC_LATIN1},
        {"utf_16", SP_CODEC_UTF16}, {"utf16", SP_CODEC_UTF16}, {"u16", SP_CODEC_UTF16},
        {"utf_16_le", SP_CODEC_UTF16LE}, {"utf_16le", SP_CODEC_UTF16LE},
        {"unicodelittleunmarked", SP_CODEC_UTF16LE},
        {"utf_16_be", SP_CODEC_UTF16BE}, {"utf_16be", SP_CODEC_UTF16BE},
        {"unicodebigunmarked", SP_CODEC_UTF16BE},
        {"utf_32", SP_CODEC_UTF32}, {"utf32", SP_CODEC_UTF32}, {"u32", SP_CODEC_UTF32},
        {"utf_32_le", SP_CODEC_UTF32LE}, {"utf_32le", SP_CODEC_UTF32LE},
        {"utf_32_be", SP_CODEC_UTF32BE}, {"utf_32be", SP_CODEC_UTF32BE},
    };
    char norm[40];
    size_t n = 0;
    if (encoding == NULL) {
        return SP_CODEC_UTF8;
    }
    // Normalise as the codec registry does: lower case, and runs of
    // characters other than letters, digits and '.' become one '_'.
    for (const char *p = encoding; *p && n + 1 < sizeof norm; p++) {
        char c = *p;
        if (c >= 'A' && c <= 'Z') {
            c = (char)(c - 'A' + 'a');
        }
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.') {
            norm[n++] = c;
        } else if (n > 0 && norm[n - 1] != '_') {
            norm[n++] = '_';
        }
    }
    norm[n] = '\0';
    if (strlen(encoding) < sizeof norm) {
        for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++) {
            if (strcmp(norm, aliases[i].name) == 0) {
                return aliases[i].id;
            }
        }
    }
    sp_err_format(&SpExc_LookupError, "unknown encoding: %s", encoding);
    return -1;
}

// ASCII decoding: bytes >= 0x80 are errors.
// Decoding ASCII with a handler other than strict is rare, so it goes
// through the writer a byte at a time.
static SpObject *ascii_decode(const char *str, ssize_t len, int errors) {
    const unsigned char *s = (const unsigned char *)str;
    ssize_t pre = sp_ascii_prefix(s, len);
    if (pre == len) {
        return sp_str_from_ascii(str, len);
    }
    if (errors == SP_ERR_STRICT || errors == SP_ERR_SURROGATEPASS ||
        errors == SP_ERR_XMLCHARREFREPLACE) {
        raise_decode_error("ascii", str, len, pre, pre + 1, "ordinal not in range(128)");
        return NULL;
    }
    SpStrWriter w;
    sp_str_writer_init(&w);
    for (ssize_t i = 0; i < len; i++) {
        int rc = 0;
        if (s[i] < 0x80) {
            rc = sp_str_writer_write_char(&w, s[i]);
        } else if (errors == SP_ERR_REPLACE) {
            rc = sp_str_writer_write_char(&w, 0xFFFD);
        } else if (errors == SP_ERR_SURROGATEESCAPE) {
            rc = sp_str_writer_write_char(&w, 0xDC00 + s[i]);
        } else if (errors == SP_ERR_BACKSLASHREPLACE) {
            char buf[8];
            snprintf(buf, sizeof buf, "\\x%02x", s[i]);
            rc = sp_str_writer_write_ascii(&w, buf, 4);
        }
        if (rc < 0) {
            sp_str_writer_discard(&w);
            return NULL;
        }
    }
    return sp_str_writer_finish(&w);
}

// =============================================================================
// UTF-16 and UTF-32 (little-endian by default, as on the machines smallpy
// runs on; the plain names write and honour a BOM).
// =============================================================================

static int codec_unit(int codec) {
    return codec >= SP_CODEC_UTF32 ? 4 : 2;
}

static const char *codec_name(int codec) {
    static const char *const names[] = {"utf-8", "ascii", "latin-1", "utf-16", "utf-16-le",
                                        "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"};
    return names[codec];
}

static uint32_t read_unit(const unsigned char *p, int unit, int big) {
    if (unit == 2) {
        return big ? (uint32_t)(p[0] << 8 | p[1]) : (uint32_t)(p[1] << 8 | p[0]);
    }
    return big ? ((uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3])
               : ((uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0]);
}

// UTF-16/UTF-32 decoding. The unmarked names (utf-16, utf-32) consume a BOM
// and otherwise read little-endian, like CPython on x86-64. Error reasons
// are CPython's: "truncated data", "unexpected end of data", "illegal
// encoding", "illegal UTF-16 surrogate", "code point not in range(...)".
static SpObject *utf16_32_decode(const char *str, ssize_t len, int codec, int errors) {
    const unsigned char *s = (const unsigned char *)str;
    int unit = codec_unit(codec);
    int big = codec == SP_CODEC_UTF16BE || codec == SP_CODEC_UTF32BE;
    ssize_t i = 0;
    if (codec == SP_CODEC_UTF16 && len >= 2) {
        uint32_t bom = read_unit(s, 2, 0);
        if (bom == 0xFEFF || bom == 0xFFFE) {
            big = bom == 0xFFFE;
            i = 2;
        }
    } else if (codec == SP_CODEC_UTF32 && len >= 4) {
        uint32_t bom = read_unit(s, 4, 0);
        if (bom == 0xFEFF || bom == 0xFFFE0000u) {
            big = bom == 0xFFFE0000u;
            i = 4;
        }
    }
    // Errors name the byte order actually used.
    const char *name = unit == 2 ? (big ? "utf-16-be" : "utf-16-le")
                                 : (big ? "utf-32-be" : "utf-32-le");
    SpStrWriter w;
    sp_str_writer_init(&w);
    while (i < len) {
        const char *why = NULL;
        ssize_t bad_end = i;
        uint32_t c = 0;
        ssize_t step = unit;
        if (len - i < unit) {
            why = "truncated data";
            bad_end = len;
        } else {
            c = read_unit(s + i, unit, big);
            if (unit == 2 && c >= 0xD800 && c <= 0xDBFF) {
                if (len - i < 4) {
                    why = "unexpected end of data";
                    bad_end = len;
                } else {
                    uint32_t lo = read_unit(s + i + 2, 2, big);
                    if (lo >= 0xDC00 && lo <= 0xDFFF) {
                        c = 0x10000 + ((c - 0xD800) << 10) + (lo - 0xDC00);
                        step = 4;
                    } else {
                        why = "illegal UTF-16 surrogate";
                        bad_end = i + 2;
                    }
                }
            } else if (unit == 2 && c >= 0xDC00 && c <= 0xDFFF) {
                why = "illegal encoding";
                bad_end = i + 2;
            } else if (unit == 4 && c > 0x10FFFF) {
                why = "code point not in range(0x110000)";
                bad_end = i + 4;
            } else if (unit == 4 && c >= 0xD800 && c <= 0xDFFF) {
                why = "code point in surrogate code point range(0xd800, 0xe000)";
                bad_end = i + 4;
            }
        }
        int rc = 0;
        if (why == NULL) {
            rc = sp_str_writer_write_char(&w, c);
            i += step;
        } else if (errors == SP_ERR_IGNORE || errors == SP_ERR_REPLACE) {
            if (errors == SP_ERR_REPLACE) {
                rc = sp_str_writer_write_char(&w, 0xFFFD);
            }
            i = bad_end;
        } else if (errors == SP_ERR_BACKSLASHREPLACE) {
            for (; i < bad_end && rc == 0; i++) {
                char buf[8];
                snprintf(buf, sizeof buf, "\\x%02x", s[i]);
                rc = sp_str_writer_write_ascii(&w, buf, 4);
            }
        } else {
            sp_str_writer_discard(&w);
            raise_decode_error(name, str, len, i, bad_end, why);
            return NULL;
        }
        if (rc < 0) {
            sp_str_writer_discard(&w);
            return NULL;
        }
    }
    return sp_str_writer_finish(&w);
}

static char *put_unit(char *p, uint32_t v, int unit, int big) {
    for (int k = 0; k < unit; k++) {
        int shift = big ? 8 * (unit - 1 - k) : 8 * k;
        *p++ = (char)((v >> shift) & 0xFF);
    }
    return p;
}

// Encoding to UTF-16/32: a BOM for the unmarked names, surrogate pairs for
// characters beyond the BMP in UTF-16; lone surrogates are errors.
static SpObject *utf16_32_encode(SpObject *str, int codec, int errors) {
    int unit = codec_unit(codec);
    int big = codec == SP_CODEC_UTF16BE || codec == SP_CODEC_UTF32BE;
    int bom = codec == SP_CODEC_UTF16 || codec == SP_CODEC_UTF32;
    ssize_t n = SP_STR_LENGTH(str);
    int kind = SP_STR_KIND(str);
    const void *data = SP_STR_DATA(str);
    // At most two units per character (a surrogate pair), or a
    // backslashreplace escape of 10 characters.
    char *buf = sp_mem_alloc((size_t)(n * 10 * unit + 4 + unit)), *p = buf;
    if (buf == NULL) {
        return sp_err_no_memory();
    }
    if (bom) {
        p = put_unit(p, 0xFEFF, unit, big);
    }
    for (ssize_t i = 0; i < n; i++) {
        SpUCS4 c = sp_str_read(kind, data, i);
        if (c >= 0xD800 && c <= 0xDFFF && errors != SP_ERR_SURROGATEPASS) {
            if (errors == SP_ERR_IGNORE) {
                continue;
            }
            if (errors == SP_ERR_REPLACE) {
                p = put_unit(p, '?', unit, big);
                continue;
            }
            if (errors == SP_ERR_BACKSLASHREPLACE) {
                char esc[12];
                int k = snprintf(esc, sizeof esc, "\\u%04x", c);
                for (int j = 0; j < k; j++) {
                    p = put_unit(p, (unsigned char)esc[j], unit, big);
                }
                continue;
            }
            // Unlike UTF-8, these encoders report one character at a time.
            sp_mem_free(buf);
            raise_encode_error(codec_name(codec), str, i, i + 1, "surrogates not allowed");
            return NULL;
        }
        if (unit == 2 && c >= 0x10000) {
            p = put_unit(p, 0xD800 + ((c - 0x10000) >> 10), 2, big);
            p = put_unit(p, 0xDC00 + ((c - 0x10000) & 0x3FF), 2, big);
        } else {
            p = put_unit(p, c, unit, big);
        }
    }
    SpObject *r = sp_bytes_from_data(buf, p - buf);
    sp_mem_free(buf);
    return r;
}

SpObject *sp_codec_decode(const char *s, ssize_t len, int codec, int errors) {
    switch (codec) {
    case SP_CODEC_ASCII:
        return ascii_decode(s, len, errors);
    case SP_CODEC_LATIN1:
        return sp_str_from_latin1(s, len);
    case SP_CODEC_UTF8:
        return sp_utf8_decode(s, len, errors);
    default:
        return utf16_32_decode(s, len, codec, errors);
    }
}

// Encoding: `limit` is the first code point the codec cannot represent
// (0x80 ascii, 0x100 latin-1, 0x110000 utf-8, where only surrogates fail).
SpObject *sp_codec_encode(SpObject *str, int codec, int errors) {
    if (codec >= SP_CODEC_UTF16) {
        return utf16_32_encode(str, codec, errors);
    }
    ssize_t n = SP_STR_LENGTH(str);
    if (codec == SP_CODEC_UTF8 || SP_STR_IS_ASCII(str) ||
        (codec == SP_CODEC_LATIN1 && SP_STR_KIND(str) == 1)) {
        if (codec != SP_CODEC_UTF8) {
            return sp_bytes_from_data(SP_STR_DATA(str), n);
        }
        ssize_t size;
        const char *u = sp_str_as_utf8(str, &size);
        if (u != NULL) {
            return sp_bytes_from_data(u, size);
        }
        if (errors == SP_ERR_STRICT || !sp_err_matches_type(&SpExc_UnicodeEncodeError)) {
            return NULL;
        }
        sp_err_clear();  // surrogates, handled below
    }
    const char *name = codec == SP_CODEC_UTF8 ? "utf-8" : codec == SP_CODEC_ASCII ? "ascii"
                                                                                   : "latin-1";
    SpUCS4 limit = codec == SP_CODEC_ASCII ? 0x80 : codec == SP_CODEC_LATIN1 ? 0x100 : 0x110000;
    const char *reason = codec == SP_CODEC_ASCII ? "ordinal not in range(128)"
                       : codec == SP_CODEC_LATIN1 ? "ordinal not in range(256)"
                                                  : "surrogates not allowed";
    int kind = SP_STR_KIND(str);
    const void *data = SP_STR_DATA(str);
    // Worst case per character: "&#1114111;" is 10 bytes.
    char *buf = sp_mem_alloc((size_t)n * 10 + 1), *p = buf;
    if (buf == NULL) {
        return sp_err_no_memory();
    }
    for (ssize_t i = 0; i < n; i++) {
        SpUCS4 c = sp_str_read(kind, data, i);
        int bad = c >= limit || (codec == SP_CODEC_UTF8 && c >= 0xD800 && c <= 0xDFFF);
        if (!bad) {
            if (codec == SP_CODEC_UTF8) {
                p = utf8_put(p, c);
            } else {
                *p++ = (char)c;
            }
            continue;
        }
        switch (errors) {
        case SP_ERR_IGNORE:
            break;
        case SP_ERR_REPLACE:
            *p++ = '?';
            break;
        case SP_ERR_SURROGATEESCAPE:
            if (c >= 0xDC80 && c <= 0xDCFF) {
                *p++ = (char)(c - 0xDC00);
                break;
            }
            goto fail;
        case SP_ERR_SURROGATEPASS:
            if (codec == SP_CODEC_UTF8 && c >= 0xD800 && c <= 0xDFFF) {
                p = utf8_put(p, c);
                break;
            }
            goto fail;
        case SP_ERR_BACKSLASHREPLACE:
            if (c < 0x100) {
                p += sprintf(p, "\\x%02x", c);
            } else if (c < 0x10000) {
                p += sprintf(p, "\\u%04x", c);
            } else {
                p += sprintf(p, "\\U%08x", c);
            }
            break;
        case SP_ERR_XMLCHARREFREPLACE:
            if (codec == SP_CODEC_UTF8) {
                goto fail;
            }
            p += sprintf(p, "&#%u;", c);
            break;
        default:
        fail: {
            ssize_t j = i + 1;
            while (j < n) {
                SpUCS4 d = sp_str_read(kind, data, j);
                int dbad = d >= limit || (codec == SP_CODEC_UTF8 && d >= 0xD800 && d <= 0xDFFF);
                if (!dbad) {
                    break;
                }
                j++;
            }
            raise_encode_error(name, str, i, j, reason);
            sp_mem_free(buf);
            return NULL;
        }
        }
    }
    SpObject *r = sp_bytes_from_data(buf, p - buf);
    sp_mem_free(buf);
    return r;
}

// An unknown handler name behaves as strict until an error happens, which
// then becomes LookupError (CPython looks handlers up lazily).
static SpObject *unknown_handler(SpObject *r, const char *errors) {
    if (r == NULL && (sp_err_matches_type(&SpExc_UnicodeDecodeError) ||
                      sp_err_matches_type(&SpExc_UnicodeEncodeError))) {
        sp_err_clear();
        sp_err_format(&SpExc_LookupError, "unknown error handler name '%s'", errors);
    }
    return r;
}

SpObject *sp_str_decode(const char *s, ssize_t len, const char *encoding, const char *errors) {
    int codec = sp_codec_lookup(encoding);
    if (codec < 0) {
        return NULL;
    }
    int eh = sp_codec_error_handler(errors);
    if (eh == SP_ERR_UNKNOWN) {
        return unknown_handler(sp_codec_decode(s, len, codec, SP_ERR_STRICT), errors);
    }
    return sp_codec_decode(s, len, codec, eh);
}

SpObject *sp_str_encode(SpObject *str, const char *encoding, const char *errors) {
    int codec = sp_codec_lookup(encoding);
    if (codec < 0) {
        return NULL;
    }
    int eh = sp_codec_error_handler(errors);
    if (eh == SP_ERR_UNKNOWN) {
        return unknown_handler(sp_codec_encode(str, codec, SP_ERR_STRICT), errors);
    }
    return sp_codec_encode(str, codec, eh);
}
